//! Parser for the materials cell (办理材料): what the applicant brings.
//!
//! A cell is read from the outside in:
//!
//! 1. **None required.** A cell that only says nothing is needed (`无`, `无需提交材料`,
//!    `免于提交`) sets `none_required` and has no groups.
//! 2. **Points.** The cell is split on its list markers (`1.`, `1、`, `（1）`, `①`…, see
//!    [`crate::markers`]).
//! 3. **Applicants.** A point (or a clause) that opens with a short phrase naming a kind of
//!    person or organisation and a colon (`在职职工：`, `社会团体、民办非企业单位：`) starts a
//!    group for that applicant. A later point without one goes to a general group again.
//!    A lead-in (`需提供以下材料：`) is not an item and is skipped.
//! 4. **Nested lists.** A body that is itself a list (`在职职工：①… ②…`) is split again.
//! 5. **Clauses.** A body is split on `；`, `;` and `。` between items — except where the
//!    next clause opens with `或`, which offers a choice instead (`…材料；或个人承诺书`).
//! 6. **Items.** A clause with a leading condition (`属于意外伤害情形的，须提供…`) is one item.
//!    A clean clause (no `，` or `：` left in it) is split on `、` where the part before the
//!    `、` is a document by itself ([`is_document`]): `有效证照副本原件、《登记表》` gives two
//!    items, while `执业医师、护士的执业证书` stays whole, because `执业医师` is no document.
//!    A clause that still joins parts with `，` or `：` is kept as one item and gets a
//!    `materials_unparsed` diagnostic: its text is all there, its parts are not told apart.
//! 7. **Attributes** of each item: alternatives (`A或B或C` outside brackets), forms (every
//!    `《…》`), copies (`1份`, `各1份`, `一式两份`), format (原件/复印件), seal, condition.

use nom::{
    branch::alt,
    bytes::complete::tag,
    character::complete::multispace0,
    combinator::{eof, opt, value},
    IResult, Parser,
};

use crate::brackets::{closes, opens, title_spans};
use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::markers;
use crate::model::{Material, MaterialFormat, MaterialGroup, Materials};
use crate::normalize::normalize;
use crate::numeral;

/// Structure a materials cell.
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
    let mut groups = Groups::default();
    let mut findings = Vec::new();
    for point in markers::split(raw) {
        groups.next_point();
        let body = match applicant(point.body) {
            Some((who, rest)) => {
                groups.start(who);
                rest
            }
            None => point.body,
        };
        for sub in nested_bodies(body) {
            for clause in clauses(sub) {
                let clause = match applicant(clause) {
                    Some((who, rest)) => {
                        groups.start(who);
                        rest
                    }
                    None => clause,
                };
                let mut items: Vec<Material> = drafts(strip_lead_in(clause))
                    .into_iter()
                    .map(|draft| material(&draft, &mut findings))
                    .collect();
                share_distributed_tail(&mut items);
                for item in items {
                    groups.push(item);
                }
            }
        }
    }
    materials.groups = groups.groups;
    report(cell, findings, diagnostics);
    materials
}

/// Something an item could not structure: the item's text in the cell, and what.
struct Finding<'a> {
    item: &'a str,
    message: String,
}

/// Report the findings of a cell as `materials_unparsed`, each at its item's position
/// (counted in one walk over the cell, however many there are).
fn report(cell: &Cell<'_>, findings: Vec<Finding<'_>>, diagnostics: &mut Diagnostics) {
    let items: Vec<&str> = findings.iter().map(|f| f.item).collect();
    for (finding, at) in findings.into_iter().zip(cell.positions_of(&items)) {
        diagnostics.push(Code::MaterialsUnparsed, at, finding.message);
    }
}

// ---------------------------------------------------------------------------------------------
// None required

/// Whether the whole cell says that nothing has to be handed in: `无`, `无需提交材料`,
/// `免于提交`, `无需提供任何材料`, `不需要材料`. `无犯罪记录证明` or `免费` are not.
fn is_none_required(text: &str) -> bool {
    let text = normalize(text);
    let text = text.trim_end_matches(['。', '.', '！', '!']);
    text == "无" || none_wording(text).is_ok()
}

