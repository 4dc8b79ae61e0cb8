//! Parser for the deadline cell (办理时限).
//!
//! A deadline cell states one or more time limits, each a *clause*: `即时办结` (immediate), or
//! an amount and a unit (`不超过15个工作日`), with what the text says about it:
//!
//! - a **condition**, what the clause applies to: `跨省转移接续不超过15个工作日` →
//!   `跨省转移接续`; `省内转入的，即时办结` → `省内转入的`;
//! - a **basis**: `法定` / `国家规定` → statutory, `承诺` → committed;
//! - a **label**, a named limit: `评估时限不超过3个月` → `评估时限` (the generic `办理时限`
//!   is no label);
//! - a **start**, the event the period runs from: `自受理之日起`, `收到《联系函》后`.
//!
//! The cell is read in layers: numbered points ([`markers`](crate::text::markers)), sentences
//! (`。`, `；`), pieces (`，`), and inside a piece every clause *core* (an immediate wording or
//! an amount with a unit). The text between two cores is the prefix of the second, read right
//! to left: qualifiers (`不超过`, `最长`, `为`), the start, the basis or label, and what is left
//! is the condition. White space is ignored inside a piece, so cores separated only by a space
//! (`…15个工作日 省内转移接续…`) are still two clauses.
//!
//! A clause without its own condition takes the *topic* of its sentence: the first piece
//! without a clause (cut before an adverb such as `随时`), or a later conditional piece ending in
//! `的`. So in `其它病种随时申报相关材料，…，自审核之日起20个工作日办结` the 20 working days
//! apply to `其它病种`.
//!
//! Prose around the clauses (`办结后次日享受待遇`) is not an error. What is reported as
//! `deadline_unparsed`: a cell, or a numbered point, without any clause; a range
//! (`3-5个工作日`) or a decimal amount; time wording no clause took (`两周`, `3月10日前`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::model::{Basis, ClauseKind, Deadline, DeadlineClause, TimeUnit};
use crate::text::brackets::non_ideographs;
use crate::text::markers::points;
use crate::text::normalize::trim;
use crate::text::normalize::{is_space_or_invisible, normalize};
use crate::text::numeral;

mod piece;
mod prefix;
mod text;

use piece::*;
use prefix::*;
pub use text::ParseDeadlineError;

/// Structure a deadline cell; every part that could not be read gets a `deadline_unparsed`
/// diagnostic at its position.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Deadline {
    let reading = read(cell.text());
    for problem in &reading.problems {
        diagnostics.push(
            Code::DeadlineUnparsed,
            cell.position_of(problem.part()),
            problem.message(),
        );
    }
    deadline_of(cell.text(), reading.clauses)
}

/// The deadline with `raw` text and its clauses, and the bound the clauses give.
fn deadline_of(raw: &str, clauses: Vec<DeadlineClause>) -> Deadline {
    Deadline {
        raw: raw.to_owned(),
        max_working_days: max_working_days(&clauses),
        clauses,
    }
}

/// The largest bound in working days, when every clause is immediate (0) or counted in working
/// days; `None` when there is no clause or one is counted otherwise.
fn max_working_days(clauses: &[DeadlineClause]) -> Option<u32> {
    clauses
        .iter()
        .map(|clause| match (clause.kind, clause.unit) {
            (ClauseKind::Immediate, _) => Some(0),
            (ClauseKind::Limit, Some(TimeUnit::WorkingDay)) => clause.amount,
            _ => None,
        })
        .try_fold(None, |max: Option<u32>, bound| {
            bound.map(|b| Some(max.map_or(b, |m| m.max(b))))
        })
        .flatten()
}

// ---------------------------------------------------------------------------------------------
// Reading a cell
// ---------------------------------------------------------------------------------------------

/// What a deadline text gave: its clauses, and the parts that could not be read.
#[derive(Debug, Default)]
pub(crate) struct Reading<'a> {
    pub(crate) clauses: Vec<DeadlineClause>,
    pub(crate) problems: Vec<Problem<'a>>,
}

/// A part of a deadline text that could not be structured (a slice of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem<'a> {
    /// The whole text names no time limit.
    NoTimeLimit(&'a str),
    /// A numbered point names no time limit.
    PointWithoutTimeLimit(u32, &'a str),
    /// A range of amounts (`3-5个工作日`, `三至五日`).
    Range(&'a str),
    /// Time wording that no clause took (`两周`, `3月10日前`, `1.5个工作日`).
    Unread(&'a str),
}

impl<'a> Problem<'a> {
    /// The part of the text the problem is about.
    pub(crate) fn part(&self) -> &'a str {
        match *self {
            Problem::NoTimeLimit(part)
            | Problem::PointWithoutTimeLimit(_, part)
            | Problem::Range(part)
            | Problem::Unread(part) => part,
        }
    }

    /// One English sentence naming the problem.
    pub(crate) fn message(&self) -> String {
        let part = excerpt(self.part());
        match self {
            Problem::NoTimeLimit(_) => {
                format!("deadline `{part}` states no time limit that could be read")
            }
            Problem::PointWithoutTimeLimit(number, _) => {
                format!("deadline point {number} `{part}` states no time limit that could be read")
            }
            Problem::Range(_) => {
                format!("deadline `{part}` gives a range of time limits, which is not structured")
            }
            Problem::Unread(_) => {
                format!("deadline part `{part}` looks like a time limit but could not be read")
            }
        }
    }
}

/// Read every clause of a deadline text.
pub(crate) fn read(text: &str) -> Reading<'_> {
    let mut reading = Reading {
        // Room for the one clause most cells have, without growing into it.
        clauses: Vec::with_capacity(1),
        problems: Vec::new(),
    };
    for item in points(text) {
        let clauses_before = reading.clauses.len();
        let problems_before = reading.problems.len();
        read_point(item.body, &mut reading);
        let nothing_found =
            reading.clauses.len() == clauses_before && reading.problems.len() == problems_before;
        if let (Some(marker), true) = (item.marker, nothing_found) {
            reading
                .problems
                .push(Problem::PointWithoutTimeLimit(marker.number, item.body));
        }
    }
    if reading.clauses.is_empty() && reading.problems.is_empty() && !text.trim().is_empty() {
        reading.problems.push(Problem::NoTimeLimit(text.trim()));
    }
    reading
}

/// Punctuation that ends a sentence.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?')
}

