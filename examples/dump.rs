//! Dump matter lists as an outline, JSON, JSON lines, a summary or a flat CSV table.
//!
//! ```text
//! cargo run --example dump [-- [--format outline|json|jsonl|summary|csv] [--table TABLE]
//!                               [--strict[=all]] [--quiet] [--encoding NAME]
//!                               [--delimiter tab|comma|CHAR] [--sheet NAME] [FILE|-]...]
//! cargo run --example dump -- --format parquet --table TABLE --output FILE [FILE|-]...
//! cargo run --example dump -- --schema
//! cargo run --example dump -- --compare BASELINE FILE [--format outline|json]
//! ```
//!
//! With no FILE, reads standard input when it is a pipe or a file that holds data
//! (`dump < list.tsv`), and dumps the embedded Shandong 2023 list when it is a terminal or
//! empty (`/dev/null`); `-` names standard input. `jsonl`, `csv` and `summary` take any
//! number of files, parsed in parallel and written in the order given; every line or row
//! names its `source` file. `csv` writes one table
//! (`--table matters|materials|citations|diagnostics`) with a header row; `parquet` writes
//! the same table, typed (`shixiang::parquet`), to `--output FILE`. `summary`, and
//! `jsonl` on one file without `--strict`, read their list one category at a time
//! (`shixiang::Reader`), so that a long list is never held whole. `--schema` prints the JSON
//! Schema of `--format json` (it needs the crate's `schema` feature, which the examples have).
//!
//! A batch loses nothing: a file that cannot be read, holds no list or fails `--strict` is
//! reported on stderr and, for `--format csv --table diagnostics`, as a row naming the file
//! (code `file_unreadable`, `no_list`, or the code of the finding that failed it); every other
//! file is still written.
//!
//! Text is read in the encoding it is found to be in (UTF-8, UTF-16 by its byte-order mark,
//! GB18030), or the one `--encoding` names (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`,
//! `gbk`); cells are separated by tabs or commas, whichever splits the header row, or by what
//! `--delimiter` names. A workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`, or bytes that start as
//! one) is read with the crate's `xlsx` feature, which the examples have: its first sheet, or
//! `--sheet NAME`.
//!
//! Diagnostics go to stderr, buffered, as `FILE:LINE:COLUMN: SEVERITY[CODE]: MESSAGE`;
//! `--quiet` keeps only errors. Exit status: 0 when every input was read and written; 1 when
//! some input holds no list (or, with `--strict`, has a warning or error of the source; with
//! `--strict=all`, of the source or the parser), or the output cannot be written; 2 on a usage
//! error or when some file cannot be read. The other inputs are written in every case but a
//! usage error.

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use shixiang::flat::{CitationRow, DiagnosticRow, MaterialRow, MatterRow, Row, Tables};
use shixiang::{
    Diagnostic, Document, Encoding, Error, ErrorKind, Origin, ParseOptions, Reader, Severity,
    Strictness,
};

const EMBEDDED_NAME: &str = "fixtures/valid/shandong-2023.tsv";
const EMBEDDED: &str = include_str!("../fixtures/valid/shandong-2023.tsv");

const USAGE: &str = "\
usage: dump [--format outline|json|jsonl|summary|csv|parquet] [--table TABLE] [--strict[=all]]
            [--output FILE]
            [--quiet] [--encoding NAME] [--delimiter tab|comma|CHAR] [--sheet NAME] [FILE|-]...
       dump --compare BASELINE FILE [--format outline|json]
       dump --schema
       dump --format parquet --table TABLE --output FILE [FILE|-]...
TABLE (for --format csv and parquet): matters, materials, citations or diagnostics
FILE: a list (text or workbook); - is standard input. jsonl, csv, parquet and summary take
several.
With no FILE, dump reads standard input when it is a pipe or a file that holds data, and
dumps the embedded Shandong 2023 list when standard input is a terminal or empty.
--quiet: write only errors on stderr, not warnings and infos.
Exit status: 0 every input was read and written
             1 some input holds no list or fails --strict, or the output cannot be written
             2 a usage error, or some file cannot be read
             (a file that fails is reported on stderr; the others are still written)";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Outline,
    Json,
    Jsonl,
    Summary,
    Csv,
    Parquet,
}

