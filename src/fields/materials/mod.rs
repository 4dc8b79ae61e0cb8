//! Parser for the materials cell (办理材料): what the applicant brings.
//!
//! A cell is read from the outside in:
//!
//! 1. **None required.** A cell that only says nothing is needed (`无`, `无需提交材料`,
//!    `免于提交`) sets `none_required` and has no groups.
//! 2. **Points.** The cell is split on its list markers (`1.`, `1、`, `（1）`, `①`…, see
//!    [`crate::text::markers`]).
//! 3. **Applicants.** A point (or a clause) that opens with a short phrase naming a kind of
//!    person or organisation and a colon (`在职职工：`, `社会团体、民办非企业单位：`) starts a
//!    group for that applicant. A later point without one goes to a general group again.
//!    A lead-in (`需提供以下材料：`) is not an item and is skipped.
//! 4. **Nested lists and headings.** A body that is itself a list (`在职职工：①… ②…`) is
//!    split again. A short phrase before such a list that names no applicant, no document and
//!    asks for nothing is a group heading ([`headings`]): `（一）女职工生育津贴报销：(1)… (2)…`,
//!    also without colon under a point numbered in Chinese (`（一）重特大病住院提交以下材料
//!    1.… 2.…`, the request at its end dropped), and for every point after it when it stands
//!    alone before the cell's list (`生育津贴报销：1.… 2.…`).
//! 5. **Clauses.** A body is split on `；`, `;` and `。` between items — except where the
//!    next clause opens with `或`, which offers a choice instead (`…材料；或个人承诺书`).
//! 6. **Items.** A clause with a leading condition (`属于意外伤害情形的，须提供…`, or without
//!    comma, `异地就医的需提供备案表`: a `的` and a request verb) is one item. A clause that
//!    joins parts and states something rather than asking (`…只享受生育医疗费,不享受生育津贴`,
//!    `…通过数据共享获取…`, `备注：…`) is a note of its group, no item. A clause that is a
//!    table flattened into the cell (`《表》 原件 1份 纸质 身份证 复印件 1份`) gives one item
//!    per row ([`table`]).
//!    A clean clause (no `，` or `：` left in it) is split on `、` where the part before the
//!    `、` is a document by itself ([`is_document`]): `有效证照副本原件、《登记表》` gives two
//!    items, while `执业医师、护士的执业证书` stays whole, because `执业医师` is no document
//!    (parts that are no document are read as modifiers of the document after them; without a
//!    `的` in it, or when they come last, that reading is a guess, reported).
//!    A clause that still joins parts with `，` or `：` is kept as one item and gets a
//!    `materials_unparsed` diagnostic: its text is all there, its parts are not told apart.
//! 7. **Attributes** of each item: alternatives (`A或B或C` outside brackets), forms (every
//!    `《…》`), copies (`1份`, `各1份`, `一式两份`), format (原件/复印件), seal, condition;
//!    and how it is delivered ([`delivery`]): medium (`纸质`, `电子版`, `纸质/电子版`),
//!    optional (`非必要`, `如有`), handling of the original (`验原件`, `收原件`) and source
//!    (`申请人自备`, `部门核发`). The item's text keeps these words.
//!
//! In grammar form, with the word lists in [`words`] (one list each: a format word, a copy
//! word, a seal phrase, a none wording or an applicant word is added by one line there):
//!
//! ```text
//! cell        = none | point*                        none: none.rs
//! point       = marker? (applicant ":")? lead_in? (nested_list | clause (";" clause)*)
//! clause      = condition "，" provide? body | item ("、" item)*
//! alternatives= alternative (("或" | "或者") alternative)*      attributes.rs
//! alternative = (plain_run | bracketed | quoted)*
//! format      = original (joined copy)? | copy (joined original)?
//! joined      = and_word | or_word                   (`及`, `和`, `、`… / `或`, `或者`)
//! copies      = ("一式" | "各")? number " "* "份"
//! seal        = "盖" phrase_char{0,8} containing "章"  (not after `覆`…, not negated)
//! medium      = paper (("/" | "或" | "及"…) electronic)? | electronic (… paper)?   delivery.rs
//! optional    = "非必要" | "非必须" | "非必需" | "如有"
//! handling    = checked ("验原件", "原件核验后退还"…) | collected ("收原件", "留存原件"…)
//! source      = applicant ("申请人自备", "自备") | department ("部门核发", "机关核发")
//! ```
//!
//! Splitting into points, clauses and `、`-items is the job of [`crate::text::markers`] and of
//! [`items`]; each attribute parser is tried only where [`ClauseShape`] (one walk per clause)
//! says its marking character is there (`份`, `件`, `盖`, a top-level `或`; `纸`/`电`, `非`/`如`,
//! `验`/`收`/`留`, `自`/`核` for the delivery phrases), so most items run none of them.
//!
//! **What is reported.** `materials_unparsed`: an item kept whole because it joins several
//! parts with `，`/`：` (its parts not told apart), or whose copies conflict, whose formats
//! mix, or whose title is never closed: the item is there, not structured (or not all of
//! it). `materials_partial`: text of the cell that no item, applicant heading or lead-in
//! holds, that is, text the reading dropped ([`Read`]). Every item keeps its whole text, so
//! today no wording of the seeds or of the tests gives one: it is the net that makes a
//! reading that loses text show.

