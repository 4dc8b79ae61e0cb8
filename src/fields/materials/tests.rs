//! Unit tests of the materials parser.

use super::*;

fn cell(text: &str) -> Cell<'static> {
    Cell::new(text, 1, "")
}

fn run(text: &str) -> (Materials, Vec<crate::Diagnostic>) {
    let mut diagnostics = Diagnostics::default();
    let materials = parse(&cell(text), &mut diagnostics);
    (materials, diagnostics.into_sorted())
}

/// The item texts of every group, with the group's applicant.
fn shape(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    run(text)
        .0
        .groups
        .into_iter()
        .map(|g| (g.applicant, g.items.into_iter().map(|i| i.text).collect()))
        .collect()
}

fn general(items: &[&str]) -> Vec<(Option<String>, Vec<String>)> {
    vec![(None, items.iter().map(|s| s.to_string()).collect())]
}

/// The plain definition the [`Tokens`] are held to: the characters of `text` outside any
/// brackets or quotes, with their byte offsets, walked one by one. The depth never goes
/// negative; an ASCII quote toggles whatever the depth.
fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    let mut in_ascii_quote = false;
    text.char_indices().filter(move |&(_, c)| {
        if c == '"' {
            in_ascii_quote = !in_ascii_quote;
            return false;
        }
        if opens(c) {
            depth += 1;
            return false;
        }
        if closes(c) {
            depth = depth.saturating_sub(1);
            return false;
        }
        depth == 0 && !in_ascii_quote
    })
}

/// Whether the text after byte `at` of `text` opens with `或` (after white space).
fn choice_follows(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| rest.trim_start().starts_with('或'))
}

fn only_item(text: &str) -> Material {
    let (materials, _) = run(text);
    assert_eq!(materials.groups.len(), 1, "{text}");
    assert_eq!(materials.groups[0].items.len(), 1, "{text}");
    materials.groups[0].items[0].clone()
}

#[test]
fn every_marker_style_splits_items() {
    for text in [
        "1. 身份证 2. 《登记表》",
        "1、身份证 2、《登记表》",
        "（1）身份证（2）《登记表》",
        "(1)身份证 (2)《登记表》",
        "①身份证②《登记表》",
    ] {
        assert_eq!(shape(text), general(&["身份证", "《登记表》"]), "{text}");
    }
}

#[test]
fn semicolons_and_full_stops_split_items() {
    for text in [
        "身份证；《登记表》",
        "身份证;《登记表》",
        "身份证。《登记表》。",
        "1. 身份证； 2. 《登记表》；",
    ] {
        assert_eq!(shape(text), general(&["身份证", "《登记表》"]), "{text}");
    }
}

#[test]
fn look_alikes_do_not_split() {
    for text in [
        "近3个月的病历",
        "《表》（含增加；中断）",
        "第（2）项规定的证明",
        "比例1.5倍的凭证",
        "身份证；或个人承诺书",
        "身份证（①原件②复印件）",
    ] {
        assert_eq!(shape(text).len(), 1, "{text}");
        assert_eq!(shape(text)[0].1.len(), 1, "{text}");
    }
}

#[test]
fn enumerations_of_documents_split_on_the_enumeration_comma() {
    for (text, expected) in [
        (
            "有效证照副本原件、《非企业单位社会保险基本信息登记表》",
            vec!["有效证照副本原件", "《非企业单位社会保险基本信息登记表》"],
        ),
        ("身份证、户口簿、结婚证", vec!["身份证", "户口簿", "结婚证"]),
        (
            "《登记表》、《法人证》或《信用代码证》（副本）、批文复印件",
            vec![
                "《登记表》",
                "《法人证》或《信用代码证》（副本）",
                "批文复印件",
            ],
        ),
        ("申请表1份、病历", vec!["申请表1份", "病历"]),
        (
            "证照原件、复印件、《表》",
            vec!["证照原件、复印件", "《表》"],
        ),
    ] {
        assert_eq!(shape(text), general(&expected), "{text}");
    }
}

#[test]
fn phrases_with_an_enumeration_comma_stay_whole() {
    for text in [
        "执业医师、护士的执业证书",
        "住院、门诊费用清单",
        "检查、化验结果",
        "《表》（含增加、中断）",
    ] {
        assert_eq!(shape(text), general(&[text]), "{text}");
    }
    assert_eq!(
        shape("基本医保、大病保险报销后的结算单、就医有效票据"),
        general(&["基本医保、大病保险报销后的结算单", "就医有效票据"])
    );
}

#[test]
fn documents_are_told_from_other_words() {
    for text in [
        "身份证",
        "《表》",
        "《证》（副本）",
        "证照副本原件",
        "批文复印件",
        "申请表1份",
        "承诺书各1份",
        "登记表一式两份",
        "病历",
        "协议",
    ] {
        assert!(is_document(text), "{text}");
    }
    for text in ["执业医师", "住院", "基本医保", "检查", "原则上", ""] {
        assert!(!is_document(text), "{text}");
    }
}

#[test]
fn applicants_start_groups() {
    assert_eq!(
        shape("1. 在职职工：①《登记表》 2. 灵活就业人员：①有效身份证件 ②《登记表》"),
        vec![
            (Some("在职职工".into()), vec!["《登记表》".into()]),
            (
                Some("灵活就业人员".into()),
                vec!["有效身份证件".into(), "《登记表》".into()]
            ),
        ]
    );
    assert_eq!(
        shape("企业：《表》；个体工商户：营业执照"),
        vec![
            (Some("企业".into()), vec!["《表》".into()]),
            (Some("个体工商户".into()), vec!["营业执照".into()]),
        ]
    );
}

#[test]
fn applicant_phrases_are_persons_or_organisations() {
    for phrase in [
        "在职职工",
        "灵活就业人员",
        "企业",
        "社会团体、民办非企业单位",
        "机关事业单位",
        "社会团体、民办非企业、机关事业单位",
        "申请人",
        "参保患者",
        "定点医药机构",
    ] {
        assert!(names_applicant(phrase), "{phrase}");
    }
    for phrase in [
        "医院收费票据",
        "需提供",
        "注",
        "材料",
        "身份证、护士",
        "第1类人员",
        "通过“一网通办”注册的企业，医保经办机构",
    ] {
        assert!(!names_applicant(phrase), "{phrase}");
    }
}

#[test]
fn a_point_without_applicant_after_a_group_is_general() {
    assert_eq!(
        shape("1. 企业：《表》 2. 身份证"),
        vec![
            (Some("企业".into()), vec!["《表》".into()]),
            (None, vec!["身份证".into()]),
        ]
    );
}

#[test]
fn a_lead_in_is_not_an_item() {
    for text in [
        "需提供以下材料：①身份证 ②《表》",
        "提交材料如下：1. 身份证 2. 《表》",
        "请携带：身份证；《表》",
    ] {
        assert_eq!(shape(text), general(&["身份证", "《表》"]), "{text}");
    }
}

#[test]
fn headings_that_name_documents_are_kept() {
    let (materials, diagnostics) = run("《申请材料清单》：①身份证 ②《表》");
    assert_eq!(
        texts_of(&materials),
        ["《申请材料清单》：", "身份证", "《表》"]
    );
    assert_eq!(diagnostics.len(), 1);
    let (materials, _) = run("申请材料清单：①身份证 ②《表》");
    assert_eq!(texts_of(&materials), ["申请材料清单：", "身份证", "《表》"]);
    let (materials, _) = run("1. 医院收费票据：①住院清单 ②病历");
    assert_eq!(texts_of(&materials), ["医院收费票据：", "住院清单", "病历"]);
}

fn texts_of(materials: &Materials) -> Vec<&str> {
    materials
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
        .collect()
}

#[test]
fn alternatives_at_the_top_level() {
    for (text, expected) in [
        (
            "医保电子凭证或有效身份证件或社保卡",
            vec!["医保电子凭证", "有效身份证件", "社保卡"],
        ),
        ("身份证或者户口簿", vec!["身份证", "户口簿"]),
        ("居住证；或个人承诺书", vec!["居住证", "个人承诺书"]),
        (
            "结婚证原件或复印件，或个人承诺书",
            vec!["结婚证原件或复印件", "个人承诺书"],
        ),
    ] {
        assert_eq!(only_item(text).alternatives, expected, "{text}");
    }
    for text in [
        "第三方赔付材料（或个人书面承诺书）",
        "病历原件或复印件",
        "《甲或乙表》",
        "身份证",
    ] {
        assert!(only_item(text).alternatives.is_empty(), "{text}");
    }
}

#[test]
fn forms_are_every_title() {
    assert_eq!(
        only_item("原机构的《参保凭证》（含电子《凭证》）").forms,
        ["参保凭证", "凭证"]
    );
    assert_eq!(only_item("《关于〈甲〉的表》").forms, ["关于〈甲〉的表"]);
    assert!(only_item("参保凭证").forms.is_empty());
}

