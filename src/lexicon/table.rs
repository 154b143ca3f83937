//! A word set as an open-addressing table of 32-bit fingerprints, for lookups
//! in a few nanoseconds where an fst walk takes a few hundred.
//!
//! `build.rs` expands each embedded fst into such a table at compile time
//! (this file is shared with it: no `crate::` paths here), and the binary
//! reads the table in place. A word is hashed once (64 bits); the high bits
//! pick the first slot, the low 32 bits are the fingerprint kept there
//! (0 marks an empty slot). Linear probing at a load of at most 0.7.
//!
//! A table may start with a one-hash Bloom filter: a bitmap small enough to
//! stay in cache, which turns most absent words away before the table is
//! touched. It serves the English lexicon, which French text asks mostly
//! about words it does not hold.
//!
//! A fingerprint table answers "no" exactly and "yes" with a false-positive
//! probability of about one in a billion lookups of unknown words (a few
//! probes, each matching a random 32-bit value with probability 2^-32); for
//! deciding whether a word is French, that is far below the lexicon's own
//! error rate.

/// The 64-bit hash of a word: each 8-byte chunk mixed in by a folded
/// 128-bit multiplication (wyhash-style: every input bit reaches every
/// output bit, where a plain multiply only carries bits upwards and lets
/// words such as `lorsqu'cols` and `lorsqu'polo` collide), then a splitmix
/// finaliser.
#[inline]
pub fn hash(word: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    const SEED: u64 = 0x2d35_8dcc_aa6c_78a5;
    let fold = |a: u64| {
        let m = u128::from(a) * u128::from(K);
        (m as u64) ^ ((m >> 64) as u64)
    };
    let mut h = SEED ^ word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(c);
        h = fold(h ^ u64::from_le_bytes(buf));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(buf));
    }
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 32)
}

#[inline]
fn fingerprint(h: u64) -> u32 {
    (h as u32).max(1)
}

/// The number of bits of slot index for `n` words (load at most 0.7).
fn bits_for(n: usize) -> u32 {
    let mut bits = 4;
    while (1usize << bits) * 7 < n * 10 {
        bits += 1;
    }
    bits
}

/// The bit of the filter a hash sets (bits 20 to 39 of the hash: neither
/// the slot, taken from the top, nor the fingerprint, from the bottom).
#[inline]
fn filter_bit(h: u64, filter_bits: u32) -> usize {
    (h >> 20) as usize & ((1usize << filter_bits) - 1)
}

/// The bytes of a table holding `words`, with a filter of `2^filter_bits`
/// bits (0: none): the slot bits and the filter bits as little-endian
/// `u32`s, the filter, then the slots as little-endian `u32`s.
#[allow(dead_code)] // Used by build.rs and the tests.
pub fn build<'a>(words: impl IntoIterator<Item = &'a [u8]>, n: usize, filter_bits: u32) -> Vec<u8> {
    let bits = bits_for(n);
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u32; 1 << bits];
    let mut filter = vec![0u8; if filter_bits == 0 { 0 } else { 1 << (filter_bits - 3) }];
    for w in words {
        let h = hash(w);
        if filter_bits > 0 {
            let f = filter_bit(h, filter_bits);
            filter[f >> 3] |= 1 << (f & 7);
        }
        let fp = fingerprint(h);
        let mut i = (h >> (64 - bits)) as usize;
        loop {
            if slots[i] == 0 {
                slots[i] = fp;
                break;
            }
            if slots[i] == fp {
                break;
            }
            i = (i + 1) & mask;
        }
    }
    let mut out = Vec::with_capacity(8 + filter.len() + slots.len() * 4);
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&filter_bits.to_le_bytes());
    out.extend_from_slice(&filter);
    for s in slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

/// A table read in place from its bytes.
#[derive(Clone, Copy)]
pub struct Table {
    bits: u32,
    filter_bits: u32,
    filter: &'static [u8],
    slots: &'static [u8],
}

