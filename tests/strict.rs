//! Strict mode: the first warning or error finding becomes the `Err`, with its position and
//! message; infos do not trip it.

use shixiang::{Code, ErrorKind, ParseOptions, Position, Severity};

const HEADER: &str = "主项\t子项序号\t子项\t办理材料\t办理时限";

fn strict(text: &str) -> Result<shixiang::Document, shixiang::Error> {
    shixiang::parse_with(text, &ParseOptions::new().strict(true))
}

#[test]
fn the_first_warning_becomes_the_error_with_its_position_and_message() {
    // Two warnings: matter 2 missing (line 4), then a short row (line 5).
    let text = format!(
        "某市清单\n{HEADER}\n一、参保登记\t1\t单位参保登记\t无\t即时办结\n\t3\t职工参保登记\t无\t即时办结\n\t4\t灵活就业\n"
    );
    let lenient = shixiang::parse(&text).unwrap();
    let codes: Vec<Code> = lenient.diagnostics.iter().map(|d| d.code.clone()).collect();
    assert_eq!(codes, [Code::MatterNumberMissing, Code::RowTooShort]);

    let error = strict(&text).unwrap_err();
    // Line 4, column 2: the `3`, after the title, the header, line 3 and a tab.
    let offset = text.find("\t3\t").unwrap() + 1;
    assert_eq!(error.position(), Position::new(4, 2).with_offset(offset));
    let ErrorKind::Strict(first) = error.kind() else {
        panic!("not a strict error: {error}")
    };
    assert_eq!(first.code, Code::MatterNumberMissing);
    assert_eq!(first.severity, Severity::Warning);
    assert_eq!(first.message, "matter number 2 is missing between 1 and 3");
    assert_eq!(
        error.to_string(),
        "line 4, column 2: warning[matter_number_missing]: matter number 2 is missing between 1 and 3"
    );
}

#[test]
fn infos_do_not_trip_strict_mode() {
    // A category split by a page break and joined again, and a continued row: infos only.
    let text = format!(
        "某市清单\n{HEADER}\n十、医药机\t1\t定点申请\t1.申请表\t即时办结\n\n机构申请定点协议管理\t\t\t2.营业执照\t\n"
    );
    let lenient = shixiang::parse(&text).unwrap();
    assert!(!lenient.diagnostics.is_empty());
    assert!(lenient
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Info));
    assert_eq!(strict(&text).unwrap(), lenient);
}

#[test]
fn a_clean_list_passes_strict_mode() {
    let text = format!("某市清单\n{HEADER}\n一、参保登记\t1\t单位参保登记\t无\t即时办结\n");
    let document = strict(&text).unwrap();
    assert!(document.diagnostics.is_empty());
}

#[test]
fn strict_mode_keeps_the_errors_of_lenient_mode() {
    let error = strict("").unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Empty);
    let error = shixiang::parse_with(b"a\n\xFF", &ParseOptions::new().strict(true)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, column 1: invalid UTF-8 at byte 2"
    );
}

#[test]
fn the_new_robustness_codes_say_what_and_where() {
    let text =
        "某市清单\n主项\t主项编码\t子项序号\t子项\t办理材料\n一、参保\tA1\t1\t单\0位\t无\n\tB2\t2\t职工\t无\n";
    let document = shixiang::parse(text).unwrap();
    let found: Vec<(Code, usize, usize, &str)> = document
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Code::ControlCharacter,
                3,
                12,
                "line 3 holds the control character U+0000 at column 12; it is kept in the text"
            ),
            (
                Code::CategoryCodeConflict,
                4,
                2,
                "主项编码 “B2” at line 4 differs from “A1” of the category open since line 3; it is kept under `extra`"
            ),
        ]
    );
    let matter = &document.categories[0].matters[1];
    assert_eq!(matter.extra.get("主项编码").map(String::as_str), Some("B2"));

    let empty = shixiang::parse(&format!("某市清单\n{HEADER}\n")).unwrap();
    assert_eq!(empty.diagnostics.len(), 1);
    assert_eq!(empty.diagnostics[0].code, Code::EmptyTable);
    assert_eq!(
        empty.diagnostics[0].message,
        "the header row at line 2 is followed by no data row"
    );
    assert_eq!(empty.diagnostics[0].position(), Position::new(2, 1));
}

