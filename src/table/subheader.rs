//! The second row of a two-row header, as the 政务公开标准目录 lists have it:
//!
//! ```text
//! 序号  公开事项            公开内容  公开依据  …  公开对象            公开方式
//!       一级事项  二级事项                         全社会    特定群体  主动  依申请
//! ```
//!
//! A cell of the first row (公开事项, 公开对象…) spans sub-columns named in the second row; a
//! cell that spans both rows (序号, 公开内容…) has no cell in the second. The second row holds
//! only the sub-columns, in order, so which first-row cell spans which is decided by the names
//! of the sub-columns ([`SUB_NAMES`], grouped by the cell they belong under, [`PARENT_NAMES`]),
//! and, where a name does not say, by position, with a finding.
//!
//! The merged header puts each spanning cell's sub-columns in its place. The levels of 公开事项
//! are the category (the first level, 一级事项) and the matter's name (the deepest level, 二级事项
//! or 三级事项); a middle level and every other sub-column are kept in `extra`. Each column of
//! the merged header is named `parent/child` (`公开事项/二级事项`, `公开对象/全社会`), so that
//! no header text is lost.

use std::ops::Range;

use crate::cell::Cell;
use crate::diagnostic::quote;

use super::header::{column_of, key, Column, Header};

/// The kind of sub-columns a first-row cell spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// The levels of the matter: 一级事项, 二级事项, 三级事项.
    Matter,
    /// Whom the matter is published to: 全社会, 特定群体.
    Audience,
    /// How it is published: 主动, 依申请.
    Manner,
    /// At which level of government: 县级, 乡级, 街道.
    Level,
}

impl Group {
    /// The first-row cell the sub-columns of the group belong under.
    fn parent(self) -> &'static str {
        match self {
            Group::Matter => "公开事项",
            Group::Audience => "公开对象",
            Group::Manner => "公开方式",
            Group::Level => "公开层级",
        }
    }
}

/// The names of the sub-columns, compared with a cell's [`key`] (no white space): `一级 事项`
/// is `一级事项`. A cell that ends with `级` and is not a matter level names a level of
/// government too (`县级`, `乡、村级`, `嘎查(社区)级`).
const SUB_NAMES: &[(&str, Group)] = &[
    ("一级事项", Group::Matter),
    ("二级事项", Group::Matter),
    ("三级事项", Group::Matter),
    ("一级", Group::Matter),
    ("二级", Group::Matter),
    ("三级", Group::Matter),
    ("全社会", Group::Audience),
    ("特定群体", Group::Audience),
    ("特定群众", Group::Audience),
    ("特定对象", Group::Audience),
    ("主动", Group::Manner),
    ("主动公开", Group::Manner),
    ("依申请", Group::Manner),
    ("依申请公开", Group::Manner),
    ("申请公开", Group::Manner),
    ("街道", Group::Level),
    ("乡镇", Group::Level),
    ("社区", Group::Level),
];

/// The names of the first-row cells that span sub-columns. A first-row cell that names the
/// matter's name column (公开事项, 事项名称…) spans the matter levels too.
const PARENT_NAMES: &[(&str, Group)] = &[
    ("公开事项", Group::Matter),
    ("公开对象", Group::Audience),
    ("公开方式", Group::Manner),
    ("公开层级", Group::Level),
];

/// The longest sub-column name, in characters: a longer cell is data, not a sub-header.
const LONGEST_SUB_NAME: usize = 8;

/// The group a second-row cell names, if it names one.
fn sub_group(key: &str) -> Option<Group> {
    if let Some(&(_, group)) = SUB_NAMES.iter().find(|(name, _)| *name == key) {
        return Some(group);
    }
    (key.ends_with('级') && key.chars().count() >= 2).then_some(Group::Level)
}

/// The group a first-row cell spans, and whether its name is cut short (one character of the
/// name lost at either end, as an extraction cuts a narrow cell: `公开对`, `开事项`).
fn parent_group(cell: &str, named: Option<Column>) -> Option<(Group, bool)> {
    if named == Some(Column::Name) {
        return Some((Group::Matter, false));
    }
    let key = key(cell);
    PARENT_NAMES.iter().find_map(|&(name, group)| {
        if key == name {
            return Some((group, false));
        }
        let cut = key.chars().count() + 1 == name.chars().count()
            && key.chars().count() >= 3
            && (name.starts_with(key.as_str()) || name.ends_with(key.as_str()));
        cut.then_some((group, true))
    })
}

