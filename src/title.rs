//! What a title line says about the list: who issued it and which edition it is.

use crate::text::numeral::{is_arabic_digit, is_chinese_numeral_char};

/// Words with which the subject of a title begins, after the issuing region.
const SUBJECTS: &[&str] = &[
    "医疗保障",
    "医保",
    "政务服务",
    "经办",
    "人力资源",
    "社会保险",
];

/// The last characters of an administrative division's name.
const DIVISION_ENDINGS: &[char] = &['省', '市', '区', '县', '州', '盟', '旗'];

/// The issuing region: the title's opening words up to its subject, when they name an
/// administrative division (`山东省医疗保障…` → `山东省`, `烟台市…` → `烟台市`).
pub(crate) fn region(title: &str) -> Option<String> {
    let end = SUBJECTS.iter().filter_map(|s| title.find(s)).min()?;
    let region = title[..end].trim();
    let region = strip_leading_year(region);
    (region.chars().count() >= 2 && region.ends_with(DIVISION_ENDINGS)).then(|| region.to_owned())
}

/// `2023年山东省` → `山东省`.
fn strip_leading_year(text: &str) -> &str {
    let digits = text.len() - text.trim_start_matches(is_arabic_digit).len();
    if digits > 0 {
        if let Some(rest) = text[digits..].strip_prefix('年') {
            return rest.trim_start();
        }
    }
    text
}

/// The edition marker (`（2023版）` → `2023版`, `2023年版`, `第二版`).
pub(crate) fn edition(title: &str) -> Option<String> {
    let end = title.find('版')? + '版'.len_utf8();
    let before = &title[..end - '版'.len_utf8()];
    let before = before.strip_suffix('年').unwrap_or(before);
    let digits = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_arabic_digit(c) || is_chinese_numeral_char(c))
        .last()
        .map(|(i, _)| i)?;
    let start = if title[..digits].ends_with('第') {
        digits - '第'.len_utf8()
    } else {
        digits
    };
    Some(title[start..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        for (title, expected) in [
            (
                "山东省医疗保障经办政务服务事项清单（2023版）",
                Some("山东省"),
            ),
            ("烟台市医疗保障经办政务服务事项清单", Some("烟台市")),
            (
                "新疆维吾尔自治区医疗保障经办政务服务事项清单",
                Some("新疆维吾尔自治区"),
            ),
            ("山东省烟台市医保经办事项清单", Some("山东省烟台市")),
            ("2023年济南市医疗保障经办政务服务事项清单", Some("济南市")),
            ("医疗保障经办政务服务事项清单", None),
            ("全国统一的医疗保障经办事项清单", None),
        ] {
            assert_eq!(region(title).as_deref(), expected, "{title}");
        }
    }

    #[test]
    fn editions() {
        for (title, expected) in [
            (
                "山东省医疗保障经办政务服务事项清单（2023版）",
                Some("2023版"),
            ),
            ("某市清单(2021年版)", Some("2021年版")),
            ("某市清单第二版", Some("第二版")),
            ("烟台市医疗保障经办政务服务事项清单", None),
            ("版本说明", None),
        ] {
            assert_eq!(edition(title).as_deref(), expected, "{title}");
        }
    }
}
