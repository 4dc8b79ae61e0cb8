//! Traditional characters read as their simplified forms, for matching only.
//!
//! Some lists are published in traditional characters (`中華人民共和國主席令第25號第八十四條`).
//! The grammars are written with the simplified forms; [`simplified`] gives a copy of a text
//! with the characters of [`VARIANTS`] replaced, for a parser to read. Each pair has the same
//! UTF-8 length, so every byte offset into the copy is the same offset into the original:
//! what the parser keeps as written (`raw`, `text`) is taken from the original. Header cells
//! are matched with the column names after [`simplified_char`] (`序號` names 序号).

use std::borrow::Cow;
use std::sync::OnceLock;

use memchr::memmem::Finder;

/// Traditional → simplified, for the characters legal citations and their numbers use, and
/// those of the header vocabulary (`執法事項名稱` names the 执法事项名称 column; header cells
/// are folded char by char, see `table::header`). One pair a line, sorted by the traditional
/// character: [`simplified_char`] searches it.
const VARIANTS: [(char, char); 98] = [
    ('並', '并'),
    ('備', '备'),
    ('別', '别'),
    ('則', '则'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('協', '协'),
    ('員', '员'),
    ('單', '单'),
    ('國', '国'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('實', '实'),
    ('審', '审'),
    ('將', '将'),
    ('對', '对'),
    ('層', '层'),
    ('屬', '属'),
    ('廣', '广'),
    ('廳', '厅'),
    ('強', '强'),
    ('從', '从'),
    ('復', '复'),
    ('應', '应'),
    ('戶', '户'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('準', '准'),
    ('溫', '温'),
    ('災', '灾'),
    ('現', '现'),
    ('環', '环'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('監', '监'),
    ('確', '确'),
    ('碼', '码'),
    ('稅', '税'),
    ('稱', '称'),
    ('節', '节'),
    ('級', '级'),
    ('細', '细'),
    ('結', '结'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('繫', '系'),
    ('續', '续'),
    ('聯', '联'),
    ('華', '华'),
    ('號', '号'),
    ('衛', '卫'),
    ('規', '规'),
    ('記', '记'),
    ('設', '设'),
    ('訴', '诉'),
    ('詢', '询'),
    ('話', '话'),
    ('說', '说'),
    ('請', '请'),
    ('諮', '咨'),
    ('諾', '诺'),
    ('證', '证'),
    ('護', '护'),
    ('財', '财'),
    ('責', '责'),
    ('費', '费'),
    ('資', '资'),
    ('辦', '办'),
    ('邊', '边'),
    ('醫', '医'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('際', '际'),
    ('險', '险'),
    ('電', '电'),
    ('項', '项'),
    ('類', '类'),
    ('體', '体'),
    ('點', '点'),
    ('齊', '齐'),
    ('齡', '龄'),
];

/// One bit for each traditional character of [`VARIANTS`], by its value modulo 4096: a
/// character whose bit is clear is none of them. Header matching folds every character of
/// every data cell it tries ([`simplified_char`]); with about a hundred pairs, 97 % of the
/// characters are passed by this one test instead of a binary search. A fast path of
/// `src/text/`: the test `the_filter_passes_every_traditional_character` holds it to the
/// table.
const TRADITIONAL_BITS: [u64; 64] = {
    let mut bits = [0; 64];
    let mut i = 0;
    while i < VARIANTS.len() {
        let h = VARIANTS[i].0 as u32 % 4096;
        bits[(h / 64) as usize] |= 1 << (h % 64);
        i += 1;
    }
    bits
};

/// The simplified form of `c`, or `c`.
#[inline]
pub(crate) fn simplified_char(c: char) -> char {
    let h = u32::from(c) % 4096;
    if TRADITIONAL_BITS[(h / 64) as usize] & (1 << (h % 64)) == 0 {
        return c;
    }
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
    fn the_filter_passes_every_traditional_character() {
        for (traditional, simple) in VARIANTS {
            assert_eq!(simplified_char(traditional), simple);
        }
        // Any other character is itself, through the filter or the search.
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let in_table = VARIANTS.iter().find(|(t, _)| *t == c).map(|&(_, s)| s);
            assert_eq!(simplified_char(c), in_table.unwrap_or(c), "{c:?}");
        }
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
