//! Document numbers: orders (令) and 文号.
//!
//! - An order names who issued it before `令`, then its number: `主席令第35号`,
//!   `中华人民共和国主席令第 35 号`, `人力资源和社会保障部、国家医保局令第41号`; or puts `令` last:
//!   `第3号令`, `国家医保局第3号令`.
//! - A 文号 is a prefix naming the issuer and the kind of document, the year in brackets and the
//!   number: `人社部发〔2012〕53号`. The year's brackets may be 〔〕, [], ［］, 【】, （） or (), with
//!   spaces inside (`〔 2021 〕11 号`).
//!
//! In a citation the number usually stands in parentheses after the title, full-width or
//! half-width; sources also use 〔〕 there (`〔国办发〔2019〕10号〕`), which [`parenthesized`]
//! accepts as well.

use nom::IResult;

use super::{find_char, has_space, normal, read_number, skip_space, trim};
use crate::model::{DocumentNumber, NumberKind};
use crate::text::normalize::normalize;
use crate::text::numeral;

/// Brackets that may open a year, or enclose a whole number after a title.
#[cfg(test)]
const OPEN: &str = "（(〔[［【";
/// Their closing counterparts (any closes any: sources mix them).
#[cfg(test)]
const CLOSE: &str = "）)〕]］】";

/// Characters that cannot be part of an issuer's name or a 文号 prefix.
fn is_stop(c: char) -> bool {
    // A `match`, not a search of `OPEN` and `CLOSE`: this is called for every character of
    // every citation. A test checks that both lists are here.
    matches!(
        c,
        '（' | '(' | '〔' | '[' | '［' | '【' // OPEN
            | '）' | ')' | '〕' | ']' | '］' | '】' // CLOSE
            | '《' | '》' | '〈' | '〉' | '；' | ';' | '。' | '，' | ','
    )
}

/// Whether `c` opens a year or a whole number: `（(〔[［【`.
fn is_open(c: char) -> bool {
    matches!(c, '（' | '(' | '〔' | '[' | '［' | '【')
}

/// Whether `c` closes a year or a whole number (any closes any: sources mix them):
/// `）)〕]］】`.
fn is_close(c: char) -> bool {
    matches!(c, '）' | ')' | '〕' | ']' | '］' | '】')
}

/// `input` without its first character if `accept` takes it.
#[inline(always)]
fn strip_char(input: &str, accept: impl Fn(char) -> bool) -> Option<&str> {
    let c = input.chars().next().filter(|&c| accept(c))?;
    Some(&input[c.len_utf8()..])
}

/// The year of a 文号, in brackets: `〔2012〕`, `[2012]`, `（ 2012 ）`, `〔二〇一二〕`.
fn bracketed_year(input: &str) -> Option<(&str, u32)> {
    let rest = skip_space(strip_char(input, is_open)?);
    let (rest, year) = read_number(rest).ok()?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    let rest = strip_char(skip_space(rest), is_close)?;
    Some((rest, year))
}

/// `第35号`, `第 35 号`, `35号`: the serial number that ends a document number.
fn serial(input: &str) -> Option<(&str, u32)> {
    let rest = skip_space(input.strip_prefix('第').unwrap_or(input));
    let (rest, n) = read_number(rest).ok()?;
    let rest = skip_space(rest).strip_prefix('号')?;
    Some((rest, n))
}

/// A 文号: prefix, bracketed year, serial (`人社部发〔2012〕53号`).
fn wenhao(input: &str) -> Option<(&str, (&str, u32, u32))> {
    let stop = find_char(input, None, is_stop);
    // The year first: it fails at once where there is none (orders), before any trim.
    let (rest, year) = bracketed_year(&input[stop..])?;
    let prefix = trim(&input[..stop]);
    if prefix.is_empty() {
        return None;
    }
    let (rest, n) = serial(skip_space(rest))?;
    Some((rest, (prefix, year, n)))
}

/// An order with its issuer before `令`: `国务院令第259号`.
fn order_issuer_first(input: &str) -> Option<(&str, (Option<&str>, u32))> {
    let end = find_char(input, Some('令'), |c| {
        is_stop(c) || numeral::is_arabic_digit(c)
    });
    let issuer = trim(&input[..end]);
    if issuer.is_empty() {
        return None;
    }
    let rest = skip_space(input[end..].strip_prefix('令')?);
    let (rest, n) = serial(rest)?;
    Some((rest, (Some(issuer), n)))
}