/// A decision made by position rather than by name, reported as `header_spans_guessed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Guess {
    /// A second-row cell (its index) that names no known sub-column, read with the
    /// sub-columns of the group beside it.
    UnknownSub { sub: usize, group: Group },
    /// A first-row cell (its index) whose name is cut short, read as the parent of its group.
    CutParent { cell: usize, group: Group },
    /// A run of sub-columns (second-row indices) read under a first-row cell (its index) that
    /// does not name their group.
    ByPosition {
        cell: usize,
        subs: Range<usize>,
        group: Group,
    },
}

/// The header made of two rows.
#[derive(Debug)]
pub(crate) struct Merged<'s> {
    pub(crate) header: Header,
    /// The header's cells, one per column: a first-row cell, or a second-row cell in place of
    /// the cell that spans it (for the positions of findings).
    pub(crate) cells: Vec<Cell<'s>>,
    /// Each spanning first-row cell (its index) and the second-row cells it spans.
    pub(crate) spans: Vec<(usize, Range<usize>)>,
    pub(crate) guesses: Vec<Guess>,
    /// The header read with one column fewer, when the matter levels may also span the cell
    /// before their parent (a 事项类型 or 主项 cell: `事项类型 | 公开事项` over `一级事项 | 二级事项`),
    /// the first level being that cell: the reading to take when the rows are one cell
    /// narrower than [`header`](Self::header). With words for the finding.
    pub(crate) narrower: Option<(Header, String)>,
}

/// What a row after a header row is.
#[derive(Debug)]
pub(crate) enum Second<'s> {
    /// Not a second header row.
    No,
    /// The second row of the header: the two merged.
    Merged(Box<Merged<'s>>),
    /// It reads as a second header row, but its sub-columns do not line up with the first
    /// row's cells (why, in words).
    Unmatched(String),
}

