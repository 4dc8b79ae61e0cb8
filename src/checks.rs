//! Checks across rows, fed one category at a time: the numbering of categories and matters
//! ([`Numbering`], on the table's drafts), and the citations the rows make of one document
//! ([`CitedNumbers`], once the cells are parsed).

use std::collections::HashMap;

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::model::{Citation, DocumentNumber, NumberKind};
use crate::normalize::normalize;
use crate::numeral;
use crate::table::{CategoryDraft, Column};

/// The value of a 子项序号 cell: `Ok(None)` when empty, `Err(())` when it is not a positive
/// whole number (`1.` and `1、` are allowed; so are full-width and Chinese digits).
///
/// Most cells are a plain run of ASCII digits, read at once ([`plain_number`]); any other
/// text goes the full way ([`seq_value_in_full`]).
pub(crate) fn seq_value(text: &str) -> Result<Option<u32>, ()> {
    match plain_number(text) {
        Some(0) => Err(()),
        Some(n) => Ok(Some(n)),
        None => seq_value_in_full(text),
    }
}

/// The value of a text of one to nine ASCII digits and nothing else (no white space, no
/// point), as [`seq_value_in_full`] reads it; `None` for any other text. Nine digits never
/// overflow a `u32`.
fn plain_number(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 9 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0')),
    )
}

/// [`seq_value`] of any text: invisible characters dropped, white space and a trailing point
/// trimmed, then the numeral read.
fn seq_value_in_full(text: &str) -> Result<Option<u32>, ()> {
    let is_invisible = crate::normalize::is_invisible;
    let visible: std::borrow::Cow<'_, str> = if text.contains(is_invisible) {
        text.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        text.into()
    };
    let text = crate::normalize::trim(&visible);
    if text.is_empty() {
        return Ok(None);
    }
    let digits = crate::normalize::trim(text.trim_end_matches(['.', '．', '、']));
    match numeral::value(digits) {
        Some(n) if n > 0 => Ok(Some(n)),
        _ => Err(()),
    }
}

/// The numbering checks, fed one category at a time in document order: category numerals
/// and 子项序号 must count up. A finding that needs a later category is made when it comes.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    categories: CategoryNumbers,
    matters: MatterNumbers,
}

impl Numbering {
    pub(crate) fn category(&mut self, category: &CategoryDraft<'_>, diagnostics: &mut Diagnostics) {
        self.categories.next(category, diagnostics);
        self.matters.next(category, diagnostics);
    }
}

/// Category numerals must count up by one. A numeral that breaks the sequence while the next
/// one resumes it is misnumbered (`一, 一, 三`); a jump (`一, 二, 四, 五`) is reported once
/// and counting goes on from there.
#[derive(Debug, Default)]
struct CategoryNumbers {
    /// The numeral the next numbered category should have.
    expected: Option<u32>,
    /// A misnumbered category's numeral and the one it should have had: whether counting
    /// goes on from the one or the other depends on the next numeral.
    pending: Option<(u32, u32)>,
    any_numbered: bool,
    /// Named categories without a numeral before the first numbered one: reported when it
    /// comes (a later one is reported at once).
    unnumbered: Vec<(Position, String)>,
}

impl CategoryNumbers {
    fn next(&mut self, category: &CategoryDraft<'_>, diagnostics: &mut Diagnostics) {
        let Some(ordinal) = category.ordinal_and_name().0 else {
            if !category.pieces.is_empty() {
                let at = category.start();
                let message = format!(
                    "category “{}” at line {} has no numeral while the others are numbered",
                    quote(&category.text),
                    category.lines.0
                );
                if self.any_numbered {
                    diagnostics.push(Code::CategoryWithoutNumber, at, message);
                } else {
                    self.unnumbered.push((at, message));
                }
            }
            return;
        };
        if !std::mem::replace(&mut self.any_numbered, true) {
            for (at, message) in self.unnumbered.drain(..) {
                diagnostics.push(Code::CategoryWithoutNumber, at, message);
            }
        }
        if let Some((misnumbered, belongs)) = self.pending.take() {
            let resumes = Some(ordinal) == belongs.checked_add(1);
            let counted = if resumes { belongs } else { misnumbered };
            self.expected = counted.checked_add(1);
        }
        match self.expected {
            Some(e) if e != ordinal => {
                diagnostics.push(
                    Code::CategoryMisnumbered,
                    category.start(),
                    format!(
                        "category “{}” at line {} is numbered {ordinal} where {e} belongs",
                        quote(&category.text),
                        category.lines.0
                    ),
                );
                self.pending = Some((ordinal, e));
            }
            _ => self.expected = ordinal.checked_add(1),
        }
    }
}