#[test]
fn copies_wordings() {
    for (text, expected) in [
        ("承诺书1份", Some(1)),
        ("花名册 1 份", Some(1)),
        ("《甲》《乙》各1份", Some(1)),
        ("登记表一式两份", Some(2)),
        ("申请表一份", Some(1)),
        ("申请表１２份", Some(12)),
        ("身份证", None),
        ("身份证复印件", None),
        ("近3个月的病历", None),
    ] {
        assert_eq!(only_item(text).copies, expected, "{text}");
    }
}

#[test]
fn shared_copies_go_to_every_listed_item() {
    let (materials, _) = run("《甲表》、《乙表》原件及复印件各1份");
    let items = &materials.groups[0].items;
    assert_eq!(items.len(), 2);
    for item in items {
        assert_eq!(item.copies, Some(1));
        assert_eq!(item.format, Some(MaterialFormat::OriginalAndCopy));
    }
}

#[test]
fn format_wordings() {
    use MaterialFormat::*;
    for (text, expected) in [
        ("营业执照原件", Some(Original)),
        ("病历复印件", Some(Copy)),
        ("许可证原件及复印件1份", Some(OriginalAndCopy)),
        ("许可证原件和复印件", Some(OriginalAndCopy)),
        ("许可证原件或复印件", Some(OriginalOrCopy)),
        ("许可证原件或者复印件", Some(OriginalOrCopy)),
        ("许可证原件、复印件", Some(OriginalAndCopy)),
        ("许可证复印件及原件", Some(OriginalAndCopy)),
        ("许可证复印件或原件", Some(OriginalOrCopy)),
        ("身份证", None),
        ("复印身份证", None),
    ] {
        assert_eq!(only_item(text).format, expected, "{text}");
    }
}

#[test]
fn seal_wordings() {
    for text in [
        "《表》（加盖单位公章）",
        "《表》加盖公章",
        "《表》盖章",
        "病历（加盖医院业务专章）",
        "《表》核对无误后加盖公章",
    ] {
        assert!(only_item(text).seal_required, "{text}");
    }
    for text in [
        "《表》",
        "覆盖范围证明",
        "单位章程",
        "《表》（无需盖章）",
        "《表》免盖章",
    ] {
        assert!(!only_item(text).seal_required, "{text}");
    }
}

#[test]
fn conditions_lead_an_item() {
    for (text, condition) in [
        (
            "属于意外伤害情形的，须提供病历复印件、第三方赔付材料",
            "属于意外伤害情形的",
        ),
        (
            "对涉及并发症等难以界定情形，可提供住院病历",
            "对涉及并发症等难以界定情形",
        ),
        ("委托他人办理的，代理人身份证", "委托他人办理的"),
        ("如有变更，还需提交《变更表》", "如有变更"),
    ] {
        let item = only_item(text);
        assert_eq!(item.condition.as_deref(), Some(condition), "{text}");
        assert_eq!(item.text, text);
    }
    for text in [
        "原则上凡可提供病历的，不再重复诊断",
        "住院、门诊费用清单，出院记录",
        "医疗机构设置批复文件，执业医师的执业证书",
    ] {
        assert_eq!(only_item(text).condition, None, "{text}");
    }
}

#[test]
fn none_required_wordings() {
    for text in [
        "无",
        " 无。",
        "无需提交材料",
        "免于提交",
        "免提交",
        "无需提供任何材料",
        "不需要材料",
        "无材料",
        "\u{200B} 无 需提交材料",
    ] {
        let (materials, diagnostics) = run(text);
        assert!(materials.none_required, "{text}");
        assert!(materials.groups.is_empty(), "{text}");
        assert!(diagnostics.is_empty(), "{text}");
    }
    for text in [
        "无犯罪记录证明",
        "无工作个人承诺书",
        "免费",
        "无需盖章的《表》",
    ] {
        assert!(!run(text).0.none_required, "{text}");
    }
}

#[test]
fn a_blank_cell_is_empty() {
    let (materials, diagnostics) = run("  ");
    assert!(!materials.none_required);
    assert!(materials.groups.is_empty());
    assert_eq!(materials.raw, "  ");
    assert!(diagnostics.is_empty());
}

#[test]
fn run_on_items_are_kept_whole_and_reported() {
    let text = "1. 申请表 2. 批复文件，执业医师的执业证书";
    let (materials, diagnostics) = run(text);
    assert_eq!(
        materials.groups[0].items[1].text,
        "批复文件，执业医师的执业证书"
    );
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, Code::MaterialsUnparsed);
    assert_eq!(diagnostics[0].column, 11);
    assert_eq!(
        diagnostics[0].message,
        "materials item joins several parts with '，'; they were kept as one item"
    );
}

/// The one diagnostic of `text`, as it prints (`line:column: severity[code]: message`).
fn only_diagnostic(text: &str) -> String {
    let (_, diagnostics) = run(text);
    assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:?}");
    diagnostics[0].to_string()
}

#[test]
fn conflicting_copies_are_reported() {
    let (materials, _) = run("1.申请表；甲表1份乙表2份");
    assert_eq!(materials.groups[0].items[1].copies, None);
    assert_eq!(
        only_diagnostic("1.申请表；甲表1份乙表2份"),
        "line 1, column 7: warning[materials_unparsed]: materials item gives 1 and 2 copies; copies left empty"
    );
}

#[test]
fn conflicting_delivery_attributes_are_reported() {
    let item = only_item("身份证验原件收原件");
    assert_eq!(item.handling, None);
    assert_eq!(
        only_diagnostic("1.申请表；身份证验原件收原件"),
        "line 1, column 7: warning[materials_unparsed]: materials item says the original is Checked and Collected; handling left empty"
    );
    let item = only_item("申请表纸质及电子版纸质/电子版");
    assert_eq!(item.medium, None);
    assert_eq!(
        only_diagnostic("申请表纸质及电子版纸质/电子版"),
        "line 1, column 1: warning[materials_unparsed]: materials item asks for media PaperAndElectronic and PaperOrElectronic; medium left empty"
    );
    let item = only_item("许可证申请人自备部门核发");
    assert_eq!(item.source, None);
    assert_eq!(
        only_diagnostic("许可证申请人自备部门核发"),
        "line 1, column 1: warning[materials_unparsed]: materials item names sources Applicant and Department; source left empty"
    );
}

#[test]
fn conditions_without_comma_end_with_de_and_a_request() {
    for (text, condition) in [
        ("属于委托代办的提供代办人身份证", "属于委托代办的"),
        ("异地就医的需提供备案表", "异地就医的"),
        ("异 地就医的 需提供 备案表", "异地就医的"),
        ("1.申请表；异地就医的需提供备案表", "异地就医的"),
        ("参保人员死亡的另需提交死亡证明", "参保人员死亡的"),
    ] {
        let (materials, diagnostics) = run(text);
        let item = materials.groups[0].items.last().unwrap();
        assert_eq!(item.condition.as_deref(), Some(condition), "{text}");
        assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
    }
    for text in [
        "单位出具的证明",
        "申请表的附件",
        "医院的提供",
        "《异地就医的需提供材料》",
        "（异地就医的需提供）备案表",
        "备案表，异地就医的需提供",
        "个人申请：身份证，变更信息的需提供辅助材料",
        "个人申请：变更信息的需提供辅助材料",
        "超过四十个字的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的提供身份证",
    ] {
        assert_eq!(only_item(text).condition, None, "{text}");
    }
}

#[test]
fn enumerations_joined_by_guess_are_reported() {
    let (materials, _) = run("出院小结、住院发票");
    assert_eq!(texts_of(&materials), ["出院小结、住院发票"]);
    assert_eq!(
        only_diagnostic("出院小结、住院发票"),
        "line 1, column 1: warning[materials_unparsed]: materials item opens with '、'-parts that name no known document; they were read as modifiers of the document after them"
    );
    let (materials, _) = run("住院发票、出院小结");
    assert_eq!(texts_of(&materials), ["住院发票、出院小结"]);
    assert_eq!(
        only_diagnostic("申请表；住院发票、出院小结"),
        "line 1, column 5: warning[materials_unparsed]: materials item ends with '、'-parts that name no known document; they were kept with the document before them"
    );
    for text in [
        "基本医保、大病保险报销后的结算单",
        "执业医师、护士的执业证书",
        "身份证、户口簿",
        "基本医保、大病保险",
    ] {
        assert!(run(text).1.is_empty(), "{text}");
    }
}

