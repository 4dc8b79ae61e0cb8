//! The table layer: text → lines → title, headers and rows → categories and matters with
//! their raw cells.

mod continuation;
mod header;
mod merge;
mod source;

pub(crate) use header::Column;
pub(crate) use merge::{CategoryDraft, MatterDraft};
pub(crate) use source::decode;

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::error::{Error, ErrorKind};
use crate::normalize::is_invisible;

use header::{Header, Slot};
use merge::{Merger, Row};
use source::Line;
use unicode_segmentation::UnicodeSegmentation;

/// What the table layer reads around the categories: the title block, the headers and the
/// footnotes.
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) title: Option<String>,
    pub(crate) preamble: Vec<String>,
    pub(crate) columns: Vec<String>,
    pub(crate) other_columns: Vec<Vec<String>>,
    pub(crate) footnotes: Vec<String>,
}

/// Words that open a footnote row (`说明：`, `注:`).
const FOOTNOTE_OPENERS: &[&str] = &["说明", "注释", "附注", "备注", "注"];

/// Whether `text` reads as a footnote: an opener followed by a colon or a numbered note.
fn is_footnote(text: &str) -> bool {
    let text = text.trim_start();
    FOOTNOTE_OPENERS.iter().any(|opener| {
        text.strip_prefix(opener).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(['：', ':']) || rest.starts_with(crate::numeral::is_arabic_digit)
        })
    })
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Split a line at tabs into `split` (cleared first), each cell with its byte offset in the
/// line, and its texts into `texts`. The buffers are reused from line to line.
fn split_cells<'s>(text: &'s str, split: &mut Vec<(usize, &'s str)>, texts: &mut Vec<&'s str>) {
    split.clear();
    texts.clear();
    let mut start = 0;
    // The tab is ASCII, so each cell ends at a character boundary; memchr's search takes a
    // fraction of an instruction per byte.
    for tab in memchr::memchr_iter(b'\t', text.as_bytes()) {
        let cell = &text[start..tab];
        split.push((start, cell));
        texts.push(cell);
        start = tab + 1;
    }
    split.push((start, &text[start..]));
    texts.push(&text[start..]);
}

/// The only non-blank cell of a row, trimmed, with its index, when it has exactly one.
fn lone_cell<'s>(texts: &[&'s str]) -> Option<(usize, &'s str)> {
    let mut non_empty = texts.iter().enumerate().filter(|(_, t)| !is_blank(t));
    match (non_empty.next(), non_empty.next()) {
        (Some((i, only)), None) => Some((i, only.trim())),
        _ => None,
    }
}

/// Reads the table of a text line by line, giving each category once it is complete.
#[derive(Debug)]
pub(crate) struct TableReader<'s> {
    lines: source::Lines<'s>,
    title: Option<String>,
    preamble: Vec<String>,
    /// The lines of the title block before the header (one cell each): their indices in
    /// `preamble`, until the title is chosen among them.
    title_candidates: Vec<usize>,
    /// Every line of the title block, title included: the same line again later is the
    /// block repeated on a new page. A set, so that a long title block is not searched on
    /// every later line.
    title_block: std::collections::HashSet<&'s str>,
    /// Whether the line before was a data row (no blank line, page break or text between).
    after_row: bool,
    columns: Vec<String>,
    other_columns: Vec<Vec<String>>,
    footnotes: Vec<String>,
    /// The first header's columns, which later headers are compared with.
    first_header: Option<Vec<String>>,
    /// The header in force, and the text of its line: the same line again is the same header.
    header: Option<Header>,
    header_text: Option<&'s str>,
    /// The line of the first header, for a finding about a table without rows.
    header_line: usize,
    merger: Merger<'s>,
    /// Text lines between rows, reported once a row follows them.
    stray: Vec<(Position, usize)>,
    any_text: bool,
    /// Buffers for a line's cells, reused from line to line.
    split: Vec<(usize, &'s str)>,
    texts: Vec<&'s str>,
}