/// 子项序号 must be positive whole numbers counting up by one through the document, or
/// starting again at 1 with a new category.
#[derive(Debug, Default)]
struct MatterNumbers {
    previous: Option<u32>,
    /// The line where each number of the current run was first used.
    seen: HashMap<u32, usize>,
}

impl MatterNumbers {
    fn next(&mut self, category: &CategoryDraft<'_>, diagnostics: &mut Diagnostics) {
        for (index, matter) in category.matters.iter().enumerate() {
            let text = matter.text(Column::Seq);
            // Worked out only for a finding: most numbers are in order.
            let at = || matter.position(Column::Seq);
            let line = matter.line;
            let number = match seq_value(text) {
                Ok(Some(n)) => n,
                Ok(None) => {
                    // A row without 子项 either is an orphan row, reported as such.
                    let named = !matter.text(Column::Name).trim().is_empty();
                    if named && matter.cell(Column::Seq).is_some() {
                        diagnostics.push(
                            Code::MatterNumberEmpty,
                            at(),
                            format!(
                                "the matter “{}” at line {line} has no 子项序号",
                                quote(&crate::normalize::normalize(matter.text(Column::Name)))
                            ),
                        );
                    }
                    continue;
                }
                Err(()) => {
                    diagnostics.push(
                        Code::MatterNumberInvalid,
                        at(),
                        format!(
                            "子项序号 “{}” at line {line} is not a positive whole number",
                            quote(text.trim())
                        ),
                    );
                    continue;
                }
            };
            let restart = number == 1 && index == 0 && self.previous.is_some();
            if restart {
                self.seen.clear();
            }
            if let Some(&before) = self.seen.get(&number) {
                diagnostics.push(
                    Code::MatterNumberDuplicate,
                    at(),
                    format!(
                        "matter number {number} at line {line} was already used at line {before}"
                    ),
                );
                // A duplicate does not move the count on.
                continue;
            }
            if let Some(p) = self.previous.filter(|_| !restart) {
                if number > p.saturating_add(1) {
                    if let Some(message) = gap_message(p, number, &self.seen) {
                        diagnostics.push(Code::MatterNumberMissing, at(), message);
                    }
                } else if number <= p {
                    diagnostics.push(
                        Code::MatterNumberOutOfOrder,
                        at(),
                        format!("matter number {number} at line {line} comes after {p}"),
                    );
                }
            }
            self.seen.entry(number).or_insert(line);
            self.previous = Some(number);
        }
    }
}

/// How many runs of missing matter numbers a message names.
const RUNS_NAMED: usize = 8;

/// The numbers between `before` and `after` that no matter has used, as a sentence; `None`
/// when they were all used (out of order). Missing numbers are named in runs (`6 to 8`), the
/// first [`RUNS_NAMED`] of them and how many numbers more, so that the message stays short
/// however the numbers are scattered. Wide gaps are named as a range without listing.
fn gap_message(before: u32, after: u32, seen: &HashMap<u32, usize>) -> Option<String> {
    const LISTED: u32 = 1000;
    let runs: Vec<(u32, u32)> = if after - before > LISTED {
        vec![(before + 1, after - 1)]
    } else {
        missing_runs((before + 1..after).filter(|n| !seen.contains_key(n)))
    };
    let numbers = match runs.as_slice() {
        [] => return None,
        [(one, last)] if one == last => {
            return Some(format!(
                "matter number {one} is missing between {before} and {after}"
            ))
        }
        _ => name_runs(&runs),
    };
    Some(format!(
        "matter numbers {numbers} are missing between {before} and {after}"
    ))
}

