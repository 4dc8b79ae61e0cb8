//! Flat tables of a [`Document`], for loading into SQL databases and data frames.
//!
//! A document is a tree; a database wants rows. [`Tables::new`] cuts the tree into four
//! tables whose rows are plain serde structs of scalars, so any writer (CSV, Parquet, a
//! database driver) can take them:
//!
//! | table | one row per | key |
//! |---|---|---|
//! | [`MatterRow`] | matter (子项) | `source`, `line` |
//! | [`MaterialRow`] | material item (办理材料) | `source`, `matter_line`, `group_index`, `item_index` |
//! | [`CitationRow`] | cited document (设定依据) | `source`, `matter_line`, `index` |
//! | [`DiagnosticRow`] | diagnostic | `source`, `line`, `column_number`, `code` |
//!
//! `source` names the file the document came from (whatever the caller passes), so that the
//! tables of many files can be loaded into one database. `matter_line`, the source line where
//! a matter's row starts, joins materials and citations to their matter; `matter_seq` (子项序号)
//! is there too for reading, but a list may repeat or skip it.
//!
//! Lists become strings joined with [`LIST_SEPARATOR`] (`|`), so every field is a scalar.
//! Indexes are 1-based. Every row keeps the text it came from, so nothing is lost by
//! flattening.
//!
//! ```
//! let text = "\
//! 某市医疗保障经办政务服务事项清单
//! 主项\t子项序号\t子项\t办理时限
//! 一、参保登记\t1\t单位参保登记\t即时办结
//! ";
//! let document = shixiang::parse(text)?;
//! let tables = shixiang::flat::Tables::new(&document, "list.tsv");
//! let matter = &tables.matters[0];
//! assert_eq!(matter.source, "list.tsv");
//! assert_eq!(matter.category_name, "参保登记");
//! assert_eq!((matter.seq, matter.name.as_str()), (Some(1), "单位参保登记"));
//! assert_eq!(matter.deadline_raw, "即时办结");
//! # Ok::<(), shixiang::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Origin, Severity};
use crate::model::{
    Category, Citation, Document, Material, MaterialFormat, MaterialHandling, MaterialMedium,
    MaterialSource, Matter, NumberKind, Provision,
};

/// What joins the parts of a list into one field: `A或B` → alternatives `A|B`.
pub const LIST_SEPARATOR: &str = "|";

/// A row of a flat table.
///
/// Writers that need a header before the first row (or for a table without rows) take it from
/// [`Row::COLUMNS`]: `CREATE TABLE` statements can be generated from it too.
pub trait Row: Serialize {
    /// The column names, in the order serde writes the fields. New columns are added at the
    /// end, so that loaders reading by position keep working (see the README's
    /// `schema_version` policy).
    const COLUMNS: &'static [&'static str];
}

/// The four tables of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tables {
    /// One row per matter, in document order.
    pub matters: Vec<MatterRow>,
    /// One row per material item, in document order.
    pub materials: Vec<MaterialRow>,
    /// One row per citation, in document order.
    pub citations: Vec<CitationRow>,
    /// One row per diagnostic, in the document's order (source order).
    pub diagnostics: Vec<DiagnosticRow>,
}

impl Tables {
    /// Flatten `document`, naming `source` as where it came from in every row.
    pub fn new(document: &Document, source: &str) -> Tables {
        let mut tables = Tables::default();
        for (index, category) in document.categories.iter().enumerate() {
            for matter in &category.matters {
                let row = MatterRow::new(document, (index + 1, category), matter, source);
                tables.matters.push(row);
                tables.materials.extend(material_rows(matter, source));
                tables.citations.extend(citation_rows(matter, source));
            }
        }
        tables.diagnostics = document
            .diagnostics
            .iter()
            .map(|diagnostic| DiagnosticRow::new(diagnostic, source))
            .collect();
        tables
    }
}

