//! The parsed document: the public contract of the crate.
//!
//! Every type here serializes to the shape described in the crate docs (field names in
//! snake_case). Each structured cell keeps its source text in `raw`; structure is extracted
//! beside it, never instead of it.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// The version of the serialized shape. Bumped only on a breaking change.
///
/// Reading a [`Document`] of a newer version fails, whatever the format, before any other
/// field is read (`schema_version` comes first in what this crate writes):
///
/// ```
/// let json = r#"{"schema_version": 99, "title": null}"#;
/// let error = serde_json::from_str::<shixiang::Document>(json).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     format!(
///         "schema_version 99 is newer than this version of shixiang reads ({}); \
///          upgrade shixiang at line 1 column 21",
///         shixiang::SCHEMA_VERSION
///     )
/// );
/// ```
pub const SCHEMA_VERSION: u32 = 2;

/// A `schema_version` no newer than [`SCHEMA_VERSION`].
fn known_schema_version<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u32, D::Error> {
    let version = u32::deserialize(deserializer)?;
    if version > SCHEMA_VERSION {
        return Err(serde::de::Error::custom(format!(
            "schema_version {version} is newer than this version of shixiang reads \
             ({SCHEMA_VERSION}); upgrade shixiang"
        )));
    }
    Ok(version)
}

/// A whole matter list: its title, its categories (主项) and everything noticed about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] for documents this version produces. Reading a document
    /// whose version is newer fails: its shape changed in a way this version cannot read.
    #[serde(deserialize_with = "known_schema_version")]
    pub schema_version: u32,
    /// The encoding the text was read in: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030` (see
    /// [`Encoding`](crate::Encoding)); for a spreadsheet, the workbook's format (`xlsx`,
    /// `xls`, `xlsb`, `ods`). A document written before this field reads as `UTF-8`.
    #[serde(default = "utf8")]
    pub encoding: String,
    /// The list's title line, trimmed.
    pub title: Option<String>,
    /// Who issued the list, when the title says (`山东省`).
    pub region: Option<String>,
    /// The edition marker, when the title has one (`2023版`).
    pub edition: Option<String>,
    /// Lines before the first header row other than the title: subtitles, or rows that came
    /// before any header (those also get a diagnostic). Kept so that no text is lost.
    #[serde(default)]
    pub preamble: Vec<String>,
    /// The header row as first found, each cell normalized.
    pub columns: Vec<String>,
    /// Later header rows that differ from `columns` (each cell normalized), in order; each also
    /// has a `header_mismatch` diagnostic. Kept so that no header text is lost.
    #[serde(default)]
    pub other_columns: Vec<Vec<String>>,
    /// The categories (主项) in document order.
    pub categories: Vec<Category>,
    /// Rows after or outside the table, such as `说明: 事项编码按照…`.
    pub footnotes: Vec<String>,
    /// Everything noticed about the source, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The encoding of a document that does not name one.
fn utf8() -> String {
    crate::Encoding::Utf8.name().to_owned()
}

impl Document {
    /// Every matter of the document, with the category it belongs to, in document order.
    pub fn matters(&self) -> impl Iterator<Item = (&Category, &Matter)> {
        self.categories.iter().flat_map(|category| {
            category
                .matters
                .iter()
                .map(move |matter| (category, matter))
        })
    }

    /// Every material item of the document, with its matter and category, in document order
    /// (across the groups of each matter's materials).
    ///
    /// ```
    /// let document = shixiang::parse("主项\t子项序号\t子项\t办理材料\n一、登记\t1\t参保登记\t1.身份证；2.户口簿\n")?;
    /// let items: Vec<&str> = document.materials().map(|(_, _, m)| m.text.as_str()).collect();
    /// assert_eq!(items, ["身份证", "户口簿"]);
    /// # Ok::<(), shixiang::Error>(())
    /// ```
    pub fn materials(&self) -> impl Iterator<Item = (&Category, &Matter, &Material)> {
        self.matters().flat_map(|(category, matter)| {
            matter
                .materials
                .items()
                .map(move |material| (category, matter, material))
        })
    }

