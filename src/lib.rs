//! `shixiang` (事项) turns Chinese government service-matter lists (政务服务事项清单), as
//! text extracted from their PDF tables, into structured data.
//!
//! A list is a table whose rows are services (子项, *matters*) grouped under merged category
//! cells (主项). Each cell holds structure in prose: numbered materials, deadlines, steps,
//! channels, notes and legal citations. `shixiang` reads the table the way a person does:
//!
//! 1. **text → lines**: UTF-8, a byte-order mark, LF, CRLF or CR line endings;
//! 2. **lines → pages and rows**: the title, the header row wherever it repeats (columns are
//!    found by name, in any order), data rows and footnotes;
//! 3. **rows → merged table**: a blank 主项 continues the category above; a 主项 split or
//!    truncated by a page break is joined again; a row continued on the next page is appended;
//! 4. **cells → fields**: one parser per kind of cell;
//! 5. **checks across rows**: numbering, conflicting citations;
//! 6. **the model**: a [`Document`], serializable with serde.
//!
//! Parsing is lenient. What is odd about the source is reported as a [`Diagnostic`] with a
//! line and a column, never hidden and never fatal; an [`Error`] means there is no list at all.
//! No text is lost: every cell keeps its source text in `raw`, beside its structure.
//!
//! # Example
//!
//! ```
//! let text = "\
//! 某市医疗保障经办政务服务事项清单（2024版）
//! 主项\t子项序号\t子项\t办理材料\t办理时限
//! 一、参保登记\t1\t单位参保登记\t《参保登记表》\t即时办结
//! \t3\t职工参保登记\t有效身份证件\t即时办结
//! ";
//! let document = shixiang::parse(text)?;
//!
//! assert_eq!(document.region.as_deref(), Some("某市"));
//! assert_eq!(document.edition.as_deref(), Some("2024版"));
//! let category = &document.categories[0];
//! assert_eq!((category.ordinal, category.name.as_str()), (Some(1), "参保登记"));
//! assert_eq!(category.matters[1].name, "职工参保登记");
//! assert_eq!(category.matters[1].materials.raw, "有效身份证件");
//!
//! // Matter 2 is missing: a warning on line 4, column 2 (the 子项序号 cell).
//! let d = &document.diagnostics[0];
//! assert_eq!(d.code, shixiang::Code::MatterNumberMissing);
//! assert_eq!((d.line, d.column), (4, 2));
//! assert_eq!(d.message, "matter number 2 is missing between 1 and 3");
//! # Ok::<(), shixiang::Error>(())
//! ```
//!
//! Columns are 1-based and count user-perceived characters (graphemes), so an editor's column
//! and ours agree on Chinese text.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cell;
mod checks;
mod compare;
mod diagnostic;
mod document;
mod error;
mod fields;
mod markers;
mod model;
mod normalize;
mod numeral;
mod outline;
mod table;
mod title;

pub use compare::{compare, Comparison, Finding, FindingCode, MatterRef, Pair, PAIR_THRESHOLD};
pub use diagnostic::{Code, Diagnostic, Position, Severity};
pub use error::{Error, ErrorKind};
pub use fields::deadline::ParseDeadlineError;
pub use model::*;

/// How to parse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Fail with the first warning or error finding instead of returning it as a diagnostic.
    pub strict: bool,
}

impl ParseOptions {
    /// The default options: lenient.
    pub fn new() -> ParseOptions {
        ParseOptions::default()
    }

    /// Turn strict mode on or off.
    pub fn strict(mut self, strict: bool) -> ParseOptions {
        self.strict = strict;
        self
    }
}

/// Parse a matter list with the default (lenient) options.
///
/// Returns `Err` only when the text holds no list: it is empty, or no line is a header row.
pub fn parse(text: &str) -> Result<Document, Error> {
    parse_with(text, &ParseOptions::default())
}

/// Parse a matter list given as bytes; they must be UTF-8 (a byte-order mark is allowed).
///
/// ```
/// let error = shixiang::parse_bytes(b"\xE4\xB8").unwrap_err();
/// assert_eq!(error.to_string(), "line 1, column 1: invalid UTF-8 at byte 0");
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    parse_bytes_with(bytes, &ParseOptions::default())
}

/// [`parse_bytes`] with options.
pub fn parse_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<Document, Error> {
    parse_with(table::decode(bytes)?, options)
}

/// [`parse`] with options.
pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Document, Error> {
    let mut diagnostics = diagnostic::Diagnostics::default();
    let table = table::read(text, &mut diagnostics)?;
    let document = document::build(table, diagnostics);
    if options.strict {
        if let Some(first) = document
            .diagnostics
            .iter()
            .find(|d| d.severity >= Severity::Warning)
        {
            return Err(Error::new(
                ErrorKind::Strict(first.clone()),
                first.position(),
            ));
        }
    }
    Ok(document)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