/// A matter (子项) with its category and the raw text of every cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatterRow {
    /// The file the document came from.
    pub source: String,
    /// The document's title.
    pub title: Option<String>,
    /// The category's numeral as written (`十一、` → 11).
    pub category_ordinal: Option<u32>,
    /// The category's name, without its numeral.
    pub category_name: String,
    /// The category's code (主项编码), when the list has one.
    pub category_code: Option<String>,
    /// 子项序号.
    pub seq: Option<u32>,
    /// The 子项序号 cell as found.
    pub seq_raw: String,
    /// 子项, normalized.
    pub name: String,
    /// The 子项 cell as found.
    pub name_raw: String,
    /// The matter's code (子项编码 / 事项编码 / 实施编码), when the list has one.
    pub code: Option<String>,
    /// The source line where the matter's row starts: with `source`, the key of the row.
    pub line: usize,
    /// True when the 办理材料 cell says no materials are needed (`无`).
    pub none_required: bool,
    /// The largest deadline bound in working days, when every clause has one.
    pub max_working_days: Option<u32>,
    /// The steps (办理环节), joined with `|`.
    pub steps: String,
    /// The kind of each channel (办理方式: `on_site`, `online`…), joined with `|`.
    pub channel_kinds: String,
    /// The 办理材料 cell as found.
    pub materials_raw: String,
    /// The 办理时限 cell as found.
    pub deadline_raw: String,
    /// The 办理环节 cell as found.
    pub steps_raw: String,
    /// The 办理方式 cell as found.
    pub channels_raw: String,
    /// The 备注 cell as found.
    pub notes_raw: String,
    /// The 设定依据 cell as found.
    pub legal_basis_raw: String,
    /// Every other column, as the text of a JSON object (`{"办理层级":"市级"}`, keys in
    /// column order; `{}` when there is none).
    pub extra: String,
    /// 承诺办结时限说明, as found (trimmed).
    pub deadline_note: Option<String>,
    /// Whether the matter is charged for (是否收费, or a 收费标准 that says it).
    pub fee_charged: Option<bool>,
    /// The 是否收费 cell as found.
    pub fee_raw: Option<String>,
    /// 收费标准 (trimmed).
    pub fee_standard: Option<String>,
    /// 办理地点 (trimmed).
    pub place: Option<String>,
    /// 咨询电话 (trimmed).
    pub inquiry_phone: Option<String>,
    /// 监督电话 (trimmed).
    pub supervision_phone: Option<String>,
    /// 办理对象 (trimmed).
    pub target: Option<String>,
    /// 实施主体 (trimmed).
    pub authority: Option<String>,
    /// 事项类型 (trimmed).
    pub kind: Option<String>,
    /// 行使层级 (trimmed).
    pub level: Option<String>,
    /// The category's place in the document, from 1: a key that joins where `category_ordinal`
    /// may repeat (a list may number two categories `一、`).
    pub category_index: usize,
    /// The notes of the materials' groups (sentences of the 办理材料 cell that ask for no
    /// material, [`MaterialGroup::notes`](crate::MaterialGroup::notes)), in order, joined
    /// with `|`: a group may hold notes and no item, so they are the matter's.
    pub material_notes: String,
}

impl Row for MatterRow {
    const COLUMNS: &'static [&'static str] = &[
        "source",
        "title",
        "category_ordinal",
        "category_name",
        "category_code",
        "seq",
        "seq_raw",
        "name",
        "name_raw",
        "code",
        "line",
        "none_required",
        "max_working_days",
        "steps",
        "channel_kinds",
        "materials_raw",
        "deadline_raw",
        "steps_raw",
        "channels_raw",
        "notes_raw",
        "legal_basis_raw",
        "extra",
        "deadline_note",
        "fee_charged",
        "fee_raw",
        "fee_standard",
        "place",
        "inquiry_phone",
        "supervision_phone",
        "target",
        "authority",
        "kind",
        "level",
        "category_index",
        "material_notes",
    ];
}

