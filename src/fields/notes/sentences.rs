//! The sentences of a note.
//!
//! ```text
//! note       = sentence (end sentence)*
//! sentence   = (plain | comma | invisible | spaces)*   -- spaces that break no line
//! end        = 。 | ； | ; | ！ | ？ | ! | ? | line_break
//! line_break = spaces, after a character that may end a line and before a Han character
//! comma      = ， | ,
//! plain      = text up to any of the above
//! ```
//!
//! A PDF cell breaks its lines with white space, so white space between two Chinese characters
//! ends a sentence (`…进行监管 异地就医的…申请办理的，办理时限1个工作日`): the line before it
//! ends with a Han character or a closing `）”》」` ([`ends_a_line`]), the next starts with a
//! Han character. Sentences are trimmed; empty ones are dropped.

use nom::bytes::complete::take_while;
use nom::character::complete::anychar;
use nom::combinator::{map, map_opt};
use nom::{IResult, Parser};

use crate::fields::top_level::run_till;
use crate::text::chars::{is_han, is_sentence_end};
use crate::text::normalize::{is_invisible, is_space, trim};

/// A sentence of a note, with what the walk that found it saw in it, so that the readers of
/// channel deadlines and definitions need not look again at a sentence that cannot hold one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    /// Whether it holds a `，` or `,`: a channel deadline is a piece after one.
    pub(super) has_comma: bool,
    /// Whether it holds a `包`, which every word introducing a definition starts with.
    pub(super) has_include: bool,
}

/// Whether `c` separates the pieces of a sentence.
pub(super) fn is_piece_break(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// A character after which a line of a note may end a sentence.
fn ends_a_line(c: char) -> bool {
    is_han(c) || matches!(c, '）' | '”' | '》' | '」')
}

/// What stands after a stretch of plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    End,
    Spaces,
    Comma,
    Invisible,
}

/// The mark `c` stands for, if any: where plain text stops. No ideograph is one.
fn mark_of(c: char) -> Option<Mark> {
    if is_sentence_end(c) {
        Some(Mark::End)
    } else if is_space(c) {
        Some(Mark::Spaces)
    } else if is_piece_break(c) {
        Some(Mark::Comma)
    } else if is_invisible(c) {
        Some(Mark::Invisible)
    } else {
        None
    }
}

/// nom: `plain mark`: the text up to the next mark, its ideographs (none of which is a mark)
/// passed undecoded ([`run_till`]), and the mark, with where it stands (the rest of the
/// input from the mark on). Fails at the end of the text.
fn plain_mark(input: &str) -> IResult<&str, (&str, Mark)> {
    let (at_mark, _) = run_till(input, |c| mark_of(c).is_some());
    let (after, mark) = mark(at_mark)?;
    Ok((after, (at_mark, mark)))
}

/// nom: `mark = end | spaces | comma | invisible`, one character told by [`mark_of`], or a
/// run of spaces (an `end` that is a `line_break` is told by what stands around it).
fn mark(input: &str) -> IResult<&str, Mark> {
    let (rest, mark) = map_opt(anychar, mark_of).parse(input)?;
    match mark {
        Mark::Spaces => map(take_while(is_space), |_| mark).parse(rest),
        _ => Ok((rest, mark)),
    }
}

/// Call `found` with each sentence of a note in turn; return whether the text holds white
/// space or an invisible character, that is whether `normalize` would change it.
///
/// The grammar is read as a run of plain text and the mark after it, in turn: the spaces
/// are a line break when the character before them may end a line and the one after them is
/// Han, which are looked at only there.
pub(super) fn for_each_sentence<'a>(text: &'a str, mut found: impl FnMut(Sentence<'a>)) -> bool {
    let mut emit = |part: &'a str, has_comma: bool| {
        let part = trim(part);
        if !part.is_empty() {
            found(Sentence {
                text: part,
                has_comma,
                has_include: part.contains('包'),
            });
        }
    };
    let at = |rest: &str| text.len() - rest.len();
    let mut needs_normalizing = false;
    let mut start = 0;
    let mut has_comma = false;
    let mut rest = text;
    while let Ok((after, (at_mark, mark))) = plain_mark(rest) {
        let (mark_start, mark_end) = (at(at_mark), at(after));
        let ends = match mark {
            Mark::End => true,
            Mark::Spaces => {
                needs_normalizing = true;
                text[..mark_start]
                    .chars()
                    .next_back()
                    .is_some_and(ends_a_line)
                    && after.chars().next().is_some_and(is_han)
            }
            Mark::Comma => {
                has_comma = true;
                false
            }
            Mark::Invisible => {
                needs_normalizing = true;
                false
            }
        };
        if ends {
            emit(&text[start..mark_start], has_comma);
            start = mark_end;
            has_comma = false;
        }
        rest = after;
    }
    emit(&text[start..], has_comma);
    needs_normalizing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        for_each_sentence(text, |sentence| found.push(sentence.text));
        found
    }

    #[test]
    fn accepted_wordings() {
        #[rustfmt::skip]
        let table: &[(&str, &[&str])] = &[
            // end = 。 | ； | ; | ！ | ？ | ! | ?
            ("甲。乙；丙;丁！戊？己!庚?",         &["甲", "乙", "丙", "丁", "戊", "己", "庚"]),
            ("甲，乙。",                          &["甲，乙"]),
            // line_break = spaces after a character that may end a line, before a Han one
            ("进行监管 异地就医的，办理时限1日",  &["进行监管", "异地就医的，办理时限1日"]),
            ("（甲） 乙",                         &["（甲）", "乙"]),
            ("《甲》\u{3000}乙",                  &["《甲》", "乙"]),
            ("甲  \u{3000} 乙",                   &["甲", "乙"]),
            // Spaces that break no line stay in the sentence.
            ("a 乙",                              &["a 乙"]),
            ("甲 a",                              &["甲 a"]),
            ("甲， 乙",                           &["甲， 乙"]),
            ("甲\u{200B} 乙",                     &["甲\u{200B} 乙"]),
            // Sentences are trimmed; empty ones are dropped.
            ("甲 。 ",                            &["甲"]),
            ("。。",                              &[]),
        ];
        for &(text, expected) in table {
            assert_eq!(sentences(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sentences_end_at_punctuation_and_line_breaks() {
        assert_eq!(
            sentences("甲。乙；丙 丁, 戊 F 己"),
            ["甲", "乙", "丙", "丁, 戊 F 己"]
        );
        assert_eq!(sentences("（甲） 乙"), ["（甲）", "乙"]);
        assert_eq!(sentences("甲  \u{3000} 乙 丙"), ["甲", "乙", "丙"]);
        assert_eq!(sentences("a 乙"), ["a 乙"]);
        assert_eq!(sentences("甲 。 "), ["甲"]);
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn what_the_walk_saw_is_told_per_sentence() {
        let mut seen = Vec::new();
        for_each_sentence("甲，乙。证件包括丙", |s| {
            seen.push((s.text, s.has_comma, s.has_include))
        });
        assert_eq!(seen, [("甲，乙", true, false), ("证件包括丙", false, true)]);
        assert!(!for_each_sentence("甲乙", |_| {}));
        assert!(for_each_sentence("甲\u{200B}乙", |_| {}));
    }
}
