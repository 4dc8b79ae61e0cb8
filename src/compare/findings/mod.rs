//! What differs between two matters taken to be the same service.
//!
//! Each field is compared only when both sides are structured; when one is not (an empty
//! cell, or text the field parser could not structure), a `not_compared` finding says so
//! rather than reporting nothing: silence would read as "no difference".

use std::collections::BTreeSet;

use super::similarity::{canonical, similarity};
use super::{Finding, FindingCode};
use crate::model::{
    Channel, ChannelKind, Citation, ClauseKind, Deadline, DeadlineClause, LegalBasis, Material,
    Materials, Matter, TimeUnit,
};

use crate::working_days::{WORKING_DAYS_PER_MONTH, WORKING_DAYS_PER_WEEK};

/// Two material texts at least this alike (and with nothing else in common) are the same
/// material worded slightly differently.
const MATERIAL_TEXT_SIMILARITY: f64 = 0.85;

/// Every finding for a pair, in the order deadline, materials, channels, citations.
pub(crate) fn compare_matters(baseline: &Matter, local: &Matter) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(compare_deadlines(&baseline.deadline, &local.deadline));
    findings.extend(compare_materials(&baseline.materials, &local.materials));
    findings.extend(compare_channels(
        &baseline.channels.raw,
        &baseline.channels.modes,
        &local.channels.raw,
        &local.channels.modes,
    ));
    findings.extend(compare_citations(&baseline.legal_basis, &local.legal_basis));
    findings
}

// --- deadlines ---

/// The longest time a deadline allows, in working days.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bound {
    working_days: u32,
    /// How the bound was converted from other units, when it was (`3 months`).
    converted_from: Option<String>,
}

impl Bound {
    fn describe(&self) -> String {
        match (&self.converted_from, self.working_days) {
            (Some(from), days) => format!(
                "{from}, about {days} working days at {WORKING_DAYS_PER_MONTH} working days a \
                 month and {WORKING_DAYS_PER_WEEK} a week"
            ),
            (None, 0) => "immediate".to_owned(),
            (None, 1) => "1 working day".to_owned(),
            (None, days) => format!("{days} working days"),
        }
    }
}

/// The bound of a deadline: `max_working_days` when set, else the largest clause converted
/// to working days; `None` when the cell has no clauses or a clause has no amount or unit.
fn bound(deadline: &Deadline) -> Option<Bound> {
    if let Some(days) = deadline.max_working_days {
        return Some(Bound {
            working_days: days,
            converted_from: None,
        });
    }
    let mut largest: Option<Bound> = None;
    for clause in &deadline.clauses {
        let candidate = clause_bound(clause)?;
        let larger = match &largest {
            Some(l) => candidate.working_days > l.working_days,
            None => true,
        };
        if larger {
            largest = Some(candidate);
        }
    }
    largest
}

/// One clause in working days ([`DeadlineClause::working_days`]), saying what it was
/// converted from.
fn clause_bound(clause: &DeadlineClause) -> Option<Bound> {
    let working_days = clause.working_days()?;
    let name = match &clause.unit {
        _ if clause.kind == ClauseKind::Immediate => None,
        Some(TimeUnit::WorkingDay) | None => None,
        Some(TimeUnit::Day) => Some("calendar day"),
        Some(TimeUnit::Hour) => Some("hour"),
        Some(TimeUnit::Month) => Some("month"),
        Some(TimeUnit::Year) => Some("year"),
        // working_days() gave no value for a unit this version does not know.
        Some(TimeUnit::Unknown(_)) => None,
    };
    let converted_from = name.zip(clause.amount).map(|(name, amount)| {
        let plural = if amount == 1 { "" } else { "s" };
        format!("{amount} {name}{plural}")
    });
    Some(Bound {
        working_days,
        converted_from,
    })
}

