//! The title block above the table: which line is the title, and what the title says about
//! the list (who issued it, which edition it is).
//!
//! The title is not just the first line: a PDF often opens with `附件2` or a page number, and
//! a subtitle such as `（试行）` may follow the title. Among the lines before the header that
//! hold one cell, the title is the first that [reads as a list title](reads_as_title): it ends
//! with a word naming a list (`清单`, `目录`, `指南`, `一览表`…, before any bracketed remark
//! such as `（2023版）`), or names an edition (`2023版`) or an issuing region
//! (`山东省医疗保障…`). Without such a line, it is the first line that is not
//! [furniture](is_furniture) of the page: an annex label (`附件2`, `附件 2`, `附表3`,
//! `附件：`), a page number (`- 1 -`, `第1页`), a date (`2023年5月1日`, `2023-05-01`), or a
//! bare list marker (`一、`). Every other line goes to the preamble, in order.

use crate::text::normalize::normalize;
use crate::text::numeral::{is_arabic_digit, is_chinese_numeral_char};

/// Words that end the name of a list.
const LIST_WORDS: &[&str] = &[
    "清单",
    "目录",
    "指南",
    "一览表",
    "汇总表",
    "明细表",
    "事项表",
    "名录",
    "名单",
    "清册",
];

/// Whether `line` reads as the title of a list: it ends with one of [`LIST_WORDS`] (before any
/// bracketed remarks), or names an [`edition`] or a [`region`].
pub(crate) fn reads_as_title(line: &str) -> bool {
    let text = normalize(line);
    let mut rest = text.as_str();
    while let Some(before) = strip_bracketed_end(rest) {
        rest = before.trim_end();
    }
    // A subtitle all in brackets (`（2023年版）`, `（试行）`) is no title by itself.
    !rest.is_empty()
        && (LIST_WORDS.iter().any(|w| rest.ends_with(w))
            || edition(&text).is_some()
            || region(&text).is_some())
}

/// `text` without a bracketed remark at its end (`清单（2023版）` → `清单`).
fn strip_bracketed_end(text: &str) -> Option<&str> {
    let close = text.chars().next_back()?;
    let open = match close {
        '）' => '（',
        ')' => '(',
        '】' => '【',
        ']' => '[',
        _ => return None,
    };
    let at = text.rfind(open)?;
    Some(&text[..at])
}

/// Whether `line` is furniture of the page rather than a title: an annex label, a page
/// number, a date or a bare list marker.
pub(crate) fn is_furniture(line: &str) -> bool {
    let text: String = normalize(line)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    is_annex_label(&text) || is_page_number(&text) || is_date(&text) || is_bare_marker(&text)
}

/// `附件2`, `附件二：`, `附表3`, `附录`, `附件：`.
fn is_annex_label(text: &str) -> bool {
    let Some(rest) = ["附件", "附表", "附录"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.trim_end_matches(['：', ':']);
    rest.chars().all(|c| {
        is_arabic_digit(c)
            || is_chinese_numeral_char(c)
            || c.is_whitespace()
            || matches!(c, '-' | '.')
    })
}

/// `1`, `- 1 -`, `—2—`, `第1页`, `第1页共3页`, `1/10`.
fn is_page_number(text: &str) -> bool {
    let text = text.trim_matches(['-', '—', '－', '–']);
    let digits = |t: &str| !t.is_empty() && t.chars().all(is_arabic_digit);
    if digits(text) {
        return true;
    }
    if let Some((a, b)) = text.split_once('/') {
        return digits(a) && digits(b);
    }
    let Some(rest) = text.strip_prefix('第') else {
        return false;
    };
    let Some((number, rest)) = rest.split_once('页') else {
        return false;
    };
    digits(number)
        && (rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits))
}

/// `2023年5月1日`, `2023年5月`, `2023-05-01`, `2023.5.1`, `2023/5/1`, `二〇二三年五月一日`.
fn is_date(text: &str) -> bool {
    let is_number = |c: char| is_arabic_digit(c) || is_chinese_numeral_char(c) || c == '〇';
    // `年` and `月` parts, the last may be empty (`2023年5月`); the year has four digits.
    let parts: Vec<&str> = text
        .strip_suffix('日')
        .unwrap_or(text)
        .split(['年', '月'])
        .collect();
    let last = parts.len() - 1;
    if text.contains('年')
        && (2..=3).contains(&parts.len())
        && parts[0].chars().count() == 4
        && parts.iter().enumerate().all(|(i, p)| {
            (i == last && p.is_empty()) || (!p.is_empty() && p.chars().all(is_number))
        })
    {
        return true;
    }
    for separator in ['-', '.', '/'] {
        let parts: Vec<&str> = text.split(separator).collect();
        if parts.len() == 3
            && parts[0].len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(is_arabic_digit))
        {
            return true;
        }
    }
    false
}

/// A list marker with nothing after it (`一、`, `（一）`, `1.`).
fn is_bare_marker(text: &str) -> bool {
    let (marker, rest) = crate::text::markers::strip(text);
    marker.is_some() && rest.trim().is_empty()
}

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
    let region = strip_annex_label(title[..end].trim());
    let region = strip_leading_year(region);
    (region.chars().count() >= 2 && region.ends_with(DIVISION_ENDINGS)).then(|| region.to_owned())
}

/// `附件2：山东省` → `山东省`: a title may open with the annex label.
fn strip_annex_label(text: &str) -> &str {
    match text.split_once(['：', ':']) {
        Some((label, rest)) if is_annex_label(label) => rest.trim_start(),
        _ => text,
    }
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
    fn list_titles() {
        for line in [
            "山东省医疗保障经办政务服务事项清单（2023版）",
            "某市清单",
            "清单",
            "医疗保障经办政务服务事项目录",
            "参保登记办事指南",
            "政务服务事项一览表",
            "某市医保事项（2021年版）",
            "烟台市医疗保障局关于经办服务的说明",
            "事项清单 （试行）",
        ] {
            assert!(reads_as_title(line), "{line}");
        }
        for line in [
            "附件2",
            "（试行）",
            "（2023年版）",
            "编制说明",
            "2023年5月1日",
            "一、",
        ] {
            assert!(!reads_as_title(line), "{line}");
        }
    }

    #[test]
    fn furniture_of_the_page() {
        for line in [
            "附件2",
            "附件 2",
            "附件二：",
            "附表3",
            "附件：",
            "附件",
            "附录1",
            "- 1 -",
            "—2—",
            "12",
            "第1页",
            "第 1 页 共 3 页",
            "1/10",
            "2023年5月1日",
            "2023年5月",
            "二〇二三年五月",
            "2023-05-01",
            "2023.5.1",
            "一、",
            "（一）",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "附件2：某市医疗保障经办政务服务事项清单",
            "某市清单",
            "（试行）",
            "一、总体要求",
            "2023年度工作要点",
            "编制单位：某市医保局",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

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
            ("附件2：烟台市医疗保障经办政务服务事项清单", Some("烟台市")),
            ("附件 2:烟台市医疗保障经办政务服务事项清单", Some("烟台市")),
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
