//! The prefix of a clause core, read right to left: qualifiers, the start, the basis or label,
//! and the condition.

use super::*;
use crate::text::search::{ends_with_word, rfind_word, starts_with_word};

/// What the text before a core says about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Prefix {
    pub(super) condition: Option<String>,
    pub(super) basis: Option<Basis>,
    pub(super) label: Option<String>,
    pub(super) start: Option<String>,
    pub(super) extent: Option<Extent>,
    pub(super) step: Option<String>,
}

pub(super) fn clause_of(core: Core, prefix: Prefix) -> DeadlineClause {
    let lower_bound = prefix.extent == Some(Extent::Minimum);
    let (kind, min, amount, unit, extent) = match core {
        Core::Immediate => (ClauseKind::Immediate, None, None, None, prefix.extent),
        Core::Limit(amount, unit) if lower_bound => (
            ClauseKind::Limit,
            Some(amount),
            None,
            Some(unit),
            prefix.extent,
        ),
        Core::Limit(amount, unit) => (
            ClauseKind::Limit,
            None,
            Some(amount),
            Some(unit),
            prefix.extent,
        ),
        Core::Range(low, high, unit) => (
            ClauseKind::Limit,
            Some(low),
            Some(high),
            Some(unit),
            prefix.extent,
        ),
        Core::AtLeast(amount, unit) => (
            ClauseKind::Limit,
            Some(amount),
            None,
            Some(unit),
            Some(Extent::Minimum),
        ),
    };
    DeadlineClause {
        kind,
        amount,
        unit,
        condition: prefix.condition,
        basis: prefix.basis,
        label: prefix.label,
        start: prefix.start,
        min,
        extent,
        step: prefix.step,
    }
}

/// Read a prefix right to left: qualifiers, start, basis or label; the rest is the condition.
/// `None` when the prefix ends in `、` (`随时申办、即时办结`): it lists actions, and says
/// nothing about the clause.
pub(super) fn analyse(prefix: &str) -> Option<Prefix> {
    // The most common prefix: none.
    if prefix.is_empty() {
        return Some(Prefix::default());
    }
    let prefix = prefix.trim_end_matches(['，', ',']);
    if prefix.ends_with('、') {
        return None;
    }
    let (rest, extent) = strip_qualifiers(prefix);
    // Qualifiers only (`不超过`), the next most common: nothing is left to read.
    if rest.is_empty() {
        return Some(Prefix {
            extent,
            ..Prefix::default()
        });
    }
    let (rest, start) = split_start(rest);
    let (rest, more) = strip_qualifiers(rest);
    let (rest, basis, label) = split_basis_and_label(rest);
    let (condition, step) = match step_of(rest) {
        Some(step) => (None, Some(step.to_owned())),
        None => (non_empty(rest), None),
    };
    Some(Prefix {
        condition,
        basis,
        label,
        start,
        extent: stronger(extent, more),
        step,
    })
}

/// Of two extents said of one amount, the one that tells most: a lower bound, then typical.
fn stronger(a: Option<Extent>, b: Option<Extent>) -> Option<Extent> {
    let rank = |e: &Option<Extent>| match e {
        Some(Extent::Minimum) => 3,
        Some(Extent::Typical) => 2,
        Some(_) => 1,
        None => 0,
    };
    if rank(&b) > rank(&a) {
        b
    } else {
        a
    }
}

/// Steps (环节) a clause may be the limit of (`受理1个工作日，审核9个工作日`).
pub(super) const STEPS: &[&str] = &[
    "受理", "初审", "复审", "审核", "复核", "审查", "审批", "审定", "核定", "核准", "决定", "公示",
    "调查", "评估", "拨付", "支付", "结算", "送达",
];

/// Words after a step's name that still name it (`受理环节`).
const STEP_WORDS: &[&str] = &["环节", "阶段"];

/// The step a whole condition names (`受理`, `审核环节` → `审核`), if it is nothing else.
pub(super) fn step_of(condition: &str) -> Option<&'static str> {
    let condition = condition.trim_matches(|c: char| matches!(c, '，' | ',' | '、' | '：' | ':'));
    let name = STEP_WORDS
        .iter()
        .find_map(|word| condition.strip_suffix(word))
        .unwrap_or(condition);
    STEPS.iter().copied().find(|step| *step == name)
}

