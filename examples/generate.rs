//! Write a synthetic matter list of N data rows to standard output, made from the seed
//! fixtures' rows the way `benches/parse.rs` makes its scaling inputs (same generator).
//!
//! ```text
//! cargo run --release --example generate -- 100000 > /tmp/list-100k.tsv
//! cargo build --release --example dump
//! /usr/bin/time -v target/release/examples/dump --format summary /tmp/list-100k.tsv
//! ```

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() -> ExitCode {
    let rows = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        Some(Ok(rows)) => rows,
        _ => {
            eprintln!("usage: generate ROWS");
            return ExitCode::from(2);
        }
    };
    let list = generate::list(rows);
    let mut out = std::io::stdout().lock();
    match out.write_all(list.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}
