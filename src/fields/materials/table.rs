//! A table of materials flattened into one cell: each row's document followed by its
//! attribute columns, separated by white space
//! (`《参保登记表》 原件 1份 纸质 身份证 复印件 1份 纸质/电子版`).

use super::*;

/// nom: one column of a flattened table row that says how a material is handed in, to the
/// end of its token: `attribute_column = (handling | format | copies | medium | optional |
/// source | "必要")+`. (`原件核验后退还` is a handling before it is a format.)
pub(super) fn attribute_column(input: &str) -> IResult<&str, ()> {
    value((), (many1_count(attribute), eof)).parse(input)
}

/// nom: one attribute of an [`attribute_column`].
fn attribute(input: &str) -> IResult<&str, ()> {
    alt((
        value((), handling_phrase),
        value((), format_phrase),
        value((), copies_phrase),
        value((), medium_phrase),
        value((), optional_word),
        value((), source_phrase),
        value((), one_of(TABLE_CELL_WORDS)),
    ))
    .parse(input)
}

/// The rows of a clause that is a flattened table, or none when it is not one.
///
/// The clause is split on white space into tokens; a token that is an [`attribute_column`]
/// belongs to the row before it, any other starts a row (tokens of one name in a row run on:
/// `社会保险 登记表`). The clause is a table only when it has at least two rows, each naming
/// a document ([`is_document`]) and giving at least one attribute column: so prose with
/// spaces, or one item with its attributes (`《表》 原件 1份`), is read as before.
pub(super) fn table_rows(clause: &str) -> Option<Vec<&str>> {
    // Each row: its start, the end of its name, and its end (byte offsets).
    let mut rows: Vec<(usize, usize, usize)> = Vec::new();
    let mut in_name = false;
    for (start, token) in tokens(clause) {
        let end = start + token.len();
        if attribute_column(token).is_ok() {
            let row = rows.last_mut()?;
            row.2 = end;
            in_name = false;
        } else if in_name {
            let row = rows.last_mut()?;
            (row.1, row.2) = (end, end);
        } else {
            rows.push((start, end, end));
            in_name = true;
        }
    }
    let table = rows.len() >= 2
        && rows
            .iter()
            .all(|&(start, name_end, end)| end > name_end && is_document(&clause[start..name_end]));
    table.then(|| {
        rows.iter()
            .map(|&(start, _, end)| &clause[start..end])
            .collect()
    })
}

/// The tokens of `text` between runs of white space or invisible characters, with their
/// byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = &text[rest..];
        let start = rest + tail.find(|c: char| !is_space_or_invisible(c))?;
        let len = text[start..]
            .find(is_space_or_invisible)
            .unwrap_or(text.len() - start);
        rest = start + len;
        Some((start, &text[start..start + len]))
    })
}
