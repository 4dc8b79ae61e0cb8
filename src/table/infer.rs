//! A table without a header row: its columns inferred from what their cells hold.
//!
//! Some copies of a list start at its first data row (a web page's table whose header is an
//! image, an excerpt cut above it). When no header row is found, the first rows with cells
//! (at most [`ROWS`]) are looked at column by column, and each cell is asked whether it reads
//! as what a known column holds, by the field parsers' own grammars and word lists:
//!
//! | column | a cell agrees when |
//! |---|---|
//! | 子项序号 | a bare whole number (`seq_value`), of at most four characters |
//! | 子项编码 | ASCII digits, at least ten, with at most hyphens between them after the fifth character (`002036003001`, `3701000105701-001`; not a telephone number `0632-7710662`) |
//! | 设定依据 | the citations parser finds a document number or an article (`《…法》(主席令第35号)第三十二条`) |
//! | 办理环节 | an arrow between steps, and the steps parser reads at least two steps and nothing it cannot tell apart (`受理—审查—决定`) |
//! | 办理方式 | the channels parser reads every channel with a channel word (`1.现场办理 2.网上办理`) |
//! | 办理时限 | the deadline parser reads at least one clause (`即时办结`, `8个工作日内`) |
//! | 办理材料 | the materials parser reads two items or more, or an item with alternatives, forms, copies, a seal or a format (`身份证或户口簿`) |
//! | 子项 | the first column (after a 子项序号 column), whose cells are short texts of no other kind but 办理材料, without list markers, filled in most rows |
//!
//! Blank cells and `无`-like cells (see [`is_neutral`]) say nothing. A column is of a kind when
//! at least two thirds of its other cells agree (and one at least); where a column agrees with
//! several kinds, the first in the table above wins, and a kind goes to the first column that
//! agrees with it. The header is inferred only on strong evidence: at least two rows, all with
//! the same number of cells (at least three), the name column, and at least two other columns
//! of a kind besides 子项序号. Otherwise the text stays without a header, as before.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::fields;
use crate::text::markers;

use super::header::{Column, Header};

/// How many rows with cells before any header are kept to infer a header from: the decision
/// is made once so many are read (or the text ends), so a text without header costs no more
/// than these rows.
pub(crate) const ROWS: usize = 20;

/// The widest row kept: a wider row before any header ends the looking (a row of a million
/// cells is not kept twenty times over).
pub(crate) const WIDTH: usize = 64;

/// The longest text, in characters, a cell of the name column may hold.
const NAME_CHARS: usize = 120;

/// The kinds a column may be inferred as, in the order they are tried on a column.
const KINDS: [Column; 7] = [
    Column::Seq,
    Column::MatterCode,
    Column::LegalBasis,
    Column::Steps,
    Column::Channels,
    Column::Deadline,
    Column::Materials,
];

/// A header inferred from the rows, and what each known column was inferred from.
#[derive(Debug)]
pub(crate) struct Inferred {
    pub(crate) header: Header,
    /// Per inferred column: its index, its kind, how many of its cells agreed, of how many
    /// that say something.
    pub(crate) evidence: Vec<(usize, Column, usize, usize)>,
}

/// A cell that says nothing about its column: blank, or a word for "none".
fn is_neutral(text: &str) -> bool {
    matches!(
        text.trim(),
        "" | "无" | "暂无" | "/" | "／" | "-" | "—" | "－" | "——" | "空" | "否"
    )
}

/// Whether the cell text `text` reads as what a `kind` column holds (see the module table).
fn agrees(kind: Column, text: &str) -> bool {
    let text = text.trim();
    let cell = Cell::borrowed(text, 1, "");
    let mut scratch = Diagnostics::default();
    match kind {
        Column::Seq => {
            text.chars().count() <= 4 && matches!(fields::seq::seq_value(text), Ok(Some(_)))
        }
        Column::MatterCode => is_code(text),
        Column::LegalBasis => fields::citations::parse(&cell, &mut scratch)
            .citations
            .iter()
            .any(|c| c.document_number.is_some() || !c.provisions.is_empty()),
        Column::Steps => {
            text.contains(is_arrow)
                && fields::steps::parse(&cell, &mut scratch).steps.len() >= 2
                && scratch.into_sorted().is_empty()
        }
        Column::Channels => {
            !fields::channels::parse(&cell, &mut scratch)
                .modes
                .is_empty()
                && scratch.into_sorted().is_empty()
        }
        Column::Deadline => !fields::deadline::read(text).clauses.is_empty(),
        Column::Materials => {
            let materials = fields::materials::parse(&cell, &mut scratch);
            let items: Vec<_> = materials.groups.iter().flat_map(|g| &g.items).collect();
            items.len() >= 2
                || items.iter().any(|m| {
                    !m.alternatives.is_empty()
                        || !m.forms.is_empty()
                        || m.copies.is_some()
                        || m.seal_required
                        || m.format.is_some()
                })
        }
        _ => false,
    }
}

