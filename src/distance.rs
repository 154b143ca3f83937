//! Edit distance for short words, without allocation.

/// Optimal string alignment distance (Levenshtein plus adjacent
/// transpositions) between `a` and `b`, if it is at most `max`; `None` if it
/// is more. Compares Unicode scalar values.
pub fn osa_within(a: &str, b: &str, max: usize) -> Option<usize> {
    const CAP: usize = 48;
    if a.is_ascii() && b.is_ascii() && a.len() < CAP && b.len() < CAP {
        return osa_ascii(a.as_bytes(), b.as_bytes(), max);
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > max {
        return None;
    }
    let d = strsim::osa_distance(a, b);
    (d <= max).then_some(d)
}

/// Optimal string alignment distance, unbounded.
pub fn osa(a: &str, b: &str) -> usize {
    osa_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// FNV-1a, 64 bits, over byte slices taken in order: stable across runs.
pub fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Longer words are never compared by edit distance: no name is that long, and
/// [`deletion_hashes`] costs the square of the length (a 4 MB token of
/// article text must not take minutes).
pub const MAX_FUZZY_BYTES: usize = 64;

/// The hashes of every string made by deleting up to `n` (1 or 2) chars of
/// `s`, `s` included, without building the strings. Quadratic in the length
/// of `s`: callers keep to [`MAX_FUZZY_BYTES`].
pub fn deletion_hashes(s: &str, n: usize, out: &mut Vec<u64>) {
    out.clear();
    let b = s.as_bytes();
    out.push(fnv(&[b]));
    let chars: Vec<(usize, usize)> = s.char_indices().map(|(i, c)| (i, i + c.len_utf8())).collect();
    for (k, &(i, j)) in chars.iter().enumerate() {
        out.push(fnv(&[&b[..i], &b[j..]]));
        if n >= 2 {
            for &(i2, j2) in &chars[k + 1..] {
                out.push(fnv(&[&b[..i], &b[j..i2], &b[j2..]]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

fn osa_ascii(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a == b {
        return Some(0);
    }
    let m = b.len();
    // Three rows of the dynamic programme: i-2, i-1, i.
    let mut two = [0usize; 48];
    let mut one = [0usize; 48];
    let mut cur = [0usize; 48];
    for (j, v) in one.iter_mut().enumerate().take(m + 1) {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        two = one;
        one = cur;
    }
    let d = one[m];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_neighbourhoods() {
        let h = |words: &[&str]| {
            let mut v: Vec<u64> = words.iter().map(|w| fnv(&[w.as_bytes()])).collect();
            v.sort_unstable();
            v
        };
        let mut v = Vec::new();
        deletion_hashes("abc", 1, &mut v);
        assert_eq!(v, h(&["ab", "abc", "ac", "bc"]));
        deletion_hashes("abc", 2, &mut v);
        assert_eq!(v, h(&["a", "ab", "abc", "ac", "b", "bc", "c"]));
        deletion_hashes("éa", 1, &mut v);
        assert_eq!(v, h(&["a", "é", "éa"]));
    }

    #[test]
    fn agrees_with_strsim() {
        let words = [
            "kouleba",
            "kuleba",
            "koulepa",
            "kuoleba",
            "",
            "a",
            "ab",
            "ba",
            "fico",
            "ficco",
            "meloni",
            "meloney",
            "zelensky",
            "zélensky",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                for max in 0..4 {
                    assert_eq!(osa_within(a, b, max), (d <= max).then_some(d), "{a} {b} {max}");
                }
            }
        }
    }
}
