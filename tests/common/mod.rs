//! Helpers shared by the integration tests: the lossless check, a compact outcome summary,
//! finding a matter and showing findings, and running the `dump` example that `cargo test`
//! builds.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use shixiang::{Document, Error, Matter};

/// Characters the parser may drop or fold when it normalizes (white space and invisible
/// characters); they are removed from both sides before looking for a cell in the output.
fn is_foldable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// `text` without foldable characters.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|&c| !is_foldable(c)).collect()
}

/// Every raw-like text of the document: where a source cell may legitimately end up.
pub fn raw_texts(document: &Document) -> Vec<&str> {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(document.title.as_deref());
    texts.extend(document.preamble.iter().map(String::as_str));
    texts.extend(document.columns.iter().map(String::as_str));
    texts.extend(document.footnotes.iter().map(String::as_str));
    for category in &document.categories {
        texts.extend(category.raw.iter().map(String::as_str));
        texts.extend(category.code.as_deref());
        for matter in &category.matters {
            texts.push(&matter.seq_raw);
            texts.push(&matter.name_raw);
            texts.extend(matter.code.as_deref());
            texts.push(&matter.materials.raw);
            texts.push(&matter.deadline.raw);
            texts.push(&matter.steps.raw);
            texts.push(&matter.channels.raw);
            texts.push(&matter.notes.raw);
            texts.push(&matter.legal_basis.raw);
            texts.extend(matter.extra.values().map(String::as_str));
            texts.extend(matter.deadline_note.as_deref());
            if let Some(fee) = &matter.fee {
                texts.push(&fee.raw);
                texts.extend(fee.standard.as_deref());
            }
            for field in [
                &matter.place,
                &matter.inquiry_phone,
                &matter.supervision_phone,
                &matter.target,
                &matter.authority,
                &matter.kind,
                &matter.level,
            ] {
                texts.extend(field.as_deref());
            }
        }
    }
    texts.extend(document.other_columns.iter().flatten().map(String::as_str));
    texts
}

/// The source lines as the parser splits them: after a byte-order mark, at LF, CRLF or CR.
pub fn source_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                lines.push(&rest[..i]);
                let ending = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + ending..];
            }
            None => {
                lines.push(rest);
                rest = "";
            }
        }
    }
    lines
}

/// The lossless rule: every non-blank cell of `text` (every tab-separated piece of every
/// line) appears, up to white space, in some raw-like text of `document`. Returns the first
/// cell that does not, with its line.
pub fn missing_cell(text: &str, document: &Document) -> Option<(usize, String)> {
    let texts: Vec<String> = raw_texts(document).iter().map(|t| squeeze(t)).collect();
    // Most cells are a whole raw text: found in the set; the rest are looked for inside them.
    let whole: std::collections::HashSet<&str> = texts.iter().map(String::as_str).collect();
    let haystack = texts.join("\u{1}");
    let mut found: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (index, line) in source_lines(text).iter().enumerate() {
        for cell in line.split('\t') {
            let needle = squeeze(cell);
            if needle.is_empty() || whole.contains(needle.as_str()) || found.contains(&needle) {
                continue;
            }
            if haystack.contains(&needle) {
                found.insert(needle);
            } else {
                return Some((index + 1, cell.to_owned()));
            }
        }
    }
    None
}

/// Panic when a cell of `text` is missing from `document`.
pub fn assert_lossless(text: &str, document: &Document) {
    if let Some((line, cell)) = missing_cell(text, document) {
        panic!("cell {cell:?} of line {line} is in no raw text of the output\nsource: {text:?}\noutput: {document:#?}");
    }
}

/// How many diagnostics an outcome lists before it summarizes the rest.
const LISTED: usize = 40;

/// A parse result as a short reviewable text: the error, or the shape of the document and its
/// diagnostics as `LINE:COL severity[code] message`.
pub fn outcome(result: &Result<Document, Error>) -> String {
    match result {
        Err(error) => format!("error: {error}\n"),
        Ok(document) => {
            let matters = document.matters().count();
            let mut out = format!(
                "ok: {} categories, {} matters, {} footnotes, {} preamble lines, title {:?}\n",
                document.categories.len(),
                matters,
                document.footnotes.len(),
                document.preamble.len(),
                document.title.as_deref().map(|t| elide(t, 40)),
            );
            for d in document.diagnostics.iter().take(LISTED) {
                out.push_str(&format!(
                    "{}:{} {}[{}] {}\n",
                    d.line, d.column, d.severity, d.code, d.message
                ));
            }
            let more = document.diagnostics.len().saturating_sub(LISTED);
            if more > 0 {
                out.push_str(&format!("… and {more} more diagnostics\n"));
            }
            out
        }
    }
}

/// At most `max` characters of `text`, then `…` and how many more there were.
pub fn elide(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        text.to_owned()
    } else {
        let head: String = text.chars().take(max).collect();
        format!("{head}…(+{} chars)", count - max)
    }
}

/// The `dump` example built by `cargo test`: `target/<profile>/deps/<test>-<hash>` →
/// `target/<profile>/examples/dump`.
pub fn dump_binary() -> std::path::PathBuf {
    let mut path = std::env::current_exe().expect("the test binary has a path");
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    path.join("examples")
        .join(format!("dump{}", std::env::consts::EXE_SUFFIX))
}

/// Run the `dump` example in the crate's folder with `args`, and `stdin` on its standard input.
pub fn dump(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(dump_binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dump example is built by cargo test");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("dump takes its input");
    child.wait_with_output().expect("dump runs")
}

/// The matter of `document` whose 子项序号 is `seq`.
pub fn matter(document: &Document, seq: u32) -> &Matter {
    document
        .matters()
        .map(|(_, matter)| matter)
        .find(|matter| matter.seq == Some(seq))
        .unwrap_or_else(|| panic!("matter {seq} is in the list"))
}

/// The diagnostics of `document`, each as `LINE:COLUMN code: message`.
pub fn findings(document: &Document) -> Vec<String> {
    document
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}: {}", d.line, d.column, d.code, d.message))
        .collect()
}

/// The document of `text`, which must hold a list, checked to lose no cell.
pub fn parsed(text: &str) -> Document {
    let document = shixiang::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_lossless(text, &document);
    document
}

/// Every matter of `document`, in order.
pub fn matters(document: &Document) -> Vec<&Matter> {
    document.matters().map(|(_, m)| m).collect()
}
