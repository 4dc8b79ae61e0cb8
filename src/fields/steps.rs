//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! Steps are split on every dash and arrow form (`—`, `——`, `－`, `-`, `--`, `–`, `→`, `->`),
//! with or without spaces around them, and on numbered points (`1.申请 2.受理`); each step is
//! normalized and empty ones are dropped. Dashes inside brackets (`审核（初审-复审）`) do not
//! split.

use crate::brackets::{self, non_ideographs, split_top_level};
use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::markers;
use crate::model::Steps;
use crate::normalize::{is_space_or_invisible, normalize};

/// Structure a steps cell. Every non-blank cell gives at least one step, so nothing is
/// reported.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Steps {
    Steps {
        raw: cell.text().to_owned(),
        steps: split_steps(cell.text()),
    }
}

/// The steps of a text, in order.
///
/// Most cells hold no list marker: they are split in one walk ([`plain_steps`]); the others
/// go through [`markers::split`] first.
fn split_steps(text: &str) -> Vec<String> {
    if !markers::may_hold_marker(text) {
        return plain_steps(text);
    }
    markers::split(text)
        .into_iter()
        .flat_map(|item| split_top_level(item.body, is_step_separator))
        .map(normalize)
        .filter(|step| !step.is_empty())
        .collect()
}

/// The steps of a text without list markers: what [`split_top_level`] on the step separators
/// and [`normalize`] give, with one walk over the text ([`top_level_parts`]). Only a step with
/// white space or an invisible character is normalized; the others are copied as they are,
/// which is their normal form. The steps are gathered as [`Parts`] first, so that the list is
/// allocated once at its size.
fn plain_steps(text: &str) -> Vec<String> {
    let parts = top_level_parts(text, is_step_separator);
    let mut steps = Vec::with_capacity(parts.count());
    parts.for_each(|part, needs_normalizing| push_normalized(&mut steps, part, needs_normalizing));
    steps
}

/// The parts of `text` between the separators (`is_separator`) outside brackets, each with
/// whether it holds white space or an invisible character (else it is normal as it is), in
/// one walk that passes the ideographs by undecoded: what [`split_top_level`] gives, for
/// [`plain_steps`] and the channels parser, which then normalize only the parts that need it.
#[inline]
pub(super) fn top_level_parts(text: &str, is_separator: fn(char) -> bool) -> Parts<'_> {
    let mut parts = Parts::default();
    let mut depth: usize = 0;
    let mut start = 0;
    let mut needs_normalizing = false;
    for (i, c) in non_ideographs(text) {
        if brackets::opens(c) {
            depth += 1;
        } else if brackets::closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_separator(c) {
            parts.push(&text[start..i], needs_normalizing);
            start = i + c.len_utf8();
            needs_normalizing = false;
            continue;
        }
        needs_normalizing |= is_space_or_invisible(c);
    }
    parts.push(&text[start..], needs_normalizing);
    parts
}

/// The non-empty parts of a cell between separators, each with whether it needs
/// normalizing, kept on the stack up to [`Parts::ON_STACK`] of them, so that the list built
/// from them can be allocated once at its size (no growing, and no shrinking later by
/// `document::fit_lists`) without a second walk over the cell.
pub(super) struct Parts<'a> {
    first: [(&'a str, bool); Parts::ON_STACK],
    count: usize,
    more: Vec<(&'a str, bool)>,
}

impl Default for Parts<'_> {
    fn default() -> Self {
        Parts {
            first: [("", false); Parts::ON_STACK],
            count: 0,
            more: Vec::new(),
        }
    }
}

impl<'a> Parts<'a> {
    /// How many parts are kept without allocating: more than most cells have.
    const ON_STACK: usize = 8;

    /// Keep `part` unless it is empty.
    pub(super) fn push(&mut self, part: &'a str, needs_normalizing: bool) {
        if part.is_empty() {
            return;
        }
        match self.first.get_mut(self.count) {
            Some(slot) => *slot = (part, needs_normalizing),
            None => self.more.push((part, needs_normalizing)),
        }
        self.count += 1;
    }

    /// How many parts were kept.
    pub(super) fn count(&self) -> usize {
        self.count
    }

    /// Call `each` with every part in order, and whether it needs normalizing.
    pub(super) fn for_each(&self, mut each: impl FnMut(&'a str, bool)) {
        let on_stack = &self.first[..self.count.min(Parts::ON_STACK)];
        for &(part, needs_normalizing) in on_stack.iter().chain(&self.more) {
            each(part, needs_normalizing);
        }
    }
}

/// Whether a character of valid UTF-8 with lead byte `lead`, followed by `second`, is a CJK
/// unified ideograph (U+4E00–U+9FFF): `E4 B8`–`E4 BF`, or a lead byte `E5`–`E9`.
#[inline(always)]
pub(super) fn starts_an_ideograph(lead: u8, second: Option<&u8>) -> bool {
    (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && second.is_some_and(|&b| b >= 0xB8))
}

/// Whether `part` starts and ends with an ideograph (as most channels, steps and sentences do:
/// `现场办理`), told
/// by the lead bytes of its first and last characters without decoding them.
pub(super) fn ideographs_at_both_ends(part: &str) -> bool {
    let bytes = part.as_bytes();
    let last = bytes.len().wrapping_sub(3);
    bytes.len() >= 3
        && starts_an_ideograph(bytes[0], bytes.get(1))
        && starts_an_ideograph(bytes[last], bytes.get(last + 1))
}

/// `text.trim()`, without looking for white space when `text` starts and ends with an
/// ideograph (which no white space is): most parts of a cell do.
pub(super) fn trim(text: &str) -> &str {
    if ideographs_at_both_ends(text) {
        text
    } else {
        text.trim()
    }
}

/// Push `part` [`normalize`]d unless it is empty then; `needs_normalizing` says whether it
/// holds white space or an invisible character (else it is normal as it is).
fn push_normalized(parts: &mut Vec<String>, part: &str, needs_normalizing: bool) {
    let part = if needs_normalizing {
        normalize(part)
    } else {
        part.to_owned()
    };
    if !part.is_empty() {
        parts.push(part);
    }
}

/// The points of `text`, as [`markers::split`] gives them, without looking for markers where
/// [`may_hold_marker`] says there is none (nor allocating a list for the one point). Used by
/// the parsers of deadlines and notes.
pub(super) fn points(text: &str) -> Points<'_> {
    if markers::may_hold_marker(text) {
        Points::Listed(markers::split(text).into_iter())
    } else {
        let body = trim(text);
        Points::Plain((!body.is_empty()).then_some(body))
    }
}

/// The points of a text: [`points`].
pub(super) enum Points<'a> {
    /// A text without marker: its trimmed self, unless it is blank.
    Plain(Option<&'a str>),
    /// What [`markers::split`] found.
    Listed(std::vec::IntoIter<markers::Item<'a>>),
}

impl<'a> Iterator for Points<'a> {
    type Item = markers::Item<'a>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Points::Plain(body) => {
                let n = usize::from(body.is_some());
                (n, Some(n))
            }
            Points::Listed(items) => items.size_hint(),
        }
    }

    fn next(&mut self) -> Option<markers::Item<'a>> {
        match self {
            Points::Plain(body) => body.take().map(|body| markers::Item { marker: None, body }),
            Points::Listed(items) => items.next(),
        }
    }
}