impl<'s> TableReader<'s> {
    pub(crate) fn new(text: &'s str) -> TableReader<'s> {
        TableReader {
            lines: source::lines(text),
            title: None,
            preamble: Vec::new(),
            title_candidates: Vec::new(),
            title_block: std::collections::HashSet::new(),
            after_row: false,
            columns: Vec::new(),
            other_columns: Vec::new(),
            footnotes: Vec::new(),
            first_header: None,
            header: None,
            header_text: None,
            header_line: 0,
            merger: Merger::default(),
            stray: Vec::new(),
            any_text: false,
            split: Vec::new(),
            texts: Vec::new(),
        }
    }

    /// The next complete category, reading as many lines as that takes; `None` once the text
    /// is read and every category given.
    pub(crate) fn next_category(
        &mut self,
        diagnostics: &mut Diagnostics,
    ) -> Option<CategoryDraft<'s>> {
        loop {
            if let Some(category) = self.merger.take_closed() {
                return Some(category);
            }
            match self.lines.next() {
                Some(line) => self.line(line, diagnostics),
                None => return self.merger.finish(),
            }
        }
    }

    /// Give back a category draft that is done with: its list of matters is reused for a
    /// later category.
    pub(crate) fn recycle(&mut self, draft: CategoryDraft<'s>) {
        self.merger.recycle(draft.matters);
    }

    /// The title, once read.
    pub(crate) fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The first header's column names, once read.
    pub(crate) fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Once [`next_category`](Self::next_category) has given `None`: the error of a text
    /// that holds no table, if it is one.
    pub(crate) fn error(&self) -> Option<Error> {
        let kind = if !self.any_text {
            ErrorKind::Empty
        } else if self.first_header.is_none() {
            ErrorKind::NoHeader
        } else {
            return None;
        };
        Some(Error::new(kind, Position { line: 1, column: 1 }))
    }

    /// What surrounds the categories, once [`next_category`](Self::next_category) has given
    /// `None`; an error when the text holds no table.
    pub(crate) fn finish(mut self, diagnostics: &mut Diagnostics) -> Result<Frame, Error> {
        self.choose_title();
        if let Some(error) = self.error() {
            return Err(error);
        }
        if !self.merger.has_categories() {
            let line = self.header_line;
            diagnostics.push(
                Code::EmptyTable,
                Position { line, column: 1 },
                format!("the header row at line {line} is followed by no data row"),
            );
        }
        Ok(Frame {
            title: self.title,
            preamble: self.preamble,
            columns: self.columns,
            other_columns: self.other_columns,
            footnotes: self.footnotes,
        })
    }

