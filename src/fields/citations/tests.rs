use super::*;
use crate::diagnostic::Diagnostic;
use crate::model::{Citation, NumberKind, Provision};

/// Parse `text` as a 设定依据 cell on line 1 (the cell starting at column 1).
fn read(text: &str) -> (LegalBasis, Vec<Diagnostic>) {
    let cell = Cell::new(text, 1, "");
    let mut diagnostics = Diagnostics::default();
    let basis = parse(&cell, &mut diagnostics);
    (basis, diagnostics.into_sorted())
}

/// Parse a cell that must read without a diagnostic.
fn clean(text: &str) -> LegalBasis {
    let (basis, diagnostics) = read(text);
    assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
    assert_eq!(basis.raw, text);
    basis
}

fn titles(basis: &LegalBasis) -> Vec<&str> {
    basis.citations.iter().map(|c| c.title.as_str()).collect()
}

fn articles(citation: &Citation) -> Vec<u32> {
    citation.provisions.iter().map(|p| p.article).collect()
}

fn numbers(basis: &LegalBasis) -> Vec<Option<u32>> {
    basis
        .citations
        .iter()
        .map(|c| c.document_number.as_ref().and_then(|n| n.number))
        .collect()
}

#[test]
fn splits_citations_however_they_are_joined() {
    for text in [
        "1. 《甲法》（主席令第35号）第五十七条 2. 《乙办法》（国务院令第259号）第九条",
        "1.《甲法》（主席令第35号）第五十七条 2.《乙办法》（国务院令第259号）第九条",
        "（一）《甲法》（主席令第35号）第五十七条（二）《乙办法》（国务院令第259号）第九条",
        "《甲法》（主席令第35号）第五十七条 《乙办法》（国务院令第259号）第九条",
        "《甲法》（主席令第35号）第五十七条；《乙办法》（国务院令第259号）第九条",
        "《甲法》（主席令第35号）第五十七条;《乙办法》（国务院令第259号）第九条。",
        "《甲法》（主席令第35号）第五十七条《乙办法》（国务院令第259号）第九条",
        "1. 《甲法》（主席令第35号）第五十七条； 2. 《乙办法》（国务院令第259号）第九条；",
        "《甲法》（主席令第35号）第五十七条和《乙办法》（国务院令第259号）第九条",
        "《甲法》（主席令第35号）第五十七条、以及《乙办法》（国务院令第259号）第九条",
        "《甲法》（主席令第35号）第五十七条与《乙办法》（国务院令第259号）第九条",
    ] {
        let basis = clean(text);
        assert_eq!(titles(&basis), ["甲法", "乙办法"], "{text}");
        assert_eq!(numbers(&basis), [Some(35), Some(259)], "{text}");
        assert_eq!(articles(&basis.citations[0]), [57], "{text}");
        assert_eq!(articles(&basis.citations[1]), [9], "{text}");
        assert_eq!(
            basis.citations[1].text, "《乙办法》（国务院令第259号）第九条",
            "{text}"
        );
    }
}

#[test]
fn three_citations_following_each_other() {
    let basis = clean(
        "《中华人民共和国社会保险法》（主席令第35号）第三十一条 《医疗机构医疗保障定点管理暂行办法》（国家医保局令第2号） 《零售药店医疗保障定点管理暂行办法》（国家医保局令第3号）",
    );
    assert_eq!(numbers(&basis), [Some(35), Some(2), Some(3)]);
    assert_eq!(basis.citations[1].issuers, ["国家医保局"]);
    assert_eq!(
        basis.citations[2].text,
        "《零售药店医疗保障定点管理暂行办法》（国家医保局令第3号）"
    );
}

