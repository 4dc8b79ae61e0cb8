//! Searches of a text for a word at its start or for one of a few characters, faster than
//! the `str` methods on Chinese text (see the fast-path table in [`crate::text`]).

/// The first of `words` that `text` starts with, if any: what
/// `words.iter().find(|w| text.starts_with(w))` gives.
///
/// Grammars try a list of words (range words, joiners, conjunctions) at many places, and
/// mostly none is there; comparing each word's first byte with the text's before the whole
/// word spares a comparison call per word. Tested against the plain search below.
pub(crate) fn word_at_start<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    let first = *text.as_bytes().first()?;
    words
        .iter()
        .find(|word| word.as_bytes().first() == Some(&first) && text.starts_with(**word))
        .copied()
}

/// Whether `text` starts with `word`: what `text.starts_with(word)` gives, the first bytes
/// compared before the whole word (as [`word_at_start`] compares each of its words).
#[inline]
pub(crate) fn starts_with_word(text: &str, word: &str) -> bool {
    match word.as_bytes().first() {
        None => true,
        Some(first) => text.as_bytes().first() == Some(first) && text.starts_with(word),
    }
}

/// Whether `text` ends with `word`: what `text.ends_with(word)` gives.
///
/// Grammars read right to left (a deadline's qualifiers, `不超过`, `最长`, `为`…) try a list
/// of words at the end of a text, and mostly none is there: comparing the last bytes before
/// the whole word spares a comparison call per word. Tested against `str::ends_with` below.
#[inline]
pub(crate) fn ends_with_word(text: &str, word: &str) -> bool {
    match word.as_bytes().last() {
        None => true,
        Some(last) => text.as_bytes().last() == Some(last) && text.ends_with(word),
    }
}

/// The byte offset of the first `word` in `text`: what `text.find(word)` gives, for the
/// short words of a grammar (`随时`, `不含`, `自`) in short texts.
///
/// `str::find` with a `&str` builds a searcher for each call (its set-up costs more than a
/// deadline's piece is long): here each place where the word's first byte stands is compared
/// with the word. A word opens with a lead byte, so every place compared is a character
/// boundary; linear in the text for a word of bounded length.
pub(crate) fn find_word(text: &str, word: &str) -> Option<usize> {
    let Some(&first) = word.as_bytes().first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, text.as_bytes())
        .find(|&at| text.as_bytes()[at..].starts_with(word.as_bytes()))
}

/// The byte offset of the last `word` in `text`: what `text.rfind(word)` gives, as
/// [`find_word`] searches.
pub(crate) fn rfind_word(text: &str, word: &str) -> Option<usize> {
    let Some(&first) = word.as_bytes().first() else {
        return Some(text.len());
    };
    memchr::memrchr_iter(first, text.as_bytes())
        .find(|&at| text.as_bytes()[at..].starts_with(word.as_bytes()))
}

/// One to three characters that [`find_any_char`] looks for, by their UTF-8 encoding (built
/// at compile time: `const COLONS: Needles = Needles::new(['：', ':'])`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Needles {
    chars: [char; 3],
    encoded: [[u8; 4]; 3],
    count: usize,
}

impl Needles {
    /// The needles `chars` (the first three; at least one).
    pub(crate) const fn new(chars: &[char]) -> Needles {
        let mut needles = Needles {
            chars: ['\0'; 3],
            encoded: [[0; 4]; 3],
            count: 0,
        };
        while needles.count < 3 && needles.count < chars.len() {
            let c = chars[needles.count];
            let mut buffer = [0u8; 4];
            c.encode_utf8(&mut buffer);
            needles.chars[needles.count] = c;
            needles.encoded[needles.count] = buffer;
            needles.count += 1;
        }
        needles
    }

    /// The lead byte of needle `i` (of the first needle past the last).
    fn lead(&self, i: usize) -> u8 {
        self.encoded[if i < self.count { i } else { 0 }][0]
    }

    /// The needle that `bytes` opens with, if any (compared byte by byte: a needle is at
    /// most three bytes long, too short for a call to `memcmp`).
    #[inline(always)]
    fn at(&self, bytes: &[u8]) -> Option<char> {
        let byte = |k: usize| bytes.get(k).copied();
        (0..self.count).find_map(|i| {
            let e = &self.encoded[i];
            let length = self.chars[i].len_utf8();
            let same = byte(0) == Some(e[0])
                && (length < 2 || byte(1) == Some(e[1]))
                && (length < 3 || byte(2) == Some(e[2]))
                && (length < 4 || byte(3) == Some(e[3]));
            same.then_some(self.chars[i])
        })
    }
}

