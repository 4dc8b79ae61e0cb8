//! A cell's text together with where each part of it came from, so that a parser can put a
//! diagnostic on the exact line and column of what it found.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::Position;
use crate::text::brackets::non_ideographs;
use crate::text::chars::is_ideograph;

/// Where one piece of a cell starts in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin<'s> {
    /// Byte offset in the cell text where this piece starts.
    pub(crate) at: usize,
    /// 1-based source line of the piece.
    pub(crate) line: usize,
    /// The source line's text before the piece (to count columns lazily).
    pub(crate) before: Before<'s>,
}

/// The text of a source line before a cell, from which the cell's column is counted when a
/// diagnostic needs it (most cells never need it, so nothing is counted up front).
///
/// A line of many cells would make that count quadratic: each cell's column counted from the
/// line start. So a `Before` may carry a count already made of its first bytes, and
/// [`LinePrefixes`] makes those counts as the cells of a wide line are split off, one after the
/// other, each from where the last one stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Before<'s> {
    text: &'s str,
    /// The first `counted.0` bytes of `text`, ending at a grapheme boundary, span `counted.1`
    /// columns.
    counted: (usize, usize),
    /// The byte offset of `text` (the line start) in the text read, when the line is in one
    /// (not for a spreadsheet's row, nor a line given to a test as a bare `&str`).
    line_offset: Option<usize>,
}

impl<'s> Before<'s> {
    /// `text`, its first `bytes` bytes known to span `columns` columns (`bytes` is clamped to
    /// the text; it must end at a grapheme-cluster boundary).
    pub(crate) fn counted(text: &'s str, bytes: usize, columns: usize) -> Before<'s> {
        if bytes <= text.len() && text.is_char_boundary(bytes) {
            Before {
                text,
                counted: (bytes, columns),
                line_offset: None,
            }
        } else {
            Before::from(text)
        }
    }

    /// `text`, which starts at byte `line_offset` of the text read.
    pub(crate) fn in_text(text: &'s str, line_offset: usize) -> Before<'s> {
        Before {
            line_offset: Some(line_offset),
            ..Before::from(text)
        }
    }

    /// The byte offset in the text read of the end of `text`, where the cell starts.
    fn end_offset(&self) -> Option<usize> {
        self.line_offset.map(|start| start + self.text.len())
    }

    /// How many columns the text spans.
    fn columns(&self) -> usize {
        let (bytes, columns) = self.counted;
        columns + self::columns(&self.text[bytes..])
    }
}

impl<'s> From<&'s str> for Before<'s> {
    fn from(text: &'s str) -> Before<'s> {
        Before {
            text,
            counted: (0, 0),
            line_offset: None,
        }
    }
}

/// The prefixes of one line before each of its cells, taken in order: after the first
/// [`LinePrefixes::LAZY_CELLS`] cells (a header or row of ordinary width, left to lazy counting),
/// each prefix carries the column count of the line up to it, counted on from the prefix
/// before. A line of a million cells is walked once.
pub(crate) struct LinePrefixes<'s> {
    line: &'s str,
    /// The byte offset of the line in the text read.
    line_offset: usize,
    cells: usize,
    counted: (usize, usize),
}

impl<'s> LinePrefixes<'s> {
    /// How many cells of a line are left to count lazily.
    const LAZY_CELLS: usize = 32;

