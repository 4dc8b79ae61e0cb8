//! One look over a cell before it is read: its titles, where it holds white space, and
//! whether it may hold a list marker. Every later step asks these, so they are found in one
//! pass.
//!
//! ```text
//! cell        = (plain sign)* plain
//! plain       = text without a sign               -- its ideographs passed undecoded (run_till)
//! sign        = title_open | inner_open | title_close | marker_end | marker_open | circled | space
//! title       = 《 (title | inner_open | plain | sign)* 》?
//!               -- nested titles counted, not recursed; left open, it runs to the end; its
//!               -- first inner_open or nested 《 opens its inner title
//! title_open  = 《          inner_open = 〈        title_close = 》
//! marker_end  = . | ) | 、 | ） | ．    -- a list marker, after a numeral (`1.`, `一、`, `（1）`)
//! marker_open = （ | (                 -- a list marker `（1）`, before a numeral
//! circled     = ① … ⑳                  -- a list marker by itself
//! space       = white space or an invisible character
//! ```
//!
//! Spaces may stand between a marker's numeral and its brackets (`（ 一 ）`).

use nom::character::complete::satisfy;
use nom::multi::many0_count;
use nom::{IResult, Parser};

use crate::fields::top_level::run_till;
use crate::text::brackets::TitleSpan;
use crate::text::chars::is_numeral_char;
use crate::text::normalize::is_space_or_invisible;

/// A title of the cell (an outermost `《…》`), and where the first title quoted inside it
/// opens (`〈` or a nested `《`), if one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Title {
    pub(super) span: TitleSpan,
    /// Byte offset of the inner title's opening bracket, in the same text as `span`.
    pub(super) inner: Option<usize>,
}

/// The most titles a [`Titles`] holds without allocating.
const INLINE_TITLES: usize = 8;

/// The titles of a cell, in order: held in place up to [`INLINE_TITLES`] (a cell mostly cites
/// a few documents), in a `Vec` past them.
pub(super) struct Titles {
    inline: [Title; INLINE_TITLES],
    /// How many of `inline` are set.
    held: usize,
    /// All the titles, once there are more than `inline` holds (then `inline` is unused).
    spilled: Vec<Title>,
}

impl Titles {
    fn new() -> Self {
        let none = Title {
            span: TitleSpan {
                start: 0,
                end: 0,
                closed: false,
            },
            inner: None,
        };
        Titles {
            inline: [none; INLINE_TITLES],
            held: 0,
            spilled: Vec::new(),
        }
    }

    fn push(&mut self, title: Title) {
        if let Some(slot) = self.inline.get_mut(self.held) {
            *slot = title;
            self.held += 1;
            return;
        }
        if self.spilled.is_empty() {
            self.spilled.extend_from_slice(&self.inline);
        }
        self.spilled.push(title);
    }
}

impl std::ops::Deref for Titles {
    type Target = [Title];

    fn deref(&self) -> &[Title] {
        if self.spilled.is_empty() {
            &self.inline[..self.held]
        } else {
            &self.spilled
        }
    }
}

/// The most white space offsets a [`Survey`] keeps; past them it only knows that a part may
/// hold white space.
const MAX_SPACES: usize = 8;

/// What one look over a cell finds.
pub(super) struct Survey {
    pub(super) titles: Titles,
    /// Byte offsets of the first white space or invisible characters, in order.
    spaces: [usize; MAX_SPACES],
    /// How many of `spaces` are set.
    space_count: usize,
    /// Whether there are more than [`MAX_SPACES`] of them.
    spaces_overflow: bool,
    /// Whether the cell may hold a list marker ([`crate::text::markers::may_hold_marker`]): false
    /// only when [`crate::text::markers::list_markers`] surely finds none, so that it is not asked.
    pub(super) may_list: bool,
}

/// What the survey stops at: the characters of a sign ([`sign_of`]). No ideograph is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    TitleOpen,
    InnerOpen,
    TitleClose,
    MarkerEnd,
    MarkerOpen,
    Circled,
    Space,
}

