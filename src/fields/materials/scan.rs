//! One walk over a clause or an item that tells what the other steps need to know.

use super::*;
use crate::text::normalize::is_wide_lead;

/// What one walk over a text (a clause, or an item) tells: how it is split into items, which
/// attributes may be there, and whether it is normal already. Each step used to walk the text
/// on its own; the one walk tracks the bracket depth of [`top_level`] once for all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Scan {
    /// The first `，` or `,` outside brackets, with its byte offset: where a [`condition`]
    /// may end.
    pub(super) first_comma: Option<(usize, char)>,
    /// Whether the clause joins parts outside brackets: with `，`, `；` or `。` (a run-on
    /// clause, or a choice between whole lists: `A、B；或C`), or with a `：` that no choice
    /// follows. Such a clause is one item.
    pub(super) joins_parts: bool,
    /// An enumeration comma `、` outside brackets: without one, [`enumerated`] would give the
    /// clause whole.
    pub(super) enumerates: bool,
    /// White space or an invisible character anywhere: [`normalize`] would change the text.
    pub(super) spaced: bool,
    /// The [`clause_break`].
    pub(super) clause_break: Option<char>,
    /// A `《`: it may quote titles ([`title_spans`]).
    pub(super) title: bool,
    /// A `份`, which every [`copies_phrase`] ends with.
    pub(super) copies: bool,
    /// A `件`, which every [`format_phrase`] holds (`原件`, `复印件`, `影印件`).
    pub(super) format: bool,
    /// A `盖`, which every seal wording holds ([`seal_required`]).
    pub(super) seal: bool,
    /// A `或` outside brackets: there may be [`alternatives`] (without one there are none).
    pub(super) choice: bool,
}

impl Scan {
    /// Walk `text` once. A wide character (lead byte `E4`…`E9`: U+4000…U+9FFF, the
    /// ideographs and most characters of a cell) is neither quote, bracket, space nor
    /// punctuation: it is stepped over by its lead byte, and only a character whose middle
    /// byte is that of `份`/`件` (`BB`), `或` (`88`) or `盖` (`9B`) is compared with them,
    /// never decoded. Other characters are decoded and go through [`top_level`]'s quote and
    /// bracket tests.
    pub(super) fn of(text: &str) -> Scan {
        let mut scan = Scan {
            first_comma: None,
            joins_parts: false,
            enumerates: false,
            spaced: false,
            clause_break: None,
            title: false,
            copies: false,
            format: false,
            seal: false,
            choice: false,
        };
        let bytes = text.as_bytes();
        let mut depth = 0usize;
        let mut in_ascii_quote = false;
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            if is_wide_lead(lead) {
                // A middle byte of few characters (`BB`, `88`, `9B`) first: rarely equal.
                let second = bytes.get(i + 1).copied().unwrap_or(0);
                if matches!(second, 0xBB | 0x88 | 0x9B) {
                    let third = bytes.get(i + 2).copied().unwrap_or(0);
                    match [lead, second, third] {
                        FEN => scan.copies = true,
                        JIAN => scan.format = true,
                        GAI => scan.seal = true,
                        HUO => scan.choice |= depth == 0 && !in_ascii_quote,
                        _ => {}
                    }
                }
                i += 3;
                continue;
            }
            // `normalize::char_at` written out: through the call (inlined all the same) this
            // loop took 45 % more instructions, as measured with callgrind.
            let c = if lead < 0x80 {
                char::from(lead)
            } else {
                match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) => c,
                    None => break,
                }
            };
            if c == '"' {
                in_ascii_quote = !in_ascii_quote;
            } else if opens(c) {
                scan.title |= c == '《';
                depth += 1;
            } else if closes(c) {
                depth = depth.saturating_sub(1);
            } else if is_space_or_invisible(c) {
                scan.spaced = true;
            } else if depth == 0 && !in_ascii_quote {
                scan.top_level_punctuation(text, i, c);
            }
            i += c.len_utf8();
        }
        scan
    }

    /// Note the punctuation `c` found at byte `at` of `text`, outside brackets.
    fn top_level_punctuation(&mut self, text: &str, at: usize, c: char) {
        let breaks = matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '。');
        if !breaks {
            self.enumerates |= c == '、';
            return;
        }
        let choice_follows = choice_follows(text, at + c.len_utf8());
        if self.clause_break.is_none() && !choice_follows {
            self.clause_break = Some(c);
        }
        match c {
            '，' | ',' => {
                self.first_comma.get_or_insert((at, c));
                self.joins_parts = true;
            }
            '：' | ':' => self.joins_parts |= !choice_follows,
            _ => self.joins_parts = true,
        }
    }
}

/// The UTF-8 bytes of `份`, `件`, `盖` and `或`.
pub(super) const FEN: [u8; 3] = utf8('份');
pub(super) const JIAN: [u8; 3] = utf8('件');
pub(super) const GAI: [u8; 3] = utf8('盖');
pub(super) const HUO: [u8; 3] = utf8('或');

/// The three UTF-8 bytes of a character from U+0800 to U+FFFF.
const fn utf8(c: char) -> [u8; 3] {
    let mut bytes = [0; 3];
    c.encode_utf8(&mut bytes);
    bytes
}

/// The three bytes of the CJK unified ideograph ([`is_ideograph`], U+4E00–U+9FFF) that
/// `bytes` (valid UTF-8, at a character boundary) opens with, if it opens with one. Such a
/// character is encoded `E4 B8..BF ..` to `E9 .. ..`: a test of two bytes, no decoding.
pub(super) fn ideograph_at(bytes: &[u8]) -> Option<[u8; 3]> {
    match *bytes {
        [lead @ 0xE4..=0xE9, second, third, ..] if lead != 0xE4 || second >= 0xB8 => {
            Some([lead, second, third])
        }
        _ => None,
    }
}
