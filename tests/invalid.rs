//! The bad-input corpus: every file of `fixtures/invalid/` is parsed and its outcome (the
//! error, or the diagnostics) compared with a reviewed snapshot `invalid__<case>.snap`.
//!
//! A case is either the input itself (`*.tsv`, any bytes) or a recipe that generates it
//! (`*.gen`), so that huge inputs are not committed. A recipe has one directive a line:
//!
//! ```text
//! # a comment
//! text <escaped>           append the text once
//! repeat <n> <escaped>     append the text n times
//! random <n> <seed>        append n pseudo-random bytes
//! ```
//!
//! Escapes: `\t \n \r \0 \s` (space) `\\`, `\xHH` (one byte, which may make invalid UTF-8) and
//! `\u{HHHH}` (one character).
//!
//! Besides its snapshot, every case must keep each source cell in some raw text of the output,
//! keep diagnostic messages short, and parse the same way twice.

mod common;

use std::path::{Path, PathBuf};

/// The longest diagnostic message, in characters: a message quotes, it does not copy.
const MAX_MESSAGE: usize = 400;

/// Inputs above this size are not checked cell by cell (the check is quadratic).
const LOSSLESS_CHECK_LIMIT: usize = 256 * 1024;

#[test]
fn every_invalid_case_has_its_reviewed_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/invalid exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv" || e == "gen"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(true);
    settings.set_omit_expression(true);
    for path in &cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = load(path);
        let result = shixiang::parse(&bytes);
        check_invariants(&name, &bytes, &result);
        settings.set_input_file(path);
        settings.bind(|| insta::assert_snapshot!(name.as_str(), common::outcome(&result)));
    }
}

/// What every case must satisfy, whatever its snapshot says.
fn check_invariants(
    name: &str,
    bytes: &[u8],
    result: &Result<shixiang::Document, shixiang::Error>,
) {
    let Ok(document) = result else { return };
    for d in &document.diagnostics {
        assert!(
            d.message.chars().count() <= MAX_MESSAGE,
            "{name}: message of {} characters: {}",
            d.message.chars().count(),
            common::elide(&d.message, 200)
        );
        assert!(d.line >= 1 && d.column >= 1, "{name}: position of {d}");
    }
    if bytes.len() <= LOSSLESS_CHECK_LIMIT {
        let decoded = shixiang::decode(bytes, &shixiang::ParseOptions::new()).expect("it parsed");
        common::assert_lossless(decoded.text(), document);
        assert_eq!(
            shixiang::parse(bytes).as_ref().ok(),
            Some(document),
            "{name}: not deterministic"
        );
    }
}

/// The bytes of a case: the file itself, or what its recipe generates.
fn load(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("readable case");
    if path.extension().is_some_and(|e| e == "gen") {
        let recipe = String::from_utf8(bytes).expect("a recipe is UTF-8");
        generate(&recipe).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    } else {
        bytes
    }
}

/// Run a recipe.
fn generate(recipe: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for line in recipe.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (directive, rest) = line.split_once(' ').unwrap_or((line, ""));
        match directive {
            "text" => out.extend(unescape(rest)?),
            "repeat" => {
                let (count, text) = rest.split_once(' ').ok_or("repeat needs a count")?;
                let count: usize = count.parse().map_err(|e| format!("count: {e}"))?;
                out.extend(unescape(text)?.repeat(count));
            }
            "random" => {
                let (count, seed) = rest.split_once(' ').ok_or("random needs a seed")?;
                let count: usize = count.parse().map_err(|e| format!("count: {e}"))?;
                let seed: u64 = seed.parse().map_err(|e| format!("seed: {e}"))?;
                out.extend(random_bytes(count, seed));
            }
            other => return Err(format!("unknown directive {other:?}")),
        }
    }
    Ok(out)
}

/// Decode the escapes of a recipe text into bytes.
fn unescape(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buffer = [0; 4];
            out.extend(c.encode_utf8(&mut buffer).as_bytes());
            continue;
        }
        match chars.next() {
            Some('t') => out.push(b'\t'),
            Some('n') => out.push(b'\n'),
            Some('r') => out.push(b'\r'),
            Some('0') => out.push(0),
            Some('s') => out.push(b' '),
            Some('\\') => out.push(b'\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).map_err(|e| format!("\\x{hex}: {e}"))?);
            }
            Some('u') => {
                let braced: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = braced.strip_prefix('{').ok_or("\\u needs {")?;
                let code = u32::from_str_radix(hex, 16).map_err(|e| format!("\\u{hex}: {e}"))?;
                let c = char::from_u32(code).ok_or(format!("\\u{{{hex}}} is no character"))?;
                let mut buffer = [0; 4];
                out.extend(c.encode_utf8(&mut buffer).as_bytes());
            }
            other => return Err(format!("unknown escape \\{other:?}")),
        }
    }
    Ok(out)
}

/// `count` bytes from a xorshift generator: the same for the same seed on every machine.
fn random_bytes(count: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn recipes_unescape_and_repeat() {
    assert_eq!(
        generate("# c\ntext a\\tb\\n\nrepeat 3 \\u{4E00}\ntext \\xE4\\s\\0\\\\").unwrap(),
        b"a\tb\n\xE4\xB8\x80\xE4\xB8\x80\xE4\xB8\x80\xE4 \0\\".to_vec()
    );
    assert_eq!(generate("random 4 7").unwrap(), random_bytes(4, 7));
    assert_ne!(random_bytes(8, 7), random_bytes(8, 8));
    assert!(generate("bogus").is_err());
}
