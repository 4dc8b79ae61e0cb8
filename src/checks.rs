//! Checks across rows, run once the whole table is read: the numbering of categories and
//! matters. (Checks that need parsed fields, such as citations, run here too.)

use std::collections::HashMap;

use crate::diagnostic::{quote, Code, Diagnostics};
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
                    let named = matter.cell(Column::Name).is_some_and(|c| !c.is_blank());
                    if matter.cell(Column::Seq).is_some() && named {
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
            } else if let Some(p) = previous.filter(|_| !restart) {
                if number > p.saturating_add(1) {
                    let message = if number - p == 2 {
                        format!(
                            "matter number {} is missing between {p} and {number}",
                            p + 1
                        )
                    } else {
                        format!(
                            "matter numbers {} to {} are missing between {p} and {number}",
                            p + 1,
                            number - 1
                        )
                    };
                    diagnostics.push(Code::MatterNumberMissing, at, message);
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

#[cfg(test)]
mod tests {
    use super::*;

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
