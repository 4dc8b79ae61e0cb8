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
fn strict_fails_on_the_source_and_strict_all_on_the_parser_too() {
    // A 是否收费 cell the parser cannot read: a finding of origin `parser`.
    let list = "清单\n主项\t子项序号\t子项\t是否收费\n一、甲\t1\ta\t视情况\n";
    let lenient = dump(&["-"], list);
    assert_eq!(lenient.status.code(), Some(0));
    let strict = dump(&["--strict", "-"], list);
    assert_eq!(strict.status.code(), Some(0));
    assert_eq!(strict.stdout, lenient.stdout);
    assert_eq!(strict.stderr, lenient.stderr);
    let all = dump(&["--strict=all", "-"], list);
    assert_eq!(all.status.code(), Some(1));
    assert!(all.stdout.is_empty());
    assert_eq!(
        text(&all.stderr),
        "<stdin>:3:9: warning[fee_unparsed]: the 是否收费 cell at line 3 reads “视情况”, neither yes (是, 收费) nor no (否, 不收费, 免费, 无); `fee.charged` is left empty\n"
    );
}

/// `dump` with `args` exits 2, and its stderr starts with `reason`.
fn assert_usage_error(args: &[&str], reason: &str) {
    let output = dump(args, "");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(
        text(&output.stderr).starts_with(reason),
        "{args:?}: {}",
        text(&output.stderr)
    );
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for (args, reason) in [
        (
            &["--format", "xml"][..],
            "dump: unknown format \"xml\" (expected outline, json, jsonl, summary, csv or parquet)",
        ),
        (&["--format"][..], "dump: --format needs a value"),
        (&["--bogus"][..], "dump: unknown option --bogus"),
        (
            &["no/such/file.tsv"][..],
            "dump: cannot read no/such/file.tsv: ",
        ),
    ] {
        assert_usage_error(args, reason);
    }
}

/// A file in the temporary folder holding `bytes`, named for this test run.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("shixiang-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

const SMALL_LIST: &str =
    "某市清单\n主项\t子项序号\t子项\t办理材料\n一、参保登记\t1\t单位参保登记\t营业执照\n";

#[test]
fn encoding_and_delimiter_flags_force_what_is_detected_otherwise() {
    let semicolons = SMALL_LIST.replace('\t', ";");
    let output = dump(&["--delimiter", ";", "-"], &semicolons);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("  1. 单位参保登记"));
    // Detected, a comma-separated list needs no flag.
    let commas = SMALL_LIST.replace('\t', ",");
    let output = dump(&["--format", "summary", "-"], &commas);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));

    let (gb, _, _) = encoding_rs::GB18030.encode(SMALL_LIST);
    let file = temp_file("gb.tsv", &gb);
    let output = dump(&["--format", "json", "--encoding", "gbk", &file], "");
    std::fs::remove_file(&file).unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["encoding"], "GB18030");
    assert_eq!(json["categories"][0]["matters"][0]["name"], "单位参保登记");
    assert!(text(&output.stderr).ends_with(
        "gb.tsv:1:1: info[encoding_detected]: the text is read as GB18030, as the options say\n"
    ));
}

#[test]
fn a_workbook_is_read_by_its_sheet() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("清单").unwrap();
    for (row, line) in SMALL_LIST.lines().enumerate() {
        for (col, cell) in line.split('\t').enumerate() {
            sheet.write_string(row as u32, col as u16, cell).unwrap();
        }
    }
    let file = temp_file("list.xlsx", &workbook.save_to_buffer().unwrap());
    let output = dump(&["--sheet", "清单", "--format", "summary", &file], "");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains('1'));
    let output = dump(&["--format", "json", &file], "");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["encoding"], "xlsx");
    assert_eq!(json["categories"][0]["name"], "参保登记");
    let output = dump(&["--sheet", "Sheet9", &file], "");
    std::fs::remove_file(&file).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).ends_with(
        "list.xlsx:1:1: error: the workbook has no sheet named “Sheet9”; its sheets are “清单”\n"
    ), "{}", text(&output.stderr));
}

#[test]
fn bad_encoding_and_delimiter_flags_are_usage_errors() {
    for (args, reason) in [
        (
            &["--encoding", "big5"][..],
            "dump: --encoding: unknown encoding “big5”: expected UTF-8, UTF-16LE, UTF-16BE or GB18030 (GBK, GB2312)",
        ),
        (
            &["--delimiter", "ab"][..],
            "dump: --delimiter takes tab, comma or one ASCII character other than a quote, not \"ab\"",
        ),
        (&["--sheet"][..], "dump: --sheet needs a value"),
    ] {
        assert_usage_error(args, reason);
    }
}

// --- batches, stdin, --quiet ---

