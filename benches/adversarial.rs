//! Parsing time on adversarial inputs of 1 MB, 10 MB and 100 MB: deeply nested brackets, one
//! huge cell, many tiny rows; and of 1 MB, 4 MB and 16 MB: one 主项 split over every page,
//! and lone lines after a long preamble. Linear parsing shows as a flat time per MB across
//! sizes.
//!
//! `cargo bench --bench adversarial` (a few minutes: small sample sizes).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const MB: usize = 1 << 20;
const HEADER: &str =
    "某市清单\n主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据\n";

/// A row whose every field cell is `fill` repeated to about `size` bytes in all.
fn deep_brackets(size: usize) -> String {
    let per_cell = size / 6;
    let cell = |open: &str| open.repeat(per_cell / open.len());
    format!(
        "{HEADER}一、参保\t1\t登记\t{}表\t{}5个工作日\t{}\t{}\t{}\t{}法\n",
        cell("《"),
        cell("（"),
        cell("("),
        cell("〔"),
        cell("（一"),
        cell("《"),
    )
}

/// One 办理材料 cell of about `size` bytes: numbered items, as a real cell has, repeated.
fn huge_cell(size: usize) -> String {
    let item = "1.《参保登记表》1份 2.营业执照复印件或原件 ";
    format!(
        "{HEADER}一、参保\t1\t登记\t{}\t即时办结\t\t\t\t\n",
        item.repeat(size / item.len())
    )
}

/// About `size` bytes of short rows numbered 1, 2, 3…
fn tiny_rows(size: usize) -> String {
    let mut text = String::from(HEADER);
    let mut n = 1;
    while text.len() < size {
        text.push_str(&format!("一、甲\t{n}\t乙\t无\t1日\t\t\t\t\n"));
        n += 1;
    }
    text
}

/// About `size` bytes of pages, each a blank line and a fragment of the same 主项 (two
/// fragments in turn, so that neither overlaps the name's end) with a continued row: the
/// category's name grows on every page (it was copied whole on each).
fn split_category(size: usize) -> String {
    let mut text = String::from(HEADER);
    text.push_str("一、甲\t1\t乙\t身份证\t即时办结\t\t现场办理\t\t\n");
    let pages = "\n丙丁\t\t\t户口簿\t\t\t网上办理\t\t\n\n戊己\t\t\t户口簿\t\t\t网上办理\t\t\n";
    text.push_str(&pages.repeat(size.saturating_sub(text.len()) / pages.len()));
    text
}

/// About `size` bytes: half a preamble of distinct one-cell lines, half distinct one-cell
/// lines after the header (footnotes), each once compared with the whole title block.
fn lone_lines(size: usize) -> String {
    let line = |kind: &str, n: usize| format!("{kind}第{n:08}条\n");
    let per_line = line("前言", 0).len();
    let half = size / 2 / per_line;
    let mut text = String::from("某市清单\n");
    for n in 0..half {
        text.push_str(&line("前言", n));
    }
    text.push_str(&HEADER["某市清单\n".len()..]);
    text.push_str("一、甲\t1\t乙\t无\t1日\t\t\t\t\n");
    for n in 0..half {
        text.push_str(&line("脚注", n));
    }
    text
}

/// Makes an input of about the given size in bytes.
type Maker = fn(usize) -> String;

fn adversarial(c: &mut Criterion) {
    // The pages and lone lines give a diagnostic every few bytes (a join, a continued cell, a
    // text line outside the table): 100 MB of them is gigabytes of findings, so they are
    // measured up to 16 MB.
    const FULL: &[usize] = &[MB, 10 * MB, 100 * MB];
    const PAGES: &[usize] = &[MB, 4 * MB, 16 * MB];
    let inputs: [(&str, Maker, &[usize]); 5] = [
        ("deep_brackets", deep_brackets, FULL),
        ("huge_cell", huge_cell, FULL),
        ("tiny_rows", tiny_rows, FULL),
        ("split_category", split_category, PAGES),
        ("lone_lines", lone_lines, PAGES),
    ];
    for (name, make, sizes) in inputs {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for &size in sizes {
            if size == 100 * MB {
                group.measurement_time(Duration::from_secs(20));
            } else {
                group.measurement_time(Duration::from_secs(5));
            }
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size / MB), &text, |b, text| {
                b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
