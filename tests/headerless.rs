//! Lists whose header is not a row of known names (issue 14, real lists): a table with no
//! header row at all (its columns inferred from what the cells hold, `header_inferred`), a
//! header in traditional characters, a 办事指南 without name column named by its title, and a
//! two-row header with three matter levels over rows that fill two.

mod common;

use common::{findings, matters, parsed};

use shixiang::{parse, Code, Document, ErrorKind};

fn codes(document: &Document) -> Vec<Code> {
    document
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .collect()
}

fn rows(rows: &[&[&str]]) -> String {
    rows.iter().map(|r| r.join("\t") + "\n").collect()
}

const BASIS_1: &str = "1.《中华人民共和国社会保险法》(主席令第35号)第五十七条 2.《社会保险登记管理暂行办法》(劳动部令第1号)";
const BASIS_2: &str = "《社会保险费征缴暂行条例》(国务院令第259号)第七条";

#[test]
fn a_list_without_header_row_has_its_columns_inferred() {
    // 序号, name, deadline, materials, citations, steps, channels: another order than the
    // Fujian fixture's, under a title.
    let text = format!(
        "某县医疗保障局政务服务事项清单\n{}",
        rows(&[
            &[
                "1",
                "单位参保登记",
                "即时办结",
                "1.参保登记表 2.营业执照副本",
                BASIS_1,
                "申请—受理—办结",
                "1.现场办理 2.网上办理"
            ],
            &[
                "2",
                "单位信息变更",
                "5个工作日",
                "变更申请表或变更证明",
                "",
                "申请—受理—审核—办结",
                "现场办理、邮寄办理"
            ],
            &[
                "3",
                "单位注销登记",
                "10个工作日内办结",
                "无",
                BASIS_2,
                "申请—受理—决定",
                "网上办理"
            ],
        ])
    );
    let document = parsed(&text);
    assert_eq!(
        document.title.as_deref(),
        Some("某县医疗保障局政务服务事项清单")
    );
    assert!(document.preamble.is_empty(), "{:?}", document.preamble);
    assert_eq!(
        document.columns,
        [
            "子项序号",
            "子项",
            "办理时限",
            "办理材料",
            "设定依据",
            "办理环节",
            "办理方式"
        ]
    );
    let found = findings(&document);
    assert!(
        found[0].starts_with("2:1 header_inferred: no header row found; the columns of the rows at lines 2 to 4 are inferred from what their cells hold: column 1 as 子项序号 (3 of 3 cells), column 2 as 子项 (3 of 3 cells)"),
        "{found:?}"
    );
    assert!(codes(&document).contains(&Code::CategoryInferred));
    let matters = matters(&document);
    assert_eq!(matters.len(), 3);
    assert_eq!(matters[0].seq, Some(1));
    assert_eq!(matters[0].name, "单位参保登记");
    assert_eq!(matters[1].deadline.max_working_days, Some(5));
    assert_eq!(matters[0].legal_basis.citations.len(), 2);
    assert_eq!(
        matters[2].legal_basis.citations[0].title,
        "社会保险费征缴暂行条例"
    );
    assert_eq!(matters[0].steps.steps, ["申请", "受理", "办结"]);
    assert_eq!(matters[1].channels.modes.len(), 2);
    let items: usize = matters[0]
        .materials
        .groups
        .iter()
        .map(|g| g.items.len())
        .sum();
    assert_eq!(items, 2);
}

