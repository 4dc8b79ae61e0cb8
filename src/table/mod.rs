//! The table layer: text → lines → title, headers and rows → categories and matters with
//! their raw cells.

mod continuation;
mod csv;
mod encoding;
mod header;
mod infer;
mod merge;
#[cfg(feature = "xlsx")]
mod sheet;
mod source;
mod subheader;

pub(crate) use encoding::decode;
pub use encoding::{Decoded, Encoding, UnknownEncoding};
pub(crate) use header::Column;
pub(crate) use merge::{CategoryDraft, MatterDraft};
#[cfg(feature = "xlsx")]
pub(crate) use sheet::Sheet;
pub(crate) use source::{is_usable_delimiter, Source};

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::error::{Error, ErrorKind};
use crate::text::chars::is_ideograph;
use crate::text::normalize::is_invisible;
use crate::text::scan;

use header::{Header, Slot};
use merge::{ColumnCells, DataRow, Merger};
use source::Record;
use subheader::{Group, Guess, Second};

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

/// An empty list of texts that reuses the allocation of `texts`, whatever they borrowed: the
/// list of a row's cell texts is refilled from row to row without allocating.
fn recycle<'b>(mut texts: Vec<&str>) -> Vec<&'b str> {
    texts.clear();
    texts.into_iter().map(|_| "").collect()
}

/// The only non-blank cell of a row, trimmed, with its index, when it has exactly one.
fn lone_cell<'s>(texts: &[&'s str]) -> Option<(usize, &'s str)> {
    let mut non_empty = texts.iter().enumerate().filter(|(_, t)| !is_blank(t));
    match (non_empty.next(), non_empty.next()) {
        (Some((i, only)), None) => Some((i, only.trim())),
        _ => None,
    }
}

/// Reads the table of a source row by row, giving each category once it is complete.
#[derive(Debug)]
pub(crate) struct TableReader<'s> {
    source: Source<'s>,
    title: Option<String>,
    preamble: Vec<String>,
    /// The lines of the title block before the header (one cell each): their indices in
    /// `preamble`, until the title is chosen among them.
    title_candidates: Vec<usize>,
    /// The cell of each line of `title_candidates`, in the same order.
    title_cells: Vec<Cell<'s>>,
    /// The cell of the title, once chosen.
    title_cell: Option<Cell<'s>>,
    /// Whether a line of `title_candidates` could name a matter: words, not page furniture
    /// (kept as the lines come, so that no row asks each line again).
    title_can_name: bool,
    /// Whether the next data row is a 办事指南's one row, named by the title (see
    /// [`Header::recognise_guide`]).
    title_names_row: bool,
    /// Every line of the title block, title included: the same line again later is the
    /// block repeated on a new page. A set, so that a long title block is not searched on
    /// every later line.
    title_block: std::collections::HashSet<String>,
    /// Whether the row before was a data row (no blank row, page break or text between).
    after_row: bool,
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
    /// A header row just read, whose findings wait for the next row: it may be the first of
    /// two header rows.
    pending: Option<PendingHeader<'s>>,
    /// The second row of the header in force, when it has two: the same line again right
    /// after the first is the header repeated on a new page.
    sub_text: Option<&'s str>,
    /// Whether the row before was a header row (read or repeated).
    after_header: bool,
    /// Whether the first data row under the header in force was looked at (see
    /// [`restore_row_number`](Self::restore_row_number)).
    header_checked: bool,
    /// The two-row header in force read with one column fewer, and words for the finding
    /// (see [`subheader::Merged::narrower`]).
    narrower: Option<(Header, String)>,
    merger: Merger<'s>,
    /// Text lines between rows, reported once a row follows them.
    stray: Vec<(Position, usize)>,
    any_text: bool,
    /// Buffers for a row's cells and their texts, reused from row to row.
    cells: Vec<Cell<'s>>,
    texts: Vec<&'static str>,
    /// Rows with cells read before any header, each with the index of its text in
    /// `preamble`: kept (up to [`infer::ROWS`]) to infer a header from when the text has none
    /// (see [`infer`]). `None` once that is decided.
    headerless: Option<Vec<KeptRow<'s>>>,
    /// Whether the source gave its last row.
    ended: bool,
}