impl Format {
    /// The name `--format` takes.
    fn name(self) -> &'static str {
        match self {
            Format::Outline => "outline",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Summary => "summary",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    /// Whether the format can hold several documents.
    fn takes_many_files(self) -> bool {
        matches!(
            self,
            Format::Jsonl | Format::Csv | Format::Summary | Format::Parquet
        )
    }
}

/// The flat table `--format csv` writes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Table {
    Matters,
    Materials,
    Citations,
    Diagnostics,
}

struct Args {
    format: Format,
    table: Option<Table>,
    strictness: Strictness,
    /// `--quiet`: only errors on stderr.
    quiet: bool,
    /// `--encoding`, `--delimiter` and `--sheet`.
    encoding: Option<Encoding>,
    delimiter: Option<u8>,
    sheet: Option<String>,
    schema: bool,
    /// `--output FILE`, where `--format parquet` writes.
    output: Option<String>,
    /// `--compare BASELINE FILE`: the two files are compared instead of dumped.
    compare: bool,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        format: Format::Outline,
        table: None,
        strictness: Strictness::Off,
        quiet: false,
        encoding: None,
        delimiter: None,
        sheet: None,
        schema: false,
        output: None,
        compare: false,
        files: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value")?;
                parsed.format = format_of(&value)?;
            }
            "--table" | "-t" => {
                let value = args.next().ok_or("--table needs a value")?;
                parsed.table = Some(table_of(&value)?);
            }
            "--strict" | "--strict=source" => parsed.strictness = Strictness::Source,
            "--strict=all" => parsed.strictness = Strictness::All,
            "--quiet" | "-q" => parsed.quiet = true,
            "--encoding" => {
                let value = args.next().ok_or("--encoding needs a value")?;
                parsed.encoding = Some(value.parse().map_err(|e| format!("--encoding: {e}"))?);
            }
            "--delimiter" => {
                let value = args.next().ok_or("--delimiter needs a value")?;
                parsed.delimiter = Some(delimiter_of(&value)?);
            }
            "--sheet" => {
                parsed.sheet = Some(args.next().ok_or("--sheet needs a value")?);
            }
            "--schema" => parsed.schema = true,
            "--output" | "-o" => {
                parsed.output = Some(args.next().ok_or("--output needs a file")?);
            }
            "--compare" => parsed.compare = true,
            "--help" | "-h" => return Err(String::new()),
            _ if arg.starts_with("--format=") => {
                parsed.format = format_of(&arg["--format=".len()..])?;
            }
            _ if arg.starts_with("--table=") => {
                parsed.table = Some(table_of(&arg["--table=".len()..])?);
            }
            _ if arg.starts_with('-') && arg != "-" => return Err(format!("unknown option {arg}")),
            _ => parsed.files.push(arg),
        }
    }
    check_args(&parsed)?;
    Ok(parsed)
}

/// The byte `--delimiter` names: `tab`, `comma`, or one ASCII character other than the
/// double quote and the line endings.
fn delimiter_of(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        _ => match value.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(*b),
            _ => Err(format!(
                "--delimiter takes tab, comma or one ASCII character other than a quote, not {value:?}"
            )),
        },
    }
}

