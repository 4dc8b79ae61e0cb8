//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! ```text
//! steps     = point*                       -- numbered points (`1.申请 2.受理`), or the cell as one
//! point     = step (arrow step)*           -- top-level parts (fields::top_level)
//! arrow     = is_arrow                     -- `—` `－` `-` `–` `―` `→` `>` …; a run (`——`, `->`) is one
//! step      = a step word, normalized; an empty one is dropped
//! ```
//!
//! Two readings beyond the arrows:
//!
//! - **`一` as a dash.** Text extraction writes `—` as `一` (U+4E00) in some lists:
//!   `申请一受理一审核拨付一办结` is four steps. A part is read so only where the cell holds no
//!   arrow, the part no clause punctuation, and at each top-level `一` the text before it ends
//!   with a step word ([`STEP_WORDS`]) and the text after it starts with one. Ordinary words
//!   holding `一` (`统一`, `唯一`, `第一`, `一次性`, `一般`, `一件事`) have no step word on
//!   both sides and are never split. Each part so read is reported as `steps_dash_read` (info).
//! - **A step's own limit.** A step ending in a bracket that holds one deadline clause and nothing
//!   else (`受理（1个工作日）`, `审核(5个工作日内)`) is named without the bracket (`受理`) and the
//!   clause is its [`StepLimit`], read by the deadline parser
//!   ([`deadline::standalone_clause`]). Any other bracket stays part of the step's name.
//!
//! A dash inside brackets does not split (`审核（初审-复审）`). A step word holds no clause
//! punctuation ([`is_clause_punctuation`]) outside brackets but at its ends: a part like `申请、受理` or
//! `办结。材料不全的一次性告知` is kept as one step, as the cell has it, but reported as
//! `steps_partial`: the parser cannot tell its steps apart.

use std::borrow::Cow;

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::deadline;
use crate::fields::top_level::{range_in, top_level_parts, understood_but};
use crate::model::{DeadlineClause, StepLimit, Steps};
use crate::text::brackets::{self, non_ideographs};
use crate::text::markers;
use crate::text::normalize::{is_space_or_invisible, normalized, trim};

/// The characters that lead from one step to the next. A run of them (`——`, `--`, `->`) is one
/// arrow, as the empty steps between them are dropped.
fn is_arrow(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | '—' | '–' | '―' | '‐' | '‑' | '→' | '⟶' | '➔' | '➝' | '>' | '＞'
    )
}

/// Punctuation that a step word never holds outside brackets: where it stands, the part is
/// more than one step, or prose.
fn is_clause_punctuation(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?'
    )
}

/// The words that name a step of handling, or begin or end its name (`审核拨付` begins with
/// `审核` and ends with `拨付`). Used only to tell `一` used as a dash from `一` in a word.
const STEP_WORDS: &[&str] = &[
    "申请", "受理", "审核", "审查", "审批", "审定", "决定", "办结", "送达", "拨付", "复核", "核定",
    "核准", "核查", "公示", "登记", "征收", "支付", "结算", "备案", "告知", "出具", "发放", "初审",
    "复审", "签发", "归档", "反馈", "报销", "录入", "评审", "发证", "制证", "领取", "审验",
];

/// The character text extraction writes for a dash in some lists.
const DASH_READ: char = '一';

/// Structure a steps cell. Every non-blank cell gives at least one step; a step that is no
/// step word is reported as `steps_partial`, a part whose `一` was read as a dash as
/// `steps_dash_read`.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Steps {
    let text = cell.text();
    let mut not_step_words = Vec::new();
    let mut dash_reads = Vec::new();
    let read = steps(text, |found| match found {
        Found::NotAStepWord(part) => not_step_words.push(range_in(text, part)),
        Found::DashRead(part, count) => dash_reads.push((range_in(text, part).start, part, count)),
    });
    if !not_step_words.is_empty() {
        understood_but(text, &not_step_words).report(
            cell,
            Code::StepsPartial,
            "办理环节",
            diagnostics,
        );
    }
    if !dash_reads.is_empty() {
        let starts: Vec<usize> = dash_reads.iter().map(|&(start, _, _)| start).collect();
        for ((_, part, count), at) in dash_reads.iter().zip(cell.positions(&starts)) {
            diagnostics.push(
                Code::StepsDashRead,
                at,
                format!("办理环节 \"{DASH_READ}\" read as a dash: \"{part}\" is {count} steps"),
            );
        }
    }
    Steps {
        raw: text.to_owned(),
        steps: read.steps,
        limits: read.limits,
    }
}

