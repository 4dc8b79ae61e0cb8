//! One item and its attributes: alternatives, forms, copies, format, seal.

use super::*;

/// Build the item of `draft`, noting what could not be structured in `findings`; and
/// whether it names copies (has a `份`): only then may its copies go to the items before it
/// ([`share_distributed_tail`]).
///
/// One walk over the item ([`Scan`], often done already for its clause) tells which attributes can be there at all; the
/// parsers of the others are not run (most items have no title, copies, form or seal).
pub(super) fn material<'a>(draft: Draft<'a>, findings: &mut Vec<Finding<'a>>) -> (Material, bool) {
    let Draft {
        raw,
        condition,
        body,
        scan,
    } = draft;
    // The body of an item without a condition is its whole text, normalized already.
    let (text, body) = match condition {
        Some(_) => (normalize(raw), Some(body)),
        None => (body, None),
    };
    // The clause's scan holds for the item when the item is the whole clause, unchanged.
    let seen = scan.unwrap_or_else(|| Scan::of(&text));
    let body_shape = match &body {
        Some(body) => Scan::of(body),
        None => seen,
    };
    let body = body.as_deref().unwrap_or(&text);
    let mut note = |message: String| findings.push(Finding { item: raw, message });
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
        None if body_shape.choice => item.alternatives = alternatives(body),
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
    if ends_in_an_open_title(&titles) {
        note("materials item opens a title with 《 that is never closed".to_owned());
    }
    item.text = text;
    (item, seen.copies)
}

