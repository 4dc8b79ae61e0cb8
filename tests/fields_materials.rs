//! The materials (办理材料) of the two seed lists, parsed whole with `shixiang::parse`.

mod common;

use common::matter;

use shixiang::{Code, Document, Material, MaterialFormat, Materials};

const SHANDONG: &str = include_str!("../fixtures/valid/shandong-2023.tsv");
const YANTAI: &str = include_str!("../fixtures/valid/yantai.tsv");

fn parse(text: &str) -> Document {
    shixiang::parse(text).expect("the seed list parses")
}

fn materials(document: &Document, seq: u32) -> &Materials {
    &matter(document, seq).materials
}

/// The items of a cell that does not sort its materials by applicant.
fn items(materials: &Materials) -> &[Material] {
    assert_eq!(materials.groups.len(), 1, "{}", materials.raw);
    assert_eq!(materials.groups[0].applicant, None);
    &materials.groups[0].items
}

fn texts(items: &[Material]) -> Vec<&str> {
    items.iter().map(|item| item.text.as_str()).collect()
}

/// The 1-based column of `part` on the source line where it occurs.
fn column_of(source: &str, line: usize, part: &str) -> usize {
    let text = source.lines().nth(line - 1).expect("line exists");
    let at = text.find(part).expect("part is on the line");
    text[..at].chars().count() + 1
}

#[test]
fn shandong_1_is_a_choice_then_a_sealed_form() {
    let document = parse(SHANDONG);
    let items = items(materials(&document, 1));
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].alternatives,
        ["统一社会信用代码证书", "单位批准成立的文件"]
    );
    assert!(items[0].forms.is_empty());
    assert_eq!(items[1].forms, ["基本医疗保险单位参保信息登记表"]);
    assert!(items[1].seal_required);
    assert!(!items[0].seal_required);
}

#[test]
fn shandong_2_sorts_materials_by_applicant() {
    let document = parse(SHANDONG);
    let groups = &materials(&document, 2).groups;
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].applicant.as_deref(), Some("在职职工"));
    assert_eq!(groups[0].items.len(), 1);
    assert_eq!(groups[0].items[0].forms, ["职工基本医疗保险参保登记表"]);
    assert!(groups[0].items[0].seal_required);
    assert_eq!(groups[1].applicant.as_deref(), Some("灵活就业人员"));
    assert_eq!(
        texts(&groups[1].items),
        ["有效身份证件", "《职工基本医疗保险参保登记表》"]
    );
}

#[test]
fn shandong_23_counts_copies_and_formats() {
    let document = parse(SHANDONG);
    let items = items(materials(&document, 23));
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|item| item.copies == Some(1)));
    assert_eq!(items[0].forms, ["医疗保险协议定点医疗机构申请表"]);
    assert_eq!(items[0].format, None);
    assert_eq!(items[2].format, Some(MaterialFormat::OriginalAndCopy));
    // The third point lists several documents joined by `，`: kept whole and reported.
    assert!(items[2]
        .text
        .starts_with("医疗机构设置批复文件，执业医师、护士的执业证书"));
    assert!(items[2].alternatives.is_empty());
    let reported = document
        .diagnostics
        .iter()
        .find(|d| d.code == Code::MaterialsUnparsed && d.line == 48)
        .expect("the run-on point is reported");
    assert_eq!(
        reported.column,
        column_of(SHANDONG, 48, "医疗机构设置批复文件")
    );
    assert_eq!(
        reported.message,
        "materials item joins several parts with '，'; they were kept as one item"
    );
}

#[test]
fn shandong_12_needs_nothing() {
    let document = parse(SHANDONG);
    let materials = materials(&document, 12);
    assert_eq!(materials.raw, "无");
    assert!(materials.none_required);
    assert!(materials.groups.is_empty());
}

#[test]
fn shandong_16_has_a_conditional_fourth_item() {
    let document = parse(SHANDONG);
    let items = items(materials(&document, 16));
    assert_eq!(items.len(), 4);
    assert_eq!(
        texts(&items[..3]),
        ["医院收费有效票据", "费用清单", "出院记录（诊断材料）"]
    );
    assert!(items[..3].iter().all(|item| item.condition.is_none()));
    assert_eq!(items[3].condition.as_deref(), Some("属于意外伤害情形的"));
    assert_eq!(
        items[3].text,
        "属于意外伤害情形的，须提供病历复印件、第三方赔付材料（或个人书面承诺书）"
    );
}

