//! The readable outline of a document: categories, their matters, and each matter's deadline.

use std::fmt;

use crate::model::Document;
use crate::text::numeral::to_chinese;

/// The document as a readable tree, as `dump --format outline` prints it.
impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(title) = &self.title {
            writeln!(f, "{title}")?;
        }
        let facts: Vec<String> = [("region", &self.region), ("edition", &self.edition)]
            .into_iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}: {v}")))
            .collect();
        if !facts.is_empty() {
            writeln!(f, "{}", facts.join(", "))?;
        }
        let matters = self
            .categories
            .iter()
            .map(|c| c.matters.len())
            .sum::<usize>();
        writeln!(
            f,
            "{} categories, {} matters, {} diagnostics",
            self.categories.len(),
            matters,
            self.diagnostics.len()
        )?;
        for category in &self.categories {
            let numeral = category
                .ordinal
                .map_or_else(String::new, |o| format!("{}、", to_chinese(o)));
            writeln!(
                f,
                "\n{numeral}{} (lines {}-{})",
                category.name, category.lines.first, category.lines.last
            )?;
            for matter in &category.matters {
                let seq = matter.seq.map_or_else(|| "-".to_owned(), |s| s.to_string());
                let deadline = matter.deadline.to_string();
                if deadline.is_empty() {
                    writeln!(f, "  {seq}. {}", matter.name)?;
                } else {
                    writeln!(f, "  {seq}. {} — {deadline}", matter.name)?;
                }
            }
        }
        for footnote in &self.footnotes {
            writeln!(f, "\n{footnote}")?;
        }
        Ok(())
    }
}
