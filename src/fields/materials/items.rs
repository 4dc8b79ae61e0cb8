//! Splitting a body into items: `；`/`。` between items, and `、` between documents.
//!
//! ```text
//! body        = clause (clause_end clause)*
//! clause_end  = "；" | ";" | "。"        a top-level break that no choice follows (scan.rs)
//! enumeration = part ("、" part)*        at the top level
//! item        = part* document           parts that are no document modify the one after
//! document    = name (title | document_head) tail*          read from the end
//! tail        = form_suffix | bracketed | copies
//! form_suffix = "原件及复印件" | … | "副本" | "电子版"         FORM_SUFFIXES
//! document_head = "证" | "证书" | "登记表" | "票据" | …       DOCUMENT_HEADS
//! ```
//!
//! The clause ends and the `、` are tokens of the clause grammar ([`Tokens`]). A document is
//! read from its end ([`is_document`]: the tails stripped, then the head looked for), where
//! a forward parser would have to be tried at every character of a long part.

use super::*;

/// The bodies of a nested list (`①… ②…`), or none when the body is not one (it is then read
/// whole, with no vector allocated for it). A nested list is taken only when its first marker
/// opens the body or follows a colon, so that a number in prose does not start one.
/// `colon`: the body may hold a colon (false when it is known to hold none).
pub(super) fn nested_list(body: &str, colon: bool) -> Option<Vec<&str>> {
    // Most bodies neither open with a marker nor hold a colon: no need to look for a list.
    let may_open_list = opens_with_marker(body) || (colon && first_colon(body).is_some());
    if !may_open_list {
        return None;
    }
    let items = markers::split(body);
    opens_list(&items).then(|| items.into_iter().map(|item| item.body).collect())
}

/// Whether `body` opens with a list marker ([`markers::strip`]). A body opening with an
/// ideograph, as most do, opens with none unless it is a Chinese numeral (`一、`), and one
/// opening with punctuation opens with none unless it is `（`: the marker parsers are not run
/// for them.
pub(super) fn opens_with_marker(body: &str) -> bool {
    match trim_start(body).chars().next() {
        Some(c) if is_ideograph(c) && !numeral::is_chinese_numeral_char(c) => false,
        // Nor does one opening with punctuation but `（` (`《申请表》`, `“两证”`).
        Some(c) if is_cjk_punctuation(c) && c != '（' => false,
        _ => markers::strip(body).0.is_some(),
    }
}

/// Whether the items of a body make a nested list: the first has a marker, or the second has
/// one and the text before it ends with a colon.
pub(super) fn opens_list(items: &[markers::Item<'_>]) -> bool {
    match items {
        [first, ..] if first.marker.is_some() => true,
        [head, second, ..] => {
            second.marker.is_some() && (head.body.ends_with('：') || head.body.ends_with(':'))
        }
        _ => false,
    }
}

/// The punctuation tokens of `text` at the top level ([`Tokens`], no ideograph given: none is
/// punctuation), with their byte offsets.
pub(super) fn top_level_punctuation(text: &str) -> impl Iterator<Item = (usize, Token)> + '_ {
    const NO_MARKS: WideMarks<1> = WideMarks::new(['\0']);
    Tokens::new(text, NO_MARKS).filter_map(|(at, token, top)| top.then_some((at, token)))
}

/// Whether `c` ends a clause, unless a choice follows it: `；`, `;`, `。` (`clause_end`).
pub(super) fn ends_clause(c: char) -> bool {
    matches!(c, '；' | ';' | '。')
}

/// The clauses of a body ([`shaped_clauses`]) without their shapes.
#[cfg(test)]
pub(super) fn clauses(body: &str) -> impl Iterator<Item = &str> + '_ {
    shaped_clauses(body).map(|(clause, _)| clause)
}