#[test]
fn titles_keep_their_brackets() {
    for (text, title, inner) in [
        (
            "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》",
            "香港澳门台湾居民在内地（大陆）参加社会保险暂行办法",
            None,
        ),
        (
            "《香港澳门台湾居民在内地(大陆)参加社会保险暂行办法》",
            "香港澳门台湾居民在内地(大陆)参加社会保险暂行办法",
            None,
        ),
        (
            "《国家医疗保障待遇清单〔2020版〕》",
            "国家医疗保障待遇清单〔2020版〕",
            None,
        ),
        (
            "《关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知》（人社部发〔2012〕53号）",
            "关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知",
            Some("外国人在中国永久居留享有相关待遇的办法"),
        ),
        (
            "《关于印发《基本医疗保险关系转移接续暂行办法》的通知》",
            "关于印发《基本医疗保险关系转移接续暂行办法》的通知",
            Some("基本医疗保险关系转移接续暂行办法"),
        ),
        // A space in a title is kept (folded to one): it separates co-issuers in
        // `《国家医保局 财政部关于…》`.
        ("《社会 \u{3000}保险法》", "社会 保险法", None),
        (
            "《国家医保局 财政部关于…的意见》",
            "国家医保局 财政部关于…的意见",
            None,
        ),
    ] {
        let basis = clean(text);
        assert_eq!(titles(&basis), [title], "{text}");
        assert_eq!(basis.citations[0].inner_title.as_deref(), inner, "{text}");
    }
}

#[test]
fn issuers_before_the_title_and_in_the_order_number() {
    for (text, issuers) in [
        (
            "国家医保局、财政部《关于扩大长期护理保险制度试点的指导意见》（医保发〔2020〕37号）",
            vec!["国家医保局", "财政部"],
        ),
        ("国务院办公厅《意见》", vec!["国务院办公厅"]),
        (
            "《办法》（人力资源和社会保障部、国家医保局令第41号）第二条",
            vec!["人力资源和社会保障部", "国家医保局"],
        ),
        (
            "国家医保局《办法》（国家医保局令第2号）",
            vec!["国家医保局"],
        ),
        ("《法》（主席令第35号）", vec![]),
        ("《办法》（人社部发〔2012〕53号）", vec![]),
    ] {
        let basis = clean(text);
        assert_eq!(basis.citations[0].issuers, issuers, "{text}");
    }
}

#[test]
fn issuers_of_a_second_citation_are_its_own() {
    let basis = clean("《甲法》第五条 国家医保局、财政部《乙意见》（医保发〔2020〕37号）");
    assert_eq!(titles(&basis), ["甲法", "乙意见"]);
    assert!(basis.citations[0].issuers.is_empty());
    assert_eq!(basis.citations[0].text, "《甲法》第五条");
    assert_eq!(basis.citations[1].issuers, ["国家医保局", "财政部"]);
    assert_eq!(
        basis.citations[1].text,
        "国家医保局、财政部《乙意见》（医保发〔2020〕37号）"
    );
}

#[test]
fn document_numbers_after_a_title() {
    for (text, raw, kind, prefix, year, number) in [
        (
            "《法》（主席令第35号）",
            "主席令第35号",
            NumberKind::Order,
            None,
            None,
            35,
        ),
        (
            "《法》(主席令第35号)",
            "主席令第35号",
            NumberKind::Order,
            None,
            None,
            35,
        ),
        (
            "《法》（中华人民共和国主席令第 35 号）",
            "中华人民共和国主席令第 35 号",
            NumberKind::Order,
            None,
            None,
            35,
        ),
        (
            "《办法》（省政府令第322号）",
            "省政府令第322号",
            NumberKind::Order,
            None,
            None,
            322,
        ),
        (
            "《办法》（第3号令）",
            "第3号令",
            NumberKind::Order,
            None,
            None,
            3,
        ),
        (
            "《办法》主席令第35号",
            "主席令第35号",
            NumberKind::Order,
            None,
            None,
            35,
        ),
        (
            "《通知》（人社部发〔2012〕53号）",
            "人社部发〔2012〕53号",
            NumberKind::Wenhao,
            Some("人社部发"),
            Some(2012),
            53,
        ),
        (
            "《通知》(人社部发[2012]53号)",
            "人社部发[2012]53号",
            NumberKind::Wenhao,
            Some("人社部发"),
            Some(2012),
            53,
        ),
        (
            "《通知》（人社部发【2012】53号）",
            "人社部发【2012】53号",
            NumberKind::Wenhao,
            Some("人社部发"),
            Some(2012),
            53,
        ),
        (
            "《通知》（人社部发（2012）53号）",
            "人社部发（2012）53号",
            NumberKind::Wenhao,
            Some("人社部发"),
            Some(2012),
            53,
        ),
        (
            "《通知》（医保发〔 2021 〕11 号）",
            "医保发〔 2021 〕11 号",
            NumberKind::Wenhao,
            Some("医保发"),
            Some(2021),
            11,
        ),
        (
            "《意见》〔国办发〔2019〕10号〕",
            "国办发〔2019〕10号",
            NumberKind::Wenhao,
            Some("国办发"),
            Some(2019),
            10,
        ),
    ] {
        let basis = clean(text);
        let found = basis.citations[0].document_number.as_ref().expect(text);
        assert_eq!(found.raw, raw, "{text}");
        assert_eq!(found.kind, kind, "{text}");
        assert_eq!(found.prefix.as_deref(), prefix, "{text}");
        assert_eq!((found.year, found.number), (year, Some(number)), "{text}");
    }
}

