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

/// Working days in a month, for comparing a limit in months with one in working days
/// (261 working days a year / 12 ≈ 21.75, rounded up).
const WORKING_DAYS_PER_MONTH: u32 = 22;
/// Calendar days per week, and the working days among them.
const DAYS_PER_WEEK: u32 = 7;
const WORKING_DAYS_PER_WEEK: u32 = 5;

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

/// One clause in working days, converting months, calendar days, hours and years.
fn clause_bound(clause: &DeadlineClause) -> Option<Bound> {
    if clause.kind == ClauseKind::Immediate {
        return Some(Bound {
            working_days: 0,
            converted_from: None,
        });
    }
    let amount = clause.amount?;
    let (working_days, name) = match clause.unit? {
        TimeUnit::WorkingDay => {
            return Some(Bound {
                working_days: amount,
                converted_from: None,
            })
        }
        TimeUnit::Day => (calendar_to_working(amount), "calendar day"),
        TimeUnit::Hour => (calendar_to_working(amount.div_ceil(24)), "hour"),
        TimeUnit::Month => (amount.saturating_mul(WORKING_DAYS_PER_MONTH), "month"),
        TimeUnit::Year => (amount.saturating_mul(12 * WORKING_DAYS_PER_MONTH), "year"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    Some(Bound {
        working_days,
        converted_from: Some(format!("{amount} {name}{plural}")),
    })
}

/// Calendar days to working days, rounded up: a week of 7 days has 5 working days.
fn calendar_to_working(days: u32) -> u32 {
    (u64::from(days) * u64::from(WORKING_DAYS_PER_WEEK))
        .div_ceil(u64::from(DAYS_PER_WEEK))
        .try_into()
        .unwrap_or(u32::MAX)
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
fn kind_phrase(kind: ChannelKind) -> &'static str {
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
        let kind = channel.kind;
        if local.iter().any(|l| l.kind == kind) || reported.contains(&kind) {
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
mod tests {
    use super::*;
    use crate::model::MaterialGroup;

    fn clause(kind: ClauseKind, amount: Option<u32>, unit: Option<TimeUnit>) -> DeadlineClause {
        DeadlineClause {
            kind,
            amount,
            unit,
            condition: None,
            basis: None,
            label: None,
            start: None,
        }
    }

    fn working_days(raw: &str, days: u32) -> Deadline {
        Deadline {
            raw: raw.to_owned(),
            clauses: vec![clause(
                ClauseKind::Limit,
                Some(days),
                Some(TimeUnit::WorkingDay),
            )],
            max_working_days: Some(days),
        }
    }

    fn immediate() -> Deadline {
        Deadline {
            raw: "即时办结".to_owned(),
            clauses: vec![clause(ClauseKind::Immediate, None, None)],
            max_working_days: Some(0),
        }
    }

    fn limit(raw: &str, amount: u32, unit: TimeUnit) -> Deadline {
        Deadline {
            raw: raw.to_owned(),
            clauses: vec![clause(ClauseKind::Limit, Some(amount), Some(unit))],
            max_working_days: None,
        }
    }

    fn unstructured(raw: &str) -> Deadline {
        Deadline {
            raw: raw.to_owned(),
            ..Deadline::default()
        }
    }

    fn only(finding: Option<Finding>) -> (FindingCode, String, bool) {
        let f = finding.expect("a finding");
        assert_eq!(f.severity, f.code.severity());
        (f.code, f.message, f.approximate)
    }

    #[test]
    fn longer_deadline_in_working_days() {
        let got = only(compare_deadlines(
            &working_days("不超过4个工作日", 4),
            &working_days("不超过10个工作日", 10),
        ));
        assert_eq!(
            got,
            (
                FindingCode::DeadlineLonger,
                "the local deadline (10 working days) is longer than the baseline's (4 working days)"
                    .to_owned(),
                false
            )
        );
    }

    #[test]
    fn shorter_deadline_is_info() {
        let got = only(compare_deadlines(
            &working_days("不超过4个工作日", 4),
            &immediate(),
        ));
        assert_eq!(
            got,
            (
                FindingCode::DeadlineShorter,
                "the local deadline (immediate) is shorter than the baseline's (4 working days)"
                    .to_owned(),
                false
            )
        );
        assert_eq!(
            FindingCode::DeadlineShorter.severity(),
            crate::Severity::Info
        );
    }

    #[test]
    fn equal_deadlines_give_nothing() {
        assert_eq!(
            compare_deadlines(
                &working_days("15个工作日", 15),
                &working_days("15个工作日内", 15)
            ),
            None
        );
        assert_eq!(compare_deadlines(&immediate(), &immediate()), None);
    }

    #[test]
    fn months_are_converted_and_marked_approximate() {
        let got = only(compare_deadlines(
            &working_days("不超过45个工作日", 45),
            &limit("评估时限不超过3个月", 3, TimeUnit::Month),
        ));
        assert_eq!(
            got,
            (
                FindingCode::DeadlineLonger,
                "the local deadline (3 months, about 66 working days at 22 working days a month \
                 and 5 a week) is longer than the baseline's (45 working days)"
                    .to_owned(),
                true
            )
        );
    }

    #[test]
    fn calendar_days_are_converted() {
        // 30 calendar days are about 22 working days (30·5/7 = 21.4, rounded up).
        let got = only(compare_deadlines(
            &limit("30日内", 30, TimeUnit::Day),
            &working_days("20个工作日", 20),
        ));
        assert_eq!(got.0, FindingCode::DeadlineShorter);
        assert!(got.2);
        assert_eq!(
            got.1,
            "the local deadline (20 working days) is shorter than the baseline's (30 calendar \
             days, about 22 working days at 22 working days a month and 5 a week)"
        );
    }

    #[test]
    fn clause_conversions() {
        let days = |amount, unit| {
            clause_bound(&clause(ClauseKind::Limit, Some(amount), Some(unit)))
                .map(|b| b.working_days)
        };
        assert_eq!(days(7, TimeUnit::Day), Some(5));
        assert_eq!(days(1, TimeUnit::Day), Some(1));
        assert_eq!(days(24, TimeUnit::Hour), Some(1));
        assert_eq!(days(48, TimeUnit::Hour), Some(2));
        assert_eq!(days(1, TimeUnit::Month), Some(22));
        assert_eq!(days(1, TimeUnit::Year), Some(264));
        assert_eq!(days(9, TimeUnit::WorkingDay), Some(9));
        assert_eq!(days(u32::MAX, TimeUnit::Year), Some(u32::MAX));
        assert_eq!(
            clause_bound(&clause(ClauseKind::Limit, None, Some(TimeUnit::Day))),
            None
        );
    }

    #[test]
    fn largest_clause_is_the_bound() {
        let mut deadline = limit("…", 1, TimeUnit::Month);
        deadline.clauses.push(clause(
            ClauseKind::Limit,
            Some(30),
            Some(TimeUnit::WorkingDay),
        ));
        assert_eq!(bound(&deadline).map(|b| b.working_days), Some(30));
    }

    #[test]
    fn unstructured_deadline_is_not_compared() {
        let got = only(compare_deadlines(
            &working_days("不超过4个工作日", 4),
            &unstructured("每季度至少审核办理一次"),
        ));
        assert_eq!(
            got,
            (
                FindingCode::NotCompared,
                "the deadlines could not be compared: the local cell is not structured".to_owned(),
                false
            )
        );
        let got = only(compare_deadlines(&unstructured(""), &immediate()));
        assert_eq!(
            got.1,
            "the deadlines could not be compared: the baseline's cell is empty"
        );
        assert_eq!(
            compare_deadlines(&unstructured(""), &unstructured(" ")),
            None
        );
        let got = only(compare_deadlines(
            &unstructured("另行通知"),
            &unstructured("待定"),
        ));
        assert_eq!(
            got.1,
            "the deadlines could not be compared: neither cell is structured"
        );
        let got = only(compare_deadlines(&unstructured(""), &unstructured("待定")));
        assert_eq!(
            got.1,
            "the deadlines could not be compared: the baseline's cell is empty and the local \
             cell is not structured"
        );
    }

    fn material(text: &str, forms: &[&str], alternatives: &[&str]) -> Material {
        Material {
            text: text.to_owned(),
            forms: forms.iter().map(|s| s.to_string()).collect(),
            alternatives: alternatives.iter().map(|s| s.to_string()).collect(),
            ..Material::default()
        }
    }

    fn materials(items: Vec<Material>) -> Materials {
        Materials {
            raw: "…".to_owned(),
            none_required: false,
            groups: vec![MaterialGroup {
                applicant: None,
                items,
            }],
        }
    }

    fn codes_and_messages(findings: Vec<Finding>) -> Vec<(FindingCode, String)> {
        findings.into_iter().map(|f| (f.code, f.message)).collect()
    }

    #[test]
    fn materials_match_by_form_text_and_alternative() {
        let baseline = materials(vec![
            material("《参保登记表》（加盖单位公章）", &["参保登记表"], &[]),
            material(
                "医保电子凭证或有效身份证件或社保卡",
                &[],
                &["医保电子凭证", "有效身份证件", "社保卡"],
            ),
            material("死亡医学证明", &[], &[]),
        ]);
        let local = materials(vec![
            // Same form, other wording around it.
            material("《参保登记表》", &["参保登记表"], &[]),
            // One of the baseline's alternatives.
            material("有效身份证件", &[], &[]),
            // Worded the same after normalization.
            material("死亡医学证明。", &[], &[]),
            material("户口簿复印件", &[], &[]),
        ]);
        assert_eq!(
            codes_and_messages(compare_materials(&baseline, &local)),
            [(
                FindingCode::MaterialAdded,
                "the local list asks for “户口簿复印件”, which the baseline does not".to_owned()
            )]
        );
    }

    #[test]
    fn material_removed_and_groups_flattened() {
        let baseline = materials(vec![
            material("《登记表》", &["登记表"], &[]),
            material("有效身份证件", &[], &[]),
        ]);
        let mut local = materials(vec![]);
        // The same added item in two groups is one finding.
        local.groups = vec![
            MaterialGroup {
                applicant: Some("企业".to_owned()),
                items: vec![
                    material("《登记表》", &["登记表"], &[]),
                    material("《变更表》", &["变更表"], &[]),
                ],
            },
            MaterialGroup {
                applicant: Some("个人".to_owned()),
                items: vec![material("《变更表》及主管部门的材料", &["变更表"], &[])],
            },
        ];
        assert_eq!(
            codes_and_messages(compare_materials(&baseline, &local)),
            [
                (
                    FindingCode::MaterialAdded,
                    "the local list asks for “《变更表》”, which the baseline does not".to_owned()
                ),
                (
                    FindingCode::MaterialRemoved,
                    "the baseline asks for “有效身份证件”, which the local list does not"
                        .to_owned()
                )
            ]
        );
    }

    #[test]
    fn different_forms_do_not_match() {
        let baseline = materials(vec![material("《单位登记表》", &["单位登记表"], &[])]);
        let local = materials(vec![material(
            "《非企业单位信息表》",
            &["非企业单位信息表"],
            &[],
        )]);
        let codes: Vec<FindingCode> = compare_materials(&baseline, &local)
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(
            codes,
            [FindingCode::MaterialAdded, FindingCode::MaterialRemoved]
        );
    }

    #[test]
    fn none_required_is_structured() {
        let none = Materials {
            raw: "无".to_owned(),
            none_required: true,
            groups: vec![],
        };
        let local = materials(vec![material("户口簿", &[], &[])]);
        assert_eq!(
            codes_and_messages(compare_materials(&none, &local)),
            [(
                FindingCode::MaterialAdded,
                "the local list asks for “户口簿”, which the baseline does not".to_owned()
            )]
        );
        let raw_only = Materials {
            raw: "户口簿".to_owned(),
            ..Materials::default()
        };
        assert_eq!(
            codes_and_messages(compare_materials(&none, &raw_only)),
            [(
                FindingCode::NotCompared,
                "the materials could not be compared: the local cell is not structured".to_owned()
            )]
        );
    }

    fn channel(text: &str, kind: ChannelKind) -> Channel {
        Channel {
            text: text.to_owned(),
            kind,
        }
    }

    #[test]
    fn missing_channel_kinds() {
        let baseline = [
            channel("现场办理", ChannelKind::OnSite),
            channel("网上办理", ChannelKind::Online),
            channel("电脑端", ChannelKind::Online),
            channel("邮寄办理", ChannelKind::Mail),
            channel("APP办理", ChannelKind::Mobile),
        ];
        let local = [channel("窗口办理", ChannelKind::OnSite)];
        assert_eq!(
            codes_and_messages(compare_channels("…", &baseline, "…", &local)),
            [
                (
                    FindingCode::ChannelMissing,
                    "the baseline offers an online channel (“网上办理”), which the local list does not"
                        .to_owned()
                ),
                (
                    FindingCode::ChannelMissing,
                    "the baseline offers a mail channel (“邮寄办理”), which the local list does not"
                        .to_owned()
                ),
                (
                    FindingCode::ChannelMissing,
                    "the baseline offers a mobile channel (“APP办理”), which the local list does not"
                        .to_owned()
                ),
            ]
        );
        // A local list offering more than the baseline is no finding.
        assert!(compare_channels("…", &local, "…", &baseline).is_empty());
    }

    fn citation(title: &str, inner: Option<&str>) -> Citation {
        Citation {
            text: format!("《{title}》"),
            title: title.to_owned(),
            inner_title: inner.map(str::to_owned),
            ..Citation::default()
        }
    }

    fn basis(citations: Vec<Citation>) -> LegalBasis {
        LegalBasis {
            raw: "…".to_owned(),
            citations,
        }
    }

    #[test]
    fn citations_added_and_removed_by_title() {
        let baseline = basis(vec![
            citation("中华人民共和国社会保险法", None),
            citation("社会保险费征缴暂行条例", None),
            citation(
                "关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知",
                Some("外国人在中国永久居留享有相关待遇的办法"),
            ),
        ]);
        let local = basis(vec![
            // The same title cited twice with other articles: one document.
            citation("中华人民共和国社会保险法", None),
            citation("中华人民共和国 社会保险法", None),
            // The inner title cited directly.
            citation("外国人在中国永久居留享有相关待遇的办法", None),
            citation("医疗保障基金使用监督管理条例", None),
            citation("医疗保障基金使用监督管理条例", None),
        ]);
        assert_eq!(
            codes_and_messages(compare_citations(&baseline, &local)),
            [
                (
                    FindingCode::CitationAdded,
                    "the local list cites 《医疗保障基金使用监督管理条例》, which the baseline does not"
                        .to_owned()
                ),
                (
                    FindingCode::CitationRemoved,
                    "the baseline cites 《社会保险费征缴暂行条例》, which the local list does not"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn empty_legal_basis_is_not_compared() {
        let empty = LegalBasis::default();
        let local = basis(vec![citation("中华人民共和国社会保险法", None)]);
        assert_eq!(
            codes_and_messages(compare_citations(&empty, &local)),
            [(
                FindingCode::NotCompared,
                "the citations could not be compared: the baseline's cell is empty".to_owned()
            )]
        );
        assert!(compare_citations(&empty, &empty).is_empty());
    }
}
