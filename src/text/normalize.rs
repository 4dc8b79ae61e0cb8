//! Text normalization for names and extracted parts (never for `raw`).

use std::borrow::Cow;

use super::chars::{is_han, is_ideograph};
use super::utf8::{is_wide_lead, starts_an_ideograph};

/// Whether `c` is a Han character ([`is_han`]) or CJK punctuation, between which PDF
/// extraction inserts spaces that the source never had.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}' // CJK symbols and punctuation
            | '\u{FF00}'..='\u{FF0F}' // full-width punctuation before the digits
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}')
}

/// Characters that take no room and carry no text (zero-width space, joiners, BOM).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Trim, drop invisible characters, fold every run of white space (the ideographic space
/// too) into one space, and drop the space between two CJK characters.
///
/// Copies each run of ordinary characters whole; only the characters around a space are
/// looked at one by one.
pub(crate) fn normalize(text: &str) -> String {
    // Most texts hold no white space and no invisible character: a copy is their normal form.
    let Some(first_special) = find_space_or_invisible(text) else {
        return text.to_owned();
    };
    let mut found = Some(first_special);
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut last: Option<char> = None;
    let mut rest = text;
    while !rest.is_empty() {
        let run_end = found
            .take()
            .or_else(|| find_space_or_invisible(rest))
            .unwrap_or(rest.len());
        let run = &rest[..run_end];
        if let Some(first) = run.chars().next() {
            if pending_space && !(last.is_some_and(is_cjk) && is_cjk(first)) {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(run);
            last = run.chars().next_back();
        }
        let Some(special) = rest[run_end..].chars().next() else {
            break;
        };
        if special.is_whitespace() {
            pending_space = last.is_some();
        }
        rest = &rest[run_end + special.len_utf8()..];
    }
    out
}

/// Whether `part` starts and ends with an ideograph (as most channels, steps and sentences do:
/// `现场办理`), told by the lead bytes of its first and last characters without decoding them.
pub(crate) fn ideographs_at_both_ends(part: &str) -> bool {
    let bytes = part.as_bytes();
    let last = bytes.len().wrapping_sub(3);
    bytes.len() >= 3
        && starts_an_ideograph(bytes[0], bytes.get(1))
        && starts_an_ideograph(bytes[last], bytes.get(last + 1))
}

/// [`char::is_whitespace`], with a CJK ideograph ruled out by its range first.
pub(crate) fn is_space(c: char) -> bool {
    !is_ideograph(c) && c.is_whitespace()
}

/// Whether `normalize` drops or folds `c`: white space or an invisible character.
pub(crate) fn is_space_or_invisible(c: char) -> bool {
    !is_ideograph(c) && (c.is_whitespace() || is_invisible(c))
}

/// The byte offset of the first character of `text` that [`is_space_or_invisible`]: what
/// `text.find(is_space_or_invisible)` gives, found without decoding the characters that
/// cannot be one.
///
/// Every cell is searched for white space, so the walk goes by the lead byte of each
/// character: an ideograph (lead byte `E4`…`E9`, U+4000…U+9FFF) or any other character whose
/// lead byte no white space or invisible character has is stepped over by its length, and
/// only a character led by `C2`, `E1`, `E2`, `E3` or `EF` is decoded and asked.
pub(crate) fn find_space_or_invisible(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if is_wide_lead(lead) {
            i += 3;
            continue;
        }
        if lead < 0x80 {
            if lead == b' ' || (b'\t'..=b'\r').contains(&lead) {
                return Some(i);
            }
            i += 1;
            continue;
        }
        match lead {
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = text.get(i..).and_then(|rest| rest.chars().next())?;
                if is_space_or_invisible(c) {
                    return Some(i);
                }
                i += c.len_utf8();
            }
            0xC0..=0xDF => i += 2,
            0xE0..=0xEF => i += 3,
            _ => i += 4,
        }
    }
    None
}

/// `text` without white space at either end: exactly [`str::trim`], faster on CJK text.
///
/// Cells are trimmed everywhere, and `str::trim` looks each end character up in the Unicode
/// white-space table; here an ASCII byte is tested as it is and an ideograph (lead byte
/// `E4` … `E9`, never white space) ends the trim at once.
pub(crate) fn trim(text: &str) -> &str {
    if ideographs_at_both_ends(text) {
        // Most parts of a cell: nothing to trim, told by two lead bytes.
        return text;
    }
    trim_end(trim_start(text))
}

