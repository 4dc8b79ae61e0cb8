//! Parser for the 设定依据 cell: the documents a matter is based on.
//!
//! A cell cites one or more documents. Each citation is a title in `《》`, perhaps with issuing
//! bodies before it (`国家医保局、财政部《…》`), then optionally a document number in brackets
//! ([`number`]), a named annex and the provisions cited ([`provisions`]):
//!
//! ```text
//! 1. 《中华人民共和国社会保险法》（主席令第35号）第五十七条、第五十八条 2. 《…》…
//! 《…的意见》（医保发〔2021〕5号）国家医疗保障待遇清单（2020版）第二条第（三）款
//! ```
//!
//! Citations are split at list markers (`1.`, `（一）`… via [`crate::text::markers`]) and, inside a
//! point, at every title: whatever follows a title up to the next one belongs to it, except the
//! issuers of the next. Text that fits none of these parts stays in the citation's `text` and is
//! reported (`citation_unparsed`); a cell without any title is reported as
//! `legal_basis_without_citation`.

#[cfg(test)]
mod before;
mod issuers;
mod number;
mod provisions;

use nom::IResult;

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::model::{Citation, DocumentNumber, LegalBasis};
use crate::text::brackets::TitleSpan;
use crate::text::markers;
use crate::text::normalize::{
    char_at, fold_spaces, is_invisible, is_space_or_invisible, is_wide_lead, normalize, trim,
};

use provisions::{OversizedRange, Provisions};

/// Punctuation that separates citations and may trail one.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
}

#[inline]
fn trim_separators(text: &str) -> &str {
    if edge_is(text, is_separator) {
        text.trim_matches(is_separator)
    } else {
        text
    }
}

/// Whether the first character of `text` is one `accept` takes. `accept` must take no
/// character of U+4000 to U+9FFF: then a text starting with an ideograph (lead byte 0xE4 to
/// 0xE9, as most parts of a cell do) is settled by that byte, without decoding it or asking
/// the Unicode tables `char::is_whitespace` goes to past ASCII.
#[inline(always)]
fn lead_is(text: &str, accept: impl Fn(char) -> bool) -> bool {
    match text.as_bytes().first() {
        None => false,
        Some(&b) if b < 0x80 => accept(char::from(b)),
        Some(0xE4..=0xE9) => false,
        Some(_) => text.chars().next().is_some_and(accept),
    }
}

/// Whether the first or the last character of `text` is one `accept` takes, settled as
/// [`lead_is`] settles the first (`accept` must take no character of U+4000 to U+9FFF): a
/// text ending with an ideograph has that ideograph's lead byte three bytes before its end.
#[inline(always)]
fn edge_is(text: &str, accept: impl Fn(char) -> bool + Copy) -> bool {
    if lead_is(text, accept) {
        return true;
    }
    let bytes = text.as_bytes();
    match bytes.last() {
        None => false,
        Some(&b) if b < 0x80 => accept(char::from(b)),
        Some(_) if bytes.len() >= 3 && is_wide_lead(bytes[bytes.len() - 3]) => false,
        Some(_) => text.chars().next_back().is_some_and(accept),
    }
}

/// [`numeral::number`] with its reading chosen by the first character: Arabic where it is a
/// digit (a Chinese numeral never starts with one), Chinese elsewhere (an Arabic one never
/// starts there). `numeral::number` tries Arabic first, a failed parse before every Chinese
/// numeral, as most numbers of articles are.
fn read_number(input: &str) -> IResult<&str, u32> {
    if input.starts_with(crate::text::numeral::is_arabic_digit) {
        crate::text::numeral::arabic(input)
    } else {
        crate::text::numeral::chinese(input)
    }
}

/// [`str::trim_start`], settled by a look at the first character when there is nothing to
/// trim (as between the parts of a number or a provision there mostly is not): the generic
/// trim is a call that costs several times that.
#[inline]
fn skip_space(text: &str) -> &str {
    if lead_is(text, char::is_whitespace) {
        text.trim_start()
    } else {
        text
    }
}

/// A title of the cell, as [`crate::text::brackets::title_spans`] gives it, and where the first
/// title quoted inside it opens (`〈` or a nested `《`), if one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Title {
    span: TitleSpan,
    /// Byte offset of the inner title's opening bracket, in the same text as `span`.
    inner: Option<usize>,
}

/// The most titles a [`Titles`] holds without allocating.
const INLINE_TITLES: usize = 8;

