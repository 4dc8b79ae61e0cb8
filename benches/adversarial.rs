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

/// A list of `count` rows whose 设定依据 cells cite one title, each with a number of its own:
/// the conflicting-number check keeps every wording of the title and looks each citation's
/// up (a search through the wordings made this quadratic: 4.9 s for 30 000).
fn one_title_many_numbers(count: usize) -> String {
    let mut text = String::from(HEADER);
    for n in 1..=count {
        text.push_str(&format!(
            "一、甲\t{n}\t乙\t无\t1日\t\t\t\t《关于做好参保登记工作的通知》（医保发〔2020〕{n}号）\n"
        ));
    }
    text
}

/// [`one_title_many_numbers`] at 3 000, 10 000 and 30 000 rows: the time per row stays flat.
fn cited_numbers(c: &mut Criterion) {
    let mut group = c.benchmark_group("one_title_many_numbers");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for count in [3_000, 10_000, 30_000] {
        let text = one_title_many_numbers(count);
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &text, |b, text| {
            b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_group!(cited_numbers_benches, cited_numbers);
criterion_main!(benches, cited_numbers_benches);