/// A row kept before any header: its record, cells, and the index of its text in `preamble`.
type KeptRow<'s> = (Record<'s>, Vec<Cell<'s>>, usize);

impl<'s> TableReader<'s> {
    pub(crate) fn new(source: Source<'s>) -> TableReader<'s> {
        TableReader {
            source,
            title: None,
            preamble: Vec::new(),
            title_candidates: Vec::new(),
            title_cells: Vec::new(),
            title_cell: None,
            title_can_name: false,
            title_names_row: false,
            title_block: std::collections::HashSet::new(),
            after_row: false,
            columns: Vec::new(),
            other_columns: Vec::new(),
            footnotes: Vec::new(),
            first_header: None,
            header: None,
            header_text: None,
            header_line: 0,
            pending: None,
            sub_text: None,
            after_header: false,
            header_checked: true,
            narrower: None,
            merger: Merger::default(),
            stray: Vec::new(),
            any_text: false,
            cells: Vec::new(),
            texts: Vec::new(),
            headerless: Some(Vec::new()),
            ended: false,
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
            let mut cells = std::mem::take(&mut self.cells);
            let next = if self.ended {
                None
            } else {
                self.source.next(&mut cells)
            };
            let Some(record) = next else {
                self.cells = cells;
                self.ended = true;
                if let Some(pending) = self.pending.take() {
                    self.settle_header(pending.number, &pending.cells, diagnostics);
                }
                self.infer_header(diagnostics);
                if let Some(category) = self.merger.take_closed() {
                    return Some(category);
                }
                return self.merger.finish();
            };
            let mut texts = recycle(std::mem::take(&mut self.texts));
            texts.extend(cells.iter().map(Cell::text));
            self.record(&record, &cells, &texts, diagnostics);
            self.texts = recycle(texts);
            self.cells = cells;
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
        Some(Error::new(kind, Position::new(1, 1)))
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
                Position::new(line, 1),
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
        let mut cells = std::mem::take(&mut self.title_cells);
        self.title_can_name = false;
        let chosen = candidates
            .iter()
            .position(|&i| crate::title::reads_as_title(&self.preamble[i]))
            .or_else(|| {
                candidates
                    .iter()
                    .position(|&i| !crate::title::is_furniture(&self.preamble[i]))
            });
        if let Some(k) = chosen {
            self.title = Some(self.preamble.remove(candidates[k]));
            self.title_cell = (k < cells.len()).then(|| cells.swap_remove(k));
        }
    }

    /// Read one row: a blank row or a repeated title block breaks the page; otherwise the
    /// row is the title block, a header, a footnote or a table row.
    fn record(
        &mut self,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        texts: &[&str],
        diagnostics: &mut Diagnostics,
    ) {
        let after_header = std::mem::take(&mut self.after_header);
        let second = match self.pending.take() {
            Some(pending) => self.second_header_row(pending, record, cells, diagnostics),
            None => false,
        };
        report_control_character(record, cells, diagnostics);
        if second {
            return;
        }
        if after_header && self.sub_text == Some(record.text) {
            // The second header row, repeated on a new page with the first.
            return;
        }
        let after_row = std::mem::take(&mut self.after_row);
        if texts.iter().all(|t| is_blank(t)) {
            self.merger.page_break();
            return;
        }
        self.any_text = true;
        // A row with one non-empty cell may be a title, however many delimiters pad it.
        let lone = lone_cell(texts);
        if let (None, Some((i, text))) = (&self.header, lone) {
            self.title_candidates.push(self.preamble.len());
            self.title_cells.push(cells[i].clone());
            self.title_can_name |=
                !crate::title::is_furniture(text) && text.chars().any(is_ideograph);
            self.title_block.insert(text.to_owned());
            self.preamble.push(text.to_owned());
            return;
        }
        let repeats_title_block = lone.is_some_and(|(_, t)| self.title_block.contains(t));
        if repeats_title_block {
            self.merger.page_break();
            return;
        }
        if cells.len() == 1 {
            let trimmed = texts[0].trim();
            if !is_footnote(trimmed) {
                self.stray.push((start_of(record), self.footnotes.len()));
            }
            self.footnotes.push(trimmed.to_owned());
            return;
        }
        if self.header_row(record, cells, texts) {
            self.report_kept_rows(diagnostics);
            return;
        }
        let Some(header) = &self.header else {
            self.preamble.push(record.text.trim().to_owned());
            let index = self.preamble.len() - 1;
            let kept = match &mut self.headerless {
                Some(kept) if cells.len() <= infer::WIDTH => {
                    kept.push((*record, cells.to_vec(), index));
                    Some(kept.len())
                }
                _ => None,
            };
            match kept {
                Some(count) if count >= infer::ROWS => self.infer_header(diagnostics),
                Some(_) => {}
                None => {
                    self.report_kept_rows(diagnostics);
                    report_row_before_header(record, diagnostics);
                }
            }
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
        self.data_row(record, cells, diagnostics);
    }

    /// Read a table row under the header in force.
    fn data_row(&mut self, record: &Record<'s>, cells: &[Cell<'s>], diagnostics: &mut Diagnostics) {
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
        if !std::mem::replace(&mut self.header_checked, true) {
            self.narrow_spans(record, cells, diagnostics);
            self.fewer_levels(record, cells, diagnostics);
            self.restore_row_number(record, cells, diagnostics);
            self.number_column_named_as_name(record, cells, diagnostics);
        }
        let Some(header) = &self.header else {
            return;
        };
        let room = self.merger.cells(cells.len().min(Column::COUNT));
        let mut row = map_row(header, record, cells, room, diagnostics);
        if std::mem::take(&mut self.title_names_row) {
            row.cells.put(Column::Name, self.title_cell.clone());
        }
        self.merger.row(row, diagnostics);
        self.after_row = true;
    }

    /// The rows kept before any header are rows before the header after all: each is reported
    /// (`row_before_header`), and no header will be inferred.
    fn report_kept_rows(&mut self, diagnostics: &mut Diagnostics) {
        for (record, _, _) in self.headerless.take().unwrap_or_default() {
            report_row_before_header(&record, diagnostics);
        }
    }

    /// Decide on the rows kept before any header (see [`infer`]): when their cells imply a
    /// header, it is taken as the first header, with a `header_inferred` warning, and the rows
    /// are read under it; otherwise each is a row before the header, as found.
    fn infer_header(&mut self, diagnostics: &mut Diagnostics) {
        let Some(kept) = self.headerless.take() else {
            return;
        };
        let rows: Vec<Vec<Cell<'s>>> = kept.iter().map(|(_, cells, _)| cells.clone()).collect();
        let inferred = match infer::infer(&rows) {
            Some(inferred) if self.first_header.is_none() => inferred,
            _ => {
                for (record, _, _) in &kept {
                    report_row_before_header(record, diagnostics);
                }
                return;
            }
        };
        // The rows' texts leave the preamble: they are the table.
        for &(_, _, index) in kept.iter().rev() {
            self.preamble.remove(index);
            for candidate in &mut self.title_candidates {
                if *candidate > index {
                    *candidate -= 1;
                }
            }
        }
        self.choose_title();
        let (first, last) = match (kept.first(), kept.last()) {
            (Some(first), Some(last)) => (first.0.number, last.0.number),
            _ => return,
        };
        let at = Position::new(first, 1);
        let found: Vec<String> = inferred
            .evidence
            .iter()
            .map(|&(i, column, agreeing, telling)| {
                format!(
                    "column {} as {} ({agreeing} of {telling} cells)",
                    i + 1,
                    column.name()
                )
            })
            .collect();
        diagnostics.push(
            Code::HeaderInferred,
            at,
            format!(
                "no header row found; the columns of the rows at lines {first} to {last} are inferred from what their cells hold: {}; the other columns are kept under `extra`",
                found.join(", ")
            ),
        );
        let header = inferred.header;
        self.header_line = first;
        self.first_header = Some(header.key());
        self.columns = header.names.clone();
        if header.index_of(Column::Category).is_none() {
            diagnostics.push(
                Code::CategoryInferred,
                at,
                "the inferred header has no 主项 column; each row is a matter, all in one category without a name",
            );
            self.merger.infer_categories();
        }
        self.header = Some(header);
        self.header_text = None;
        self.header_checked = true;
        for (record, cells, _) in &kept {
            self.data_row(record, cells, diagnostics);
        }
    }

    /// At the first row under a new header without 子项序号 column that names the 子项 twice:
    /// when the first 子项 column holds a bare number in the row and the second does not, the
    /// first is the 子项序号 column under the wrong name (`主项 | 子项 | 子项 | 办理材料`), and is
    /// read so, with a `seq_column_guessed` warning.
    fn number_column_named_as_name(
        &mut self,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        diagnostics: &mut Diagnostics,
    ) {
        let Some(header) = self.header.as_mut() else {
            return;
        };
        let Some(first) = header.index_of(Column::Name) else {
            return;
        };
        let second = header
            .duplicates
            .iter()
            .find(|(_, column)| *column == Column::Name)
            .map(|&(i, _)| i);
        let Some(second) = second else {
            return;
        };
        let text = |i: usize| cells.get(i).map_or("", |c| c.text().trim());
        let is_number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let has_seq = header.index_of(Column::Seq).is_some();
        if has_seq || !is_number(text(first)) || is_number(text(second)) || text(second).is_empty()
        {
            return;
        }
        header.slots[first] = Slot::Known(Column::Seq);
        header.slots[second] = Slot::Known(Column::Name);
        header.duplicates.retain(|&(i, _)| i != second);
        diagnostics.push(
            Code::SeqColumnGuessed,
            cells.get(first).map_or(start_of(record), Cell::start),
            format!(
                "the header names 子项 twice and has no 子项序号 column; the first 子项 column holds the number {} in the row at line {}, the second a name: they are read as 子项序号 and 子项",
                quote(text(first)),
                record.number
            ),
        );
    }

    /// At the first row under a new two-row header: when the row fills every cell of the
    /// header read with one column fewer (see [`subheader::Merged::narrower`]) and is that much
    /// shorter than the header, that reading is taken, with a `header_spans_guessed` warning.
    fn narrow_spans(
        &mut self,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        diagnostics: &mut Diagnostics,
    ) {
        let Some((narrower, words)) = self.narrower.take() else {
            return;
        };
        let Some(header) = &self.header else {
            return;
        };
        let width = narrower.slots.len();
        let filled = cells.last().is_some_and(|c| !is_blank(c.text()));
        if cells.len() != width || !filled || header.slots.len() != width + 1 {
            return;
        }
        if self.columns == header.names {
            self.columns = narrower.names.clone();
        }
        self.header = Some(narrower);
        diagnostics.push(
            Code::HeaderSpansGuessed,
            start_of(record),
            format!(
                "the row at line {} fills {} cells, one fewer than the two-row header: {words}",
                record.number, width
            ),
        );
    }

    /// At the first row under a new header whose matter levels are three (一级, 二级, 三级事项,
    /// merged from two rows: the 主项, a level kept in `extra`, the name): when the row fills
    /// only two of them, its cells after the levels stand one column to the left of the
    /// header's. That is read from the citations: the cell under the 设定依据 (公开依据) column
    /// holds text but no citation, and the cell before it cites a document. The header is then
    /// read with its third level as its last column (where an extraction puts a row's blank
    /// cells), the second level being the name, with a `header_spans_guessed` warning.
    fn fewer_levels(
        &mut self,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        diagnostics: &mut Diagnostics,
    ) {
        let Some(header) = self.header.as_mut() else {
            return;
        };
        let (Some(category), Some(name), Some(basis)) = (
            header.index_of(Column::Category),
            header.index_of(Column::Name),
            header.index_of(Column::LegalBasis),
        ) else {
            return;
        };
        let middle = category + 1;
        let text = |i: usize| cells.get(i).map_or("", Cell::text);
        let cites = |i: usize| {
            cells.get(i).is_some_and(|cell| {
                let mut scratch = Diagnostics::default();
                !crate::fields::citations::parse(cell, &mut scratch)
                    .citations
                    .is_empty()
            })
        };
        if name != category + 2
            || header.slots[middle] != Slot::Extra
            || basis <= name
            || is_blank(text(middle))
            || is_blank(text(basis))
            || cites(basis)
            || !cites(basis - 1)
        {
            return;
        }
        let is_first = self.columns == header.names;
        let dropped = header.extra_name(name);
        let second = header.extra_name(middle);
        let basis_name = header.extra_name(basis);
        // The third level's column moves to the end, where an extraction puts the blank cells
        // of a row, its name kept.
        header.slots.remove(name);
        header.slots.push(Slot::Extra);
        while header.names.len() < header.slots.len() {
            header.names.push(String::new());
        }
        let moved = header.names.remove(name);
        header.names.push(moved);
        header.slots[middle] = Slot::Known(Column::Name);
        let last = header.slots.len() - 1;
        for (i, _) in header.duplicates.iter_mut().chain(&mut header.cut) {
            if *i > name {
                *i -= 1;
            } else if *i == name {
                *i = last;
            }
        }
        if is_first {
            self.columns = header.names.clone();
        }
        diagnostics.push(
            Code::HeaderSpansGuessed,
            start_of(record),
            format!(
                "the row at line {} fills two of the header's three matter levels: its cell under {} holds no citation and the cell before it cites one; the header is read with {} as its last column, {} being the name",
                record.number,
                quote(&basis_name),
                quote(&dropped),
                quote(&second)
            ),
        );
    }

    /// At the first row under a new header: when the header has no number column, the row
    /// is longer than it and starts with a bare number where the header's first column is the
    /// category or the name, the header lost its 序号 cell (an extraction cuts the narrow
    /// first column): a 序号 column is put back at its start, with a `header_cell_missing`
    /// warning. A category or a matter named `1` is no reading of such a row.
    fn restore_row_number(
        &mut self,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        diagnostics: &mut Diagnostics,
    ) {
        let Some(header) = self.header.as_mut() else {
            return;
        };
        let numbered = header.index_of(Column::Seq).is_some();
        let first_column = match header.slots.first() {
            Some(Slot::Known(column @ (Column::Category | Column::Name))) => *column,
            _ => return,
        };
        let first = cells.first().map_or("", |c| c.text().trim());
        let bare_number = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
        if numbered || cells.len() <= header.slots.len() || !bare_number {
            return;
        }
        let is_first = self.columns == header.names;
        let name = header.extra_name(0);
        header.slots.insert(0, Slot::Known(Column::Seq));
        header.names.insert(0, Column::RowNumber.name().to_owned());
        for (i, _) in header.duplicates.iter_mut().chain(&mut header.cut) {
            *i += 1;
        }
        if is_first {
            self.columns = header.names.clone();
        }
        diagnostics.push(
            Code::HeaderCellMissing,
            start_of(record),
            format!(
                "the row at line {} starts with the number {} where the header names {} ({}), and has more cells than the header: the header is read as missing its 序号 cell at the start",
                record.number,
                quote(first),
                quote(&name),
                first_column.name()
            ),
        );
    }

    /// Take the row as a header row if it is one: the same line as the header in force is that
    /// header repeated; a new one waits for the next row (its second row, perhaps) before it
    /// sets the columns or is compared with the first (see [`settle_header`](Self::settle_header)).
    /// Each breaks the page.
    fn header_row(&mut self, record: &Record<'s>, cells: &[Cell<'s>], texts: &[&str]) -> bool {
        let line = record;
        // A header repeated at the top of each page reads as the one in force.
        let found = match self.header.take() {
            Some(current) if self.header_text == Some(line.text) => Some(current),
            current => {
                self.header = current;
                // A 办事指南 without name column, under its title, is read only as the first
                // header: the title names its row, so there must be a line that can (words,
                // not page furniture).
                let may_be_guide =
                    self.first_header.is_none() && self.header.is_none() && self.title_can_name;
                Header::recognise(texts).or_else(|| {
                    may_be_guide
                        .then(|| Header::recognise_guide(texts))
                        .flatten()
                })
            }
        };
        let Some(found) = found else {
            return false;
        };
        self.after_header = true;
        self.merger.page_break();
        if self.header_text == Some(line.text) {
            self.header = Some(found);
            return true;
        }
        // A new header: its findings wait for the next row, which may be its second row.
        self.header = Some(found);
        self.header_text = Some(line.text);
        self.sub_text = None;
        self.header_checked = false;
        self.narrower = None;
        self.pending = Some(PendingHeader {
            number: line.number,
            cells: cells.to_vec(),
        });
        true
    }

    /// Read the row after a new header row as its second row if it is one, merging the two;
    /// then report the header (see [`settle_header`](Self::settle_header)). True when the row
    /// was the second header row.
    fn second_header_row(
        &mut self,
        pending: PendingHeader<'s>,
        record: &Record<'s>,
        cells: &[Cell<'s>],
        diagnostics: &mut Diagnostics,
    ) -> bool {
        let Some(header) = &self.header else {
            return false;
        };
        match subheader::merge(header, &pending.cells, cells) {
            Second::No => {
                self.settle_header(pending.number, &pending.cells, diagnostics);
                false
            }
            Second::Unmatched(why) => {
                diagnostics.push(
                    Code::HeaderRowsUnmatched,
                    start_of(record),
                    format!(
                        "the row at line {} reads as the second row of the header at line {}, but {why}; it is kept in the preamble, and the header is read from line {} alone",
                        record.number, pending.number, pending.number
                    ),
                );
                self.preamble.push(record.text.trim().to_owned());
                self.settle_header(pending.number, &pending.cells, diagnostics);
                self.after_header = true;
                true
            }
            Second::Merged(merged) => {
                let merged = *merged;
                report_merge(&merged, &pending, record, cells, diagnostics);
                self.header = Some(merged.header);
                self.narrower = merged.narrower;
                self.sub_text = Some(record.text);
                self.settle_header(pending.number, &merged.cells, diagnostics);
                self.merger.page_break();
                true
            }
        }
    }

    /// Take the header in force, read at `number` (its cells: one per column), as the first
    /// one or compare it with the first one, and report its problems.
    fn settle_header(&mut self, number: usize, cells: &[Cell<'s>], diagnostics: &mut Diagnostics) {
        if self.first_header.is_none() {
            self.choose_title();
        }
        let Some(found) = &self.header else {
            return;
        };
        match &self.first_header {
            None => {
                self.header_line = number;
                self.first_header = Some(found.key());
                self.columns = found.names.clone();
                let named_by = found.by_title.then_some(self.title.as_deref()).flatten();
                self.title_names_row = named_by.is_some();
                report_header(found, number, cells, named_by, diagnostics);
                if found.index_of(Column::Category).is_none() {
                    report_inferred_categories(found, number, cells, diagnostics);
                    self.merger.infer_categories();
                }
            }
            Some(first) if *first != found.key() => {
                diagnostics.push(
                    Code::HeaderMismatch,
                    Position::new(number, 1),
                    format!(
                        "the header row at line {number} differs from the first one ({}); the rows after it are read by it",
                        quote_names(&found.names)
                    ),
                );
                report_header(found, number, cells, None, diagnostics);
                self.other_columns.push(found.names.clone());
            }
            Some(_) => {}
        }
    }
}

/// A new header row whose findings wait for the row after it.
#[derive(Debug)]
struct PendingHeader<'s> {
    /// Its line.
    number: usize,
    cells: Vec<Cell<'s>>,
}

/// The findings of a header merged from two rows: one `header_rows_merged` info saying which
/// cell spans which, and a `header_spans_guessed` warning for each decision made by position.
fn report_merge(
    merged: &subheader::Merged<'_>,
    pending: &PendingHeader<'_>,
    record: &Record<'_>,
    cells: &[Cell<'_>],
    diagnostics: &mut Diagnostics,
) {
    let text = |cells: &[Cell<'_>], i: usize| cells.get(i).map_or("", Cell::text).trim().to_owned();
    let spans: Vec<String> = merged
        .spans
        .iter()
        .map(|(j, subs)| {
            let names: Vec<String> = subs
                .clone()
                .map(|i| quote(&text(cells, i)).into_owned())
                .collect();
            format!(
                "{} spans {}",
                quote(&text(&pending.cells, *j)),
                names.join(" | ")
            )
        })
        .collect();
    diagnostics.push(
        Code::HeaderRowsMerged,
        start_of(record),
        format!(
            "the header rows at lines {} and {} are read as one: {}",
            pending.number,
            record.number,
            spans.join(", ")
        ),
    );
    let parent = |group: Group| match group {
        Group::Matter => "公开事项",
        Group::Audience => "公开对象",
        Group::Manner => "公开方式",
        Group::Level => "公开层级",
    };
    for guess in &merged.guesses {
        let (at, message) = match guess {
            Guess::UnknownSub { sub, group } => (
                cells.get(*sub).map_or(start_of(record), Cell::start),
                format!(
                    "the header cell {} at line {} names no known sub-column; it is read under {} with the sub-columns beside it",
                    quote(&text(cells, *sub)),
                    record.number,
                    parent(*group)
                ),
            ),
            Guess::CutParent { cell, group } => (
                pending.cells.get(*cell).map_or(start_of(record), Cell::start),
                format!(
                    "the header cell {} at line {} is read as {}, cut short",
                    quote(&text(&pending.cells, *cell)),
                    pending.number,
                    parent(*group)
                ),
            ),
            Guess::ByPosition { cell, subs, group } => {
                let names: Vec<String> =
                    subs.clone().map(|i| quote(&text(cells, i)).into_owned()).collect();
                (
                    pending.cells.get(*cell).map_or(start_of(record), Cell::start),
                    format!(
                        "the sub-columns {} of {} at line {} are read under the header cell {} at line {} by position; its name does not say so",
                        names.join(" | "),
                        parent(*group),
                        record.number,
                        quote(&text(&pending.cells, *cell)),
                        pending.number
                    ),
                )
            }
        };
        diagnostics.push(Code::HeaderSpansGuessed, at, message);
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

/// Report the first control character of a row's cells (other than white space such as the
/// tab or the form feed), which a PDF converter leaves where text was garbled.
fn report_control_character(
    record: &Record<'_>,
    cells: &[Cell<'_>],
    diagnostics: &mut Diagnostics,
) {
    // The row's text is scanned first: most rows hold no suspect byte at all.
    if !scan::may_hold_control_character(record.text) {
        return;
    }
    let unseen = |c: char| c.is_control() && !c.is_whitespace();
    let found = cells.iter().find_map(|cell| {
        let text = cell.text();
        let (at, c) = text.char_indices().find(|&(_, c)| unseen(c))?;
        Some((cell.position(at), c))
    });
    if let Some((at, c)) = found {
        diagnostics.push(
            Code::ControlCharacter,
            at,
            format!(
                "line {} holds the control character U+{:04X} at column {}; it is kept in the text",
                at.line, c as u32, at.column
            ),
        );
    }
}

/// A row with cells before any header row: its text is kept in the preamble.
fn report_row_before_header(record: &Record<'_>, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Code::RowBeforeHeader,
        start_of(record),
        format!(
            "the row at line {} comes before any header row; its text is kept in the preamble",
            record.number
        ),
    );
}

fn start_of(record: &Record<'_>) -> Position {
    Position::new(record.number, 1)
}

/// Duplicate and missing columns of a header read at line `number`, whose cells are `cells`
/// (one per column); `named_by` is the title that names the row of a 办事指南 header without
/// name column.
fn report_header(
    header: &Header,
    number: usize,
    cells: &[Cell<'_>],
    named_by: Option<&str>,
    diagnostics: &mut Diagnostics,
) {
    // A header with thousands of duplicates stays linear: the cells of a wide line carry the
    // columns counted up to them (see `cell::LinePrefixes`).
    for &(i, column) in &header.duplicates {
        let Some(cell) = cells.get(i) else { continue };
        let at = cell.start();
        diagnostics.push(
            Code::DuplicateColumn,
            at,
            format!(
                "the header at line {} names {} twice; the second one is kept under `extra`",
                number,
                column.name()
            ),
        );
    }
    for &(i, column) in &header.cut {
        let Some(cell) = cells.get(i) else { continue };
        diagnostics.push(
            Code::HeaderNameCut,
            cell.start(),
            format!(
                "the header cell {} at line {} is read as a name cut short by one character, of the {} column",
                quote(cell.text().trim()),
                number,
                column.name()
            ),
        );
    }
    for column in [Column::Name, Column::Seq] {
        if header.index_of(column).is_none() {
            let named = match named_by {
                Some(title) if column == Column::Name => format!(
                    "; its row is read as one 办事指南, named by the title {}",
                    quote(title)
                ),
                _ => String::new(),
            };
            diagnostics.push(
                Code::MissingColumn,
                Position::new(number, 1),
                format!(
                    "the header at line {} has no {} column{named}",
                    number,
                    column.name()
                ),
            );
        }
    }
}

/// The `category_inferred` info for a first header without 主项 column: at its 事项类型
/// column, which names the categories, or at the start of the row when all rows go into one
/// category. (Under a later header without 主项, rows go on in the category open before it.)
fn report_inferred_categories(
    header: &Header,
    n: usize,
    cells: &[Cell<'_>],
    diagnostics: &mut Diagnostics,
) {
    let kind = header.index_of(Column::Kind).and_then(|i| cells.get(i));
    let (at, message) = match kind {
        Some(cell) => (
            cell.start(),
            format!("the header at line {n} has no 主项 column; each row is a matter, in categories named by its 事项类型 column"),
        ),
        None => (
            Position::new(n, 1),
            format!("the header at line {n} has no 主项 column; each row is a matter, all in one category without a name"),
        ),
    };
    diagnostics.push(Code::CategoryInferred, at, message);
}

/// Put a row's cells in their columns.
fn map_row<'s>(
    header: &Header,
    record: &Record<'s>,
    cells: &[Cell<'s>],
    room: ColumnCells<'s>,
    diagnostics: &mut Diagnostics,
) -> DataRow<'s> {
    let mut row = DataRow {
        line: record.number,
        cells: room,
        extra: Vec::new(),
    };
    for (i, (slot, cell)) in header.slots.iter().zip(cells).enumerate() {
        match slot {
            Slot::Known(column) => row.cells.put(*column, Some(cell.clone())),
            Slot::Extra => row.extra.push((header.extra_name(i), cell.clone())),
        }
    }
    let expected = header.slots.len();
    if cells.len() < expected {
        // The missing cells are empty, at the end of the row.
        let (end_line, before_end) = record.end;
        let missing = Cell::borrowed("", end_line, before_end);
        diagnostics.push(
            Code::RowTooShort,
            missing.start(),
            format!(
                "the row at line {} has {} cells where the header has {}",
                record.number,
                cells.len(),
                expected
            ),
        );
        for slot in &header.slots[cells.len()..] {
            if let Slot::Known(column) = slot {
                row.cells.put(*column, Some(missing.clone()));
            }
        }
    }
    // The surplus cells are kept as one entry, from the first non-blank one to the last, joined
    // by tabs (as a tab-separated source has them): one entry per surplus cell would cost a
    // name, a cell and a map entry each, a hundred times the bytes of a short cell.
    let surplus = cells.get(expected..).unwrap_or_default();
    let first = surplus.iter().position(|cell| !is_blank(cell.text()));
    let last = surplus.iter().rposition(|cell| !is_blank(cell.text()));
    if let (Some(first), Some(last)) = (first, last) {
        let start = &surplus[first];
        diagnostics.push(
            Code::RowTooLong,
            start.start(),
            format!(
                "the row at line {} has {} cells where the header has {}; the surplus is kept under `extra`",
                record.number,
                cells.len(),
                expected
            ),
        );
        let mut text = String::new();
        for (k, cell) in surplus[first..=last].iter().enumerate() {
            if k > 0 {
                text.push('\t');
            }
            text.push_str(cell.text());
        }
        let (line, before) = start.origin();
        row.extra.push((
            format!("column {}", expected + first + 1),
            Cell::new(&text, line, before),
        ));
    }
    row
}
