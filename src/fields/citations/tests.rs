use super::*;
use crate::diagnostic::Diagnostic;
use crate::model::{NumberKind, Provision};

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
    assert_eq!(diagnostics[0].code, Code::CitationUnparsed);
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
        (d.code, d.line, d.column),
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
            "could not read “等有关规定” in the citation of 《法》 at line 1",
            "《法》（主席令第35号）第五条等有关规定",
        ),
        (
            "根据《法》第五条",
            1,
            "could not read “根据” in the citation of 《法》 at line 1",
            "根据《法》第五条",
        ),
        (
            "《法》第五条 同上《办法》",
            8,
            "could not read “同上” in the citation of 《法》 at line 1",
            "《法》第五条 同上",
        ),
        (
            "《法》第五条和其他《办法》",
            8,
            "could not read “其他” in the citation of 《法》 at line 1",
            "《法》第五条和其他",
        ),
        (
            "《法》第五条第二款、第（三）款之一",
            16,
            "could not read “之一” in the citation of 《法》 at line 1",
            "《法》第五条第二款、第（三）款之一",
        ),
    ] {
        let (basis, diagnostics) = read(text);
        assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(
            (d.code, d.column),
            (Code::CitationUnparsed, column),
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
        (diagnostics[0].code, diagnostics[0].column),
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
    assert_eq!((d.code, d.column), (Code::CitationUnparsed, 4));
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
fn reports_past_the_limit_are_counted_together() {
    let text = "《法》甲 ".repeat(25);
    let (basis, diagnostics) = read(&text);
    assert_eq!(basis.citations.len(), 25);
    assert_eq!(diagnostics.len(), 21);
    assert!(diagnostics.iter().all(|d| d.code == Code::CitationUnparsed));
    assert_eq!(
        diagnostics[0].message,
        "5 more parts of the 设定依据 cell at line 1 could not be read; only the first 20 are reported"
    );
    assert_eq!(diagnostics[0].column, 1);
    assert_eq!(diagnostics[1].column, 4);
    assert_eq!(
        diagnostics[1].message,
        "could not read “甲” in the citation of 《法》 at line 1"
    );
}

/// The cell reader reads every sequence of pieces that make or break citations (markers,
/// titles nested or left open, numbers, provisions, issuers, white space of every kind) as
/// the version before its passes were fused ([`super::before`]) does, diagnostics included.
#[test]
fn fused_reader_agrees_with_the_one_before() {
    let pieces = [
        "1. ",
        "2.",
        "《甲",
        "》",
        "〈乙〉",
        "（主席令第35号）",
        "第五条",
        "、",
        "国家医保局 ",
        "和",
        "\u{3000}",
        "附件第二条",
        "x",
    ];
    let texts = crate::test_support::every_text(&pieces, 5);
    let texts = texts.iter().map(String::as_str).chain([
        "1. 《中华人民共和国社会保险法》（主席令第35号）第八条、第五十七条 2. 《社会保险费征缴暂行条例》（国务院令第259号）第九条",
        "国家医保局、财政部《关于扩大长期护理保险制度试点的指导意见》（医保发〔2020〕37号）",
        "《国家医保局 财政部关于建立医疗保障待遇清单制度的意见》（医保发〔2021〕5号）国家医疗保障待遇清单（2020版）第二条第（三）款",
        "1. 《甲》第五十四条； 2. 《乙》第七条；第八条； 3. 《丙》（省政府令第322号）",
        "（一）《甲 法》\u{200B}（主席令第35号） （二）《乙《丙》  ",
        "1. 《关于印发〈甲 乙〉的通知》 2. 《丙》 3. 《丁》 4. 《戊》 5. 《己》 6. 《庚 辛》（国家医保局 财政部令第2号）第 五 条",
        "国家医保局 财政部《关于印发《甲\u{3000}乙》的通知》  《丙〈丁〉》 《〈〉》 《《》》 《〈戊",
    ]);
    for text in texts {
        let cell = Cell::new(text, 1, "");
        let mut fused = Diagnostics::default();
        let mut plain = Diagnostics::default();
        assert_eq!(
            parse(&cell, &mut fused),
            super::before::parse(&cell, &mut plain),
            "{text:?}"
        );
        assert_eq!(fused.into_sorted(), plain.into_sorted(), "{text:?}");
    }
}

/// The survey finds the titles `title_spans` finds, the first `〈` or `《` inside each, and
/// every white space or invisible character (the first [`MAX_SPACES`] by offset, the others
/// as "maybe"), whatever the nesting and the white space.
#[test]
fn survey_agrees_with_title_spans_and_a_walk_for_white_space() {
    let pieces = [
        "《", "》", "甲", " ", "\u{3000}", "\u{200B}", "\u{A0}", "（", "\n", "〈", "·", "㐀",
    ];
    let texts = crate::test_support::every_text(&pieces, 5);
    // Every character class the survey tells apart by its bytes, one by one and in pairs.
    let classes = [
        "\t", "\u{0B}", "a", "\u{85}", "é", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200D}",
        "\u{2028}", "\u{202F}", "\u{205F}", "\u{2060}", "—", "“", "\u{3000}", "\u{3001}", "〈",
        "〉", "《", "》", "\u{3081}", "\u{30FF}", "\u{3FFF}", "\u{4000}", "\u{9FFF}", "\u{A000}",
        "\u{F900}", "\u{FEFF}", "\u{FEFE}", "\u{FF08}", "\u{FFFD}", "𠀀", "\u{E000}",
    ];
    let texts = texts
        .into_iter()
        .chain(crate::test_support::every_text(&classes, 2))
        .chain(classes.iter().map(|c| format!("《甲{c}〈乙》")));
    let many_spaces = [
        "《甲》《乙》《丙》《丁》《戊》《己》《庚》《辛》《壬》《癸》",
        "《甲》《乙》《丙》《丁》《戊》《己》《庚》《辛》《壬",
        "《甲 乙 丙》 1 2 3 4 5 6 7 8 9 《丁\u{3000}戊》",
        "          《甲》",
        "《甲》 \u{3000} \u{3000} \u{3000} \u{3000} \u{3000}",
    ];
    let texts: Vec<String> = texts.chain(many_spaces.map(str::to_owned)).collect();
    for text in texts.iter().map(String::as_str) {
        let found = survey(text);
        let spans: Vec<TitleSpan> = found.titles.iter().map(|t| t.span).collect();
        assert_eq!(spans, crate::text::brackets::title_spans(text), "{text:?}");
        for title in found.titles.iter() {
            let inside = title.span.start + '《'.len_utf8();
            let inner = text[inside..title.span.end]
                .char_indices()
                .find(|&(_, c)| c == '〈' || c == '《')
                .map(|(i, _)| inside + i);
            assert_eq!(title.inner, inner, "{text:?}");
        }
        let spaces: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| is_space_or_invisible(c))
            .map(|(i, _)| i)
            .collect();
        let kept = spaces.len().min(MAX_SPACES);
        assert_eq!(
            found.spaces[..found.space_count],
            spaces[..kept],
            "{text:?}"
        );
        assert_eq!(found.spaces_overflow, spaces.len() > MAX_SPACES, "{text:?}");
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let expected = spaces.iter().any(|&at| (start..end).contains(&at));
                let said = found.spaced(start, end);
                if found.spaces_overflow {
                    assert!(said || !expected, "{text:?} {start}..{end}");
                } else {
                    assert_eq!(said, expected, "{text:?} {start}..{end}");
                }
            }
        }
    }
}

