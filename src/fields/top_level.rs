//! The grammar the steps and channels cells share: a cell is parts between separators, and a
//! separator inside brackets separates nothing (`审核（初审-复审）` is one step,
//! `网上办理（政务服务网、手机APP）` one channel).
//!
//! ```text
//! parts     = part (separator part)*
//! part      = (group | plain)*            -- parsed as plain? (group plain?)*
//! plain     = 1* (any character but a separator or an opening bracket)
//! group     = opening (group | inside)* closing?      -- brackets nest; an unclosed one runs to the end
//! inside    = 1* (any character but a bracket)
//! ```
//!
//! Which characters separate is the caller's (`is_separator`, which accepts no bracket); brackets are
//! [`brackets::opens`] and [`brackets::closes`], any closing bracket closing any opening one.
//! A closing bracket with no opening one is an ordinary character. Nesting is counted, not
//! recursed into, so ten thousand `（` cost no stack.

use nom::character::complete::satisfy;
use nom::{IResult, Parser};

use std::ops::Range;

use crate::fields::coverage::Coverage;
use crate::text::brackets::{self, non_ideographs};

/// The parts of `text` between the top-level separators, in order, as slices of `text`, empty
/// ones too (a run of separators gives empty parts between them; callers drop them).
pub(super) fn top_level_parts<S>(text: &str, is_separator: S) -> impl Iterator<Item = &str>
where
    S: Fn(char) -> bool + Copy,
{
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let (found, after) = part(rest?, is_separator);
        rest = after;
        Some(found)
    })
}

/// `part = (group | plain)*`, parsed as `plain? (group plain?)*`: a group can only start where
/// a plain run stops. Never fails, may be empty. Gives the part and the text after the
/// separator that ends it, `None` at the end of the text.
#[inline]
fn part<S>(input: &str, is_separator: S) -> (&str, Option<&str>)
where
    S: Fn(char) -> bool + Copy,
{
    let mut rest = input;
    loop {
        // A plain run stops at an opening bracket, a separator or the end.
        let (after, stop) = run_till(rest, |c| is_separator(c) || brackets::opens(c));
        rest = after;
        let part = &input[..input.len() - rest.len()];
        match stop {
            Some(c) if is_separator(c) => return (part, Some(&rest[c.len_utf8()..])),
            Some(_) => rest = group(rest).map_or("", |(after, _)| after),
            None => return (part, None),
        }
    }
}

/// `group = opening (group | inside)* closing?`: an opening bracket and all up to the closing
/// bracket that matches it, or to the end of the text when none does.
pub(super) fn group(input: &str) -> IResult<&str, &str> {
    let (mut rest, _) = opening(input)?;
    let mut depth = 1_usize;
    while depth > 0 {
        if let Ok((after, _)) = inside(rest) {
            rest = after;
        } else if let Ok((after, _)) = opening(rest) {
            depth += 1;
            rest = after;
        } else if let Ok((after, _)) = closing(rest) {
            depth -= 1;
            rest = after;
        } else {
            // The end of the text: the group was never closed.
            break;
        }
    }
    Ok((rest, &input[..input.len() - rest.len()]))
}

fn opening(input: &str) -> IResult<&str, char> {
    satisfy(brackets::opens).parse(input)
}

fn closing(input: &str) -> IResult<&str, char> {
    satisfy(brackets::closes).parse(input)
}

fn inside(input: &str) -> IResult<&str, &str> {
    let (rest, _) = run_till(input, |c| brackets::opens(c) || brackets::closes(c));
    if rest.len() == input.len() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeTill1,
        )));
    }
    Ok((rest, &input[..input.len() - rest.len()]))
}

/// `take_till(stop)` for a `stop` that accepts no ideograph (separators, brackets): the
/// ideographs, most of a cell, are passed by without being decoded ([`non_ideographs`]).
/// Gives the text from the first character `stop` accepts on, and that character.
#[inline]
pub(super) fn run_till(input: &str, stop: impl Fn(char) -> bool) -> (&str, Option<char>) {
    match non_ideographs(input).find(|&(_, c)| stop(c)) {
        Some((at, c)) => (&input[at..], Some(c)),
        // The end of `input`, not a `""` of its own: nom's `recognize` measures from it.
        None => (&input[input.len()..], None),
    }
}

/// How many characters of `text` (inside brackets too) `is_separator` accepts, counted without
/// decoding the ideographs (none of which separates): a bound on the parts, for a list's size.
pub(super) fn count_separators(text: &str, is_separator: impl Fn(char) -> bool) -> usize {
    non_ideographs(text)
        .filter(|&(_, c)| is_separator(c))
        .count()
}

/// What a steps or channels cell's parser understood: all of `text` but the `parts` (byte
/// ranges of it, in order) that it kept without reading them.
pub(super) fn understood_but(text: &str, parts: &[Range<usize>]) -> Coverage {
    let mut coverage = Coverage::new();
    let mut from = 0;
    for part in parts {
        coverage.add(from..part.start);
        from = part.end;
    }
    coverage.add(from..text.len());
    coverage
}

/// The byte range of `part`, a slice of `text`, in `text`.
pub(super) fn range_in(text: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    start..start + part.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dash(c: char) -> bool {
        c == '-'
    }

    fn parts(text: &str) -> Vec<&str> {
        top_level_parts(text, dash).collect()
    }

    #[test]
    fn parts_between_separators_empty_ones_too() {
        assert_eq!(parts("甲-乙--丙"), ["甲", "乙", "", "丙"]);
        assert_eq!(parts("-甲-"), ["", "甲", ""]);
        assert_eq!(parts(""), [""]);
    }

    #[test]
    fn separators_inside_brackets_do_not_separate() {
        assert_eq!(parts("甲（乙-丙）-丁"), ["甲（乙-丙）", "丁"]);
        assert_eq!(parts("甲（（乙-丙）-丁）-戊"), ["甲（（乙-丙）-丁）", "戊"]);
        // Any closing bracket closes any opening one.
        assert_eq!(parts("甲(乙-丙】-丁"), ["甲(乙-丙】", "丁"]);
    }

    #[test]
    fn an_unclosed_bracket_runs_to_the_end_and_a_stray_closing_one_is_a_character() {
        assert_eq!(parts("甲（乙-丙-丁"), ["甲（乙-丙-丁"]);
        assert_eq!(parts("甲）-乙"), ["甲）", "乙"]);
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let text = "（".repeat(100_000) + "-甲";
        assert_eq!(parts(&text).len(), 1);
    }
}
