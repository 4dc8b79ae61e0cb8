//! The header row: recognised by its content, columns found by name (with the usual synonyms),
//! in any order, with any extra columns.
//!
//! The whole vocabulary is the one table [`NAMES`]: a header cell names a column when, once
//! made comparable ([`key_chars`]: no white space or line breaks, no `*` marking a required
//! column), it is one of the names there, alone or before a bracketed qualifier
//! (`办理时限（工作日）`). Adding a synonym, or a column, is one line of that table (and, for a
//! new column, a variant of [`Column`] and its place in the model).

use crate::text::normalize::{is_space_or_invisible, normalize};
use crate::text::variants::simplified_char;

/// A column the model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Column {
    Category,
    CategoryCode,
    Seq,
    /// 序号: the running number of the list. It is the matter's 子项序号 when the header has
    /// no 子项序号 column (a flat list), and stays under `extra` when it has one.
    RowNumber,
    Name,
    MatterCode,
    Materials,
    Deadline,
    /// 法定办结时限: clauses without a basis of their own are statutory.
    StatutoryDeadline,
    /// 承诺办结时限: clauses without a basis of their own are committed.
    CommittedDeadline,
    /// 承诺办结时限说明, kept as written.
    CommittedDeadlineNote,
    Steps,
    Channels,
    Notes,
    LegalBasis,
    Place,
    /// 是否收费.
    Charged,
    FeeStandard,
    InquiryPhone,
    SupervisionPhone,
    Target,
    Authority,
    /// 事项类型: in a list without 主项 column, what the categories are named after.
    Kind,
    Level,
}

impl Column {
    /// How many columns the model knows.
    pub(crate) const COUNT: usize = 24;

    /// Every column, in the order of [`Column::index`] (the tests walk it).
    #[cfg(test)]
    pub(crate) const ALL: [Column; Column::COUNT] = [
        Column::Category,
        Column::CategoryCode,
        Column::Seq,
        Column::RowNumber,
        Column::Name,
        Column::MatterCode,
        Column::Materials,
        Column::Deadline,
        Column::StatutoryDeadline,
        Column::CommittedDeadline,
        Column::CommittedDeadlineNote,
        Column::Steps,
        Column::Channels,
        Column::Notes,
        Column::LegalBasis,
        Column::Place,
        Column::Charged,
        Column::FeeStandard,
        Column::InquiryPhone,
        Column::SupervisionPhone,
        Column::Target,
        Column::Authority,
        Column::Kind,
        Column::Level,
    ];

    /// The column's index in a `[_; Column::COUNT]` array.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The name the contract uses for the column.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Column::Category => "主项",
            Column::CategoryCode => "主项编码",
            Column::Seq => "子项序号",
            Column::RowNumber => "序号",
            Column::Name => "子项",
            Column::MatterCode => "子项编码",
            Column::Materials => "办理材料",
            Column::Deadline => "办理时限",
            Column::StatutoryDeadline => "法定办结时限",
            Column::CommittedDeadline => "承诺办结时限",
            Column::CommittedDeadlineNote => "承诺办结时限说明",
            Column::Steps => "办理环节",
            Column::Channels => "办理方式",
            Column::Notes => "备注",
            Column::LegalBasis => "设定依据",
            Column::Place => "办理地点",
            Column::Charged => "是否收费",
            Column::FeeStandard => "收费标准",
            Column::InquiryPhone => "咨询电话",
            Column::SupervisionPhone => "监督电话",
            Column::Target => "办理对象",
            Column::Authority => "实施主体",
            Column::Kind => "事项类型",
            Column::Level => "行使层级",
        }
    }
}