/// nom: a negation, then what is not needed (a verb, an object or both), then the end.
fn none_wording(input: &str) -> IResult<&str, ()> {
    let negation = alt((
        tag("无需"),
        tag("无须"),
        tag("不需要"),
        tag("不需"),
        tag("不用"),
        tag("不必"),
        tag("免于"),
        tag("免予"),
        tag("免"),
        tag("无"),
    ));
    let verb = alt((
        tag("提交"),
        tag("提供"),
        tag("报送"),
        tag("递交"),
        tag("携带"),
        tag("交"),
    ));
    let what = alt((value((), (verb, opt(object))), object));
    value((), (negation, what, eof)).parse(input)
}

/// nom: what a none wording says is not needed (`材料`, `任何申请材料`).
fn object(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(tag("任何")),
            opt(alt((tag("申请"), tag("纸质"), tag("相关"), tag("其他")))),
            alt((tag("材料"), tag("资料"))),
        ),
    )
    .parse(input)
}

// ---------------------------------------------------------------------------------------------
// Groups by applicant

/// The groups built so far, and whether the next item starts a general group.
#[derive(Default)]
struct Groups {
    groups: Vec<MaterialGroup>,
    /// Set at each new point: an item of a point without applicant does not belong to the
    /// applicant group of the point before.
    general_next: bool,
}

impl Groups {
    fn next_point(&mut self) {
        self.general_next = true;
    }

    fn start(&mut self, applicant: &str) {
        self.groups.push(MaterialGroup {
            applicant: Some(normalize(applicant)),
            items: Vec::new(),
        });
        self.general_next = false;
    }

    fn push(&mut self, item: Material) {
        let needs_group = match self.groups.last() {
            None => true,
            Some(last) => self.general_next && last.applicant.is_some(),
        };
        if needs_group {
            self.groups.push(MaterialGroup::default());
        }
        self.general_next = false;
        if let Some(last) = self.groups.last_mut() {
            last.items.push(item);
        }
    }
}

/// Words a phrase naming a kind of applicant ends with: persons and organisations.
const APPLICANT_HEADS: &[&str] = &[
    "人员",
    "职工",
    "员工",
    "农民工",
    "企业",
    "单位",
    "机构",
    "机关",
    "团体",
    "组织",
    "对象",
    "居民",
    "学生",
    "儿童",
    "婴儿",
    "新生儿",
    "患者",
    "家属",
    "亲属",
    "家庭",
    "工商户",
    "商户",
    "农户",
    "医院",
    "药店",
    "公司",
    "部门",
    "配偶",
    "子女",
    "父母",
    "人",
    "者",
    "员",
];

/// The longest phrase (in characters) taken as an applicant.
const APPLICANT_MAX_CHARS: usize = 24;

/// A leading `X：` where `X` names who applies, and the text after the colon.
///
/// `X` is short, has no punctuation but `、`, no digits, and each of its `、`-parts ends with
/// a word for a person or an organisation ([`APPLICANT_HEADS`]): `灵活就业人员：`,
/// `社会团体、民办非企业单位：`. `医院收费票据：` names a document and `需提供：` a verb, so
/// neither is an applicant.
fn applicant(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let (colon, c) = text.char_indices().find(|&(_, c)| c == '：' || c == ':')?;
    let phrase = text[..colon].trim();
    names_applicant(phrase).then(|| (phrase, text[colon + c.len_utf8()..].trim()))
}

fn names_applicant(phrase: &str) -> bool {
    let phrase = normalize(phrase);
    let count = phrase.chars().count();
    if count == 0 || count > APPLICANT_MAX_CHARS {
        return false;
    }
    let plain = phrase
        .chars()
        .all(|c| c == '、' || !(c.is_ascii_punctuation() || is_punctuation(c) || c.is_numeric()));
    plain
        && phrase
            .split('、')
            .all(|part| !part.is_empty() && APPLICANT_HEADS.iter().any(|head| part.ends_with(head)))
}

