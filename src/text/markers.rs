//! List markers inside a cell: `1.`, `1、`, `1．`, `（1）`, `(1)`, `（一）`, `一、`, `①`.
//!
//! Cells number their points in prose, so a marker is only taken as one when it fits the list:
//! the first marker opens the cell (or is number 1), and every later marker of the same style
//! is the next number. `第（三）款`, `1.5`, `C0109.1-2018` or `近3个月` never split a cell.
//! Markers of another style stay inside the item (`1. 在职职工：①… ②…`): split the item's
//! body again for the nested list.

use nom::{
    branch::alt,
    character::complete::{char, one_of},
    combinator::{map, map_opt, verify},
    sequence::{delimited, terminated},
    IResult, Parser,
};

use crate::brackets;
use crate::normalize::{char_at, is_ideograph, is_wide_lead, trim, trim_start};
use crate::numeral;

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

fn circled(input: &str) -> IResult<&str, (Style, u32)> {
    map_opt(nom::character::complete::anychar, |c| {
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

fn parenthesized(input: &str) -> IResult<&str, (Style, u32)> {
    alt((
        map(delimited(open_paren, numeral::arabic, close_paren), |n| {
            (Style::ArabicParen, n)
        }),
        map(delimited(open_paren, numeral::chinese, close_paren), |n| {
            (Style::ChineseParen, n)
        }),
    ))
    .parse(input)
}

fn arabic_point(input: &str) -> IResult<&str, (Style, u32)> {
    let (rest, n) = terminated(numeral::arabic, one_of(".．、）)")).parse(input)?;
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
fn marker_at(input: &str) -> Option<(Style, u32, usize)> {
    let first = input.chars().next()?;
    let parsed = if is_circled(first) {
        circled(input)
    } else if first == '（' || first == '(' {
        // Most parentheses hold a remark: only a numeral inside makes them a marker.
        let inside = input
            .get(first.len_utf8()..)
            .and_then(|rest| rest.chars().next());
        if !inside
            .is_some_and(|c| numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c))
        {
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
/// `Some(marker)` as [`marker_at`] gives it, or `None` to leave a run of digits that goes on
/// in full-width digits to `arabic_point`.
fn ascii_point(input: &str) -> Option<Option<(Style, u32, usize)>> {
    let bytes = input.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = input.get(digits..)?;
    let mut after = rest.chars();
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
    Some(is_point.then(|| (Style::Arabic, value, digits + point.len_utf8())))
}

/// Whether a marker of some style may start with `c` (a circled number, an opening
/// parenthesis, or a digit) and follow the character `before` ([`may_follow`]; the first
/// character tells the styles apart as far as `may_follow` cares). Checked first, so that
/// [`marker_at`]'s parsers run only where one of them can match and its marker be kept.
fn may_open_marker_after(c: char, before: Option<char>) -> bool {
    if is_ideograph(c) {
        // Most characters; of the markers, only a Chinese numeral starts with one, and only
        // where a clause starts: never right after another ideograph, as most are.
        !before.is_some_and(is_ideograph)
            && numeral::is_chinese_numeral_char(c)
            && may_follow(Style::Chinese, before)
    } else if is_circled(c) {
        may_follow(Style::Circled, before)
    } else if c == '（' || c == '(' {
        may_follow(Style::ArabicParen, before)
    } else if numeral::is_arabic_digit(c) {
        may_follow(Style::Arabic, before)
    } else if c == '〇' {
        // The one Chinese numeral character that is no ideograph.
        may_follow(Style::Chinese, before)
    } else {
        false
    }
}

/// Whether a marker of some style may start with `c`, whatever comes before it: a circled
/// number, an opening parenthesis, a digit or a Chinese numeral character.
/// [`may_open_marker_after`] says no for every other character.
///
/// Asked of most characters, so the cheap tests come first: an ASCII character is a digit or
/// `(`; an ideograph, a Chinese numeral character; of the others only `①`…`⑳`, `（`, the
/// full-width digits and `〇` qualify.
fn may_start_marker(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit() || c == '('
    } else if is_ideograph(c) {
        numeral::is_chinese_numeral_char(c)
    } else {
        is_circled(c) || c == '（' || ('０'..='９').contains(&c) || c == '〇'
    }
}

/// Whether `c` is a circled number `①` … `⑳`.
fn is_circled(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// Whether a marker of `style` may follow the character `before`.
fn may_follow(style: Style, before: Option<char>) -> bool {
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
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '；' | ';' | '。' | '，' | ',' | '：' | ':' | '）' | ')' | '》' | '”' | '"' | '！' | '？'
    )
}

/// Every marker candidate in `text`, in order (not yet checked against the sequence). A
/// marker inside brackets or a title (`身份证（①原件②复印件）`) belongs to that remark and
/// is no candidate.
///
/// One walk finds the candidates and pairs the brackets (any opening bracket with the next
/// closing one, innermost first, as [`brackets::opens`] and [`brackets::closes`] tell them;
/// brackets left open or closed without an opening do not count, so a stray `（` from the
/// extraction does not hide the rest of the list). When a closing bracket pairs with the
/// opening one at `s`, every candidate found since `s` lies inside the pair: those are the
/// last ones found, and are dropped there (a `（1）` that opens at `s` itself stays).
///
/// Most characters of a cell are a wide character (U+4000 … U+9FFF, lead byte `E4` … `E9`:
/// the ideographs), which is no bracket and starts no marker unless it is a Chinese numeral
/// that opens a clause (after the start, white space or punctuation: [`may_follow`]). Such a
/// character is stepped over by its lead byte, without being decoded, unless the one before
/// opens a clause; the character before a possible marker is decoded only when it is needed.
pub(crate) fn candidates(text: &str) -> Vec<Marker> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut open = OpenBrackets::default();
    let mut before = Before::Start;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let wide = is_wide_lead(lead);
        if wide && !before.opens_clause() {
            before = Before::Wide(i);
            i += 3;
            continue;
        }
        let Some(c) = char_at(text, i, lead) else {
            break;
        };
        // Most characters start no marker whatever comes before them: the one before is
        // decoded only for those that may.
        let traits = if wide {
            if may_start_marker(c) {
                MAY_START
            } else {
                0
            }
        } else {
            traits(c)
        };
        if traits & MAY_START != 0 {
            let before_char = before.char(text);
            if may_open_marker_after(c, before_char) {
                if let Some(marker) = candidate_at(text, i, before_char) {
                    push_candidate(&mut found, marker);
                }
            }
        }
        if wide {
            before = Before::Wide(i);
            i += 3;
            continue;
        }
        if traits & OPENS != 0 {
            open.push(i);
        } else if traits & CLOSES != 0 {
            if let Some(start) = open.pop() {
                while found.last().is_some_and(|m: &Marker| m.start > start) {
                    found.pop();
                }
            }
        }
        before = Before::Other(c, traits & OPENS_CLAUSE != 0);
        i += c.len_utf8();
    }
    found
}

/// [`traits`] bit: [`may_start_marker`].
const MAY_START: u8 = 1;
/// [`traits`] bit: [`brackets::opens`].
const OPENS: u8 = 2;
/// [`traits`] bit: [`brackets::closes`].
const CLOSES: u8 = 4;
/// [`traits`] bit: white space or [`is_clause_break`], after which a clause (and a Chinese
/// point) may start.
const OPENS_CLAUSE: u8 = 8;

/// What [`candidates`] asks of a character, as bits: [`MAY_START`], [`OPENS`], [`CLOSES`],
/// [`OPENS_CLAUSE`]. The definition [`traits`] looks up.
fn traits_of(c: char) -> u8 {
    let mut traits = 0;
    if may_start_marker(c) {
        traits |= MAY_START;
    }
    if brackets::opens(c) {
        traits |= OPENS;
    }
    if brackets::closes(c) {
        traits |= CLOSES;
    }
    if c.is_whitespace() || is_clause_break(c) {
        traits |= OPENS_CLAUSE;
    }
    traits
}

/// [`traits_of`] `c`, looked up in a table for the characters a cell holds besides the
/// ideographs (ASCII, the CJK punctuation U+3000 … U+303F and the full-width forms
/// U+FF00 … U+FF3F), computed for the others: one load where the four tests took a dozen
/// comparisons and the white-space table.
fn traits(c: char) -> u8 {
    static TABLE: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
        let mut table = [0; 256];
        for (slot, entry) in table.iter_mut().enumerate() {
            if let Some(c) = u32::try_from(slot)
                .ok()
                .and_then(table_char)
                .and_then(char::from_u32)
            {
                *entry = traits_of(c);
            }
        }
        table
    });
    let n = u32::from(c);
    let slot = match n {
        0..=0x7F => n,
        0x3000..=0x303F => n - 0x3000 + 0x80,
        0xFF00..=0xFF3F => n - 0xFF00 + 0xC0,
        _ => return traits_of(c),
    };
    TABLE
        .get(slot as usize)
        .copied()
        .unwrap_or_else(|| traits_of(c))
}

/// The character of a slot of the table of [`traits`]: ASCII in slots `0x00` … `0x7F`, the
/// CJK punctuation U+3000 … U+303F in `0x80` … `0xBF`, the full-width forms U+FF00 … U+FF3F
/// in `0xC0` … `0xFF`.
fn table_char(slot: u32) -> Option<u32> {
    match slot {
        0..=0x7F => Some(slot),
        0x80..=0xBF => Some(slot - 0x80 + 0x3000),
        0xC0..=0xFF => Some(slot - 0xC0 + 0xFF00),
        _ => None,
    }
}

/// Push a candidate, making room for several at the first: a cell that has one mostly has a
/// list of them, and growing the vector 4 → 8 costs a reallocation.
fn push_candidate(found: &mut Vec<Marker>, marker: Marker) {
    if found.capacity() == 0 {
        found.reserve_exact(8);
    }
    found.push(marker);
}

/// The byte offsets of the brackets open so far in [`candidates`], innermost last: the first
/// few in place (cells rarely nest brackets deeper), deeper ones on the heap.
#[derive(Default)]
struct OpenBrackets {
    near: [usize; 8],
    len: usize,
    deeper: Vec<usize>,
}

impl OpenBrackets {
    fn push(&mut self, at: usize) {
        match self.near.get_mut(self.len) {
            Some(slot) => *slot = at,
            None => self.deeper.push(at),
        }
        self.len += 1;
    }

    fn pop(&mut self) -> Option<usize> {
        self.len = self.len.checked_sub(1)?;
        match self.near.get(self.len) {
            Some(&at) => Some(at),
            None => self.deeper.pop(),
        }
    }
}

/// The character before the one [`candidates`] looks at.
#[derive(Clone, Copy)]
enum Before {
    /// None: the text starts here.
    Start,
    /// A wide character (U+4000 … U+9FFF) at this byte offset, not decoded unless needed.
    Wide(usize),
    /// Any other character, and whether a clause may start after it (white space or a
    /// clause break).
    Other(char, bool),
}

impl Before {
    /// Whether a clause may start after it, so that a Chinese numeral may open a point
    /// ([`may_follow`]): at the start, after white space or a clause break.
    fn opens_clause(self) -> bool {
        match self {
            Before::Start => true,
            Before::Wide(_) => false,
            Before::Other(_, opens_clause) => opens_clause,
        }
    }

    fn char(self, text: &str) -> Option<char> {
        match self {
            Before::Start => None,
            Before::Wide(at) => text.get(at..).and_then(|rest| rest.chars().next()),
            Before::Other(c, _) => Some(c),
        }
    }
}

/// The marker candidate starting at byte `i` of `text`, after the character `before`.
fn candidate_at(text: &str, i: usize, before: Option<char>) -> Option<Marker> {
    match marker_after(&text[i..], before) {
        Some((style, number, len)) if may_follow(style, before) => Some(Marker {
            style,
            number,
            start: i,
            end: i + len,
        }),
        _ => None,
    }
}

/// The marker starting exactly at the start of `input`, which follows the character `before`.
fn marker_after(input: &str, before: Option<char>) -> Option<(Style, u32, usize)> {
    // Inside a run of numerals only a circled number can start: trying the other styles at
    // every digit of a long run would be quadratic.
    let inside_number =
        before.is_some_and(|b| numeral::is_arabic_digit(b) || numeral::is_chinese_numeral_char(b));
    if inside_number {
        circled(input)
            .ok()
            .map(|(rest, (style, n))| (style, n, input.len() - rest.len()))
    } else {
        marker_at(input)
    }
}

/// The markers that make the list of `text`: the style of the first marker that opens the
/// text or is number 1, then each next number of that style in turn.
pub(crate) fn list_markers(text: &str) -> Vec<Marker> {
    let mut list = candidates(text);
    let opening = text.len() - trim_start(text).len();
    let Some(first) = list
        .iter()
        .position(|m| m.start == opening || m.number == 1)
    else {
        return Vec::new();
    };
    // The list is the first marker and the candidates after it that continue it: kept in place.
    list.drain(..first);
    let style = list[0].style;
    let mut last: Option<Marker> = None;
    list.retain(|m| {
        let continues = last.is_none_or(|last| {
            m.start >= last.end && m.style == style && Some(m.number) == last.number.checked_add(1)
        });
        if continues {
            last = Some(*m);
        }
        continues
    });
    list
}

/// Split `text` into the points of its list. Text before the first marker is an item without a
/// marker; a text without a list is one item. Empty bodies are kept only when they carry a
/// marker, so that `1. 2. x` still shows the empty first point.
pub(crate) fn split(text: &str) -> Vec<Item<'_>> {
    let markers = list_markers(text);
    let mut items = Vec::with_capacity(markers.len() + 1);
    let head_end = markers.first().map_or(text.len(), |m| m.start);
    let head = trim(&text[..head_end]);
    if !head.is_empty() {
        items.push(Item {
            marker: None,
            body: head,
        });
    }
    for (i, m) in markers.iter().enumerate() {
        let end = markers.get(i + 1).map_or(text.len(), |next| next.start);
        items.push(Item {
            marker: Some(*m),
            body: trim(&text[m.end..end]),
        });
    }
    items
}