/// The titles of a cell, in order: held in place up to [`INLINE_TITLES`] (a cell mostly cites
/// a few documents), in a `Vec` past them. The list lives only while the cell is read, and an
/// allocation and its free cost more than the rest of the survey of a short cell.
struct Titles {
    inline: [Title; INLINE_TITLES],
    /// How many of `inline` are set.
    held: usize,
    /// All the titles, once there are more than `inline` holds (then `inline` is unused).
    spilled: Vec<Title>,
}

impl Titles {
    fn new() -> Self {
        let none = Title {
            span: TitleSpan {
                start: 0,
                end: 0,
                closed: false,
            },
            inner: None,
        };
        Titles {
            inline: [none; INLINE_TITLES],
            held: 0,
            spilled: Vec::new(),
        }
    }

    fn push(&mut self, title: Title) {
        if let Some(slot) = self.inline.get_mut(self.held) {
            *slot = title;
            self.held += 1;
            return;
        }
        if self.spilled.is_empty() {
            self.spilled.extend_from_slice(&self.inline);
        }
        self.spilled.push(title);
    }
}

impl std::ops::Deref for Titles {
    type Target = [Title];

    fn deref(&self) -> &[Title] {
        if self.spilled.is_empty() {
            &self.inline[..self.held]
        } else {
            &self.spilled
        }
    }
}

/// The most white space offsets a [`Survey`] keeps; past them it only knows that a part may
/// hold white space, and [`folded`] and [`normal`] look for themselves.
const MAX_SPACES: usize = 8;

/// What one pass over a cell finds: its titles, and where it holds white space or an
/// invisible character. One pass where there were two per point, one more per cell and one
/// per title: titles and white space are what every other step asks about.
struct Survey {
    titles: Titles,
    /// Byte offsets of the first white space or invisible characters, in order: no
    /// allocation for the few a cell has between its points.
    spaces: [usize; MAX_SPACES],
    /// How many of `spaces` are set.
    space_count: usize,
    /// Whether there are more than [`MAX_SPACES`] of them.
    spaces_overflow: bool,
    /// Whether the cell may hold a list marker (see [`markers::may_hold_marker`](crate::text::markers::may_hold_marker)): false only when
    /// [`markers::list_markers`] surely finds none, so that it is not asked.
    may_list: bool,
}

/// What a character of a cell is to the survey.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `《`
    OpenTitle,
    /// `》`
    CloseTitle,
    /// `〈`
    OpenInner,
    /// White space or an invisible character.
    Space,
    /// What may end a list marker after its numeral: `、 . ． ） )`.
    MarkerEnd,
    /// An opening parenthesis, `（` or `(`: a marker `（1）` starts with one.
    OpenParen,
    /// A circled number `①` … `⑳`: a marker by itself.
    Circled,
    /// Anything else.
    Other,
}

/// The survey's [`Mark`] of the character starting at byte `i` of `text`, and its length.
/// Settled from its UTF-8 bytes for the characters a cell is mostly made of: an ideograph
/// (lead byte 0xE4 to 0xE9, U+4000 to U+9FFF), ASCII, CJK punctuation (lead 0xE3, U+3000 to
/// U+3FFF: the titles' brackets and the ideographic space are among them) and full-width
/// forms (lead 0xEF, U+F000 to U+FFFF: only the BOM, invisible, counts there). Any other
/// character is decoded and asked.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(i)?;
    let tail = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    let mark = match lead {
        0xE4..=0xE9 => return Some((Mark::Other, 3)),
        0x00..=0x7F => {
            let mark = match lead {
                b'.' | b')' => Mark::MarkerEnd,
                b'(' => Mark::OpenParen,
                _ if char::from(lead).is_whitespace() => Mark::Space,
                _ => Mark::Other,
            };
            return Some((mark, 1));
        }
        0xE3 if tail(1) == 0x80 => match tail(2) {
            0x8A => Mark::OpenTitle,
            0x8B => Mark::CloseTitle,
            0x88 => Mark::OpenInner,
            0x80 => Mark::Space,
            // `、`
            0x81 => Mark::MarkerEnd,
            _ => Mark::Other,
        },
        0xE3 => Mark::Other,
        0xEF if tail(1) == 0xBB && tail(2) == 0xBF => Mark::Space,
        0xEF if tail(1) == 0xBC => match tail(2) {
            // `（`
            0x88 => Mark::OpenParen,
            // `）`, `．`
            0x89 | 0x8E => Mark::MarkerEnd,
            _ => Mark::Other,
        },
        0xEF => Mark::Other,
        _ => {
            let c = text[i..].chars().next()?;
            let mark = if c.is_whitespace() || is_invisible(c) {
                Mark::Space
            } else if ('\u{2460}'..='\u{2473}').contains(&c) {
                Mark::Circled
            } else {
                Mark::Other
            };
            return Some((mark, c.len_utf8()));
        }
    };
    Some((mark, 3))
}

