//! Parser for the notes cell (备注).
//!
//! ```text
//! note      = point*            -- numbered points (markers), or the cell as one
//! point     = sentence*         -- sentences, ended by 。；！？ or a line break (sentences.rs)
//! sentence  = channel_deadline | definition | prose
//! ```
//!
//! - `items`: each point, normalized, markers removed; a note without numbers is one item.
//!   Every sentence lands in an item, read or not: prose is kept, not lost.
//! - `channel_deadlines` ([`channel_deadlines`]): `<condition>的，办理时限<clause>` sets a
//!   deadline for one way of applying (`通过政务服务网申请办理的，办理时限1个工作日`). A time
//!   limit named (`办理时限…`) but not readable gets a `deadline_unparsed` diagnostic.
//! - `definitions` ([`definitions`]): `<term>包括A、B、C等（下同）` → the term and `[A, B, C]`.
//!
//! Coverage: what a note's points hold is kept in `items`, so all of it is understood; only
//! text outside every point and marker would be left (`notes_partial`).

mod channel_deadlines;
mod definitions;
mod sentences;

use std::ops::Range;

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::top_level::{range_in, understood_but};
use crate::model::Notes;
use crate::text::markers::points;
use crate::text::normalize::{normalize, normalized, trim};

use channel_deadlines::channel_deadlines_in;
use definitions::definitions_in;
use sentences::for_each_sentence;

/// Structure a notes cell.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Notes {
    let text = cell.text();
    let mut notes = Notes {
        raw: text.to_owned(),
        ..Notes::default()
    };
    let points = points(text);
    // What lies between the points (and their markers), where something could be lost.
    let mut understood_to = 0;
    let mut between_points: Vec<Range<usize>> = Vec::new();
    // Pieces naming a time limit none could be read from, located together at the end.
    let mut unread: Vec<&str> = Vec::new();
    // One item a point, but for blank ones (rare): the list is allocated once at its size.
    notes.items = Vec::with_capacity(points.size_hint().0);
    for point in points {
        let body = range_in(text, point.body);
        let start = point.marker.map_or(body.start, |marker| marker.start);
        if !trim(&text[understood_to.min(start)..start]).is_empty() {
            between_points.push(understood_to..start);
        }
        understood_to = body.end;
        let needs_normalizing = for_each_sentence(point.body, |sentence| {
            if sentence.has_comma {
                channel_deadlines_in(sentence.text, &mut notes.channel_deadlines, |part| {
                    unread.push(part)
                });
            }
            if sentence.has_include {
                definitions_in(sentence.text, &mut notes.definitions);
            }
        });
        let item = if needs_normalizing {
            normalized(point.body).into_owned()
        } else {
            // Normal as it is: no white space (so trimmed too) and no invisible character.
            point.body.to_owned()
        };
        if !item.is_empty() {
            notes.items.push(item);
        }
    }
    report_unread(cell, &unread, diagnostics);
    if !trim(&text[understood_to.min(text.len())..]).is_empty() {
        between_points.push(understood_to..text.len());
    }
    if !between_points.is_empty() {
        understood_but(text, &between_points).report(cell, Code::NotesPartial, "备注", diagnostics);
    }
    notes
}

/// Report each piece that names a time limit no clause could be read from, all located in one
/// pass over the cell.
fn report_unread(cell: &Cell<'_>, unread: &[&str], diagnostics: &mut Diagnostics) {
    if unread.is_empty() {
        return;
    }
    // In text order, so each position is counted on from the one before.
    let offsets: Vec<usize> = unread
        .iter()
        .map(|part| range_in(cell.text(), part).start)
        .collect();
    for (part, at) in unread.iter().zip(cell.positions(&offsets)) {
        diagnostics.push(
            Code::DeadlineUnparsed,
            at,
            format!(
                "note part `{}` names a time limit that could not be read",
                normalize(part)
            ),
        );
    }
}

/// Push `value` to `list`, allocating room for exactly one when `list` has none: most notes
/// state one channel deadline or definition at most, and a list of one needs no shrinking
/// later (`document::fit_lists`). Further pushes grow the list as usual.
fn push_first_exactly<T>(list: &mut Vec<T>, value: T) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
    list.push(value);
}
