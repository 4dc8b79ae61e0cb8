//! One walk over a clause or an item that tells what the other steps need to know.

use super::*;

/// What one walk over a text (a clause, or an item) tells: how it is split into items, which
/// attributes may be there, and whether it is normal already. Each step used to walk the text
/// on its own; the one walk tracks the bracket depth of [`top_level`] once for all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ClauseShape {
    /// The first `，` or `,` outside brackets, with its byte offset: where a [`condition`]
    /// may end.
    pub(super) first_comma: Option<(usize, char)>,
    /// Whether the clause joins parts outside brackets: with `，`, `；` or `。` (a run-on
    /// clause, or a choice between whole lists: `A、B；或C`), or with a `：` that no choice
    /// follows. Such a clause is one item.
    pub(super) joins_parts: bool,
    /// An enumeration comma `、` outside brackets: without one, [`enumerated`] would give the
    /// clause whole.
    pub(super) enumerates: bool,
    /// White space or an invisible character anywhere: [`normalize`] would change the text.
    pub(super) spaced: bool,
    /// The [`clause_break`].
    pub(super) clause_break: Option<char>,
    /// A `《`: it may quote titles ([`title_spans`]).
    pub(super) title: bool,
    /// A `份`, which every [`copies_phrase`] ends with.
    pub(super) copies: bool,
    /// A `件`, which every [`format_phrase`] holds (`原件`, `复印件`, `影印件`).
    pub(super) format: bool,
    /// A `盖`, which every seal wording holds ([`seal_required`]).
    pub(super) seal: bool,
    /// A `或` outside brackets: there may be [`alternatives`] (without one there are none).
    pub(super) choice: bool,
    /// A `纸` or `电`, which every [`medium_phrase`] opens with.
    pub(super) medium: bool,
    /// A `非` or `如`, which every [`optional_word`] opens with.
    pub(super) optional: bool,
    /// A `自` or `核`, which every [`source_phrase`] holds.
    pub(super) source: bool,
    /// A `验`, `收` or `留`, which every [`handling_phrase`] holds.
    pub(super) handling: bool,
    /// The byte offset just after the first `的` outside brackets, before any `，`, `：`, `；` or
    /// `。` that joins parts ([`ClauseShape::joins_parts`]), that a
    /// verb asking for materials follows ([`follows_request`]): where a condition written
    /// without comma may end (`异地就医的需提供备案表`, see [`condition_without_comma`]).
    pub(super) condition_end: Option<usize>,
    /// A word of [`NOTE_WORDS`] opens outside brackets: the clause may be a note ([`states`]).
    pub(super) states: bool,
}

