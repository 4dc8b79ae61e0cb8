//! Parser for the 设定依据 cell: the documents a matter is based on.
//!
//! ```text
//! cell      = point (marker point)*            split at list markers outside titles
//! point     = [level] [issuers] citation (between [level] [issuers] citation)*  |  number
//! level     = "【" level word "】"             【法律】 【行政法规】 【部门规章】   (see [`level`])
//! citation  = title tail [quote]                《中华人民共和国社会保险法》（主席令第35号）第五十七条
//! quote     = ("：" | ":") text                 article text quoted, continued by untitled points
//! issuers   = body (("、" | "，" | " ") body)*   国家医保局、财政部      (see [`issuers`])
//! title     = "《" … "》"                        nested titles stay inside
//! tail      = [document number] [provisions | annex provisions]   (see [`tail`], [`number`], [`provisions`])
//! number    = a 文号 or order standing alone: a citation with an empty title
//! between   = separators [conjunction]          ； 、 和 及 以及 与
//! ```
//!
//! For example:
//!
//! ```text
//! 1. 《中华人民共和国社会保险法》（主席令第35号）第五十七条、第五十八条 2. 《…》…
//! 《…的意见》（医保发〔2021〕5号）国家医疗保障待遇清单（2020版）第二条第（三）款
//! ```
//!
//! What the cell says and the parser reads goes into the model. What it cannot read is
//! reported, never dropped:
//! - `legal_basis_without_citation`: a cell with text but no title at all (a cell of document
//!   numbers alone, `吉人社联字【2017】79 号`, cites by number: citations with an empty title);
//! - `citation_unparsed`: a citation that could not be read as one: a point without a title, a
//!   title left open, a range of articles too long to expand;
//! - `citations_partial`: text the citations leave over, more than separators, markers and
//!   conjunctions: text before a title that names no issuer (`根据《…》`), text after a tail
//!   (`《…》第五条之规定`), note text in the column.
//!
//! A cell in traditional characters (`中華人民共和國主席令第25號第八十四條`) is read as its
//! simplified forms ([`crate::text::variants`]): titles, issuers and numbers come out simplified,
//! `raw` and each citation's `text` and `quote` as written.
//!
//! The cell is looked over once first ([`survey`]): its titles, its white space, whether it
//! may hold a list marker.

mod issuers;
mod level;
mod number;
mod points;
mod provisions;
mod read;
mod survey;
mod tail;

use std::borrow::Cow;

use nom::IResult;

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::model::LegalBasis;
use crate::text::normalize::{find_space_or_invisible, fold_spaces, normalize, trim_start};
use crate::text::search::word_at_start;

use read::CellReader;

/// Structure a 设定依据 cell.
#[inline(never)] // A frame of its own in profiles.
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> LegalBasis {
    // Traditional characters are read as simplified ones, from a copy of the same length:
    // what is kept as written comes from the cell.
    let original = cell.text();
    let simple_cell;
    let cell = match crate::text::variants::simplified(original) {
        Cow::Owned(copy) => {
            simple_cell = cell.with_text_of_same_length(copy);
            &simple_cell
        }
        Cow::Borrowed(_) => cell,
    };
    let text = cell.text();
    let survey = survey::survey(text);
    let mut basis = LegalBasis {
        raw: original.to_owned(),
        citations: Vec::new(),
    };
    if survey.titles.is_empty() && !only_numbers(text, &survey) {
        if !text.trim().is_empty() {
            let at = cell.position_of(text.trim_start());
            diagnostics.push(
                Code::LegalBasisWithoutCitation,
                at,
                format!(
                    "the 设定依据 cell at line {} names no document in 《》: “{}”",
                    at.line,
                    excerpt(original)
                ),
            );
        }
        return basis;
    }
    let mut reader = CellReader::new(cell, original, diagnostics);
    // A citation per title, and one per point without a title (rare).
    let mut citations = Vec::with_capacity(survey.titles.len());
    points::for_each_point(text, &survey, |point| {
        reader.point(&point, &survey, &mut citations);
    });
    reader.finish();
    basis.citations = citations;
    basis
}

/// Whether a cell without titles cites by document numbers alone, one a point
/// (`吉人社联字【2017】79 号`).
fn only_numbers(text: &str, survey: &survey::Survey) -> bool {
    if !text.contains('号') {
        return false;
    }
    let (mut any, mut all) = (false, true);
    points::for_each_point(text, survey, |point| {
        any = true;
        all = all && number::bare(point.text).is_some();
    });
    any && all
}

// --- grammar primitives shared by the parts ---

/// nom: white space, none or more. Never fails.
fn ws(input: &str) -> IResult<&str, ()> {
    Ok((trim_start(input), ()))
}

/// nom: a numeral, Arabic (ASCII or full-width digits) or Chinese, read as the first
/// character says (a Chinese numeral never starts with a digit, nor an Arabic one with
/// anything else).
fn numeral(input: &str) -> IResult<&str, u32> {
    if input.starts_with(crate::text::numeral::is_arabic_digit) {
        crate::text::numeral::arabic(input)
    } else {
        crate::text::numeral::chinese(input)
    }
}

/// nom: one of `words`, listed longest first where one starts another.
fn one_word<'w>(words: &'w [&'static str]) -> impl Fn(&str) -> IResult<&str, &str> + 'w {
    move |input| match word_at_start(input, words) {
        Some(word) => Ok((&input[word.len()..], &input[..word.len()])),
        None => Err(fail(input, nom::error::ErrorKind::Tag)),
    }
}

/// The error the grammar fails with: only success or failure matters to its callers.
fn fail(input: &str, kind: nom::error::ErrorKind) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, kind))
}

// --- text helpers ---

/// Punctuation that separates citations and may trail one.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
}

#[inline]
fn trim_separators(text: &str) -> &str {
    // Mostly there is nothing to trim: told by the two end characters.
    if text.starts_with(is_separator) || text.ends_with(is_separator) {
        text.trim_matches(is_separator)
    } else {
        text
    }
}

/// Whether `text` holds white space or an invisible character: what [`normalize`] and
/// [`fold_spaces`] would change inside it.
fn has_space(text: &str) -> bool {
    find_space_or_invisible(text).is_some()
}

/// [`fold_spaces`] of `text`. `spaced` says whether it may hold white space: false only when
/// the caller knows it has none, so that no part is scanned again.
fn folded(text: &str, spaced: bool) -> String {
    if spaced && has_space(text) {
        fold_spaces(text)
    } else {
        text.to_owned()
    }
}

/// [`normalize`] of `text`; `spaced` as for [`folded`].
fn normal(text: &str, spaced: bool) -> String {
    if spaced && has_space(text) {
        normalize(text)
    } else {
        text.to_owned()
    }
}

/// The byte offset of `part`, a sub-slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

#[cfg(test)]
mod tests;