use std::ops::Range;

use nom::{
    branch::alt,
    bytes::complete::{tag, take_till, take_while_m_n},
    character::complete::{char, multispace0},
    combinator::{eof, map, opt, recognize, value, verify},
    error::ErrorKind,
    multi::{many0_count, many1_count},
    IResult, Parser,
};

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::coverage::Coverage;
use crate::model::{Material, MaterialFormat, MaterialGroup, Materials};
use crate::text::brackets::{closes, opens, title_spans, TitleSpan};
use crate::text::chars::{is_cjk_punctuation, is_ideograph, is_numeral_char};
use crate::text::markers;
use crate::text::normalize::{
    find_space_or_invisible, is_invisible, is_space_or_invisible, normalize,
    normalize_part_of_normal, normalized, trim, trim_start,
};
use crate::text::numeral;
use crate::text::search::{find_any_char, Needles};
use crate::text::sparse::{sparse_chars, WideMarks};

mod applicants;
mod attributes;
mod conditions;
mod delivery;
mod headings;
mod items;
mod none;
mod scan;
mod sequence;
mod table;
mod words;

pub(crate) use words::FORM_SUFFIXES;

use applicants::*;
use attributes::*;
use conditions::*;
use delivery::*;
use headings::*;
use items::*;
use none::*;
use scan::*;
use sequence::*;
use table::*;
use words::*;