#[test]
fn provisions_after_a_title() {
    let p = |article, paragraph, item| Provision {
        article,
        paragraph,
        item,
    };
    for (text, expected) in [
        ("《法》第一百零二条", vec![p(102, None, None)]),
        ("《法》第25条", vec![p(25, None, None)]),
        (
            "《法》（主席令第35号）第五十七条、第五十八条",
            vec![p(57, None, None), p(58, None, None)],
        ),
        (
            "《规定》第七条；第八条；",
            vec![p(7, None, None), p(8, None, None)],
        ),
        (
            "《法》第十条至第十二条",
            vec![p(10, None, None), p(11, None, None), p(12, None, None)],
        ),
        ("《法》第二条第（三）款", vec![p(2, Some(3), None)]),
        ("《法》第二条第3款第（一）项", vec![p(2, Some(3), Some(1))]),
        ("《法》第二条第一项", vec![p(2, None, Some(1))]),
    ] {
        assert_eq!(clean(text).citations[0].provisions, expected, "{text}");
    }
}

#[test]
fn annexes() {
    let basis = clean(
        "《国家医保局 财政部关于建立医疗保障待遇清单制度的意见》（医保发〔2021〕5号）国家医疗保障待遇清单（2020版）第二条第（三）款",
    );
    let citation = &basis.citations[0];
    assert_eq!(
        citation.annex.as_deref(),
        Some("国家医疗保障待遇清单（2020版）")
    );
    assert_eq!(
        citation.provisions,
        [Provision {
            article: 2,
            paragraph: Some(3),
            item: None
        }]
    );
    let without_number = clean("《意见》附件1第五条");
    assert_eq!(without_number.citations[0].annex.as_deref(), Some("附件1"));
    assert_eq!(articles(&without_number.citations[0]), [5]);
}

#[test]
fn an_edition_note_is_not_an_annex() {
    let (basis, diagnostics) = read("《法》（2018年修正）第五条");
    assert_eq!(basis.citations[0].annex, None);
    assert!(basis.citations[0].provisions.is_empty());
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code.clone(), Code::CitationsPartial);
    assert_eq!(
        diagnostics[0].message,
        "设定依据 text not understood: \"2018年修正）第五条\""
    );
}

#[test]
fn markers_inside_a_title_do_not_split() {
    let basis = clean("《关于（1）甲（2）乙的通知》第一条");
    assert_eq!(titles(&basis), ["关于（1）甲（2）乙的通知"]);
}

#[test]
fn without_citation() {
    let text = "1. 异地安置的可通过“某市医疗保障局”微信公众号直接办理，无需提供相关材料；";
    let (basis, diagnostics) = read(text);
    assert!(basis.citations.is_empty());
    assert_eq!(basis.raw, text);
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(
        (d.code.clone(), d.line, d.column),
        (Code::LegalBasisWithoutCitation, 1, 1)
    );
    assert_eq!(
        d.message,
        "the 设定依据 cell at line 1 names no document in 《》: “1. 异地安置的可通过“某市医疗保障局”微信公众号直接办理，无需提供相关材料；”"
    );
    let (_, short) = read("  见备注");
    assert_eq!(short[0].column, 3);
    assert_eq!(
        short[0].message,
        "the 设定依据 cell at line 1 names no document in 《》: “见备注”"
    );
}

