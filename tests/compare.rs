//! `shixiang::compare` on the seed lists (Shandong 2023 as the baseline, Yantai as the local
//! list), on lists written here, and through `dump --compare`.

mod common;

use shixiang::{compare, Comparison, Document, FindingCode, Pair, Severity, PAIR_THRESHOLD};

const SHANDONG: &str = include_str!("../fixtures/valid/shandong-2023.tsv");
const YANTAI: &str = include_str!("../fixtures/valid/yantai.tsv");

fn parse(text: &str) -> Document {
    shixiang::parse(text).expect("a list")
}

fn seed_comparison() -> Comparison {
    compare(&parse(SHANDONG), &parse(YANTAI))
}

fn pair_of<'a>(comparison: &'a Comparison, baseline_name: &str) -> &'a Pair {
    comparison
        .pairs
        .iter()
        .find(|p| p.baseline.name == baseline_name)
        .unwrap_or_else(|| panic!("{baseline_name} is not paired"))
}

/// The pairs a person makes by hand: (Shandong 子项序号, Yantai 子项序号).
const EXPECTED_PAIRS: &[(u32, u32)] = &[
    (1, 1), // 单位参保登记
    (2, 2), // 职工参保登记
    // 城乡居民参保登记 / 城乡居民基本医疗保险参保登记: `基本医疗保险` is implied in a
    // medical-insurance list. Yantai's 学生基本医疗保险参保登记 (students) is a separate matter.
    (3, 4),
    // 单位参保信息变更登记 / 单位参保信息变更（注销）登记: a bracketed qualifier.
    (4, 3),
    (5, 6), // 职工参保信息变更登记
    (6, 7), // 城乡居民参保信息变更登记
    (7, 11),
    (8, 12),
    (9, 13),
    // 医保关系转出 / 医疗保险关系转出: the abbreviation. Yantai lists these under a second
    // category `一、` (misnumbered), far from Shandong's position: the name carries it.
    (10, 9),
    (11, 10),
    (12, 16), // 异地长期居住人员备案
    // 基本医疗保险参保人员享受门诊慢特病病种待遇认定 / …门诊慢病待遇确认备案: the same service
    // (outpatient chronic and special diseases) worded differently, one matter per category.
    (14, 24),
    // 门诊费用报销 / 异地就医备案人员慢性病门诊医疗费用手工报销（零星）and
    // 住院费用报销 / 异地就医备案人员住院医疗费用手工报销: the short name reads whole inside the
    // long one. Yantai's third one, 未按规定办理异地就医登记备案费用手工报销, matches neither
    // 门诊 nor 住院 and stays local-only.
    (15, 22),
    (16, 21),
    (17, 25),
    (18, 26),
    (19, 27),
    (20, 28), // 生育津贴支付
    (22, 29), // 医疗救助对象手工（零星）报销
    (23, 30),
    (24, 31),
    (25, 32),
    (26, 33),
    (27, 14), // 参保地就医持卡联网结算: a category of its own, fourth in Yantai, eleventh in Shandong
];

#[test]
fn seed_lists_pair_as_by_hand() {
    let comparison = seed_comparison();
    let pairs: Vec<(u32, u32)> = comparison
        .pairs
        .iter()
        .map(|p| (p.baseline.seq.unwrap(), p.local.seq.unwrap()))
        .collect();
    assert_eq!(pairs, EXPECTED_PAIRS);
    for pair in &comparison.pairs {
        assert!(
            (PAIR_THRESHOLD..=1.0).contains(&pair.score),
            "{pair:?} has score {}",
            pair.score
        );
    }
}