/// Dashes and arrows that separate two steps; a run of them (`--`, `——`, `->`) is one
/// separator, as the empty parts between them are dropped.
fn is_step_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | '—' | '–' | '―' | '‐' | '‑' | '→' | '⟶' | '➔' | '➝' | '>' | '＞'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dash_form_splits() {
        for text in [
            "申请—受理—审核—办结",
            "申请—受理 —审核—办结",
            "申请 — 受理 — 审核 — 办结",
            "申请——受理——审核——办结",
            "申请--受理--审核--办结",
            "申请-受理-审核-办结",
            "申请 - 受理 - 审核 - 办结",
            "申请－受理－审核－办结",
            "申请–受理–审核–办结",
            "申请→受理→审核→办结",
            "申请->受理->审核->办结",
            "申请―受理―审核―办结",
            "1.申请 2.受理 3.审核 4.办结",
            "—申请—受理—审核—办结—",
        ] {
            assert_eq!(
                split_steps(text),
                ["申请", "受理", "审核", "办结"],
                "{text}"
            );
        }
    }

    #[test]
    fn long_step_names_are_kept_whole() {
        assert_eq!(
            split_steps("受理申请-审核评估-协商谈判-结果公示-协议签订"),
            ["受理申请", "审核评估", "协商谈判", "结果公示", "协议签订"]
        );
    }

    #[test]
    fn look_alikes_do_not_split() {
        assert_eq!(split_steps("申请受理"), ["申请受理"]);
        assert_eq!(
            split_steps("申请—审核（初审-复审）—办结"),
            ["申请", "审核（初审-复审）", "办结"]
        );
        assert_eq!(split_steps("申请、受理"), ["申请、受理"]);
    }

    #[test]
    fn blank_and_dash_only_cells_have_no_steps() {
        assert!(split_steps("").is_empty());
        assert!(split_steps(" — -- ").is_empty());
    }

    /// The definition [`split_steps`] must agree with: the list split first, every part
    /// normalized.
    fn split_steps_by_splitting(text: &str) -> Vec<String> {
        markers::split(text)
            .into_iter()
            .flat_map(|item| split_top_level(item.body, is_step_separator))
            .map(normalize)
            .filter(|step| !step.is_empty())
            .collect()
    }

    #[test]
    fn one_walk_agrees_with_splitting_and_normalizing() {
        let pieces = [
            "申请", "—", "-", ">", " ", "\u{3000}", "\u{200B}", "（", "）", "(", "1.", "①", "、",
            "一", "a", "\u{4FFF}",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                split_steps(&text),
                split_steps_by_splitting(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let pieces = [
            "申", "一", "\u{4FFF}", "\u{4DFF}", "\u{A000}", " ", "\u{3000}", "\u{200B}", "a", "（",
            "é",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(trim(&text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn more_steps_than_parts_kept_on_the_stack_agree_too() {
        let text = "甲—乙—丙—丁—戊—己 —庚—辛—壬—癸—子—丑";
        assert_eq!(split_steps(text).len(), 12);
        assert_eq!(split_steps(text), split_steps_by_splitting(text));
    }

    #[test]
    fn points_agree_with_markers_split() {
        let pieces = [
            "1", "１", "一", "十", ".", "．", "、", "）", ")", "（", "(", "①", "⑳", " ", "甲",
            "第", "a", "：",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            let split = markers::split(&text);
            assert_eq!(points(&text).collect::<Vec<_>>(), split, "{text:?}");
            if !markers::may_hold_marker(&text) {
                assert!(split.iter().all(|item| item.marker.is_none()), "{text:?}");
            }
        }
    }
}
