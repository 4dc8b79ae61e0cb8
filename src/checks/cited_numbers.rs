//! `conflicting_document_number`: the numbers the rows cite one document by.

use std::collections::HashMap;

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::model::{Citation, DocumentNumber, NumberKind};
use crate::text::normalize::normalize;
use crate::text::scan;

/// `conflicting_document_number`: one title cited with different numbers. Fed each matter's
/// citations in document order; at [`finish`](CitedNumbers::finish) the number cited most
/// often under a title (the first of equals) is taken as right, and every citation with
/// another number is reported at its number, naming the usual one and how often it is used.
///
/// What it keeps is small: per title, each distinct number with its count and each distinct
/// wording; per citation its wording and its cell. The cells borrow the source, and a
/// citation is placed (where its number stands in the cell, then line and column) only when
/// reported.
#[derive(Debug, Default)]
pub(crate) struct CitedNumbers<'s> {
    /// Titles (as compared, see [`title_key`]) in order of first citation.
    titles: Vec<CitedTitle>,
    index: HashMap<String, usize>,
    /// Each title as written, with its slot in `written_titles`: a title met again is not
    /// compared again.
    written: HashMap<String, usize>,
    written_titles: Vec<WrittenTitle>,
    /// The slots in `written_titles` of the last matter's numbered citations, in order: rows
    /// mostly cite the titles the row before cited, in its order, and a title compared with
    /// the one cited at its place there is not hashed.
    previous: Vec<usize>,
    /// The 设定依据 cells that cite a numbered document, each with where its citations start
    /// in `sequence`.
    cells: Chunked<(Cell<'s>, usize)>,
    /// The title slot (in `titles`) and wording slot of every numbered citation, in cell
    /// order: a cell's numbers are found in it from these when one of them is reported.
    sequence: Vec<(usize, usize)>,
}

/// A title as written: its slot in [`CitedNumbers::titles`], and the slot in
/// [`CitedTitle::wordings`] of each number (as written) it was cited with. Looked up, not
/// searched: one title may be cited with thousands of numbers.
#[derive(Debug)]
struct WrittenTitle {
    /// The title as written.
    text: String,
    title: usize,
    wordings: HashMap<String, usize>,
    /// The wording of the last citation of the title.
    last: Option<usize>,
}

impl WrittenTitle {
    /// The slot in `cited.wordings` of this title worded with `number` (added when new):
    /// looked up by the number as written, unless it is the last citation's number.
    fn wording(&mut self, cited: &mut CitedTitle, title: &str, number: &DocumentNumber) -> usize {
        // Rows mostly cite a title by the number the row before cited it by: compared at
        // once, which is cheaper than hashing it.
        if let Some(last) = self.last.filter(|&last| {
            cited
                .wordings
                .get(last)
                .is_some_and(|w| w.raw == number.raw)
        }) {
            return last;
        }
        let wording = match self.wordings.get(number.raw.as_str()) {
            Some(&wording) => wording,
            None => {
                let wording = cited.add_wording(title, number);
                self.wordings.insert(number.raw.clone(), wording);
                wording
            }
        };
        self.last = Some(wording);
        wording
    }
}

/// The citations of one title.
#[derive(Debug, Default)]
struct CitedTitle {
    /// Each number, in order of first use.
    numbers: Vec<NumberUse>,
    /// The slot in `numbers` of each number's key.
    number_slots: HashMap<NumberKey, usize>,
    wordings: Vec<Wording>,
    citations: Vec<Cited>,
}

/// A number cited under a title: how often, and the wording of its first citation.
#[derive(Debug)]
struct NumberUse {
    count: usize,
    first_wording: usize,
}

/// A citation: its wording, its cell, and its place in [`CitedNumbers::sequence`].
#[derive(Debug)]
struct Cited {
    wording: usize,
    cell: usize,
    rank: usize,
}

/// How a citation words a title and its number.
#[derive(Debug)]
struct Wording {
    title: String,
    /// The number as written, searched for in each cell that cites it, and as a message
    /// shows it.
    raw: String,
    needle: scan::Needle,
    shown: String,
    /// The number's slot in [`CitedTitle::numbers`].
    number: usize,
}

/// The items kept in chunks of [`CHUNK`] (each allocated whole at its first item): an item
/// kept is never moved again, where a vector's growth copies all it holds each time (the
/// cells kept are large, and as many as the matters).
#[derive(Debug)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

