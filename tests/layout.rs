//! The table layer, rule by rule, on small lists written here (not the fixtures): line endings,
//! titles, headers found by name, merged and split 主项 cells, continued rows, numbering checks.
//! Every diagnostic code of the table layer is asserted with its exact message.

mod common;

use common::findings;

use shixiang::{parse, Code, Document, ErrorKind, Severity};

const HEADER: &str = "主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据";

/// A list with the standard header, from rows given as cells.
fn list(title: &str, rows: &[&[&str]]) -> String {
    let mut text = format!("{title}\n{HEADER}\n");
    for row in rows {
        text.push_str(&row.join("\t"));
        text.push('\n');
    }
    text
}

fn row<'a>(category: &'a str, seq: &'a str, name: &'a str) -> [&'a str; 9] {
    [category, seq, name, "", "即时办结", "", "", "", ""]
}

/// Pad every tabbed row that is not the standard header to the header's nine cells, as a
/// converter that keeps empty cells writes them.
fn padded(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches('\n');
            let cells = body.split('\t').count();
            if body.contains('\t') && body != HEADER && cells < 9 {
                format!("{body}{}{}", "\t".repeat(9 - cells), &line[body.len()..])
            } else {
                line.to_owned()
            }
        })
        .collect()
}

fn parsed(text: &str) -> Document {
    parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// Categories as `(ordinal, name, [seq…])`.
fn outline(document: &Document) -> Vec<(Option<u32>, String, Vec<Option<u32>>)> {
    document
        .categories
        .iter()
        .map(|c| {
            (
                c.ordinal,
                c.name.clone(),
                c.matters.iter().map(|m| m.seq).collect(),
            )
        })
        .collect()
}

#[test]
fn line_endings_bom_and_missing_final_newline_read_alike() {
    let lf = list(
        "某市医疗保障经办政务服务事项清单",
        &[&row("一、参保", "1", "单位参保"), &row("", "2", "职工参保")],
    );
    let expected = parsed(&lf);
    for variant in [
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
        format!("\u{FEFF}{lf}"),
        lf.trim_end_matches('\n').to_owned(),
        format!("\n\n{}", lf.replace('\n', "\n\n")),
    ] {
        let document = parsed(&variant);
        assert_eq!(outline(&document), outline(&expected), "{variant:?}");
        assert_eq!(document.title, expected.title);
        assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
    }
    assert_eq!(
        outline(&expected),
        [(Some(1), "参保".to_owned(), vec![Some(1), Some(2)])]
    );
}

#[test]
fn line_numbers_count_crlf_and_cr_lines_once() {
    let text = padded(&format!("标题\n{HEADER}\n一、参保\t1\t甲\n\t3\t乙\n")).replace('\n', "\r\n");
    let document = parsed(&text);
    assert_eq!(document.categories[0].matters[1].line, 4);
    assert_eq!(
        findings(&document)[0],
        "4:2 matter_number_missing: matter number 2 is missing between 1 and 3"
    );
    let cr = parsed(&text.replace("\r\n", "\r"));
    assert_eq!(cr.categories[0].matters[1].line, 4);
}

#[test]
fn title_region_edition_and_preamble() {
    let text = format!("\n山东省医疗保障经办政务服务事项清单（2023版）\n（试行）\n{HEADER}\n");
    let document = parsed(&text);
    assert_eq!(
        document.title.as_deref(),
        Some("山东省医疗保障经办政务服务事项清单（2023版）")
    );
    assert_eq!(document.region.as_deref(), Some("山东省"));
    assert_eq!(document.edition.as_deref(), Some("2023版"));
    assert_eq!(document.preamble, ["（试行）"]);
    assert_eq!(document.columns, HEADER.split('\t').collect::<Vec<_>>());
    assert!(document.categories.is_empty());
}

#[test]
fn a_title_padded_with_tabs_is_still_the_title() {
    let text = padded(&format!(
        "某市医疗保障经办政务服务事项清单\t\t\t\n{HEADER}\n一、参保\t1\t甲\n\t某市医疗保障经办政务服务事项清单\t\n{HEADER}\n\t2\t乙\n"
    ));
    let document = parsed(&text);
    assert_eq!(
        document.title.as_deref(),
        Some("某市医疗保障经办政务服务事项清单")
    );
    assert_eq!(outline(&document)[0].2, [Some(1), Some(2)]);
    assert!(document.preamble.is_empty());
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

#[test]
fn titles_repeated_on_every_page_are_not_footnotes() {
    let text = padded(&format!(
        "清单\n\n{HEADER}\n一、参保\t1\t甲\n\n清单\n\n{HEADER}\n\t2\t乙\n说明：本清单动态调整。\n"
    ));
    let document = parsed(&text);
    assert_eq!(outline(&document)[0].2, [Some(1), Some(2)]);
    assert_eq!(document.footnotes, ["说明：本清单动态调整。"]);
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

#[test]
fn columns_are_found_by_name_in_any_order_with_extra_columns() {
    let text = "\
清单
序号\t事项名称\t主项编码\t子项编码\t办理层级\t法律依据\t申请材料\t主项名称\t办理形式
1\t单位参保登记\t C01 \t0001\t市级\t《社会保险法》\t无\t一、参保登记\t现场办理
2\t职工参保登记\t\t0002\t县级\t\t身份证\t\t网上办理
";
    let document = parsed(text);
    let category = &document.categories[0];
    assert_eq!(category.name, "参保登记");
    assert_eq!(category.code.as_deref(), Some("C01"));
    let first = &category.matters[0];
    assert_eq!(first.seq, Some(1));
    assert_eq!(first.name, "单位参保登记");
    assert_eq!(first.code.as_deref(), Some("0001"));
    assert_eq!(first.materials.raw, "无");
    assert_eq!(first.channels.raw, "现场办理");
    assert_eq!(first.legal_basis.raw, "《社会保险法》");
    assert_eq!(first.deadline.raw, "", "no 办理时限 column");
    assert_eq!(
        first.extra.get("办理层级").map(String::as_str),
        Some("市级")
    );
    assert_eq!(category.matters[1].extra["办理层级"], "县级");
    assert_eq!(category.matters[1].materials.raw, "身份证");
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

#[test]
fn a_header_split_by_spaces_is_still_a_header() {
    let text = "主 项\t子项\n序号\t子 项\t办理\u{3000}材料\n一、参保\t1\t甲\t无\n";
    // `子项\n序号` cannot be one cell: the header is the second line here, the first is a title.
    let document = parsed(text);
    assert_eq!(document.title.as_deref(), None);
    let text = "主 项\t子项序号\t子 项\t办理\u{3000}材料\n一、参保\t1\t甲\t无\n";
    let document = parsed(text);
    assert_eq!(document.categories[0].matters[0].materials.raw, "无");
}

#[test]
fn a_blank_category_cell_continues_the_category_above() {
    let document = parsed(&list(
        "清单",
        &[
            &row("一、参保", "1", "甲"),
            &row("", "2", "乙"),
            &row("二、变更", "3", "丙"),
            &row("  ", "4", "丁"),
        ],
    ));
    assert_eq!(
        outline(&document),
        [
            (Some(1), "参保".into(), vec![Some(1), Some(2)]),
            (Some(2), "变更".into(), vec![Some(3), Some(4)]),
        ]
    );
    assert_eq!(document.categories[1].lines, (5, 6));
    assert_eq!(document.categories[0].raw, ["一、参保"]);
}

#[test]
fn a_category_repeated_after_a_page_break_is_one_category() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保登记\t1\t甲\n\n清单\n{HEADER}\n一、参保登记\t2\t乙\n"
    ));
    let document = parsed(&text);
    assert_eq!(
        outline(&document),
        [(Some(1), "参保登记".into(), vec![Some(1), Some(2)])]
    );
    assert_eq!(document.categories[0].raw, ["一、参保登记", "一、参保登记"]);
    assert_eq!(document.categories[0].lines, (3, 7));
    assert_eq!(
        findings(&document),
        ["7:1 category_repeated: 主项 “一、参保登记” at line 7 repeats the category open since line 3; its rows continue that category"]
    );
    assert_eq!(document.diagnostics[0].severity, Severity::Info);
}

#[test]
fn a_truncated_category_is_completed_on_the_next_page() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保登记\t1\t甲\n二、关系转\t2\t乙\n\t3\t丙\n\n清单\n{HEADER}\n二、关系转移接续\t4\t丁\n三、查询\t5\t戊\n"
    ));
    let document = parsed(&text);
    assert_eq!(
        outline(&document),
        [
            (Some(1), "参保登记".into(), vec![Some(1)]),
            (
                Some(2),
                "关系转移接续".into(),
                vec![Some(2), Some(3), Some(4)]
            ),
            (Some(3), "查询".into(), vec![Some(5)]),
        ]
    );
    assert_eq!(
        document.categories[1].raw,
        ["二、关系转", "二、关系转移接续"]
    );
    assert_eq!(
        findings(&document),
        ["9:1 category_joined: 主项 “二、关系转” split by a page break is joined with “二、关系转移接续” at line 9 into “二、关系转移接续”"]
    );
}

