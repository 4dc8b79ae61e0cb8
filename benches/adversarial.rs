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

/// One 办理材料 cell of about `size` bytes: `piece` repeated.
fn materials_cell(piece: &str, size: usize) -> String {
    format!(
        "{HEADER}一、参保\t1\t登记\t{}\t即时办结\t\t\t\t\n",
        piece.repeat(size / piece.len())
    )
}

/// Shapes of one 办理材料 cell that the materials grammar must read in linear time: one item
/// with a choice every few characters (20 000 alternatives in 300 kB), choices between
/// brackets, a `份`, a `件` or a `盖` every few characters (each looked at once), run-on
/// clauses that each give a `materials_unparsed` (all located in one pass), applicant
/// headings, and brackets never closed. Sizes 1 MB and 10 MB: a flat time per MB.
fn materials_shapes(c: &mut Criterion) {
    let shapes: [(&str, &str); 8] = [
        ("choices", "身份证或"),
        ("bracketed_choices", "（甲或乙）或"),
        ("copies", "申请表1份"),
        ("formats", "原件及复印件或"),
        ("seals", "盖覆盖"),
        ("run_on_clauses", "身份证，户口簿；"),
        ("applicants", "在职职工：登记表；"),
        ("unclosed_brackets", "（或《"),
    ];
    let mut group = c.benchmark_group("materials");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for (name, piece) in shapes {
        for size in [MB, 10 * MB] {
            let text = materials_cell(piece, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size / MB), &text, |b, text| {
                b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial, materials_shapes);
criterion_main!(benches);