fn compare_deadlines(baseline: &Deadline, local: &Deadline) -> Option<Finding> {
    let (b, l) = match (bound(baseline), bound(local)) {
        (Some(b), Some(l)) => (b, l),
        (b, l) => {
            return not_compared(
                "deadlines",
                &baseline.raw,
                b.is_some(),
                &local.raw,
                l.is_some(),
            )
        }
    };
    let approximate = b.converted_from.is_some() || l.converted_from.is_some();
    let (code, relation) = match l.working_days.cmp(&b.working_days) {
        std::cmp::Ordering::Greater => (FindingCode::DeadlineLonger, "longer"),
        std::cmp::Ordering::Less => (FindingCode::DeadlineShorter, "shorter"),
        std::cmp::Ordering::Equal => return None,
    };
    let message = format!(
        "the local deadline ({}) is {relation} than the baseline's ({})",
        l.describe(),
        b.describe()
    );
    Some(Finding::new(code, message).approximate(approximate))
}

/// A `not_compared` finding when a field could not be compared, naming the side(s) whose
/// cell is empty or unstructured; `None` when both cells are empty (nothing to compare).
fn not_compared(
    field: &str,
    baseline_raw: &str,
    baseline_structured: bool,
    local_raw: &str,
    local_structured: bool,
) -> Option<Finding> {
    let state = |raw: &str, structured: bool| match (structured, raw.trim().is_empty()) {
        (true, _) => None,
        (false, true) => Some("empty"),
        (false, false) => Some("not structured"),
    };
    let why = match (
        state(baseline_raw, baseline_structured),
        state(local_raw, local_structured),
    ) {
        (None, None) | (Some("empty"), Some("empty")) => return None,
        (Some(b), Some(l)) if b == l => format!("neither cell is {}", b.replace("not ", "")),
        (Some(b), Some(l)) => format!("the baseline's cell is {b} and the local cell is {l}"),
        (Some(b), None) => format!("the baseline's cell is {b}"),
        (None, Some(l)) => format!("the local cell is {l}"),
    };
    Some(Finding::new(
        FindingCode::NotCompared,
        format!("the {field} could not be compared: {why}"),
    ))
}

// --- materials ---

/// Every item of a materials cell, whatever its group.
fn items(materials: &Materials) -> Vec<&Material> {
    materials.groups.iter().flat_map(|g| &g.items).collect()
}

/// Whether the cell is structured: `无`, or at least one item.
fn materials_structured(materials: &Materials) -> bool {
    materials.none_required || !items(materials).is_empty()
}

/// The keys a material is known by: its forms, its text and each alternative, canonical.
fn material_keys(material: &Material) -> BTreeSet<String> {
    material
        .forms
        .iter()
        .chain(&material.alternatives)
        .chain(std::iter::once(&material.text))
        .map(|s| canonical(s))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether two materials are the same: a key in common (a form, the text, an alternative),
/// or texts alike enough.
fn same_material(a: &Material, b: &Material) -> bool {
    let (keys_a, keys_b) = (material_keys(a), material_keys(b));
    !keys_a.is_disjoint(&keys_b)
        || similarity(&canonical(&a.text), &canonical(&b.text)) >= MATERIAL_TEXT_SIMILARITY
}

fn compare_materials(baseline: &Materials, local: &Materials) -> Vec<Finding> {
    let (b_ok, l_ok) = (materials_structured(baseline), materials_structured(local));
    if !(b_ok && l_ok) {
        return not_compared("materials", &baseline.raw, b_ok, &local.raw, l_ok)
            .into_iter()
            .collect();
    }
    let (b_items, l_items) = (items(baseline), items(local));
    let added = unmatched(&l_items, &b_items).into_iter().map(|l| {
        Finding::new(
            FindingCode::MaterialAdded,
            format!(
                "the local list asks for “{}”, which the baseline does not",
                l.text
            ),
        )
    });
    let removed = unmatched(&b_items, &l_items).into_iter().map(|b| {
        Finding::new(
            FindingCode::MaterialRemoved,
            format!(
                "the baseline asks for “{}”, which the local list does not",
                b.text
            ),
        )
    });
    added.chain(removed).collect()
}

/// The items of `from` that match no item of `other`, each material once: an item that is
/// the same material as one already reported (asked of two kinds of applicant, or the same
/// form worded twice) is not reported again.
fn unmatched<'a>(from: &[&'a Material], other: &[&Material]) -> Vec<&'a Material> {
    let mut reported: Vec<&Material> = Vec::new();
    for item in from {
        let matched = other.iter().any(|o| same_material(item, o));
        if !matched && !reported.iter().any(|r| same_material(item, r)) {
            reported.push(item);
        }
    }
    reported
}

