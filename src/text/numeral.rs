//! Numbers as the lists write them: Arabic (`57`, full-width `５７`) and Chinese
//! (`五十七`, `一百零二`, `两`, positional `二〇二一`). The one numeral implementation of the
//! crate; every parser that reads a number uses it.
//!
//! Values that do not fit a `u32` are `None`: an overflowing number is reported by the caller,
//! never wrapped.

use nom::{bytes::complete::take_while1, combinator::map_opt, IResult, Parser};

/// The value of a Chinese digit character, if it is one.
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` is a Chinese numeral character of a list marker's number (the `三` of `（三）`,
/// the `十二` of `十二、`): a digit, `十`, `百` or `千`.
pub(crate) fn is_marker_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// Whether `c` can be part of a Chinese numeral.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some() || c == '万' || c == '亿'
}

/// The value of an ASCII or full-width decimal digit.
pub(crate) fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether `c` is an ASCII or full-width decimal digit.
pub(crate) fn is_arabic_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

/// The value of a run of ASCII or full-width digits (`"35"`, `"３５"`).
pub(crate) fn arabic_value(digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(arabic_digit(c)?)
    })
}

/// The value of a Chinese numeral (`"十二"` → 12, `"一百零二"` → 102, `"二〇二一"` → 2021).
pub(crate) fn chinese_value(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let has_unit = text.chars().any(|c| chinese_digit(c).is_none());
    if !has_unit {
        // Positional digits, as in years: 二〇二一.
        return text.chars().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(chinese_digit(c)?)
        });
    }
    let mut total: u32 = 0; // completed 亿 and 万 groups
    let mut section: u32 = 0; // below 万
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    let mut last_big = 0; // the last of 万 and 亿 read, 0 before either
    for c in text.chars() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && d != 0 {
                return None; // two digits in a row (五五十) is not a numeral
            }
            digit = if d == 0 { None } else { Some(d) };
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= last_unit {
                return None; // 十百, 百百: units must fall within a section
            }
            last_unit = unit;
            section = section.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
        } else {
            let group = section.checked_add(digit.take().unwrap_or(0))?;
            // 亿 multiplies all before it (一万亿); 万 only its own group (一亿五千万), which
            // must not be empty (一亿万) nor follow another 万 (一万二万).
            (total, last_big) = match (c, last_big) {
                ('亿', 0 | 10_000) if group > 0 || total > 0 => (
                    total.checked_add(group)?.checked_mul(100_000_000)?,
                    100_000_000,
                ),
                ('万', 0 | 100_000_000) if group > 0 => {
                    (total.checked_add(group.checked_mul(10_000)?)?, 10_000)
                }
                _ => return None,
            };
            section = 0;
            last_unit = u32::MAX;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// nom: a run of Arabic digits (ASCII or full-width) and its value.
///
/// A run that has a value is read without nom's combinators (they cost more than the
/// reading); anything else goes to them, for the very error they give.
pub(crate) fn arabic(input: &str) -> IResult<&str, u32> {
    let run = numeral_run(input, is_arabic_digit);
    if let Some(value) = arabic_value(run) {
        return Ok((&input[run.len()..], value));
    }
    map_opt(take_while1(is_arabic_digit), arabic_value).parse(input)
}

/// nom: a Chinese numeral and its value (read as [`arabic`] reads its run).
pub(crate) fn chinese(input: &str) -> IResult<&str, u32> {
    let run = numeral_run(input, is_chinese_numeral_char);
    if let Some(value) = chinese_value(run) {
        return Ok((&input[run.len()..], value));
    }
    map_opt(take_while1(is_chinese_numeral_char), chinese_value).parse(input)
}

/// The longest start of `input` whose characters are all `is_part`: what `take_while1` takes.
fn numeral_run(input: &str, is_part: fn(char) -> bool) -> &str {
    let end = input
        .char_indices()
        .find(|&(_, c)| !is_part(c))
        .map_or(input.len(), |(i, _)| i);
    &input[..end]
}

/// nom: an Arabic or a Chinese numeral.
pub(crate) fn number(input: &str) -> IResult<&str, u32> {
    nom::branch::alt((arabic, chinese)).parse(input)
}

/// Write `n` as a Chinese numeral, the inverse of [`chinese_value`] for `n < 100 000 000`
/// (`12` → `十二`, `102` → `一百零二`).
pub(crate) fn to_chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    // One group below 万; `leading` elides the 一 of a leading 一十 (十二, not 一十二).
    fn section(n: u32, out: &mut String, leading: bool) {
        let mut zero = false;
        let mut started = false;
        for (i, unit) in UNITS.iter().enumerate().rev() {
            let d = (n / 10u32.pow(i as u32)) % 10;
            if d == 0 {
                zero = started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            if !(d == 1 && i == 1 && !started && leading) {
                out.push(DIGITS[d as usize]);
            }
            out.push_str(unit);
            started = true;
        }
    }
    if n == 0 {
        return "零".to_owned();
    }
    let mut out = String::new();
    let high = n / 10_000;
    let low = n % 10_000;
    if high > 0 {
        if high >= 10_000 {
            return n.to_string();
        }
        section(high, &mut out, true);
        out.push('万');
        if low > 0 {
            if low < 1000 {
                out.push('零');
            }
            section(low, &mut out, false);
        }
    } else {
        section(low, &mut out, true);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeral_parsers_answer_as_the_combinators_do() {
        let pieces = [
            "1",
            "０",
            "９",
            "一",
            "十",
            "百",
            "万",
            "零",
            "两",
            "甲",
            ".",
            "4294967296",
            "亿",
        ];
        let texts = crate::test_support::every_text(&pieces, 4);
        let by_nom_arabic =
            |input| map_opt(take_while1(is_arabic_digit), arabic_value).parse(input);
        let by_nom_chinese =
            |input| map_opt(take_while1(is_chinese_numeral_char), chinese_value).parse(input);
        for text in &texts {
            assert_eq!(arabic(text), by_nom_arabic(text.as_str()), "{text:?}");
            assert_eq!(chinese(text), by_nom_chinese(text.as_str()), "{text:?}");
        }
        assert_eq!(arabic(""), by_nom_arabic(""));
        assert_eq!(chinese(""), by_nom_chinese(""));
    }

    #[test]
    fn chinese_numerals() {
        for (text, expected) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("十二", 12),
            ("二十", 20),
            ("五十七", 57),
            ("九十九", 99),
            ("一百", 100),
            ("一百零二", 102),
            ("一百一十", 110),
            ("两百", 200),
            ("一千零五十", 1050),
            ("一万", 10_000),
            ("十万零三", 100_003),
            ("二〇二一", 2021),
            ("一亿", 100_000_000),
            ("一亿五千万", 150_000_000),
            ("一亿零一万", 100_010_000),
            ("一亿零一", 100_000_001),
            ("三亿二千万零五十", 320_000_050),
            ("四十二亿九千四百九十六万七千二百九十五", u32::MAX),
            ("零", 0),
            ("叁拾", 30),
        ] {
            assert_eq!(chinese_value(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn not_chinese_numerals() {
        for text in [
            "",
            "十百",
            "百十百",
            "五五十",
            "甲",
            "万",
            "一亿万",
            "一万二万",
            "一亿一亿",
            "四十二亿九千四百九十六万七千二百九十六",
            "一万亿",
        ] {
            assert_eq!(chinese_value(text), None, "{text}");
        }
    }

    #[test]
    fn arabic_numerals_and_overflow() {
        assert_eq!(arabic_value("35"), Some(35));
        assert_eq!(arabic_value("３５"), Some(35));
        assert_eq!(arabic_value("4294967295"), Some(u32::MAX));
        assert_eq!(arabic_value("4294967296"), None);
        assert_eq!(arabic_value("99999999999999999999"), None);
        assert_eq!(chinese_value("九千九百九十九亿"), None);
    }

    #[test]
    fn nom_parsers_take_the_longest_run() {
        assert_eq!(number("五十七条"), Ok(("条", 57)));
        assert_eq!(number("15个"), Ok(("个", 15)));
        assert!(number("条").is_err());
    }

    #[test]
    fn to_chinese_round_trips() {
        for n in (0..=2000).chain([10_000, 10_001, 10_010, 12_345, 100_000, 99_999_999]) {
            let text = to_chinese(n);
            assert_eq!(chinese_value(&text), Some(n), "{n} → {text}");
        }
        assert_eq!(to_chinese(12), "十二");
        assert_eq!(to_chinese(102), "一百零二");
        assert_eq!(to_chinese(1050), "一千零五十");
        assert_eq!(to_chinese(110), "一百一十");
    }
}
