//! How a cell continued on the next page is joined to the cell it continues.
//!
//! A page break cuts a cell between two of its printed lines. Where the cut falls between two
//! items (`现场办理` | `网上办理`, `身份证` | `户口簿`, `申请` | `受理`), the pieces are joined
//! with a line break `\n`, the cell's own line break in the PDF: no source line holds one, so
//! in a cell it always marks such a join, and the field parsers read white space as a boundary
//! where they split on it (channels, the sentences of notes, deadline clauses). Where the cut
//! falls inside a word or a phrase (`申请定点` | `协议管理`, `居民身份证` | `复印件`), the
//! pieces are joined as they are, and [`normalize`](crate::text::normalize::normalize) would fold a
//! space between two Chinese characters away anyway.
//!
//! The rule, in order, on the end of the text before and the start of the piece:
//!
//! 1. the text before ends with punctuation that separates (`，`, `、`, `；`, `。`, `：`, a dash
//!    or an arrow), or the piece starts with one: the boundary is written, joined as is;
//! 2. the piece opens with a list marker (`2.`, `（二）`, `②`) or a note (`注：`): a new
//!    item, `\n`;
//! 3. the piece opens with words that only carry on what comes before (a closing bracket,
//!    `原件`, `复印件`, `1份`, `的`, `及`, `或`, `等`…): joined as is;
//! 4. the text before ends with a word that ends an item (a document: `证`, `书`, `表`,
//!    `证明`, `材料`, `》`…; a way or step of handling: `办理`, `申请`, `受理`, `办结`,
//!    `窗口`, `APP`…; a closing bracket): a new item, `\n`;
//! 5. otherwise the cut is inside a word: joined as is.

use crate::fields::materials::FORM_SUFFIXES;

/// How a continued piece was joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// The text already separates the pieces with punctuation: joined as is.
    Punctuated,
    /// The piece starts a new item: joined after a line break.
    NewItem,
    /// The cut falls inside a word or a phrase: joined as is.
    RunOn,
}

impl Join {
    /// What goes between the pieces.
    pub(crate) fn separator(self) -> &'static str {
        match self {
            Join::NewItem => "\n",
            Join::Punctuated | Join::RunOn => "",
        }
    }

    /// The decision as a message says it.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Join::Punctuated => "as it is, after the punctuation that ends it",
            Join::NewItem => "as a new item, after a line break",
            Join::RunOn => "as it is, the rest of a word cut by the page break",
        }
    }
}

/// How `piece` is joined to `before`, the text of the cell it continues.
pub(crate) fn join(before: &str, piece: &str) -> Join {
    let before = before.trim_end();
    let piece = piece.trim_start();
    let (Some(last), Some(first)) = (before.chars().next_back(), piece.chars().next()) else {
        return Join::Punctuated;
    };
    if is_separating_punctuation(last) || is_separating_punctuation(first) {
        return Join::Punctuated;
    }
    if crate::text::markers::strip(piece).0.is_some() || opens_a_note(piece) {
        return Join::NewItem;
    }
    if carries_on(piece) {
        return Join::RunOn;
    }
    if ends_an_item(before) {
        return Join::NewItem;
    }
    Join::RunOn
}

/// Whether `piece` opens a note of its own: `注：`, `备注:`, `说明：`.
fn opens_a_note(piece: &str) -> bool {
    ["注", "备注", "说明"].iter().any(|w| {
        piece
            .strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    })
}

/// Punctuation that separates items or clauses, and the dashes and arrows between steps.
fn is_separating_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '、'
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '/'
            | '／'
            | '—'
            | '－'
            | '-'
            | '–'
            | '→'
            | '>'
    )
}

/// Words that open no item of their own: they carry on the text before (and so do the form
/// words of the materials parser, [`FORM_SUFFIXES`]: `原件`, `复印件`, `副本`…).
const CARRY_ON_WORDS: &[&str] = &[
    "各", "一式", "的", "及", "和", "与", "或", "等", "办理", "后", "前", "内", "中",
    // the last character of a document's name, cut from it (`申请` | `书`, `身份` | `证`)
    "表", "书", "单", "证", "卡", "函", "簿", "件",
];

