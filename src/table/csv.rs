//! Comma-separated records (RFC 4180), as Tabula, Camelot and spreadsheet exports write them:
//! a cell in double quotes may hold the delimiter, tabs, line breaks and doubled quotes (`""`
//! for `"`).
//!
//! The RFC 4180 reading is that of [`csv_core`], the allocation-free core of the `csv` crate
//! (a test holds our records to that crate's): where a field ends (at a delimiter or a line
//! ending outside quotes, or at the end of the text, an open quote included) and what its text
//! is (quotes taken off, `""` read as `"`, text after a closing quote kept). Two things the
//! `csv` crate does not give are added here, on top of it:
//!
//! - Each cell's place in the source. [`csv_core::Reader::read_field`] tells how many bytes it
//!   read, so each field's bytes in the text are known, and the cell is built from them: a
//!   plain cell borrows them; a quoted cell keeps one origin per piece (split at doubled quotes
//!   and at the line breaks inside the quotes), so that a position inside a cell that spans
//!   lines points into the original file. The cell's text is csv-core's for the field (checked
//!   in debug builds).
//! - Blank lines, which csv-core skips where a record starts and which break the page here. A
//!   line ending where a record starts is read here as a record of one empty cell, and
//!   csv-core is handed the text only from a byte that starts a record.
//!
//! Lines are counted here as everywhere in the crate: a line ends at `\n`, `\r\n` or a lone
//! `\r` (csv-core counts `\n` only). Each byte is read once by csv-core, and once more by the
//! split of a quoted cell into pieces: linear in the text, whatever the shape of its records.

use csv_core::{ReadFieldResult, Reader, ReaderBuilder};

use crate::cell::{Before, Cell, LinePrefixes};

use super::source::Record;

/// The records of a comma-separated text, each with its cells.
#[derive(Debug, Clone)]
pub(crate) struct CsvRecords<'s> {
    text: &'s str,
    /// csv-core's reader: it is handed the text from the start of each record (never at a
    /// blank line) and reads it field by field. Boxed: its tables are some 450 bytes, which
    /// would make every row source that large.
    reader: Box<Reader>,
    /// Where csv-core writes a field's text: the whole field in debug builds (to check our
    /// cell against it), otherwise a buffer written over and over.
    field: Vec<u8>,
    /// Byte offset of the next record.
    at: usize,
    /// The line `at` is on.
    line: usize,
}

/// One field as csv-core read it.
struct Field {
    /// Where its bytes in the text end: before its delimiter or line ending.
    end: usize,
    /// Where the next field, or the next record, starts: after its delimiter or line ending
    /// (the `\r` of a `\r\n`).
    next: usize,
    /// Whether it ends its record.
    record_end: bool,
    /// How many bytes of its text are in `CsvRecords::field` (all of them in debug builds).
    written: usize,
}