/// The header vocabulary: every name and synonym of every known column, one per line,
/// compared with a cell's [`key_chars`]. At most one name may match a key, so the order does
/// not matter; every name starts with a CJK character (a test checks both).
pub(crate) const NAMES: &[(&str, Column)] = &[
    // 主项 and its code
    ("主项", Column::Category),
    ("主项名称", Column::Category),
    ("主项事项", Column::Category),
    ("事项类别", Column::Category),
    ("一级事项", Column::Category),
    ("主项编码", Column::CategoryCode),
    ("主项代码", Column::CategoryCode),
    // numbers
    ("子项序号", Column::Seq),
    ("子项编号", Column::Seq),
    ("序号", Column::RowNumber),
    // the matter's name: the column every header must name
    ("子项", Column::Name),
    ("子项名称", Column::Name),
    ("事项名称", Column::Name),
    ("子项事项", Column::Name),
    ("二级事项", Column::Name),
    ("服务事项", Column::Name),
    ("办理项目", Column::Name),
    ("执法事项名称", Column::Name),
    ("办理项名称", Column::Name),
    // the matter's code
    ("子项编码", Column::MatterCode),
    ("子项代码", Column::MatterCode),
    ("事项编码", Column::MatterCode),
    ("实施编码", Column::MatterCode),
    ("事项代码", Column::MatterCode),
    // materials
    ("办理材料", Column::Materials),
    ("申请材料", Column::Materials),
    ("所需材料", Column::Materials),
    ("申报材料", Column::Materials),
    ("提交材料", Column::Materials),
    ("办事材料", Column::Materials),
    ("办理材料明细", Column::Materials),
    ("申办材料", Column::Materials),
    ("受理材料", Column::Materials),
    ("办理要件", Column::Materials),
    ("申请材料名称、来源、数量及介质要求", Column::Materials),
    ("申请办理材料", Column::Materials),
    ("申请材料及数量", Column::Materials),
    // deadlines
    ("办理时限", Column::Deadline),
    ("办结时限", Column::Deadline),
    ("办理期限", Column::Deadline),
    ("办理时间", Column::Deadline),
    ("时限", Column::Deadline),
    ("法定办结时限", Column::StatutoryDeadline),
    ("法定时限", Column::StatutoryDeadline),
    ("法定期限", Column::StatutoryDeadline),
    ("承诺办结时限", Column::CommittedDeadline),
    ("承诺时限", Column::CommittedDeadline),
    ("承诺期限", Column::CommittedDeadline),
    ("承诺完成时限", Column::CommittedDeadline),
    ("承诺办结时限说明", Column::CommittedDeadlineNote),
    ("承诺时限说明", Column::CommittedDeadlineNote),
    // steps and channels
    ("办理环节", Column::Steps),
    ("办理流程", Column::Steps),
    ("办事流程", Column::Steps),
    ("流程", Column::Steps),
    ("环节", Column::Steps),
    ("办理方式", Column::Channels),
    ("办理形式", Column::Channels),
    ("办理渠道", Column::Channels),
    ("服务方式", Column::Channels),
    // notes
    ("备注", Column::Notes),
    ("说明", Column::Notes),
    ("注意事项", Column::Notes),
    ("温馨提示", Column::Notes),
    ("特别说明", Column::Notes),
    // legal basis
    ("设定依据", Column::LegalBasis),
    ("法律依据", Column::LegalBasis),
    ("政策依据", Column::LegalBasis),
    ("实施依据", Column::LegalBasis),
    ("设立依据", Column::LegalBasis),
    ("办理依据", Column::LegalBasis),
    ("设定和实施依据", Column::LegalBasis),
    ("设定依据及条款", Column::LegalBasis),
    ("执法依据", Column::LegalBasis),
    ("依据", Column::LegalBasis),
    // where, what it costs, whom to call
    ("办理地点", Column::Place),
    ("办理地址", Column::Place),
    ("受理地点", Column::Place),
    ("是否收费", Column::Charged),
    ("收费标准", Column::FeeStandard),
    ("收费依据及标准", Column::FeeStandard),
    ("咨询电话", Column::InquiryPhone),
    ("咨询方式", Column::InquiryPhone),
    ("监督电话", Column::SupervisionPhone),
    ("投诉电话", Column::SupervisionPhone),
    ("监督投诉电话", Column::SupervisionPhone),
    ("监督投诉方式", Column::SupervisionPhone),
    // who and what kind
    ("办理对象", Column::Target),
    ("服务对象", Column::Target),
    ("实施主体", Column::Authority),
    ("实施机关", Column::Authority),
    ("执法主体", Column::Authority),
    ("事项类型", Column::Kind),
    ("类型", Column::Kind),
    ("执法类别", Column::Kind),
    ("行使层级", Column::Level),
    // the 政务公开标准目录 (disclosure catalogue) wordings; 公开事项 is the matter, or spans
    // its levels (一级事项, 二级事项) in a two-row header (see `subheader.rs`)
    ("公开事项", Column::Name),
    ("公开依据", Column::LegalBasis),
    // not 公开时限: the time limit for publishing the information, not for handling the
    // matter; it stays in `extra`, where it cannot be mistaken for a 办理时限
    ("公开主体", Column::Authority),
    ("公开对象", Column::Target),
];

