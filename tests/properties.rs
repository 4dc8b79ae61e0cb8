//! Properties that hold for every input, checked with proptest on arbitrary text, on
//! generated lists and on mutated seed lists:
//! - parsing never panics and is deterministic;
//! - reading category by category with `Reader` gives what `parse` gives;
//! - no text is lost: every non-blank source cell is in some raw-like text of the output;
//! - the JSON we write reads back into an equal `Document`.
//!
//! Case counts are modest so that the suite stays fast in debug builds; the fuzzer
//! (`fuzz/`) checks the same properties for as long as it is run.

mod common;

use proptest::prelude::*;
use proptest::test_runner::Config;

/// Check every property on one input.
fn check(text: &str) {
    let first = shixiang::parse(text);
    let second = shixiang::parse(text);
    assert_eq!(first, second, "parsing is not deterministic");
    assert_eq!(
        streamed(text),
        first,
        "the Reader does not read as parse does"
    );
    if let Ok(document) = first {
        common::assert_lossless(text, &document);
        let json = serde_json::to_string(&document).expect("a document serializes");
        let back: shixiang::Document = serde_json::from_str(&json).expect("our JSON reads back");
        assert_eq!(
            back, document,
            "the JSON does not read back into an equal document"
        );
    }
}

/// The document read with a [`shixiang::Reader`], taking every category from the iteration
/// and the rest from `finish`.
fn streamed(text: &str) -> Result<shixiang::Document, shixiang::Error> {
    let mut reader = shixiang::Reader::new(text);
    let categories: Result<Vec<_>, _> = reader.by_ref().collect();
    let finished = reader.finish();
    match categories {
        Ok(categories) => finished.map(|mut document| {
            assert!(document.categories.is_empty(), "finish repeats a category");
            document.categories = categories;
            document
        }),
        Err(error) => {
            assert_eq!(finished, Err(error.clone()), "finish forgets the error");
            Err(error)
        }
    }
}

/// Bits of text that matter-list parsers react to.
const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\u{200B}",
    "\u{FEFF}",
    "\0",
    "主项",
    "子项序号",
    "子项",
    "办理材料",
    "办理时限",
    "办理环节",
    "办理方式",
    "备注",
    "设定依据",
    "主项编码",
    "说明：",
    "一、",
    "二、",
    "十一、",
    "1.",
    "2、",
    "（1）",
    "（一）",
    "①",
    "②",
    "1",
    "2",
    "０",
    "-1",
    "99999999999999999999",
    "第五十七条",
    "第（三）款",
    "第99999999999999999999条",
    "《",
    "》",
    "〈",
    "〉",
    "（",
    "）",
    "(",
    ")",
    "〔2021〕",
    "【",
    "】",
    "号",
    "令第35号",
    "国家医保局",
    "即时办结",
    "5个工作日",
    "不超过15个工作日",
    "99999999999999999999个工作日",
    "自受理之日起",
    "承诺",
    "法定",
    "—",
    "-",
    "--",
    "→",
    "现场办理",
    "网上办理",
    "APP",
    "邮寄",
    "或",
    "、",
    "；",
    "。",
    "：",
    "1份",
    "原件",
    "复印件",
    "加盖单位公章",
    "在职职工：",
    "灵活就业人员：",
    "无",
    "包括",
    "等",
    "通过政务服务网申请办理的，办理时限1个工作日",
    "e\u{301}",
    "👨‍👩‍👧",
    "甲",
    "乙",
    "参保登记",
];

/// Text made of matter-list pieces (and a few arbitrary characters).
fn list_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

/// The standard header, a cell of text for a column.
const HEADER: [&str; 9] = [
    "主项",
    "子项序号",
    "子项",
    "办理材料",
    "办理时限",
    "办理环节",
    "办理方式",
    "备注",
    "设定依据",
];

/// A cell: a few pieces, without line breaks or tabs (those make the table).
fn cell() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        .prop_map(|pieces| pieces.concat().replace(['\t', '\n', '\r'], ""))
}

