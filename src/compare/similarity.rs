//! How alike two names are: canonical forms and a character similarity over graphemes.
//!
//! Lists name the same service differently. Three things account for most of it, and each has
//! a rule here:
//!
//! - **abbreviations**: `医保` for `医疗保险`, `社保卡` for `社会保障卡`. [`canonical`] spells out
//!   the usual, general ones (never a wording taken from one particular list);
//! - **qualifiers in brackets**: `单位参保信息变更（注销）登记`, `手工（零星）报销`. They narrow a
//!   name, they do not change what it is, so [`canonical`] drops them;
//! - **added words**: `城乡居民参保登记` / `城乡居民基本医疗保险参保登记`, `住院费用报销` /
//!   `异地就医备案人员住院医疗费用手工报销`. The shorter name reads in order inside the longer
//!   one. [`similarity`] therefore blends two ratios of the longest common subsequence (LCS):
//!   Dice (how much the two names share overall) and containment (how much of the shorter one
//!   is found in the longer one).

use std::collections::{HashMap, HashSet};

use unicode_segmentation::UnicodeSegmentation;

use crate::text::normalize::normalize;

/// Usual abbreviations in medical-insurance lists and what they stand for. Longer
/// abbreviations come first so that `社保卡` is read before `社保`.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("居民医保", "城乡居民基本医疗保险"),
    ("职工医保", "职工基本医疗保险"),
    ("长护险", "长期护理保险"),
    ("生育险", "生育保险"),
    ("社保卡", "社会保障卡"),
    ("医保", "医疗保险"),
    ("社保", "社会保险"),
    ("慢病", "慢性病"),
];

/// Qualifiers that every matter of a medical-insurance list implies: `城乡居民参保登记` in one
/// list is `城乡居民基本医疗保险参保登记` in another. They are dropped from the canonical name
/// (unless nothing else is left), so that they count neither for nor against a pair.
const IMPLIED_QUALIFIERS: &[&str] = &["基本医疗保险"];

/// At most this many graphemes of a name take part in the similarity. It bounds the cost of
/// the LCS (quadratic in the length) on absurdly long "names"; real names are far shorter.
const MAX_GRAPHEMES: usize = 64;

/// The form of a name used to compare it: normalized, abbreviations spelled out, bracketed
/// qualifiers dropped (unless the name is nothing but brackets), and punctuation and spaces
/// removed.
///
/// `单位参保信息变更（注销）登记` → `单位参保信息变更登记`; `医保关系转出` → `医疗保险关系转出`.
pub(crate) fn canonical(name: &str) -> String {
    let text = normalize(name);
    let unbracketed = drop_bracketed(&text);
    let core = if unbracketed.trim().is_empty() {
        text
    } else {
        unbracketed
    };
    let expanded = drop_implied_qualifiers(expand_abbreviations(&core));
    expanded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The text without the [`IMPLIED_QUALIFIERS`], unless that would leave nothing.
fn drop_implied_qualifiers(text: String) -> String {
    let mut dropped = text.clone();
    for qualifier in IMPLIED_QUALIFIERS {
        dropped = dropped.replace(qualifier, "");
    }
    if dropped.trim().is_empty() {
        text
    } else {
        dropped
    }
}

/// Spell out every abbreviation of [`ABBREVIATIONS`], scanning once from left to right and
/// trying the longer abbreviations first at each position.
fn expand_abbreviations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut rest = text;
    'scan: while let Some(c) = rest.chars().next() {
        for (short, long) in ABBREVIATIONS {
            if let Some(after) = rest.strip_prefix(short) {
                out.push_str(long);
                rest = after;
                continue 'scan;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The text without anything inside round brackets (`（）` or `()`), brackets included.
/// An unclosed bracket keeps the rest of the text: nothing is dropped on a guess.
fn drop_bracketed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut since_open = String::new();
    for c in text.chars() {
        match c {
            '（' | '(' => {
                depth += 1;
                since_open.push(c);
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    since_open.clear();
                } else {
                    since_open.push(c);
                }
            }
            _ if depth > 0 => since_open.push(c),
            _ => out.push(c),
        }
    }
    out.push_str(&since_open);
    out
}

/// How much each grapheme tells about a name: its inverse document frequency over a set of
/// names, `1 + ln((N + 1) / (n + 1))` for a grapheme found in `n` of `N` names.
///
/// In a list of medical-insurance services, `参保登记`, `人员`, `备案`, `费用报销` occur in
/// many names and say little; `学生`, `住院`, `临时` occur in few and say which service it
/// is. Weighting the similarity by them keeps two names that share only generic words apart
/// (`学生参保登记` / `灵活就业人员参保登记`), while a name found whole inside a longer one
/// still matches (`住院费用报销` in `异地就医备案人员住院医疗费用手工报销`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    names: usize,
    frequency: HashMap<String, usize>,
}