#[test]
fn a_category_split_without_its_numeral_is_joined_by_the_overlap() {
    let text = padded(&format!(
        "清单\n{HEADER}\n十、医药机\t1\t甲\n\n{HEADER}\n机构申请定点\t2\t乙\n十一、结算\t3\t丙\n"
    ));
    let document = parsed(&text);
    assert_eq!(document.categories[0].name, "医药机构申请定点");
    assert_eq!(document.categories[0].ordinal, Some(10));
    assert_eq!(document.categories[0].raw, ["十、医药机", "机构申请定点"]);
    assert_eq!(outline(&document)[0].2, [Some(1), Some(2)]);
    assert_eq!(document.categories[1].name, "结算");
    // The split piece, and the list starting at 10: no numbering finding either way.
    assert_eq!(findings(&document).len(), 1);
    assert!(findings(&document)[0].starts_with("6:1 category_joined: 主项 “十、医药机”"));
}

#[test]
fn the_category_text_may_appear_lower_on_the_new_page() {
    // The first rows of a page have a blank 主项; its first non-empty 主项 still continues.
    let text = padded(&format!(
        "清单\n{HEADER}\n一、医药机\t1\t甲\n\n{HEADER}\n\t2\t乙\n构申请\t3\t丙\n"
    ));
    let document = parsed(&text);
    assert_eq!(document.categories.len(), 1);
    assert_eq!(document.categories[0].name, "医药机构申请");
}