/// The combinations of options that make no sense.
fn check_args(args: &Args) -> Result<(), String> {
    match (args.format, args.table) {
        (Format::Csv | Format::Parquet, None) => {
            let name = args.format.name();
            return Err(format!("--format {name} needs --table"));
        }
        (Format::Csv | Format::Parquet, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err("--table goes with --format csv or parquet".to_owned()),
    }
    match (args.format, &args.output) {
        (Format::Parquet, None) => return Err("--format parquet needs --output FILE".to_owned()),
        (Format::Parquet, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err("--output goes with --format parquet".to_owned()),
    }
    if args.compare {
        if !matches!(args.format, Format::Outline | Format::Json) {
            let name = args.format.name();
            return Err(format!(
                "--compare takes --format outline or json, not {name:?}"
            ));
        }
        if args.files.len() != 2 {
            return Err("--compare needs two files, BASELINE and FILE".to_owned());
        }
        if args.schema {
            return Err("--schema takes no file".to_owned());
        }
        return Ok(());
    }
    if args.schema && !args.files.is_empty() {
        return Err("--schema takes no file".to_owned());
    }
    if args.files.len() > 1 && !args.format.takes_many_files() {
        return Err("several files need --format jsonl, csv, parquet or summary".to_owned());
    }
    if args.files.iter().filter(|file| *file == "-").count() > 1 {
        return Err("standard input (-) can be read only once".to_owned());
    }
    Ok(())
}

fn format_of(value: &str) -> Result<Format, String> {
    match value {
        "outline" => Ok(Format::Outline),
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "summary" => Ok(Format::Summary),
        "csv" => Ok(Format::Csv),
        "parquet" => Ok(Format::Parquet),
        _ => Err(format!(
            "unknown format {value:?} (expected outline, json, jsonl, summary, csv or parquet)"
        )),
    }
}

fn table_of(value: &str) -> Result<Table, String> {
    match value {
        "matters" => Ok(Table::Matters),
        "materials" => Ok(Table::Materials),
        "citations" => Ok(Table::Citations),
        "diagnostics" => Ok(Table::Diagnostics),
        _ => Err(format!(
            "unknown table {value:?} (expected matters, materials, citations or diagnostics)"
        )),
    }
}

/// One input: its name for messages and `source` fields, and its bytes.
struct Input {
    name: String,
    bytes: Vec<u8>,
}

/// The name standard input goes by in messages and `source` fields.
const STDIN_NAME: &str = "<stdin>";

/// An input that gives no document: a file that cannot be read (exit status 2), or one that
/// holds no list or fails `--strict` (exit status 1).
enum Failure {
    Unreadable { name: String, reason: String },
    Parse { name: String, error: Error },
}

impl Failure {
    fn name(&self) -> &str {
        match self {
            Failure::Unreadable { name, .. } | Failure::Parse { name, .. } => name,
        }
    }

    /// The exit status it gives.
    fn status(&self) -> u8 {
        match self {
            Failure::Unreadable { .. } => 2,
            Failure::Parse { .. } => 1,
        }
    }

    /// Its row of `--table diagnostics`: the finding that failed a strict parse, or
    /// `file_unreadable` (without a position) or `no_list`, errors.
    fn row(&self) -> FailureRow<'_> {
        match self {
            Failure::Unreadable { name, reason } => FailureRow {
                source: name,
                code: "file_unreadable",
                severity: Severity::Error.as_str(),
                origin: Origin::Source.as_str(),
                line: None,
                column_number: None,
                message: format!("cannot read {name}: {reason}"),
                matter_line: None,
                offset: None,
            },
            Failure::Parse { name, error } => match error.kind() {
                ErrorKind::Strict(finding) => FailureRow {
                    source: name,
                    code: finding.code.as_str(),
                    severity: finding.severity.as_str(),
                    origin: finding.origin.as_str(),
                    line: Some(finding.line),
                    column_number: Some(finding.column),
                    message: finding.message.clone(),
                    matter_line: finding.matter_line,
                    offset: finding.offset,
                },
                kind => FailureRow {
                    source: name,
                    code: "no_list",
                    severity: Severity::Error.as_str(),
                    origin: Origin::Source.as_str(),
                    line: Some(error.line()),
                    column_number: Some(error.column()),
                    message: kind.to_string(),
                    matter_line: None,
                    offset: error.position().offset,
                },
            },
        }
    }
}

/// A row of `--table diagnostics` for an input that gives no document; the columns of
/// `shixiang::flat::DiagnosticRow`.
#[derive(serde::Serialize)]
struct FailureRow<'a> {
    source: &'a str,
    code: &'a str,
    severity: &'a str,
    origin: &'a str,
    line: Option<usize>,
    column_number: Option<usize>,
    message: String,
    matter_line: Option<usize>,
    offset: Option<usize>,
}

/// A diagnostic as compilers print theirs, `FILE:LINE:COLUMN: SEVERITY[CODE]: MESSAGE`, which
/// editors and CI annotators read.
fn located(name: &str, d: &Diagnostic) -> String {
    format!(
        "{name}:{}:{}: {}[{}]: {}",
        d.line, d.column, d.severity, d.code, d.message
    )
}

/// Standard error, locked and buffered, so that many diagnostics are not one write each;
/// with `--quiet`, only errors. Flushed when dropped. It holds the lock for the whole run:
/// nothing else (the library, the parsing threads) writes to stderr.
struct Log {
    out: io::BufWriter<io::StderrLock<'static>>,
    quiet: bool,
}

impl Log {
    fn new(quiet: bool) -> Log {
        Log {
            out: io::BufWriter::with_capacity(64 * 1024, io::stderr().lock()),
            quiet,
        }
    }