#[test]
fn unreadable_text_is_kept_and_reported() {
    for (text, column, message, citation_text) in [
        (
            "《法》（主席令第35号）第五条等有关规定",
            16,
            "设定依据 text not understood: \"等有关规定\"",
            "《法》（主席令第35号）第五条等有关规定",
        ),
        (
            "根据《法》第五条",
            1,
            "设定依据 text not understood: \"根据\"",
            "根据《法》第五条",
        ),
        (
            "《法》第五条 同上《办法》",
            8,
            "设定依据 text not understood: \"同上\"",
            "《法》第五条 同上",
        ),
        (
            "《法》第五条和其他《办法》",
            8,
            "设定依据 text not understood: \"其他\"",
            "《法》第五条和其他",
        ),
        (
            "《法》第五条第二款、第（三）款之一",
            16,
            "设定依据 text not understood: \"之一\"",
            "《法》第五条第二款、第（三）款之一",
        ),
    ] {
        let (basis, diagnostics) = read(text);
        assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(
            (d.code.clone(), d.column),
            (Code::CitationsPartial, column),
            "{text}"
        );
        assert_eq!(d.message, message, "{text}");
        assert_eq!(basis.citations[0].title, "法", "{text}");
        assert_eq!(basis.citations[0].text, citation_text, "{text}");
    }
}

#[test]
fn a_point_without_a_title_is_kept_and_reported() {
    let (basis, diagnostics) = read("1. 《法》第五条 2. 国务院有关规定");
    assert_eq!(basis.citations.len(), 2);
    assert_eq!(basis.citations[1].text, "国务院有关规定");
    assert_eq!(basis.citations[1].title, "");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        (diagnostics[0].code.clone(), diagnostics[0].column),
        (Code::CitationUnparsed, 14)
    );
    assert_eq!(
        diagnostics[0].message,
        "the citation “国务院有关规定” at line 1 names no document in 《》"
    );
}

#[test]
fn an_unclosed_title_is_reported() {
    let (basis, diagnostics) = read("《社会保险法第五条");
    assert_eq!(basis.citations.len(), 1);
    assert_eq!(basis.citations[0].title, "");
    assert_eq!(basis.citations[0].text, "《社会保险法第五条");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].message,
        "the title “《社会保险法第五条” at line 1 is not closed with 》"
    );
}

#[test]
fn a_huge_range_is_reported_not_expanded() {
    let (basis, diagnostics) = read("《法》第一条至第九千条、第九千零一条");
    assert_eq!(articles(&basis.citations[0]), [9001]);
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!((d.code.clone(), d.column), (Code::CitationUnparsed, 4));
    assert_eq!(
        d.message,
        "the range “第一条至第九千条” at line 1 spans 9000 articles, more than the 100 listed one by one; it is left out of the provisions"
    );
}

#[test]
fn hostile_input_does_not_panic_and_stays_linear() {
    for text in [
        "《".repeat(10_000),
        "》".repeat(10_000),
        "《》".repeat(10_000),
        format!("《法》{}", "第".repeat(20_000)),
        format!("《法》{}", "第一条、".repeat(20_000)),
        format!("《法》{}", "（".repeat(20_000)),
        format!("《法》{}", "9".repeat(20_000)),
        format!("《法》第1条至第{}条", "9".repeat(50)),
        "1. 2. 3. 《》（）第条".repeat(1_000),
        (1..=5_000).map(|n| format!("{n}. 《法》")).collect(),
    ] {
        let started = std::time::Instant::now();
        let (basis, _) = read(&text);
        assert_eq!(basis.raw, text);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{}…",
            &text.chars().take(10).collect::<String>()
        );
    }
}

#[test]
fn every_leftover_is_reported_in_one_pass() {
    let text = "《法》甲 ".repeat(25);
    let (basis, diagnostics) = read(&text);
    assert_eq!(basis.citations.len(), 25);
    assert_eq!(diagnostics.len(), 25);
    for (k, d) in diagnostics.iter().enumerate() {
        assert_eq!(
            (d.code.clone(), d.column),
            (Code::CitationsPartial, 4 + 5 * k)
        );
        assert_eq!(d.message, "设定依据 text not understood: \"甲\"");
    }
}