/// How many items a chunk of [`Chunked`] holds.
const CHUNK: usize = 256;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    fn get(&self, index: usize) -> Option<&T> {
        self.chunks.get(index / CHUNK)?.get(index % CHUNK)
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        &self.chunks[index / CHUNK][index % CHUNK]
    }
}

/// What makes two numbers the same: kind, 文号 prefix, year and serial.
type NumberKey = (NumberKind, Option<String>, Option<u32>, Option<u32>);

impl<'s> CitedNumbers<'s> {
    /// Record the citations of a matter's parsed 设定依据 cell.
    pub(crate) fn matter(&mut self, cell: &Cell<'s>, citations: &[Citation]) {
        // Read in one pass, without a list of its own of the numbered citations; where their
        // numbers stand is found only for the cells reported (see `finish`).
        let mut numbered = citations
            .iter()
            .filter(|c| !c.title.is_empty())
            .filter_map(|c| Some((c.title.as_str(), c.document_number.as_ref()?)))
            .peekable();
        if numbered.peek().is_none() {
            return;
        }
        let index = self.cells.len;
        self.cells.push((cell.clone(), self.sequence.len()));
        let mut count = 0;
        for (k, (title, number)) in numbered.enumerate() {
            let slot = match self.previous.get(k) {
                Some(&slot) if self.written_titles[slot].text == title => slot,
                _ => self.written_slot(title),
            };
            match self.previous.get_mut(k) {
                Some(previous) => *previous = slot,
                None => self.previous.push(slot),
            }
            count = k + 1;
            let written = &mut self.written_titles[slot];
            let cited = &mut self.titles[written.title];
            let wording = written.wording(cited, title, number);
            cited.record(wording, index, self.sequence.len());
            self.sequence.push((written.title, wording));
        }
        self.previous.truncate(count);
    }

