//! One item and its attributes: alternatives, forms, copies, format, seal.

use super::*;

/// Build the item of `draft`, noting what could not be structured in `notes`; and
/// whether it names copies (has a `份`): only then may its copies go to the items before it
/// ([`share_distributed_tail`]).
///
/// One walk over the item ([`ClauseShape`], often done already for its clause) tells which
/// attributes can be there at all; the parsers of the others are not run (most items have no
/// title, copies, form or seal).
pub(super) fn material<'a>(draft: Draft<'a>, notes: &mut Vec<ItemNote<'a>>) -> (Material, bool) {
    let Draft {
        raw,
        condition,
        body,
        scan,
        guess,
    } = draft;
    // The body of an item without a condition is its whole text, normalized already.
    let (text, body) = match condition {
        Some(_) => (normalize(raw), Some(body)),
        None => (body, None),
    };
    // The clause's scan holds for the item when the item is the whole clause, unchanged.
    let seen = scan.unwrap_or_else(|| ClauseShape::of(&text));
    let body_shape = match &body {
        Some(body) => ClauseShape::of(body),
        None => seen,
    };
    let body = body.as_deref().unwrap_or(&text);
    let mut note = |message: String| notes.push(ItemNote { item: raw, message });
    if let Some(joined) = guess {
        note(joined.message().to_owned());
    }
    let titles = if seen.title {
        title_spans(&text)
    } else {
        Vec::new()
    };
    let mut item = Material {
        forms: forms(&text, &titles),
        seal_required: seen.seal && seal_required(&text),
        condition,
        ..Material::default()
    };
    match body_shape.clause_break {
        Some(c) => note(format!(
            "materials item joins several parts with '{c}'; they were kept as one item"
        )),
        None if body_shape.choice => item.alternatives = alternatives(body, seen.medium),
        None => {}
    }
    match if seen.copies {
        copies(&text)
    } else {
        Copies::None
    } {
        Copies::One(n) => item.copies = Some(n),
        Copies::None => {}
        Copies::Conflict(a, b) => note(format!(
            "materials item gives {a} and {b} copies; copies left empty"
        )),
    }
    match if seen.format {
        format(&text)
    } else {
        Format::None
    } {
        Format::One(f) => item.format = Some(f),
        Format::None => {}
        Format::Mixed => note(
            "materials item asks for 原件 of one part and 复印件 of another; format left empty"
                .to_owned(),
        ),
    }
    if seen.medium {
        match medium(&text) {
            Found::One(m) => item.medium = Some(m),
            Found::None => {}
            Found::Conflict(a, b) => note(format!(
                "materials item asks for media {a:?} and {b:?}; medium left empty"
            )),
        }
    }
    item.optional = seen.optional && optional(body);
    // Every handling word holds `原件`: its `件` is seen too.
    if seen.handling && seen.format {
        match handling(&text) {
            Found::One(h) => item.handling = Some(h),
            Found::None => {}
            Found::Conflict(a, b) => note(format!(
                "materials item says the original is {a:?} and {b:?}; handling left empty"
            )),
        }
    }
    if seen.source {
        match source(&text) {
            Found::One(s) => item.source = Some(s),
            Found::None => {}
            Found::Conflict(a, b) => note(format!(
                "materials item names sources {a:?} and {b:?}; source left empty"
            )),
        }
    }
    if ends_in_an_open_title(&titles) {
        note("materials item opens a title with 《 that is never closed".to_owned());
    }
    item.text = text;
    (item, seen.copies)
}

/// `A或B或C` outside brackets (`body` [`normalize`]d) → `[A, B, C]` (`或者` too, and
/// `；或`/`，或`): `alternatives = alternative (choice alternative)*`. The `或` of
/// `原件或复印件` is a format ([`format_phrase`]), that of `纸质或电子版` a medium
/// ([`medium_phrase`]), not a choice. Empty when there is no choice.
///
/// `media`: the body may hold a medium phrase (a `纸` or `电`), whose `或` is asked about.
pub(super) fn alternatives(body: &str, media: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let mut keep = |part: &str| {
        let part = trim_separators(part);
        if !part.is_empty() {
            parts.push(normalize_part_of_normal(part));
        }
    };
    // `start`: where the alternative being read starts; `rest`: how far it is read.
    let mut start = 0;
    let mut rest = body;
    // Each round reads up to a choice word and past it: the loop always advances.
    while let Ok((at_choice, _)) = alternative(rest) {
        let at = body.len() - at_choice.len();
        let Ok((after, _)) = or_word(at_choice) else {
            break;
        };
        rest = after;
        // The `或` of `原件或复印件` or `纸质或电子版` is no choice between items.
        let in_a_phrase = joins_formats(body, at) || (media && joins_media(body, at));
        if !in_a_phrase {
            keep(&body[start..at]);
            start = body.len() - after.len();
        }
    }
    keep(&body[start..]);
    if parts.len() < 2 {
        Vec::new()
    } else {
        parts
    }
}

