//! Brackets, quotes and 《》 titles. What stands inside them is a remark, a quotation or a
//! name (`身份证（①原件②复印件）`, `《关于印发〈…〉的通知》`), never the structure of the text
//! around it: no parser splits there.

use crate::text::chars::is_ideograph;
use crate::text::normalize::trim;
use crate::text::utf8::{char_at, is_wide_lead};

/// Whether `c` opens a bracket, a quotation or a title.
pub(crate) fn opens(c: char) -> bool {
    !is_ideograph(c)
        && matches!(
            c,
            '（' | '(' | '【' | '[' | '《' | '〈' | '“' | '‘' | '「' | '〔' | '﹝'
        )
}

/// Whether `c` closes a bracket, a quotation or a title.
pub(crate) fn closes(c: char) -> bool {
    !is_ideograph(c)
        && matches!(
            c,
            '）' | ')' | '】' | ']' | '》' | '〉' | '”' | '’' | '」' | '〕' | '﹞'
        )
}

/// The characters of `text` with their byte offsets, as `char_indices` gives them, less
/// every character of U+4000 … U+9FFF (the ideographs, lead byte `E4` … `E9`): for a scan that
/// looks for brackets, quotes or other punctuation, none of which is an ideograph. An
/// ideograph, most characters of a cell, is stepped over by its lead byte without being
/// decoded.
pub(crate) fn non_ideographs(text: &str) -> NonIdeographs<'_> {
    NonIdeographs { text, at: 0 }
}

/// The iterator of [`non_ideographs`].
#[derive(Debug, Clone)]
pub(crate) struct NonIdeographs<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for NonIdeographs<'_> {
    type Item = (usize, char);

    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        while let Some(&lead) = bytes.get(self.at) {
            if is_wide_lead(lead) {
                self.at += 3;
                continue;
            }
            let at = self.at;
            let c = char_at(self.text, at, lead)?;
            self.at += c.len_utf8();
            return Some((at, c));
        }
        None
    }
}

/// Split `text` on the characters `is_separator` accepts, except inside brackets, quotes or
/// titles. Parts are trimmed; empty ones are dropped. A stray closing bracket never makes the
/// depth negative; an unclosed one keeps the rest of the text together.
///
/// Inlined, so that each caller's separator test is called directly (or inlined) rather than
/// through the function pointer at every character; the parts are trimmed and kept as they
/// are cut, in one list.
#[inline]
pub(crate) fn split_top_level<'a>(text: &'a str, is_separator: fn(char) -> bool) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut keep = |part: &'a str| {
        let part = trim(part);
        if !part.is_empty() {
            parts.push(part);
        }
    };
    let mut depth: usize = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_separator(c) {
            keep(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    keep(&text[start..]);
    parts
}

/// A bracket without its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unmatched {
    /// Byte offset of the bracket.
    pub(crate) offset: usize,
    pub(crate) bracket: char,
    /// An opening bracket never closed (else a closing one that closes nothing).
    pub(crate) opening: bool,
}

/// The kind of bracket `c` is for [`first_unmatched`], and whether it opens. Full- and
/// half-width forms of a kind close each other (`（…)`), and so do the square forms a document
/// number uses interchangeably (`〔2021]`). Titles (`《》`, `〈〉`) are left to the parsers that
/// read them.
fn pairing(c: char) -> Option<(usize, bool)> {
    if is_ideograph(c) {
        return None;
    }
    Some(match c {
        '（' | '(' => (0, true),
        '）' | ')' => (0, false),
        '[' | '［' | '【' | '〔' | '﹝' => (1, true),
        ']' | '］' | '】' | '〕' | '﹞' => (1, false),
        '“' => (2, true),
        '”' => (2, false),
        '‘' => (3, true),
        '’' => (3, false),
        '「' => (4, true),
        '」' => (4, false),
        _ => return None,
    })
}

