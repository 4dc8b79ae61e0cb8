//! Provisions: the articles (条), paragraphs (款) and items (项) a citation points at.
//!
//! - `第五十七条`, `第25条` (Chinese or Arabic numerals), `第二条第（三）款`, `第五条第一款第（二）项`;
//! - lists joined by `、`, `，`, `；`, `和`, `及`, `以及` or only spaces (`第七条；第八条；`);
//! - a paragraph or item without its article continues the article before it
//!   (`第二条第一款、第二款` → 2(1), 2(2));
//! - ranges of whole articles, `第十条至第十二条` (also `到`, `—`, `-`, `～`) → 10, 11, 12. A range of
//!   more than [`MAX_RANGE`] articles is not expanded (it could ask for billions) but reported.

use nom::IResult;

use super::{read_number, skip_space};
use crate::model::Provision;

/// The most articles a range is expanded to.
pub(crate) const MAX_RANGE: u32 = 100;

/// A range too long to expand, left out of the provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OversizedRange<'a> {
    /// The range as written.
    pub(crate) text: &'a str,
    pub(crate) from: u32,
    pub(crate) to: u32,
}

/// The provisions read from a run of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Provisions<'a> {
    pub(crate) list: Vec<Provision>,
    pub(crate) oversized: Vec<OversizedRange<'a>>,
}

/// One reference as written: a single provision, whose article may be implied, or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Single {
        article: Option<u32>,
        paragraph: Option<u32>,
        item: Option<u32>,
    },
    Range {
        from: u32,
        to: u32,
    },
}

/// `第N<unit>` with N Arabic, Chinese or in brackets: `第五十七条`, `第25条`, `第（三）款`; the
/// text after it and N.
///
/// Written by hand rather than with nom combinators: it is tried at every reference and at
/// every `第` of a would-be annex, and the combinator version spent most of its instructions
/// building and unwinding parsers (the test `hand_parsers_agree_with_nom` keeps that version
/// as the definition).
///
/// The test for `第` is inlined into the callers: most tries (a paragraph or an item after
/// each article, another reference after the last) fail at it.
#[inline(always)]
fn numbered(input: &str, unit: char) -> Option<(&str, u32)> {
    numbered_after(input.strip_prefix('第')?, unit)
}

/// [`numbered`] after its `第`.
fn numbered_after(input: &str, unit: char) -> Option<(&str, u32)> {
    let rest = skip_space(input);
    let (rest, n) = match read_number(rest) {
        Ok(found) => found,
        Err(_) => number_in_brackets(rest)?,
    };
    let rest = skip_space(rest).strip_prefix(unit)?;
    Some((rest, n))
}

/// `（三）`, `( 3 )`: a numeral in parentheses, as in `第（三）款`.
fn number_in_brackets(input: &str) -> Option<(&str, u32)> {
    let rest = skip_space(input.strip_prefix(['（', '('])?);
    let (rest, n) = read_number(rest).ok()?;
    let rest = skip_space(rest).strip_prefix(['）', ')'])?;
    Some((rest, n))
}

/// The words that join the two ends of a range.
const RANGE_WORDS: [&str; 7] = ["至", "到", "—", "－", "-", "～", "~"];

/// The rest of a range after its first article: `至第十二条` → 12.
fn range_end(input: &str) -> Option<(&str, u32)> {
    let rest = skip_space(input);
    // Most references are followed by a list mark: settled by the first character.
    if !rest.starts_with(['至', '到', '—', '－', '-', '～', '~']) {
        return None;
    }
    let rest = RANGE_WORDS
        .iter()
        .find_map(|word| rest.strip_prefix(word))?;
    numbered(skip_space(rest), '条')
}