#[test]
fn unreadable_citations_past_the_limit_are_counted_together() {
    let points: String = (1..=25).map(|n| format!("{n}. 规定{n} ")).collect();
    let (basis, diagnostics) = read(&format!("《法》 {points}"));
    assert_eq!(basis.citations.len(), 26);
    assert_eq!(diagnostics.len(), 21);
    assert!(diagnostics.iter().all(|d| d.code == Code::CitationUnparsed));
    assert_eq!(
        diagnostics[0].message,
        "5 more parts of the 设定依据 cell at line 1 could not be read; only the first 20 are reported"
    );
    assert_eq!(diagnostics[0].column, 1);
    assert_eq!(diagnostics[1].column, 8);
    assert_eq!(
        diagnostics[1].message,
        "the citation “规定1” at line 1 names no document in 《》"
    );
}

#[test]
fn a_document_number_alone_is_a_citation_without_title() {
    for (text, prefix, year, number) in [
        (
            "吉人社联字【2017】79 号",
            Some("吉人社联字"),
            Some(2017),
            79,
        ),
        ("人社部发〔2012〕53号；", Some("人社部发"), Some(2012), 53),
        ("国务院令第259号", None, None, 259),
    ] {
        let basis = clean(text);
        assert_eq!(basis.citations.len(), 1, "{text}");
        let citation = &basis.citations[0];
        assert_eq!(citation.title, "", "{text}");
        let found = citation.document_number.as_ref().expect(text);
        assert_eq!(
            (found.prefix.as_deref(), found.year, found.number),
            (prefix, year, Some(number)),
            "{text}"
        );
    }
    // A point of numbers alone among titled ones.
    let basis = clean("1.《甲法》第五条 2.吉人社联字【2017】79 号");
    assert_eq!(titles(&basis), ["甲法", ""]);
    assert_eq!(numbers(&basis), [None, Some(79)]);
    // Not every text with 号 is a number.
    let (basis, diagnostics) = read("见吉人社联字79号文件");
    assert!(basis.citations.is_empty());
    assert_eq!(diagnostics[0].code.clone(), Code::LegalBasisWithoutCitation);
}

#[test]
fn a_number_outside_brackets() {
    let basis = clean("《中华人民共和国社会保险法》主席令第三十五号第八十条");
    let number = basis.citations[0].document_number.as_ref().unwrap();
    assert_eq!(number.raw, "主席令第三十五号");
    assert_eq!(number.number, Some(35));
    assert_eq!(articles(&basis.citations[0]), [80]);
}

#[test]
fn words_before_a_bare_wenhao_are_not_its_prefix() {
    let (basis, diagnostics) = read("关于印发《吉林省办法》的通知 吉医保发(2019)34 号");
    let number = basis.citations[0].document_number.as_ref().unwrap();
    assert_eq!(number.raw, "吉医保发(2019)34 号");
    assert_eq!(number.prefix.as_deref(), Some("吉医保发"));
    assert_eq!((number.year, number.number), (Some(2019), Some(34)));
    // The words around the inner title are not read: reported, not dropped.
    let left: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code == Code::CitationsPartial)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        left,
        [
            "设定依据 text not understood: \"关于印发\"",
            "设定依据 text not understood: \"的通知\""
        ]
    );
}

#[test]
fn a_masked_year_gives_no_year() {
    for text in [
        "《办法》（吉医保发(****)34号）",
        "《办法》（吉医保发〔＊＊＊＊〕34号）",
        "《办法》吉医保发[ ** ]34号",
    ] {
        let basis = clean(text);
        let number = basis.citations[0].document_number.as_ref().expect(text);
        assert_eq!(number.prefix.as_deref(), Some("吉医保发"), "{text}");
        assert_eq!((number.year, number.number), (None, Some(34)), "{text}");
    }
    // One star is not a masked year.
    let (basis, _) = read("《办法》（吉医保发(*)34号）");
    assert!(basis.citations[0].document_number.is_none());
}

#[test]
fn level_tags_go_to_the_level() {
    let basis = clean("【法律】《中华人民共和国社会保险法》第八十条 【行政法规】《乙条例》第五条；【部门规章】《丙办法》");
    let levels: Vec<Option<&str>> = basis.citations.iter().map(|c| c.level.as_deref()).collect();
    assert_eq!(levels, [Some("法律"), Some("行政法规"), Some("部门规章")]);
    assert_eq!(
        titles(&basis),
        ["中华人民共和国社会保险法", "乙条例", "丙办法"]
    );
    assert_eq!(basis.citations[1].text, "【行政法规】《乙条例》第五条");
    // A tag that names no level is not one.
    let (basis, diagnostics) = read("【其他】《甲法》");
    assert_eq!(basis.citations[0].level, None);
    assert_eq!(diagnostics[0].code.clone(), Code::CitationsPartial);
}

