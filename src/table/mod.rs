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
use crate::normalize::is_invisible;

use header::{Header, Slot};
use merge::{Merger, Row};
use source::Line;
use unicode_segmentation::UnicodeSegmentation;

/// What the table layer reads from a list.
#[derive(Debug)]
pub(crate) struct Table<'s> {
    pub(crate) title: Option<String>,
    pub(crate) preamble: Vec<String>,
    pub(crate) columns: Vec<String>,
    pub(crate) other_columns: Vec<Vec<String>>,
    pub(crate) categories: Vec<CategoryDraft<'s>>,
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
    for cell in text.split('\t') {
        split.push((start, cell));
        texts.push(cell);
        start += cell.len() + 1;
    }
}

/// The only non-blank cell of a row, trimmed, when it has exactly one.
fn lone_cell<'s>(texts: &[&'s str]) -> Option<&'s str> {
    let mut non_empty = texts.iter().filter(|t| !is_blank(t));
    match (non_empty.next(), non_empty.next()) {
        (Some(only), None) => Some(only.trim()),
        _ => None,
    }
}

/// Read the table of `text`.
pub(crate) fn read<'s>(text: &'s str, diagnostics: &mut Diagnostics) -> Result<Table<'s>, Error> {
    let mut title: Option<String> = None;
    let mut preamble: Vec<String> = Vec::new();
    let mut first_header: Option<Vec<String>> = None;
    let mut header: Option<Header> = None;
    let mut columns = Vec::new();
    let mut other_columns = Vec::new();
    let mut footnotes = Vec::new();
    let mut merger = Merger::default();
    // Text lines between rows, reported once a row follows them.
    let mut stray: Vec<(Position, usize)> = Vec::new();
    let mut any_text = false;
    // The line of the first header, for a finding about a table without rows.
    let mut header_line = 0;
    // The text of the header in force: the same line again is the same header.
    let mut header_text: Option<&str> = None;
    let mut split: Vec<(usize, &str)> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();

    for line in source::lines(text) {
        report_control_character(&line, diagnostics);
        if is_blank(line.text) {
            merger.page_break();
            continue;
        }
        any_text = true;
        split_cells(line.text, &mut split, &mut texts);
        // A line with one non-empty cell may be a title, however many tabs pad it.
        let lone = lone_cell(&texts);
        if let (None, Some(text)) = (&header, lone) {
            match title {
                None => title = Some(text.to_owned()),
                Some(_) => preamble.push(text.to_owned()),
            }
            continue;
        }
        if lone.is_some_and(|t| title.as_deref() == Some(t) || preamble.iter().any(|p| p == t)) {
            // The title block repeated at the top of a page.
            merger.page_break();
            continue;
        }
        if split.len() == 1 {
            let trimmed = line.text.trim();
            if !is_footnote(trimmed) {
                stray.push((start_of(&line), footnotes.len()));
            }
            footnotes.push(trimmed.to_owned());
            continue;
        }
        // A header repeated at the top of each page reads as the one in force.
        let found = match header.take() {
            Some(current) if header_text == Some(line.text) => Some(current),
            current => {
                header = current;
                Header::recognise(&texts)
            }
        };
        if let Some(found) = found {
            match &first_header {
                None => {
                    header_line = line.number;
                    first_header = Some(found.key());
                    columns = found.names.clone();
                    report_header(&found, &line, &split, diagnostics);
                }
                Some(first) if *first != found.key() => {
                    diagnostics.push(
                        Code::HeaderMismatch,
                        start_of(&line),
                        format!(
                            "the header row at line {} differs from the first one ({}); the rows after it are read by it",
                            line.number,
                            quote_names(&found.names)
                        ),
                    );
                    report_header(&found, &line, &split, diagnostics);
                    other_columns.push(found.names.clone());
                }
                Some(_) => {}
            }
            header = Some(found);
            header_text = Some(line.text);
            merger.page_break();
            continue;
        }
        let Some(header) = &header else {
            diagnostics.push(
                Code::RowBeforeHeader,
                start_of(&line),
                format!(
                    "the row at line {} comes before any header row; its text is kept in the preamble",
                    line.number
                ),
            );
            preamble.push(line.text.trim().to_owned());
            continue;
        };
        if let Some(text) = lone.filter(|t| is_footnote(t)) {
            footnotes.push(text.to_owned());
            continue;
        }
        for (at, _) in stray.drain(..) {
            diagnostics.push(
                Code::TextOutsideTable,
                at,
                format!(
                    "the text line at line {} stands between table rows; it is kept as a footnote",
                    at.line
                ),
            );
        }
        merger.row(map_row(header, &line, &split, diagnostics), diagnostics);
    }

    if !any_text {
        return Err(Error::new(
            ErrorKind::Empty,
            Position { line: 1, column: 1 },
        ));
    }
    if first_header.is_none() {
        return Err(Error::new(
            ErrorKind::NoHeader,
            Position { line: 1, column: 1 },
        ));
    }
    if merger.categories.is_empty() {
        diagnostics.push(
            Code::EmptyTable,
            Position {
                line: header_line,
                column: 1,
            },
            format!("the header row at line {header_line} is followed by no data row"),
        );
    }
    Ok(Table {
        title,
        preamble,
        columns,
        other_columns,
        categories: merger.categories,
        footnotes,
    })
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