impl Weights {
    /// Every grapheme weighs 1: a plain, unweighted similarity.
    pub(crate) fn uniform() -> Weights {
        Weights::default()
    }

    /// The weights of the graphemes of `names` (canonical names, both lists together).
    pub(crate) fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Weights {
        let mut weights = Weights::default();
        for name in names {
            weights.names += 1;
            let distinct: HashSet<&str> = name.graphemes(true).take(MAX_GRAPHEMES).collect();
            for grapheme in distinct {
                *weights.frequency.entry(grapheme.to_owned()).or_default() += 1;
            }
        }
        weights
    }

    /// The weight of one grapheme: 1 when the weights are uniform, else its inverse document
    /// frequency (a grapheme never seen weighs the most).
    fn of(&self, grapheme: &str) -> f64 {
        if self.names == 0 {
            return 1.0;
        }
        let found = self.frequency.get(grapheme).copied().unwrap_or(0);
        1.0 + ((self.names + 1) as f64 / (found + 1) as f64).ln()
    }
}

/// [`weighted_similarity`] with every grapheme weighing 1.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    weighted_similarity(a, b, &Weights::uniform())
}

/// How alike two canonical names are, from 0 (nothing in common, or a name is empty) to 1
/// (the same): the mean
/// of the Dice ratio `2·LCS / (|a| + |b|)` and the containment ratio `LCS / min(|a|, |b|)`,
/// where LCS is the weight of the longest common subsequence of graphemes and `|a|` the
/// total weight of a name's graphemes.
///
/// With uniform weights, `住院费用报销` / `异地就医备案人员住院医疗费用手工报销`: LCS 6,
/// Dice 0.5, containment 1, so 0.75. `临时外出就医人员备案` / `异地转诊人员备案`: LCS 4
/// (`人员备案`), Dice 0.44, containment 0.5, so 0.47.
pub(crate) fn weighted_similarity(a: &str, b: &str, weights: &Weights) -> f64 {
    let a: Vec<(&str, f64)> = weighted_graphemes(a, weights);
    let b: Vec<(&str, f64)> = weighted_graphemes(b, weights);
    let total = |v: &[(&str, f64)]| v.iter().map(|(_, w)| w).sum::<f64>();
    let (total_a, total_b) = (total(&a), total(&b));
    // An empty name (a row kept without a 子项) says nothing about which service it is: it
    // is like nothing, not even another empty name.
    if total_a <= 0.0 || total_b <= 0.0 {
        return 0.0;
    }
    let common = weighted_lcs(&a, &b);
    let dice = 2.0 * common / (total_a + total_b);
    let containment = common / total_a.min(total_b);
    ((dice + containment) / 2.0).clamp(0.0, 1.0)
}

fn weighted_graphemes<'a>(text: &'a str, weights: &Weights) -> Vec<(&'a str, f64)> {
    text.graphemes(true)
        .take(MAX_GRAPHEMES)
        .map(|g| (g, weights.of(g)))
        .collect()
}

