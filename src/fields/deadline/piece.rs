//! The grammar of a clause *core*, and the walk of a piece that finds every core in it.
//!
//! ```text
//! core      = (immediate | limit) suffix
//! immediate = 即时办结 | 当场办结 | 立即办理 | 即办件 | …     IMMEDIATE
//! limit     = numeral unit                                 crate::text::numeral, UNITS
//! suffix    = [within] [done]                              WITHIN (内 以内 之内), DONE (办结 完成 …)
//! unread    = numeral ['个'] (unit | time word)             TIME_WORDS (周 季度 月 …)
//! ```
//!
//! A core is tried only where one can start ([`may_open_core`]: a numeral, or `即` `当`
//! `立`). Not every match is a core: an immediate wording after `不`/`非` is negated
//! (`非即办件`), a number read from its middle digit is none (`15` read from `5`), `3月10日`
//! is a date and `2023年` a calendar year. What the text before a core says is read by
//! [`prefix`](super::prefix).

use std::borrow::Cow;
use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::{map, opt};
use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};

use super::*;
use crate::text::normalize::find_space_or_invisible;

// ---------------------------------------------------------------------------------------------
// The word lists: a wording is added by one line. Within a list, a word comes before any word
// it starts with (`即办件` before `即办`, `日历日` before `日`); else the more common first.
// ---------------------------------------------------------------------------------------------

/// Wordings for "done on the spot".
pub(super) const IMMEDIATE: &[&str] = &[
    "即时办结",
    "即时办理",
    "即办件",
    "即办",
    "当场办结",
    "当场办理",
    "当即办结",
    "立即办结",
    "立即办理",
];

/// Units of time, as written after the amount (with the counter `个` where the wording takes
/// one: `3个月` is three months, while `3月` names March and is no unit).
pub(super) const UNITS: &[(&str, TimeUnit)] = &[
    ("个工作日", TimeUnit::WorkingDay),
    ("工作日", TimeUnit::WorkingDay),
    ("个月", TimeUnit::Month),
    ("日历日", TimeUnit::Day),
    ("日", TimeUnit::Day),
    ("天", TimeUnit::Day),
    ("个自然日", TimeUnit::Day),
    ("自然日", TimeUnit::Day),
    ("个日历日", TimeUnit::Day),
    ("个小时", TimeUnit::Hour),
    ("小时", TimeUnit::Hour),
    ("年", TimeUnit::Year),
];

/// Words after a core saying the limit is kept within it.
pub(super) const WITHIN: &[&str] = &["以内", "之内", "内"];

/// Words after a core saying what is done by then.
pub(super) const DONE: &[&str] = &["办理完毕", "办结", "办完", "完成", "办理"];

/// Words of time a number may carry that are no unit of a clause: a number with one of them
/// (or with a unit) outside every core is time the parser could not read (`两周`, `3月10日前`).
pub(super) const TIME_WORDS: &[&str] = &["周", "星期", "季度", "分钟", "月", "半"];

/// Connectors that make two numbers a range (`3-5个工作日`, `三至五日`).
pub(super) const RANGE_CONNECTORS: &[char] = &['-', '－', '—', '–', '~', '～', '至', '到'];

/// Words that make an amount a lower bound, before it (`不少于10个工作日`) or after it
/// (`10个工作日以上`): a lower bound is no limit, and its amount goes to `min`.
pub(super) const LOWER_BOUNDS: &[(&str, Side)] = &[
    ("不少于", Side::Before),
    ("不低于", Side::Before),
    ("至少", Side::Before),
    ("最少", Side::Before),
    ("及以上", Side::After),
    ("以上", Side::After),
];

/// Where a word of [`LOWER_BOUNDS`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Before,
    After,
}

/// The words of [`LOWER_BOUNDS`] that stand on `side`.
pub(super) fn lower_bound_words(side: Side) -> impl Iterator<Item = &'static str> {
    LOWER_BOUNDS
        .iter()
        .filter(move |(_, s)| *s == side)
        .map(|(word, _)| *word)
}

/// Decimal points and fraction bars (`1.5个工作日`, `1/8工作日`): after a number, the core
/// that follows is the rest of an amount this grammar does not read (8 of `1/8` is no amount).
pub(super) const PART_OF_AN_AMOUNT: &[char] = &['.', '．', '/', '／', '⁄'];

// ---------------------------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------------------------

/// The heart of a clause: done on the spot, or an amount of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Core {
    Immediate,
    Limit(u32, TimeUnit),
    /// `10-20个工作日`: from the first amount to the second.
    Range(u32, u32, TimeUnit),
    /// `10个工作日以上`: a lower bound.
    AtLeast(u32, TimeUnit),
}