// --- channels ---

/// The kind of a channel in words, with its article (`an online channel`).
fn kind_phrase(kind: &ChannelKind) -> &'static str {
    match kind {
        ChannelKind::OnSite => "an on-site channel",
        ChannelKind::Online => "an online channel",
        ChannelKind::Mobile => "a mobile channel",
        ChannelKind::Mail => "a mail channel",
        _ => "another channel",
    }
}

fn compare_channels(
    baseline_raw: &str,
    baseline: &[Channel],
    local_raw: &str,
    local: &[Channel],
) -> Vec<Finding> {
    let (b_ok, l_ok) = (!baseline.is_empty(), !local.is_empty());
    if !(b_ok && l_ok) {
        return not_compared("channels", baseline_raw, b_ok, local_raw, l_ok)
            .into_iter()
            .collect();
    }
    let mut reported = Vec::new();
    let mut findings = Vec::new();
    for channel in baseline {
        let kind = &channel.kind;
        if local.iter().any(|l| l.kind == *kind) || reported.contains(&kind) {
            continue;
        }
        reported.push(kind);
        findings.push(Finding::new(
            FindingCode::ChannelMissing,
            format!(
                "the baseline offers {} (“{}”), which the local list does not",
                kind_phrase(kind),
                channel.text
            ),
        ));
    }
    findings
}

// --- citations ---

/// The keys a citation is known by: its title and the title quoted inside it, canonical.
fn citation_keys(citation: &Citation) -> BTreeSet<String> {
    std::iter::once(&citation.title)
        .chain(&citation.inner_title)
        .map(|s| canonical(s))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Citations of `from` whose title `other` does not cite, each title once.
fn titles_missing<'a>(from: &'a [Citation], other: &[Citation]) -> Vec<&'a Citation> {
    let other_keys: BTreeSet<String> = other.iter().flat_map(citation_keys).collect();
    let mut seen = BTreeSet::new();
    from.iter()
        .filter(|c| {
            let keys = citation_keys(c);
            keys.is_disjoint(&other_keys) && seen.insert(canonical(&c.title))
        })
        .collect()
}

fn compare_citations(baseline: &LegalBasis, local: &LegalBasis) -> Vec<Finding> {
    let (b_ok, l_ok) = (!baseline.citations.is_empty(), !local.citations.is_empty());
    if !(b_ok && l_ok) {
        return not_compared("citations", &baseline.raw, b_ok, &local.raw, l_ok)
            .into_iter()
            .collect();
    }
    let added = titles_missing(&local.citations, &baseline.citations)
        .into_iter()
        .map(|c| {
            Finding::new(
                FindingCode::CitationAdded,
                format!(
                    "the local list cites 《{}》, which the baseline does not",
                    c.title
                ),
            )
        });
    let removed = titles_missing(&baseline.citations, &local.citations)
        .into_iter()
        .map(|c| {
            Finding::new(
                FindingCode::CitationRemoved,
                format!(
                    "the baseline cites 《{}》, which the local list does not",
                    c.title
                ),
            )
        });
    added.chain(removed).collect()
}

#[cfg(test)]
mod tests;
