//! Checks across rows, run once the whole table is read: the numbering of categories and
//! matters ([`run`], on the table), and the citations the rows make of one document
//! ([`run_on_fields`], once every cell is parsed).

use std::collections::HashMap;

use crate::diagnostic::{quote, Code, Diagnostics, Position};
use crate::model::{Category, DocumentNumber, NumberKind};
use crate::normalize::normalize;
use crate::numeral;
use crate::table::{CategoryDraft, Column};

/// The value of a 子项序号 cell: `Ok(None)` when empty, `Err(())` when it is not a positive
/// whole number (`1.` and `1、` are allowed; so are full-width and Chinese digits).
pub(crate) fn seq_value(text: &str) -> Result<Option<u32>, ()> {
    let visible: String = text
        .chars()
        .filter(|&c| !crate::normalize::is_invisible(c))
        .collect();
    let text = visible.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.trim_end_matches(['.', '．', '、']).trim();
    match numeral::value(digits) {
        Some(n) if n > 0 => Ok(Some(n)),
        _ => Err(()),
    }
}

/// Run every check on the categories read from the table.
pub(crate) fn run(categories: &[CategoryDraft<'_>], diagnostics: &mut Diagnostics) {
    category_numbers(categories, diagnostics);
    matter_numbers(categories, diagnostics);
}

/// Category numerals must count up by one. A numeral that breaks the sequence while the next
/// one resumes it is misnumbered (`一, 一, 三`); a jump (`一, 二, 四, 五`) is reported once
/// and counting goes on from there.
fn category_numbers(categories: &[CategoryDraft<'_>], diagnostics: &mut Diagnostics) {
    let numbered: Vec<(usize, u32)> = categories
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.ordinal_and_name().0.map(|o| (i, o)))
        .collect();
    if numbered.is_empty() {
        return;
    }
    for category in categories.iter().filter(|c| !c.pieces.is_empty()) {
        if category.ordinal_and_name().0.is_none() {
            diagnostics.push(
                Code::CategoryWithoutNumber,
                category.start(),
                format!(
                    "category “{}” at line {} has no numeral while the others are numbered",
                    quote(&category.text),
                    category.lines.0
                ),
            );
        }
    }
    let mut expected: Option<u32> = None;
    for (k, &(i, ordinal)) in numbered.iter().enumerate() {
        let counted = match expected {
            Some(e) if e != ordinal => {
                let category = &categories[i];
                diagnostics.push(
                    Code::CategoryMisnumbered,
                    category.start(),
                    format!(
                        "category “{}” at line {} is numbered {ordinal} where {e} belongs",
                        quote(&category.text),
                        category.lines.0
                    ),
                );
                let resumes = numbered
                    .get(k + 1)
                    .is_none_or(|&(_, next)| Some(next) == e.checked_add(1));
                if resumes {
                    e
                } else {
                    ordinal
                }
            }
            _ => ordinal,
        };
        expected = counted.checked_add(1);
    }
}

/// 子项序号 must be positive whole numbers counting up by one through the document, or
/// starting again at 1 with a new category.
fn matter_numbers(categories: &[CategoryDraft<'_>], diagnostics: &mut Diagnostics) {
    let mut previous: Option<u32> = None;
    let mut seen: HashMap<u32, usize> = HashMap::new();
    for category in categories {
        for (index, matter) in category.matters.iter().enumerate() {
            let text = matter.text(Column::Seq);
            let at = matter.position(Column::Seq);
            let line = matter.line;
            let number = match seq_value(text) {
                Ok(Some(n)) => n,
                Ok(None) => {
                    // A row without 子项 either is an orphan row, reported as such.
                    let named = !matter.text(Column::Name).trim().is_empty();
                    if named && matter.cell(Column::Seq).is_some() {
                        diagnostics.push(
                            Code::MatterNumberEmpty,
                            at,
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
                        at,
                        format!(
                            "子项序号 “{}” at line {line} is not a positive whole number",
                            quote(text.trim())
                        ),
                    );
                    continue;
                }
            };
            let restart = number == 1 && index == 0 && previous.is_some();
            if restart {
                seen.clear();
            }
            if let Some(&before) = seen.get(&number) {
                diagnostics.push(
                    Code::MatterNumberDuplicate,
                    at,
                    format!(
                        "matter number {number} at line {line} was already used at line {before}"
                    ),
                );
                // A duplicate does not move the count on.
                continue;
            }
            if let Some(p) = previous.filter(|_| !restart) {
                if number > p.saturating_add(1) {
                    if let Some(message) = gap_message(p, number, &seen) {
                        diagnostics.push(Code::MatterNumberMissing, at, message);
                    }
                } else if number <= p {
                    diagnostics.push(
                        Code::MatterNumberOutOfOrder,
                        at,
                        format!("matter number {number} at line {line} comes after {p}"),
                    );
                }
            }
            seen.entry(number).or_insert(line);
            previous = Some(number);
        }
    }
}

/// The numbers between `before` and `after` that no matter has used, as a sentence; `None`
/// when they were all used (out of order). Wide gaps are named as a range without listing.
fn gap_message(before: u32, after: u32, seen: &HashMap<u32, usize>) -> Option<String> {
    const LISTED: u32 = 1000;
    let missing: Vec<u32> = if after - before > LISTED {
        vec![before + 1, after - 1]
    } else {
        (before + 1..after)
            .filter(|n| !seen.contains_key(n))
            .collect()
    };
    let contiguous =
        after - before > LISTED || missing.windows(2).all(|pair| pair[1] == pair[0] + 1);
    let numbers = match missing.as_slice() {
        [] => return None,
        [one] => {
            return Some(format!(
                "matter number {one} is missing between {before} and {after}"
            ))
        }
        [first, .., last] if contiguous => format!("{first} to {last}"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(u32::to_string).collect();
            format!("{} and {last}", init.join(", "))
        }
    };
    Some(format!(
        "matter numbers {numbers} are missing between {before} and {after}"
    ))
}

/// Run every check that needs the parsed fields; `categories` are built from `drafts`, in the
/// same order.
pub(crate) fn run_on_fields(
    drafts: &[CategoryDraft<'_>],
    categories: &[Category],
    diagnostics: &mut Diagnostics,
) {
    conflicting_document_numbers(&numbered_citations(drafts, categories), diagnostics);
}

/// A citation that gives a document number, with where its number stands in the source.
#[derive(Debug)]
struct NumberedCitation<'a> {
    title: &'a str,
    number: &'a DocumentNumber,
    at: Position,
}

/// Every citation with a title and a number, in document order, located in its cell.
fn numbered_citations<'a>(
    drafts: &[CategoryDraft<'_>],
    categories: &'a [Category],
) -> Vec<NumberedCitation<'a>> {
    let mut found = Vec::new();
    let matters = drafts
        .iter()
        .zip(categories)
        .flat_map(|(draft, category)| draft.matters.iter().zip(&category.matters));
    for (draft, matter) in matters {
        let Some(cell) = draft.cell(Column::LegalBasis) else {
            continue;
        };
        let numbered: Vec<(&str, &DocumentNumber)> = matter
            .legal_basis
            .citations
            .iter()
            .filter(|c| !c.title.is_empty())
            .filter_map(|c| Some((c.title.as_str(), c.document_number.as_ref()?)))
            .collect();
        let offsets = number_offsets(cell.text(), numbered.iter().map(|(_, n)| n.raw.as_str()));
        let positions = cell.positions(&offsets);
        for ((title, number), at) in numbered.into_iter().zip(positions) {
            found.push(NumberedCitation { title, number, at });
        }
    }
    found
}

/// Where each number (as written) stands in the cell text: the next occurrence after the one
/// before, since citations come in cell order; the cell start when it is not found.
fn number_offsets<'a>(text: &str, numbers: impl Iterator<Item = &'a str>) -> Vec<usize> {
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

/// What makes two numbers the same: kind, 文号 prefix, year and serial. The issuer of an order
/// is left out, since one body goes by several names (`国家医保局`, `国家医疗保障局`).
fn number_key(number: &DocumentNumber) -> (NumberKind, Option<String>, Option<u32>, Option<u32>) {
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

/// `conflicting_document_number`: one title cited with different numbers. The number cited
/// most often (the first of equals) is taken as right; every citation with another number is
/// reported at its number, naming the usual one and how often it is used.
fn conflicting_document_numbers(citations: &[NumberedCitation<'_>], diagnostics: &mut Diagnostics) {
    let mut by_title: Vec<(String, Vec<&NumberedCitation<'_>>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for citation in citations {
        let key = title_key(citation.title);
        let slot = *index.entry(key.clone()).or_insert_with(|| {
            by_title.push((key, Vec::new()));
            by_title.len() - 1
        });
        by_title[slot].1.push(citation);
    }
    for (_, group) in &by_title {
        // Each number: how often, and its first citation; in order of first use.
        let mut counts: Vec<(_, usize, &NumberedCitation<'_>)> = Vec::new();
        let mut slots: HashMap<_, usize> = HashMap::new();
        for citation in group {
            let key = number_key(citation.number);
            match slots.get(&key) {
                Some(&slot) => counts[slot].1 += 1,
                None => {
                    slots.insert(key.clone(), counts.len());
                    counts.push((key, 1, citation));
                }
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let Some((usual_key, usual_count, usual)) = counts
            .iter()
            .rev()
            .max_by_key(|(_, n, _)| *n)
            .map(|(k, n, c)| (k.clone(), *n, *c))
        else {
            continue;
        };
        for citation in group {
            if number_key(citation.number) == usual_key {
                continue;
            }
            let times = match usual_count {
                1 => "once".to_owned(),
                n => format!("{n} times"),
            };
            diagnostics.push(
                Code::ConflictingDocumentNumber,
                citation.at,
                format!(
                    "《{}》 is cited at line {} as {} but as {} {times} elsewhere",
                    citation.title,
                    citation.at.line,
                    normalize(&citation.number.raw),
                    normalize(&usual.number.raw),
                ),
            );
        }
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