    /// The prefixes of `line`, which starts at byte `line_offset` of the text read.
    pub(crate) fn new(line: &'s str, line_offset: usize) -> LinePrefixes<'s> {
        LinePrefixes {
            line,
            line_offset,
            cells: 0,
            counted: (0, 0),
        }
    }

    /// The text of the line before byte `start`, where the next cell starts (after the last
    /// one asked for).
    #[inline(always)]
    pub(crate) fn before(&mut self, start: usize) -> Before<'s> {
        let start = start.min(self.line.len());
        self.cells += 1;
        if self.cells <= Self::LAZY_CELLS {
            let before = self.line.get(..start).unwrap_or(self.line);
            return Before::in_text(before, self.line_offset);
        }
        let (bytes, columns) = self.counted;
        // Counting in two parts gives the count of the whole only when they meet at a
        // grapheme-cluster boundary: the cell's first character must stand alone (the
        // delimiter before it is a tab or a comma, which nothing joins from the left).
        let at_boundary = || {
            self.line[start..]
                .chars()
                .next()
                .is_none_or(is_whole_grapheme)
        };
        if start > bytes && self.line.is_char_boundary(start) && at_boundary() {
            self.counted = (start, columns + self::columns(&self.line[bytes..start]));
        }
        Before {
            line_offset: Some(self.line_offset),
            ..Before::counted(
                self.line.get(..start).unwrap_or(self.line),
                self.counted.0,
                self.counted.1,
            )
        }
    }
}

/// The text of one cell, possibly joined from pieces on several lines (a row continued after a
/// page break), and the origin of each piece.
///
/// A cell read from the source borrows its text ([`Cell::borrowed`]); only a cell joined from
/// several pieces owns a copy. The first piece's origin is kept inline, so that a cell of one
/// piece (nearly all of them) costs no allocation at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell<'s> {
    text: Cow<'s, str>,
    /// The first piece, which starts at byte 0.
    first: Origin<'s>,
    /// The pieces appended after the first, in order.
    more: Vec<Origin<'s>>,
}

impl<'s> Cell<'s> {
    /// A cell found at `line`, after `before` on that line, holding a copy of `text`.
    pub(crate) fn new(text: &str, line: usize, before: impl Into<Before<'s>>) -> Cell<'s> {
        Cell::with_text(Cow::Owned(text.to_owned()), line, before.into())
    }

    /// A cell found at `line`, after `before` on that line, whose text is a slice of the
    /// source: nothing is copied.
    pub(crate) fn borrowed(text: &'s str, line: usize, before: impl Into<Before<'s>>) -> Cell<'s> {
        Cell::with_text(Cow::Borrowed(text), line, before.into())
    }

