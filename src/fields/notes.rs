//! Parser for the notes cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Notes;

/// Structure a notes cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Notes {
    Notes {
        raw: cell.text().to_owned(),
        ..Notes::default()
    }
}
