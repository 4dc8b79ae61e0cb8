//! Rows to categories and matters: the merged 主项 cell, categories split or truncated by a
//! page break, and rows continued on the next page.

use crate::cell::Cell;
use crate::diagnostic::{quote, Code, Diagnostics, Position, QUOTE_LIMIT};
use crate::text::markers;
use crate::text::normalize::trim;
use crate::text::search::overlap;

use super::continuation;
use super::header::Column;

/// A category as read from the table, before its cells are parsed.
#[derive(Debug)]
pub(crate) struct CategoryDraft<'s> {
    /// Every 主项 cell that made the category, in order.
    pub(crate) pieces: Vec<Cell<'s>>,
    /// The pieces joined (numeral included).
    pub(crate) text: String,
    pub(crate) code: Option<Cell<'s>>,
    pub(crate) lines: (usize, usize),
    pub(crate) matters: Vec<MatterDraft<'s>>,
}

impl CategoryDraft<'_> {
    /// The numeral and the name of the joined text.
    pub(crate) fn ordinal_and_name(&self) -> (Option<u32>, &str) {
        let (marker, rest) = markers::strip(&self.text);
        (marker.map(|m| m.number), rest)
    }

    /// Where the category's first piece is.
    pub(crate) fn start(&self) -> Position {
        self.pieces
            .first()
            .map_or(Position::new(self.lines.0, 1), Cell::start)
    }
}

/// The cells of a row under the known columns the header has, at most one a column. Only the
/// columns present take room: a row holds a handful of the columns the model knows, and a
/// list holds a draft of every matter of a category until the category ends (a long list of
/// tiny rows: a million drafts). A cell is found through `at`, by [`Column::index`].
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnCells<'s> {
    /// For each column, 1 + the index of its cell in `cells`, or 0 when it has none.
    at: [u8; Column::COUNT],
    cells: Vec<(Column, Cell<'s>)>,
}

// `ColumnCells::at` holds an index into a list of at most `Column::COUNT` cells in a `u8`.
const _: () = assert!(Column::COUNT < 256);

impl<'s> ColumnCells<'s> {
    /// No cells yet, with room for `capacity`.
    pub(crate) fn with_capacity(capacity: usize) -> ColumnCells<'s> {
        ColumnCells {
            at: [0; Column::COUNT],
            cells: Vec::with_capacity(capacity),
        }
    }

    /// No cells yet, in the room of `spare`, a list of a draft done with (see
    /// [`Merger::cells`]).
    fn in_room(mut spare: Vec<(Column, Cell<'s>)>) -> ColumnCells<'s> {
        spare.clear();
        ColumnCells {
            at: [0; Column::COUNT],
            cells: spare,
        }
    }

    /// The list that held the cells, emptied, with its room.
    fn into_room(self) -> Vec<(Column, Cell<'s>)> {
        let mut cells = self.cells;
        cells.clear();
        cells
    }

    /// The index of `column`'s cell in `cells`.
    fn index(&self, column: Column) -> Option<usize> {
        usize::from(self.at[column.index()]).checked_sub(1)
    }

    pub(crate) fn get(&self, column: Column) -> Option<&Cell<'s>> {
        self.index(column).map(|i| &self.cells[i].1)
    }

    fn get_mut(&mut self, column: Column) -> Option<&mut Cell<'s>> {
        self.index(column).map(|i| &mut self.cells[i].1)
    }

    /// Put `cell` under `column`, in place of any cell there; `None` leaves the column empty.
    pub(crate) fn put(&mut self, column: Column, cell: Option<Cell<'s>>) {
        match (self.get_mut(column), cell) {
            (Some(slot), Some(cell)) => *slot = cell,
            (None, Some(cell)) => {
                self.cells.push((column, cell));
                // At most `Column::COUNT` cells, fewer than 256 (checked below): it fits.
                self.at[column.index()] = self.cells.len() as u8;
            }
            (_, None) => drop(self.take(column)),
        }
    }

    fn take(&mut self, column: Column) -> Option<Cell<'s>> {
        let i = self.index(column)?;
        self.at[column.index()] = 0;
        let (_, cell) = self.cells.swap_remove(i);
        if let Some((moved, _)) = self.cells.get(i) {
            self.at[moved.index()] = i as u8 + 1;
        }
        Some(cell)
    }

    /// Whether any cell other than the one of `column` holds text.
    fn any_beside(&self, column: Column) -> bool {
        self.cells
            .iter()
            .any(|(c, cell)| *c != column && !cell.is_blank())
    }

    /// The cells with their columns, in column order.
    fn into_ordered(self) -> impl Iterator<Item = (Column, Cell<'s>)> {
        let mut cells: Vec<Option<(Column, Cell<'s>)>> = self.cells.into_iter().map(Some).collect();
        let order = self
            .at
            .into_iter()
            .filter_map(|at| usize::from(at).checked_sub(1));
        order.filter_map(move |i| cells[i].take())
    }
}