#[test]
fn a_later_header_that_differs_is_kept_in_other_columns() {
    let text = format!("某市清单\n{HEADER}\n一、参保\t1\t单位\t无\t即时办结\n序号\t事项名称\t办理层级\n2\t职工\t市级\n");
    let document = shixiang::parse(&text).unwrap();
    assert_eq!(
        document.other_columns,
        [vec!["序号", "事项名称", "办理层级"]]
    );
    assert_eq!(document.diagnostics[0].code, Code::HeaderMismatch);
    assert_eq!(
        document.diagnostics[0].message,
        "the header row at line 4 differs from the first one (序号 | 事项名称 | 办理层级); the rows after it are read by it"
    );
}

// --- origins: strict mode fails on the source's findings, not on the parser's limits ---

use shixiang::{Origin, Strictness};

const SHANDONG: &str = include_str!("../fixtures/valid/shandong-2023.tsv");
const YANTAI: &str = include_str!("../fixtures/valid/yantai.tsv");

fn parse_strictly(
    text: &str,
    strictness: Strictness,
) -> Result<shixiang::Document, shixiang::Error> {
    shixiang::parse_with(text, &ParseOptions::new().strictness(strictness))
}

#[test]
fn shandong_with_its_citation_corrected_passes_source_strictness() {
    // The seed cites the social insurance law once as 主席令第36号 and elsewhere as 第35号: a
    // real error of the list, which strict mode catches.
    assert_eq!(SHANDONG.matches("主席令第36号").count(), 1);
    let error = parse_strictly(SHANDONG, Strictness::Source).unwrap_err();
    let ErrorKind::Strict(first) = error.kind() else {
        panic!("not a strict error: {error}")
    };
    assert_eq!(first.code, Code::ConflictingDocumentNumber);
    assert_eq!(first.origin, Origin::Source);

    // Corrected, what is left are the parser's limits (materials it could not structure) and
    // infos: strictness `source` passes, `all` fails on the first of them.
    let corrected = SHANDONG.replace("主席令第36号", "主席令第35号");
    let document = parse_strictly(&corrected, Strictness::Source).unwrap();
    assert!(document
        .diagnostics
        .iter()
        .any(|d| d.code == Code::MaterialsUnparsed && d.origin == Origin::Parser));
    assert!(document
        .diagnostics
        .iter()
        .all(|d| d.origin == Origin::Parser || d.severity == Severity::Info));
    assert_eq!(document, shixiang::parse(&corrected).unwrap());

    let error = parse_strictly(&corrected, Strictness::All).unwrap_err();
    let ErrorKind::Strict(first) = error.kind() else {
        panic!("not a strict error: {error}")
    };
    assert_eq!(first.code, Code::MaterialsUnparsed);
    assert_eq!(first.origin, Origin::Parser);
    assert_eq!(
        error.to_string(),
        format!(
            "line {}, column {}: warning[materials_unparsed]: {}",
            first.line, first.column, first.message
        )
    );
}