/// The longest lead-in (in characters) skipped as a heading.
const LEAD_IN_MAX_CHARS: usize = 12;

/// `text` without a leading lead-in (`需提供以下材料：`, `请携带：`): a short phrase ending
/// with a colon that asks for materials (`提供`, `以下`…) and quotes no title
/// (`《申请材料清单》：` and `申请材料清单：` stay: they are items).
fn strip_lead_in(text: &str) -> &str {
    let text = text.trim_start();
    let Some((colon, c)) = text.char_indices().find(|&(_, c)| c == '：' || c == ':') else {
        return text;
    };
    let phrase = normalize(&text[..colon]);
    let is_lead_in = phrase.chars().count() <= LEAD_IN_MAX_CHARS
        && !phrase.contains('《')
        && ["提供", "提交", "携带", "如下", "以下"]
            .iter()
            .any(|w| phrase.contains(w));
    if is_lead_in {
        text[colon + c.len_utf8()..].trim_start()
    } else {
        text
    }
}

// ---------------------------------------------------------------------------------------------
// Splitting a body into items

/// The bodies of a nested list (`①… ②…`), or the body itself when it is not one. A nested
/// list is taken only when its first marker opens the body or follows a colon, so that a
/// number in prose does not start one.
fn nested_bodies(body: &str) -> Vec<&str> {
    let items = markers::split(body);
    let opens_list = match items.as_slice() {
        [first, ..] if first.marker.is_some() => true,
        [head, second, ..] => {
            second.marker.is_some() && (head.body.ends_with('：') || head.body.ends_with(':'))
        }
        _ => false,
    };
    if opens_list {
        items.into_iter().map(|item| item.body).collect()
    } else {
        vec![body]
    }
}

/// Punctuation characters that are not letters (full-width and CJK).
fn is_punctuation(c: char) -> bool {
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
fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
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
fn choice_follows(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| rest.trim_start().starts_with('或'))
}

/// Split a body on `；`, `;` and `。` outside brackets, except before `或`. Parts are trimmed
/// and empty ones dropped.
fn clauses(body: &str) -> Vec<&str> {
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
fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',' | '、' | '.')
    })
}

/// The first punctuation outside brackets that joins parts of a clause without making them
/// separate items: `，`, `,`, `：`, `:` (`，或`/`；或`, a choice, does not count).
fn clause_break(text: &str) -> Option<char> {
    top_level(text)
        .find(|&(i, c)| {
            matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '。')
                && !choice_follows(text, i + c.len_utf8())
        })
        .map(|(_, c)| c)
}

/// Whether the clause offers a choice between whole lists (`A、B；或C`, `A、B，或C`).
fn offers_choice_between_lists(text: &str) -> bool {
    top_level(text).any(|(i, c)| {
        matches!(c, '，' | ',' | '；' | ';' | '。') && choice_follows(text, i + c.len_utf8())
    })
}

/// One item to be: its text in the cell, and its condition with the materials it asks for.
struct Draft<'a> {
    raw: &'a str,
    condition: Option<String>,
    /// The part naming the materials (the whole item when it has no condition), normalized.
    body: String,
}

impl<'a> Draft<'a> {
    fn plain(raw: &'a str) -> Draft<'a> {
        Draft {
            raw,
            condition: None,
            body: normalize(raw),
        }
    }
}

/// The items of one clause.
fn drafts(clause: &str) -> Vec<Draft<'_>> {
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
    if offers_choice_between_lists(clause) || clause_break(clause).is_some() {
        return vec![Draft::plain(clause)];
    }
    enumerated(clause).into_iter().map(Draft::plain).collect()
}

