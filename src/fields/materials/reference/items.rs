//! Splitting a body into items: `；`/`。` between items, and `、` between documents.

use super::*;

/// The bodies of a nested list (`①… ②…`), or none when the body is not one (it is then read
/// whole, with no vector allocated for it). A nested list is taken only when its first marker
/// opens the body or follows a colon, so that a number in prose does not start one.
pub(crate) fn nested_list(body: &str) -> Option<Vec<&str>> {
    // Most bodies neither open with a marker nor hold a colon: no need to look for a list.
    let may_open_list =
        markers::strip(body).0.is_some() || body.contains('：') || body.contains(':');
    if !may_open_list {
        return None;
    }
    let items = markers::split(body);
    opens_list(&items).then(|| items.into_iter().map(|item| item.body).collect())
}

/// Whether the items of a body make a nested list: the first has a marker, or the second has
/// one and the text before it ends with a colon.
pub(crate) fn opens_list(items: &[markers::Item<'_>]) -> bool {
    match items {
        [first, ..] if first.marker.is_some() => true,
        [head, second, ..] => {
            second.marker.is_some() && (head.body.ends_with('：') || head.body.ends_with(':'))
        }
        _ => false,
    }
}

/// Punctuation characters that are not letters (full-width and CJK).
pub(crate) fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '、'
            | '！'
            | '？'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '【'
            | '】'
            | '〔'
            | '〕'
    )
}

/// The characters of `text` outside any brackets or quotes, with their byte offsets.
/// Unbalanced brackets never make the depth negative; an unclosed one hides the rest.
pub(crate) fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    let mut in_ascii_quote = false;
    text.char_indices().filter(move |&(_, c)| {
        if c == '"' {
            in_ascii_quote = !in_ascii_quote;
            return false;
        }
        if opens(c) {
            depth += 1;
            return false;
        }
        if closes(c) {
            depth = depth.saturating_sub(1);
            return false;
        }
        depth == 0 && !in_ascii_quote
    })
}

/// Whether the text after byte `at` of `text` opens with `或` (after white space).
pub(crate) fn choice_follows(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| rest.trim_start().starts_with('或'))
}

/// Split a body on `；`, `;` and `。` outside brackets, except before `或`. Parts are trimmed
/// and empty ones dropped.
pub(crate) fn clauses(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in top_level(body) {
        let end = i + c.len_utf8();
        if matches!(c, '；' | ';' | '。') && !choice_follows(body, end) {
            parts.push(body[start..i].trim());
            start = end;
        }
    }
    parts.push(body[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Trim white space and separators from both ends of an item.
pub(crate) fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
    })
}

/// The first punctuation outside brackets that joins parts of a clause without making them
/// separate items: `，`, `,`, `：`, `:` (`，或`/`；或`, a choice, does not count).
pub(crate) fn clause_break(text: &str) -> Option<char> {
    top_level(text)
        .find(|&(i, c)| {
            matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '。')
                && !choice_follows(text, i + c.len_utf8())
        })
        .map(|(_, c)| c)
}

/// Whether the clause is no clean list of documents: outside brackets it joins parts with
/// `，`, `；` or `。` (a run-on clause, or a choice between whole lists: `A、B；或C`), or with a
/// `：` that no choice follows ([`clause_break`]).
pub(crate) fn joins_parts(text: &str) -> bool {
    top_level(text).any(|(i, c)| match c {
        '，' | ',' | '；' | ';' | '。' => true,
        '：' | ':' => !choice_follows(text, i + c.len_utf8()),
        _ => false,
    })
}

/// One item to be: its text in the cell, and its condition with the materials it asks for.
pub(crate) struct Draft<'a> {
    pub(crate) raw: &'a str,
    pub(crate) condition: Option<String>,
    /// The part naming the materials (the whole item when it has no condition), normalized.
    pub(crate) body: String,
}

impl<'a> Draft<'a> {
    pub(crate) fn plain(raw: &'a str) -> Draft<'a> {
        Draft {
            raw,
            condition: None,
            body: normalize(raw),
        }
    }
}

/// The items of one clause.
pub(crate) fn drafts(clause: &str) -> Vec<Draft<'_>> {
    let clause = trim_separators(clause);
    if clause.is_empty() {
        return Vec::new();
    }
    if let Some((condition, body)) = condition(clause) {
        return vec![Draft {
            raw: clause,
            condition: Some(condition),
            body,
        }];
    }
    if joins_parts(clause) {
        return vec![Draft::plain(clause)];
    }
    enumerated(clause).into_iter().map(Draft::plain).collect()
}