    /// Every citation of the document, with its matter and category, in document order.
    ///
    /// ```
    /// let document = shixiang::parse("主项\t子项序号\t子项\t设定依据\n一、登记\t1\t参保登记\t《社会保险法》第五十八条\n")?;
    /// let titles: Vec<&str> = document.citations().map(|(_, _, c)| c.title.as_str()).collect();
    /// assert_eq!(titles, ["社会保险法"]);
    /// # Ok::<(), shixiang::Error>(())
    /// ```
    pub fn citations(&self) -> impl Iterator<Item = (&Category, &Matter, &Citation)> {
        self.matters().flat_map(|(category, matter)| {
            matter
                .legal_basis
                .citations
                .iter()
                .map(move |citation| (category, matter, citation))
        })
    }
}

impl Materials {
    /// Every item, across the groups, in order.
    pub fn items(&self) -> impl Iterator<Item = &Material> {
        self.groups.iter().flat_map(|group| group.items.iter())
    }

    /// How many items there are, across the groups.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|group| group.items.len()).sum()
    }

    /// Whether there is no item (a cell that says `无` has none, and `none_required`).
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|group| group.items.is_empty())
    }
}

/// A category (主项): a merged cell spanning the rows of its matters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Category {
    /// The numeral as written (`十一、` → 11); not corrected when the source misnumbers.
    pub ordinal: Option<u32>,
    /// The name without its numeral, split pieces joined, normalized, without a closing `。`.
    pub name: String,
    /// Every 主项 cell text that made this category, as found.
    pub raw: Vec<String>,
    /// From a 主项编码 column when the list has one, trimmed.
    pub code: Option<String>,
    /// First and last source line of its rows.
    pub lines: LineSpan,
    /// Its matters (子项), in order.
    pub matters: Vec<Matter>,
}

/// The first and last source line of something that spans lines, as [`Category::lines`]; in
/// JSON the pair `[first, last]`.
///
/// ```
/// let text = "主项\t子项序号\t子项\n一、参保\t1\t登记\n\t2\t变更\n二、待遇\t1\t支付\n";
/// let document = shixiang::parse(text)?;
/// let lines = document.categories[0].lines;
/// assert_eq!((lines.first, lines.last), (2, 3));
/// assert!(lines.contains(3) && !lines.contains(4));
/// assert_eq!(serde_json::to_string(&lines).unwrap(), "[2,3]");
/// # Ok::<(), shixiang::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct LineSpan {
    /// The first line, 1-based.
    pub first: usize,
    /// The last line, 1-based (`first` when it spans one).
    pub last: usize,
}

impl LineSpan {
    /// Lines `first` to `last`.
    pub fn new(first: usize, last: usize) -> LineSpan {
        LineSpan { first, last }
    }

    /// Whether `line` is one of them.
    pub fn contains(&self, line: usize) -> bool {
        (self.first..=self.last).contains(&line)
    }
}

impl From<(usize, usize)> for LineSpan {
    fn from((first, last): (usize, usize)) -> LineSpan {
        LineSpan { first, last }
    }
}

impl From<LineSpan> for (usize, usize) {
    fn from(span: LineSpan) -> (usize, usize) {
        (span.first, span.last)
    }
}

