//! Parser for the notes cell (备注).
//!
//! - `items`: the note split into its numbered points ([`markers`](crate::text::markers)),
//!   normalized, markers removed; a note without numbers is one item.
//! - `channel_deadlines`: a sentence `<condition>的，办理时限<clause>` sets a deadline for one
//!   way of applying (`通过政务服务网申请办理的，办理时限1个工作日`). The condition runs from
//!   the start of its sentence; the clause is read by the deadline parser and must stand alone
//!   (`近3个月的病历` is no deadline). A time limit named (`办理时限…`) but not readable gets a
//!   `deadline_unparsed` diagnostic.
//! - `definitions`: `<term>包括A、B、C等（下同）` → the term and `[A, B, C]`, without `等` and
//!   `（下同）`; a single item `A或B` lists both.
//!
//! In notes, white space between two Chinese characters ends a sentence: the PDF cell broke
//! its lines there (`…进行监管 异地就医的…患者通过政务服务网申请办理的，办理时限1个工作日`).

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::deadline::standalone_clause;
use crate::model::{ChannelDeadline, Definition, Notes};
use crate::text::brackets::{self, split_top_level};
use crate::text::chars::is_ideograph;
use crate::text::markers::points;
use crate::text::normalize::{
    char_at, is_invisible, is_space, normalize, starts_an_ideograph, trim,
};

/// Structure a notes cell.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Notes {
    let mut notes = Notes {
        raw: cell.text().to_owned(),
        ..Notes::default()
    };
    let points = points(cell.text());
    // One item a point, but for blank ones (rare): the list is allocated once at its size.
    notes.items = Vec::with_capacity(points.size_hint().0);
    for point in points {
        let needs_normalizing = for_each_sentence(point.body, |sentence| {
            if sentence.has_comma {
                channel_deadlines_in(sentence.text, &mut notes.channel_deadlines, |part| {
                    report_unread(cell, part, diagnostics);
                });
            }
            if sentence.has_include {
                definitions_in(sentence.text, &mut notes.definitions);
            }
        });
        let item = if needs_normalizing {
            normalize(point.body)
        } else {
            // Normal as it is: no white space (so trimmed too) and no invisible character.
            point.body.to_owned()
        };
        if !item.is_empty() {
            notes.items.push(item);
        }
    }
    notes
}

/// Report a piece that names a time limit no clause could be read from.
fn report_unread(cell: &Cell<'_>, part: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Code::DeadlineUnparsed,
        cell.position_of(part),
        format!(
            "note part `{}` names a time limit that could not be read",
            normalize(part)
        ),
    );
}

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

/// The sentences of a note: parts ended by `。；！？` or by white space between two Chinese
/// characters, trimmed, as slices of the text.
#[cfg(test)]
fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for_each_sentence(text, |sentence| found.push(sentence.text));
    found
}

/// A sentence of a note, with what the walk that found it saw in it, so that the readers of
/// channel deadlines and definitions need not walk a sentence that cannot hold one.
#[derive(Debug, Clone, Copy)]
struct Sentence<'a> {
    text: &'a str,
    /// Whether it holds a `，` or `,`: a channel deadline is a piece after one.
    has_comma: bool,
    /// Whether it holds a `包`, which every word of [`INCLUDES`] starts with.
    has_include: bool,
}

