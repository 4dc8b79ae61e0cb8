//! The points of a 设定依据 cell: the cell split at its list markers (`1.`, `（一）`, `①`…),
//! except markers inside a title.

use super::survey::{Survey, Title};
use super::{offset_in, trim_separators};
use crate::text::brackets::TitleSpan;
use crate::text::markers;
use crate::text::normalize::trim;

/// One point of the list (or the whole cell when it has no list), trimmed.
pub(super) struct Point<'a> {
    pub(super) text: &'a str,
    /// Where `text` starts in the cell.
    pub(super) offset: usize,
}

impl Point<'_> {
    /// The titles of the point, from those of the cell (`cell_titles`): the ones that start
    /// inside it. A point never cuts a title (its markers are outside titles, and a title left
    /// open runs to the end of the cell, so to the end of the last point).
    pub(super) fn titles<'s>(&self, cell_titles: &'s [Title]) -> &'s [Title] {
        let end = self.offset + self.text.len();
        let first = cell_titles.partition_point(|t| t.span.start < self.offset);
        let past = cell_titles.partition_point(|t| t.span.start < end);
        &cell_titles[first..past.max(first)]
    }

    /// `title`, one of [`Point::titles`], indexing into the point's text: the span of an
    /// unclosed title ends with the point, which is trimmed where the cell is not.
    pub(super) fn local(&self, title: Title) -> Title {
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
/// [`markers::list_markers`] is asked only where the survey found that the cell may hold one.
pub(super) fn for_each_point<'a>(text: &'a str, survey: &Survey, mut read: impl FnMut(Point<'a>)) {
    let titles = &survey.titles;
    // Titles are ordered and do not overlap: the first ending after `at` is the only one
    // that may hold it.
    let inside_title = |at: usize| {
        let next = titles.partition_point(|t| t.span.end <= at);
        titles.get(next).is_some_and(|t| t.span.start < at)
    };
    let mut visit = |piece: &'a str| {
        let trimmed = trim(piece);
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
