//! How an item is handed in and dealt with: its medium (`纸质`, `电子版`, `纸质/电子版`),
//! whether it may be left out (`非必要`, `如有`), what the office does with the original
//! (`验原件`, `收原件`, `原件核验后退还`) and where it comes from (`申请人自备`, `部门核发`).
//!
//! ```text
//! medium   = paper (medium_joined joined_electronic)? | electronic (medium_joined paper)?
//! joined   = medium_or (`/`, `或`) | medium_and (`及`, `和`, `、`)
//! optional = "非必要" | "非必须" | "非必需" | "如有"
//! handling = checked ("验原件", "原件核验后退还"…) | collected ("收原件", "留存原件"…)
//! source   = applicant ("申请人自备", "自备") | department ("部门核发", "机关核发")
//! ```
//!
//! Each phrase is tried only where [`ClauseShape`] saw one of its marking characters in the
//! item, and then only at those characters (and the few before them a phrase can open with),
//! never at every character of the item.

use super::*;
use crate::model::{MaterialHandling, MaterialMedium, MaterialSource};

/// What an item says of one attribute.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found<T> {
    None,
    One(T),
    /// Two readings that do not agree.
    Conflict(T, T),
}

/// The readings of `phrase` in `text`, tried at each of the `marks` (ideographs, found by a
/// [`sparse_chars`] walk that steps over the others) and at the `back` characters before it
/// (where a phrase holding the mark may open), each start once, and past the end of a phrase
/// read; `merge` joins two readings, `None` when they conflict.
fn find_phrases<T: Clone + PartialEq, const N: usize>(
    text: &str,
    marks: WideMarks<N>,
    back: usize,
    phrase: fn(&str) -> IResult<&str, T>,
    merge: fn(&T, &T) -> Option<T>,
) -> Found<T> {
    let mut found: Option<T> = None;
    let mut next_start = 0;
    for (at, _) in sparse_chars(text, marks).filter(|&(_, c)| is_ideograph(c)) {
        let first = text[..at]
            .char_indices()
            .rev()
            .take(back)
            .last()
            .map_or(at, |(i, _)| i)
            .max(next_start);
        let starts = text[first..]
            .char_indices()
            .map(|(i, _)| first + i)
            .take_while(|&i| i <= at);
        let mut read = None;
        for start in starts {
            if let Ok((rest, value)) = phrase(&text[start..]) {
                read = Some((text.len() - rest.len(), value));
                break;
            }
        }
        let Some((end, value)) = read else {
            continue;
        };
        next_start = end;
        found = match found {
            None => Some(value),
            Some(seen) => match merge(&seen, &value) {
                Some(both) => Some(both),
                None => return Found::Conflict(seen, value),
            },
        };
    }
    found.map_or(Found::None, Found::One)
}

/// nom: a medium phrase: `纸质`, `电子版`, `纸质/电子版`, `纸质及电子版`:
/// `medium = paper (medium_joined joined_electronic)? | electronic (medium_joined paper)?`.
pub(super) fn medium_phrase(input: &str) -> IResult<&str, MaterialMedium> {
    alt((
        map(
            (paper, opt(medium_joined(joined_electronic))),
            |(_, joined)| joined.unwrap_or(MaterialMedium::Paper),
        ),
        map((electronic, opt(medium_joined(paper))), |(_, joined)| {
            joined.unwrap_or(MaterialMedium::Electronic)
        }),
    ))
    .parse(input)
}

/// nom: the second medium of a phrase, after the word joining it to the first: either
/// (`/电子版`) or both (`及电子版`).
fn medium_joined<'a>(
    other: Word,
) -> impl Parser<&'a str, Output = MaterialMedium, Error = nom::error::Error<&'a str>> {
    alt((
        value(
            MaterialMedium::PaperOrElectronic,
            (one_of(MEDIUM_OR_WORDS), other),
        ),
        value(
            MaterialMedium::PaperAndElectronic,
            (one_of(MEDIUM_AND_WORDS), other),
        ),
    ))
}

/// nom: a word for paper ([`PAPER_WORDS`]).
fn paper(input: &str) -> IResult<&str, &str> {
    one_of(PAPER_WORDS)(input)
}

/// nom: a word for an electronic file ([`ELECTRONIC_WORDS`]).
fn electronic(input: &str) -> IResult<&str, &str> {
    one_of(ELECTRONIC_WORDS)(input)
}