/// The first bracket of `text` without a partner: a closing one that closes nothing, or else
/// the first opening one never closed. Kinds are counted apart, so `（“）”` is balanced.
pub(crate) fn first_unmatched(text: &str) -> Option<Unmatched> {
    // Per kind, how many brackets are open, and the first of them: the one that opened when
    // none was, since the others close before it does.
    let mut open: [(usize, Option<(usize, char)>); 5] = Default::default();
    // No ideograph is a bracket.
    for (offset, c) in non_ideographs(text) {
        let Some((kind, opening)) = pairing(c) else {
            continue;
        };
        let (depth, first) = &mut open[kind];
        if opening {
            if *depth == 0 {
                *first = Some((offset, c));
            }
            *depth += 1;
        } else if *depth == 0 {
            return Some(Unmatched {
                offset,
                bracket: c,
                opening: false,
            });
        } else {
            *depth -= 1;
        }
    }
    open.iter()
        .filter(|(depth, _)| *depth > 0)
        .filter_map(|(_, first)| *first)
        .min()
        .map(|(offset, bracket)| Unmatched {
            offset,
            bracket,
            opening: true,
        })
}

/// An outermost `《…》` in a text: the byte range of the whole title, brackets included, and
/// whether a `》` closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleSpan {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) closed: bool,
}

impl TitleSpan {
    /// The text between the brackets.
    pub(crate) fn content(self, text: &str) -> &str {
        let inner_start = self.start + '《'.len_utf8();
        let inner_end = if self.closed {
            self.end - '》'.len_utf8()
        } else {
            self.end
        };
        &text[inner_start..inner_end]
    }
}

/// Every outermost `《…》` of `text`; titles nested inside (`《关于印发《…》的通知》`) stay part
/// of the outer one. A `《` never closed runs to the end (the last span, not `closed`); a stray
/// `》` is ignored.
pub(crate) fn title_spans(text: &str) -> Vec<TitleSpan> {
    // Both brackets are led by the byte `E3`, which memchr finds far faster than a walk
    // over the characters: only the characters at those bytes are looked at.
    let candidates = memchr::memchr_iter(0xE3, text.as_bytes()).filter_map(|i| {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .map(|c| (i, c))
    });
    titles_among(text, candidates)
}