#[test]
fn mid_page_only_an_identical_category_text_continues() {
    // A truncated-looking category in the middle of a page is a new category.
    let document = parsed(&list(
        "清单",
        &[
            &row("一、基本医疗保险参保", "1", "甲"),
            &row("二、基本医", "2", "乙"),
            &row("二、基本医", "3", "丙"),
            &row("三、其他", "4", "丁"),
        ],
    ));
    assert_eq!(
        outline(&document),
        [
            (Some(1), "基本医疗保险参保".into(), vec![Some(1)]),
            (Some(2), "基本医".into(), vec![Some(2), Some(3)]),
            (Some(3), "其他".into(), vec![Some(4)]),
        ]
    );
    // A filled-down merged cell is not worth a finding.
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

#[test]
fn a_row_continued_on_the_next_page_is_appended() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保\t1\t甲\t1. 身份证 2. 登记\t即时办结\t\t\t\t《社会保险法》第五十七条\n\n{HEADER}\n\t\t\t表\t\t\t\t说明\t、第五十八条\n"
    ));
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    assert_eq!(document.categories[0].matters.len(), 1);
    assert_eq!(matter.materials.raw, "1. 身份证 2. 登记表");
    assert_eq!(matter.notes.raw, "说明");
    assert_eq!(
        matter.legal_basis.raw,
        "《社会保险法》第五十七条、第五十八条"
    );
    assert_eq!(matter.line, 3);
    assert_eq!(document.categories[0].lines, (3, 6));
    assert_eq!(
        findings(&document),
        [
            "6:1 row_continued: the row at line 6 has no 子项序号 or 子项; its cells are appended to the matter at line 3",
            "6:4 cell_continued: the 办理材料 cell at line 6 is appended to the matter at line 3 as it is, the rest of a word cut by the page break: “表” after “1. 身份证 2. 登记”",
            "6:12 cell_continued: the 设定依据 cell at line 6 is appended to the matter at line 3 as it is, after the punctuation that ends it: “、第五十八条” after “《社会保险法》第五十七条”",
        ]
    );
}

