//! Header rows and their columns (issue 14, part 2): wide 办事指南 headers with unknown columns,
//! the whole column vocabulary, separate 法定 and 承诺 deadline columns, the new matter fields
//! (fee, place, phones…), unknown columns kept in order, flat lists without 主项, and the wide
//! shapes (a header of many columns, a row of many surplus cells).

mod common;

use common::{findings, matters, parsed};

use shixiang::{parse, Basis, ClauseKind, Document, ErrorKind, TimeUnit};

/// A list of `header` and `rows`, each given as cells, under a title.
fn list(header: &[&str], rows: &[&[&str]]) -> String {
    let mut text = format!("某市政务服务事项办事指南\n{}\n", header.join("\t"));
    for row in rows {
        text.push_str(&row.join("\t"));
        text.push('\n');
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Which rows are headers

#[test]
fn an_eight_column_header_with_five_unknown_columns_is_a_header() {
    let header = [
        "事项名称",
        "服务内容",
        "受理条件",
        "申办材料",
        "网办地址",
        "办理时间",
        "窗口位置",
        "备注信息",
    ];
    let row = [
        "城乡居民参保登记",
        "参保",
        "本市户籍",
        "身份证",
        "www.example.gov.cn",
        "5个工作日",
        "3号窗口",
        "无",
    ];
    let document = parsed(&list(&header, &[&row]));
    assert_eq!(document.columns, header);
    let matter = matters(&document)[0];
    assert_eq!(matter.name, "城乡居民参保登记");
    assert_eq!(matter.materials.raw, "身份证");
    assert_eq!(matter.deadline.raw, "5个工作日");
    assert_eq!(matter.deadline.max_working_days, Some(5));
    let extra: Vec<(&str, &str)> = matter
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        extra,
        [
            ("服务内容", "参保"),
            ("受理条件", "本市户籍"),
            ("网办地址", "www.example.gov.cn"),
            ("窗口位置", "3号窗口"),
            ("备注信息", "无"),
        ]
    );
}

/// A 14-column guide header: eight columns the model does not know, in an order of their own.
const GUIDE_14: [&str; 14] = [
    "序号",
    "事项名称",
    "服务对象",
    "受理条件",
    "申请材料",
    "办结时限",
    "办理结果",
    "结果名称",
    "网办深度",
    "跑动次数",
    "是否进驻大厅",
    "窗口地址",
    "咨询电话",
    "备注信息",
];

#[test]
fn a_fourteen_column_guide_header_keeps_its_unknown_columns_in_order() {
    let row = [
        "1",
        "职工参保登记",
        "企业职工",
        "已签订劳动合同",
        "《参保登记表》",
        "即时办结",
        "参保",
        "参保凭证",
        "全程网办",
        "0",
        "是",
        "市民中心二楼",
        "0535-1234567",
        "",
    ];
    let document = parsed(&list(&GUIDE_14, &[&row]));
    let matter = matters(&document)[0];
    assert_eq!(matter.seq, Some(1));
    assert_eq!(matter.name, "职工参保登记");
    assert_eq!(matter.target.as_deref(), Some("企业职工"));
    assert_eq!(matter.inquiry_phone.as_deref(), Some("0535-1234567"));
    assert_eq!(matter.deadline.clauses[0].kind, ClauseKind::Immediate);
    let keys: Vec<&str> = matter.extra.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "受理条件",
            "办理结果",
            "结果名称",
            "网办深度",
            "跑动次数",
            "是否进驻大厅",
            "窗口地址"
        ]
    );
    assert_eq!(matter.extra["跑动次数"], "0");
    // The JSON object keeps the column order, and reads back equal.
    let json = serde_json::to_string(&matter.extra).unwrap();
    assert!(
        json.starts_with(r#"{"受理条件":"已签订劳动合同","办理结果":"参保""#),
        "{json}"
    );
    let back: shixiang::Extra = serde_json::from_str(&json).unwrap();
    assert_eq!(back, matter.extra);
}

#[test]
fn a_row_naming_only_two_known_columns_is_not_a_header() {
    for cells in [
        &["事项名称", "申请材料", "受理条件", "办理结果"][..],
        &["子项", "办理材料", "甲", "乙", "丙"],
        &["办理材料", "办理时限", "受理条件", "办理结果"],
        // Three known columns, but no name column, and most cells unknown.
        &[
            "主项",
            "办理材料",
            "办理时限",
            "受理条件",
            "办理结果",
            "网办深度",
            "跑动次数",
        ],
    ] {
        let text = format!("清单\n{}\n一\t二\t三\t四\n", cells.join("\t"));
        let error = parse(&text).unwrap_err();
        assert_eq!(*error.kind(), ErrorKind::NoHeader, "{cells:?}");
    }
}

#[test]
fn the_name_column_and_two_others_make_a_header_however_many_unknown_columns() {
    let mut header: Vec<String> = (1..=40).map(|i| format!("栏目{i}")).collect();
    header[17] = "办理项目".into();
    header[3] = "所需材料".into();
    header[39] = "温馨提示".into();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut row = vec![""; 40];
    row[17] = "门诊慢特病待遇认定";
    row[3] = "病历";
    row[39] = "请携带原件";
    row[0] = "其他";
    let document = parsed(&list(&header, &[&row]));
    let matter = matters(&document)[0];
    assert_eq!(matter.name, "门诊慢特病待遇认定");
    assert_eq!(matter.materials.raw, "病历");
    assert_eq!(matter.notes.raw, "请携带原件");
    assert_eq!(matter.extra.len(), 1);
    assert_eq!(matter.extra["栏目1"], "其他");
}