    /// A line on stderr, always (an error). A stderr that cannot be written is ignored.
    fn error(&mut self, line: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.out, "{line}");
    }

    /// The diagnostics of a document read from `name`; only its errors with `--quiet`.
    fn diagnostics(&mut self, name: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            if !self.quiet || d.severity == Severity::Error {
                let _ = writeln!(self.out, "{}", located(name, d));
            }
        }
    }

    /// Why an input gives no document.
    fn failure(&mut self, failure: &Failure) {
        match failure {
            Failure::Unreadable { name, reason } => {
                self.error(format_args!("dump: cannot read {name}: {reason}"))
            }
            Failure::Parse { name, error } => match error.kind() {
                // The finding that stopped a strict parse, in the form of every diagnostic.
                ErrorKind::Strict(finding) => {
                    self.error(format_args!("{}", located(name, finding)))
                }
                kind => self.error(format_args!(
                    "{name}:{}:{}: error: {kind}",
                    error.line(),
                    error.column()
                )),
            },
        }
    }
}

impl Drop for Log {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

/// What reading and parsing one input gave, in the order of the inputs.
type Outcome = Result<(String, Document), Failure>;

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(reason) if reason.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(reason) => {
            eprintln!("dump: {reason}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.schema {
        return print_schema();
    }
    let mut log = Log::new(args.quiet);
    let inputs = read_inputs(&args.files);
    let mut options = ParseOptions::new().strictness(args.strictness);
    options.encoding = args.encoding;
    options.delimiter = args.delimiter;
    options.sheet = args.sheet.clone();
    let status = run(&args, inputs, &options, &mut log);
    drop(log);
    ExitCode::from(status)
}

/// Dump the inputs as `args` say; the exit status.
fn run(
    args: &Args,
    inputs: Vec<Result<Input, Failure>>,
    options: &ParseOptions,
    log: &mut Log,
) -> u8 {
    if args.compare {
        return compare(inputs, args.format, options, log);
    }
    if args.format == Format::Summary {
        return summarize(&inputs, options, log);
    }
    // Strict mode writes nothing for a list with a warning, which is known only at its end.
    if let (Format::Jsonl, Strictness::Off, [input]) =
        (args.format, args.strictness, inputs.as_slice())
    {
        return match input {
            Ok(input) => stream_jsonl(input, options, log),
            Err(failure) => {
                log.failure(failure);
                failure.status()
            }
        };
    }
    let outcomes = parse_all(inputs, options);
    let status = report(&outcomes, log);
    // An outline or JSON of an input that gives no document is nothing; a CSV table still has
    // its header, and the failures are rows of the diagnostics table.
    if args.format != Format::Csv && outcomes.iter().all(Result::is_err) {
        return status;
    }
    status.max(finish(write(&outcomes, args), log))
}

/// Report every outcome on stderr, in order: a document's diagnostics, or why an input gave
/// none; the exit status of the failures.
fn report(outcomes: &[Outcome], log: &mut Log) -> u8 {
    let mut status = 0;
    for outcome in outcomes {
        match outcome {
            Ok((name, document)) => log.diagnostics(name, &document.diagnostics),
            Err(failure) => {
                log.failure(failure);
                status = status.max(failure.status());
            }
        }
    }
    status
}

/// `--compare BASELINE FILE`: both must be read and hold a list; neither is parsed when one
/// cannot be read.
fn compare(
    inputs: Vec<Result<Input, Failure>>,
    format: Format,
    options: &ParseOptions,
    log: &mut Log,
) -> u8 {
    let unreadable: Vec<&Failure> = inputs.iter().filter_map(|i| i.as_ref().err()).collect();
    if !unreadable.is_empty() {
        unreadable.iter().for_each(|failure| log.failure(failure));
        return 2;
    }
    let outcomes = parse_all(inputs, options);
    let status = report(&outcomes, log);
    match outcomes.as_slice() {
        [Ok((_, baseline)), Ok((_, local))] => finish(
            write_comparison(&shixiang::compare(baseline, local), format),
            log,
        ),
        _ => status,
    }
}

/// The exit status for the outcome of writing the output.
fn finish(written: io::Result<()>, log: &mut Log) -> u8 {
    match written {
        Ok(()) => 0,
        // A closed pipe (`dump | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            log.error(format_args!("dump: cannot write output: {e}"));
            1
        }
    }
}

