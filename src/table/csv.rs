//! Comma-separated records (RFC 4180), as Tabula, Camelot and spreadsheet exports write them:
//! a cell in double quotes may hold the delimiter, tabs, line breaks and doubled quotes (`""`
//! for `"`).
//!
//! The cells are read as the `csv` crate reads them (a test holds the two to agreement), but
//! by a scan of our own, for two things that crate does not give: each cell's place in the
//! source (a quoted cell keeps one origin per piece, so that a position inside a cell that
//! spans lines points into the original file), and blank lines, which the `csv` crate skips
//! and which break the page here.

use crate::cell::{Before, Cell, LinePrefixes};

use super::source::Record;

/// The records of a comma-separated text, each with its cells.
#[derive(Debug, Clone)]
pub(crate) struct CsvRecords<'s> {
    text: &'s str,
    delimiter: u8,
    /// Byte offset of the next record.
    at: usize,
    /// The line `at` is on.
    line: usize,
}

impl<'s> CsvRecords<'s> {
    /// The records of `text` (after any byte-order mark), cells separated by `delimiter`, an
    /// ASCII byte other than the quote and the line endings.
    pub(crate) fn new(text: &'s str, delimiter: u8) -> CsvRecords<'s> {
        CsvRecords {
            text: text.strip_prefix('\u{FEFF}').unwrap_or(text),
            delimiter,
            at: 0,
            line: 0,
        }
    }

    /// The next record, its cells in `cells` (cleared first).
    pub(crate) fn next(&mut self, cells: &mut Vec<Cell<'s>>) -> Option<Record<'s>> {
        cells.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        if self.at >= bytes.len() {
            return None;
        }
        self.line += 1;
        let start = self.at;
        let number = self.line;
        let mut line_start = start;
        // The prefixes of the line the next cell starts on (a quoted line break starts a
        // new one) and where that line starts.
        let mut prefixes = (
            line_start,
            LinePrefixes::new(&text[line_start..], line_start),
        );
        let mut i = start;
        loop {
            // One cell, from `i`.
            if prefixes.0 != line_start {
                prefixes = (
                    line_start,
                    LinePrefixes::new(&text[line_start..], line_start),
                );
            }
            let before = prefixes.1.before(i - line_start);
            if bytes.get(i) == Some(&b'"') {
                let mut cell = Cell::borrowed("", self.line, before);
                let mut piece = i + 1;
                let mut piece_line = (self.line, line_start);
                i += 1;
                let mut owned = false;
                loop {
                    match memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]) {
                        None => {
                            i = bytes.len();
                            break;
                        }
                        Some(k) => i += k,
                    }
                    if bytes[i] == b'"' {
                        if bytes.get(i + 1) == Some(&b'"') {
                            // `""`: the piece ends with one quote, the next starts after both.
                            append(&mut cell, text, piece, i + 1, piece_line, &mut owned);
                            i += 2;
                            piece = i;
                            piece_line = (self.line, line_start);
                            continue;
                        }
                        break;
                    }
                    // A line break inside the quotes: kept in the text; the next piece
                    // starts the next line.
                    i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    append(&mut cell, text, piece, i, piece_line, &mut owned);
                    self.line += 1;
                    line_start = i;
                    piece = i;
                    piece_line = (self.line, line_start);
                }
                append(&mut cell, text, piece, i, piece_line, &mut owned);
                if i < bytes.len() {
                    i += 1; // the closing quote
                }
                // Text after the closing quote, up to the delimiter, is kept as it is.
                let end = self.cell_end(i);
                append(&mut cell, text, i, end, (self.line, line_start), &mut owned);
                i = end;
                cells.push(cell);
            } else {
                let end = self.cell_end(i);
                cells.push(Cell::borrowed(&text[i..end], self.line, before));
                i = end;
            }
            match bytes.get(i) {
                Some(&b) if b == self.delimiter => i += 1,
                _ => break,
            }
        }
        let end = i;
        self.at = match bytes.get(i) {
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            Some(_) => i + 1,
            None => i,
        };
        Some(Record {
            number,
            text: &text[start..end],
            end: (self.line, &text[line_start..end]),
        })
    }

    /// Where an unquoted cell (or the rest of a quoted one) from `i` ends: at the delimiter or
    /// a line ending.
    fn cell_end(&self, i: usize) -> usize {
        let rest = &self.text.as_bytes()[i..];
        i + memchr::memchr3(self.delimiter, b'\n', b'\r', rest).unwrap_or(rest.len())
    }
}

/// Append the piece `text[from..to]`, which starts on `line` (its line starting at byte
/// `line_start`), to `cell`: the first piece is borrowed, later ones make the cell own its text.
fn append<'s>(
    cell: &mut Cell<'s>,
    text: &'s str,
    from: usize,
    to: usize,
    (line, line_start): (usize, usize),
    owned: &mut bool,
) {
    if from >= to {
        return;
    }
    let before = Before::in_text(&text[line_start..from], line_start);
    if !*owned && cell.text().is_empty() {
        *cell = Cell::borrowed(&text[from..to], line, before);
    } else {
        cell.append(&text[from..to], line, before);
    }
    *owned = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Position;

    fn records(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(record) = reader.next(&mut cells) {
            out.push((
                record.number,
                cells.iter().map(|c| c.text().to_owned()).collect(),
            ));
        }
        out
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_tabs_and_line_breaks() {
        let text = "a,\"b,c\",\"d\"\"e\"\n\"f\tg\",\"h\r\ni\"\r\n\n\"\",j\"k\"";
        assert_eq!(
            records(text),
            [
                (1, vec!["a".into(), "b,c".into(), "d\"e".into()]),
                (2, vec!["f\tg".into(), "h\r\ni".into()]),
                (4, vec![String::new()]),
                (5, vec![String::new(), "j\"k\"".into()]),
            ]
        );
    }

    #[test]
    fn positions_point_into_the_source_across_lines_and_escapes() {
        let text = "x,\"一\"\"二\n三四\",y\n";
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        let record = reader.next(&mut cells).unwrap();
        assert_eq!((record.number, record.end.0), (1, 2));
        let cell = &cells[1];
        assert_eq!(cell.text(), "一\"二\n三四");
        // Line, column and the byte in `text`: the first character inside the quote.
        let at = |line, column, byte: &str| {
            Position::new(line, column).with_offset(text.find(byte).unwrap())
        };
        assert_eq!(cell.start(), at(1, 4, "一"));
        // 二 is after `""`: column 7 of line 1; 四 is on line 2, column 2.
        assert_eq!(
            cell.position_of(&cell.text()["一\"".len()..]),
            at(1, 7, "二")
        );
        let four = cell.text().find('四').unwrap();
        assert_eq!(cell.position(four), at(2, 2, "四"));
        assert_eq!(cells[2].start(), at(2, 5, "y"));
        assert!(reader.next(&mut cells).is_none());
    }

    /// Our records without the blank lines, which the `csv` crate skips.
    fn cells_without_blank_lines(text: &str) -> Vec<Vec<String>> {
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(record) = reader.next(&mut cells) {
            if !record.text.is_empty() {
                out.push(cells.iter().map(|c| c.text().to_owned()).collect());
            }
        }
        out
    }

    fn cells_of_the_csv_crate(text: &str) -> Vec<Vec<String>> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn cells_are_those_the_csv_crate_reads() {
        let pieces = ["a", ",", "\"", "\n", "\r\n", "\r", "\t", "甲", "\"\""];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                cells_without_blank_lines(text),
                cells_of_the_csv_crate(text),
                "{text:?}"
            );
        }
    }
}
