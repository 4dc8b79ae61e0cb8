//! Parser for the channels cell.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::model::Channels;

/// Structure a channels cell.
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Channels {
    Channels {
        raw: cell.text().to_owned(),
        ..Channels::default()
    }
}