#[test]
fn seed_lists_one_side_only() {
    let comparison = seed_comparison();
    let names = |matters: &[shixiang::MatterRef]| -> Vec<(u32, String)> {
        matters
            .iter()
            .map(|m| (m.seq.unwrap(), m.name.clone()))
            .collect()
    };
    assert_eq!(
        names(&comparison.baseline_only),
        [
            // 临时外出就医人员备案 (temporary medical trips) covers, nationally, Yantai's
            // 异地转诊人员备案 and 异地急诊…备案 together: one matter for two, which a one-to-one
            // pairing cannot express. Their names share only 人员备案, so it stays unpaired and
            // a reader sees all three in the report.
            (13, "临时外出就医人员备案".to_owned()),
            // A subsidy Yantai does not list.
            (
                21,
                "符合资助条件的救助对象参加城乡居民基本医疗保险个人缴费补贴".to_owned()
            ),
            (28, "长期护理保险待遇申请".to_owned()),
        ]
    );
    assert_eq!(
        names(&comparison.local_only),
        [
            (5, "学生基本医疗保险参保登记".to_owned()),
            (8, "出具《基本医疗保险缴费凭证》".to_owned()),
            (15, "异地安置退休人员备案".to_owned()),
            (17, "常驻异地工作人员备案".to_owned()),
            (18, "异地转诊人员备案".to_owned()),
            (19, "异地急诊转住院联网备案".to_owned()),
            (23, "未按规定办理异地就医登记备案费用手工报销".to_owned()),
        ]
    );
    assert_eq!(comparison.baseline_only[2].category, "长期护理保险待遇申请");
}

// The tests marked `ignore` below need the field parsers (deadline, materials, channels,
// citations), written on other branches. They pass once those are merged; the lead removes the
// `ignore` then. (Verified on a trial merge of the deadline, materials and citations branches.)

fn messages(pair: &Pair, code: FindingCode) -> Vec<&str> {
    pair.findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.message.as_str())
        .collect()
}

#[test]
fn maternity_allowance_deadline_is_longer() {
    let comparison = seed_comparison();
    let pair = pair_of(&comparison, "生育津贴支付");
    let longer: Vec<&shixiang::Finding> = pair
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::DeadlineLonger)
        .collect();
    assert_eq!(longer.len(), 1, "{:?}", pair.findings);
    assert_eq!(
        longer[0].message,
        "the local deadline (10 working days) is longer than the baseline's (4 working days)"
    );
    assert_eq!(longer[0].severity, Severity::Warning);
    assert!(!longer[0].approximate);
}

#[test]
fn immediate_maternity_payments_are_shorter() {
    let comparison = seed_comparison();
    for name in ["产前检查费支付", "生育医疗费支付", "计划生育医疗费支付"] {
        let pair = pair_of(&comparison, name);
        let shorter: Vec<&str> = pair
            .findings
            .iter()
            .filter(|f| f.code == FindingCode::DeadlineShorter)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            shorter,
            ["the local deadline (immediate) is shorter than the baseline's (4 working days)"],
            "{name}"
        );
    }
}

#[test]
fn three_months_against_working_days_is_approximate() {
    let comparison = seed_comparison();
    for name in ["医疗机构申请定点协议管理", "零售药店申请定点协议管理"] {
        let pair = pair_of(&comparison, name);
        let finding = pair
            .findings
            .iter()
            .find(|f| f.code == FindingCode::DeadlineLonger)
            .unwrap_or_else(|| panic!("{name}: {:?}", pair.findings));
        assert!(finding.approximate);
        assert_eq!(
            finding.message,
            "the local deadline (3 months, about 66 working days at 22 working days a month \
             and 5 a week) is longer than the baseline's (45 working days)"
        );
    }
}

#[test]
fn unit_registration_materials_differ() {
    let comparison = seed_comparison();
    let pair = pair_of(&comparison, "单位参保登记");
    let added = messages(pair, FindingCode::MaterialAdded);
    assert!(
        added.contains(&"the local list asks for “有效证照副本原件”, which the baseline does not"),
        "{added:?}"
    );
    // Asked of two kinds of applicant in Yantai, reported once.
    let form = "the local list asks for “《非企业单位社会保险基本信息登记表》”, which the \
                baseline does not";
    assert_eq!(added.iter().filter(|m| **m == form).count(), 1);
    assert_eq!(
        messages(pair, FindingCode::MaterialRemoved),
        [
            "the baseline asks for “统一社会信用代码证书或单位批准成立的文件”, which the local \
             list does not",
            "the baseline asks for “《基本医疗保险单位参保信息登记表》（加盖单位公章）”, which \
             the local list does not",
        ]
    );
    // Same materials, same channels: nothing but what could not be compared.
    let same = pair_of(&comparison, "职工参保信息变更登记");
    assert!(messages(same, FindingCode::MaterialAdded).is_empty());
    assert!(messages(same, FindingCode::MaterialRemoved).is_empty());
}

