//! Terms a note defines by listing what they include.
//!
//! ```text
//! definition = term adverb* include list
//! term       = the text back to the last ， or ： (or the include word before), not ending in 不
//! adverb     = one of INCLUDE_ADVERBS          -- 可, 主要, …
//! include    = 包括 | 包含
//! list       = 但不限于? items (等 | 等等 | （下同）)*   -- up to the first top-level ，
//! items      = item (、 item)*  |  item (或 item)*
//! ```
//!
//! `有效身份证件包括身份证、居住证等（下同）` → `有效身份证件`: `[身份证, 居住证]`; a list
//! `以下…` (the items follow as points) is no definition.

use crate::fields::top_level::{range_in, top_level_parts};
use crate::model::Definition;
use crate::text::brackets::split_top_level;
use crate::text::normalize::normalize;

use super::push_first_exactly;
use super::sentences::is_piece_break;

/// Words that introduce what a term includes, longest first.
const INCLUDES: &[&str] = &["包括", "包含"];

/// Words between a term and `包括` (`可包括`, `主要包括`).
const INCLUDE_ADVERBS: &[&str] = &["主要", "一般", "具体", "可", "应", "须", "需"];

/// Push the definitions of one sentence to `found`. A term runs back to the `包括` before it
/// at most, and a list forward to the next one, so every part of the sentence is read once.
pub(super) fn definitions_in(sentence: &str, found: &mut Vec<Definition>) {
    let Some(first) = include_word_from(sentence, 0) else {
        return;
    };
    let mut term_from = 0;
    let mut hit = Some(first);
    while let Some((at, end)) = hit {
        let next = include_word_from(sentence, end);
        let list_to = next.map_or(sentence.len(), |(next_at, _)| next_at);
        let term = term_before(&sentence[term_from..at]);
        let includes = list_after(&sentence[end..list_to]);
        if let (Some(term), false) = (term, includes.is_empty()) {
            push_first_exactly(found, Definition { term, includes });
        }
        term_from = end;
        hit = next;
    }
}

/// The byte range of the first of [`INCLUDES`] in `sentence` at or after byte `from` (a char
/// boundary). Every one of them starts with `包`, which `str::find` looks for with a byte
/// search; only there are the words compared.
fn include_word_from(sentence: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    loop {
        let at = search + sentence.get(search..)?.find('包')?;
        if let Some(word) = INCLUDES
            .iter()
            .find(|word| sentence[at..].starts_with(*word))
        {
            return Some((at, at + word.len()));
        }
        search = at + '包'.len_utf8();
    }
}

/// The term before `包括`: from the last `，` or `：` on, without adverbs such as `可`;
/// `None` when empty or negated (`不包括`).
fn term_before(text: &str) -> Option<String> {
    let mut term = text.trim_end();
    while let Some(rest) = INCLUDE_ADVERBS.iter().find_map(|a| term.strip_suffix(a)) {
        term = rest;
    }
    if term.ends_with('不') {
        return None;
    }
    let start = term.rfind(['，', ',', '：', ':']).map_or(0, |i| {
        i + term[i..].chars().next().map_or(1, char::len_utf8)
    });
    let term = normalize(&term[start..]);
    (!term.is_empty()).then_some(term)
}

/// The list after `包括`, up to the next `，`: split on `、` (or on `或` when there is no
/// `、`), without a closing `等` or `（下同）`.
fn list_after(text: &str) -> Vec<String> {
    let text = text.trim_start_matches(['：', ':', ' ']);
    let text = text.strip_prefix("但不限于").unwrap_or(text);
    let text = text.trim_start_matches(['：', ':', ' ']);
    if text.starts_with("以下") {
        return Vec::new();
    }
    let end = first_part_end(text);
    let list = strip_list_end(&text[..end]);
    let mut items = split_top_level(list, |c| c == '、');
    if items.len() == 1 {
        items = split_top_level(list, |c| c == '或');
    }
    items
        .into_iter()
        .map(normalize)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Where the first non-blank part of `text` between top-level commas ends, trimmed (0 when
/// there is none): a comma inside brackets ends no list (`居住证（含电子证照、临时证）`).
fn first_part_end(text: &str) -> usize {
    top_level_parts(text, is_piece_break)
        .map(str::trim_end)
        .find(|part| !part.is_empty())
        .map_or(0, |part| range_in(text, part).end)
}

/// The list without what may close it: `（下同）`, `等`, `等等`, final punctuation.
fn strip_list_end(mut list: &str) -> &str {
    loop {
        let trimmed =
            list.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '；' | ';'));
        let stripped = ["（下同）", "(下同)", "等等", "等"]
            .iter()
            .find_map(|end| trimmed.strip_suffix(end));
        match stripped {
            Some(rest) => list = rest,
            None => return trimmed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_ends_at_the_first_top_level_comma_after_a_word() {
        for (text, list) in [
            ("甲（乙，丙），丁", "甲（乙，丙）"),
            (" ，甲 ，乙", " ，甲"),
            ("甲", "甲"),
            ("， ", ""),
        ] {
            assert_eq!(&text[..first_part_end(text)], list, "{text:?}");
        }
    }
}
