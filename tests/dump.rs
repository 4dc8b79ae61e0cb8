//! The `dump` example as a user runs it: formats, input, diagnostics on stderr, exit codes.
//! (`cargo test` builds the examples before it runs the tests.)

mod common;

use common::dump;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn no_argument_dumps_the_embedded_list_as_an_outline() {
    let output = dump(&[], "");
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("山东省医疗保障经办政务服务事项清单（2023版）")
    );
    assert_eq!(lines.next(), Some("region: 山东省, edition: 2023版"));
    assert!(stdout
        .contains("\n一、基本医疗保险参保和变更登记 (lines 6-15)\n  1. 单位参保登记 — 即时办结\n"));
    assert!(stdout.contains("\n十二、长期护理保险待遇申请 (lines 57-57)\n"));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with(
        "fixtures/valid/shandong-2023.tsv:12:1: info[category_repeated]: 主项 “一、基本医疗保险参保和变更登记” at line 12"
    ));
}

#[test]
fn json_is_the_whole_document() {
    let output = dump(&["--format", "json", "fixtures/valid/yantai.tsv"], "");
    assert_eq!(output.status.code(), Some(0));
    let document: shixiang::Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document.categories.len(), 11);
    assert_eq!(document.matters().count(), 32);
    assert_eq!(document.schema_version, 2);
    let stderr = text(&output.stderr);
    assert!(stderr.contains(
        "fixtures/valid/yantai.tsv:29:22: warning[matter_number_missing]: matter number 20 is missing between 19 and 21\n"
    ));
}

#[test]
fn jsonl_is_one_matter_per_line_with_its_category() {
    let output = dump(&["--format=jsonl", "fixtures/valid/shandong-2023.tsv"], "");
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 28);
    assert_eq!(
        lines[0]["title"],
        "山东省医疗保障经办政务服务事项清单（2023版）"
    );
    assert_eq!(lines[0]["category_ordinal"], 1);
    assert_eq!(lines[0]["category_name"], "基本医疗保险参保和变更登记");
    assert_eq!(lines[0]["seq"], 1);
    assert_eq!(lines[0]["name"], "单位参保登记");
    assert_eq!(lines[27]["category_ordinal"], 12);
    assert_eq!(lines[27]["seq"], 28);
}

#[test]
fn summary_counts() {
    let output = dump(
        &["--format", "summary", "-"],
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/valid/yantai.tsv"
        ))
        .unwrap(),
    );
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("categories: 11\nmatters: 32\ndiagnostics: 0 errors, "),
        "{stdout}"
    );
    assert!(text(&output.stderr).starts_with("<stdin>:"));
}

#[test]
fn no_list_exits_1_with_the_position() {
    let output = dump(&["-"], "只有标题\n");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "<stdin>:1:1: error: no header row found (a row naming columns such as 子项 and 办理材料)\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn summary_and_jsonl_of_one_list_read_it_by_category_with_the_same_outcome() {
    // One file is read one category at a time; two are parsed whole: the lines agree.
    let one = dump(&["--format", "jsonl", "fixtures/valid/yantai.tsv"], "");
    let two = dump(
        &[
            "--format",
            "jsonl",
            "fixtures/valid/yantai.tsv",
            "fixtures/valid/yantai.tsv",
        ],
        "",
    );
    assert_eq!(one.status.code(), Some(0));
    let lines = text(&one.stdout);
    assert_eq!(lines.lines().count(), 32);
    assert_eq!(text(&two.stdout), lines.repeat(2));
    assert_eq!(text(&two.stderr), text(&one.stderr).repeat(2));
    for format in ["jsonl", "summary"] {
        let output = dump(&["--format", format, "-"], "只有标题\n");
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert_eq!(
            text(&output.stderr),
            "<stdin>:1:1: error: no header row found (a row naming columns such as 子项 and 办理材料)\n"
        );
        assert!(output.stdout.is_empty(), "{format}");
    }
    // Strict mode holds the list: nothing is written when it has a warning.
    let strict = dump(
        &["--format", "jsonl", "--strict", "fixtures/valid/yantai.tsv"],
        "",
    );
    assert_eq!(strict.status.code(), Some(1));
    assert!(strict.stdout.is_empty());
}

#[test]
fn strict_exits_1_on_the_first_warning() {
    let list = "清单\n主项\t子项序号\t子项\n一、甲\t1\ta\n\t3\tb\n";
    let output = dump(&["--strict", "-"], list);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "<stdin>:4:2: warning[matter_number_missing]: matter number 2 is missing between 1 and 3\n"
    );
    assert!(output.stdout.is_empty());
    // Without --strict the same list is dumped, with the finding on stderr.
    assert_eq!(dump(&["-"], list).status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for (args, reason) in [
        (
            &["--format", "xml"][..],
            "dump: unknown format \"xml\" (expected outline, json, jsonl, summary or csv)",
        ),
        (&["--format"][..], "dump: --format needs a value"),
        (&["--bogus"][..], "dump: unknown option --bogus"),
        (
            &["no/such/file.tsv"][..],
            "dump: cannot read no/such/file.tsv: ",
        ),
    ] {
        let output = dump(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).starts_with(reason),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}