/// Split a body into its clauses, at each `clause_end` (a top-level [`Token::Break`] of `；`,
/// `;` or `。` that no choice follows: `…材料；或个人承诺书` is one clause), each with its
/// [`ClauseShape`] when the walk that split the body told it. Parts are trimmed and empty
/// ones dropped. An iterator, so that no vector is allocated for a body that is one clause,
/// as most are.
///
/// Each clause is walked once, for its shape, to its end: the walk of the text after a
/// clause end (at the top level, where a walk from the start of the body would be in the
/// same state) finds the next end. A clause's shape is given with it unless it has white
/// space to trim before its end.
pub(super) fn shaped_clauses(body: &str) -> impl Iterator<Item = (&str, Option<ClauseShape>)> {
    let mut rest = Some(body);
    std::iter::from_fn(move || loop {
        let text = trim(rest?);
        let (shape, end) = ClauseShape::of_first_clause(text);
        let walked = &text[..end.map_or(text.len(), |(at, _)| at)];
        rest = end.map(|(at, c)| &text[at + c.len_utf8()..]);
        let clause = trim(walked);
        if !clause.is_empty() {
            return Some((clause, std::ptr::eq(clause, walked).then_some(shape)));
        }
    })
}

/// Trim white space and separators from both ends of an item.
pub(super) fn trim_separators(text: &str) -> &str {
    trim_ends(text, |c| {
        matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.') || c.is_whitespace()
    })
}

/// `text.trim_matches(unwanted)`, told first by the two end characters alone: most texts
/// have nothing to trim, and two tests are cheaper than the searcher `trim_matches` sets up.
#[inline]
pub(super) fn trim_ends(text: &str, unwanted: impl Fn(char) -> bool + Copy) -> &str {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !unwanted(first) && chars.next_back().is_none_or(|last| !unwanted(last)) => {
            text
        }
        _ => text.trim_matches(unwanted),
    }
}

/// The first punctuation outside brackets that joins parts of a clause without making them
/// separate items: `，`, `,`, `：`, `:` (`，或`/`；或`, a choice, does not count): the first
/// top-level [`Token::Break`] that no choice follows.
pub(super) fn clause_break(text: &str) -> Option<char> {
    top_level_punctuation(text).find_map(|(_, token)| match token {
        Token::Break(c, false) => Some(c),
        _ => None,
    })
}

/// One item to be: its text in the cell, and its condition with the materials it asks for.
pub(super) struct Draft<'a> {
    pub(super) raw: &'a str,
    pub(super) condition: Option<String>,
    /// The part naming the materials (the whole item when it has no condition), normalized.
    pub(super) body: String,
    /// The [`ClauseShape`] of the item's normalized text, when it is known already.
    pub(super) scan: Option<ClauseShape>,
    /// Why the item's bounds are a guess ([`Joined`]), reported as `materials_unparsed`.
    pub(super) guess: Option<Joined>,
}

