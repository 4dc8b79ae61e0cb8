//! What a deadline cell says besides its time limits, each an *item* of a piece (the parts of
//! a piece between `、` and brackets), read whole or not at all:
//!
//! ```text
//! item      = frequency | effect | exclusion | kind
//! frequency = [condition] (随时 action | 每 period [least] action [numeral 次])
//!                                     PERIODS; least: the LOWER_BOUNDS before an amount
//! effect    = [condition] [start] (when | limit [within]) outcome
//!                                     WHEN, OUTCOMES (享受待遇, 到账 …)
//! exclusion = [name of the limit] excluding what [在内]    EXCLUDING (不包括 不含 …)
//!           | what not-counted [办理]时限[内]               NOT_COUNTED (不计入 …)
//! kind      = 限时办结 | 承诺件 | …                           KINDS: says nothing more
//! ```
//!
//! So `每季度至少审核办理一次` is a frequency, `办结后次日享受待遇` and `资金30个工作日内到账`
//! are effects (the 30 working days are when the money arrives, not a limit of the office),
//! `该时限不包括财务拨付环节` excludes `财务拨付环节`.

use nom::bytes::complete::tag;
use nom::combinator::{all_consuming, opt};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::*;
use crate::model::{Effect, Frequency, Period};

/// What an item of a piece says, when it is no clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Aside {
    Frequency(Frequency),
    Effect(Effect),
    Exclusion(String),
    /// A word for the kind of matter (`限时办结`), which says nothing the clauses do not.
    Kind,
}

/// Periods of a frequency, after `每`.
pub(super) const PERIODS: &[(&str, Period)] = &[
    ("个工作日", Period::WorkingDay),
    ("工作日", Period::WorkingDay),
    ("日", Period::Day),
    ("天", Period::Day),
    ("周", Period::Week),
    ("星期", Period::Week),
    ("个月", Period::Month),
    ("月", Period::Month),
    ("季度", Period::Quarter),
    ("季", Period::Quarter),
    ("年", Period::Year),
];

/// The adverb of a frequency without a period.
pub(super) const ANY_TIME: &str = "随时";

/// When an effect comes, as a word.
pub(super) const WHEN: &[&str] = &["次日", "次月", "当日", "当天", "当月", "即时", "实时"];

/// What comes, ending an effect. Read right to left: a word comes before any word it ends with.
pub(super) const OUTCOMES: &[&str] = &[
    "享受相关待遇",
    "享受待遇",
    "拨付到账",
    "支付到账",
    "到账",
    "拨付到位",
    "发放到位",
    "生效",
];

/// Words that exclude what follows them from the time limits.
pub(super) const EXCLUDING: &[&str] = &["不包括", "不包含", "不含", "不计算"];

/// Words that leave what comes before them out of the time limits (`公示时间不计入办理时限`).
pub(super) const NOT_COUNTED: &[&str] = &["不计入", "不计算在", "不算入", "不纳入"];

/// Words for the kind of matter that say nothing more than its clauses (`限时办结，22个工作日`:
/// no condition).
pub(super) const KINDS: &[&str] = &["限时办结", "限时办理", "限时件", "承诺件"];

/// Whether an item may be read aside: it holds a character that opens a frequency (`随时`,
/// `每`) or is in every word of exclusion, or it ends as an outcome or a kind does. The one look
/// that spares trying the grammars on most items (`不超过10个工作日` passes none).
pub(super) fn may_be_aside(item: &str) -> bool {
    item.contains(may_open_aside) || may_end_aside(item)
}

/// Whether `c` opens a frequency (`随时`, `每`) or is in every word of exclusion.
#[inline(always)]
pub(super) fn may_open_aside(c: char) -> bool {
    matches!(c, '随' | '每' | '含' | '括' | '计' | '算' | '纳')
}