/// `text` without white space at its start: exactly [`str::trim_start`] (see [`trim`]).
///
/// Inlined for its first test: most texts trimmed start with an ideograph, a visible ASCII
/// character or a full-width form (`（`, `，`: lead byte `EF`, U+F000…U+FFFF, where no character
/// is white space) and are returned as they are, without a call (some 70 000 calls on 2 000
/// rows).
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(&lead)
            if is_wide_lead(lead) || lead == 0xEF || (lead < 0x80 && !is_ascii_space(lead)) =>
        {
            text
        }
        None => text,
        Some(_) => trim_start_walk(text),
    }
}

/// [`trim_start`] for a text that may start with white space: the walk itself.
fn trim_start_walk(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            if !is_ascii_space(lead) {
                break;
            }
            i += 1;
            continue;
        }
        if is_wide_lead(lead) {
            break;
        }
        match text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    text.get(i..).unwrap_or_default()
}

/// `text` without white space at its end: exactly [`str::trim_end`] (see [`trim`]).
pub(crate) fn trim_end(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(&last) = end.checked_sub(1).and_then(|i| bytes.get(i)) {
        if last < 0x80 {
            if !is_ascii_space(last) {
                break;
            }
            end -= 1;
            continue;
        }
        match text.get(..end).and_then(|head| head.chars().next_back()) {
            Some(c) if is_space(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    text.get(..end).unwrap_or_default()
}

/// Whether the ASCII byte `b` is white space as [`char::is_whitespace`] has it (the tab, the
/// line feed, the vertical tab, the form feed, the carriage return and the space).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// [`normalize`]d `part`, where `part` is a slice of a text that `normalize` returned (or
/// would leave as it is). Such a text holds no invisible character, no white space but single
/// spaces, and no space between two CJK characters, so only the ends of a part can differ
/// from its normal form: trimming them is all that is left to do, with no walk for white
/// space.
pub(crate) fn normalize_part_of_normal(part: &str) -> String {
    part.trim().to_owned()
}

/// [`normalize`]d `text`, borrowed when it is normal already (no white space and no invisible
/// character): for text that is only looked at, or kept only sometimes.
pub(crate) fn normalized(text: &str) -> Cow<'_, str> {
    if find_space_or_invisible(text).is_some() {
        Cow::Owned(normalize(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Trim, drop invisible characters and fold every run of white space into one space, keeping
/// the spaces between CJK characters. For titles, where a space separates co-issuers
/// (`《国家医保局 财政部关于…》`).
pub(crate) fn fold_spaces(text: &str) -> String {
    // A word is what lies between white space: each but the first is led by one space, even
    // a word of invisible characters only, which adds nothing else.
    fn start_word(out: &mut String, pending_space: &mut bool) {
        if std::mem::take(pending_space) && !out.is_empty() {
            out.push(' ');
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let run_end = find_space_or_invisible(rest).unwrap_or(rest.len());
        if run_end > 0 {
            start_word(&mut out, &mut pending_space);
            out.push_str(&rest[..run_end]);
        }
        let Some(special) = rest[run_end..].chars().next() else {
            break;
        };
        if special.is_whitespace() {
            pending_space = true;
        } else {
            start_word(&mut out, &mut pending_space);
        }
        rest = &rest[run_end + special.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character definition that [`normalize`] must agree with.
    fn normalize_char_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut last: Option<char> = None;
        for c in text.chars() {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                pending_space = last.is_some();
                continue;
            }
            if pending_space && !(last.is_some_and(is_cjk) && is_cjk(c)) {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
            last = Some(c);
        }
        out
    }

    #[test]
    fn run_by_run_agrees_with_char_by_char() {
        let pieces = [
            "甲", "a", "1", " ", "\u{3000}", "\t", "\u{200B}", "\u{FEFF}", "（", "）", "，", "—",
            "\u{00A0}", "\n", "《", "x y",
        ];
        // Every string of up to four pieces.
        let texts = crate::test_support::every_text(&pieces, 4);
        for text in &texts {
            assert_eq!(normalize(text), normalize_char_by_char(text), "{text:?}");
        }
    }

    #[test]
    fn a_part_of_a_normal_text_is_normal_once_trimmed() {
        let pieces = [
            "甲", "a", " ", "\u{3000}", "\t", "\u{200B}", "，", "—", "\u{00A0}", "《",
        ];
        // Every string of up to five pieces, and every slice of its normal form.
        let texts = crate::test_support::every_text(&pieces, 5);
        for text in &texts {
            let normal = normalize(text);
            let bounds: Vec<usize> = normal
                .char_indices()
                .map(|(i, _)| i)
                .chain([normal.len()])
                .collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    let part = &normal[start..end];
                    assert_eq!(normalize_part_of_normal(part), normalize(part), "{part:?}");
                }
            }
        }
    }

    #[test]
    fn the_ideograph_shortcut_changes_no_answer() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
            let dropped = c.is_whitespace() || is_invisible(c);
            assert_eq!(is_space_or_invisible(c), dropped, "{c:?}");
        }
    }

    /// The definition [`fold_spaces`] must agree with.
    fn fold_spaces_char_by_char(text: &str) -> String {
        let mut out = String::new();
        for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().filter(|c| !is_invisible(*c)));
        }
        out
    }

    #[test]
    fn run_by_run_agrees_with_char_by_char_for_fold_spaces_and_normalized() {
        let pieces = [
            "甲", "a", " ", "\u{3000}", "\t", "\u{200B}", "\u{FEFF}", "（", "\u{00A0}", "x y",
        ];
        let texts = crate::test_support::every_text(&pieces, 4);
        for text in &texts {
            assert_eq!(
                fold_spaces(text),
                fold_spaces_char_by_char(text),
                "{text:?}"
            );
            assert_eq!(normalized(text), normalize(text), "{text:?}");
        }
        assert!(matches!(normalized("甲乙"), Cow::Borrowed("甲乙")));
    }

    #[test]
    fn the_lead_byte_walk_finds_what_find_finds() {
        let mut texts: Vec<String> = Vec::new();
        for c in (0..=0x3_0000).chain([0x10_FFFF]).filter_map(char::from_u32) {
            texts.push(format!("{c}"));
            texts.push(format!("甲a{c}乙"));
            texts.push(format!("\u{10000}é{c} "));
        }
        let pieces = [
            "甲",
            "a",
            " ",
            "\u{3000}",
            "\u{200B}",
            "\u{FEFF}",
            "（",
            "é",
            "\u{1680}",
            "\u{10000}",
            "—",
        ];
        texts.extend(crate::test_support::every_text(&pieces, 4));
        for text in &texts {
            assert_eq!(
                find_space_or_invisible(text),
                text.find(is_space_or_invisible),
                "{text:?}"
            );
        }
    }

    #[test]
    fn trim_is_str_trim() {
        let mut texts: Vec<String> = Vec::new();
        for c in (0..=0x3_0000).chain([0x10_FFFF]).filter_map(char::from_u32) {
            texts.push(format!("{c}"));
            texts.push(format!("{c} 甲{c}"));
            texts.push(format!("\u{3000}{c}\u{A0}"));
        }
        let pieces = [
            "甲", "a", " ", "\u{3000}", "\t", "\u{200B}", "\u{85}", "é", "\u{1680}", "𠀀",
            "\u{2029}",
        ];
        texts.extend(crate::test_support::every_text(&pieces, 4));
        for text in &texts {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
        }
    }

    #[test]
    fn folds_and_trims_white_space() {
        assert_eq!(
            normalize("  现场办理 \u{3000} 网上办理 "),
            "现场办理网上办理"
        );
        assert_eq!(normalize("学校提供花名册 1  份"), "学校提供花名册 1 份");
        assert_eq!(normalize("a \t b"), "a b");
        assert_eq!(normalize("基本医疗保险 参保登记"), "基本医疗保险参保登记");
    }

    #[test]
    fn fold_spaces_keeps_one_space_between_words() {
        assert_eq!(
            fold_spaces(" 国家医保局 \u{3000}财政部关于 "),
            "国家医保局 财政部关于"
        );
        assert_eq!(fold_spaces("a\u{200B}b"), "ab");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(normalize("单位\u{200B}参保"), "单位参保");
        assert_eq!(normalize("\u{FEFF}主项"), "主项");
    }
}