/// The marker opening `text` (after white space), and the rest, trimmed.
pub(crate) fn strip(text: &str) -> (Option<Marker>, &str) {
    let trimmed = trim_start(text);
    let offset = text.len() - trimmed.len();
    match marker_at(trimmed) {
        Some((style, number, len)) => (
            Some(Marker {
                style,
                number,
                start: offset,
                end: offset + len,
            }),
            trim(&trimmed[len..]),
        ),
        None => (None, trim(text)),
    }
}

/// Whether [`markers::split`] may find a marker in `text`. Every marker holds one of these
/// pairs of characters: a numeral and what ends a numbered point (`1.`, `1．`, `1、`, `1）`,
/// `一、`), an opening parenthesis and a numeral (`（1）`, `(一)`), or it is a circled number.
/// A text without any is one point, its trimmed self: checking that is much cheaper than
/// looking for markers, and rules out most prose (`新参保、暂停参保`, `（加盖公章）`).
///
/// The walk looks at the characters that may start or end a pair, and at their neighbours
/// only then; ideographs are none of them and are passed by undecoded
/// ([`brackets::non_ideographs`]). The field parsers ask it before [`split`].
pub(crate) fn may_hold_marker(text: &str) -> bool {
    brackets::non_ideographs(text).any(|(i, c)| {
        if ('\u{2460}'..='\u{2473}').contains(&c) {
            true
        } else if matches!(c, '.' | '．' | '、' | '）' | ')') {
            text[..i].chars().next_back().is_some_and(is_numeral)
        } else if matches!(c, '(' | '（') {
            text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_numeral)
        } else {
            false
        }
    })
}

