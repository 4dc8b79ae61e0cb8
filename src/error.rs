//! The error returned when input holds no list at all (or, in strict mode, the first finding).

use crate::diagnostic::{Diagnostic, Position};

/// Why parsing failed, and where.
///
/// Parsing is lenient: most problems are [`Diagnostic`]s on a returned document. An `Error`
/// means there is no list to return (or, with [`ParseOptions::strict`](crate::ParseOptions),
/// that a warning was found).
///
/// It is one pointer wide (its parts are boxed), so that `Result<_, Error>` stays small.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", .0.position, .0.kind)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    position: Position,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only white space.
    #[error("the input is empty")]
    Empty,
    /// No line of the input is a header row (主项, 子项, 办理材料…).
    #[error("no header row found (a row naming columns such as 子项 and 办理材料)")]
    NoHeader,
    /// The input is not UTF-8.
    #[error("invalid UTF-8 at byte {byte_offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        byte_offset: usize,
    },
    /// [`OwnedReader`](crate::OwnedReader) was given a spreadsheet workbook, which it does
    /// not read one category at a time: [`parse`](crate::parse) reads it whole.
    #[error("the input is a spreadsheet workbook, which an OwnedReader does not read: read it with shixiang::parse")]
    WorkbookInReader,
    /// The sheet asked for is not in the workbook.
    #[error("the workbook has no sheet named “{name}”; its sheets are {}", quote_sheets(.sheets))]
    UnknownSheet {
        /// The sheet asked for.
        name: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// The input could not be read (an I/O error of the reader given to
    /// [`OwnedReader`](crate::OwnedReader)).
    #[error("cannot read the input: {0}")]
    Io(String),
    /// The bytes are not a workbook that can be read.
    #[error("cannot read the workbook: {0}")]
    UnreadableWorkbook(String),
    /// The bytes are a workbook, and this build of the crate does not read workbooks.
    #[error(
        "the input is a spreadsheet workbook; reading one needs the feature `xlsx` of shixiang"
    )]
    WorkbookNeedsFeature,
    /// Strict mode: the parser found a warning or an error.
    #[error("{}[{}]: {}", .0.severity, .0.code, .0.message)]
    Strict(Diagnostic),
}

/// Sheet names as an error lists them: `“a”, “b”`.
fn quote_sheets(sheets: &[String]) -> String {
    if sheets.is_empty() {
        return "none".to_owned();
    }
    let quoted: Vec<String> = sheets.iter().map(|s| format!("“{s}”")).collect();
    quoted.join(", ")
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, position: Position) -> Error {
        Error(Box::new(Inner { kind, position }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where: 1-based line and column (graphemes).
    pub fn position(&self) -> Position {
        self.0.position
    }

    /// 1-based line.
    pub fn line(&self) -> usize {
        self.0.position.line
    }

    /// 1-based column, in graphemes.
    pub fn column(&self) -> usize {
        self.0.position.column
    }
}
