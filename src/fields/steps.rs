//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! Steps are split on every dash and arrow form (`—`, `——`, `－`, `-`, `--`, `–`, `→`, `->`),
//! with or without spaces around them, and on numbered points (`1.申请 2.受理`); each step is
//! normalized and empty ones are dropped. Dashes inside brackets (`审核（初审-复审）`) do not
//! split.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Steps;
use crate::text::brackets::{self, non_ideographs, split_top_level};
use crate::text::markers;
use crate::text::normalize::{is_space_or_invisible, normalize};

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
    fn more_steps_than_parts_kept_on_the_stack_agree_too() {
        let text = "甲—乙—丙—丁—戊—己 —庚—辛—壬—癸—子—丑";
        assert_eq!(split_steps(text).len(), 12);
        assert_eq!(split_steps(text), split_steps_by_splitting(text));
    }
}
