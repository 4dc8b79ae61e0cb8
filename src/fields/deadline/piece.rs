//! One piece of a deadline cell: its clause cores (an immediate wording, or an amount with a
//! unit) and the text before each.

use super::*;

/// What one piece gave.
#[derive(Debug, Default)]
pub(super) struct Scan<'a> {
    /// Its clauses, with their own conditions only.
    pub(super) clauses: Vec<DeadlineClause>,
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

/// Find every clause of a piece (a part of a sentence between commas).
pub(super) fn scan_piece(piece: &str) -> Scan<'_> {
    let text = compact(piece);
    let mut scan = Scan::default();
    let mut prefix_start = 0;
    let mut resume_at = 0;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if i >= resume_at && may_open_core(c) {
            if let Some((core, len)) = core_at(&text[i..], previous) {
                let prefix = &text[prefix_start..i];
                if let Some(problem) = joined_to_a_number(prefix, piece) {
                    scan.problem = Some(problem);
                } else {
                    if has_unread_time(prefix) {
                        scan.problem = Some(Problem::Unread(piece));
                    }
                    scan.clauses.push(clause_of(core, analyse(prefix)));
                }
                prefix_start = i + len;
                resume_at = i + len;
            }
        }
        previous = Some(c);
    }
    let tail = &text[prefix_start..];
    if scan.problem.is_none() && has_unread_time(tail) {
        scan.problem = Some(Problem::Unread(piece));
    }
    scan.trailing_text = !tail.is_empty();
    scan
}

/// Whether a clause core may start with `c`: a numeral (`5个工作日`, `五日`) or the first
/// character of an immediate wording (`即时办结`, `当场办理`, `立即办结`). Checked first, so
/// that [`core_at`]'s parsers run only where one of them can match.
pub(super) fn may_open_core(c: char) -> bool {
    is_numeral_char(c) || matches!(c, '即' | '当' | '立')
}

/// The core starting exactly at `input` and its length with its suffix (`内`, `内办结`), given
/// the character before it.
pub(super) fn core_at(input: &str, previous: Option<char>) -> Option<(Core, usize)> {
    let negated = previous.is_some_and(|c| matches!(c, '非' | '不'));
    if !negated {
        if let Ok((rest, ())) = immediate(input) {
            return Some((Core::Immediate, input.len() - suffix(rest).len()));
        }
    }
    // Inside a number (`15` read from its `5`) no core starts.
    if previous.is_some_and(is_numeral_char) {
        return None;
    }
    let (rest, (amount, unit)) = limit(input).ok()?;
    let is_date = match unit {
        // `3月10日`: a day of the month.
        TimeUnit::Day => previous == Some('月'),
        // `2023年`: a calendar year.
        TimeUnit::Year => amount >= 1000,
        _ => false,
    };
    (!is_date).then(|| (Core::Limit(amount, unit), input.len() - suffix(rest).len()))
}

pub(super) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// nom: a wording for "done on the spot".
pub(super) fn immediate(input: &str) -> IResult<&str, ()> {
    value(
        (),
        alt((
            tag("即时办结"),
            tag("即时办理"),
            tag("当场办结"),
            tag("当场办理"),
            tag("立即办结"),
            tag("立即办理"),
            tag("当即办结"),
            tag("即办件"),
            tag("即办"),
        )),
    )
    .parse(input)
}

/// nom: an amount, an optional counter `个`, and a unit (`15个工作日`, `十五日`, `3个月`).
pub(super) fn limit(input: &str) -> IResult<&str, (u32, TimeUnit)> {
    let (rest, amount) = numeral::number(input)?;
    let (rest, counter) = opt(tag("个")).parse(rest)?;
    let (rest, unit) = unit(rest)?;
    // `3月` names March; a duration of months is `3个月`.
    if unit == TimeUnit::Month && counter.is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, (amount, unit)))
}

/// nom: a unit of time.
pub(super) fn unit(input: &str) -> IResult<&str, TimeUnit> {
    alt((
        value(TimeUnit::WorkingDay, tag("工作日")),
        value(TimeUnit::Day, tag("自然日")),
        value(TimeUnit::Day, tag("日历日")),
        value(TimeUnit::Day, tag("日")),
        value(TimeUnit::Day, tag("天")),
        value(TimeUnit::Month, tag("月")),
        value(TimeUnit::Hour, tag("小时")),
        value(TimeUnit::Year, tag("年")),
    ))
    .parse(input)
}

/// What is left after the words that may follow a core (`内`, `以内办结`, `完成`).
pub(super) fn suffix(input: &str) -> &str {
    let within = opt(alt((tag("以内"), tag("之内"), tag("内"))));
    let done = opt(alt((
        tag("办理完毕"),
        tag("办结"),
        tag("办完"),
        tag("完成"),
        tag("办理"),
    )));
    let result: IResult<&str, _> = (within, done).parse(input);
    result.map_or(input, |(rest, _)| rest)
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