/// nom: a word for an electronic file after a paper word ([`JOINED_ELECTRONIC_WORDS`]).
fn joined_electronic(input: &str) -> IResult<&str, &str> {
    one_of(JOINED_ELECTRONIC_WORDS)(input)
}

/// Two media said of one item: paper and electronic said apart are both; a phrase naming
/// both media holds one naming either; `纸质及电子版` and `纸质/电子版` conflict.
fn merge_media(a: &MaterialMedium, b: &MaterialMedium) -> Option<MaterialMedium> {
    use MaterialMedium::*;
    match (a, b) {
        _ if a == b => Some(a.clone()),
        (Paper, Electronic) | (Electronic, Paper) => Some(PaperAndElectronic),
        (PaperAndElectronic | PaperOrElectronic, Paper | Electronic) => Some(a.clone()),
        (Paper | Electronic, PaperAndElectronic | PaperOrElectronic) => Some(b.clone()),
        _ => None,
    }
}

/// The medium `text` asks for, read where a `纸` or `电` is.
pub(super) fn medium(text: &str) -> Found<MaterialMedium> {
    find_phrases(
        text,
        WideMarks::new([PAPER_MARK, ELECTRONIC_MARK]),
        0,
        medium_phrase,
        merge_media,
    )
}

/// nom: a word saying the item may be left out ([`OPTIONAL_WORDS`]).
pub(super) fn optional_word(input: &str) -> IResult<&str, &str> {
    one_of(OPTIONAL_WORDS)(input)
}

/// Whether `body` (an item without its condition) says it may be left out, read where a
/// `非` or `如` is.
pub(super) fn optional(body: &str) -> bool {
    !matches!(
        find_phrases(
            body,
            WideMarks::new(OPTIONAL_MARKS),
            0,
            optional_phrase,
            |_, _| Some(())
        ),
        Found::None
    )
}

/// nom: [`optional_word`], as a reading with no value.
fn optional_phrase(input: &str) -> IResult<&str, ()> {
    value((), optional_word).parse(input)
}

/// nom: what is done with the original: `验原件`, `原件核验后退还` (checked and handed back),
/// `收原件`, `留存原件` (kept).
pub(super) fn handling_phrase(input: &str) -> IResult<&str, MaterialHandling> {
    alt((
        value(MaterialHandling::Checked, one_of(CHECKED_WORDS)),
        value(MaterialHandling::Collected, one_of(COLLECTED_WORDS)),
    ))
    .parse(input)
}

/// What `text` says is done with the original, read where a `验`, `收` or `留` is and up to
/// three characters before it (`原件核验后退还`).
pub(super) fn handling(text: &str) -> Found<MaterialHandling> {
    find_phrases(
        text,
        WideMarks::new(HANDLING_MARKS),
        3,
        handling_phrase,
        |a, b| (a == b).then(|| a.clone()),
    )
}

/// nom: where the material comes from: `申请人自备`, `自备` (the applicant), `部门核发`,
/// `机关核发` (an authority).
pub(super) fn source_phrase(input: &str) -> IResult<&str, MaterialSource> {
    alt((
        value(MaterialSource::Applicant, one_of(APPLICANT_SOURCE_WORDS)),
        value(MaterialSource::Department, one_of(DEPARTMENT_SOURCE_WORDS)),
    ))
    .parse(input)
}

/// Where `text` says the material comes from, read where a `自` or `核` is and up to three
/// characters before it (`申请人自备`, `部门核发`).
pub(super) fn source(text: &str) -> Found<MaterialSource> {
    find_phrases(
        text,
        WideMarks::new(SOURCE_MARKS),
        3,
        source_phrase,
        |a, b| (a == b).then(|| a.clone()),
    )
}

/// Whether the choice word at byte `at` of `text` offers either medium (`纸质或电子版`): a
/// paper or electronic word ends there and a [`medium_phrase`] of a choice starts with it.
pub(super) fn joins_media(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    PAPER_WORDS
        .iter()
        .chain(ELECTRONIC_WORDS)
        .find(|word| before.ends_with(**word))
        .is_some_and(|word| {
            matches!(
                medium_phrase(&text[at - word.len()..]),
                Ok((_, MaterialMedium::PaperOrElectronic))
            )
        })
}
