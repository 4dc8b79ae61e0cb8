//! Document numbers: orders (令) and 文号.
//!
//! ```text
//! document_number = wenhao | order
//! wenhao          = prefix year ws serial              人社部发〔2012〕53号
//! year            = open ws (numeral | masked) ws close   〔2012〕 [2012] （ 二〇一二 ） （****）
//! masked          = "*"{2,4}                          a year the source hides: no year
//! serial          = ["第"] ws numeral ws "号"           第35号  35 号
//! order           = issuer "令" ws serial               国务院令第259号  主席令第35号
//!                 | [issuer] "第" ws numeral ws "号" ws "令"   国家医保局第3号令  第3号令
//! parenthesized   = open ws document_number ws close   （主席令第35号） 〔国办发〔2019〕10号〕
//! ```
//!
//! - An order names who issued it before `令` (`中华人民共和国主席令`, `人力资源和社会保障部、
//!   国家医保局`), or puts `令` last.
//! - A 文号's prefix names the issuer and the kind of document; its year (1900 to 2999) stands
//!   in any of the brackets of [`OPEN`] and [`CLOSE`] (sources mix them), with spaces inside.
//!   The prefix is one word: text before it, across white space, is not part of the number
//!   (`的通知 吉医保发(2019)34 号` → prefix `吉医保发`; the caller is told where it starts).
//!   A masked year (`(****)`) gives no year; the number is kept.
//! - In a citation the number usually stands in brackets after the title ([`parenthesized`]),
//!   full-width or half-width, or in 〔〕.
//!
//! A numeral is Arabic (ASCII or full-width digits) or Chinese (`二十五`, `二〇一二`).

use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, satisfy};
use nom::combinator::{opt, verify};
use nom::{IResult, Parser};

use super::{has_space, normal, numeral, ws};
use crate::model::{DocumentNumber, NumberKind};
use crate::text::chars::is_ideograph;
use crate::text::normalize::{normalize, trim};

/// Brackets that may open a year, or enclose a whole number after a title.
const OPEN: [char; 7] = ['（', '(', '〔', '[', '［', '【', '﹝'];
/// Their closing counterparts (any closes any: sources mix them).
const CLOSE: [char; 7] = ['）', ')', '〕', ']', '］', '】', '﹞'];
/// Other characters that end an issuer's name or a 文号 prefix: titles and punctuation that
/// ends a clause.
const ENDS_NAME: [char; 9] = ['《', '》', '〈', '〉', '；', ';', '。', '，', ','];

/// Characters that cannot be part of an issuer's name or a 文号 prefix. (Told first by the
/// one range test that settles ideographs, which names are made of.)
fn is_stop(c: char) -> bool {
    !is_ideograph(c) && (OPEN.contains(&c) || CLOSE.contains(&c) || ENDS_NAME.contains(&c))
}

fn open(input: &str) -> IResult<&str, char> {
    satisfy(|c| OPEN.contains(&c)).parse(input)
}

fn close(input: &str) -> IResult<&str, char> {
    satisfy(|c| CLOSE.contains(&c)).parse(input)
}

/// The name a document number starts with, walked once for the three forms that read it:
/// each reads its name up to a different character.
struct Name<'a> {
    /// Up to the first stop: what a 文号's prefix is read from.
    whole: &'a str,
    /// Up to the first `令`, digit or stop: the issuer of an order before `令`.
    before_ling: &'a str,
    /// Up to the first `第` or stop: the issuer of an order with `令` last.
    before_di: &'a str,
    /// Whether `whole` holds a `号`, which ends an order's serial (no stop stands inside one).
    holds_hao: bool,
}

impl<'a> Name<'a> {
    fn of(input: &'a str) -> Self {
        let (mut ling, mut di, mut holds_hao) = (None, None, false);
        let mut end = input.len();
        for (at, c) in input.char_indices() {
            if is_stop(c) {
                end = at;
                break;
            }
            holds_hao |= c == '号';
            if ling.is_none() && (c == '令' || crate::text::numeral::is_arabic_digit(c)) {
                ling = Some(at);
            }
            if di.is_none() && c == '第' {
                di = Some(at);
            }
        }
        Name {
            whole: &input[..end],
            before_ling: &input[..ling.unwrap_or(end)],
            before_di: &input[..di.unwrap_or(end)],
            holds_hao,
        }
    }

    /// Whether a document number may start with this name: an order's `号` stands inside it,
    /// a 文号's after the year bracket that opens where it ends. (Else none of the forms is
    /// tried.)
    fn may_start_number(&self, input: &str) -> bool {
        self.holds_hao || input[self.whole.len()..].starts_with(OPEN)
    }
}

/// nom: `name`, the start of `input`, when it is not blank.
fn nonblank<'a>(name: &'a str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input| {
        if trim(name).is_empty() {
            Err(super::fail(input, nom::error::ErrorKind::Verify))
        } else {
            Ok((&input[name.len()..], name))
        }
    }
}