/// The weight of the heaviest common subsequence, in O(|a|·|b|) time and O(|b|) space.
fn weighted_lcs(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let mut row = vec![0.0f64; b.len() + 1];
    for (x, weight) in a {
        let mut diagonal = 0.0;
        for (j, (y, _)) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + weight
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        let cases = [
            ("医保关系转出", "医疗保险关系转出"),
            ("医疗保险关系转出", "医疗保险关系转出"),
            ("居民医保参保登记", "城乡居民参保登记"),
            ("职工医保参保登记", "职工参保登记"),
            ("城乡居民基本医疗保险参保登记", "城乡居民参保登记"),
            ("基本医疗保险", "基本医疗保险"),
            ("医保", "医疗保险"),
            ("社保卡补领", "社会保障卡补领"),
            ("社保关系转移", "社会保险关系转移"),
            ("长护险待遇申请", "长期护理保险待遇申请"),
            ("门诊慢病待遇认定", "门诊慢性病待遇认定"),
            ("单位参保信息变更（注销）登记", "单位参保信息变更登记"),
            ("医疗费用手工(零星)报销", "医疗费用手工报销"),
            ("出具《基本医疗保险缴费凭证》", "出具缴费凭证"),
            (" 单位 参保 登记 ", "单位参保登记"),
            // Only brackets: kept, not emptied.
            ("（其他）", "其他"),
            // An unclosed bracket keeps its text.
            ("费用报销（零星", "费用报销零星"),
        ];
        for (name, expected) in cases {
            assert_eq!(canonical(name), expected, "{name}");
        }
    }

    #[test]
    fn look_alikes_are_not_expanded() {
        // `医保` inside a longer word is still 医疗保险; but `保` alone or `医` alone is not.
        assert_eq!(canonical("医疗救助"), "医疗救助");
        assert_eq!(canonical("保险"), "保险");
    }

    #[test]
    fn similarity_values() {
        let close = |a: &str, b: &str, expected: f64| {
            let got = similarity(&canonical(a), &canonical(b));
            assert!((got - expected).abs() < 0.005, "{a} / {b}: {got}");
        };
        close("单位参保登记", "单位参保登记", 1.0);
        close("医保关系转出", "医疗保险关系转出", 1.0);
        close("住院费用报销", "异地就医备案人员住院医疗费用手工报销", 0.75);
        close("城乡居民参保登记", "城乡居民基本医疗保险参保登记", 1.0);
        close("城乡居民参保登记", "城乡居民参保信息变更登记", 0.9);
        close("临时外出就医人员备案", "异地转诊人员备案", 0.472);
        close("单位参保登记", "零售药店费用结算", 0.0);
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        let pairs = [("门诊费用报销", "住院费用报销"), ("a", "abc"), ("", "x")];
        for (a, b) in pairs {
            let ab = similarity(a, b);
            assert_eq!(ab, similarity(b, a));
            assert!((0.0..=1.0).contains(&ab));
        }
        assert_eq!(similarity("", ""), 0.0);
    }

    #[test]
    fn long_names_are_bounded() {
        let long = "保".repeat(100_000);
        assert_eq!(similarity(&long, &long), 1.0);
    }

    #[test]
    fn lcs_counts_subsequence() {
        let uniform = Weights::uniform();
        let a = weighted_graphemes("ABCBDAB", &uniform);
        let b = weighted_graphemes("BDCABA", &uniform);
        assert_eq!(weighted_lcs(&a, &b), 4.0);
    }

    #[test]
    fn rare_graphemes_weigh_more() {
        let names = [
            "单位参保登记",
            "职工参保登记",
            "学生参保登记",
            "灵活就业人员参保登记",
        ];
        let weights = Weights::from_names(names);
        // 参 is in all 4 names: 1 + ln(5/5) = 1. 学 is in one: 1 + ln(5/2).
        assert!((weights.of("参") - 1.0).abs() < 1e-9);
        assert!((weights.of("学") - (1.0 + 2.5f64.ln())).abs() < 1e-9);
        assert!((weights.of("新") - (1.0 + 5f64.ln())).abs() < 1e-9);
        let plain = similarity("学生参保登记", "灵活就业人员参保登记");
        let weighted = weighted_similarity("学生参保登记", "灵活就业人员参保登记", &weights);
        assert!((plain - 0.583).abs() < 0.001, "{plain}");
        assert!(weighted < 0.5, "{weighted}");
        // Whole containment stays whole.
        let inside = weighted_similarity("职工参保登记", "职工参保登记", &weights);
        assert!((inside - 1.0).abs() < 1e-9);
    }
}
