//! The last step of the pipeline: the table's drafts, with every cell parsed by its field
//! parser and the checks across rows run, become the [`Document`].

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::cell::Cell;
use crate::checks;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::fields;
use crate::model::{Basis, Category, Deadline, Document, Extra, Fee, Matter, SCHEMA_VERSION};
use crate::table::{CategoryDraft, Column, Frame, MatterDraft};
use crate::text::brackets;
use crate::text::normalize::{normalize, trim};
use crate::title;

/// Turns the table's drafts into the model one category at a time, feeding the checks across
/// rows as it goes.
#[derive(Debug, Default)]
pub(crate) struct Builder<'s> {
    numbering: checks::Numbering,
    cited: checks::CitedNumbers<'s>,
}

impl<'s> Builder<'s> {
    /// Parse every cell of a complete category.
    pub(crate) fn category(
        &mut self,
        draft: &CategoryDraft<'s>,
        diagnostics: &mut Diagnostics,
    ) -> Category {
        self.numbering.category(draft, diagnostics);
        let category = category(draft, diagnostics);
        for (draft, matter) in draft.matters.iter().zip(&category.matters) {
            if let Some(cell) = draft.cell(Column::LegalBasis) {
                self.cited.matter(cell, &matter.legal_basis.citations);
            }
        }
        category
    }

    /// The document of `categories` (those not given out one by one) in its `frame`, once the
    /// checks that needed every category have run.
    pub(crate) fn finish(
        self,
        frame: Frame,
        categories: Vec<Category>,
        mut diagnostics: Diagnostics,
    ) -> Document {
        self.cited.finish(&mut diagnostics);
        Document {
            schema_version: SCHEMA_VERSION,
            // The reader sets the encoding it read.
            encoding: crate::Encoding::Utf8.name().to_owned(),
            region: frame.title.as_deref().and_then(title::region),
            edition: frame.title.as_deref().and_then(title::edition),
            title: frame.title,
            preamble: frame.preamble,
            columns: frame.columns,
            other_columns: frame.other_columns,
            categories,
            footnotes: frame.footnotes,
            diagnostics: diagnostics.into_sorted(),
        }
    }
}

/// A category's or a matter's name as the model gives it: normalized, without the `。` that
/// closes it as a sentence (a 办事指南 writes each field as one: `城乡居民参保登记。`); the
/// raw text keeps it.
fn name_text(text: &str) -> String {
    let name = normalize(text);
    match name.strip_suffix('。') {
        Some(rest) => rest.trim_end().to_owned(),
        None => name,
    }
}

fn category(draft: &CategoryDraft<'_>, diagnostics: &mut Diagnostics) -> Category {
    let (ordinal, name) = draft.ordinal_and_name();
    Category {
        ordinal,
        name: name_text(name),
        raw: draft.pieces.iter().map(|p| p.text().to_owned()).collect(),
        code: draft.code.as_ref().map(|c| trim(c.text()).to_owned()),
        lines: draft.lines.into(),
        matters: draft
            .matters
            .iter()
            .map(|m| matter(m, diagnostics))
            .collect(),
    }
}