/// Split a clean clause on `、` where the part before it is a document by itself. A part that
/// is no document (`执业医师`) is read with the parts after it (`执业医师、护士的执业证书`);
/// parts left at the end join the last item.
pub(crate) fn enumerated(clause: &str) -> Vec<&str> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    let mut piece_start = 0;
    let ends = top_level(clause)
        .filter(|&(_, c)| c == '、')
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
            items.push((start, end));
            open = None;
        }
        piece_start = (end + '、'.len_utf8()).min(clause.len());
    }
    if let Some(start) = open {
        match items.last_mut() {
            Some(last) => last.1 = clause.len(),
            None => items.push((start, clause.len())),
        }
    }
    items
        .into_iter()
        .map(|(s, e)| trim_separators(&clause[s..e]))
        .filter(|text| !text.is_empty())
        .collect()
}

/// Words a document's name ends with.
pub(crate) const DOCUMENT_HEADS: &[&str] = &[
    "证", "证件", "证书", "证明", "证照", "执照", "护照", "照片", "相片", "表", "单", "册", "票据",
    "收据", "发票", "凭证", "凭据", "文件", "批文", "批复", "材料", "资料", "报告", "记录", "病历",
    "书", "卡", "函", "协议", "合同", "簿", "处方", "底方", "回执", "结果", "附件", "存根", "章程",
];

/// Words after a document's name saying in what form it is handed in.
pub(crate) const FORM_SUFFIXES: &[&str] = &[
    "原件及复印件",
    "原件和复印件",
    "原件与复印件",
    "原件或复印件",
    "原件或者复印件",
    "原件",
    "复印件",
    "影印件",
    "扫描件",
    "副本",
    "正本",
    "电子版",
];

/// Whether `text` names a document by itself: it ends with a `《…》` title or a word for a
/// document (`证书`, `登记表`, `票据`…), possibly followed by its form (`原件`, `副本`), a
/// bracketed remark and a number of copies. `执业医师`, `住院` or `基本医保` are not.
pub(crate) fn is_document(text: &str) -> bool {
    let text = normalized(text);
    let mut rest = &*text;
    let mut has_form = false;
    loop {
        let trimmed = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '。');
        if let Some(before) = strip_copies_suffix(trimmed) {
            rest = before;
        } else if let Some(before) = strip_trailing_brackets(trimmed) {
            rest = before;
        } else if let Some(before) = FORM_SUFFIXES.iter().find_map(|s| trimmed.strip_suffix(s)) {
            has_form = true;
            rest = before;
        } else {
            rest = trimmed;
            break;
        }
    }
    has_form || rest.ends_with('》') || DOCUMENT_HEADS.iter().any(|head| rest.ends_with(head))
}

/// Whether `text` is only a form or a number of copies (`复印件`, `副本1份`), with no
/// document of its own.
pub(crate) fn is_bare_form(text: &str) -> bool {
    let text = normalized(text);
    let mut rest = text.trim_end_matches(['。', '；']);
    while !rest.is_empty() {
        if let Some(before) = strip_copies_suffix(rest) {
            rest = before.trim_end();
        } else if let Some(before) = FORM_SUFFIXES.iter().find_map(|s| rest.strip_suffix(s)) {
            rest = before.trim_end();
        } else {
            return false;
        }
    }
    !text.is_empty()
}

/// `text` without a trailing number of copies (`1份`, `各1份`, `一式两份`).
pub(crate) fn strip_copies_suffix(text: &str) -> Option<&str> {
    let before = text.strip_suffix('份')?.trim_end();
    let digits = before
        .trim_end_matches(|c| numeral::is_arabic_digit(c) || numeral::chinese_digit(c).is_some());
    if digits.len() == before.len() {
        return None;
    }
    let without = digits.strip_suffix("一式").unwrap_or(digits);
    Some(without.strip_suffix('各').unwrap_or(without))
}

/// `text` without a bracketed remark at its end (`《证》（副本）` → `《证》`).
pub(crate) fn strip_trailing_brackets(text: &str) -> Option<&str> {
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
