//! Parse arbitrary bytes and check the properties of `tests/properties.rs`: no panic,
//! deterministic, every non-blank cell kept in a raw-like text, and JSON that reads back
//! into an equal document.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shixiang::Document;

fuzz_target!(|bytes: &[u8]| {
    let first = shixiang::parse_bytes(bytes);
    assert_eq!(first, shixiang::parse_bytes(bytes), "not deterministic");
    // Strict mode fails exactly when a warning or an error was found.
    let strict = shixiang::parse_bytes_with(bytes, &shixiang::ParseOptions::new().strict(true));
    if let Ok(document) = &first {
        let warned = document
            .diagnostics
            .iter()
            .any(|d| d.severity >= shixiang::Severity::Warning);
        assert_eq!(strict.is_err(), warned, "strict mode disagrees with the diagnostics");
    }
    let Ok(document) = first else { return };
    let text = std::str::from_utf8(bytes).expect("a parsed input is UTF-8");
    if let Some((line, cell)) = missing_cell(text, &document) {
        panic!("cell {cell:?} of line {line} is in no raw text of the output");
    }
    for d in &document.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "position of {d}");
        assert!(d.message.chars().count() <= 400, "long message: {d}");
    }
    let json = serde_json::to_string(&document).expect("serializes");
    let back: Document = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, document, "JSON round trip");
});

// The lossless check, as in `tests/common/mod.rs` (a fuzz target cannot share test modules).

fn is_foldable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|&c| !is_foldable(c)).collect()
}

fn raw_texts(document: &Document) -> Vec<&str> {
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
        }
    }
    texts.extend(document.other_columns.iter().flatten().map(String::as_str));
    texts
}

fn source_lines(text: &str) -> Vec<&str> {
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

fn missing_cell(text: &str, document: &Document) -> Option<(usize, String)> {
    let haystack: String = raw_texts(document)
        .iter()
        .map(|t| squeeze(t))
        .collect::<Vec<_>>()
        .join("\u{1}");
    for (index, line) in source_lines(text).iter().enumerate() {
        for cell in line.split('\t') {
            let needle = squeeze(cell);
            if !needle.is_empty() && !haystack.contains(&needle) {
                return Some((index + 1, cell.to_owned()));
            }
        }
    }
    None
}
