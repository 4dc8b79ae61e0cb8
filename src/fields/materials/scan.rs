//! One walk over a clause or an item that tells what the other steps need to know.
//!
//! The walk is a prefilter and a grammar. The prefilter ([`sparse_chars`]) gives the places
//! where a token can start: every character but the ideographs, of which only the
//! [`MARKS`] (most characters of a cell are ideographs, and no other ideograph is a token).
//! The grammar ([`token`]) reads the token there:
//!
//! ```text
//! token         = note_word | "的" | mark | quote | opening | closing | space | break
//!               | enumeration
//! note_word     = "享受" | "共享" | "获取"                          NOTE_WORDS
//! mark          = "份" | "件" | "盖" | "或" | "纸" | "电" | "非" | "如"
//!               | "自" | "核" | "验" | "收" | "留"                  ATTRIBUTE_MARKS
//! quote         = '"'
//! opening       = "（" | "(" | "【" | "[" | "《" | "〈" | "“" | "‘" | "「" | "〔"
//! closing       = "）" | ")" | "】" | "]" | "》" | "〉" | "”" | "’" | "」" | "〕"
//! space         = white space | invisible character
//! break         = ("，" | "," | "：" | ":" | "；" | ";" | "。") &choice?   CLAUSE_BREAKS
//! choice        = white_space* "或"
//! enumeration   = "、"
//!
//! condition_end = "的" &request                                   request: conditions.rs
//! ```
//!
//! Where a token stands counts, and [`Tokens`] tells it: an `opening` or a `closing` moves
//! the bracket depth (counted, never below zero, not parsed as nested: thousands of brackets
//! need no stack, and an unclosed one hides the rest), and a `quote` toggles whether the
//! text is in ASCII quotes (whatever the depth). A token at depth zero outside quotes is at
//! the top level: only there do a choice `或`, a note word, a break and an enumeration comma
//! structure the clause. The marks of the other attributes count anywhere. A condition
//! written without comma may end at the first `的` of the top level before any break that
//! joins parts, where a [`condition_end`] reads (asked there only: most `的` open a noun).

use nom::{
    bytes::complete::take_while,
    character::complete::satisfy,
    combinator::{peek, rest},
};

use super::*;
use crate::text::sparse::SparseChars;

/// What the tokens of a text (a clause, or an item) tell: how it is split into items, which
/// attributes may be there, and whether it is normal already. One walk ([`Tokens`]) for all
/// the steps that need to know.
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
    /// Read the [`Tokens`] of `text` once.
    pub(super) fn of(text: &str) -> ClauseShape {
        ClauseShape::walk(text, false).0
    }

    /// The shape of `text` up to its first clause end (a `；`, `;` or `。` outside brackets
    /// that no choice follows, [`ends_clause`]), which the walk does not go past, and the
    /// byte offset and character of that end (none when `text` is one clause): the shape of
    /// the text's first clause ([`shaped_clauses`]).
    pub(super) fn of_first_clause(text: &str) -> (ClauseShape, Option<(usize, char)>) {
        ClauseShape::walk(text, true)
    }

    /// Read the [`Tokens`] of `text`, to its end or (`to_clause_end`) to its first clause
    /// end, and where that is.
    fn walk(text: &str, to_clause_end: bool) -> (ClauseShape, Option<(usize, char)>) {
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
        for (at, token, top) in Tokens::new(text, MARKS) {
            match token {
                Token::Mark(Mark::Copies) => scan.copies = true,
                Token::Mark(Mark::Format) => scan.format = true,
                Token::Mark(Mark::Seal) => scan.seal = true,
                Token::Mark(Mark::Choice) => scan.choice |= top,
                Token::Mark(Mark::Medium) => scan.medium = true,
                Token::Mark(Mark::Optional) => scan.optional = true,
                Token::Mark(Mark::Source) => scan.source = true,
                Token::Mark(Mark::Handling) => scan.handling = true,
                Token::NoteWord => scan.states |= top,
                // Only in the clause's first part: no `，`, `：`, `；`, `。` before it.
                Token::De
                    if top
                        && !scan.joins_parts
                        && scan.condition_end.is_none()
                        && condition_end(&text[at..]).is_ok() =>
                {
                    scan.condition_end = Some(at + CONDITION_MARK.len_utf8());
                }
                Token::Opening(c) => scan.title |= c == '《',
                Token::Space => scan.spaced = true,
                Token::Break(c, choice_follows) if top => {
                    if to_clause_end && !choice_follows && ends_clause(c) {
                        return (scan, Some((at, c)));
                    }
                    scan.top_level_break(at, c, choice_follows)
                }
                Token::Enumeration => scan.enumerates |= top,
                _ => {}
            }
        }
        (scan, None)
    }

    /// Note the [`Token::Break`] `c` found at byte `at`, at the top level.
    fn top_level_break(&mut self, at: usize, c: char, choice_follows: bool) {
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

/// One token of a clause ([`token`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token {
    /// A word of [`NOTE_WORDS`]: the clause may state something ([`states`]).
    NoteWord,
    /// A `的`, where a condition written without comma may end ([`condition_end`]).
    De,
    /// A character announcing an attribute phrase ([`ATTRIBUTE_MARKS`]).
    Mark(Mark),
    /// An ASCII quote `"`.
    Quote,
    /// A character opening a bracket, a quotation or a title.
    Opening(char),
    /// A character closing one.
    Closing,
    /// White space or an invisible character.
    Space,
    /// Punctuation that joins or ends parts ([`CLAUSE_BREAKS`]), and whether a choice `或`
    /// follows it (`；或`, `，或`: then it offers a choice and breaks nothing).
    Break(char, bool),
    /// The enumeration comma `、`.
    Enumeration,
}