/// nom: the first word of `words` opening `input` (an `alt` of `tag`s over a list).
#[inline]
pub(super) fn one_of<'a>(words: &[&str], input: &'a str) -> IResult<&'a str, ()> {
    match words.iter().find_map(|word| input.strip_prefix(word)) {
        Some(rest) => Ok((rest, ())),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

/// nom: `immediate = 即时办结 | 当场办结 | …` ([`IMMEDIATE`]).
#[inline]
pub(super) fn immediate(input: &str) -> IResult<&str, Core> {
    map(|i| one_of(IMMEDIATE, i), |()| Core::Immediate).parse(input)
}

/// nom: `unit = 个工作日 | 工作日 | 日 | 天 | 个月 | …` ([`UNITS`]).
#[inline]
pub(super) fn unit(input: &str) -> IResult<&str, TimeUnit> {
    match UNITS
        .iter()
        .find_map(|(word, unit)| input.strip_prefix(word).map(|rest| (rest, unit.clone())))
    {
        Some(found) => Ok(found),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

/// nom: `limit = numeral unit` (`15个工作日`, `十五日`, `３个月`).
#[inline]
pub(super) fn limit(input: &str) -> IResult<&str, Core> {
    map((numeral::number, unit), |(amount, unit)| {
        Core::Limit(amount, unit)
    })
    .parse(input)
}

/// nom: `range = numeral connector numeral unit` (`10-20个工作日`, `十至二十日`), the first
/// amount less than the second.
#[inline]
pub(super) fn range(input: &str) -> IResult<&str, Core> {
    let connector = nom::character::complete::one_of(RANGE_CONNECTORS);
    let parts = (numeral::number, connector, numeral::number, unit);
    nom::combinator::map_opt(parts, |(low, _, high, unit)| {
        (low < high).then_some(Core::Range(low, high, unit))
    })
    .parse(input)
}

/// nom: `above = 以上 | 及以上`, the words of [`LOWER_BOUNDS`] after an amount.
fn above(input: &str) -> IResult<&str, ()> {
    match lower_bound_words(Side::After).find_map(|word| input.strip_prefix(word)) {
        Some(rest) => Ok((rest, ())),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

/// nom: `suffix = [above | within] [done]` (`内`, `以内办结`, `以上`, `完成`, or nothing):
/// whether it says the amount is a lower bound (`以上`).
#[inline]
pub(super) fn suffix(input: &str) -> IResult<&str, bool> {
    map(
        (
            opt(alt((
                map(above, |()| true),
                map(|i| one_of(WITHIN, i), |()| false),
            ))),
            opt(|i| one_of(DONE, i)),
        ),
        |(bound, _)| bound.unwrap_or(false),
    )
    .parse(input)
}

/// nom: `unread = numerals ['个'] (unit | time word)`: a number of time, read or not (its
/// numerals need not make a number: `99999999999个工作日` is time too large to read).
fn time_amount(input: &str) -> IResult<&str, ()> {
    let time_word = alt((map(unit, |_| ()), |i| one_of(TIME_WORDS, i)));
    let numerals = take_while1(is_numeral_char);
    map((numerals, opt(char('个')), time_word), |_| ()).parse(input)
}

/// Whether a clause core may start with `c`: a numeral (`5个工作日`, `五日`) or the first
/// character of a wording of [`IMMEDIATE`]. The prefilter that spares trying the grammar at
/// every character.
#[inline(always)]
pub(super) fn may_open_core(c: char) -> bool {
    is_numeral_char(c) || matches!(c, '即' | '当' | '立')
}

// Always inlined: asked of every character of a piece.
#[inline(always)]
pub(super) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// The core starting exactly at `input` and its length with its suffix, given the character
/// before it (which may negate an immediate wording, or put `input` inside a number or a
/// date).
#[inline]
pub(super) fn core_at(input: &str, previous: Option<char>) -> Option<(Core, usize)> {
    let first = input.chars().next()?;
    let (rest, core) = if is_numeral_char(first) {
        // Inside a number (`15` read from its `5`) no core starts, nor in a word of Latin
        // letters and digits (`1e9个工作日`, `7x24小时`).
        if previous.is_some_and(|c| is_numeral_char(c) || c.is_ascii_alphabetic()) {
            return None;
        }
        // A limit first, the common case: a range fails it at its connector.
        limit(input).or_else(|_| range(input)).ok()?
    } else {
        // `非即办件`, `不即时办结`: negated.
        if previous.is_some_and(|c| matches!(c, '非' | '不')) {
            return None;
        }
        immediate(input).ok()?
    };
    let is_date = match core {
        // `3月10日`: a day of the month.
        Core::Limit(_, TimeUnit::Day) => previous == Some('月'),
        // `2023年`, `2023-2025年`: calendar years.
        Core::Limit(amount, TimeUnit::Year) | Core::Range(amount, _, TimeUnit::Year) => {
            amount >= 1000
        }
        _ => false,
    };
    if is_date {
        return None;
    }
    let (rest, above) = suffix(rest).ok()?;
    let core = match core {
        Core::Limit(amount, unit) if above => Core::AtLeast(amount, unit),
        core => core,
    };
    Some((core, input.len() - rest.len()))
}

/// A range (`3-5个工作日`, `三至五日`), a decimal (`1.5个工作日`) or a fraction (`1/8工作日`):
/// the prefix ends with a number and a connector, so the core is only part of the amount.
pub(super) fn joined_to_a_number<'a>(prefix: &str, piece: &'a str) -> Option<Problem<'a>> {
    let mut chars = prefix.chars().rev();
    let connector = chars.next()?;
    if !chars.next().is_some_and(is_numeral_char) {
        return None;
    }
    if RANGE_CONNECTORS.contains(&connector) {
        Some(Problem::Range(piece))
    } else if PART_OF_AN_AMOUNT.contains(&connector) {
        Some(Problem::Unread(piece))
    } else {
        None
    }
}

/// Whether `text` (outside any core) holds a number of time ([`time_amount`]).
pub(super) fn has_unread_time(text: &str) -> bool {
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_numeral_char(c)
            && !previous.is_some_and(is_numeral_char)
            && time_amount(&text[i..]).is_ok()
        {
            return true;
        }
        previous = Some(c);
    }
    false
}

// ---------------------------------------------------------------------------------------------
// A piece
// ---------------------------------------------------------------------------------------------

/// A piece without white space or invisible characters (PDF artifacts inside a clause, as in
/// `不超过 15 个工作日`, or the only separation of two clauses, which the cores delimit
/// anyway), with the way back to the piece's byte offsets.
pub(super) struct Compact<'a> {
    pub(super) text: Cow<'a, str>,
    /// At each place a run was taken out: the offset in `text`, and the bytes taken out
    /// before it in all.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Compact<'a> {
    /// `piece` compacted; `spaced`: whether it may hold white space or an invisible character
    /// at all.
    pub(super) fn of(piece: &'a str, spaced: bool) -> Compact<'a> {
        if !spaced || find_space_or_invisible(piece).is_none() {
            return Compact {
                text: Cow::Borrowed(piece),
                shifts: Vec::new(),
            };
        }
        let mut text = String::with_capacity(piece.len());
        let mut shifts = Vec::new();
        let mut removed = 0;
        let mut pending = false;
        for c in piece.chars() {
            if is_space_or_invisible(c) {
                removed += c.len_utf8();
                pending = true;
                continue;
            }
            if pending {
                shifts.push((text.len(), removed));
                pending = false;
            }
            text.push(c);
        }
        if pending {
            shifts.push((text.len(), removed));
        }
        Compact {
            text: Cow::Owned(text),
            shifts,
        }
    }

    /// The offset in the piece of offset `at` of the compacted text.
    pub(super) fn original(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(from, _)| from <= at) {
            0 => at,
            k => at + self.shifts[k - 1].1,
        }
    }
}

/// What one piece gave, besides its clauses.
#[derive(Debug, Default)]
pub(super) struct Scan<'a> {
    /// How many clauses it gave.
    pub(super) clauses: usize,
    /// At most one problem, for the whole piece.
    pub(super) problem: Option<Problem<'a>>,
    /// Whether anything follows the last clause.
    pub(super) trailing_text: bool,
}