const YANTAI: &str = "fixtures/valid/yantai.tsv";
const SHANDONG: &str = "fixtures/valid/shandong-2023.tsv";
const MISSING: &str = "no/such/file.tsv";

/// The text of a fixture, by its path in the crate.
fn fixture(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Run the `dump` example with `args` and `stdin` as its standard input (`Stdio::null()`, a
/// file…), not the pipe of `common::dump`.
fn dump_with_stdin(args: &[&str], stdin: std::process::Stdio) -> std::process::Output {
    std::process::Command::new(common::dump_binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(stdin)
        .output()
        .expect("the dump example is built by cargo test")
}

/// The `source` of every JSON line, with how many lines in a row name it.
fn sources_of_lines(stdout: &str) -> Vec<(String, usize)> {
    let mut runs: Vec<(String, usize)> = Vec::new();
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let source = value["source"].as_str().unwrap().to_owned();
        match runs.last_mut() {
            Some((last, count)) if *last == source => *count += 1,
            _ => runs.push((source, 1)),
        }
    }
    runs
}

#[test]
fn a_batch_with_a_missing_file_writes_every_readable_file_and_exits_2() {
    let output = dump(&["--format", "jsonl", YANTAI, MISSING, SHANDONG], "");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        sources_of_lines(&text(&output.stdout)),
        [(YANTAI.to_owned(), 32), (SHANDONG.to_owned(), 28)]
    );
    let stderr = text(&output.stderr);
    let failures: Vec<&str> = stderr.lines().filter(|l| l.starts_with("dump:")).collect();
    assert_eq!(failures.len(), 1, "{stderr}");
    assert!(
        failures[0].starts_with("dump: cannot read no/such/file.tsv: "),
        "{stderr}"
    );
    // The diagnostics of the readable files are still reported, in the order of the files.
    let yantai = stderr.find("fixtures/valid/yantai.tsv:").unwrap();
    let missing = stderr.find("dump: cannot read").unwrap();
    let shandong = stderr.find("fixtures/valid/shandong-2023.tsv:").unwrap();
    assert!(yantai < missing && missing < shandong, "{stderr}");
}

#[test]
fn a_file_that_fails_is_a_row_of_the_diagnostics_table_naming_it() {
    let output = dump(
        &[
            "--format",
            "csv",
            "--table",
            "diagnostics",
            YANTAI,
            MISSING,
            "README.md",
        ],
        "",
    );
    // An unreadable file (2) outweighs a file that holds no list (1).
    assert_eq!(output.status.code(), Some(2));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "source",
            "code",
            "severity",
            "origin",
            "line",
            "column_number",
            "message",
            "matter_line",
            "offset"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let yantai = rows.iter().filter(|r| &r[0] == YANTAI).count();
    assert_eq!(yantai, 13);
    assert!(rows[..yantai].iter().all(|r| &r[0] == YANTAI));
    let missing = &rows[yantai];
    assert_eq!(
        (
            &missing[0],
            &missing[1],
            &missing[2],
            &missing[3],
            &missing[4],
            &missing[5]
        ),
        (MISSING, "file_unreadable", "error", "source", "", "")
    );
    assert!(missing[6].starts_with("cannot read no/such/file.tsv: "));
    let no_list = &rows[yantai + 1];
    assert_eq!(
        no_list.iter().collect::<Vec<_>>(),
        [
            "README.md",
            "no_list",
            "error",
            "source",
            "1",
            "1",
            "no header row found (a row naming columns such as 子项 and 办理材料)",
            "",
            // The whole input has no header: no byte to point at.
            ""
        ]
    );
    assert_eq!(rows.len(), yantai + 2);
    // Both are on stderr too.
    let stderr = text(&output.stderr);
    assert!(stderr.contains("dump: cannot read no/such/file.tsv: "));
    assert!(stderr.contains("README.md:1:1: error: no header row found"));

    // A batch whose only failure is a file without a list exits 1; the other is written.
    let output = dump(
        &["--format", "csv", "--table", "matters", "README.md", YANTAI],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    assert_eq!(reader.records().count(), 32);
    // A strict failure is the row of the finding that stopped the list.
    let output = dump(
        &[
            "--format",
            "csv",
            "--table",
            "diagnostics",
            "--strict",
            YANTAI,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (&rows[0][0], &rows[0][2], &rows[0][3]),
        (YANTAI, "warning", "source")
    );
    assert!(text(&output.stderr).starts_with(&format!(
        "{YANTAI}:{}:{}: warning[{}]: ",
        &rows[0][4], &rows[0][5], &rows[0][1]
    )));
}

#[test]
fn summary_takes_several_files_with_a_block_each_and_a_total() {
    let output = dump(&["--format", "summary", YANTAI, SHANDONG], "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "source: fixtures/valid/yantai.tsv\n\
         categories: 11\n\
         matters: 32\n\
         diagnostics: 0 errors, 11 warnings, 2 infos\n\
         \n\
         source: fixtures/valid/shandong-2023.tsv\n\
         categories: 12\n\
         matters: 28\n\
         diagnostics: 0 errors, 6 warnings, 1 info\n\
         \n\
         total: 2 files, 0 failed\n\
         categories: 23\n\
         matters: 60\n\
         diagnostics: 0 errors, 17 warnings, 3 infos\n"
    );
    // A file that fails has its block, and counts in the total.
    let output = dump(&["--format", "summary", SHANDONG, MISSING], "");
    assert_eq!(output.status.code(), Some(2));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("\nsource: no/such/file.tsv\nfailed: cannot read no/such/file.tsv: "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "total: 2 files, 1 failed\ncategories: 12\nmatters: 28\ndiagnostics: 0 errors, 6 warnings, 1 info\n"
        ),
        "{stdout}"
    );
    // One file keeps its three lines, and one info is singular.
    let output = dump(&["--format", "summary", SHANDONG], "");
    assert_eq!(
        text(&output.stdout),
        "categories: 12\nmatters: 28\ndiagnostics: 0 errors, 6 warnings, 1 info\n"
    );
}

#[test]
fn with_no_file_a_pipe_on_stdin_is_read() {
    let output = dump(&["--format", "summary"], &fixture(YANTAI));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "categories: 11\nmatters: 32\ndiagnostics: 0 errors, 11 warnings, 2 infos\n"
    );
    let stderr = text(&output.stderr);
    assert!(
        stderr.lines().all(|l| l.starts_with("<stdin>:")),
        "{stderr}"
    );
    let output = dump(&[], &fixture(YANTAI));
    assert_eq!(
        text(&output.stdout).lines().next(),
        Some("烟台市医疗保障经办政务服务事项清单")
    );
    // A file on stdin, as `dump < list.tsv`.
    let file =
        std::fs::File::open(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(YANTAI)).unwrap();
    let output = dump_with_stdin(&["--format", "jsonl"], file.into());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        sources_of_lines(&text(&output.stdout)),
        [("<stdin>".to_owned(), 32)]
    );
}