#[test]
fn headings_start_groups_and_hold_for_their_point() {
    let (materials, diagnostics) =
        run("（一）生育津贴：（1）身份证（2）户口簿（二）医疗费报销：（1）发票（三）《申请表》");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let groups: Vec<_> = materials
        .groups
        .iter()
        .map(|g| (g.heading.as_deref(), g.items.len()))
        .collect();
    assert_eq!(
        groups,
        [(Some("生育津贴"), 2), (Some("医疗费报销"), 1), (None, 1)]
    );
    // A heading standing before the cell's list holds for every point.
    let (materials, _) = run("生育津贴报销：1.身份证 2.户口簿 3.申请表");
    assert_eq!(materials.groups.len(), 1);
    assert_eq!(materials.groups[0].heading.as_deref(), Some("生育津贴报销"));
    assert_eq!(materials.groups[0].items.len(), 3);
    // A numbered heading whose items follow its colon unnumbered opens their group.
    for (text, items) in [
        ("（一）女职工生育津贴报销：身份证", &["身份证"][..]),
        (
            "（一）生育津贴：身份证、户口簿（二）医疗费报销：发票",
            &["身份证", "户口簿"],
        ),
    ] {
        let (materials, diagnostics) = run(text);
        assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
        let first = &materials.groups[0];
        assert!(
            first
                .heading
                .as_deref()
                .is_some_and(|h| h.ends_with("津贴") || h.ends_with("报销")),
            "{text}"
        );
        assert_eq!(
            first
                .items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>(),
            items,
            "{text}"
        );
    }
    // …but a document, or a note, before the colon is no heading.
    let (materials, _) = run("（一）身份证：原件及复印件");
    assert_eq!(materials.groups[0].heading, None);
    let (materials, _) = run("（一）说明：无需提供");
    assert_eq!(
        (
            materials.groups[0].heading.as_deref(),
            materials.groups[0].notes.len()
        ),
        (None, 1)
    );
    // A phrase and a colon with no list after it is no heading: it stays an item.
    let (materials, _) = run("生育津贴报销：");
    assert_eq!(texts_of(&materials), ["生育津贴报销："]);
    assert_eq!(materials.groups[0].heading, None);
    // Applicants, lead-ins and documents before a colon are no headings.
    for text in [
        "在职职工：1.身份证 2.户口簿",
        "需提供以下材料：1.身份证 2.户口簿",
        "申请材料清单：①身份证 ②户口簿",
        "《申请表》：①身份证 ②户口簿",
        "（一）身份证（二）户口簿",
        "一、身份证复印件 1份",
    ] {
        let (materials, _) = run(text);
        assert!(
            materials.groups.iter().all(|g| g.heading.is_none()),
            "{text}"
        );
    }
    for text in ["生育津贴", "生育津贴报销", "窗口(网上)办理"] {
        assert!(heading_phrase(text, false).is_some(), "{text}");
        assert!(heading_phrase(text, true).is_none(), "{text}");
        assert!(
            heading_phrase(&format!("{text}："), true).is_some(),
            "{text}"
        );
    }
    for (phrase, heading) in [
        ("重特大病住院提交以下材料", Some("重特大病住院")),
        ("普通病住院需提交材料", Some("普通病住院")),
        ("门诊需提供材料如下", Some("门诊")),
        ("门诊 需提交以下材料", Some("门诊")),
        ("提交材料的说明", None),
        ("生育津贴", None),
    ] {
        assert_eq!(strip_request_tail(phrase), heading, "{phrase}");
    }
    for text in [
        "身份证：",
        "需提供：",
        "住院，门诊：",
        "《表》：",
        "在一个标题里写了三十个字以上的很长很长很长很长很长很长很长很长的句子：",
        "：",
    ] {
        assert!(heading_phrase(text, true).is_none(), "{text}");
    }
}

#[test]
fn request_openings_are_the_first_characters_of_the_request_words() {
    let mut firsts: Vec<char> = [PROVIDE_ADVERBS, PROVIDE_MODALS, UNMARKED_PROVIDE_VERBS]
        .iter()
        .flat_map(|words| words.iter().filter_map(|w| w.chars().next()))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut openings = REQUEST_OPENINGS.to_vec();
    openings.sort_unstable();
    assert_eq!(openings, firsts);
}

#[test]
fn states_agrees_with_the_top_level_walk() {
    for word in NOTE_WORDS {
        assert!(NOTE_MARKS.iter().any(|&m| word.starts_with(m)), "{word}");
    }
    let pieces = [
        "享受", "共享", "获取", "享", "（", "）", "\"", "《", "》", "甲", "，",
    ];
    for text in &crate::test_support::every_text(&pieces, 4) {
        let walked = top_level(text).any(|(i, c)| {
            NOTE_WORDS
                .iter()
                .any(|word| word.starts_with(c) && text[i..].starts_with(word))
        });
        assert_eq!(states(text), walked, "{text:?}");
        assert_eq!(ClauseShape::of(text).states, walked, "{text:?}");
    }
}

