//! Groups by applicant: a leading `X：` that names who applies (`在职职工：`, `企业：`), and
//! the lead-in a list may open with (`需提供以下材料：`).
//!
//! ```text
//! applicant_heading = applicants (":" | "："), at the text's first colon
//! applicants     = part ("、" part)*       at most 24 characters (white space folded)
//! part           = name applicant_head     no punctuation but "、" and no digit in it
//! applicant_head = "人员" | "职工" | "企业" | "单位" | …         APPLICANT_HEADS
//! lead_in        = phrase (":" | "：")      at most 12 characters, holding a LEAD_IN_WORD,
//!                                          no "《", no condition (`转诊的需提供`)
//! ```
//!
//! [`Heading::of`] measures the phrase before the first colon once (its length and whether a
//! character in it bars an applicant or opens a title), so that a clause that is neither
//! heading is not read further; [`applicants`] is the grammar of the phrase.

use std::cell::Cell;

use nom::{bytes::complete::take_while1, multi::many0_count, sequence::preceded};

use super::*;

/// The groups built so far, and whether the next item starts a general group.
///
/// The items of all groups go to one flat list, and each group notes where its items start:
/// [`Groups::finish`] then gives each group a vector of exactly its items. Pushing to one
/// vector per group instead grew each from nothing (an allocation, often a reallocation)
/// and [`crate::document`] shrank it again to fit (one more).
pub(super) struct Groups {
    /// The items of every group, in order.
    items: Vec<Material>,
    /// Each group, with the index in `items` of its first item.
    heads: Vec<Head>,
    /// Set at each new point: an item of a point without applicant or heading does not
    /// belong to the group of the point before.
    general_next: bool,
    /// Whether the last group's heading holds for the points after it (a heading standing
    /// alone before the cell's list: `女职工生育津贴报销： 1.… 2.…`), not for its point only.
    heading_spans_points: bool,
}

thread_local! {
    /// The room of the flat list of items and of the heads of the last cell read on this
    /// thread, both empty: the next cell's [`Groups`] start with it, so that most cells
    /// allocate neither (nor grow the list item by item). A vector whose room exceeds
    /// [`ROOM_KEPT`] entries is dropped instead, so no cell keeps much memory on the thread.
    static ROOM: Cell<(Vec<Material>, Vec<Head>)> = const { Cell::new((Vec::new(), Vec::new())) };
}

/// The most entries of room that [`ROOM`] keeps in either vector between cells.
const ROOM_KEPT: usize = 256;

/// `vector` (empty) if its room is at most [`ROOM_KEPT`] entries, else an empty vector
/// without room.
fn kept<T>(vector: Vec<T>) -> Vec<T> {
    if vector.capacity() <= ROOM_KEPT {
        vector
    } else {
        Vec::new()
    }
}

/// One group being built.
struct Head {
    applicant: Option<String>,
    heading: Option<String>,
    notes: Vec<String>,
    /// The index in the flat list of the group's first item.
    start: usize,
}

impl Groups {
    /// No groups yet.
    pub(super) fn new() -> Groups {
        let (items, heads) = ROOM.take();
        Groups {
            items,
            heads,
            general_next: false,
            heading_spans_points: false,
        }
    }

    pub(super) fn next_point(&mut self) {
        self.general_next = true;
    }

    pub(super) fn start(&mut self, applicant: &str) {
        self.open(Some(normalize(applicant)), None);
    }

    /// Start a group under `heading`; `spans_points`: it holds for the points after its own.
    pub(super) fn start_heading(&mut self, heading: &str, spans_points: bool) {
        self.open(None, Some(normalize(heading)));
        self.heading_spans_points = spans_points;
    }

    fn open(&mut self, applicant: Option<String>, heading: Option<String>) {
        self.heads.push(Head {
            applicant,
            heading,
            notes: Vec::new(),
            start: self.items.len(),
        });
        self.general_next = false;
        self.heading_spans_points = false;
    }

    /// The last `count` items pushed: those of one clause, which all go to the last group.
    pub(super) fn last_items_mut(&mut self, count: usize) -> &mut [Material] {
        let group_start = self
            .heads
            .last()
            .map_or(self.items.len(), |head| head.start);
        let from = self.items.len().saturating_sub(count).max(group_start);
        &mut self.items[from..]
    }