/// Call `found` with each sentence of a note in turn, without collecting them: the parts
/// ended by `。；！？` or by white space between two Chinese characters, trimmed, not empty;
/// return whether the text holds white space or an invisible character, that is whether
/// [`normalize`] would change it.
///
/// Ideographs, most of a note, are neither punctuation nor white space. One is told by its
/// first bytes ([`starts_an_ideograph`], always three bytes long), and a run of them is passed
/// by without decoding: only that a line may end after them matters. Whether a sentence holds
/// `包` is asked once of the whole sentence (a byte search), not at every ideograph.
fn for_each_sentence<'a>(text: &'a str, mut found: impl FnMut(Sentence<'a>)) -> bool {
    let mut sentence = Sentence {
        text,
        has_comma: false,
        has_include: false,
    };
    let mut emit = |sentence: &mut Sentence<'a>, part: &'a str| {
        let part = trim(part);
        if !part.is_empty() {
            found(Sentence {
                text: part,
                // One search over a sentence costs less than a test at every ideograph.
                has_include: part.contains('包'),
                ..*sentence
            });
        }
        sentence.has_comma = false;
        sentence.has_include = false;
    };
    let bytes = text.as_bytes();
    let mut needs_normalizing = false;
    let mut start = 0;
    // Whether the last character but white space may end a line ([`ends_a_line`]).
    let mut line_may_end = false;
    let mut space_at: Option<usize> = None;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if starts_an_ideograph(lead, bytes.get(i + 1)) {
            if let Some(at) = space_at.take() {
                if line_may_end {
                    emit(&mut sentence, &text[start..at]);
                    start = i;
                }
            }
            line_may_end = true;
            // The rest of a run of ideographs changes nothing.
            loop {
                i += 3;
                match bytes.get(i) {
                    Some(&lead) if starts_an_ideograph(lead, bytes.get(i + 1)) => {}
                    _ => break,
                }
            }
            continue;
        }
        let Some(c) = char_at(text, i, lead) else {
            break;
        };
        let len = c.len_utf8();
        // `c` is no ideograph (U+4E00–U+9FFF): those were all passed by above.
        if is_space(c) {
            needs_normalizing = true;
            space_at.get_or_insert(i);
            i += len;
            continue;
        }
        needs_normalizing |= is_invisible(c);
        if let Some(at) = space_at.take() {
            if line_may_end && is_han(c) {
                emit(&mut sentence, &text[start..at]);
                start = i;
            }
        }
        if matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?') {
            emit(&mut sentence, &text[start..i]);
            start = i + len;
        }
        sentence.has_comma |= is_piece_break(c);
        line_may_end = ends_a_line(c);
        i += len;
    }
    emit(&mut sentence, &text[start..]);
    needs_normalizing
}

/// A Han character (not punctuation).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// A character after which a line of a note may end a sentence.
fn ends_a_line(c: char) -> bool {
    is_han(c) || matches!(c, '）' | '”' | '》' | '」')
}