/// What the steps grammar tells its caller of a part as it reads it.
enum Found<'a> {
    /// A (trimmed) part kept as a step that is no step word.
    NotAStepWord(&'a str),
    /// A (trimmed) part whose `一` was read as a dash, and the count of steps read from it.
    DashRead(&'a str, usize),
}

/// The steps of a cell and the limits they give themselves.
#[derive(Debug, Default)]
struct Read {
    steps: Vec<String>,
    limits: Vec<StepLimit>,
}

/// The steps of `text`, in order; `found` is told of parts kept as steps that are no step word
/// and of parts whose `一` was read as a dash.
fn steps<'a>(text: &'a str, mut found: impl FnMut(Found<'a>)) -> Read {
    let survey = StepsSurvey::of(text);
    // Room for every step: one more than the arrows, but for empty ones (rare).
    let mut read = Read {
        steps: Vec::with_capacity(survey.arrows + 1),
        limits: Vec::new(),
    };
    for point in markers::points(text) {
        for part in top_level_parts(point.body, is_arrow) {
            if survey.arrows == 0 && !survey.punctuation {
                if let Some(pieces) = dash_pieces(part) {
                    found(Found::DashRead(trim(part), pieces.len()));
                    for piece in pieces {
                        read.step(piece, &survey);
                    }
                    continue;
                }
            }
            if survey.punctuation && !is_step_word(part) {
                found(Found::NotAStepWord(trim(part)));
            }
            read.step(part, &survey);
        }
    }
    read
}

impl Read {
    /// Add `part` as a step, with its own limit if it gives one; an empty part is dropped.
    #[inline(always)]
    fn step(&mut self, part: &str, survey: &StepsSurvey) {
        // Only a cell with a closing bracket may have a step that gives its own limit.
        if survey.closings {
            if let Some((name, clause)) = own_limit(part) {
                if let Some(name) = step_name(name, survey.spaces) {
                    self.limits.push(StepLimit {
                        step: self.steps.len(),
                        clause,
                    });
                    self.steps.push(name);
                }
                return;
            }
        }
        if let Some(name) = step_name(part, survey.spaces) {
            self.steps.push(name);
        }
    }
}

/// `part` as a step's name: trimmed and normalized when the cell holds `spaces`, `None` when
/// empty.
#[inline(always)]
fn step_name(part: &str, spaces: bool) -> Option<String> {
    let name = if spaces {
        normalized(trim(part))
    } else {
        // Normal as it is: no white space (so trimmed too) and no invisible character.
        Cow::Borrowed(part)
    };
    (!name.is_empty()).then(|| name.into_owned())
}

/// The pieces of `part` between its top-level `一`, when each `一` stands between steps: the
/// text before it ends with a step word and the text after it starts with one (`审核拨付一办结`;
/// not `统一受理`, `申请一次性告知`).
fn dash_pieces(part: &str) -> Option<Vec<&str>> {
    if !part.contains(DASH_READ) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut depth = 0_usize;
    let mut from = 0;
    for (at, c) in part.char_indices() {
        if brackets::opens(c) {
            depth += 1;
        } else if brackets::closes(c) {
            depth = depth.saturating_sub(1);
        } else if c == DASH_READ && depth == 0 {
            pieces.push(trim(&part[from..at]));
            from = at + c.len_utf8();
        }
    }
    pieces.push(trim(&part[from..]));
    let last = pieces.len() - 1;
    let between_steps = last > 0
        && pieces.iter().enumerate().all(|(i, piece)| {
            let name = own_limit(piece).map_or(*piece, |(name, _)| name);
            (i == 0 || STEP_WORDS.iter().any(|word| piece.starts_with(word)))
                && (i == last || STEP_WORDS.iter().any(|word| name.ends_with(word)))
        });
    between_steps.then_some(pieces)
}

/// A step that ends in a bracket holding one deadline clause and nothing else
/// (`受理（1个工作日）`): its name before the bracket, trimmed and not empty, and the clause.
fn own_limit(part: &str) -> Option<(&str, DeadlineClause)> {
    let part = trim(part);
    let closing = part.chars().next_back().filter(|&c| brackets::closes(c))?;
    let inside_end = part.len() - closing.len_utf8();
    let opening = part[..inside_end].rfind(brackets::opens)?;
    let inside_start = opening + part[opening..].chars().next()?.len_utf8();
    let name = trim(&part[..opening]);
    if name.is_empty() {
        return None;
    }
    let clause = deadline::standalone_clause(&part[inside_start..inside_end])?;
    Some((name, clause))
}

/// What one look at a cell tells before it is parsed. Ideographs, none of these, are passed
/// by undecoded ([`non_ideographs`]).
struct StepsSurvey {
    /// How many arrows it holds: room for its steps.
    arrows: usize,
    /// Whether it holds clause punctuation; most cells do not: then every step is a step word.
    punctuation: bool,
    /// Whether it holds white space or an invisible character; most cells do not: then every
    /// step is normal as it is.
    spaces: bool,
    /// Whether it holds a closing bracket; most cells do not: then no step gives its own limit.
    closings: bool,
}

impl StepsSurvey {
    fn of(text: &str) -> StepsSurvey {
        let mut survey = StepsSurvey {
            arrows: 0,
            punctuation: false,
            spaces: false,
            closings: false,
        };
        for (_, c) in non_ideographs(text) {
            if is_arrow(c) {
                // Most characters that are no ideograph are arrows, which are nothing else.
                survey.arrows += 1;
            } else if is_clause_punctuation(c) {
                survey.punctuation = true;
            } else if brackets::closes(c) {
                survey.closings = true;
            } else if !survey.spaces {
                survey.spaces = is_space_or_invisible(c);
            }
        }
        survey
    }
}

/// Whether `part` is one step word: no clause punctuation outside brackets but at its ends.
fn is_step_word(part: &str) -> bool {
    let word = part.trim_matches(|c: char| is_clause_punctuation(c) || c.is_whitespace());
    top_level_parts(word, is_clause_punctuation)
        .nth(1)
        .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        steps(text, |_| {}).steps
    }

    #[test]
    fn runs_of_arrows_are_one_and_edges_are_dropped() {
        assert_eq!(split("—申请——受理->办结—"), ["申请", "受理", "办结"]);
        assert!(split(" — -- ").is_empty());
    }

    #[test]
    fn more_steps_than_the_first_guess_are_all_kept() {
        // Numbered points give more steps than arrows.
        assert_eq!(split("1.甲 2.乙 3.丙").len(), 3);
    }

    #[test]
    fn only_top_level_punctuation_breaks_a_step_word() {
        assert!(is_step_word("审核（初审、复审）"));
        assert!(!is_step_word("申请、受理"));
        assert!(!is_step_word("办结。材料不全的一次性告知"));
        assert!(is_step_word("、受理。"));
    }
}