/// Structure a materials cell. (Never inlined into its caller, so that a profile shows what
/// the materials cost.)
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Materials {
    let raw = cell.text();
    let mut materials = Materials {
        raw: raw.to_owned(),
        ..Materials::default()
    };
    if raw.trim().is_empty() {
        return materials;
    }
    if is_none_required(raw) {
        materials.none_required = true;
        return materials;
    }
    let mut groups = Groups::new();
    let mut notes = Vec::new();
    let mut read = Read::new(raw);
    // Most cells with no marker at all are told by a byte walk, without the list parser.
    let split;
    let whole;
    let mut out_of_sequence = Vec::new();
    let points: &[markers::Item<'_>] = if markers::may_hold_marker(raw) {
        (split, out_of_sequence) = lenient_points(raw);
        &split
    } else {
        whole = [markers::Item {
            marker: None,
            body: trim(raw),
        }];
        let blank = whole[0].body.is_empty();
        &whole[..usize::from(!blank)]
    };
    for point in points {
        groups.next_point();
        // Without an applicant of its own, the point's first clause (which starts where the
        // point does, with the same first colon if any) names none either.
        // A point without a colon (most) names no applicant, and none of its parts has a
        // heading or opens a nested list after a colon: one byte search tells, for them all.
        let colon = first_colon(point.body).is_some();
        let named = if colon { applicant(point.body) } else { None };
        let (body, first_clause_checked) = match named {
            Some((who, rest)) => {
                groups.start(who);
                read.understood(who);
                (rest, false)
            }
            None => (point.body, true),
        };
        let headed = match named {
            Some(_) => None,
            None => headed_list(point.marker, body),
        };
        let nested = match headed {
            Some((head, heading, bodies)) => {
                if let Some(heading) = heading {
                    groups.start_heading(heading, false);
                }
                read.understood(head);
                Some(bodies)
            }
            None => nested_list(body, colon),
        };
        match nested {
            Some(bodies) => {
                let mut bodies = &bodies[..];
                // A list after a heading and a colon (`女职工生育津贴报销：①… ②…`).
                if let [first, rest @ ..] = bodies {
                    let heading = match colon && named.is_none() {
                        true => heading_phrase(first, true),
                        false => None,
                    };
                    if let Some(heading) = heading {
                        groups.start_heading(heading, false);
                        read.understood(first);
                        bodies = rest;
                    }
                }
                for sub in bodies {
                    read_body(sub, false, colon, &mut groups, &mut notes, &mut read);
                }
            }
            None => {
                // A heading standing alone before the points of the cell (`生育津贴报销：` then
                // `1.… 2.…`) holds for them all.
                let alone = point.marker.is_none() && points.len() > 1;
                let heading = match colon && named.is_none() && alone {
                    true => heading_phrase(body, true),
                    false => None,
                };
                // A numbered heading with its items after the colon, unnumbered
                // (`（一）女职工生育津贴报销：身份证`): the heading opens the point's group.
                let with_items = match heading.is_none() && colon && named.is_none() {
                    true => point.marker.and_then(|_| heading_with_items(body)),
                    false => None,
                };
                match (heading, with_items) {
                    (Some(heading), _) => {
                        groups.start_heading(heading, true);
                        read.understood(body);
                    }
                    (None, Some((head, heading, items))) => {
                        groups.start_heading(heading, false);
                        read.understood(head);
                        read_body(items, false, colon, &mut groups, &mut notes, &mut read);
                    }
                    (None, None) => read_body(
                        body,
                        first_clause_checked,
                        colon,
                        &mut groups,
                        &mut notes,
                        &mut read,
                    ),
                }
            }
        }
    }
    materials.groups = groups.finish();
    report(cell, notes, diagnostics);
    report_out_of_sequence(cell, out_of_sequence, diagnostics);
    read.report(cell, diagnostics);
    materials
}

/// `heading：items` (`女职工生育津贴报销：身份证`): the text to the first colon, colon
/// included, when it is a [`heading_phrase`], the heading, and the text after it, when there
/// is any. A note (`说明：…`) is none.
fn heading_with_items(body: &str) -> Option<(&str, &str, &str)> {
    if is_note(body) {
        return None;
    }
    let (at, colon) = first_colon(body)?;
    let (head, items) = body.split_at(at + colon.len_utf8());
    let heading = heading_phrase(head, true)?;
    (!items.trim().is_empty()).then_some((head, heading, items))
}

/// Read the clauses of one body into `groups`. `first_clause_checked`: the body is known to
/// open with no applicant, so a clause that opens the body need not be asked again (it has
/// the body's first colon at the same place, or none). `colon`: the body may hold a colon
/// (without one, no clause has a heading).
fn read_body<'a>(
    body: &'a str,
    first_clause_checked: bool,
    colon: bool,
    groups: &mut Groups,
    notes: &mut Vec<ItemNote<'a>>,
    read: &mut Read<'_>,
) {
    let body_start = trim_start(body).as_ptr();
    for (clause, shape) in shaped_clauses(body) {
        // The first clause opens the body only when no separator comes first (`；职工：…`).
        let opens_body = clause.as_ptr() == body_start;
        // One walk finds the clause's heading, an applicant or a lead-in.
        let ask_applicant = !(first_clause_checked && opens_body);
        let heading = match colon {
            true => Heading::of(clause, ask_applicant, true),
            false => Heading::NONE,
        };
        let named = if ask_applicant {
            heading.applicant(clause)
        } else {
            None
        };
        let (headed, items) = match named {
            Some((who, rest)) => {
                groups.start(who);
                read.understood(who);
                (rest, strip_lead_in(rest))
            }
            None => (clause, heading.strip_lead_in(clause)),
        };
        // A lead-in (`需提供以下材料：`) is read as such: understood, though no item.
        let lead_in = &headed[..headed.len() - items.len()];
        read.understood(lead_in);
        let mut count = 0;
        let mut last_may_share = false;
        drafts(
            items,
            shape.map(|shape| (clause, shape)),
            |part| match part {
                Part::Item(draft) => {
                    read.understood(draft.raw);
                    let (item, may_share) = material(draft, notes);
                    groups.push(item);
                    last_may_share = may_share;
                    count += 1;
                }
                Part::Note(note) => {
                    read.understood(note);
                    groups.push_note(normalize(note));
                }
            },
        );
        if last_may_share {
            share_distributed_tail(groups.last_items_mut(count));
        }
    }
}