    /// Make sure the next item or note goes to the right group: a new general group when
    /// there is none yet, or when a point without applicant or heading of its own follows a
    /// group that has one (and whose heading does not span the points).
    fn current(&mut self) -> &mut Head {
        let needs_group = match self.heads.last() {
            None => true,
            Some(last) => {
                let named = last.applicant.is_some()
                    || (last.heading.is_some() && !self.heading_spans_points);
                self.general_next && named
            }
        };
        if needs_group {
            self.open(None, None);
        }
        self.general_next = false;
        let last = self.heads.len() - 1;
        &mut self.heads[last]
    }

    pub(super) fn push(&mut self, item: Material) {
        self.current();
        self.items.push(item);
    }

    /// A sentence of the current group that asks for no material ([`is_note`]).
    pub(super) fn push_note(&mut self, note: String) {
        self.current().notes.push(note);
    }

    /// The groups, each with a vector of exactly its items, in a vector of exactly the
    /// groups (filled from the last group back, each taking the tail of the flat list).
    pub(super) fn finish(mut self) -> Vec<MaterialGroup> {
        let mut groups = Vec::with_capacity(self.heads.len());
        while let Some(head) = self.heads.pop() {
            let items = self
                .items
                .drain(head.start.min(self.items.len())..)
                .collect();
            groups.push(MaterialGroup {
                applicant: head.applicant,
                items,
                heading: head.heading,
                notes: head.notes,
            });
        }
        groups.reverse();
        // Both are empty now: their room is kept for the next cell.
        ROOM.set((kept(self.items), kept(self.heads)));
        groups
    }
}

/// The longest phrase (in characters) taken as an applicant.
pub(super) const APPLICANT_MAX_CHARS: usize = 24;

/// A leading `X：` where `X` names who applies, and the text after the colon.
///
/// `X` is short, has no punctuation but `、`, no digits, and each of its `、`-parts ends with
/// a word for a person or an organisation ([`APPLICANT_HEADS`]): `灵活就业人员：`,
/// `社会团体、民办非企业单位：`. `医院收费票据：` names a document and `需提供：` a verb, so
/// neither is an applicant.
pub(super) fn applicant(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    Heading::of(text, true, false).applicant(text)
}

/// Whether `c` in a phrase keeps it from naming an applicant ([`names_applicant`]):
/// punctuation but `、`, or a digit. An ideograph is neither, as a range test tells before
/// the slow Unicode lookup of [`char::is_numeric`].
pub(super) fn bars_applicant(c: char) -> bool {
    !is_ideograph(c)
        && c != '、'
        && (c.is_ascii_punctuation() || is_cjk_punctuation(c) || c.is_numeric())
}

/// The first colon of `text`, full-width `：` or ASCII `:`, with its byte offset.
pub(super) fn first_colon(text: &str) -> Option<(usize, char)> {
    const COLONS: Needles = Needles::new(&['：', ':']);
    find_any_char(text, &COLONS)
}

/// What a walk to the first colon of a text (trimmed at the start) tells about the phrase
/// before it, as far as a heading can reach: enough for both [`applicant`] and
/// [`strip_lead_in`], so that a clause is walked once for the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Heading {
    /// The first colon (full-width `：` or ASCII `:`) and its byte offset; none when there is
    /// none, or when the phrase before it can be no heading that was asked for.
    pub(super) colon: Option<(usize, char)>,
    /// How many characters before the colon are neither white space nor invisible: at
    /// least the length of the phrase however [`normalize`] folds its white space. (Exact
    /// when there is a colon; counted no further than a heading can reach otherwise.)
    pub(super) visible: usize,
    /// Whether a character before the colon [`bars_applicant`].
    pub(super) barred: bool,
    /// Whether a `《` comes before the colon.
    pub(super) title: bool,
}

impl Heading {
    /// The heading of a text without a colon: none, as [`Heading::of`] finds it.
    pub(super) const NONE: Heading = Heading {
        colon: None,
        visible: 0,
        barred: false,
        title: false,
    };

