//! Rows, pages and titles (issue 14, part 3), rule by rule on small lists written here: how a
//! row continued on the next page is joined, which line is the title, where a `注：` row
//! belongs, every decision about a 主项 split by a page break with its exact message, and the
//! shapes that once took quadratic time.

mod common;

use common::findings;

use shixiang::{parse, ChannelKind, Document};

const HEADER: &str = "主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据";

fn parsed(text: &str) -> Document {
    parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// A list: title, header, a matter row, a page break (blank line and header again), and a
/// continuation row whose cells are `continued` (materials, steps, channels, notes).
fn continued(first: [&str; 4], continued: [&str; 4]) -> String {
    let [materials, steps, channels, notes] = first;
    let [materials2, steps2, channels2, notes2] = continued;
    format!(
        "某市清单\n{HEADER}\n一、参保\t1\t甲\t{materials}\t即时办结\t{steps}\t{channels}\t{notes}\t\n\n{HEADER}\n\t\t\t{materials2}\t\t{steps2}\t{channels2}\t{notes2}\t\n"
    )
}

// --- continued rows --------------------------------------------------------------------

#[test]
fn channels_cut_between_two_channels_stay_two_channels() {
    let text = continued(["", "", "现场办理", ""], ["", "", "网上办理", ""]);
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    assert_eq!(matter.channels.raw, "现场办理\n网上办理");
    let modes: Vec<(&str, ChannelKind)> = matter
        .channels
        .modes
        .iter()
        .map(|m| (m.text.as_str(), m.kind.clone()))
        .collect();
    assert_eq!(
        modes,
        [
            ("现场办理", ChannelKind::OnSite),
            ("网上办理", ChannelKind::Online)
        ]
    );
    assert_eq!(
        findings(&document),
        [
            "6:1 row_continued: the row at line 6 has no 子项序号 or 子项; its cells are appended to the matter at line 3",
            "6:7 cell_continued: the 办理方式 cell at line 6 is appended to the matter at line 3 as a new item, after a line break: “网上办理” after “现场办理”",
        ]
    );
}

#[test]
fn materials_and_steps_cut_between_items_get_a_line_break() {
    let text = continued(
        ["身份证", "申请—受理", "", ""],
        ["户口簿", "审核—办结", "", ""],
    );
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    // The line break marks the boundary in `raw`; the materials and steps parsers are to
    // split on it (src/fields is being redesigned apart from this change).
    assert_eq!(matter.materials.raw, "身份证\n户口簿");
    assert_eq!(matter.steps.raw, "申请—受理\n审核—办结");
    assert_eq!(
        findings(&document)[1..],
        [
            "6:4 cell_continued: the 办理材料 cell at line 6 is appended to the matter at line 3 as a new item, after a line break: “户口簿” after “身份证”",
            "6:9 cell_continued: the 办理环节 cell at line 6 is appended to the matter at line 3 as a new item, after a line break: “审核—办结” after “申请—受理”",
        ]
    );
}

#[test]
fn a_word_cut_by_the_page_break_is_joined_without_a_separator() {
    let text = continued(
        ["居民身份证", "", "网上", "申请定点"],
        ["复印件", "", "办理", "协议管理"],
    );
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    assert_eq!(matter.materials.raw, "居民身份证复印件");
    assert_eq!(matter.channels.raw, "网上办理");
    assert_eq!(matter.channels.modes.len(), 1);
    assert_eq!(matter.channels.modes[0].kind, ChannelKind::Online);
    assert_eq!(matter.notes.raw, "申请定点协议管理");
    assert_eq!(
        findings(&document)[1..],
        [
            "6:4 cell_continued: the 办理材料 cell at line 6 is appended to the matter at line 3 as it is, the rest of a word cut by the page break: “复印件” after “居民身份证”",
            "6:10 cell_continued: the 办理方式 cell at line 6 is appended to the matter at line 3 as it is, the rest of a word cut by the page break: “办理” after “网上”",
            "6:13 cell_continued: the 备注 cell at line 6 is appended to the matter at line 3 as it is, the rest of a word cut by the page break: “协议管理” after “申请定点”",
        ]
    );
}

#[test]
fn punctuation_or_a_list_marker_decides_the_join() {
    let text = continued(
        ["1.身份证", "申请—", "现场办理、", ""],
        ["2.户口簿", "受理", "网上办理", ""],
    );
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    assert_eq!(matter.materials.raw, "1.身份证\n2.户口簿");
    assert_eq!(matter.steps.raw, "申请—受理");
    assert_eq!(matter.steps.steps, ["申请", "受理"]);
    assert_eq!(matter.channels.raw, "现场办理、网上办理");
    assert_eq!(matter.channels.modes.len(), 2);
    assert_eq!(
        findings(&document)[1..],
        [
            "6:4 cell_continued: the 办理材料 cell at line 6 is appended to the matter at line 3 as a new item, after a line break: “2.户口簿” after “1.身份证”",
            "6:11 cell_continued: the 办理环节 cell at line 6 is appended to the matter at line 3 as it is, after the punctuation that ends it: “受理” after “申请—”",
            "6:14 cell_continued: the 办理方式 cell at line 6 is appended to the matter at line 3 as it is, after the punctuation that ends it: “网上办理” after “现场办理、”",
        ]
    );
}

#[test]
fn a_continued_piece_keeps_its_own_position() {
    // The line break belongs to no piece: a finding in the piece is at its own column.
    let text = continued(["", "", "现场办理", ""], ["", "", "网上办理（", ""]);
    let document = parsed(&text);
    let brackets: Vec<String> = findings(&document)
        .into_iter()
        .filter(|f| f.contains("unbalanced_brackets"))
        .collect();
    assert_eq!(
        brackets,
        ["6:11 unbalanced_brackets: the 办理方式 cell at line 6 has a “（” at column 11 that is never closed"]
    );
}

// --- title and preamble --------------------------------------------------------------------

/// A list whose title block is `lines`, then a header and one row.
fn titled(lines: &[&str]) -> Document {
    parsed(&format!(
        "{}\n{HEADER}\n一、参保\t1\t甲\t\t即时办结\t\t\t\t\n",
        lines.join("\n")
    ))
}

#[test]
fn an_annex_label_before_the_title_is_preamble() {
    for label in [
        "附件2",
        "附件 2",
        "附表3",
        "附件：",
        "附件二",
        "- 1 -",
        "第1页",
        "一、",
    ] {
        let document = titled(&[label, "山东省医疗保障经办政务服务事项清单（2023版）"]);
        assert_eq!(
            document.title.as_deref(),
            Some("山东省医疗保障经办政务服务事项清单（2023版）"),
            "{label}"
        );
        assert_eq!(document.region.as_deref(), Some("山东省"), "{label}");
        assert_eq!(document.edition.as_deref(), Some("2023版"), "{label}");
        assert_eq!(document.preamble, [label], "{label}");
    }
}

#[test]
fn a_title_opening_with_its_annex_label_keeps_it_and_its_region() {
    let document = titled(&["附件2：烟台市医疗保障经办政务服务事项清单"]);
    assert_eq!(
        document.title.as_deref(),
        Some("附件2：烟台市医疗保障经办政务服务事项清单")
    );
    assert_eq!(document.region.as_deref(), Some("烟台市"));
    assert!(document.preamble.is_empty());
}

#[test]
fn dates_and_subtitles_around_the_title_stay_in_order_in_the_preamble() {
    let document = titled(&[
        "附件1",
        "2023年5月1日",
        "烟台市医疗保障经办政务服务事项清单",
        "（试行）",
        "编制单位：烟台市医疗保障局",
    ]);
    assert_eq!(
        document.title.as_deref(),
        Some("烟台市医疗保障经办政务服务事项清单")
    );
    assert_eq!(document.region.as_deref(), Some("烟台市"));
    assert_eq!(
        document.preamble,
        [
            "附件1",
            "2023年5月1日",
            "（试行）",
            "编制单位：烟台市医疗保障局"
        ]
    );
}

#[test]
fn without_a_list_title_the_first_line_that_is_not_furniture_is_the_title() {
    let document = titled(&["附件2", "编制说明", "其他"]);
    assert_eq!(document.title.as_deref(), Some("编制说明"));
    assert_eq!(document.preamble, ["附件2", "其他"]);
    // An edition in brackets on a line of its own is a subtitle, not the title.
    let document = titled(&["关于印发事项的通知", "（2023年版）"]);
    assert_eq!(document.title.as_deref(), Some("关于印发事项的通知"));
    assert_eq!(document.preamble, ["（2023年版）"]);
    let document = titled(&["附件2", "2023-05-01"]);
    assert_eq!(document.title, None);
    assert_eq!(document.preamble, ["附件2", "2023-05-01"]);
}

#[test]
fn the_title_block_repeated_on_every_page_breaks_the_page() {
    let text = format!(
        "附件2\n某市清单\n{HEADER}\n一、参保\t1\t甲\t\t即时办结\t\t\t\t\n附件2\n某市清单\n{HEADER}\n\t2\t乙\t\t即时办结\t\t\t\t\n"
    );
    let document = parsed(&text);
    assert_eq!(document.title.as_deref(), Some("某市清单"));
    assert_eq!(document.preamble, ["附件2"]);
    assert_eq!(document.categories[0].matters.len(), 2);
    assert!(document.footnotes.is_empty());
    assert!(document.diagnostics.is_empty(), "{:?}", findings(&document));
}

// --- `注：` rows -----------------------------------------------------------------------------

#[test]
fn a_note_row_in_the_notes_column_right_after_a_matter_is_its_note() {
    let text = format!(
        "某市清单\n{HEADER}\n一、参保\t1\t甲\t\t即时办结\t\t\t无\t\n\t\t\t\t\t\t\t注：跨省转移除外\t\n"
    );
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    // The notes parser is to read the line break before `注：` as the start of a note of
    // its own (src/fields is being redesigned apart from this change).
    assert_eq!(matter.notes.raw, "无\n注：跨省转移除外");
    assert!(document.footnotes.is_empty());
    assert_eq!(
        findings(&document),
        [
            "4:1 row_continued: the row at line 4 has no 子项序号 or 子项; its cells are appended to the matter at line 3",
            "4:8 cell_continued: the 备注 cell at line 4 is appended to the matter at line 3 as a new item, after a line break: “注：跨省转移除外” after “无”",
        ]
    );
}

#[test]
fn a_note_after_the_table_elsewhere_is_a_footnote() {
    for (tail, why) in [
        ("\n\t\t\t\t\t\t\t注：跨省转移除外\t\n", "after a blank line"),
        ("注：跨省转移除外\t\t\t\t\t\t\t\t\n", "in the 主项 column"),
        (
            "\t\t\t注:跨省转移除外\t\t\t\t\t\n",
            "in the 办理材料 column",
        ),
        ("注：跨省转移除外\n", "a line without cells"),
    ] {
        let text = format!("某市清单\n{HEADER}\n一、参保\t1\t甲\t\t即时办结\t\t\t无\t\n{tail}");
        let document = parsed(&text);
        assert_eq!(document.categories[0].matters[0].notes.raw, "无", "{why}");
        assert_eq!(document.footnotes.len(), 1, "{why}");
        assert!(document.footnotes[0].ends_with("跨省转移除外"), "{why}");
        assert!(
            document.diagnostics.is_empty(),
            "{why}: {:?}",
            findings(&document)
        );
    }
}

// --- categories split by a page break -------------------------------------------------------

/// A list of one matter row per page, the 主项 cells given.
fn pages(categories: &[&str]) -> String {
    let mut text = format!("某市清单\n{HEADER}\n");
    for (i, category) in categories.iter().enumerate() {
        if i > 0 {
            text.push_str(&format!("\n{HEADER}\n"));
        }
        text.push_str(&format!(
            "{category}\t{}\t事项{}\t\t即时办结\t\t\t\t\n",
            i + 1,
            i + 1
        ));
    }
    text
}

#[test]
fn every_decision_about_a_split_category_is_reported() {
    let document = parsed(&pages(&[
        "一、基本医疗保险参保",
        "一、基本医疗保险参保",
        "一、基本医疗",
        "和变更登记",
        "二、医药机",
        "机构申请",
        "二、医药机构申请定点协议管理",
    ]));
    let names: Vec<&str> = document
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["基本医疗保险参保和变更登记", "医药机构申请定点协议管理"]
    );
    assert_eq!(
        document.categories[0].raw,
        [
            "一、基本医疗保险参保",
            "一、基本医疗保险参保",
            "一、基本医疗",
            "和变更登记"
        ]
    );
    assert_eq!(
        findings(&document),
        [
            "6:1 category_repeated: 主项 “一、基本医疗保险参保” at line 6 repeats the category open since line 3; its rows continue that category",
            "9:1 category_repeated: 主项 “一、基本医疗” at line 9 repeats the beginning of the category “一、基本医疗保险参保” open since line 3; its rows continue that category",
            "12:1 category_fragment: 主项 “和变更登记” at line 12 has no numeral and opens a page after the numbered “一、基本医疗保险参保”; it is read as the rest of that name, joined into “一、基本医疗保险参保和变更登记”",
            "18:1 category_joined: 主项 “二、医药机” split by a page break is joined with “机构申请” at line 18 into “二、医药机构申请”",
            "21:1 category_joined: 主项 “二、医药机构申请” split by a page break is joined with “二、医药机构申请定点协议管理” at line 21 into “二、医药机构申请定点协议管理”",
        ]
    );
}