/// An order with `令` last: `第3号令`, `国家医保局第3号令`.
fn order_number_first(input: &str) -> Option<(&str, (Option<&str>, u32))> {
    let issuer = &input[..find_char(input, Some('第'), is_stop)];
    let rest = skip_space(input[issuer.len()..].strip_prefix('第')?);
    let (rest, n) = read_number(rest).ok()?;
    let rest = skip_space(skip_space(rest).strip_prefix('号')?);
    let rest = rest.strip_prefix('令')?;
    let issuer = Some(trim(issuer)).filter(|i| !i.is_empty());
    Some((rest, (issuer, n)))
}

/// The issuer of an order as the model gives it: the bodies before `令`
/// (`人力资源和社会保障部、国家医保局`); an order of the state president, an office rather than a
/// body, keeps its name as an order (`主席令`, `中华人民共和国主席令`).
fn order_issuer(issuer: &str) -> String {
    let mut issuer = if has_space(issuer) {
        normalize(issuer)
    } else {
        // Room for the `令` of an office, which the copy may get.
        let mut copy = String::with_capacity(issuer.len() + '令'.len_utf8());
        copy.push_str(issuer);
        copy
    };
    if is_office(&issuer) {
        issuer.push('令');
    }
    issuer
}

/// Whether an order's issuer is an office held by a person (the president), not a body.
fn is_office(issuer: &str) -> bool {
    issuer.ends_with("主席")
}