/// A matter row (with any rows that continue it), before its cells are parsed.
#[derive(Debug)]
pub(crate) struct MatterDraft<'s> {
    pub(crate) line: usize,
    /// One cell per known column; `None` when the header has no such column.
    pub(crate) cells: ColumnCells<'s>,
    /// Cells of unknown columns, keyed by header name.
    pub(crate) extra: Vec<(String, Cell<'s>)>,
}

impl<'s> MatterDraft<'s> {
    pub(crate) fn cell(&self, column: Column) -> Option<&Cell<'s>> {
        self.cells.get(column)
    }

    /// The text of a known column's cell, or `""`.
    pub(crate) fn text(&self, column: Column) -> &str {
        self.cell(column).map_or("", Cell::text)
    }

    /// Where a column's cell is, or the start of the row when the header has no such column.
    pub(crate) fn position(&self, column: Column) -> Position {
        self.cell(column)
            .map_or(Position::new(self.line, 1), Cell::start)
    }
}

/// One data row, split into cells and mapped to columns by the header.
pub(crate) struct DataRow<'s> {
    pub(crate) line: usize,
    pub(crate) cells: ColumnCells<'s>,
    pub(crate) extra: Vec<(String, Cell<'s>)>,
}

impl<'s> DataRow<'s> {
    fn take(&mut self, column: Column) -> Option<Cell<'s>> {
        self.cells.take(column)
    }

    fn is_blank(&self, column: Column) -> bool {
        self.cells.get(column).is_none_or(Cell::is_blank)
    }

    /// Whether any cell other than 主项 holds text.
    fn has_matter_text(&self) -> bool {
        self.cells.any_beside(Column::Category) || self.extra.iter().any(|(_, c)| !c.is_blank())
    }
}

/// Folds data rows into categories and matters.
#[derive(Debug, Default)]
pub(crate) struct Merger<'s> {
    /// The category rows go into; `None` before the first one.
    open: Option<CategoryDraft<'s>>,
    /// Categories complete since they were last taken: a category is complete once a 主项
    /// cell starts another.
    closed: std::collections::VecDeque<CategoryDraft<'s>>,
    /// Whether a category was ever opened.
    opened: bool,
    /// No non-empty 主项 seen since the last page break.
    page_start: bool,
    /// An empty list of matters with room, given back by [`Merger::recycle`]: the next
    /// category fills it instead of growing a new one (a matter draft is large, and growing
    /// a list of them copies and reallocates each time).
    spare: Vec<MatterDraft<'s>>,
    /// Emptied lists of cells with room, taken from the drafts given back: each row's cells
    /// go into one ([`Merger::cells`]), so that rows after the first category allocate
    /// nothing for their cells. Never more than the drafts of one category.
    spare_cells: Vec<Vec<(Column, Cell<'s>)>>,
    /// The first header has no 主项 column: the rows of a list without 事项类型 column go into
    /// one category without a name, and that was reported with the header.
    inferred: bool,
}

impl<'s> Merger<'s> {
    /// A page break (a repeated header or title, or blank lines) before the next row.
    pub(crate) fn page_break(&mut self) {
        if self.open.is_some() {
            self.page_start = true;
        }
    }

    /// The list's first header has no 主项 column (see [`Merger::row`]).
    pub(crate) fn infer_categories(&mut self) {
        self.inferred = true;
    }

    /// Whether a category was ever opened.
    pub(crate) fn has_categories(&self) -> bool {
        self.opened
    }

