//! Fixed word lists looked up by hash: a `matches!` over dozens of strings
//! compiles to a comparison per candidate of the same length, which adds up
//! when it runs on every token of every document.
//!
//! Words of up to seven bytes, most of any list, are packed with their length
//! into a `u64`: one multiplication to hash and one integer comparison to
//! confirm, no `memcmp`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A static list of words, hashed on first use.
pub struct WordSet {
    words: &'static [&'static str],
    sets: OnceLock<Sets>,
}

/// A filter in front of a set of words: by first byte, a bit per word length
/// (31 bytes and more share the last bit). Most words that are not in the
/// set are turned away by one load, without hashing; an empty word never
/// passes.
#[derive(Clone)]
pub struct FirstByteLengths([u32; 256]);

impl Default for FirstByteLengths {
    fn default() -> Self {
        FirstByteLengths([0; 256])
    }
}

impl FirstByteLengths {
    pub fn insert(&mut self, w: &str) {
        if let Some(&b) = w.as_bytes().first() {
            self.0[usize::from(b)] |= 1 << w.len().min(31);
        }
    }

    /// False when no word of the set has `w`'s first byte and length.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)] & (1 << w.len().min(31)) != 0)
    }
}

struct Sets {
    /// Most words are turned away here without hashing.
    lengths: FirstByteLengths,
    short: FxHashSet<u64>,
    long: FxHashSet<&'static str>,
}

/// A word of one to seven bytes as a number: its bytes, and its length in
/// the high byte (so that `de` and `de\0` differ).
#[inline]
fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 7 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    buf[7] = b.len() as u8;
    Some(u64::from_le_bytes(buf))
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            sets: OnceLock::new(),
        }
    }

    fn sets(&self) -> &Sets {
        self.sets.get_or_init(|| {
            let mut sets = Sets {
                lengths: FirstByteLengths::default(),
                short: FxHashSet::default(),
                long: FxHashSet::default(),
            };
            for &w in self.words {
                sets.lengths.insert(w);
                match pack(w) {
                    Some(key) => sets.short.insert(key),
                    None => sets.long.insert(w),
                };
            }
            sets
        })
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let sets = self.sets();
        if !sets.lengths.may_contain(w) {
            return false;
        }
        match pack(w) {
            Some(key) => sets.short.contains(&key),
            None => sets.long.contains(w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_words_up() {
        static SET: WordSet = WordSet::new(&["de", "la", "yang", "gouvernement", "exactly", "exactly8"]);
        assert!(SET.contains("yang") && SET.contains("de") && SET.contains("gouvernement"));
        assert!(SET.contains("exactly8") && SET.contains("exactly") && !SET.contains("exactly88"));
        assert!(!SET.contains("le") && !SET.contains("") && !SET.contains("d") && !SET.contains("gouvernemen"));
        assert!(!SET.contains("de\0") && !SET.contains("exactl"));
    }
}