/// Ascending `numbers` as runs of consecutive ones: `2, 3, 4, 7` → `(2, 4), (7, 7)`.
fn missing_runs(numbers: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for n in numbers {
        match runs.last_mut() {
            Some((_, last)) if n == last.saturating_add(1) => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs
}

/// `2, 4 to 6 and 9`; past [`RUNS_NAMED`] runs, `2, 4, …, 16 and 40 more`.
fn name_runs(runs: &[(u32, u32)]) -> String {
    let name = |&(first, last): &(u32, u32)| {
        if first == last {
            first.to_string()
        } else {
            format!("{first} to {last}")
        }
    };
    let named: Vec<String> = runs.iter().take(RUNS_NAMED).map(name).collect();
    let more: u64 = runs
        .iter()
        .skip(RUNS_NAMED)
        .map(|&(first, last)| u64::from(last - first) + 1)
        .sum();
    match named.split_last() {
        Some((last, init)) if more == 0 && !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        _ if more > 0 => format!("{} and {more} more", named.join(", ")),
        _ => named.join(", "),
    }
}

/// `conflicting_document_number`: one title cited with different numbers. Fed each matter's
/// citations in document order; at [`finish`](CitedNumbers::finish) the number cited most
/// often under a title (the first of equals) is taken as right, and every citation with
/// another number is reported at its number, naming the usual one and how often it is used.
///
/// What it keeps is small: per title, each distinct number with its count and each distinct
/// wording; per citation its wording, its cell and where its number stands in the cell. The
/// cells borrow the source, and a citation is placed (line and column) only when reported.
#[derive(Debug, Default)]
pub(crate) struct CitedNumbers<'s> {
    /// Titles (as compared, see [`title_key`]) in order of first citation.
    titles: Vec<CitedTitle>,
    index: HashMap<String, usize>,
    /// Each title as written, with its slot in `titles`: a title met again is not compared
    /// again.
    written: HashMap<String, usize>,
    /// The 设定依据 cells that cite a numbered document.
    cells: Vec<Cell<'s>>,
}

/// The citations of one title.
#[derive(Debug, Default)]
struct CitedTitle {
    /// Each number, in order of first use.
    numbers: Vec<NumberUse>,
    wordings: Vec<Wording>,
    citations: Vec<Cited>,
}

/// A number cited under a title: how often, and the wording of its first citation.
#[derive(Debug)]
struct NumberUse {
    key: NumberKey,
    count: usize,
    first_wording: usize,
}

/// A citation: its wording, and its cell with the byte offset of its number there.
#[derive(Debug)]
struct Cited {
    wording: usize,
    cell: usize,
    offset: usize,
}

/// How a citation words a title and its number.
#[derive(Debug)]
struct Wording {
    title: String,
    /// The number as written, and as a message shows it.
    raw: String,
    shown: String,
    /// The number's slot in [`CitedTitle::numbers`].
    number: usize,
}

/// What makes two numbers the same: kind, 文号 prefix, year and serial.
type NumberKey = (NumberKind, Option<String>, Option<u32>, Option<u32>);

impl<'s> CitedNumbers<'s> {
    /// Record the citations of a matter's parsed 设定依据 cell.
    pub(crate) fn matter(&mut self, cell: &Cell<'s>, citations: &[Citation]) {
        // Read in one pass, without a list of the numbered citations or of their offsets.
        let mut numbered = citations
            .iter()
            .filter(|c| !c.title.is_empty())
            .filter_map(|c| Some((c.title.as_str(), c.document_number.as_ref()?)))
            .peekable();
        if numbered.peek().is_none() {
            return;
        }
        let index = self.cells.len();
        self.cells.push(cell.clone());
        let mut cursor = 0;
        for (title, number) in numbered {
            let offset = next_number_offset(cell.text(), &mut cursor, &number.raw);
            let slot = self.title_slot(title);
            self.titles[slot].record(title, number, index, offset);
        }
    }

    /// The slot in `titles` of a title as written.
    fn title_slot(&mut self, title: &str) -> usize {
        match self.written.get(title) {
            Some(&slot) => slot,
            None => {
                let key = title_key(title);
                let slot = match self.index.get(&key) {
                    Some(&slot) => slot,
                    None => {
                        self.titles.push(CitedTitle::default());
                        self.index.insert(key, self.titles.len() - 1);
                        self.titles.len() - 1
                    }
                };
                self.written.insert(title.to_owned(), slot);
                slot
            }
        }
    }

    pub(crate) fn finish(self, diagnostics: &mut Diagnostics) {
        // Each citation to report: its cell, its number's offset there, and what to say of it.
        let mut reported: Vec<(&Cited, &Wording, &Wording, usize)> = Vec::new();
        for cited in &self.titles {
            if cited.numbers.len() < 2 {
                continue;
            }
            let Some((usual, usual_use)) = cited
                .numbers
                .iter()
                .enumerate()
                .rev()
                .max_by_key(|(_, number)| number.count)
            else {
                continue;
            };
            let usual_wording = &cited.wordings[usual_use.first_wording];
            for citation in &cited.citations {
                let wording = &cited.wordings[citation.wording];
                if wording.number != usual {
                    reported.push((citation, wording, usual_wording, usual_use.count));
                }
            }
        }
        // Placed in one pass over each cell: a cell citing thousands of numbers stays linear.
        reported.sort_by_key(|(citation, ..)| (citation.cell, citation.offset));
        for run in reported.chunk_by(|a, b| a.0.cell == b.0.cell) {
            let offsets: Vec<usize> = run.iter().map(|(citation, ..)| citation.offset).collect();
            let positions = self.cells[run[0].0.cell].positions(&offsets);
            for (&(_, wording, usual, count), at) in run.iter().zip(positions) {
                let times = match count {
                    1 => "once".to_owned(),
                    n => format!("{n} times"),
                };
                diagnostics.push(
                    Code::ConflictingDocumentNumber,
                    at,
                    format!(
                        "《{}》 is cited at line {} as {} but as {} {times} elsewhere",
                        wording.title, at.line, wording.shown, usual.shown,
                    ),
                );
            }
        }
    }
}

impl CitedTitle {
    /// Record a citation of the title, in `number` as worded, whose number stands at
    /// `offset` in cell number `cell`.
    fn record(&mut self, title: &str, number: &DocumentNumber, cell: usize, offset: usize) {
        let wording = match self
            .wordings
            .iter()
            .position(|w| w.title == title && w.raw == number.raw)
        {
            Some(wording) => wording,
            None => self.add_wording(title, number),
        };
        self.numbers[self.wordings[wording].number].count += 1;
        self.citations.push(Cited {
            wording,
            cell,
            offset,
        });
    }

    /// A new wording of the title and a number, with its number's slot (a new one for a
    /// number not cited before); its index.
    fn add_wording(&mut self, title: &str, number: &DocumentNumber) -> usize {
        let key = number_key(number);
        let wording = self.wordings.len();
        let slot = match self.numbers.iter().position(|number| number.key == key) {
            Some(slot) => slot,
            None => {
                self.numbers.push(NumberUse {
                    key,
                    count: 0,
                    first_wording: wording,
                });
                self.numbers.len() - 1
            }
        };
        self.wordings.push(Wording {
            title: title.to_owned(),
            raw: number.raw.clone(),
            shown: normalize(&number.raw),
            number: slot,
        });
        wording
    }
}

/// Where each number (as written) stands in the cell text: the next occurrence after the one
/// before, since citations come in cell order; the cell start when it is not found.
#[cfg(test)]
fn number_offsets<'a>(text: &str, numbers: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut cursor = 0;
    numbers
        .map(|raw| next_number_offset(text, &mut cursor, raw))
        .collect()
}