/// nom: one alternative, up to the next choice word at the top level (possibly empty):
/// `alternative = (plain_run | bracketed | quoted)*`.
fn alternative(input: &str) -> IResult<&str, &str> {
    recognize(many0_count(alt((plain_run, bracketed, ascii_quoted)))).parse(input)
}

/// Whether the choice word at byte `at` of `text` joins an original and a copy
/// (`原件或复印件`): a format word ends there and a [`format_phrase`] of a choice starts with it.
fn joins_formats(text: &str, at: usize) -> bool {
    format_word_start(text, at).is_some_and(|start| {
        matches!(
            format_phrase(&text[start..]),
            Ok((_, MaterialFormat::OriginalOrCopy))
        )
    })
}

/// nom: a bracketed stretch, `（…）`, `《…》`, `“…”`, brackets of any kind nested in it; an
/// unclosed one runs to the end. Written as a count of depth, not a recursive parser, so that
/// thousands of nested brackets need no stack.
fn bracketed(input: &str) -> IResult<&str, &str> {
    // No bracket is an ideograph: the walk steps over them ([`sparse_chars`]).
    const NO_MARKS: WideMarks = WideMarks::new(['\0'; 4]);
    // The first character alone first: a walk to the first non-ideograph could run far.
    if !input.chars().next().is_some_and(opens) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            ErrorKind::Char,
        )));
    }
    let mut chars = sparse_chars(input, NO_MARKS);
    chars.next();
    let mut depth = 1usize;
    for (i, c) in chars {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth -= 1;
            if depth == 0 {
                let end = i + c.len_utf8();
                return Ok((&input[end..], &input[..end]));
            }
        }
    }
    Ok((&input[input.len()..], input))
}

/// nom: a stretch in ASCII quotes, `"…"`; an unclosed one runs to the end.
fn ascii_quoted(input: &str) -> IResult<&str, &str> {
    recognize((char('"'), take_till(|c| c == '"'), opt(char('"')))).parse(input)
}

/// nom: characters that open no bracket or quote and are no choice word. (The ideographs
/// but `或` are stepped over by [`sparse_chars`], not looked at one by one.)
fn plain_run(input: &str) -> IResult<&str, &str> {
    const CHOICE: WideMarks = WideMarks::new([CHOICE_MARK; 4]);
    let end = sparse_chars(input, CHOICE)
        .find(|&(_, c)| opens(c) || c == '"' || c == CHOICE_MARK)
        .map_or(input.len(), |(at, _)| at);
    match end {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            input,
            ErrorKind::TakeWhile1,
        ))),
        _ => Ok((&input[end..], &input[..end])),
    }
}

/// Every title quoted in `《…》` in `text` ([`normalize`]d), whose [`title_spans`] are `titles`, without the
/// brackets (outermost titles; a title nested in another is part of it).
pub(super) fn forms(text: &str, titles: &[TitleSpan]) -> Vec<String> {
    // Room for every closed title: exact unless one is blank.
    let mut forms = Vec::with_capacity(titles.iter().filter(|span| span.closed).count());
    for span in titles.iter().filter(|span| span.closed) {
        let title = normalize_part_of_normal(span.content(text));
        if !title.is_empty() {
            forms.push(title);
        }
    }
    forms
}

/// Whether the last of a text's [`title_spans`] is left open.
pub(super) fn ends_in_an_open_title(titles: &[TitleSpan]) -> bool {
    titles.last().is_some_and(|span| !span.closed)
}

/// The number of copies an item names.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Copies {
    None,
    One(u32),
    /// Two different numbers.
    Conflict(u32, u32),
}

