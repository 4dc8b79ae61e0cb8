//! A synthetic matter list of any length, made from the rows of the two seed fixtures, for the
//! benches (`benches/parse.rs`) and the memory measurement (`examples/generate.rs`).
//!
//! The list looks like a real one after PDF extraction: a title and the header row at the top
//! of every page of [`ROWS_PER_PAGE`] rows (blank lines between pages), categories of
//! [`ROWS_PER_CATEGORY`] rows numbered `一、`, `二、`, … with the 主项 cell filled only on a
//! category's first row, and 子项序号 counting from 1 in each category. The cells after 子项
//! are the seed rows' own text, taken in turn, so every field parser sees real wording.

/// Rows between two repetitions of the title and header.
pub const ROWS_PER_PAGE: usize = 8;
/// Rows of one category (two pages).
pub const ROWS_PER_CATEGORY: usize = 16;

const TITLE: &str = "某市医疗保障经办政务服务事项清单（2024版）";
const HEADER: &str = "主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据";

const SEEDS: [&str; 2] = [
    include_str!("../../fixtures/valid/shandong-2023.tsv"),
    include_str!("../../fixtures/valid/yantai.tsv"),
];

/// The seed material: category names (without numerals) and data rows from 子项 on.
struct Seeds {
    categories: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn seeds() -> Seeds {
    let mut seeds = Seeds {
        categories: Vec::new(),
        rows: Vec::new(),
    };
    for text in SEEDS {
        for line in text.lines() {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != 9 || cells[0] == "主项" {
                continue;
            }
            if let Some((_, name)) = cells[0].split_once('、') {
                if !name.is_empty() && !seeds.categories.iter().any(|c| c == name) {
                    seeds.categories.push(name.to_owned());
                }
            }
            // Rows that continue a matter after a page break have no 子项.
            if !cells[2].trim().is_empty() {
                seeds
                    .rows
                    .push(cells[2..].iter().map(|c| (*c).to_owned()).collect());
            }
        }
    }
    seeds
}

/// A Chinese numeral for `n` in 1..100 000 (`十二`, `一百零二`, `一万二千五百`).
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 5] = ["", "十", "百", "千", "万"];
    let digits: Vec<u32> = n.to_string().bytes().map(|b| u32::from(b - b'0')).collect();
    let mut out = String::new();
    let mut zero = false;
    for (k, &d) in digits.iter().enumerate() {
        let place = digits.len() - 1 - k;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十二, not 一十二 (but 一百一十).
        if !(d == 1 && place == 1 && k == 0) {
            out.push(DIGITS[d as usize]);
        }
        out.push_str(UNITS[place]);
    }
    out
}

/// A list of `rows` data rows.
pub fn list(rows: usize) -> String {
    let seeds = seeds();
    let mut out = String::with_capacity(rows * 400);
    for i in 0..rows {
        if i % ROWS_PER_PAGE == 0 {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(TITLE);
            out.push_str("\n\n");
            out.push_str(HEADER);
            out.push('\n');
        }
        let category = i / ROWS_PER_CATEGORY;
        if i % ROWS_PER_CATEGORY == 0 {
            out.push_str(&chinese_numeral(category as u32 + 1));
            out.push('、');
            out.push_str(&seeds.categories[category % seeds.categories.len()]);
        }
        out.push('\t');
        out.push_str(&(i % ROWS_PER_CATEGORY + 1).to_string());
        for cell in &seeds.rows[i % seeds.rows.len()] {
            out.push('\t');
            out.push_str(cell);
        }
        out.push('\n');
    }
    out
}
