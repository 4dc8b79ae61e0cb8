//! Parse arbitrary bytes and check the properties of `tests/properties.rs`: no panic,
//! deterministic, the same document read one category at a time, every non-blank cell kept
//! in a raw-like text, and JSON that reads back into an equal document.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shixiang::Document;

fuzz_target!(|bytes: &[u8]| {
    let first = shixiang::parse_bytes(bytes);
    assert_eq!(first, shixiang::parse_bytes(bytes), "not deterministic");
    assert_eq!(first, streamed(bytes), "the Reader does not read as parse does");
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
    let options = shixiang::ParseOptions::new();
    let decoded = shixiang::decode(bytes, &options).expect("a parsed input decodes");
    let text = decoded.text();
    // The lossless check splits lines at tabs: it applies when the text was read so.
    let by_tabs = shixiang::parse_with(text, &options.clone().delimiter(b'\t'));
    let read_by_tabs = by_tabs.is_ok_and(|d| d.categories == document.categories);
    if read_by_tabs {
        if let Some((line, cell)) = missing_cell(text, &document) {
            panic!("cell {cell:?} of line {line} is in no raw text of the output");
        }
    }
    for d in &document.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "position of {d}");
        assert!(d.message.chars().count() <= 400, "long message: {d}");
    }
    let json = serde_json::to_string(&document).expect("serializes");
    let back: Document = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, document, "JSON round trip");
});

/// The document read with a `Reader`: the categories of the iteration, the rest of `finish`.
fn streamed(bytes: &[u8]) -> Result<Document, shixiang::Error> {
    let options = shixiang::ParseOptions::new();
    let decoded = shixiang::decode(bytes, &options)?;
    let mut reader = shixiang::Reader::from_decoded(&decoded, &options);
    let categories: Result<Vec<_>, _> = reader.by_ref().collect();
    let finished = reader.finish();
    let categories = categories?;
    finished.map(|mut document| {
        assert!(document.categories.is_empty(), "finish repeats a category");
        document.categories = categories;
        document
    })
}

// The lossless check of the integration tests, shared with them.
#[path = "../../tests/common/mod.rs"]
mod common;
use common::missing_cell;
