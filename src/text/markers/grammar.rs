//! The grammar of a list marker, one nom parser per style: `①`; `（1）`, `(一)`; `1.`,
//! `1、`, `1）`; `一、`. [`marker_at`] tries the one its first character can start, and
//! [`may_follow`] says after which character a marker of each style may stand.

use nom::{
    branch::alt,
    bytes::complete::take_while,
    character::complete::{anychar, char, one_of},
    combinator::{map, map_opt, verify},
    sequence::{delimited, preceded, terminated},
    IResult, Parser,
};

use super::Style;
use crate::text::chars::is_numeral_char;
use crate::text::numeral;

pub(super) fn circled(input: &str) -> IResult<&str, (Style, u32)> {
    map_opt(anychar, |c| {
        let n = c as u32;
        (0x2460..=0x2473)
            .contains(&n)
            .then(|| (Style::Circled, n - 0x2460 + 1))
    })
    .parse(input)
}

fn open_paren(input: &str) -> IResult<&str, char> {
    one_of("（(").parse(input)
}

fn close_paren(input: &str) -> IResult<&str, char> {
    one_of("）)").parse(input)
}

/// Spaces a parenthesized marker may hold around its numeral (`( 一 )`, as text extraction
/// spaces it): ASCII and ideographic spaces.
pub(super) fn is_inner_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

fn inner_space(input: &str) -> IResult<&str, &str> {
    take_while(is_inner_space).parse(input)
}

fn parenthesized(input: &str) -> IResult<&str, (Style, u32)> {
    let open = (open_paren, inner_space);
    let close = || (inner_space, close_paren);
    alt((
        map(delimited(open, numeral::arabic, close()), |n| {
            (Style::ArabicParen, n)
        }),
        map(
            delimited((open_paren, inner_space), numeral::chinese, close()),
            |n| (Style::ChineseParen, n),
        ),
    ))
    .parse(input)
}

/// `arabic_point = arabic inner_space point`: `1.`, `1、`, `1）`, and, as text extraction
/// spaces them, `1 、`, `2 .`.
fn arabic_point(input: &str) -> IResult<&str, (Style, u32)> {
    let point = preceded(inner_space, one_of(".．、）)"));
    let (rest, n) = terminated(numeral::arabic, point).parse(input)?;
    // `1.5` is a number, not a point.
    if rest.starts_with(numeral::is_arabic_digit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, (Style::Arabic, n)))
}

fn chinese_point(input: &str) -> IResult<&str, (Style, u32)> {
    map(
        verify(terminated(numeral::chinese, char('、')), |n| *n > 0),
        |n| (Style::Chinese, n),
    )
    .parse(input)
}

/// The marker starting exactly at the start of `input`, if any, with its end. Only the parser
/// of the style its first character can start is tried (the styles start with different
/// characters).
pub(super) fn marker_at(input: &str) -> Option<(Style, u32, usize)> {
    let first = input.chars().next()?;
    let parsed = if is_circled(first) {
        circled(input)
    } else if first == '（' || first == '(' {
        // Most parentheses hold a remark: only a numeral inside makes them a marker.
        let inside = input
            .get(first.len_utf8()..)
            .and_then(|rest| rest.chars().find(|&c| !is_inner_space(c)));
        if !inside.is_some_and(is_numeral_char) {
            return None;
        }
        parenthesized(input)
    } else if first.is_ascii_digit() {
        return ascii_point(input).unwrap_or_else(|| {
            arabic_point(input)
                .ok()
                .map(|(rest, (style, n))| (style, n, input.len() - rest.len()))
        });
    } else if numeral::is_arabic_digit(first) {
        arabic_point(input)
    } else {
        chinese_point(input)
    };
    parsed
        .ok()
        .map(|(rest, (style, n))| (style, n, input.len() - rest.len()))
}

/// [`arabic_point`] at the start of `input`, which starts with an ASCII digit, read byte by
/// byte (nom's parsers cost several times as much, and most markers are `1.` or `2、`):
/// `Some(marker)` as [`marker_at`] gives it, or `None` to leave to `arabic_point` digits
/// followed by another digit (full-width: `1２.`), spaces or not between them.
fn ascii_point(input: &str) -> Option<Option<(Style, u32, usize)>> {
    let bytes = input.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = input.get(digits..)?;
    // Spaces an extraction put between the number and its point (`1 、`).
    let spaced = rest.trim_start_matches(is_inner_space);
    let spaces = rest.len() - spaced.len();
    let mut after = spaced.chars();
    let next = after.next();
    if next.is_some_and(numeral::is_arabic_digit) {
        return None;
    }
    let value = bytes[..digits].iter().try_fold(0u32, |acc, &b| {
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    });
    let (Some(value), Some(point)) = (value, next) else {
        return Some(None);
    };
    // `1.5` is a number, not a point.
    let is_point = matches!(point, '.' | '．' | '、' | '）' | ')')
        && !after.as_str().starts_with(numeral::is_arabic_digit);
    Some(is_point.then(|| (Style::Arabic, value, digits + spaces + point.len_utf8())))
}

/// Whether `c` is a circled number `①` … `⑳`.
pub(super) fn is_circled(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// Whether a marker of `style` may follow the character `before`.
pub(super) fn may_follow(style: Style, before: Option<char>) -> bool {
    let Some(c) = before else { return true };
    match style {
        Style::Circled => true,
        // `第（三）款` cites a paragraph.
        Style::ArabicParen | Style::ChineseParen => c != '第',
        // `C0109.1`, `10.`: a marker does not continue a word or a number.
        Style::Arabic => !(c.is_ascii_alphanumeric() || numeral::is_arabic_digit(c) || c == '第'),
        // `统一、规范`: a Chinese point starts a clause.
        Style::Chinese => c.is_whitespace() || is_clause_break(c),
    }
}

/// Punctuation after which a new point may start.
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '；' | ';' | '。' | '，' | ',' | '：' | ':' | '）' | ')' | '》' | '”' | '"' | '！' | '？'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::chars::is_ideograph;

    #[test]
    fn no_chinese_point_follows_an_ideograph() {
        // What lets `may_open_marker_after` rule out an ideograph after another one first.
        for before in ('\u{4E00}'..='\u{9FFF}').filter(|&c| is_ideograph(c)) {
            assert!(!may_follow(Style::Chinese, Some(before)), "{before:?}");
        }
    }

    /// The definition [`marker_at`] must agree with: every style's parser tried in turn.
    fn marker_at_by_alt(input: &str) -> Option<(Style, u32, usize)> {
        alt((circled, parenthesized, arabic_point, chinese_point))
            .parse(input)
            .ok()
            .map(|(rest, (style, n))| (style, n, input.len() - rest.len()))
    }

    #[test]
    fn marker_at_reads_as_every_style_tried_in_turn() {
        let pieces = [
            "1",
            "0",
            "9",
            "１",
            ".",
            "．",
            "、",
            ")",
            "）",
            "5",
            "x",
            "甲",
            "4294967295",
            "4294967296",
            "99999999999",
            "（",
            "(",
            "一",
            "十",
            " ",
            "\u{3000}",
        ];
        for pieces in [&pieces[..], super::super::TEST_PIECES] {
            for text in &crate::test_support::every_text(pieces, 4) {
                for (i, _) in text.char_indices() {
                    assert_eq!(
                        marker_at(&text[i..]),
                        marker_at_by_alt(&text[i..]),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