/// `span == (first, last)`.
impl PartialEq<(usize, usize)> for LineSpan {
    fn eq(&self, &(first, last): &(usize, usize)) -> bool {
        self.first == first && self.last == last
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LineSpan {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LineSpan".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = <(usize, usize)>::json_schema(generator);
        schema.insert(
            "description".into(),
            "The first and last source line, 1-based: [first, last].".into(),
        );
        schema
    }
}

/// A matter (子项): one service of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Matter {
    /// 子项序号, when it is a positive integer.
    pub seq: Option<u32>,
    /// The 子项序号 cell as found.
    pub seq_raw: String,
    /// 子项, normalized, without a closing `。` (`城乡居民参保登记。` → `城乡居民参保登记`).
    pub name: String,
    /// The 子项 cell as found.
    pub name_raw: String,
    /// From a 子项编码 / 事项编码 / 实施编码 column when present, trimmed.
    pub code: Option<String>,
    /// The source line where the row starts.
    pub line: usize,
    /// 办理材料.
    pub materials: Materials,
    /// 办理时限.
    pub deadline: Deadline,
    /// 办理环节.
    pub steps: Steps,
    /// 办理方式.
    pub channels: Channels,
    /// 备注.
    pub notes: Notes,
    /// 设定依据.
    pub legal_basis: LegalBasis,
    /// Raw text of every column not named above (such as 办理层级), keyed by its header, in
    /// the order of the columns (a JSON object whose keys keep that order).
    pub extra: Extra,
    /// 承诺办结时限说明 (承诺时限说明), trimmed: the note on the committed deadline, as written.
    #[serde(default)]
    pub deadline_note: Option<String>,
    /// 是否收费 and 收费标准, when the list has either column.
    #[serde(default)]
    pub fee: Option<Fee>,
    /// 办理地点 (办理地址, 受理地点), trimmed.
    #[serde(default)]
    pub place: Option<String>,
    /// 咨询电话 (咨询方式): where to ask about the matter, trimmed.
    #[serde(default)]
    pub inquiry_phone: Option<String>,
    /// 监督电话 (投诉电话, 监督投诉电话): where to complain, trimmed.
    #[serde(default)]
    pub supervision_phone: Option<String>,
    /// 办理对象 (服务对象): who may apply, trimmed.
    #[serde(default)]
    pub target: Option<String>,
    /// 实施主体: the office that handles the matter, trimmed.
    #[serde(default)]
    pub authority: Option<String>,
    /// 事项类型 (`行政许可`, `公共服务`…), trimmed.
    #[serde(default)]
    pub kind: Option<String>,
    /// 行使层级 (`省级`, `市级`…), trimmed.
    #[serde(default)]
    pub level: Option<String>,
}

/// 是否收费 and 收费标准: whether and what the matter costs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Fee {
    /// Whether the matter is charged for: `否`, `不收费`, `免费`, `无` → false; `是`, `收费` →
    /// true; anything else, or no such wording, → `None`. Read from the 是否收费 cell, else
    /// from a 收费标准 cell that is one of these wordings.
    pub charged: Option<bool>,
    /// The 是否收费 cell as found (empty when the list has no such column).
    pub raw: String,
    /// The 收费标准 cell, trimmed.
    pub standard: Option<String>,
}

/// 办理材料: what the applicant brings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Materials {
    /// The cell as found.
    pub raw: String,
    /// True for `无` and like wordings.
    pub none_required: bool,
    /// The items, grouped by who applies when the cell says so.
    pub groups: Vec<MaterialGroup>,
}

/// Materials for one kind of applicant (or for everyone, when `applicant` is `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MaterialGroup {
    /// Who applies (`在职职工`, `企业`), when the cell sorts materials by applicant.
    pub applicant: Option<String>,
    /// The items of the group.
    pub items: Vec<Material>,
    /// The heading the items are listed under, when the cell sorts them under headings that
    /// name no applicant (`（一）女职工生育津贴报销：` → `女职工生育津贴报销`), without its
    /// list marker and colon. (schema_version 2)
    #[serde(default)]
    pub heading: Option<String>,
    /// Sentences of the group that state who is eligible or explain, and ask for no material
    /// (`灵活就业人员只享受生育医疗费,不享受生育津贴`, `…直接通过数据共享获取企业注册信息…`),
    /// normalized; `[]` when none. (schema_version 2)
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One item of a materials list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Material {
    /// The item, normalized, without its list marker.
    pub text: String,
    /// `A或B或C` → `[A, B, C]`; empty when there is no choice.
    pub alternatives: Vec<String>,
    /// Titles quoted in 《》, without the brackets.
    pub forms: Vec<String>,
    /// `1份` → 1.
    pub copies: Option<u32>,
    /// Original, copy, or both (GB/T 39046 material form).
    pub format: Option<MaterialFormat>,
    /// `加盖单位公章` and like wordings.
    pub seal_required: bool,
    /// When the item applies (`属于意外伤害情形的`).
    pub condition: Option<String>,
    /// On paper, electronically, or both or either (`纸质`, `电子版`, `纸质/电子版`); `None`
    /// when the item does not say. (schema_version 2)
    #[serde(default)]
    pub medium: Option<MaterialMedium>,
    /// The item may be left out (`非必要`, `非必须`, `如有`). (schema_version 2)
    #[serde(default)]
    pub optional: bool,
    /// What the office does with the original (`验原件`, `收原件`, `原件核验后退还`); `None`
    /// when the item does not say. (schema_version 2)
    #[serde(default)]
    pub handling: Option<MaterialHandling>,
    /// Where the material comes from (`申请人自备`, `部门核发`); `None` when the item does not
    /// say. (schema_version 2)
    #[serde(default)]
    pub source: Option<MaterialSource>,
}