/// `find_char` finds what a walk over the characters finds.
#[test]
fn find_char_agrees_with_a_walk() {
    let classes = [
        "甲", "令", "第", " ", "\u{3000}", "（", "1", "１", "〔", "\u{FEFF}", "𠀀", "a",
    ];
    let stop = |c: char| number_stop(c);
    for text in crate::test_support::every_text(&classes, 4) {
        let walk = |wanted: Option<char>| {
            text.char_indices()
                .find(|&(_, c)| Some(c) == wanted || stop(c))
                .map_or(text.len(), |(i, _)| i)
        };
        for wanted in [None, Some('令'), Some('第')] {
            assert_eq!(find_char(&text, wanted, stop), walk(wanted), "{text:?}");
        }
        assert_eq!(
            has_space(&text),
            text.chars().any(is_space_or_invisible),
            "{text:?}"
        );
    }
}

/// A character that is no ideograph, for [`find_char_agrees_with_a_walk`].
fn number_stop(c: char) -> bool {
    matches!(c, '（' | '〔' | '1' | '１' | ' ' | '\u{3000}')
}

/// The survey's `may_list` is [`crate::text::markers::may_hold_marker`], and where it is false
/// `markers::list_markers` finds no marker: skipping the call changes nothing.
#[test]
fn list_markers_find_nothing_where_the_survey_says_none_can_be() {
    let pieces = [
        "1", "１", "一", "十", "〇", "两", ".", "．", "、", "）", ")", "（", "(", "①", "⑳", "甲",
        "第", " ", "《", "》", "；", "\u{3000}",
    ];
    let texts = crate::test_support::every_text(&pieces, 4);
    let seeds = [
        "1. 《甲》（主席令第35号）第八条 2. 《乙》（国务院令第259号）第九条",
        "《城乡医疗救助基金管理办法》（财社〔2013〕217号）",
        "《甲》（主席令第36号）第二十九条、第三十条",
        "一、《甲》二、《乙》",
        "（一）《甲》（二）《乙》",
        "①《甲》②《乙》",
        "《甲》第二条第（三）款",
        "\u{2459}《甲》\u{2474}",
    ];
    let mut listed = 0;
    for text in texts.iter().map(String::as_str).chain(seeds) {
        let found = survey(text);
        assert_eq!(
            found.may_list,
            crate::text::markers::may_hold_marker(text),
            "{text:?}"
        );
        let markers = crate::text::markers::list_markers(text);
        if !found.may_list {
            assert!(markers.is_empty(), "{text:?}: {markers:?}");
        } else if !markers.is_empty() {
            listed += 1;
        }
    }
    // The texts do hold lists, which the survey let through.
    assert!(listed > 1000, "{listed}");
    for (text, expected) in [
        (seeds[0], true),
        (seeds[1], false),
        (seeds[2], false),
        (seeds[3], true),
        (seeds[4], true),
        (seeds[5], true),
        (seeds[6], true),
        (seeds[7], false),
    ] {
        assert_eq!(survey(text).may_list, expected, "{text:?}");
    }
}

/// `lead_is` and `edge_is`, which settle ideographs by their bytes, agree with a look at the
/// decoded characters.
#[test]
fn edge_tests_agree_with_the_characters() {
    let classes = [
        "甲", "\u{4000}", "\u{9FFF}", "\u{A000}", "\u{3FFF}", " ", "\u{3000}", "\u{A0}", "、",
        "；", "。", ".", ",", "，", "a", "𠀀", "é", "\n", "\t", "\u{0B}",
    ];
    for text in crate::test_support::every_text(&classes, 3) {
        for accept in [is_separator, char::is_whitespace] {
            let first = text.chars().next().is_some_and(accept);
            let last = text.chars().next_back().is_some_and(accept);
            assert_eq!(lead_is(&text, accept), first, "{text:?}");
            assert_eq!(edge_is(&text, accept), first || last, "{text:?}");
        }
        assert_eq!(trim(&text), text.trim(), "{text:?}");
        // As `for_each_point` trims a point.
        assert_eq!(trim(text.trim_ascii()), text.trim(), "{text:?}");
        assert_eq!(skip_space(&text), text.trim_start(), "{text:?}");
        assert_eq!(
            trim_separators(&text),
            text.trim_matches(is_separator),
            "{text:?}"
        );
    }
}
