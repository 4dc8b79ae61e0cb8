//! The points of a materials list when its numbers repeat or skip (`4. 户口簿 4. 门诊病历手册`,
//! `2. 甲 4. 乙`): real lists do, and each such marker still starts a point.
//!
//! [`markers::split`] keeps a list only while each marker is the next number, so that prose
//! (`第3.5条`) never splits a cell; a materials list is read more leniently: after the list's
//! first marker, a later marker of the same style starts a point when its number is the next
//! one, the same one again (reported as `materials_marker_repeated`) or at most
//! [`MAX_SKIPPED`] numbers further on (`materials_marker_skipped`). The candidates are found
//! by the same one walk over the cell ([`markers::candidates`]); only the choice among them
//! differs.

use super::*;

/// How many numbers a list may skip and still be one list (`2. 甲 4. 乙` skips one).
pub(super) const MAX_SKIPPED: u32 = 2;

/// A marker out of sequence: the marker's text in the cell, and what is wrong with it.
pub(super) struct OutOfSequence<'a> {
    pub(super) marker: &'a str,
    pub(super) code: Code,
    pub(super) message: String,
}

/// The points of `text`, as [`markers::split`] gives them but with repeated and skipped
/// numbers accepted, and the markers out of sequence.
pub(super) fn lenient_points(text: &str) -> (Vec<markers::Item<'_>>, Vec<OutOfSequence<'_>>) {
    let mut list = markers::candidates(text);
    let opening = text.len() - text.trim_start().len();
    let Some(first) = list
        .iter()
        .position(|m| m.start == opening || m.number == 1)
    else {
        // No list: the whole text is one point (what `markers::split` gives, without a
        // second walk over the cell).
        let body = trim(text);
        let whole = (!body.is_empty()).then_some(markers::Item { marker: None, body });
        return (whole.into_iter().collect(), Vec::new());
    };
    list.drain(..first);
    let style = list[0].style;
    let mut findings = Vec::new();
    let mut last: Option<markers::Marker> = None;
    list.retain(|m| {
        let Some(previous) = last else {
            last = Some(*m);
            return true;
        };
        if m.start < previous.end || m.style != style {
            return false;
        }
        let n = previous.number;
        let next = n.saturating_add(1);
        let finding = if m.number == next {
            None
        } else if m.number == n {
            Some((
                Code::MaterialsMarkerRepeated,
                format!("materials point number {n} is used twice; read as a new item"),
            ))
        } else if m.number > next && m.number - next <= MAX_SKIPPED {
            let missing = match m.number - next {
                1 => format!("{next}"),
                _ => format!("{next} to {}", m.number - 1),
            };
            Some((
                Code::MaterialsMarkerSkipped,
                format!(
                    "materials point number {} follows {n} ({missing} missing); read as a new item",
                    m.number
                ),
            ))
        } else {
            return false;
        };
        if let Some((code, message)) = finding {
            findings.push(OutOfSequence {
                marker: &text[m.start..m.end],
                code,
                message,
            });
        }
        last = Some(*m);
        true
    });
    let mut items = Vec::with_capacity(list.len() + 1);
    let head = trim(&text[..list[0].start]);
    if !head.is_empty() {
        items.push(markers::Item {
            marker: None,
            body: head,
        });
    }
    for (i, m) in list.iter().enumerate() {
        let end = list.get(i + 1).map_or(text.len(), |next| next.start);
        items.push(markers::Item {
            marker: Some(*m),
            body: trim(&text[m.end..end]),
        });
    }
    (items, findings)
}

/// Report the markers out of sequence, each at its place in the cell.
pub(super) fn report_out_of_sequence(
    cell: &Cell<'_>,
    findings: Vec<OutOfSequence<'_>>,
    diagnostics: &mut Diagnostics,
) {
    if findings.is_empty() {
        return;
    }
    let parts: Vec<&str> = findings.iter().map(|f| f.marker).collect();
    for (finding, at) in findings.into_iter().zip(cell.positions_of(&parts)) {
        diagnostics.push(finding.code, at, finding.message);
    }
}
