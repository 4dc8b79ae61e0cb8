//! Byte-level searches over text, for the parts of the crate outside `text`: each looks at the
//! UTF-8 bytes (or at raw bytes not yet known to be UTF-8) for ASCII bytes or lead bytes, where
//! a walk over the characters would decode every one of them.

/// The byte offsets of the tabs of `text`, in order. The tab is ASCII, so each offset is a
/// character boundary; memchr's search takes a fraction of an instruction per byte.
pub(crate) fn tabs(text: &str) -> memchr::Memchr<'_> {
    memchr::memchr_iter(b'\t', text.as_bytes())
}

/// The byte offset of the first line feed or carriage return of `text`: a byte search, since
/// both are ASCII, which no other character's bytes contain.
pub(crate) fn find_line_break(text: &str) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', text.as_bytes())
}

/// A text to search for, set up once for many searches by memchr's substring search
/// ([`Needle::find_in`] gives the offset `str::find` gives: a UTF-8 needle matches UTF-8 text
/// only at a character boundary). Setting a search up costs more than searching a cell, so a
/// needle looked for in many cells (a document number) is made once.
#[derive(Debug, Clone)]
pub(crate) struct Needle {
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    pub(crate) fn new(text: &str) -> Needle {
        Needle {
            finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        }
    }

    /// The length of the needle in bytes.
    pub(crate) fn len(&self) -> usize {
        self.finder.needle().len()
    }

    /// The byte offset of the first occurrence of the needle in `haystack`.
    pub(crate) fn find_in(&self, haystack: &str) -> Option<usize> {
        self.finder.find(haystack.as_bytes())
    }
}

/// The first character of `text`, decoded in a `const` context (where `str::chars` is not
/// available): for tables built at compile time from words.
pub(crate) const fn first_char(text: &str) -> Option<char> {
    let b = text.as_bytes();
    if b.is_empty() {
        return None;
    }
    // `text` is UTF-8, so the continuation bytes the lead byte announces are there.
    let lead = b[0] as u32;
    let code = match b[0] {
        0x00..=0x7F => lead,
        0xC0..=0xDF => ((lead & 0x1F) << 6) | (b[1] as u32 & 0x3F),
        0xE0..=0xEF => ((lead & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F),
        _ => {
            ((lead & 0x07) << 18)
                | ((b[1] as u32 & 0x3F) << 12)
                | ((b[2] as u32 & 0x3F) << 6)
                | (b[3] as u32 & 0x3F)
        }
    };
    char::from_u32(code)
}

/// Whether `text` may hold a control character: a byte below the space other than the tab,
/// DEL, or the lead byte `0xC2` of U+0080 … U+009F. Most lines hold none of these bytes, and
/// a byte scan is much cheaper than decoding every character.
///
/// Every line is scanned, so the bytes are tested a block at a time, each block without a
/// branch per byte ([`is_suspect_flag`] combines its tests with `|` and `&`): the compiler
/// turns such a block into a few vector instructions (plain code, no intrinsics), a fraction
/// of an instruction per byte where a word-at-a-time test took three.
pub(crate) fn may_hold_control_character(text: &str) -> bool {
    let mut blocks = text.as_bytes().chunks_exact(SCAN_BLOCK);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | is_suspect_flag(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| is_suspect(b))
}

/// The bytes [`may_hold_control_character`] tests at once.
const SCAN_BLOCK: usize = 32;

/// A byte [`may_hold_control_character`] looks for.
fn is_suspect(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7F || b == 0xC2
}

/// [`is_suspect`] without a branch, so that a block of bytes is tested by vector code.
#[inline(always)]
fn is_suspect_flag(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t')) | (b == 0x7F) | (b == 0xC2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_prefilter_lets_every_control_character_through() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if c.is_control() && !c.is_whitespace() {
                let text = format!("甲{c}乙");
                assert!(may_hold_control_character(&text), "U+{:04X}", c as u32);
            }
        }
        assert!(!may_hold_control_character("主项\t子项 （一） 办理材料。"));
    }

    /// The byte-by-byte definition of [`may_hold_control_character`].
    fn may_hold_control_character_bytewise(text: &str) -> bool {
        text.bytes().any(is_suspect)
    }

    #[test]
    fn the_block_prefilter_agrees_with_the_bytewise_one() {
        // Every character that holds a suspect byte, or a tab, in every position of a block
        // and of the remainder after the blocks.
        let specials = [
            '\u{0}', '\u{8}', '\t', '\u{B}', '\u{1F}', ' ', '\u{7F}', '\u{80}', '\u{9F}', '\u{A0}',
            'Â', '\u{FF}', '主',
        ];
        for c in specials {
            for pad in 0..40 {
                for tail in 0..12 {
                    let text = format!("{}{c}{}", "a".repeat(pad), "项".repeat(tail));
                    assert_eq!(
                        may_hold_control_character(&text),
                        may_hold_control_character_bytewise(&text),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tabs_and_line_breaks_are_found_where_str_finds_them() {
        for text in [
            "",
            "a",
            "\t",
            "甲\t乙\t",
            "\t\t主项",
            "a\r\nb",
            "甲\n",
            "\r",
        ] {
            let tabs_by_char: Vec<usize> = text.match_indices('\t').map(|(i, _)| i).collect();
            assert_eq!(tabs(text).collect::<Vec<_>>(), tabs_by_char, "{text:?}");
            assert_eq!(find_line_break(text), text.find(['\n', '\r']), "{text:?}");
        }
    }

    #[test]
    fn a_needle_is_found_where_str_find_finds_it() {
        let pieces = ["第", "3", "5", "号", "令", "〔", "〕", "a", " "];
        let texts = crate::test_support::every_text(&pieces, 4);
        let needles = crate::test_support::every_text(&pieces, 2);
        for text in &texts {
            for needle in &needles {
                assert_eq!(
                    Needle::new(needle).find_in(text),
                    text.find(needle.as_str()),
                    "{text:?} {needle:?}"
                );
            }
        }
        let long = "令".repeat(30);
        assert_eq!(Needle::new(&long).find_in(&format!("a{long}")), Some(1));
        assert_eq!(Needle::new(&long).len(), long.len());
    }

    #[test]
    fn first_char_is_chars_next() {
        for c in (0..=0x10_FFFF)
            .step_by(17)
            .chain([0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10_FFFF])
            .filter_map(char::from_u32)
        {
            let text = format!("{c}甲");
            assert_eq!(first_char(&text), Some(c), "{c:?}");
        }
        assert_eq!(first_char(""), None);
        const FIRST: Option<char> = first_char("主项");
        assert_eq!(FIRST, Some('主'));
    }
}