/// `A或B或C` outside brackets (`body` [`normalize`]d) → `[A, B, C]` (`或者` too, and `；或`/`，或`); the `或` of
/// `原件或复印件` is a format, not a choice. Empty when there is no choice.
///
/// Each part is kept as it is found (no vector of slices first). The walk is
/// [`top_level`]'s, told by bytes as in [`Scan::of`]: an ideograph is stepped over whole
/// and only compared with `或`, never decoded; other characters are decoded for the quote
/// and bracket tests.
pub(super) fn alternatives(body: &str) -> Vec<String> {
    fn keep(parts: &mut Vec<String>, part: &str) {
        let part = trim_separators(part);
        if !part.is_empty() {
            parts.push(normalize_part_of_normal(part));
        }
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut in_ascii_quote = false;
    let mut i = 0;
    while let Some(rest) = body.get(i..) {
        if let Some(bytes) = ideograph_at(rest.as_bytes()) {
            let choice = bytes == HUO && depth == 0 && !in_ascii_quote;
            if choice && i >= start && !is_format_choice(body, i) {
                keep(&mut parts, &body[start..i]);
                let after = &rest[HUO.len()..];
                start = body.len() - after.strip_prefix('者').unwrap_or(after).len();
            }
            i += 3;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c == '"' {
            in_ascii_quote = !in_ascii_quote;
        } else if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        }
        i += c.len_utf8();
    }
    keep(&mut parts, &body[start..]);
    if parts.len() < 2 {
        Vec::new()
    } else {
        parts
    }
}

/// Whether the `或` at byte `at` joins 原件 and 复印件.
pub(super) fn is_format_choice(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let after = text[at + '或'.len_utf8()..].trim_start_matches('者');
    (before.ends_with("原件") && after.starts_with("复印件"))
        || (before.ends_with("复印件") && after.starts_with("原件"))
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

/// nom: a number of copies: `1份`, `1 份`, `各1份`, `一式两份`.
pub(super) fn copies_phrase(input: &str) -> IResult<&str, u32> {
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
pub(super) fn may_open_copies_phrase(c: char) -> bool {
    c == '各' || is_numeral_char(c)
}

/// Whether `c` is an Arabic digit or can be part of a Chinese numeral.
pub(super) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// The number of copies `text` names, tried where a number (or `各`, `一式`) starts.
///
/// A phrase ends with `份`, and all it holds before the `份` is numerals, `各`, `式` or
/// white space: so each `份` found by a search is looked back from, over such characters,
/// and only that short window is tried, not every character of the text.
pub(super) fn copies(text: &str) -> Copies {
    let mut found: Option<u32> = None;
    for (fen, _) in text.match_indices('份') {
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

/// Where the run of characters a [`copies_phrase`] can hold before its `份` (numerals, `各`,
/// `式` of `一式`, white space) ends before byte `fen` of `text` starts.
pub(super) fn copies_window_start(text: &str, fen: usize) -> usize {
    text[..fen]
        .trim_end_matches(|c: char| {
            is_numeral_char(c) || c == '各' || c == '式' || c.is_ascii_whitespace()
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

/// nom: a form word or phrase: `原件及复印件`, `原件或复印件`, `原件`, `复印件`.
pub(super) fn format_phrase(input: &str) -> IResult<&str, MaterialFormat> {
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

/// Whether a [`format_phrase`] may start with `c` (`原件…`, `复印件…`, `影印件…`): the
/// tests check that no phrase starts elsewhere, which [`format_phrase_start`] relies on.
#[cfg(test)]
pub(super) fn may_open_format_phrase(c: char) -> bool {
    matches!(c, '原' | '复' | '影')
}

/// The form `text` asks for: 原件 → original, 复印件 → copy, `原件及复印件` →
/// original and copy, `原件或复印件` → original or copy.
///
/// A phrase opens with `原件`, `复印件` or `影印件`: it is tried where a `件` found by a
/// search has `原`, `复印` or `影印` before it, not at each character of the text.
pub(super) fn format(text: &str) -> Format {
    let mut found: Option<MaterialFormat> = None;
    let mut skip_to = 0;
    for (jian, _) in text.match_indices('件') {
        let Some(i) = format_phrase_start(text, jian) else {
            continue;
        };
        if i < skip_to {
            continue;
        }
        let Some((len, f)) = form_at(&text[i..]) else {
            continue;
        };
        skip_to = i + len;
        match found {
            Some(g) if g != f => return Format::Mixed,
            _ => found = Some(f),
        }
    }
    found.map_or(Format::None, Format::One)
}

/// The [`format_phrase`] that `phrase` opens with (it opens with a form word, `原件`,
/// `复印件` or `影印件`), and its length in bytes. A form word that no joining word follows
/// (`及`, `以及`, `和`, `与`, `、`, `或`…) is a phrase by itself, as most are: told without the
/// parser.
pub(super) fn form_at(phrase: &str) -> Option<(usize, MaterialFormat)> {
    // Every phrase opens with a form word: a text opening otherwise holds none.
    let (word, alone) = if phrase.starts_with("原件") {
        ("原件".len(), MaterialFormat::Original)
    } else if phrase.starts_with("复印件") || phrase.starts_with("影印件") {
        ("复印件".len(), MaterialFormat::Copy)
    } else {
        return None;
    };
    let joined = phrase[word..]
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '及' | '以' | '和' | '与' | '、' | '或'));
    if !joined {
        return Some((word, alone));
    }
    format_phrase(phrase)
        .ok()
        .map(|(rest, f)| (phrase.len() - rest.len(), f))
}

/// Where the form word ending with the `件` at byte `jian` of `text` starts (`原件`, `复印件`,
/// `影印件`), if it is one.
pub(super) fn format_phrase_start(text: &str, jian: usize) -> Option<usize> {
    let before = text.get(..jian)?;
    if before.ends_with('原') {
        Some(jian - '原'.len_utf8())
    } else if before.ends_with("复印") || before.ends_with("影印") {
        Some(jian - "复印".len())
    } else {
        None
    }
}

/// Whether `text` asks for a seal: `加盖单位公章`, `加盖公章`, `盖章`, `加盖医院业务专章`.
/// `覆盖`, `章程` or a negated `无需盖章` do not.
pub(super) fn seal_required(text: &str) -> bool {
    text.match_indices('盖').any(|(i, _)| seal_at(text, i))
}

/// Whether the `盖` at byte `at` asks for a seal: a `章` follows within a few characters of
/// the same phrase, `盖` is not part of `覆盖`-like words, and no negation comes before it.
pub(super) fn seal_at(text: &str, at: usize) -> bool {
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
    // The last four characters before the `盖`, borrowed.
    let recent_start = before.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let recent = &before[recent_start..];
    let negated = ["无需", "无须", "不需", "不用", "不必", "免"]
        .iter()
        .any(|n| recent.contains(n));
    stamped && !negated
}

/// When the last item of a `、` list names a number of copies for each (`各1份`), give the
/// items before it that number (and the form said with it, `原件及复印件各1份`) too.
pub(super) fn share_distributed_tail(items: &mut [Material]) {
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
