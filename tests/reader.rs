//! `Reader`: a list read one category at a time gives what `parse` gives; a category is given
//! only once complete (a 主项 split by a page break comes out joined), the findings that need
//! the whole list come with `finish`, and a text that holds no list fails the iteration and
//! `finish` alike.

mod common;

use shixiang::{parse, parse_with, Category, Code, Document, ErrorKind, ParseOptions, Reader};

const HEADER: &str = "主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据";

/// A list with the standard header, from lines given as cells; an empty line is a page break
/// that repeats the header.
fn list(lines: &[&[&str]]) -> String {
    let mut text = format!("测试市医疗保障经办政务服务事项清单\n{HEADER}\n");
    for cells in lines {
        if cells.is_empty() {
            text.push_str(&format!("\n{HEADER}\n"));
        } else {
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

fn row<'a>(category: &'a str, seq: &'a str, name: &'a str, basis: &'a str) -> [&'a str; 9] {
    [
        category,
        seq,
        name,
        "身份证",
        "即时办结",
        "受理",
        "窗口办理",
        "",
        basis,
    ]
}

/// Every category from the iteration, then the rest from `finish`.
fn read_by_category(text: &str) -> (Vec<Category>, Document) {
    let mut reader = Reader::new(text);
    let categories = reader
        .by_ref()
        .collect::<Result<Vec<_>, _>>()
        .expect("a list");
    (categories, reader.finish().expect("a list"))
}

#[test]
fn the_seed_lists_read_by_category_as_parse_reads_them() {
    for name in ["yantai.tsv", "shandong-2023.tsv"] {
        let path = format!("{}/fixtures/valid/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).expect("the seed list");
        let whole = shixiang::parse(&bytes).expect("a list");

        let options = shixiang::ParseOptions::new();
        let decoded = shixiang::decode(&bytes, &options).expect("UTF-8");
        let mut reader = Reader::from_decoded(&decoded, &options);
        let categories: Vec<Category> = reader.by_ref().map(|c| c.expect("a list")).collect();
        let mut rest = reader.finish().expect("a list");
        assert!(rest.categories.is_empty());
        assert_eq!(categories.len(), whole.categories.len(), "{name}");
        rest.categories = categories;
        assert_eq!(rest, whole, "{name}");
    }
}

#[test]
fn a_category_split_by_a_page_break_is_given_once_joined() {
    let text = list(&[
        &row("一、基本医", "1", "甲", ""),
        &[],
        &row("一、基本医疗保险登记", "2", "乙", ""),
        &row("二、待遇", "1", "丙", ""),
    ]);
    let (categories, rest) = read_by_category(&text);
    let names: Vec<(&str, usize)> = categories
        .iter()
        .map(|c| (c.name.as_str(), c.matters.len()))
        .collect();
    assert_eq!(names, [("基本医疗保险登记", 2), ("待遇", 1)]);
    assert_eq!(
        rest.diagnostics
            .iter()
            .map(|d| d.code.clone())
            .collect::<Vec<_>>(),
        [Code::CategoryJoined]
    );
}

#[test]
fn finish_gives_the_categories_not_taken() {
    let text = list(&[
        &row("一、甲", "1", "子一", ""),
        &row("二、乙", "1", "子二", ""),
        &row("三、丙", "1", "子三", ""),
    ]);
    let mut reader = Reader::new(&text);
    let first = reader.next().expect("a category").expect("a list");
    assert_eq!(first.name, "甲");
    let rest = reader.finish().expect("a list");
    let names: Vec<&str> = rest.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["乙", "丙"]);
    assert_eq!(
        rest.title.as_deref(),
        Some("测试市医疗保障经办政务服务事项清单")
    );
}

#[test]
fn title_and_columns_are_known_by_the_first_category() {
    let text = list(&[&row("一、甲", "1", "子一", "")]);
    let mut reader = Reader::new(&text);
    assert_eq!(
        (reader.title(), reader.columns().len()),
        (None, 0),
        "nothing read yet"
    );
    reader.next().expect("a category").expect("a list");
    assert_eq!(reader.title(), Some("测试市医疗保障经办政务服务事项清单"));
    assert_eq!(reader.columns().join("|"), HEADER.replace('\t', "|"));
}

#[test]
fn findings_across_the_list_come_with_finish_for_categories_already_taken() {
    let law = "《中华人民共和国社会保险法》（主席令第35号）";
    let other = "《中华人民共和国社会保险法》（主席令第36号）";
    let text = list(&[
        &row("一、甲", "1", "子一", other),
        &row("二、乙", "1", "子二", law),
        &row("", "2", "子三", law),
        &row("丙", "1", "子四", ""),
    ]);
    let (categories, rest) = read_by_category(&text);
    assert_eq!(categories.len(), 3);
    assert_eq!(
        common::findings(&rest),
        [
            "3:43 conflicting_document_number: 《中华人民共和国社会保险法》 is cited at line 3 as 主席令第36号 but as 主席令第35号 2 times elsewhere",
            "6:1 category_without_number: category “丙” at line 6 has no numeral while the others are numbered",
        ]
    );
    assert_eq!(rest.diagnostics, parse(&text).expect("a list").diagnostics);
}

#[test]
fn a_text_without_a_list_fails_the_iteration_once_and_finish() {
    for (text, kind) in [
        ("", ErrorKind::Empty),
        ("\n  \n", ErrorKind::Empty),
        ("标题\n甲\t乙\n", ErrorKind::NoHeader),
    ] {
        let mut reader = Reader::new(text);
        let error = reader.next().expect("an error").expect_err("no categories");
        assert_eq!(*error.kind(), kind, "{text:?}");
        assert!(reader.next().is_none(), "{text:?}");
        assert_eq!(reader.finish(), Err(error), "{text:?}");
    }
}

#[test]
fn a_header_without_rows_gives_no_category() {
    let text = list(&[]);
    let (categories, rest) = read_by_category(&text);
    assert!(categories.is_empty());
    assert_eq!(
        rest.diagnostics
            .iter()
            .map(|d| d.code.clone())
            .collect::<Vec<_>>(),
        [Code::EmptyTable]
    );
}

#[test]
fn strict_mode_fails_finish_with_the_first_finding_of_the_list() {
    // The first finding by position (line 3) is only made at the end of the list.
    let text = list(&[
        &row("一、甲", "1", "子一", "《法》（主席令第36号）"),
        &row("", "1", "子二", "《法》（主席令第35号）"),
        &row("二、乙", "1", "子三", "《法》（主席令第35号）"),
    ]);
    let strict = ParseOptions::new().strict(true);
    let mut reader = Reader::with_options(&text, &strict);
    let categories: Vec<_> = reader.by_ref().collect();
    assert_eq!(
        categories.len(),
        2,
        "the iteration does not stop for strict mode"
    );
    assert!(categories.iter().all(Result::is_ok));
    let error = reader.finish().expect_err("strict");
    assert_eq!(Err(error.clone()), parse_with(&text, &strict));
    assert_eq!((error.line(), error.column()), (3, 32));
    assert!(matches!(
        error.kind(),
        ErrorKind::Strict(d) if d.code == Code::ConflictingDocumentNumber
    ));
}

#[test]
fn a_workbook_is_read_whole_not_by_an_owned_reader() {
    let error = shixiang::OwnedReader::new(&b"PK\x03\x04 not much of a zip"[..]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1, column 1: the input is a spreadsheet workbook, which an OwnedReader does not read: read it with shixiang::parse"
    );
}