    /// The first complete category not yet taken.
    pub(crate) fn take_closed(&mut self) -> Option<CategoryDraft<'s>> {
        self.closed.pop_front()
    }

    /// The open category, complete at the end of the table.
    pub(crate) fn finish(&mut self) -> Option<CategoryDraft<'s>> {
        self.open.take()
    }

    /// Keep the list of matters of a category that is done with, emptied, for the next one.
    pub(crate) fn recycle(&mut self, mut matters: Vec<MatterDraft<'s>>) {
        self.spare_cells
            .extend(matters.drain(..).map(|draft| draft.cells.into_room()));
        if matters.capacity() > self.spare.capacity() {
            self.spare = matters;
        }
    }

    /// An empty row of cells with room for `capacity`: a list given back with a draft when
    /// there is one.
    pub(crate) fn cells(&mut self, capacity: usize) -> ColumnCells<'s> {
        match self.spare_cells.pop() {
            Some(spare) => ColumnCells::in_room(spare),
            None => ColumnCells::with_capacity(capacity),
        }
    }

    /// Open `category` (its matters go into the spare list, if there is one); the open one is
    /// complete.
    fn open(&mut self, mut category: CategoryDraft<'s>) {
        if category.matters.capacity() == 0 {
            category.matters = std::mem::take(&mut self.spare);
        }
        self.opened = true;
        if let Some(complete) = self.open.replace(category) {
            self.closed.push_back(complete);
        }
    }

    pub(crate) fn row(&mut self, mut row: DataRow<'s>, diagnostics: &mut Diagnostics) {
        let line = row.line;
        // A list without 主项 column (a flat 序号 + 事项名称 list) has its categories named by
        // its 事项类型 column, which the matter keeps too; without one, all its matters are in
        // one category without a name. Its header reported `category_inferred`.
        let flat = row.cells.get(Column::Category).is_none();
        let by_kind = flat && row.cells.get(Column::Kind).is_some();
        let category_cell = if by_kind {
            row.cells.get(Column::Kind).cloned()
        } else {
            row.take(Column::Category)
        }
        .filter(|c| !c.is_blank());
        let has_text = row.has_matter_text();
        // Without 子项序号 and 子项 columns, nothing tells a continuation: each row is a matter.
        let unnamed_list =
            row.cells.get(Column::Seq).is_none() && row.cells.get(Column::Name).is_none();
        let has_matter =
            !row.is_blank(Column::Seq) || !row.is_blank(Column::Name) || (unnamed_list && has_text);
        match category_cell {
            Some(cell) => {
                let at_page_start = std::mem::take(&mut self.page_start);
                self.category_cell(cell, at_page_start, diagnostics);
            }
            None if self.open.is_none() && has_text => {
                if !(self.inferred && flat && !by_kind) {
                    diagnostics.push(
                        Code::MatterWithoutCategory,
                        Position::new(line, 1),
                        format!("the row at line {line} comes before any 主项; it is put in a category without a name"),
                    );
                }
                self.open(CategoryDraft {
                    pieces: Vec::new(),
                    text: String::new(),
                    code: None,
                    lines: (line, line),
                    matters: Vec::new(),
                });
            }
            None => {}
        }
        let Some(category) = self.open.as_mut() else {
            return;
        };
        category.lines.1 = line;
        if let Some(code) = row.take(Column::CategoryCode).filter(|c| !c.is_blank()) {
            match &category.code {
                None => category.code = Some(code),
                Some(open) if trim(open.text()) == trim(code.text()) => {}
                Some(open) => {
                    diagnostics.push(
                        Code::CategoryCodeConflict,
                        code.start(),
                        format!(
                            "主项编码 “{}” at line {line} differs from “{}” of the category open since line {}; it is kept under `extra`",
                            quote(code.text().trim()),
                            quote(open.text().trim()),
                            category.lines.0
                        ),
                    );
                    row.extra
                        .push((Column::CategoryCode.name().to_owned(), code));
                }
            }
        }
        if has_matter {
            category.matters.push(MatterDraft {
                line,
                cells: row.cells,
                extra: row.extra,
            });
        } else if has_text {
            match category.matters.last_mut() {
                Some(matter) => {
                    diagnostics.push(
                        Code::RowContinued,
                        Position::new(line, 1),
                        format!(
                            "the row at line {line} has no 子项序号 or 子项; its cells are appended to the matter at line {}",
                            matter.line
                        ),
                    );
                    continue_matter(matter, row, diagnostics);
                }
                None => {
                    diagnostics.push(
                        Code::OrphanRow,
                        Position::new(line, 1),
                        format!("the row at line {line} has no 子项序号 or 子项 and no matter before it to continue; it is kept as a matter without a name"),
                    );
                    category.matters.push(MatterDraft {
                        line,
                        cells: row.cells,
                        extra: row.extra,
                    });
                }
            }
        }
    }

    /// A non-empty 主项 cell: the open category goes on, or a new one starts.
    ///
    /// The decisions, each but the first reported with its own code:
    ///
    /// - the same text as the open category on a following row (a merged cell the converter
    ///   wrote on every row): the category goes on, nothing to report;
    /// - at the top of a page, the open category's text or its beginning: a repeat
    ///   (`category_repeated`);
    /// - at the top of a page, a text that starts with the open category's, or (unnumbered,
    ///   after a numbered one) overlaps its end: a category truncated or split by the page
    ///   break, joined without the overlap (`category_joined`);
    /// - at the top of a page, an unnumbered text that shares nothing with the open numbered
    ///   category: the rest of its name, appended whole (`category_fragment`);
    /// - anything else starts a new category.
    fn category_cell(
        &mut self,
        cell: Cell<'s>,
        at_page_start: bool,
        diagnostics: &mut Diagnostics,
    ) {
        let text = trim(cell.text());
        if let Some(open) = self.open.as_mut().filter(|c| !c.pieces.is_empty()) {
            let numbered = |t: &str| markers::strip(t).0.is_some();
            if text == open.text {
                if at_page_start {
                    report_repeat(open, &cell, text, true, diagnostics);
                }
                open.pieces.push(cell);
                return;
            }
            if at_page_start && open.text.starts_with(text) {
                report_repeat(open, &cell, text, false, diagnostics);
                open.pieces.push(cell);
                return;
            }
            let completes = at_page_start && text.starts_with(open.text.as_str());
            let carries_on = at_page_start && !numbered(text) && numbered(&open.text);
            if completes || carries_on {
                let before = quote(&open.text).into_owned();
                let overlap = overlap(&open.text, text);
                // Appended in place: a category split over many pages is never copied whole.
                open.text.push_str(&text[overlap..]);
                let at = cell.start();
                if overlap > 0 {
                    diagnostics.push(
                        Code::CategoryJoined,
                        at,
                        format!(
                            "主项 “{before}” split by a page break is joined with “{}” at line {} into “{}”",
                            quote(text),
                            at.line,
                            quote(&open.text)
                        ),
                    );
                } else {
                    diagnostics.push(
                        Code::CategoryFragment,
                        at,
                        format!(
                            "主项 “{}” at line {} has no numeral and opens a page after the numbered “{before}”; it is read as the rest of that name, joined into “{}”",
                            quote(text),
                            at.line,
                            quote(&open.text)
                        ),
                    );
                }
                open.pieces.push(cell);
                return;
            }
        }
        let line = cell.start().line;
        self.open(CategoryDraft {
            text: text.to_owned(),
            pieces: vec![cell],
            code: None,
            lines: (line, line),
            matters: Vec::new(),
        });
    }
}

