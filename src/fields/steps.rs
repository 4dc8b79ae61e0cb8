//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! ```text
//! steps     = point*                       -- numbered points (`1.申请 2.受理`), or the cell as one
//! point     = step (arrow step)*           -- top-level parts (fields::top_level)
//! arrow     = is_arrow                     -- `—` `－` `-` `–` `―` `→` `>` …; a run (`——`, `->`) is one
//! step      = name own_limit?              -- a step word, normalized; an empty one is dropped
//! own_limit = opening inside closing       -- the step's last bracket, ending it: `受理（1个工作日）`
//! inside    = (text | closing more)*       -- one deadline clause alone (deadline::standalone_clause)
//!
//! dashed    = piece (一 piece)+            -- a part of a cell without arrows or clause punctuation
//! piece     = (plain | group)*             -- `一` inside brackets is no dash (fields::top_level)
//!             -- each 一 between step words: the piece before ends with a step_word (its name,
//!             -- own_limit aside), the piece after starts with one
//! step_word = one of STEP_WORDS
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

use nom::branch::alt;
use nom::bytes::complete::take_till1;
use nom::character::complete::{anychar, char, satisfy};
use nom::combinator::{all_consuming, eof, map, peek, recognize};
use nom::error::ErrorKind;
use nom::multi::{many0_count, separated_list1};
use nom::sequence::delimited;
use nom::{IResult, Parser};

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::deadline;
use crate::fields::top_level::{group, range_in, top_level_parts, understood_but};
use crate::model::{DeadlineClause, StepLimit, Steps};
use crate::text::brackets::{self, non_ideographs};
use crate::text::markers;
use crate::text::normalize::{is_space_or_invisible, normalized, trim};
use crate::text::search::word_at_start;

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
/// `审核` and ends with `拨付`). Used only to tell `一` used as a dash from `一` in a word. Add a
/// word with one line (where one word starts another, the longer first).
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

/// nom: `step_word = 申请 | 受理 | 审核 | …` ([`STEP_WORDS`]).
fn step_word(input: &str) -> IResult<&str, &str> {
    match word_at_start(input, STEP_WORDS) {
        Some(word) => Ok((&input[word.len()..], word)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            ErrorKind::Tag,
        ))),
    }
}

/// Whether `name` ends with a step word: [`step_word`] read to its end from one of its
/// characters, the last ones first.
fn ends_with_step_word(name: &str) -> bool {
    name.char_indices()
        .rev()
        .any(|(at, _)| all_consuming(step_word).parse(&name[at..]).is_ok())
}

/// nom: `piece = (plain | group)*`, the text up to a top-level `一`: a `一` inside brackets
/// is part of the piece (`审核（一审）`). Never fails, may be empty.
fn piece(input: &str) -> IResult<&str, &str> {
    let plain = take_till1(|c| c == DASH_READ || brackets::opens(c));
    recognize(many0_count(alt((plain, group)))).parse(input)
}

/// nom: `dashed = piece (一 piece)*`, the pieces trimmed. Reads the whole of `input`; the
/// grammar's `+` (at least one `一`) and the step words around each `一` are [`dash_pieces`]'s.
fn dashed(input: &str) -> IResult<&str, Vec<&str>> {
    separated_list1(char(DASH_READ), map(piece, trim)).parse(input)
}

/// The pieces of `part` between its top-level `一`, when each `一` stands between steps: the
/// text before it ends with a step word and the text after it starts with one (`审核拨付一办结`;
/// not `统一受理`, `申请一次性告知`).
fn dash_pieces(part: &str) -> Option<Vec<&str>> {
    // Prefilter: most parts hold no `一` at all.
    if !part.contains(DASH_READ) {
        return None;
    }
    let (_, pieces) = dashed(part).ok()?;
    let last = pieces.len() - 1;
    let between_steps = last > 0
        && pieces.iter().enumerate().all(|(i, piece)| {
            let name = own_limit(piece).map_or(*piece, |(name, _)| name);
            (i == 0 || step_word(piece).is_ok()) && (i == last || ends_with_step_word(name))
        });
    between_steps.then_some(pieces)
}

