//! The real lists in `fixtures/valid/`, walked by one test: each parses, loses no text, and
//! gives the JSON recorded in its reviewed snapshot. The seed facts the issues name are
//! asserted by value beside the snapshots.

use std::path::Path;

mod common;

use shixiang::{Code, Document};

fn valid_fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/valid exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("UTF-8 fixture"))
        })
        .collect()
}

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/valid/{name}.tsv"));
    shixiang::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn valid_fixtures_parse_losslessly_and_match_their_snapshots() {
    let fixtures = valid_fixtures();
    assert!(fixtures.len() >= 2, "the seeds are in fixtures/valid");
    for (name, text) in fixtures {
        let document = shixiang::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        common::assert_lossless(&text, &document);
        insta::assert_json_snapshot!(name, document);
    }
}

fn names(document: &Document) -> Vec<(Option<u32>, &str, Vec<u32>)> {
    document
        .categories
        .iter()
        .map(|c| {
            (
                c.ordinal,
                c.name.as_str(),
                c.matters.iter().filter_map(|m| m.seq).collect(),
            )
        })
        .collect()
}

#[test]
fn yantai_categories_matters_joins_and_findings() {
    let document = fixture("yantai");
    assert_eq!(
        document.title.as_deref(),
        Some("烟台市医疗保障经办政务服务事项清单")
    );
    assert_eq!(document.region.as_deref(), Some("烟台市"));
    assert_eq!(document.edition, None);
    assert_eq!(document.categories.len(), 11);
    assert_eq!(document.matters().count(), 32);
    let outline = names(&document);
    assert_eq!(
        outline[0],
        (Some(1), "基本医疗保险参保和变更登记", (1..=7).collect())
    );
    // Misnumbered 一 (for 二), truncated at line 13 and completed after the page break.
    assert_eq!(
        outline[1],
        (Some(1), "基本医疗保险关系转移接续", vec![8, 9, 10])
    );
    assert_eq!(
        document.categories[1].raw,
        ["一、基本医", "一、基本医疗保险关系转移接续"]
    );
    assert_eq!(document.categories[1].lines, (13, 19));
    // Split without its numeral at the page break.
    assert_eq!(
        outline[9],
        (Some(10), "医药机构申请定点协议管理", vec![30, 31])
    );
    assert_eq!(
        document.categories[9].raw,
        ["十、医药机", "机构申请定点协议管理"]
    );
    assert_eq!(
        outline[10],
        (Some(11), "定点医药机构费用结算", vec![32, 33])
    );
    assert_eq!(outline[5].2, [21, 22, 23], "no 20; 23 is on the next page");
    assert_eq!(
        document.footnotes,
        ["说明: 事项编码按照C0109.1-2018《国家政务服务平台 政务服务事项基本目录及实施清单 第1部分: 编码要求》进行编码。"]
    );
    let at = |code: Code| -> Vec<(usize, usize, &str)> {
        document
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect()
    };
    assert_eq!(
        at(Code::CategoryMisnumbered),
        [(
            13,
            1,
            "category “一、基本医疗保险关系转移接续” at line 13 is numbered 1 where 2 belongs"
        )]
    );
    assert_eq!(
        at(Code::MatterNumberMissing),
        [(29, 22, "matter number 20 is missing between 19 and 21")]
    );
    assert_eq!(
        at(Code::CategoryJoined)
            .iter()
            .map(|d| d.0)
            .collect::<Vec<_>>(),
        [19, 47]
    );
}

#[test]
fn shandong_categories_and_matters() {
    let document = fixture("shandong-2023");
    assert_eq!(
        document.title.as_deref(),
        Some("山东省医疗保障经办政务服务事项清单（2023版）")
    );
    assert_eq!(document.region.as_deref(), Some("山东省"));
    assert_eq!(document.edition.as_deref(), Some("2023版"));
    assert_eq!(document.categories.len(), 12);
    assert_eq!(document.matters().count(), 28);
    let outline = names(&document);
    // `一、基本医疗保险参保和变更登记` is repeated after the page break: one category.
    assert_eq!(
        outline[0],
        (Some(1), "基本医疗保险参保和变更登记", (1..=6).collect())
    );
    assert_eq!(document.categories[0].raw.len(), 2);
    assert_eq!(document.categories[0].lines, (6, 15));
    assert_eq!(
        outline.iter().map(|c| c.0).collect::<Vec<_>>(),
        (1..=12).map(Some).collect::<Vec<_>>()
    );
    assert_eq!(outline[11], (Some(12), "长期护理保险待遇申请", vec![28]));
    let matter = &document.categories[0].matters[0];
    assert_eq!(
        (matter.seq, matter.name.as_str(), matter.line),
        (Some(1), "单位参保登记", 6)
    );
    assert_eq!(
        document.columns,
        [
            "主项",
            "子项序号",
            "子项",
            "办理材料",
            "办理时限",
            "办理环节",
            "办理方式",
            "备注",
            "设定依据"
        ]
    );
    assert!(document
        .diagnostics
        .iter()
        .all(|d| d.code != Code::MatterNumberMissing && d.code != Code::CategoryMisnumbered));
}

#[test]
fn the_json_reads_back_into_an_equal_document() {
    for (name, text) in valid_fixtures() {
        let document = shixiang::parse(&text).unwrap();
        let json = serde_json::to_string(&document).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, document, "{name}");
    }
}

/// A list written for the tests (not a real one) in another city's layout: BOM, CRLF, codes,
/// synonyms for every column in another order, 办理层级, Arabic category numerals.
#[test]
fn a_list_in_another_layout() {
    let document = fixture("synthetic-reordered-columns-crlf-bom");
    assert_eq!(document.region.as_deref(), Some("青岛市"));
    assert_eq!(document.edition.as_deref(), Some("2024年版"));
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
    let first = &document.categories[0];
    assert_eq!(
        (first.ordinal, first.name.as_str(), first.code.as_deref()),
        (Some(1), "参保登记", Some("C0100"))
    );
    let matter = &first.matters[0];
    assert_eq!(
        (matter.seq, matter.code.as_deref()),
        (Some(1), Some("0001"))
    );
    assert_eq!(matter.extra["办理层级"], "市级");
    assert_eq!(matter.materials.groups[0].items[1].copies, Some(2));
    assert_eq!(matter.deadline.max_working_days, Some(20));
    assert_eq!(matter.steps.steps, ["受理", "审核", "办结"]);
    assert_eq!(matter.channels.modes.len(), 3);
    assert_eq!(matter.legal_basis.citations.len(), 2);
    let third = &document.categories[1].matters[0];
    assert!(third.materials.none_required);
    assert_eq!(
        third.deadline.clauses[0].start.as_deref(),
        Some("自受理之日起")
    );
    assert_eq!(
        third.notes.channel_deadlines[0].condition,
        "通过“爱山东”APP申请的"
    );
}