/// Whether a header cell's character says nothing about the name: white space (line breaks
/// inside the cell included), an invisible character, or the `*` (`＊`, `※`) that marks a
/// required column.
fn is_header_noise(c: char) -> bool {
    is_space_or_invisible(c) || matches!(c, '*' | '＊' | '※')
}

/// The characters of a header cell that name it: without [`is_header_noise`] characters, and
/// without the line breaks an extraction writes out as `\n` or `\r`; traditional characters
/// read as simplified ([`simplified_char`]: `執法事項名稱` is 执法事项名称).
#[derive(Clone)]
struct KeyChars<'a> {
    rest: std::str::Chars<'a>,
}

impl Iterator for KeyChars<'_> {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        loop {
            let c = self.rest.next()?;
            if is_header_noise(c) {
                continue;
            }
            if c == '\\' {
                let mut after = self.rest.clone();
                if matches!(after.next(), Some('n' | 'r')) {
                    self.rest = after;
                    continue;
                }
            }
            return Some(simplified_char(c));
        }
    }
}

/// A header cell made comparable: the [`KeyChars`] of the cell.
fn key_chars(cell: &str) -> KeyChars<'_> {
    KeyChars { rest: cell.chars() }
}

/// A header cell's [`key_chars`], collected: what a name is compared with.
pub(crate) fn key(cell: &str) -> String {
    key_chars(cell).collect()
}

/// The column a header cell names, if the model knows it. A bracketed qualifier after the name
/// is allowed (`办理时限（工作日）`, `申请材料【必填】`).
///
/// Every data cell of a list is tried here, and most differ from every name at once, so the
/// cell's [`key_chars`] are read one at a time, each once, and never collected: they walk the
/// [`NameTrie`] from its root, until the key ends (or reaches a bracket) where a name ends, or
/// no name goes on with the character read.
pub(crate) fn column_of(cell: &str) -> Option<Column> {
    let mut key = key_chars(cell);
    let first = key.next()?;
    if first.is_ascii() || !may_start_name(first) {
        return None;
    }
    let trie = NameTrie::get();
    let mut node = trie.child(NameTrie::ROOT, first)?;
    loop {
        let next = key.next();
        if let Some(column) = trie.nodes[node].column {
            if next.is_none_or(is_qualifier_bracket) {
                return Some(column);
            }
        }
        node = trie.child(node, next?)?;
    }
}

/// The characters that open a qualifier after a column name (`办理时限（工作日）`).
fn is_qualifier_bracket(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '[' | '〔')
}

/// The [`NAMES`] as a trie of their characters: a node for each prefix of a name, with the
/// column of the name that ends there (of two names alike, the first column in [`Column`]'s
/// order).
struct NameTrie {
    nodes: Vec<TrieNode>,
}

