//! Parser for the citations cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::LegalBasis;

/// Structure a citations cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> LegalBasis {
    LegalBasis {
        raw: cell.text().to_owned(),
        ..LegalBasis::default()
    }
}