    fn with_text(text: Cow<'s, str>, line: usize, before: Before<'s>) -> Cell<'s> {
        Cell {
            text,
            first: Origin {
                at: 0,
                line,
                before,
            },
            more: Vec::new(),
        }
    }

    /// Append the text of a continuation piece.
    pub(crate) fn append(&mut self, text: &str, line: usize, before: impl Into<Before<'s>>) {
        self.append_after("", text, line, before);
    }

    /// Append the text of a continuation piece after `separator` (a line break between two
    /// items), which belongs to no piece: positions in the piece are counted from its own
    /// start. The separator is left out when either side is empty.
    pub(crate) fn append_after(
        &mut self,
        separator: &str,
        text: &str,
        line: usize,
        before: impl Into<Before<'s>>,
    ) {
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.to_mut().push_str(separator);
        }
        let origin = Origin {
            at: self.text.len(),
            line,
            before: before.into(),
        };
        if self.text.is_empty() {
            // The empty first piece has nothing to point at: the new piece becomes the first.
            self.first = origin;
            self.more.clear();
        } else {
            self.more.push(origin);
        }
        self.text.to_mut().push_str(text);
    }

    /// The line of the cell's first piece and the line text before it.
    pub(crate) fn origin(&self) -> (usize, Before<'s>) {
        (self.first.line, self.first.before)
    }

    /// The text exactly as the source had it (pieces joined).
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The cell with `text`, of the same length byte for byte and with its line breaks at the
    /// same places, in place of its own (a copy a parser reads, such as
    /// [`crate::text::variants::simplified`]): positions stay those of the cell.
    pub(crate) fn with_text_of_same_length(&self, text: String) -> Cell<'s> {
        debug_assert_eq!(text.len(), self.text.len());
        Cell {
            text: Cow::Owned(text),
            first: self.first,
            more: self.more.clone(),
        }
    }

    /// Whether the cell holds anything but white space.
    pub(crate) fn is_blank(&self) -> bool {
        crate::text::normalize::trim_start(&self.text).is_empty()
    }

    /// The position of the cell's first character.
    pub(crate) fn start(&self) -> Position {
        self.position(0)
    }

    /// The position of byte `offset` of the cell text (clamped to the text, and to a
    /// character boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let origin = self
            .more
            .iter()
            .rev()
            .find(|o| o.at <= offset)
            .unwrap_or(&self.first);
        Position {
            line: origin.line,
            column: origin.before.columns() + columns(&self.text[origin.at..offset]) + 1,
            offset: origin
                .before
                .end_offset()
                .map(|start| start + (offset - origin.at)),
        }
    }

    /// The positions of many byte offsets in one pass over the text (each clamped like
    /// [`Cell::position`]); `offsets` should ascend, else a position is computed afresh.
    /// Linear where calling [`Cell::position`] for each offset would be quadratic.
    pub(crate) fn positions(&self, offsets: &[usize]) -> Vec<Position> {
        let mut found = Vec::with_capacity(offsets.len());
        // The last offset computed, its origin's index and its position.
        let mut last: Option<(usize, usize, Position)> = None;
        for &offset in offsets {
            let mut offset = offset.min(self.text.len());
            while !self.text.is_char_boundary(offset) {
                offset -= 1;
            }
            let origin = Some(self.origin_index(offset));
            let position = match (last, origin) {
                (Some((before, same, at)), Some(index)) if same == index && before <= offset => {
                    Position {
                        column: at.column + columns(&self.text[before..offset]),
                        offset: at.offset.map(|at| at + (offset - before)),
                        ..at
                    }
                }
                _ => self.position(offset),
            };
            last = origin.map(|index| (offset, index, position));
            found.push(position);
        }
        found
    }

    /// The index of the piece that byte `offset` falls in: 0 for the first piece, `k + 1` for
    /// the `k`th appended one.
    fn origin_index(&self, offset: usize) -> usize {
        self.more.partition_point(|o| o.at <= offset)
    }

    /// The position of `part`, a sub-slice of [`Cell::text`]; the cell start when `part` does
    /// not point into the text.
    pub(crate) fn position_of(&self, part: &str) -> Position {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at >= base && at <= base + self.text.len() {
            self.position(at - base)
        } else {
            self.start()
        }
    }
}

impl Cell<'_> {
    /// The positions of many sub-slices of [`Cell::text`] at once, in the order given. Each
    /// position is counted on from the one before it, so a parser that reports many findings
    /// in one long cell walks the text once instead of once per finding. A part that does
    /// not point into the text is at the cell start, as with [`Cell::position_of`].
    pub(crate) fn positions_of(&self, parts: &[&str]) -> Vec<Position> {
        let base = self.text.as_ptr() as usize;
        let offset_of = |part: &str| {
            let at = part.as_ptr() as usize;
            (at >= base && at <= base + self.text.len()).then(|| at - base)
        };
        let mut order: Vec<(usize, Option<usize>)> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| (i, offset_of(part)))
            .collect();
        order.sort_by_key(|&(_, offset)| offset.unwrap_or(0));
        let mut found = vec![self.start(); parts.len()];
        // The last offset counted, its origin and its position.
        let mut counted: Option<(usize, usize, Position)> = None;
        for (i, offset) in order {
            let Some(mut offset) = offset else { continue };
            while !self.text.is_char_boundary(offset) {
                offset -= 1;
            }
            let origin = self.origin_index(offset);
            let position = match counted {
                Some((from, counted_origin, at)) if counted_origin == origin && from <= offset => {
                    Position {
                        column: at.column + columns(&self.text[from..offset]),
                        offset: at.offset.map(|at| at + (offset - from)),
                        ..at
                    }
                }
                _ => self.position(offset),
            };
            counted = Some((offset, origin, position));
            found[i] = position;
        }
        found
    }
}

