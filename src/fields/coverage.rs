//! What a field parser understood of its cell, and what it left.
//!
//! Every field parser reads part of a cell's text into structure. So that no part is dropped
//! in silence, a parser records the byte ranges it understood in a [`Coverage`] and, when it is
//! done, calls [`Coverage::report`]: every stretch of the cell outside those ranges that holds
//! more than *filler* becomes a `<field>_partial` diagnostic at the stretch's line and column,
//! quoting it.
//!
//! Filler is what carries no fact of its own:
//! - white space and punctuation (`，。；：、（）《》【】“”…`, and their ASCII forms);
//! - list markers: a run of digits, of Chinese numerals (`一`…`十`, `〇`, `零`, `两`,
//!   `百`, `千`) or a circled number (`①`…`⑳`), such as the `1` of `1.` or the `三` of `（三）`;
//! - the filler words of [`FILLER_WORDS`], conjunctions that join parts already read.
//!
//! Anything else left over is reported. The check is one pass over the cell, and the positions
//! of all leftovers of a cell are counted in one further pass ([`Cell::positions`]), so a cell
//! with 20 000 leftovers costs no more than twice a cell with one.

use std::ops::Range;

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics};
use crate::text::chars::is_cjk_punctuation;
use crate::text::numeral::is_marker_numeral;

/// Words that join parts of a cell and say nothing by themselves. A leftover made only of
/// these (and of punctuation and list markers) is not reported. Keep this list short: a word
/// here can never be reported as not understood.
pub(crate) const FILLER_WORDS: &[&str] = &["和", "及", "以及", "或", "或者", "并", "与", "等"];

/// The byte ranges of a cell's text that a parser understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Coverage {
    /// Ranges as added; a range that starts inside or right after the last one is merged into
    /// it, so a parser that reads a cell front to back keeps a short list in order.
    spans: Vec<Range<usize>>,
    /// Whether `spans` ascend by their start (as when a parser reads front to back).
    ascending: bool,
}

impl Coverage {
    /// Nothing understood yet.
    pub(crate) fn new() -> Coverage {
        Coverage {
            spans: Vec::new(),
            ascending: true,
        }
    }

    /// Mark `range` (bytes of the cell text) as understood. Ranges may come in any order and
    /// may overlap.
    pub(crate) fn add(&mut self, range: Range<usize>) {
        if range.start >= range.end {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.start <= range.start && range.start <= last.end => {
                last.end = last.end.max(range.end);
            }
            Some(last) => {
                self.ascending = self.ascending && last.start <= range.start;
                self.spans.push(range);
            }
            None => self.spans.push(range),
        }
    }

    /// Mark `part`, a sub-slice of `text`, as understood; a `part` that does not point into
    /// `text` is ignored.
    pub(crate) fn add_part(&mut self, text: &str, part: &str) {
        if let Some(range) = range_of(text, part) {
            self.add(range);
        }
    }

    /// The stretches of `text` outside every understood range that hold more than filler, as
    /// byte ranges, in order. Each is trimmed of white space and punctuation at both ends.
    pub(crate) fn leftovers(&self, text: &str) -> Vec<Range<usize>> {
        let spans = if self.ascending {
            std::borrow::Cow::Borrowed(&self.spans)
        } else {
            let mut spans = self.spans.clone();
            spans.sort_unstable_by_key(|span| span.start);
            std::borrow::Cow::Owned(spans)
        };
        let mut left = Vec::new();
        let mut from = 0;
        for span in spans
            .iter()
            .chain(std::iter::once(&(text.len()..text.len())))
        {
            let start = span.start.min(text.len());
            if start > from {
                if let Some(gap) = meaningful(text, from..start) {
                    left.push(gap);
                }
            }
            from = from.max(span.end.min(text.len()));
        }
        left
    }

    /// Report every leftover of `cell` as a `code` diagnostic (one of the `*_partial` codes),
    /// at the leftover's line and column, naming it. `field` is the column's name as messages
    /// give it (`办理时限`).
    pub(crate) fn report(
        &self,
        cell: &Cell<'_>,
        code: Code,
        field: &str,
        diagnostics: &mut Diagnostics,
    ) {
        let text = cell.text();
        let left = self.leftovers(text);
        if left.is_empty() {
            return;
        }
        let starts: Vec<usize> = left.iter().map(|range| range.start).collect();
        for (range, at) in left.iter().zip(cell.positions(&starts)) {
            let message = format!(
                "{field} text not understood: \"{}\"",
                quote(&text[range.clone()])
            );
            diagnostics.push(code.clone(), at, message);
        }
    }
}

/// The byte range of `part` in `text`, when `part` is a sub-slice of it.
fn range_of(text: &str, part: &str) -> Option<Range<usize>> {
    let base = text.as_ptr() as usize;
    let at = (part.as_ptr() as usize).checked_sub(base)?;
    (at + part.len() <= text.len()).then(|| at..at + part.len())
}

/// `range` of `text` trimmed of punctuation and white space at both ends, or `None` when what
/// it holds is filler only.
fn meaningful(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    // A range from a parser may cut a character: a character partly understood counts as
    // understood, so the gap narrows to the characters wholly inside it.
    let mut start = range.start;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = range.end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    let gap = &text[start..end];
    let is_filler_word = |word: &str| FILLER_WORDS.contains(&word);
    let all_filler = gap
        .split(is_separator)
        .filter(|word| !word.is_empty())
        .all(|word| is_marker(word) || is_filler_word(word));
    if all_filler {
        return None;
    }
    let trimmed = gap.trim_matches(is_separator);
    let at = start + (trimmed.as_ptr() as usize - gap.as_ptr() as usize);
    Some(at..at + trimmed.len())
}

