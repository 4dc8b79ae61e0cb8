//! The cell reader as it was before its passes were fused (one title scan per cell, white
//! space looked for once per point): the definition the fast one must agree with, used by
//! the equivalence test in `tests.rs` only.

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::model::{Citation, DocumentNumber, LegalBasis};
use crate::text::brackets::{title_spans, TitleSpan};
use crate::text::markers;
use crate::text::normalize::{fold_spaces, normalize};

use nom::IResult;

use super::provisions::{self, OversizedRange, Provisions};
use super::{issuers, number};

/// Punctuation that separates citations and may trail one.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
}

fn trim_separators(text: &str) -> &str {
    text.trim_matches(is_separator)
}

/// What is left between two citations, without the separators and a conjunction joining them
/// (`《甲》和《乙》`, `《甲》以及《乙》`).
fn between_citations(text: &str) -> &str {
    let text = trim_separators(text);
    ["以及", "及", "和", "与"]
        .iter()
        .find_map(|joiner| text.strip_prefix(joiner))
        .map_or(text, trim_separators)
}

/// The first title quoted inside a title, with `〈〉` or nested `《》`:
/// `关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知` → the 办法.
fn inner_title(title: &str) -> Option<String> {
    let (open, close) = title
        .char_indices()
        .find_map(|(i, c)| match c {
            '〈' => Some((i, '〉')),
            '《' => Some((i, '》')),
            _ => None,
        })
        .map(|(i, close)| (i + '〈'.len_utf8(), close))?;
    let opener = if close == '〉' { '〈' } else { '《' };
    let mut depth = 1usize;
    for (i, c) in title[open..].char_indices() {
        if c == opener {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                let inner = fold_spaces(&title[open..open + i]);
                return Some(inner).filter(|t| !t.is_empty());
            }
        }
    }
    None
}

/// What follows a title: its number, annex and provisions.
#[derive(Debug, Default)]
struct Tail<'a> {
    number: Option<DocumentNumber>,
    annex: Option<&'a str>,
    provisions: Provisions<'a>,
}

/// Characters an annex name cannot hold: they end a citation or a list.
fn ends_annex(c: char) -> bool {
    matches!(c, '《' | '》' | '；' | ';' | '。' | '，' | ',' | '、')
}

/// Whether an annex name may start with `c`: a name, not a bracket (`（2018年修正）` is an
/// edition note, not an annex).
fn may_start_annex(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '（' | '(' | '〔' | '[' | '【')
}

/// nom: an annex name of two characters or more, followed by provisions
/// (`国家医疗保障待遇清单（2020版）第二条第（三）款`). One pass: each `第` is tried once.
fn annexed(input: &str) -> IResult<&str, (&str, Provisions<'_>)> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    if !input.chars().next().is_some_and(may_start_annex) {
        return Err(fail());
    }
    for (i, c) in input.char_indices() {
        if ends_annex(c) {
            break;
        }
        if c != '第' {
            continue;
        }
        let name = input[..i].trim_end();
        if name.chars().nth(1).is_none() {
            continue;
        }
        if let Ok((rest, found)) = provisions::provisions(&input[i..]) {
            return Ok((rest, (name, found)));
        }
    }
    Err(fail())
}

/// Read what follows a title as far as it fits: `（number）`, annex, provisions. Returns the
/// text left over. Never fails: every part is optional.
fn tail(input: &str) -> (&str, Tail<'_>) {
    let mut found = Tail::default();
    let rest = input.trim_start();
    let rest = match number::parenthesized(rest).or_else(|_| number::document_number(rest)) {
        Ok((after, n)) => {
            found.number = Some(n);
            after.trim_start()
        }
        Err(_) => rest,
    };
    let rest = if let Ok((after, list)) = provisions::provisions(rest) {
        found.provisions = list;
        after
    } else if let Ok((after, (annex, list))) = annexed(rest) {
        found.annex = Some(annex);
        found.provisions = list;
        after
    } else {
        rest
    };
    (rest, found)
}

/// Structure a 设定依据 cell.
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> LegalBasis {
    let text = cell.text();
    let spans = title_spans(text);
    let mut basis = LegalBasis {
        raw: text.to_owned(),
        citations: Vec::new(),
    };
    if spans.is_empty() {
        if !text.trim().is_empty() {
            let at = cell.position_of(text.trim_start());
            diagnostics.push(
                Code::LegalBasisWithoutCitation,
                at,
                format!(
                    "the 设定依据 cell at line {} names no document in 《》: “{}”",
                    at.line,
                    excerpt(text)
                ),
            );
        }
        return basis;
    }
    let mut reader = Reader {
        cell,
        diagnostics,
        reported: 0,
        unreported: 0,
    };
    for point in points(text, &spans) {
        reader.point(point, &mut basis.citations);
    }
    reader.finish();
    basis
}

/// The cell split at its list markers; a marker inside a title does not count.
fn points<'a>(text: &'a str, spans: &[TitleSpan]) -> Vec<&'a str> {
    // Spans are ordered and do not overlap: the first ending after `at` is the only one that
    // may hold it.
    let inside_title = |at: usize| {
        let next = spans.partition_point(|s| s.end <= at);
        spans.get(next).is_some_and(|s| s.start < at)
    };
    let starts: Vec<(usize, usize)> = markers::list_markers(text)
        .into_iter()
        .filter(|m| !inside_title(m.start))
        .map(|m| (m.start, m.end))
        .collect();
    let mut points = Vec::with_capacity(starts.len() + 1);
    let head_end = starts.first().map_or(text.len(), |&(start, _)| start);
    points.push(&text[..head_end]);
    for (k, &(_, body_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&(next, _)| next);
        points.push(&text[body_start..end]);
    }
    points
        .into_iter()
        .map(str::trim)
        .filter(|p| !trim_separators(p).is_empty())
        .collect()
}