/// Every input, in the order given, or why it cannot be read. With no FILE, standard input
/// when it is not a terminal and holds data, else the embedded list.
fn read_inputs(files: &[String]) -> Vec<Result<Input, Failure>> {
    if files.is_empty() {
        let input = implicit_stdin().unwrap_or_else(|| Input {
            name: EMBEDDED_NAME.to_owned(),
            bytes: EMBEDDED.as_bytes().to_vec(),
        });
        return vec![Ok(input)];
    }
    files.iter().map(|file| read_input(file)).collect()
}

/// Standard input, when it is not a terminal and holds some bytes (a pipe, a file): what
/// `dump < list.tsv` reads. A terminal, an empty input (`/dev/null`) or one that cannot be
/// read (closed) gives `None`.
fn implicit_stdin() -> Option<Input> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return None;
    }
    let mut bytes = Vec::new();
    match stdin.lock().read_to_end(&mut bytes) {
        Ok(_) if !bytes.is_empty() => Some(Input {
            name: STDIN_NAME.to_owned(),
            bytes,
        }),
        _ => None,
    }
}

fn read_input(file: &str) -> Result<Input, Failure> {
    if file == "-" {
        let mut bytes = Vec::new();
        return match io::stdin().read_to_end(&mut bytes) {
            Ok(_) => Ok(Input {
                name: STDIN_NAME.to_owned(),
                bytes,
            }),
            Err(e) => Err(Failure::Unreadable {
                name: STDIN_NAME.to_owned(),
                reason: e.to_string(),
            }),
        };
    }
    std::fs::read(file)
        .map(|bytes| Input {
            name: file.to_owned(),
            bytes,
        })
        .map_err(|e| Failure::Unreadable {
            name: file.to_owned(),
            reason: e.to_string(),
        })
}

/// What `--format summary` counts of one list.
#[derive(Default)]
struct Counts {
    categories: usize,
    matters: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.categories += other.categories;
        self.matters += other.matters;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

/// `--format summary`: each list read one category at a time and counted, so that only the
/// categories being read are held in memory (several lists in parallel); diagnostics as for
/// every format. One list is three lines; several are a block each, headed by `source:`, then
/// a `total:` block.
fn summarize(inputs: &[Result<Input, Failure>], options: &ParseOptions, log: &mut Log) -> u8 {
    let count = |input: &Result<Input, Failure>| -> Option<Result<(Counts, Document), Error>> {
        let input = input.as_ref().ok()?;
        let mut counts = Counts::default();
        let read = read_by_category(input, options, |_, category| {
            counts.categories += 1;
            counts.matters += category.matters.len();
        });
        Some(read.map(|rest| {
            for d in &rest.diagnostics {
                match d.severity {
                    Severity::Error => counts.errors += 1,
                    Severity::Warning => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                    // Only JSON of a later version holds another; a parse makes none.
                    _ => {}
                }
            }
            (counts, rest)
        }))
    };
    let results: Vec<_> = if inputs.len() > 1 {
        inputs.par_iter().map(count).collect()
    } else {
        inputs.iter().map(count).collect()
    };
    let several = inputs.len() > 1;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut status, mut total, mut failed) = (0, Counts::default(), 0);
    let mut written = Ok(());
    for (input, result) in inputs.iter().zip(results) {
        let mut parse_failure = None;
        let failure: &Failure = match (input, result) {
            (Err(failure), _) => failure,
            (Ok(input), Some(Err(error))) => parse_failure.insert(Failure::Parse {
                name: input.name.clone(),
                error,
            }),
            (Ok(input), Some(Ok((counts, rest)))) => {
                log.diagnostics(&input.name, &rest.diagnostics);
                total.add(&counts);
                if written.is_ok() {
                    written = if several {
                        writeln!(out, "source: {}", input.name)
                            .and_then(|()| write_summary(&mut out, &counts))
                            .and_then(|()| writeln!(out))
                    } else {
                        write_summary(&mut out, &counts)
                    };
                }
                continue;
            }
            (Ok(_), None) => unreachable!("a read input is counted"),
        };
        log.failure(failure);
        status = status.max(failure.status());
        failed += 1;
        if several && written.is_ok() {
            written = writeln!(out, "source: {}", failure.name())
                .and_then(|()| writeln!(out, "failed: {}", failure.row().message))
                .and_then(|()| writeln!(out));
        }
    }
    if several {
        written = written.and_then(|()| {
            writeln!(out, "total: {} files, {failed} failed", inputs.len())?;
            write_summary(&mut out, &total)
        });
    }
    status.max(finish(written.and_then(|()| out.flush()), log))
}