/// Read `second` as the second row of the header `header`, whose cells are `first`.
pub(crate) fn merge<'s>(header: &Header, first: &[Cell<'s>], second: &[Cell<'s>]) -> Second<'s> {
    let Some(groups) = sub_row(second) else {
        return match aligned(header, first, second) {
            Some(merged) => Second::Merged(Box::new(merged)),
            None => Second::No,
        };
    };
    let mut guesses = Vec::new();
    // Unknown sub-columns go with the known ones before them (after them, at the start).
    let mut resolved: Vec<Group> = Vec::with_capacity(groups.len());
    for (i, group) in groups.iter().enumerate() {
        let group = match group {
            Some(group) => *group,
            None => {
                let near = resolved
                    .last()
                    .copied()
                    .or_else(|| groups[i..].iter().flatten().next().copied());
                let Some(group) = near else {
                    return Second::No;
                };
                guesses.push(Guess::UnknownSub { sub: i, group });
                group
            }
        };
        resolved.push(group);
    }
    // Runs of sub-columns of one group, in order.
    let mut runs: Vec<(Group, Range<usize>)> = Vec::new();
    for (i, &group) in resolved.iter().enumerate() {
        match runs.last_mut() {
            Some((last, range)) if *last == group => range.end = i + 1,
            _ => {
                if runs.iter().any(|(g, _)| *g == group) {
                    return Second::Unmatched(format!(
                        "the sub-columns under {} are not side by side",
                        group.parent()
                    ));
                }
                runs.push((group, i..i + 1));
            }
        }
    }
    // Each run under the first-row cell that names its group, in order.
    let named: Vec<Option<Column>> = first
        .iter()
        .enumerate()
        .map(|(j, cell)| header.named(j, cell.text()))
        .collect();
    let parents: Vec<Option<(Group, bool)>> = first
        .iter()
        .zip(&named)
        .map(|(cell, named)| parent_group(cell.text(), *named))
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; runs.len()];
    let mut after = 0;
    for (r, (group, _)) in runs.iter().enumerate() {
        let found = (after..first.len()).find(|&j| parents[j].is_some_and(|(g, _)| g == *group));
        if let Some(j) = found {
            owner[r] = Some(j);
            after = j + 1;
            let cut_name = named[j].is_some() && column_of(first[j].text()).is_none();
            if cut_name || parents[j].is_some_and(|(_, cut)| cut) {
                guesses.push(Guess::CutParent {
                    cell: j,
                    group: *group,
                });
            }
        }
    }
    // A run whose group no cell names takes, by position, a first-row cell between the owners
    // of the runs around it that is not a known column of its own (a repeated or unknown one).
    for r in 0..runs.len() {
        if owner[r].is_some() {
            continue;
        }
        let from = owner[..r]
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or(0, |&j| j + 1);
        let to = owner[r + 1..]
            .iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(first.len());
        let free = (from..to).find(|&j| {
            let taken = owner.contains(&Some(j));
            let own_column = named[j].is_some() && parents[j].is_none();
            !taken && !own_column
        });
        let Some(j) = free else {
            let names: Vec<&str> = second[runs[r].1.clone()].iter().map(Cell::text).collect();
            return Second::Unmatched(format!(
                "no cell of the first row can span {}",
                names.join(" | ")
            ));
        };
        owner[r] = Some(j);
        guesses.push(Guess::ByPosition {
            cell: j,
            subs: runs[r].1.clone(),
            group: runs[r].0,
        });
    }
    let mut spans: Vec<(usize, Range<usize>)> = owner
        .iter()
        .zip(&runs)
        .filter_map(|(j, (_, range))| Some(((*j)?, range.clone())))
        .collect();
    spans.sort_by_key(|(j, _)| *j);
    let header = merged_header(&named, first, second, &spans, &runs, None);
    let narrower = spans
        .iter()
        .zip(&runs)
        .find(|(_, (group, _))| *group == Group::Matter)
        .and_then(|((j, subs), _)| {
            let before = j.checked_sub(1)?;
            let category_like = matches!(named[before], Some(Column::Kind | Column::Category));
            let spans_some = spans.iter().any(|(owner, _)| *owner == before);
            if subs.len() < 2 || !category_like || spans_some {
                return None;
            }
            let (narrower, _) = merged_header(&named, first, second, &spans, &runs, Some(*j));
            let levels: Vec<String> = second[subs.clone()]
                .iter()
                .map(|c| quote(c.text().trim()).into_owned())
                .collect();
            let words = format!(
                "the matter levels {} are read under {} and {}, the first level in the {} column",
                levels.join(" | "),
                quote(first[before].text().trim()),
                quote(first[*j].text().trim()),
                quote(first[before].text().trim()),
            );
            Some((narrower, words))
        });
    Second::Merged(Box::new(Merged {
        header: header.0,
        cells: header.1,
        spans,
        guesses,
        narrower,
    }))
}

