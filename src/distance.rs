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

/// Every string made by deleting up to `n` (1 or 2) chars of `s`, `s` included.
pub fn deletions(s: &str, n: usize, out: &mut Vec<String>) {
    out.clear();
    out.push(s.to_string());
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let one = format!("{}{}", &s[..i], &s[i + c.len_utf8()..]);
        if n >= 2 {
            for &(i2, c2) in &chars[k + 1..] {
                let (i2, c2) = (i2 - c.len_utf8(), c2);
                out.push(format!("{}{}", &one[..i2], &one[i2 + c2.len_utf8()..]));
            }
        }
        out.push(one);
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
        let mut v = Vec::new();
        deletions("abc", 1, &mut v);
        assert_eq!(v, ["ab", "abc", "ac", "bc"]);
        deletions("abc", 2, &mut v);
        assert_eq!(v, ["a", "ab", "abc", "ac", "b", "bc", "c"]);
        deletions("éa", 1, &mut v);
        assert_eq!(v, ["a", "é", "éa"]);
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
