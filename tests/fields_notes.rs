//! The notes cell (备注): items, channel deadlines and definitions as tables of input → value,
//! the diagnostics a note can give, and the seed lists.

mod common;

use common::matter;

use shixiang::{ClauseKind, Code, Document, Notes, TimeUnit};

/// A list of one matter whose 备注 cell is `notes`, on line 3 (the cell starts at column 11).
fn list(notes: &str) -> Document {
    let text = format!("某市清单\n主项\t子项序号\t子项\t备注\n一、参保\t1\t登记\t{notes}\n");
    shixiang::parse(&text).expect("parses")
}

fn notes(text: &str) -> Notes {
    matter(&list(text), 1).notes.clone()
}

/// A seed list (fixtures/valid), parsed.
fn seed(name: &str) -> Document {
    let path = format!("{}/fixtures/valid/{name}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    shixiang::parse(&text).expect("fixture parses")
}

fn diagnostics(document: &Document, code: Code) -> Vec<(usize, usize, String)> {
    document
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect()
}

#[test]
fn items_follow_the_numbered_points() {
    #[rustfmt::skip]
    let table: &[(&str, &[&str])] = &[
        ("1. 甲。 2. 乙",                      &["甲。", "乙"]),
        ("1、甲 2、乙",                        &["甲", "乙"]),
        ("（1）甲（2）乙",                     &["甲", "乙"]),
        ("①甲②乙",                            &["甲", "乙"]),
        ("合并支付的一次性提供材料，出院时在医疗机构直接结算。",
                                               &["合并支付的一次性提供材料，出院时在医疗机构直接结算。"]),
        ("1. 特殊人群还需提供：①甲②乙 2. 丙",  &["特殊人群还需提供：①甲②乙", "丙"]),
        ("甲 \u{200B}乙",                      &["甲乙"]),
    ];
    for (text, items) in table {
        assert_eq!(notes(text).items, *items, "{text}");
    }
}

#[test]
fn accepted_channel_deadline_wordings() {
    #[rustfmt::skip]
    let table: &[(&str, &str, ClauseKind, Option<u32>)] = &[
        ("通过政务服务网申请办理的，办理时限1个工作日。",
         "通过政务服务网申请办理的", ClauseKind::Limit, Some(1)),
        ("通过政务服务网申请办理的, 办理时限1个工作日。",
         "通过政务服务网申请办理的", ClauseKind::Limit, Some(1)),
        ("合并支付的一次性提供材料。 通过政务服务网申请办理的，办理时限1个工作日。",
         "通过政务服务网申请办理的", ClauseKind::Limit, Some(1)),
        ("经办机构进行监管 异地就医的白血病患者通过政务服务网申请办理的，办理时限1个工作日。",
         "异地就医的白血病患者通过政务服务网申请办理的", ClauseKind::Limit, Some(1)),
        ("通过手机APP申请的，办理时限为一个工作日",
         "通过手机APP申请的", ClauseKind::Limit, Some(1)),
        ("参保人员，通过网上申请的，5个工作日内办结",
         "参保人员，通过网上申请的", ClauseKind::Limit, Some(5)),
        ("网上申请的，即时办结",
         "网上申请的", ClauseKind::Immediate, None),
    ];
    for (text, condition, kind, amount) in table.iter().cloned() {
        let document = list(text);
        assert_eq!(document.diagnostics, [], "{text}");
        let found = &matter(&document, 1).notes.channel_deadlines;
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].condition, condition, "{text}");
        assert_eq!(
            (found[0].clause.kind.clone(), found[0].clause.amount),
            (kind, amount),
            "{text}"
        );
        if amount.is_some() {
            assert_eq!(found[0].clause.unit, Some(TimeUnit::WorkingDay), "{text}");
        }
    }
}

#[test]
fn each_condition_starts_after_the_deadline_before_it() {
    let found =
        notes("网上申请的，办理时限1个工作日，邮寄申请的，办理时限5个工作日").channel_deadlines;
    let conditions: Vec<_> = found
        .iter()
        .map(|found| (found.condition.as_str(), found.clause.amount))
        .collect();
    assert_eq!(
        conditions,
        [("网上申请的", Some(1)), ("邮寄申请的", Some(5))]
    );
}

#[test]
fn look_alikes_are_no_channel_deadlines() {
    for text in [
        "需提供近3个月的病历，3个月内的发票",
        "提供住院病历的，复印件一份",
        "办理时限1个工作日",
        "参保职工，办理时限1个工作日",
        "意外伤害就医的应提供交警事故认定书",
    ] {
        let document = list(text);
        assert_eq!(matter(&document, 1).notes.channel_deadlines, [], "{text}");
        assert_eq!(document.diagnostics, [], "{text}");
    }
}

#[test]
fn an_unreadable_named_limit_is_reported_where_it_stands() {
    let document = list("通过网上申请的，办理时限3-5个工作日");
    assert_eq!(matter(&document, 1).notes.channel_deadlines, []);
    assert_eq!(
        diagnostics(&document, Code::DeadlineUnparsed),
        [(
            3,
            19,
            "note part `办理时限3-5个工作日` names a time limit that could not be read".to_owned()
        )]
    );
}

