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
//! The cell is read in layers: numbered points ([`markers`]), sentences (`。`, `；`), pieces
//! (`，`), and inside a piece every clause *core* (an immediate wording or an amount with a
//! unit). The text between two cores is the prefix of the second, read right to left:
//! qualifiers (`不超过`, `最长`, `为`), the start, the basis or label, and what is left is the
//! condition. White space is ignored inside a piece, so cores separated only by a space
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

use std::fmt;
use std::str::FromStr;

use nom::{
    branch::alt,
    bytes::complete::tag,
    combinator::{opt, value},
    IResult, Parser,
};

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::markers;
use crate::model::{Basis, ClauseKind, Deadline, DeadlineClause, TimeUnit};
use crate::normalize::{is_invisible, normalize};
use crate::numeral;

/// Structure a deadline cell; every part that could not be read gets a `deadline_unparsed`
/// diagnostic at its position.
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
    let mut reading = Reading::default();
    for item in markers::split(text) {
        let clauses_before = reading.clauses.len();
        let problems_before = reading.problems.len();
        for sentence in split_trimmed(item.body, is_sentence_end) {
            read_sentence(sentence, &mut reading);
        }
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

/// The non-empty, trimmed parts of `text` between separators.
fn split_trimmed(text: &str, is_separator: fn(char) -> bool) -> impl Iterator<Item = &str> {
    text.split(is_separator)
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// Read the clauses of one sentence, giving clauses without a condition the sentence's topic.
fn read_sentence<'a>(sentence: &'a str, reading: &mut Reading<'a>) {
    let mut topic: Option<String> = None;
    for piece in split_trimmed(sentence, is_piece_break) {
        let scan = scan_piece(piece);
        reading.problems.extend(scan.problem);
        if scan.clauses.is_empty() {
            let text = compact(piece);
            if topic.is_none() || text.ends_with('的') {
                topic = topic_of(&text);
            }
            continue;
        }
        for mut clause in scan.clauses {
            if clause.condition.is_none() {
                clause.condition.clone_from(&topic);
            }
            reading.clauses.push(clause);
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
fn compact(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c))
        .collect()
}

/// Trimmed of joining punctuation, or `None` when nothing is left.
fn non_empty(text: &str) -> Option<String> {
    let text = text
        .trim_matches(|c: char| matches!(c, '，' | ',' | '、' | '：' | ':') || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_owned())
}

// ---------------------------------------------------------------------------------------------
// One piece: cores and their prefixes
// ---------------------------------------------------------------------------------------------

/// What one piece gave.
#[derive(Debug, Default)]
struct Scan<'a> {
    /// Its clauses, with their own conditions only.
    clauses: Vec<DeadlineClause>,
    /// At most one problem, for the whole piece.
    problem: Option<Problem<'a>>,
    /// Whether anything but white space follows the last clause.
    trailing_text: bool,
}

/// The heart of a clause: done on the spot, or an amount of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Core {
    Immediate,
    Limit(u32, TimeUnit),
}

