//! Traditional characters read as their simplified forms, for matching only.
//!
//! Some lists are published in traditional characters (`中華人民共和國主席令第25號第八十四條`).
//! The grammars are written with the simplified forms; [`simplified`] gives a copy of a text
//! with the characters of [`VARIANTS`] replaced, for a parser to read. Each pair has the same
//! UTF-8 length, so every byte offset into the copy is the same offset into the original:
//! what the parser keeps as written (`raw`, `text`) is taken from the original.

use std::borrow::Cow;
use std::sync::OnceLock;

use memchr::memmem::Finder;

/// Traditional → simplified, for the characters legal citations and their numbers use
/// (one pair a line, sorted by the traditional character: [`simplified_char`] searches it).
const VARIANTS: [(char, char); 39] = [
    ('並', '并'),
    ('則', '则'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('協', '协'),
    ('員', '员'),
    ('國', '国'),
    ('廣', '广'),
    ('廳', '厅'),
    ('強', '强'),
    ('據', '据'),
    ('於', '于'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('機', '机'),
    ('災', '灾'),
    ('療', '疗'),
    ('發', '发'),
    ('稅', '税'),
    ('縣', '县'),
    ('華', '华'),
    ('號', '号'),
    ('衛', '卫'),
    ('規', '规'),
    ('設', '设'),
    ('護', '护'),
    ('財', '财'),
    ('資', '资'),
    ('辦', '办'),
    ('醫', '医'),
    ('關', '关'),
    ('際', '际'),
    ('險', '险'),
    ('項', '项'),
    ('體', '体'),
];

/// The simplified form of `c`, or `c`.
pub(crate) fn simplified_char(c: char) -> char {
    match VARIANTS.binary_search_by_key(&c, |&(traditional, _)| traditional) {
        Ok(at) => VARIANTS[at].1,
        Err(_) => c,
    }
}

/// The traditional forms of the words a citation's grammar turns on (号 ends every document
/// number, 条 every article): a text holding neither has nothing a grammar would read
/// differently once simplified (an item `第二項` stands after an article or a number).
const GRAMMAR_WORDS: [&str; 2] = ["號", "條"];

/// Whether `text` holds one of [`GRAMMAR_WORDS`], by a byte search whose searchers are built
/// once (building one per call costs more than searching a cell).
fn holds_grammar_word(text: &str) -> bool {
    static FINDERS: OnceLock<[Finder<'static>; 2]> = OnceLock::new();
    let finders = FINDERS.get_or_init(|| GRAMMAR_WORDS.map(|word| Finder::new(word.as_bytes())));
    let bytes = text.as_bytes();
    finders.iter().any(|finder| finder.find(bytes).is_some())
}

/// `text` with the traditional characters of [`VARIANTS`] read as simplified, when it holds a
/// traditional grammar word ([`GRAMMAR_WORDS`], told by a fast byte search); else borrowed.
/// The copy has the same length, byte for byte, as `text`.
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    if !holds_grammar_word(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(simplified_char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_keeps_its_length_and_differs() {
        for (traditional, simple) in VARIANTS {
            assert_eq!(traditional.len_utf8(), simple.len_utf8(), "{traditional}");
        }
        // Sorted and without repeats, as the binary search needs.
        assert!(VARIANTS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn traditional_text_reads_simplified() {
        let text = "中華人民共和國主席令第25號第八十四條";
        let copy = simplified(text);
        assert_eq!(copy, "中华人民共和国主席令第25号第八十四条");
        assert_eq!(copy.len(), text.len());
        assert!(matches!(simplified("中华人民共和国"), Cow::Borrowed(_)));
        // Without a grammar word, nothing would be read differently: not copied.
        assert!(matches!(
            simplified("《中華人民共和國社會保險法》"),
            Cow::Borrowed(_)
        ));
    }
}