    /// The slot in `written_titles` of a title as written.
    fn written_slot(&mut self, title: &str) -> usize {
        if let Some(&slot) = self.written.get(title) {
            return slot;
        }
        let key = title_key(title);
        let cited = match self.index.get(&key) {
            Some(&cited) => cited,
            None => {
                self.titles.push(CitedTitle::default());
                self.index.insert(key, self.titles.len() - 1);
                self.titles.len() - 1
            }
        };
        self.written_titles.push(WrittenTitle {
            text: title.to_owned(),
            title: cited,
            wordings: HashMap::new(),
            last: None,
        });
        let slot = self.written_titles.len() - 1;
        self.written.insert(title.to_owned(), slot);
        slot
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
        // Where each number stands, found in one pass over each cell with a citation reported.
        let mut offsets: Vec<Vec<usize>> = vec![Vec::new(); self.cells.len];
        for &(citation, ..) in &reported {
            if offsets[citation.cell].is_empty() {
                offsets[citation.cell] = self.number_offsets(citation.cell);
            }
        }
        let offset_of = |citation: &Cited| {
            let first = self.cells[citation.cell].1;
            offsets[citation.cell][citation.rank - first]
        };
        // Placed in one pass over each cell: a cell citing thousands of numbers stays linear.
        reported.sort_by_key(|(citation, ..)| (citation.cell, offset_of(citation)));
        for run in reported.chunk_by(|a, b| a.0.cell == b.0.cell) {
            let offsets: Vec<usize> = run
                .iter()
                .map(|(citation, ..)| offset_of(citation))
                .collect();
            let positions = self.cells[run[0].0.cell].0.positions(&offsets);
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

impl CitedNumbers<'_> {
    /// Where the number of each numbered citation of cell number `cell` stands in it, in
    /// order (found from where the one before ends, since citations come in cell order).
    fn number_offsets(&self, cell: usize) -> Vec<usize> {
        let (cell_text, first) = (self.cells[cell].0.text(), self.cells[cell].1);
        let end = self
            .cells
            .get(cell + 1)
            .map_or(self.sequence.len(), |next| next.1);
        let mut cursor = 0;
        self.sequence[first..end]
            .iter()
            .map(|&(title, wording)| {
                self.titles[title]
                    .wordings
                    .get(wording)
                    .map_or(0, |w| next_number_offset(cell_text, &mut cursor, &w.needle))
            })
            .collect()
    }
}

impl CitedTitle {
    /// Record a citation of the title in the wording at slot `wording`, cell number `cell`,
    /// at `rank` in the sequence of all numbered citations.
    fn record(&mut self, wording: usize, cell: usize, rank: usize) {
        if let Some(number) = self
            .wordings
            .get(wording)
            .and_then(|w| self.numbers.get_mut(w.number))
        {
            number.count += 1;
        }
        self.citations.push(Cited {
            wording,
            cell,
            rank,
        });
    }

    /// A new wording of the title and a number, with its number's slot (a new one for a
    /// number not cited before); its index.
    fn add_wording(&mut self, title: &str, number: &DocumentNumber) -> usize {
        let wording = self.wordings.len();
        let key = number_key(number);
        let slot = match self.number_slots.get(&key) {
            Some(&slot) => slot,
            None => {
                self.numbers.push(NumberUse {
                    count: 0,
                    first_wording: wording,
                });
                self.number_slots.insert(key, self.numbers.len() - 1);
                self.numbers.len() - 1
            }
        };
        self.wordings.push(Wording {
            title: title.to_owned(),
            raw: number.raw.clone(),
            needle: scan::Needle::new(&number.raw),
            shown: normalize(&number.raw),
            number: slot,
        });
        wording
    }
}

/// Where a number (as written, the `needle`) stands in the cell text: its first occurrence
/// from `cursor` on (which then moves past it), since citations come in cell order; the cell
/// start when it is not found.
fn next_number_offset(text: &str, cursor: &mut usize, needle: &scan::Needle) -> usize {
    match text.get(*cursor..).and_then(|rest| needle.find_in(rest)) {
        Some(offset) => {
            *cursor += offset + needle.len();
            *cursor - needle.len()
        }
        None => 0,
    }
}

/// The key of a number. The issuer of an order is left out, since one body goes by several
/// names (`国家医保局`, `国家医疗保障局`).
fn number_key(number: &DocumentNumber) -> NumberKey {
    (
        number.kind.clone(),
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

    /// Where each number (as written) stands in the cell text: [`next_number_offset`] for
    /// each in turn, as [`CitedNumbers::matter`] asks it.
    fn number_offsets<'a>(text: &str, numbers: impl Iterator<Item = &'a str>) -> Vec<usize> {
        let mut cursor = 0;
        numbers
            .map(|raw| next_number_offset(text, &mut cursor, &scan::Needle::new(raw)))
            .collect()
    }

    /// [`number_offsets`] with `str::find`.
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
    fn number_offsets_are_those_of_str_find() {
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
    fn chunked_items_are_found_where_a_vector_has_them() {
        let mut chunked = Chunked::default();
        let items: Vec<usize> = (0..3 * CHUNK + 7).map(|i| i * 7).collect();
        for &item in &items {
            chunked.push(item);
        }
        assert_eq!(chunked.len, items.len());
        for (i, item) in items.iter().enumerate() {
            assert_eq!(chunked[i], *item);
            assert_eq!(chunked.get(i), Some(item));
        }
        assert_eq!(chunked.get(items.len()), None);
    }

    /// The conflicting-number messages of a list whose rows cite what `cells` hold.
    fn conflicts(cells: &[&str]) -> Vec<String> {
        let mut text = String::from("主项\t子项序号\t子项\t设定依据\n");
        for (i, cell) in cells.iter().enumerate() {
            let category = if i == 0 { "一、登记" } else { "" };
            text.push_str(&format!("{category}\t{}\t事项{}\t{cell}\n", i + 1, i + 1));
        }
        let document = crate::parse(&text).expect("a list");
        document
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::ConflictingDocumentNumber)
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn each_citation_counts_for_its_number_whatever_came_before() {
        assert_eq!(
            conflicts(&[
                "《甲办法》（医保发〔2020〕1号）",
                "《甲办法》（医保发〔2020〕2号）",
                "《甲办法》（医保发〔2020〕1号）",
                "《甲 办法》（医保发〔2020〕1号）",
                "《甲办法》（医保发〔2020〕1 号）",
                "《甲办法》（医保发〔2020〕3号）",
            ]),
            [
                "《甲办法》 is cited at line 3 as 医保发〔2020〕2号 but as 医保发〔2020〕1号 4 times elsewhere",
                "《甲办法》 is cited at line 7 as 医保发〔2020〕3号 but as 医保发〔2020〕1号 4 times elsewhere",
            ]
        );
    }
}