/// Find every clause of a piece (a part of a sentence between commas), `text` being the
/// piece compacted: push them to `clauses`, and give `understood` the byte range of `text`
/// each one was read from (its prefix, unless the prefix said nothing about it, its core and
/// suffix).
///
/// The walk notes whether the text since the last core holds a numeral at all: where it does
/// not, [`has_unread_time`] cannot find a number of time there and is not asked.
pub(super) fn scan<'a>(
    piece: &'a str,
    text: &str,
    clauses: &mut Vec<DeadlineClause>,
    mut understood: impl FnMut(Range<usize>),
) -> Scan<'a> {
    let mut scan = Scan::default();
    let mut prefix_start = 0;
    let mut numeral_since_core = false;
    let mut previous: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if may_open_core(c) {
            if let Some((core, len)) = core_at(&text[i..], previous) {
                let prefix = &text[prefix_start..i];
                if let Some(problem) = joined_to_a_number(prefix, piece) {
                    scan.problem = Some(problem);
                } else {
                    if numeral_since_core && has_unread_time(prefix) {
                        scan.problem = Some(Problem::Unread(piece));
                    }
                    let (prefix, says_something) = match analyse(prefix) {
                        Some(read) => (read, true),
                        None => (Prefix::default(), false),
                    };
                    clauses.push(clause_of(core, prefix));
                    let from = if says_something { prefix_start } else { i };
                    understood(from..i + len);
                    scan.clauses += 1;
                }
                prefix_start = i + len;
                numeral_since_core = false;
                // The walk goes on after the core, which is not looked at again.
                previous = text[..prefix_start].chars().next_back();
                i = prefix_start;
                continue;
            }
        }
        numeral_since_core |= is_numeral_char(c);
        previous = Some(c);
        i += c.len_utf8();
    }
    let tail = &text[prefix_start..];
    if scan.problem.is_none() && numeral_since_core && has_unread_time(tail) {
        scan.problem = Some(Problem::Unread(piece));
    }
    scan.trailing_text = !tail.is_empty();
    scan
}
