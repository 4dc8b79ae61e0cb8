//! Comparing a local list with its baseline: which matters correspond, and what differs.
//!
//! A province publishes its list; each city publishes its own, which may not ask for more
//! than the province allows. [`compare`] lines up the matters of the two documents
//! (see `align` for how) and, for every pair, reports what the local list does differently
//! ([`Finding`]s with a stable [`FindingCode`]), plus the matters found on one side only.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::model::{Category, Document, Matter};

mod align;
mod findings;
mod report;
mod similarity;

/// The lowest alignment score that makes two matters a pair (scores run from 0 to 1).
pub const PAIR_THRESHOLD: f64 = align::THRESHOLD;

/// The result of [`compare`]: pairs of corresponding matters with what differs, and the
/// matters found in one list only. `Display` gives the readable report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The baseline's title line.
    pub baseline_title: Option<String>,
    /// The local list's title line.
    pub local_title: Option<String>,
    /// Corresponding matters, in baseline order.
    pub pairs: Vec<Pair>,
    /// Baseline matters with no counterpart in the local list, in baseline order.
    pub baseline_only: Vec<MatterRef>,
    /// Local matters with no counterpart in the baseline, in local order.
    pub local_only: Vec<MatterRef>,
}

/// Which matter: enough to find it in its list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatterRef {
    /// 子项序号.
    pub seq: Option<u32>,
    /// 子项, normalized.
    pub name: String,
    /// The name of its category (主项).
    pub category: String,
    /// The source line where its row starts.
    pub line: usize,
}

/// Two matters taken to be the same service, and what differs between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pair {
    /// The baseline's matter.
    pub baseline: MatterRef,
    /// The local list's matter.
    pub local: MatterRef,
    /// How alike the two are, from [`PAIR_THRESHOLD`] to 1, rounded to three decimals.
    pub score: f64,
    /// What the local matter does differently, in the order deadline, materials, channels,
    /// citations.
    pub findings: Vec<Finding>,
}

/// One difference between the two matters of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The stable name of the kind of difference.
    pub code: FindingCode,
    /// How much it matters (always [`FindingCode::severity`] of the code).
    pub severity: Severity,
    /// One plain English sentence naming the difference.
    pub message: String,
    /// True when the finding rests on a unit conversion (months or calendar days to working
    /// days), see [`FindingCode::DeadlineLonger`].
    pub approximate: bool,
}

/// The stable name of a kind of difference. Serialized as its snake_case name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum FindingCode {
    /// The local deadline is longer than the baseline's. Deadlines are compared in working
    /// days: `max_working_days` when the list gives it; otherwise each clause is converted
    /// (a calendar week is 5 working days of 7, a month 22 working days, a year 12 months,
    /// 24 hours a calendar day) and the finding is marked approximate.
    DeadlineLonger,
    /// The local deadline is shorter than the baseline's.
    DeadlineShorter,
    /// The local list asks for a material the baseline does not (matched by the forms quoted
    /// in 《》 and by the normalized text, alternatives included).
    MaterialAdded,
    /// The baseline asks for a material the local list does not.
    MaterialRemoved,
    /// A kind of channel (on site, online, mobile, mail) the baseline offers and the local
    /// list does not.
    ChannelMissing,
    /// The local list cites a document (by title) the baseline does not.
    CitationAdded,
    /// The baseline cites a document (by title) the local list does not.
    CitationRemoved,
    /// A field could not be compared: one side's cell is empty, or its text is not
    /// structured (the message says which).
    NotCompared,
    /// A code this version does not know (written by a later one), as written.
    Unknown(String),
}

crate::names::open_names!("finding code", FindingCode {
    DeadlineLonger = "deadline_longer",
    DeadlineShorter = "deadline_shorter",
    MaterialAdded = "material_added",
    MaterialRemoved = "material_removed",
    ChannelMissing = "channel_missing",
    CitationAdded = "citation_added",
    CitationRemoved = "citation_removed",
    NotCompared = "not_compared",
});

