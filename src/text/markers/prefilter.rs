//! The points of a text without the search for markers where none can stand: the prefilter
//! [`may_hold_marker`], and [`points`], which asks it before [`split`].

use super::grammar::{is_circled, is_inner_space};
use super::{split, Item};
use crate::text::brackets;
use crate::text::chars::is_numeral_char;
use crate::text::normalize::trim;

/// Whether [`split`] may find a marker in `text`. Every marker holds one of these
/// pairs of characters: a numeral and what ends a numbered point (`1.`, `1．`, `1、`, `1）`,
/// `一、`; spaces may stand between them, `1 、`), an opening parenthesis and a numeral
/// (`（1）`, `(一)`), or it is a circled number.
/// A text without any is one point, its trimmed self: checking that is much cheaper than
/// looking for markers, and rules out most prose (`新参保、暂停参保`, `（加盖公章）`).
///
/// The walk looks at the characters that may start or end a pair, and at their neighbours
/// only then; ideographs are none of them and are passed by undecoded
/// ([`brackets::non_ideographs`]). The field parsers ask it before [`split`].
pub(crate) fn may_hold_marker(text: &str) -> bool {
    brackets::non_ideographs(text).any(|(i, c)| {
        if is_circled(c) {
            true
        } else if matches!(c, '.' | '．' | '、' | '）' | ')') {
            let before = text[..i].trim_end_matches(is_inner_space);
            before.chars().next_back().is_some_and(is_numeral_char)
        } else if matches!(c, '(' | '（') {
            text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_numeral_char)
        } else {
            false
        }
    })
}

/// The points of `text`, as [`split`] gives them, without looking for markers where
/// [`may_hold_marker`] says there is none (nor allocating a list for the one point).
pub(crate) fn points(text: &str) -> Points<'_> {
    if may_hold_marker(text) {
        Points::Listed(split(text).into_iter())
    } else {
        let body = trim(text);
        Points::Plain((!body.is_empty()).then_some(body))
    }
}

/// The points of a text: [`points`].
pub(crate) enum Points<'a> {
    /// A text without marker: its trimmed self, unless it is blank.
    Plain(Option<&'a str>),
    /// What [`split`] found.
    Listed(std::vec::IntoIter<Item<'a>>),
}

impl<'a> Iterator for Points<'a> {
    type Item = Item<'a>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Points::Plain(body) => {
                let n = usize::from(body.is_some());
                (n, Some(n))
            }
            Points::Listed(items) => items.size_hint(),
        }
    }

    fn next(&mut self) -> Option<Item<'a>> {
        match self {
            Points::Plain(body) => body.take().map(|body| Item { marker: None, body }),
            Points::Listed(items) => items.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`may_hold_marker`] must agree with: every pair of neighbours looked at.
    fn may_hold_marker_by_pairs(text: &str) -> bool {
        let mut previous = ' ';
        // The last character that is no space between a number and its point.
        let mut previous_unspaced = ' ';
        for c in text.chars() {
            if ('\u{2460}'..='\u{2473}').contains(&c)
                || (matches!(c, '.' | '．' | '、' | '）' | ')')
                    && is_numeral_char(previous_unspaced))
                || (matches!(previous, '(' | '（') && is_numeral_char(c))
            {
                return true;
            }
            previous = c;
            if !is_inner_space(c) {
                previous_unspaced = c;
            }
        }
        false
    }

    #[test]
    fn the_byte_walk_agrees_with_looking_at_every_pair() {
        let pieces = [
            "1", "一", "四", "十", "零", ".", "、", "）", "（", "(", "①", "甲", "\u{4E00}", "é",
            " ", "\u{3000}",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                may_hold_marker(&text),
                may_hold_marker_by_pairs(&text),
                "{text:?}"
            );
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("1{c}"),
                format!("（{c}"),
                format!("{c}、"),
            ] {
                assert_eq!(
                    may_hold_marker(&text),
                    may_hold_marker_by_pairs(&text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn only_texts_with_a_marker_pair_may_hold_a_marker() {
        for text in [
            "申请—受理",
            "1个工作日",
            "一日",
            "现场办理 网上办理",
            "",
            "新参保、暂停参保",
            "（加盖公章）",
            "甲.乙",
        ] {
            assert!(!may_hold_marker(text), "{text}");
        }
        for text in [
            "1.甲",
            "1．甲",
            "1、甲",
            "一、甲",
            "1）甲",
            "（1）甲",
            "(一)甲",
            "①甲",
            "1 、甲",
            "2\u{3000}.甲",
        ] {
            assert!(may_hold_marker(text), "{text}");
        }
    }

    #[test]
    fn points_agree_with_markers_split() {
        let pieces = [
            "1", "１", "一", "十", ".", "．", "、", "）", ")", "（", "(", "①", "⑳", " ", "甲",
            "第", "a", "：",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            let split = split(&text);
            assert_eq!(points(&text).collect::<Vec<_>>(), split, "{text:?}");
            if !may_hold_marker(&text) {
                assert!(split.iter().all(|item| item.marker.is_none()), "{text:?}");
            }
        }
    }
}