/// Whether `item` ends as an outcome or is a kind word.
#[inline]
pub(super) fn may_end_aside(item: &str) -> bool {
    item.ends_with(['遇', '账', '位', '效']) || KINDS.contains(&item)
}

/// Read an item as a frequency, an effect, an exclusion or a kind, whole.
pub(super) fn aside(item: &str) -> Option<Aside> {
    if KINDS.contains(&item) {
        return Some(Aside::Kind);
    }
    if let Some(frequency) = frequency(item) {
        return Some(Aside::Frequency(frequency));
    }
    if let Some(effect) = effect(item) {
        return Some(Aside::Effect(effect));
    }
    exclusion(item).map(Aside::Exclusion)
}

/// Whether `text`, said before a frequency or an effect, is a condition: it holds no time
/// limit nor any number of time (else the item is no aside, and its clauses are read).
pub(super) fn is_condition(text: &str) -> bool {
    !has_unread_time(text)
        && !IMMEDIATE.iter().any(|word| find_word(text, word).is_some())
        && find_word(text, ANY_TIME).is_none()
        && !text.ends_with('、')
}

/// An action: free text without numerals (`每月10日前` is no frequency).
fn action(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| matches!(c, '、' | '：' | ':') || c.is_whitespace());
    (!text.is_empty() && !text.chars().any(is_numeral_char)).then(|| text.to_owned())
}

/// nom: `times = numeral 次`, ending the text.
fn times(input: &str) -> IResult<&str, u32> {
    all_consuming(terminated(numeral::number, tag("次"))).parse(input)
}

/// `frequency = [condition] (随时 action | 每 period [least] action [numeral 次])`.
fn frequency(item: &str) -> Option<Frequency> {
    let (at, word) = [ANY_TIME, "每"]
        .iter()
        .filter_map(|word| find_word(item, word).map(|at| (at, *word)))
        .min()?;
    let before = &item[..at];
    if !is_condition(before) {
        return None;
    }
    let rest = &item[at + word.len()..];
    let (period, rest, at_least) = if word == ANY_TIME {
        (Period::AnyTime, rest, false)
    } else {
        let (period, rest) = PERIODS
            .iter()
            .find_map(|(w, period)| rest.strip_prefix(w).map(|rest| (period.clone(), rest)))?;
        match lower_bound_words(Side::Before).find_map(|w| rest.strip_prefix(w)) {
            Some(rest) => (period, rest, true),
            None => (period, rest, false),
        }
    };
    // The count ends the text: the last run of numerals, with 次 after it.
    let count_at = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c == '次' || is_numeral_char(c))
        .last()
        .map(|(i, _)| i);
    let (rest, times) = match count_at.and_then(|i| times(&rest[i..]).ok().map(|(_, n)| (i, n))) {
        Some((i, n)) => (&rest[..i], Some(n)),
        None => (rest, None),
    };
    Some(Frequency {
        condition: non_empty(before),
        period,
        times,
        at_least,
        action: action(rest)?,
    })
}

/// `effect = [condition] [start] (when | limit [within]) outcome`.
fn effect(item: &str) -> Option<Effect> {
    let (rest, outcome) = OUTCOMES
        .iter()
        .find_map(|word| item.strip_suffix(word).map(|rest| (rest, *word)))?;
    let mut effect = Effect {
        condition: None,
        start: None,
        when: None,
        amount: None,
        unit: None,
        outcome: outcome.to_owned(),
    };
    let rest = if let Some((rest, when)) = WHEN
        .iter()
        .find_map(|word| rest.strip_suffix(word).map(|rest| (rest, *word)))
    {
        effect.when = Some(when.to_owned());
        rest
    } else {
        let (at, amount, unit) = limit_ending(rest)?;
        (effect.amount, effect.unit) = (Some(amount), Some(unit));
        &rest[..at]
    };
    let (rest, start) = split_start(rest);
    if !is_condition(rest) {
        return None;
    }
    effect.start = start;
    effect.condition = non_empty(rest);
    Some(effect)
}

