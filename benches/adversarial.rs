//! Parsing time on adversarial inputs of 1 MB, 10 MB and 100 MB: deeply nested brackets, one
//! huge cell, and many tiny rows. Linear parsing shows as a flat time per MB across sizes.
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

/// Makes an input of about the given size in bytes.
type Maker = fn(usize) -> String;

fn adversarial(c: &mut Criterion) {
    let inputs: [(&str, Maker); 3] = [
        ("deep_brackets", deep_brackets),
        ("huge_cell", huge_cell),
        ("tiny_rows", tiny_rows),
    ];
    for (name, make) in inputs {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for size in [MB, 10 * MB, 100 * MB] {
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

/// One 办理时限 cell of about `size` bytes: numbered points without a time limit (each a
/// `deadline_unparsed`), then clauses each followed by text not understood (each a
/// `deadline_partial`). Every problem is located by counting on from the one before, not
/// from the cell's start (20 000 points once took 3.8 s).
fn deadline_points(size: usize) -> String {
    let half = size / 2;
    let mut cell = String::with_capacity(size + 64);
    let mut n = 1;
    while cell.len() < half {
        cell.push_str(&format!("{n}.视情况而定 "));
        n += 1;
    }
    let clause = "即时办结，其它；";
    cell.push_str(&clause.repeat((size - cell.len().min(size)) / clause.len()));
    format!("{HEADER}一、参保\t1\t登记\t无\t{cell}\t\t\t\t\n")
}

/// The deadline shapes, at 1, 4 and 16 MB (each problem is a diagnostic held in memory:
/// 100 MB would hold millions).
fn deadline(c: &mut Criterion) {
    let mut group = c.benchmark_group("deadline_points");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for size in [MB, 4 * MB, 16 * MB] {
        let text = deadline_points(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size / MB), &text, |b, text| {
            b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
        });
    }
    group.finish();
}

/// One 办理时限 cell of about `size` bytes that is one long piece of items between `、` and
/// brackets: frequencies, effects and exclusions read aside, conditions joined to the next
/// one, and clauses between them. Each item is read once, and a run of items once.
fn deadline_items(size: usize) -> String {
    let items =
        "恶性肿瘤、肾透析等病种随时申报、即时办结、次日享受待遇（不含公示时间）、每月审核一次、";
    let cell = items.repeat(size / items.len());
    format!("{HEADER}一、参保\t1\t登记\t无\t{cell}\t\t\t\t\n")
}

/// The shape of many items read aside, at 1, 4 and 16 MB.
fn deadline_aside(c: &mut Criterion) {
    let mut group = c.benchmark_group("deadline_items");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for size in [MB, 4 * MB, 16 * MB] {
        let text = deadline_items(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size / MB), &text, |b, text| {
            b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial, deadline, deadline_aside);
criterion_main!(benches);