#[test]
fn short_and_long_rows_keep_every_cell() {
    let text =
        format!("清单\n{HEADER}\n一、参保\t1\t甲\t无\n\t2\t乙\t无\t即时办结\t\t\t\t\t\t多出\t\n");
    let document = parsed(&text);
    let matters = &document.categories[0].matters;
    assert_eq!(matters[0].materials.raw, "无");
    assert_eq!(matters[0].deadline.raw, "");
    assert_eq!(matters[1].extra["column 11"], "多出");
    assert_eq!(
        findings(&document),
        [
            "3:11 row_too_short: the row at line 3 has 4 cells where the header has 9",
            "4:18 row_too_long: the row at line 4 has 12 cells where the header has 9; the surplus is kept under `extra`",
        ]
    );
    // Empty surplus cells (trailing tabs) are no finding.
    let padded = parsed(&format!(
        "清单\n{HEADER}\n一、参保\t1\t甲\t\t\t\t\t\t\t\t\t\n"
    ));
    assert!(padded.diagnostics.is_empty(), "{:?}", findings(&padded));
}

#[test]
fn a_header_that_differs_later_is_reported_and_used() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保\t1\t甲\t无\n\n子项序号\t子项\t主项\t办理材料\n2\t乙\t\t身份证\n"
    ));
    let document = parsed(&text);
    let matters = &document.categories[0].matters;
    assert_eq!(matters[1].name, "乙");
    assert_eq!(matters[1].materials.raw, "身份证");
    assert_eq!(
        findings(&document),
        ["5:1 header_mismatch: the header row at line 5 differs from the first one (子项序号 | 子项 | 主项 | 办理材料); the rows after it are read by it"]
    );
}

#[test]
fn header_problems() {
    let text = "清单\n主项\t备注\t办理材料\t备注\n一、参保\t甲\t无\t乙\n";
    let document = parsed(text);
    assert_eq!(
        findings(&document),
        [
            "2:1 missing_column: the header at line 2 has no 子项 column",
            "2:1 missing_column: the header at line 2 has no 子项序号 column",
            "2:12 duplicate_column: the header at line 2 names 备注 twice; the second one is kept under `extra`",
            // Without 子项序号 and 子项 columns every row is a matter of its own (not an orphan,
            // nor a continuation of the row above).
        ]
    );
    let category = &document.categories[0];
    assert_eq!(category.name, "参保");
    // Without 子项 or 子项序号 a row is a continuation of nothing: kept, and said.
    assert_eq!(category.matters[0].notes.raw, "甲");
    assert_eq!(category.matters[0].extra["备注"], "乙");
}

#[test]
fn rows_before_the_header_are_kept_in_the_preamble() {
    let text = padded(&format!(
        "清单\n编制单位\t某市医保局\n{HEADER}\n一、参保\t1\t甲\n"
    ));
    let document = parsed(&text);
    assert_eq!(document.preamble, ["编制单位\t某市医保局"]);
    assert_eq!(
        findings(&document),
        ["2:1 row_before_header: the row at line 2 comes before any header row; its text is kept in the preamble"]
    );
}