/// The outermost `《…》` spans of `text` (see [`title_spans`]), told from `chars`: characters
/// of `text` with their byte offsets, in order, among them every `《` and `》` of `text`
/// (any others are passed over).
fn titles_among(text: &str, chars: impl Iterator<Item = (usize, char)>) -> Vec<TitleSpan> {
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in chars {
        match c {
            '《' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    spans.push(TitleSpan {
                        start,
                        end: i + c.len_utf8(),
                        closed: true,
                    });
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        spans.push(TitleSpan {
            start,
            end: text.len(),
            closed: false,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ideograph_shortcut_hides_no_bracket() {
        for c in "（(【[《〈“‘「〔".chars() {
            assert!(opens(c) && !closes(c), "{c:?}");
        }
        for c in "）)】]》〉”’」〕".chars() {
            assert!(closes(c) && !opens(c), "{c:?}");
        }
        for c in "（()）[［【〔]］】〕“”‘’「」".chars() {
            assert!(pairing(c).is_some(), "{c:?}");
        }
        for c in ['一', '证', '鿿'] {
            assert!(!opens(c) && !closes(c) && pairing(c).is_none(), "{c:?}");
        }
    }

    #[test]
    fn every_opening_bracket_has_its_closing_one() {
        let pairs = [
            "（）", "()", "【】", "[]", "《》", "〈〉", "“”", "‘’", "「」", "〔〕",
        ];
        for pair in pairs {
            let mut chars = pair.chars();
            let (open, close) = (chars.next().unwrap(), chars.next().unwrap());
            assert!(opens(open) && !closes(open), "{pair}");
            assert!(closes(close) && !opens(close), "{pair}");
        }
    }

    #[test]
    fn split_top_level_keeps_brackets_whole() {
        let comma = |c| c == '、';
        assert_eq!(
            split_top_level("甲（乙、丙）、丁", comma),
            ["甲（乙、丙）", "丁"]
        );
        assert_eq!(
            split_top_level("“甲、乙”、《丙、丁》", comma),
            ["“甲、乙”", "《丙、丁》"]
        );
    }

    #[test]
    fn split_top_level_survives_stray_brackets() {
        assert_eq!(split_top_level("甲）、乙", |c| c == '、'), ["甲）", "乙"]);
        assert_eq!(split_top_level("（甲、乙", |c| c == '、'), ["（甲、乙"]);
        assert!(split_top_level("、、", |c| c == '、').is_empty());
    }

    #[test]
    fn unmatched_brackets() {
        let first = |text: &str| first_unmatched(text).map(|u| (u.offset, u.bracket, u.opening));
        for balanced in [
            "",
            "甲（乙）",
            "（主席令第35号)",
            "〔2021]",
            "（“甲）”",
            "《甲〈乙》",
            "“甲”“乙”",
        ] {
            assert_eq!(first(balanced), None, "{balanced}");
        }
        assert_eq!(first("即时办结（（"), Some(("即时办结".len(), '（', true)));
        assert_eq!(first("甲）乙（"), Some(("甲".len(), '）', false)));
        assert_eq!(first("“甲"), Some((0, '“', true)));
        assert_eq!(first("甲】"), Some(("甲".len(), '】', false)));
        assert_eq!(first(&"（".repeat(100_000)), Some((0, '（', true)));
    }

    /// [`first_unmatched`] as first written, with a stack of open brackets per kind.
    fn first_unmatched_by_stacks(text: &str) -> Option<(usize, char, bool)> {
        let mut open: [Vec<(usize, char)>; 5] = Default::default();
        for (offset, c) in text.char_indices() {
            let Some((kind, opening)) = pairing(c) else {
                continue;
            };
            if opening {
                open[kind].push((offset, c));
            } else if open[kind].pop().is_none() {
                return Some((offset, c, false));
            }
        }
        let first = open.iter().filter_map(|stack| stack.first()).min();
        first.map(|&(offset, c)| (offset, c, true))
    }

    #[test]
    fn counting_open_brackets_finds_what_stacks_find() {
        let pieces = ["（", "）", "(", "“", "”", "【", "〕", "甲"];
        // Every text of up to six pieces.
        let texts = crate::test_support::every_text(&pieces, 6);
        assert_eq!(texts.len(), 299_593);
        for text in &texts {
            let found = first_unmatched(text).map(|u| (u.offset, u.bracket, u.opening));
            assert_eq!(found, first_unmatched_by_stacks(text), "{text}");
        }
    }

    #[test]
    fn split_top_level_trims_the_parts_and_drops_empty_ones() {
        let comma: fn(char) -> bool = |c| c == '、';
        let or: fn(char) -> bool = |c| c == '或';
        let commas_or_space: fn(char) -> bool = |c| matches!(c, '，' | ',' | ' ');
        type Case = (&'static str, fn(char) -> bool, &'static [&'static str]);
        let cases: [Case; 9] = [
            ("甲、乙", comma, &["甲", "乙"]),
            (" 甲 、\u{3000}乙\u{3000}", comma, &["甲", "乙"]),
            ("、甲、、 、乙、", comma, &["甲", "乙"]),
            ("", comma, &[]),
            (" \u{3000}", comma, &[]),
            ("“甲、乙”、 丙", comma, &["“甲、乙”", "丙"]),
            ("甲或乙（丙或丁）", or, &["甲", "乙（丙或丁）"]),
            (
                "（甲 乙） 丙，,丁",
                commas_or_space,
                &["（甲 乙）", "丙", "丁"],
            ),
            ("甲\u{3000}乙", commas_or_space, &["甲\u{3000}乙"]),
        ];
        for (text, is_separator, parts) in cases {
            assert_eq!(split_top_level(text, is_separator), parts, "{text:?}");
        }
    }

    #[test]
    fn non_ideographs_are_char_indices_without_the_ideographs() {
        let mut texts: Vec<String> = (0..=0x3_0000)
            .chain([0x10_FFFF])
            .filter_map(char::from_u32)
            .map(|c| format!("甲{c}a{c}"))
            .collect();
        let pieces = [
            "甲", "a", "\u{4000}", "\u{9FFF}", "\u{3FFF}", "\u{A000}", "é", "𠀀", "（",
        ];
        texts.extend(crate::test_support::every_text(&pieces, 4));
        for text in &texts {
            let expected: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c))
                .collect();
            assert_eq!(
                non_ideographs(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn title_spans_by_memchr_agree_with_the_char_walk() {
        let pieces = ["《", "》", "〈", "、", "甲", "a", "“"];
        for text in &crate::test_support::every_text(&pieces, 6) {
            assert_eq!(
                title_spans(text),
                titles_among(text, text.char_indices()),
                "{text}"
            );
        }
    }

    #[test]
    fn title_spans_are_outermost() {
        let text = "《关于印发《办法》的通知》（号）《条例";
        let spans = title_spans(text);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].content(text), "关于印发《办法》的通知");
        assert!(spans[0].closed);
        assert_eq!(spans[1].content(text), "条例");
        assert!(!spans[1].closed);
        assert!(title_spans("》甲").is_empty());
    }
}