/// Parse a matter's cell of `column` with `parse`, or give the empty value (keeping any white
/// space as `raw`) when the cell is blank or the list has no such column. Brackets the cell
/// leaves unmatched are reported first: a parser reads past them, so silence would hide them.
fn field<T: Default + HasRaw>(
    draft: &MatterDraft<'_>,
    column: Column,
    diagnostics: &mut Diagnostics,
    parse: fn(&Cell<'_>, &mut Diagnostics) -> T,
) -> T {
    match draft.cell(column) {
        Some(cell) if !cell.is_blank() => {
            check_brackets(cell, column, diagnostics);
            parse(cell, diagnostics)
        }
        Some(cell) => T::with_raw(cell.text()),
        None => T::default(),
    }
}

/// An `unbalanced_brackets` warning at the first bracket of the cell that has no partner.
fn check_brackets(cell: &Cell<'_>, column: Column, diagnostics: &mut Diagnostics) {
    let Some(found) = brackets::first_unmatched(cell.text()) else {
        return;
    };
    let at = cell.position(found.offset);
    let what = if found.opening {
        "is never closed"
    } else {
        "closes nothing"
    };
    diagnostics.push(
        Code::UnbalancedBrackets,
        at,
        format!(
            "the {} cell at line {} has a “{}” at column {} that {what}",
            column.name(),
            at.line,
            found.bracket,
            at.column
        ),
    );
}

/// The structured cells, built empty around their raw text.
trait HasRaw {
    fn with_raw(raw: &str) -> Self;
}

macro_rules! has_raw {
    ($($ty:ty),*) => {$(
        impl HasRaw for $ty {
            fn with_raw(raw: &str) -> Self {
                Self { raw: raw.to_owned(), ..Self::default() }
            }
        }
    )*};
}

has_raw!(
    crate::model::Materials,
    crate::model::Deadline,
    crate::model::Steps,
    crate::model::Channels,
    crate::model::Notes,
    crate::model::LegalBasis
);

fn matter(draft: &MatterDraft<'_>, diagnostics: &mut Diagnostics) -> Matter {
    let mut matter =
        diagnostics.in_matter(draft.line, |diagnostics| parse_matter(draft, diagnostics));
    fit_lists(&mut matter);
    matter
}

/// Give the lists of a parsed matter back the room they grew but do not use. A list that grew
/// by pushing holds room for at least four elements; most cells have one or two, and the
/// document of a long list keeps every matter, so the slack would be a good part of its memory.
fn fit_lists(matter: &mut Matter) {
    for group in &mut matter.materials.groups {
        group.items.shrink_to_fit();
    }
    matter.materials.groups.shrink_to_fit();
    matter.deadline.clauses.shrink_to_fit();
    matter.steps.steps.shrink_to_fit();
    matter.channels.modes.shrink_to_fit();
    matter.notes.items.shrink_to_fit();
    matter.notes.channel_deadlines.shrink_to_fit();
    matter.notes.definitions.shrink_to_fit();
    for citation in &mut matter.legal_basis.citations {
        citation.issuers.shrink_to_fit();
        citation.provisions.shrink_to_fit();
    }
    matter.legal_basis.citations.shrink_to_fit();
}

fn parse_matter(draft: &MatterDraft<'_>, diagnostics: &mut Diagnostics) -> Matter {
    let mut extra = Extra::new();
    // Every key taken, with the next suffix to try for a later column of that name: one hash
    // per column, so that a row of a million columns stays cheap, and many columns of one name
    // stay linear. A key is borrowed from the draft unless it has a suffix.
    let mut taken: HashMap<Cow<'_, str>, usize> = HashMap::new();
    for (name, cell) in &draft.extra {
        if cell.text().is_empty() {
            continue;
        }
        let key = match taken.entry(Cow::Borrowed(name.as_str())) {
            Entry::Vacant(slot) => {
                slot.insert(2);
                name.clone()
            }
            Entry::Occupied(slot) => {
                let mut n = *slot.get();
                let key = loop {
                    let key = format!("{name} ({n})");
                    n += 1;
                    if !taken.contains_key(key.as_str()) {
                        break key;
                    }
                };
                taken.insert(Cow::Borrowed(name.as_str()), n);
                taken.insert(Cow::Owned(key.clone()), 2);
                key
            }
        };
        extra.push_new(key, cell.text().to_owned());
    }
    Matter {
        seq: fields::seq::seq_value(draft.text(Column::Seq))
            .ok()
            .flatten(),
        seq_raw: draft.text(Column::Seq).to_owned(),
        name: name_text(draft.text(Column::Name)),
        name_raw: draft.text(Column::Name).to_owned(),
        code: Some(trim(draft.text(Column::MatterCode)).to_owned()).filter(|c| !c.is_empty()),
        line: draft.line,
        materials: field(
            draft,
            Column::Materials,
            diagnostics,
            fields::materials::parse,
        ),
        deadline: deadline(draft, diagnostics),
        steps: field(draft, Column::Steps, diagnostics, fields::steps::parse),
        channels: field(
            draft,
            Column::Channels,
            diagnostics,
            fields::channels::parse,
        ),
        notes: field(draft, Column::Notes, diagnostics, fields::notes::parse),
        legal_basis: field(
            draft,
            Column::LegalBasis,
            diagnostics,
            fields::citations::parse,
        ),
        extra,
        deadline_note: trimmed(draft, Column::CommittedDeadlineNote),
        fee: fee(draft, diagnostics),
        place: trimmed(draft, Column::Place),
        inquiry_phone: trimmed(draft, Column::InquiryPhone),
        supervision_phone: trimmed(draft, Column::SupervisionPhone),
        target: trimmed(draft, Column::Target),
        authority: trimmed(draft, Column::Authority),
        kind: trimmed(draft, Column::Kind),
        level: trimmed(draft, Column::Level),
    }
}

/// The trimmed text of a column's cell; `None` when it is blank or the list has no such
/// column.
fn trimmed(draft: &MatterDraft<'_>, column: Column) -> Option<String> {
    let text = trim(draft.cell(column)?.text());
    (!text.is_empty()).then(|| text.to_owned())
}

/// The deadline columns, each with the basis its clauses have when their text names none.
const DEADLINE_COLUMNS: [(Column, Option<Basis>); 3] = [
    (Column::Deadline, None),
    (Column::StatutoryDeadline, Some(Basis::Statutory)),
    (Column::CommittedDeadline, Some(Basis::Committed)),
];

/// The matter's deadline, from its 办理时限, 法定办结时限 and 承诺办结时限 cells, each parsed
/// on its own. A clause of a 法定 or 承诺 column whose text names no basis gets the column's.
/// `raw` is the one non-blank cell as found; when several cells hold text, each is written on
/// a line of its own after its column's name (`法定办结时限：20个工作日` and
/// `承诺办结时限：5个工作日`), so that no text is lost; `max_working_days` is the largest
/// bound of all the clauses.
fn deadline(draft: &MatterDraft<'_>, diagnostics: &mut Diagnostics) -> Deadline {
    let only_plain = draft.cell(Column::StatutoryDeadline).is_none()
        && draft.cell(Column::CommittedDeadline).is_none();
    if only_plain {
        // Most lists: one 办理时限 column, read as it always was.
        return field(
            draft,
            Column::Deadline,
            diagnostics,
            fields::deadline::parse,
        );
    }
    let mut parts: Vec<(Column, Deadline)> = Vec::new();
    for (column, basis) in DEADLINE_COLUMNS {
        if draft.cell(column).is_none_or(Cell::is_blank) {
            continue;
        }
        let mut part: Deadline = field(draft, column, diagnostics, fields::deadline::parse);
        for clause in &mut part.clauses {
            clause.basis = clause.basis.take().or_else(|| basis.clone());
        }
        parts.push((column, part));
    }
    if parts.len() <= 1 {
        return parts.pop().map_or_else(
            || {
                // Blank or missing: the first deadline column's text (white space) is the raw.
                let first = DEADLINE_COLUMNS
                    .iter()
                    .find_map(|&(column, _)| draft.cell(column));
                Deadline::with_raw(first.map_or("", Cell::text))
            },
            |(_, part)| part,
        );
    }
    let raw = parts
        .iter()
        .map(|(column, part)| format!("{}：{}", column.name(), part.raw))
        .collect::<Vec<_>>()
        .join("\n");
    let mut merged = Deadline::with_raw(&raw);
    for (_, part) in parts {
        merged.clauses.extend(part.clauses);
        merged.frequencies.extend(part.frequencies);
        merged.effects.extend(part.effects);
        merged.excludes.extend(part.excludes);
    }
    merged.max_working_days = fields::deadline::max_working_days(&merged.clauses);
    merged
}

/// The fee columns: whether the matter is charged for, read from the 是否收费 cell (a cell that
/// says neither is reported) or else from a 收费标准 cell that says it, and the texts.
fn fee(draft: &MatterDraft<'_>, diagnostics: &mut Diagnostics) -> Option<Fee> {
    let charged_cell = draft.cell(Column::Charged);
    let standard = trimmed(draft, Column::FeeStandard);
    if charged_cell.is_none() && draft.cell(Column::FeeStandard).is_none() {
        return None;
    }
    let from_cell = charged_cell.filter(|c| !c.is_blank()).map(|cell| {
        let charged = charged_of(cell.text());
        if charged.is_none() {
            let at = cell.start();
            diagnostics.push(
                Code::FeeUnparsed,
                at,
                format!(
                    "the 是否收费 cell at line {} reads “{}”, neither yes (是, 收费) nor no (否, 不收费, 免费, 无); `fee.charged` is left empty",
                    at.line,
                    excerpt(trim(cell.text()))
                ),
            );
        }
        charged
    });
    let charged = from_cell
        .flatten()
        .or_else(|| standard.as_deref().and_then(charged_of));
    Some(Fee {
        charged,
        raw: charged_cell.map_or("", Cell::text).to_owned(),
        standard,
    })
}

/// Whether a fee wording says the matter is charged for: `Some(false)` for `否`, `不收费`,
/// `免费`, `无`; `Some(true)` for `是`, `收费`; `None` otherwise. White space and a final full
/// stop are ignored.
fn charged_of(text: &str) -> Option<bool> {
    let text = normalize(text);
    match text.trim_end_matches(['。', '.']) {
        "否" | "不收费" | "免费" | "无" => Some(false),
        "是" | "收费" => Some(true),
        _ => None,
    }
}