/// Where the number `raw` (as written) stands in the cell text: its first occurrence from
/// `cursor` on (which then moves past it), since citations come in cell order; the cell
/// start when it is not found. One step of [`number_offsets`].
fn next_number_offset(text: &str, cursor: &mut usize, raw: &str) -> usize {
    match text.get(*cursor..).and_then(|rest| find_short(rest, raw)) {
        Some(offset) => {
            *cursor += offset + raw.len();
            *cursor - raw.len()
        }
        None => 0,
    }
}

/// `text.find(needle)`, cheaper for a short needle such as a document number: setting up
/// `str::find`'s searcher costs more than the search. One byte of the needle (its probe) is
/// found by memchr and the whole needle compared where it would then start; a UTF-8 needle
/// matches only at a character boundary, so the offset is the one `str::find` gives. The
/// probe is the needle's first ASCII byte (a document number's digits), which stands far
/// more rarely in Chinese text than the lead byte of an ideograph, else its first byte.
/// Occurrences of the probe are met in text order, so the first match found is the first
/// one. A needle longer than [`SHORT_NEEDLE`] bytes goes to `str::find`, so that the search
/// stays linear in the text.
fn find_short(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle_bytes) = (text.as_bytes(), needle.as_bytes());
    if needle_bytes.is_empty() {
        return Some(0);
    }
    if needle_bytes.len() > SHORT_NEEDLE {
        return text.find(needle);
    }
    let probe = needle_bytes.iter().position(u8::is_ascii).unwrap_or(0);
    let probe_byte = needle_bytes[probe];
    let mut from = probe;
    while let Some(found) = hay
        .get(from..)
        .and_then(|tail| memchr::memchr(probe_byte, tail))
    {
        let at = from + found - probe;
        if hay
            .get(at..)
            .is_some_and(|rest| rest.starts_with(needle_bytes))
        {
            return Some(at);
        }
        from += found + 1;
    }
    None
}