impl<'a> Draft<'a> {
    /// An item without condition: its body is its whole text, normalized (copied as it is
    /// when there is no white space or invisible character to fold, as in most items).
    pub(super) fn plain(raw: &'a str) -> Draft<'a> {
        let body = if find_space_or_invisible(raw).is_some() {
            normalize(raw)
        } else {
            raw.to_owned()
        };
        Draft {
            raw,
            condition: None,
            body,
            scan: None,
            guess: None,
        }
    }

    /// [`Draft::plain`] of `raw`, a part of `clause` (or all of it), whose shape is
    /// `clause_shape`: a part of a clause without white space is normal already, and the
    /// whole clause has the clause's shape.
    fn part_of(raw: &'a str, clause: &str, clause_shape: ClauseShape) -> Draft<'a> {
        if clause_shape.spaced {
            return Draft::plain(raw);
        }
        Draft {
            raw,
            condition: None,
            body: raw.to_owned(),
            scan: std::ptr::eq(raw, clause).then_some(clause_shape),
            guess: None,
        }
    }
}

/// What a clause gives: items, or a note of its group ([`is_note`]).
pub(super) enum Part<'a> {
    Item(Draft<'a>),
    Note(&'a str),
}

/// The items of one clause, handed to `each` in order (no vector: most clauses are one item),
/// or the clause as a note. `known`: a text whose [`ClauseShape`] is known already (from
/// [`shaped_clauses`]), which is the clause's when the clause is that text.
pub(super) fn drafts<'a>(
    clause: &'a str,
    known: Option<(&str, ClauseShape)>,
    mut each: impl FnMut(Part<'a>),
) {
    let clause = trim_separators(clause);
    if clause.is_empty() {
        return;
    }
    let scan = match known {
        Some((text, shape)) if std::ptr::eq(text, clause) => shape,
        _ => ClauseShape::of(clause),
    };
    let with_comma = scan.first_comma.and_then(|comma| condition(clause, comma));
    let conditional = with_comma.or_else(|| {
        scan.condition_end
            .and_then(|end| condition_without_comma(clause, end))
    });
    if let Some((condition, body)) = conditional {
        // The item is the whole clause, whose text is normal already unless it has white
        // space: then it has the clause's shape.
        return each(Part::Item(Draft {
            raw: clause,
            condition: Some(condition),
            body,
            scan: (!scan.spaced).then_some(scan),
            guess: None,
        }));
    }
    // A sentence that asks for no material is a note of the group.
    if scan.joins_parts && is_stated_note(clause, scan.states) {
        return each(Part::Note(clause));
    }
    // A table flattened into the cell: one item per row, with its columns.
    if scan.spaced && !scan.joins_parts && !scan.enumerates {
        if let Some(rows) = table_rows(clause) {
            for row in rows {
                each(Part::Item(Draft::plain(row)));
            }
            return;
        }
    }
    if scan.joins_parts || !scan.enumerates {
        // The item is the whole clause: normal already unless it has white space.
        return each(Part::Item(Draft::part_of(clause, clause, scan)));
    }
    for (item, guess) in enumerated(clause) {
        each(Part::Item(Draft {
            guess,
            ..Draft::part_of(item, clause, scan)
        }));
    }
}

/// How an item of an enumeration took in `、`-parts that name no document by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Joined {
    /// Parts before a document that has no `的` to make them its modifiers
    /// (`出院小结、住院发票`: a modifier list, or a document not known as such?).
    Before,
    /// Parts after the last document, joined to it (`住院发票、出院小结`).
    After,
}

impl Joined {
    pub(super) fn message(self) -> &'static str {
        match self {
            Joined::Before => {
                "materials item opens with '、'-parts that name no known document; they were read as modifiers of the document after them"
            }
            Joined::After => {
                "materials item ends with '、'-parts that name no known document; they were kept with the document before them"
            }
        }
    }
}

/// Split a clean clause on `、` where the part before it is a document by itself. Parts that
/// are no document are read with the document after them, as its modifiers:
/// `执业医师、护士的执业证书` and `基本医保、大病保险报销后的结算单` are one item each, the last
/// part carrying the head noun after a `的`. Without that `的` the reading is a guess
/// ([`Joined::Before`]); parts left at the end join the last item ([`Joined::After`]).
pub(super) fn enumerated(clause: &str) -> Vec<(&str, Option<Joined>)> {
    let mut items: Vec<(usize, usize, Option<Joined>)> = Vec::new();
    let mut open: Option<usize> = None;
    let mut piece_start = 0;
    let ends = top_level_punctuation(clause)
        .filter(|&(_, token)| token == Token::Enumeration)
        .map(|(i, _)| i)
        .chain(std::iter::once(clause.len()));
    for end in ends {
        let piece = &clause[piece_start..end];
        if let (None, Some(last)) = (open, items.last_mut()) {
            if is_bare_form(piece) {
                // `原件、复印件`: the form of the document before, not an item.
                last.1 = end;
                piece_start = (end + '、'.len_utf8()).min(clause.len());
                continue;
            }
        }
        let start = *open.get_or_insert(piece_start);
        if is_document(piece) {
            let modified = start < piece_start;
            let guess = (modified && !piece.contains(CONDITION_MARK)).then_some(Joined::Before);
            items.push((start, end, guess));
            open = None;
        }
        piece_start = (end + '、'.len_utf8()).min(clause.len());
    }
    if let Some(start) = open {
        match items.last_mut() {
            Some(last) => {
                last.1 = clause.len();
                last.2 = Some(Joined::After);
            }
            None => items.push((start, clause.len(), None)),
        }
    }
    items
        .into_iter()
        .map(|(s, e, guess)| (trim_separators(&clause[s..e]), guess))
        .filter(|(text, _)| !text.is_empty())
        .collect()
}

/// Whether `text` names a document by itself: it ends with a `《…》` title or a word for a
/// document (`证书`, `登记表`, `票据`…), possibly followed by its form (`原件`, `副本`), a
/// bracketed remark and a number of copies. `执业医师`, `住院` or `基本医保` are not.
pub(super) fn is_document(text: &str) -> bool {
    let text = normalized(text);
    let mut rest = &*text;
    let mut has_form = false;
    loop {
        let trimmed = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '。');
        if let Some(before) = strip_copies_suffix(trimmed) {
            rest = before;
        } else if let Some(before) = strip_trailing_brackets(trimmed) {
            rest = before;
        } else if let Some(before) = strip_form_suffix(trimmed) {
            has_form = true;
            rest = before;
        } else {
            rest = trimmed;
            break;
        }
    }
    has_form || rest.ends_with('》') || ends_with_document_head(rest)
}