impl MatterRow {
    /// The row of `matter`, of the `category_index`th category.
    fn new(
        document: &Document,
        (category_index, category): (usize, &Category),
        matter: &Matter,
        source: &str,
    ) -> MatterRow {
        MatterRow {
            source: source.to_owned(),
            title: document.title.clone(),
            category_ordinal: category.ordinal,
            category_name: category.name.clone(),
            category_code: category.code.clone(),
            seq: matter.seq,
            seq_raw: matter.seq_raw.clone(),
            name: matter.name.clone(),
            name_raw: matter.name_raw.clone(),
            code: matter.code.clone(),
            line: matter.line,
            none_required: matter.materials.none_required,
            max_working_days: matter.deadline.max_working_days,
            steps: join(&matter.steps.steps),
            channel_kinds: join(matter.channels.modes.iter().map(|mode| mode.kind.as_str())),
            materials_raw: matter.materials.raw.clone(),
            deadline_raw: matter.deadline.raw.clone(),
            steps_raw: matter.steps.raw.clone(),
            channels_raw: matter.channels.raw.clone(),
            notes_raw: matter.notes.raw.clone(),
            legal_basis_raw: matter.legal_basis.raw.clone(),
            extra: serde_json::to_string(&matter.extra).unwrap_or_else(|_| "{}".to_owned()),
            deadline_note: matter.deadline_note.clone(),
            fee_charged: matter.fee.as_ref().and_then(|fee| fee.charged),
            fee_raw: matter
                .fee
                .as_ref()
                .map(|fee| fee.raw.clone())
                .filter(|raw| !raw.is_empty()),
            fee_standard: matter.fee.as_ref().and_then(|fee| fee.standard.clone()),
            place: matter.place.clone(),
            inquiry_phone: matter.inquiry_phone.clone(),
            supervision_phone: matter.supervision_phone.clone(),
            target: matter.target.clone(),
            authority: matter.authority.clone(),
            kind: matter.kind.clone(),
            level: matter.level.clone(),
            category_index,
            material_notes: join(material_notes(matter)),
        }
    }
}

/// The notes of every group of the matter's materials, in order.
pub(crate) fn material_notes(matter: &Matter) -> impl Iterator<Item = &str> {
    let groups = matter.materials.groups.iter();
    groups.flat_map(|group| group.notes.iter().map(String::as_str))
}

/// One item of a matter's 办理材料.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaterialRow {
    /// The file the document came from.
    pub source: String,
    /// The line of the matter the item belongs to (joins [`MatterRow::line`]).
    pub matter_line: usize,
    /// The 子项序号 of the matter.
    pub matter_seq: Option<u32>,
    /// Which group of the cell the item is in, from 1.
    pub group_index: usize,
    /// Who applies (`在职职工`), when the cell sorts materials by applicant.
    pub applicant: Option<String>,
    /// The item's place in its group, from 1.
    pub item_index: usize,
    /// The item, normalized, without its list marker.
    pub text: String,
    /// `A或B` → `A|B`; empty when there is no choice.
    pub alternatives: String,
    /// Titles quoted in 《》, without the brackets, joined with `|`.
    pub forms: String,
    /// `1份` → 1.
    pub copies: Option<u32>,
    /// `original`, `copy`, `original_and_copy` or `original_or_copy`.
    pub format: Option<MaterialFormat>,
    /// `加盖单位公章` and like wordings.
    pub seal_required: bool,
    /// When the item applies (`属于意外伤害情形的`).
    pub condition: Option<String>,
    /// The heading the item's group is listed under (`女职工生育津贴报销`), when the cell sorts
    /// items under headings that name no applicant.
    pub group_heading: Option<String>,
    /// `paper`, `electronic`, `paper_and_electronic` or `paper_or_electronic`.
    pub medium: Option<MaterialMedium>,
    /// `非必要`, `如有` and like wordings.
    pub optional: bool,
    /// `checked` (验原件) or `collected` (收原件).
    pub handling: Option<MaterialHandling>,
    /// Where the item comes from: `applicant` (申请人自备) or `department` (部门核发); named
    /// `item_source` beside the row's `source` file.
    pub item_source: Option<MaterialSource>,
}