impl FindingCode {
    /// Every code, in the order the README lists them.
    pub const ALL: &'static [FindingCode] = &[
        FindingCode::DeadlineLonger,
        FindingCode::DeadlineShorter,
        FindingCode::MaterialAdded,
        FindingCode::MaterialRemoved,
        FindingCode::ChannelMissing,
        FindingCode::CitationAdded,
        FindingCode::CitationRemoved,
        FindingCode::NotCompared,
    ];

    /// How much a difference of this kind matters. A warning is something the local list
    /// may not do without saying so (ask for more, take longer, offer fewer channels). `None`
    /// for a code this version does not know (its findings carry their own severity).
    pub fn severity(&self) -> Option<Severity> {
        Some(match self {
            FindingCode::DeadlineLonger
            | FindingCode::MaterialAdded
            | FindingCode::ChannelMissing => Severity::Warning,
            FindingCode::DeadlineShorter
            | FindingCode::MaterialRemoved
            | FindingCode::CitationAdded
            | FindingCode::CitationRemoved
            | FindingCode::NotCompared => Severity::Info,
            FindingCode::Unknown(_) => return None,
        })
    }
}

impl Finding {
    fn new(code: FindingCode, message: impl Into<String>) -> Finding {
        Finding {
            severity: code.severity().unwrap_or(Severity::Warning),
            code,
            message: message.into(),
            approximate: false,
        }
    }

    fn approximate(mut self, approximate: bool) -> Finding {
        self.approximate = approximate;
        self
    }
}

/// Compare a local list with its baseline: align their matters, then report what differs
/// in each pair and which matters are on one side only.
///
/// ```
/// let baseline = shixiang::parse("\
/// 主项\t子项序号\t子项\t办理时限
/// 一、关系转移接续\t1\t医保关系转出\t即时办结
/// \t2\t长期护理保险待遇申请\t即时办结
/// ")?;
/// let local = shixiang::parse("\
/// 主项\t子项序号\t子项\t办理时限
/// 一、关系转移接续\t1\t医疗保险关系转出\t即时办结
/// ")?;
/// let comparison = shixiang::compare(&baseline, &local);
///
/// // `医保` is `医疗保险`: the two names are the same matter.
/// let pair = &comparison.pairs[0];
/// assert_eq!((pair.baseline.name.as_str(), pair.local.name.as_str()),
///            ("医保关系转出", "医疗保险关系转出"));
/// assert_eq!(comparison.baseline_only[0].name, "长期护理保险待遇申请");
/// assert!(comparison.local_only.is_empty());
/// # Ok::<(), shixiang::Error>(())
/// ```
pub fn compare(baseline: &Document, local: &Document) -> Comparison {
    let baseline_matters: Vec<(&Category, &Matter)> = baseline.matters().collect();
    let local_matters: Vec<(&Category, &Matter)> = local.matters().collect();
    let matches = align::assign(&align::entries(baseline), &align::entries(local));

    let mut baseline_paired = vec![false; baseline_matters.len()];
    let mut local_paired = vec![false; local_matters.len()];
    let mut pairs = Vec::with_capacity(matches.len());
    for m in matches {
        let (Some(&(bc, bm)), Some(&(lc, lm))) =
            (baseline_matters.get(m.baseline), local_matters.get(m.local))
        else {
            continue;
        };
        baseline_paired[m.baseline] = true;
        local_paired[m.local] = true;
        pairs.push(Pair {
            baseline: matter_ref(bc, bm),
            local: matter_ref(lc, lm),
            score: (m.score * 1000.0).round() / 1000.0,
            findings: findings::compare_matters(bm, lm),
        });
    }
    Comparison {
        baseline_title: baseline.title.clone(),
        local_title: local.title.clone(),
        pairs,
        baseline_only: unpaired(&baseline_matters, &baseline_paired),
        local_only: unpaired(&local_matters, &local_paired),
    }
}

fn matter_ref(category: &Category, matter: &Matter) -> MatterRef {
    MatterRef {
        seq: matter.seq,
        name: matter.name.clone(),
        category: category.name.clone(),
        line: matter.line,
    }
}

fn unpaired(matters: &[(&Category, &Matter)], paired: &[bool]) -> Vec<MatterRef> {
    matters
        .iter()
        .zip(paired)
        .filter(|(_, &paired)| !paired)
        .map(|(&(category, matter), _)| matter_ref(category, matter))
        .collect()
}