#[test]
fn notes_are_no_materials() {
    let text = "（一）生育津贴报销 （1）身份证；（2）《生育服务证》。（二）灵活就业、自谋职业人员只享受生育医疗费,不享受生育津贴";
    let (materials, diagnostics) = run(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(texts_of(&materials), ["身份证", "《生育服务证》"]);
    assert_eq!(
        materials.groups[1].notes,
        ["灵活就业、自谋职业人员只享受生育医疗费,不享受生育津贴"]
    );
    for text in [
        "只享受生育医疗费,不享受生育津贴",
        "医保经办机构通过数据共享获取企业信息，为企业办理登记",
        "备注：原件核验后退还",
        "说明: 可网上办理",
        "注：身份证",
    ] {
        assert!(is_note(text), "{text}");
    }
    for text in [
        "享受待遇证明，身份证",
        "身份证（可通过数据共享获取），户口簿",
        "注册证书，身份证",
        "身份证",
    ] {
        assert!(!is_note(text), "{text}");
    }
}

#[test]
fn flattened_tables_are_read_row_by_row() {
    for (text, rows) in [
        (
            "《表》 原件 身份证 复印件",
            vec!["《表》 原件", "身份证 复印件"],
        ),
        (
            "《表》\u{3000}原件\u{3000}1份 身份证 复印件 1份",
            vec!["《表》\u{3000}原件\u{3000}1份", "身份证 复印件 1份"],
        ),
        (
            "登记 表 纸质 身份证 电子版",
            vec!["登记 表 纸质", "身份证 电子版"],
        ),
    ] {
        assert_eq!(table_rows(text), Some(rows), "{text}");
    }
    for text in [
        "《表》 原件 1份",
        "原件 《表》 身份证 复印件",
        "《表》 身份证",
        "参保 人员 原件 身份证 复印件",
        "《表》 原件 身份证",
        "",
        "   ",
    ] {
        assert_eq!(table_rows(text), None, "{text}");
    }
    for column in [
        "原件",
        "复印件",
        "1份",
        "纸质/电子版",
        "非必要",
        "申请人自备",
        "原件核验后退还",
        "必要",
        "原件1份",
    ] {
        assert!(attribute_column(column).is_ok(), "{column}");
    }
    for column in ["身份证", "1", "原件x", "份"] {
        assert!(attribute_column(column).is_err(), "{column}");
    }
    // A long table stays linear: 20 000 rows.
    let (materials, _) = run(&"《表》 原件 1份 ".repeat(20_000));
    assert_eq!(materials.groups[0].items.len(), 20_000);
}

#[test]
fn repeated_and_skipped_list_numbers_still_split() {
    let text = "1.身份证 2.户口簿 2.门诊病历手册 3.申请表";
    assert_eq!(
        shape(text),
        general(&["身份证", "户口簿", "门诊病历手册", "申请表"])
    );
    assert_eq!(
        only_diagnostic(text),
        "line 1, column 13: warning[materials_marker_repeated]: materials point number 2 is used twice; read as a new item"
    );
    let text = "1.身份证 2.户口簿 4.申请表 5.照片";
    assert_eq!(
        shape(text),
        general(&["身份证", "户口簿", "申请表", "照片"])
    );
    assert_eq!(
        only_diagnostic(text),
        "line 1, column 13: warning[materials_marker_skipped]: materials point number 4 follows 2 (3 missing); read as a new item"
    );
    assert_eq!(
        only_diagnostic("1.身份证 4.申请表"),
        "line 1, column 7: warning[materials_marker_skipped]: materials point number 4 follows 1 (2 to 3 missing); read as a new item"
    );
    // Further than two numbers on, or another style, or a number before: no point.
    assert_eq!(shape("1.身份证 5.申请表"), general(&["身份证 5.申请表"]));
    assert_eq!(
        shape("1.身份证（1）户口簿"),
        general(&["身份证（1）户口簿"])
    );
    let (materials, found) = run("1.身份证 2.户口簿 1.申请表");
    assert_eq!(materials.groups[0].items.len(), 2);
    assert!(found.is_empty());
}

#[test]
fn mixed_formats_are_reported() {
    let (materials, _) = run("身份证、票据原件和病历复印件");
    assert_eq!(materials.groups[0].items[1].format, None);
    assert_eq!(
        only_diagnostic("身份证、票据原件和病历复印件"),
        "line 1, column 5: warning[materials_unparsed]: materials item asks for 原件 of one part and 复印件 of another; format left empty"
    );
}

#[test]
fn unclosed_titles_are_reported() {
    let (materials, _) = run("《登记表");
    assert_eq!(materials.groups[0].items[0].text, "《登记表");
    assert!(materials.groups[0].items[0].forms.is_empty());
    assert_eq!(
        only_diagnostic("身份证；《登记表"),
        "line 1, column 5: warning[materials_unparsed]: materials item opens a title with 《 that is never closed"
    );
}

/// What the prefilters rely on about the word lists: every format word ends with
/// [`FORMAT_MARK`], every choice word opens with [`CHOICE_MARK`], the copies unit and the
/// seal verb are the marks the scan looks for, and [`EACH`] is a copies lead.
#[test]
fn the_marks_agree_with_the_word_lists() {
    for word in ORIGINAL_WORDS.iter().chain(COPY_WORDS) {
        assert!(word.ends_with(FORMAT_MARK), "{word}");
    }
    for word in OR_WORDS {
        assert!(word.starts_with(CHOICE_MARK), "{word}");
    }
    assert_eq!(COPIES_MARK, COPIES_UNIT);
    assert_eq!(SEAL_MARK, SEAL_VERB);
    assert!(COPIES_LEADS.contains(&EACH.to_string().as_str()));
    // The delivery phrases (`delivery.rs`) are tried only at their marks.
    for word in PAPER_WORDS {
        assert!(word.starts_with(PAPER_MARK), "{word}");
    }
    for word in ELECTRONIC_WORDS {
        assert!(word.starts_with(ELECTRONIC_MARK), "{word}");
    }
    for word in OPTIONAL_WORDS {
        assert!(word.starts_with(OPTIONAL_MARKS), "{word}");
    }
    // A handling word holds a handling mark at most three characters after its start.
    for word in CHECKED_WORDS.iter().chain(COLLECTED_WORDS) {
        let at = word.find(HANDLING_MARKS).expect(word);
        assert!(word[..at].chars().count() <= 3, "{word}");
    }
    // A source word holds a source mark at most three characters after its start.
    for word in APPLICANT_SOURCE_WORDS.iter().chain(DEPARTMENT_SOURCE_WORDS) {
        let at = word.find(SOURCE_MARKS).expect(word);
        assert!(word[..at].chars().count() <= 3, "{word}");
    }
    // The lists read by `one_of` hold longer words before their prefixes, so that the first
    // match is the longest; the form suffixes, stripped from the end, longer words before
    // their suffixes.
    for list in [
        NEEDLESS,
        NONE_VERBS,
        NONE_KINDS,
        AND_WORDS,
        OR_WORDS,
        COPIES_LEADS,
        PROVIDE_ADVERBS,
        PROVIDE_MODALS,
        PROVIDE_VERBS,
        PAPER_WORDS,
        ELECTRONIC_WORDS,
        JOINED_ELECTRONIC_WORDS,
        MEDIUM_OR_WORDS,
        MEDIUM_AND_WORDS,
        OPTIONAL_WORDS,
        CHECKED_WORDS,
        COLLECTED_WORDS,
        APPLICANT_SOURCE_WORDS,
        DEPARTMENT_SOURCE_WORDS,
    ] {
        for (i, word) in list.iter().enumerate() {
            for later in &list[i + 1..] {
                assert!(!later.starts_with(word), "{word} before {later}");
            }
        }
    }
    for (i, word) in FORM_SUFFIXES.iter().enumerate() {
        for later in &FORM_SUFFIXES[i + 1..] {
            assert!(!later.ends_with(word), "{word} before {later}");
        }
    }
}

#[test]
fn long_and_odd_inputs_do_not_panic() {
    let long = "身份证、".repeat(5000) + &"1".repeat(5000) + "份";
    let (materials, _) = run(&long);
    assert_eq!(materials.groups[0].items.len(), 5000);
    for text in [
        "）》」（（",
        "：",
        "、、、",
        "或或",
        "1份份",
        "各",
        "盖",
        "《",
        "①",
    ] {
        let _ = run(text);
    }
}

/// The syntax of a materials cell, in pieces, for the tests that read random mixtures of it.
const SYNTAX: &[&str] = &[
    "1.",
    "2、",
    "（1）",
    "(2)",
    "①",
    "②",
    "；",
    "。",
    "，",
    "、",
    "：",
    "或",
    "《",
    "》",
    "（",
    "）",
    "原件",
    "复印件",
    "及",
    "1份",
    "各",
    "一式两",
    "份",
    "加盖",
    "公章",
    "的",
    "须提供",
    "企业",
    "人员",
    "证",
    "表",
    " ",
    "无",
];

#[test]
fn arbitrary_mixtures_of_the_syntax_do_not_panic() {
    let pieces = [SYNTAX, &["\u{301}", "é"]].concat();
    for text in crate::test_support::random_texts(&pieces, 3000, 24) {
        let (materials, _) = run(&text);
        assert_eq!(materials.raw, text);
    }
}

#[test]
fn no_phrase_starts_where_the_prefilters_say_none_can() {
    let tails = ["", "件", "印件", "式两份", "份", "1份", " 份"];
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        for tail in tails {
            let text = format!("{c}{tail}");
            if !may_open_copies_phrase(c) {
                assert!(copies_phrase(&text).is_err(), "{text:?}");
            }
        }
    }
    for c in ['各', '一', '两', '1', '１'] {
        assert!(may_open_copies_phrase(c), "{c:?}");
    }
}

/// The definition [`nested_list`] must agree with (as the bodies read, the body itself when
/// there is no list): always split, then decide, without its shortcut.
fn nested_bodies_by_splitting(body: &str) -> Vec<&str> {
    let items = markers::split(body);
    if opens_list(&items) {
        items.into_iter().map(|item| item.body).collect()
    } else {
        vec![body]
    }
}

