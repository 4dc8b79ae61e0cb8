//! One piece of a deadline cell: its clause cores (an immediate wording, or an amount with a
//! unit) and the text before each.

use super::*;

/// What one piece gave, besides its clauses.
#[derive(Debug, Default)]
pub(super) struct Scan<'a> {
    /// How many clauses it gave (with their own conditions only).
    pub(super) clauses: usize,
    /// At most one problem, for the whole piece.
    pub(super) problem: Option<Problem<'a>>,
    /// Whether anything but white space follows the last clause.
    pub(super) trailing_text: bool,
}

/// The heart of a clause: done on the spot, or an amount of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Core {
    Immediate,
    Limit(u32, TimeUnit),
}

/// Find every clause of a piece (a part of a sentence between commas), and push them to
/// `clauses` (the caller's list: no list of its own to allocate and move).
///
/// The walk notes whether the text since the last core holds a numeral at all: where it does
/// not, [`has_unread_time`] cannot find a number of time there and is not asked.
pub(super) fn scan_piece<'a>(piece: &'a str, clauses: &mut Vec<DeadlineClause>) -> Scan<'a> {
    scan_compact(piece, &compact(piece), clauses)
}

/// [`scan_piece`], given the piece [`compact`]ed already as `text`.
pub(super) fn scan_compact<'a>(
    piece: &'a str,
    text: &str,
    clauses: &mut Vec<DeadlineClause>,
) -> Scan<'a> {
    let mut scan = Scan::default();
    let mut prefix_start = 0;
    let mut numeral_since_core = false;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if i < prefix_start {
            // Inside the core just read.
            previous = Some(c);
            continue;
        }
        let numeral = is_numeral_char(c);
        if numeral || opens_immediate(c) {
            if let Some((core, len)) = core_at(&text[i..], previous) {
                let prefix = &text[prefix_start..i];
                if let Some(problem) = joined_to_a_number(prefix, piece) {
                    scan.problem = Some(problem);
                } else {
                    if numeral_since_core && has_unread_time(prefix) {
                        scan.problem = Some(Problem::Unread(piece));
                    }
                    clauses.push(clause_of(core, analyse(prefix)));
                    scan.clauses += 1;
                }
                prefix_start = i + len;
                numeral_since_core = false;
                previous = Some(c);
                continue;
            }
        }
        numeral_since_core |= numeral;
        previous = Some(c);
    }
    let tail = &text[prefix_start..];
    if scan.problem.is_none() && numeral_since_core && has_unread_time(tail) {
        scan.problem = Some(Problem::Unread(piece));
    }
    scan.trailing_text = !tail.is_empty();
    scan
}

/// Whether a clause core may start with `c`: a numeral (`5个工作日`, `五日`) or the first
/// character of an immediate wording (`即时办结`, `当场办理`, `立即办结`). Checked first, so
/// that [`core_at`]'s parsers run only where one of them can match ([`scan_piece`] checks the
/// two parts apart, as it counts the numerals).
#[cfg(test)]
pub(super) fn may_open_core(c: char) -> bool {
    is_numeral_char(c) || opens_immediate(c)
}

/// Whether an immediate wording may start with `c` ([`immediate`]).
fn opens_immediate(c: char) -> bool {
    matches!(c, '即' | '当' | '立')
}

/// The core starting exactly at `input` and its length with its suffix (`内`, `内办结`), given
/// the character before it.
pub(super) fn core_at(input: &str, previous: Option<char>) -> Option<(Core, usize)> {
    let negated = previous.is_some_and(|c| matches!(c, '非' | '不'));
    if !negated {
        if let Some(rest) = immediate(input) {
            return Some((Core::Immediate, input.len() - suffix(rest).len()));
        }
    }
    // Inside a number (`15` read from its `5`) no core starts.
    if previous.is_some_and(is_numeral_char) {
        return None;
    }
    let (rest, (amount, unit)) = limit(input)?;
    let is_date = match unit {
        // `3月10日`: a day of the month.
        TimeUnit::Day => previous == Some('月'),
        // `2023年`: a calendar year.
        TimeUnit::Year => amount >= 1000,
        _ => false,
    };
    (!is_date).then(|| (Core::Limit(amount, unit), input.len() - suffix(rest).len()))
}