/// Read `second` as a second header row aligned by position under the first, as a PDF's
/// table keeps it (济南's `对应的行政权力事项子项 | (blank)` over `名称 | 编码`): the row is no
/// wider than the first; a first-row cell of no known column followed by blank cells spans
/// them; the second row names every column of each such span, and holds nothing elsewhere;
/// its names are short (at most [`LONGEST_SUB_NAME`] characters) and no numbers. Each column
/// of a span is named `parent/child`; the header's columns are otherwise the first row's.
fn aligned<'s>(header: &Header, first: &[Cell<'s>], second: &[Cell<'s>]) -> Option<Merged<'s>> {
    let blank =
        |cells: &[Cell<'s>], i: usize| cells.get(i).is_none_or(|c| key(c.text()).is_empty());
    if second.len() > first.len() || header.slots.len() != first.len() {
        return None;
    }
    let mut spans: Vec<(usize, Range<usize>)> = Vec::new();
    let mut j = 0;
    while j < first.len() {
        let end = (j + 1..first.len())
            .find(|&i| !blank(first, i))
            .unwrap_or(first.len());
        if !blank(first, j) && end - j >= 2 && !blank(second, j) {
            spans.push((j, j..end));
        }
        j = end;
    }
    // The second row names every column of a span, those past its end included (it may be
    // narrower than the first).
    if spans
        .iter()
        .any(|(_, range)| range.clone().any(|i| blank(second, i)))
    {
        return None;
    }
    let in_span = |i: usize| spans.iter().any(|(_, range)| range.contains(&i));
    for (i, cell) in second.iter().enumerate() {
        let key = key(cell.text());
        if key.is_empty() {
            if in_span(i) {
                return None;
            }
            continue;
        }
        let short = key.chars().count() <= LONGEST_SUB_NAME;
        let numeric = key.starts_with(|c: char| c.is_ascii_digit());
        if !in_span(i) || !short || numeric {
            return None;
        }
    }
    let parent_known = spans
        .iter()
        .any(|&(j, _)| header.named(j, first[j].text()).is_some());
    if spans.is_empty() || parent_known {
        return None;
    }
    use crate::text::normalize::normalize;
    let mut merged = header.clone();
    let mut cells = first.to_vec();
    while merged.names.len() < first.len() {
        merged.names.push(String::new());
    }
    for (j, range) in &spans {
        let parent = normalize(first[*j].text());
        for i in range.clone() {
            merged.names[i] = format!("{parent}/{}", normalize(second[i].text()));
            cells[i] = second[i].clone();
        }
    }
    Some(Merged {
        header: merged,
        cells,
        spans,
        guesses: Vec::new(),
        narrower: None,
    })
}

/// The group each cell of a row names, when the row reads as the second row of a header: at
/// least two cells name sub-columns, more than half of them do, none is longer than a name,
/// starts with a digit or is blank between others (the row holds the sub-columns side by
/// side, not under their parents).
fn sub_row(cells: &[Cell<'_>]) -> Option<Vec<Option<Group>>> {
    let end = cells
        .iter()
        .rposition(|c| !c.text().trim().is_empty())
        .map_or(0, |i| i + 1);
    let mut groups = Vec::with_capacity(end);
    for cell in &cells[..end] {
        let key = key(cell.text());
        let short = key.chars().count() <= LONGEST_SUB_NAME;
        let numeric = key.starts_with(|c: char| c.is_ascii_digit());
        if key.is_empty() || !short || numeric {
            return None;
        }
        groups.push(sub_group(&key));
    }
    let known = groups.iter().flatten().count();
    (known >= 2 && known * 2 > groups.len()).then_some(groups)
}

/// The merged header and its cells: each spanning cell replaced by its sub-columns. With
/// `levels_before` (the first-row cell that spans the matter levels), the first level is read
/// in the cell before it instead (the category), named `cell/level`.
fn merged_header<'s>(
    named: &[Option<Column>],
    first: &[Cell<'s>],
    second: &[Cell<'s>],
    spans: &[(usize, Range<usize>)],
    runs: &[(Group, Range<usize>)],
    levels_before: Option<usize>,
) -> (Header, Vec<Cell<'s>>) {
    use crate::text::normalize::normalize;
    let mut known = Vec::new();
    let mut names = Vec::new();
    let mut cells = Vec::new();
    let mut cut = Vec::new();
    for (j, cell) in first.iter().enumerate() {
        let Some((_, subs)) = spans.iter().find(|(owner, _)| *owner == j) else {
            if let Some(column) = named[j].filter(|_| column_of(cell.text()).is_none()) {
                cut.push((known.len(), column));
            }
            let first_level = levels_before
                .filter(|&owner| owner == j + 1)
                .and_then(|owner| spans.iter().find(|(o, _)| *o == owner))
                .map(|(_, subs)| &second[subs.start]);
            match first_level {
                Some(level) => {
                    known.push(Some(Column::Category));
                    names.push(format!(
                        "{}/{}",
                        normalize(cell.text()),
                        normalize(level.text())
                    ));
                }
                None => {
                    known.push(named[j]);
                    names.push(normalize(cell.text()));
                }
            }
            cells.push(cell.clone());
            continue;
        };
        let group = runs
            .iter()
            .find(|(_, range)| range == subs)
            .map(|(g, _)| *g);
        let parent = normalize(cell.text());
        // The first level read in the cell before: this cell spans the others.
        let skip = usize::from(group == Some(Group::Matter) && levels_before == Some(j));
        for (k, i) in subs.clone().enumerate().skip(skip) {
            let sub = &second[i];
            let child = normalize(sub.text());
            let level = match group {
                Some(Group::Matter) if k + 1 == subs.len() => Some(Column::Name),
                Some(Group::Matter) if k == 0 => Some(Column::Category),
                _ => None,
            };
            known.push(level);
            names.push(format!("{parent}/{child}"));
            cells.push(sub.clone());
        }
    }
    let mut header = Header::from_columns(&known, names);
    header.cut = cut;
    (header, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&'static str]) -> Vec<Cell<'static>> {
        texts.iter().map(|t| Cell::borrowed(t, 1, "")).collect()
    }

    fn merged(first: &[&'static str], second: &[&'static str]) -> Merged<'static> {
        let header = Header::recognise(first).unwrap();
        match merge(&header, &cells(first), &cells(second)) {
            Second::Merged(m) => *m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_second_row_aligned_by_position_names_the_columns_of_its_spans() {
        let first = [
            "序号",
            "事项名称",
            "对应事项",
            "",
            "所需材料",
            "上级事项",
            "",
            "备注",
        ];
        let m = merged(&first, &["", "", "名称", "编码", "", "名称", "编码", ""]);
        assert_eq!(
            m.header.names,
            [
                "序号",
                "事项名称",
                "对应事项/名称",
                "对应事项/编码",
                "所需材料",
                "上级事项/名称",
                "上级事项/编码",
                "备注"
            ]
        );
        assert_eq!(m.spans, [(2, 2..4), (5, 5..7)]);
        assert_eq!(m.header.index_of(Column::Materials), Some(4));
        let header = Header::recognise(&first).unwrap();
        for second in [
            // A data row: text outside the spans.
            &["1", "甲", "乙", "丙", "无", "", "", ""][..],
            // A span not named in full.
            &["", "", "名称", "", "", "名称", "编码", ""],
            // Numbers.
            &["", "", "1", "2", "", "3", "4", ""],
            // Wider than the header.
            &["", "", "名称", "编码", "", "名称", "编码", "", "x"],
            // Narrower than a span: its last column has no cell (found by fuzzing; indexing
            // the missing cell panicked).
            &["", "", "名称"],
        ] {
            assert!(
                matches!(merge(&header, &cells(&first), &cells(second)), Second::No),
                "{second:?}"
            );
        }
        // A spanning cell that names a known column is not read so.
        let known = ["序号", "事项名称", "办理时限", "", "所需材料", "备注"];
        let header = Header::recognise(&known).unwrap();
        let second = ["", "", "法定", "承诺", "", ""];
        assert!(matches!(
            merge(&header, &cells(&known), &cells(&second)),
            Second::No
        ));
    }

    #[test]
    fn the_spanning_cells_are_found_by_the_names_of_their_sub_columns() {
        let m = merged(
            &[
                "序号",
                "公开事项",
                "公开内容",
                "公开依据",
                "公开对象",
                "公开方式",
            ],
            &[
                "一级事项",
                "二级事项",
                "全社会",
                "特定群体",
                "主动",
                "依申请",
            ],
        );
        assert_eq!(
            m.header.names,
            [
                "序号",
                "公开事项/一级事项",
                "公开事项/二级事项",
                "公开内容",
                "公开依据",
                "公开对象/全社会",
                "公开对象/特定群体",
                "公开方式/主动",
                "公开方式/依申请"
            ]
        );
        assert_eq!(m.header.index_of(Column::Category), Some(1));
        assert_eq!(m.header.index_of(Column::Name), Some(2));
        assert_eq!(m.header.index_of(Column::LegalBasis), Some(4));
        assert!(m.guesses.is_empty());
    }

    #[test]
    fn rows_that_are_not_sub_headers() {
        let names = ["序号", "公开事项", "公开内容", "公开依据", "公开时限"];
        let header = Header::recognise(&names).unwrap();
        let first = cells(&names);
        for second in [
            &["1", "政策", "法规", "《条例》"][..],
            &["一级事项", "", "二级事项"],
            &["一级事项", "甲乙丙丁戊己庚辛壬"],
            &["一级事项", "名称", "编码"],
        ] {
            let read = merge(&header, &first, &cells(second));
            assert!(matches!(read, Second::No), "{second:?}");
        }
    }
}
