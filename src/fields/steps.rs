//! Parser for the steps cell (办理环节): `申请—受理 —审核—办结` → `[申请, 受理, 审核, 办结]`.
//!
//! Steps are split on every dash and arrow form (`—`, `——`, `－`, `-`, `--`, `–`, `→`, `->`),
//! with or without spaces around them, and on numbered points (`1.申请 2.受理`); each step is
//! normalized and empty ones are dropped. Dashes inside brackets (`审核（初审-复审）`) do not
//! split.

use crate::brackets::split_top_level;
use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::markers;
use crate::model::Steps;
use crate::normalize::normalize;

/// Structure a steps cell. Every non-blank cell gives at least one step, so nothing is
/// reported.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Steps {
    Steps {
        raw: cell.text().to_owned(),
        steps: split_steps(cell.text()),
    }
}

/// The steps of a text, in order.
fn split_steps(text: &str) -> Vec<String> {
    markers::split(text)
        .into_iter()
        .flat_map(|item| split_top_level(item.body, is_step_separator))
        .map(normalize)
        .filter(|step| !step.is_empty())
        .collect()
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
}
