//! The readable comparison report, as `dump --compare` prints it.

use std::fmt;

use super::{Comparison, FindingCode, MatterRef};

/// `seq. name`, or `-. name` when the matter has no number.
fn label(matter: &MatterRef) -> String {
    let seq = matter.seq.map_or_else(|| "-".to_owned(), |s| s.to_string());
    format!("{seq}. {}", matter.name)
}

impl Comparison {
    /// How many findings of `code` the pairs carry.
    pub fn count(&self, code: FindingCode) -> usize {
        self.pairs
            .iter()
            .flat_map(|p| &p.findings)
            .filter(|f| f.code == code)
            .count()
    }
}

/// The report: a heading with counts, then each pair with its findings, then the matters
/// found on one side only.
impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = |t: &Option<String>| t.clone().unwrap_or_else(|| "(no title)".to_owned());
        writeln!(f, "baseline: {}", title(&self.baseline_title))?;
        writeln!(f, "local:    {}", title(&self.local_title))?;
        let findings: usize = self.pairs.iter().map(|p| p.findings.len()).sum();
        writeln!(
            f,
            "{} pairs, {} baseline only, {} local only, {findings} findings",
            self.pairs.len(),
            self.baseline_only.len(),
            self.local_only.len()
        )?;
        if !self.pairs.is_empty() {
            writeln!(f, "\npairs (baseline ↔ local, score)")?;
        }
        for pair in &self.pairs {
            writeln!(
                f,
                "  {} ↔ {} ({:.2})",
                label(&pair.baseline),
                label(&pair.local),
                pair.score
            )?;
            for finding in &pair.findings {
                let approximate = if finding.approximate {
                    " (approximate)"
                } else {
                    ""
                };
                writeln!(
                    f,
                    "      {}[{}]: {}{approximate}",
                    finding.severity, finding.code, finding.message
                )?;
            }
        }
        for (heading, matters) in [
            ("baseline only", &self.baseline_only),
            ("local only", &self.local_only),
        ] {
            if matters.is_empty() {
                continue;
            }
            writeln!(f, "\n{heading}")?;
            for matter in matters {
                writeln!(f, "  {} ({})", label(matter), matter.category)?;
            }
        }
        Ok(())
    }
}