#[test]
fn text_between_rows_is_kept_and_reported() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保\t1\t甲\n第 1 页\n\t2\t乙\n注：以上为第一批。\n附件\n"
    ));
    let document = parsed(&text);
    assert_eq!(
        document.footnotes,
        ["第 1 页", "注：以上为第一批。", "附件"]
    );
    assert_eq!(
        findings(&document),
        ["4:1 text_outside_table: the text line at line 4 stands between table rows; it is kept as a footnote"]
    );
}

#[test]
fn matters_before_any_category_and_orphan_rows() {
    let text = padded(&format!("清单\n{HEADER}\n\t\t\t无\n\t1\t甲\n"));
    let document = parsed(&text);
    assert_eq!(document.categories.len(), 1);
    assert_eq!(document.categories[0].name, "");
    assert_eq!(document.categories[0].raw, Vec::<String>::new());
    assert_eq!(document.categories[0].matters[0].materials.raw, "无");
    assert_eq!(document.categories[0].matters[1].name, "甲");
    assert_eq!(
        findings(&document),
        [
            "3:1 matter_without_category: the row at line 3 comes before any 主项; it is put in a category without a name",
            "3:1 orphan_row: the row at line 3 has no 子项序号 or 子项 and no matter before it to continue; it is kept as a matter without a name",
        ]
    );
}

#[test]
fn a_category_only_row_opens_a_category() {
    let text = padded(&format!("清单\n{HEADER}\n一、参保\n\t1\t甲\n"));
    // A line without tabs after the header is text, not a row: only tabbed rows make categories.
    let document = parsed(&text);
    assert_eq!(document.footnotes, ["一、参保"]);
    let text = padded(&format!("清单\n{HEADER}\n一、参保\t\t\n\t1\t甲\n"));
    let document = parsed(&text);
    assert_eq!(
        outline(&document),
        [(Some(1), "参保".into(), vec![Some(1)])]
    );
    assert_eq!(document.categories[0].lines, (3, 4));
}

#[test]
fn category_numbering() {
    let misnumbered = parsed(&list(
        "清单",
        &[
            &row("一、甲", "1", "a"),
            &row("一、乙", "2", "b"),
            &row("三、丙", "3", "c"),
        ],
    ));
    assert_eq!(
        findings(&misnumbered),
        ["4:1 category_misnumbered: category “一、乙” at line 4 is numbered 1 where 2 belongs"]
    );
    let jump = parsed(&list(
        "清单",
        &[
            &row("1、甲", "1", "a"),
            &row("2、乙", "2", "b"),
            &row("4、丙", "3", "c"),
            &row("5、丁", "4", "d"),
        ],
    ));
    assert_eq!(
        findings(&jump),
        ["5:1 category_misnumbered: category “4、丙” at line 5 is numbered 4 where 3 belongs"]
    );
    let unnumbered = parsed(&list(
        "清单",
        &[&row("一、甲", "1", "a"), &row("乙类事项", "2", "b")],
    ));
    assert_eq!(
        findings(&unnumbered),
        ["4:1 category_without_number: category “乙类事项” at line 4 has no numeral while the others are numbered"]
    );
    // One before the first numbered category is reported too, once that one is read.
    let first_unnumbered = parsed(&list(
        "清单",
        &[
            &row("总类事项", "1", "a"),
            &row("一、甲", "1", "b"),
            &row("乙类事项", "2", "c"),
        ],
    ));
    assert_eq!(
        findings(&first_unnumbered),
        [
            "3:1 category_without_number: category “总类事项” at line 3 has no numeral while the others are numbered",
            "5:1 category_without_number: category “乙类事项” at line 5 has no numeral while the others are numbered",
        ]
    );
    let none_numbered = parsed(&list("清单", &[&row("甲", "1", "a"), &row("乙", "2", "b")]));
    assert!(none_numbered.diagnostics.is_empty());
    assert_eq!(none_numbered.categories[1].ordinal, None);
}