impl Row for MaterialRow {
    const COLUMNS: &'static [&'static str] = &[
        "source",
        "matter_line",
        "matter_seq",
        "group_index",
        "applicant",
        "item_index",
        "text",
        "alternatives",
        "forms",
        "copies",
        "format",
        "seal_required",
        "condition",
        "group_heading",
        "medium",
        "optional",
        "handling",
        "item_source",
    ];
}

fn material_rows<'a>(
    matter: &'a Matter,
    source: &'a str,
) -> impl Iterator<Item = MaterialRow> + 'a {
    matter
        .materials
        .groups
        .iter()
        .enumerate()
        .flat_map(move |(group_index, group)| {
            group
                .items
                .iter()
                .enumerate()
                .map(move |(item_index, item)| MaterialRow {
                    source: source.to_owned(),
                    matter_line: matter.line,
                    matter_seq: matter.seq,
                    group_index: group_index + 1,
                    applicant: group.applicant.clone(),
                    item_index: item_index + 1,
                    group_heading: group.heading.clone(),
                    ..MaterialRow::from(item)
                })
        })
}

impl From<&Material> for MaterialRow {
    /// The item's own fields; the caller sets where it belongs.
    fn from(item: &Material) -> MaterialRow {
        MaterialRow {
            text: item.text.clone(),
            alternatives: join(&item.alternatives),
            forms: join(&item.forms),
            copies: item.copies,
            format: item.format.clone(),
            seal_required: item.seal_required,
            condition: item.condition.clone(),
            medium: item.medium.clone(),
            optional: item.optional,
            handling: item.handling.clone(),
            item_source: item.source.clone(),
            ..MaterialRow::default()
        }
    }
}

/// One document cited in a matter's 设定依据.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CitationRow {
    /// The file the document came from.
    pub source: String,
    /// The line of the matter the citation belongs to (joins [`MatterRow::line`]).
    pub matter_line: usize,
    /// The 子项序号 of the matter.
    pub matter_seq: Option<u32>,
    /// The citation's place in the cell, from 1.
    pub index: usize,
    /// The citation's own text, normalized, without its list marker.
    pub text: String,
    /// The cited document's title, without 《》.
    pub title: String,
    /// A title quoted inside it with 〈〉.
    pub inner_title: Option<String>,
    /// Issuing bodies, joined with `|`.
    pub issuers: String,
    /// `order` (令) or `wenhao` (文号), when the citation gives a document number.
    pub kind: Option<NumberKind>,
    /// The document number as written.
    pub number_raw: Option<String>,
    /// For an order, who issued it (`主席令`).
    pub number_issuer: Option<String>,
    /// For a 文号, the issuer's prefix (`人社部发`).
    pub prefix: Option<String>,
    /// For a 文号, the year.
    pub year: Option<u32>,
    /// The document number's number.
    pub number: Option<u32>,
    /// The articles (条) cited, joined with `|`: `57|58`.
    pub articles: String,
    /// Every provision, joined with `|`, each as `ARTICLE[.PARAGRAPH[.ITEM]]`; an item without
    /// a paragraph is `ARTICLE..ITEM`. `第二条第（三）款` → `2.3`.
    pub provisions: String,
    /// A named annex the provisions point into.
    pub annex: Option<String>,
}

impl Row for CitationRow {
    const COLUMNS: &'static [&'static str] = &[
        "source",
        "matter_line",
        "matter_seq",
        "index",
        "text",
        "title",
        "inner_title",
        "issuers",
        "kind",
        "number_raw",
        "number_issuer",
        "prefix",
        "year",
        "number",
        "articles",
        "provisions",
        "annex",
    ];
}

fn citation_rows<'a>(
    matter: &'a Matter,
    source: &'a str,
) -> impl Iterator<Item = CitationRow> + 'a {
    matter
        .legal_basis
        .citations
        .iter()
        .enumerate()
        .map(move |(index, citation)| CitationRow {
            source: source.to_owned(),
            matter_line: matter.line,
            matter_seq: matter.seq,
            index: index + 1,
            ..CitationRow::from(citation)
        })
}