#[test]
fn header_cells_are_compared_without_spaces_stars_line_breaks_and_qualifiers() {
    let header = [
        "序 号",
        "*事项\u{3000}名称",
        "＊申请\\n材料",
        "法定办结\u{2028}时限",
        "承诺办结时限（工作日）",
        "是否收费【是/否】",
        "办理地点[窗口]",
    ];
    let row = ["1", "甲", "身份证", "20个工作日", "5", "否", "大厅"];
    let document = parsed(&list(&header, &[&row]));
    let matter = matters(&document)[0];
    assert_eq!((matter.seq, matter.name.as_str()), (Some(1), "甲"));
    assert_eq!(matter.materials.raw, "身份证");
    assert_eq!(
        matter.deadline.raw,
        "法定办结时限：20个工作日\n承诺办结时限：5"
    );
    assert_eq!(matter.fee.as_ref().map(|f| f.charged), Some(Some(false)));
    assert_eq!(matter.place.as_deref(), Some("大厅"));
    assert!(matter.extra.is_empty());
}

// ---------------------------------------------------------------------------------------------
// The vocabulary

/// Where a test value can land in a matter (or its category).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Category,
    CategoryCode,
    Seq,
    Name,
    Code,
    Materials,
    Deadline,
    DeadlineNote,
    Steps,
    Channels,
    Notes,
    LegalBasis,
    Place,
    Charged,
    FeeStandard,
    InquiryPhone,
    SupervisionPhone,
    Target,
    Authority,
    Kind,
    Level,
}

/// Every name of the vocabulary, with the field its cells land in.
const VOCABULARY: &[(&str, Field)] = &[
    ("主项", Field::Category),
    ("主项名称", Field::Category),
    ("主项事项", Field::Category),
    ("事项类别", Field::Category),
    ("一级事项", Field::Category),
    ("主项编码", Field::CategoryCode),
    ("主项代码", Field::CategoryCode),
    ("子项序号", Field::Seq),
    ("子项编号", Field::Seq),
    ("子项", Field::Name),
    ("子项名称", Field::Name),
    ("事项名称", Field::Name),
    ("子项事项", Field::Name),
    ("二级事项", Field::Name),
    ("服务事项", Field::Name),
    ("办理项目", Field::Name),
    ("执法事项名称", Field::Name),
    ("办理项名称", Field::Name),
    ("執法事項名稱", Field::Name),
    ("子项编码", Field::Code),
    ("子项代码", Field::Code),
    ("事项编码", Field::Code),
    ("实施编码", Field::Code),
    ("事项代码", Field::Code),
    ("办理材料", Field::Materials),
    ("申请材料", Field::Materials),
    ("所需材料", Field::Materials),
    ("申报材料", Field::Materials),
    ("提交材料", Field::Materials),
    ("办事材料", Field::Materials),
    ("办理材料明细", Field::Materials),
    ("申办材料", Field::Materials),
    ("受理材料", Field::Materials),
    ("办理要件", Field::Materials),
    ("申请材料名称、来源、数量及介质要求", Field::Materials),
    ("申请办理材料", Field::Materials),
    ("申请材料及数量", Field::Materials),
    ("办理时限", Field::Deadline),
    ("办结时限", Field::Deadline),
    ("办理期限", Field::Deadline),
    ("办理时间", Field::Deadline),
    ("时限", Field::Deadline),
    ("法定办结时限", Field::Deadline),
    ("法定时限", Field::Deadline),
    ("法定期限", Field::Deadline),
    ("承诺办结时限", Field::Deadline),
    ("承诺时限", Field::Deadline),
    ("承诺期限", Field::Deadline),
    ("承诺完成时限", Field::Deadline),
    ("承诺办结时限说明", Field::DeadlineNote),
    ("承诺时限说明", Field::DeadlineNote),
    ("办理环节", Field::Steps),
    ("办理流程", Field::Steps),
    ("办事流程", Field::Steps),
    ("流程", Field::Steps),
    ("环节", Field::Steps),
    ("办理方式", Field::Channels),
    ("办理形式", Field::Channels),
    ("办理渠道", Field::Channels),
    ("服务方式", Field::Channels),
    ("备注", Field::Notes),
    ("说明", Field::Notes),
    ("注意事项", Field::Notes),
    ("温馨提示", Field::Notes),
    ("特别说明", Field::Notes),
    ("设定依据", Field::LegalBasis),
    ("法律依据", Field::LegalBasis),
    ("政策依据", Field::LegalBasis),
    ("实施依据", Field::LegalBasis),
    ("设立依据", Field::LegalBasis),
    ("办理依据", Field::LegalBasis),
    ("依据", Field::LegalBasis),
    ("办理地点", Field::Place),
    ("办理地址", Field::Place),
    ("受理地点", Field::Place),
    ("是否收费", Field::Charged),
    ("收费标准", Field::FeeStandard),
    ("收费依据及标准", Field::FeeStandard),
    ("咨询电话", Field::InquiryPhone),
    ("咨询方式", Field::InquiryPhone),
    ("监督电话", Field::SupervisionPhone),
    ("投诉电话", Field::SupervisionPhone),
    ("监督投诉电话", Field::SupervisionPhone),
    ("监督投诉方式", Field::SupervisionPhone),
    ("办理对象", Field::Target),
    ("服务对象", Field::Target),
    ("实施主体", Field::Authority),
    ("事项类型", Field::Kind),
    ("类型", Field::Kind),
    ("执法类别", Field::Kind),
    ("執法類別", Field::Kind),
    ("行使层级", Field::Level),
    ("设定和实施依据", Field::LegalBasis),
    ("设定依据及条款", Field::LegalBasis),
    ("执法依据", Field::LegalBasis),
    ("实施机关", Field::Authority),
    ("执法主体", Field::Authority),
    ("公开事项", Field::Name),
    ("公开依据", Field::LegalBasis),
    ("公开主体", Field::Authority),
    ("公开对象", Field::Target),
];