/// nom: a number of copies: `1份`, `1 份`, `各1份`, `一式两份`:
/// `copies = lead? number space* 份`.
pub(super) fn copies_phrase(input: &str) -> IResult<&str, u32> {
    let (rest, (_, n, _, _)) = (
        opt(one_of(COPIES_LEADS)),
        numeral::number,
        multispace0,
        char(COPIES_UNIT),
    )
        .parse(input)?;
    Ok((rest, n))
}

/// Whether a [`copies_phrase`] may start with `c`: a [`COPIES_LEADS`] word or a numeral.
pub(super) fn may_open_copies_phrase(c: char) -> bool {
    is_numeral_char(c) || COPIES_LEADS.iter().any(|word| word.starts_with(c))
}

/// The number of copies `text` names, tried where a number (or `各`, `一式`) starts.
///
/// A phrase ends with `份`, and all it holds before the `份` is numerals, `各`, `式` or
/// white space: so each `份` found by a search is looked back from, over such characters,
/// and only that short window is tried, not every character of the text.
pub(super) fn copies(text: &str) -> Copies {
    let mut found: Option<u32> = None;
    for (fen, _) in text.match_indices(COPIES_UNIT) {
        let window = copies_window_start(text, fen);
        let mut before: Option<char> = text[..window].chars().next_back();
        for (offset, c) in text[window..fen].char_indices() {
            // No phrase starts inside a run of numerals.
            let previous = before.replace(c);
            if !may_open_copies_phrase(c) || previous.is_some_and(is_numeral_char) {
                continue;
            }
            if let Ok((_, n)) = copies_phrase(&text[window + offset..]) {
                match found {
                    Some(m) if m != n => return Copies::Conflict(m, n),
                    _ => found = Some(n),
                }
            }
        }
    }
    found.map_or(Copies::None, Copies::One)
}

/// Where the run of characters a [`copies_phrase`] can hold before its `份` (numerals, the
/// characters of [`COPIES_LEADS`], white space) ends before byte `fen` of `text` starts.
pub(super) fn copies_window_start(text: &str, fen: usize) -> usize {
    text[..fen]
        .trim_end_matches(|c: char| {
            is_numeral_char(c)
                || c.is_ascii_whitespace()
                || COPIES_LEADS.iter().any(|word| word.chars().any(|w| w == c))
        })
        .len()
}

/// The form an item asks for.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Format {
    None,
    One(MaterialFormat),
    /// 原件 of one part and 复印件 of another.
    Mixed,
}

/// nom: a format word or phrase: `原件及复印件`, `原件或复印件`, `原件`, `复印件`:
/// `format = original (joined copy)? | copy (joined original)?`.
pub(super) fn format_phrase(input: &str) -> IResult<&str, MaterialFormat> {
    alt((
        map((original, opt(joined(copy))), |(_, joined)| {
            joined.unwrap_or(MaterialFormat::Original)
        }),
        map((copy, opt(joined(original))), |(_, joined)| {
            joined.unwrap_or(MaterialFormat::Copy)
        }),
    ))
    .parse(input)
}

/// nom: the second format word of a phrase, after the word joining it to the first: an
/// original and a copy both (`及复印件`), or either (`或复印件`).
fn joined<'a>(
    other: Word,
) -> impl Parser<&'a str, Output = MaterialFormat, Error = nom::error::Error<&'a str>> {
    alt((
        value(MaterialFormat::OriginalAndCopy, (and_word, other)),
        value(MaterialFormat::OriginalOrCopy, (or_word, other)),
    ))
}

/// A parser of one word.
pub(super) type Word = fn(&str) -> IResult<&str, &str>;

/// nom: a word joining an original and a copy ([`AND_WORDS`]).
fn and_word(input: &str) -> IResult<&str, &str> {
    one_of(AND_WORDS)(input)
}

/// nom: a choice word ([`OR_WORDS`]).
pub(super) fn or_word(input: &str) -> IResult<&str, &str> {
    one_of(OR_WORDS)(input)
}

/// nom: a word for the original ([`ORIGINAL_WORDS`]).
fn original(input: &str) -> IResult<&str, &str> {
    one_of(ORIGINAL_WORDS)(input)
}

/// nom: a word for a copy ([`COPY_WORDS`]).
fn copy(input: &str) -> IResult<&str, &str> {
    one_of(COPY_WORDS)(input)
}