#[allow(dead_code)] // build.rs only builds tables.
impl Table {
    /// Reads a table written by [`build`]; `None` if the bytes are not one.
    pub fn new(bytes: &'static [u8]) -> Option<Table> {
        let (head, rest) = bytes.split_first_chunk::<4>()?;
        let bits = u32::from_le_bytes(*head);
        let (head, rest) = rest.split_first_chunk::<4>()?;
        let filter_bits = u32::from_le_bytes(*head);
        if bits >= 32 || !(filter_bits == 0 || (3..32).contains(&filter_bits)) {
            return None;
        }
        let filter_len = if filter_bits == 0 { 0 } else { 1 << (filter_bits - 3) };
        let (filter, slots) = rest.split_at_checked(filter_len)?;
        (slots.len() == 4 << bits).then_some(Table {
            bits,
            filter_bits,
            filter,
            slots,
        })
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of slots in use.
    pub fn len(&self) -> usize {
        self.slots.chunks_exact(4).filter(|s| *s != [0; 4]).count()
    }

    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        let h = hash(word);
        if self.filter_bits > 0 {
            let f = filter_bit(h, self.filter_bits);
            if self.filter[f >> 3] & (1 << (f & 7)) == 0 {
                return false;
            }
        }
        let fp = fingerprint(h);
        let mask = (1usize << self.bits) - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        loop {
            let at = i * 4;
            let slot = u32::from_le_bytes([
                self.slots[at],
                self.slots[at + 1],
                self.slots[at + 2],
                self.slots[at + 3],
            ]);
            if slot == fp {
                return true;
            }
            if slot == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(words: &[&str]) -> Table {
        table_with_filter(words, 0)
    }

    fn table_with_filter(words: &[&str], filter_bits: u32) -> Table {
        let bytes = build(words.iter().map(|w| w.as_bytes()), words.len(), filter_bits);
        Table::new(Box::leak(bytes.into_boxed_slice())).expect("a table")
    }

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let words: Vec<String> = (0..5000).map(|i| format!("mot{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let t = table_of(&refs);
        assert_eq!(t.len(), 5000);
        assert!(refs.iter().all(|w| t.contains(w.as_bytes())));
        let strangers = (5000..105_000)
            .filter(|i| t.contains(format!("mot{i}").as_bytes()))
            .count();
        assert_eq!(strangers, 0);
        assert!(!t.contains(b"") && !t.contains(b"mot"));
    }

    #[test]
    fn the_filter_keeps_every_word_and_turns_most_strangers_away() {
        let words: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let t = table_with_filter(&refs, 16);
        assert!(refs.iter().all(|w| t.contains(w.as_bytes())));
        let passed = (5000..105_000)
            .filter(|i| {
                let f = filter_bit(hash(format!("word{i}").as_bytes()), 16);
                t.filter[f >> 3] & (1 << (f & 7)) != 0
            })
            .count();
        // 5,000 bits set of 65,536: about 7 % of strangers pass the filter.
        assert!((4000..11_000).contains(&passed), "{passed}");
        assert!((5000..105_000).all(|i| !t.contains(format!("word{i}").as_bytes())));
    }

    #[test]
    fn empty_tables_and_bad_bytes() {
        let t = table_of(&[]);
        assert!(!t.contains(b"de") && t.is_empty());
        assert!(Table::new(&[1, 2]).is_none());
        assert!(Table::new(&[4, 0, 0, 0, 0, 0]).is_none());
        assert!(Table::new(&[0, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0]).is_none());
        assert!(Table::new(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_some());
    }

    #[test]
    fn hash_keeps_apart_words_that_differ_across_a_chunk_boundary() {
        for (a, b) in [
            ("lorsqu'cols", "lorsqu'polo"),
            ("puisqu'faux", "puisqu'saut"),
            ("quoiqu'bush", "quoiqu'oust"),
        ] {
            assert_ne!(hash(a.as_bytes()), hash(b.as_bytes()), "{a} {b}");
        }
    }

    #[test]
    fn hash_spreads_close_words() {
        let a = hash(b"gouvernement");
        let b = hash(b"gouvernements");
        assert_ne!(a >> 44, b >> 44);
        assert_ne!(a as u32, b as u32);
    }
}
