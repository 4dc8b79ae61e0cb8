//! Parser for the deadline cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Deadline;

/// Structure a deadline cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Deadline {
    Deadline {
        raw: cell.text().to_owned(),
        ..Deadline::default()
    }
}
