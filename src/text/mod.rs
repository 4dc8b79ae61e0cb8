//! The text toolkit: brackets, list markers, normalization and numerals.

pub(crate) mod brackets;
pub(crate) mod chars;
pub(crate) mod markers;
pub(crate) mod normalize;
pub(crate) mod numeral;
pub(crate) mod scan;
