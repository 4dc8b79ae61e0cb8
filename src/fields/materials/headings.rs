//! Group headings (`（一）女职工生育津贴报销：`) and notes: sentences of a group that ask for
//! no material (`…只享受生育医疗费,不享受生育津贴`).
//!
//! ```text
//! heading      = phrase request_tail? (":" | "：")?     at most 30 characters; the colon where
//!                                                     one is asked for
//! phrase       = no "，" "," "；" ";" "。" "：" ":" "《"; no document, no lead-in word, no note
//! request_tail = provide list_word? ("材料" | "资料")? list_word? white_space* end
//! list_word    = "以下" | "如下"                         LIST_WORDS
//! note         = note_label white_space* (":" | "：") anything
//!              | a note word at the top level (scan.rs), in a text that names no document
//! note_label   = "备注" | "说明" | "注意" | "注"           NOTE_LABELS
//! ```

use nom::{
    bytes::complete::take_while,
    character::complete::{anychar, satisfy},
    combinator::not,
    sequence::{preceded, terminated},
};

use super::*;

/// The longest group heading (in characters).
pub(super) const HEADING_MAX_CHARS: usize = 30;

/// The phrase of a group heading, when `text` is one: a short phrase (ended by a colon when
/// `needs_colon`) with no clause punctuation and no title, that names no document
/// (`医院收费票据：` is an item), asks for nothing (`需提供以下材料：` is a lead-in) and is no
/// note. Who applies (`在职职工：`) is asked before: an applicant is no heading.
pub(super) fn heading_phrase(text: &str, needs_colon: bool) -> Option<&str> {
    let text = text.trim();
    let phrase = match text.strip_suffix(['：', ':']) {
        Some(phrase) => phrase.trim_end(),
        None if needs_colon => return None,
        None => text,
    };
    let count = phrase.chars().count();
    if count == 0 || count > HEADING_MAX_CHARS {
        return None;
    }
    // A heading may end by asking for what its list holds (`重特大病住院提交以下材料`).
    let phrase = strip_request_tail(phrase).unwrap_or(phrase);
    let normal = normalized(phrase);
    let heading = !normal.is_empty()
        && !normal.contains(['，', ',', '；', ';', '。', '：', ':', '《'])
        && !is_document(&normal)
        && !LEAD_IN_WORDS.iter().any(|w| normal.contains(w))
        && !is_note(&normal);
    heading.then_some(phrase)
}

/// `phrase` (at most [`HEADING_MAX_CHARS`] characters) without a request for the list after
/// it at its end (`重特大病住院提交以下材料` → `重特大病住院`); none when it has no such end.
pub(super) fn strip_request_tail(phrase: &str) -> Option<&str> {
    heading_before_request(phrase)
        .ok()
        .map(|(_, heading)| heading.trim_end())
}

/// nom: a heading that asks for its list at its end: `(!request_tail any)* request_tail`,
/// giving the heading (the characters before the first place a [`request_tail`] reads to
/// the end).
fn heading_before_request(input: &str) -> IResult<&str, &str> {
    terminated(
        recognize(many0_count(preceded(not(request_tail), anychar))),
        request_tail,
    )
    .parse(input)
}

/// nom: a request for the list after a heading, to its end: `provide ("以下" | "如下")?
/// ("材料" | "资料")? "如下"?` (`提交以下材料`, `需提交材料`, `需提供材料如下`).
pub(super) fn request_tail(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            provide_verb,
            opt(one_of(LIST_WORDS)),
            opt(one_of(NONE_OBJECTS)),
            opt(one_of(LIST_WORDS)),
            multispace0,
            eof,
        ),
    )
    .parse(input)
}

/// A point's body that opens with a heading and goes on with a list of another style, with
/// no colon between (`女职工生育津贴报销 (1)身份证 (2)《生育服务证》` under `（一）`): the text
/// before the list, the heading it gives (none when it only asks for the list:
/// `提交以下材料`), and the bodies of the list. Asked only of the points of a list numbered in Chinese (`一、`,
/// `（一）`), which is how cells number their headings; a colon is what tells the others.
pub(super) fn headed_list(
    marker: Option<markers::Marker>,
    body: &str,
) -> Option<(&str, Option<&str>, Vec<&str>)> {
    let chinese = marker.is_some_and(|m| {
        matches!(
            m.style,
            markers::Style::Chinese | markers::Style::ChineseParen
        )
    });
    if !chinese || !markers::may_hold_marker(body) {
        return None;
    }
    let items = markers::split(body);
    match &items[..] {
        [head, first, ..] if head.marker.is_none() && first.marker.is_some() => {
            // A request alone (`提交以下材料`) opens the list with no heading.
            let heading = match request_tail(head.body.trim()) {
                Ok(_) => None,
                Err(_) => Some(heading_phrase(head.body, false)?),
            };
            let bodies = items[1..].iter().map(|item| item.body).collect();
            Some((head.body, heading, bodies))
        }
        _ => None,
    }
}

/// Whether a clause is a note of its group rather than a material: it opens with a label
/// (`备注：`, `说明：`), or it states something (`享受`, `共享`, `获取` outside brackets) and
/// names no document. Asked of clauses that join parts (a sentence), which would otherwise be
/// kept whole as one item with `materials_unparsed`.
pub(super) fn is_note(text: &str) -> bool {
    is_stated_note(text, states(text))
}

/// [`is_note`] of a `text` whose [`states`] is known already (from its [`ClauseShape`]).
pub(super) fn is_stated_note(text: &str, states: bool) -> bool {
    let text = text.trim_start();
    labelled_note(text).is_ok() || (states && !is_document(text))
}

/// nom: the label of a note and its colon: `note_label white_space* (":" | "：")` (`备注：`).
fn labelled_note(input: &str) -> IResult<&str, &str> {
    recognize((
        one_of(NOTE_LABELS),
        take_while(char::is_whitespace),
        satisfy(|c| matches!(c, '：' | ':')),
    ))
    .parse(input)
}

/// Whether a word of [`NOTE_WORDS`] opens at the top level of `text` (outside brackets and
/// quotes): a [`Token::NoteWord`] among its [`Tokens`], the ideographs but the
/// [`NOTE_MARKS`] stepped over.
pub(super) fn states(text: &str) -> bool {
    const NOTE: WideMarks<3> = WideMarks::new(NOTE_MARKS);
    Tokens::new(text, NOTE).any(|(_, token, top)| top && token == Token::NoteWord)
}