/// Split a clean clause on `、` where the part before it is a document by itself. A part that
/// is no document (`执业医师`) is read with the parts after it (`执业医师、护士的执业证书`);
/// parts left at the end join the last item.
fn enumerated(clause: &str) -> Vec<&str> {
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
const DOCUMENT_HEADS: &[&str] = &[
    "证", "证件", "证书", "证明", "证照", "执照", "护照", "照片", "相片", "表", "单", "册", "票据",
    "收据", "发票", "凭证", "凭据", "文件", "批文", "批复", "材料", "资料", "报告", "记录", "病历",
    "书", "卡", "函", "协议", "合同", "簿", "处方", "底方", "回执", "结果", "附件", "存根", "章程",
];

/// Words after a document's name saying in what form it is handed in.
const FORM_SUFFIXES: &[&str] = &[
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
fn is_document(text: &str) -> bool {
    let text = normalize(text);
    let mut rest = text.as_str();
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
fn is_bare_form(text: &str) -> bool {
    let text = normalize(text);
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
fn strip_copies_suffix(text: &str) -> Option<&str> {
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
fn strip_trailing_brackets(text: &str) -> Option<&str> {
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

// ---------------------------------------------------------------------------------------------
// Conditions

/// The longest leading clause (in characters) taken as a condition.
const CONDITION_MAX_CHARS: usize = 40;

/// A leading clause saying when the item applies, and the materials it asks for:
/// `属于意外伤害情形的，须提供病历复印件` → (`属于意外伤害情形的`, `病历复印件`).
///
/// The clause before the first `，` must read as a condition (it ends with `的`, `时`,
/// `情形`… or opens with `如`, `若`, `凡`, `对`…), and what follows must ask for something
/// (`须提供`, `可提供`, `提交`) or name a document. `原则上凡…的，不再重复诊断` asks for
/// nothing, so it is not a conditional item.
fn condition(clause: &str) -> Option<(String, String)> {
    let (comma, c) = top_level(clause).find(|&(_, c)| c == '，' || c == ',')?;
    let lead = normalize(&clause[..comma]);
    let rest = normalize(&clause[comma + c.len_utf8()..]);
    if !reads_as_condition(&lead) {
        return None;
    }
    let body = match provide_verb(&rest) {
        Ok((after, ())) => after.trim_start_matches(['：', ':']).trim().to_owned(),
        Err(_) if clause_break(&rest).is_none() && is_document(&rest) => rest,
        Err(_) => return None,
    };
    (!body.is_empty()).then_some((lead, body))
}

fn reads_as_condition(lead: &str) -> bool {
    const ENDINGS: &[&str] = &["的", "时", "情形", "情况", "情况下", "者", "后"];
    const OPENINGS: &[&str] = &[
        "如果", "如", "若", "凡是", "凡", "对于", "对", "属于", "因", "涉及",
    ];
    let count = lead.chars().count();
    count > 0
        && count <= CONDITION_MAX_CHARS
        && !lead.contains('《')
        && (ENDINGS.iter().any(|e| lead.ends_with(e))
            || OPENINGS.iter().any(|o| lead.starts_with(o)))
}

/// nom: a verb asking for materials, with its adverb and modal (`须提供`, `还需提交`, `可提供`).
fn provide_verb(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(alt((
                tag("另外"),
                tag("还"),
                tag("另"),
                tag("并"),
                tag("则"),
                tag("均"),
                tag("也"),
            ))),
            opt(alt((
                tag("必须"),
                tag("需要"),
                tag("应当"),
                tag("可以"),
                tag("须"),
                tag("需"),
                tag("应"),
                tag("可"),
                tag("要"),
            ))),
            alt((
                tag("提供"),
                tag("提交"),
                tag("出具"),
                tag("携带"),
                tag("递交"),
                tag("报送"),
                tag("上传"),
                tag("补充"),
                tag("附"),
            )),
        ),
    )
    .parse(input)
}

// ---------------------------------------------------------------------------------------------
// One item and its attributes

/// Build the item of `draft`, noting what could not be structured in `findings`.
fn material<'a>(draft: &Draft<'a>, findings: &mut Vec<Finding<'a>>) -> Material {
    let text = normalize(draft.raw);
    let mut note = |message: String| {
        findings.push(Finding {
            item: draft.raw,
            message,
        })
    };
    let mut item = Material {
        forms: forms(&text),
        seal_required: seal_required(&text),
        condition: draft.condition.clone(),
        ..Material::default()
    };
    match clause_break(&draft.body) {
        Some(c) => note(format!(
            "materials item joins several parts with '{c}'; they were kept as one item"
        )),
        None => item.alternatives = alternatives(&draft.body),
    }
    match copies(&text) {
        Copies::One(n) => item.copies = Some(n),
        Copies::None => {}
        Copies::Conflict(a, b) => note(format!(
            "materials item gives {a} and {b} copies; copies left empty"
        )),
    }
    match format(&text) {
        Format::One(f) => item.format = Some(f),
        Format::None => {}
        Format::Mixed => note(
            "materials item asks for 原件 of one part and 复印件 of another; format left empty"
                .to_owned(),
        ),
    }
    if has_unclosed_title(&text) {
        note("materials item opens a title with 《 that is never closed".to_owned());
    }
    item.text = text;
    item
}

/// `A或B或C` outside brackets → `[A, B, C]` (`或者` too, and `；或`/`，或`); the `或` of
/// `原件或复印件` is a format, not a choice. Empty when there is no choice.
fn alternatives(body: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in top_level(body) {
        if c != '或' || i < start || is_format_choice(body, i) {
            continue;
        }
        parts.push(&body[start..i]);
        let after = &body[i + c.len_utf8()..];
        start = body.len() - after.strip_prefix('者').unwrap_or(after).len();
    }
    parts.push(&body[start..]);
    let parts: Vec<String> = parts
        .into_iter()
        .map(trim_separators)
        .filter(|p| !p.is_empty())
        .map(normalize)
        .collect();
    if parts.len() < 2 {
        Vec::new()
    } else {
        parts
    }
}

/// Whether the `或` at byte `at` joins 原件 and 复印件.
fn is_format_choice(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let after = text[at + '或'.len_utf8()..].trim_start_matches('者');
    (before.ends_with("原件") && after.starts_with("复印件"))
        || (before.ends_with("复印件") && after.starts_with("原件"))
}

/// Every title quoted in `《…》`, without the brackets (outermost titles; a title nested in
/// another is part of it).
fn forms(text: &str) -> Vec<String> {
    title_spans(text)
        .into_iter()
        .filter(|span| span.closed)
        .map(|span| normalize(span.content(text)))
        .filter(|title| !title.is_empty())
        .collect()
}

/// Whether a `《` is left open at the end of `text`.
fn has_unclosed_title(text: &str) -> bool {
    title_spans(text).last().is_some_and(|span| !span.closed)
}

/// The number of copies an item names.
#[derive(Debug, PartialEq, Eq)]
enum Copies {
    None,
    One(u32),
    /// Two different numbers.
    Conflict(u32, u32),
}

/// nom: a number of copies: `1份`, `1 份`, `各1份`, `一式两份`.
fn copies_phrase(input: &str) -> IResult<&str, u32> {
    let (rest, (_, n, _, _)) = (
        opt(alt((tag("一式"), tag("各")))),
        numeral::number,
        multispace0,
        tag("份"),
    )
        .parse(input)?;
    Ok((rest, n))
}

/// The number of copies `text` names, tried where a number (or `各`, `一式`) starts.
fn copies(text: &str) -> Copies {
    let mut found: Option<u32> = None;
    let mut before: Option<char> = None;
    for (i, c) in text.char_indices() {
        let inside_number = before
            .is_some_and(|b| numeral::is_arabic_digit(b) || numeral::is_chinese_numeral_char(b));
        before = Some(c);
        if inside_number {
            continue;
        }
        if let Ok((_, n)) = copies_phrase(&text[i..]) {
            match found {
                Some(m) if m != n => return Copies::Conflict(m, n),
                _ => found = Some(n),
            }
        }
    }
    found.map_or(Copies::None, Copies::One)
}

/// The form an item asks for.
#[derive(Debug, PartialEq, Eq)]
enum Format {
    None,
    One(MaterialFormat),
    /// 原件 of one part and 复印件 of another.
    Mixed,
}

/// nom: a form word or phrase: `原件及复印件`, `原件或复印件`, `原件`, `复印件`.
fn format_phrase(input: &str) -> IResult<&str, MaterialFormat> {
    let copy = || alt((tag("复印件"), tag("影印件")));
    let and = || {
        alt((
            tag("及其"),
            tag("以及"),
            tag("及"),
            tag("和"),
            tag("与"),
            tag("、"),
        ))
    };
    let or = || alt((tag("或者"), tag("或")));
    alt((
        value(
            MaterialFormat::OriginalAndCopy,
            alt((
                value((), (tag("原件"), and(), copy())),
                value((), (copy(), and(), tag("原件"))),
            )),
        ),
        value(
            MaterialFormat::OriginalOrCopy,
            alt((
                value((), (tag("原件"), or(), copy())),
                value((), (copy(), or(), tag("原件"))),
            )),
        ),
        value(MaterialFormat::Original, tag("原件")),
        value(MaterialFormat::Copy, copy()),
    ))
    .parse(input)
}

/// The form `text` asks for: 原件 → original, 复印件 → copy, `原件及复印件` →
/// original and copy, `原件或复印件` → original or copy.
fn format(text: &str) -> Format {
    let mut found: Option<MaterialFormat> = None;
    let mut skip_to = 0;
    for (i, _) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        let Ok((rest, f)) = format_phrase(&text[i..]) else {
            continue;
        };
        skip_to = text.len() - rest.len();
        match found {
            Some(g) if g != f => return Format::Mixed,
            _ => found = Some(f),
        }
    }
    found.map_or(Format::None, Format::One)
}

/// Whether `text` asks for a seal: `加盖单位公章`, `加盖公章`, `盖章`, `加盖医院业务专章`.
/// `覆盖`, `章程` or a negated `无需盖章` do not.
fn seal_required(text: &str) -> bool {
    text.char_indices()
        .filter(|&(_, c)| c == '盖')
        .any(|(i, _)| seal_at(text, i))
}

/// Whether the `盖` at byte `at` asks for a seal: a `章` follows within a few characters of
/// the same phrase, `盖` is not part of `覆盖`-like words, and no negation comes before it.
fn seal_at(text: &str, at: usize) -> bool {
    const WINDOW: usize = 8;
    let before = &text[..at];
    if before.ends_with(['覆', '遮', '涵', '掩', '铺']) {
        return false;
    }
    let stamped = text[at + '盖'.len_utf8()..]
        .chars()
        .take_while(|&c| !(is_punctuation(c) || c.is_ascii_punctuation() || c.is_whitespace()))
        .take(WINDOW)
        .any(|c| c == '章');
    let recent: String = {
        let tail: Vec<char> = before.chars().rev().take(4).collect();
        tail.into_iter().rev().collect()
    };
    let negated = ["无需", "无须", "不需", "不用", "不必", "免"]
        .iter()
        .any(|n| recent.contains(n));
    stamped && !negated
}

/// When the last item of a `、` list names a number of copies for each (`各1份`), give the
/// items before it that number (and the form said with it, `原件及复印件各1份`) too.
fn share_distributed_tail(items: &mut [Material]) {
    let Some((last, others)) = items.split_last_mut() else {
        return;
    };
    let Some(each) = last.text.rfind('各') else {
        return;
    };
    let (before, tail) = last.text.split_at(each);
    let tail = tail.trim_end_matches(['。', '；', ';']);
    let Ok((rest, n)) = copies_phrase(tail) else {
        return;
    };
    if !rest.trim().is_empty() {
        return;
    }
    let shared_format = FORM_SUFFIXES
        .iter()
        .find(|s| before.trim_end().ends_with(*s))
        .and_then(|s| match format(s) {
            Format::One(f) => Some(f),
            _ => None,
        });
    for item in others {
        item.copies = item.copies.or(Some(n));
        item.format = item.format.or(shared_format);
    }
}

#[cfg(test)]
mod tests;