    /// Choose the title among the lines of the title block (see [`crate::title`]), once the
    /// block is complete; the others stay in the preamble.
    fn choose_title(&mut self) {
        let candidates = std::mem::take(&mut self.title_candidates);
        let chosen = candidates
            .iter()
            .find(|&&i| crate::title::reads_as_title(&self.preamble[i]))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|&&i| !crate::title::is_furniture(&self.preamble[i]))
            });
        if let Some(&i) = chosen {
            self.title = Some(self.preamble.remove(i));
        }
    }

    /// Read one line: a blank line or a repeated title block breaks the page; otherwise the
    /// line is the title block, a header, a footnote or a row.
    fn line(&mut self, line: Line<'s>, diagnostics: &mut Diagnostics) {
        report_control_character(&line, diagnostics);
        let after_row = std::mem::take(&mut self.after_row);
        if is_blank(line.text) {
            self.merger.page_break();
            return;
        }
        self.any_text = true;
        split_cells(line.text, &mut self.split, &mut self.texts);
        // A line with one non-empty cell may be a title, however many tabs pad it.
        let lone = lone_cell(&self.texts);
        if let (None, Some((_, text))) = (&self.header, lone) {
            self.title_candidates.push(self.preamble.len());
            self.title_block.insert(text);
            self.preamble.push(text.to_owned());
            return;
        }
        let repeats_title_block = lone.is_some_and(|(_, t)| self.title_block.contains(t));
        if repeats_title_block {
            self.merger.page_break();
            return;
        }
        if self.split.len() == 1 {
            let trimmed = line.text.trim();
            if !is_footnote(trimmed) {
                self.stray.push((start_of(&line), self.footnotes.len()));
            }
            self.footnotes.push(trimmed.to_owned());
            return;
        }
        if self.header_row(&line, diagnostics) {
            return;
        }
        let Some(header) = &self.header else {
            diagnostics.push(
                Code::RowBeforeHeader,
                start_of(&line),
                format!(
                    "the row at line {} comes before any header row; its text is kept in the preamble",
                    line.number
                ),
            );
            self.preamble.push(line.text.trim().to_owned());
            return;
        };
        if let Some((at, text)) = lone.filter(|(_, t)| is_footnote(t)) {
            // `注：…` alone in the 备注 column right after a row is the rest of that row's
            // notes; anywhere else it is a footnote of the list.
            let in_notes = matches!(header.slots.get(at), Some(Slot::Known(Column::Notes)));
            if !(after_row && in_notes) {
                self.footnotes.push(text.to_owned());
                return;
            }
        }
        for (at, _) in self.stray.drain(..) {
            diagnostics.push(
                Code::TextOutsideTable,
                at,
                format!(
                    "the text line at line {} stands between table rows; it is kept as a footnote",
                    at.line
                ),
            );
        }
        let row = map_row(header, &line, &self.split, diagnostics);
        self.merger.row(row, diagnostics);
        self.after_row = true;
    }

    /// Take the line as a header row if it is one: the first one sets the columns, a later
    /// one that differs is reported, and each breaks the page.
    fn header_row(&mut self, line: &Line<'s>, diagnostics: &mut Diagnostics) -> bool {
        // A header repeated at the top of each page reads as the one in force.
        let found = match self.header.take() {
            Some(current) if self.header_text == Some(line.text) => Some(current),
            current => {
                self.header = current;
                Header::recognise(&self.texts)
            }
        };
        let Some(found) = found else {
            return false;
        };
        match &self.first_header {
            None => {
                self.choose_title();
                self.header_line = line.number;
                self.first_header = Some(found.key());
                self.columns = found.names.clone();
                report_header(&found, line, &self.split, diagnostics);
            }
            Some(first) if *first != found.key() => {
                diagnostics.push(
                    Code::HeaderMismatch,
                    start_of(line),
                    format!(
                        "the header row at line {} differs from the first one ({}); the rows after it are read by it",
                        line.number,
                        quote_names(&found.names)
                    ),
                );
                report_header(&found, line, &self.split, diagnostics);
                self.other_columns.push(found.names.clone());
            }
            Some(_) => {}
        }
        self.header = Some(found);
        self.header_text = Some(line.text);
        self.merger.page_break();
        true
    }
}

/// How many header names a message lists.
const NAMES_LISTED: usize = 12;

/// Header names as a message lists them: `a | b | c`, each quoted, the first
/// [`NAMES_LISTED`] of them and how many more.
fn quote_names(names: &[String]) -> String {
    let mut listed: Vec<String> = names
        .iter()
        .take(NAMES_LISTED)
        .map(|n| quote(n).into_owned())
        .collect();
    if names.len() > NAMES_LISTED {
        listed.push(format!("and {} more", names.len() - NAMES_LISTED));
    }
    listed.join(" | ")
}

/// Report the first control character of a line (other than white space such as the tab
/// or the form feed), which a PDF converter leaves where text was garbled.
fn report_control_character(line: &Line<'_>, diagnostics: &mut Diagnostics) {
    if !may_hold_control_character(line.text) {
        return;
    }
    let unseen = |c: char| c.is_control() && !c.is_whitespace();
    if let Some((at, c)) = line.text.char_indices().find(|&(_, c)| unseen(c)) {
        let column = line.text[..at].graphemes(true).count() + 1;
        diagnostics.push(
            Code::ControlCharacter,
            Position {
                line: line.number,
                column,
            },
            format!(
                "line {} holds the control character U+{:04X} at column {column}; it is kept in the text",
                line.number, c as u32
            ),
        );
    }
}

