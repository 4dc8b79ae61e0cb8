//! One parser per kind of cell. Each takes a [`Cell`] (text plus source positions) and the
//! diagnostics sink, and returns the structured field of the model, always with `raw` set to
//! the cell text exactly.

pub(crate) mod channels;
pub(crate) mod citations;
pub(crate) mod coverage;
pub(crate) mod deadline;
pub(crate) mod materials;
pub(crate) mod notes;
pub(crate) mod seq;
pub(crate) mod steps;
mod top_level;