/// `〔2012〕`, `[2012]`, `（ 2012 ）`, `〔二〇一二〕`: the year of a 文号; `(****)`, a year the
/// source masks, gives `None`.
fn year(input: &str) -> IResult<&str, Option<u32>> {
    let known = verify(numeral, |year| (1900..=2999).contains(year)).map(Some);
    let (rest, (_, _, year, _, _)) =
        (open, ws, alt((known, masked_year)), ws, close).parse(input)?;
    Ok((rest, year))
}

/// `****`: two to four asterisks (ASCII or full-width) where a year stands.
fn masked_year(input: &str) -> IResult<&str, Option<u32>> {
    let (rest, stars) = take_while_m_n(2, 4, |c| matches!(c, '*' | '＊')).parse(input)?;
    let _ = stars;
    Ok((rest, None))
}

/// `第35号`, `第 35 号`, `35号`: the serial number that ends a document number.
fn serial(input: &str) -> IResult<&str, u32> {
    let (rest, (_, _, n, _, _)) = (opt(char('第')), ws, numeral, ws, char('号')).parse(input)?;
    Ok((rest, n))
}

/// `人社部发〔2012〕53号`: prefix, year, serial. The prefix is the last word of the name
/// before the year (see the module docs).
fn wenhao<'a>(input: &'a str, name: &Name<'a>) -> IResult<&'a str, (&'a str, Option<u32>, u32)> {
    let (rest, (prefix, year, _, n)) = (nonblank(name.whole), year, ws, serial).parse(input)?;
    Ok((rest, (last_word(trim(prefix)), year, n)))
}

/// The part of `name` after its last white space (all of it when it has none).
fn last_word(name: &str) -> &str {
    match name.rfind(char::is_whitespace) {
        Some(at) => {
            let space = name[at..].chars().next().map_or(1, char::len_utf8);
            &name[at + space..]
        }
        None => name,
    }
}

/// `国务院令第259号`: an order with its issuer before `令`.
fn order_issuer_first<'a>(
    input: &'a str,
    name: &Name<'a>,
) -> IResult<&'a str, (Option<&'a str>, u32)> {
    let issuer = nonblank(name.before_ling);
    let (rest, (issuer, _, _, n)) = (issuer, char('令'), ws, serial).parse(input)?;
    Ok((rest, (Some(trim(issuer)), n)))
}

/// `第3号令`, `国家医保局第3号令`: an order with `令` last.
fn order_number_first<'a>(
    input: &'a str,
    name: &Name<'a>,
) -> IResult<&'a str, (Option<&'a str>, u32)> {
    let issuer = &input[..name.before_di.len()];
    let (rest, (_, _, n, _, _, _, _)) =
        (char('第'), ws, numeral, ws, char('号'), ws, char('令')).parse(&input[issuer.len()..])?;
    let issuer = Some(trim(issuer)).filter(|i| !i.is_empty());
    Ok((rest, (issuer, n)))
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

/// A document number, order or 文号, as the text writes it. Its `raw` is the text read
/// without white space around it.
pub(crate) fn document_number(input: &str) -> IResult<&str, DocumentNumber> {
    // Every document number ends with `号` (or `号令`): where the walk of its name tells that
    // none can, the grammar is not tried (after a title, mostly provisions).
    let name = Name::of(input);
    if !name.may_start_number(input) {
        return Err(super::fail(input, nom::error::ErrorKind::Tag));
    }
    let raw = |rest: &str| trim(&input[..input.len() - rest.len()]).to_owned();
    if let Ok((rest, (prefix, year, number))) = wenhao(input, &name) {
        let from = super::offset_in(input, prefix);
        return Ok((
            rest,
            DocumentNumber {
                raw: trim(&input[from..input.len() - rest.len()]).to_owned(),
                kind: NumberKind::Wenhao,
                issuer: None,
                prefix: Some(normal(prefix, true)),
                year,
                number: Some(number),
            },
        ));
    }
    let (rest, (issuer, number)) =
        order_issuer_first(input, &name).or_else(|_| order_number_first(input, &name))?;
    Ok((
        rest,
        DocumentNumber {
            raw: raw(rest),
            kind: NumberKind::Order,
            issuer: issuer.map(order_issuer),
            prefix: None,
            year: None,
            number: Some(number),
        },
    ))
}

/// A document number in brackets, as it follows a title: `（主席令第35号）`,
/// `(人社部发〔2012〕53号)`, `〔国办发〔2019〕10号〕`.
pub(crate) fn parenthesized(input: &str) -> IResult<&str, DocumentNumber> {
    let (rest, (_, _, number, _, _)) = (open, ws, document_number, ws, close).parse(input)?;
    Ok((rest, number))
}

/// A document number that is all of `text` but separators (`吉人社联字【2017】79 号`): a
/// citation by its number alone.
pub(crate) fn bare(text: &str) -> Option<DocumentNumber> {
    match document_number(text) {
        Ok((rest, number)) if super::trim_separators(rest).is_empty() => Some(number),
        _ => None,
    }
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
            .iter()
            .chain(&CLOSE)
            .copied()
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
            "人社部发﹝2012﹞53号",
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
