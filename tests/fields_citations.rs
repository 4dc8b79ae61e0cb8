//! 设定依据: citations of the seed lists, and the checks across citations.

mod common;

use common::matter;

use shixiang::{Citation, Code, Diagnostic, Document, Matter, NumberKind};

const YANTAI: &str = include_str!("../fixtures/valid/yantai.tsv");
const SHANDONG: &str = include_str!("../fixtures/valid/shandong-2023.tsv");

fn parse(text: &str) -> Document {
    shixiang::parse(text).expect("a list")
}

fn matters(document: &Document) -> impl Iterator<Item = &Matter> {
    document.categories.iter().flat_map(|c| &c.matters)
}

fn citations(document: &Document) -> Vec<&Citation> {
    matters(document)
        .flat_map(|m| &m.legal_basis.citations)
        .collect()
}

fn with_code(document: &Document, code: Code) -> Vec<&Diagnostic> {
    document
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

fn articles(citation: &Citation) -> Vec<u32> {
    citation.provisions.iter().map(|p| p.article).collect()
}

#[test]
fn every_seed_citation_has_a_title() {
    for (name, text) in [("yantai", YANTAI), ("shandong", SHANDONG)] {
        let document = parse(text);
        let all = citations(&document);
        assert_eq!(all.len(), 32, "{name}");
        for citation in &all {
            assert!(!citation.title.is_empty(), "{name}: {citation:?}");
            assert!(
                citation.text.starts_with(['《', '国']),
                "{name}: {citation:?}"
            );
        }
        // Every one but 《女职工劳动保护特别规定》 (cited without a number) has its number.
        let unnumbered: Vec<&str> = all
            .iter()
            .filter(|c| c.document_number.is_none())
            .map(|c| c.title.as_str())
            .collect();
        let expected: &[&str] = if name == "shandong" {
            &["女职工劳动保护特别规定"]
        } else {
            &[]
        };
        assert_eq!(unnumbered, expected, "{name}");
        assert!(
            with_code(&document, Code::CitationUnparsed).is_empty(),
            "{name}"
        );
    }
}

#[test]
fn shandong_matter_1() {
    let document = parse(SHANDONG);
    let cited = &matter(&document, 1).legal_basis.citations;
    assert_eq!(cited.len(), 3);
    assert_eq!(cited[0].title, "中华人民共和国社会保险法");
    let law = cited[0].document_number.as_ref().unwrap();
    assert_eq!(
        (law.kind.clone(), law.issuer.as_deref(), law.number),
        (NumberKind::Order, Some("主席令"), Some(35))
    );
    assert_eq!(articles(&cited[0]), [57, 58]);

    let second = &cited[1];
    assert_eq!(
        second.title,
        "香港澳门台湾居民在内地（大陆）参加社会保险暂行办法"
    );
    assert_eq!(second.issuers, ["人力资源和社会保障部", "国家医保局"]);
    let number = second.document_number.as_ref().unwrap();
    assert_eq!(number.raw, "人力资源和社会保障部、国家医保局令第41号");
    assert_eq!(
        number.issuer.as_deref(),
        Some("人力资源和社会保障部、国家医保局")
    );
    assert_eq!(number.number, Some(41));
    assert_eq!(articles(second), [2, 3, 4, 14]);
    assert_eq!(
        second.text,
        "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》（人力资源和社会保障部、国家医保局令第41号）第二条、第三条、第四条、第十四条"
    );
}

#[test]
fn shandong_matter_3_inner_title_and_wenhao() {
    let document = parse(SHANDONG);
    let third = &matter(&document, 3).legal_basis.citations[2];
    assert_eq!(
        third.title,
        "关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知"
    );
    assert_eq!(
        third.inner_title.as_deref(),
        Some("外国人在中国永久居留享有相关待遇的办法")
    );
    let number = third.document_number.as_ref().unwrap();
    assert_eq!(
        (
            number.kind.clone(),
            number.prefix.as_deref(),
            number.year,
            number.number
        ),
        (NumberKind::Wenhao, Some("人社部发"), Some(2012), Some(53))
    );
    assert!(third.provisions.is_empty());
}

#[test]
fn shandong_matter_14_annex() {
    let document = parse(SHANDONG);
    let cited = &matter(&document, 14).legal_basis.citations;
    assert_eq!(cited.len(), 1);
    assert_eq!(
        cited[0].annex.as_deref(),
        Some("国家医疗保障待遇清单（2020版）")
    );
    let provision = cited[0].provisions[0];
    assert_eq!(
        (provision.article, provision.paragraph, provision.item),
        (2, Some(3), None)
    );
    assert_eq!(cited[0].provisions.len(), 1);
    let number = cited[0].document_number.as_ref().unwrap();
    assert_eq!(
        (number.prefix.as_deref(), number.year, number.number),
        (Some("医保发"), Some(2021), Some(5))
    );
}

#[test]
fn shandong_citations_that_follow_each_other_and_issuers_before_a_title() {
    let document = parse(SHANDONG);
    let cited = &matter(&document, 23).legal_basis.citations;
    let numbers: Vec<Option<u32>> = cited
        .iter()
        .map(|c| c.document_number.as_ref().and_then(|n| n.number))
        .collect();
    assert_eq!(numbers, [Some(35), Some(2), Some(3)]);
    assert_eq!(articles(&cited[0]), [31]);

    let women = &matter(&document, 17).legal_basis.citations;
    assert_eq!(women[1].title, "女职工劳动保护特别规定");
    assert_eq!(articles(&women[1]), [7, 8]);
    assert_eq!(women[2].issuers, ["省政府"]);

    let care = &matter(&document, 28).legal_basis.citations[0];
    assert_eq!(care.issuers, ["国家医保局", "财政部"]);
    assert_eq!(care.title, "关于扩大长期护理保险制度试点的指导意见");
}

#[test]
fn the_36_citations_are_flagged_in_both_seeds() {
    for (text, line, column, others) in [(YANTAI, 23, 81, 15), (SHANDONG, 56, 82, 10)] {
        let document = parse(text);
        let found = with_code(&document, Code::ConflictingDocumentNumber);
        assert_eq!(found.len(), 1);
        let d = found[0];
        assert_eq!((d.line, d.column), (line, column));
        assert_eq!(
            d.message,
            format!(
                "《中华人民共和国社会保险法》 is cited at line {line} as 主席令第36号 but as 主席令第35号 {others} times elsewhere"
            )
        );
        assert_eq!(d.severity, shixiang::Severity::Warning);
    }
}

#[test]
fn yantai_matter_15_holds_no_citation() {
    let document = parse(YANTAI);
    let basis = &matter(&document, 15).legal_basis;
    assert!(basis.citations.is_empty());
    assert!(basis.raw.starts_with("1. 异地安置"));
    let found = with_code(&document, Code::LegalBasisWithoutCitation);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (24, 93));
    assert_eq!(
        found[0].message,
        "the 设定依据 cell at line 24 names no document in 《》: “1. 异地安置、异地居住、异地工作的可通过“烟台市医疗保障局”微信公众号直接办理…”"
    );
}

