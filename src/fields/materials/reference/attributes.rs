//! One item and its attributes: alternatives, forms, copies, format, seal.

use super::*;

/// Build the item of `draft`, noting what could not be structured in `findings`.
pub(crate) fn material<'a>(draft: Draft<'a>, findings: &mut Vec<Finding<'a>>) -> Material {
    let Draft {
        raw,
        condition,
        body,
    } = draft;
    // The body of an item without a condition is its whole text, normalized already.
    let (text, body) = match condition {
        Some(_) => (normalize(raw), Some(body)),
        None => (body, None),
    };
    let body = body.as_deref().unwrap_or(&text);
    let mut note = |message: String| findings.push(Finding { item: raw, message });
    let titles = title_spans(&text);
    let mut item = Material {
        forms: forms(&text, &titles),
        seal_required: seal_required(&text),
        condition,
        ..Material::default()
    };
    match clause_break(body) {
        Some(c) => note(format!(
            "materials item joins several parts with '{c}'; they were kept as one item"
        )),
        None => item.alternatives = alternatives(body),
    }
    match copies(&text) {
        Copies::One(n) => item.copies = Some(n),
        Copies::None => {}
        Copies::Conflict(a, b) => note(format!(
            "materials item gives {a} and {b} copies; copies left empty"
        )),
    }
    match format(&text) {
        Format::One(f) => item.format = Some(f),
        Format::None => {}
        Format::Mixed => note(
            "materials item asks for 原件 of one part and 复印件 of another; format left empty"
                .to_owned(),
        ),
    }
    if ends_in_an_open_title(&titles) {
        note("materials item opens a title with 《 that is never closed".to_owned());
    }
    item.text = text;
    item
}

/// `A或B或C` outside brackets (`body` [`normalize`]d) → `[A, B, C]` (`或者` too, and `；或`/`，或`); the `或` of
/// `原件或复印件` is a format, not a choice. Empty when there is no choice.
pub(crate) fn alternatives(body: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in top_level(body) {
        if c != '或' || i < start || is_format_choice(body, i) {
            continue;
        }
        parts.push(&body[start..i]);
        let after = &body[i + c.len_utf8()..];
        start = body.len() - after.strip_prefix('者').unwrap_or(after).len();
    }
    parts.push(&body[start..]);
    let parts: Vec<String> = parts
        .into_iter()
        .map(trim_separators)
        .filter(|p| !p.is_empty())
        .map(normalize_part_of_normal)
        .collect();
    if parts.len() < 2 {
        Vec::new()
    } else {
        parts
    }
}

/// Whether the `或` at byte `at` joins 原件 and 复印件.
pub(crate) fn is_format_choice(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let after = text[at + '或'.len_utf8()..].trim_start_matches('者');
    (before.ends_with("原件") && after.starts_with("复印件"))
        || (before.ends_with("复印件") && after.starts_with("原件"))
}

/// Every title quoted in `《…》` in `text` ([`normalize`]d), whose [`title_spans`] are `titles`, without the
/// brackets (outermost titles; a title nested in another is part of it).
pub(crate) fn forms(text: &str, titles: &[TitleSpan]) -> Vec<String> {
    titles
        .iter()
        .filter(|span| span.closed)
        .map(|span| normalize_part_of_normal(span.content(text)))
        .filter(|title| !title.is_empty())
        .collect()
}

/// Whether the last of a text's [`title_spans`] is left open.
pub(crate) fn ends_in_an_open_title(titles: &[TitleSpan]) -> bool {
    titles.last().is_some_and(|span| !span.closed)
}

/// The number of copies an item names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Copies {
    None,
    One(u32),
    /// Two different numbers.
    Conflict(u32, u32),
}

/// nom: a number of copies: `1份`, `1 份`, `各1份`, `一式两份`.
pub(crate) fn copies_phrase(input: &str) -> IResult<&str, u32> {
    let (rest, (_, n, _, _)) = (
        opt(alt((tag("一式"), tag("各")))),
        numeral::number,
        multispace0,
        tag("份"),
    )
        .parse(input)?;
    Ok((rest, n))
}

/// Whether a [`copies_phrase`] may start with `c`: `一式`, `各` or a numeral.
pub(crate) fn may_open_copies_phrase(c: char) -> bool {
    c == '各' || is_numeral_char(c)
}