/// The medium a material is handed in on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaterialMedium {
    /// 纸质 (纸质版, 纸质件).
    Paper,
    /// 电子版 (电子件, 电子文档).
    Electronic,
    /// Both: 纸质及电子版, 纸质和电子版, or paper and electronic asked for apart.
    PaperAndElectronic,
    /// Either: 纸质/电子版, 纸质或电子版.
    PaperOrElectronic,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// What the office does with the original of a material.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaterialHandling {
    /// The original is checked and handed back: 验原件, 核验原件, 原件核验后退还.
    Checked,
    /// The original is kept: 收原件, 收取原件, 留存原件.
    Collected,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// Where a material comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaterialSource {
    /// The applicant brings it: 申请人自备, 自备.
    Applicant,
    /// An authority issues it: 部门核发, 机关核发.
    Department,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// The form in which a material is handed in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaterialFormat {
    /// 原件.
    Original,
    /// 复印件.
    Copy,
    /// 原件及复印件.
    OriginalAndCopy,
    /// 原件或复印件.
    OriginalOrCopy,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// 办理时限: how long the office may take.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Deadline {
    /// The cell as found.
    pub raw: String,
    /// One clause per time limit the cell states.
    pub clauses: Vec<DeadlineClause>,
    /// The largest bound when every clause is immediate (0) or in working days; `None` when a
    /// clause is in another unit (months, calendar days, hours, years: see
    /// [`Deadline::working_days`] for a conversion) or has no limit (a lower bound), and for a
    /// cell without clauses. Frequencies and effects (`次日享受待遇`) are not limits and never
    /// count.
    pub max_working_days: Option<u32>,
    /// How often something is done (`每月审核办理一次`, `随时申报`).
    #[serde(default)]
    pub frequencies: Vec<Frequency>,
    /// What follows the handling, and when (`次日享受待遇`, `资金30个工作日内到账`).
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What the time limits do not count (`该时限不包括财务拨付环节` → `财务拨付环节`).
    #[serde(default)]
    pub excludes: Vec<String>,
}

/// How often something is done: `每季度至少审核办理一次`, `随时申报`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Frequency {
    /// What it applies to (`其它病种`).
    pub condition: Option<String>,
    /// Every day, week, month…, or at any time.
    pub period: Period,
    /// How many times per period (`一次` → 1), when the text says.
    pub times: Option<u32>,
    /// Whether that is a least (`至少`, `最少`).
    pub at_least: bool,
    /// What is done (`审核办理`, `申报相关材料`).
    pub action: String,
}