/// What a cell's reading understood, for the `materials_partial` check.
///
/// Understood are: an applicant heading (`在职职工：`), a lead-in (`需提供以下材料：`) and the
/// whole text of every item. An item is kept as it is written (`text`), whatever of it the
/// attributes structure, so no part of an item is ever dropped: an item that joins several
/// parts with `，`/`：` is *read* (kept whole, `materials_unparsed`), not left over. What
/// remains after these spans (list markers and separators are filler) is text the reading
/// skipped, reported as `materials_partial`.
///
/// Parts are understood in the order of the cell, with separators and markers between them
/// (`、`, `；`, `2.`): such a gap is merged here into one run, so that a cell read whole
/// hands [`Coverage`] nothing to sort or look into (the check then costs two end tests). A gap
/// holding anything else closes the run, and [`Coverage`] judges it.
struct Read<'c> {
    /// The cell's text, which the spans are offsets of.
    cell: &'c str,
    /// The run of understood text being extended, as byte offsets.
    run: Option<Range<usize>>,
    /// The runs closed so far.
    coverage: Coverage,
    /// Whether a run was closed: there is a gap for [`Coverage`] to judge.
    gaps: bool,
}

impl<'c> Read<'c> {
    fn new(cell: &'c str) -> Read<'c> {
        Read {
            cell,
            run: None,
            coverage: Coverage::new(),
            gaps: false,
        }
    }

    /// `part`, a sub-slice of the cell, was understood.
    fn understood(&mut self, part: &str) {
        let base = self.cell.as_ptr() as usize;
        let Some(start) = (part.as_ptr() as usize).checked_sub(base) else {
            return;
        };
        let end = start + part.len();
        if end > self.cell.len() || start == end {
            return;
        }
        match &mut self.run {
            Some(run) if run.end <= start && is_separation(&self.cell[run.end..start]) => {
                run.end = end;
            }
            Some(run) if run.start <= start && start <= run.end => run.end = run.end.max(end),
            _ => {
                if let Some(done) = self.run.replace(start..end) {
                    self.coverage.add(done);
                    self.gaps = true;
                }
            }
        }
    }

    /// Report what the reading left over as `materials_partial`.
    fn report(mut self, cell: &Cell<'_>, diagnostics: &mut Diagnostics) {
        let whole = match &self.run {
            Some(run) => {
                is_separation(&self.cell[..run.start]) && is_separation(&self.cell[run.end..])
            }
            None => is_separation(self.cell),
        };
        if whole && !self.gaps {
            return;
        }
        if let Some(run) = self.run.take() {
            self.coverage.add(run);
        }
        self.coverage
            .report(cell, Code::MaterialsPartial, "办理材料", diagnostics);
    }
}

/// Whether `gap`, between parts the reading understood, holds only what separates them:
/// white space, punctuation and list-marker numbers (a stricter test than [`Coverage`]'s
/// filler, which it only spares the work of).
fn is_separation(gap: &str) -> bool {
    // The separators between items first: they are most gaps.
    gap.chars().all(|c| {
        matches!(c, '、' | '；' | '。' | '，' | '：' | '（' | '）' | '．')
            || c.is_ascii_punctuation()
            || c.is_ascii_digit()
            || c.is_whitespace()
            || crate::text::numeral::is_marker_numeral(c)
            || ('①'..='⑳').contains(&c)
    })
}

/// Something an item could not structure: the item's text in the cell, and what.
struct ItemNote<'a> {
    item: &'a str,
    message: String,
}

/// Report the notes of a cell as `materials_unparsed`, each at its item's position
/// (counted in one walk over the cell, however many there are).
fn report(cell: &Cell<'_>, notes: Vec<ItemNote<'_>>, diagnostics: &mut Diagnostics) {
    if notes.is_empty() {
        return;
    }
    let items: Vec<&str> = notes.iter().map(|f| f.item).collect();
    for (finding, at) in notes.into_iter().zip(cell.positions_of(&items)) {
        diagnostics.push(Code::MaterialsUnparsed, at, finding.message);
    }
}

#[cfg(test)]
mod tests;
