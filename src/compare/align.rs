//! Which matter of the baseline is which matter of the local list.
//!
//! Every baseline matter is scored against every local matter ([`score`]); then pairs are
//! taken greedily, best score first, each matter at most once ([`assign`]). A pair whose score
//! is below [`THRESHOLD`] is not taken: those matters stay on one side only.
//!
//! Why greedy and not the Hungarian method: the Hungarian method maximizes the *sum* of the
//! scores, and may pair a matter with its second choice so that two weaker pairs outscore one
//! strong pair. Greedy never does that: every pair it takes is the best one left for both
//! matters, which is what a person checking the report expects and can verify by reading the
//! scores. Ties are broken by document order, so the result is deterministic.

use super::similarity::{canonical, similarity, weighted_similarity, Weights};
use crate::model::Document;

/// Weight of the name similarity in the score. The name is what identifies a matter.
const NAME_WEIGHT: f64 = 0.8;
/// Weight of the similarity of the two matters' category names.
const CATEGORY_WEIGHT: f64 = 0.1;
/// Weight of how close the two matters are in their lists (relative position).
const POSITION_WEIGHT: f64 = 0.1;

/// The lowest score that makes a pair. With the same category and position (0.2 of the
/// score), the names must be at least 0.5625 alike; two names that share only generic words
/// (`人员备案`, `参保登记`), which weigh little, stay below.
pub(crate) const THRESHOLD: f64 = 0.65;

/// A matter as the alignment sees it: canonical names and where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Index in document order over all matters.
    pub(crate) index: usize,
    /// Relative position in the document, 0 for the first matter and 1 for the last.
    pub(crate) position: f64,
    pub(crate) name: String,
    pub(crate) category: String,
}

/// The entries of a document, in document order.
pub(crate) fn entries(document: &Document) -> Vec<Entry> {
    let count = document.matters().count();
    let span = count.saturating_sub(1).max(1) as f64;
    document
        .matters()
        .enumerate()
        .map(|(index, (category, matter))| Entry {
            index,
            position: index as f64 / span,
            name: canonical(&matter.name),
            category: canonical(&category.name),
        })
        .collect()
}

/// How likely two matters are the same service, from 0 to 1:
/// `0.8·name + 0.1·category + 0.1·position`, where `name` is the [`weighted_similarity`] of
/// the canonical names (graphemes weighted by how rare they are among all the names of both
/// lists), `category` the plain [`similarity`] of the category names, and `position` is
/// `1 − |difference of relative positions|`.
pub(crate) fn score(baseline: &Entry, local: &Entry, weights: &Weights) -> f64 {
    let name = weighted_similarity(&baseline.name, &local.name, weights);
    let category = similarity(&baseline.category, &local.category);
    let position = 1.0 - (baseline.position - local.position).abs();
    NAME_WEIGHT * name + CATEGORY_WEIGHT * category + POSITION_WEIGHT * position
}

/// One pair found: indexes into the two entry lists, and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Match {
    pub(crate) baseline: usize,
    pub(crate) local: usize,
    pub(crate) score: f64,
}

/// Pair the entries greedily by best score, each at most once, none below [`THRESHOLD`].
/// The pairs come back in baseline order.
pub(crate) fn assign(baseline: &[Entry], local: &[Entry]) -> Vec<Match> {
    let weights = Weights::from_names(baseline.iter().chain(local).map(|e| e.name.as_str()));
    let weights = &weights;
    let mut candidates: Vec<Match> = baseline
        .iter()
        .flat_map(|b| {
            local.iter().map(move |l| Match {
                baseline: b.index,
                local: l.index,
                score: score(b, l, weights),
            })
        })
        .filter(|m| m.score >= THRESHOLD)
        .collect();
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.baseline.cmp(&y.baseline))
            .then(x.local.cmp(&y.local))
    });
    let mut baseline_taken = vec![false; baseline.len()];
    let mut local_taken = vec![false; local.len()];
    let mut pairs = Vec::new();
    for candidate in candidates {
        let (b, l) = (candidate.baseline, candidate.local);
        if baseline_taken[b] || local_taken[l] {
            continue;
        }
        baseline_taken[b] = true;
        local_taken[l] = true;
        pairs.push(candidate);
    }
    pairs.sort_by_key(|m| m.baseline);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(index: usize, count: usize, category: &str, name: &str) -> Entry {
        Entry {
            index,
            position: index as f64 / (count.max(2) - 1) as f64,
            name: canonical(name),
            category: canonical(category),
        }
    }

    fn list(category: &str, names: &[&str]) -> Vec<Entry> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| entry(i, names.len(), category, name))
            .collect()
    }

    fn pairs(baseline: &[Entry], local: &[Entry]) -> Vec<(usize, usize)> {
        assign(baseline, local)
            .into_iter()
            .map(|m| (m.baseline, m.local))
            .collect()
    }

    #[test]
    fn abbreviated_and_lengthened_names_pair() {
        let baseline = list("报销", &["医保关系转出", "门诊费用报销", "住院费用报销"]);
        let local = list(
            "报销",
            &[
                "医疗保险关系转出",
                "异地就医人员住院医疗费用手工报销",
                "异地就医人员门诊医疗费用手工报销",
            ],
        );
        assert_eq!(pairs(&baseline, &local), [(0, 0), (1, 2), (2, 1)]);
    }

    #[test]
    fn each_matter_pairs_at_most_once() {
        // Both local names are close to the one baseline name; only the better one pairs.
        let baseline = list("登记", &["职工参保登记"]);
        let local = list("登记", &["职工参保登记", "职工医保参保登记"]);
        assert_eq!(pairs(&baseline, &local), [(0, 0)]);
    }

    #[test]
    fn greedy_keeps_the_best_pair_for_both() {
        // b0 is the same as l0; b1 is close to l0 and to l1. The best pair (b0, l0) is taken
        // first, then b1 takes l1.
        let baseline = list("登记", &["单位参保登记", "单位参保信息变更登记"]);
        let local = list("登记", &["单位参保登记", "单位参保变更登记"]);
        assert_eq!(pairs(&baseline, &local), [(0, 0), (1, 1)]);
    }

    #[test]
    fn names_sharing_only_generic_words_stay_apart() {
        let baseline = list("备案", &["临时外出就医人员备案"]);
        let local = list("备案", &["异地转诊人员备案", "异地安置退休人员备案"]);
        assert_eq!(pairs(&baseline, &local), []);
        let baseline = list("登记", &["学生参保登记"]);
        let local = list("登记", &["灵活就业人员参保登记"]);
        assert_eq!(pairs(&baseline, &local), []);
    }

    #[test]
    fn score_weights() {
        let b = entry(0, 2, "参保登记", "单位参保登记");
        let same = entry(0, 2, "参保登记", "单位参保登记");
        let far = entry(1, 2, "其他", "单位参保登记");
        let weights = Weights::uniform();
        assert!((score(&b, &same, &weights) - 1.0).abs() < 1e-9);
        // Same name, other category, other end of the list: only the name counts.
        assert!((score(&b, &far, &weights) - 0.8).abs() < 1e-9);
    }

    #[test]
    fn nameless_matters_never_pair() {
        let baseline = list("登记", &["", "单位参保登记"]);
        let local = list("登记", &["", "单位参保登记"]);
        assert_eq!(pairs(&baseline, &local), [(1, 1)]);
    }

    #[test]
    fn empty_lists() {
        assert!(assign(&[], &list("x", &["a"])).is_empty());
        assert!(assign(&list("x", &["a"]), &[]).is_empty());
    }
}