/// Survey `text` (see [`Survey`]): the walk of `title_spans`, one [`mark_at`] per
/// character, so that most characters are stepped over without being decoded.
fn survey(text: &str) -> Survey {
    let mut found = Survey {
        // Room for the usual cell: a few citations.
        titles: Titles::new(),
        spaces: [0; MAX_SPACES],
        space_count: 0,
        spaces_overflow: false,
        may_list: false,
    };
    let mut depth = 0usize;
    let mut open = Title {
        span: TitleSpan {
            start: 0,
            end: 0,
            closed: false,
        },
        inner: None,
    };
    let mut i = 0;
    let bytes = text.as_bytes();
    while let Some(&lead) = bytes.get(i) {
        // Most characters are ideographs, which the survey only steps over: a tight loop.
        if is_wide_lead(lead) {
            i += 3;
            continue;
        }
        let Some((mark, len)) = mark_at(text, i) else {
            break;
        };
        match mark {
            Mark::Other => {}
            Mark::OpenTitle => {
                if depth == 0 {
                    open.span.start = i;
                    open.inner = None;
                } else if open.inner.is_none() {
                    open.inner = Some(i);
                }
                depth += 1;
            }
            Mark::OpenInner if depth > 0 && open.inner.is_none() => open.inner = Some(i),
            Mark::OpenInner => {}
            Mark::CloseTitle if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    open.span.end = i + len;
                    open.span.closed = true;
                    found.titles.push(open);
                }
            }
            Mark::CloseTitle => {}
            Mark::Space => found.note_space(i),
            Mark::MarkerEnd => {
                found.may_list = found.may_list || ends_numeral(&text[..i]);
            }
            Mark::OpenParen => {
                found.may_list = found.may_list || starts_numeral(&text[i + len..]);
            }
            Mark::Circled => found.may_list = true,
        }
        i += len;
    }
    if depth > 0 {
        open.span.end = text.len();
        open.span.closed = false;
        found.titles.push(open);
    }
    found
}

/// Whether `before` ends with a numeral character (an Arabic digit or a Chinese numeral
/// character): a list marker's numeral may end there. Looked at only where a marker may end,
/// rather than keeping the character before every one.
fn ends_numeral(before: &str) -> bool {
    before.chars().next_back().is_some_and(is_numeral_char)
}

/// Whether `rest` starts with a numeral character, as the numeral of a marker `（1）` does.
fn starts_numeral(rest: &str) -> bool {
    rest.chars().next().is_some_and(is_numeral_char)
}

fn is_numeral_char(c: char) -> bool {
    crate::text::numeral::is_arabic_digit(c) || crate::text::numeral::is_chinese_numeral_char(c)
}

impl Survey {
    fn note_space(&mut self, at: usize) {
        match self.spaces.get_mut(self.space_count) {
            Some(slot) => {
                *slot = at;
                self.space_count += 1;
            }
            None => self.spaces_overflow = true,
        }
    }

    /// Whether the bytes `start..end` of the cell may hold white space or an invisible
    /// character: false only when they surely do not.
    fn spaced(&self, start: usize, end: usize) -> bool {
        let known = &self.spaces[..self.space_count];
        let first = known.partition_point(|&at| at < start);
        let in_known = known.get(first).is_some_and(|&at| at < end);
        // Past the known ones, any part reaching beyond the last known offset may hold more.
        in_known || (self.spaces_overflow && known.last().is_none_or(|&last| end > last))
    }
}

/// Whether `text` holds white space or an invisible character: what [`normalize`] and
/// [`fold_spaces`] would change inside it. A plain loop over the characters: `str::contains`
/// with a predicate goes through the pattern searcher, which costs twice as much here.
fn has_space(text: &str) -> bool {
    find_char(text, None, is_space_or_invisible) < text.len()
}

