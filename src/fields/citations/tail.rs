//! What follows a title: its document number, a named annex and the provisions cited, and
//! what may stand between two citations.
//!
//! ```text
//! tail    = ws [parenthesized_number | document_number] ws [provisions | annexed]
//! annexed = annex_name provisions      国家医疗保障待遇清单（2020版）第二条第（三）款
//! ```

use nom::IResult;

use super::number::{document_number, parenthesized};
use super::provisions::{provisions, Provisions};
use super::{fail, folded, trim_separators, ws};
use crate::model::DocumentNumber;
use crate::text::normalize::trim;
use crate::text::search::word_at_start;

/// What follows a title: its number, annex and provisions.
#[derive(Debug, Default)]
pub(super) struct Tail<'a> {
    pub(super) number: Option<DocumentNumber>,
    pub(super) annex: Option<&'a str>,
    pub(super) provisions: Provisions<'a>,
    /// Words before a 文号 standing without brackets that are not part of it
    /// (`的通知 吉医保发(2019)34 号` → `的通知`): read, but not understood.
    pub(super) before_number: Option<&'a str>,
}

/// Characters an annex name cannot hold: they end a citation or a list.
fn ends_annex(c: char) -> bool {
    matches!(c, '《' | '》' | '；' | ';' | '。' | '，' | ',' | '、')
}

/// Whether an annex name may start with `c`: a name, not a bracket (`（2018年修正）` is an
/// edition note, not an annex).
fn may_start_annex(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '（' | '(' | '〔' | '[' | '【')
}

/// An annex name of two characters or more, followed by provisions
/// (`国家医疗保障待遇清单（2020版）第二条第（三）款`): the name ends at the first `第` that
/// provisions follow.
fn annexed(input: &str) -> IResult<&str, (&str, Provisions<'_>)> {
    if !input.starts_with(may_start_annex) {
        return Err(fail(input, nom::error::ErrorKind::Verify));
    }
    let end = input.find(ends_annex).unwrap_or(input.len());
    for (i, _) in input[..end].match_indices('第') {
        let name = input[..i].trim_end();
        if name.chars().nth(1).is_none() {
            continue;
        }
        if let Ok((rest, found)) = provisions(&input[i..]) {
            return Ok((rest, (name, found)));
        }
    }
    Err(fail(input, nom::error::ErrorKind::Verify))
}

/// Read what follows a title as far as it fits. Returns the text left over. Never fails:
/// every part is optional.
pub(super) fn tail(input: &str) -> (&str, Tail<'_>) {
    let mut found = Tail::default();
    let (rest, ()) = ws(input).unwrap_or((input, ()));
    let number = match parenthesized(rest) {
        Ok(number) => Ok(number),
        Err(_) => document_number(rest).map(|(after, n)| {
            // The number is the end of what it read: words before it are not its own.
            let read = trim(&rest[..rest.len() - after.len()]);
            if let Some(before) = read.strip_suffix(n.raw.as_str()).map(trim) {
                found.before_number = Some(before).filter(|b| !b.is_empty());
            }
            (after, n)
        }),
    };
    let rest = match number {
        Ok((after, n)) => {
            found.number = Some(n);
            ws(after).map_or(after, |(after, ())| after)
        }
        Err(_) => rest,
    };
    let rest = if let Ok((after, list)) = provisions(rest) {
        found.provisions = list;
        after
    } else if let Ok((after, (annex, list))) = annexed(rest) {
        found.annex = Some(annex);
        found.provisions = list;
        after
    } else {
        rest
    };
    (rest, found)
}

/// The words that may join two citations (`《甲》和《乙》`, `《甲》以及《乙》`), longest first.
const CONJUNCTIONS: [&str; 4] = ["以及", "及", "和", "与"];

/// What is left between two citations, without the separators and a conjunction joining them.
pub(super) fn between_citations(text: &str) -> &str {
    let text = trim_separators(text);
    match word_at_start(text, &CONJUNCTIONS) {
        Some(joiner) => trim_separators(&text[joiner.len()..]),
        None => text,
    }
}

/// The first title quoted inside a title, with `〈〉` or nested `《》`:
/// `关于印发〈外国人在中国永久居留享有相关待遇的办法〉的通知` → the 办法. `opener` is where
/// the title's first `〈` or `《` is (the survey found it), if it has one.
pub(super) fn inner_title(title: &str, opener: Option<usize>, spaced: bool) -> Option<String> {
    let at = opener?;
    let (opener, close) = match title[at..].chars().next()? {
        '〈' => ('〈', '〉'),
        _ => ('《', '》'),
    };
    let open = at + opener.len_utf8();
    let mut depth = 1usize;
    for (i, c) in title[open..].char_indices() {
        if c == opener {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                let inner = folded(&title[open..open + i], spaced);
                return Some(inner).filter(|t| !t.is_empty());
            }
        }
    }
    None
}