/// A list: title, the standard header, rows of 1 to 11 cells, blank lines and text lines.
fn generated_list() -> impl Strategy<Value = String> {
    let row = prop_oneof![
        6 => proptest::collection::vec(cell(), 1..12).prop_map(|cells| cells.join("\t")),
        1 => Just(String::new()),
        1 => cell(),
        1 => Just(HEADER.join("\t")),
    ];
    (cell(), proptest::collection::vec(row, 0..16)).prop_map(|(title, rows)| {
        let mut text = format!("{title}\n{}\n", HEADER.join("\t"));
        for row in rows {
            text.push_str(&row);
            text.push('\n');
        }
        text
    })
}

/// A way to damage a seed list.
#[derive(Debug, Clone)]
enum Mutation {
    /// Swap two cells of a line.
    SwapCells { line: usize, a: usize, b: usize },
    /// Drop a line.
    DropLine(usize),
    /// Replace the tabs of a line by this separator.
    Separator { line: usize, with: &'static str },
    /// Use this line ending throughout.
    LineEnding(&'static str),
    /// Cut the text at this fraction of its lines.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..64usize, 0..12usize, 0..12usize).prop_map(|(line, a, b)| Mutation::SwapCells {
            line,
            a,
            b
        }),
        (0..64usize).prop_map(Mutation::DropLine),
        (
            0..64usize,
            proptest::sample::select(&["  ", " ", "\t\t", "|", ""][..])
        )
            .prop_map(|(line, with)| Mutation::Separator { line, with }),
        proptest::sample::select(&["\r\n", "\r", "\n\n"][..]).prop_map(Mutation::LineEnding),
        (0..64usize).prop_map(Mutation::Truncate),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut ending = "\n";
    for m in mutations {
        let count = lines.len().max(1);
        match *m {
            Mutation::SwapCells { line, a, b } => {
                if let Some(l) = lines.get_mut(line % count) {
                    let mut cells: Vec<&str> = l.split('\t').collect();
                    let n = cells.len();
                    cells.swap(a % n, b % n);
                    *l = cells.join("\t");
                }
            }
            Mutation::DropLine(line) => {
                if !lines.is_empty() {
                    lines.remove(line % count);
                }
            }
            Mutation::Separator { line, with } => {
                if let Some(l) = lines.get_mut(line % count) {
                    *l = l.replace('\t', with);
                }
            }
            Mutation::LineEnding(e) => ending = e,
            Mutation::Truncate(line) => lines.truncate(line % count + 1),
        }
    }
    lines.join(ending)
}

const SEEDS: [&str; 2] = [
    include_str!("../fixtures/valid/yantai.tsv"),
    include_str!("../fixtures/valid/shandong-2023.tsv"),
];

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn any_text_parses_without_panic_deterministically(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn list_like_text_keeps_every_cell(text in list_like_text()) {
        check(&text);
    }
}

proptest! {
    #![proptest_config(Config { cases: 128, ..Config::default() })]

    #[test]
    fn generated_lists_keep_every_cell(text in generated_list()) {
        check(&text);
    }
}

proptest! {
    #![proptest_config(Config { cases: 48, ..Config::default() })]

    #[test]
    fn mutated_seed_lists_keep_every_cell(
        seed in 0..SEEDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        check(&mutate(SEEDS[seed], &mutations));
    }
}

#[test]
fn the_seed_lists_keep_every_cell_and_read_back() {
    for seed in SEEDS {
        check(seed);
    }
}

#[test]
fn mutations_do_what_they_say() {
    let text = "a\tb\nc\td\ne";
    assert_eq!(
        mutate(
            text,
            &[Mutation::SwapCells {
                line: 0,
                a: 0,
                b: 1
            }]
        ),
        "b\ta\nc\td\ne"
    );
    assert_eq!(mutate(text, &[Mutation::DropLine(1)]), "a\tb\ne");
    assert_eq!(
        mutate(text, &[Mutation::Separator { line: 1, with: "|" }]),
        "a\tb\nc|d\ne"
    );
    assert_eq!(mutate(text, &[Mutation::LineEnding("\r")]), "a\tb\rc\td\re");
    assert_eq!(mutate(text, &[Mutation::Truncate(0)]), "a\tb");
}