/// The byte offset of the first character of `text` that is `ideograph` or that `other`
/// takes, or the length of `text`. `ideograph`, if given, must lie in U+4000 to U+9FFF, and
/// `other` must take no character of that range: then a character whose UTF-8 lead byte is
/// 0xE4 to 0xE9 (most characters of a cell) is settled by comparing its bytes, without
/// decoding it, as names are walked at every number and white space at every part.
#[inline(always)]
fn find_char(text: &str, ideograph: Option<char>, other: impl Fn(char) -> bool) -> usize {
    let mut buffer = [0u8; 4];
    let wanted: &[u8] = match ideograph {
        Some(c) => c.encode_utf8(&mut buffer).as_bytes(),
        None => &[],
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if is_wide_lead(lead) {
            if !wanted.is_empty() && bytes[i..].starts_with(wanted) {
                return i;
            }
            i += 3;
            continue;
        }
        let Some(c) = char_at(text, i, lead) else {
            break;
        };
        if other(c) {
            return i;
        }
        i += c.len_utf8();
    }
    text.len()
}

/// [`fold_spaces`] of `text`, copied as it is when it holds no white space (as most titles
/// and citations do). `spaced` says whether it may: false only when the caller knows the text
/// (a part of a point without white space) has none, so that no part is scanned again.
fn folded(text: &str, spaced: bool) -> String {
    if spaced && has_space(text) {
        fold_spaces(text)
    } else {
        text.to_owned()
    }
}

/// [`normalize`] of `text`, copied as it is when it holds no white space; `spaced` as for
/// [`folded`].
fn normal(text: &str, spaced: bool) -> String {
    if spaced && has_space(text) {
        normalize(text)
    } else {
        text.to_owned()
    }
}

/// What is left between two citations, without the separators and a conjunction joining them
/// (`《甲》和《乙》`, `《甲》以及《乙》`).
fn between_citations(text: &str) -> &str {
    let text = trim_separators(text);
    // Settled by the first character where no conjunction starts, as mostly.
    if !text.starts_with(['以', '及', '和', '与']) {
        return text;
    }
    ["以及", "及", "和", "与"]
        .iter()
        .find_map(|joiner| text.strip_prefix(joiner))
        .map_or(text, trim_separators)
}

