//! Text to records: the rows of a source, each with its cells and their places, whatever
//! the format. Tab-separated lines (LF, CRLF or CR line endings) are split here; quoted
//! comma-separated records in [`csv`](super::csv), spreadsheet rows in `sheet`.

use crate::cell::{Cell, LinePrefixes};
use crate::text::scan;

use super::csv::CsvRecords;
use super::header::Header;

/// One row of the source, its cells given beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Record<'s> {
    /// 1-based line the row starts on (for a spreadsheet, the sheet row).
    pub(crate) number: usize,
    /// The row's source text: a line, the lines of a record whose quoted cells span lines,
    /// or a spreadsheet row's cells joined by tabs.
    pub(crate) text: &'s str,
    /// The line the row ends on, and that line's text up to the end: where cells missing at
    /// the end of the row are placed.
    pub(crate) end: (usize, &'s str),
}

/// The rows of a source.
#[derive(Debug, Clone)]
pub(crate) enum Source<'s> {
    /// Tab-separated lines: a cell is what lies between tabs, quotes and all.
    Tabs(Lines<'s>),
    /// Delimited records with RFC 4180 quoting.
    Quoted(CsvRecords<'s>),
    /// The rows of a spreadsheet.
    #[cfg(feature = "xlsx")]
    Sheet(super::sheet::SheetRows<'s>),
}

impl<'s> Source<'s> {
    /// The rows of `text`, cells separated by `delimiter`, or by the delimiter
    /// [`detect_delimiter`] finds: a tab splits lines as they are, any other delimiter reads
    /// quoted cells.
    pub(crate) fn delimited(text: &'s str, delimiter: Option<u8>) -> Source<'s> {
        // `ParseOptions::delimiter` is a public field: one set to what cannot separate cells
        // is ignored, as the builder method ignores it.
        match delimiter
            .filter(|&d| is_usable_delimiter(d))
            .unwrap_or_else(|| detect_delimiter(text))
        {
            b'\t' => Source::Tabs(lines(text)),
            delimiter => Source::Quoted(CsvRecords::new(text, delimiter)),
        }
    }

    /// The next row, its cells in `cells` (cleared first).
    pub(crate) fn next(&mut self, cells: &mut Vec<Cell<'s>>) -> Option<Record<'s>> {
        match self {
            Source::Tabs(lines) => {
                cells.clear();
                let line = lines.next()?;
                split_at_tabs(line, cells);
                Some(Record {
                    number: line.number,
                    text: line.text,
                    end: (line.number, line.text),
                })
            }
            Source::Quoted(records) => records.next(cells),
            #[cfg(feature = "xlsx")]
            Source::Sheet(rows) => rows.next(cells),
        }
    }
}

/// Split a line at tabs into cells that borrow it.
fn split_at_tabs<'s>(line: Line<'s>, cells: &mut Vec<Cell<'s>>) {
    let text = line.text;
    let mut prefixes = LinePrefixes::new(text, line.offset);
    let mut start = 0;
    for tab in scan::tabs(text) {
        cells.push(Cell::borrowed(
            &text[start..tab],
            line.number,
            prefixes.before(start),
        ));
        start = tab + 1;
    }
    cells.push(Cell::borrowed(
        &text[start..],
        line.number,
        prefixes.before(start),
    ));
}

/// Whether `delimiter` can separate cells: an ASCII byte other than the double quote and the
/// line endings.
pub(crate) fn is_usable_delimiter(delimiter: u8) -> bool {
    delimiter.is_ascii() && !matches!(delimiter, b'"' | b'\n' | b'\r')
}

/// How many lines [`detect_delimiter`] looks at for the header.
const DETECTION_LINES: usize = 64;

/// The delimiter of a text: a tab or a comma, whichever splits the header row into cells
/// that read as a header (commas counted outside double quotes). The header is looked for in
/// the first [`DETECTION_LINES`] lines, tabs first; a text where neither reads as one is
/// tab-separated.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let mut cells = Vec::new();
    for line in lines(text).take(DETECTION_LINES) {
        for delimiter in [b'\t', b','] {
            if !line.text.contains(char::from(delimiter)) {
                continue;
            }
            cells.clear();
            split_outside_quotes(line.text, delimiter, &mut cells);
            if Header::recognise(&cells).is_some() {
                return delimiter;
            }
        }
    }
    b'\t'
}

/// Split `text` at `delimiter` outside double quotes, each cell trimmed and unquoted (for
/// [`detect_delimiter`]: a doubled quote inside is left doubled).
fn split_outside_quotes<'t>(text: &'t str, delimiter: u8, cells: &mut Vec<&'t str>) {
    let mut quoted = false;
    let mut start = 0;
    let unquote = |cell: &'t str| {
        let cell = cell.trim();
        cell.strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .unwrap_or(cell)
    };
    let delimiter = char::from(delimiter);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delimiter && !quoted {
            cells.push(unquote(&text[start..i]));
            start = i + 1;
        }
    }
    cells.push(unquote(&text[start..]));
}