/// Whether `text` ends with one of the [`DOCUMENT_HEADS`] (each compared whole only when
/// its last character is the text's).
pub(super) fn ends_with_document_head(text: &str) -> bool {
    let Some(last) = text.chars().next_back() else {
        return false;
    };
    DOCUMENT_HEADS
        .iter()
        .any(|head| head.ends_with(last) && text.ends_with(head))
}

/// `text` without the first of the [`FORM_SUFFIXES`] it ends with.
pub(super) fn strip_form_suffix(text: &str) -> Option<&str> {
    FORM_SUFFIXES.iter().find_map(|s| text.strip_suffix(s))
}

/// Whether `text` is only a form or a number of copies (`复印件`, `副本1份`), with no
/// document of its own.
pub(super) fn is_bare_form(text: &str) -> bool {
    let text = normalized(text);
    let mut rest = text.trim_end_matches(['。', '；']);
    while !rest.is_empty() {
        if let Some(before) = strip_copies_suffix(rest) {
            rest = before.trim_end();
        } else if let Some(before) = strip_form_suffix(rest) {
            rest = before.trim_end();
        } else {
            return false;
        }
    }
    !text.is_empty()
}

/// `text` without a trailing number of copies (`1份`, `各1份`, `一式两份`).
pub(super) fn strip_copies_suffix(text: &str) -> Option<&str> {
    let before = text.strip_suffix(COPIES_UNIT)?.trim_end();
    let digits = before
        .trim_end_matches(|c| numeral::is_arabic_digit(c) || numeral::chinese_digit(c).is_some());
    if digits.len() == before.len() {
        return None;
    }
    Some(
        COPIES_LEADS
            .iter()
            .fold(digits, |text, lead| text.strip_suffix(lead).unwrap_or(text)),
    )
}

/// `text` without a bracketed remark at its end (`《证》（副本）` → `《证》`).
pub(super) fn strip_trailing_brackets(text: &str) -> Option<&str> {
    let last = text.chars().next_back()?;
    if !matches!(last, '）' | ')' | '】' | ']') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        if closes(c) {
            depth += 1;
        } else if opens(c) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(&text[..i]);
            }
        }
    }
    None
}