/// One reference: a range of articles (`第十条至第十二条`, the end after the start) or a
/// single provision of at least one level (`第二条`, `第二条第（三）款`, `第一款第二项`,
/// `第（二）项`). The article is read once for both.
fn reference(input: &str) -> Option<(&str, Reference)> {
    let article = numbered(input, '条');
    if let Some((after, from)) = article {
        if let Some((rest, to)) = range_end(after) {
            if to > from {
                return Some((rest, Reference::Range { from, to }));
            }
        }
    }
    let (rest, article) = match article {
        Some((rest, n)) => (rest, Some(n)),
        None => (input, None),
    };
    let (rest, paragraph) = match numbered(skip_space(rest), '款') {
        Some((rest, n)) => (rest, Some(n)),
        None => (rest, None),
    };
    let (rest, item) = match numbered(skip_space(rest), '项') {
        Some((rest, n)) => (rest, Some(n)),
        None => (rest, None),
    };
    if article.is_none() && paragraph.is_none() && item.is_none() {
        return None;
    }
    Some((
        rest,
        Reference::Single {
            article,
            paragraph,
            item,
        },
    ))
}

/// What may join two references: a list mark or a conjunction, or nothing but spaces. Never
/// fails: returns the text after it.
fn separator(input: &str) -> &str {
    const JOINERS: [&str; 8] = ["、", "，", ",", "；", ";", "以及", "及", "和"];
    let rest = skip_space(input);
    // Settled by the first character when it starts no joiner (the end of the list).
    if !rest.starts_with(['、', '，', ',', '；', ';', '以', '及', '和']) {
        return rest;
    }
    skip_space(
        JOINERS
            .iter()
            .find_map(|joiner| rest.strip_prefix(joiner))
            .unwrap_or(rest),
    )
}

/// Add one reference to `out`; `article` is the article in force. `Err` when a paragraph or
/// item has no article to belong to.
fn add<'a>(
    reference: Reference,
    text: &'a str,
    article: &mut Option<u32>,
    out: &mut Provisions<'a>,
) -> Result<(), ()> {
    match reference {
        Reference::Single {
            article: own,
            paragraph,
            item,
        } => {
            let article_number = own.or(*article).ok_or(())?;
            *article = Some(article_number);
            out.list.push(Provision {
                article: article_number,
                paragraph,
                item,
            });
        }
        Reference::Range { from, to } => {
            *article = Some(to);
            if to - from >= MAX_RANGE {
                out.oversized.push(OversizedRange { text, from, to });
            } else {
                out.list.extend((from..=to).map(|article| Provision {
                    article,
                    paragraph: None,
                    item: None,
                }));
            }
        }
    }
    Ok(())
}