/// One source line, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'s> {
    /// 1-based line number.
    pub(crate) number: usize,
    pub(crate) text: &'s str,
    /// The byte offset of the line in the text (after a leading byte-order mark).
    pub(crate) offset: usize,
}

/// The lines of `text`, after a leading byte-order mark; a line ends at LF, CRLF or a lone CR.
/// A last line without a line ending is a line; a final line ending does not start one.
pub(crate) fn lines(text: &str) -> Lines<'_> {
    Lines {
        rest: text.strip_prefix('\u{FEFF}').unwrap_or(text),
        number: 0,
        offset: 0,
    }
}

/// The iterator of [`lines`].
#[derive(Debug, Clone)]
pub(crate) struct Lines<'s> {
    rest: &'s str,
    number: usize,
    /// The byte offset of `rest`.
    offset: usize,
}

impl<'s> Iterator for Lines<'s> {
    type Item = Line<'s>;

    fn next(&mut self) -> Option<Line<'s>> {
        if self.rest.is_empty() {
            return None;
        }
        self.number += 1;
        let (line, next) = match scan::find_line_break(self.rest) {
            Some(i) => {
                let ending = if self.rest[i..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                (&self.rest[..i], &self.rest[i + ending..])
            }
            None => (self.rest, ""),
        };
        let offset = self.offset;
        self.offset += self.rest.len() - next.len();
        self.rest = next;
        Some(Line {
            number: self.number,
            text: line,
            offset,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(usize, &str)> {
        lines(text).map(|l| (l.number, l.text)).collect()
    }

    #[test]
    fn every_line_ending() {
        let expected = [(1, "a"), (2, "b"), (3, ""), (4, "c")];
        assert_eq!(texts("a\nb\n\nc\n"), expected);
        assert_eq!(texts("a\r\nb\r\n\r\nc\r\n"), expected);
        assert_eq!(texts("a\rb\r\rc\r"), expected);
        assert_eq!(texts("a\r\nb\n\rc"), expected);
    }

    #[test]
    fn last_line_without_newline_and_bom() {
        assert_eq!(texts("\u{FEFF}主项\tx"), [(1, "主项\tx")]);
        assert_eq!(texts(""), []);
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_header() {
        let header = ["主项", "子项序号", "子项", "办理材料"];
        let tsv = format!("某市清单，2024, 修订\n{}\n", header.join("\t"));
        assert_eq!(detect_delimiter(&tsv), b'\t');
        let csv = format!("某市清单\t（试行）\n{}\n", header.join(","));
        assert_eq!(detect_delimiter(&csv), b',');
        let quoted = "标题\n\"主项\",\"子项序号\",\"子项\",\"办理材料，含逗号,\"\n";
        assert_eq!(detect_delimiter(quoted), b',');
        assert_eq!(detect_delimiter("a,b,c\nd,e\n"), b'\t');
    }

    #[test]
    fn tab_cells_borrow_the_line_and_know_their_columns() {
        let mut source = Source::delimited("甲\t乙丙\t\n", Some(b'\t'));
        let mut cells = Vec::new();
        let record = source.next(&mut cells).unwrap();
        assert_eq!((record.number, record.text), (1, "甲\t乙丙\t"));
        let texts: Vec<&str> = cells.iter().map(Cell::text).collect();
        assert_eq!(texts, ["甲", "乙丙", ""]);
        assert_eq!(cells[2].start().column, 6);
        assert!(source.next(&mut cells).is_none());
    }
}
