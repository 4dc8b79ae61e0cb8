//! Constructors of the model types, for crates that build values themselves (a test's
//! expected document, a matter to compare with): the types are `#[non_exhaustive]`, so a
//! struct literal is not possible outside this crate. Each constructor takes what has no
//! sensible default; every other field is empty (`None`, `""`, `[]`) and public to set.
//!
//! ```
//! use shixiang::{Category, Channel, ChannelKind, DeadlineClause, Document, Matter, TimeUnit};
//!
//! let mut matter = Matter::new("单位参保登记");
//! matter.seq = Some(1);
//! matter.deadline.clauses.push(DeadlineClause::limit(5, TimeUnit::WorkingDay));
//! matter.channels.modes.push(Channel::new("网上办理", ChannelKind::Online));
//! let mut category = Category::new("参保登记");
//! category.matters.push(matter);
//! let mut document = Document::new();
//! document.categories.push(category);
//! assert_eq!(document.matters().count(), 1);
//! assert_eq!(document.matters().next().unwrap().1.deadline.working_days(), Some(5));
//! ```

use crate::model::{
    Category, Channel, ChannelDeadline, ChannelKind, ClauseKind, DeadlineClause, Definition,
    Document, DocumentNumber, Effect, Frequency, Matter, NumberKind, Period, Provision, StepLimit,
    TimeUnit, SCHEMA_VERSION,
};

impl Document {
    /// An empty document of this version ([`SCHEMA_VERSION`], encoding `UTF-8`).
    pub fn new() -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            encoding: crate::Encoding::Utf8.name().to_owned(),
            title: None,
            region: None,
            edition: None,
            preamble: Vec::new(),
            columns: Vec::new(),
            other_columns: Vec::new(),
            categories: Vec::new(),
            footnotes: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

impl Default for Document {
    fn default() -> Document {
        Document::new()
    }
}

impl Category {
    /// A category named `name` (without its numeral), with no matter yet.
    pub fn new(name: impl Into<String>) -> Category {
        Category {
            name: name.into(),
            ..Category::default()
        }
    }
}

impl Matter {
    /// A matter named `name` (its `name_raw` too), every cell empty.
    pub fn new(name: impl Into<String>) -> Matter {
        let name = name.into();
        Matter {
            name_raw: name.clone(),
            name,
            ..Matter::default()
        }
    }
}

impl DeadlineClause {
    /// A clause done on the spot (`即时办结`).
    pub fn immediate() -> DeadlineClause {
        DeadlineClause::of_kind(ClauseKind::Immediate)
    }

    /// A time limit of `amount` `unit`s (`5个工作日`).
    pub fn limit(amount: u32, unit: TimeUnit) -> DeadlineClause {
        DeadlineClause {
            amount: Some(amount),
            unit: Some(unit),
            ..DeadlineClause::of_kind(ClauseKind::Limit)
        }
    }

    /// A clause of `kind` with every other field empty.
    pub(crate) fn of_kind(kind: ClauseKind) -> DeadlineClause {
        DeadlineClause {
            kind,
            amount: None,
            unit: None,
            condition: None,
            basis: None,
            label: None,
            start: None,
            min: None,
            extent: None,
            step: None,
        }
    }
}

impl Frequency {
    /// `action` done once a `period` or at any time (`每月审核办理一次`: a month, `审核办理`).
    pub fn new(period: Period, action: impl Into<String>) -> Frequency {
        Frequency {
            condition: None,
            period,
            times: None,
            at_least: false,
            action: action.into(),
        }
    }
}

impl Effect {
    /// What follows the handling (`享受待遇`).
    pub fn new(outcome: impl Into<String>) -> Effect {
        Effect {
            outcome: outcome.into(),
            ..Effect::default()
        }
    }
}

impl StepLimit {
    /// The limit `clause` of the step at index `step`.
    pub fn new(step: usize, clause: DeadlineClause) -> StepLimit {
        StepLimit { step, clause }
    }
}

impl Channel {
    /// A way to apply, worded `text`.
    pub fn new(text: impl Into<String>, kind: ChannelKind) -> Channel {
        Channel {
            text: text.into(),
            kind,
        }
    }
}

impl ChannelDeadline {
    /// The limit `clause` for applying the way `condition` says.
    pub fn new(condition: impl Into<String>, clause: DeadlineClause) -> ChannelDeadline {
        ChannelDeadline {
            condition: condition.into(),
            clause,
        }
    }
}

impl Definition {
    /// `term` defined as including `includes`.
    pub fn new(term: impl Into<String>, includes: Vec<String>) -> Definition {
        Definition {
            term: term.into(),
            includes,
        }
    }
}

impl Provision {
    /// Article `article`, no paragraph or item.
    pub fn new(article: u32) -> Provision {
        Provision {
            article,
            paragraph: None,
            item: None,
        }
    }
}

impl DocumentNumber {
    /// A number written `raw`, of `kind`; its parts empty.
    pub fn new(raw: impl Into<String>, kind: NumberKind) -> DocumentNumber {
        DocumentNumber {
            raw: raw.into(),
            kind,
            issuer: None,
            prefix: None,
            year: None,
            number: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Deadline;

    #[test]
    fn constructed_values_equal_parsed_ones() {
        let parsed: Deadline = "5个工作日".parse().unwrap();
        assert_eq!(
            parsed.clauses,
            [DeadlineClause::limit(5, TimeUnit::WorkingDay)]
        );
        let parsed: Deadline = "即时办结".parse().unwrap();
        assert_eq!(parsed.clauses, [DeadlineClause::immediate()]);
        let document = crate::parse("主项\t子项序号\t子项\n一、参保\t1\t登记\n").unwrap();
        let matter = &document.categories[0].matters[0];
        let mut built = Matter::new("登记");
        built.seq = Some(1);
        built.seq_raw = "1".to_owned();
        built.line = 2;
        assert_eq!(matter, &built);
    }

    #[test]
    fn a_new_document_serializes_as_this_version() {
        let document = Document::new();
        assert_eq!(document.schema_version, SCHEMA_VERSION);
        assert_eq!(document.encoding, "UTF-8");
        assert_eq!(Document::default(), document);
    }
}