/// The limit that ends `text` (`资金30个工作日内` → 30 working days), and where it starts.
fn limit_ending(text: &str) -> Option<(usize, u32, TimeUnit)> {
    let within = |i| opt(|i| one_of(WITHIN, i)).parse(i);
    let mut previous = None;
    for (i, c) in text.char_indices() {
        if is_numeral_char(c) && !previous.is_some_and(is_numeral_char) {
            let read = all_consuming(terminated(limit, within)).parse(&text[i..]);
            if let Ok((_, Core::Limit(amount, unit))) = read {
                return Some((i, amount, unit));
            }
        }
        previous = Some(c);
    }
    None
}

/// `exclusion = [name of the limit] excluding what [在内] | what not-counted [办理]时限[内]`.
fn exclusion(item: &str) -> Option<String> {
    let what = |text: &str| {
        let text = text.strip_suffix("在内").unwrap_or(text);
        non_empty(text)
    };
    let not_counted = NOT_COUNTED
        .iter()
        .find_map(|word| find_word(item, word).map(|at| (at, *word)));
    if let Some((at, word)) = not_counted {
        let limit = item[at + word.len()..].trim_end_matches(['内', '中']);
        if limit.is_empty() || GENERIC_LIMITS.contains(&limit) || names_a_limit(limit) {
            return what(&item[..at]);
        }
    }
    let (at, word) = EXCLUDING
        .iter()
        .find_map(|word| find_word(item, word).map(|at| (at, *word)))?;
    let name = &item[..at];
    let name = ["该", "此", "上述", "以上"]
        .iter()
        .find_map(|word| name.strip_prefix(word))
        .unwrap_or(name);
    let named = name.is_empty() || GENERIC_LIMITS.contains(&name) || names_a_limit(name);
    named.then(|| what(&item[at + word.len()..])).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frequency_needs_a_period_and_an_action_without_numerals() {
        assert_eq!(frequency("每月10日前"), None);
        assert_eq!(frequency("每隔"), None);
        assert_eq!(frequency("随时"), None);
        assert_eq!(frequency("5个工作日随时办理"), None);
        assert_eq!(frequency("每年两次申报"), None);
        let found = frequency("每年申报两次").unwrap();
        assert_eq!((found.period, found.times), (Period::Year, Some(2)));
        assert_eq!(found.action, "申报");
    }

    #[test]
    fn an_effect_needs_a_time_before_its_outcome() {
        assert_eq!(effect("享受待遇"), None);
        assert_eq!(effect("财务拨付到账"), None);
        assert_eq!(effect("即时办结次日享受待遇"), None);
    }

    #[test]
    fn an_exclusion_excludes_from_a_limit_only() {
        assert_eq!(exclusion("材料不包括复印件"), None);
        assert_eq!(exclusion("公示时间不计入"), Some("公示时间".to_owned()));
        assert_eq!(exclusion("公示时间不计入审核结果"), None);
    }

    #[test]
    fn every_word_that_ends_an_item_read_aside_passes_the_prefilter() {
        for word in OUTCOMES.iter().chain(KINDS) {
            assert!(may_be_aside(word), "{word}");
        }
        for word in EXCLUDING
            .iter()
            .chain(NOT_COUNTED)
            .chain([&ANY_TIME, &"每"])
        {
            assert!(may_be_aside(word), "{word}");
        }
    }

    #[test]
    fn every_item_read_aside_passes_the_prefilter() {
        let items = [
            "每月审核办理一次",
            "随时申报",
            "次日享受待遇",
            "资金30个工作日内到账",
            "不含公示时间",
            "公示时间不计入办理时限",
            "限时办结",
            "承诺件",
        ];
        for item in items {
            assert!(may_be_aside(item), "{item}");
            assert!(aside(item).is_some(), "{item}");
        }
    }
}