/// What a mark announces ([`ATTRIBUTE_MARKS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    Copies,
    Format,
    Seal,
    Choice,
    Medium,
    Optional,
    Source,
    Handling,
}

/// The characters that announce an attribute phrase, and which: a phrase is looked for only
/// in a text that holds its mark. A mark is added by one line.
pub(super) const ATTRIBUTE_MARKS: &[(char, Mark)] = &[
    (COPIES_MARK, Mark::Copies),
    (FORMAT_MARK, Mark::Format),
    (SEAL_MARK, Mark::Seal),
    (CHOICE_MARK, Mark::Choice),
    (PAPER_MARK, Mark::Medium),
    (ELECTRONIC_MARK, Mark::Medium),
    (OPTIONAL_MARKS[0], Mark::Optional),
    (OPTIONAL_MARKS[1], Mark::Optional),
    (SOURCE_MARKS[0], Mark::Source),
    (SOURCE_MARKS[1], Mark::Source),
    (HANDLING_MARKS[0], Mark::Handling),
    (HANDLING_MARKS[1], Mark::Handling),
    (HANDLING_MARKS[2], Mark::Handling),
];

/// Punctuation that joins or ends the parts of a clause ([`Token::Break`]).
pub(super) const CLAUSE_BREAKS: [char; 7] = ['，', ',', '：', ':', '；', ';', '。'];

/// The ideographs a token can open with, which the prefilter gives: the [`ATTRIBUTE_MARKS`],
/// [`CONDITION_MARK`] and the [`NOTE_MARKS`] (a test checks the note words open with them).
pub(super) const MARKS: WideMarks<MARK_COUNT> = WideMarks::new(mark_chars());

/// How many characters [`MARKS`] holds.
const MARK_COUNT: usize = ATTRIBUTE_MARKS.len() + 1 + NOTE_MARKS.len();

/// The [`ATTRIBUTE_MARKS`], the [`NOTE_MARKS`] and [`CONDITION_MARK`], last.
const fn mark_chars() -> [char; MARK_COUNT] {
    let mut chars = [CONDITION_MARK; MARK_COUNT];
    let mut i = 0;
    while i < ATTRIBUTE_MARKS.len() {
        chars[i] = ATTRIBUTE_MARKS[i].0;
        i += 1;
    }
    let mut k = 0;
    while k < NOTE_MARKS.len() {
        chars[ATTRIBUTE_MARKS.len() + k] = NOTE_MARKS[k];
        k += 1;
    }
    chars
}

/// The token `input` opens with (see the grammar above), whose first character the walk
/// has decoded already as `c`: a token of one character (most), told by `c` alone, else a
/// [`longer_token`].
#[inline]
pub(super) fn token(c: char, input: &str) -> Option<Token> {
    one_character_token(c).or_else(|| longer_token(input).ok().map(|(_, token)| token))
}