/// A `category_repeated` finding: `text` at `cell` repeats the open category, `whole` or
/// its beginning.
fn report_repeat(
    open: &CategoryDraft<'_>,
    cell: &Cell<'_>,
    text: &str,
    whole: bool,
    diagnostics: &mut Diagnostics,
) {
    let at = cell.start();
    let (repeats, what) = if whole {
        ("repeats", String::new())
    } else {
        (
            "repeats the beginning of",
            format!(" “{}”", quote(&open.text)),
        )
    };
    diagnostics.push(
        Code::CategoryRepeated,
        at,
        format!(
            "主项 “{}” at line {} {repeats} the category{what} open since line {}; its rows continue that category",
            quote(text),
            at.line,
            open.lines.0
        ),
    );
}

/// Append a continuation row's cells to the matter it continues, each joined as
/// [`continuation::join`] decides, and the decision reported (`cell_continued`).
fn continue_matter<'s>(
    matter: &mut MatterDraft<'s>,
    row: DataRow<'s>,
    diagnostics: &mut Diagnostics,
) {
    let matter_line = matter.line;
    for (column, cell) in row.cells.into_ordered() {
        match matter.cells.get_mut(column) {
            Some(existing) => append_piece(existing, cell, column.name(), matter_line, diagnostics),
            None => matter.cells.put(column, Some(cell)),
        }
    }
    // The first extra cell of each name, found through an index so that a row continuing
    // thousands of extra columns stays linear.
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, (name, _)) in matter.extra.iter().enumerate() {
        first_of.entry(name.clone()).or_insert(i);
    }
    for (name, cell) in row.extra {
        match first_of.get(&name) {
            Some(&i) => {
                let (column, existing) = &mut matter.extra[i];
                append_piece(existing, cell, column, matter_line, diagnostics);
            }
            None => {
                first_of.insert(name.clone(), matter.extra.len());
                matter.extra.push((name, cell));
            }
        }
    }
}