#[test]
fn with_no_file_an_empty_stdin_dumps_the_embedded_list() {
    for stdin in [std::process::Stdio::null(), std::process::Stdio::piped()] {
        let output = dump_with_stdin(&["--format", "summary"], stdin);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            text(&output.stdout),
            "categories: 12\nmatters: 28\ndiagnostics: 0 errors, 6 warnings, 1 info\n"
        );
        assert!(text(&output.stderr).starts_with("fixtures/valid/shandong-2023.tsv:12:1: info"));
    }
    // An explicit `-` reads stdin, even empty.
    let output = dump_with_stdin(&["-"], std::process::Stdio::null());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "<stdin>:1:1: error: the input is empty\n"
    );
}

#[test]
fn quiet_keeps_stderr_to_errors() {
    let loud = dump(&["--format", "jsonl", YANTAI, SHANDONG], "");
    assert_eq!(text(&loud.stderr).lines().count(), 13 + 7);
    let quiet = dump(&["--quiet", "--format", "jsonl", YANTAI, SHANDONG], "");
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(text(&quiet.stderr), "");
    assert_eq!(quiet.stdout, loud.stdout);
    for format in ["summary", "outline"] {
        let output = dump(&["-q", "--format", format, YANTAI], "");
        assert_eq!(text(&output.stderr), "", "{format}");
    }
    // What fails is still said.
    let output = dump(
        &["--quiet", "--format", "jsonl", YANTAI, MISSING, "README.md"],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("dump: cannot read no/such/file.tsv: "));
    assert!(lines[1].starts_with("README.md:1:1: error: no header row found"));
    let output = dump(&["--quiet", "--strict", YANTAI], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).starts_with("fixtures/valid/yantai.tsv:"));
    assert_eq!(text(&output.stderr).lines().count(), 1);
}

#[test]
fn help_says_what_no_file_does_and_lists_the_exit_codes() {
    let output = dump(&["--help"], "");
    assert_eq!(output.status.code(), Some(0));
    let help = text(&output.stdout);
    for needle in [
        "With no FILE, dump reads standard input when it is a pipe or a file that holds data",
        "embedded Shandong 2023 list when standard input is a terminal or empty",
        "--quiet",
        "Exit status: 0 every input was read and written",
        "             1 some input holds no list or fails --strict",
        "             2 a usage error, or some file cannot be read",
    ] {
        assert!(help.contains(needle), "{needle:?} in {help}");
    }
}