/// A node of the [`NameTrie`]: a prefix of the names.
#[derive(Default)]
struct TrieNode {
    /// The characters that go on from the prefix, in order, with their nodes.
    children: Vec<(char, usize)>,
    /// The column of the name that is the prefix, if one is.
    column: Option<Column>,
}

impl NameTrie {
    /// The node of the empty prefix.
    const ROOT: usize = 0;

    /// The trie of the [`NAMES`], built once.
    fn get() -> &'static NameTrie {
        static TRIE: std::sync::OnceLock<NameTrie> = std::sync::OnceLock::new();
        TRIE.get_or_init(|| {
            let mut trie = NameTrie {
                nodes: vec![TrieNode::default()],
            };
            for &(name, column) in NAMES {
                let mut node = NameTrie::ROOT;
                for c in name.chars() {
                    node = match trie.child(node, c) {
                        Some(child) => child,
                        None => trie.add_child(node, c),
                    };
                }
                let end = &mut trie.nodes[node].column;
                *end = Some(end.map_or(column, |other| other.min(column)));
            }
            trie
        })
    }

    /// The node that goes on from `node` with `c`, if any.
    fn child(&self, node: usize, c: char) -> Option<usize> {
        let children = &self.nodes[node].children;
        let i = children
            .binary_search_by_key(&c, |&(child, _)| child)
            .ok()?;
        Some(children[i].1)
    }

    /// Add a node that goes on from `node` with `c`, which none does yet.
    fn add_child(&mut self, node: usize, c: char) -> usize {
        let child = self.nodes.len();
        self.nodes.push(TrieNode::default());
        let children = &mut self.nodes[node].children;
        let at = children.partition_point(|&(other, _)| other < c);
        children.insert(at, (c, child));
        child
    }
}

/// One bit for each first character of the [`NAMES`] (the character's value modulo 256): a
/// cell whose key starts with a character whose bit is clear names no column, and most data
/// cells are ruled out by this one test. Every name starts with a three-byte character.
const NAME_START_BITS: [u64; 4] = {
    let mut bits = [0; 4];
    let mut i = 0;
    while i < NAMES.len() {
        let c = match crate::text::scan::first_char(NAMES[i].0) {
            Some(c) => c as u32,
            None => 0,
        };
        let h = c % 256;
        bits[(h / 64) as usize] |= 1 << (h % 64);
        i += 1;
    }
    bits
};

/// Whether the bit of [`NAME_START_BITS`] that stands for `c` is set: `c` may start a name.
fn may_start_name(c: char) -> bool {
    let h = u32::from(c) % 256;
    NAME_START_BITS[(h / 64) as usize] & (1 << (h % 64)) != 0
}

/// The column a header cell names when its name lost one character at the start or at the
/// end, as an extraction cuts a narrow cell (`开事项` for 公开事项, `公开时` for 公开时限): only
/// names of four characters or more, and only a cut that no other name shares nor is a name
/// itself.
pub(crate) fn cut_column_of(cell: &str) -> Option<Column> {
    static CUT: std::sync::OnceLock<std::collections::HashMap<String, Option<Column>>> =
        std::sync::OnceLock::new();
    let cuts = CUT.get_or_init(|| {
        let mut cuts: std::collections::HashMap<String, Option<Column>> =
            std::collections::HashMap::new();
        for &(name, column) in NAMES {
            let chars: Vec<char> = name.chars().collect();
            if chars.len() < 4 {
                continue;
            }
            for cut in [&chars[1..], &chars[..chars.len() - 1]] {
                let cut: String = cut.iter().collect();
                cuts.entry(cut)
                    .and_modify(|c| {
                        if *c != Some(column) {
                            *c = None;
                        }
                    })
                    .or_insert(Some(column));
            }
        }
        for &(name, _) in NAMES {
            if let Some(c) = cuts.get_mut(name) {
                *c = None;
            }
        }
        cuts
    });
    cuts.get(&key(cell)).copied().flatten()
}

