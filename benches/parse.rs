//! Parsing speed, and how it grows with the size of the list.
//!
//! ```text
//! cargo bench --bench parse                  # everything (a few minutes)
//! cargo bench --bench parse -- fixture       # the two seed lists only
//! cargo bench --bench parse -- scaling/100000
//! ```
//!
//! - `fixture/shixiang/<name>`: each seed list parsed whole (time per document, MB/s);
//! - `scaling/shixiang/<rows>`: generated lists of 1 000, 10 000 and 100 000 rows
//!   (`support/generate.rs`); the time divided by the rows gives the cost per row at each size;
//! - `scaling/reader/<rows>`: the same lists read one category at a time with
//!   `shixiang::Reader`, each category dropped once counted (what `dump --format summary`
//!   does): the same work without holding the document;
//! - `*/csv/*`: the yardstick, the `csv` crate reading the same bytes as tab-separated
//!   `StringRecord`s (flexible, no quoting). Our time divided by its time is the ratio the
//!   README reports.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support/generate.rs"]
mod generate;

const FIXTURES: [(&str, &str); 2] = [
    (
        "shandong-2023",
        include_str!("../fixtures/valid/shandong-2023.tsv"),
    ),
    ("yantai", include_str!("../fixtures/valid/yantai.tsv")),
];

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Our parser on the whole text; the number of matters, so that nothing is optimized away.
fn shixiang_parse(bytes: &[u8]) -> usize {
    let document = shixiang::parse(bytes).expect("the bench inputs are lists");
    document.matters().count()
}

/// Our parser one category at a time, each dropped once its matters are counted.
fn shixiang_read(bytes: &[u8]) -> usize {
    let options = shixiang::ParseOptions::new();
    let decoded = shixiang::decode(bytes, &options).expect("the bench inputs are UTF-8");
    let mut reader = shixiang::Reader::from_decoded(&decoded, &options);
    let matters = reader
        .by_ref()
        .map(|category| category.expect("the bench inputs are lists").matters.len())
        .sum();
    reader.finish().expect("the bench inputs are lists");
    matters
}

/// The yardstick: every record of the text as a `StringRecord` (UTF-8 checked, like ours).
fn csv_read(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut fields = 0;
    while reader
        .read_record(&mut record)
        .expect("the bench inputs are UTF-8")
    {
        fields += record.len();
    }
    fields
}

fn fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixture");
    for (name, text) in FIXTURES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("shixiang", name), text, |b, text| {
            b.iter(|| shixiang_parse(black_box(text.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::new("csv", name), text, |b, text| {
            b.iter(|| csv_read(black_box(text.as_bytes())))
        });
    }
    group.finish();
}

/// Check that a generated list reads as intended: every row a matter, categories numbered
/// from 1 up, and no diagnostic from the table layer about numbering or structure.
fn check_generated(rows: usize, text: &str) {
    let document = shixiang::parse(text).expect("a generated list is a list");
    assert_eq!(document.matters().count(), rows);
    assert_eq!(
        document.categories.len(),
        rows.div_ceil(generate::ROWS_PER_CATEGORY)
    );
    for (i, category) in document.categories.iter().enumerate() {
        assert_eq!(category.ordinal, Some(i as u32 + 1), "{}", category.name);
    }
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for rows in SIZES {
        let text = generate::list(rows);
        check_generated(rows, &text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if rows >= 100_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(15));
        } else if rows >= 10_000 {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(8));
        } else {
            group.sample_size(30);
            group.measurement_time(Duration::from_secs(5));
        }
        group.bench_with_input(BenchmarkId::new("shixiang", rows), &text, |b, text| {
            b.iter(|| shixiang_parse(black_box(text.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::new("reader", rows), &text, |b, text| {
            b.iter(|| shixiang_read(black_box(text.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::new("csv", rows), &text, |b, text| {
            b.iter(|| csv_read(black_box(text.as_bytes())))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = fixtures, scaling
}
criterion_main!(benches);