/// Whether `c` is an Arabic digit or can be part of a Chinese numeral.
pub(crate) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// The number of copies `text` names, tried where a number (or `各`, `一式`) starts.
pub(crate) fn copies(text: &str) -> Copies {
    let mut found: Option<u32> = None;
    let mut before: Option<char> = None;
    for (i, c) in text.char_indices() {
        // No phrase starts inside a run of numerals.
        let previous = before.replace(c);
        if !may_open_copies_phrase(c) || previous.is_some_and(is_numeral_char) {
            continue;
        }
        if let Ok((_, n)) = copies_phrase(&text[i..]) {
            match found {
                Some(m) if m != n => return Copies::Conflict(m, n),
                _ => found = Some(n),
            }
        }
    }
    found.map_or(Copies::None, Copies::One)
}

/// The form an item asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Format {
    None,
    One(MaterialFormat),
    /// 原件 of one part and 复印件 of another.
    Mixed,
}

/// nom: a form word or phrase: `原件及复印件`, `原件或复印件`, `原件`, `复印件`.
pub(crate) fn format_phrase(input: &str) -> IResult<&str, MaterialFormat> {
    let copy = || alt((tag("复印件"), tag("影印件")));
    let and = || {
        alt((
            tag("及其"),
            tag("以及"),
            tag("及"),
            tag("和"),
            tag("与"),
            tag("、"),
        ))
    };
    let or = || alt((tag("或者"), tag("或")));
    alt((
        value(
            MaterialFormat::OriginalAndCopy,
            alt((
                value((), (tag("原件"), and(), copy())),
                value((), (copy(), and(), tag("原件"))),
            )),
        ),
        value(
            MaterialFormat::OriginalOrCopy,
            alt((
                value((), (tag("原件"), or(), copy())),
                value((), (copy(), or(), tag("原件"))),
            )),
        ),
        value(MaterialFormat::Original, tag("原件")),
        value(MaterialFormat::Copy, copy()),
    ))
    .parse(input)
}

/// Whether a [`format_phrase`] may start with `c` (`原件…`, `复印件…`, `影印件…`). Checked
/// first, so that the phrase's parsers run only where one of them can match.
pub(crate) fn may_open_format_phrase(c: char) -> bool {
    matches!(c, '原' | '复' | '影')
}

/// The form `text` asks for: 原件 → original, 复印件 → copy, `原件及复印件` →
/// original and copy, `原件或复印件` → original or copy.
pub(crate) fn format(text: &str) -> Format {
    let mut found: Option<MaterialFormat> = None;
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to || !may_open_format_phrase(c) {
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

/// Whether `text` asks for a seal: `加盖单位公章`, `加盖公章`, `盖章`, `加盖医院业务专章`.
/// `覆盖`, `章程` or a negated `无需盖章` do not.
pub(crate) fn seal_required(text: &str) -> bool {
    text.match_indices('盖').any(|(i, _)| seal_at(text, i))
}

/// Whether the `盖` at byte `at` asks for a seal: a `章` follows within a few characters of
/// the same phrase, `盖` is not part of `覆盖`-like words, and no negation comes before it.
pub(crate) fn seal_at(text: &str, at: usize) -> bool {
    const WINDOW: usize = 8;
    let before = &text[..at];
    if before.ends_with(['覆', '遮', '涵', '掩', '铺']) {
        return false;
    }
    let stamped = text[at + '盖'.len_utf8()..]
        .chars()
        .take_while(|&c| !(is_punctuation(c) || c.is_ascii_punctuation() || c.is_whitespace()))
        .take(WINDOW)
        .any(|c| c == '章');
    let recent: String = {
        let tail: Vec<char> = before.chars().rev().take(4).collect();
        tail.into_iter().rev().collect()
    };
    let negated = ["无需", "无须", "不需", "不用", "不必", "免"]
        .iter()
        .any(|n| recent.contains(n));
    stamped && !negated
}

/// When the last item of a `、` list names a number of copies for each (`各1份`), give the
/// items before it that number (and the form said with it, `原件及复印件各1份`) too.
pub(crate) fn share_distributed_tail(items: &mut [Material]) {
    let Some((last, others)) = items.split_last_mut() else {
        return;
    };
    let Some(each) = last.text.rfind('各') else {
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
        item.format = item.format.or(shared_format);
    }
}
