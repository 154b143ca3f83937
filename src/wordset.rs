//! Fixed word lists looked up by hash: a `matches!` over dozens of strings
//! compiles to a comparison per candidate of the same length, which adds up
//! when it runs on every token of every document.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A static list of words, hashed on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_words_up() {
        static SET: WordSet = WordSet::new(&["de", "la", "yang"]);
        assert!(SET.contains("yang") && SET.contains("de"));
        assert!(!SET.contains("le") && !SET.contains(""));
    }
}