/// The period of a [`Frequency`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Period {
    /// 随时: at any time.
    AnyTime,
    /// 每日, 每天.
    Day,
    /// 每个工作日.
    WorkingDay,
    /// 每周.
    Week,
    /// 每月.
    Month,
    /// 每季度, 每季.
    Quarter,
    /// 每年.
    Year,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// What follows the handling, and when: `办结后次日享受待遇`, `资金30个工作日内到账`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Effect {
    /// What it applies to (`其它病种`, `资金`).
    pub condition: Option<String>,
    /// The event it follows (`办结后`).
    pub start: Option<String>,
    /// When, as a word (`次日`, `当日`).
    pub when: Option<String>,
    /// When, as an amount of time it takes at most (`30个工作日内` → 30).
    pub amount: Option<u32>,
    /// The unit of `amount`.
    pub unit: Option<TimeUnit>,
    /// What happens (`享受待遇`, `到账`).
    pub outcome: String,
}

/// One time limit of a deadline cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DeadlineClause {
    /// Immediate, or a limit with an amount and a unit.
    pub kind: ClauseKind,
    /// The amount, for a limit.
    pub amount: Option<u32>,
    /// The unit, for a limit.
    pub unit: Option<TimeUnit>,
    /// What the clause applies to (`跨省转移接续`).
    pub condition: Option<String>,
    /// Statutory (法定) or committed (承诺), when the text says.
    pub basis: Option<Basis>,
    /// A named time limit (`评估时限`).
    pub label: Option<String>,
    /// The event the period runs from (`自审核之日起`).
    pub start: Option<String>,
    /// The least amount: the start of a range (`10-20个工作日` → 10, with `amount` 20), or a
    /// lower bound (`不少于10个工作日` → 10, with no `amount`: a lower bound is no limit).
    #[serde(default)]
    pub min: Option<u32>,
    /// What the amount is: typical (`一般`), a maximum (`不超过`, `最长`) or a minimum
    /// (`不少于`, `以上`), when the text says.
    #[serde(default)]
    pub extent: Option<Extent>,
    /// The step (环节) the clause is the limit of (`受理1个工作日` → `受理`).
    #[serde(default)]
    pub step: Option<String>,
}

/// What the amount of a clause is, as its wording says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Extent {
    /// 一般, 通常: what it usually takes.
    Typical,
    /// 不超过, 最长, 最多…: the most it may take.
    Maximum,
    /// 不少于, 至少, 以上: the least it takes (the amount is in `min`).
    Minimum,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

#[cfg(test)]
impl DeadlineClause {
    /// A clause with only its kind, amount and unit set, for the tests.
    pub(crate) fn bare(kind: ClauseKind, amount: Option<u32>, unit: Option<TimeUnit>) -> Self {
        DeadlineClause {
            amount,
            unit,
            ..DeadlineClause::of_kind(kind)
        }
    }
}

/// Whether a clause is done on the spot or has a time limit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClauseKind {
    /// 即时办结, 当场办结, 即办…
    Immediate,
    /// A time limit with an amount and a unit.
    Limit,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// The unit of a time limit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeUnit {
    /// 工作日.
    WorkingDay,
    /// Calendar days: 日, 天, 自然日.
    Day,
    /// 月.
    Month,
    /// 小时.
    Hour,
    /// 年.
    Year,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// Where a time limit comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Basis {
    /// 法定, 国家规定.
    Statutory,
    /// 承诺.
    Committed,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// 办理环节: the steps of handling a matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Steps {
    /// The cell as found.
    pub raw: String,
    /// The steps in order (`申请—受理—办结` → `[申请, 受理, 办结]`). A step that gives its own
    /// time limit in brackets (`受理（1个工作日）`) is named without it (`受理`); the limit is in
    /// [`Steps::limits`].
    pub steps: Vec<String>,
    /// The time limits steps give themselves (`受理（1个工作日）`), in the order of the steps;
    /// most cells have none. Kept apart from `steps`, which stays a list of names.
    #[serde(default)]
    pub limits: Vec<StepLimit>,
}

/// The time limit one step of a 办理环节 cell gives itself (`受理（1个工作日）`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StepLimit {
    /// The index of the step in [`Steps::steps`], from 0.
    pub step: usize,
    /// The limit, read as a 办理时限 clause.
    pub clause: DeadlineClause,
}