/// A list whose rows have only a 设定依据 besides their names.
fn list(cells: &[&str]) -> String {
    let mut text = String::from("主项\t子项序号\t子项\t设定依据\n");
    for (i, cell) in cells.iter().enumerate() {
        let category = if i == 0 { "一、登记" } else { "" };
        text.push_str(&format!("{category}\t{}\t事项{}\t{cell}\n", i + 1, i + 1));
    }
    text
}

#[test]
fn conflicting_numbers_name_the_usual_one_and_how_often() {
    let text = list(&[
        "《某条例》（国务院令第259号）第九条",
        "1. 《某条例》(国务院令第 259 号) 2. 《某条例》（国务院令第258号）第十条",
        "《某 条例》（国务院令第259号）",
    ]);
    let document = parse(&text);
    let found = with_code(&document, Code::ConflictingDocumentNumber);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (3, 39));
    assert_eq!(
        found[0].message,
        "《某条例》 is cited at line 3 as 国务院令第258号 but as 国务院令第259号 3 times elsewhere"
    );
}

#[test]
fn a_tie_keeps_the_first_number_and_one_other_use_reads_once() {
    let text = list(&[
        "《甲意见》（医保发〔2020〕37号）",
        "《甲意见》（医保发〔2020〕38号）",
    ]);
    let document = parse(&text);
    let found = with_code(&document, Code::ConflictingDocumentNumber);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, 3);
    assert_eq!(
        found[0].message,
        "《甲意见》 is cited at line 3 as 医保发〔2020〕38号 but as 医保发〔2020〕37号 once elsewhere"
    );
}

#[test]
fn one_body_under_two_names_or_brackets_of_two_widths_is_no_conflict() {
    let text = list(&[
        "《医疗机构医疗保障定点管理暂行办法》（国家医保局令第2号）",
        "《医疗机构医疗保障定点管理暂行办法》（国家医疗保障局令第2号）",
        "《在内地（大陆）参保办法》（人社部发〔2012〕53号）",
        "《在内地(大陆)参保办法》（人社部发[2012]53号）",
        "《无号办法》 《无号办法》（第3号令）",
    ]);
    let document = parse(&text);
    assert!(with_code(&document, Code::ConflictingDocumentNumber).is_empty());
}

#[test]
fn citations_partial_and_without_citation_through_the_pipeline() {
    let text = list(&["《某法》第五条等有关规定", "见备注"]);
    let document = parse(&text);
    let partial = with_code(&document, Code::CitationsPartial);
    assert_eq!(partial.len(), 1);
    assert_eq!((partial[0].line, partial[0].column), (2, 19));
    assert_eq!(
        partial[0].message,
        "设定依据 text not understood: \"等有关规定\""
    );
    let citation = &matter(&document, 1).legal_basis.citations[0];
    assert_eq!(citation.text, "《某法》第五条等有关规定");
    assert_eq!(articles(citation), [5]);

    let without = with_code(&document, Code::LegalBasisWithoutCitation);
    assert_eq!(without.len(), 1);
    assert_eq!((without[0].line, without[0].column), (3, 8));
    assert_eq!(
        without[0].message,
        "the 设定依据 cell at line 3 names no document in 《》: “见备注”"
    );
}

#[test]
fn many_conflicts_in_one_cell_stay_linear() {
    let cell: String = (1..=3000).map(|n| format!("《甲》（第{n}号令）")).collect();
    let started = std::time::Instant::now();
    let document = parse(&list(&[&cell]));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let found = with_code(&document, Code::ConflictingDocumentNumber);
    assert_eq!(found.len(), 2999);
    // The cell starts at column 12; the second number after `《甲》（第1号令）《甲》（`.
    assert_eq!(found[0].column, 12 + 9 + 4);
    assert_eq!(found[2998].line, 2);
    assert_eq!(
        found[0].message,
        "《甲》 is cited at line 2 as 第2号令 but as 第1号令 once elsewhere"
    );
}