impl From<&Citation> for CitationRow {
    /// The citation's own fields; the caller sets where it belongs.
    fn from(citation: &Citation) -> CitationRow {
        let number = citation.document_number.as_ref();
        CitationRow {
            text: citation.text.clone(),
            title: citation.title.clone(),
            inner_title: citation.inner_title.clone(),
            issuers: join(&citation.issuers),
            kind: number.map(|n| n.kind.clone()),
            number_raw: number.map(|n| n.raw.clone()),
            number_issuer: number.and_then(|n| n.issuer.clone()),
            prefix: number.and_then(|n| n.prefix.clone()),
            year: number.and_then(|n| n.year),
            number: number.and_then(|n| n.number),
            articles: join(citation.provisions.iter().map(|p| p.article.to_string())),
            provisions: join(citation.provisions.iter().map(provision_text)),
            annex: citation.annex.clone(),
            ..CitationRow::default()
        }
    }
}

/// `ARTICLE[.PARAGRAPH[.ITEM]]`, with an empty paragraph when only the item is given.
pub(crate) fn provision_text(provision: &Provision) -> String {
    match (provision.paragraph, provision.item) {
        (None, None) => provision.article.to_string(),
        (Some(paragraph), None) => format!("{}.{paragraph}", provision.article),
        (Some(paragraph), Some(item)) => format!("{}.{paragraph}.{item}", provision.article),
        (None, Some(item)) => format!("{}..{item}", provision.article),
    }
}

/// A diagnostic, with the file it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiagnosticRow {
    /// The file the document came from.
    pub source: String,
    /// The stable snake_case name of the finding.
    pub code: Code,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// `source` (the list is wrong) or `parser` (this crate could not read it).
    pub origin: Origin,
    /// 1-based source line.
    pub line: usize,
    /// 1-based column, in graphemes (named so because `column` is an SQL keyword).
    pub column_number: usize,
    /// One plain English sentence naming what was found.
    pub message: String,
    /// The line of the matter it concerns (joins [`MatterRow::line`]); empty for a finding
    /// about the table, a category or the list.
    pub matter_line: Option<usize>,
    /// Byte offset in the text read ([`Position::offset`](crate::Position::offset)); empty
    /// where the finding is placed by line and column only.
    pub offset: Option<usize>,
}

impl Row for DiagnosticRow {
    const COLUMNS: &'static [&'static str] = &[
        "source",
        "code",
        "severity",
        "origin",
        "line",
        "column_number",
        "message",
        "matter_line",
        "offset",
    ];
}

impl DiagnosticRow {
    fn new(diagnostic: &Diagnostic, source: &str) -> DiagnosticRow {
        DiagnosticRow {
            source: source.to_owned(),
            code: diagnostic.code.clone(),
            severity: diagnostic.severity.clone(),
            origin: diagnostic.origin.clone(),
            line: diagnostic.line,
            column_number: diagnostic.column,
            message: diagnostic.message.clone(),
            matter_line: diagnostic.matter_line,
            offset: diagnostic.offset,
        }
    }
}

/// The parts joined with [`LIST_SEPARATOR`].
fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>) -> String {
    let mut joined = String::new();
    for (index, part) in parts.into_iter().enumerate() {
        if index > 0 {
            joined.push_str(LIST_SEPARATOR);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_puts_the_separator_between_parts_only() {
        assert_eq!(join(Vec::<String>::new()), "");
        assert_eq!(join(["身份证"]), "身份证");
        assert_eq!(join(["身份证", "户口簿", "居住证"]), "身份证|户口簿|居住证");
    }

    #[test]
    fn provisions_are_written_article_paragraph_item() {
        let cases = [
            ((57, None, None), "57"),
            ((2, Some(3), None), "2.3"),
            ((2, Some(3), Some(1)), "2.3.1"),
            ((2, None, Some(1)), "2..1"),
        ];
        for ((article, paragraph, item), expected) in cases {
            let provision = Provision {
                article,
                paragraph,
                item,
            };
            assert_eq!(provision_text(&provision), expected);
        }
    }
}