#[test]
fn nested_bodies_skips_splitting_only_where_no_list_can_open() {
    let pieces = [
        "①", "②", "1.", "2.", "（1）", "表", "：", ":", " ", "（", "）", "一、", "二、", "第",
        "《", "“", "\u{200b}",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    for text in &texts {
        let expected = nested_bodies_by_splitting(text);
        assert_eq!(
            nested_list(text, true).unwrap_or_else(|| vec![text.as_str()]),
            expected,
            "{text:?}"
        );
        // Told that there is no colon, it is right for a text that has none.
        if first_colon(text).is_none() {
            let bodies = nested_list(text, false).unwrap_or_else(|| vec![text.as_str()]);
            assert_eq!(bodies, expected, "{text:?}");
        }
    }
}

#[test]
fn a_text_without_colon_has_no_heading() {
    let pieces = [
        "职工",
        "需提供",
        "以下",
        "《",
        "》",
        "1",
        " ",
        "、",
        "，",
        "：",
        ":",
        "表",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    for text in &texts {
        if first_colon(text).is_some() {
            continue;
        }
        for (applicant, lead_in) in [(true, true), (true, false), (false, true)] {
            let heading = Heading::of(text, applicant, lead_in);
            assert_eq!(heading, Heading::NONE, "{text:?}");
        }
    }
}

/// The shape [`shaped_clauses`] gives with a clause is the clause's own.
#[test]
fn the_shape_given_with_a_clause_is_its_own() {
    let pieces = [
        "表", "；", ";", "。", "，", "、", "（", "）", "或", " ", "\"", "的需", "份", "提供",
    ];
    for text in &crate::test_support::every_text(&pieces, 4) {
        for (clause, shape) in shaped_clauses(text) {
            if let Some(shape) = shape {
                assert_eq!(shape, ClauseShape::of(clause), "{text:?}: {clause:?}");
            }
        }
    }
}

#[test]
fn the_scan_of_an_item_agrees_with_the_walks_it_replaces() {
    let pieces = [
        "份",
        "件",
        "盖",
        "或",
        "《",
        "》",
        "（",
        "）",
        "\"",
        "，",
        "：",
        "；",
        "甲",
        " ",
        "的",
        "需提供",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    for text in &texts {
        let scan = ClauseShape::of(text);
        let walked_break = top_level(text)
            .find(|&(i, c)| {
                matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '。')
                    && !choice_follows(text, i + c.len_utf8())
            })
            .map(|(_, c)| c);
        assert_eq!(scan.clause_break, walked_break, "{text:?}");
        assert_eq!(clause_break(text), walked_break, "{text:?}");
        assert_eq!(scan.title, text.contains('《'), "{text:?}");
        assert_eq!(scan.copies, text.contains('份'), "{text:?}");
        assert_eq!(scan.format, text.contains('件'), "{text:?}");
        assert_eq!(scan.seal, text.contains('盖'), "{text:?}");
        let condition_end = top_level(text)
            .take_while(|&(i, c)| {
                let colon = matches!(c, '：' | ':') && !choice_follows(text, i + c.len_utf8());
                !(colon || matches!(c, '，' | ',' | '；' | ';' | '。'))
            })
            .find(|&(i, c)| c == '的' && follows_request(&text[i + c.len_utf8()..]))
            .map(|(i, c)| i + c.len_utf8());
        assert_eq!(scan.condition_end, condition_end, "{text:?}");
        let top_level_choice = top_level(text).any(|(_, c)| c == '或');
        assert_eq!(scan.choice, top_level_choice, "{text:?}");
    }
}

#[test]
fn attributes_are_absent_where_the_scan_says_so() {
    let pieces = [
        "原件",
        "复印件",
        "影印件",
        "或",
        "1",
        "份",
        "各",
        "一式两",
        "盖章",
        "《",
        "甲",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    for text in &texts {
        let scan = ClauseShape::of(text);
        if !scan.title {
            assert!(title_spans(text).is_empty(), "{text:?}");
        }
        if !scan.copies {
            assert_eq!(copies(text), Copies::None, "{text:?}");
        }
        if !scan.format {
            assert_eq!(format(text), Format::None, "{text:?}");
        }
        if !scan.seal {
            assert!(!seal_required(text), "{text:?}");
        }
        if !scan.choice {
            assert!(alternatives(text, true).is_empty(), "{text:?}");
        }
    }
}

#[test]
fn bars_applicant_agrees_with_its_definition() {
    for c in (0..0x3_0000).filter_map(char::from_u32) {
        let defined =
            c != '、' && (c.is_ascii_punctuation() || is_cjk_punctuation(c) || c.is_numeric());
        assert_eq!(bars_applicant(c), defined, "{c:?}");
    }
}

#[test]
fn first_colon_agrees_with_the_walk() {
    let pieces = [
        "甲", ":", "：", "a", "（", "\u{FF1B}", "；", " ", "\u{FF5A}",
    ];
    let texts = crate::test_support::every_text(&pieces, 5);
    for text in &texts {
        let walked = text.char_indices().find(|&(_, c)| c == '：' || c == ':');
        assert_eq!(first_colon(text), walked, "{text:?}");
    }
}

#[test]
fn a_text_that_may_hold_no_marker_is_one_point() {
    // Every character a marker can start or end with, their look-alikes, and plain text.
    let pieces = [
        "1", "１", "9", "(", "（", "①", "⑳", "⑴", "一", "十", "〇", "两", "、", "、", ".", "．",
        ")", "）", "材料", " ", "\u{200b}", "：", "；", "第", "a", "Ⅰ", "〔",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    let mut one_point = 0;
    for text in &texts {
        if markers::may_hold_marker(text) {
            continue;
        }
        one_point += 1;
        let body = trim(text);
        let expected: Vec<markers::Item<'_>> = if body.is_empty() {
            Vec::new()
        } else {
            vec![markers::Item { marker: None, body }]
        };
        assert_eq!(markers::split(text), expected, "{text:?}");
    }
    assert!(
        one_point > texts.len() / 4,
        "{one_point} of {}",
        texts.len()
    );
}

#[test]
fn may_hold_marker_says_yes_for_every_marker_style() {
    for text in [
        "1.材料",
        "１、材料",
        "(1)材料",
        "（一）材料",
        "①材料",
        "⑳",
        "一、材料",
        "材料；十、材料",
        "〇、",
    ] {
        assert!(markers::may_hold_marker(text), "{text}");
    }
    let no_marker = [
        "材料",
        "材料1份",
        "材料、证明",
        "《表》、证件",
        "⑴材料",
        "",
        "a)b",
    ];
    for text in no_marker {
        assert!(!markers::may_hold_marker(text), "{text}");
    }
}

#[test]
fn trim_ends_agrees_with_trim_matches() {
    let pieces = ["甲", " ", "\u{3000}", "；", "、", ".", "a", "，"];
    let texts = crate::test_support::every_text(&pieces, 4);
    for text in &texts {
        assert_eq!(
            trim_ends(text, char::is_whitespace),
            text.trim(),
            "{text:?}"
        );
        let separators = text.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
        });
        assert_eq!(trim_separators(text), separators, "{text:?}");
    }
}

/// `materials_partial` is the net under the reading: every item keeps its whole text, and
/// headings and lead-ins are read as such, so on any mixture of the syntax nothing is left
/// over. A reading that skipped text (a dropped clause, a lost heading) fails here.
#[test]
fn the_reading_accounts_for_every_word() {
    let pieces = [SYNTAX, &["需提供以下材料", "甲"]].concat();
    for text in crate::test_support::random_texts(&pieces, 20_000, 14) {
        let (_, found) = run(&text);
        let partial: Vec<_> = found
            .iter()
            .filter(|d| d.code == Code::MaterialsPartial)
            .collect();
        assert!(partial.is_empty(), "{text:?}: {partial:?}");
    }
}

/// The `materials_partial` report: a part of the cell between understood parts that holds
/// words is named at its line and column; separators and markers between them are not.
#[test]
fn text_the_reading_skipped_is_reported_as_partial() {
    let text = "1.身份证；2.户口簿，其他所需材料；3.居住证";
    let cell = Cell::new(text, 4, "主项\t");
    let mut read = Read::new(text);
    for part in ["身份证", "户口簿", "居住证"] {
        let at = text.find(part).unwrap();
        read.understood(&text[at..at + part.len()]);
    }
    let mut diagnostics = Diagnostics::default();
    read.report(&cell, &mut diagnostics);
    let found = diagnostics.into_sorted();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Code::MaterialsPartial);
    assert_eq!((found[0].line, found[0].column), (4, 16));
    assert_eq!(
        found[0].to_string(),
        "line 4, column 16: warning[materials_partial]: 办理材料 text not understood: \"其他所需材料；3\""
    );

    // Read whole, with markers and separators between the parts: nothing to report.
    let mut read = Read::new(text);
    for part in ["身份证", "户口簿，其他所需材料", "居住证"] {
        let at = text.find(part).unwrap();
        read.understood(&text[at..at + part.len()]);
    }
    let mut diagnostics = Diagnostics::default();
    read.report(&cell, &mut diagnostics);
    assert!(diagnostics.into_sorted().is_empty());
}

/// One cell's reading in one line: each group (`[applicant]` when it has one), each item
/// with the attributes it has: `text {alternatives | 《forms》 | copies | format | seal |
/// if condition | medium | optional | original handling | from source}`; a group's applicant
/// as `[who]`, its heading as `[# heading]` and its notes as `(note …)`.
fn describe(text: &str) -> String {
    let (materials, _) = run(text);
    if materials.none_required {
        return "none required".to_owned();
    }
    let mut out = Vec::new();
    for group in &materials.groups {
        if let Some(who) = &group.applicant {
            out.push(format!("[{who}]"));
        }
        if let Some(heading) = &group.heading {
            out.push(format!("[# {heading}]"));
        }
        for note in &group.notes {
            out.push(format!("(note {note})"));
        }
        for item in &group.items {
            let mut attributes = Vec::new();
            if !item.alternatives.is_empty() {
                attributes.push(item.alternatives.join(" | "));
            }
            for form in &item.forms {
                attributes.push(format!("《{form}》"));
            }
            if let Some(n) = item.copies {
                attributes.push(format!("{n}份"));
            }
            if let Some(format) = &item.format {
                attributes.push(format!("{format:?}"));
            }
            if item.seal_required {
                attributes.push("seal".to_owned());
            }
            if let Some(condition) = &item.condition {
                attributes.push(format!("if {condition}"));
            }
            if let Some(medium) = &item.medium {
                attributes.push(format!("{medium:?}"));
            }
            if item.optional {
                attributes.push("optional".to_owned());
            }
            if let Some(handling) = &item.handling {
                attributes.push(format!("original {handling:?}"));
            }
            if let Some(source) = &item.source {
                attributes.push(format!("from {source:?}"));
            }
            out.push(format!("{} {{{}}}", item.text, attributes.join(", ")));
        }
    }
    out.join(" / ")
}

