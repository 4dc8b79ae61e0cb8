//! Deadlines a note sets for one way of applying.
//!
//! ```text
//! sentence         = piece (comma piece)*
//! piece            = text up to a comma                    -- inside brackets too
//! comma            = ， | ,
//! channel_deadline = condition comma clause
//! condition        = the pieces from the sentence start (or the channel deadline before) to
//!                    one ending in 的                      -- 通过政务服务网申请办理的
//! clause           = limit_name? a deadline clause, alone  -- 办理时限1个工作日, 5个工作日内办结
//! limit_name       = one of LIMIT_NAMES
//! ```
//!
//! The clause is read by the deadline parser ([`standalone_clause`]): `近3个月的病历` is no
//! deadline. A piece that names a limit (`办理时限…`) but holds no readable clause is returned
//! as unread, for a `deadline_unparsed` diagnostic.

use nom::character::complete::satisfy;
use nom::{IResult, Parser};

use crate::fields::deadline::standalone_clause;
use crate::fields::top_level::{range_in, run_till};
use crate::model::ChannelDeadline;
use crate::text::normalize::{normalize, trim};
use crate::text::search::word_at_start;

use super::push_first_exactly;
use super::sentences::is_piece_break;

/// Names of the time limit that open a piece stating one (`办理时限1个工作日`). Add a name
/// with one line (where one starts another, the longer first).
const LIMIT_NAMES: &[&str] = &["办理时限", "办结时限", "办理期限", "办结期限"];

/// Push the channel deadlines of one sentence to `found`, and call `unread` with each piece
/// that names a time limit without a readable one.
///
/// Only a piece after a `，` may hold one, and only when it names a limit or the piece before
/// it ends in `的`: the deadline parser reads no other piece.
pub(super) fn channel_deadlines_in<'a>(
    sentence: &'a str,
    found: &mut Vec<ChannelDeadline>,
    mut unread: impl FnMut(&'a str),
) {
    let mut pieces = pieces(sentence);
    let Some(mut previous) = pieces.next() else {
        return;
    };
    // A condition runs from the sentence start, or from after the deadline before it.
    let mut condition_start = 0;
    for piece in pieces {
        let before = std::mem::replace(&mut previous, piece);
        let piece = trim(piece);
        let names_a_limit = limit_name(piece).is_ok();
        let condition_end = before.trim_end();
        let conditional = condition_end.ends_with('的');
        if !(names_a_limit || conditional) {
            continue;
        }
        let Some(clause) = standalone_clause(piece) else {
            if names_a_limit {
                unread(piece);
            }
            continue;
        };
        if !conditional {
            continue;
        }
        let end = range_in(sentence, condition_end).start + condition_end.len();
        push_first_exactly(
            found,
            ChannelDeadline {
                condition: normalize(
                    sentence[condition_start.min(end)..end].trim_start_matches(is_piece_break),
                ),
                clause,
            },
        );
        condition_start = range_in(sentence, piece).start + piece.len();
    }
}

/// nom: `limit_name = 办理时限 | 办结时限 | …` ([`LIMIT_NAMES`]).
fn limit_name(input: &str) -> IResult<&str, &str> {
    match word_at_start(input, LIMIT_NAMES) {
        Some(name) => Ok((&input[name.len()..], name)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// nom: `piece = text up to a comma`, possibly empty. Its ideographs, none of which is a
/// comma, are passed by undecoded ([`run_till`]). Never fails.
fn piece(input: &str) -> IResult<&str, &str> {
    let (rest, _) = run_till(input, is_piece_break);
    Ok((rest, &input[..input.len() - rest.len()]))
}

/// nom: `comma = ， | ,`.
fn comma(input: &str) -> IResult<&str, char> {
    satisfy(is_piece_break).parse(input)
}

/// `sentence = piece (comma piece)*`: the pieces of `sentence` in turn, as
/// `sentence.split(is_piece_break)` gives them.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(sentence);
    std::iter::from_fn(move || {
        let (after, found) = piece(rest?).ok()?;
        rest = comma(after).ok().map(|(after, _)| after);
        Some(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The channel deadlines of `sentence` (condition, amount) and the pieces read as unread.
    fn read(sentence: &str) -> (Vec<(String, Option<u32>)>, Vec<&str>) {
        let (mut found, mut unread) = (Vec::new(), Vec::new());
        channel_deadlines_in(sentence, &mut found, |piece| unread.push(piece));
        let found = found
            .into_iter()
            .map(|d| (d.condition, d.clause.amount))
            .collect();
        (found, unread)
    }

    /// A channel deadline: its condition and amount.
    type Deadline<'a> = (&'a str, Option<u32>);

    #[test]
    fn accepted_wordings() {
        #[rustfmt::skip]
        let table: &[(&str, &[Deadline], &[&str])] = &[
            // channel_deadline = condition comma clause
            ("网上申请的，办理时限1个工作日",              &[("网上申请的", Some(1))], &[]),
            ("网上申请的,办结期限5个工作日",               &[("网上申请的", Some(5))], &[]),
            ("网上申请的，5个工作日内办结",                &[("网上申请的", Some(5))], &[]),
            ("网上申请的，即时办结",                       &[("网上申请的", None)], &[]),
            ("参保人员，网上申请的， 办理期限3日",         &[("参保人员，网上申请的", Some(3))], &[]),
            ("网上申请的，办理时限1个工作日，邮寄申请的，办理时限5个工作日",
                                                           &[("网上申请的", Some(1)), ("邮寄申请的", Some(5))], &[]),
            // A named limit not read: unread.
            ("网上申请的，办理时限3-5个工作日",            &[], &["办理时限3-5个工作日"]),
            ("参保职工，办结时限另行通知",                 &[], &["办结时限另行通知"]),
            // No condition, or no clause alone.
            ("参保职工，办理时限1个工作日",                &[], &[]),
            ("需提供近3个月的病历，3个月内的发票",         &[], &[]),
            ("提供住院病历的，复印件一份",                 &[], &[]),
            ("办理时限1个工作日",                          &[], &[]),
        ];
        for &(sentence, deadlines, unread) in table {
            let deadlines: Vec<(String, Option<u32>)> =
                deadlines.iter().map(|&(c, a)| (c.to_owned(), a)).collect();
            assert_eq!(read(sentence), (deadlines, unread.to_vec()), "{sentence}");
        }
    }

    #[test]
    fn pieces_are_split_at_both_commas() {
        for text in [
            "甲，乙,丙",
            "，",
            "",
            "甲，，a,é",
            "（甲，乙）",
            ",甲,",
            "é，",
        ] {
            assert_eq!(
                pieces(text).collect::<Vec<_>>(),
                text.split(is_piece_break).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
