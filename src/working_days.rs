//! Deadlines in working days: one conversion of months, calendar days, hours and years, for
//! comparing deadlines that lists write in different units.
//!
//! The conversion is an approximation and says so: a month is [`WORKING_DAYS_PER_MONTH`]
//! working days, a week of seven calendar days has [`WORKING_DAYS_PER_WEEK`], hours round up
//! to whole calendar days, a year is twelve months. Everything rounds up, so a converted limit
//! is never shorter than the text's.

use crate::model::{ClauseKind, Deadline, DeadlineClause, TimeUnit};

/// Working days in a month, for [`TimeUnit::to_working_days`] (261 working days a year / 12
/// ≈ 21.75, rounded up).
pub const WORKING_DAYS_PER_MONTH: u32 = 22;

/// Working days in a week of seven calendar days, for [`TimeUnit::to_working_days`].
pub const WORKING_DAYS_PER_WEEK: u32 = 5;

const DAYS_PER_WEEK: u32 = 7;

impl TimeUnit {
    /// `amount` of this unit in working days, rounded up (saturating at `u32::MAX`); exact
    /// for [`TimeUnit::WorkingDay`] only. `None` for a unit this version does not know.
    ///
    /// ```
    /// use shixiang::TimeUnit;
    /// assert_eq!(TimeUnit::WorkingDay.to_working_days(10), Some(10));
    /// assert_eq!(TimeUnit::Day.to_working_days(30), Some(22)); // 30 × 5 / 7, rounded up
    /// assert_eq!(TimeUnit::Hour.to_working_days(48), Some(2));
    /// assert_eq!(TimeUnit::Month.to_working_days(3), Some(66));
    /// assert_eq!(TimeUnit::Year.to_working_days(1), Some(264));
    /// assert_eq!(TimeUnit::Unknown("fortnight".into()).to_working_days(1), None);
    /// ```
    pub fn to_working_days(&self, amount: u32) -> Option<u32> {
        Some(match self {
            TimeUnit::WorkingDay => amount,
            TimeUnit::Day => calendar_to_working(amount),
            TimeUnit::Hour => calendar_to_working(amount.div_ceil(24)),
            TimeUnit::Month => amount.saturating_mul(WORKING_DAYS_PER_MONTH),
            TimeUnit::Year => amount.saturating_mul(12 * WORKING_DAYS_PER_MONTH),
            TimeUnit::Unknown(_) => return None,
        })
    }
}

impl DeadlineClause {
    /// The clause's limit in working days: 0 for an immediate clause, else its `amount`
    /// converted by [`TimeUnit::to_working_days`]; `None` when it has no amount or no unit (a
    /// lower bound such as `不少于10个工作日` has no limit, only a `min`).
    pub fn working_days(&self) -> Option<u32> {
        if self.kind == ClauseKind::Immediate {
            return Some(0);
        }
        self.unit.as_ref()?.to_working_days(self.amount?)
    }
}

impl Deadline {
    /// The longest limit of the cell in working days: `max_working_days` when the parser set
    /// it (every clause immediate or in working days), else the largest clause converted by
    /// [`DeadlineClause::working_days`]. `None` when the cell has no clause, or a clause has no
    /// limit to convert (then no longest limit can be told).
    ///
    /// ```
    /// let deadline: shixiang::Deadline = "承诺时限：1个月；法定时限：30日".parse()?;
    /// assert_eq!(deadline.max_working_days, None); // not every clause is in working days
    /// assert_eq!(deadline.working_days(), Some(22));
    /// # Ok::<(), shixiang::ParseDeadlineError>(())
    /// ```
    pub fn working_days(&self) -> Option<u32> {
        if let Some(days) = self.max_working_days {
            return Some(days);
        }
        let mut longest: Option<u32> = None;
        for clause in &self.clauses {
            let days = clause.working_days()?;
            longest = Some(longest.map_or(days, |l| l.max(days)));
        }
        longest
    }
}

/// Calendar days to working days, rounded up.
fn calendar_to_working(days: u32) -> u32 {
    (u64::from(days) * u64::from(WORKING_DAYS_PER_WEEK))
        .div_ceil(u64::from(DAYS_PER_WEEK))
        .try_into()
        .unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use crate::model::{Deadline, TimeUnit};

    fn days(text: &str) -> Option<u32> {
        text.parse::<Deadline>().ok()?.working_days()
    }

    #[test]
    fn deadlines_in_working_days() {
        for (text, expected) in [
            ("即时办结", Some(0)),
            ("10个工作日", Some(10)),
            ("一般12个工作日，不超过30个工作日", Some(30)),
            ("30日", Some(22)),
            ("24小时", Some(1)),
            ("3个月", Some(66)),
            ("1年", Some(264)),
            ("受理1个工作日，审核1个月", Some(22)),
            // A lower bound has no limit: no longest limit can be told.
            ("不少于10个工作日", None),
            ("随时申报", None),
        ] {
            assert_eq!(days(text), expected, "{text}");
        }
    }

    #[test]
    fn conversions_saturate() {
        assert_eq!(TimeUnit::Year.to_working_days(u32::MAX), Some(u32::MAX));
        assert_eq!(TimeUnit::Day.to_working_days(u32::MAX), Some(3_067_833_783));
        assert_eq!(TimeUnit::Hour.to_working_days(u32::MAX), Some(127_826_408));
    }
}