/// Whether `c` separates the pieces of a sentence.
fn is_piece_break(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// The pieces of a sentence between `，` and `,`, as `sentence.split(is_piece_break)` gives
/// them. The commas are found by their bytes (`,`, or `EF BC 8C` after a byte search for the
/// lead byte `EF`), so the ideographs between them are never decoded.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    const FULL_WIDTH_COMMA: [u8; 3] = [0xEF, 0xBC, 0x8C]; // ，
    let bytes = sentence.as_bytes();
    let mut start = Some(0);
    let mut search = 0;
    std::iter::from_fn(move || {
        let from = start?;
        loop {
            let Some(found) = memchr::memchr2(b',', 0xEF, &bytes[search..]) else {
                start = None;
                return sentence.get(from..);
            };
            let at = search + found;
            let len = if bytes[at] == b',' {
                1
            } else if bytes.get(at..at + 3) == Some(&FULL_WIDTH_COMMA[..]) {
                3
            } else {
                search = at + 1;
                continue;
            };
            search = at + len;
            start = Some(at + len);
            return sentence.get(from..at);
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Channel deadlines
// ---------------------------------------------------------------------------------------------

/// Names of the time limit that open a piece stating one (`办理时限1个工作日`).
const LIMIT_NAMES: &[&str] = &["办理时限", "办结时限", "办理期限", "办结期限"];

/// Push the channel deadlines of one sentence to `found`, and call `unread` with each piece
/// that names a time limit without a readable one.
///
/// Only a piece after a `，` may hold one, and only when it names a limit or the piece before
/// it ends in `的`: the deadline parser reads no other piece.
fn channel_deadlines_in<'a>(
    sentence: &'a str,
    found: &mut Vec<ChannelDeadline>,
    mut unread: impl FnMut(&'a str),
) {
    let mut pieces = pieces(sentence);
    let Some(mut previous) = pieces.next() else {
        return;
    };
    // A condition runs from the sentence start, or from after the deadline before it.
    let mut condition_start = 0;
    for piece in pieces {
        let before = std::mem::replace(&mut previous, piece);
        let piece = trim(piece);
        let names_a_limit = LIMIT_NAMES.iter().any(|name| piece.starts_with(name));
        let previous = before.trim_end();
        let conditional = previous.ends_with('的');
        if !(names_a_limit || conditional) {
            continue;
        }
        let Some(clause) = standalone_clause(piece) else {
            if names_a_limit {
                unread(piece);
            }
            continue;
        };
        if !conditional {
            continue;
        }
        let end = offset_in(sentence, previous) + previous.len();
        push_first_exactly(
            found,
            ChannelDeadline {
                condition: normalize(
                    sentence[condition_start.min(end)..end].trim_start_matches(['，', ',']),
                ),
                clause,
            },
        );
        condition_start = offset_in(sentence, piece) + piece.len();
    }
}

/// Push `value` to `list`, allocating room for exactly one when `list` has none: most notes
/// state one channel deadline or definition at most, and a list of one needs no shrinking
/// later (`document::fit_lists`). Further pushes grow the list as usual.
fn push_first_exactly<T>(list: &mut Vec<T>, value: T) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
    list.push(value);
}

/// The byte offset of `part`, a slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

// ---------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------

/// Words that introduce what a term includes, longest first.
const INCLUDES: &[&str] = &["包括", "包含"];

/// Words between a term and `包括` (`可包括`, `主要包括`).
const INCLUDE_ADVERBS: &[&str] = &["主要", "一般", "具体", "可", "应", "须", "需"];

/// Push the definitions of one sentence to `found`. A term runs back to the `包括` before it
/// at most, and a list forward to the next one, so every part of the sentence is read once.
fn definitions_in(sentence: &str, found: &mut Vec<Definition>) {
    let Some(first) = include_word_from(sentence, 0) else {
        return;
    };
    let mut term_from = 0;
    let mut hit = Some(first);
    while let Some((at, end)) = hit {
        let next = include_word_from(sentence, end);
        let list_to = next.map_or(sentence.len(), |(next_at, _)| next_at);
        let term = term_before(&sentence[term_from..at]);
        let includes = list_after(&sentence[end..list_to]);
        if let (Some(term), false) = (term, includes.is_empty()) {
            push_first_exactly(found, Definition { term, includes });
        }
        term_from = end;
        hit = next;
    }
}

/// The byte range of the first of [`INCLUDES`] in `sentence` at or after byte `from` (a char
/// boundary). Every one of them starts with `包`, which `str::find` looks for with a byte
/// search; only there are the words compared.
fn include_word_from(sentence: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    loop {
        let at = search + sentence.get(search..)?.find('包')?;
        if let Some(word) = INCLUDES
            .iter()
            .find(|word| sentence[at..].starts_with(*word))
        {
            return Some((at, at + word.len()));
        }
        search = at + '包'.len_utf8();
    }
}

/// The term before `包括`: from the last `，` or `：` on, without adverbs such as `可`;
/// `None` when empty or negated (`不包括`).
fn term_before(text: &str) -> Option<String> {
    let mut term = text.trim_end();
    while let Some(rest) = INCLUDE_ADVERBS.iter().find_map(|a| term.strip_suffix(a)) {
        term = rest;
    }
    if term.ends_with('不') {
        return None;
    }
    let start = term.rfind(['，', ',', '：', ':']).map_or(0, |i| {
        i + term[i..].chars().next().map_or(1, char::len_utf8)
    });
    let term = normalize(&term[start..]);
    (!term.is_empty()).then_some(term)
}

/// The list after `包括`, up to the next `，`: split on `、` (or on `或` when there is no
/// `、`), without a closing `等` or `（下同）`.
fn list_after(text: &str) -> Vec<String> {
    let text = text.trim_start_matches(['：', ':', ' ']);
    let text = text.strip_prefix("但不限于").unwrap_or(text);
    let text = text.trim_start_matches(['：', ':', ' ']);
    if text.starts_with("以下") {
        return Vec::new();
    }
    let end = first_part_end(text);
    let list = strip_list_end(&text[..end]);
    let mut items = split_top_level(list, |c| c == '、');
    if items.len() == 1 {
        items = split_top_level(list, |c| c == '或');
    }
    items
        .into_iter()
        .map(normalize)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Where the first non-blank part of `text` between top-level commas ends, trimmed: the end of
/// the first part [`split_top_level`] would give, found without splitting the rest; 0 when
/// there is none.
fn first_part_end(text: &str) -> usize {
    let mut depth: usize = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_ideograph(c) {
            continue;
        }
        if brackets::opens(c) {
            depth += 1;
        } else if brackets::closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_piece_break(c) {
            if let Some(end) = end_unless_blank(text, start, i) {
                return end;
            }
            start = i + c.len_utf8();
        }
    }
    end_unless_blank(text, start, text.len()).unwrap_or(0)
}

/// Where the part `text[start..end]` ends once trimmed, unless it is blank.
fn end_unless_blank(text: &str, start: usize, end: usize) -> Option<usize> {
    let part = text[start..end].trim_end();
    (!part.is_empty()).then(|| start + part.len())
}

/// The list without what may close it: `（下同）`, `等`, `等等`, final punctuation.
fn strip_list_end(mut list: &str) -> &str {
    loop {
        let trimmed =
            list.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '；' | ';'));
        let stripped = ["（下同）", "(下同)", "等等", "等"]
            .iter()
            .find_map(|end| trimmed.strip_suffix(end));
        match stripped {
            Some(rest) => list = rest,
            None => return trimmed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClauseKind, TimeUnit};

    fn parse_text(text: &str) -> (Notes, Vec<crate::Diagnostic>) {
        let cell = Cell::new(text, 1, "");
        let mut diagnostics = Diagnostics::default();
        let notes = parse(&cell, &mut diagnostics);
        (notes, diagnostics.into_sorted())
    }

    #[test]
    fn items_follow_the_numbered_points() {
        for (text, items) in [
            ("1. 甲。 2. 乙", vec!["甲。", "乙"]),
            ("1、甲 2、乙", vec!["甲", "乙"]),
            ("（1）甲（2）乙", vec!["甲", "乙"]),
            ("①甲②乙", vec!["甲", "乙"]),
            (
                "合并支付的一次性提供材料，出院时在医疗机构直接结算。",
                vec!["合并支付的一次性提供材料，出院时在医疗机构直接结算。"],
            ),
            (
                "1. 特殊人群还需提供：①甲②乙 2. 丙",
                vec!["特殊人群还需提供：①甲②乙", "丙"],
            ),
            ("", vec![]),
        ] {
            assert_eq!(parse_text(text).0.items, items, "{text}");
        }
    }

    #[test]
    fn channel_deadlines() {
        for (text, condition) in [
            (
                "通过政务服务网申请办理的，办理时限1个工作日。",
                "通过政务服务网申请办理的",
            ),
            (
                "通过政务服务网申请办理的, 办理时限1个工作日。",
                "通过政务服务网申请办理的",
            ),
            (
                "合并支付的一次性提供材料。 通过政务服务网申请办理的，办理时限1个工作日。",
                "通过政务服务网申请办理的",
            ),
            (
                "经办机构进行监管 异地就医的白血病患者通过政务服务网申请办理的，办理时限1个工作日。",
                "异地就医的白血病患者通过政务服务网申请办理的",
            ),
            ("通过手机APP申请的，办理时限为一个工作日", "通过手机APP申请的"),
            ("参保人员，通过网上申请的，5个工作日内办结", "参保人员，通过网上申请的"),
        ] {
            let (notes, diagnostics) = parse_text(text);
            assert_eq!(diagnostics, [], "{text}");
            assert_eq!(notes.channel_deadlines.len(), 1, "{text}");
            let found = &notes.channel_deadlines[0];
            assert_eq!(found.condition, condition, "{text}");
            assert_eq!(found.clause.kind, ClauseKind::Limit);
            assert_eq!(found.clause.unit, Some(TimeUnit::WorkingDay));
            assert_eq!(found.clause.condition, None);
        }
        let (notes, _) = parse_text("网上申请的，即时办结");
        assert_eq!(
            notes.channel_deadlines[0].clause.kind,
            ClauseKind::Immediate
        );
    }

    #[test]
    fn look_alikes_are_no_channel_deadlines() {
        for text in [
            "需提供近3个月的病历，3个月内的发票",
            "提供住院病历的，复印件一份",
            "办理时限1个工作日",
            "参保职工，办理时限1个工作日",
            "意外伤害就医的应提供交警事故认定书",
        ] {
            let (notes, diagnostics) = parse_text(text);
            assert_eq!(notes.channel_deadlines, [], "{text}");
            assert_eq!(diagnostics, [], "{text}");
        }
    }

    #[test]
    fn an_unreadable_named_limit_is_reported() {
        let (notes, diagnostics) = parse_text("通过网上申请的，办理时限3-5个工作日");
        assert_eq!(notes.channel_deadlines, []);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::DeadlineUnparsed);
        assert_eq!(
            diagnostics[0].message,
            "note part `办理时限3-5个工作日` names a time limit that could not be read"
        );
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 9));
    }

    #[test]
    fn definitions() {
        for (text, term, includes) in [
            (
                "有效身份证件包括身份证、居住证、户口簿、护照等（下同）",
                "有效身份证件",
                vec!["身份证", "居住证", "户口簿", "护照"],
            ),
            (
                "有效身份证件包括身份证、居住证等（下同）。",
                "有效身份证件",
                vec!["身份证", "居住证"],
            ),
            (
                "有效身份证件包括身份证、护照",
                "有效身份证件",
                vec!["身份证", "护照"],
            ),
            ("证件包含身份证、护照等等", "证件", vec!["身份证", "护照"]),
            (
                "单位有效证明文件可包括：统一社会信用代码证书或介绍信",
                "单位有效证明文件",
                vec!["统一社会信用代码证书", "介绍信"],
            ),
            (
                "材料主要包括但不限于病历、发票，原件备查",
                "材料",
                vec!["病历", "发票"],
            ),
            (
                "需提供：证件包括身份证、居住证（含电子证照、临时证）",
                "证件",
                vec!["身份证", "居住证（含电子证照、临时证）"],
            ),
        ] {
            let (notes, _) = parse_text(text);
            assert_eq!(notes.definitions.len(), 1, "{text}");
            assert_eq!(notes.definitions[0].term, term, "{text}");
            assert_eq!(notes.definitions[0].includes, includes, "{text}");
        }
    }

    #[test]
    fn look_alikes_are_no_definitions() {
        for text in [
            "参保登记含新参保、暂停参保等相关内容",
            "费用不包括自付部分",
            "包括身份证、护照",
            "材料包括以下几项：①甲②乙",
            "有效身份证件包括",
        ] {
            assert_eq!(parse_text(text).0.definitions, [], "{text}");
        }
    }

    #[test]
    fn each_condition_starts_after_the_deadline_before_it() {
        let (notes, _) = parse_text("网上申请的，办理时限1个工作日，邮寄申请的，办理时限5个工作日");
        let conditions: Vec<_> = notes
            .channel_deadlines
            .iter()
            .map(|found| (found.condition.as_str(), found.clause.amount))
            .collect();
        assert_eq!(
            conditions,
            [("网上申请的", Some(1)), ("邮寄申请的", Some(5))]
        );
    }

    #[test]
    fn long_notes_are_read_in_linear_time() {
        let text =
            "证件包括身份证、".repeat(20_000) + &"网上申请的，办理时限1个工作日，".repeat(20_000);
        let started = std::time::Instant::now();
        let (notes, _) = parse_text(&text);
        assert_eq!(notes.channel_deadlines.len(), 20_000);
        assert_eq!(notes.definitions.len(), 20_000);
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn sentences_break_at_punctuation_and_line_breaks() {
        assert_eq!(
            sentences("甲。乙；丙 丁, 戊 F 己"),
            ["甲", "乙", "丙", "丁, 戊 F 己"]
        );
        assert_eq!(sentences("（甲） 乙"), ["（甲）", "乙"]);
    }
    /// The definitions [`parse`] must agree with: the parser as it was before it was made
    /// faster, collecting every sentence, piece and hit first.
    mod reference {
        use super::super::*;
        use crate::text::markers;

        pub(super) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Notes {
            let points = markers::split(cell.text());
            let mut notes = Notes {
                raw: cell.text().to_owned(),
                ..Notes::default()
            };
            for point in points {
                let item = normalize(point.body);
                if !item.is_empty() {
                    notes.items.push(item);
                }
                for sentence in sentences(point.body) {
                    let (found, unread) = channel_deadlines_in(sentence);
                    notes.channel_deadlines.extend(found);
                    for part in unread {
                        diagnostics.push(
                            Code::DeadlineUnparsed,
                            cell.position_of(part),
                            format!(
                                "note part `{}` names a time limit that could not be read",
                                normalize(part)
                            ),
                        );
                    }
                    notes.definitions.extend(definitions_in(sentence));
                }
            }
            notes
        }

        pub(super) fn sentences(text: &str) -> Vec<&str> {
            let mut found = Vec::new();
            let mut start = 0;
            let mut last_visible: Option<char> = None;
            let mut space_at: Option<usize> = None;
            for (i, c) in text.char_indices() {
                if is_space(c) {
                    space_at.get_or_insert(i);
                    continue;
                }
                if let Some(at) = space_at.take() {
                    if last_visible.is_some_and(ends_a_line) && is_han(c) {
                        found.push(&text[start..at]);
                        start = i;
                    }
                }
                if matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?') {
                    found.push(&text[start..i]);
                    start = i + c.len_utf8();
                }
                last_visible = Some(c);
            }
            found.push(&text[start..]);
            found
                .into_iter()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        }

        fn channel_deadlines_in(sentence: &str) -> (Vec<ChannelDeadline>, Vec<&str>) {
            let mut found = Vec::new();
            let mut unread = Vec::new();
            let pieces: Vec<&str> = sentence.split(['，', ',']).collect();
            let mut condition_start = 0;
            for (k, piece) in pieces.iter().enumerate().skip(1) {
                let piece = piece.trim();
                let names_a_limit = LIMIT_NAMES.iter().any(|name| piece.starts_with(name));
                let Some(clause) = standalone_clause(piece) else {
                    if names_a_limit {
                        unread.push(piece);
                    }
                    continue;
                };
                let previous = pieces[k - 1].trim_end();
                if !previous.ends_with('的') {
                    continue;
                }
                let end = offset_in(sentence, previous) + previous.len();
                found.push(ChannelDeadline {
                    condition: normalize(
                        sentence[condition_start.min(end)..end].trim_start_matches(['，', ',']),
                    ),
                    clause,
                });
                condition_start = offset_in(sentence, piece) + piece.len();
            }
            (found, unread)
        }

        fn definitions_in(sentence: &str) -> Vec<Definition> {
            let hits: Vec<(usize, usize)> = sentence
                .char_indices()
                .filter_map(|(at, _)| {
                    INCLUDES
                        .iter()
                        .find(|keyword| sentence[at..].starts_with(*keyword))
                        .map(|keyword| (at, at + keyword.len()))
                })
                .collect();
            let mut found = Vec::new();
            for (k, &(at, end)) in hits.iter().enumerate() {
                let term_from = k.checked_sub(1).map_or(0, |previous| hits[previous].1);
                let list_to = hits.get(k + 1).map_or(sentence.len(), |next| next.0);
                let term = term_before(&sentence[term_from..at]);
                let includes = list_after(&sentence[end..list_to]);
                if let (Some(term), false) = (term, includes.is_empty()) {
                    found.push(Definition { term, includes });
                }
            }
            found
        }
    }

    #[test]
    fn pieces_are_split_at_both_commas() {
        let pieces_of_texts = ["甲", "，", ",", "：", "（", "a", "é", "\u{FF0C}\u{FF0C}"];
        for text in crate::test_support::every_text(&pieces_of_texts, 5) {
            assert_eq!(
                pieces(&text).collect::<Vec<_>>(),
                text.split(is_piece_break).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_first_part_ends_where_splitting_says() {
        let pieces = ["甲", "，", ",", " ", "（", "）", "、", "“", "”"];
        for text in crate::test_support::every_text(&pieces, 5) {
            let split = split_top_level(&text, is_piece_break);
            let expected = split.first().map_or(0, |first| {
                first.as_ptr() as usize - text.as_ptr() as usize + first.len()
            });
            assert_eq!(first_part_end(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn parse_agrees_with_the_reference() {
        let pieces = [
            "申请的",
            "，",
            ",",
            "办理时限",
            "1个工作日",
            "3-5天",
            "即时办结",
            "。",
            " ",
            "证件包括",
            "包含",
            "包",
            "甲、乙",
            "或",
            "等（下同）",
            "1. ",
            "2、",
            "①",
            "（",
            "）",
            "）\u{3000}",
            "一",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            let cell = Cell::new(&text, 1, "");
            let (mut fast, mut slow) = (Diagnostics::default(), Diagnostics::default());
            assert_eq!(
                parse(&cell, &mut fast),
                reference::parse(&cell, &mut slow),
                "{text:?}"
            );
            assert_eq!(fast.into_sorted(), slow.into_sorted(), "{text:?}");
        }
    }

    #[test]
    fn sentences_agree_with_the_reference() {
        let pieces = [
            "甲", "）", "a", " ", "\u{3000}", "。", "；", "!", "１", "\u{3400}", "一", "\u{4FFF}",
        ];
        for text in crate::test_support::every_text(&pieces, 5) {
            assert_eq!(sentences(&text), reference::sentences(&text), "{text:?}");
        }
    }
}
