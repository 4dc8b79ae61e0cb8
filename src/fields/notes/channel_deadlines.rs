//! Deadlines a note sets for one way of applying.
//!
//! ```text
//! sentence         = piece (， piece)*
//! channel_deadline = condition ， clause
//! condition        = the pieces from the sentence start (or the channel deadline before) to
//!                    one ending in 的              -- 通过政务服务网申请办理的
//! clause           = a piece that is one deadline clause standing alone, at most after the
//!                    name of a limit (LIMIT_NAMES) -- 办理时限1个工作日, 5个工作日内办结
//! ```
//!
//! The clause is read by the deadline parser ([`standalone_clause`]): `近3个月的病历` is no
//! deadline. A piece that names a limit (`办理时限…`) but holds no readable clause is returned
//! as unread, for a `deadline_unparsed` diagnostic.

use crate::fields::deadline::standalone_clause;
use crate::model::ChannelDeadline;
use crate::text::brackets::non_ideographs;
use crate::text::normalize::{normalize, trim};

use super::push_first_exactly;
use super::sentences::is_piece_break;

/// Names of the time limit that open a piece stating one (`办理时限1个工作日`).
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
        let names_a_limit = LIMIT_NAMES.iter().any(|name| piece.starts_with(name));
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
        let end = offset_in(sentence, condition_end) + condition_end.len();
        push_first_exactly(
            found,
            ChannelDeadline {
                condition: normalize(
                    sentence[condition_start.min(end)..end].trim_start_matches(is_piece_break),
                ),
                clause,
            },
        );
        condition_start = offset_in(sentence, piece) + piece.len();
    }
}

/// The pieces of `sentence` between `，` and `,`, as `sentence.split(is_piece_break)` gives
/// them, found without decoding the ideographs ([`non_ideographs`]), none of which is a comma.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    let mut breaks = non_ideographs(sentence).filter(|&(_, c)| is_piece_break(c));
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match breaks.next() {
            Some((at, comma)) => {
                start = Some(at + comma.len_utf8());
                Some(&sentence[from..at])
            }
            None => {
                start = None;
                Some(&sentence[from..])
            }
        }
    })
}

/// The byte offset of `part`, a slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_split_at_both_commas() {
        for text in ["甲，乙,丙", "，", "", "甲，，a,é", "（甲，乙）"] {
            assert_eq!(
                pieces(text).collect::<Vec<_>>(),
                text.split(is_piece_break).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