/// How many known columns of different kinds a 办事指南 header without name column names (see
/// [`Header::recognise_guide`]).
const GUIDE_COLUMNS: usize = 4;

/// What each cell position of a header row holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot {
    Known(Column),
    /// A column the model does not know, or a second column of a known kind: kept in `extra`
    /// under its [`Header::extra_name`].
    Extra,
}

/// A recognised header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// One slot per cell of the header row.
    pub(crate) slots: Vec<Slot>,
    /// The header cells, normalized, without empty cells at the end (the document's `columns`).
    pub(crate) names: Vec<String>,
    /// Columns that appeared more than once (the later ones became `Extra`).
    pub(crate) duplicates: Vec<(usize, Column)>,
    /// Cells read as a name cut short by one character (see [`cut_column_of`]), with the
    /// column they were read as: a row is read so only when it is no header otherwise.
    pub(crate) cut: Vec<(usize, Column)>,
    /// A 办事指南 header without name column (see [`Header::recognise_guide`]): its row is
    /// named by the title.
    pub(crate) by_title: bool,
}

impl Header {
    /// Read `cells` as a header row, or `None` when they are not one (see [`is_header`]).
    pub(crate) fn recognise(cells: &[&str]) -> Option<Header> {
        Header::recognise_cells(cells.iter().copied())
    }

    /// Read the cells as a header row, or `None` when they are not one (see [`is_header`]).
    /// The cells are walked several times (a line's cells are not collected for it).
    pub(crate) fn recognise_cells<'a, I>(cells: I) -> Option<Header>
    where
        I: Iterator<Item = &'a str> + Clone,
    {
        // Every data row comes here: most name no column at all, and need no more work.
        cells.clone().filter_map(column_of).nth(1)?;
        let mut known: Vec<Option<Column>> = cells.clone().map(column_of).collect();
        let mut cut = Vec::new();
        if !is_header(cells.clone(), &known) {
            // A header whose narrow cells the extraction cut short (`开事项` for 公开事项).
            for (i, cell) in cells.clone().enumerate() {
                if known[i].is_none() {
                    if let Some(column) = cut_column_of(cell) {
                        known[i] = Some(column);
                        cut.push((i, column));
                    }
                }
            }
            if cut.is_empty() || !is_header(cells.clone(), &known) {
                return None;
            }
        }
        let names: Vec<String> = cells.map(normalize).collect();
        let mut header = Header::from_columns(&known, names);
        header.cut = cut;
        Some(header)
    }

    /// Read `cells` as the header of a 办事指南 laid out as one row, when they are no header
    /// otherwise: its field labels name no name column (the guide is named by its title) but
    /// at least [`GUIDE_COLUMNS`] known columns of different kinds (`政策依据 | 办理对象 |
    /// 所需材料 | 办理流程 | 办结时限 | 咨询查询`). The caller tries it only on the first header,
    /// under a title.
    pub(crate) fn recognise_guide(cells: &[&str]) -> Option<Header> {
        let known: Vec<Option<Column>> = cells.iter().map(|c| column_of(c)).collect();
        let mut named = [false; Column::COUNT];
        for column in known.iter().flatten() {
            named[column.index()] = true;
        }
        let distinct = named.iter().filter(|&&n| n).count();
        if named[Column::Name.index()] || distinct < GUIDE_COLUMNS {
            return None;
        }
        let names: Vec<String> = cells.iter().map(|c| normalize(c)).collect();
        let mut header = Header::from_columns(&known, names);
        header.by_title = true;
        Some(header)
    }

    /// The column the cell at `index` was read as: by its name, or cut short.
    pub(crate) fn named(&self, index: usize, cell: &str) -> Option<Column> {
        column_of(cell).or_else(|| {
            self.cut
                .iter()
                .find(|(i, _)| *i == index)
                .map(|&(_, column)| column)
        })
    }