/// nom: a list of provisions. Stops before a separator that is not followed by another
/// reference, so `第八条；` leaves `；`.
pub(crate) fn provisions(input: &str) -> IResult<&str, Provisions<'_>> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let (mut rest, first) = reference(input).ok_or_else(fail)?;
    let mut out = Provisions {
        // Room for the usual few articles, made once a reference is there.
        list: Vec::with_capacity(4),
        oversized: Vec::new(),
    };
    let mut article = None;
    if add(
        first,
        &input[..input.len() - rest.len()],
        &mut article,
        &mut out,
    )
    .is_err()
    {
        return Err(fail());
    }
    loop {
        let after_separator = separator(rest);
        let Some((after, next)) = reference(after_separator) else {
            break;
        };
        let text = &after_separator[..after_separator.len() - after.len()];
        if add(next, text, &mut article, &mut out).is_err() {
            break;
        }
        rest = after;
    }
    Ok((rest, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nom version the hand-written parsers replaced: the definition they must agree with.
    mod nom_version {
        use nom::{
            branch::alt,
            bytes::complete::{tag, take_while},
            character::complete::{char, one_of},
            combinator::opt,
            sequence::{delimited, preceded},
            IResult, Parser,
        };

        use super::super::{add, Provisions, Reference};
        use crate::text::numeral;

        fn ws(input: &str) -> IResult<&str, &str> {
            take_while(char::is_whitespace).parse(input)
        }

        fn numbered(unit: char) -> impl FnMut(&str) -> IResult<&str, u32> {
            move |input| {
                let in_brackets =
                    delimited((one_of("（("), ws), numeral::number, (ws, one_of("）)")));
                let (rest, (_, _, n, _, _)) = (
                    char('第'),
                    ws,
                    alt((numeral::number, in_brackets)),
                    ws,
                    char(unit),
                )
                    .parse(input)?;
                Ok((rest, n))
            }
        }

        fn range_word(input: &str) -> IResult<&str, &str> {
            alt((
                tag("至"),
                tag("到"),
                tag("—"),
                tag("－"),
                tag("-"),
                tag("～"),
                tag("~"),
            ))
            .parse(input)
        }

        fn verify_error(input: &str) -> nom::Err<nom::error::Error<&str>> {
            nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
        }

        fn range(input: &str) -> IResult<&str, Reference> {
            let (rest, (from, _, _, _, to)) =
                (numbered('条'), ws, range_word, ws, numbered('条')).parse(input)?;
            if to <= from {
                return Err(verify_error(input));
            }
            Ok((rest, Reference::Range { from, to }))
        }

        fn single(input: &str) -> IResult<&str, Reference> {
            let (rest, (article, paragraph, item)) = (
                opt(numbered('条')),
                opt(preceded(ws, numbered('款'))),
                opt(preceded(ws, numbered('项'))),
            )
                .parse(input)?;
            if article.is_none() && paragraph.is_none() && item.is_none() {
                return Err(verify_error(input));
            }
            Ok((
                rest,
                Reference::Single {
                    article,
                    paragraph,
                    item,
                },
            ))
        }

        fn reference(input: &str) -> IResult<&str, Reference> {
            alt((range, single)).parse(input)
        }

        fn separator(input: &str) -> IResult<&str, ()> {
            let joiner = alt((
                tag("、"),
                tag("，"),
                tag(","),
                tag("；"),
                tag(";"),
                tag("以及"),
                tag("及"),
                tag("和"),
            ));
            let (rest, _) = (ws, opt(joiner), ws).parse(input)?;
            Ok((rest, ()))
        }

        pub(super) fn provisions(input: &str) -> IResult<&str, Provisions<'_>> {
            let mut out = Provisions::default();
            let mut article = None;
            let (mut rest, first) = reference(input)?;
            if add(
                first,
                &input[..input.len() - rest.len()],
                &mut article,
                &mut out,
            )
            .is_err()
            {
                return Err(verify_error(input));
            }
            while let Ok((after_separator, ())) = separator(rest) {
                let Ok((after, next)) = reference(after_separator) else {
                    break;
                };
                let text = &after_separator[..after_separator.len() - after.len()];
                if add(next, text, &mut article, &mut out).is_err() {
                    break;
                }
                rest = after;
            }
            Ok((rest, out))
        }
    }

    /// Every sequence of pieces that make or break provisions reads the same with the hand
    /// parsers as with the nom version they replaced.
    #[test]
    fn hand_parsers_agree_with_nom() {
        let pieces = [
            "第",
            "十",
            "３",
            "条",
            "第二条",
            "款",
            "项",
            "（",
            ")",
            "\u{3000}",
            "至",
            "、",
            "以及",
            "x",
        ];
        let texts = crate::test_support::every_text(&pieces, 5);
        let texts = texts.iter().map(String::as_str).chain([
            "第十条至第十二条",
            "第1条至第4000000000条、第五条",
            "第五条第一款第（一）项、第（二）项",
            "第 （ 三 ） 款",
            "第二条第一款、第二款",
            "第十二条至第十条",
        ]);
        for text in texts {
            let hand = provisions(text).map_err(|_| ());
            let nom = nom_version::provisions(text).map_err(|_| ());
            assert_eq!(hand, nom, "{text:?}");
        }
    }

    fn p(article: u32, paragraph: Option<u32>, item: Option<u32>) -> Provision {
        Provision {
            article,
            paragraph,
            item,
        }
    }

    fn a(article: u32) -> Provision {
        p(article, None, None)
    }

    #[test]
    fn wordings() {
        for (text, expected, rest) in [
            ("第五十七条", vec![a(57)], ""),
            ("第一百零二条", vec![a(102)], ""),
            ("第25条", vec![a(25)], ""),
            ("第 25 条", vec![a(25)], ""),
            ("第五十七条、第五十八条", vec![a(57), a(58)], ""),
            ("第二条，第三条", vec![a(2), a(3)], ""),
            ("第七条；第八条；", vec![a(7), a(8)], "；"),
            ("第七条;第八条", vec![a(7), a(8)], ""),
            ("第七条和第八条", vec![a(7), a(8)], ""),
            ("第七条及第八条", vec![a(7), a(8)], ""),
            ("第七条以及第八条", vec![a(7), a(8)], ""),
            ("第七条 第八条", vec![a(7), a(8)], ""),
            ("第十条至第十二条", vec![a(10), a(11), a(12)], ""),
            ("第十条到第十二条", vec![a(10), a(11), a(12)], ""),
            ("第10条-第12条", vec![a(10), a(11), a(12)], ""),
            ("第10条～第11条", vec![a(10), a(11)], ""),
            ("第一条、第十条至第十一条", vec![a(1), a(10), a(11)], ""),
            ("第二条第（三）款", vec![p(2, Some(3), None)], ""),
            ("第二条第(三)款", vec![p(2, Some(3), None)], ""),
            ("第二条第三款", vec![p(2, Some(3), None)], ""),
            ("第二条第3款", vec![p(2, Some(3), None)], ""),
            ("第五条第一款第（二）项", vec![p(5, Some(1), Some(2))], ""),
            ("第五条第二项", vec![p(5, None, Some(2))], ""),
            ("第五条第2项", vec![p(5, None, Some(2))], ""),
            (
                "第二条第一款、第二款",
                vec![p(2, Some(1), None), p(2, Some(2), None)],
                "",
            ),
            (
                "第五条第一款第（一）项、第（二）项",
                vec![p(5, Some(1), Some(1)), p(5, None, Some(2))],
                "",
            ),
            ("第三十一条 《医疗机构》", vec![a(31)], " 《医疗机构》"),
            ("第四条3. 《办法》", vec![a(4)], "3. 《办法》"),
            ("第五条之一", vec![a(5)], "之一"),
        ] {
            let (left, found) = provisions(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(found.list, expected, "{text}");
            assert!(found.oversized.is_empty(), "{text}");
            assert_eq!(left, rest, "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_provisions() {
        for text in [
            "第二款",
            "第（三）项",
            "第35号",
            "第条",
            "五十七条",
            "第十二条至第十条",
            "国家医疗保障待遇清单第二条",
            "",
        ] {
            match provisions(text) {
                Err(_) => {}
                // A reversed range reads as its first article only; the rest is left over.
                Ok((rest, found)) => {
                    assert_eq!(text, "第十二条至第十条");
                    assert_eq!((rest, found.list), ("至第十条", vec![a(12)]));
                }
            }
        }
    }

    #[test]
    fn huge_ranges_are_reported_not_expanded() {
        let text = "第1条至第4000000000条、第五条";
        let (rest, found) = provisions(text).unwrap();
        assert_eq!(rest, "");
        assert_eq!(found.list, [a(5)]);
        assert_eq!(
            found.oversized,
            [OversizedRange {
                text: "第1条至第4000000000条",
                from: 1,
                to: 4_000_000_000
            }]
        );
        let (_, bound) = provisions("第1条至第100条").unwrap();
        assert_eq!(bound.list.len(), 100);
        let (_, over) = provisions("第1条至第101条").unwrap();
        assert!(over.list.is_empty());
        assert_eq!(over.oversized.len(), 1);
    }
}
