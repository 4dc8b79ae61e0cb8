//! Dump matter lists as an outline, JSON, JSON lines, a summary or a flat CSV table.
//!
//! ```text
//! cargo run --example dump [-- [--format outline|json|jsonl|summary|csv] [--table TABLE]
//!                               [--strict[=all]] [--encoding NAME] [--delimiter tab|comma|CHAR]
//!                               [--sheet NAME] [FILE|-]...]
//! cargo run --example dump -- --schema
//! cargo run --example dump -- --compare BASELINE FILE [--format outline|json]
//! ```
//!
//! With no FILE, dumps the embedded Shandong 2023 list. `jsonl` and `csv` take any number of
//! files, parsed in parallel and written in the order given; every line or row names its
//! `source` file. `csv` writes one table (`--table matters|materials|citations|diagnostics`)
//! with a header row. `summary`, and `jsonl` on one file without `--strict`, read their list
//! one category at a time (`shixiang::Reader`), so that a long list is never held whole.
//! `--schema` prints the JSON Schema of `--format json` (it needs the crate's `schema`
//! feature, which the examples have).
//!
//! Text is read in the encoding it is found to be in (UTF-8, UTF-16 by its byte-order mark,
//! GB18030), or the one `--encoding` names (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`,
//! `gbk`); cells are separated by tabs or commas, whichever splits the header row, or by what
//! `--delimiter` names. A workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`, or bytes that start as
//! one) is read with the crate's `xlsx` feature, which the examples have: its first sheet, or
//! `--sheet NAME`.
//!
//! Diagnostics go to stderr as `FILE:LINE:COLUMN: SEVERITY[CODE]: MESSAGE`. Exit status: 0 on
//! success, 1 when an input holds no list (or, with `--strict`, has a warning or error of the
//! source; with `--strict=all`, of the source or the parser), 2 on a usage error or an
//! unreadable file.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use shixiang::flat::{Row, Tables};
use shixiang::{
    Diagnostic, Document, Encoding, Error, ErrorKind, ParseOptions, Reader, Severity, Strictness,
};

const EMBEDDED_NAME: &str = "fixtures/valid/shandong-2023.tsv";
const EMBEDDED: &str = include_str!("../fixtures/valid/shandong-2023.tsv");

const USAGE: &str = "\
usage: dump [--format outline|json|jsonl|summary|csv] [--table TABLE] [--strict[=all]]
            [--encoding NAME] [--delimiter tab|comma|CHAR] [--sheet NAME] [FILE|-]...
       dump --compare BASELINE FILE [--format outline|json]
       dump --schema