impl ClauseShape {
    /// Walk `text` once. An ideograph (most characters of a cell) is neither quote, bracket,
    /// space nor punctuation: of them, the walk ([`sparse_chars`]) gives only the few that
    /// announce an attribute (`份`, `件`, `盖`, `或`). Other characters go through
    /// [`top_level`]'s quote and bracket tests.
    pub(super) fn of(text: &str) -> ClauseShape {
        let mut scan = ClauseShape {
            first_comma: None,
            joins_parts: false,
            enumerates: false,
            spaced: false,
            clause_break: None,
            title: false,
            copies: false,
            format: false,
            seal: false,
            choice: false,
            medium: false,
            optional: false,
            source: false,
            handling: false,
            condition_end: None,
            states: false,
        };
        let mut depth = 0usize;
        let mut in_ascii_quote = false;
        const MARKS: WideMarks<17> = WideMarks::new([
            COPIES_MARK,
            FORMAT_MARK,
            SEAL_MARK,
            CHOICE_MARK,
            PAPER_MARK,
            ELECTRONIC_MARK,
            OPTIONAL_MARKS[0],
            OPTIONAL_MARKS[1],
            SOURCE_MARKS[0],
            SOURCE_MARKS[1],
            HANDLING_MARKS[0],
            HANDLING_MARKS[1],
            HANDLING_MARKS[2],
            CONDITION_MARK,
            NOTE_MARKS[0],
            NOTE_MARKS[1],
            NOTE_MARKS[2],
        ]);
        for (i, c) in sparse_chars(text, MARKS) {
            if is_ideograph(c) {
                match c {
                    COPIES_MARK => scan.copies = true,
                    FORMAT_MARK => scan.format = true,
                    SEAL_MARK => scan.seal = true,
                    CHOICE_MARK => scan.choice |= depth == 0 && !in_ascii_quote,
                    PAPER_MARK | ELECTRONIC_MARK => scan.medium = true,
                    _ if OPTIONAL_MARKS.contains(&c) => scan.optional = true,
                    _ if SOURCE_MARKS.contains(&c) => scan.source = true,
                    _ if HANDLING_MARKS.contains(&c) => scan.handling = true,
                    _ if NOTE_MARKS.contains(&c) => {
                        let open = depth == 0 && !in_ascii_quote;
                        scan.states |= open && opens_note_word(text, i, c);
                    }
                    CONDITION_MARK => {
                        let end = i + c.len_utf8();
                        // Only in the clause's first part: no `，`, `：`, `；`, `。` before it.
                        let open = depth == 0 && !in_ascii_quote && !scan.joins_parts;
                        if open && scan.condition_end.is_none() && follows_request(&text[end..]) {
                            scan.condition_end = Some(end);
                        }
                    }
                    _ => {}
                }
            } else if c == '"' {
                in_ascii_quote = !in_ascii_quote;
            } else if opens(c) {
                scan.title |= c == '《';
                depth += 1;
            } else if closes(c) {
                depth = depth.saturating_sub(1);
            } else if is_space_or_invisible(c) {
                scan.spaced = true;
            } else if depth == 0 && !in_ascii_quote {
                scan.top_level_punctuation(text, i, c);
            }
        }
        scan
    }

    /// Note the punctuation `c` found at byte `at` of `text`, outside brackets.
    fn top_level_punctuation(&mut self, text: &str, at: usize, c: char) {
        let breaks = matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '。');
        if !breaks {
            self.enumerates |= c == '、';
            return;
        }
        let choice_follows = choice_follows(text, at + c.len_utf8());
        if self.clause_break.is_none() && !choice_follows {
            self.clause_break = Some(c);
        }
        match c {
            '，' | ',' => {
                self.first_comma.get_or_insert((at, c));
                self.joins_parts = true;
            }
            '：' | ':' => self.joins_parts |= !choice_follows,
            _ => self.joins_parts = true,
        }
    }
}

/// The character a condition written without comma ends with ([`condition_without_comma`]).
pub(super) const CONDITION_MARK: char = '的';
/// The character every [`copies_phrase`] ends with.
pub(super) const COPIES_MARK: char = COPIES_UNIT;
/// A character every [`format_phrase`] holds: every word of [`ORIGINAL_WORDS`] and
/// [`COPY_WORDS`] ends with it (a test checks).
pub(super) const FORMAT_MARK: char = '件';
/// The character every seal wording holds ([`seal_required`]).
pub(super) const SEAL_MARK: char = SEAL_VERB;
/// The character every choice word opens with ([`OR_WORDS`], a test checks).
pub(super) const CHOICE_MARK: char = '或';
/// The character every paper word opens with ([`PAPER_WORDS`], a test checks).
pub(super) const PAPER_MARK: char = '纸';
/// The character every electronic word opens with ([`ELECTRONIC_WORDS`], a test checks).
pub(super) const ELECTRONIC_MARK: char = '电';
/// The characters an [`OPTIONAL_WORDS`] word opens with (a test checks).
pub(super) const OPTIONAL_MARKS: [char; 2] = ['非', '如'];
/// Characters every source word holds, one of them within its first four characters
/// ([`APPLICANT_SOURCE_WORDS`], [`DEPARTMENT_SOURCE_WORDS`], a test checks).
pub(super) const SOURCE_MARKS: [char; 2] = ['自', '核'];
/// Characters every handling word holds, one of them within its first four characters
/// ([`CHECKED_WORDS`], [`COLLECTED_WORDS`], a test checks).
pub(super) const HANDLING_MARKS: [char; 3] = ['验', '收', '留'];
