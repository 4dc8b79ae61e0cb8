//! Parser for the steps cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Steps;

/// Structure a steps cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Steps {
    Steps {
        raw: cell.text().to_owned(),
        ..Steps::default()
    }
}