#[test]
fn online_channel_missing() {
    let comparison = seed_comparison();
    let pair = pair_of(&comparison, "参保人员个人账户一次性支取");
    assert_eq!(
        messages(pair, FindingCode::ChannelMissing),
        ["the baseline offers an online channel (“网上办理”), which the local list does not"]
    );
    assert!(messages(
        pair_of(&comparison, "单位参保登记"),
        FindingCode::ChannelMissing
    )
    .is_empty());
}

#[test]
fn citations_dropped_by_title() {
    let comparison = seed_comparison();
    let pair = pair_of(&comparison, "基本医疗保险定点医疗机构费用结算");
    assert_eq!(
        messages(pair, FindingCode::CitationRemoved),
        ["the baseline cites 《医疗机构医疗保障定点管理暂行办法》, which the local list does not"]
    );
    assert!(messages(pair, FindingCode::CitationAdded).is_empty());
}

#[test]
fn identical_lists_pair_everything_with_no_difference() {
    let shandong = parse(SHANDONG);
    let comparison = compare(&shandong, &shandong);
    assert_eq!(comparison.pairs.len(), shandong.matters().count());
    assert!(comparison.baseline_only.is_empty() && comparison.local_only.is_empty());
    for pair in &comparison.pairs {
        assert_eq!(pair.baseline, pair.local);
        assert_eq!(pair.score, 1.0);
        let differences: Vec<_> = pair
            .findings
            .iter()
            .filter(|f| f.code != FindingCode::NotCompared)
            .collect();
        assert!(differences.is_empty(), "{differences:?}");
    }
}

/// Two small lists written here: another city, other wordings.
const PROVINCE: &str = "\
某省医疗保障经办政务服务事项清单
主项\t子项序号\t子项\t办理时限
一、参保登记\t1\t单位参保登记\t即时办结
\t2\t居民医保参保登记\t即时办结
二、关系转移接续\t3\t社保关系转出\t即时办结
三、待遇申请\t4\t长护险待遇申请\t即时办结
";
const CITY: &str = "\
某市医疗保障经办政务服务事项清单
主项\t子项序号\t子项\t办理时限
一、关系转移接续\t1\t社会保险关系转出\t即时办结
二、参保登记\t2\t城乡居民基本医疗保险参保登记\t即时办结
\t3\t新生儿参保登记\t即时办结
\t4\t用人单位参保登记\t即时办结
";

#[test]
fn small_lists_pair_by_rule() {
    let comparison = compare(&parse(PROVINCE), &parse(CITY));
    let pairs: Vec<(&str, &str)> = comparison
        .pairs
        .iter()
        .map(|p| (p.baseline.name.as_str(), p.local.name.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("单位参保登记", "用人单位参保登记"),
            ("居民医保参保登记", "城乡居民基本医疗保险参保登记"),
            ("社保关系转出", "社会保险关系转出"),
        ]
    );
    assert_eq!(comparison.baseline_only[0].name, "长护险待遇申请");
    assert_eq!(comparison.local_only[0].name, "新生儿参保登记");
}

#[test]
fn empty_lists_compare() {
    let empty = parse("主项\t子项序号\t子项\n");
    let comparison = compare(&empty, &parse(CITY));
    assert!(comparison.pairs.is_empty());
    assert!(comparison.baseline_only.is_empty());
    assert_eq!(comparison.local_only.len(), 4);
    let comparison = compare(&empty, &empty);
    assert!(comparison.pairs.is_empty() && comparison.local_only.is_empty());
}