/// Punctuation that separates the pieces of a sentence.
fn is_piece_break(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Read the clauses of a point's body: its sentences (ended by [`is_sentence_end`]) and their
/// pieces (between [`is_piece_break`]), in one walk that also notes whether a piece holds white
/// space or an invisible character (else it needs no [`compact`]ing). Clauses without a
/// condition take the topic of their sentence.
fn read_point<'a>(body: &'a str, reading: &mut Reading<'a>) {
    let mut topic: Option<String> = None;
    let mut start = 0;
    let mut spaced = false;
    // Ideographs are neither punctuation nor white space: they are passed by undecoded.
    for (i, c) in non_ideographs(body) {
        let sentence_ends = is_sentence_end(c);
        if sentence_ends || is_piece_break(c) {
            read_piece(&body[start..i], spaced, &mut topic, reading);
            if sentence_ends {
                topic = None;
            }
            start = i + c.len_utf8();
            spaced = false;
        } else {
            spaced |= is_space_or_invisible(c);
        }
    }
    read_piece(&body[start..], spaced, &mut topic, reading);
}

/// Read the clauses of one piece (trimmed here; an empty one is skipped), giving those without
/// a condition the sentence's `topic`, or else let it set the topic. `spaced`: whether the
/// piece may hold white space or an invisible character.
fn read_piece<'a>(
    piece: &'a str,
    spaced: bool,
    topic: &mut Option<String>,
    reading: &mut Reading<'a>,
) {
    let piece = trim(piece);
    if piece.is_empty() {
        return;
    }
    let text = if spaced {
        compact(piece)
    } else {
        Cow::Borrowed(piece)
    };
    let first_clause = reading.clauses.len();
    let scan = scan_compact(piece, &text, &mut reading.clauses);
    reading.problems.extend(scan.problem);
    if scan.clauses == 0 {
        if topic.is_none() || text.ends_with('的') {
            *topic = topic_of(&text);
        }
        return;
    }
    for clause in &mut reading.clauses[first_clause..] {
        if clause.condition.is_none() {
            clause.condition.clone_from(topic);
        }
    }
}

/// Adverbs that end the topic of a sentence (`其它病种随时申报…` → `其它病种`).
const TOPIC_ENDS: &[&str] = &["随时", "每", "均", "一律"];

/// What a piece without a clause says the sentence is about: the piece up to the first adverb
/// of [`TOPIC_ENDS`], or `None` when nothing comes before it.
fn topic_of(piece: &str) -> Option<String> {
    let end = TOPIC_ENDS
        .iter()
        .filter_map(|adverb| piece.find(adverb))
        .min()
        .unwrap_or(piece.len());
    non_empty(&piece[..end])
}

/// The text without white space or invisible characters: inside a piece, spaces are PDF
/// artifacts or separate two clauses, which the cores delimit anyway.
fn compact(text: &str) -> Cow<'_, str> {
    if text.contains(is_space_or_invisible) {
        Cow::Owned(
            text.chars()
                .filter(|&c| !is_space_or_invisible(c))
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Trimmed of joining punctuation, or `None` when nothing is left.
fn non_empty(text: &str) -> Option<String> {
    let text = text
        .trim_matches(|c: char| matches!(c, '，' | ',' | '、' | '：' | ':') || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_owned())
}

// ---------------------------------------------------------------------------------------------
// For notes: a clause standing alone
// ---------------------------------------------------------------------------------------------

/// The clause `piece` consists of, when it is nothing but one clause with at most the plain
/// name of a limit before it and its suffix after it (`办理时限1个工作日`, `即时办结`,
/// `5个工作日内办结`). Used to read deadlines out of prose, where `近3个月的病历` must not be
/// one.
pub(crate) fn standalone_clause(piece: &str) -> Option<DeadlineClause> {
    if !may_end_a_clause(piece) {
        return None;
    }
    let mut clauses = Vec::new();
    let scan = scan_piece(piece, &mut clauses);
    let alone = scan.clauses == 1 && scan.problem.is_none() && !scan.trailing_text;
    let clause = clauses.pop().filter(|_| alone)?;
    (clause.condition.is_none() && clause.label.is_none() && clause.start.is_none())
        .then_some(clause)
}

/// Whether `piece` may end with a clause and nothing after it, as a standalone clause must:
/// its last visible character ends an immediate wording (`即时办结`, `即办件`), a unit
/// (`工作日`, `天`, `小时`) or a suffix (`内`, `办理完毕`, `完成`). Notes ask this of many
/// pieces of prose, which most end otherwise: one look at the end spares reading them.
fn may_end_a_clause(piece: &str) -> bool {
    piece
        .chars()
        .rev()
        .find(|&c| !is_space_or_invisible(c))
        .is_some_and(|last| {
            matches!(
                last,
                '结' | '理'
                    | '件'
                    | '办'
                    | '日'
                    | '天'
                    | '月'
                    | '时'
                    | '年'
                    | '内'
                    | '毕'
                    | '完'
                    | '成'
            )
        })
}

#[cfg(test)]
mod tests;
