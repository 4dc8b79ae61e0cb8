//! The words of the materials grammar, each list in one place: adding a format word, a copy
//! word or an applicant word is one line here. Where one list is a prefix of another word of
//! it, the longer comes first (the parsers take the first that matches).

use nom::{error::ErrorKind, IResult};

use crate::text::search::word_at_start;

/// nom: the first of `words` that the input opens with (`alt` of `tag`s, each word's first
/// byte compared before the word: [`word_at_start`]).
pub(super) fn one_of(words: &'static [&'static str]) -> impl Fn(&str) -> IResult<&str, &str> {
    move |input: &str| match word_at_start(input, words) {
        Some(word) => Ok((&input[word.len()..], &input[..word.len()])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            ErrorKind::Tag,
        ))),
    }
}

// --- Format (原件 / 复印件) ---

/// The original document.
pub(super) const ORIGINAL_WORDS: &[&str] = &["原件"];
/// A copy of it.
pub(super) const COPY_WORDS: &[&str] = &["复印件", "影印件"];
/// Words joining an original and a copy, both asked for (`原件及复印件`).
pub(super) const AND_WORDS: &[&str] = &["及其", "以及", "及", "和", "与", "、"];
/// Words offering a choice (`原件或复印件`, and between whole items: `A或B`).
pub(super) const OR_WORDS: &[&str] = &["或者", "或"];
/// Words after a document's name saying in what form it is handed in (`…副本`, `…原件`).
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

// --- Copies (`1份`, `各1份`, `一式两份`) ---

/// Words before the number of copies: `一式两份`, `各1份`.
pub(super) const COPIES_LEADS: &[&str] = &["一式", "各"];
/// The lead of [`COPIES_LEADS`] that gives the number to each document listed before it
/// (`身份证、户口簿各1份`; a test checks it is one of them).
pub(super) const EACH: char = '各';
/// The counter every number of copies ends with.
pub(super) const COPIES_UNIT: char = '份';

// --- Seal (`加盖单位公章`, `盖章`) ---

/// The verb of a seal wording; a `章` follows it within [`SEAL_REACH`] characters.
pub(super) const SEAL_VERB: char = '盖';
/// What is stamped.
pub(super) const SEAL_NOUN: char = '章';
/// How many characters of the same phrase after [`SEAL_VERB`] may hold the [`SEAL_NOUN`].
pub(super) const SEAL_REACH: usize = 8;
/// Characters that make the `盖` part of another word (`覆盖`, `涵盖`): no seal.
pub(super) const NOT_SEAL_BEFORE: &[char] = &['覆', '遮', '涵', '掩', '铺'];
/// How many characters before the `盖` a [`NEEDLESS`] word negates it from (`无需盖章`).
pub(super) const SEAL_NEGATION_REACH: usize = 4;

// --- Nothing needed (`无需提交材料`) ---

/// Words saying that something is not needed (`无需`, `免于`): they open a none wording and
/// negate a seal.
pub(super) const NEEDLESS: &[&str] = &[
    "无需",
    "无须",
    "不需要",
    "不需",
    "不用",
    "不必",
    "免于",
    "免予",
    "免",
];
/// The whole cell that says none is needed by itself, and the negation a none wording may
/// open with besides [`NEEDLESS`].
pub(super) const NONE: &str = "无";
/// Verbs of a none wording (`无需提交`).
pub(super) const NONE_VERBS: &[&str] = &["提交", "提供", "报送", "递交", "携带", "交"];
/// Words before the object of a none wording (`任何申请材料`).
pub(super) const NONE_QUALIFIERS: &[&str] = &["任何"];
pub(super) const NONE_KINDS: &[&str] = &["申请", "纸质", "相关", "其他"];
/// The object of a none wording.
pub(super) const NONE_OBJECTS: &[&str] = &["材料", "资料"];

// --- Applicants (`在职职工：`) ---