/// Append `piece`, a cell of a continuation row, to `existing`, the cell of the column `name`
/// of the matter at `matter_line`, with the separator [`continuation::join`] chooses; the
/// choice is reported when both hold text.
fn append_piece<'s>(
    existing: &mut Cell<'s>,
    piece: Cell<'s>,
    name: &str,
    matter_line: usize,
    diagnostics: &mut Diagnostics,
) {
    let (line, before) = piece.origin();
    if existing.is_blank() || piece.is_blank() {
        existing.append(piece.text(), line, before);
        return;
    }
    let join = continuation::join(existing.text(), piece.text());
    diagnostics.push(
        Code::CellContinued,
        piece.start(),
        format!(
            "the {} cell at line {line} is appended to the matter at line {matter_line} {}: “{}” after “{}”",
            // An extra column's name is a header cell: quoted, however long it is.
            quote(name),
            join.describe(),
            quote(trim(piece.text())),
            quote_end(trim(existing.text())),
        ),
    );
    existing.append_after(join.separator(), piece.text(), line, before);
}

/// The end of `text` as a message quotes it: its last [`QUOTE_LIMIT`] characters, after `…`
/// when there is more before them.
fn quote_end(text: &str) -> String {
    match text.char_indices().rev().nth(QUOTE_LIMIT - 1) {
        Some((at, _)) if at > 0 => format!("…{}", quote(&text[at..])),
        _ => quote(text).into_owned(),
    }
}

/// `a` then `b`, without the longest end of `a` that `b` starts with
/// (`十、医药机` + `机构申请` → `十、医药机构申请`; `一、基本医` + `一、基本医疗` → `一、基本医疗`).
#[cfg(test)]
pub(crate) fn join_overlapping(a: &str, b: &str) -> String {
    format!("{a}{}", &b[overlap(a, b)..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_remove_the_longest_overlap() {
        assert_eq!(
            join_overlapping("十、医药机", "机构申请定点协议管理"),
            "十、医药机构申请定点协议管理"
        );
        assert_eq!(
            join_overlapping("一、基本医", "一、基本医疗保险关系转移接续"),
            "一、基本医疗保险关系转移接续"
        );
        assert_eq!(join_overlapping("一、甲乙", "丙丁"), "一、甲乙丙丁");
        assert_eq!(join_overlapping("甲乙甲", "乙甲乙"), "甲乙甲乙");
        assert_eq!(join_overlapping("", "甲"), "甲");
        assert_eq!(join_overlapping("甲", ""), "甲");
        // Longer than the 32 characters once looked for.
        let long = "医疗保障".repeat(20);
        assert_eq!(
            join_overlapping(&format!("一、{long}"), &format!("{long}申请")),
            format!("一、{long}申请")
        );
    }

    #[test]
    fn columns_are_listed_in_index_order() {
        for (i, column) in Column::ALL.iter().enumerate() {
            assert_eq!(column.index(), i);
        }
    }
}
