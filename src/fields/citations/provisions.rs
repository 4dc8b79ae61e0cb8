//! Provisions: the articles (条), paragraphs (款) and items (项) a citation points at.
//!
//! ```text
//! provisions = reference (separator reference)*
//! reference  = range | single
//! range      = numbered(条) ws range_word ws numbered(条)     第十条至第十二条 (the end after the start)
//! single     = [numbered(条)] [ws numbered(款)] [ws numbered(项)]   第二条第（三）款, 第（二）项 (one at least)
//! numbered(u)= "第" ws (numeral | bracket ws numeral ws bracket) ws u   第五十七条 第25条 第（三）款
//! separator  = ws [joiner] ws                                   、 ， ； 和 及 以及, or spaces only
//! ```
//!
//! - Numerals are Chinese or Arabic;
//! - a paragraph or item without its article continues the article before it
//!   (`第二条第一款、第二款` → 2(1), 2(2)); items with no article before them at all are items
//!   of the document (`《…的决定》第二项`, [`Provisions::items`]);
//! - a range of whole articles is expanded (`第十条至第十二条` → 10, 11, 12); a range of more than
//!   [`MAX_RANGE`] articles is not (it could ask for billions) but reported.
//!
//! The list stops before a separator that no reference follows, so `第八条；` leaves `；`.

use nom::branch::alt;
use nom::character::complete::{char, one_of};
use nom::combinator::{map, opt, success, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::{fail, numeral, one_word, ws};
use crate::model::Provision;
use crate::text::normalize::trim_start;

/// The most articles a range is expanded to.
pub(crate) const MAX_RANGE: u32 = 100;

/// The words that join the two ends of a range of articles.
const RANGE_WORDS: [&str; 7] = ["至", "到", "—", "－", "-", "～", "~"];

/// The words that may join two references (besides white space alone).
const JOINERS: [&str; 8] = ["、", "，", ",", "；", ";", "以及", "及", "和"];

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
    /// Items with no article (`第二项`, `第二项、第三项`).
    pub(crate) items: Vec<u32>,
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

/// `第N<unit>`, N a numeral or a numeral in brackets: `第五十七条`, `第25条`, `第（三）款`.
fn numbered(unit: char) -> impl Fn(&str) -> IResult<&str, u32> {
    move |input| {
        let in_brackets = delimited((one_of("（("), ws), numeral, (ws, one_of("）)")));
        let (rest, (_, _, n, _, _)) =
            (char('第'), ws, alt((numeral, in_brackets)), ws, char(unit)).parse(input)?;
        Ok((rest, n))
    }
}

/// A reference that names its article: a range of whole articles, the end after the start
/// (`第十条至第十二条`), or one provision (`第二条`, `第二条第（三）款`, `第五条第一款第二项`).
fn from_article(input: &str) -> IResult<&str, Reference> {
    let (rest, article) = numbered('条')(input)?;
    let range_end = preceded((ws, one_word(&RANGE_WORDS), ws), numbered('条'));
    if let Ok((after, to)) = verify(range_end, |&to| to > article).parse(rest) {
        return Ok((after, Reference::Range { from: article, to }));
    }
    // A paragraph or an item opens with `第`: where none follows (mostly), that is told once.
    let (paragraph, item) = (
        opt(preceded(ws, numbered('款'))),
        opt(preceded(ws, numbered('项'))),
    );
    let (rest, (paragraph, item)) = if trim_start(rest).starts_with('第') {
        (paragraph, item).parse(rest)?
    } else {
        (rest, (None, None))
    };
    let reference = Reference::Single {
        article: Some(article),
        paragraph,
        item,
    };
    Ok((rest, reference))
}

/// A paragraph or an item of the article before: `第一款`, `第一款第二项`, `第（二）项`.
fn within_article(input: &str) -> IResult<&str, Reference> {
    let (rest, (paragraph, item)) = alt((
        (map(numbered('款'), Some), opt(preceded(ws, numbered('项')))),
        (success(None), map(numbered('项'), Some)),
    ))
    .parse(input)?;
    let reference = Reference::Single {
        article: None,
        paragraph,
        item,
    };
    Ok((rest, reference))
}

fn reference(input: &str) -> IResult<&str, Reference> {
    // Every reference opens with `第`: where none does (after the last, mostly), that is told
    // once, not by each alternative in turn.
    if !input.starts_with('第') {
        return Err(fail(input, nom::error::ErrorKind::Char));
    }
    alt((from_article, within_article)).parse(input)
}

/// What may join two references: a joiner, or nothing but spaces. Never fails.
fn separator(input: &str) -> IResult<&str, ()> {
    let (rest, _) = (ws, opt(one_word(&JOINERS)), ws).parse(input)?;
    Ok((rest, ()))
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
            let Some(article_number) = own.or(*article) else {
                // An item of the document itself, while no article came before it.
                return match (paragraph, item) {
                    (None, Some(item)) => {
                        out.items.push(item);
                        Ok(())
                    }
                    _ => Err(()),
                };
            };
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

/// A list of provisions (see the module's grammar).
pub(crate) fn provisions(input: &str) -> IResult<&str, Provisions<'_>> {
    let (mut rest, first) = reference(input)?;
    let mut out = Provisions {
        // Room for the usual few articles.
        list: Vec::with_capacity(4),
        oversized: Vec::new(),
        items: Vec::new(),
    };
    let mut article = None;
    let first_text = &input[..input.len() - rest.len()];
    if add(first, first_text, &mut article, &mut out).is_err() {
        return Err(fail(input, nom::error::ErrorKind::Verify));
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn items_with_no_article_are_items_of_the_document() {
        let (rest, found) = provisions("第（三）项、第四项；").unwrap();
        assert_eq!((rest, found.items, found.list), ("；", vec![3, 4], vec![]));
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