/// The wordings the grammar accepts, input → reading, one row each (the word lists are in
/// `words.rs`).
#[test]
fn accepted_wordings() {
    const TABLE: &[(&str, &str)] = &[
        // Format words and phrases.
        ("身份证原件", "身份证原件 {Original}"),
        ("身份证复印件", "身份证复印件 {Copy}"),
        ("身份证影印件", "身份证影印件 {Copy}"),
        ("身份证原件及复印件", "身份证原件及复印件 {OriginalAndCopy}"),
        ("身份证原件和复印件", "身份证原件和复印件 {OriginalAndCopy}"),
        ("身份证原件与复印件", "身份证原件与复印件 {OriginalAndCopy}"),
        (
            "身份证原件以及复印件",
            "身份证原件以及复印件 {OriginalAndCopy}",
        ),
        (
            "身份证原件及其复印件",
            "身份证原件及其复印件 {OriginalAndCopy}",
        ),
        ("身份证原件、复印件", "身份证原件、复印件 {OriginalAndCopy}"),
        ("身份证复印件及原件", "身份证复印件及原件 {OriginalAndCopy}"),
        ("身份证原件或复印件", "身份证原件或复印件 {OriginalOrCopy}"),
        (
            "身份证原件或者复印件",
            "身份证原件或者复印件 {OriginalOrCopy}",
        ),
        ("身份证复印件或原件", "身份证复印件或原件 {OriginalOrCopy}"),
        // Copies.
        ("申请表1份", "申请表1份 {1份}"),
        ("申请表1 份", "申请表1 份 {1份}"),
        ("申请表一式两份", "申请表一式两份 {2份}"),
        ("申请表二份", "申请表二份 {2份}"),
        ("身份证、户口簿各1份", "身份证 {1份} / 户口簿各1份 {1份}"),
        (
            "身份证、户口簿原件及复印件各1份",
            "身份证 {1份, OriginalAndCopy} / 户口簿原件及复印件各1份 {1份, OriginalAndCopy}",
        ),
        // Seals.
        ("申请表加盖公章", "申请表加盖公章 {seal}"),
        ("申请表加盖单位公章", "申请表加盖单位公章 {seal}"),
        ("申请表盖章", "申请表盖章 {seal}"),
        ("申请表加盖医院业务专章", "申请表加盖医院业务专章 {seal}"),
        ("申请表无需盖章", "申请表无需盖章 {}"),
        ("覆盖范围说明章程", "覆盖范围说明章程 {}"),
        // Forms and choices.
        ("《参保登记表》", "《参保登记表》 {《参保登记表》}"),
        (
            "《申请表》《承诺书》",
            "《申请表》《承诺书》 {《申请表》, 《承诺书》}",
        ),
        (
            "营业执照或事业单位法人证书",
            "营业执照或事业单位法人证书 {营业执照 | 事业单位法人证书}",
        ),
        (
            "营业执照或者批准成立文件或登记证书",
            "营业执照或者批准成立文件或登记证书 {营业执照 | 批准成立文件 | 登记证书}",
        ),
        (
            "营业执照；或批准成立文件",
            "营业执照；或批准成立文件 {营业执照 | 批准成立文件}",
        ),
        ("《甲或乙表》", "《甲或乙表》 {《甲或乙表》}"),
        // Conditions.
        (
            "属于意外伤害情形的，须提供病历复印件",
            "属于意外伤害情形的，须提供病历复印件 {Copy, if 属于意外伤害情形的}",
        ),
        (
            "如委托他人办理，还需提交委托书",
            "如委托他人办理，还需提交委托书 {if 如委托他人办理}",
        ),
        ("异地就医的，备案表", "异地就医的，备案表 {if 异地就医的}"),
        // Conditions without comma: `的` and a verb asking for materials.
        (
            "属于委托代办的提供代办人身份证",
            "属于委托代办的提供代办人身份证 {if 属于委托代办的}",
        ),
        ("异地就医的需提供备案表", "异地就医的需提供备案表 {if 异地就医的}"),
        ("异地就医的须提供备案表", "异地就医的须提供备案表 {if 异地就医的}"),
        ("异地就医的应提供备案表", "异地就医的应提供备案表 {if 异地就医的}"),
        ("异地就医的提交备案表", "异地就医的提交备案表 {if 异地就医的}"),
        ("转诊的出具转诊单", "转诊的出具转诊单 {if 转诊的}"),
        ("转诊的还需提交转诊单", "转诊的还需提交转诊单 {if 转诊的}"),
        ("转诊的需补充转诊单", "转诊的需补充转诊单 {if 转诊的}"),
        ("转诊的需提供：转诊单", "转诊的需提供：转诊单 {if 转诊的}"),
        (
            "异地就医的需提供备案表原件",
            "异地就医的需提供备案表原件 {Original, if 异地就医的}",
        ),
        (
            "委托代办的提供委托书、代办人身份证",
            "委托代办的提供委托书、代办人身份证 {if 委托代办的}",
        ),
        ("单位出具的证明", "单位出具的证明 {}"),
        ("申请表的附件", "申请表的附件 {}"),
        ("申请人的补充材料", "申请人的补充材料 {}"),
        ("医院的上传材料", "医院的上传材料 {}"),
        (
            "《关于异地就医的提供材料通知》",
            "《关于异地就医的提供材料通知》 {《关于异地就医的提供材料通知》}",
        ),
        ("备案表（异地就医的提供）", "备案表（异地就医的提供） {}"),
        // Enumerations: `、` between whole documents only.
        ("身份证、户口簿", "身份证 {} / 户口簿 {}"),
        (
            "基本医保、大病保险报销后的结算单",
            "基本医保、大病保险报销后的结算单 {}",
        ),
        (
            "身份证、基本医保、大病保险报销后的结算单",
            "身份证 {} / 基本医保、大病保险报销后的结算单 {}",
        ),
        ("执业医师、护士的执业证书", "执业医师、护士的执业证书 {}"),
        ("身份证、户口簿原件、复印件", "身份证 {} / 户口簿原件、复印件 {OriginalAndCopy}"),
        // Applicants and lead-ins.
        (
            "在职职工：登记表；灵活就业人员：身份证",
            "[在职职工] / 登记表 {} / [灵活就业人员] / 身份证 {}",
        ),
        (
            "社会团体、民办非企业单位：登记证书",
            "[社会团体、民办非企业单位] / 登记证书 {}",
        ),
        ("需提供以下材料：身份证", "身份证 {}"),
        // Medium.
        ("申请表纸质版", "申请表纸质版 {Paper}"),
        ("纸质申请表", "纸质申请表 {Paper}"),
        ("申请表（纸质件）", "申请表（纸质件） {Paper}"),
        ("申请表电子版", "申请表电子版 {Electronic}"),
        ("申请表电子件", "申请表电子件 {Electronic}"),
        ("申请表电子文档", "申请表电子文档 {Electronic}"),
        ("申请表纸质/电子版", "申请表纸质/电子版 {PaperOrElectronic}"),
        ("申请表纸质／电子版", "申请表纸质／电子版 {PaperOrElectronic}"),
        ("申请表纸质或电子版", "申请表纸质或电子版 {PaperOrElectronic}"),
        ("申请表纸质或电子", "申请表纸质或电子 {PaperOrElectronic}"),
        ("申请表电子版或纸质版", "申请表电子版或纸质版 {PaperOrElectronic}"),
        ("申请表纸质及电子版", "申请表纸质及电子版 {PaperAndElectronic}"),
        ("申请表纸质和电子版", "申请表纸质和电子版 {PaperAndElectronic}"),
        ("申请表纸质1份电子版1份", "申请表纸质1份电子版1份 {1份, PaperAndElectronic}"),
        ("电子照片", "电子照片 {}"),
        ("电子社保卡", "电子社保卡 {}"),
        // Optional.
        ("委托书（非必要）", "委托书（非必要） {optional}"),
        ("委托书（非必须）", "委托书（非必须） {optional}"),
        ("委托书（非必需）", "委托书（非必需） {optional}"),
        ("委托书（如有）", "委托书（如有） {optional}"),
        ("如有委托的，提供委托书", "如有委托的，提供委托书 {if 如有委托的}"),
        ("必须提供委托书", "必须提供委托书 {}"),
        // Handling of the original.
        ("身份证（验原件）", "身份证（验原件） {Original, original Checked}"),
        ("身份证（核验原件）", "身份证（核验原件） {Original, original Checked}"),
        ("身份证（查验原件）", "身份证（查验原件） {Original, original Checked}"),
        ("身份证原件核验后退还", "身份证原件核验后退还 {Original, original Checked}"),
        ("身份证原件查验后返还", "身份证原件查验后返还 {Original, original Checked}"),
        ("身份证（收原件）", "身份证（收原件） {Original, original Collected}"),
        ("身份证（收取原件）", "身份证（收取原件） {Original, original Collected}"),
        ("身份证原件留存", "身份证原件留存 {Original, original Collected}"),
        // Source.
        ("身份证（申请人自备）", "身份证（申请人自备） {from Applicant}"),
        ("照片（自备）", "照片（自备） {from Applicant}"),
        ("许可证（部门核发）", "许可证（部门核发） {from Department}"),
        ("许可证（卫生行政部门核发）", "许可证（卫生行政部门核发） {from Department}"),
        ("许可证（机关核发）", "许可证（机关核发） {from Department}"),
        ("核发日期证明", "核发日期证明 {}"),
        // All four.
        (
            "身份证（非必要，纸质/电子版，申请人自备，验原件）",
            "身份证（非必要，纸质/电子版，申请人自备，验原件） {Original, PaperOrElectronic, optional, original Checked, from Applicant}",
        ),
        // List numbers repeated or skipped (each with a diagnostic).
        (
            "1.身份证 2.户口簿 2.病历手册",
            "身份证 {} / 户口簿 {} / 病历手册 {}",
        ),
        ("1.身份证 3.户口簿", "身份证 {} / 户口簿 {}"),
        // Group headings.
        (
            "（一）生育津贴报销：（1）身份证；（2）《生育服务证》",
            "[# 生育津贴报销] / 身份证 {} / 《生育服务证》 {《生育服务证》}",
        ),
        (
            "(一)生育津贴报销 (1)身份证 (2)户口簿",
            "[# 生育津贴报销] / 身份证 {} / 户口簿 {}",
        ),
        (
            "一、生育津贴：1.身份证 2.户口簿 二、医疗费：1.发票",
            "[# 生育津贴] / 身份证 {} / 户口簿 {} / [# 医疗费] / 发票 {}",
        ),
        (
            "一、生育津贴 1.身份证 2.户口簿",
            "[# 生育津贴] / 身份证 {} / 户口簿 {}",
        ),
        (
            "生育津贴报销：1.身份证 2.户口簿",
            "[# 生育津贴报销] / 身份证 {} / 户口簿 {}",
        ),
        (
            "生育津贴报销：①身份证 ②户口簿",
            "[# 生育津贴报销] / 身份证 {} / 户口簿 {}",
        ),
        (
            "1. 医院收费票据：①住院清单 ②病历",
            "医院收费票据： {} / 住院清单 {} / 病历 {}",
        ),
        (
            "（一）重特大病住院提交以下材料 1.出院证 2.发票",
            "[# 重特大病住院] / 出院证 {} / 发票 {}",
        ),
        (
            "一、门诊需提交材料：1.诊断证明书 2.发票",
            "[# 门诊] / 诊断证明书 {} / 发票 {}",
        ),
        ("（一）提交以下材料 1.出院证 2.发票", "出院证 {} / 发票 {}"),
        // Notes: sentences that ask for no material.
        (
            "1.身份证 2.灵活就业人员只享受生育医疗费,不享受生育津贴",
            "(note 灵活就业人员只享受生育医疗费,不享受生育津贴) / 身份证 {}",
        ),
        (
            "企业：通过系统注册的企业，直接通过数据共享获取注册信息",
            "[企业] / (note 通过系统注册的企业，直接通过数据共享获取注册信息)",
        ),
        (
            "身份证；备注：单位首次参保需提供银行账户信息",
            "(note 备注：单位首次参保需提供银行账户信息) / 身份证 {}",
        ),
        ("享受待遇人员身份证", "享受待遇人员身份证 {}"),
        // Tables flattened into the cell: one item per row.
        (
            "《参保登记表》 原件 1份 纸质 身份证 复印件 1份 纸质/电子版",
            "《参保登记表》原件 1份纸质 {《参保登记表》, 1份, Original, Paper} / 身份证复印件 1份纸质/电子版 {1份, Copy, PaperOrElectronic}",
        ),
        (
            "《申领表》 原件 1份 必要 委托书 原件 1份 非必要 申请人自备",
            "《申领表》原件 1份必要 {《申领表》, 1份, Original} / 委托书原件 1份非必要申请人自备 {1份, Original, optional, from Applicant}",
        ),
        (
            "社会保险 登记表 原件 身份证 验原件",
            "社会保险登记表原件 {Original} / 身份证验原件 {Original, original Checked}",
        ),
        ("《申领表》 原件 1份 纸质", "《申领表》原件 1份纸质 {《申领表》, 1份, Original, Paper}"),
        ("原件 1份 身份证 复印件", "原件 1份身份证复印件 {1份}"),
        ("参保 人员 原件 身份证 复印件", "参保人员原件身份证复印件 {}"),
        // Nothing needed.
        ("无", "none required"),
        ("无。", "none required"),
        ("无需提交材料", "none required"),
        ("无须提供", "none required"),
        ("免于提交", "none required"),
        ("无需提供任何材料", "none required"),
        ("不需要材料", "none required"),
        ("无犯罪记录证明", "无犯罪记录证明 {}"),
    ];
    let mut wrong = Vec::new();
    for (input, expected) in TABLE {
        let found = describe(input);
        if found != *expected {
            wrong.push(format!("        ({input:?}, {found:?}),"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Shapes the grammar reads in one pass (their time is in `benches/adversarial.rs`): an item
/// with 20 000 alternatives, and 20 000 run-on clauses each reported where it is.
#[test]
fn many_choices_and_many_findings_in_one_cell() {
    let item = only_item(&"身份证或".repeat(20_000));
    assert_eq!(item.alternatives.len(), 20_000);
    assert_eq!(item.alternatives[19_999], "身份证");

    let (materials, found) = run(&"身份证，户口簿；".repeat(20_000));
    assert_eq!(materials.groups[0].items.len(), 20_000);
    assert_eq!(found.len(), 20_000);
    assert!(found.iter().all(|d| d.code == Code::MaterialsUnparsed));
    assert_eq!(found[19_999].column, 19_999 * 8 + 1);
}

/// The tokens of the clause grammar (`scan.rs`), input → token read at its start.
#[test]
fn tokens_of_a_clause() {
    const TABLE: &[(&str, Option<Token>)] = &[
        ("享受生育津贴", Some(Token::NoteWord)),
        ("共享获取", Some(Token::NoteWord)),
        ("获取", Some(Token::NoteWord)),
        ("享", None),
        ("的需提供备案表", Some(Token::De)),
        ("的证明", Some(Token::De)),
        ("份", Some(Token::Mark(Mark::Copies))),
        ("件", Some(Token::Mark(Mark::Format))),
        ("盖", Some(Token::Mark(Mark::Seal))),
        ("或", Some(Token::Mark(Mark::Choice))),
        ("纸", Some(Token::Mark(Mark::Medium))),
        ("电", Some(Token::Mark(Mark::Medium))),
        ("非", Some(Token::Mark(Mark::Optional))),
        ("如", Some(Token::Mark(Mark::Optional))),
        ("自", Some(Token::Mark(Mark::Source))),
        ("核", Some(Token::Mark(Mark::Source))),
        ("验", Some(Token::Mark(Mark::Handling))),
        ("收", Some(Token::Mark(Mark::Handling))),
        ("留", Some(Token::Mark(Mark::Handling))),
        ("\"", Some(Token::Quote)),
        ("《", Some(Token::Opening('《'))),
        ("（", Some(Token::Opening('（'))),
        ("“", Some(Token::Opening('“'))),
        ("》", Some(Token::Closing)),
        (")", Some(Token::Closing)),
        (" ", Some(Token::Space)),
        ("\u{3000}", Some(Token::Space)),
        ("\u{200b}", Some(Token::Space)),
        ("，", Some(Token::Break('，', false))),
        ("，或", Some(Token::Break('，', true))),
        ("；　或者", Some(Token::Break('；', true))),
        (":", Some(Token::Break(':', false))),
        ("。", Some(Token::Break('。', false))),
        ("、", Some(Token::Enumeration)),
        ("甲", None),
        ("a", None),
        ("1", None),
        ("", None),
    ];
    for &(input, expected) in TABLE {
        let found = input.chars().next().and_then(|c| token(c, input));
        assert_eq!(found, expected, "{input:?}");
    }
}

/// Where a condition written without comma may end (`scan.rs`): a `的` and a request.
#[test]
fn condition_ends() {
    const TABLE: &[(&str, bool)] = &[
        ("的需提供备案表", true),
        ("的 需提供", true),
        ("的提交", true),
        ("的还需提交", true),
        ("的证明", false),
        ("的附件", false),
        ("的补充材料", false),
        ("需提供", false),
    ];
    for &(input, expected) in TABLE {
        assert_eq!(condition_end(input).is_ok(), expected, "{input:?}");
    }
}

/// What the scan tells of a clause, input → the facts it finds (`scan.rs`).
#[test]
fn clause_shapes() {
    fn facts(text: &str) -> String {
        let s = ClauseShape::of(text);
        let mut out = Vec::new();
        if let Some((at, c)) = s.first_comma {
            out.push(format!("comma {c}@{at}"));
        }
        let flags = [
            (s.joins_parts, "joins"),
            (s.enumerates, "enumerates"),
            (s.spaced, "spaced"),
            (s.title, "title"),
            (s.copies, "copies"),
            (s.format, "format"),
            (s.seal, "seal"),
            (s.choice, "choice"),
            (s.medium, "medium"),
            (s.optional, "optional"),
            (s.source, "source"),
            (s.handling, "handling"),
            (s.states, "states"),
        ];
        out.extend(flags.iter().filter(|f| f.0).map(|f| f.1.to_owned()));
        if let Some(c) = s.clause_break {
            out.push(format!("break {c}"));
        }
        if let Some(end) = s.condition_end {
            out.push(format!("condition_end @{end}"));
        }
        out.join(", ")
    }
    // A mark says that a phrase may be there, not that one is: `身份证` holds a `份`.
    const TABLE: &[(&str, &str)] = &[
        ("户口簿", ""),
        ("身份证", "copies"),
        ("户口簿、结婚证", "enumerates"),
        ("户口簿（复印件、原件）", "format"),
        ("《申请表》1份", "title, copies"),
        ("户口簿 复印件", "spaced, format"),
        ("户口簿或结婚证", "choice"),
        ("（户口簿或结婚证）", ""),
        ("\"户口簿或结婚证\"", ""),
        ("户口簿；或结婚证", "joins, choice"),
        ("属于意外伤害的，须提供病历", "comma ，@21, joins, break ，"),
        ("异地就医的需提供备案表", "condition_end @15"),
        (
            "户口簿，异地就医的需提供备案表",
            "comma ，@9, joins, break ，",
        ),
        ("《关于…的通知》", "title"),
        ("申请表：须加盖公章", "joins, seal, break ："),
        ("申请表：或户口簿", "choice"),
        (
            "只享受生育医疗费,不享受生育津贴",
            "comma ,@24, joins, states, break ,",
        ),
        ("（享受）", ""),
        ("纸质或电子版", "choice, medium"),
        (
            "如有，申请人自备",
            "comma ，@6, joins, optional, source, break ，",
        ),
        ("原件核验后退还", "format, source, handling"),
    ];
    for &(input, expected) in TABLE {
        assert_eq!(facts(input), expected, "{input:?}");
    }
}

/// The prefilter of the scan gives every character a token can open with.
#[test]
fn the_scan_marks_are_the_first_characters_of_its_tokens() {
    for &(c, _) in ATTRIBUTE_MARKS {
        assert!(is_ideograph(c), "{c}");
    }
    for word in NOTE_WORDS {
        assert!(NOTE_MARKS.iter().any(|&m| word.starts_with(m)), "{word}");
    }
    let given: Vec<char> = sparse_chars("份件盖或纸电非如自核验收留的享共获甲", MARKS)
        .map(|(_, c)| c)
        .collect();
    let expected: Vec<char> = "份件盖或纸电非如自核验收留的享共获".chars().collect();
    assert_eq!(given, expected);
}

/// Headings (`headings.rs`): phrase before a list → the heading it gives (with a colon).
#[test]
fn heading_wordings() {
    const TABLE: &[(&str, Option<&str>)] = &[
        ("生育津贴报销：", Some("生育津贴报销")),
        ("生育津贴报销 :", Some("生育津贴报销")),
        ("窗口(网上)办理：", Some("窗口(网上)办理")),
        ("重特大病住院提交以下材料：", Some("重特大病住院")),
        ("普通病住院需提交材料：", Some("普通病住院")),
        ("门诊需提供材料如下：", Some("门诊")),
        ("门诊 需提交以下材料 ：", Some("门诊")),
        ("提交材料的说明：", None),
        ("提交以下材料：", None),
        ("生育津贴报销", None),
        ("身份证：", None),
        ("需提供：", None),
        ("住院，门诊：", None),
        ("《表》：", None),
        ("只享受生育医疗费：", None),
        ("（享受）待遇：", Some("（享受）待遇")),
        ("：", None),
    ];
    for &(input, expected) in TABLE {
        assert_eq!(heading_phrase(input, true), expected, "{input:?}");
    }
}

/// Notes (`headings.rs`): clause → whether it is a note of its group.
#[test]
fn note_wordings() {
    const TABLE: &[(&str, bool)] = &[
        ("备注：原件核验后退还", true),
        ("备注 ：原件核验后退还", true),
        ("说明: 可网上办理", true),
        ("注意：身份证", true),
        ("注：身份证", true),
        ("注意事项：身份证", false),
        ("备注身份证", false),
        ("只享受生育医疗费,不享受生育津贴", true),
        ("通过数据共享获取企业信息", true),
        ("享受待遇证明", false),
        ("身份证（可通过数据共享获取）", false),
        ("\"享受\"待遇", false),
        ("身份证", false),
    ];
    for &(input, expected) in TABLE {
        assert_eq!(is_note(input), expected, "{input:?}");
    }
}

/// The clauses of a body (`items.rs`), input → clauses.
#[test]
fn clause_wordings() {
    const TABLE: &[(&str, &[&str])] = &[
        ("身份证", &["身份证"]),
        ("身份证；户口簿", &["身份证", "户口簿"]),
        ("身份证;户口簿。", &["身份证", "户口簿"]),
        ("身份证。 户口簿；", &["身份证", "户口簿"]),
        ("身份证；或户口簿", &["身份证；或户口簿"]),
        ("身份证； 或者户口簿", &["身份证； 或者户口簿"]),
        ("《通知；办法》；身份证", &["《通知；办法》", "身份证"]),
        ("\"甲；乙\"；身份证", &["\"甲；乙\"", "身份证"]),
        ("身份证）；户口簿", &["身份证）", "户口簿"]),
        ("；；", &[]),
        ("", &[]),
    ];
    for &(input, expected) in TABLE {
        assert_eq!(clauses(input).collect::<Vec<_>>(), expected, "{input:?}");
    }
}

/// Clauses and the `、` of an enumeration are where the plain walk of [`top_level`] finds
/// them.
#[test]
fn clauses_and_enumerations_agree_with_the_walk() {
    let pieces = [
        "；", "。", ";", "或", " ", "（", "）", "\"", "、", "，", "甲", "《", "》",
    ];
    for text in &crate::test_support::every_text(&pieces, 4) {
        let mut walked = Vec::new();
        let mut start = 0;
        for (i, c) in top_level(text) {
            if matches!(c, '；' | ';' | '。') && !choice_follows(text, i + c.len_utf8()) {
                walked.push(&text[start..i]);
                start = i + c.len_utf8();
            }
        }
        walked.push(&text[start..]);
        let walked: Vec<&str> = walked
            .into_iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect();
        assert_eq!(clauses(text).collect::<Vec<_>>(), walked, "{text:?}");
        let commas: Vec<usize> = top_level(text)
            .filter(|&(_, c)| c == '、')
            .map(|(i, _)| i)
            .collect();
        let enumerations: Vec<usize> = top_level_punctuation(text)
            .filter(|&(_, token)| token == Token::Enumeration)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(enumerations, commas, "{text:?}");
    }
}

/// Applicant headings and lead-ins (`applicants.rs`), input → (applicant, the text after
/// what was read).
#[test]
fn applicant_and_lead_in_wordings() {
    const TABLE: &[(&str, Option<&str>, &str)] = &[
        ("在职职工：身份证", Some("在职职工"), "身份证"),
        ("灵活就业人员: 身份证", Some("灵活就业人员"), "身份证"),
        (
            "社会团体、民办非企业单位：章程",
            Some("社会团体、民办非企业单位"),
            "章程",
        ),
        ("在职 职工：身份证", Some("在职 职工"), "身份证"),
        ("医院收费票据：身份证", None, "医院收费票据：身份证"),
        ("第1类人员：身份证", None, "第1类人员：身份证"),
        ("职工、：身份证", None, "职工、：身份证"),
        ("需提供以下材料：身份证", None, "身份证"),
        ("请携带：身份证", None, "身份证"),
        ("提交材料如下:身份证", None, "身份证"),
        ("转诊的需提供：转诊单", None, "转诊的需提供：转诊单"),
        ("《申请材料清单》：身份证", None, "《申请材料清单》：身份证"),
        ("申请材料清单：身份证", None, "申请材料清单：身份证"),
        ("身份证", None, "身份证"),
    ];
    for &(input, who, after) in TABLE {
        let named = applicant(input);
        assert_eq!(named.map(|(who, _)| who), who, "{input:?}");
        let rest = named.map_or_else(|| strip_lead_in(input), |(_, rest)| rest);
        assert_eq!(rest, after, "{input:?}");
    }
}

/// The shape a draft carries is that of the item's normalized text (of the whole item when it
/// has a condition).
#[test]
fn the_shape_given_with_a_draft_is_its_text_s() {
    let pieces = [
        "表",
        "，",
        "、",
        "的",
        "的，",
        "需提供",
        "身份证",
        " ",
        "（",
        "）",
        "份",
        "或",
    ];
    let mut conditional = 0;
    for text in &crate::test_support::every_text(&pieces, 4) {
        drafts(text, None, |part| {
            let Part::Item(draft) = part else { return };
            let Some(scan) = draft.scan else { return };
            let text = match draft.condition {
                Some(_) => {
                    conditional += 1;
                    normalize(draft.raw)
                }
                None => draft.body.clone(),
            };
            assert_eq!(scan, ClauseShape::of(&text), "{text:?}");
        });
    }
    assert!(conditional > 0);
}