// Always inlined: asked of every character of a piece.
#[inline(always)]
pub(super) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// A wording for "done on the spot" opening `input`, and what follows it. The wordings are
/// listed by their first character, so that one `match` picks the few to compare; within a
/// list the longer of two wordings that start alike comes first (`即办件` before `即办`).
pub(super) fn immediate(input: &str) -> Option<&str> {
    let wordings: &[&str] = match input.chars().next()? {
        '即' => &["即时办结", "即时办理", "即办件", "即办"],
        '当' => &["当场办结", "当场办理", "当即办结"],
        '立' => &["立即办结", "立即办理"],
        _ => return None,
    };
    wordings
        .iter()
        .find_map(|wording| input.strip_prefix(wording))
}

/// An amount, an optional counter `个`, and a unit opening `input` (`15个工作日`, `十五日`,
/// `3个月`), and what follows them.
pub(super) fn limit(input: &str) -> Option<(&str, (u32, TimeUnit))> {
    let (rest, amount) = numeral::number(input).ok()?;
    let (rest, counter) = match rest.strip_prefix('个') {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let (rest, unit) = unit(rest)?;
    // `3月` names March; a duration of months is `3个月`.
    if unit == TimeUnit::Month && !counter {
        return None;
    }
    Some((rest, (amount, unit)))
}

/// Words of the units of time, each with its unit, in the order they are tried (`自然日`
/// before `日`).
const UNITS: &[(&str, TimeUnit)] = &[
    ("工作日", TimeUnit::WorkingDay),
    ("自然日", TimeUnit::Day),
    ("日历日", TimeUnit::Day),
    ("日", TimeUnit::Day),
    ("天", TimeUnit::Day),
    ("月", TimeUnit::Month),
    ("小时", TimeUnit::Hour),
    ("年", TimeUnit::Year),
];

/// The unit of time opening `input`, and what follows it.
pub(super) fn unit(input: &str) -> Option<(&str, TimeUnit)> {
    UNITS
        .iter()
        .find_map(|&(word, unit)| input.strip_prefix(word).map(|rest| (rest, unit)))
}

/// Words that may follow a core: where it is kept (`内`), then what is done (`办结`); each
/// list in the order its words are tried.
const WITHIN: &[&str] = &["以内", "之内", "内"];
const DONE: &[&str] = &["办理完毕", "办结", "办完", "完成", "办理"];

/// What is left after the words that may follow a core (`内`, `以内办结`, `完成`).
pub(super) fn suffix(input: &str) -> &str {
    let rest = strip_first_prefix(input, WITHIN);
    strip_first_prefix(rest, DONE)
}

/// `text` without the first of `words` it starts with, if any.
fn strip_first_prefix<'a>(text: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .unwrap_or(text)
}

/// A range (`3-5个工作日`, `三至五日`) or a decimal (`1.5个工作日`): the prefix ends with a
/// number and a connector, so the core is only part of the amount.
pub(super) fn joined_to_a_number<'a>(prefix: &str, piece: &'a str) -> Option<Problem<'a>> {
    let mut chars = prefix.chars().rev();
    let connector = chars.next()?;
    if !chars.next().is_some_and(is_numeral_char) {
        return None;
    }
    match connector {
        '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到' => Some(Problem::Range(piece)),
        '.' | '．' => Some(Problem::Unread(piece)),
        _ => None,
    }
}

/// Words of time that a number may carry and no clause took: `两周`, `3月`, `2023年`.
pub(super) const TIME_WORDS: &[&str] = &[
    "工作日",
    "自然日",
    "日",
    "天",
    "周",
    "星期",
    "月",
    "季度",
    "小时",
    "分钟",
    "年",
    "半",
];

/// Whether `text` (outside any core) holds a number followed by a word of time.
pub(super) fn has_unread_time(text: &str) -> bool {
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_numeral_char(c) && !previous.is_some_and(is_numeral_char) {
            if let Ok((rest, _)) = numeral::number(&text[i..]) {
                let rest = rest.strip_prefix('个').unwrap_or(rest);
                if TIME_WORDS.iter().any(|word| rest.starts_with(word)) {
                    return true;
                }
            }
        }
        previous = Some(c);
    }
    false
}