    /// Measure the phrase of `text` before its first colon, as far as a heading asked for
    /// (an applicant, a lead-in or both) can reach: a longer phrase is not read to its end.
    /// The colon is kept only when the phrase can still be one of them. A heading found for
    /// one kind only must not be asked about the other.
    pub(super) fn of(text: &str, applicant: bool, lead_in: bool) -> Heading {
        // Most texts have no colon at all: a byte search tells, and bounds the phrase otherwise.
        let Some((colon, colon_char)) = first_colon(text) else {
            return Heading::NONE;
        };
        // No heading asked for is longer than this: past it, the phrase is none of them.
        let asked = [
            (applicant, APPLICANT_MAX_CHARS),
            (lead_in, LEAD_IN_MAX_CHARS),
        ];
        let Some(reach) = asked.iter().filter(|kind| kind.0).map(|kind| kind.1).max() else {
            return Heading::NONE;
        };
        let mut heading = Heading::NONE;
        let visible = text[..colon].chars().filter(|&c| !is_space_or_invisible(c));
        for c in visible.take(reach + 1) {
            heading.visible += 1;
            heading.barred |= bars_applicant(c);
            heading.title |= c == '《';
        }
        let may_name_applicant =
            applicant && !heading.barred && heading.visible <= APPLICANT_MAX_CHARS;
        let may_lead_in = lead_in && !heading.title && heading.visible <= LEAD_IN_MAX_CHARS;
        if may_name_applicant || may_lead_in {
            heading.colon = Some((colon, colon_char));
            heading
        } else {
            Heading::NONE
        }
    }

    /// [`applicant`] of `text`, the text this heading was found in.
    pub(super) fn applicant(self, text: &str) -> Option<(&str, &str)> {
        let (colon, c) = self.colon?;
        if self.barred || self.visible > APPLICANT_MAX_CHARS {
            return None;
        }
        let phrase = text[..colon].trim();
        names_applicant(phrase).then(|| (phrase, text[colon + c.len_utf8()..].trim()))
    }

    /// [`strip_lead_in`] of `text`, the text this heading was found in.
    pub(super) fn strip_lead_in(self, text: &str) -> &str {
        let Some((colon, c)) = self.colon else {
            return text;
        };
        if self.title || self.visible > LEAD_IN_MAX_CHARS {
            return text;
        }
        let phrase = normalized(&text[..colon]);
        let is_lead_in = phrase.chars().count() <= LEAD_IN_MAX_CHARS
            && !phrase.contains('《')
            && LEAD_IN_WORDS.iter().any(|w| phrase.contains(w))
            && !states_condition(&phrase);
        if is_lead_in {
            text[colon + c.len_utf8()..].trim_start()
        } else {
            text
        }
    }
}

/// Whether `phrase` names who applies: [`applicants`], at most [`APPLICANT_MAX_CHARS`]
/// characters once [`normalize`]d.
pub(super) fn names_applicant(phrase: &str) -> bool {
    let phrase = normalized(phrase);
    let count = phrase.chars().count();
    count > 0 && count <= APPLICANT_MAX_CHARS && applicants(&phrase).is_ok()
}

/// nom: a whole phrase naming applicants: `part ("、" part)* end` (`社会团体、民办非企业单位`).
pub(super) fn applicants(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            applicant_part,
            many0_count(preceded(char('、'), applicant_part)),
            eof,
        ),
    )
    .parse(input)
}

/// nom: one applicant: characters that do not [`bars_applicant`], ending with a word of
/// [`APPLICANT_HEADS`] (`灵活就业人员`, `社会团体`).
fn applicant_part(input: &str) -> IResult<&str, &str> {
    verify(
        take_while1(|c: char| c != '、' && !bars_applicant(c)),
        |part: &str| APPLICANT_HEADS.iter().any(|head| part.ends_with(head)),
    )
    .parse(input)
}

/// Whether a heading phrase asks for materials under a condition (`转诊的需提供`): it is then
/// no lead-in to skip, but the condition of the item after it.
pub(super) fn states_condition(phrase: &str) -> bool {
    phrase
        .match_indices(CONDITION_MARK)
        .any(|(i, of)| follows_request(&phrase[i + of.len()..]))
}

/// The longest lead-in (in characters) skipped as a heading.
pub(super) const LEAD_IN_MAX_CHARS: usize = 12;

/// `text` without a leading lead-in (`需提供以下材料：`, `请携带：`): a short phrase ending
/// with a colon that asks for materials (`提供`, `以下`…) and quotes no title
/// (`《申请材料清单》：` and `申请材料清单：` stay: they are items).
pub(super) fn strip_lead_in(text: &str) -> &str {
    let text = text.trim_start();
    Heading::of(text, false, true).strip_lead_in(text)
}

#[cfg(test)]
mod room_tests {
    use super::*;

    #[test]
    fn room_is_kept_only_when_small() {
        assert_eq!(
            kept(Vec::<u8>::with_capacity(ROOM_KEPT)).capacity(),
            ROOM_KEPT
        );
        assert_eq!(kept(Vec::<u8>::with_capacity(ROOM_KEPT + 1)).capacity(), 0);
    }
}