#[test]
fn yantai_fails_source_strictness_on_its_misnumbered_category() {
    // Yantai's first finding of the source is its second category numbered 一、 again; its
    // parser findings (materials, deadlines) before it do not count.
    let error = parse_strictly(YANTAI, Strictness::Source).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 13, column 1: warning[category_misnumbered]: category “一、基本医疗保险关系转移接续” at line 13 is numbered 1 where 2 belongs"
    );
    let ErrorKind::Strict(first) = error.kind() else {
        panic!("not a strict error: {error}")
    };
    assert_eq!(first.origin, Origin::Source);
    // `strict(true)` is strictness `source`.
    let same = shixiang::parse_with(YANTAI, &ParseOptions::new().strict(true)).unwrap_err();
    assert_eq!(same, error);
    // With strictness `all` the first finding of either origin fails it: the same one, as
    // Yantai's first parser finding (a materials item kept whole) comes later, at line 35.
    let all = parse_strictly(YANTAI, Strictness::All).unwrap_err();
    let ErrorKind::Strict(first) = all.kind() else {
        panic!("not a strict error: {all}")
    };
    assert_eq!(first.origin, Origin::Source);
    assert_eq!(all, error);
    let document = shixiang::parse(YANTAI).unwrap();
    let parser = document
        .diagnostics
        .iter()
        .find(|d| d.origin == Origin::Parser)
        .unwrap();
    assert_eq!(
        (parser.line, parser.code.as_str()),
        (35, "materials_unparsed")
    );
}

#[test]
fn parser_codes_are_the_unparsed_and_partial_ones() {
    let parser: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| c.origin() == Some(Origin::Parser))
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        parser,
        [
            "deadline_unparsed",
            "materials_unparsed",
            "citation_unparsed",
            "deadline_partial",
            "steps_partial",
            "channels_partial",
            "notes_partial",
            "materials_partial",
            "citations_partial",
            "fee_unparsed",
        ]
    );
    for code in [
        Code::CategoryMisnumbered,
        Code::MatterNumberMissing,
        Code::ConflictingDocumentNumber,
        Code::InvalidBytes,
        Code::UnbalancedBrackets,
        Code::HeaderMismatch,
        Code::LegalBasisWithoutCitation,
    ] {
        assert_eq!(code.origin(), Some(Origin::Source), "{code}");
    }
}

#[test]
fn strictness_origin_and_code_names_read_back() {
    for strictness in [Strictness::Off, Strictness::Source, Strictness::All] {
        assert_eq!(strictness.to_string().parse::<Strictness>(), Ok(strictness));
    }
    assert_eq!(Strictness::default(), Strictness::Off);
    for origin in [Origin::Source, Origin::Parser] {
        assert_eq!(origin.as_str().parse::<Origin>(), Ok(origin));
    }
    for code in Code::ALL {
        assert_eq!(code.to_string().parse::<Code>().as_ref(), Ok(code));
    }
    assert_eq!(
        "strict".parse::<Strictness>().unwrap_err().to_string(),
        "unknown strictness “strict”"
    );
    assert_eq!(
        "list".parse::<Origin>().unwrap_err().to_string(),
        "unknown origin “list”"
    );
}

#[test]
fn a_diagnostic_carries_its_origin_in_json_and_old_json_reads_with_the_codes() {
    let document = shixiang::parse(YANTAI).unwrap();
    let first = &document.diagnostics[0];
    let json = serde_json::to_value(first).unwrap();
    assert_eq!(json["origin"], first.code.origin().unwrap().as_str());
    let text = serde_json::to_string(first).unwrap();
    assert_eq!(
        text,
        format!(
            r#"{{"code":"{}","severity":"warning","line":{},"column":{},"offset":{},"message":{},"origin":"{}","matter_line":null}}"#,
            first.code,
            first.line,
            first.column,
            first.offset.unwrap(),
            serde_json::to_string(&first.message).unwrap(),
            first.origin
        )
    );

    // JSON of schema_version 1 has no `origin`: it is the code's.
    let old =
        r#"{"code":"materials_unparsed","severity":"warning","line":3,"column":4,"message":"m"}"#;
    let read: shixiang::Diagnostic = serde_json::from_str(old).unwrap();
    assert_eq!(read.origin, Origin::Parser);
    assert_eq!((read.matter_line, read.offset), (None, None));
    let old = old.replace("materials_unparsed", "matter_number_missing");
    let read: shixiang::Diagnostic = serde_json::from_str(&old).unwrap();
    assert_eq!(read.origin, Origin::Source);
}