/// The first of the `needles` in `text`, with its byte offset.
///
/// `str::find` with a `char` searches for the character's *last* byte, which most ideographs
/// share as a continuation byte, and so stops at nearly every character of Chinese text. This
/// searches for the *first* bytes instead (memchr): for full-width punctuation (`：`, `；`,
/// U+FF00…) and CJK punctuation (`。`, U+3000…) the lead bytes `EF` and `E3` are rare, and for
/// ASCII punctuation it is the character itself. Each hit is checked for the whole character.
/// The materials parser asks it whether a cell holds a colon or a clause separator at all,
/// which most cells do not.
pub(crate) fn find_any_char(text: &str, needles: &Needles) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let (a, b, c) = (needles.lead(0), needles.lead(1), needles.lead(2));
    let mut from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| match needles.count {
        1 => memchr::memchr(a, rest),
        2 => memchr::memchr2(a, b, rest),
        _ => memchr::memchr3(a, b, c, rest),
    }) {
        let at = from + found;
        if let Some(c) = needles.at(&bytes[at..]) {
            return Some((at, c));
        }
        from = at + 1;
    }
    None
}

/// The length in bytes of the longest end of `a` that `b` starts with: a character boundary
/// of both. Linear in the length of `b`, however long `a` is: the overlap is no longer than
/// `b`, so only that much of `a`'s end is read, with the prefix function of `b`
/// (Knuth–Morris–Pratt) instead of comparing every candidate length.
///
/// It is measured on bytes, and still falls on characters: a match starts in `a` where `b`
/// starts, on a lead byte, and ends where `a` ends.
pub(crate) fn overlap(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let tail = &a[a.len().saturating_sub(b.len())..];
    if b.is_empty() || tail.is_empty() {
        return 0;
    }
    // prefix[i]: the longest proper prefix of b[..=i] that also ends it.
    let mut prefix = vec![0usize; b.len()];
    let mut k = 0;
    for i in 1..b.len() {
        while k > 0 && b[i] != b[k] {
            k = prefix[k - 1];
        }
        if b[i] == b[k] {
            k += 1;
        }
        prefix[i] = k;
    }
    // The longest prefix of `b` that ends each position of `tail`.
    let mut matched = 0;
    for &byte in tail {
        while matched > 0 && (matched == b.len() || byte != b[matched]) {
            matched = prefix[matched - 1];
        }
        if byte == b[matched] {
            matched += 1;
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::{
        ends_with_word, find_any_char, find_word, overlap, rfind_word, starts_with_word,
        word_at_start, Needles,
    };

    #[test]
    fn finds_what_a_plain_search_finds() {
        let words = ["以及", "及", "和", "至", "-", "～", "、"];
        for text in crate::test_support::every_text(
            &["以", "及", "和", "至", "-", "～", "、", "甲", " "],
            3,
        ) {
            assert_eq!(
                word_at_start(&text, &words),
                words.iter().find(|w| text.starts_with(**w)).copied(),
                "{text:?}"
            );
        }
        assert_eq!(word_at_start("", &words), None);
    }

    #[test]
    fn words_at_either_end_are_found_as_str_finds_them() {
        let words = ["", "为", "不超过", "超过", "过", ":", "：", "甲"];
        for text in
            crate::test_support::every_text(&["不", "超", "过", "为", ":", "：", "甲", "a"], 4)
        {
            for word in words {
                assert_eq!(
                    ends_with_word(&text, word),
                    text.ends_with(word),
                    "{text:?} {word:?}"
                );
                assert_eq!(
                    starts_with_word(&text, word),
                    text.starts_with(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }

    #[test]
    fn find_word_finds_what_str_find_finds() {
        let words = ["", "随时", "随", "时", "不含", "a", "ab", "自"];
        for text in crate::test_support::every_text(&["随", "时", "不", "含", "a", "b", "自"], 4)
        {
            for word in words {
                assert_eq!(find_word(&text, word), text.find(word), "{text:?} {word:?}");
                assert_eq!(
                    rfind_word(&text, word),
                    text.rfind(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }

    #[test]
    fn find_any_char_agrees_with_find() {
        let pieces = [
            "：",
            ":",
            "；",
            "。",
            "甲",
            "\u{FF1B}",
            "\u{3001}",
            "a",
            "\u{10000}",
        ];
        let texts = crate::test_support::every_text(&pieces, 4);
        for text in &texts {
            for chars in [&['：', ':'][..], &['；', ';', '。'], &['。']] {
                let expected = text.char_indices().find(|(_, c)| chars.contains(c));
                let needles = Needles::new(chars);
                assert_eq!(
                    find_any_char(text, &needles),
                    expected,
                    "{text:?} {chars:?}"
                );
            }
        }
        assert_eq!(find_any_char("", &Needles::new(&['：'])), None);
    }

    /// The overlap by trying every length, longest first: the oracle of [`overlap`].
    fn overlap_by_trying(a: &str, b: &str) -> usize {
        (0..=b.len())
            .rev()
            .find(|&k| b.is_char_boundary(k) && a.ends_with(&b[..k]))
            .unwrap_or(0)
    }

    #[test]
    fn the_prefix_function_finds_the_longest_overlap() {
        let pieces = ["甲", "乙", "a", "甲乙"];
        let texts = crate::test_support::every_text(&pieces, 5);
        for a in &texts {
            for b in texts.iter().step_by(7) {
                assert_eq!(overlap(a, b), overlap_by_trying(a, b), "{a:?} {b:?}");
            }
        }
    }
}
