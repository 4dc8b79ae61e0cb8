//! The numbering checks: category numerals and 子项序号 count up through the document.

use std::collections::HashMap;

use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::fields::seq::seq_value;
use crate::table::{CategoryDraft, Column};
use crate::text::normalize::normalize;

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
                        diagnostics.push_for_matter(
                            line,
                            Code::MatterNumberEmpty,
                            at(),
                            format!(
                                "the matter “{}” at line {line} has no 子项序号",
                                quote(&normalize(matter.text(Column::Name)))
                            ),
                        );
                    }
                    continue;
                }
                Err(()) => {
                    diagnostics.push_for_matter(
                        line,
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
                diagnostics.push_for_matter(
                    line,
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
                        diagnostics.push_for_matter(line, Code::MatterNumberMissing, at(), message);
                    }
                } else if number <= p {
                    diagnostics.push_for_matter(
                        line,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