impl<'s> CsvRecords<'s> {
    /// The records of `text` (after any byte-order mark), cells separated by `delimiter`, an
    /// ASCII byte other than the quote and the line endings.
    pub(crate) fn new(text: &'s str, delimiter: u8) -> CsvRecords<'s> {
        let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
        // csv-core drops a byte-order mark at the start of the first bytes it reads. Ours is
        // stripped below; a second one is text. So it first reads a blank line, which it skips.
        reader.read_field(b"\n", &mut [0]);
        CsvRecords {
            text: text.strip_prefix('\u{FEFF}').unwrap_or(text),
            reader: Box::new(reader),
            field: Vec::new(),
            at: 0,
            line: 0,
        }
    }

    /// The next record, its cells in `cells` (cleared first).
    pub(crate) fn next(&mut self, cells: &mut Vec<Cell<'s>>) -> Option<Record<'s>> {
        cells.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.at;
        let &first = bytes.get(start)?;
        self.line += 1;
        let number = self.line;
        if matches!(first, b'\n' | b'\r') {
            // A blank line, which csv-core would skip: a record of one empty cell.
            cells.push(Cell::borrowed("", number, Before::in_text("", start)));
            self.at = after_line_ending(bytes, start + 1);
            let blank = &text[start..start];
            return Some(Record {
                number,
                text: blank,
                end: (number, blank),
            });
        }
        let mut line_start = start;
        // The prefixes of the line the next cell starts on (a quoted line break starts a
        // new one) and where that line starts.
        let mut prefixes = (
            line_start,
            LinePrefixes::new(&text[line_start..], line_start),
        );
        let mut i = start;
        loop {
            // One field, from `i`.
            let field = self.read_field(i);
            if prefixes.0 != line_start {
                prefixes = (
                    line_start,
                    LinePrefixes::new(&text[line_start..], line_start),
                );
            }
            let before = prefixes.1.before(i - line_start);
            let cell = if i < field.end && bytes[i] == b'"' {
                self.quoted(i, field.end, before, &mut line_start)
            } else {
                Cell::borrowed(&text[i..field.end], self.line, before)
            };
            debug_assert_eq!(
                cell.text().as_bytes(),
                &self.field[..field.written],
                "the cell at byte {i} is not csv-core's"
            );
            cells.push(cell);
            i = field.next;
            if field.record_end {
                self.at = after_line_ending(bytes, i);
                return Some(Record {
                    number,
                    text: &text[start..field.end],
                    end: (self.line, &text[line_start..field.end]),
                });
            }
        }
    }

    /// The field from byte `from`, read by csv-core, its text written to `self.field`.
    fn read_field(&mut self, from: usize) -> Field {
        let bytes = self.text.as_bytes();
        let mut at = from;
        let mut written = 0;
        loop {
            if written == self.field.len() {
                if cfg!(debug_assertions) || self.field.is_empty() {
                    // Doubling: linear in the longest field.
                    self.field.resize((2 * self.field.len()).max(256), 0);
                } else {
                    written = 0;
                }
            }
            let (result, read, wrote) = self
                .reader
                .read_field(&bytes[at..], &mut self.field[written..]);
            at += read;
            written += wrote;
            match result {
                // Output full, or input read up to the end of the text: on with the rest (the
                // empty rest tells csv-core the text has ended).
                ReadFieldResult::OutputFull | ReadFieldResult::InputEmpty => {}
                ReadFieldResult::Field { record_end } => {
                    // The last byte read is the delimiter or the line ending, unless the
                    // field ends with the text (then nothing was read).
                    let end = if read == 0 { at } else { at - 1 };
                    return Field {
                        end,
                        next: at,
                        record_end,
                        written,
                    };
                }
                // Not reached: a field is read only where the text has one.
                ReadFieldResult::End => {
                    return Field {
                        end: at,
                        next: at,
                        record_end: true,
                        written,
                    }
                }
            }
        }
    }

    /// The cell of the quoted field `text[from..end]` (opening quote at `from`), found after
    /// `before`: one piece for each run of text between doubled quotes and line breaks, each
    /// at its place in the source. `line_start` (and `self.line`) move on to the line the field
    /// ends on.
    fn quoted(
        &mut self,
        from: usize,
        end: usize,
        before: Before<'s>,
        line_start: &mut usize,
    ) -> Cell<'s> {
        let text = self.text;
        let bytes = &text.as_bytes()[..end];
        let mut cell = Cell::borrowed("", self.line, before);
        let mut owned = false;
        let mut i = from + 1;
        let mut piece = i;
        let mut piece_line = (self.line, *line_start);
        loop {
            match memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]) {
                None => {
                    // The quote is left open: the text runs to the end of the field.
                    i = end;
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
                    piece_line = (self.line, *line_start);
                    continue;
                }
                break;
            }
            // A line break inside the quotes: kept in the text; the next piece starts the
            // next line.
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            append(&mut cell, text, piece, i, piece_line, &mut owned);
            self.line += 1;
            *line_start = i;
            piece = i;
            piece_line = (self.line, *line_start);
        }
        append(&mut cell, text, piece, i, piece_line, &mut owned);
        if i < end {
            i += 1; // the closing quote
        }
        // Text after the closing quote, up to the delimiter, is kept as it is.
        append(
            &mut cell,
            text,
            i,
            end,
            (self.line, *line_start),
            &mut owned,
        );
        cell
    }
}

