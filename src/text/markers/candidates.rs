//! The marker candidates of a text: every place where a marker of some style stands and may
//! follow what comes before it, outside brackets, found in one walk ([`candidates`]). Which of
//! them make the list is [`list_markers`](super::list_markers)' choice.

use super::grammar::{circled, is_circled, is_clause_break, marker_at, may_follow};
use super::{Marker, Style};
use crate::text::brackets;
use crate::text::chars::{is_ideograph, is_numeral_char};
use crate::text::numeral;
use crate::text::utf8::{char_at, is_wide_lead};

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
    let table = traits_table();
    let mut found = Vec::new();
    let mut open = OpenBrackets::default();
    let mut before = Before::Start;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let wide = is_wide_lead(lead);
        if wide && !before.opens_clause() {
            // The run of wide characters it opens, each after another: none starts a marker.
            let mut last = i;
            i += 3;
            while bytes.get(i).copied().is_some_and(is_wide_lead) {
                last = i;
                i += 3;
            }
            before = Before::Wide(last);
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
            traits(table, c)
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

/// The table of [`traits`], built at its first use: [`traits_of`] the character of each slot
/// ([`table_char`]). Fetched once per text, so that its lookups do not check each time
/// whether it is built.
fn traits_table() -> &'static [u8; 256] {
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
    &TABLE
}

/// [`traits_of`] `c`, looked up in `table` ([`traits_table`]) for the characters a cell holds
/// besides the ideographs (ASCII, the CJK punctuation U+3000 … U+303F and the full-width
/// forms U+FF00 … U+FF3F), computed for the others: one load where the four tests took a
/// dozen comparisons and the white-space table.
fn traits(table: &[u8; 256], c: char) -> u8 {
    let n = u32::from(c);
    let slot = match n {
        0..=0x7F => n,
        0x3000..=0x303F => n - 0x3000 + 0x80,
        0xFF00..=0xFF3F => n - 0xFF00 + 0xC0,
        _ => return traits_of(c),
    };
    table
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
    let inside_number = before.is_some_and(is_numeral_char);
    if inside_number {
        circled(input)
            .ok()
            .map(|(rest, (style, n))| (style, n, input.len() - rest.len()))
    } else {
        marker_at(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// How each matched bracket changes the nesting depth: `+1` at the byte offset of an
    /// opening bracket that is closed later, `-1` at the offset of its closing one, in text
    /// order. Brackets left open or closed without an opening do not count, so a stray `（`
    /// from the extraction does not hide the rest of the list.
    fn bracket_steps(text: &str) -> Vec<(usize, i8)> {
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
    fn the_table_of_traits_is_their_definition() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(traits(traits_table(), c), traits_of(c), "{c:?}");
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

    /// [`candidates`], one walk over the bytes, finds what its definition finds.
    #[test]
    fn one_walk_finds_what_tracking_the_depth_finds() {
        // Besides the common pieces: the other brackets and clause breaks, ideographs a
        // Chinese point may or may not follow, and characters of every UTF-8 length.
        let others = [
            ")", "“", "一", "。", "\u{3000}", "\u{4DFF}", "a", "é", "𠀀", "１",
        ];
        let pieces: Vec<&str> = super::super::TEST_PIECES
            .iter()
            .copied()
            .chain(others)
            .collect();
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(candidates(text), candidates_by_depth(text), "{text:?}");
        }
        // Deeper than the brackets kept in place.
        for depth in [7, 8, 9, 20] {
            let text = format!("1.{}2.{}3.", "（".repeat(depth), "）".repeat(depth));
            assert_eq!(candidates(&text), candidates_by_depth(&text), "{text:?}");
            let text = format!("{}1.2.{}3.", "（".repeat(depth), "）".repeat(depth + 1));
            assert_eq!(candidates(&text), candidates_by_depth(&text), "{text:?}");
        }
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
}