/// The text that landed in `field` of the first matter of `document`.
fn landed(document: &Document, field: Field) -> Option<String> {
    let (category, matter) = document.matters().next()?;
    let text = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    match field {
        Field::Category => text(&category.raw.concat()),
        Field::CategoryCode => category.code.clone(),
        Field::Seq => text(&matter.seq_raw),
        Field::Name => text(&matter.name_raw),
        Field::Code => matter.code.clone(),
        Field::Materials => text(&matter.materials.raw),
        Field::Deadline => text(&matter.deadline.raw),
        Field::DeadlineNote => matter.deadline_note.clone(),
        Field::Steps => text(&matter.steps.raw),
        Field::Channels => text(&matter.channels.raw),
        Field::Notes => text(&matter.notes.raw),
        Field::LegalBasis => text(&matter.legal_basis.raw),
        Field::Place => matter.place.clone(),
        Field::Charged => matter.fee.as_ref().and_then(|f| text(&f.raw)),
        Field::FeeStandard => matter.fee.as_ref().and_then(|f| f.standard.clone()),
        Field::InquiryPhone => matter.inquiry_phone.clone(),
        Field::SupervisionPhone => matter.supervision_phone.clone(),
        Field::Target => matter.target.clone(),
        Field::Authority => matter.authority.clone(),
        Field::Kind => matter.kind.clone(),
        Field::Level => matter.level.clone(),
    }
}

#[test]
fn every_name_of_the_vocabulary_lands_in_its_field() {
    for &(name, field) in VOCABULARY {
        // The standard first columns, with the one of the name's kind replaced by it.
        let mut header = vec!["主项", "子项序号", "子项", "办理材料"];
        let mut row = vec!["一、甲类", "1", "乙", "无"];
        let value = match field {
            Field::Category => "二、丙类",
            Field::Seq => "7",
            _ => "丁值",
        };
        match field {
            Field::Category => (header[0], row[0]) = (name, value),
            Field::Seq => (header[1], row[1]) = (name, value),
            Field::Name => (header[2], row[2]) = (name, value),
            Field::Materials => (header[3], row[3]) = (name, value),
            _ => {
                header.push(name);
                row.push(value);
            }
        }
        let document = parsed(&list(&header, &[&row]));
        assert_eq!(
            landed(&document, field).as_deref(),
            Some(value),
            "{name} → {field:?}"
        );
        let (_, matter) = document.matters().next().unwrap();
        assert!(matter.extra.is_empty(), "{name}: {:?}", matter.extra);
    }
}

