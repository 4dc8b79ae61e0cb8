//! The last step of the pipeline: the table's drafts, with every cell parsed by its field
//! parser and the checks across rows run, become the [`Document`].

use std::collections::{BTreeMap, HashMap};

use crate::brackets;
use crate::cell::Cell;
use crate::checks;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields;
use crate::model::{Category, Document, Matter, SCHEMA_VERSION};
use crate::normalize::{normalize, trim};
use crate::table::{CategoryDraft, Column, Frame, MatterDraft};
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

fn category(draft: &CategoryDraft<'_>, diagnostics: &mut Diagnostics) -> Category {
    let (ordinal, name) = draft.ordinal_and_name();
    Category {
        ordinal,
        name: normalize(name),
        raw: draft.pieces.iter().map(|p| p.text().to_owned()).collect(),
        code: draft.code.as_ref().map(|c| trim(c.text()).to_owned()),
        lines: draft.lines,
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
    let mut matter = parse_matter(draft, diagnostics);
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
    let mut extra = BTreeMap::new();
    // The next suffix to try for each name, so that many columns of one name stay linear.
    let mut next_suffix: HashMap<&str, usize> = HashMap::new();
    for (name, cell) in &draft.extra {
        if cell.text().is_empty() {
            continue;
        }
        let mut key = name.clone();
        let n = next_suffix.entry(name).or_insert(2);
        while extra.contains_key(&key) {
            key = format!("{name} ({n})");
            *n += 1;
        }
        extra.insert(key, cell.text().to_owned());
    }
    Matter {
        seq: checks::seq_value(draft.text(Column::Seq)).ok().flatten(),
        seq_raw: draft.text(Column::Seq).to_owned(),
        name: normalize(draft.text(Column::Name)),
        name_raw: draft.text(Column::Name).to_owned(),
        code: Some(trim(draft.text(Column::MatterCode)).to_owned()).filter(|c| !c.is_empty()),
        line: draft.line,
        materials: field(
            draft,
            Column::Materials,
            diagnostics,
            fields::materials::parse,
        ),
        deadline: field(
            draft,
            Column::Deadline,
            diagnostics,
            fields::deadline::parse,
        ),
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
    }
}