#[test]
fn quoted_article_text_is_the_quote() {
    let basis =
        clean("《中华人民共和国社会保险法》第八十条：（一）查询社会保险费缴纳情况；（二）核查。");
    assert_eq!(basis.citations.len(), 1);
    assert_eq!(
        basis.citations[0].quote.as_deref(),
        Some("（一）查询社会保险费缴纳情况；（二）核查")
    );
    assert_eq!(articles(&basis.citations[0]), [80]);
    // A quote within the point, up to the next citation.
    let basis = clean("《甲法》第八十四条:用人单位不办理登记的,责令改正。 《乙条例》第五条");
    assert_eq!(titles(&basis), ["甲法", "乙条例"]);
    assert_eq!(
        basis.citations[0].quote.as_deref(),
        Some("用人单位不办理登记的,责令改正。")
    );
    assert_eq!(basis.citations[1].quote, None);
    // After a quote, a titled point starts anew: untitled points after it are not quoted.
    let (basis, diagnostics) = read("1.《甲法》第五条：（一）甲 2.《乙法》第六条 3.无题");
    assert_eq!(basis.citations.len(), 3);
    assert_eq!(basis.citations[0].quote.as_deref(), Some("（一）甲"));
    assert_eq!(diagnostics[0].code.clone(), Code::CitationUnparsed);
}

#[test]
fn spaced_and_ascii_parenthesized_markers_split_the_list() {
    let basis = clean("( 一 )《甲法》 (主席令第 35 号) 第五条 ( 二 )《乙条例》第六条 (三)《丙决定》（国务院令第 710 号）");
    assert_eq!(titles(&basis), ["甲法", "乙条例", "丙决定"]);
    assert_eq!(basis.citations[0].text, "《甲法》 (主席令第 35 号) 第五条");
    assert_eq!(basis.citations[1].text, "《乙条例》第六条");
    assert_eq!(numbers(&basis), [Some(35), None, Some(710)]);
}

#[test]
fn an_item_with_no_article_is_an_item_of_the_document() {
    let basis = clean("《国务院关于修改部分行政法规的决定》(国务院令第 710 号) 第二项");
    assert_eq!(basis.citations[0].items, [2]);
    assert!(basis.citations[0].provisions.is_empty());
    let basis = clean("《决定》第二项、第（五）项");
    assert_eq!(basis.citations[0].items, [2, 5]);
    // An item after an article is that article's.
    let basis = clean("《法》第二条、第三项");
    assert!(basis.citations[0].items.is_empty());
    assert_eq!(
        basis.citations[0].provisions[1],
        Provision {
            article: 2,
            paragraph: None,
            item: Some(3)
        }
    );
    // A paragraph with no article is not read.
    let (_, diagnostics) = read("《法》第二款");
    assert_eq!(diagnostics[0].code.clone(), Code::CitationsPartial);
}

#[test]
fn traditional_characters_read_as_simplified() {
    let text = "《中華人民共和國社會保險法》(中華人民共和國主席令第25號)第八十四條:用人單位不辦理社會保險登記的,責令改正。";
    let basis = clean(text);
    let citation = &basis.citations[0];
    let number = citation.document_number.as_ref().unwrap();
    assert_eq!(number.raw, "中华人民共和国主席令第25号");
    assert_eq!(
        (&number.kind, number.number),
        (&NumberKind::Order, Some(25))
    );
    assert_eq!(articles(citation), [84]);
    // Read as simplified; kept as written.
    assert_eq!(citation.title, "中华人民共和国社会保险法");
    assert!(citation
        .text
        .starts_with("《中華人民共和國社會保險法》(中華人民共和國主席令第25號)第八十四條"));
    assert_eq!(
        citation.quote.as_deref(),
        Some("用人單位不辦理社會保險登記的,責令改正。")
    );
    // Without a number or provision word, nothing is read differently.
    assert_eq!(
        titles(&clean("《中華人民共和國社會保險法》")),
        ["中華人民共和國社會保險法"]
    );
}