TABLE (for --format csv): matters, materials, citations or diagnostics";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Outline,
    Json,
    Jsonl,
    Summary,
    Csv,
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
        }
    }

    /// Whether the format can hold several documents.
    fn takes_many_files(self) -> bool {
        matches!(self, Format::Jsonl | Format::Csv)
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
    /// `--encoding`, `--delimiter` and `--sheet`.
    encoding: Option<Encoding>,
    delimiter: Option<u8>,
    sheet: Option<String>,
    schema: bool,
    /// `--compare BASELINE FILE`: the two files are compared instead of dumped.
    compare: bool,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        format: Format::Outline,
        table: None,
        strictness: Strictness::Off,
        encoding: None,
        delimiter: None,
        sheet: None,
        schema: false,
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
        (Format::Csv, None) => return Err("--format csv needs --table".to_owned()),
        (Format::Csv, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err("--table goes with --format csv".to_owned()),
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
        return Err("several files need --format jsonl or csv".to_owned());
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
        _ => Err(format!(
            "unknown format {value:?} (expected outline, json, jsonl, summary or csv)"
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
    let inputs = match read_inputs(&args.files) {
        Ok(inputs) => inputs,
        Err(reason) => {
            eprintln!("dump: {reason}");
            return ExitCode::from(2);
        }
    };
    let mut options = ParseOptions::new().strictness(args.strictness);
    options.encoding = args.encoding;
    options.delimiter = args.delimiter;
    options.sheet = args.sheet.clone();
    // `check_args` allows one file only for a summary.
    if let (Format::Summary, false, [input]) = (args.format, args.compare, inputs.as_slice()) {
        return summarize(input, &options);
    }
    // Strict mode writes nothing for a list with a warning, which is known only at its end.
    if let (Format::Jsonl, false, false, [input]) = (
        args.format,
        args.compare,
        args.strictness != Strictness::Off,
        inputs.as_slice(),
    ) {
        return stream_jsonl(input, &options);
    }
    let results = parse_all(&inputs, &options);

    let mut documents = Vec::with_capacity(results.len());
    let mut any_failed = false;
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(document) => {
                report_diagnostics(&input.name, &document);
                documents.push((input.name.as_str(), document));
            }
            Err(error) => {
                report_error(&input.name, &error);
                any_failed = true;
            }
        }
    }
    if args.compare {
        return match documents.as_slice() {
            [(_, baseline), (_, local)] if !any_failed => finish(write_comparison(
                &shixiang::compare(baseline, local),
                args.format,
            )),
            _ => ExitCode::from(1),
        };
    }
    // A single input that holds no list has nothing to write.
    if documents.is_empty() {
        return ExitCode::from(1);
    }
    let written = finish(write(&documents, &args));
    if any_failed {
        ExitCode::from(1)
    } else {
        written
    }
}

/// The exit status for the outcome of writing the output.
fn finish(written: io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`dump | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Every input, in the order given; the embedded list when none is given.
fn read_inputs(files: &[String]) -> Result<Vec<Input>, String> {
    if files.is_empty() {
        return Ok(vec![Input {
            name: EMBEDDED_NAME.to_owned(),
            bytes: EMBEDDED.as_bytes().to_vec(),
        }]);
    }
    files.iter().map(|file| read_input(file)).collect()
}

fn read_input(file: &str) -> Result<Input, String> {
    if file == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(Input {
            name: "<stdin>".to_owned(),
            bytes,
        });
    }
    std::fs::read(file)
        .map(|bytes| Input {
            name: file.to_owned(),
            bytes,
        })
        .map_err(|e| format!("cannot read {file}: {e}"))
}

/// `--format summary` on one list, read one category at a time and counted, so that only the
/// category being read is held in memory; diagnostics as for every format.
fn summarize(input: &Input, options: &ParseOptions) -> ExitCode {
    let (mut categories, mut matters) = (0, 0);
    let read = read_by_category(input, options, |_, category| {
        categories += 1;
        matters += category.matters.len();
    });
    finish_reading(input, read, |rest| {
        let mut out = io::BufWriter::new(io::stdout().lock());
        write_summary(&mut out, categories, matters, &rest.diagnostics)?;
        out.flush()
    })
}

/// `--format jsonl` on one list, each category written as soon as it is read, so that only the
/// category being read is held in memory; diagnostics once the list is read.
fn stream_jsonl(input: &Input, options: &ParseOptions) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = Ok(());
    let read = read_by_category(input, options, |title, category| {
        if written.is_ok() {
            written = category.matters.iter().try_for_each(|matter| {
                write_matter_line(&mut out, &input.name, title, &category, matter)
            });
        }
    });
    finish_reading(input, read, |_| written.and_then(|()| out.flush()))
}

/// Read one list with a [`Reader`], giving each category with the list's title to `each` as
/// soon as it is read; the rest of the document, or the error of a text without a list.
fn read_by_category(
    input: &Input,
    options: &ParseOptions,
    mut each: impl FnMut(Option<&str>, shixiang::Category),
) -> Result<Document, Error> {
    if is_workbook(input) {
        // A sheet is read whole: its cells are in memory anyway.
        let mut document = shixiang::parse_spreadsheet(&input.bytes, options)?;
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

/// Whether an input is a workbook: by its file extension, or by its first bytes (a zip
/// archive, as `.xlsx` and `.ods` are, or an OLE file, as `.xls` is).
fn is_workbook(input: &Input) -> bool {
    let extension = std::path::Path::new(&input.name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        extension.as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
    ) || input.bytes.starts_with(b"PK\x03\x04")
        || input.bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// Parse one input: a workbook's sheet, or text.
fn parse_input(input: &Input, options: &ParseOptions) -> Result<Document, Error> {
    if is_workbook(input) {
        shixiang::parse_spreadsheet(&input.bytes, options)
    } else {
        shixiang::parse_bytes_with(&input.bytes, options)
    }
}

/// The end of a list read by [`read_by_category`]: its diagnostics on stderr, then what
/// `write` writes; or its error, with exit status 1.
fn finish_reading(
    input: &Input,
    read: Result<Document, Error>,
    write: impl FnOnce(&Document) -> io::Result<()>,
) -> ExitCode {
    match read {
        Ok(rest) => {
            report_diagnostics(&input.name, &rest);
            finish(write(&rest))
        }
        Err(error) => {
            report_error(&input.name, &error);
            ExitCode::from(1)
        }
    }
}

/// Parse every input, in parallel when there are several; results keep the inputs' order.
fn parse_all(inputs: &[Input], options: &ParseOptions) -> Vec<Result<Document, Error>> {
    let parse = |input: &Input| parse_input(input, options);
    if inputs.len() > 1 {
        inputs.par_iter().map(parse).collect()
    } else {
        inputs.iter().map(parse).collect()
    }
}

fn report_diagnostics(name: &str, document: &Document) {
    for d in &document.diagnostics {
        eprintln!("{name}:{d}");
    }
}

fn report_error(name: &str, error: &Error) {
    match error.kind() {
        // The finding that stopped a strict parse, in the form of every diagnostic.
        ErrorKind::Strict(finding) => eprintln!("{name}:{finding}"),
        kind => eprintln!("{name}:{}:{}: error: {kind}", error.line(), error.column()),
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

/// Write the documents (named by their source) in the format asked for.
fn write(documents: &[(&str, Document)], args: &Args) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
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
        Format::Summary => {
            for (_, document) in documents {
                let (categories, matters) = (document.categories.len(), document.matters().count());
                write_summary(&mut out, categories, matters, &document.diagnostics)?;
            }
        }
        Format::Jsonl => write_jsonl(&mut out, documents)?,
        Format::Csv => {
            let table = args.table.unwrap_or(Table::Matters);
            write_csv(&mut out, documents, table)?;
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
    #[serde(flatten)]
    matter: &'a shixiang::Matter,
}

fn write_jsonl(out: &mut impl Write, documents: &[(&str, Document)]) -> io::Result<()> {
    for (source, document) in documents {
        for (category, matter) in document.matters() {
            write_matter_line(out, source, document.title.as_deref(), category, matter)?;
        }
    }
    Ok(())
}

/// One line of `--format jsonl`.
fn write_matter_line(
    out: &mut impl Write,
    source: &str,
    title: Option<&str>,
    category: &shixiang::Category,
    matter: &shixiang::Matter,
) -> io::Result<()> {
    let line = MatterLine {
        source,
        title,
        category_ordinal: category.ordinal,
        category_name: &category.name,
        matter,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

fn write_summary(
    out: &mut impl Write,
    categories: usize,
    matters: usize,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    writeln!(out, "categories: {categories}")?;
    writeln!(out, "matters: {matters}")?;
    writeln!(
        out,
        "diagnostics: {} errors, {} warnings, {} infos",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )
}

/// One flat table of every document, with a header row even when it has no rows.
fn write_csv(out: &mut impl Write, documents: &[(&str, Document)], table: Table) -> io::Result<()> {
    let tables: Vec<Tables> = documents
        .iter()
        .map(|(source, document)| Tables::new(document, source))
        .collect();
    let rows = tables.iter();
    match table {
        Table::Matters => write_rows(out, rows.flat_map(|t| &t.matters)),
        Table::Materials => write_rows(out, rows.flat_map(|t| &t.materials)),
        Table::Citations => write_rows(out, rows.flat_map(|t| &t.citations)),
        Table::Diagnostics => write_rows(out, rows.flat_map(|t| &t.diagnostics)),
    }
}

fn write_rows<'a, R: Row + 'a>(
    out: &mut impl Write,
    rows: impl Iterator<Item = &'a R>,
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record(R::COLUMNS).map_err(io_error)?;
    for row in rows {
        writer.serialize(row).map_err(io_error)?;
    }
    writer.flush()
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
    finish(written)
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