#[test]
fn the_row_number_is_the_seq_of_a_list_without_one_and_extra_beside_one() {
    let flat = parsed(&list(
        &["序号", "事项名称", "申请材料", "办理时限"],
        &[&["3", "甲", "无", "即时办结"]],
    ));
    assert_eq!(matters(&flat)[0].seq, Some(3));
    let twice = parsed(&list(
        &["序号", "事项名称", "申请材料", "办理时限", "序号"],
        &[&["3", "甲", "无", "即时办结", "三"]],
    ));
    assert_eq!(matters(&twice)[0].seq, Some(3));
    assert_eq!(matters(&twice)[0].extra["序号"], "三");
    assert_eq!(
        findings(&twice),
        [
            "2:1 category_inferred: the header at line 2 has no 主项 column; each row is a matter, all in one category without a name",
            "2:19 duplicate_column: the header at line 2 names 序号 twice; the second one is kept under `extra`",
        ]
    );
    let both = parsed(&list(
        &["序号", "主项", "子项序号", "子项", "办理材料"],
        &[&["12", "一、甲", "2", "乙", "无"]],
    ));
    let matter = matters(&both)[0];
    assert_eq!((matter.seq, matter.seq_raw.as_str()), (Some(2), "2"));
    assert_eq!(matter.extra["序号"], "12");
    // Neither a duplicate column nor a missing one.
    assert_eq!(findings(&both), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// 法定 and 承诺 deadlines

#[test]
fn statutory_and_committed_columns_give_clauses_with_their_basis() {
    let header = [
        "主项",
        "子项序号",
        "子项",
        "法定办结时限",
        "承诺办结时限",
        "承诺办结时限说明",
    ];
    let rows: [&[&str]; 3] = [
        &[
            "一、参保",
            "1",
            "甲",
            "20个工作日",
            "5个工作日",
            "材料齐全时当场办结",
        ],
        &["", "2", "乙", "", "即时办结", ""],
        // The text's own basis wins over the column's.
        &["", "3", "丙", "承诺10个工作日", "", ""],
    ];
    let document = parsed(&list(&header, &rows));
    let matters = matters(&document);
    let first = &matters[0].deadline;
    assert_eq!(
        first.raw,
        "法定办结时限：20个工作日\n承诺办结时限：5个工作日"
    );
    let clauses: Vec<_> = first
        .clauses
        .iter()
        .map(|c| (c.kind.clone(), c.amount, c.unit.clone(), c.basis.clone()))
        .collect();
    assert_eq!(
        clauses,
        [
            (
                ClauseKind::Limit,
                Some(20),
                Some(TimeUnit::WorkingDay),
                Some(Basis::Statutory)
            ),
            (
                ClauseKind::Limit,
                Some(5),
                Some(TimeUnit::WorkingDay),
                Some(Basis::Committed)
            ),
        ]
    );
    assert_eq!(first.max_working_days, Some(20));
    assert_eq!(
        matters[0].deadline_note.as_deref(),
        Some("材料齐全时当场办结")
    );
    // One cell with text: its raw is the cell as found.
    let second = &matters[1].deadline;
    assert_eq!(second.raw, "即时办结");
    assert_eq!(second.clauses[0].basis, Some(Basis::Committed));
    assert_eq!(second.max_working_days, Some(0));
    assert_eq!(matters[1].deadline_note, None);
    let third = &matters[2].deadline;
    assert_eq!(third.raw, "承诺10个工作日");
    assert_eq!(third.clauses[0].basis, Some(Basis::Committed));
    assert_eq!(findings(&document), Vec::<String>::new());
}

#[test]
fn a_plain_deadline_column_beside_a_committed_one_keeps_both_texts() {
    let document = parsed(&list(
        &["子项", "办理材料", "办理时限", "承诺时限"],
        &[&["甲", "无", "1个月", "15日"]],
    ));
    let deadline = &matters(&document)[0].deadline;
    assert_eq!(deadline.raw, "办理时限：1个月\n承诺办结时限：15日");
    let bases: Vec<_> = deadline.clauses.iter().map(|c| c.basis.clone()).collect();
    assert_eq!(bases, [None, Some(Basis::Committed)]);
    // Months and calendar days have no bound in working days.
    assert_eq!(deadline.max_working_days, None);
}

#[test]
fn an_unparsed_committed_deadline_is_reported_at_its_cell() {
    let document = parsed(&list(
        &["子项", "办理材料", "法定办结时限", "承诺办结时限"],
        &[&["甲", "无", "20个工作日", "尽快"]],
    ));
    let deadline = &matters(&document)[0].deadline;
    assert_eq!(deadline.raw, "法定办结时限：20个工作日\n承诺办结时限：尽快");
    assert_eq!(deadline.clauses.len(), 1);
    assert_eq!(
        findings(&document),
        [
            "2:1 missing_column: the header at line 2 has no 子项序号 column",
            "2:1 category_inferred: the header at line 2 has no 主项 column; each row is a matter, all in one category without a name",
            "3:12 deadline_unparsed: deadline `尽快` states no time limit that could be read",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Fee, place, phones and the other new fields

#[test]
fn fee_cells_say_yes_no_or_nothing() {
    let header = ["子项序号", "子项", "办理材料", "是否收费", "收费标准"];
    let rows: [&[&str]; 7] = [
        &["1", "甲", "无", "否", ""],
        &["2", "乙", "无", " 不收费。", "无"],
        &["3", "丙", "无", "是", "每件10元"],
        &["4", "丁", "无", "收费", ""],
        &["5", "戊", "无", "", "免费"],
        &["6", "己", "无", "视情况而定", "按有关规定"],
        &["7", "庚", "无", "", ""],
    ];
    let document = parsed(&list(&header, &rows));
    let fees: Vec<_> = matters(&document)
        .iter()
        .map(|m| {
            let fee = m.fee.as_ref().unwrap();
            (fee.charged, fee.raw.as_str(), fee.standard.as_deref())
        })
        .collect();
    assert_eq!(
        fees,
        [
            (Some(false), "否", None),
            (Some(false), " 不收费。", Some("无")),
            (Some(true), "是", Some("每件10元")),
            (Some(true), "收费", None),
            (Some(false), "", Some("免费")),
            (None, "视情况而定", Some("按有关规定")),
            (None, "", None),
        ]
    );
    assert_eq!(
        findings(&document),
        [
            "2:1 category_inferred: the header at line 2 has no 主项 column; each row is a matter, all in one category without a name",
            "8:7 fee_unparsed: the 是否收费 cell at line 8 reads “视情况而定”, neither yes (是, 收费) nor no (否, 不收费, 免费, 无); `fee.charged` is left empty",
        ]
    );
}

#[test]
fn a_list_without_fee_columns_has_no_fee() {
    let document = parsed(&list(
        &["子项", "办理材料", "办理时限"],
        &[&["甲", "无", "即时办结"]],
    ));
    let matter = matters(&document)[0];
    assert_eq!(matter.fee, None);
    assert_eq!(matter.place, None);
    assert_eq!(matter.inquiry_phone, None);
}

#[test]
fn place_phones_and_who_handles_the_matter() {
    let header = [
        "事项名称",
        "事项类型",
        "实施主体",
        "行使层级",
        "办理对象",
        "办理地点",
        "咨询电话",
        "监督电话",
        "主项",
    ];
    let row = [
        "职工参保登记",
        "公共服务",
        "某市医疗保障局",
        "市级",
        " 用人单位 ",
        "市民中心3楼",
        "0535-12345",
        "12345",
        "一、参保",
    ];
    let document = parsed(&list(&header, &[&row]));
    let matter = matters(&document)[0];
    assert_eq!(document.categories[0].name, "参保");
    assert_eq!(matter.kind.as_deref(), Some("公共服务"));
    assert_eq!(matter.authority.as_deref(), Some("某市医疗保障局"));
    assert_eq!(matter.level.as_deref(), Some("市级"));
    assert_eq!(matter.target.as_deref(), Some("用人单位"));
    assert_eq!(matter.place.as_deref(), Some("市民中心3楼"));
    assert_eq!(matter.inquiry_phone.as_deref(), Some("0535-12345"));
    assert_eq!(matter.supervision_phone.as_deref(), Some("12345"));
    assert!(matter.extra.is_empty());
    // With a 主项 column the categories are not inferred.
    assert_eq!(
        findings(&document),
        ["2:1 missing_column: the header at line 2 has no 子项序号 column"]
    );
}

// ---------------------------------------------------------------------------------------------
// Lists without 主项

#[test]
fn a_flat_list_puts_every_row_in_one_category_without_a_name() {
    let document = parsed(&list(
        &["序号", "事项名称", "申请材料", "办结时限"],
        &[
            &["1", "单位参保登记", "营业执照", "即时办结"],
            &["2", "职工参保登记", "身份证", "即时办结"],
            &["3", "参保信息变更", "变更表", "5个工作日"],
        ],
    ));
    assert_eq!(document.categories.len(), 1);
    let category = &document.categories[0];
    assert_eq!((category.name.as_str(), category.ordinal), ("", None));
    assert!(category.raw.is_empty());
    let names: Vec<&str> = category.matters.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["单位参保登记", "职工参保登记", "参保信息变更"]);
    assert_eq!(
        findings(&document),
        ["2:1 category_inferred: the header at line 2 has no 主项 column; each row is a matter, all in one category without a name"]
    );
}

#[test]
fn a_flat_list_with_a_kind_column_has_a_category_per_kind() {
    let document = parsed(&list(
        &["序号", "事项类型", "事项名称", "申请材料", "办结时限"],
        &[
            &["1", "行政确认", "参保登记", "身份证", "即时办结"],
            &["2", "行政确认", "参保变更", "身份证", "即时办结"],
            &["3", "公共服务", "待遇支付", "发票", "10个工作日"],
        ],
    ));
    let categories: Vec<(&str, usize)> = document
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.matters.len()))
        .collect();
    assert_eq!(categories, [("行政确认", 2), ("公共服务", 1)]);
    assert_eq!(
        document.categories[1].matters[0].kind.as_deref(),
        Some("公共服务")
    );
    assert_eq!(document.categories[1].lines, (5, 5));
    assert_eq!(
        findings(&document),
        ["2:4 category_inferred: the header at line 2 has no 主项 column; each row is a matter, in categories named by its 事项类型 column"]
    );
}

#[test]
fn a_flat_list_row_without_a_kind_before_any_kind_is_reported() {
    let document = parsed(&list(
        &["序号", "事项类型", "事项名称", "申请材料"],
        &[&["1", "", "甲", "无"], &["2", "公共服务", "乙", "无"]],
    ));
    let names: Vec<&str> = document
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["", "公共服务"]);
    assert_eq!(
        findings(&document),
        [
            "2:4 category_inferred: the header at line 2 has no 主项 column; each row is a matter, in categories named by its 事项类型 column",
            "3:1 matter_without_category: the row at line 3 comes before any 主项; it is put in a category without a name",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Wide shapes

#[test]
fn surplus_cells_are_kept_as_one_entry_as_the_source_has_them() {
    let document = parsed(&list(
        &["主项", "子项序号", "子项", "办理材料"],
        &[&["一、甲", "1", "乙", "无", "", "多出", "", "再多", "", ""]],
    ));
    let matter = matters(&document)[0];
    let extra: Vec<(&str, &str)> = matter
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(extra, [("column 6", "多出\t\t再多")]);
    assert_eq!(
        findings(&document),
        ["3:12 row_too_long: the row at line 3 has 10 cells where the header has 4; the surplus is kept under `extra`"]
    );
}

#[test]
fn a_row_of_many_surplus_cells_parses_into_one_entry() {
    let n = 100_000;
    let text = format!(
        "清单\n主项\t子项序号\t子项\t办理材料\n一、甲\t1\t乙\t无{}\n",
        "\t丙".repeat(n)
    );
    let document = parsed(&text);
    let matter = matters(&document)[0];
    assert_eq!(matter.extra.len(), 1);
    let surplus = &matter.extra["column 5"];
    assert_eq!(surplus.len(), n * "\t丙".len() - 1);
    assert_eq!(surplus.split('\t').count(), n);
    assert_eq!(document.diagnostics.len(), 1);
}

#[test]
fn a_header_of_many_unknown_columns_reads_its_rows() {
    let n = 20_000;
    let unknown: String = (0..n).map(|i| format!("\t栏{i}")).collect();
    let cells: String = (0..n).map(|i| format!("\t值{i}")).collect();
    let text = format!("清单\n主项\t子项序号\t子项\t办理材料{unknown}\n一、甲\t1\t乙\t无{cells}\n一、甲\t2\t丁\t无\n");
    let document = parsed(&text);
    assert_eq!(document.columns.len(), n + 4);
    let all = matters(&document);
    assert_eq!(all[0].extra.len(), n);
    let keys: Vec<&String> = all[0].extra.keys().take(3).collect();
    assert_eq!(keys, ["栏0", "栏1", "栏2"]);
    assert_eq!(
        all[0].extra[&*format!("栏{}", n - 1)],
        format!("值{}", n - 1)
    );
    assert!(all[1].extra.is_empty());
    assert_eq!(
        findings(&document),
        [format!(
            "4:10 row_too_short: the row at line 4 has 4 cells where the header has {}",
            n + 4
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// Two-row headers (政务公开标准目录)

/// A 政务公开标准目录 of the usual shape: the first header row, its row of sub-columns, and
/// rows given as cells (tab-separated lines).
fn catalogue(first: &str, second: &str, rows: &[&str]) -> String {
    let mut text = format!("某县养老服务领域基层政务公开标准目录\n{first}\n{second}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

const FIRST: &str = "序号\t公开事项\t公开内容（要素）\t公开依据\t公开时限\t公开主体\t公开渠道和载体\t公开对象\t公开方式\t公开层级";
const SECOND: &str = "一级事项\t二级事项\t全社会\t特定群体\t主动\t依申请\t县级\t乡级";
const ROW_1: &str = "1\t养老服务\t高龄津贴发放\t发放标准、发放对象\t《老年人权益保障法》\t信息形成之日起20个工作日内\t县民政局\t■政府网站\t√\t\t√\t\t√\t";
const ROW_2: &str = "2\t\t养老机构备案\t备案条件\t《养老机构管理办法》\t信息形成之日起20个工作日内\t县民政局\t■政府网站\t\t√\t√\t\t\t√";

#[test]
fn a_two_row_header_puts_each_cells_sub_columns_in_its_place() {
    let document = parsed(&catalogue(FIRST, SECOND, &[ROW_1, ROW_2]));
    assert_eq!(
        document.columns,
        [
            "序号",
            "公开事项/一级事项",
            "公开事项/二级事项",
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "公开对象/全社会",
            "公开对象/特定群体",
            "公开方式/主动",
            "公开方式/依申请",
            "公开层级/县级",
            "公开层级/乡级",
        ]
    );
    let outline: Vec<(&str, &str)> = document
        .matters()
        .map(|(c, m)| (c.name.as_str(), m.name.as_str()))
        .collect();
    assert_eq!(
        outline,
        [("养老服务", "高龄津贴发放"), ("养老服务", "养老机构备案")]
    );
    let second = matters(&document)[1];
    assert_eq!(second.seq, Some(2));
    assert_eq!(second.legal_basis.citations[0].title, "养老机构管理办法");
    assert_eq!(second.authority.as_deref(), Some("县民政局"));
    assert_eq!(second.extra["公开内容（要素）"], "备案条件");
    assert_eq!(second.extra["公开对象/特定群体"], "√");
    assert_eq!(second.extra["公开层级/乡级"], "√");
    assert_eq!(second.extra.get("公开对象/全社会"), None);
    // 公开时限 is when the information is published, not how long handling takes.
    assert_eq!(second.extra["公开时限"], "信息形成之日起20个工作日内");
    assert_eq!(second.deadline.raw, "");
    assert!(second.deadline.clauses.is_empty());
    assert_eq!(
        findings(&document),
        ["3:1 header_rows_merged: the header rows at lines 2 and 3 are read as one: 公开事项 spans 一级事项 | 二级事项, 公开对象 spans 全社会 | 特定群体, 公开方式 spans 主动 | 依申请, 公开层级 spans 县级 | 乡级"]
    );
}

#[test]
fn spaced_words_in_both_header_rows() {
    let first = "序 号\t公开 事项\t公开内容 (要素)\t公开 依据\t公开 时限\t公开 主体\t公开渠道 和载体\t公开 对象\t公开 方式";
    let second = "一级 事项\t二级 事项\t全 社 会\t特定 群众\t主 动\t依申 请公开";
    let row = "1\t养老 服务\t高龄津贴 发放\t发放标准\t《老年人权益保障法》\t20个工作日内\t县民政局\t■政府网站\t√\t\t√\t";
    let document = parsed(&catalogue(first, second, &[row]));
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(
        (category.name.as_str(), matter.name.as_str()),
        ("养老服务", "高龄津贴发放")
    );
    assert_eq!(matter.seq, Some(1));
    assert_eq!(matter.extra["公开内容 (要素)"], "发放标准");
    assert_eq!(matter.extra["公开对象/全社会"], "√");
    assert_eq!(matter.extra.get("公开方式/依申请公开"), None);
    assert_eq!(document.columns.len(), 12);
}

#[test]
fn three_matter_levels_the_deepest_is_the_name_the_first_the_category() {
    let second = "一级事项\t二级事项\t三级事项\t全社会\t特定群体\t主动\t依申请\t县级\t乡级";
    let rows = [
        "1\t户籍管理\t迁移登记\t迁入登记\t受理部门\t《户口登记条例》\t20个工作日内\t派出所\t■政府网站\t√\t\t√\t\t√\t",
        "2\t\t\t迁出登记\t受理部门\t《户口登记条例》\t20个工作日内\t派出所\t■政府网站\t√\t\t√\t\t√\t",
    ];
    let document = parsed(&catalogue(FIRST, second, &rows));
    let found: Vec<(&str, &str, &str)> = document
        .matters()
        .map(|(c, m)| {
            let level = m.extra.get("公开事项/二级事项").map_or("", String::as_str);
            (c.name.as_str(), m.name.as_str(), level)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("户籍管理", "迁入登记", "迁移登记"),
            ("户籍管理", "迁出登记", "")
        ]
    );
}

#[test]
fn a_matter_name_column_spans_the_matter_levels_in_any_order_of_groups() {
    // The levels under 事项名称, the groups in another order than usual, and no 公开层级.
    let first =
        "序号\t事项名称\t公开内容\t公开依据\t公开时限\t公开主体\t公开方式\t公开渠道\t公开对象";
    let second = "一级事项\t二级事项\t主动\t依申请\t全社会\t特定群体";
    let row = "1\t政策文件\t法律法规\t有关法律\t《政府信息公开条例》\t20个工作日内\t应急局\t√\t\t■政府网站\t√\t";
    let document = parsed(&catalogue(first, second, &[row]));
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(
        (category.name.as_str(), matter.name.as_str()),
        ("政策文件", "法律法规")
    );
    assert_eq!(matter.extra["公开方式/主动"], "√");
    assert_eq!(matter.extra["公开渠道"], "■政府网站");
    assert_eq!(matter.extra["公开对象/全社会"], "√");
    assert!(document
        .diagnostics
        .iter()
        .all(|d| d.code.as_str() == "header_rows_merged"));
}

#[test]
fn guesses_of_a_merge_are_warnings() {
    // 公开对象 cut short by the page, an unknown sub-column beside the levels of government,
    // and the levels under a second 公开方式 (the list names it twice).
    let first = "序号\t公开事项\t公开内容\t公开依据\t公开对\t公开方式\t公开方式";
    let second = "一级事项\t二级事项\t全社会\t特定群体\t主动\t依申请\t县级\t其他";
    let row = "1\t养老服务\t高龄津贴\t标准\t《老年人权益保障法》\t√\t\t√\t\t√\t";
    let document = parsed(&catalogue(first, second, &[row]));
    let matter = matters(&document)[0];
    assert_eq!(matter.name, "高龄津贴");
    assert_eq!(matter.extra["公开方式/县级"], "√");
    assert_eq!(
        findings(&document),
        [
            "2:19 header_spans_guessed: the header cell 公开对 at line 2 is read as 公开对象, cut short",
            "2:28 header_spans_guessed: the sub-columns 县级 | 其他 of 公开层级 at line 3 are read under the header cell 公开方式 at line 2 by position; its name does not say so",
            "3:1 header_rows_merged: the header rows at lines 2 and 3 are read as one: 公开事项 spans 一级事项 | 二级事项, 公开对 spans 全社会 | 特定群体, 公开方式 spans 主动 | 依申请, 公开方式 spans 县级 | 其他",
            "3:30 header_spans_guessed: the header cell 其他 at line 3 names no known sub-column; it is read under 公开层级 with the sub-columns beside it",
        ]
    );
}

#[test]
fn a_second_row_that_cannot_be_lined_up_is_reported_and_kept() {
    // Levels of government, and no cell of the first row to span them.
    let first = "序号\t公开事项\t公开内容\t公开依据\t公开对象";
    let second = "一级事项\t二级事项\t全社会\t特定群体\t县级\t乡级";
    let row = "1\t养老服务\t标准\t《老年人权益保障法》\t全社会";
    let document = parsed(&catalogue(first, second, &[row]));
    assert_eq!(document.preamble, [second]);
    assert_eq!(matters(&document)[0].name, "养老服务");
    assert_eq!(
        findings(&document),
        [
            "2:1 category_inferred: the header at line 2 has no 主项 column; each row is a matter, all in one category without a name",
            "3:1 header_rows_unmatched: the row at line 3 reads as the second row of the header at line 2, but no cell of the first row can span 县级 | 乡级; it is kept in the preamble, and the header is read from line 2 alone",
        ]
    );
}

#[test]
fn a_two_row_header_repeated_on_every_page_is_one_header() {
    let text = catalogue(
        FIRST,
        SECOND,
        &[ROW_1, FIRST, SECOND, ROW_2, "", FIRST, SECOND, "3\t\t养老护理补贴\t标准\t《老年人权益保障法》\t20个工作日内\t县民政局\t■政府网站\t√\t\t√\t\t√\t"],
    );
    let document = parsed(&text);
    let names: Vec<&str> = matters(&document).iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["高龄津贴发放", "养老机构备案", "养老护理补贴"]);
    assert_eq!(document.categories.len(), 1);
    assert!(document.other_columns.is_empty());
    assert_eq!(findings(&document).len(), 1, "{:?}", findings(&document));
}

#[test]
fn a_data_row_after_a_header_is_not_a_second_header_row() {
    // A row of short cells, two of them sub-column words, but numbered: data.
    let first = "序号\t公开事项\t公开依据\t公开对象\t公开方式";
    let rows = ["1\t主动\t《条例》\t全社会\t依申请"];
    let document = parsed(&catalogue(first, rows[0], &[]));
    assert_eq!(matters(&document)[0].name, "主动");
    assert_eq!(matters(&document)[0].target.as_deref(), Some("全社会"));
}

#[test]
fn a_header_that_lost_its_number_cell_gets_it_back_with_a_warning() {
    // The first header row starts at 公开事项; the rows start with their number (or a blank).
    let first = "公开事项\t公开内容\t公开依据\t公开时限\t公开主体\t公开对象\t公开方式";
    let second = "一级事项\t二级事项\t全社会\t特定群体\t主动\t依申请";
    let rows = [
        "1\t行政审批\t许可服务指南\t适用范围\t《食品安全法》\t20个工作日内\t市场监管所\t√\t\t√\t",
        "\t\t许可基本信息\t许可证编号\t《食品安全法》\t20个工作日内\t市场监管所\t√\t\t√\t",
    ];
    let document = parsed(&catalogue(first, second, &rows));
    let found: Vec<(&str, Option<u32>, &str)> = document
        .matters()
        .map(|(c, m)| (c.name.as_str(), m.seq, m.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("行政审批", Some(1), "许可服务指南"),
            ("行政审批", None, "许可基本信息")
        ]
    );
    assert_eq!(document.columns[0], "序号");
    assert_eq!(
        findings(&document),
        [
            "2:1 missing_column: the header at line 2 has no 子项序号 column",
            "3:1 header_rows_merged: the header rows at lines 2 and 3 are read as one: 公开事项 spans 一级事项 | 二级事项, 公开对象 spans 全社会 | 特定群体, 公开方式 spans 主动 | 依申请",
            "4:1 header_cell_missing: the row at line 4 starts with the number 1 where the header names 公开事项/一级事项 (主项), and has more cells than the header: the header is read as missing its 序号 cell at the start",
            "5:1 matter_number_empty: the matter “许可基本信息” at line 5 has no 子项序号",
        ]
    );
    // A row as long as the header is read as it stands.
    let fits = parsed(&catalogue(first, second, &[&rows[0][2..]]));
    assert_eq!(matters(&fits)[0].name, "许可服务指南");
    assert!(findings(&fits)
        .iter()
        .all(|f| !f.contains("header_cell_missing")));
}

#[test]
fn a_header_whose_cells_lost_a_character_is_read_with_a_warning_per_cell() {
    // Every 公 of 公开 lost by the extraction; 咨询电话 and 序号 whole.
    let first = "序号\t开事项\t开内容\t开依据\t开主体\t咨询电话";
    let second = "一级事项\t二级事项";
    let row = "1\t计划实施\t任务分配\t补助名单\t《某某通知》\t乡镇人民政府\t0000-1234567";
    let document = parsed(&catalogue(first, second, &[row]));
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(
        (category.name.as_str(), matter.name.as_str()),
        ("计划实施", "任务分配")
    );
    assert_eq!(matter.legal_basis.citations[0].title, "某某通知");
    assert_eq!(matter.authority.as_deref(), Some("乡镇人民政府"));
    assert_eq!(matter.extra["开内容"], "补助名单");
    assert_eq!(
        findings(&document),
        [
            "2:4 header_spans_guessed: the header cell 开事项 at line 2 is read as 公开事项, cut short",
            "2:12 header_name_cut: the header cell 开依据 at line 2 is read as a name cut short by one character, of the 设定依据 column",
            "2:16 header_name_cut: the header cell 开主体 at line 2 is read as a name cut short by one character, of the 实施主体 column",
            "3:1 header_rows_merged: the header rows at lines 2 and 3 are read as one: 开事项 spans 一级事项 | 二级事项",
        ]
    );
}

#[test]
fn a_seq_column_named_like_the_name_column_is_read_by_its_numbers() {
    let header = ["主项", "子项", "子项", "办理材料", "办理时限"];
    let rows: [&[&str]; 2] = [
        &["一、参保登记", "1", "单位登记", "营业执照", "即时办结"],
        &["", "2", "个人登记", "身份证", "即时办结"],
    ];
    let document = parsed(&list(&header, &rows));
    let found: Vec<(Option<u32>, &str)> = matters(&document)
        .iter()
        .map(|m| (m.seq, m.name.as_str()))
        .collect();
    assert_eq!(found, [(Some(1), "单位登记"), (Some(2), "个人登记")]);
    assert_eq!(
        findings(&document),
        [
            "2:1 missing_column: the header at line 2 has no 子项序号 column",
            "2:7 duplicate_column: the header at line 2 names 子项 twice; the second one is kept under `extra`",
            "3:8 seq_column_guessed: the header names 子项 twice and has no 子项序号 column; the first 子项 column holds the number 1 in the row at line 3, the second a name: they are read as 子项序号 and 子项",
        ]
    );
    // Names in both columns: the header is read as it stands.
    let named = parsed(&list(
        &header,
        &[&["一、参保登记", "甲", "乙", "无", "即时办结"]],
    ));
    assert_eq!(matters(&named)[0].name, "甲");
}

#[test]
fn a_name_closed_as_a_sentence_is_named_without_its_full_stop() {
    // A 办事指南 writes each field as a sentence.
    let header = ["主项名称", "子项名称", "办理材料", "办理时限"];
    let row = [
        "参保登记。",
        "城乡居民参保登记 。",
        "身份证。",
        "即时办结。",
    ];
    let document = parsed(&list(&header, &[&row]));
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(category.name, "参保登记");
    assert_eq!(category.raw, ["参保登记。"]);
    assert_eq!(matter.name, "城乡居民参保登记");
    assert_eq!(matter.name_raw, "城乡居民参保登记 。");
}

#[test]
fn rows_one_cell_narrower_put_the_first_matter_level_in_the_type_column_before() {
    // 事项类型 and 公开事项 over 一级事项 | 二级事项: the rows have one column for the two.
    let first = "序号\t事项类型\t公开事项\t公开依据\t公开对象";
    let second = "一级事项\t二级事项\t全社会\t特定群体";
    let rows = [
        "1\t1. 文化服务\t1.1图书借阅\t《公共图书馆法》\t√\t√",
        "2\t\t1.2讲座培训\t《公共文化服务保障法》\t√\t√",
    ];
    let document = parsed(&catalogue(first, second, &rows));
    let found: Vec<(&str, &str)> = document
        .matters()
        .map(|(c, m)| (c.raw[0].as_str(), m.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("1. 文化服务", "1.1图书借阅"),
            ("1. 文化服务", "1.2讲座培训")
        ]
    );
    assert_eq!(document.columns[1], "事项类型/一级事项");
    assert_eq!(document.columns[2], "公开事项/二级事项");
    assert_eq!(
        findings(&document)[1],
        "4:1 header_spans_guessed: the row at line 4 fills 6 cells, one fewer than the two-row header: the matter levels 一级事项 | 二级事项 are read under 事项类型 and 公开事项, the first level in the 事项类型 column"
    );
    // Rows as wide as the header are read by it.
    let wide = ["1\t文化服务\t公共服务\t图书借阅\t《公共图书馆法》\t√\t√"];
    let document = parsed(&catalogue(first, second, &wide));
    let (category, matter) = document.matters().next().unwrap();
    assert_eq!(
        (category.name.as_str(), matter.name.as_str()),
        ("公共服务", "图书借阅")
    );
    assert_eq!(matter.kind.as_deref(), Some("文化服务"));
}
