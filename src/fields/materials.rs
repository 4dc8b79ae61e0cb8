//! Parser for the materials cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Materials;

/// Structure a materials cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Materials {
    Materials {
        raw: cell.text().to_owned(),
        ..Materials::default()
    }
}
