//! Groups by applicant: a leading `X：` that names who applies (`在职职工：`, `企业：`).

use super::*;

/// The groups built so far, and whether the next item starts a general group.
#[derive(Default)]
pub(crate) struct Groups {
    pub(crate) groups: Vec<MaterialGroup>,
    /// Set at each new point: an item of a point without applicant does not belong to the
    /// applicant group of the point before.
    pub(crate) general_next: bool,
}

impl Groups {
    pub(crate) fn next_point(&mut self) {
        self.general_next = true;
    }

    pub(crate) fn start(&mut self, applicant: &str) {
        self.groups.push(MaterialGroup {
            applicant: Some(normalize(applicant)),
            items: Vec::new(),
        });
        self.general_next = false;
    }

    pub(crate) fn push(&mut self, item: Material) {
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
pub(crate) const APPLICANT_HEADS: &[&str] = &[
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
pub(crate) const APPLICANT_MAX_CHARS: usize = 24;

/// A leading `X：` where `X` names who applies, and the text after the colon.
///
/// `X` is short, has no punctuation but `、`, no digits, and each of its `、`-parts ends with
/// a word for a person or an organisation ([`APPLICANT_HEADS`]): `灵活就业人员：`,
/// `社会团体、民办非企业单位：`. `医院收费票据：` names a document and `需提供：` a verb, so
/// neither is an applicant.
pub(crate) fn applicant(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let (colon, c) = first_colon(text)?;
    let phrase = text[..colon].trim();
    names_applicant(phrase).then(|| (phrase, text[colon + c.len_utf8()..].trim()))
}

/// The first colon of `text`, full-width `：` or ASCII `:`, with its byte offset: found by two
/// byte searches (the second only before the first colon found) instead of a walk that decodes
/// every character.
pub(crate) fn first_colon(text: &str) -> Option<(usize, char)> {
    let full_width = text.find('：');
    let ascii = text[..full_width.unwrap_or(text.len())].find(':');
    match (ascii, full_width) {
        (Some(at), _) => Some((at, ':')),
        (None, Some(at)) => Some((at, '：')),
        (None, None) => None,
    }
}

pub(crate) fn names_applicant(phrase: &str) -> bool {
    let phrase = normalized(phrase);
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
pub(crate) const LEAD_IN_MAX_CHARS: usize = 12;

/// `text` without a leading lead-in (`需提供以下材料：`, `请携带：`): a short phrase ending
/// with a colon that asks for materials (`提供`, `以下`…) and quotes no title
/// (`《申请材料清单》：` and `申请材料清单：` stay: they are items).
pub(crate) fn strip_lead_in(text: &str) -> &str {
    let text = text.trim_start();
    let Some((colon, c)) = first_colon(text) else {
        return text;
    };
    let phrase = normalized(&text[..colon]);
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