#[test]
fn shandong_choices_and_enumerations() {
    let document = parse(SHANDONG);
    assert_eq!(
        items(materials(&document, 9))[0].alternatives,
        ["医保电子凭证", "有效身份证件", "社保卡"]
    );
    assert_eq!(
        texts(items(materials(&document, 22))),
        [
            "医保电子凭证或有效身份证件或社保卡",
            "基本医保、大病保险报销后的结算单",
            "就医有效票据",
            "《医疗救助申请表》",
        ]
    );
    assert_eq!(
        texts(items(materials(&document, 17))),
        [
            "提供符合办理生育保险待遇核准支付业务个人承诺书1份",
            "医院收费票据",
            "诊断材料",
            "参保男职工无工作配偶生育提供无工作个人承诺书1份",
        ]
    );
}

#[test]
fn yantai_1_has_three_applicant_groups() {
    let document = parse(YANTAI);
    let groups = &materials(&document, 1).groups;
    let applicants: Vec<_> = groups.iter().map(|g| g.applicant.as_deref()).collect();
    assert_eq!(
        applicants,
        [
            Some("企业"),
            Some("社会团体、民办非企业单位"),
            Some("机关事业单位")
        ]
    );
    // The office gets what enterprises would hand in by itself: a note, no material.
    assert!(groups[0].items.is_empty());
    assert_eq!(
        groups[0].notes,
        ["通过市场监管部门“一网通办”系统注册的企业，医保经办机构直接通过数据共享获取企业注册信息，为企业办理参保登记"]
    );
    assert_eq!(
        texts(&groups[1].items),
        ["有效证照副本原件", "《非企业单位社会保险基本信息登记表》"]
    );
    assert_eq!(groups[1].items[0].format, Some(MaterialFormat::Original));
    let institutions = &groups[2].items;
    assert_eq!(institutions.len(), 3);
    assert_eq!(institutions[0].forms, ["非企业单位社会保险基本信息登记表"]);
    assert_eq!(
        institutions[1].alternatives,
        ["《事业单位法人证》", "《统一社会信用代码证》（副本）"]
    );
    assert_eq!(
        institutions[1].forms,
        ["事业单位法人证", "统一社会信用代码证"]
    );
    assert_eq!(institutions[2].text, "单位成立批文复印件");
    assert_eq!(institutions[2].format, Some(MaterialFormat::Copy));
}

#[test]
fn yantai_single_items() {
    let document = parse(YANTAI);
    let roster = &items(materials(&document, 5))[0];
    assert_eq!(roster.text, "学校提供花名册 1 份");
    assert_eq!(roster.copies, Some(1));
    let residence = &items(materials(&document, 15))[0];
    assert_eq!(
        residence.alternatives,
        [
            "居住证、居住证办理回执单",
            "其他异地居住证明材料",
            "个人承诺书"
        ]
    );
    assert_eq!(
        items(materials(&document, 10))[1].forms,
        ["基本医疗保险参保凭证", "参保凭证"]
    );
}

#[test]
fn an_empty_cell_is_simply_empty() {
    let document = parse(YANTAI);
    let materials = materials(&document, 33);
    assert_eq!(materials.raw, "");
    assert!(!materials.none_required);
    assert!(materials.groups.is_empty());
}

#[test]
fn no_item_text_is_lost() {
    // Every character of each cell, but white space, list markers and separators, is found
    // in some applicant, heading, item text or note (or the cell needs nothing).
    for source in [SHANDONG, YANTAI] {
        let document = parse(source);
        for (_, matter) in document.matters() {
            let materials = &matter.materials;
            if materials.none_required {
                continue;
            }
            let joined: String = materials
                .groups
                .iter()
                .flat_map(|g| {
                    let named = g.applicant.iter().chain(&g.heading);
                    named.chain(g.items.iter().map(|i| &i.text).chain(&g.notes))
                })
                .flat_map(|s| s.chars())
                .collect();
            let kept: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
            let mut rest = kept.as_str();
            for c in materials.raw.chars().filter(|c| {
                !(c.is_whitespace()
                    || c.is_ascii_digit()
                    || ('①'..='⑳').contains(c)
                    || matches!(c, '.' | '；' | '。' | '：' | '、'))
            }) {
                let at = rest
                    .find(c)
                    .unwrap_or_else(|| panic!("{c} of {:?} is kept", materials.raw));
                rest = &rest[at + c.len_utf8()..];
            }
        }
    }
}