    /// The header whose cells name the `known` columns, under `names` (normalized): the
    /// first cell of each kind takes its column, a later one goes to `extra`.
    pub(crate) fn from_columns(known: &[Option<Column>], mut names: Vec<String>) -> Header {
        // 序号 is the 子项序号 of a list without one.
        let has_seq = known.contains(&Some(Column::Seq));
        let mut slots = Vec::with_capacity(known.len());
        let mut duplicates = Vec::new();
        let mut taken = [false; Column::COUNT];
        for (i, &named) in known.iter().enumerate() {
            let column = match named {
                Some(Column::RowNumber) if !has_seq => Some(Column::Seq),
                column => column,
            };
            let slot = match column {
                // Beside a 子项序号, the list's running number is kept as it is.
                Some(Column::RowNumber) => Slot::Extra,
                Some(column) if !std::mem::replace(&mut taken[column.index()], true) => {
                    Slot::Known(column)
                }
                Some(column) => {
                    // Reported by the name the header used (序号, not 子项序号).
                    duplicates.push((i, named.unwrap_or(column)));
                    Slot::Extra
                }
                None => Slot::Extra,
            };
            slots.push(slot);
        }
        while names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        Header {
            slots,
            names,
            duplicates,
            cut: Vec::new(),
            by_title: false,
        }
    }

    /// The cell position of a known column.
    pub(crate) fn index_of(&self, column: Column) -> Option<usize> {
        self.slots.iter().position(|s| *s == Slot::Known(column))
    }

    /// The name a cell of the column at `index` is kept under in `extra`: the header cell,
    /// normalized, or `column N` (1-based) when it is empty.
    pub(crate) fn extra_name(&self, index: usize) -> String {
        match self.names.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => format!("column {}", index + 1),
        }
    }

    /// The comparable form of the header, to tell a repeated header from a different one: the
    /// [`key_chars`] of each cell, joined by tabs (one string, however many columns).
    pub(crate) fn key(&self) -> String {
        let mut key = String::new();
        for (i, name) in self.names.iter().enumerate() {
            if i > 0 {
                key.push('\t');
            }
            key.extend(key_chars(name));
        }
        key
    }
}

/// Whether a row whose cells name the `known` columns is a header row. It is one when it
/// names the matter's name (子项, 事项名称…) and at least two other known columns, however many
/// columns it has that the model does not know (a 办事指南 header of 14 columns). A short
/// header without a name column is one too when most of its cells are known names, one of them
/// 子项序号, 序号 or 主项, and at least three are (two, in a row of at most three cells).
fn is_header<'a>(cells: impl Iterator<Item = &'a str>, known: &[Option<Column>]) -> bool {
    let mut named = [false; Column::COUNT];
    for column in known.iter().flatten() {
        named[column.index()] = true;
    }
    let distinct = named.iter().filter(|&&n| n).count();
    if named[Column::Name.index()] && distinct >= 3 {
        return true;
    }
    let count = known.iter().flatten().count();
    let non_empty = cells.filter(|c| !c.trim().is_empty()).count();
    let anchored = [
        Column::Name,
        Column::Seq,
        Column::RowNumber,
        Column::Category,
    ]
    .iter()
    .any(|c| named[c.index()]);
    let enough = count >= 3 || (count >= 2 && non_empty <= 3);
    enough && anchored && count * 2 > non_empty
}

#[cfg(test)]
mod tests {
    use super::*;

    const STANDARD: [&str; 9] = [
        "主项",
        "子项序号",
        "子项",
        "办理材料",
        "办理时限",
        "办理环节",
        "办理方式",
        "备注",
        "设定依据",
    ];