/// The first title quoted inside a title, with `〈〉` or nested `《》`:
/// `关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知` → the 办法. `opener` is where
/// the title's first `〈` or `《` is (the survey found it), if it has one.
fn inner_title(title: &str, opener: Option<usize>, spaced: bool) -> Option<String> {
    let at = opener?;
    let (opener, close) = match title[at..].chars().next()? {
        '〈' => ('〈', '〉'),
        _ => ('《', '》'),
    };
    let open = at + opener.len_utf8();
    let mut depth = 1usize;
    for (i, c) in title[open..].char_indices() {
        if c == opener {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                let inner = folded(&title[open..open + i], spaced);
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
    let rest = skip_space(input);
    let rest = match number::parenthesized(rest).or_else(|_| number::document_number(rest)) {
        Ok((after, n)) => {
            found.number = Some(n);
            skip_space(after)
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
    let survey = survey(text);
    let mut basis = LegalBasis {
        raw: text.to_owned(),
        citations: Vec::new(),
    };
    if survey.titles.is_empty() {
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
    // A citation per title, and one per point without a title (rare).
    let mut citations = Vec::with_capacity(survey.titles.len());
    for_each_point(text, &survey, |point| {
        reader.point(&point, &survey, &mut citations);
    });
    reader.finish();
    basis.citations = citations;
    basis
}

/// One point of the list (or the whole cell when it has no list), trimmed.
struct Point<'a> {
    text: &'a str,
    /// Where `text` starts in the cell.
    offset: usize,
}

impl Point<'_> {
    /// The titles of the point, from those of the cell (`cell_titles`): the ones that start
    /// inside it. A point never cuts a title (its markers are outside titles, and a title left
    /// open runs to the end of the cell, so to the end of the last point), hence the cell is
    /// scanned for titles once rather than once more per point.
    fn titles<'s>(&self, cell_titles: &'s [Title]) -> &'s [Title] {
        let end = self.offset + self.text.len();
        let first = cell_titles.partition_point(|t| t.span.start < self.offset);
        let past = cell_titles.partition_point(|t| t.span.start < end);
        &cell_titles[first..past.max(first)]
    }

    /// `title`, one of [`Point::titles`], indexing into the point's text: the span of an
    /// unclosed title ends with the point, which is trimmed where the cell is not.
    fn local(&self, title: Title) -> Title {
        Title {
            span: TitleSpan {
                start: title.span.start - self.offset,
                end: (title.span.end - self.offset).min(self.text.len()),
                closed: title.span.closed,
            },
            inner: title.inner.map(|at| at - self.offset),
        }
    }
}

/// Call `read` with each point of the cell, split at its list markers; a marker inside a
/// title does not count. Points that hold nothing but separators are left out.
///
/// [`markers::list_markers`] is asked only where the survey found that the cell may hold a
/// marker: a single citation mostly holds none.
fn for_each_point<'a>(text: &'a str, survey: &Survey, mut read: impl FnMut(Point<'a>)) {
    let titles = &survey.titles;
    // Titles are ordered and do not overlap: the first ending after `at` is the only one
    // that may hold it.
    let inside_title = |at: usize| {
        let next = titles.partition_point(|t| t.span.end <= at);
        titles.get(next).is_some_and(|t| t.span.start < at)
    };
    let mut visit = |piece: &'a str| {
        // A point mostly ends with the ASCII space before the next marker: trimmed byte by
        // byte before the general trim looks at what is left.
        let trimmed = trim(piece.trim_ascii());
        if !trim_separators(trimmed).is_empty() {
            read(Point {
                text: trimmed,
                offset: offset_in(text, trimmed),
            });
        }
    };
    let mut piece_start = 0;
    let markers = if survey.may_list {
        markers::list_markers(text)
    } else {
        Vec::new()
    };
    for marker in markers {
        if inside_title(marker.start) {
            continue;
        }
        visit(&text[piece_start..marker.start]);
        piece_start = marker.end;
    }
    visit(&text[piece_start..]);
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
    fn point(&mut self, at: &Point<'_>, survey: &Survey, out: &mut Vec<Citation>) {
        let point = at.text;
        let titles = at.titles(&survey.titles);
        let Some(first) = titles.first().map(|&t| at.local(t).span) else {
            self.untitled(point, out);
            return;
        };
        // Most points hold no white space: then none of their parts is looked at again.
        let spaced = survey.spaced(at.offset, at.offset + point.len());
        // Text before the first title: issuers, or left over.
        let head = trim_separators(&point[..first.start]);
        let bodies = if head.is_empty() {
            None
        } else {
            issuers::issuer_list(head)
        };
        let (mut issuers, mut leftover) = match bodies {
            Some(bodies) => (bodies, None),
            None => (Vec::new(), Some(head).filter(|h| !h.is_empty())),
        };
        let mut start = 0;
        for (k, title) in titles.iter().enumerate() {
            let title = at.local(*title);
            let span = title.span;
            let next = titles.get(k + 1).map(|&t| at.local(t).span);
            let next_start = next.map_or(point.len(), |s| s.start);
            let (rest, tail) = tail(&point[span.end..next_start]);
            let rest = if next.is_some() {
                between_citations(rest)
            } else {
                trim_separators(rest)
            };
            // What is left before the next title names its issuers, or is left over here.
            let next_issuers = match next {
                Some(_) if !rest.is_empty() => issuers::issuer_list(rest),
                _ => None,
            };
            let end = match next_issuers {
                Some(_) => offset_in(point, rest),
                None => next_start,
            };
            let parts = Parts {
                text: &point[start..end],
                span,
                inner: title.inner,
                point,
                spaced,
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
            text: folded(text, true),
            ..Citation::default()
        });
    }

    /// Build one citation from its parts, reporting what could not be read.
    fn citation(&mut self, parts: Parts<'_>) -> Citation {
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
        // Mostly no issuer stands before the title: then no collecting at all.
        let mut issuers: Vec<String> = if parts.issuers.is_empty() {
            Vec::new()
        } else {
            parts
                .issuers
                .iter()
                .map(|b| normal(b, parts.spaced))
                .collect()
        };
        if let Some(number) = &parts.tail.number {
            for body in number::issuing_bodies(number) {
                if !issuers.iter().any(|known| known == body) {
                    issuers.push(body.to_owned());
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
            text: folded(trim_separators(parts.text), parts.spaced),
            inner_title: if parts.span.closed {
                let content_start = parts.span.start + '《'.len_utf8();
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
    /// Where the first title inside the title opens, in the point.
    inner: Option<usize>,
    /// The point the span indexes into.
    point: &'a str,
    /// Whether the point holds white space (else no part of it is scanned for it).
    spaced: bool,
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

#[cfg(test)]
mod tests;