/// The form `text` asks for: 原件 → original, 复印件 → copy, `原件及复印件` →
/// original and copy, `原件或复印件` → original or copy.
///
/// Every format word ends with [`FORMAT_MARK`] (`件`): a [`format_phrase`] is tried only
/// where a `件` found by a search ends a format word, not at each character of the text.
pub(super) fn format(text: &str) -> Format {
    let mut found: Option<MaterialFormat> = None;
    let mut skip_to = 0;
    for (jian, mark) in text.match_indices(FORMAT_MARK) {
        let Some(i) = format_word_start(text, jian + mark.len()) else {
            continue;
        };
        if i < skip_to {
            continue;
        }
        let Ok((rest, f)) = format_phrase(&text[i..]) else {
            continue;
        };
        skip_to = text.len() - rest.len();
        match found {
            Some(g) if g != f => return Format::Mixed,
            _ => found = Some(f),
        }
    }
    found.map_or(Format::None, Format::One)
}

/// Where the format word ending at byte `end` of `text` starts, if one ends there.
pub(super) fn format_word_start(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    ORIGINAL_WORDS
        .iter()
        .chain(COPY_WORDS)
        .find(|word| before.ends_with(**word))
        .map(|word| end - word.len())
}

/// Whether `text` asks for a seal: `加盖单位公章`, `加盖公章`, `盖章`, `加盖医院业务专章`.
/// `覆盖`, `章程` or a negated `无需盖章` do not.
pub(super) fn seal_required(text: &str) -> bool {
    text.match_indices(SEAL_VERB)
        .any(|(at, _)| seal_at(text, at))
}

/// nom: a seal wording at its verb: `盖`, then within a few characters of the same phrase a
/// `章` (`盖单位公章`, `盖章`): `seal = 盖 phrase_char{0,8} containing 章`.
pub(super) fn seal_phrase(input: &str) -> IResult<&str, &str> {
    recognize((
        char(SEAL_VERB),
        verify(
            take_while_m_n(0, SEAL_REACH, is_phrase_char),
            |stamped: &str| stamped.contains(SEAL_NOUN),
        ),
    ))
    .parse(input)
}

/// Whether `c` can be inside a phrase: no punctuation or white space.
fn is_phrase_char(c: char) -> bool {
    !(is_cjk_punctuation(c) || c.is_ascii_punctuation() || c.is_whitespace())
}

/// Whether the `盖` at byte `at` asks for a seal: a [`seal_phrase`] opens there, the `盖` is
/// not part of `覆盖`-like words ([`NOT_SEAL_BEFORE`]), and no [`NEEDLESS`] word comes just
/// before it.
pub(super) fn seal_at(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with(NOT_SEAL_BEFORE) || seal_phrase(&text[at..]).is_err() {
        return false;
    }
    let recent_start = before
        .char_indices()
        .rev()
        .nth(SEAL_NEGATION_REACH - 1)
        .map_or(0, |(i, _)| i);
    let recent = &before[recent_start..];
    // A word of `NEEDLESS` in `recent`: one opens at one of its characters (each word's first
    // byte compared first, where a search for each word would set up a searcher).
    let needless = one_of(NEEDLESS);
    !recent
        .char_indices()
        .any(|(i, _)| needless(&recent[i..]).is_ok())
}

/// When the last item of a `、` list names a number of copies for each (`各1份`), give the
/// items before it that number (and the form said with it, `原件及复印件各1份`) too.
pub(super) fn share_distributed_tail(items: &mut [Material]) {
    // An item alone has none to share with: its text is not searched.
    let Some((last, others @ [_, ..])) = items.split_last_mut() else {
        return;
    };
    let Some(each) = last.text.rfind(EACH) else {
        return;
    };
    let (before, tail) = last.text.split_at(each);
    let tail = tail.trim_end_matches(['。', '；', ';']);
    let Ok((rest, n)) = copies_phrase(tail) else {
        return;
    };
    if !rest.trim().is_empty() {
        return;
    }
    let shared_format = FORM_SUFFIXES
        .iter()
        .find(|s| before.trim_end().ends_with(*s))
        .and_then(|s| match format(s) {
            Format::One(f) => Some(f),
            _ => None,
        });
    for item in others {
        item.copies = item.copies.or(Some(n));
        item.format = item.format.take().or_else(|| shared_format.clone());
    }
}
