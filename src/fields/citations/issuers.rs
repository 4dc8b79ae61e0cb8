//! Issuing bodies named before a title: `国家医保局、财政部《…》`.
//!
//! Text before a title is taken as issuers only when every part of it names a body: the parts
//! are split on `、`, `，`, `,` and spaces (never on `和`, which is part of names such as
//! `人力资源和社会保障部`), and each part must end with a word for a state organ (`部`, `局`,
//! `委员会`, `政府`…). Anything else before a title (`根据`, `同上`) is not an issuer.

/// The last characters of a body's name: the organ it is (ministry, bureau, office…).
const ORGAN_ENDINGS: &[&str] = &[
    "部", "局", "院", "委", "会", "厅", "府", "办", "室", "署", "行", "中心", "处", "所",
];

/// The parts of a list of bodies, trimmed, without empty ones.
pub(crate) fn bodies(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| matches!(c, '、' | '，' | ',') || c.is_whitespace())
        .filter(|part| !part.is_empty())
}

/// Split a list of bodies into its parts ([`bodies`]).
pub(crate) fn split_bodies(text: &str) -> Vec<&str> {
    bodies(text).collect()
}

/// Whether `name` reads as the name of a body: at least two characters, no punctuation,
/// brackets or digits, ending with an organ word.
fn is_body(name: &str) -> bool {
    name.chars().count() >= 2
        && name.chars().all(|c| c.is_alphabetic())
        && ORGAN_ENDINGS.iter().any(|end| name.ends_with(end))
}

/// The bodies named by `text` (the text between a citation's start and its title), or `None`
/// when `text` is not wholly a list of bodies.
pub(crate) fn issuer_list(text: &str) -> Option<Vec<&str>> {
    let parts = split_bodies(text);
    (!parts.is_empty() && parts.iter().all(|p| is_body(p))).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_of_bodies() {
        for (text, expected) in [
            ("国家医保局、财政部", vec!["国家医保局", "财政部"]),
            ("国家医保局 财政部", vec!["国家医保局", "财政部"]),
            ("国家医保局，财政部", vec!["国家医保局", "财政部"]),
            ("人力资源和社会保障部", vec!["人力资源和社会保障部"]),
            ("国务院办公厅", vec!["国务院办公厅"]),
            ("山东省人民政府", vec!["山东省人民政府"]),
            ("国家卫生健康委员会", vec!["国家卫生健康委员会"]),
            ("中国人民银行", vec!["中国人民银行"]),
        ] {
            assert_eq!(issuer_list(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn other_text_is_not_issuers() {
        for text in [
            "",
            "根据",
            "同上",
            "依据：",
            "第三十一条",
            "部",
            "国家医保局、根据",
            "2. ",
        ] {
            assert_eq!(issuer_list(text), None, "{text}");
        }
    }
}