/// Whether `text` may hold a control character: a byte below the space other than the tab,
/// DEL, or the lead byte `0xC2` of U+0080 … U+009F. Most lines hold none of these bytes, and
/// a byte scan is much cheaper than decoding every character.
///
/// Every line is scanned, so the bytes are tested a block at a time, each block without a
/// branch per byte ([`is_suspect_flag`] combines its tests with `|` and `&`): the compiler
/// turns such a block into a few vector instructions (plain code, no intrinsics), a fraction
/// of an instruction per byte where a word-at-a-time test took three.
fn may_hold_control_character(text: &str) -> bool {
    let mut blocks = text.as_bytes().chunks_exact(SCAN_BLOCK);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | is_suspect_flag(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| is_suspect(b))
}

/// The bytes [`may_hold_control_character`] tests at once.
const SCAN_BLOCK: usize = 32;

/// A byte [`may_hold_control_character`] looks for.
fn is_suspect(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7F || b == 0xC2
}

/// [`is_suspect`] without a branch, so that a block of bytes is tested by vector code.
#[inline(always)]
fn is_suspect_flag(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t')) | (b == 0x7F) | (b == 0xC2)
}

fn start_of(line: &Line<'_>) -> Position {
    Position {
        line: line.number,
        column: 1,
    }
}

/// Duplicate and missing columns of a header.
fn report_header(
    header: &Header,
    line: &Line<'_>,
    split: &[(usize, &str)],
    diagnostics: &mut Diagnostics,
) {
    // Columns are counted on from one duplicate to the next: a header with thousands of
    // duplicates must not count from the line start each time.
    let (mut counted_to, mut column_there) = (0, 1);
    for &(i, column) in &header.duplicates {
        let at = split[i].0;
        column_there += line.text[counted_to..at].graphemes(true).count();
        counted_to = at;
        diagnostics.push(
            Code::DuplicateColumn,
            Position {
                line: line.number,
                column: column_there,
            },
            format!(
                "the header at line {} names {} twice; the second one is kept under `extra`",
                line.number,
                column.name()
            ),
        );
    }
    for column in [Column::Name, Column::Seq] {
        if header.index_of(column).is_none() {
            diagnostics.push(
                Code::MissingColumn,
                start_of(line),
                format!(
                    "the header at line {} has no {} column",
                    line.number,
                    column.name()
                ),
            );
        }
    }
}

