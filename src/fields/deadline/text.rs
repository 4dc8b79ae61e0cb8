//! Deadlines as text: `FromStr` and `Display` (canonical Chinese).

use super::*;

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
/// assert_eq!(first.amount, Some(15));
/// assert_eq!(first.unit, Some(TimeUnit::WorkingDay));
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
        Ok(deadline_of(text, reading))
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

/// The clauses, then the frequencies, effects and exclusions, in canonical Chinese joined by
/// `；`; when there is none of them, the raw text normalized (so that nothing is lost when
/// printing).
impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = self.clauses.iter().map(|c| c as &dyn fmt::Display);
        let parts = parts
            .chain(self.frequencies.iter().map(|c| c as &dyn fmt::Display))
            .chain(self.effects.iter().map(|c| c as &dyn fmt::Display));
        let excludes = self.excludes.iter().map(|what| Excluded(what));
        let mut empty = true;
        for (i, part) in parts.enumerate() {
            if i > 0 {
                f.write_str("；")?;
            }
            write!(f, "{part}")?;
            empty = false;
        }
        for what in excludes {
            if !empty {
                f.write_str("；")?;
            }
            write!(f, "{what}")?;
            empty = false;
        }
        if empty {
            f.write_str(&normalize(&self.raw))?;
        }
        Ok(())
    }
}

/// An exclusion, written `不含<what>`.
struct Excluded<'a>(&'a str);

impl fmt::Display for Excluded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "不含{}", self.0)
    }
}

/// A condition of a frequency or an effect, written as the topic of its sentence (`其它病种，`),
/// so that it is read back whole.
fn write_topic(f: &mut fmt::Formatter<'_>, condition: Option<&String>) -> fmt::Result {
    match condition {
        Some(condition) => write!(f, "{condition}，"),
        None => Ok(()),
    }
}

/// `[condition，](随时 | 每<period>[至少])<action>[<n>次]`: `其它病种，每季度至少审核办理一次`.
impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_topic(f, self.condition.as_ref())?;
        let period = match &self.period {
            Period::AnyTime => ANY_TIME,
            Period::Day => "日",
            Period::WorkingDay => "个工作日",
            Period::Week => "周",
            Period::Month => "月",
            Period::Quarter => "季度",
            Period::Year => "年",
            // A later version's period, by its name.
            Period::Unknown(name) => name,
        };
        if self.period != Period::AnyTime {
            f.write_str("每")?;
        }
        f.write_str(period)?;
        if self.at_least {
            f.write_str("至少")?;
        }
        f.write_str(&self.action)?;
        if let Some(times) = self.times {
            write!(f, "{}次", numeral::to_chinese(times))?;
        }
        Ok(())
    }
}

/// `[condition，][start](when | <amount><unit>内)<outcome>`: `其它病种，办结后次日享受待遇`.
impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_topic(f, self.condition.as_ref())?;
        if let Some(start) = &self.start {
            f.write_str(start)?;
        }
        if let Some(when) = &self.when {
            f.write_str(when)?;
        } else if let (Some(amount), Some(unit)) = (self.amount, &self.unit) {
            write!(f, "{amount}{}内", unit_word(unit))?;
        }
        f.write_str(&self.outcome)
    }
}

/// Canonical Chinese that parses back to the same clause: condition or step (the condition
/// followed by `，` when it ends in `的`), basis and label (`法定时限`, `评估时限`), start, then
/// `即时办结` or the amount: `不超过N<unit>`, `一般N<unit>`, `最长N<unit>`, `不少于N<unit>`,
/// `A至B<unit>`: `其它病种自审核之日起不超过20个工作日`.
impl fmt::Display for DeadlineClause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(step) = &self.step {
            f.write_str(step)?;
        }
        if let Some(condition) = &self.condition {
            f.write_str(condition)?;
            if condition.ends_with('的') {
                f.write_str("，")?;
            }
        }
        let named = self.basis.is_some() || self.label.is_some();
        match &self.basis {
            Some(Basis::Statutory) => f.write_str("法定")?,
            Some(Basis::Committed) => f.write_str("承诺")?,
            Some(Basis::Unknown(name)) => f.write_str(name)?,
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
        let bound = match &self.extent {
            Some(Extent::Typical) => "一般",
            Some(Extent::Maximum) => "最长",
            Some(Extent::Minimum | Extent::Unknown(_)) | None => "不超过",
        };
        match (&self.kind, self.min, self.amount, &self.unit) {
            (ClauseKind::Limit, Some(min), Some(max), Some(unit)) => {
                let bound = if self.extent.is_some() { bound } else { "" };
                write!(f, "{bound}{min}至{max}{}", unit_word(unit))
            }
            (ClauseKind::Limit, Some(min), None, Some(unit)) => {
                write!(f, "不少于{min}{}", unit_word(unit))
            }
            (ClauseKind::Limit, None, Some(amount), Some(unit)) => {
                write!(f, "{bound}{amount}{}", unit_word(unit))
            }
            (ClauseKind::Limit, ..) => f.write_str("时限未定"),
            (ClauseKind::Immediate, ..) if named => f.write_str("为即时办结"),
            (ClauseKind::Immediate, ..) => f.write_str("即时办结"),
            (ClauseKind::Unknown(name), ..) => f.write_str(name),
        }
    }
}

/// The canonical word for a unit (a later version's unit by its name).
pub(super) fn unit_word(unit: &TimeUnit) -> &str {
    match unit {
        TimeUnit::WorkingDay => "个工作日",
        TimeUnit::Day => "日",
        TimeUnit::Month => "个月",
        TimeUnit::Hour => "小时",
        TimeUnit::Year => "年",
        TimeUnit::Unknown(name) => name,
    }
}
