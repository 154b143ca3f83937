//! FNV-1a, 64 bits: a fixed hash, the same on every run and platform, for
//! fingerprints that must not move (the KB's, SARIF's partial fingerprints).

/// The hash of no bytes: where a fingerprint starts.
pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// `hash` with `bytes` mixed in.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The reference values of FNV-1a 64.
        assert_eq!(fnv1a(OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(OFFSET, b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a(fnv1a(OFFSET, b"foo"), b"bar"), fnv1a(OFFSET, b"foobar"));
    }
}