/// `--format jsonl` on one list, each category written as soon as it is read, so that only the
/// category being read is held in memory; diagnostics once the list is read.
fn stream_jsonl(input: &Input, options: &ParseOptions, log: &mut Log) -> u8 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = Ok(());
    let mut index = 0;
    let read = read_by_category(input, options, |title, category| {
        index += 1;
        if written.is_ok() {
            written = category.matters.iter().try_for_each(|matter| {
                write_matter_line(&mut out, &input.name, title, (index, &category), matter)
            });
        }
    });
    match read {
        Ok(rest) => {
            log.diagnostics(&input.name, &rest.diagnostics);
            finish(written.and_then(|()| out.flush()), log)
        }
        Err(error) => {
            let failure = Failure::Parse {
                name: input.name.clone(),
                error,
            };
            log.failure(&failure);
            failure.status()
        }
    }
}

/// Read one list with a [`Reader`], giving each category with the list's title to `each` as
/// soon as it is read; the rest of the document, or the error of a text without a list.
fn read_by_category(
    input: &Input,
    options: &ParseOptions,
    mut each: impl FnMut(Option<&str>, shixiang::Category),
) -> Result<Document, Error> {
    if shixiang::Input::from(&input.bytes).is_workbook() {
        // A sheet is read whole: its cells are in memory anyway.
        let mut document = shixiang::parse_with(&input.bytes, options)?;
        for category in std::mem::take(&mut document.categories) {
            each(document.title.as_deref(), category);
        }
        return Ok(document);
    }
    let decoded = shixiang::decode(&input.bytes, options)?;
    let mut reader = Reader::from_decoded(&decoded, options);
    while let Some(category) = reader.next() {
        each(reader.title(), category?);
    }
    reader.finish()
}

/// Parse every input that was read, in parallel when there are several; the outcomes keep
/// the inputs' order. An input's bytes are dropped once it is parsed.
fn parse_all(inputs: Vec<Result<Input, Failure>>, options: &ParseOptions) -> Vec<Outcome> {
    let parse = |input: Result<Input, Failure>| {
        let input = input?;
        // A workbook's sheet, or text in any encoding.
        match shixiang::parse_with(&input.bytes, options) {
            Ok(document) => Ok((input.name, document)),
            Err(error) => Err(Failure::Parse {
                name: input.name,
                error,
            }),
        }
    };
    if inputs.len() > 1 {
        inputs.into_par_iter().map(parse).collect()
    } else {
        inputs.into_iter().map(parse).collect()
    }
}

/// Write a comparison as a readable report, or as JSON.
fn write_comparison(comparison: &shixiang::Comparison, format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut out, comparison)?;
        writeln!(out)?;
    } else {
        write!(out, "{comparison}")?;
    }
    out.flush()
}

/// Write the documents (named by their source) in the format asked for; the inputs that gave
/// none are rows of `--table diagnostics`.
fn write(outcomes: &[Outcome], args: &Args) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let documents: Vec<(&str, &Document)> = outcomes
        .iter()
        .filter_map(|outcome| outcome.as_ref().ok())
        .map(|(name, document)| (name.as_str(), document))
        .collect();
    match args.format {
        // `check_args` allows several files only for jsonl and csv.
        Format::Outline => {
            for (_, document) in documents {
                write!(out, "{document}")?;
            }
        }
        Format::Json => {
            for (_, document) in documents {
                write_json(&mut out, document)?;
            }
        }
        // `run` writes summaries itself, one list at a time.
        Format::Summary => unreachable!("summaries are written by `summarize`"),
        Format::Jsonl => write_jsonl(&mut out, &documents)?,
        Format::Csv => {
            let table = args.table.unwrap_or(Table::Matters);
            write_csv(&mut out, outcomes, table)?;
        }
        Format::Parquet => {
            let table = match args.table.unwrap_or(Table::Matters) {
                Table::Matters => shixiang::parquet::Table::Matters,
                Table::Materials => shixiang::parquet::Table::Materials,
                Table::Citations => shixiang::parquet::Table::Citations,
                Table::Diagnostics => shixiang::parquet::Table::Diagnostics,
            };
            let path = args.output.as_deref().unwrap_or_default();
            let file = io::BufWriter::new(std::fs::File::create(path)?);
            let documents: Vec<(&Document, &str)> = documents
                .iter()
                .map(|&(name, document)| (document, name))
                .collect();
            shixiang::parquet::write(file, table, &documents)?;
        }
    }
    out.flush()
}

