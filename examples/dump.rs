//! Dump a matter list as an outline, JSON, JSON lines or a summary.
//!
//! ```text
//! cargo run --example dump [-- [--format outline|json|jsonl|summary] [--strict] [FILE|-]]
//! cargo run --example dump -- --compare BASELINE FILE [--format outline|json]
//! ```
//!
//! With no FILE, dumps the embedded Shandong 2023 list. Diagnostics go to stderr as
//! `FILE:LINE:COLUMN: SEVERITY[CODE]: MESSAGE`. Exit status: 0 on success, 1 when the input
//! holds no list (or, with `--strict`, has a warning), 2 on a usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use shixiang::{Document, ErrorKind, ParseOptions, Severity};

const EMBEDDED_NAME: &str = "fixtures/valid/shandong-2023.tsv";
const EMBEDDED: &str = include_str!("../fixtures/valid/shandong-2023.tsv");

const USAGE: &str = "usage: dump [--format outline|json|jsonl|summary] [--strict] [FILE|-]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Outline,
    Json,
    Jsonl,
    Summary,
}

struct Args {
    format: Format,
    strict: bool,
    file: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        format: Format::Outline,
        strict: false,
        file: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value")?;
                parsed.format = format_of(&value)?;
            }
            "--strict" => parsed.strict = true,
            "--help" | "-h" => return Err(String::new()),
            _ if arg.starts_with("--format=") => {
                parsed.format = format_of(&arg["--format=".len()..])?;
            }
            _ if arg.starts_with('-') && arg != "-" => return Err(format!("unknown option {arg}")),
            _ if parsed.file.is_some() => return Err(format!("unexpected argument {arg}")),
            _ => parsed.file = Some(arg),
        }
    }
    Ok(parsed)
}

fn format_of(value: &str) -> Result<Format, String> {
    match value {
        "outline" => Ok(Format::Outline),
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "summary" => Ok(Format::Summary),
        _ => Err(format!(
            "unknown format {value:?} (expected outline, json, jsonl or summary)"
        )),
    }
}

fn main() -> ExitCode {
    if let Some(code) = compare_mode(std::env::args().skip(1).collect()) {
        return code;
    }
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
    let (name, bytes) = match read_input(args.file.as_deref()) {
        Ok(input) => input,
        Err(reason) => {
            eprintln!("dump: {reason}");
            return ExitCode::from(2);
        }
    };
    let options = ParseOptions::new().strict(args.strict);
    let document = match shixiang::parse_bytes_with(&bytes, &options) {
        Ok(document) => document,
        Err(error) => {
            match error.kind() {
                // The finding that stopped a strict parse, in the form of every diagnostic.
                ErrorKind::Strict(finding) => eprintln!("{name}:{finding}"),
                kind => eprintln!("{name}:{}:{}: error: {kind}", error.line(), error.column()),
            }
            return ExitCode::from(1);
        }
    };
    for d in &document.diagnostics {
        eprintln!("{name}:{d}");
    }
    match write(&document, args.format) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`dump | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

fn read_input(file: Option<&str>) -> Result<(String, Vec<u8>), String> {
    match file {
        None => Ok((EMBEDDED_NAME.to_owned(), EMBEDDED.as_bytes().to_vec())),
        Some("-") => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(("<stdin>".to_owned(), bytes))
        }
        Some(path) => std::fs::read(path)
            .map(|bytes| (path.to_owned(), bytes))
            .map_err(|e| format!("cannot read {path}: {e}")),
    }
}

/// One line of `--format jsonl`: a matter with its document title and category inlined.
#[derive(serde::Serialize)]
struct MatterLine<'a> {
    title: Option<&'a str>,
    category_ordinal: Option<u32>,
    category_name: &'a str,
    #[serde(flatten)]
    matter: &'a shixiang::Matter,
}

fn write(document: &Document, format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        Format::Outline => write!(out, "{document}")?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, document)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for (category, matter) in document.matters() {
                let line = MatterLine {
                    title: document.title.as_deref(),
                    category_ordinal: category.ordinal,
                    category_name: &category.name,
                    matter,
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
        }
        Format::Summary => {
            let count = |severity| {
                document
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == severity)
                    .count()
            };
            writeln!(out, "categories: {}", document.categories.len())?;
            writeln!(out, "matters: {}", document.matters().count())?;
            writeln!(
                out,
                "diagnostics: {} errors, {} warnings, {} infos",
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info)
            )?;
        }
    }
    out.flush()
}

// --- `--compare BASELINE FILE`: kept apart from the rest so that it merges easily ---

const COMPARE_USAGE: &str = "usage: dump --compare BASELINE FILE [--format outline|json]";

/// Run `--compare BASELINE FILE [--format outline|json]` when the arguments ask for it:
/// `None` when they do not (the normal dump runs), else the exit status. Diagnostics of the two
/// lists go to stderr, the report to stdout.
fn compare_mode(args: Vec<String>) -> Option<ExitCode> {
    if !args.iter().any(|a| a == "--compare") {
        return None;
    }
    let mut files = Vec::new();
    let mut json = false;
    let mut rest = args.into_iter();
    while let Some(arg) = rest.next() {
        let format = match arg.as_str() {
            "--compare" => continue,
            "--format" | "-f" => rest.next(),
            _ if arg.starts_with("--format=") => Some(arg["--format=".len()..].to_owned()),
            _ if arg.starts_with('-') && arg != "-" => {
                eprintln!("dump: unknown option {arg}\n{COMPARE_USAGE}");
                return Some(ExitCode::from(2));
            }
            _ => {
                files.push(arg);
                continue;
            }
        };
        match format.as_deref() {
            Some("json") => json = true,
            Some("outline") => json = false,
            Some(other) => {
                eprintln!(
                    "dump: --compare takes --format outline or json, not {other:?}\n{COMPARE_USAGE}"
                );
                return Some(ExitCode::from(2));
            }
            None => {
                eprintln!("dump: --format needs a value\n{COMPARE_USAGE}");
                return Some(ExitCode::from(2));
            }
        }
    }
    let [baseline, local] = files.as_slice() else {
        eprintln!("dump: --compare needs two files, BASELINE and FILE\n{COMPARE_USAGE}");
        return Some(ExitCode::from(2));
    };
    let (Some(baseline), Some(local)) = (load(baseline), load(local)) else {
        return Some(ExitCode::from(1));
    };
    let comparison = shixiang::compare(&baseline, &local);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &comparison)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write!(out, "{comparison}")
    }
    .and_then(|()| out.flush());
    Some(match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: cannot write output: {e}");
            ExitCode::from(1)
        }
    })
}

/// Read and parse one list for `--compare`, printing its diagnostics; `None` after printing
/// why when it cannot be read or holds no list.
fn load(path: &str) -> Option<Document> {
    let (name, bytes) = read_input(Some(path))
        .map_err(|reason| eprintln!("dump: {reason}"))
        .ok()?;
    match shixiang::parse_bytes(&bytes) {
        Ok(document) => {
            for d in &document.diagnostics {
                eprintln!("{name}:{d}");
            }
            Some(document)
        }
        Err(error) => {
            eprintln!(
                "{name}:{}:{}: error: {}",
                error.line(),
                error.column(),
                error.kind()
            );
            None
        }
    }
}
