//! Reading the citations of one cell, point by point, and reporting what could not be read.

use super::issuers;
use super::level::trailing_level;
use super::number;
use super::points::Point;
use super::provisions::{self, OversizedRange};
use super::survey::Survey;
use super::tail::{between_citations, inner_title, tail, Tail};
use super::{folded, normal, offset_in, trim_separators, ws};
use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::fields::coverage::Coverage;
use crate::model::Citation;
use crate::text::brackets::TitleSpan;
use crate::text::normalize::trim_end;

use nom::character::complete::one_of;
use nom::{IResult, Parser};

/// The colons after which a citation quotes the article's text.
const COLONS: &str = "：:";

/// The most `citation_unparsed` reports one cell gets one by one; past them, parts are
/// counted and reported together (a garbled cell of thousands of parts gets one line more,
/// not thousands).
const MAX_REPORTS: usize = 20;

/// Reads the citations of a cell, reporting into its diagnostics.
pub(super) struct CellReader<'c, 's, 'd> {
    cell: &'c Cell<'s>,
    /// The cell's text as written, where `cell` reads a copy of it of the same length
    /// (traditional characters read as simplified).
    original: &'c str,
    diagnostics: &'d mut Diagnostics,
    /// What the citations and the reports account for.
    coverage: Coverage,
    /// `citation_unparsed` reports made for this cell.
    reported: usize,
    /// Unreadable parts past [`MAX_REPORTS`], reported together at the end.
    unreported: usize,
    /// Where the quote of the last citation starts in the cell, while points without a title
    /// continue it (`第八十条：（一）…（二）…`).
    quote_from: Option<usize>,
}

/// Everything one citation is made of, as found in its point.
struct CitationParts<'a> {
    /// The citation's whole text.
    text: &'a str,
    span: TitleSpan,
    /// Where the first title inside the title opens, in the point.
    inner: Option<usize>,
    /// The point the span indexes into.
    point: &'a str,
    /// Whether the point holds white space (else no part of it is scanned for it).
    spaced: bool,
    issuers: Vec<&'a str>,
    tail: Tail<'a>,
    /// The level tag before the title.
    level: Option<&'a str>,
    /// The article text quoted after a colon.
    quote: Option<&'a str>,
}

impl<'c, 's, 'd> CellReader<'c, 's, 'd> {
    pub(super) fn new(
        cell: &'c Cell<'s>,
        original: &'c str,
        diagnostics: &'d mut Diagnostics,
    ) -> Self {
        CellReader {
            cell,
            original,
            diagnostics,
            coverage: Coverage::new(),
            reported: 0,
            unreported: 0,
            quote_from: None,
        }
    }