/// The error every parser of this module fails with: only success or failure matters to
/// the callers.
fn failure(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// nom: a document number, order or 文号, as the text writes it.
///
/// The parsers below it are written by hand rather than with nom combinators: a number is
/// looked for after every title, and the combinator version spent most of its instructions
/// building and unwinding parsers. The test `hand_parsers_agree_with_nom` keeps that version
/// as the definition.
/// Its `raw` is the text read without the white space before it (none can follow it: it ends
/// with `号` or `令`).
pub(crate) fn document_number(input: &str) -> IResult<&str, DocumentNumber> {
    if let Some((rest, (prefix, year, number))) = wenhao(input) {
        let raw = skip_space(&input[..input.len() - rest.len()]);
        return Ok((
            rest,
            DocumentNumber {
                raw: raw.to_owned(),
                kind: NumberKind::Wenhao,
                issuer: None,
                prefix: Some(normal(prefix, true)),
                year: Some(year),
                number: Some(number),
            },
        ));
    }
    let (rest, (issuer, number)) = order_issuer_first(input)
        .or_else(|| order_number_first(input))
        .ok_or_else(|| failure(input))?;
    let raw = skip_space(&input[..input.len() - rest.len()]);
    Ok((
        rest,
        DocumentNumber {
            raw: raw.to_owned(),
            kind: NumberKind::Order,
            issuer: issuer.map(order_issuer),
            prefix: None,
            year: None,
            number: Some(number),
        },
    ))
}

/// nom: a document number in brackets, as it follows a title: `（主席令第35号）`,
/// `(人社部发〔2012〕53号)`, `〔国办发〔2019〕10号〕`.
pub(crate) fn parenthesized(input: &str) -> IResult<&str, DocumentNumber> {
    let inside = skip_space(strip_char(input, is_open).ok_or_else(|| failure(input))?);
    let (rest, number) = document_number(inside)?;
    let rest = strip_char(skip_space(rest), is_close).ok_or_else(|| failure(input))?;
    Ok((rest, number))
}

/// The bodies an order names as its issuers (`人力资源和社会保障部、国家医保局` → two bodies);
/// none for a 文号 or an order of an office (`主席令`). Borrowed: the caller copies those it
/// keeps.
pub(crate) fn issuing_bodies(number: &DocumentNumber) -> impl Iterator<Item = &str> {
    let issuer = match (&number.kind, &number.issuer) {
        (NumberKind::Order, Some(issuer)) if !issuer.ends_with('令') => issuer.as_str(),
        _ => "",
    };
    super::issuers::bodies(issuer)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nom version the hand-written parsers replaced: the definition they must agree with.
    mod nom_version {
        use nom::{
            branch::alt,
            bytes::complete::{take_till, take_till1, take_while},
            character::complete::{char, one_of},
            combinator::{opt, verify},
            IResult, Parser,
        };

        use super::super::{is_stop, order_issuer, CLOSE, OPEN};
        use crate::model::{DocumentNumber, NumberKind};
        use crate::text::normalize::normalize;
        use crate::text::numeral;

        fn ws(input: &str) -> IResult<&str, &str> {
            take_while(char::is_whitespace).parse(input)
        }

        fn bracketed_year(input: &str) -> IResult<&str, u32> {
            let (rest, (_, _, year, _, _)) = (
                one_of(OPEN),
                ws,
                verify(numeral::number, |y| (1900..=2999).contains(y)),
                ws,
                one_of(CLOSE),
            )
                .parse(input)?;
            Ok((rest, year))
        }

        fn serial(input: &str) -> IResult<&str, u32> {
            let (rest, (_, _, n, _, _)) =
                (opt(char('第')), ws, numeral::number, ws, char('号')).parse(input)?;
            Ok((rest, n))
        }

        fn wenhao(input: &str) -> IResult<&str, (&str, u32, u32)> {
            let (rest, (prefix, year, _, n)) = (
                verify(take_till1(is_stop), |p: &str| !p.trim().is_empty()),
                bracketed_year,
                ws,
                serial,
            )
                .parse(input)?;
            Ok((rest, (prefix.trim(), year, n)))
        }

        fn order_issuer_first(input: &str) -> IResult<&str, (Option<&str>, u32)> {
            let (rest, (issuer, _, _, n)) = (
                verify(
                    take_till1(|c| c == '令' || is_stop(c) || numeral::is_arabic_digit(c)),
                    |i: &str| !i.trim().is_empty(),
                ),
                char('令'),
                ws,
                serial,
            )
                .parse(input)?;
            Ok((rest, (Some(issuer.trim()), n)))
        }

        fn order_number_first(input: &str) -> IResult<&str, (Option<&str>, u32)> {
            let (rest, (issuer, _, _, n, _, _, _, _)) = (
                take_till(|c| c == '第' || is_stop(c)),
                char('第'),
                ws,
                numeral::number,
                ws,
                char('号'),
                ws,
                char('令'),
            )
                .parse(input)?;
            let issuer = Some(issuer.trim()).filter(|i| !i.is_empty());
            Ok((rest, (issuer, n)))
        }

        pub(super) fn document_number(input: &str) -> IResult<&str, DocumentNumber> {
            if let Ok((rest, (prefix, year, number))) = wenhao(input) {
                let raw = input[..input.len() - rest.len()].trim();
                return Ok((
                    rest,
                    DocumentNumber {
                        raw: raw.to_owned(),
                        kind: NumberKind::Wenhao,
                        issuer: None,
                        prefix: Some(normalize(prefix)),
                        year: Some(year),
                        number: Some(number),
                    },
                ));
            }
            let (rest, (issuer, number)) =
                alt((order_issuer_first, order_number_first)).parse(input)?;
            let raw = input[..input.len() - rest.len()].trim();
            Ok((
                rest,
                DocumentNumber {
                    raw: raw.to_owned(),
                    kind: NumberKind::Order,
                    issuer: issuer.map(order_issuer),
                    prefix: None,
                    year: None,
                    number: Some(number),
                },
            ))
        }

        pub(super) fn parenthesized(input: &str) -> IResult<&str, DocumentNumber> {
            let (rest, (_, _, number, _, _)) =
                (one_of(OPEN), ws, document_number, ws, one_of(CLOSE)).parse(input)?;
            Ok((rest, number))
        }
    }

    /// Every sequence of pieces that make or break document numbers reads the same with the
    /// hand parsers as with the nom version they replaced.
    #[test]
    fn hand_parsers_agree_with_nom() {
        let pieces = [
            "（",
            ")",
            "〔",
            "】",
            "主席",
            "部 发",
            "令",
            "第",
            "2012",
            "二〇一二",
            "12",
            "号",
            " ",
            "\u{3000}",
            "、",
            "《",
        ];
        let texts = crate::test_support::every_text(&pieces, 5);
        let texts = texts.iter().map(String::as_str).chain([
            "（主席令第35号）",
            "〔国办发〔2019〕10号〕",
            "（ 人社部发〔 2012 〕第 53 号 ）",
            "(国家医保局第3号令)",
            "（中华人民共和国主席令第 35 号）第五条",
            "人力资源和社会保障部、国家医保局令第41号",
        ]);
        for text in texts {
            assert_eq!(
                document_number(text).map_err(|_| ()),
                nom_version::document_number(text).map_err(|_| ()),
                "{text:?}"
            );
            assert_eq!(
                parenthesized(text).map_err(|_| ()),
                nom_version::parenthesized(text).map_err(|_| ()),
                "{text:?}"
            );
        }
    }

    /// (text, kind, issuer, prefix, year, number)
    type Expected = (
        &'static str,
        NumberKind,
        Option<&'static str>,
        Option<&'static str>,
        Option<u32>,
        u32,
    );

    fn check(text: &str, (raw, kind, issuer, prefix, year, number): Expected) {
        let (rest, found) = document_number(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(rest, "", "{text}");
        assert_eq!(found.raw, raw, "{text}");
        assert_eq!(found.kind, kind, "{text}");
        assert_eq!(found.issuer.as_deref(), issuer, "{text}");
        assert_eq!(found.prefix.as_deref(), prefix, "{text}");
        assert_eq!(found.year, year, "{text}");
        assert_eq!(found.number, Some(number), "{text}");
    }

    #[test]
    fn every_bracket_stops_a_name() {
        for c in OPEN
            .chars()
            .chain(CLOSE.chars())
            .chain("《》〈〉；;。，,".chars())
        {
            assert!(is_stop(c), "{c:?}");
        }
        for c in ['部', '发', '令', '第', '1', ' ', '、'] {
            assert!(!is_stop(c), "{c:?}");
        }
    }

    #[test]
    fn orders() {
        use NumberKind::Order;
        for (text, expected) in [
            (
                "主席令第35号",
                ("主席令第35号", Order, Some("主席令"), None, None, 35),
            ),
            (
                "中华人民共和国主席令第 35 号",
                (
                    "中华人民共和国主席令第 35 号",
                    Order,
                    Some("中华人民共和国主席令"),
                    None,
                    None,
                    35,
                ),
            ),
            (
                "国务院令第259号",
                ("国务院令第259号", Order, Some("国务院"), None, None, 259),
            ),
            (
                "国家医保局令第2号",
                (
                    "国家医保局令第2号",
                    Order,
                    Some("国家医保局"),
                    None,
                    None,
                    2,
                ),
            ),
            (
                "省政府令第322号",
                ("省政府令第322号", Order, Some("省政府"), None, None, 322),
            ),
            (
                "人力资源和社会保障部、国家医保局令第41号",
                (
                    "人力资源和社会保障部、国家医保局令第41号",
                    Order,
                    Some("人力资源和社会保障部、国家医保局"),
                    None,
                    None,
                    41,
                ),
            ),
            ("第3号令", ("第3号令", Order, None, None, None, 3)),
            (
                "国家医保局第3号令",
                (
                    "国家医保局第3号令",
                    Order,
                    Some("国家医保局"),
                    None,
                    None,
                    3,
                ),
            ),
            (
                "财政部令第二十五号",
                ("财政部令第二十五号", Order, Some("财政部"), None, None, 25),
            ),
            (
                "国务院令第２５９号",
                ("国务院令第２５９号", Order, Some("国务院"), None, None, 259),
            ),
        ] {
            check(text, expected);
        }
    }

    #[test]
    fn wenhao_with_every_bracket() {
        use NumberKind::Wenhao;
        for text in [
            "人社部发〔2012〕53号",
            "人社部发[2012]53号",
            "人社部发［2012］53号",
            "人社部发【2012】53号",
            "人社部发（2012）53号",
            "人社部发(2012)53号",
            "人社部发〔 2012 〕53 号",
            "人社部发〔2012〕第53号",
            "人社部发〔二〇一二〕53号",
        ] {
            check(text, (text, Wenhao, None, Some("人社部发"), Some(2012), 53));
        }
        check(
            "医保发〔 2021 〕11 号",
            (
                "医保发〔 2021 〕11 号",
                Wenhao,
                None,
                Some("医保发"),
                Some(2021),
                11,
            ),
        );
    }

    #[test]
    fn numbers_in_brackets_after_a_title() {
        for (text, raw, number) in [
            ("（主席令第35号）", "主席令第35号", 35),
            ("(主席令第35号)", "主席令第35号", 35),
            ("（ 主席令第35号 ）", "主席令第35号", 35),
            ("（人社部发〔2012〕53号）", "人社部发〔2012〕53号", 53),
            ("(人社部发(2012)53号)", "人社部发(2012)53号", 53),
            ("〔国办发〔2019〕10号〕", "国办发〔2019〕10号", 10),
            ("（第3号令）", "第3号令", 3),
        ] {
            let (rest, found) = parenthesized(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(rest, "", "{text}");
            assert_eq!((found.raw.as_str(), found.number), (raw, Some(number)));
        }
    }

    #[test]
    fn look_alikes_are_not_numbers() {
        for text in [
            "第五条",
            "国家医疗保障待遇清单（2020版）第二条",
            "（2018年修正）",
            "人社部发〔12〕53号",
            "人社部发〔2012〕53",
            "主席令",
            "令第35号",
            "《主席令第35号》",
            "",
        ] {
            assert!(document_number(text).is_err(), "{text}");
        }
        for text in ["（2020版）", "（大陆）", "（主席令第35号", "主席令第35号）"]
        {
            assert!(parenthesized(text).is_err(), "{text}");
        }
    }

    #[test]
    fn order_bodies() {
        let bodies = |text: &str| {
            issuing_bodies(&document_number(text).unwrap().1)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            bodies("人力资源和社会保障部、国家医保局令第41号"),
            ["人力资源和社会保障部", "国家医保局"]
        );
        assert_eq!(bodies("国务院令第259号"), ["国务院"]);
        assert!(bodies("主席令第35号").is_empty());
        assert!(bodies("第3号令").is_empty());
        assert!(bodies("人社部发〔2012〕53号").is_empty());
    }
}
