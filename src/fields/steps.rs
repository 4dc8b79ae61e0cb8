//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! ```text
//! steps     = point*                       -- numbered points (`1.申请 2.受理`), or the cell as one
//! point     = step (arrow step)*           -- top-level parts (fields::top_level)
//! arrow     = is_arrow                     -- `—` `－` `-` `–` `―` `→` `>` …; a run (`——`, `->`) is one
//! step      = a step word, normalized; an empty one is dropped
//! ```
//!
//! A dash inside brackets does not split (`审核（初审-复审）`). A step word holds no clause
//! punctuation ([`is_clause_punctuation`]) outside brackets but at its ends: a part like `申请、受理` or
//! `办结。材料不全的一次性告知` is kept as one step, as the cell has it, but reported as
//! `steps_partial`: the parser cannot tell its steps apart.

use std::borrow::Cow;

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::top_level::{range_in, top_level_parts, understood_but};
use crate::model::Steps;
use crate::text::brackets::non_ideographs;
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

/// Structure a steps cell. Every non-blank cell gives at least one step; a step that is no
/// step word is reported as `steps_partial`.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Steps {
    let text = cell.text();
    let mut not_step_words = Vec::new();
    let steps = steps(text, |part| not_step_words.push(range_in(text, part)));
    if !not_step_words.is_empty() {
        understood_but(text, &not_step_words).report(
            cell,
            Code::StepsPartial,
            "办理环节",
            diagnostics,
        );
    }
    Steps {
        raw: text.to_owned(),
        steps,
    }
}

/// The steps of `text`, in order; `not_a_step_word` is called with each (trimmed) part kept as
/// a step that is no step word.
fn steps<'a>(text: &'a str, mut not_a_step_word: impl FnMut(&'a str)) -> Vec<String> {
    let survey = StepsSurvey::of(text);
    // Room for every step: one more than the arrows, but for empty ones (rare).
    let mut steps = Vec::with_capacity(survey.arrows + 1);
    for point in markers::points(text) {
        for part in top_level_parts(point.body, is_arrow) {
            let step = if survey.spaces {
                normalized(trim(part))
            } else {
                // Normal as it is: no white space (so trimmed too) and no invisible character.
                Cow::Borrowed(part)
            };
            if step.is_empty() {
                continue;
            }
            if survey.punctuation && !is_step_word(part) {
                not_a_step_word(trim(part));
            }
            steps.push(step.into_owned());
        }
    }
    steps
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
}

impl StepsSurvey {
    fn of(text: &str) -> StepsSurvey {
        let mut survey = StepsSurvey {
            arrows: 0,
            punctuation: false,
            spaces: false,
        };
        for (_, c) in non_ideographs(text) {
            if is_arrow(c) {
                // Most characters that are no ideograph are arrows, which are nothing else.
                survey.arrows += 1;
            } else if is_clause_punctuation(c) {
                survey.punctuation = true;
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
        steps(text, |_| {})
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