#[test]
fn a_long_overlap_is_not_duplicated() {
    // The piece after the break repeats 40 characters of the name's end (more than the 32
    // once looked for).
    let repeated = "医疗保障经办政务服务事项".repeat(4);
    let first = format!("一、{repeated}");
    let second = format!("{repeated}申请");
    let document = parsed(&pages(&[&first, &second]));
    assert_eq!(document.categories.len(), 1);
    assert_eq!(document.categories[0].name, format!("{repeated}申请"));
}

// --- linear time -----------------------------------------------------------------------------

#[test]
fn a_category_split_over_many_pages_is_joined_in_linear_time() {
    // 100 000 pages (about 2 MB), each a blank line and a fragment of the same 主项 with a
    // continued row: quadratic joining copied the name on every page (22 s); linear takes
    // well under a second, in a debug build a few.
    let mut text = format!("某市清单\n{HEADER}\n一、甲\t1\t乙\t\t即时办结\t\t现场办理\t\t\n");
    for i in 0..100_000 {
        let fragment = if i % 2 == 0 { "丙丁" } else { "戊己" };
        text.push_str(&format!("\n{fragment}\t\t\t\t\t\t网上办理\t\t\n"));
    }
    let started = std::time::Instant::now();
    let document = parsed(&text);
    let took = started.elapsed();
    assert_eq!(document.categories.len(), 1);
    let category = &document.categories[0];
    assert_eq!(category.name.chars().count(), 1 + 2 * 100_000);
    assert!(category.name.ends_with("丙丁戊己"));
    assert_eq!(category.matters[0].channels.modes.len(), 100_001);
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn lone_lines_after_a_long_preamble_take_linear_time() {
    // 60 000 preamble lines, then 60 000 lone lines after the table: each once compared with
    // every line of the title block, quadratic.
    let mut text = String::from("某市清单\n");
    for n in 0..60_000 {
        text.push_str(&format!("前言第{n:08}条\n"));
    }
    text.push_str(&format!("{HEADER}\n一、甲\t1\t乙\t\t即时办结\t\t\t\t\n"));
    for n in 0..60_000 {
        text.push_str(&format!("脚注第{n:08}条\n"));
    }
    let started = std::time::Instant::now();
    let document = parsed(&text);
    let took = started.elapsed();
    assert_eq!(document.title.as_deref(), Some("某市清单"));
    assert_eq!(document.preamble.len(), 60_000);
    assert_eq!(document.footnotes.len(), 60_000);
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn an_extra_column_continued_is_joined_by_the_same_rule_and_its_long_name_quoted() {
    let name = "附加".repeat(30);
    let text = format!(
        "某市清单\n主项\t子项序号\t子项\t{name}\n一、参保\t1\t甲\t现场办理\n\n\t\t\t网上办理\n"
    );
    let document = parsed(&text);
    let matter = &document.categories[0].matters[0];
    assert_eq!(matter.extra[&name], "现场办理\n网上办理");
    let shown = "附加".repeat(20);
    assert_eq!(
        findings(&document)[1],
        format!("5:4 cell_continued: the {shown}… cell at line 5 is appended to the matter at line 3 as a new item, after a line break: “网上办理” after “现场办理”")
    );
}
