//! The phrase pattern compiler: `calque::phrases::pattern::parse` must not
//! panic; a compiled pattern expands, names its anchor words and matches a
//! document without panicking.
//!
//! Input: the whole text is parsed as a pattern. When it holds a newline, the
//! first line is also parsed as a pattern and matched against the rest as a
//! document.
#![no_main]

use calque::phrases::pattern::{Pattern, parse};
use calque::{Document, Meta};
use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = "PARIS (AFP) - Le ministre a dit qu'il allait achever le projet, \
    a-t-il déclaré lundi 4 avril 2024 à l'agence. Les abus domestiques ont été abusés.";

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Ok(p) = parse(src) {
        exercise(&p, src);
    }
    if let Some((pat, text)) = src.split_once('\n') {
        if let Ok(p) = parse(pat) {
            exercise(&p, text);
        }
    }
});

fn exercise(p: &Pattern, text: &str) {
    assert!(!p.elements.is_empty(), "a compiled pattern has elements");
    assert!(p.anchor < p.elements.len(), "anchor {} of {} elements", p.anchor, p.elements.len());
    let _ = p.anchor_words();
    let expansions = p.expansions(64);
    if let Some(ex) = &expansions {
        assert!(ex.len() <= 64);
        for e in ex {
            assert_eq!(e.lens.len(), p.elements.len());
        }
    }
    for text in [text, SAMPLE] {
        let doc = Document::new("fuzz.txt", text.to_string(), Meta::default());
        let n = doc.tokens().len();
        for at in 0..n {
            if let Some(m) = p.match_at(&doc, at) {
                assert!(m.start <= at && at < m.end && m.end <= n, "match {}..{} at {at} of {n}", m.start, m.end);
            }
            if let Some(ex) = &expansions {
                for e in ex {
                    let len: usize = e.lens.iter().sum();
                    if at + len <= n && len > 0 {
                        let _ = p.verify_expansion(&doc, e, at, at + len, true);
                    }
                }
            }
        }
    }
}