/// The longest needle [`find_short`] compares at each occurrence of its probe byte.
const SHORT_NEEDLE: usize = 64;

/// The key of a number. The issuer of an order is left out, since one body goes by several
/// names (`国家医保局`, `国家医疗保障局`).
fn number_key(number: &DocumentNumber) -> NumberKey {
    (
        number.kind,
        number.prefix.as_deref().map(normalize),
        number.year,
        number.number,
    )
}

/// A title as compared: normalized, with half-width brackets as full-width ones.
fn title_key(title: &str) -> String {
    normalize(title)
        .chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_short`] as it was, probing the needle's first byte: the oracle of
    /// `the_probe_byte_finds_what_the_first_byte_found`.
    fn find_short_by_first_byte(text: &str, needle: &str) -> Option<usize> {
        let (hay, needle_bytes) = (text.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = needle_bytes.split_first() else {
            return Some(0);
        };
        if needle_bytes.len() > SHORT_NEEDLE {
            return text.find(needle);
        }
        let mut from = 0;
        while let Some(found) = hay.get(from..).and_then(|tail| memchr::memchr(first, tail)) {
            let at = from + found;
            if hay
                .get(at + 1..)
                .is_some_and(|after| after.starts_with(rest))
            {
                return Some(at);
            }
            from = at + 1;
        }
        None
    }

    #[test]
    fn the_probe_byte_finds_what_the_first_byte_found() {
        let pieces = ["第", "3", "5", "号", "令", "〔", "〕", "a", " "];
        let texts = crate::test_support::every_text(&pieces, 4);
        let needles = crate::test_support::every_text(&pieces, 2);
        for text in &texts {
            for needle in &needles {
                let found = find_short(text, needle);
                assert_eq!(
                    found,
                    find_short_by_first_byte(text, needle),
                    "{text:?} {needle:?}"
                );
                assert_eq!(found, text.find(needle.as_str()), "{text:?} {needle:?}");
            }
        }
        let long = "令".repeat(30);
        assert_eq!(find_short(&format!("a{long}"), &long), Some(1));
    }

    #[test]
    fn plain_numbers_are_read_as_in_full() {
        let pieces = ["0", "1", "7", "9", " ", ".", "１", "a", "十", "\u{200B}"];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(seq_value(text), seq_value_in_full(text), "{text:?}");
        }
        for text in ["999999999", "4294967295", "4294967296", "0000000001", "00"] {
            assert_eq!(seq_value(text), seq_value_in_full(text), "{text:?}");
        }
        assert_eq!(seq_value("999999999"), Ok(Some(999_999_999)));
        assert_eq!(seq_value("4294967296"), Err(()));
    }

    /// [`number_offsets`] as first written, with `str::find`.
    fn number_offsets_by_str_find<'a>(
        text: &str,
        numbers: impl Iterator<Item = &'a str>,
    ) -> Vec<usize> {
        let mut cursor = 0;
        numbers
            .map(
                |raw| match text.get(cursor..).and_then(|rest| rest.find(raw)) {
                    Some(offset) => {
                        cursor += offset + raw.len();
                        cursor - raw.len()
                    }
                    None => 0,
                },
            )
            .collect()
    }

    #[test]
    fn number_offsets_by_memchr_are_those_of_str_find() {
        let pieces = ["〔", "2021", "〕", "号", "令第", "1", "甲", " "];
        let long = "〔2021〕1号".repeat(10);
        let needles = [
            "〔2021〕1号",
            "1",
            "2021",
            "号",
            "",
            "令第1号",
            "甲 ",
            "〕",
            &long,
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            for a in needles {
                for b in needles {
                    let numbers = [a, b, a];
                    assert_eq!(
                        number_offsets(text, numbers.iter().copied()),
                        number_offsets_by_str_find(text, numbers.iter().copied()),
                        "{text:?} {numbers:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn gap_messages() {
        let seen: HashMap<u32, usize> = [(3, 1), (5, 1)].into_iter().collect();
        let gap = |a, b| gap_message(a, b, &seen);
        assert_eq!(
            gap(1, 3).as_deref(),
            Some("matter number 2 is missing between 1 and 3")
        );
        assert_eq!(
            gap(1, 7).as_deref(),
            Some("matter numbers 2, 4 and 6 are missing between 1 and 7")
        );
        assert_eq!(
            gap(5, 9).as_deref(),
            Some("matter numbers 6 to 8 are missing between 5 and 9")
        );
        assert_eq!(gap(2, 4), None);
        assert_eq!(
            gap(1, 1_000_000).as_deref(),
            Some("matter numbers 2 to 999999 are missing between 1 and 1000000")
        );
        assert_eq!(
            gap(2, 10).as_deref(),
            Some("matter numbers 4 and 6 to 9 are missing between 2 and 10")
        );
    }

    /// Scattered numbers are named in runs, at most [`RUNS_NAMED`] of them: a message stays
    /// short however many numbers are missing (found by fuzzing: one message listed 994).
    #[test]
    fn gap_messages_name_at_most_eight_runs() {
        // Every odd number from 3 to 999 was used: the even ones are missing, each its own run.
        let odd: HashMap<u32, usize> = (3..1000).step_by(2).map(|n| (n, 1)).collect();
        assert_eq!(
            gap_message(1, 1001, &odd).as_deref(),
            Some(
                "matter numbers 2, 4, 6, 8, 10, 12, 14, 16 and 492 more are missing between 1 and 1001"
            )
        );
        // Only 3 was used between 1 and 999: the fuzzed list's gap.
        let three: HashMap<u32, usize> = [(3, 1), (5, 1)].into_iter().collect();
        assert_eq!(
            gap_message(3, 999, &three).as_deref(),
            Some("matter numbers 4 and 6 to 998 are missing between 3 and 999")
        );
        for (before, after) in [(1, 1001), (0, 999), (7, 500)] {
            let message = gap_message(before, after, &odd).unwrap_or_default();
            assert!(message.chars().count() < 200, "{message}");
        }
    }

    #[test]
    fn seq_values() {
        assert_eq!(seq_value(" 12 "), Ok(Some(12)));
        assert_eq!(seq_value("12."), Ok(Some(12)));
        assert_eq!(seq_value("１"), Ok(Some(1)));
        assert_eq!(seq_value("十二"), Ok(Some(12)));
        assert_eq!(seq_value(""), Ok(None));
        assert_eq!(seq_value("0"), Err(()));
        assert_eq!(seq_value("-1"), Err(()));
        assert_eq!(seq_value("a"), Err(()));
        assert_eq!(seq_value("99999999999999999999"), Err(()));
        assert_eq!(seq_value("\u{200B}3\u{FEFF}"), Ok(Some(3)));
        assert_eq!(seq_value("\u{200B}"), Ok(None));
    }
}