/// The arrows between steps (as the steps grammar has them).
fn is_arrow(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | '—' | '–' | '―' | '→' | '⟶' | '➔' | '>' | '＞'
    )
}

/// A matter code: ASCII digits, at least ten, with hyphens between groups after the fifth
/// character (an area code `0632-` marks a telephone number).
fn is_code(text: &str) -> bool {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let only = text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let first_hyphen = text.find('-').unwrap_or(usize::MAX);
    only && digits >= 10
        && first_hyphen > 5
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether a cell reads as a matter's name: a short text of no other kind, without list
/// markers. (A name may read as a material: `出具《参保凭证》` names a document too.)
fn reads_as_name(text: &str) -> bool {
    let text = text.trim();
    let numbered = markers::points(text)
        .filter(|point| point.marker.is_some())
        .count();
    text.chars().count() <= NAME_CHARS
        && numbered < 2
        && !text.contains(['\t', '\n'])
        && KINDS
            .iter()
            .filter(|&&kind| kind != Column::Materials)
            .all(|&kind| !agrees(kind, text))
}

/// How many cells of column `at` agree with `test`, of how many say something.
fn tally(rows: &[Vec<Cell<'_>>], at: usize, test: impl Fn(&str) -> bool) -> (usize, usize) {
    let mut agreeing = 0;
    let mut telling = 0;
    for row in rows {
        let text = row.get(at).map_or("", Cell::text);
        if is_neutral(text) {
            continue;
        }
        telling += 1;
        if test(text) {
            agreeing += 1;
        }
    }
    (agreeing, telling)
}

/// A clear majority: two thirds at least, and one at least.
fn clear(agreeing: usize, telling: usize) -> bool {
    agreeing >= 1 && agreeing * 3 >= telling * 2
}

/// The header the rows' cells imply, when the evidence is strong (see the module doc).
pub(crate) fn infer(rows: &[Vec<Cell<'_>>]) -> Option<Inferred> {
    let width = rows.first()?.len();
    if rows.len() < 2 || width < 3 || rows.iter().any(|row| row.len() != width) {
        return None;
    }
    let mut known: Vec<Option<Column>> = vec![None; width];
    let mut evidence = Vec::new();
    let mut taken = Vec::new();
    // The name column: the first one, or the second after a 子项序号 column.
    let (seq_agree, seq_tell) = tally(rows, 0, |t| agrees(Column::Seq, t));
    let name_at = if clear(seq_agree, seq_tell) && seq_agree == rows.len() {
        known[0] = Some(Column::Seq);
        evidence.push((0, Column::Seq, seq_agree, seq_tell));
        1
    } else {
        0
    };
    let (name_agree, name_tell) = tally(rows, name_at, reads_as_name);
    if name_tell * 3 < rows.len() * 2 || !clear(name_agree, name_tell) {
        return None;
    }
    known[name_at] = Some(Column::Name);
    evidence.push((name_at, Column::Name, name_agree, name_tell));
    taken.push(Column::Seq);
    for (at, slot) in known.iter_mut().enumerate().skip(name_at + 1) {
        for kind in KINDS {
            if taken.contains(&kind) {
                continue;
            }
            let (agreeing, telling) = tally(rows, at, |t| agrees(kind, t));
            if clear(agreeing, telling) {
                *slot = Some(kind);
                taken.push(kind);
                evidence.push((at, kind, agreeing, telling));
                break;
            }
        }
    }
    let others = known
        .iter()
        .flatten()
        .filter(|&&c| c != Column::Name && c != Column::Seq)
        .count();
    if others < 2 {
        return None;
    }
    let names = known
        .iter()
        .map(|c| c.map_or_else(String::new, |c| c.name().to_owned()))
        .collect();
    Some(Inferred {
        header: Header::from_columns(&known, names),
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<'s>(lines: &[&'s [&'s str]]) -> Vec<Vec<Cell<'s>>> {
        lines
            .iter()
            .enumerate()
            .map(|(n, cells)| cells.iter().map(|t| Cell::borrowed(t, n + 1, "")).collect())
            .collect()
    }

    fn columns(inferred: &Inferred) -> Vec<Option<Column>> {
        (0..inferred.header.slots.len())
            .map(|i| match &inferred.header.slots[i] {
                super::super::header::Slot::Known(c) => Some(*c),
                super::super::header::Slot::Extra => None,
            })
            .collect()
    }

    #[test]
    fn cells_agree_with_the_kinds_their_parsers_read() {
        assert!(agrees(Column::MatterCode, "002036003001"));
        assert!(agrees(Column::MatterCode, "3701000105701-001"));
        assert!(!agrees(Column::MatterCode, "0632-7710662"));
        assert!(!agrees(Column::MatterCode, "12345"));
        assert!(agrees(Column::Steps, "受理—审查—决定"));
        assert!(!agrees(Column::Steps, "受理"));
        assert!(agrees(Column::Channels, "1.现场办理 2.网上办理"));
        assert!(!agrees(Column::Channels, "经办机构自动办理"));
        assert!(agrees(Column::Deadline, "即时办结"));
        assert!(agrees(Column::Deadline, "5个工作日"));
        assert!(!agrees(Column::Deadline, "单位参保登记"));
        assert!(agrees(
            Column::LegalBasis,
            "《中华人民共和国社会保险法》(主席令第35号)第三十二条"
        ));
        assert!(!agrees(Column::LegalBasis, "《参保凭证》"));
        assert!(agrees(Column::Materials, "1.身份证 2.户口簿"));
        assert!(agrees(Column::Materials, "身份证或户口簿"));
        assert!(agrees(Column::Seq, "12"));
        assert!(!agrees(Column::Seq, "一、基本"));
        assert!(reads_as_name("出具《参保凭证》"));
        assert!(!reads_as_name("即时办结"));
        assert!(is_neutral(" 无 "));
    }

    #[test]
    fn a_numbered_list_in_another_order() {
        let inferred = infer(&rows(&[
            &[
                "1",
                "单位参保登记",
                "即时办结",
                "身份证或户口簿",
                "《中华人民共和国社会保险法》第五十七条",
                "申请—受理—办结",
            ],
            &[
                "2",
                "单位信息变更",
                "5个工作日",
                "1.变更申请表 2.营业执照",
                "无",
                "申请—受理—审核—办结",
            ],
            &[
                "3",
                "单位注销登记",
                "10个工作日",
                "无",
                "《社会保险登记管理暂行办法》(劳动部令第1号)",
                "申请—受理—办结",
            ],
        ]))
        .unwrap();
        assert_eq!(
            columns(&inferred),
            [
                Some(Column::Seq),
                Some(Column::Name),
                Some(Column::Deadline),
                Some(Column::Materials),
                Some(Column::LegalBasis),
                Some(Column::Steps)
            ]
        );
    }

    #[test]
    fn weak_evidence_infers_nothing() {
        // Prose and names: no kind at all.
        assert!(infer(&rows(&[
            &["张三", "男", "北京市"],
            &["李四", "女", "上海市"],
        ]))
        .is_none());
        // A name and one other kind only.
        assert!(infer(&rows(&[
            &["单位参保登记", "即时办结", "甲"],
            &["单位注销登记", "5个工作日", "乙"],
        ]))
        .is_none());
        // Rows of different widths.
        assert!(infer(&rows(&[
            &[
                "单位参保登记",
                "即时办结",
                "身份证或户口簿",
                "申请—受理—办结"
            ],
            &["单位注销登记", "5个工作日", "身份证或户口簿"],
        ]))
        .is_none());
        // One row.
        assert!(infer(&rows(&[&[
            "单位参保登记",
            "即时办结",
            "身份证或户口簿",
            "申请—受理—办结"
        ]]))
        .is_none());
        // The first column is no name column.
        assert!(infer(&rows(&[
            &["即时办结", "身份证或户口簿", "申请—受理—办结"],
            &["5个工作日", "1.申请表 2.身份证", "申请—受理—办结"],
        ]))
        .is_none());
    }
}