/// Put a row's cells in their columns.
fn map_row<'s>(
    header: &Header,
    line: &Line<'s>,
    split: &[(usize, &'s str)],
    diagnostics: &mut Diagnostics,
) -> Row<'s> {
    let cell_at = |at: usize, text: &'s str| Cell::borrowed(text, line.number, &line.text[..at]);
    let mut row = Row {
        line: line.number,
        cells: Default::default(),
        extra: Vec::new(),
    };
    for (slot, &(at, text)) in header.slots.iter().zip(split) {
        match slot {
            Slot::Known(column) => row.cells[column.index()] = Some(cell_at(at, text)),
            Slot::Extra(name) => row.extra.push((name.clone(), cell_at(at, text))),
        }
    }
    let expected = header.slots.len();
    if split.len() < expected {
        let end = Cell::new("", line.number, line.text).start();
        diagnostics.push(
            Code::RowTooShort,
            end,
            format!(
                "the row at line {} has {} cells where the header has {}",
                line.number,
                split.len(),
                expected
            ),
        );
        // The missing cells are empty, at the end of the line.
        for slot in &header.slots[split.len()..] {
            if let Slot::Known(column) = slot {
                row.cells[column.index()] = Some(cell_at(line.text.len(), ""));
            }
        }
    }
    let surplus: Vec<(usize, &(usize, &str))> = split
        .iter()
        .enumerate()
        .skip(expected)
        .filter(|(_, (_, text))| !is_blank(text))
        .collect();
    if let Some(&(_, &(at, _))) = surplus.first() {
        diagnostics.push(
            Code::RowTooLong,
            cell_at(at, "").start(),
            format!(
                "the row at line {} has {} cells where the header has {}; the surplus is kept under `extra`",
                line.number,
                split.len(),
                expected
            ),
        );
        for (i, &(at, text)) in surplus {
            row.extra
                .push((format!("column {}", i + 1), cell_at(at, text)));
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether one of the eight bytes of `word` [`is_suspect`], exactly: the word-at-a-time
    /// test [`may_hold_control_character`] was first written with, kept as a check of the
    /// bit tricks.
    ///
    /// XOR with the tab turns the tab into zero and keeps every other byte below the space
    /// below it and non-zero, so the bytes below the space but the tab are those strictly between
    /// 0 and `0x20` after it; DEL and `0xC2` are the zero bytes of `word ^ v`. Both tests are the
    /// classic bit tricks: the first looks at the low seven bits of each byte, so that no byte
    /// borrows from or carries into the next; the second may flag a wrong byte after a zero one,
    /// but is non-zero exactly when some byte is zero.
    fn holds_suspect_byte(word: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const LOW: u64 = ONES * 0x7F;
        const HIGH: u64 = ONES * 0x80;
        let strictly_between = |x: u64, m: u64, n: u64| {
            ((ONES * (127 + n)).wrapping_sub(x & LOW) & !x & ((x & LOW) + ONES * (127 - m))) & HIGH
        };
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        let tab = word ^ (ONES * u64::from(b'\t'));
        (strictly_between(tab, 0, 0x20) | zero(word ^ (ONES * 0x7F)) | zero(word ^ (ONES * 0xC2)))
            != 0
    }

    #[test]
    fn the_byte_prefilter_lets_every_control_character_through() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if c.is_control() && !c.is_whitespace() {
                let text = format!("甲{c}乙");
                assert!(may_hold_control_character(&text), "U+{:04X}", c as u32);
            }
        }
        assert!(!may_hold_control_character("主项\t子项 （一） 办理材料。"));
    }

    /// The byte-by-byte definition of [`may_hold_control_character`].
    fn may_hold_control_character_bytewise(text: &str) -> bool {
        text.bytes().any(is_suspect)
    }

    #[test]
    fn the_word_prefilter_agrees_with_the_bytewise_one() {
        // Every character that holds a suspect byte, or a tab, in every position of a word.
        let specials = [
            '\u{0}', '\u{8}', '\t', '\u{B}', '\u{1F}', ' ', '\u{7F}', '\u{80}', '\u{9F}', '\u{A0}',
            'Â', '\u{FF}', '主',
        ];
        for c in specials {
            for pad in 0..40 {
                for tail in 0..12 {
                    let text = format!("{}{c}{}", "a".repeat(pad), "项".repeat(tail));
                    assert_eq!(
                        may_hold_control_character(&text),
                        may_hold_control_character_bytewise(&text),
                        "{text:?}"
                    );
                }
            }
        }
        // Every byte in every position of words of ordinary bytes, and every pair of bytes.
        for word in [
            0x4141_4141_4141_4141u64,
            u64::MAX,
            0x2020_2020_2020_2020,
            0x8080_8080_8080_8080,
            0x0909_0909_0909_0909,
        ] {
            for byte in 0..=255u8 {
                for at in 0..8 {
                    let mut bytes = word.to_le_bytes();
                    bytes[at] = byte;
                    let suspect = bytes.iter().any(|&b| is_suspect(b));
                    assert_eq!(
                        holds_suspect_byte(u64::from_le_bytes(bytes)),
                        suspect,
                        "{bytes:?}"
                    );
                }
            }
        }
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for (i, j) in [(0, 1), (3, 7), (6, 7), (7, 0)] {
                    let mut bytes = *b"AAAAAAAA";
                    bytes[i] = a;
                    bytes[j] = b;
                    let suspect = bytes.iter().any(|&b| is_suspect(b));
                    assert_eq!(
                        holds_suspect_byte(u64::from_le_bytes(bytes)),
                        suspect,
                        "{bytes:?}"
                    );
                }
            }
        }
    }
}
