//! List markers inside a cell: `1.`, `1、`, `1．`, `（1）`, `(1)`, `（一）`, `一、`, `①`.
//!
//! Cells number their points in prose, so a marker is only taken as one when it fits the list:
//! the first marker opens the cell (or is number 1), and every later marker of the same style
//! is the next number. `第（三）款`, `1.5`, `C0109.1-2018` or `近3个月` never split a cell.
//! Markers of another style stay inside the item (`1. 在职职工：①… ②…`): split the item's
//! body again for the nested list.
//!
//! - [`grammar`]: one nom parser per style of marker, and after which character each may stand;
//! - [`candidates`]: every marker of a text outside brackets, in one walk over the bytes;
//! - [`list`]: the candidates that make the list, and the points they cut the text into;
//! - [`prefilter`]: [`may_hold_marker`], which rules out most texts at once, and [`points`],
//!   which asks it before the search for markers.

mod candidates;
mod grammar;
mod list;
mod prefilter;

pub(crate) use candidates::candidates;
pub(crate) use list::{list_markers, split, strip};
pub(crate) use prefilter::{may_hold_marker, points};

/// How a list numbers its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `1.`, `1．`, `1、`, `1）`.
    Arabic,
    /// `（1）`, `(1)`.
    ArabicParen,
    /// `一、`.
    Chinese,
    /// `（一）`, `(一)`.
    ChineseParen,
    /// `①` … `⑳`.
    Circled,
}

/// A list marker found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub(crate) style: Style,
    pub(crate) number: u32,
    /// Byte range of the marker in the text it was found in.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// One point of a list: its marker (none for text before the first marker, or for a cell that
/// is not a list) and its body, trimmed, as a slice of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    pub(crate) marker: Option<Marker>,
    pub(crate) body: &'a str,
}

/// Pieces of texts with markers of every style, the brackets around them and what they may
/// follow: tests run on every text of up to four of them.
#[cfg(test)]
const TEST_PIECES: &[&str] = &[
    "1.",
    "2、",
    "（1）",
    "(2)",
    "（一）",
    "二、",
    "①",
    "②",
    "（",
    "）",
    "《",
    "》",
    "第",
    "甲",
    "12",
    "，",
    " ",
    "十",
];
