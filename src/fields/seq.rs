//! 子项序号: the number of a matter in its category, a positive whole number.
//!
//! ```text
//! seq   = space numeral space point* space     (the whole cell, invisible characters dropped)
//! point = "." | "．" | "、"
//! ```
//!
//! The numeral is Arabic (ASCII or full-width digits) or Chinese ([`numeral::number`]).

use std::borrow::Cow;

use nom::{
    bytes::complete::take_while, combinator::all_consuming, sequence::delimited, IResult, Parser,
};

use crate::text::normalize::is_invisible;
use crate::text::numeral;

/// The value of a 子项序号 cell: `Ok(None)` when empty, `Err(())` when it is not a positive
/// whole number ([`seq`]: `1.` and `1、` are allowed; so are full-width and Chinese digits).
///
/// Most cells are a plain run of digits, read at once; any other text goes through the
/// grammar ([`seq_in_full`]).
pub(crate) fn seq_value(text: &str) -> Result<Option<u32>, ()> {
    match numeral::arabic_value(text) {
        Some(0) => Err(()),
        Some(n) => Ok(Some(n)),
        None => seq_in_full(text),
    }
}

/// [`seq_value`] of any text: invisible characters dropped, then [`seq`] read over the whole.
fn seq_in_full(text: &str) -> Result<Option<u32>, ()> {
    let visible: Cow<'_, str> = if text.contains(is_invisible) {
        text.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        text.into()
    };
    if visible.trim().is_empty() {
        return Ok(None);
    }
    let value = all_consuming(seq).parse(&visible).map(|(_, n)| n);
    match value {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(()),
    }
}

/// `seq = space numeral space point* space`.
fn seq(input: &str) -> IResult<&str, u32> {
    delimited(space, numeral::number, (space, take_while(is_point), space)).parse(input)
}

/// White space, maybe none.
fn space(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// The points a 子项序号 may end with.
fn is_point(c: char) -> bool {
    matches!(c, '.' | '．' | '、')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wordings of a 子项序号: input → value.
    #[test]
    fn seq_values() {
        let table: &[(&str, Result<Option<u32>, ()>)] = &[
            ("12", Ok(Some(12))),
            (" 12 ", Ok(Some(12))),
            ("12.", Ok(Some(12))),
            ("12 ．", Ok(Some(12))),
            ("3、", Ok(Some(3))),
            ("7..", Ok(Some(7))),
            ("１", Ok(Some(1))),
            ("１２", Ok(Some(12))),
            ("十二", Ok(Some(12))),
            ("一百零二、", Ok(Some(102))),
            ("\u{200B}3\u{FEFF}", Ok(Some(3))),
            ("1\u{200B}2", Ok(Some(12))),
            ("999999999", Ok(Some(999_999_999))),
            ("4294967295", Ok(Some(4_294_967_295))),
            ("", Ok(None)),
            (" \u{3000}", Ok(None)),
            ("\u{200B}", Ok(None)),
            ("0", Err(())),
            ("00", Err(())),
            ("零", Err(())),
            ("-1", Err(())),
            ("a", Err(())),
            (".", Err(())),
            (".1", Err(())),
            ("1 2", Err(())),
            ("12 . .", Err(())),
            ("12十", Err(())),
            ("十2", Err(())),
            ("1.5", Err(())),
            ("4294967296", Err(())),
            ("99999999999999999999", Err(())),
        ];
        for (text, value) in table {
            assert_eq!(seq_value(text), *value, "{text:?}");
        }
    }

    /// The plain run of digits read at once is read as the grammar reads it.
    #[test]
    fn plain_numbers_are_read_as_in_full() {
        let pieces = ["0", "1", "7", "9", " ", ".", "１", "a", "十", "\u{200B}"];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(seq_value(text), seq_in_full(text), "{text:?}");
        }
        for text in ["999999999", "4294967295", "4294967296", "0000000001", "00"] {
            assert_eq!(seq_value(text), seq_in_full(text), "{text:?}");
        }
    }
}