    #[test]
    fn the_standard_header() {
        let header = Header::recognise(&STANDARD).unwrap();
        assert_eq!(header.index_of(Column::Category), Some(0));
        assert_eq!(header.index_of(Column::LegalBasis), Some(8));
        assert!(header.slots.iter().all(|s| matches!(s, Slot::Known(_))));
        assert_eq!(header.names, STANDARD);
    }

    #[test]
    fn synonyms_order_and_extra_columns() {
        let cells = [
            "序号",
            "事项名称",
            "主项编码",
            "子项编码",
            "申请材料",
            "办理层级",
            "办理形式",
            "法律依据",
            "主项",
        ];
        let header = Header::recognise(&cells).unwrap();
        assert_eq!(header.index_of(Column::Seq), Some(0));
        assert_eq!(header.index_of(Column::Name), Some(1));
        assert_eq!(header.index_of(Column::CategoryCode), Some(2));
        assert_eq!(header.index_of(Column::MatterCode), Some(3));
        assert_eq!(header.index_of(Column::Materials), Some(4));
        assert_eq!(header.slots[5], Slot::Extra);
        assert_eq!(header.extra_name(5), "办理层级");
        assert_eq!(header.index_of(Column::Channels), Some(6));
        assert_eq!(header.index_of(Column::LegalBasis), Some(7));
        assert_eq!(header.index_of(Column::Category), Some(8));
        assert_eq!(header.index_of(Column::Deadline), None);
    }

    #[test]
    fn spaced_and_qualified_names() {
        assert_eq!(column_of(" 办 理\u{3000}材 料 "), Some(Column::Materials));
        assert_eq!(column_of("办理时限（工作日）"), Some(Column::Deadline));
        assert_eq!(column_of("办理时限说明"), None);
    }

    /// Whether `key` (a header key, char by char) is `name`, alone or before a bracket.
    fn names_cell(name: &str, mut key: impl Iterator<Item = char>) -> bool {
        for expected in name.chars() {
            if key.next() != Some(expected) {
                return false;
            }
        }
        key.next().is_none_or(is_qualifier_bracket)
    }

    /// [`column_of`] by its definition: every name tried in turn against the whole key.
    fn column_of_reference(cell: &str) -> Option<Column> {
        let key = || key_chars(cell).collect::<Vec<_>>().into_iter();
        let first = key().next()?;
        NAMES
            .iter()
            .filter(|(name, _)| name.starts_with(first))
            .find(|(name, _)| names_cell(name, key()))
            .map(|&(_, column)| column)
    }

    #[test]
    fn column_of_agrees_with_trying_every_name() {
        let pieces = [
            "子", "项", "序号", "办理", "时限", "材料", " ", "\u{3000}", "\u{200B}", "（", "(",
            "）", "一、", "备注", "依据", "事项", "名称", "x", "*", "\\", "n", "【",
        ];
        let texts = crate::test_support::every_text(&pieces, 4);
        assert!(texts.len() > 100_000);
        for text in &texts {
            assert_eq!(column_of(text), column_of_reference(text), "{text:?}");
        }
        for (name, column) in NAMES {
            assert_eq!(column_of(name), Some(*column), "{name}");
            let first = name.chars().next().unwrap_or_default();
            assert_eq!(first.len_utf8(), 3, "{name}");
            assert!(may_start_name(first), "{name}");
        }
    }