/// The sign `c` is, if any.
fn sign_of(c: char) -> Option<Sign> {
    match c {
        '《' => Some(Sign::TitleOpen),
        '〈' => Some(Sign::InnerOpen),
        '》' => Some(Sign::TitleClose),
        '.' | ')' | '、' | '）' | '．' => Some(Sign::MarkerEnd),
        '（' | '(' => Some(Sign::MarkerOpen),
        '\u{2460}'..='\u{2473}' => Some(Sign::Circled),
        c if is_space_or_invisible(c) => Some(Sign::Space),
        _ => None,
    }
}

/// nom: `plain sign`: the text up to the next sign, its ideographs passed undecoded
/// ([`run_till`]), and the sign, with where it stands (the rest of the input from the sign
/// on). Fails at the end of the text.
fn plain_sign(input: &str) -> IResult<&str, (&str, Sign)> {
    let (at_sign, stop) = run_till(input, |c| sign_of(c).is_some());
    match stop.and_then(|c| Some((c, sign_of(c)?))) {
        Some((c, sign)) => Ok((&at_sign[c.len_utf8()..], (at_sign, sign))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            at_sign,
            nom::error::ErrorKind::Eof,
        ))),
    }
}

/// nom: `(" " | "\u{3000}")* numeral_char`: the numeral of a marker, as its first character
/// (`1`, `一`), after the spaces that may stand inside a marker (`（ 一 ）`).
fn marker_numeral(input: &str) -> IResult<&str, char> {
    let spaces = many0_count(satisfy(|c| matches!(c, ' ' | '\u{3000}')));
    let (rest, (_, numeral)) = (spaces, satisfy(is_numeral_char)).parse(input)?;
    Ok((rest, numeral))
}

/// Survey `text`.
pub(super) fn survey(text: &str) -> Survey {
    let mut found = Survey {
        titles: Titles::new(),
        spaces: [0; MAX_SPACES],
        space_count: 0,
        spaces_overflow: false,
        may_list: false,
    };
    // The title being read, and how deep inside it the survey is (0: outside every title).
    let mut depth = 0usize;
    let mut open = Title {
        span: TitleSpan {
            start: 0,
            end: 0,
            closed: false,
        },
        inner: None,
    };
    let mut rest = text;
    while let Ok((after, (at_sign, sign))) = plain_sign(rest) {
        let at = text.len() - at_sign.len();
        match sign {
            Sign::TitleOpen => {
                if depth == 0 {
                    open.span.start = at;
                    open.inner = None;
                } else if open.inner.is_none() {
                    open.inner = Some(at);
                }
                depth += 1;
            }
            Sign::InnerOpen if depth > 0 && open.inner.is_none() => open.inner = Some(at),
            Sign::TitleClose if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    open.span.end = text.len() - after.len();
                    open.span.closed = true;
                    found.titles.push(open);
                }
            }
            Sign::MarkerEnd => found.may_list = found.may_list || ends_numeral(&text[..at]),
            Sign::MarkerOpen => found.may_list = found.may_list || marker_numeral(after).is_ok(),
            Sign::Circled => found.may_list = true,
            Sign::Space => found.note_space(at),
            // `〈` outside a title or after its first inner title, `》` outside a title.
            Sign::InnerOpen | Sign::TitleClose => {}
        }
        rest = after;
    }
    if depth > 0 {
        open.span.end = text.len();
        open.span.closed = false;
        found.titles.push(open);
    }
    found
}

/// Whether `before` ends with a numeral character: a list marker's numeral may end there
/// (spaces may stand inside a marker: `( 一 )`).
fn ends_numeral(before: &str) -> bool {
    before
        .trim_end_matches([' ', '\u{3000}'])
        .chars()
        .next_back()
        .is_some_and(is_numeral_char)
}

impl Survey {
    fn note_space(&mut self, at: usize) {
        match self.spaces.get_mut(self.space_count) {
            Some(slot) => {
                *slot = at;
                self.space_count += 1;
            }
            None => self.spaces_overflow = true,
        }
    }