/// nom: a token that its first character does not make by itself: a break, else a note
/// word.
fn longer_token(input: &str) -> IResult<&str, Token> {
    alt((clause_break, value(Token::NoteWord, note_word))).parse(input)
}

/// The token `c` is by itself: `"的" | mark | quote | opening | closing | space | enumeration`
/// (the character decoded once for them all, as the scan asks this at most characters that
/// are not ideographs).
#[inline]
fn one_character_token(c: char) -> Option<Token> {
    if is_ideograph(c) {
        return match c {
            CONDITION_MARK => Some(Token::De),
            _ => attribute_mark(c).map(Token::Mark),
        };
    }
    match c {
        '"' => Some(Token::Quote),
        '、' => Some(Token::Enumeration),
        _ if opens(c) => Some(Token::Opening(c)),
        _ if closes(c) => Some(Token::Closing),
        _ if is_space_or_invisible(c) => Some(Token::Space),
        _ => None,
    }
}

/// nom: a break and whether a choice follows it: `break = (CLAUSE_BREAKS) &choice?`.
#[inline]
fn clause_break(input: &str) -> IResult<&str, Token> {
    map(
        (satisfy(|c| CLAUSE_BREAKS.contains(&c)), opt(peek(choice))),
        |(c, choice)| Token::Break(c, choice.is_some()),
    )
    .parse(input)
}

/// nom: a word of [`NOTE_WORDS`].
#[inline]
pub(super) fn note_word(input: &str) -> IResult<&str, &str> {
    one_of(NOTE_WORDS)(input)
}

/// nom: a [`CONDITION_MARK`] that a verb asking for materials follows ([`follows_request`]),
/// which is looked at, not consumed: where a condition written without comma may end
/// ([`condition_without_comma`]).
pub(super) fn condition_end(input: &str) -> IResult<&str, char> {
    let request = verify(rest, |after: &str| follows_request(after));
    (char(CONDITION_MARK), peek(request))
        .map(|(de, _)| de)
        .parse(input)
}

/// What the character `c` announces, if it is one of the [`ATTRIBUTE_MARKS`].
#[inline]
fn attribute_mark(c: char) -> Option<Mark> {
    ATTRIBUTE_MARKS
        .iter()
        .find(|&&(m, _)| m == c)
        .map(|&(_, mark)| mark)
}

/// nom: a choice `或` after white space (`；或`, `， 或`).
pub(super) fn choice(input: &str) -> IResult<&str, char> {
    (take_while(char::is_whitespace), char(CHOICE_MARK))
        .map(|(_, or)| or)
        .parse(input)
}

/// The tokens of a text, with their byte offsets and whether each is at the top level
/// (depth zero, outside ASCII quotes; see the module doc). `N` and the marks: which
/// ideographs the prefilter gives ([`MARKS`] for the whole [`ClauseShape`], none for a
/// search for punctuation).
pub(super) struct Tokens<'t, const N: usize> {
    text: &'t str,
    places: SparseChars<'t, N>,
    depth: usize,
    in_ascii_quote: bool,
}

impl<'t, const N: usize> Tokens<'t, N> {
    pub(super) fn new(text: &'t str, marks: WideMarks<N>) -> Tokens<'t, N> {
        Tokens {
            text,
            places: sparse_chars(text, marks),
            depth: 0,
            in_ascii_quote: false,
        }
    }
}

impl<const N: usize> Iterator for Tokens<'_, N> {
    type Item = (usize, Token, bool);

    fn next(&mut self) -> Option<(usize, Token, bool)> {
        for (at, c) in self.places.by_ref() {
            let Some(token) = token(c, &self.text[at..]) else {
                continue;
            };
            let top = self.depth == 0 && !self.in_ascii_quote;
            match token {
                Token::Quote => self.in_ascii_quote = !self.in_ascii_quote,
                Token::Opening(_) => self.depth += 1,
                Token::Closing => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
            return Some((at, token, top));
        }
        None
    }
}

/// The characters a [`NOTE_WORDS`] word opens with (a test checks).
pub(super) const NOTE_MARKS: [char; 3] = ['享', '共', '获'];
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
