//! What the unit tests share.

/// Every sequence of up to `most` of `pieces`, joined, the empty one first: the inputs of the
/// tests that check a fast function against the plain one it replaces, case by case.
pub(crate) fn every_text(pieces: &[&str], most: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    let mut longest = texts.clone();
    for _ in 0..most {
        longest = longest
            .iter()
            .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
            .collect();
        texts.extend(longest.iter().cloned());
    }
    texts
}

/// `count` texts, each of fewer than `most` of `pieces` joined, drawn by a fixed
/// pseudo-random sequence (a linear congruential generator), so every run reads the same
/// texts: the inputs of the tests that throw mixtures of a syntax at a parser.
pub(crate) fn random_texts<'p>(
    pieces: &'p [&'p str],
    count: usize,
    most: u64,
) -> impl Iterator<Item = String> + 'p {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..count).map(move |_| {
        let mut text = String::new();
        for _ in 0..(state % most) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sequence_comes_once() {
        let texts = every_text(&["a", "b"], 2);
        assert_eq!(texts, ["", "a", "b", "aa", "ab", "ba", "bb"]);
    }
}
