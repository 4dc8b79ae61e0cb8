//! Level tags: the kind of law a cell says a document is, in 【】 before its title.
//!
//! ```text
//! level_tag = "【" level "】"      【法律】《中华人民共和国社会保险法》  【部门规章】《…办法》
//! level     = one of LEVELS
//! ```
//!
//! Only the words of [`LEVELS`] make a tag: other text in 【】 is not read as one.

use nom::character::complete::char;
use nom::{IResult, Parser};

use super::{one_word, trim_separators, ws};

/// The levels of law a tag names, one a line (longest first where one starts another).
const LEVELS: [&str; 12] = [
    "法律",
    "行政法规",
    "地方性法规",
    "自治条例",
    "单行条例",
    "部门规章",
    "地方政府规章",
    "政府规章",
    "规章",
    "其他规范性文件",
    "规范性文件",
    "司法解释",
];

/// nom: `【法律】`, `【 行政法规 】`: a level tag, giving the level.
fn level_tag(input: &str) -> IResult<&str, &str> {
    let (rest, (_, _, level, _, _)) =
        (char('【'), ws, one_word(&LEVELS), ws, char('】')).parse(input)?;
    Ok((rest, level))
}

/// A level tag that ends `text` (what stands before a title): the text before it, the tag's
/// own text, and the level. `None` when `text` does not end with one.
pub(super) fn trailing_level(text: &str) -> Option<(&str, &str, &str)> {
    // Mostly empty, or a separator: told before anything is trimmed.
    if text.is_empty() || !text.trim_end().ends_with('】') {
        return None;
    }
    let text = trim_separators(text);
    let at = text.rfind('【')?;
    match level_tag(&text[at..]) {
        Ok(("", level)) => Some((trim_separators(&text[..at]), &text[at..], level)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_tags() {
        for (text, before, level) in [
            ("【法律】", "", "法律"),
            ("【行政法规】", "", "行政法规"),
            ("【部门规章】", "", "部门规章"),
            ("【 地方性法规 】 ", "", "地方性法规"),
            ("国家医保局、【规范性文件】", "国家医保局", "规范性文件"),
        ] {
            let (b, _, l) = trailing_level(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((b, l), (before, level), "{text}");
        }
        for text in ["【其他】", "法律", "【法律", "【法律】以外", "【】", ""] {
            assert!(trailing_level(text).is_none(), "{text}");
        }
    }
}
