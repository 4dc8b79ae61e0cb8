//! Parse arbitrary bytes and check the properties of `tests/properties.rs`: no panic,
//! deterministic, the same document read one category at a time, every non-blank cell kept
//! in a raw-like text (inputs up to 256 KiB: the check is quadratic), and JSON that reads
//! back into an equal document. The decoded text is also parsed as a `str` with `parse` and
//! as comma-separated records (quoted cells), checking positions and messages.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shixiang::{Document, Error, Strictness};

/// Inputs above this size are not checked cell by cell (as in `tests/invalid.rs`).
const LOSSLESS_CHECK_LIMIT: usize = 256 * 1024;

fuzz_target!(|bytes: &[u8]| {
    let first = shixiang::parse(bytes);
    assert_eq!(first, shixiang::parse(bytes), "not deterministic");
    if shixiang::Input::from(bytes).is_workbook() {
        // A workbook is read whole, as a sheet, never as text (this crate is built without
        // the feature `xlsx`, so it is an error that says so).
        let error = first.expect_err("a workbook without the feature `xlsx`");
        assert!(matches!(error.kind(), shixiang::ErrorKind::WorkbookNeedsFeature));
        return;
    }
    assert_eq!(
        first,
        streamed(bytes),
        "the Reader does not read as parse does"
    );
    // A strict parse fails exactly when a finding it fails on was found.
    if let Ok(document) = &first {
        for strictness in [Strictness::Source, Strictness::All] {
            let options = shixiang::ParseOptions::new().strictness(strictness);
            let strict = shixiang::parse_with(bytes, &options);
            let fails = document.diagnostics.iter().any(|d| strictness.fails_on(d));
            assert_eq!(strict.is_err(), fails, "strictness {strictness} disagrees");
        }
    }
    check_findings(&first);
    let options = shixiang::ParseOptions::new();
    let Ok(decoded) = shixiang::decode(bytes, &options) else {
        assert!(first.is_err(), "an input that parsed does not decode");
        return;
    };
    let text = decoded.text();
    check_findings(&shixiang::parse(text));
    check_findings(&shixiang::parse_with(
        text,
        &options.clone().delimiter(b','),
    ));
    let Ok(document) = first else { return };
    // The lossless check splits lines at tabs: it applies when the text was read so.
    let by_tabs = shixiang::parse_with(text, &options.clone().delimiter(b'\t'));
    let read_by_tabs = by_tabs.is_ok_and(|d| d.categories == document.categories);
    if read_by_tabs && bytes.len() <= LOSSLESS_CHECK_LIMIT {
        if let Some((line, cell)) = missing_cell(text, &document) {
            panic!("cell {cell:?} of line {line} is in no raw text of the output");
        }
    }
    let json = serde_json::to_string(&document).expect("serializes");
    let back: Document = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, document, "JSON round trip");
});

/// Every finding of an outcome has a position (line and column from 1) and a short message.
fn check_findings(result: &Result<Document, Error>) {
    match result {
        Ok(document) => {
            for d in &document.diagnostics {
                assert!(d.line >= 1 && d.column >= 1, "position of {d}");
                assert!(d.message.chars().count() <= 400, "long message: {d}");
            }
        }
        Err(error) => {
            let (line, column) = (error.line(), error.column());
            assert!(
                line >= 1 && column >= 1,
                "position {line}:{column} of {error}"
            );
        }
    }
}

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