/// Find every clause of a piece (a part of a sentence between commas).
fn scan_piece(piece: &str) -> Scan<'_> {
    let text = compact(piece);
    let mut scan = Scan::default();
    let mut prefix_start = 0;
    let mut resume_at = 0;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if i >= resume_at {
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

/// The core starting exactly at `input` and its length with its suffix (`内`, `内办结`), given
/// the character before it.
fn core_at(input: &str, previous: Option<char>) -> Option<(Core, usize)> {
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

fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// nom: a wording for "done on the spot".
fn immediate(input: &str) -> IResult<&str, ()> {
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
fn limit(input: &str) -> IResult<&str, (u32, TimeUnit)> {
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
fn unit(input: &str) -> IResult<&str, TimeUnit> {
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
fn suffix(input: &str) -> &str {
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
fn joined_to_a_number<'a>(prefix: &str, piece: &'a str) -> Option<Problem<'a>> {
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
const TIME_WORDS: &[&str] = &[
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
fn has_unread_time(text: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// The prefix of a core: condition, basis, label, start
// ---------------------------------------------------------------------------------------------

/// What the text before a core says about it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Prefix {
    condition: Option<String>,
    basis: Option<Basis>,
    label: Option<String>,
    start: Option<String>,
}

fn clause_of(core: Core, prefix: Prefix) -> DeadlineClause {
    let (kind, amount, unit) = match core {
        Core::Immediate => (ClauseKind::Immediate, None, None),
        Core::Limit(amount, unit) => (ClauseKind::Limit, Some(amount), Some(unit)),
    };
    DeadlineClause {
        kind,
        amount,
        unit,
        condition: prefix.condition,
        basis: prefix.basis,
        label: prefix.label,
        start: prefix.start,
    }
}

/// Read a prefix right to left: qualifiers, start, basis or label; the rest is the condition.
/// A prefix ending in `、` (`随时申办、即时办结`) lists actions: it says nothing about the clause.
fn analyse(prefix: &str) -> Prefix {
    let prefix = prefix.trim_end_matches(['，', ',']);
    if prefix.ends_with('、') {
        return Prefix::default();
    }
    let rest = strip_qualifiers(prefix);
    let (rest, start) = split_start(rest);
    let rest = strip_qualifiers(rest);
    let (rest, basis, label) = split_basis_and_label(rest);
    Prefix {
        condition: non_empty(rest),
        basis,
        label,
        start,
    }
}

/// Words between the rest of a prefix and the amount: `不超过`, `最长`, `为`, `：`.
const QUALIFIERS: &[&str] = &[
    "原则上不超过",
    "最长不超过",
    "最多不超过",
    "不得超过",
    "不超过",
    "不多于",
    "不超",
    "最长",
    "最多",
    "最快",
    "一般",
    "为",
    "是",
    "在",
    "共",
    "：",
    ":",
];

fn strip_qualifiers(mut text: &str) -> &str {
    while let Some(rest) = QUALIFIERS.iter().find_map(|q| text.strip_suffix(q)) {
        text = rest;
    }
    text
}

/// Words that open a start event (`自受理之日起`, `收到《联系函》后`).
const START_OPENERS: &[&str] = &["自", "从", "收到", "接到", "于"];

/// Split off a start event: a prefix ending in `起` or `后` runs from its last opener of
/// [`START_OPENERS`], or else from after its last `的` (`材料齐全的次日起` → `次日起`).
fn split_start(text: &str) -> (&str, Option<String>) {
    if !(text.ends_with('起') || text.ends_with('后')) {
        return (text, None);
    }
    let begin = START_OPENERS
        .iter()
        .filter_map(|opener| text.rfind(opener))
        .max()
        .unwrap_or_else(|| text.rfind('的').map_or(0, |i| i + '的'.len_utf8()));
    (&text[..begin], non_empty(&text[begin..]))
}

/// Names of the plain time limit, which are no label (`办理时限为1个工作日`).
const GENERIC_LIMITS: &[&str] = &[
    "办理时限",
    "办结时限",
    "办理期限",
    "办结期限",
    "办理时间",
    "办结时间",
    "时限",
    "期限",
    "时间",
];

/// Words that give the basis of a limit.
const BASES: &[(&str, Basis)] = &[
    ("国家规定", Basis::Statutory),
    ("法定", Basis::Statutory),
    ("承诺", Basis::Committed),
];

/// Split off the basis (`法定时限`, `承诺时间`) and a named limit (`评估时限`). A basis word
/// counts only when nothing but a name of a limit follows it, so `法定代表人` is no basis.
fn split_basis_and_label(text: &str) -> (&str, Option<Basis>, Option<String>) {
    let last_basis = BASES
        .iter()
        .filter_map(|&(word, basis)| text.rfind(word).map(|at| (at, word, basis)))
        .max_by_key(|&(at, _, _)| at);
    if let Some((at, word, basis)) = last_basis {
        let tail = &text[at + word.len()..];
        if tail.is_empty() || GENERIC_LIMITS.contains(&tail) {
            return (&text[..at], Some(basis), None);
        }
        if names_a_limit(tail) {
            return (&text[..at], Some(basis), Some(tail.to_owned()));
        }
    }
    let (rest, label) = split_label(text);
    (rest, None, label)
}

/// Whether `text` names a time limit (`评估时限`).
fn names_a_limit(text: &str) -> bool {
    text.ends_with("时限") || text.ends_with("期限")
}

/// Split off a limit's name: the part after the last `的` of a text ending in `时限`/`期限`;
/// the generic names are dropped without becoming a label.
fn split_label(text: &str) -> (&str, Option<String>) {
    let generic = GENERIC_LIMITS.iter().find_map(|g| {
        text.strip_suffix(g)
            .filter(|rest| rest.is_empty() || rest.ends_with('的'))
    });
    if let Some(rest) = generic {
        return (rest, None);
    }
    if !names_a_limit(text) {
        return (text, None);
    }
    let begin = text.rfind('的').map_or(0, |i| i + '的'.len_utf8());
    (&text[..begin], non_empty(&text[begin..]))
}

// ---------------------------------------------------------------------------------------------
// FromStr and Display
// ---------------------------------------------------------------------------------------------

/// Why a text is not a deadline (or not exactly one clause), and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at byte {offset})")]
pub struct ParseDeadlineError {
    message: String,
    offset: usize,
}

impl ParseDeadlineError {
    fn at(text: &str, part: &str, message: String) -> ParseDeadlineError {
        let offset = (part.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|&offset| offset <= text.len())
            .unwrap_or(0);
        ParseDeadlineError { message, offset }
    }

    /// The sentence saying what is wrong (as the `deadline_unparsed` diagnostic says it).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset in the parsed text of the part that is wrong.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Parse a deadline text, the way the `办理时限` cell of a list is parsed. `raw` is the text.
/// Fails on any part that would get a `deadline_unparsed` diagnostic.
///
/// ```
/// use shixiang::{Deadline, TimeUnit};
///
/// let deadline: Deadline = "跨省转移接续不超过15个工作日 省内转移接续不超过9个工作日".parse()?;
/// assert_eq!(deadline.clauses.len(), 2);
/// let first = &deadline.clauses[0];
/// assert_eq!(first.condition.as_deref(), Some("跨省转移接续"));
/// assert_eq!((first.amount, first.unit), (Some(15), Some(TimeUnit::WorkingDay)));
/// assert_eq!(deadline.max_working_days, Some(15));
/// assert_eq!(
///     deadline.to_string(),
///     "跨省转移接续不超过15个工作日；省内转移接续不超过9个工作日"
/// );
///
/// let clause: shixiang::DeadlineClause = "评估时限不超过3个月".parse()?;
/// assert_eq!(clause.label.as_deref(), Some("评估时限"));
/// assert!("按规定办理".parse::<Deadline>().is_err());
/// # Ok::<(), shixiang::ParseDeadlineError>(())
/// ```
impl FromStr for Deadline {
    type Err = ParseDeadlineError;

    fn from_str(text: &str) -> Result<Deadline, ParseDeadlineError> {
        let reading = read(text);
        if let Some(problem) = reading.problems.first() {
            return Err(ParseDeadlineError::at(
                text,
                problem.part(),
                problem.message(),
            ));
        }
        Ok(deadline_of(text, reading.clauses))
    }
}

/// Parse exactly one clause (`其他病种不超过20个工作日`, `省内转入的，即时办结`).
impl FromStr for DeadlineClause {
    type Err = ParseDeadlineError;

    fn from_str(text: &str) -> Result<DeadlineClause, ParseDeadlineError> {
        let mut deadline: Deadline = text.parse()?;
        if deadline.clauses.len() != 1 {
            return Err(ParseDeadlineError {
                message: format!(
                    "expected one deadline clause, found {} in `{}`",
                    deadline.clauses.len(),
                    excerpt(text)
                ),
                offset: 0,
            });
        }
        Ok(deadline.clauses.remove(0))
    }
}

/// The clauses in canonical Chinese, joined by `；`; when there is none, the raw text
/// normalized (so that nothing is lost when printing).
impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.clauses.is_empty() {
            return f.write_str(&normalize(&self.raw));
        }
        for (i, clause) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str("；")?;
            }
            write!(f, "{clause}")?;
        }
        Ok(())
    }
}

/// Canonical Chinese that parses back to the same clause: condition (followed by `，` when it
/// ends in `的`), basis and label (`法定时限`, `评估时限`), start, then `即时办结` or
/// `不超过N<unit>`: `其它病种自审核之日起不超过20个工作日`.
impl fmt::Display for DeadlineClause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(condition) = &self.condition {
            f.write_str(condition)?;
            if condition.ends_with('的') {
                f.write_str("，")?;
            }
        }
        let named = self.basis.is_some() || self.label.is_some();
        match self.basis {
            Some(Basis::Statutory) => f.write_str("法定")?,
            Some(Basis::Committed) => f.write_str("承诺")?,
            None => {}
        }
        match (&self.label, named) {
            (Some(label), _) => f.write_str(label)?,
            (None, true) => f.write_str("时限")?,
            (None, false) => {}
        }
        if let Some(start) = &self.start {
            f.write_str(start)?;
        }
        match (self.kind, self.amount, self.unit) {
            (ClauseKind::Limit, Some(amount), Some(unit)) => {
                write!(f, "不超过{amount}{}", unit_word(unit))
            }
            (ClauseKind::Limit, _, _) => f.write_str("时限未定"),
            (ClauseKind::Immediate, _, _) if named => f.write_str("为即时办结"),
            (ClauseKind::Immediate, _, _) => f.write_str("即时办结"),
        }
    }
}

/// The canonical word for a unit.
fn unit_word(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::WorkingDay => "个工作日",
        TimeUnit::Day => "日",
        TimeUnit::Month => "个月",
        TimeUnit::Hour => "小时",
        TimeUnit::Year => "年",
    }
}

// ---------------------------------------------------------------------------------------------
// For notes: a clause standing alone
// ---------------------------------------------------------------------------------------------

/// The clause `piece` consists of, when it is nothing but one clause with at most the plain
/// name of a limit before it and its suffix after it (`办理时限1个工作日`, `即时办结`,
/// `5个工作日内办结`). Used to read deadlines out of prose, where `近3个月的病历` must not be
/// one.
pub(crate) fn standalone_clause(piece: &str) -> Option<DeadlineClause> {
    let mut scan = scan_piece(piece);
    let alone = scan.clauses.len() == 1 && scan.problem.is_none() && !scan.trailing_text;
    let clause = scan.clauses.pop().filter(|_| alone)?;
    (clause.condition.is_none() && clause.label.is_none() && clause.start.is_none())
        .then_some(clause)
}

#[cfg(test)]
mod tests;