/// Reads the citations of a cell, reporting into its diagnostics.
struct Reader<'c, 's, 'd> {
    cell: &'c Cell<'s>,
    diagnostics: &'d mut Diagnostics,
    /// `citation_unparsed` reports made for this cell.
    reported: usize,
    /// Unreadable parts past [`MAX_REPORTS`], reported together at the end.
    unreported: usize,
}

/// The most `citation_unparsed` reports one cell gets one by one. Each locates its part with a
/// pass over the line, so an unbounded number would make a long garbled cell quadratic.
const MAX_REPORTS: usize = 20;

impl Reader<'_, '_, '_> {
    /// The citations of one point of the list (or of the whole cell when it has no list).
    fn point(&mut self, point: &str, out: &mut Vec<Citation>) {
        let spans = title_spans(point);
        let Some(first) = spans.first() else {
            self.untitled(point, out);
            return;
        };
        // Text before the first title: issuers, or left over.
        let head = trim_separators(&point[..first.start]);
        let (mut issuers, mut leftover) = match issuers::issuer_list(head) {
            Some(bodies) => (bodies, None),
            None => (Vec::new(), Some(head).filter(|h| !h.is_empty())),
        };
        let mut start = 0;
        for (k, span) in spans.iter().enumerate() {
            let next_start = spans.get(k + 1).map_or(point.len(), |s| s.start);
            let (rest, tail) = tail(&point[span.end..next_start]);
            let rest = if k + 1 < spans.len() {
                between_citations(rest)
            } else {
                trim_separators(rest)
            };
            // What is left before the next title names its issuers, or is left over here.
            let next_issuers = match spans.get(k + 1) {
                Some(_) if !rest.is_empty() => issuers::issuer_list(rest),
                _ => None,
            };
            let end = match next_issuers {
                Some(_) => offset_in(point, rest),
                None => next_start,
            };
            let parts = Parts {
                text: &point[start..end],
                span: *span,
                point,
                issuers: std::mem::take(&mut issuers),
                leftovers: [
                    leftover.take(),
                    Some(rest).filter(|r| !r.is_empty() && next_issuers.is_none()),
                ],
                tail,
            };
            out.push(self.citation(parts));
            start = end;
            issuers = next_issuers.unwrap_or_default();
        }
    }

    /// A point with no title, in a cell that has titles elsewhere: kept as a citation with its
    /// text only, and reported.
    fn untitled(&mut self, point: &str, out: &mut Vec<Citation>) {
        let text = trim_separators(point);
        self.unparsed(text, |line| {
            format!(
                "the citation “{}” at line {line} names no document in 《》",
                excerpt(text)
            )
        });
        out.push(Citation {
            text: fold_spaces(text),
            ..Citation::default()
        });
    }

    /// Build one citation from its parts, reporting what could not be read.
    fn citation(&mut self, parts: Parts<'_>) -> Citation {
        let content = parts.span.content(parts.point);
        let title = if parts.span.closed {
            fold_spaces(content)
        } else {
            self.unparsed(&parts.point[parts.span.start..], |line| {
                format!(
                    "the title “《{}” at line {line} is not closed with 》",
                    excerpt(content)
                )
            });
            String::new()
        };
        let mut issuers: Vec<String> = parts.issuers.iter().map(|b| normalize(b)).collect();
        if let Some(number) = &parts.tail.number {
            for body in number::issuing_bodies(number).map(str::to_owned) {
                if !issuers.contains(&body) {
                    issuers.push(body);
                }
            }
        }
        for leftover in parts.leftovers.into_iter().flatten() {
            self.unparsed(leftover, |line| {
                format!(
                    "could not read “{}” in the citation of 《{}》 at line {line}",
                    excerpt(leftover),
                    excerpt(content)
                )
            });
        }
        for range in &parts.tail.provisions.oversized {
            self.oversized(range);
        }
        Citation {
            text: fold_spaces(trim_separators(parts.text)),
            inner_title: if parts.span.closed {
                inner_title(content)
            } else {
                None
            },
            title,
            issuers,
            document_number: parts.tail.number,
            provisions: parts.tail.provisions.list,
            annex: parts.tail.annex.map(normalize),
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
    /// counted (locating each one costs a pass over its line), see [`Reader::finish`].
    fn unparsed(&mut self, part: &str, message: impl FnOnce(usize) -> String) {
        if self.reported >= MAX_REPORTS {
            self.unreported += 1;
            return;
        }
        self.reported += 1;
        let at = self.cell.position_of(part);
        self.diagnostics
            .push(Code::CitationUnparsed, at, message(at.line));
    }

    /// Report, once, the parts past [`MAX_REPORTS`] that were not reported one by one.
    fn finish(self) {
        if self.unreported == 0 {
            return;
        }
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
}

/// Everything one citation is made of, as found in its point.
struct Parts<'a> {
    /// The citation's whole text.
    text: &'a str,
    span: TitleSpan,
    /// The point the span indexes into.
    point: &'a str,
    issuers: Vec<&'a str>,
    /// Text before the title and after the tail that could not be read.
    leftovers: [Option<&'a str>; 2],
    tail: Tail<'a>,
}

/// The byte offset of `part`, a sub-slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}