/// Where the next line starts, `at` being just after a line ending (or at the end of the text):
/// after the `\n` of a `\r\n`.
fn after_line_ending(bytes: &[u8], at: usize) -> usize {
    if at > 0 && bytes[at - 1] == b'\r' && bytes.get(at) == Some(&b'\n') {
        at + 1
    } else {
        at
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

    /// Each record: its number and its cells.
    fn records(text: &str) -> Vec<(usize, Vec<String>)> {
        let records = records_in_full(text).into_iter();
        records
            .map(|(number, _, _, _, cells)| (number, cells))
            .collect()
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

    /// Each record: its number, the line it ends on, its text and that of its last line, and
    /// its cells.
    #[allow(clippy::type_complexity)]
    fn records_in_full(text: &str) -> Vec<(usize, usize, &str, &str, Vec<String>)> {
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(record) = reader.next(&mut cells) {
            out.push((
                record.number,
                record.end.0,
                record.text,
                record.end.1,
                cells.iter().map(|c| c.text().to_owned()).collect(),
            ));
        }
        out
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|&c| c.to_owned()).collect()
    }

    #[test]
    fn csv_core_skips_blank_lines_which_are_records_here() {
        let text = "a\n\n\r\n\rb";
        // csv-core reads `a` and its line ending, then, at the start of the next record, the
        // three blank lines as nothing: its next field is `b`.
        let mut reader = Reader::new();
        let mut out = [0; 8];
        let (result, read, _) = reader.read_field(text.as_bytes(), &mut out);
        assert_eq!(
            (result, read),
            (ReadFieldResult::Field { record_end: true }, 2)
        );
        let (result, read, wrote) = reader.read_field(&text.as_bytes()[2..], &mut out);
        assert_eq!(
            (result, read, &out[..wrote]),
            (ReadFieldResult::InputEmpty, 5, &b"b"[..])
        );
        // Here each blank line (`\n`, `\r\n`, `\r`) is a record of one empty cell.
        assert_eq!(
            records_in_full(text),
            [
                (1, 1, "a", "a", strings(&["a"])),
                (2, 2, "", "", strings(&[""])),
                (3, 3, "", "", strings(&[""])),
                (4, 4, "", "", strings(&[""])),
                (5, 5, "b", "b", strings(&["b"])),
            ]
        );
        // Blank lines first and last, and the positions after them.
        let text = "\r\n\nx,y\r\r\n";
        assert_eq!(
            records_in_full(text),
            [
                (1, 1, "", "", strings(&[""])),
                (2, 2, "", "", strings(&[""])),
                (3, 3, "x,y", "x,y", strings(&["x", "y"])),
                (4, 4, "", "", strings(&[""])),
            ]
        );
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        for _ in 0..3 {
            reader.next(&mut cells);
        }
        assert_eq!(cells[1].start(), Position::new(3, 3).with_offset(5));
        reader.next(&mut cells);
        assert_eq!(cells[0].start(), Position::new(4, 1).with_offset(7));
        assert!(reader.next(&mut cells).is_none());
    }

    #[test]
    fn records_end_at_any_line_ending_and_the_last_one_needs_none() {
        let text = "a,b\nc\r\nd\re,\"f\r\ng\"\rh";
        assert_eq!(
            records_in_full(text),
            [
                (1, 1, "a,b", "a,b", strings(&["a", "b"])),
                (2, 2, "c", "c", strings(&["c"])),
                (3, 3, "d", "d", strings(&["d"])),
                (4, 5, "e,\"f\r\ng\"", "g\"", strings(&["e", "f\r\ng"])),
                (6, 6, "h", "h", strings(&["h"])),
            ]
        );
        // A delimiter last: one more empty cell, at the end.
        assert_eq!(
            records_in_full("a,"),
            [(1, 1, "a,", "a,", strings(&["a", ""]))]
        );
    }

    #[test]
    fn a_quote_left_open_runs_to_the_end_of_the_text() {
        let text = "a,\"b\nc,\"\"d";
        assert_eq!(
            records_in_full(text),
            [(1, 2, text, "c,\"\"d", strings(&["a", "b\nc,\"d"]))]
        );
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        reader.next(&mut cells);
        let d = cells[1].text().find('d').unwrap();
        assert_eq!(cells[1].position(d), Position::new(2, 5).with_offset(9));
        for (text, cells) in [
            ("\"", vec![""]),
            ("x,\"", vec!["x", ""]),
            ("\"a\"\"", vec!["a\""]),
            ("\"a\r", vec!["a\r"]),
            ("\"a\r\n", vec!["a\r\n"]),
        ] {
            assert_eq!(records(text), [(1, strings(&cells))], "{text:?}");
            assert_eq!(cells_of_the_csv_crate(text), [strings(&cells)], "{text:?}");
        }
        // The line breaks inside are counted: the record ends on line 2.
        assert_eq!(records_in_full("\"a\r\n")[0].1, 2);
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        let text = "\"a\"b,\"c\"d\"e\",f";
        let expected = strings(&["ab", "cd\"e\"", "f"]);
        assert_eq!(records(text), [(1, expected.clone())]);
        assert_eq!(cells_of_the_csv_crate(text), [expected]);
        let mut reader = CsvRecords::new(text, b',');
        let mut cells = Vec::new();
        reader.next(&mut cells);
        let at = |column, byte| Position::new(1, column).with_offset(byte);
        assert_eq!(cells[0].position(1), at(4, 3));
        assert_eq!(cells[1].position(1), at(9, 8));
        assert_eq!(cells[1].position(3), at(11, 10));
        assert_eq!(cells[2].start(), at(14, 13));
    }

    #[test]
    fn a_second_byte_order_mark_is_text() {
        // The first is stripped; csv-core would drop the second as well, were it the first it read.
        assert_eq!(
            records("\u{FEFF}\u{FEFF}a,b"),
            [(1, strings(&["\u{FEFF}a", "b"]))]
        );
    }

    #[test]
    fn a_long_cell_a_wide_record_and_many_records_stay_linear() {
        let within = |what: &str, started: std::time::Instant| {
            let took = started.elapsed();
            assert!(
                took < std::time::Duration::from_secs(10),
                "{what}: {took:?}"
            );
        };
        let mut cells = Vec::new();
        // A quoted cell of 1 MB, in 200 000 pieces (doubled quotes, line breaks).
        let text = format!("x,\"{}\",y", "甲\"\"乙\r\n".repeat(100_000));
        let started = std::time::Instant::now();
        let mut reader = CsvRecords::new(&text, b',');
        let record = reader.next(&mut cells).unwrap();
        assert_eq!((record.number, record.end.0), (1, 100_001));
        assert_eq!(cells[1].text().len(), 900_000);
        let last = cells[1].text().rfind('乙').unwrap();
        assert_eq!(
            cells[1].position(last),
            Position::new(100_000, 4).with_offset(text.len() - 8)
        );
        assert_eq!(
            cells[2].start(),
            Position::new(100_001, 3).with_offset(text.len() - 1)
        );
        within("a cell of 1 MB", started);
        // A million cells in one record, the last one quoted.
        let text = format!("{}\"b\"", "a,".repeat(1_000_000));
        let started = std::time::Instant::now();
        let mut reader = CsvRecords::new(&text, b',');
        reader.next(&mut cells).unwrap();
        assert_eq!(cells.len(), 1_000_001);
        assert_eq!(
            cells[1_000_000].start(),
            Position::new(1, 2_000_002).with_offset(text.len() - 2)
        );
        within("a million cells", started);
        // A million records, every other one blank.
        let text = "a\n\r\n".repeat(500_000);
        let started = std::time::Instant::now();
        let mut reader = CsvRecords::new(&text, b',');
        let mut count = 0;
        while let Some(record) = reader.next(&mut cells) {
            count += 1;
            assert_eq!(record.number, count);
        }
        assert_eq!(count, 1_000_000);
        within("a million records", started);
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
        let pieces = [
            "a", ",", "\"", "\n", "\r\n", "\r", "\t", "甲", "\"\"", "\u{FEFF}",
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                cells_without_blank_lines(text),
                cells_of_the_csv_crate(text),
                "{text:?}"
            );
        }
    }
}