#[test]
fn matter_numbering() {
    let document = parsed(&list(
        "清单",
        &[
            &row("一、甲", "1", "a"),
            &row("", "2", "b"),
            &row("", "5", "c"),
            &row("", "5", "d"),
            &row("", "4", "e"),
            &row("", "", "f"),
            &row("", "x", "g"),
            &row("", "0", "h"),
            &row("", "１", "i"),
            &row("", "7.", "j"),
        ],
    ));
    assert_eq!(
        findings(&document),
        [
            "5:2 matter_number_missing: matter numbers 3 to 4 are missing between 2 and 5",
            "6:2 matter_number_duplicate: matter number 5 at line 6 was already used at line 5",
            "7:2 matter_number_out_of_order: matter number 4 at line 7 comes after 5",
            "8:2 matter_number_empty: the matter “f” at line 8 has no 子项序号",
            "9:2 matter_number_invalid: 子项序号 “x” at line 9 is not a positive whole number",
            "10:2 matter_number_invalid: 子项序号 “0” at line 10 is not a positive whole number",
            "11:2 matter_number_duplicate: matter number 1 at line 11 was already used at line 3",
            "12:2 matter_number_missing: matter number 6 is missing between 4 and 7",
        ]
    );
    let matters = &document.categories[0].matters;
    assert_eq!(matters[8].seq, Some(1), "full-width digits are digits");
    assert_eq!(matters[8].seq_raw, "１");
    assert_eq!(matters[6].seq, None);
    assert_eq!(matters[9].seq, Some(7));
}

#[test]
fn numbering_may_restart_in_each_category() {
    let document = parsed(&list(
        "清单",
        &[
            &row("一、甲", "1", "a"),
            &row("", "2", "b"),
            &row("二、乙", "1", "c"),
            &row("", "2", "d"),
        ],
    ));
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

#[test]
fn columns_count_graphemes() {
    // 👩‍👩‍👧 is one grapheme of five code points; é here is e + a combining accent.
    let text = padded(&format!("清单\n{HEADER}\n一、👩‍👩‍👧e\u{301}\t1\t甲\n\t3\t乙\n"));
    let document = parsed(&text);
    assert_eq!(
        findings(&document),
        ["4:2 matter_number_missing: matter number 2 is missing between 1 and 3"]
    );
    let text = padded(&format!("清单\n{HEADER}\n一、👩‍👩‍👧e\u{301}\t0\t甲\n"));
    assert_eq!(parsed(&text).diagnostics[0].column, 6);
}

#[test]
fn names_are_normalized_and_raw_is_kept() {
    let document = parsed(&list(
        "清单",
        &[&row(
            " 一、 参保\u{3000}登记 ",
            " 1 ",
            " 单位 参保\u{200B}登记 ",
        )],
    ));
    let category = &document.categories[0];
    assert_eq!(category.name, "参保登记");
    assert_eq!(category.raw, [" 一、 参保\u{3000}登记 "]);
    let matter = &category.matters[0];
    assert_eq!(matter.name, "单位参保登记");
    assert_eq!(matter.name_raw, " 单位 参保\u{200B}登记 ");
    assert_eq!(matter.seq, Some(1));
}

#[test]
fn errors_for_input_that_holds_no_list() {
    for (text, kind, message) in [
        ("", ErrorKind::Empty, "line 1, column 1: the input is empty"),
        (" \n\t\n\r\n", ErrorKind::Empty, "line 1, column 1: the input is empty"),
        (
            "只有标题\n",
            ErrorKind::NoHeader,
            "line 1, column 1: no header row found (a row naming columns such as 子项 and 办理材料)",
        ),
        (
            "a\tb\nc\td\n",
            ErrorKind::NoHeader,
            "line 1, column 1: no header row found (a row naming columns such as 子项 and 办理材料)",
        ),
    ] {
        let error = parse(text).unwrap_err();
        assert_eq!(error.kind(), &kind, "{text:?}");
        assert_eq!(error.to_string(), message);
    }
    // A stray byte is read as U+FFFD, and fails only a strict parse.
    let bytes = b"\xEF\xBB\xBF\xE6\xB8\x85\n\xE4\xB8\xBB\xFF\n";
    let error = shixiang::parse(bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::NoHeader);
    let strict = shixiang::ParseOptions::new().strict(true);
    let error = shixiang::parse_with(bytes, &strict).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidUtf8 { byte_offset: 10 });
    assert_eq!(
        error.to_string(),
        "line 2, column 2: invalid UTF-8 at byte 10"
    );
}

