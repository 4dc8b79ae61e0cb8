//! Checks across rows, fed one category at a time: the numbering of categories and matters
//! ([`Numbering`], on the table's drafts), and the citations the rows make of one document
//! ([`CitedNumbers`], once the cells are parsed).

mod cited_numbers;
mod numbering;

pub(crate) use cited_numbers::CitedNumbers;
pub(crate) use numbering::Numbering;