#[test]
fn a_headerless_list_with_codes_and_unknown_columns_keeps_them_in_extra() {
    // name, code, an unknown column, steps, deadline; no 序号.
    let text = rows(&[
        &[
            "出具参保凭证",
            "002036003001",
            "县医保中心",
            "受理—审查—决定",
            "即时办结",
        ],
        &[
            "转出手续办理",
            "002036003002",
            "县医保中心",
            "受理—审查—决定(拨付)",
            "8个工作日内办理",
        ],
    ]);
    let document = parsed(&text);
    assert_eq!(
        document.columns,
        ["子项", "子项编码", "", "办理环节", "办理时限"]
    );
    let matters = matters(&document);
    assert_eq!(matters.len(), 2);
    assert_eq!(matters[1].name, "转出手续办理");
    assert_eq!(matters[1].code.as_deref(), Some("002036003002"));
    assert_eq!(matters[0].extra["column 3"], "县医保中心");
    assert_eq!(matters[1].deadline.max_working_days, Some(8));
    assert_eq!(document.diagnostics[0].code, Code::HeaderInferred);
}

#[test]
fn a_long_headerless_list_is_read_past_the_rows_looked_at() {
    let mut lines = Vec::new();
    for i in 1..=45 {
        lines.push(format!(
            "{i}\t事项{i}\t{}个工作日\t申请—受理—办结\t1.申请表 2.身份证",
            i % 9 + 1
        ));
    }
    let text = lines.join("\n") + "\n";
    let document = parsed(&text);
    let matters = matters(&document);
    assert_eq!(matters.len(), 45);
    assert_eq!(matters[44].name, "事项45");
    assert_eq!(matters[44].seq, Some(45));
    let inferred = codes(&document)
        .iter()
        .filter(|&c| *c == Code::HeaderInferred)
        .count();
    assert_eq!(inferred, 1);
    assert!(!codes(&document).contains(&Code::RowBeforeHeader));
}

#[test]
fn rows_that_do_not_read_as_a_list_are_still_rejected() {
    for text in [
        // Prose and names: nothing a list's column holds.
        "张三\t男\t北京市\n李四\t女\t上海市\n王五\t男\t广州市\n".to_owned(),
        // A name and one other kind of column only.
        rows(&[
            &["单位参保登记", "即时办结", "甲"],
            &["单位注销登记", "5个工作日", "乙"],
        ]),
        // Rows of different widths.
        rows(&[
            &[
                "单位参保登记",
                "即时办结",
                "身份证或户口簿",
                "申请—受理—办结",
            ],
            &["单位注销登记", "5个工作日", "身份证或户口簿"],
        ]),
        // One row is no evidence.
        rows(&[&[
            "单位参保登记",
            "即时办结",
            "身份证或户口簿",
            "申请—受理—办结",
        ]]),
        // The first column holds no names.
        rows(&[
            &["即时办结", "1.申请表 2.身份证", "申请—受理—办结"],
            &["5个工作日", "1.申请表 2.户口簿", "申请—受理—办结"],
        ]),
        // Numbers and telephone numbers.
        rows(&[&["1", "2", "0632-7710662"], &["3", "4", "0632-7710663"]]),
    ] {
        let error = parse(&text).unwrap_err();
        assert_eq!(*error.kind(), ErrorKind::NoHeader, "{text}");
    }
}

#[test]
fn rows_before_a_header_row_are_not_read_as_a_table() {
    let text = format!(
        "清单\n{}子项\t办理材料\t办理时限\n甲\t无\t即时办结\n",
        rows(&[
            &[
                "单位参保登记",
                "即时办结",
                "身份证或户口簿",
                "申请—受理—办结"
            ],
            &[
                "单位注销登记",
                "5个工作日",
                "身份证或户口簿",
                "申请—受理—办结"
            ],
        ])
    );
    let document = parsed(&text);
    assert_eq!(
        codes(&document)[..2],
        [Code::RowBeforeHeader, Code::RowBeforeHeader]
    );
    assert_eq!(document.preamble.len(), 2);
    assert_eq!(matters(&document).len(), 1);
}