/// Words between the rest of a prefix and the amount (`不超过`, `最长`, `为`, `：`), and what
/// each says of the amount: `最长` a maximum, `一般` what it usually takes; the words of a
/// lower bound are [`LOWER_BOUNDS`]. `不超过` is the plain limit, as a bare amount is.
pub(super) const QUALIFIERS: &[(&str, Option<Extent>)] = &[
    ("原则上不超过", None),
    ("最长不超过", Some(Extent::Maximum)),
    ("最多不超过", Some(Extent::Maximum)),
    ("一般不超过", Some(Extent::Typical)),
    ("不得超过", None),
    ("不超过", None),
    ("不多于", None),
    ("不超", None),
    ("最长", Some(Extent::Maximum)),
    ("最多", Some(Extent::Maximum)),
    ("最快", None),
    ("一般", Some(Extent::Typical)),
    ("通常", Some(Extent::Typical)),
    ("为", None),
    ("是", None),
    ("在", None),
    ("共", None),
    ("：", None),
    (":", None),
];

/// Strip the qualifiers and lower-bound words ending `text`, and say what they make of the
/// amount.
pub(super) fn strip_qualifiers(mut text: &str) -> (&str, Option<Extent>) {
    let mut extent = None;
    loop {
        if let Some((word, said)) = QUALIFIERS.iter().find(|(q, _)| ends_with_word(text, q)) {
            extent = stronger(extent, said.clone());
            text = &text[..text.len() - word.len()];
        } else if let Some(word) = lower_bound_words(Side::Before).find(|w| ends_with_word(text, w))
        {
            extent = Some(Extent::Minimum);
            text = &text[..text.len() - word.len()];
        } else {
            return (text, extent);
        }
    }
}

/// Words that open a start event (`自受理之日起`, `收到《联系函》后`).
pub(super) const START_OPENERS: &[&str] = &["自", "从", "收到", "接到", "于"];

/// Split off a start event: a prefix ending in `起` or `后` runs from its last opener of
/// [`START_OPENERS`], or else from after its last `的` (`材料齐全的次日起` → `次日起`).
pub(super) fn split_start(text: &str) -> (&str, Option<String>) {
    if !(text.ends_with('起') || text.ends_with('后')) {
        return (text, None);
    }
    let begin = START_OPENERS
        .iter()
        .filter_map(|opener| rfind_word(text, opener))
        .max()
        .unwrap_or_else(|| text.rfind('的').map_or(0, |i| i + '的'.len_utf8()));
    (&text[..begin], non_empty(&text[begin..]))
}

/// Names of the plain time limit, which are no label (`办理时限为1个工作日`).
pub(super) const GENERIC_LIMITS: &[&str] = &[
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
pub(super) const BASES: &[(&str, Basis)] = &[
    ("国家规定", Basis::Statutory),
    ("法定", Basis::Statutory),
    ("承诺", Basis::Committed),
];

/// Split off the basis (`法定时限`, `承诺时间`) and a named limit (`评估时限`). A basis word
/// counts only when nothing but a name of a limit follows it, so `法定代表人` is no basis.
pub(super) fn split_basis_and_label(text: &str) -> (&str, Option<Basis>, Option<String>) {
    // The last basis word: the first found walking back from the end (no two start alike).
    let last_basis = text.char_indices().rev().find_map(|(at, _)| {
        BASES
            .iter()
            .find(|(word, _)| starts_with_word(&text[at..], word))
            .map(|(word, basis)| (at, *word, basis.clone()))
    });
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
pub(super) fn names_a_limit(text: &str) -> bool {
    text.ends_with("时限") || text.ends_with("期限")
}

/// Split off a limit's name: the part after the last `的` of a text ending in `时限`/`期限`;
/// the generic names are dropped without becoming a label.
pub(super) fn split_label(text: &str) -> (&str, Option<String>) {
    let generic = GENERIC_LIMITS
        .iter()
        .filter(|g| ends_with_word(text, g))
        .map(|g| &text[..text.len() - g.len()])
        .find(|rest| rest.is_empty() || rest.ends_with('的'));
    if let Some(rest) = generic {
        return (rest, None);
    }
    if !names_a_limit(text) {
        return (text, None);
    }
    let begin = text.rfind('的').map_or(0, |i| i + '的'.len_utf8());
    (&text[..begin], non_empty(&text[begin..]))
}
