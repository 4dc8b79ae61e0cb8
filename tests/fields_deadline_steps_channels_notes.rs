//! Deadlines, steps, channels and notes of the two seed lists, parsed with `shixiang::parse`.

mod common;

use common::matter;

use shixiang::{
    Basis, ChannelKind, ClauseKind, Code, Deadline, DeadlineClause, Document, TimeUnit,
};

fn document(name: &str) -> Document {
    let path = format!("{}/fixtures/valid/{name}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    shixiang::parse(&text).expect("fixture parses")
}

fn limit(clause: &DeadlineClause) -> (ClauseKind, Option<u32>, Option<TimeUnit>) {
    (clause.kind.clone(), clause.amount, clause.unit.clone())
}

const WD: Option<TimeUnit> = Some(TimeUnit::WorkingDay);

#[test]
fn every_seed_matter_has_a_structured_deadline_steps_and_channels() {
    for name in ["yantai", "shandong-2023"] {
        let document = document(name);
        assert!(document.matters().count() >= 28, "{name}");
        for (_, matter) in document.matters() {
            let what = format!("{name} matter {:?}", matter.seq);
            assert!(!matter.deadline.clauses.is_empty(), "{what}: deadline");
            assert!(matter.steps.steps.len() >= 2, "{what}: steps");
            assert!(!matter.channels.modes.is_empty(), "{what}: channels");
            for mode in &matter.channels.modes {
                assert_ne!(mode.kind, ChannelKind::Other, "{what}: {}", mode.text);
            }
        }
        let unparsed: Vec<_> = document
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DeadlineUnparsed)
            .collect();
        assert_eq!(unparsed, Vec::<&shixiang::Diagnostic>::new(), "{name}");
    }
}

#[test]
fn shandong_10_has_two_transfer_deadlines() {
    let document = document("shandong-2023");
    for seq in [10, 11] {
        let deadline = &matter(&document, seq).deadline;
        let found: Vec<_> = deadline
            .clauses
            .iter()
            .map(|c| (c.condition.as_deref(), limit(c)))
            .collect();
        assert_eq!(
            found,
            [
                (Some("跨省转移接续"), (ClauseKind::Limit, Some(15), WD)),
                (Some("省内转移接续"), (ClauseKind::Limit, Some(9), WD)),
            ]
        );
        assert_eq!(deadline.max_working_days, Some(15));
    }
}

#[test]
fn shandong_14_is_immediate_for_four_diseases_and_20_days_for_the_others() {
    let document = document("shandong-2023");
    let deadline = &matter(&document, 14).deadline;
    assert_eq!(deadline.clauses.len(), 2);
    assert_eq!(deadline.clauses[0].kind, ClauseKind::Immediate);
    assert_eq!(
        deadline.clauses[0].condition.as_deref(),
        Some("恶性肿瘤、肾透析、器官移植抗排斥治疗、精神病等4个病种")
    );
    assert_eq!(
        limit(&deadline.clauses[1]),
        (ClauseKind::Limit, Some(20), WD)
    );
    assert_eq!(deadline.clauses[1].condition.as_deref(), Some("其他病种"));
    assert_eq!(deadline.max_working_days, Some(20));
}

#[test]
fn yantai_24_reads_the_long_chronic_disease_cell() {
    let document = document("yantai");
    let deadline = &matter(&document, 24).deadline;
    let clauses = &deadline.clauses;
    assert_eq!(clauses.len(), 3);
    assert_eq!(limit(&clauses[0]), (ClauseKind::Limit, Some(20), WD));
    assert_eq!(clauses[0].basis, Some(Basis::Statutory));
    assert_eq!(clauses[1].kind, ClauseKind::Immediate);
    assert_eq!(
        clauses[1].condition.as_deref(),
        Some("恶性肿瘤、肾透析、器官移植抗排异治疗、精神病等医疗费用较高的病种")
    );
    assert_eq!(limit(&clauses[2]), (ClauseKind::Limit, Some(20), WD));
    assert_eq!(clauses[2].condition.as_deref(), Some("其它病种"));
    assert_eq!(clauses[2].start.as_deref(), Some("自审核之日起"));
    assert_eq!(deadline.max_working_days, Some(20));
}

#[test]
fn yantai_30_has_a_three_month_evaluation_limit() {
    let document = document("yantai");
    for seq in [30, 31] {
        let deadline = &matter(&document, seq).deadline;
        assert_eq!(deadline.clauses.len(), 1);
        let clause = &deadline.clauses[0];
        assert_eq!(clause.label.as_deref(), Some("评估时限"));
        assert_eq!(
            limit(clause),
            (ClauseKind::Limit, Some(3), Some(TimeUnit::Month))
        );
        assert_eq!(deadline.max_working_days, None);
        assert_eq!(deadline.to_string(), "评估时限不超过3个月");
    }
}

#[test]
fn a_list_with_unreadable_deadlines_reports_where() {
    let text = "\
某市医疗保障经办政务服务事项清单
主项\t子项序号\t子项\t办理时限\t备注
一、参保登记\t1\t单位参保登记\t按规定办理\t
\t2\t职工参保登记\t1.即时办结 2. 5-3个工作日\t
";
    let document = shixiang::parse(text).expect("parses");
    let found: Vec<_> = document
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DeadlineUnparsed)
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                3,
                17,
                "deadline `按规定办理` states no time limit that could be read"
            ),
            (
                4,
                21,
                "deadline `5-3个工作日` gives a range of time limits, which is not structured"
            ),
        ]
    );
    let first = matter(&document, 1);
    assert_eq!(first.deadline.raw, "按规定办理");
    assert_eq!(first.deadline.clauses, []);
    assert_eq!(matter(&document, 2).deadline.clauses.len(), 1);
}

#[test]
fn deadlines_parse_alone_and_print_canonically() {
    let deadline: Deadline = "1.省内转入的，即时办结 2.跨省转入的，承诺时间为7个工作日"
        .parse()
        .expect("parses");
    assert_eq!(
        deadline.to_string(),
        "省内转入的，即时办结；跨省转入的，承诺时限不超过7个工作日"
    );
    assert_eq!(deadline.max_working_days, Some(7));
    let again: Deadline = deadline.to_string().parse().expect("parses again");
    assert_eq!(again.clauses, deadline.clauses);

    let error = "视情况而定".parse::<Deadline>().unwrap_err();
    assert_eq!(error.offset(), 0);
    assert_eq!(
        error.to_string(),
        "deadline `视情况而定` states no time limit that could be read (at byte 0)"
    );
}
