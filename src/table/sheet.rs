//! Spreadsheets (`.xlsx`, `.xls`, and what else calamine reads): one sheet's rows as records.
//!
//! A row's number is its sheet row (1 = the first row of the sheet) and a cell's column its
//! sheet column (A = 1), so that a diagnostic points at the cell; a position inside a cell
//! counts on from the cell's column by characters. A merged region keeps its text in its
//! first cell and leaves the others blank, as text extracted from a PDF does: a blank 主项
//! below a category continues it.

use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader as _, Sheets};

use crate::cell::{Before, Cell};
use crate::diagnostic::Position;
use crate::error::{Error, ErrorKind};

use super::source::Record;

/// A sheet read into memory: its rows of cell texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sheet {
    /// The workbook's format: `xlsx`, `xls`, `xlsb` or `ods`.
    pub(crate) format: &'static str,
    rows: Vec<SheetRow>,
    /// Spaces, as many as the widest row's last column: a cell's `before` text, so that its
    /// column counts as the sheet column.
    pad: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SheetRow {
    number: usize,
    /// The cells joined by tabs: the record's text.
    text: String,
    /// The first cell's 0-based sheet column.
    first_column: usize,
    cells: Vec<String>,
}

impl Sheet {
    /// Read the sheet `name` of the workbook in `bytes`, or its first sheet.
    pub(crate) fn read(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Error> {
        let at = Position::new(1, 1);
        let unreadable = |e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::UnreadableWorkbook(e.to_string()), at)
        };
        let mut workbook =
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        let names = workbook.sheet_names();
        let name = match name {
            Some(name) if names.iter().any(|n| n == name) => name.to_owned(),
            Some(name) => {
                return Err(Error::new(
                    ErrorKind::UnknownSheet {
                        name: name.to_owned(),
                        sheets: names,
                    },
                    at,
                ))
            }
            None => names
                .first()
                .cloned()
                .ok_or_else(|| unreadable(&"the workbook has no sheet"))?,
        };
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| unreadable(&e))?;
        let (format, merged) = match &mut workbook {
            Sheets::Xlsx(xlsx) => (
                "xlsx",
                xlsx.worksheet_merge_cells(&name)
                    .transpose()
                    .map_err(|e| unreadable(&e))?
                    .unwrap_or_default(),
            ),
            Sheets::Xls(xls) => ("xls", xls.worksheet_merge_cells(&name).unwrap_or_default()),
            Sheets::Xlsb(_) => ("xlsb", Vec::new()),
            Sheets::Ods(_) => ("ods", Vec::new()),
        };
        Ok(Sheet::from_range(format, &range, &merged))
    }

    fn from_range(format: &'static str, range: &Range<Data>, merged: &[Dimensions]) -> Sheet {
        let Some((top, left)) = range.start() else {
            return Sheet {
                format,
                rows: Vec::new(),
                pad: String::new(),
            };
        };
        let mut rows: Vec<SheetRow> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| SheetRow {
                number: top as usize + i + 1,
                text: String::new(),
                first_column: left as usize,
                cells: cells.iter().map(text_of).collect(),
            })
            .collect();
        // A merged region's text stays in its first cell only (calamine may repeat it).
        for region in merged {
            for (i, row) in rows.iter_mut().enumerate() {
                let r = top + i as u32;
                if r < region.start.0 || r > region.end.0 {
                    continue;
                }
                for (j, cell) in row.cells.iter_mut().enumerate() {
                    let c = left + j as u32;
                    if region.contains(r, c) && (r, c) != region.start {
                        cell.clear();
                    }
                }
            }
        }
        let mut widest = 0;
        for row in &mut rows {
            row.text = row.cells.join("\t");
            widest = widest.max(row.first_column + row.cells.len());
        }
        Sheet {
            format,
            rows,
            pad: " ".repeat(widest),
        }
    }

    /// The rows as records.
    pub(crate) fn rows(&self) -> SheetRows<'_> {
        SheetRows {
            sheet: self,
            next: 0,
        }
    }
}

/// A cell's text: a string as it is, a number as it is shown without format (`1`, `2.5`), a
/// blank or an error cell as nothing but its error text.
fn text_of(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The records of a [`Sheet`].
#[derive(Debug, Clone)]
pub(crate) struct SheetRows<'s> {
    sheet: &'s Sheet,
    next: usize,
}

impl<'s> SheetRows<'s> {
    /// The next row, its cells in `cells` (cleared first).
    pub(crate) fn next(&mut self, cells: &mut Vec<Cell<'s>>) -> Option<Record<'s>> {
        cells.clear();
        let row = self.sheet.rows.get(self.next)?;
        self.next += 1;
        let pad = &self.sheet.pad;
        for (j, text) in row.cells.iter().enumerate() {
            // The pad is all spaces, one column each: its count is its length.
            let columns = row.first_column + j;
            let before = Before::counted(&pad[..columns], columns, columns);
            cells.push(Cell::borrowed(text, row.number, before));
        }
        let end = &pad[..row.first_column + row.cells.len()];
        Some(Record {
            number: row.number,
            text: &row.text,
            end: (row.number, end),
        })
    }
}
