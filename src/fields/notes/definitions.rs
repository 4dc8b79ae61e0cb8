//! Terms a note defines by listing what they include.
//!
//! ```text
//! definition = lead term adverb* ws* include list
//! lead       = (text term_break)*       -- back to the last ， , ： : (or the include word before)
//! term       = text, not ending in 不    -- 不包括 is no definition
//! adverb     = one of INCLUDE_ADVERBS    -- 可, 主要, …
//! include    = one of INCLUDES           -- 包括 | 包含
//! list       = colon* 但不限于? colon* first_part       -- `以下…` (the items follow as points): none
//! first_part = (blank ，)* items list_end*  -- up to the first top-level ， after a word
//! items      = item (、 item)*  |  item (或 item)*     -- split outside brackets
//! list_end   = one of LIST_ENDS | ws | 。 | ； | ;     -- 等, 等等, （下同）
//! ```
//!
//! `有效身份证件包括身份证、居住证等（下同）` → `有效身份证件`: `[身份证, 居住证]`.
//!
//! A term ends where `adverb* ws*` runs to the include word, and the items where `list_end*`
//! runs to the end of the part: [`text_before`] reads such a text front to back, once.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_till1, take_while, take_while1};
use nom::character::complete::{anychar, satisfy};
use nom::combinator::{eof, map, not, opt, peek, recognize};
use nom::multi::{many0_count, many1_count};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::fields::top_level::{range_in, top_level_parts};
use crate::model::Definition;
use crate::text::brackets::split_top_level;
use crate::text::normalize::normalize;
use crate::text::scan::first_char;
use crate::text::search::word_at_start;

use super::push_first_exactly;
use super::sentences::is_piece_break;

/// Words that introduce what a term includes (where one starts another, the longer first).
const INCLUDES: &[&str] = &["包括", "包含"];

/// Words between a term and `包括` (`可包括`, `主要包括`).
const INCLUDE_ADVERBS: [&str; 7] = ["主要", "一般", "具体", "可", "应", "须", "需"];

/// Words that may close a list (`身份证、护照等（下同）`), after which the list says no more.
const LIST_ENDS: [&str; 4] = ["（下同）", "(下同)", "等等", "等"];

/// The characters an adverb starts with, and a list's closing word (for [`text_before`]).
const ADVERB_FIRSTS: [char; INCLUDE_ADVERBS.len()] = first_chars(INCLUDE_ADVERBS);
const LIST_END_FIRSTS: [char; LIST_ENDS.len()] = first_chars(LIST_ENDS);

/// The first character of each of `words`, built at compile time.
const fn first_chars<const N: usize>(words: [&str; N]) -> [char; N] {
    let mut firsts = ['\0'; N];
    let mut i = 0;
    while i < N {
        if let Some(first) = first_char(words[i]) {
            firsts[i] = first;
        }
        i += 1;
    }
    firsts
}

/// What a list may open with, before its items: `但不限于` (`包括但不限于：甲、乙`).
const NOT_LIMITED_TO: &str = "但不限于";

/// What a list may open with instead of its items, which then follow as points.
const FOLLOWING: &str = "以下";

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

