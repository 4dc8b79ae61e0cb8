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
    let codes: Vec<Code> = lenient.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MatterNumberMissing, Code::RowTooShort]);

    let error = strict(&text).unwrap_err();
    assert_eq!(error.position(), Position { line: 4, column: 2 });
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
    let error =
        shixiang::parse_bytes_with(b"a\n\xFF", &ParseOptions::new().strict(true)).unwrap_err();
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
        .map(|d| (d.code, d.line, d.column, d.message.as_str()))
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
    assert_eq!(
        empty.diagnostics[0].position(),
        Position { line: 2, column: 1 }
    );
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
