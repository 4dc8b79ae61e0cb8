//! Parsing time on adversarial inputs of 1 MB, 10 MB and 100 MB: deeply nested brackets, one
//! huge cell, many tiny rows, a header of very many unknown columns (a row under it as wide),
//! and a row of very many surplus cells. Linear parsing shows as a flat time per MB across sizes.
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

/// One 设定依据 cell of about `size` bytes in which every citation leaves text over: a
/// `citations_partial` per citation, each located in one pass over the cell.
fn citation_leftovers(size: usize) -> String {
    let citation = "《法》（主席令第35号）第五条甲 ";
    format!(
        "{HEADER}一、参保\t1\t登记\t无\t即时办结\t\t\t\t{}\n",
        citation.repeat(size / citation.len())
    )
}

/// A header of about `size / 2` bytes of unknown columns (`栏1`, `栏2`…) after 子项 and two
/// known ones, and a row that fills every column.
fn wide_header(size: usize) -> String {
    let mut header = String::from("某市清单\n主项\t子项序号\t子项\t办理材料");
    let mut row = String::from("一、参保\t1\t登记\t无");
    let mut n = 0;
    while header.len() + row.len() < size {
        n += 1;
        header.push_str(&format!("\t栏{n}"));
        row.push_str("\t甲");
    }
    format!("{header}\n{row}\n")
}

/// A header naming 子项 and 备注 again and again (each repeat a `duplicate_column`), a row as
/// wide and a continuation row as wide (each cell a `cell_continued`): about `size` bytes.
/// Each finding's column is counted on from the cell before it (a header of 100 000
/// duplicates once took minutes, each column counted from the line start).
fn duplicate_columns(size: usize) -> String {
    let pairs = size / 3 / "\t子项\t备注".len();
    format!(
        "某市清单\n主项\t子项序号{}\n一、参保登记\t1{}\n\t\t\t丁{}\n",
        "\t子项\t备注".repeat(pairs),
        "\t甲\t乙".repeat(pairs),
        "\t丙\t丁".repeat(pairs.saturating_sub(1)),
    )
}

/// A standard row followed by about `size` bytes of surplus cells (`\t甲`, four bytes each).
fn surplus_cells(size: usize) -> String {
    format!(
        "{HEADER}一、参保\t1\t登记\t无\t即时办结\t\t\t\t{}\n",
        "\t甲".repeat(size / 4)
    )
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
    // The largest size of each input: a 100 MB header of columns takes most of a minute per
    // parse (a million `extra` entries per 14 MB), too long for ten samples.
    let inputs: [(&str, Maker, usize); 9] = [
        ("deep_brackets", deep_brackets, 100 * MB),
        ("huge_cell", huge_cell, 100 * MB),
        ("tiny_rows", tiny_rows, 100 * MB),
        ("wide_header", wide_header, 10 * MB),
        ("duplicate_columns", duplicate_columns, 10 * MB),
        ("surplus_cells", surplus_cells, 100 * MB),
        ("citation_leftovers", citation_leftovers, 100 * MB),
        // A join, a continued cell or a text line outside the table every few bytes: 100 MB
        // of them is gigabytes of findings.
        ("split_category", split_category, 10 * MB),
        ("lone_lines", lone_lines, 10 * MB),
    ];
    for (name, make, largest) in inputs {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for size in [MB, 10 * MB, 100 * MB]
            .into_iter()
            .filter(|&s| s <= largest)
        {
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

/// One 备注 cell with `problems` time limits that cannot be read (`办理时限3-5个工作日`), each a
/// `deadline_unparsed` diagnostic to locate: each is counted on from the one before, so the
/// time per problem is flat across sizes (located from the cell start, 20 000 took seconds).
fn notes_with_many_problems(problems: usize) -> String {
    let piece = "网上申请的，办理时限3-5个工作日。";
    format!(
        "{HEADER}一、参保\t1\t登记\t无\t即时办结\t申请—办结\t现场办理\t{}\t《法》\n",
        piece.repeat(problems)
    )
}

/// The notes shape at 5 000, 10 000 and 20 000 problems in one cell.
fn notes_problems(c: &mut Criterion) {
    let mut group = c.benchmark_group("notes_many_problems");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for problems in [5_000, 10_000, 20_000] {
        let text = notes_with_many_problems(problems);
        group.throughput(Throughput::Elements(problems as u64));
        group.bench_with_input(BenchmarkId::from_parameter(problems), &text, |b, text| {
            b.iter(|| shixiang::parse(black_box(text)).map(|d| d.diagnostics.len()))
        });
    }
    group.finish();
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

criterion_group!(
    benches,
    adversarial,
    deadline,
    deadline_aside,
    notes_problems,
    cited_numbers,
    materials_shapes
);
criterion_main!(benches);