#[test]
fn accepted_definition_wordings() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &[&str])] = &[
        ("有效身份证件包括身份证、居住证、户口簿、护照等（下同）",
         "有效身份证件", &["身份证", "居住证", "户口簿", "护照"]),
        ("有效身份证件包括身份证、居住证等（下同）。",
         "有效身份证件", &["身份证", "居住证"]),
        ("有效身份证件包括身份证、护照",
         "有效身份证件", &["身份证", "护照"]),
        ("证件包含身份证、护照等等",
         "证件", &["身份证", "护照"]),
        ("单位有效证明文件可包括：统一社会信用代码证书或介绍信",
         "单位有效证明文件", &["统一社会信用代码证书", "介绍信"]),
        ("材料主要包括但不限于病历、发票，原件备查",
         "材料", &["病历", "发票"]),
        ("需提供：证件包括身份证、居住证（含电子证照、临时证）",
         "证件", &["身份证", "居住证（含电子证照、临时证）"]),
    ];
    for &(text, term, includes) in table {
        let found = notes(text).definitions;
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].term, term, "{text}");
        assert_eq!(found[0].includes, includes, "{text}");
    }
}

#[test]
fn look_alikes_are_no_definitions() {
    for text in [
        "参保登记含新参保、暂停参保等相关内容",
        "费用不包括自付部分",
        "包括身份证、护照",
        "材料包括以下几项：①甲②乙",
        "有效身份证件包括",
    ] {
        assert_eq!(notes(text).definitions, [], "{text}");
    }
}

#[test]
fn every_point_of_a_note_is_kept_so_none_is_partial() {
    for text in [
        "说明：1.甲 2.乙",
        "⑴甲⑵乙",
        "1. 2. 丙",
        "异地就医的患者需备案 通过网上申请的，办理时限3-5个工作日",
    ] {
        let document = list(text);
        assert_eq!(diagnostics(&document, Code::NotesPartial), [], "{text}");
        let items = matter(&document, 1).notes.items.concat();
        let kept: String = items.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!kept.is_empty(), "{text}");
    }
}

#[test]
fn many_unreadable_limits_in_one_note_are_located_in_one_pass() {
    // 20 000 problems: each located from the one before, not from the cell start.
    let piece = "网上申请的，办理时限3-5个工作日。";
    let text = piece.repeat(20_000);
    let started = std::time::Instant::now();
    let document = list(&text);
    let found = diagnostics(&document, Code::DeadlineUnparsed);
    assert_eq!(found.len(), 20_000);
    let width = piece.chars().count();
    assert_eq!((found[1].0, found[1].1), (3, 11 + width + 6));
    assert_eq!(found[19_999].1, 11 + 19_999 * width + 6);
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn long_notes_are_read_in_linear_time() {
    let text =
        "证件包括身份证、".repeat(20_000) + &"网上申请的，办理时限1个工作日，".repeat(20_000);
    let started = std::time::Instant::now();
    let found = notes(&text);
    assert_eq!(found.channel_deadlines.len(), 20_000);
    assert_eq!(found.definitions.len(), 20_000);
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn yantai_notes_with_the_government_service_site_give_one_working_day() {
    let document = seed("yantai");
    let mut seen = 0;
    for (_, matter) in document.matters() {
        if !matter.notes.raw.contains("政务服务网") {
            assert_eq!(matter.notes.channel_deadlines, []);
            continue;
        }
        seen += 1;
        assert_eq!(matter.notes.channel_deadlines.len(), 1, "{:?}", matter.seq);
        let found = &matter.notes.channel_deadlines[0];
        assert!(
            found.condition.ends_with("通过政务服务网申请办理的"),
            "{}",
            found.condition
        );
        let clause = &found.clause;
        assert_eq!(
            (clause.kind.clone(), clause.amount, clause.unit.clone()),
            (ClauseKind::Limit, Some(1), Some(TimeUnit::WorkingDay))
        );
    }
    assert_eq!(seen, 10);
    assert_eq!(
        matter(&document, 13).notes.channel_deadlines[0].condition,
        "通过政务服务网申请办理的"
    );
    assert_eq!(
        matter(&document, 24).notes.channel_deadlines[0].condition,
        "异地就医的白血病、全身各系统恶性肿瘤患者通过政务服务网申请办理的"
    );
    assert_eq!(diagnostics(&document, Code::NotesPartial), []);
}

#[test]
fn shandong_2_defines_valid_identity_documents() {
    let document = seed("shandong-2023");
    let notes = &matter(&document, 2).notes;
    assert_eq!(notes.items.len(), 3);
    assert!(notes.items[1].starts_with("有效身份证件包括"));
    assert_eq!(notes.definitions.len(), 1);
    assert_eq!(notes.definitions[0].term, "有效身份证件");
    assert_eq!(
        notes.definitions[0].includes,
        [
            "身份证",
            "居住证",
            "户口簿",
            "护照",
            "港澳居民来往内地通行证",
            "港澳台居民居住证",
            "外国人永久居留证",
        ]
    );
    assert_eq!(diagnostics(&document, Code::NotesPartial), []);
}
