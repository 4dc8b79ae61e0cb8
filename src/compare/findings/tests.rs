//! Unit tests of the findings.

use super::*;
use crate::model::MaterialGroup;

fn working_days(raw: &str, days: u32) -> Deadline {
    Deadline {
        raw: raw.to_owned(),
        clauses: vec![DeadlineClause::bare(
            ClauseKind::Limit,
            Some(days),
            Some(TimeUnit::WorkingDay),
        )],
        max_working_days: Some(days),
        ..Deadline::default()
    }
}

fn immediate() -> Deadline {
    Deadline {
        raw: "即时办结".to_owned(),
        clauses: vec![DeadlineClause::bare(ClauseKind::Immediate, None, None)],
        max_working_days: Some(0),
        ..Deadline::default()
    }
}

fn limit(raw: &str, amount: u32, unit: TimeUnit) -> Deadline {
    Deadline {
        raw: raw.to_owned(),
        clauses: vec![DeadlineClause::bare(
            ClauseKind::Limit,
            Some(amount),
            Some(unit),
        )],
        max_working_days: None,
        ..Deadline::default()
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
    assert_eq!(Some(&f.severity), f.code.severity().as_ref());
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
        Some(crate::Severity::Info)
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
        clause_bound(&DeadlineClause::bare(
            ClauseKind::Limit,
            Some(amount),
            Some(unit),
        ))
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
        clause_bound(&DeadlineClause::bare(
            ClauseKind::Limit,
            None,
            Some(TimeUnit::Day)
        )),
        None
    );
}

#[test]
fn largest_clause_is_the_bound() {
    let mut deadline = limit("…", 1, TimeUnit::Month);
    deadline.clauses.push(DeadlineClause::bare(
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
            ..MaterialGroup::default()
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
            ..MaterialGroup::default()
        },
        MaterialGroup {
            applicant: Some("个人".to_owned()),
            items: vec![material("《变更表》及主管部门的材料", &["变更表"], &[])],
            ..MaterialGroup::default()
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
                "the baseline asks for “有效身份证件”, which the local list does not".to_owned()
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