    /// Whether the bytes `start..end` of the cell may hold white space or an invisible
    /// character: false only when they surely do not.
    pub(super) fn spaced(&self, start: usize, end: usize) -> bool {
        let known = &self.spaces[..self.space_count];
        let first = known.partition_point(|&at| at < start);
        let in_known = known.get(first).is_some_and(|&at| at < end);
        // Past the known ones, any part reaching beyond the last known offset may hold more.
        in_known || (self.spaces_overflow && known.last().is_none_or(|&last| end > last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, bool, Option<usize>)> {
        let found = survey(text);
        found
            .titles
            .iter()
            .map(|t| (t.span.start, t.span.end, t.span.closed, t.inner))
            .collect()
    }

    #[test]
    fn titles_outermost_with_their_first_inner_title() {
        // (start, end, closed, inner) in bytes: 《 and 》 are three bytes each.
        assert_eq!(spans("《甲》"), [(0, 9, true, None)]);
        assert_eq!(
            spans("x《甲》《乙》"),
            [(1, 10, true, None), (10, 19, true, None)]
        );
        assert_eq!(spans("《关于〈甲〉的通知》"), [(0, 30, true, Some(9))]);
        assert_eq!(spans("《关于《甲》的通知》"), [(0, 30, true, Some(9))]);
        // Left open: the title runs to the end. A stray 》 is nothing.
        assert_eq!(spans("》《甲 乙"), [(3, 13, false, None)]);
        assert_eq!(spans("〈甲〉"), []);
        // A nested title is the inner one when it comes first; `〈` after it is not.
        assert_eq!(spans("《关于《甲》〈乙〉》"), [(0, 30, true, Some(9))]);
        assert_eq!(spans("《甲》》〈乙〉"), [(0, 9, true, None)]);
        assert_eq!(spans("《《甲》"), [(0, 12, false, Some(3))]);
    }

    #[test]
    fn spaces_may_stand_inside_a_marker() {
        #[rustfmt::skip]
        let table: &[(&str, bool)] = &[
            ("（ 一 ）《甲》（ 二 ）《乙》",  true),
            ("(\u{3000}1)《甲》",            true),
            ("1 .《甲》",                     true),
            ("《甲》 （ 加盖公章 ）",          false),
            ("《甲》 .",                      false),
        ];
        for &(text, may_list) in table {
            assert_eq!(survey(text).may_list, may_list, "{text}");
        }
    }

    #[test]
    fn white_space_is_known_where_it_is() {
        let text = "《甲 乙》\u{3000}x";
        let found = survey(text);
        assert!(found.spaced(0, text.len()));
        assert!(!found.spaced(0, 6));
        assert!(found.spaced(6, 7));
        assert!(!found.spaced(7, 13));
        assert!(found.spaced(13, 16));
        // Invisible characters count too.
        assert!(survey("甲\u{200B}").spaced(0, 6));
    }

    #[test]
    fn past_the_kept_offsets_a_part_may_hold_white_space() {
        let text = "1 2 3 4 5 6 7 8 9 0";
        let found = survey(text);
        assert!(found.spaced(17, 19));
        assert!(found.spaced(0, 2));
        assert!(!found.spaced(0, 1));
    }

    /// `may_list` is false only where `list_markers` finds nothing.
    #[test]
    fn may_list_where_a_marker_may_stand() {
        for (text, expected) in [
            ("1. 《甲》（主席令第35号）第八条 2. 《乙》", true),
            ("《城乡医疗救助基金管理办法》（财社〔2013〕217号）", false),
            ("《甲》（主席令第36号）第二十九条、第三十条", false),
            ("一、《甲》二、《乙》", true),
            ("（一）《甲》（二）《乙》", true),
            ("①《甲》②《乙》", true),
            ("\u{2459}《甲》\u{2474}", false),
        ] {
            let found = survey(text);
            assert_eq!(found.may_list, expected, "{text}");
            assert_eq!(
                found.may_list,
                crate::text::markers::may_hold_marker(text),
                "{text}"
            );
            if !found.may_list {
                assert!(
                    crate::text::markers::list_markers(text).is_empty(),
                    "{text}"
                );
            }
        }
    }
}