#[test]
fn json_shape() {
    let comparison = seed_comparison();
    let index = comparison
        .pairs
        .iter()
        .position(|p| p.baseline.name == "生育津贴支付")
        .unwrap();
    let value = serde_json::to_value(&comparison).unwrap();
    let pair = &value["pairs"][index];
    assert_eq!(pair["baseline"]["seq"], 20);
    assert_eq!(pair["baseline"]["name"], "生育津贴支付");
    assert_eq!(pair["local"]["seq"], 28);
    assert_eq!(pair["local"]["name"], "生育津贴支付");
    assert!(pair["score"].as_f64().unwrap() > 0.9);
    let finding = &pair["findings"][0];
    for key in ["code", "severity", "message", "approximate"] {
        assert!(finding.get(key).is_some(), "{key} in {finding}");
    }
    assert_eq!(value["baseline_only"][2]["name"], "长期护理保险待遇申请");
    assert_eq!(value["baseline_only"][2]["seq"], 28);
    assert_eq!(value["local_only"][0]["seq"], 5);
    // It reads back.
    let back: Comparison = serde_json::from_value(value).unwrap();
    assert_eq!(back, seed_comparison());
}

#[test]
fn finding_codes_are_stable() {
    let names: Vec<&str> = FindingCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "deadline_longer",
            "deadline_shorter",
            "material_added",
            "material_removed",
            "channel_missing",
            "citation_added",
            "citation_removed",
            "not_compared",
        ]
    );
    for code in FindingCode::ALL {
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
    }
}

// --- dump --compare ---

fn dump(args: &[&str]) -> (Option<i32>, String, String) {
    let output = common::dump(args, "");
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const BASELINE_FILE: &str = "fixtures/valid/shandong-2023.tsv";
const LOCAL_FILE: &str = "fixtures/valid/yantai.tsv";

#[test]
fn dump_compare_outline() {
    let (status, stdout, _) = dump(&["--compare", BASELINE_FILE, LOCAL_FILE]);
    assert_eq!(status, Some(0));
    assert_eq!(stdout, seed_comparison().to_string());
    assert!(stdout.starts_with(
        "baseline: 山东省医疗保障经办政务服务事项清单（2023版）\n\
         local:    烟台市医疗保障经办政务服务事项清单\n\
         25 pairs, 3 baseline only, 7 local only, "
    ));
    assert!(stdout.contains("\n  10. 医保关系转出 ↔ 9. 医疗保险关系转出 (0.99)\n"));
    assert!(stdout.contains(
        "\nbaseline only\n  13. 临时外出就医人员备案 (基本医疗保险参保人员异地就医备案)\n"
    ));
}

#[test]
fn dump_compare_json() {
    let (status, stdout, _) = dump(&["--compare", BASELINE_FILE, LOCAL_FILE, "--format", "json"]);
    assert_eq!(status, Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value, serde_json::to_value(seed_comparison()).unwrap());
}

#[test]
fn dump_compare_usage_errors() {
    let (status, _, stderr) = dump(&["--compare", BASELINE_FILE]);
    assert_eq!(status, Some(2));
    assert!(stderr.starts_with("dump: --compare needs two files, BASELINE and FILE\n"));
    let (status, _, stderr) = dump(&["--compare", BASELINE_FILE, LOCAL_FILE, "--format", "jsonl"]);
    assert_eq!(status, Some(2));
    assert!(stderr.starts_with("dump: --compare takes --format outline or json, not \"jsonl\"\n"));
    // An unreadable file is a usage error, as for every dump.
    let (status, _, stderr) = dump(&["--compare", BASELINE_FILE, "no/such/file.tsv"]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.starts_with("dump: cannot read no/such/file.tsv: "),
        "{stderr}"
    );
    // A file that holds no list: exit 1, with its error.
    let (status, _, stderr) = dump(&["--compare", BASELINE_FILE, "README.md"]);
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains("README.md:1:1: error: no header row found"),
        "{stderr}"
    );
}
