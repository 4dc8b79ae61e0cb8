//! The sentences of a note.
//!
//! ```text
//! note      = sentence (end sentence)*
//! end       = 。 | ； | ; | ！ | ？ | ! | ?
//!           | white space after a character that may end a line and before a Han character
//! ```
//!
//! A PDF cell breaks its lines with white space, so white space between two Chinese characters
//! ends a sentence (`…进行监管 异地就医的…申请办理的，办理时限1个工作日`): the line before it
//! ends with a Han character or a closing `）”》」` ([`ends_a_line`]), the next starts with a
//! Han character. Sentences are trimmed; empty ones are dropped.

use crate::text::brackets::non_ideographs;
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

/// Call `found` with each sentence of a note in turn; return whether the text holds white
/// space or an invisible character, that is whether `normalize` would change it.
///
/// The walk looks only at the characters that are no ideograph ([`non_ideographs`]): sentence
/// ends and white space are none. A run of white space is a line break when the character
/// before it may end a line and the one after it is Han: those two are looked at only there.
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
    // Whether the run of white space `start..end` breaks a line.
    let is_line_break = |start: usize, end: usize| {
        text[..start].chars().next_back().is_some_and(ends_a_line)
            && text[end..].chars().next().is_some_and(is_han)
    };
    let mut needs_normalizing = false;
    let mut start = 0;
    let mut has_comma = false;
    // The last run of white space, not yet told a line break or not.
    let mut spaces: Option<(usize, usize)> = None;
    for (i, c) in non_ideographs(text) {
        if let Some((run_start, run_end)) = spaces {
            if i == run_end && is_space(c) {
                spaces = Some((run_start, i + c.len_utf8()));
                continue;
            }
            spaces = None;
            if is_line_break(run_start, run_end) {
                emit(&text[start..run_start], has_comma);
                start = run_end;
                has_comma = false;
            }
        }
        if is_space(c) {
            needs_normalizing = true;
            spaces = Some((i, i + c.len_utf8()));
        } else if is_sentence_end(c) {
            emit(&text[start..i], has_comma);
            start = i + c.len_utf8();
            has_comma = false;
        } else {
            needs_normalizing |= is_invisible(c);
            has_comma |= is_piece_break(c);
        }
    }
    if let Some((run_start, run_end)) = spaces {
        if is_line_break(run_start, run_end) {
            emit(&text[start..run_start], has_comma);
            start = run_end;
            has_comma = false;
        }
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
