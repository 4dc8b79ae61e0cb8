//! Character classes the parsers share: Han characters, numeral characters, the punctuation
//! that ends a sentence. Each is defined here once; a parser that needs one asks it here.

use super::numeral;

/// Whether `c` is a Han character: the CJK unified ideographs (U+4E00–U+9FFF), extension A
/// (U+3400–U+4DBF), the compatibility ideographs (U+F900–U+FAFF) and the ideographs of the
/// supplementary planes (U+20000–U+2FA1F). Punctuation is not.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Whether `c` is a CJK unified ideograph of the main block (U+4E00–U+9FFF), as most
/// characters of a cell are: the one range of [`is_han`] asked first where a character is
/// asked whether it is white space, punctuation, a bracket or a digit, which no ideograph is.
/// One range comparison settles most characters.
pub(crate) fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether `c` is part of an Arabic numeral (an ASCII or full-width digit) or of a Chinese
/// one (`一`, `十`, `万`, `〇`, `两`, …): [`numeral::is_arabic_digit`] or
/// [`numeral::is_chinese_numeral_char`].
pub(crate) fn is_numeral_char(c: char) -> bool {
    numeral::is_arabic_digit(c) || numeral::is_chinese_numeral_char(c)
}

/// Punctuation that ends a sentence: `。；！？` and their half-width forms `;!?`.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?')
}

/// Full-width and CJK punctuation: the commas, stops, colon and enumeration comma, `！？`,
/// the round, angle, lenticular and tortoise-shell brackets, the title marks `《》〈〉` and the
/// curly quotes. ASCII punctuation is `char::is_ascii_punctuation`.
pub(crate) fn is_cjk_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '、'
            | '！'
            | '？'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '﹝'
            | '﹞'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ideograph_is_han_and_punctuation_is_not() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if is_ideograph(c) {
                assert!(is_han(c), "{c:?}");
            }
        }
        for c in ['甲', '一', '㐀', '豈', '𠀀'] {
            assert!(is_han(c), "{c:?}");
        }
        for c in ['。', '（', '《', 'a', '１', '①', '\u{3000}', '〇'] {
            assert!(!is_han(c), "{c:?}");
        }
    }

    #[test]
    fn numeral_characters() {
        for c in "0９一二两十百千万亿零〇壹拾".chars() {
            assert!(is_numeral_char(c), "{c:?}");
        }
        for c in "a甲第①.、（".chars() {
            assert!(!is_numeral_char(c), "{c:?}");
        }
    }

    #[test]
    fn cjk_punctuation() {
        for c in "，。；：、！？（）《》〈〉“”‘’【】〔〕".chars() {
            assert!(is_cjk_punctuation(c), "{c:?}");
        }
        for c in "甲一a,.;(「」—…·\u{3000}１".chars() {
            assert!(!is_cjk_punctuation(c), "{c:?}");
        }
    }

    #[test]
    fn sentence_ends() {
        for c in "。；;！？!?".chars() {
            assert!(is_sentence_end(c), "{c:?}");
        }
        for c in "，,、：:.．".chars() {
            assert!(!is_sentence_end(c), "{c:?}");
        }
    }
}
