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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sequence_comes_once() {
        let texts = every_text(&["a", "b"], 2);
        assert_eq!(texts, ["", "a", "b", "aa", "ab", "ba", "bb"]);
    }
}