/// Whether `piece` opens with what only carries on the text before: a closing bracket or
/// quotation mark, an opening bracket that holds no list number (a remark on the text before),
/// a number of copies (`1份`), or one of [`FORM_SUFFIXES`] or [`CARRY_ON_WORDS`].
fn carries_on(piece: &str) -> bool {
    let Some(first) = piece.chars().next() else {
        return false;
    };
    if matches!(
        first,
        '）' | ')' | '》' | '”' | '’' | '】' | '〕' | '」' | '（' | '('
    ) {
        return true;
    }
    let digits = piece.trim_start_matches(crate::text::numeral::is_arabic_digit);
    if digits.len() < piece.len() && digits.starts_with('份') {
        return true;
    }
    FORM_SUFFIXES
        .iter()
        .chain(CARRY_ON_WORDS)
        .any(|w| piece.starts_with(w))
}

/// Words an item ends with: the names of documents, and of ways and steps of handling a
/// matter.
const ITEM_ENDINGS: &[&str] = &[
    // documents
    "证",
    "书",
    "表",
    "单",
    "簿",
    "卡",
    "函",
    "手册",
    "名册",
    "证件",
    "文件",
    "附件",
    "原件",
    "复印件",
    "扫描件",
    "执照",
    "护照",
    "证照",
    "照片",
    "相片",
    "票据",
    "收据",
    "凭证",
    "材料",
    "资料",
    "证明",
    "报告",
    "记录",
    "病历",
    "协议",
    "合同",
    "处方",
    "回执",
    "副本",
    "正本",
    // ways of handling
    "办理",
    "申请",
    "申报",
    "提交",
    "窗口",
    "大厅",
    "柜台",
    "网站",
    "政务服务网",
    "小程序",
    "公众号",
    "APP",
    "App",
    "app",
    "邮寄",
    "快递",
    "寄递",
    "网办",
    "掌办",
    "自助终端",
    // steps
    "受理",
    "审核",
    "审查",
    "审批",
    "核准",
    "核定",
    "复核",
    "决定",
    "办结",
    "送达",
    "出证",
    "发证",
    "告知",
];

/// Words that end with one of [`ITEM_ENDINGS`] but are no item (`法定代表` | `人身份证`).
const NOT_ITEM_ENDINGS: &[&str] = &["代表", "发表", "保证", "验证", "认证", "论证"];

/// Whether `before` ends with an item: one of [`ITEM_ENDINGS`] (not one of
/// [`NOT_ITEM_ENDINGS`]), a number of copies (`1份`), or a closing bracket or quotation mark
/// (`《登记表》`, `网上办理（政务服务网）`).
fn ends_an_item(before: &str) -> bool {
    if before.ends_with(['）', ')', '》', '”', '】', '〕', '」']) {
        return true;
    }
    if let Some(number) = before.strip_suffix('份') {
        return number.ends_with(|c| {
            crate::text::numeral::is_arabic_digit(c)
                || crate::text::numeral::chinese_digit(c).is_some()
        });
    }
    ITEM_ENDINGS.iter().any(|w| before.ends_with(w))
        && !NOT_ITEM_ENDINGS.iter().any(|w| before.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_cut_between_them_get_a_line_break() {
        for (before, piece) in [
            ("现场办理", "网上办理"),
            ("身份证", "户口簿"),
            ("申请—受理", "审核—办结"),
            ("《参保登记表》", "《变更登记表》"),
            ("1.身份证", "2.户口簿"),
            ("网上办理（政务服务网）", "现场办理"),
            ("现场办理", "（2）邮寄办理"),
            ("《登记表》1份", "身份证"),
            ("无", "注：跨省转移除外"),
            ("申请", "受理"),
        ] {
            assert_eq!(join(before, piece), Join::NewItem, "{before} | {piece}");
        }
    }

    #[test]
    fn words_cut_inside_run_on() {
        for (before, piece) in [
            ("申请定点", "协议管理"),
            ("居民身份证", "复印件"),
            ("参保登记表", "1份"),
            ("网上", "办理"),
            ("医疗保险关系转移接续", "申请"),
            ("居民身份证", "（社会保障卡）"),
            ("15个工作", "日"),
            ("医保待遇申请", "表"),
            ("居民身份", "证"),
            ("法定代表", "人身份证"),
            ("依照", "有关规定"),
        ] {
            assert_eq!(join(before, piece), Join::RunOn, "{before} | {piece}");
        }
    }

    #[test]
    fn punctuation_already_separates() {
        for (before, piece) in [
            ("现场办理、", "网上办理"),
            ("身份证；", "户口簿"),
            ("申请—", "受理"),
            ("身份证", "；户口簿"),
            ("", "甲"),
            ("甲", " "),
        ] {
            assert_eq!(join(before, piece), Join::Punctuated, "{before} | {piece}");
        }
    }
}