/// 办理方式: the ways to apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Channels {
    /// The cell as found.
    pub raw: String,
    /// Each way to apply, with its kind.
    pub modes: Vec<Channel>,
}

/// One way to apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Channel {
    /// The wording, normalized (`现场办理`).
    pub text: String,
    /// What kind of channel it is.
    pub kind: ChannelKind,
}

/// The kind of a channel (GB/T 39046 table A.5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChannelKind {
    /// 现场, 窗口.
    OnSite,
    /// 网上, 电脑端.
    Online,
    /// APP, 小程序, 掌上.
    Mobile,
    /// 邮寄, 快递.
    Mail,
    /// Anything else.
    Other,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// 备注: notes on the matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Notes {
    /// The cell as found.
    pub raw: String,
    /// The note split into its numbered points, markers removed.
    pub items: Vec<String>,
    /// Deadlines a note sets for a way of applying.
    pub channel_deadlines: Vec<ChannelDeadline>,
    /// Terms the note defines (`有效身份证件包括…`).
    pub definitions: Vec<Definition>,
}

/// A deadline that a note sets for one way of applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChannelDeadline {
    /// The way of applying (`通过政务服务网申请办理的`).
    pub condition: String,
    /// The time limit for it.
    pub clause: DeadlineClause,
}

/// A term a note defines by listing what it includes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Definition {
    /// The term (`有效身份证件`).
    pub term: String,
    /// What it includes, in order.
    pub includes: Vec<String>,
}

/// 设定依据: the legal basis of the matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LegalBasis {
    /// The cell as found.
    pub raw: String,
    /// The documents cited, in order.
    pub citations: Vec<Citation>,
}

/// One cited document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Citation {
    /// This citation's own text, normalized, without its list marker.
    pub text: String,
    /// The document's title without 《》.
    pub title: String,
    /// A title quoted inside it with 〈〉.
    pub inner_title: Option<String>,
    /// Issuing bodies, when named before the title or in an order number.
    pub issuers: Vec<String>,
    /// The document number, when given.
    pub document_number: Option<DocumentNumber>,
    /// The articles cited.
    pub provisions: Vec<Provision>,
    /// A named annex the provisions point into.
    pub annex: Option<String>,
    /// The level the cell tags the document with (`【法律】` → `法律`, `【行政法规】`,
    /// `【部门规章】`…), when it does.
    #[serde(default)]
    pub level: Option<String>,
    /// The article text the cell quotes after the citation (`第八十条：（一）…（二）…` → the text
    /// after the colon, list markers included), when it does.
    #[serde(default)]
    pub quote: Option<String>,
    /// Items cited with no article to belong to (`《…的决定》第二项`: a document that lists
    /// items, not articles).
    #[serde(default)]
    pub items: Vec<u32>,
}

/// An article (条), with its paragraph (款) and item (项) when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Provision {
    /// 第N条.
    pub article: u32,
    /// 第N款.
    pub paragraph: Option<u32>,
    /// 第N项.
    pub item: Option<u32>,
}

/// The number of a cited document: an order (令) or a 文号.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocumentNumber {
    /// The number as written.
    pub raw: String,
    /// Order or 文号.
    pub kind: NumberKind,
    /// For an order, who issued it (`主席令`, `国家医保局`).
    pub issuer: Option<String>,
    /// For a 文号, the issuer's prefix (`人社部发`).
    pub prefix: Option<String>,
    /// For a 文号, the year (`〔2012〕` → 2012).
    pub year: Option<u32>,
    /// The number.
    pub number: Option<u32>,
}

/// The kind of a document number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberKind {
    /// An order: `主席令第35号`, `国家医保局令第2号`.
    Order,
    /// A 文号: `人社部发〔2012〕53号`.
    Wenhao,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

/// The cells of a matter's columns the model does not name, keyed by header, in column order.
///
/// A map that keeps its keys in the order they were added: it serializes as a JSON object
/// whose keys come in that order, and reads one back in the order written. Keys are unique
/// (the parser names a second column of one name `NAME (2)`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra {
    entries: Vec<(String, String)>,
}