    /// `part`, a sub-slice of the cell text read, as the cell writes it.
    fn as_written<'p>(&self, part: &'p str) -> &'p str
    where
        'c: 'p,
    {
        let at = offset_in(self.cell.text(), part);
        self.original.get(at..at + part.len()).unwrap_or(part)
    }

    /// Mark `part`, a sub-slice of the cell text, as accounted for.
    fn understood(&mut self, part: &str) {
        self.coverage.add_part(self.cell.text(), part);
    }

    /// The citations of one point of the list (or of the whole cell when it has no list).
    pub(super) fn point(&mut self, at: &Point<'_>, survey: &Survey, out: &mut Vec<Citation>) {
        let point = at.text;
        let titles = at.titles(&survey.titles);
        let Some(first) = titles.first().map(|&t| at.local(t).span) else {
            self.untitled(point, out);
            return;
        };
        self.quote_from = None;
        // Most points hold no white space: then none of their parts is looked at again.
        let spaced = survey.spaced(at.offset, at.offset + point.len());
        // Text before the first title: issuers, or left over.
        let (head, tag) = self.level_before(trim_separators(&point[..first.start]));
        let mut level = tag.map(|(_, level)| level);
        let bodies = if head.is_empty() {
            None
        } else {
            issuers::issuer_list(head)
        };
        // Text that is neither is left out of the coverage: `finish` reports it.
        let mut issuers = match bodies {
            Some(bodies) => {
                self.understood(head);
                bodies
            }
            None => Vec::new(),
        };
        let mut start = 0;
        for (k, title) in titles.iter().enumerate() {
            let title = at.local(*title);
            let span = title.span;
            let next = titles.get(k + 1).map(|&t| at.local(t).span);
            let next_start = next.map_or(point.len(), |s| s.start);
            let after_title = &point[span.end..next_start];
            let (rest, tail) = tail(after_title);
            let read = &point[span.start..span.end + (after_title.len() - rest.len())];
            match tail.before_number {
                // Words before a number are not understood: the number and what follows are.
                Some(before) => {
                    self.understood(&read[..offset_in(read, before)]);
                    self.understood(&read[offset_in(read, before) + before.len()..]);
                }
                None => self.understood(read),
            }
            // Article text quoted after a colon, up to the next title.
            let (rest, quote) = match quote(rest) {
                Ok((after, quote)) => {
                    self.understood(&rest[..rest.len() - after.len()]);
                    self.quote_from = Some(at.offset + offset_in(point, quote));
                    (after, Some(quote))
                }
                Err(_) => {
                    self.quote_from = None;
                    (rest, None)
                }
            };
            let (rest, next_level) = match next {
                Some(_) => self.level_before(rest),
                None => (rest, None),
            };
            let rest = if next.is_some() {
                // The separators and conjunction joining two citations are read too.
                let joined = between_citations(rest);
                self.understood(&rest[..offset_in(rest, joined)]);
                joined
            } else {
                trim_separators(rest)
            };
            // What is left before the next title names its issuers, or is left over here.
            let next_issuers = match next {
                Some(_) if !rest.is_empty() => issuers::issuer_list(rest),
                _ => None,
            };
            let end = match (&next_issuers, next_level) {
                (Some(_), _) => {
                    self.understood(rest);
                    offset_in(point, rest)
                }
                // The next citation starts with its level tag.
                (None, Some((tag, _))) if rest.is_empty() => offset_in(point, tag),
                (None, _) => next_start,
            };
            let parts = CitationParts {
                text: &point[start..end],
                span,
                inner: title.inner,
                point,
                spaced,
                issuers: std::mem::take(&mut issuers),
                tail,
                level: level.take(),
                quote,
            };
            out.push(self.citation(parts));
            start = end;
            issuers = next_issuers.unwrap_or_default();
            level = next_level.map(|(_, level)| level);
        }
    }

    /// A point with no title, in a cell that has titles elsewhere: kept as a citation with its
    /// text only, and reported.
    fn untitled(&mut self, point: &str, out: &mut Vec<Citation>) {
        let text = trim_separators(point);
        // A point continuing the article text the last citation quotes.
        if let (Some(from), Some(last)) = (self.quote_from, out.last_mut()) {
            let cell = self.cell.text();
            let end = offset_in(cell, text) + text.len();
            let written = self.original.get(from..end).unwrap_or(&cell[from..end]);
            last.quote = Some(folded(written, true));
            self.understood(text);
            return;
        }
        // A 文号 or order standing alone, with no title.
        if let Some(number) = number::bare(text) {
            self.understood(text);
            out.push(Citation {
                text: folded(self.as_written(text), true),
                document_number: Some(number),
                ..Citation::default()
            });
            return;
        }
        self.unparsed(text, |line| {
            format!(
                "the citation “{}” at line {line} names no document in 《》",
                excerpt(text)
            )
        });
        out.push(Citation {
            text: folded(self.as_written(text), true),
            ..Citation::default()
        });
    }

    /// Build one citation from its parts, reporting what could not be read.
    fn citation(&mut self, parts: CitationParts<'_>) -> Citation {
        let content = parts.span.content(parts.point);
        let title = if parts.span.closed {
            folded(content, parts.spaced)
        } else {
            self.unparsed(&parts.point[parts.span.start..], |line| {
                format!(
                    "the title “《{}” at line {line} is not closed with 》",
                    excerpt(content)
                )
            });
            String::new()
        };
        let mut issuers: Vec<String> = parts
            .issuers
            .iter()
            .map(|body| normal(body, parts.spaced))
            .collect();
        if let Some(number) = &parts.tail.number {
            for body in number::issuing_bodies(number) {
                if !issuers.iter().any(|known| known == body) {
                    issuers.push(body.to_owned());
                }
            }
        }
        for range in &parts.tail.provisions.oversized {
            self.oversized(range);
        }
        Citation {
            text: folded(self.as_written(trim_separators(parts.text)), parts.spaced),
            inner_title: if parts.span.closed {
                let content_start = offset_in(parts.point, content);
                let opener = parts.inner.map(|at| at - content_start);
                inner_title(content, opener, parts.spaced)
            } else {
                None
            },
            title,
            issuers,
            document_number: parts.tail.number,
            provisions: parts.tail.provisions.list,
            annex: parts.tail.annex.map(|annex| normal(annex, parts.spaced)),
            level: parts.level.map(str::to_owned),
            items: parts.tail.provisions.items,
            quote: parts
                .quote
                .map(|quote| folded(self.as_written(quote), parts.spaced))
                .filter(|quote| !quote.is_empty()),
        }
    }

    /// A level tag that ends `text` (what stands before a title) is read: the text before it,
    /// and the level.
    fn level_before<'a>(&mut self, text: &'a str) -> (&'a str, Option<(&'a str, &'a str)>) {
        match trailing_level(text) {
            Some((before, tag, level)) => {
                self.understood(tag);
                (before, Some((tag, level)))
            }
            None => (text, None),
        }
    }

    fn oversized(&mut self, range: &OversizedRange<'_>) {
        let count = u64::from(range.to) - u64::from(range.from) + 1;
        self.unparsed(range.text, |line| {
            format!(
                "the range “{}” at line {line} spans {count} articles, more than the {} listed one by one; it is left out of the provisions",
                excerpt(range.text),
                provisions::MAX_RANGE
            )
        });
    }

    /// Report a part of the cell that could not be read (`citation_unparsed`), at the part;
    /// `message` is given the line. Past [`MAX_REPORTS`] reports in the cell, parts are only
    /// counted, see [`CellReader::finish`].
    fn unparsed(&mut self, part: &str, message: impl FnOnce(usize) -> String) {
        self.understood(part);
        if self.reported >= MAX_REPORTS {
            self.unreported += 1;
            return;
        }
        self.reported += 1;
        let at = self.cell.position_of(part);
        self.diagnostics
            .push(Code::CitationUnparsed, at, message(at.line));
    }

    /// Report, once, the parts past [`MAX_REPORTS`] that were not reported one by one, and
    /// every part of the cell that no citation and no report accounts for
    /// (`citations_partial`): text before a title that names no issuer, text after a tail.
    pub(super) fn finish(self) {
        if self.unreported > 0 {
            let at = self.cell.start();
            self.diagnostics.push(
                Code::CitationUnparsed,
                at,
                format!(
                    "{} more parts of the 设定依据 cell at line {} could not be read; only the first {MAX_REPORTS} are reported",
                    self.unreported, at.line
                ),
            );
        }
        self.coverage.report(
            self.cell,
            Code::CitationsPartial,
            "设定依据",
            self.diagnostics,
        );
    }
}

/// nom: `quote = ws colon ws text`, the article text quoted after a citation's tail
/// (`第八十条：用人单位…`): the text, without the white space at its end (what is left). It is
/// empty when the quote starts a list (the points that follow continue it).
fn quote(input: &str) -> IResult<&str, &str> {
    let colon = one_of(COLONS);
    let (text, _) = (ws, colon, ws).parse(input)?;
    let quote = trim_end(text);
    Ok((&text[quote.len()..], quote))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_quotes() {
        #[rustfmt::skip]
        let table: &[(&str, Option<&str>)] = &[
            // quote = ws colon ws text
            ("：用人单位应当…",       Some("用人单位应当…")),
            (":用人单位应当…",        Some("用人单位应当…")),
            (" ： 甲 乙 \u{3000}",    Some("甲 乙")),
            ("：",                    Some("")),
            ("：\n",                  Some("")),
            // No colon, no quote.
            ("",                      None),
            ("之规定",                None),
            ("甲：乙",                None),
        ];
        for &(rest, expected) in table {
            assert_eq!(
                quote(rest).ok().map(|(_, quote)| quote),
                expected,
                "{rest:?}"
            );
        }
    }
}