fn write_json(out: &mut impl Write, document: &Document) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document)?;
    writeln!(out)
}

/// One line of `--format jsonl`: a matter with its source file, document title and category
/// inlined.
#[derive(serde::Serialize)]
struct MatterLine<'a> {
    source: &'a str,
    title: Option<&'a str>,
    category_ordinal: Option<u32>,
    category_name: &'a str,
    category_code: Option<&'a str>,
    /// The category's place in the document, from 1 (ordinals may repeat).
    category_index: usize,
    #[serde(flatten)]
    matter: &'a shixiang::Matter,
}

fn write_jsonl(out: &mut impl Write, documents: &[(&str, &Document)]) -> io::Result<()> {
    for (source, document) in documents {
        for (index, category) in document.categories.iter().enumerate() {
            for matter in &category.matters {
                let category = (index + 1, category);
                write_matter_line(out, source, document.title.as_deref(), category, matter)?;
            }
        }
    }
    Ok(())
}

/// One line of `--format jsonl`.
fn write_matter_line(
    out: &mut impl Write,
    source: &str,
    title: Option<&str>,
    (category_index, category): (usize, &shixiang::Category),
    matter: &shixiang::Matter,
) -> io::Result<()> {
    let line = MatterLine {
        source,
        title,
        category_ordinal: category.ordinal,
        category_name: &category.name,
        category_code: category.code.as_deref(),
        category_index,
        matter,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// The counts of one list, or of all: `N error(s), N warning(s), N info(s)`.
fn write_summary(out: &mut impl Write, counts: &Counts) -> io::Result<()> {
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    writeln!(out, "categories: {}", counts.categories)?;
    writeln!(out, "matters: {}", counts.matters)?;
    writeln!(
        out,
        "diagnostics: {}, {}, {}",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning"),
        plural(counts.infos, "info")
    )
}

/// One flat table of every document, with a header row even when it has no rows; an input
/// that gave no document is a row of the diagnostics table, in its place.
fn write_csv(out: &mut impl Write, outcomes: &[Outcome], table: Table) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let header = match table {
        Table::Matters => MatterRow::COLUMNS,
        Table::Materials => MaterialRow::COLUMNS,
        Table::Citations => CitationRow::COLUMNS,
        Table::Diagnostics => DiagnosticRow::COLUMNS,
    };
    writer.write_record(header).map_err(io_error)?;
    for outcome in outcomes {
        let tables = match outcome {
            Ok((source, document)) => Tables::new(document, source),
            Err(failure) => {
                if table == Table::Diagnostics {
                    writer.serialize(failure.row()).map_err(io_error)?;
                }
                continue;
            }
        };
        match table {
            Table::Matters => write_rows(&mut writer, &tables.matters)?,
            Table::Materials => write_rows(&mut writer, &tables.materials)?,
            Table::Citations => write_rows(&mut writer, &tables.citations)?,
            Table::Diagnostics => write_rows(&mut writer, &tables.diagnostics)?,
        }
    }
    writer.flush()
}

fn write_rows<R: Row>(writer: &mut csv::Writer<impl Write>, rows: &[R]) -> io::Result<()> {
    for row in rows {
        writer.serialize(row).map_err(io_error)?;
    }
    Ok(())
}

/// A CSV error as an I/O error of the same kind, so that a closed pipe is still recognized.
fn io_error(error: csv::Error) -> io::Error {
    let kind = match error.kind() {
        csv::ErrorKind::Io(inner) => inner.kind(),
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, error)
}

/// Print the JSON Schema of `--format json`.
#[cfg(feature = "schema")]
fn print_schema() -> ExitCode {
    let mut out = io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &shixiang::document_schema())
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out));
    ExitCode::from(finish(written, &mut Log::new(false)))
}

/// Without the `schema` feature there is no schema to print: a usage error.
#[cfg(not(feature = "schema"))]
fn print_schema() -> ExitCode {
    eprintln!(
        "dump: --schema needs the `schema` feature \
         (cargo run --features schema --example dump -- --schema)"
    );
    ExitCode::from(2)
}