    #[test]
    fn names_and_look_alikes() {
        for (cell, expected) in [
            ("子项", Some(Column::Name)),
            ("子项序号", Some(Column::Seq)),
            ("子项(名称)", Some(Column::Name)),
            ("\u{200B}备 注", Some(Column::Notes)),
            ("依据（法规）", Some(Column::LegalBasis)),
            ("", None),
            ("  ", None),
            ("子", None),
            ("子项目", None),
            ("（办理时限）", None),
            ("备注：无", None),
            ("单位参保登记", None),
            ("＊申请\\n材料", Some(Column::Materials)),
            ("* 办理\\r\\n地点", Some(Column::Place)),
            ("是否收费【是/否】", Some(Column::Charged)),
            ("承诺办结时限", Some(Column::CommittedDeadline)),
            ("承诺办结时限说明", Some(Column::CommittedDeadlineNote)),
            ("承诺办结时限说明书", None),
            ("备注信息", None),
            ("\\", None),
            ("\\n", None),
            ("\\备注", None),
            ("序号", Some(Column::RowNumber)),
        ] {
            assert_eq!(column_of(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn names_cut_short_make_a_header_only_when_nothing_else_does() {
        assert_eq!(cut_column_of("开事项"), Some(Column::Name));
        assert_eq!(cut_column_of("公开依"), Some(Column::LegalBasis));
        // 办理时限 and 办理时间 both lose their end to 办理时, both deadlines.
        assert_eq!(cut_column_of("办理时"), Some(Column::Deadline));
        // 子项名称, 主项名称 and 事项名称 all lose their start to 项名称.
        assert_eq!(cut_column_of("项名称"), None);
        assert_eq!(cut_column_of("理时限"), Some(Column::Deadline));
        assert_eq!(cut_column_of("序号"), None);
        // Two whole names at least (every data row is tried: most are ruled out by that).
        assert!(Header::recognise(&["序号", "开事项", "开内容", "开依据", "开时限"]).is_none());
        let cells = ["序号", "开事项", "开内容", "开依据", "开时限", "咨询电话"];
        let header = Header::recognise(&cells).unwrap();
        assert_eq!(header.index_of(Column::Name), Some(1));
        assert_eq!(header.cut, [(1, Column::Name), (3, Column::LegalBasis)]);
        let whole =
            Header::recognise(&["序号", "公开事项", "开依据", "公开时限", "公开主体"]).unwrap();
        assert!(whole.cut.is_empty());
        assert_eq!(whole.slots[2], Slot::Extra);
    }

    #[test]
    fn duplicates_go_to_extra() {
        let header = Header::recognise(&["子项", "备注", "备注", "办理材料"]).unwrap();
        assert_eq!(header.duplicates, [(2, Column::Notes)]);
        assert_eq!(header.slots[2], Slot::Extra);
        assert_eq!(header.extra_name(2), "备注");
    }

    #[test]
    fn the_row_number_is_the_seq_without_a_seq_column() {
        let flat = Header::recognise(&["序号", "事项名称", "申请材料", "序号"]).unwrap();
        assert_eq!(flat.index_of(Column::Seq), Some(0));
        assert_eq!(flat.duplicates, [(3, Column::RowNumber)]);
        let both = Header::recognise(&["序号", "子项序号", "子项", "办理材料"]).unwrap();
        assert_eq!(both.index_of(Column::Seq), Some(1));
        assert_eq!(both.slots[0], Slot::Extra);
        assert_eq!(both.extra_name(0), "序号");
        assert!(both.duplicates.is_empty());
    }

    #[test]
    fn the_name_and_two_other_known_columns_make_a_header() {
        let mut cells = vec!["受理条件"; 30];
        cells[5] = "办理项目";
        cells[9] = "办理要件";
        assert!(Header::recognise(&cells).is_none());
        cells[20] = "设立依据";
        let header = Header::recognise(&cells).unwrap();
        assert_eq!(header.index_of(Column::Name), Some(5));
        assert_eq!(header.index_of(Column::LegalBasis), Some(20));
        // Without the name column, most cells must be known.
        cells[5] = "办理时限";
        assert!(Header::recognise(&cells).is_none());
    }

    #[test]
    fn data_rows_are_not_headers() {
        assert!(
            Header::recognise(&["一、基本医疗", "1", "单位参保登记", "无", "即时办结"]).is_none()
        );
        assert!(Header::recognise(&["备注", "说明"]).is_none());
        assert!(Header::recognise(&["", "", ""]).is_none());
    }
}
