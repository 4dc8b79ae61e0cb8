//! A walk over the characters of a text that steps over the ideographs undecoded and gives
//! the rest (and a few marked ideographs): for scans for punctuation, quotes and brackets,
//! which no ideograph is (see the fast-path table in [`crate::text`]).

use crate::text::utf8::{char_at, is_wide_lead};

/// `N` (four unless said) characters of U+4000…U+9FFF that a [`sparse_chars`] walk gives, by
/// their UTF-8 encoding (built at compile time: `const MARKS: WideMarks = WideMarks::new([…])`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WideMarks<const N: usize = 4> {
    encoded: [u32; N],
    /// Bit `b & 0x3F` set for the middle byte `b` of each mark: most characters are told
    /// from every mark by this one test.
    middles: u64,
    /// Bit `b & 0x3F` set for the last byte `b` of each mark: most of the others are told by
    /// this second test, before the marks are compared whole.
    lasts: u64,
}

impl<const N: usize> WideMarks<N> {
    /// The marks `chars`; a character outside U+4000…U+9FFF is never given as a mark (it
    /// is given anyway, as every character outside the range is).
    pub(crate) const fn new(chars: [char; N]) -> WideMarks<N> {
        let mut encoded = [0u32; N];
        let mut middles = 0u64;
        let mut lasts = 0u64;
        let mut i = 0;
        while i < N {
            let c = chars[i] as u32;
            if c >= 0x4000 && c <= 0x9FFF {
                let middle = 0x80 | ((c >> 6) & 0x3F);
                let last = 0x80 | (c & 0x3F);
                encoded[i] = ((0xE0 | (c >> 12)) << 16) | (middle << 8) | last;
                middles |= 1 << (middle & 0x3F);
                lasts |= 1 << (last & 0x3F);
            }
            i += 1;
        }
        WideMarks {
            encoded,
            middles,
            lasts,
        }
    }
}

/// The characters of `text` a structure walk looks at, with their byte offsets: every
/// character but those of U+4000…U+9FFF (the ideographs, most characters of a cell, none of
/// them white space, punctuation, a quote or a bracket), of which only the `marks` are given.
///
/// `text.char_indices()` filtered to the same characters, but a character of that range is
/// stepped over by its lead byte ([`is_wide_lead`]) and compared with the marks by its three
/// bytes, never decoded: the materials scan walks every clause this way, and decoding every
/// ideograph made it 45 % dearer.
pub(crate) fn sparse_chars<const N: usize>(text: &str, marks: WideMarks<N>) -> SparseChars<'_, N> {
    SparseChars { text, at: 0, marks }
}

/// The iterator of [`sparse_chars`].
pub(crate) struct SparseChars<'t, const N: usize = 4> {
    text: &'t str,
    at: usize,
    marks: WideMarks<N>,
}

impl<const N: usize> Iterator for SparseChars<'_, N> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        while let Some(&lead) = bytes.get(self.at) {
            let at = self.at;
            if is_wide_lead(lead) {
                self.at += 3;
                let Some(&[second, third]) = bytes.get(at + 1..at + 3) else {
                    return None;
                };
                if self.marks.middles & (1 << (second & 0x3F)) == 0
                    || self.marks.lasts & (1 << (third & 0x3F)) == 0
                {
                    continue;
                }
                let wide = (u32::from(lead) << 16) | (u32::from(second) << 8) | u32::from(third);
                if self.marks.encoded.contains(&wide) {
                    return self.text[at..].chars().next().map(|c| (at, c));
                }
                continue;
            }
            let c = char_at(self.text, at, lead)?;
            self.at += c.len_utf8();
            return Some((at, c));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{sparse_chars, WideMarks};

    #[test]
    fn sparse_chars_skips_the_wide_range_but_its_marks() {
        let pieces = [
            "甲",
            "份",
            "或",
            "，",
            "a",
            "\u{4DC0}",
            "\u{A000}",
            "é",
            "\u{10000}",
            "（",
        ];
        let texts = crate::test_support::every_text(&pieces, 4);
        let marks = ['份', '或'];
        let wide = WideMarks::new(['份', '或', '份', 'a']);
        for text in &texts {
            let expected: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c) || marks.contains(&c))
                .collect();
            let found: Vec<(usize, char)> = sparse_chars(text, wide).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