impl Extra {
    /// An empty map.
    pub fn new() -> Extra {
        Extra::default()
    }

    /// The text under `header`, if there is one.
    pub fn get(&self, header: &str) -> Option<&String> {
        self.entries
            .iter()
            .find(|(key, _)| key == header)
            .map(|(_, text)| text)
    }

    /// Whether there is a text under `header`.
    pub fn contains_key(&self, header: &str) -> bool {
        self.get(header).is_some()
    }

    /// Add `text` under `header` at the end; a text already under `header` is replaced in
    /// place.
    pub fn insert(&mut self, header: String, text: String) {
        match self.entries.iter_mut().find(|(key, _)| *key == header) {
            Some((_, old)) => *old = text,
            None => self.entries.push((header, text)),
        }
    }

    /// Add `text` under `header` at the end, when the caller knows `header` is new (no search).
    pub(crate) fn push_new(&mut self, header: String, text: String) {
        self.entries.push((header, text));
    }

    /// The headers and texts, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.entries.iter().map(|(key, text)| (key, text))
    }

    /// The headers, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(key, _)| key)
    }

    /// The texts, in order.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(_, text)| text)
    }

    /// How many columns.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl std::ops::Index<&str> for Extra {
    type Output = String;

    /// The text under `header`; panics when there is none, like a map's index.
    fn index(&self, header: &str) -> &String {
        match self.get(header) {
            Some(text) => text,
            None => panic!("no extra column {header:?}"),
        }
    }
}

impl FromIterator<(String, String)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(entries: I) -> Extra {
        let mut extra = Extra::new();
        for (header, text) in entries {
            extra.insert(header, text);
        }
        extra
    }
}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.entries.iter().map(|(key, text)| (key, text)))
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Extra, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Extra;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of header names to texts")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Extra, A::Error> {
                let mut extra = Extra::new();
                let mut seen = std::collections::HashSet::new();
                while let Some((key, text)) = map.next_entry::<String, String>()? {
                    if seen.insert(key.clone()) {
                        extra.push_new(key, text);
                    } else {
                        extra.insert(key, text);
                    }
                }
                Ok(extra)
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Extra {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extra".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, String>>::json_schema(generator)
    }
}

crate::names::open_names!("material format", MaterialFormat {
    Original = "original",
    Copy = "copy",
    OriginalAndCopy = "original_and_copy",
    OriginalOrCopy = "original_or_copy",
});

crate::names::open_names!("clause kind", ClauseKind {
    Immediate = "immediate",
    Limit = "limit",
});

crate::names::open_names!("time unit", TimeUnit {
    WorkingDay = "working_day",
    Day = "day",
    Month = "month",
    Hour = "hour",
    Year = "year",
});

crate::names::open_names!("basis", Basis {
    Statutory = "statutory",
    Committed = "committed",
});

crate::names::open_names!("channel kind", ChannelKind {
    OnSite = "on_site",
    Online = "online",
    Mobile = "mobile",
    Mail = "mail",
    Other = "other",
});

crate::names::open_names!("number kind", NumberKind {
    Order = "order",
    Wenhao = "wenhao",
});

crate::names::open_names!("material medium", MaterialMedium {
    Paper = "paper",
    Electronic = "electronic",
    PaperAndElectronic = "paper_and_electronic",
    PaperOrElectronic = "paper_or_electronic",
});

crate::names::open_names!("material handling", MaterialHandling {
    Checked = "checked",
    Collected = "collected",
});

crate::names::open_names!("material source", MaterialSource {
    Applicant = "applicant",
    Department = "department",
});

crate::names::open_names!("period", Period {
    AnyTime = "any_time",
    Day = "day",
    WorkingDay = "working_day",
    Week = "week",
    Month = "month",
    Quarter = "quarter",
    Year = "year",
});

crate::names::open_names!("extent", Extent {
    Typical = "typical",
    Maximum = "maximum",
    Minimum = "minimum",
});