#[test]
fn a_header_in_traditional_characters_names_its_columns() {
    let text = "執法事項清單\n序號\t執法事項名稱\t執法類別\t執法依據\t責任機構\n1\t對用人單位的處罰\t行政處罰\t《中華人民共和國社會保險法》(中華人民共和國主席令第25號)第八十四條\t監督股\n";
    let document = parsed(text);
    assert_eq!(document.columns[1], "執法事項名稱");
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(matter.name, "對用人單位的處罰");
    assert_eq!(category.name, "行政處罰");
    assert_eq!(matter.kind.as_deref(), Some("行政處罰"));
    assert_eq!(matter.extra["責任機構"], "監督股");
    // Read as simplified, as every citation in traditional characters is.
    assert_eq!(
        matter.legal_basis.citations[0].title,
        "中华人民共和国社会保险法"
    );
}

#[test]
fn a_guide_without_name_column_is_named_by_its_title() {
    let text = "办理社会保障卡补发手续\n政策依据\t办理对象\t所需材料\t办理流程\t办结时限\t咨询查询\n《社会保障卡管理办法》(沪人社规〔2020〕1号)\t参保人员\t1.身份证 2.申请表\t受理—审核—办结\t5个工作日\t电话:12345\n";
    let document = parsed(text);
    let matters = matters(&document);
    assert_eq!(matters.len(), 1);
    assert_eq!(matters[0].name, "办理社会保障卡补发手续");
    assert_eq!(matters[0].deadline.max_working_days, Some(5));
    assert_eq!(matters[0].target.as_deref(), Some("参保人员"));
    assert!(findings(&document).contains(
        &"2:1 missing_column: the header at line 2 has no 子项 column; its row is read as one 办事指南, named by the title 办理社会保障卡补发手续".to_owned()
    ));
    // Three known columns are not enough, nor is a guide without a title line.
    for text in [
        "办理社会保障卡补发手续\n政策依据\t办理对象\t所需材料\t咨询查询\n甲\t乙\t丙\t丁\n",
        "政策依据\t办理对象\t所需材料\t办理流程\t办结时限\n甲\t乙\t丙\t丁\t戊\n",
    ] {
        assert_eq!(
            *parse(text).unwrap_err().kind(),
            ErrorKind::NoHeader,
            "{text}"
        );
    }
}

#[test]
fn rows_that_fill_two_of_three_matter_levels_are_read_so() {
    // The third level is blank in the source and the extraction put its cell at the row's end.
    let text = "标准目录\n序号\t公开事项\t公开内容\t公开依据\t公开时限\t公开主体\n一级事项\t二级事项\t三级事项\n1\t社会保险登记\t单位参保登记\t1.事项名称 2.办理材料\t《中华人民共和国社会保险法》(主席令第35号)\t信息形成之日起20个工作日内\t县人社局\t\n";
    let document = parsed(text);
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(category.name, "社会保险登记");
    assert_eq!(matter.name, "单位参保登记");
    assert_eq!(matter.legal_basis.citations.len(), 1);
    assert_eq!(matter.authority.as_deref(), Some("县人社局"));
    assert!(codes(&document).contains(&Code::HeaderSpansGuessed));
    // Rows that fill the three levels are read as the header says.
    let full = "标准目录\n序号\t公开事项\t公开内容\t公开依据\t公开时限\n一级事项\t二级事项\t三级事项\n1\t户籍\t登记\t出生登记\t办理材料\t《户口登记条例》\t20个工作日\n";
    let document = parsed(full);
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(category.name, "户籍");
    assert_eq!(matter.name, "出生登记");
    assert!(!codes(&document).contains(&Code::HeaderSpansGuessed));
}

#[test]
fn title_lines_and_rows_without_header_take_linear_time() {
    // 40 000 title-like lines, each followed by a row of cells, and no header: each row asked
    // whether a title line can name a guide, and no header inferred (the rows' first column
    // holds no names).
    let mut text = String::new();
    for i in 0..40_000 {
        text.push_str(&format!("某市清单第{i}页\n{i}\t{i}\t{i}\n"));
    }
    let started = std::time::Instant::now();
    let error = parse(&text).unwrap_err();
    let took = started.elapsed();
    assert_eq!(*error.kind(), ErrorKind::NoHeader);
    assert!(took.as_secs() < 30, "{took:?}");
}
