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

// The lossless check of the integration tests, shared with them.
#[path = "../../tests/common/mod.rs"]
mod common;
use common::missing_cell;