/// Words a phrase naming a kind of applicant ends with: persons and organisations.
pub(super) const APPLICANT_HEADS: &[&str] = &[
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

/// Words of a lead-in, a heading that asks for the materials after it (`需提供以下材料：`).
pub(super) const LEAD_IN_WORDS: &[&str] = &["提供", "提交", "携带", "如下", "以下"];

// --- Conditions (`属于意外伤害情形的，须提供…`) ---

/// Words a condition ends with.
pub(super) const CONDITION_ENDINGS: &[&str] = &["的", "时", "情形", "情况", "情况下", "者", "后"];
/// Words a condition opens with.
pub(super) const CONDITION_OPENINGS: &[&str] = &[
    "如果", "如", "若", "凡是", "凡", "对于", "对", "属于", "因", "涉及",
];
/// Adverbs before the verb asking for materials (`还需提交`).
pub(super) const PROVIDE_ADVERBS: &[&str] = &["另外", "还", "另", "并", "则", "均", "也"];
/// Modals before it (`须提供`).
pub(super) const PROVIDE_MODALS: &[&str] =
    &["必须", "需要", "应当", "可以", "须", "需", "应", "可", "要"];
/// Verbs asking for materials.
pub(super) const PROVIDE_VERBS: &[&str] = &[
    "提供", "提交", "出具", "携带", "递交", "报送", "上传", "补充", "附",
];

/// Verbs asking for materials right after a condition's `的` with no modal nor comma
/// (`属于委托代办的提供代办人身份证`): those of [`PROVIDE_VERBS`] that open no noun after `的`
/// (not `附件`, `补充材料`, `上传材料`).
pub(super) const UNMARKED_PROVIDE_VERBS: &[&str] =
    &["提供", "提交", "出具", "递交", "携带", "报送"];

// --- Documents ---

/// Words a document's name ends with (`…证书`, `…登记表`).
pub(super) const DOCUMENT_HEADS: &[&str] = &[
    "证", "证件", "证书", "证明", "证照", "执照", "护照", "照片", "相片", "表", "单", "册", "票据",
    "收据", "发票", "凭证", "凭据", "文件", "批文", "批复", "材料", "资料", "报告", "记录", "病历",
    "书", "卡", "函", "协议", "合同", "簿", "处方", "底方", "回执", "结果", "附件", "存根", "章程",
];

// --- Medium (`纸质`, `电子版`, `纸质/电子版`) ---

/// Words for paper.
pub(super) const PAPER_WORDS: &[&str] = &["纸质版", "纸质件", "纸质"];
/// Words for an electronic file.
pub(super) const ELECTRONIC_WORDS: &[&str] = &["电子版", "电子件", "电子文档", "电子文件"];
/// Words for an electronic file after a paper word and a joining word (`纸质或电子`): alone,
/// `电子` opens the names of documents (`电子照片`, `电子社保卡`), which are no medium.
pub(super) const JOINED_ELECTRONIC_WORDS: &[&str] =
    &["电子版", "电子件", "电子文档", "电子文件", "电子"];
/// Words offering either medium (`纸质/电子版`).
pub(super) const MEDIUM_OR_WORDS: &[&str] = &["/", "／", "或者", "或"];
/// Words asking for both (`纸质及电子版`).
pub(super) const MEDIUM_AND_WORDS: &[&str] = &["及", "和", "与", "、", "+", "＋"];

// --- Optional (`非必要`, `如有`) ---

/// Words saying an item may be left out. (Read in an item's body: `如有委托的，…` is a
/// condition, not an optional item.)
pub(super) const OPTIONAL_WORDS: &[&str] = &["非必要", "非必须", "非必需", "如有"];

// --- Handling of the original (`验原件`, `收原件`) ---

/// Words saying the original is checked and handed back.
pub(super) const CHECKED_WORDS: &[&str] = &[
    "原件核验后退还",
    "原件核验后返还",
    "原件查验后退还",
    "原件查验后返还",
    "原件验后退还",
    "原件验后返还",
    "核验原件",
    "查验原件",
    "验原件",
];
/// Words saying the original is kept.
pub(super) const COLLECTED_WORDS: &[&str] = &["收取原件", "留存原件", "原件留存", "收原件"];

// --- Source (`申请人自备`, `部门核发`) ---

/// Words saying the applicant brings the material.
pub(super) const APPLICANT_SOURCE_WORDS: &[&str] = &["申请人自备", "自备"];
/// Words saying an authority issues it.
pub(super) const DEPARTMENT_SOURCE_WORDS: &[&str] = &["部门核发", "机关核发"];

// --- Notes (`…只享受生育医疗费,不享受生育津贴`, `备注：…`) ---

/// Words of a sentence that states who is eligible or how the office gets what it needs,
/// asking for no material (`只享受生育医疗费`, `通过数据共享获取`).
pub(super) const NOTE_WORDS: &[&str] = &["享受", "共享", "获取"];
/// Words saying a list follows, in a heading's request (`提交以下材料`, `需提供材料如下`).
pub(super) const LIST_WORDS: &[&str] = &["以下", "如下"];
/// Labels that open a note, before a colon (`备注：`).
pub(super) const NOTE_LABELS: &[&str] = &["备注", "说明", "注意", "注"];

// --- Flattened tables (`《表》 原件 1份 纸质 身份证 复印件 1份 纸质`) ---

/// Words of a table's attribute column besides the attribute phrases (`必要`: the item is
/// needed, which is no attribute of its own).
pub(super) const TABLE_CELL_WORDS: &[&str] = &["必要", "必须", "必需"];