/// White space and punctuation: what separates words in a leftover ([`is_cjk_punctuation`],
/// and also dashes, the ellipsis, the middle dot, corner brackets, full-width forms of ASCII
/// punctuation and the invisible characters).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || is_cjk_punctuation(c)
        || matches!(
            c,
            '［' | '］'
                | '｛'
                | '｝'
                | '「'
                | '」'
                | '『'
                | '』'
                | '—'
                | '–'
                | '－'
                | '…'
                | '·'
                | '．'
                | '／'
                | '\u{3000}'
                | '\u{200B}'
                | '\u{FEFF}'
        )
}

/// A list marker's number: digits (ASCII or full-width), Chinese numerals, or one circled
/// number.
fn is_marker(word: &str) -> bool {
    let digits = || {
        word.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    let numerals = || word.chars().all(is_marker_numeral);
    let circled = || {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if ('①'..='⑳').contains(&c))
    };
    digits() || numerals() || circled()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    fn left<'t>(text: &'t str, understood: &[&str]) -> Vec<&'t str> {
        let mut coverage = Coverage::new();
        for part in understood {
            let at = text.find(part).expect("part of the text");
            coverage.add(at..at + part.len());
        }
        coverage
            .leftovers(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn all_understood_leaves_nothing() {
        assert!(left("即时办结", &["即时办结"]).is_empty());
    }

    #[test]
    fn nothing_understood_leaves_the_whole_cell_trimmed() {
        assert_eq!(left("（随时申报）", &[]), ["随时申报"]);
    }

    #[test]
    fn punctuation_markers_and_filler_words_are_not_left() {
        let text = "1. 身份证；2、户口簿及（三）居住证等";
        assert!(left(text, &["身份证", "户口簿", "居住证"]).is_empty());
        assert!(left("①甲 ⑳乙", &["甲", "乙"]).is_empty());
        assert!(left("１．甲", &["甲"]).is_empty());
    }

    #[test]
    fn a_leftover_with_words_is_named_and_trimmed() {
        let text = "即时办结；其它病种每月审核办理一次。";
        assert_eq!(left(text, &["即时办结"]), ["其它病种每月审核办理一次"]);
    }

    #[test]
    fn each_stretch_between_understood_parts_is_its_own_leftover() {
        let text = "甲，乙，丙，丁";
        assert_eq!(left(text, &["甲", "丙"]), ["乙", "丁"]);
    }

    #[test]
    fn overlapping_and_unordered_ranges_are_merged() {
        let text = "甲乙丙丁";
        let mut coverage = Coverage::new();
        coverage.add(6..9);
        coverage.add(0..3);
        coverage.add(2..6);
        assert_eq!(coverage.leftovers(text), vec![9..12]);
    }

    #[test]
    fn ranges_off_character_boundaries_or_past_the_end_do_not_panic() {
        // A character partly understood counts as understood.
        let text = "甲乙丙";
        let mut coverage = Coverage::new();
        coverage.add(4..5);
        assert_eq!(coverage.leftovers(text), [0..3, 6..9]);
        coverage.add(1..2);
        coverage.add(7..100);
        assert!(coverage.leftovers(text).is_empty());
    }

    #[test]
    fn a_part_outside_the_text_is_ignored() {
        let text = "甲乙";
        let mut coverage = Coverage::new();
        coverage.add_part(text, "elsewhere");
        coverage.add_part(text, &text[3..]);
        assert_eq!(coverage.leftovers(text), vec![0..3]);
    }

    #[test]
    fn report_gives_each_leftover_its_line_and_column() {
        let cell = Cell::borrowed("即时办结；其它病种按月办理", 7, "主项\t");
        let mut coverage = Coverage::new();
        coverage.add(0.."即时办结".len());
        let mut diagnostics = Diagnostics::default();
        coverage.report(&cell, Code::DeadlinePartial, "办理时限", &mut diagnostics);
        let found = diagnostics.into_sorted();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::DeadlinePartial);
        assert_eq!((found[0].line, found[0].column), (7, 9));
        assert_eq!(
            found[0].message,
            "办理时限 text not understood: \"其它病种按月办理\""
        );
    }

    #[test]
    fn many_leftovers_in_one_cell_are_located_in_one_pass() {
        // 20 000 leftovers: each position is counted on from the one before.
        let text = "甲，乙，".repeat(20_000);
        let cell = Cell::borrowed(&text, 1, "");
        let mut coverage = Coverage::new();
        for i in 0..20_000 {
            let at = i * "甲，乙，".len();
            coverage.add(at..at + "甲".len());
        }
        let mut diagnostics = Diagnostics::default();
        coverage.report(&cell, Code::DeadlinePartial, "办理时限", &mut diagnostics);
        let found = diagnostics.into_sorted();
        assert_eq!(found.len(), 20_000);
        assert_eq!(found[1].column, 7);
        assert_eq!(found[19_999].column, 20_000 * 4 - 1);
    }
}