#[test]
fn strict_mode_fails_on_the_first_warning() {
    let text = list("清单", &[&row("一、甲", "1", "a"), &row("", "3", "b")]);
    let options = shixiang::ParseOptions::new().strict(true);
    let error = shixiang::parse_with(&text, &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 4, column 2: warning[matter_number_missing]: matter number 2 is missing between 1 and 3"
    );
    assert!(matches!(error.kind(), ErrorKind::Strict(d) if d.code == Code::MatterNumberMissing));
    // Infos do not trip strict mode.
    let text = padded(&format!(
        "清单\n{HEADER}\n一、甲\t1\ta\n\n{HEADER}\n一、甲\t2\tb\n"
    ));
    assert!(shixiang::parse_with(&text, &options).is_ok());
}

#[test]
fn every_code_has_a_snake_case_name_and_a_severity() {
    for code in Code::ALL {
        let name = code.as_str();
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}"
        );
        assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{name}\""));
        assert!(
            code.severity().is_some() && code.origin().is_some(),
            "{code}"
        );
    }
}

#[test]
fn the_readme_lists_every_code_with_its_severity_and_origin() {
    let readme = include_str!("../README.md");
    // The table of the "Diagnostics" section (other sections have code tables of their own).
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Diagnostics"))
        .expect("a Diagnostics section");
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches('|').count() == 5)
        .collect();
    let listed: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter_map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let code = cells[1].strip_prefix('`')?.strip_suffix('`')?;
            Some((code, cells[2], cells[3]))
        })
        .filter(|(_, severity, _)| ["info", "warning", "error"].contains(severity))
        .collect();
    let codes: Vec<(String, String, String)> = Code::ALL
        .iter()
        .map(|c| {
            (
                c.to_string(),
                c.severity().unwrap().to_string(),
                c.origin().unwrap().to_string(),
            )
        })
        .collect();
    let codes: Vec<(&str, &str, &str)> = codes
        .iter()
        .map(|(c, s, o)| (c.as_str(), s.as_str(), o.as_str()))
        .collect();
    assert_eq!(listed, codes);
}

#[test]
fn unbalanced_brackets_in_a_structured_cell_are_reported() {
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保\t1\t甲\t身份证）\t即时办结（\n"
    ));
    let document = parsed(&text);
    assert_eq!(
        findings(&document),
        [
            "3:13 unbalanced_brackets: the 办理材料 cell at line 3 has a “）” at column 13 that closes nothing",
            "3:19 unbalanced_brackets: the 办理时限 cell at line 3 has a “（” at column 19 that is never closed",
        ]
    );
    // The cell is still parsed: the stray bracket does not hide the deadline.
    assert_eq!(
        document.categories[0].matters[0].deadline.max_working_days,
        Some(0)
    );
    // Full- and half-width forms pair with each other; names are not structured cells.
    let text = padded(&format!(
        "清单\n{HEADER}\n一、参保（\t1\t甲（\t身份证（原件)\n"
    ));
    assert!(parsed(&text).diagnostics.is_empty());
}