/// Whether `c` is part of an Arabic or a Chinese numeral.
fn is_numeral(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// The points of `text`, as [`split`] gives them, without looking for markers where
/// [`may_hold_marker`] says there is none (nor allocating a list for the one point).
pub(crate) fn points(text: &str) -> Points<'_> {
    if may_hold_marker(text) {
        Points::Listed(split(text).into_iter())
    } else {
        let body = crate::normalize::trim(text);
        Points::Plain((!body.is_empty()).then_some(body))
    }
}

/// The points of a text: [`points`].
pub(crate) enum Points<'a> {
    /// A text without marker: its trimmed self, unless it is blank.
    Plain(Option<&'a str>),
    /// What [`split`] found.
    Listed(std::vec::IntoIter<Item<'a>>),
}

impl<'a> Iterator for Points<'a> {
    type Item = Item<'a>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Points::Plain(body) => {
                let n = usize::from(body.is_some());
                (n, Some(n))
            }
            Points::Listed(items) => items.size_hint(),
        }
    }

    fn next(&mut self) -> Option<Item<'a>> {
        match self {
            Points::Plain(body) => body.take().map(|body| Item { marker: None, body }),
            Points::Listed(items) => items.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How each matched bracket changes the nesting depth: `+1` at the byte offset of an opening
    /// bracket that is closed later, `-1` at the offset of its closing one, in text order.
    /// Brackets left open or closed without an opening do not count, so a stray `（` from the
    /// extraction does not hide the rest of the list.
    fn bracket_steps(text: &str) -> Vec<(usize, i8)> {
        let mut open = Vec::new();
        let mut steps = Vec::new();
        // No ideograph is a bracket.
        for (i, c) in brackets::non_ideographs(text) {
            if brackets::opens(c) {
                open.push(i);
            } else if brackets::closes(c) {
                if let Some(start) = open.pop() {
                    steps.push((start, 1));
                    steps.push((i, -1));
                }
            }
        }
        steps.sort_unstable_by_key(|&(at, _)| at);
        steps
    }

    /// [`candidates`] as it was written before the walks were fused (the oracle of
    /// `one_walk_finds_what_two_walks_found`): the candidates at any depth, then those inside
    /// a matched pair of brackets dropped.
    fn candidates_in_two_walks(text: &str) -> Vec<Marker> {
        let mut found = candidates_at_any_depth(text);
        if !found.is_empty() {
            drop_nested(&mut found, &bracket_steps(text));
        }
        found
    }

    /// Every marker candidate in `text`, inside brackets or not.
    ///
    /// Most characters of a cell are a wide character (U+4000 … U+9FFF, lead byte `E4` … `E9`:
    /// the ideographs) after another one, where no marker can start ([`may_open_marker_after`]
    /// says no: only a Chinese numeral starts a marker there, and only after white space or
    /// punctuation). Such a character is stepped over by its lead byte, without being decoded;
    /// the character before a possible marker is decoded only when it is needed.
    fn candidates_at_any_depth(text: &str) -> Vec<Marker> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut before = Before::Start;
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            let wide = is_wide_lead(lead);
            if wide && matches!(before, Before::Wide(_)) {
                before = Before::Wide(i);
                i += 3;
                continue;
            }
            let Some(c) = char_at(text, i, lead) else {
                break;
            };
            // Most characters start no marker whatever comes before them: the one before is
            // decoded only for those that may.
            if may_start_marker(c) {
                let before_char = before.char(text);
                if may_open_marker_after(c, before_char) {
                    if let Some(marker) = candidate_at(text, i, before_char) {
                        found.push(marker);
                    }
                }
            }
            before = if wide {
                Before::Wide(i)
            } else {
                Before::Other(c, c.is_whitespace() || is_clause_break(c))
            };
            i += c.len_utf8();
        }
        found
    }

    /// Drop the markers inside a matched pair of brackets (`steps` from [`bracket_steps`]): a
    /// marker `（1）` that opens at depth 0 stays.
    fn drop_nested(markers: &mut Vec<Marker>, steps: &[(usize, i8)]) {
        let mut depth = 0i64;
        let mut next_step = 0;
        markers.retain(|marker| {
            while let Some(&(at, step)) = steps.get(next_step) {
                if at >= marker.start {
                    break;
                }
                depth += i64::from(step);
                next_step += 1;
            }
            depth == 0
        });
    }

    #[test]
    fn no_marker_starts_where_the_prefilter_says_none_can() {
        let tails = ["", "、", ".", "1）", "一）", "1)", "）"];
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            if may_open_marker_after(c, None) {
                continue;
            }
            for tail in tails {
                let text = format!("{c}{tail}");
                assert_eq!(marker_at(&text), None, "{text:?}");
            }
        }
        for c in ['①', '⑳', '（', '(', '1', '１', '一', '十'] {
            assert!(may_open_marker_after(c, None), "{c:?}");
        }
    }

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

    /// [`candidates_at_any_depth`] as first written: every character decoded and asked.
    fn candidates_at_any_depth_char_by_char(text: &str) -> Vec<Marker> {
        let mut found = Vec::new();
        let mut before: Option<char> = None;
        for (i, c) in text.char_indices() {
            if may_open_marker_after(c, before) {
                if let Some(marker) = candidate_at(text, i, before) {
                    found.push(marker);
                }
            }
            before = Some(c);
        }
        found
    }

    /// [`bracket_steps`] as first written: every character decoded and asked.
    fn bracket_steps_char_by_char(text: &str) -> Vec<(usize, i8)> {
        let mut open = Vec::new();
        let mut steps = Vec::new();
        for (i, c) in text.char_indices() {
            if brackets::opens(c) {
                open.push(i);
            } else if brackets::closes(c) {
                if let Some(start) = open.pop() {
                    steps.push((start, 1));
                    steps.push((i, -1));
                }
            }
        }
        steps.sort_unstable_by_key(|&(at, _)| at);
        steps
    }

    #[test]
    fn ascii_points_are_read_as_nom_reads_them() {
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
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            for (i, _) in text.char_indices() {
                assert_eq!(
                    marker_at(&text[i..]),
                    marker_at_by_alt(&text[i..]),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn may_start_marker_is_its_definition() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let defined = is_circled(c)
                || c == '（'
                || c == '('
                || numeral::is_arabic_digit(c)
                || numeral::is_chinese_numeral_char(c);
            assert_eq!(may_start_marker(c), defined, "{c:?}");
        }
    }

    #[test]
    fn may_start_marker_rules_out_what_may_open_marker_after_does() {
        let befores = [
            None,
            Some('甲'),
            Some(' '),
            Some('，'),
            Some('a'),
            Some('第'),
            Some('1'),
        ];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if !may_start_marker(c) {
                for before in befores {
                    assert!(!may_open_marker_after(c, before), "{c:?} after {before:?}");
                }
            }
        }
    }

    #[test]
    fn the_one_numeral_character_outside_the_ideographs_is_the_zero() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if !is_ideograph(c) {
                assert_eq!(numeral::is_chinese_numeral_char(c), c == '〇', "{c:?}");
            }
        }
    }

    #[test]
    fn no_marker_starts_at_a_wide_character_after_another() {
        // What lets `candidates_at_any_depth` step over such a character undecoded.
        let wide = ('\u{4000}'..='\u{9FFF}')
            .step_by(7)
            .chain("一二三十百千万亿零〇两\u{4000}\u{4DFF}\u{9FFF}".chars());
        let befores: Vec<char> = ('\u{4000}'..='\u{9FFF}')
            .step_by(13)
            .chain("一二十甲\u{4DFF}\u{4E00}".chars())
            .collect();
        for c in wide {
            for &before in &befores {
                assert!(
                    !may_open_marker_after(c, Some(before)),
                    "{c:?} after {before:?}"
                );
            }
        }
        for c in '\u{4000}'..='\u{9FFF}' {
            assert!(!may_open_marker_after(c, Some('甲')), "{c:?}");
            assert!(!may_open_marker_after(c, Some('\u{4DFF}')), "{c:?}");
        }
    }

    #[test]
    fn the_lead_byte_walks_agree_with_the_char_walks() {
        let pieces = [
            "1.",
            "2、",
            "（1）",
            "(2)",
            "（一）",
            "二、",
            "①",
            "第",
            "甲",
            "一",
            "十",
            "，",
            " ",
            "\u{4DFF}",
            "a",
            "é",
            "𠀀",
            "１",
            "（",
            "）",
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                candidates_at_any_depth(text),
                candidates_at_any_depth_char_by_char(text),
                "{text:?}"
            );
            assert_eq!(
                bracket_steps(text),
                bracket_steps_char_by_char(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_table_of_traits_is_their_definition() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(traits(c), traits_of(c), "{c:?}");
        }
    }

    #[test]
    fn one_walk_finds_what_two_walks_found() {
        let pieces = [
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
            ")",
            "《",
            "》",
            "“",
            "第",
            "甲",
            "一",
            "，",
            "。",
            " ",
            "\u{3000}",
            "\u{4DFF}",
            "a",
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(candidates(text), candidates_in_two_walks(text), "{text:?}");
        }
        // Deeper than the brackets kept in place.
        for depth in [7, 8, 9, 20] {
            let text = format!("1.{}2.{}3.", "（".repeat(depth), "）".repeat(depth));
            assert_eq!(
                candidates(&text),
                candidates_in_two_walks(&text),
                "{text:?}"
            );
            let text = format!("{}1.2.{}3.", "（".repeat(depth), "）".repeat(depth + 1));
            assert_eq!(
                candidates(&text),
                candidates_in_two_walks(&text),
                "{text:?}"
            );
        }
    }

    /// The definition [`candidates`] must agree with: one walk that tracks the depth at every
    /// character and tries markers only at depth 0.
    fn candidates_by_depth(text: &str) -> Vec<Marker> {
        let mut found = Vec::new();
        let mut before: Option<char> = None;
        let steps = bracket_steps(text);
        let mut next_step = 0;
        let mut depth = 0i64;
        for (i, c) in text.char_indices() {
            let nested = depth > 0;
            while let Some(&(at, step)) = steps.get(next_step) {
                if at > i {
                    break;
                }
                depth += i64::from(step);
                next_step += 1;
            }
            if !nested && may_open_marker_after(c, None) {
                if let Some(marker) = candidate_at(text, i, before) {
                    found.push(marker);
                }
            }
            before = Some(c);
        }
        found
    }

    #[test]
    fn the_first_character_tells_the_style_as_far_as_may_follow_cares() {
        let befores = [
            None,
            Some('第'),
            Some('a'),
            Some('1'),
            Some('，'),
            Some(' '),
            Some('甲'),
        ];
        for text in ["①", "（1）", "(一)", "1.", "１、", "一、", "十二、"] {
            let (style, _, _) = marker_at(text).unwrap_or_else(|| panic!("{text}"));
            let first = text.chars().next().unwrap_or_default();
            for before in befores {
                assert_eq!(
                    may_open_marker_after(first, before),
                    may_follow(style, before),
                    "{text} after {before:?}"
                );
            }
        }
    }

    /// The definition [`list_markers`] must agree with: the list built in a new vector.
    fn list_markers_by_push(text: &str) -> Vec<Marker> {
        let candidates = candidates(text);
        let opening = text.len() - text.trim_start().len();
        let Some(first) = candidates
            .iter()
            .find(|m| m.start == opening || m.number == 1)
        else {
            return Vec::new();
        };
        let mut list = vec![*first];
        for m in &candidates {
            let last = list[list.len() - 1];
            if m.start >= last.end
                && m.style == first.style
                && Some(m.number) == last.number.checked_add(1)
            {
                list.push(*m);
            }
        }
        list
    }

    #[test]
    fn the_shortcuts_agree_with_their_definitions() {
        let pieces = [
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
        let texts = crate::test_support::every_text(&pieces, 4);
        for text in &texts {
            assert_eq!(candidates(text), candidates_by_depth(text), "{text:?}");
            assert_eq!(list_markers(text), list_markers_by_push(text), "{text:?}");
            for (i, _) in text.char_indices() {
                assert_eq!(
                    marker_at(&text[i..]),
                    marker_at_by_alt(&text[i..]),
                    "{text:?}"
                );
            }
        }
    }

    fn bodies(text: &str) -> Vec<(Option<u32>, &str)> {
        split(text)
            .into_iter()
            .map(|item| (item.marker.map(|m| m.number), item.body))
            .collect()
    }

    #[test]
    fn each_marker_style_splits() {
        for text in [
            "1. 甲 2. 乙",
            "1.甲2.乙",
            "1．甲 2．乙",
            "1、甲 2、乙",
            "1）甲 2）乙",
            "（1）甲（2）乙",
            "(1)甲 (2)乙",
            "（一）甲（二）乙",
            "一、甲 二、乙",
            "①甲②乙",
            "１. 甲 ２. 乙",
        ] {
            assert_eq!(bodies(text), [(Some(1), "甲"), (Some(2), "乙")], "{text}");
        }
    }

    #[test]
    fn text_without_a_list_is_one_item() {
        assert_eq!(bodies("现场办理"), [(None, "现场办理")]);
        assert_eq!(bodies("  "), []);
    }

    #[test]
    fn text_before_the_first_marker_is_kept() {
        assert_eq!(
            bodies("需提供：①甲 ②乙"),
            [(None, "需提供："), (Some(1), "甲"), (Some(2), "乙")]
        );
    }

    #[test]
    fn look_alikes_do_not_split() {
        for text in [
            "第二条第（三）款",
            "近3个月的病历",
            "C0109.1-2018《目录》",
            "比例为1.5倍",
            "统一、规范",
            "不超过10个工作日",
        ] {
            assert_eq!(bodies(text), [(None, text)], "{text}");
        }
    }

    #[test]
    fn markers_inside_brackets_do_not_split() {
        for text in [
            "身份证（①原件②复印件）",
            "《关于1. 甲 2. 乙的通知》",
            "表（含（1）甲（2）乙）",
            "【1、甲 2、乙】",
        ] {
            assert_eq!(bodies(text), [(None, text)], "{text}");
        }
        assert_eq!(
            bodies("1. 身份证（①原件 ②复印件） 2. 表"),
            [(Some(1), "身份证（①原件 ②复印件）"), (Some(2), "表")]
        );
    }

    #[test]
    fn unmatched_brackets_do_not_hide_markers() {
        assert_eq!(
            bodies("1. 身份证（复印件 2. 表"),
            [(Some(1), "身份证（复印件"), (Some(2), "表")]
        );
        assert_eq!(
            bodies("1. 甲） 2. 乙"),
            [(Some(1), "甲）"), (Some(2), "乙")]
        );
    }

    #[test]
    fn only_the_next_number_continues_the_list() {
        assert_eq!(
            bodies("1. 甲3个 2. 乙（2）丙 3. 丁"),
            [(Some(1), "甲3个"), (Some(2), "乙（2）丙"), (Some(3), "丁")]
        );
    }

    #[test]
    fn nested_lists_keep_their_markers_in_the_body() {
        let items = split("1. 在职职工：①表 2. 灵活就业人员：①证件 ②表");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].body, "灵活就业人员：①证件 ②表");
        assert_eq!(
            bodies(items[1].body),
            [(None, "灵活就业人员："), (Some(1), "证件"), (Some(2), "表")]
        );
    }

    #[test]
    fn a_list_may_open_with_another_number() {
        assert_eq!(bodies("3. 甲 4. 乙"), [(Some(3), "甲"), (Some(4), "乙")]);
    }

    #[test]
    fn strip_takes_the_opening_marker() {
        let (marker, rest) = strip(" 2. 《表》");
        assert_eq!(
            marker.map(|m| (m.style, m.number)),
            Some((Style::Arabic, 2))
        );
        assert_eq!(rest, "《表》");
        assert_eq!(strip("表").1, "表");
    }

    #[test]
    fn bodies_are_slices_of_the_text() {
        let text = "1. 甲 2. 乙";
        let item = split(text)[1];
        let offset = item.body.as_ptr() as usize - text.as_ptr() as usize;
        assert_eq!(&text[offset..], "乙");
    }

    /// The definition [`may_hold_marker`] must agree with: every pair of neighbours looked at.
    fn may_hold_marker_by_pairs(text: &str) -> bool {
        let mut previous = ' ';
        for c in text.chars() {
            if ('\u{2460}'..='\u{2473}').contains(&c)
                || (matches!(c, '.' | '．' | '、' | '）' | ')') && is_numeral(previous))
                || (matches!(previous, '(' | '（') && is_numeral(c))
            {
                return true;
            }
            previous = c;
        }
        false
    }

    #[test]
    fn the_byte_walk_agrees_with_looking_at_every_pair() {
        let pieces = [
            "1", "一", "四", "十", "零", ".", "、", "）", "（", "(", "①", "甲", "\u{4E00}", "é",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                may_hold_marker(&text),
                may_hold_marker_by_pairs(&text),
                "{text:?}"
            );
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("1{c}"),
                format!("（{c}"),
                format!("{c}、"),
            ] {
                assert_eq!(
                    may_hold_marker(&text),
                    may_hold_marker_by_pairs(&text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn only_texts_with_a_marker_pair_may_hold_a_marker() {
        for text in [
            "申请—受理",
            "1个工作日",
            "一日",
            "现场办理 网上办理",
            "",
            "新参保、暂停参保",
            "（加盖公章）",
            "甲.乙",
        ] {
            assert!(!may_hold_marker(text), "{text}");
        }
        for text in [
            "1.甲",
            "1．甲",
            "1、甲",
            "一、甲",
            "1）甲",
            "（1）甲",
            "(一)甲",
            "①甲",
        ] {
            assert!(may_hold_marker(text), "{text}");
        }
    }

    #[test]
    fn points_agree_with_markers_split() {
        let pieces = [
            "1", "１", "一", "十", ".", "．", "、", "）", ")", "（", "(", "①", "⑳", " ", "甲",
            "第", "a", "：",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            let split = split(&text);
            assert_eq!(points(&text).collect::<Vec<_>>(), split, "{text:?}");
            if !may_hold_marker(&text) {
                assert!(split.iter().all(|item| item.marker.is_none()), "{text:?}");
            }
        }
    }
}