/// nom: `word = one of words`.
fn word<'a>(words: &'static [&'static str]) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input| match word_at_start(input, words) {
        Some(found) => Ok((&input[found.len()..], &input[..found.len()])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// nom: `include = 包括 | 包含` ([`INCLUDES`]).
fn include(input: &str) -> IResult<&str, &str> {
    word(INCLUDES)(input)
}

/// The byte range of the first include word in `sentence` at or after byte `from` (a char
/// boundary). Every one of them starts with `包`, which `str::find` looks for with a byte
/// search (the prefilter); only there is [`include()`] tried.
fn include_word_from(sentence: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    loop {
        let at = search + sentence.get(search..)?.find('包')?;
        if let Ok((rest, _)) = include(&sentence[at..]) {
            return Some((at, sentence.len() - rest.len()));
        }
        search = at + '包'.len_utf8();
    }
}

/// nom: `ws = white space`, none or more.
fn ws(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// nom: the text of `input` before its end, where the rest of it is read by `end` (and
/// nothing more): `text end`. A stretch `end` reads with more after it belongs to the text
/// and is passed whole, so the text is read once, front to back. `may_open` tells the
/// characters an `end` may start with (at least those): runs of other characters are passed
/// at once, without trying `end`. Never fails.
///
/// The prefilter: an `end` is made only of characters `made_of` accepts, so it stands in the
/// run of them that ends the input, found by `str::trim_end_matches`; the grammar is read
/// from the start of that run (all before it is text).
fn text_before<'a>(
    end: fn(&'a str) -> IResult<&'a str, &'a str>,
    may_open: fn(char) -> bool,
    made_of: fn(char) -> bool,
    input: &'a str,
) -> IResult<&'a str, &'a str> {
    let run_start = input.trim_end_matches(made_of).len();
    let plain = take_till1(may_open);
    let end_with_more = terminated(end, not(eof));
    let other = recognize(preceded(not(end), anychar));
    let (rest, text) =
        recognize(many0_count(alt((plain, end_with_more, other)))).parse(&input[run_start..])?;
    Ok((rest, &input[..run_start + text.len()]))
}

/// nom: what may stand between a term and the include word, to its end: `adverb+ ws* | ws+`
/// (`可`, `主要 `, `可 `).
fn term_end(input: &str) -> IResult<&str, &str> {
    let adverbs = recognize((many1_count(word(&INCLUDE_ADVERBS)), ws));
    alt((adverbs, take_while1(char::is_whitespace))).parse(input)
}

/// Whether a [`term_end`] may start with `c`.
fn may_open_term_end(c: char) -> bool {
    c.is_whitespace() || ADVERB_FIRSTS.contains(&c)
}

/// Whether `c` may stand in a [`term_end`].
fn in_term_end(c: char) -> bool {
    c.is_whitespace()
        || INCLUDE_ADVERBS
            .iter()
            .any(|adverb| adverb.chars().any(|a| a == c))
}

/// Whether `c` ends the text before a term (`甲，有效证件包括`, `材料：证件包括`).
fn is_term_break(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

/// nom: `lead term adverb* ws*`, reading all of `input`: the term.
fn term(input: &str) -> IResult<&str, &str> {
    let lead = many0_count((take_till(is_term_break), satisfy(is_term_break)));
    preceded(lead, |rest| {
        text_before(term_end, may_open_term_end, in_term_end, rest)
    })
    .parse(input)
}

/// The term before `包括`: from the last `，` or `：` on, without adverbs such as `可`;
/// `None` when empty or negated (`不包括`).
fn term_before(text: &str) -> Option<String> {
    let (_, term) = term(text).ok()?;
    if term.ends_with('不') {
        return None;
    }
    let term = normalize(term);
    (!term.is_empty()).then_some(term)
}

/// nom: what may open a list before its items: `：`, `:` or spaces, none or more.
fn colons(input: &str) -> IResult<&str, &str> {
    take_while(|c| matches!(c, '：' | ':' | ' ')).parse(input)
}

/// nom: `colon* 但不限于? colon*`: whether the list then says its items follow (`以下`).
fn list_opening(input: &str) -> IResult<&str, bool> {
    let follows = map(opt(peek(tag(FOLLOWING))), |found| found.is_some());
    map(
        (colons, opt(tag(NOT_LIMITED_TO)), colons, follows),
        |(_, _, _, follows)| follows,
    )
    .parse(input)
}

/// The list after `包括`, up to the next `，`: split on `、` (or on `或` when there is no
/// `、`), without a closing `等` or `（下同）`.
fn list_after(text: &str) -> Vec<String> {
    let Ok((text, false)) = list_opening(text) else {
        return Vec::new();
    };
    let part = &text[..first_part_end(text)];
    let list = text_before(list_end, may_open_list_end, in_list_end, part)
        .map_or(part, |(_, items)| items);
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

/// Whether `c` is punctuation or white space that may close a list.
fn is_list_end_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '。' | '；' | ';')
}

/// Whether a [`list_end`] may start with `c`.
fn may_open_list_end(c: char) -> bool {
    is_list_end_mark(c) || LIST_END_FIRSTS.contains(&c)
}

/// Whether `c` may stand in a [`list_end`].
fn in_list_end(c: char) -> bool {
    is_list_end_mark(c) || LIST_ENDS.iter().any(|end| end.chars().any(|e| e == c))
}

/// nom: `list_end+`, what may close a list: `（下同）`, `等`, `等等`, white space, `。`, `；`.
fn list_end(input: &str) -> IResult<&str, &str> {
    let mark = recognize(satisfy(is_list_end_mark));
    recognize(many1_count(alt((word(&LIST_ENDS), mark)))).parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definitions(sentence: &str) -> Vec<(String, Vec<String>)> {
        let mut found = Vec::new();
        definitions_in(sentence, &mut found);
        found.into_iter().map(|d| (d.term, d.includes)).collect()
    }

    /// A definition: its term and what it includes.
    type Defined<'a> = (&'a str, &'a [&'a str]);

    #[test]
    fn accepted_wordings() {
        #[rustfmt::skip]
        let table: &[(&str, &[Defined])] = &[
            // definition = lead term adverb* ws* include list
            ("有效身份证件包括身份证、居住证等（下同）", &[("有效身份证件", &["身份证", "居住证"])]),
            ("有效身份证件包含身份证、护照",             &[("有效身份证件", &["身份证", "护照"])]),
            ("需提供：证件包括身份证、护照",             &[("证件", &["身份证", "护照"])]),
            ("甲，证件可包括身份证、护照",               &[("证件", &["身份证", "护照"])]),
            ("材料主要包括病历、发票",                   &[("材料", &["病历", "发票"])]),
            ("材料 可 包括病历、发票",                   &[("材料", &["病历", "发票"])]),
            ("证件一般 包括身份证、护照",                &[("证件", &["身份证", "护照"])]),
            // list = colon* 但不限于? colon* first_part
            ("材料包括：病历、发票",                     &[("材料", &["病历", "发票"])]),
            ("材料包括但不限于：病历、发票，原件备查",   &[("材料", &["病历", "发票"])]),
            ("证明包括介绍信或证明书",                   &[("证明", &["介绍信", "证明书"])]),
            ("证件包括身份证、居住证（含电子证照、临时证）", &[("证件", &["身份证", "居住证（含电子证照、临时证）"])]),
            // list_end = 等 | 等等 | （下同） | …
            ("证件包括身份证、护照等等。",               &[("证件", &["身份证", "护照"])]),
            ("证件包括身份证、护照 等 (下同)；",         &[("证件", &["身份证", "护照"])]),
            ("证件包括身份证、等级证书",                 &[("证件", &["身份证", "等级证书"])]),
            // A definition per include word, each term after the include word before.
            ("证件包括甲、乙，材料包括丙、丁",           &[("证件", &["甲", "乙"]), ("材料", &["丙", "丁"])]),
            // No definition.
            ("费用不包括自付部分",                       &[]),
            ("费用可不包括自付部分",                     &[]),
            ("包括身份证、护照",                         &[]),
            ("材料包括以下几项",                         &[]),
            ("有效身份证件包括",                         &[]),
            ("包装完好",                                 &[]),
        ];
        for &(sentence, expected) in table {
            let expected: Vec<(String, Vec<String>)> = expected
                .iter()
                .map(|(term, items)| {
                    (
                        term.to_string(),
                        items.iter().map(|i| i.to_string()).collect(),
                    )
                })
                .collect();
            assert_eq!(definitions(sentence), expected, "{sentence}");
        }
    }

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
