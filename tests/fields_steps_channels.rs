//! The steps (办理环节) and channels (办理方式) cells: the wordings accepted, as tables of input
//! → value, the `steps_partial` and `channels_partial` diagnostics, and the seed lists.

mod common;

use common::matter;

use shixiang::{ChannelKind, ClauseKind, Code, Diagnostic, Document, TimeUnit};

use ChannelKind::{Mail, Mobile, OnSite, Online, Other};

/// A list of one matter whose 办理环节 and 办理方式 cells are `steps` and `channels`, on line 3.
fn list(steps: &str, channels: &str) -> Document {
    let text = format!(
        "某市清单\n主项\t子项序号\t子项\t办理环节\t办理方式\n一、参保\t1\t登记\t{steps}\t{channels}\n"
    );
    shixiang::parse(&text).expect("parses")
}

/// A seed list (fixtures/valid), parsed.
fn seed(name: &str) -> Document {
    let path = format!("{}/fixtures/valid/{name}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    shixiang::parse(&text).expect("fixture parses")
}

fn steps(text: &str) -> Vec<String> {
    matter(&list(text, "现场办理"), 1).steps.steps.clone()
}

fn channels(text: &str) -> Vec<(String, ChannelKind)> {
    matter(&list("申请—办结", text), 1)
        .channels
        .modes
        .iter()
        .map(|mode| (mode.text.clone(), mode.kind.clone()))
        .collect()
}

fn partial(document: &Document, code: Code) -> Vec<(usize, usize, String)> {
    document
        .diagnostics
        .iter()
        .filter(|d: &&Diagnostic| d.code == code)
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect()
}

#[test]
fn accepted_step_wordings() {
    let four = ["申请", "受理", "审核", "办结"];
    #[rustfmt::skip]
    let table: &[(&str, &[&str])] = &[
        ("申请—受理—审核—办结",            &four),
        ("申请—受理 —审核—办结",           &four),
        ("申请 — 受理 — 审核 — 办结",      &four),
        ("申请——受理——审核——办结",         &four),
        ("申请--受理--审核--办结",         &four),
        ("申请-受理-审核-办结",            &four),
        ("申请－受理－审核－办结",         &four),
        ("申请–受理–审核–办结",            &four),
        ("申请―受理―审核―办结",            &four),
        ("申请→受理→审核→办结",            &four),
        ("申请->受理->审核->办结",         &four),
        ("申请＞受理＞审核＞办结",         &four),
        ("1.申请 2.受理 3.审核 4.办结",    &four),
        ("—申请—受理—审核—办结—",          &four),
        ("受理申请-审核评估-协商谈判",     &["受理申请", "审核评估", "协商谈判"]),
        ("申请—审核（初审-复审）—办结",    &["申请", "审核（初审-复审）", "办结"]),
        ("申请受理",                       &["申请受理"]),
        ("申请\u{200B}—办结",              &["申请", "办结"]),
        (" — -- ",                         &[]),
        // `一` (U+4E00) written for a dash: read so where step words stand on both sides.
        ("申请一受理一审核拨付一办结",     &["申请", "受理", "审核拨付", "办结"]),
        ("申请一受理一审核一办结",         &four),
        ("申请 一 受理 一 审核 一 办结",   &four),
        ("资格审核一审批决定一拨付资金",   &["资格审核", "审批决定", "拨付资金"]),
        ("1.申请一受理 2.审核一办结",      &four),
        // Numbered steps, in the markers the lists use.
        ("1、申请 2、受理 3、审核 4、办结", &four),
        ("（1）申请（2）受理（3）审核（4）办结", &four),
        ("①申请②受理③审核④办结",         &four),
        ("申请一审核（初审一复审）",       &["申请", "审核（初审一复审）"]),
        // Steps with their own time limit in brackets: named without it (see `limits`).
        ("申请—受理（1个工作日）—审核（5个工作日）—办结", &four),
        ("申请-受理(1个工作日)-审核(5个工作日内)-办结",   &four),
        ("1.申请 2.受理（即时办结） 3.审核 4.办结",       &four),
        ("申请一受理（1个工作日）一审核一办结",           &four),
        // A bracket that holds no lone clause stays in the name.
        ("申请—审核（10日内补正材料的除外）—办结", &["申请", "审核（10日内补正材料的除外）", "办结"]),
        ("申请—（1个工作日）—办结",        &["申请", "（1个工作日）", "办结"]),
    ];
    for (text, expected) in table {
        assert_eq!(steps(text), *expected, "{text}");
        // Every accepted wording is read whole.
        let document = list(text, "现场办理");
        assert_eq!(partial(&document, Code::StepsPartial), [], "{text}");
    }
}

#[test]
fn words_holding_one_are_not_split() {
    // `一` in an ordinary word has no step word on both sides; a cell with an arrow or clause
    // punctuation is never read with `一` as a dash.
    #[rustfmt::skip]
    let table: &[(&str, &[&str])] = &[
        ("统一受理",                       &["统一受理"]),
        ("申请一次性告知",                 &["申请一次性告知"]),
        ("唯一审核",                       &["唯一审核"]),
        ("一般程序审核",                   &["一般程序审核"]),
        ("申请第一受理",                   &["申请第一受理"]),
        ("受理一件事办结",                 &["受理一件事办结"]),
        ("一件事一次办",                   &["一件事一次办"]),
        ("申请一",                         &["申请一"]),
        ("一受理",                         &["一受理"]),
        ("申请一一受理",                   &["申请一一受理"]),
        ("申请—统一受理—办结",             &["申请", "统一受理", "办结"]),
        ("申请一受理—办结",                &["申请一受理", "办结"]),
        // After a `一`, the text must start with a step word (待遇 is none).
        ("资格审核一待遇核定",             &["资格审核一待遇核定"]),
    ];
    for (text, expected) in table {
        let document = list(text, "现场办理");
        assert_eq!(matter(&document, 1).steps.steps, *expected, "{text}");
        assert_eq!(partial(&document, Code::StepsDashRead), [], "{text}");
    }
    // Clause punctuation anywhere in the cell: no dash reading.
    let document = list("申请一受理，审核", "现场办理");
    assert_eq!(matter(&document, 1).steps.steps, ["申请一受理，审核"]);
    assert_eq!(partial(&document, Code::StepsDashRead), []);
}

#[test]
fn one_read_as_a_dash_is_reported() {
    let document = list("申请一受理一审核拨付一办结", "现场办理");
    assert_eq!(
        partial(&document, Code::StepsDashRead),
        [(
            3,
            11,
            "办理环节 \"一\" read as a dash: \"申请一受理一审核拨付一办结\" is 4 steps".to_owned()
        )]
    );
    let found = document
        .diagnostics
        .iter()
        .find(|d| d.code == Code::StepsDashRead)
        .expect("reported");
    assert_eq!(found.severity, shixiang::Severity::Info);
    assert_eq!(partial(&document, Code::StepsPartial), []);
    // One per numbered point read so, each at its own column.
    let document = list("1.申请一受理 2.审核一办结", "现场办理");
    assert_eq!(
        partial(&document, Code::StepsDashRead),
        [
            (
                3,
                13,
                "办理环节 \"一\" read as a dash: \"申请一受理\" is 2 steps".to_owned()
            ),
            (
                3,
                21,
                "办理环节 \"一\" read as a dash: \"审核一办结\" is 2 steps".to_owned()
            ),
        ]
    );
}

#[test]
fn steps_with_their_own_limit() {
    let document = list("申请—受理（1个工作日）—审核(5个工作日内)—办结", "现场办理");
    let steps = &matter(&document, 1).steps;
    assert_eq!(steps.steps, ["申请", "受理", "审核", "办结"]);
    let limits: Vec<(usize, ClauseKind, Option<u32>, Option<TimeUnit>)> = steps
        .limits
        .iter()
        .map(|l| {
            (
                l.step,
                l.clause.kind.clone(),
                l.clause.amount,
                l.clause.unit.clone(),
            )
        })
        .collect();
    assert_eq!(
        limits,
        [
            (1, ClauseKind::Limit, Some(1), Some(TimeUnit::WorkingDay)),
            (2, ClauseKind::Limit, Some(5), Some(TimeUnit::WorkingDay)),
        ]
    );
    assert_eq!(partial(&document, Code::StepsPartial), []);
    let immediate = list("1.申请 2.受理（即时办结）", "现场办理");
    let steps = &matter(&immediate, 1).steps;
    assert_eq!(steps.steps, ["申请", "受理"]);
    assert_eq!(steps.limits.len(), 1);
    assert_eq!(
        (steps.limits[0].step, steps.limits[0].clause.kind.clone()),
        (1, ClauseKind::Immediate)
    );
    // With no lone clause in the bracket, no limit.
    assert!(matter(&list("申请—审核（初审-复审）", "现场办理"), 1)
        .steps
        .limits
        .is_empty());
}

#[test]
fn a_step_with_clause_punctuation_is_kept_and_reported() {
    let document = list("申请—受理、审核—办结", "现场办理");
    assert_eq!(
        matter(&document, 1).steps.steps,
        ["申请", "受理、审核", "办结"]
    );
    assert_eq!(
        partial(&document, Code::StepsPartial),
        [(
            3,
            14,
            "办理环节 text not understood: \"受理、审核\"".to_owned()
        )]
    );
    // At the ends, and inside brackets, punctuation breaks no step word.
    for text in ["申请、—办结。", "申请—审核（初审、复审）—办结"] {
        assert_eq!(
            partial(&list(text, "现场办理"), Code::StepsPartial),
            [],
            "{text}"
        );
    }
}

#[test]
fn accepted_channel_wordings() {
    let both = vec![
        ("现场办理".to_owned(), OnSite),
        ("网上办理".to_owned(), Online),
    ];
    for text in [
        "现场办理 网上办理",
        "现场办理\u{3000}网上办理",
        "现场办理、网上办理",
        "现场办理，网上办理",
        "现场办理,网上办理",
        "现场办理；网上办理",
        "现场办理/网上办理",
        "1.现场办理 2.网上办理",
        "（1）现场办理（2）网上办理",
        "①现场办理②网上办理",
        "  现场办理   网上办理。 ",
        "现场 办理 网上 办理",
    ] {
        assert_eq!(channels(text), both, "{text}");
    }
    #[rustfmt::skip]
    let table: &[(&str, &str, ChannelKind)] = &[
        ("现场办理",                          "现场办理", OnSite),
        ("窗口办理",                          "窗口办理", OnSite),
        ("线下办理",                          "线下办理", OnSite),
        ("政务服务大厅",                      "政务服务大厅", OnSite),
        ("网上办理",                          "网上办理", Online),
        ("电脑端",                            "电脑端", Online),
        ("山东省政务服务网",                  "山东省政务服务网", Online),
        ("线上办理",                          "线上办理", Online),
        ("在线办理",                          "在线办理", Online),
        ("一网通办",                          "一网通办", Online),
        ("APP",                               "APP", Mobile),
        ("手机App办理",                       "手机App办理", Mobile),
        ("“烟台医保”小程序",                  "“烟台医保”小程序", Mobile),
        ("掌上办理",                          "掌上办理", Mobile),
        ("微信公众号",                        "微信公众号", Mobile),
        ("邮寄办理",                          "邮寄办理", Mail),
        ("快递",                              "快递", Mail),
        ("自助终端",                          "自助终端", Other),
        ("电话办理",                          "电话办理", Other),
        ("现场或网上办理",                    "现场或网上办理", OnSite),
        ("网上办理（政务服务网、手机APP）",   "网上办理（政务服务网、手机APP）", Online),
    ];
    for (text, channel, kind) in table {
        assert_eq!(
            channels(text),
            [(channel.to_string(), kind.clone())],
            "{text}"
        );
    }
}

#[test]
fn a_channel_without_a_channel_word_is_kept_and_reported() {
    let document = list("申请—办结", "现场办理 上门服务");
    assert_eq!(
        channels("现场办理 上门服务"),
        [
            ("现场办理".to_owned(), OnSite),
            ("上门服务".to_owned(), Other)
        ]
    );
    assert_eq!(
        partial(&document, Code::ChannelsPartial),
        [(
            3,
            22,
            "办理方式 text not understood: \"上门服务\"".to_owned()
        )]
    );
    // An action word with nothing before it is a channel of its own, not read.
    assert_eq!(channels("办理"), [("办理".to_owned(), Other)]);
    assert_eq!(
        partial(&list("申请", "办理"), Code::ChannelsPartial).len(),
        1
    );
    // A channel the model has no kind for is read.
    assert_eq!(
        partial(&list("申请", "自助终端"), Code::ChannelsPartial),
        []
    );
}

#[test]
fn seed_steps_and_channels() {
    let shandong = seed("shandong-2023");
    assert_eq!(matter(&shandong, 1).steps.raw, "申请—受理 —审核—办结");
    assert_eq!(
        matter(&shandong, 1).steps.steps,
        ["申请", "受理", "审核", "办结"]
    );
    assert_eq!(
        matter(&shandong, 21).steps.steps,
        ["申请", "受理", "审核", "拨付", "办结"]
    );
    let yantai = seed("yantai");
    assert_eq!(
        matter(&yantai, 31).steps.steps,
        ["受理申请", "审核评估", "协商谈判", "结果公示", "协议签订"]
    );
    assert_eq!(
        channels(&matter(&yantai, 1).channels.raw),
        [
            ("现场办理".to_owned(), OnSite),
            ("网上办理".to_owned(), Online)
        ]
    );
    assert_eq!(matter(&yantai, 13).channels.modes.len(), 1);
    for document in [&shandong, &yantai] {
        assert_eq!(partial(document, Code::StepsPartial), []);
        assert_eq!(partial(document, Code::ChannelsPartial), []);
    }
}

#[test]
fn long_cells_are_read_in_linear_time() {
    let steps_text = "申请—受理、审核—".repeat(20_000);
    let channels_text = "现场办理 上门服务 ".repeat(20_000);
    let started = std::time::Instant::now();
    let document = list(&steps_text, &channels_text);
    assert_eq!(matter(&document, 1).steps.steps.len(), 40_000);
    assert_eq!(partial(&document, Code::StepsPartial).len(), 20_000);
    assert_eq!(partial(&document, Code::ChannelsPartial).len(), 20_000);
    assert!(started.elapsed().as_secs() < 20);
    // `一` read as a dash, and steps with their own limits, in long cells.
    let dashed = format!("申请{}办结", "一受理".repeat(20_000));
    let limited = "受理（1个工作日）—".repeat(20_000);
    let numbered: String = (1..=20_000).map(|n| format!("{n}.申请一办结 ")).collect();
    let started = std::time::Instant::now();
    let document = list(&dashed, "现场办理");
    // The last piece is `受理办结`.
    assert_eq!(matter(&document, 1).steps.steps.len(), 20_001);
    let document = list(&limited, "现场办理");
    assert_eq!(matter(&document, 1).steps.limits.len(), 20_000);
    let document = list(&numbered, "现场办理");
    assert_eq!(partial(&document, Code::StepsDashRead).len(), 20_000);
    assert!(started.elapsed().as_secs() < 20);
}