/// How many user-perceived characters (grapheme clusters) `text` has.
///
/// Most lines are CJK text, ASCII and common punctuation, where every character is a cluster
/// of its own: those are counted as characters, which is several times faster. Anything else
/// (combining marks, emoji, CR LF, Hangul jamo, …) goes through the full segmentation.
///
/// The ideographs of U+4000…U+9FFF, most characters of a line, are whole graphemes too
/// (U+4DC0…U+4DFF, the hexagram symbols, as well): they are counted by their bytes, three each,
/// and only the other characters are looked at ([`non_ideographs`]).
pub(crate) fn columns(text: &str) -> usize {
    let mut others = 0;
    let mut other_bytes = 0;
    for (_, c) in non_ideographs(text) {
        if !is_whole_grapheme(c) {
            return text.graphemes(true).count();
        }
        others += 1;
        other_bytes += c.len_utf8();
    }
    others + (text.len() - other_bytes) / 3
}

/// Whether `c` always forms a grapheme cluster by itself, whatever stands around it: its
/// Grapheme_Cluster_Break property is `Other` (or `Control`, for the tab), so no rule joins it
/// with a neighbour of these ranges.
fn is_whole_grapheme(c: char) -> bool {
    // CJK unified ideographs first: most characters are.
    is_ideograph(c)
        || matches!(c,
            '\t'
            | ' '..='~'
            | '\u{2010}'..='\u{2027}' // dashes, quotation marks, ellipsis
            | '\u{2460}'..='\u{24FF}' // ①, ⑴, ⒈
            | '\u{3000}'..='\u{3029}' // CJK punctuation (not the tone marks 〪-〯)
            | '\u{3030}'..='\u{303F}'
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{FF01}'..='\u{FF5E}' // full-width forms
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_graphemes_before_the_cell_and_inside_it() {
        let line = "一、主项\t2\t办理";
        let cell = Cell::new("办理", 7, &line[..line.len() - "办理".len()]);
        assert_eq!(cell.start(), Position::new(7, 8));
        assert_eq!(cell.position("办".len()), Position::new(7, 9));
    }

    #[test]
    fn appended_pieces_keep_their_own_lines() {
        let mut cell = Cell::new("1. 甲", 3, "x\t");
        cell.append("乙", 9, "\t\t");
        assert_eq!(cell.text(), "1. 甲乙");
        assert_eq!(cell.position_of(&cell.text()["1. 甲".len()..]).line, 9);
        assert_eq!(cell.position("1. 甲".len()), Position::new(9, 3));
        assert_eq!(cell.position(1), Position::new(3, 4));
    }

    #[test]
    fn appending_to_an_empty_cell_takes_the_new_origin() {
        let mut cell = Cell::new("", 3, "");
        cell.append("甲", 5, "\t");
        assert_eq!(cell.start(), Position::new(5, 2));
    }

    #[test]
    fn a_borrowed_cell_copies_nothing_until_a_piece_is_appended() {
        let line = "一、主项\t甲乙";
        let (before, text) = line.split_at("一、主项\t".len());
        let mut cell = Cell::borrowed(text, 4, before);
        assert!(std::ptr::eq(cell.text(), text));
        assert_eq!(cell.start(), Position::new(4, 6));
        cell.append("丙", 6, "\t");
        assert_eq!(cell.text(), "甲乙丙");
        assert_eq!(cell.position_of(&cell.text()["甲乙".len()..]).line, 6);
        assert_eq!(cell.position("甲".len()), Position::new(4, 7));
        assert_eq!(cell.origin(), (4, Before::from(before)));
    }

    #[test]
    fn the_fast_column_count_agrees_with_segmentation() {
        let neighbours = ['a', '\t', '一', '（', '①', '—', '\u{3000}', 'Ａ'];
        let ranges = [
            0x09..=0x09,
            0x20..=0x7E,
            0x2010..=0x2027,
            0x2460..=0x24FF,
            0x3000..=0x3029,
            0x3030..=0x303F,
            0x3400..=0x4DBF,
            0x4E00..=0x9FFF,
            0xFF01..=0xFF5E,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_whole_grapheme(c), "{c:?}");
            for n in neighbours {
                let text = format!("{n}{c}{c}{n}");
                assert_eq!(columns(&text), 4, "{text:?}");
                assert_eq!(text.graphemes(true).count(), 4, "{text:?}");
            }
        }
    }

    #[test]
    fn prefixes_of_a_wide_line_count_as_the_whole_line_would() {
        // Cells after the lazy ones get counted prefixes; a cell starting with a combining mark
        // (joined to the delimiter before it) is not a place to split the count.
        let mut line = String::new();
        for k in 0..100 {
            if k > 0 {
                line.push(if k % 2 == 0 { '\t' } else { ',' });
            }
            line.push_str(match k % 5 {
                0 => "一、主项",
                1 => "e\u{301}x",
                2 => "\u{301}乙",
                3 => "",
                _ => "👍🏽丙",
            });
        }
        let mut prefixes = LinePrefixes::new(&line, 0);
        let starts = std::iter::once(0).chain(line.match_indices(['\t', ',']).map(|(i, _)| i + 1));
        for start in starts {
            let counted = Cell::borrowed("", 1, prefixes.before(start)).start();
            let lazy = Cell::borrowed("", 1, Before::in_text(&line[..start], 0)).start();
            assert_eq!(counted, lazy, "cell at byte {start}");
            assert_eq!(counted.offset, Some(start));
            assert_eq!(lazy.column, line[..start].graphemes(true).count() + 1);
        }
    }

    #[test]
    fn columns_of_combined_characters_count_clusters() {
        for (text, expected) in [
            ("e\u{301}一", 2),
            ("一\u{302A}二", 2),
            ("\r\n甲", 2),
            ("👨\u{200D}👩", 1),
            ("가\u{11A8}", 1),
            ("甲乙", 2),
            ("", 0),
        ] {
            assert_eq!(columns(text), expected, "{text:?}");
        }
    }

    #[test]
    fn many_positions_in_one_pass_agree_with_each_position() {
        let mut cell = Cell::new("1. 甲乙 丙", 3, "x\t");
        cell.append("丁戊", 9, "\t\t");
        let offsets: Vec<usize> = (0..=cell.text().len() + 2).chain([4, 0]).collect();
        let expected: Vec<Position> = offsets.iter().map(|&o| cell.position(o)).collect();
        assert_eq!(cell.positions(&offsets), expected);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let cell = Cell::new("第一", 1, "");
        assert_eq!(cell.position(1).column, 1);
        assert_eq!(cell.position(999).column, 3);
    }

    #[test]
    fn columns_are_the_count_of_graphemes() {
        // Every character the count passes by its lead byte stands alone between neighbours
        // that do not join it.
        for c in ('\u{4000}'..='\u{9FFF}').chain(['\u{4DC0}', '\u{3400}']) {
            let text = format!("a{c}{c}。");
            assert_eq!(
                columns(&text),
                text.graphemes(true).count(),
                "U+{:04X}",
                c as u32
            );
        }
        let pieces = [
            "甲", "a", "\u{4DC0}", "\u{301}", "\u{200D}", "\u{600}", "\r\n", "\n", "👍", "é", "（",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(columns(&text), text.graphemes(true).count(), "{text:?}");
        }
    }

    #[test]
    fn positions_of_many_parts_match_one_by_one() {
        let mut cell = Cell::new("1. 甲，乙；丙", 3, "x\t");
        cell.append("丁；戊", 4, "\t\t");
        let text = cell.text();
        let parts: Vec<&str> = text
            .char_indices()
            .rev()
            .map(|(i, _)| &text[i..])
            .chain(["外"])
            .collect();
        let expected: Vec<Position> = parts.iter().map(|p| cell.position_of(p)).collect();
        assert_eq!(cell.positions_of(&parts), expected);
        assert_eq!(cell.positions_of(&[]), []);
    }
}