/// nom: `inside = (text | closing more)*`, what a bracket ending the step holds: all but the
/// closing bracket that ends the step (`1个工作日` of `（1个工作日）`).
fn inside(input: &str) -> IResult<&str, &str> {
    let text = take_till1(brackets::closes);
    let closing_before_more = recognize((satisfy(brackets::closes), peek(anychar)));
    recognize(many0_count(alt((text, closing_before_more)))).parse(input)
}

/// nom: `own_limit = opening inside closing`, ending the input: the text inside.
fn bracket_at_end(input: &str) -> IResult<&str, &str> {
    let closing = satisfy(brackets::closes);
    delimited(satisfy(brackets::opens), inside, (closing, eof)).parse(input)
}

/// A step that ends in a bracket holding one deadline clause and nothing else
/// (`受理（1个工作日）`): its name before the bracket, trimmed and not empty, and the clause.
fn own_limit(part: &str) -> Option<(&str, DeadlineClause)> {
    let part = trim(part);
    // The bracket is the step's last: it opens at the last opening bracket, if anywhere.
    let opening = part.rfind(brackets::opens)?;
    let (_, inside) = bracket_at_end(&part[opening..]).ok()?;
    let name = trim(&part[..opening]);
    if name.is_empty() {
        return None;
    }
    let clause = deadline::standalone_clause(inside)?;
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
    use crate::model::TimeUnit;

    fn split(text: &str) -> Vec<String> {
        steps(text, |_| {}).steps
    }

    /// A step giving its own limit: the step's index, the amount and the unit.
    type Limit = (usize, Option<u32>, Option<TimeUnit>);

    /// The steps read from a cell and the limits they give themselves.
    fn read(text: &str) -> (Vec<String>, Vec<Limit>) {
        let read = steps(text, |_| {});
        let limits = read
            .limits
            .iter()
            .map(|limit| (limit.step, limit.clause.amount, limit.clause.unit.clone()))
            .collect();
        (read.steps, limits)
    }

    #[test]
    fn accepted_wordings() {
        use TimeUnit::{Day, WorkingDay};
        let four = ["申请", "受理", "审核", "办结"];
        #[rustfmt::skip]
        let table: &[(&str, &[&str], &[Limit])] = &[
            // point = step (arrow step)*
            ("申请—受理—审核—办结",              &four, &[]),
            ("申请->受理→审核＞办结",             &four, &[]),
            ("1.申请 2.受理 3.审核 4.办结",       &four, &[]),
            ("申请—审核（初审-复审）—办结",      &["申请", "审核（初审-复审）", "办结"], &[]),
            // own_limit = opening inside closing, ending the step
            ("受理（1个工作日）—审核(5个工作日内)", &["受理", "审核"], &[(0, Some(1), Some(WorkingDay)), (1, Some(5), Some(WorkingDay))]),
            ("申请—受理 （ 3日 ）",              &["申请", "受理"], &[(1, Some(3), Some(Day))]),
            ("审核（初审）（5个工作日）",          &["审核（初审）"], &[(0, Some(5), Some(WorkingDay))]),
            ("受理（1个工作日））",               &["受理（1个工作日））"], &[]),
            ("受理（1个工作日）后",               &["受理（1个工作日）后"], &[]),
            ("（1个工作日）",                     &["（1个工作日）"], &[]),
            ("审核（初审）",                      &["审核（初审）"], &[]),
            // dashed = piece (一 piece)+, each 一 between step words
            ("申请一受理一审核拨付一办结",        &["申请", "受理", "审核拨付", "办结"], &[]),
            ("申请 一 受理 一 审核 一 办结",      &four, &[]),
            ("受理（1个工作日）一办结",           &["受理", "办结"], &[(0, Some(1), Some(WorkingDay))]),
            ("审核（一审）拨付一办结",            &["审核（一审）拨付", "办结"], &[]),
            ("审核（一审）一办结",                &["审核（一审）一办结"], &[]),
            ("统一受理",                          &["统一受理"], &[]),
            ("申请一次性告知",                    &["申请一次性告知"], &[]),
            ("受理一审核—办结",                   &["受理一审核", "办结"], &[]),
        ];
        for &(text, steps, limits) in table {
            assert_eq!(
                read(text),
                (
                    steps.iter().map(|s| s.to_string()).collect(),
                    limits.to_vec()
                ),
                "{text}"
            );
        }
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
