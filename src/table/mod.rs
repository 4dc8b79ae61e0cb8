//! The table layer: text → lines → title, headers and rows → categories and matters with
//! their raw cells.

mod header;
mod merge;
mod source;

pub(crate) use header::Column;
pub(crate) use merge::{CategoryDraft, MatterDraft};
pub(crate) use source::decode;

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::error::{Error, ErrorKind};
use crate::text::normalize::is_invisible;
use crate::text::scan;

use header::{Header, Slot};
use merge::{DataRow, Merger};
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
            rest.starts_with(['：', ':']) || rest.starts_with(crate::text::numeral::is_arabic_digit)
        })
    })
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Split a line at tabs into `split` (cleared first), each cell with its byte offset in the
/// line. The buffer is reused from line to line (one per line, not two: a line of a million
/// cells costs 24 bytes a cell here).
fn split_cells<'s>(text: &'s str, split: &mut Vec<(usize, &'s str)>) {
    split.clear();
    let mut start = 0;
    for tab in scan::tabs(text) {
        let cell = &text[start..tab];
        split.push((start, cell));
        start = tab + 1;
    }
    split.push((start, &text[start..]));
}

/// The only non-blank cell of a row, trimmed, when it has exactly one.
fn lone_cell<'s>(split: &[(usize, &'s str)]) -> Option<&'s str> {
    let mut non_empty = split.iter().map(|&(_, t)| t).filter(|t| !is_blank(t));
    match (non_empty.next(), non_empty.next()) {
        (Some(only), None) => Some(only.trim()),
        _ => None,
    }
}

/// Reads the table of a text line by line, giving each category once it is complete.
#[derive(Debug)]
pub(crate) struct TableReader<'s> {
    lines: source::Lines<'s>,
    title: Option<String>,
    preamble: Vec<String>,
    columns: Vec<String>,
    other_columns: Vec<Vec<String>>,
    footnotes: Vec<String>,
    /// The first header's columns, which later headers are compared with.
    first_header: Option<String>,
    /// The header in force, and the text of its line: the same line again is the same header.
    header: Option<Header>,
    header_text: Option<&'s str>,
    /// The line of the first header, for a finding about a table without rows.
    header_line: usize,
    merger: Merger<'s>,
    /// Text lines between rows, reported once a row follows them.
    stray: Vec<(Position, usize)>,
    any_text: bool,
    /// The buffer for a line's cells, reused from line to line.
    split: Vec<(usize, &'s str)>,
}

impl<'s> TableReader<'s> {
    pub(crate) fn new(text: &'s str) -> TableReader<'s> {
        TableReader {
            lines: source::lines(text),
            title: None,
            preamble: Vec::new(),
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
    pub(crate) fn finish(self, diagnostics: &mut Diagnostics) -> Result<Frame, Error> {
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

    /// Read one line: a blank line or a repeated title block breaks the page; otherwise the
    /// line is the title block, a header, a footnote or a row.
    fn line(&mut self, line: Line<'s>, diagnostics: &mut Diagnostics) {
        report_control_character(&line, diagnostics);
        if is_blank(line.text) {
            self.merger.page_break();
            return;
        }
        self.any_text = true;
        split_cells(line.text, &mut self.split);
        // A line with one non-empty cell may be a title, however many tabs pad it.
        let lone = lone_cell(&self.split);
        if let (None, Some(text)) = (&self.header, lone) {
            match self.title {
                None => self.title = Some(text.to_owned()),
                Some(_) => self.preamble.push(text.to_owned()),
            }
            return;
        }
        let repeats_title_block = lone.is_some_and(|t| {
            self.title.as_deref() == Some(t) || self.preamble.iter().any(|p| p == t)
        });
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
        if let Some(text) = lone.filter(|t| is_footnote(t)) {
            self.footnotes.push(text.to_owned());
            return;
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
    }

    /// Take the line as a header row if it is one: the first one sets the columns, a later
    /// one that differs is reported, and each breaks the page.
    fn header_row(&mut self, line: &Line<'s>, diagnostics: &mut Diagnostics) -> bool {
        // A header repeated at the top of each page reads as the one in force.
        let found = match self.header.take() {
            Some(current) if self.header_text == Some(line.text) => Some(current),
            current => {
                self.header = current;
                Header::recognise_cells(self.split.iter().map(|&(_, text)| text))
            }
        };
        let Some(found) = found else {
            return false;
        };
        match &self.first_header {
            None => {
                self.header_line = line.number;
                self.first_header = Some(found.key());
                self.columns = found.names.clone();
                report_header(&found, line, &self.split, diagnostics);
                if found.index_of(Column::Category).is_none() {
                    report_inferred_categories(&found, line, &self.split, diagnostics);
                    self.merger.infer_categories();
                }
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
    if !scan::may_hold_control_character(line.text) {
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

/// The `category_inferred` info for a first header without 主项 column: at its 事项类型
/// column, which names the categories, or at the start of the line when all rows go into one
/// category. (Under a later header without 主项, rows go on in the category open before it.)
fn report_inferred_categories(
    header: &Header,
    line: &Line<'_>,
    split: &[(usize, &str)],
    diagnostics: &mut Diagnostics,
) {
    let n = line.number;
    let (at, message) = match header.index_of(Column::Kind) {
        Some(i) => (
            Position {
                line: n,
                column: line.text[..split[i].0].graphemes(true).count() + 1,
            },
            format!("the header at line {n} has no 主项 column; each row is a matter, in categories named by its 事项类型 column"),
        ),
        None => (
            start_of(line),
            format!("the header at line {n} has no 主项 column; each row is a matter, all in one category without a name"),
        ),
    };
    diagnostics.push(Code::CategoryInferred, at, message);
}

/// Put a row's cells in their columns.
fn map_row<'s>(
    header: &Header,
    line: &Line<'s>,
    split: &[(usize, &'s str)],
    diagnostics: &mut Diagnostics,
) -> DataRow<'s> {
    let cell_at = |at: usize, text: &'s str| Cell::borrowed(text, line.number, &line.text[..at]);
    let mut row = DataRow {
        line: line.number,
        cells: Default::default(),
        extra: Vec::new(),
    };
    for (i, (slot, &(at, text))) in header.slots.iter().zip(split).enumerate() {
        match slot {
            Slot::Known(column) => row.cells[column.index()] = Some(cell_at(at, text)),
            Slot::Extra => row.extra.push((header.extra_name(i), cell_at(at, text))),
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
    // The surplus cells are kept as one entry, from the first non-blank one to the last, as
    // the source has them (tabs included): one cell per surplus cell would cost a name, a cell
    // and a map entry each, a hundred times the bytes of a short cell.
    let surplus = split.get(expected..).unwrap_or_default();
    let first = surplus.iter().position(|(_, text)| !is_blank(text));
    let last = surplus.iter().rposition(|(_, text)| !is_blank(text));
    if let (Some(first), Some(last)) = (first, last) {
        let (at, _) = surplus[first];
        let (last_at, last_text) = surplus[last];
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
        let text = &line.text[at..last_at + last_text.len()];
        row.extra.push((
            format!("column {}", expected + first + 1),
            cell_at(at, text),
        ));
    }
    row
}
