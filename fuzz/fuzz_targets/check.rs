//! The whole check on arbitrary bytes: `input::decode` (else
//! `input::decode_with(bytes, lossy = true)`), then one `Checker`
//! (embedded KB, default config, built once) on the document as plain text
//! and as Markdown. Every finding is a non-empty range of the text on char
//! boundaries.
#![no_main]

use std::sync::LazyLock;

use calque::document::TextFormat;
use calque::{Checker, Config, Document, Kb, Meta};
use libfuzzer_sys::fuzz_target;

static CHECKER: LazyLock<Checker> = LazyLock::new(|| Checker::new(Kb::embedded(), Config::default()));

fuzz_target!(|data: &[u8]| {
    // Strict decoding as the brief's entry point; what it refuses is tried
    // again with `--lossy` (U+FFFD for invalid UTF-8/UTF-16).
    let text = match calque::input::decode(data.to_vec()) {
        Ok(text) => text,
        Err(_) => match calque::input::decode_with(data.to_vec(), true) {
            Ok(d) => d.text,
            Err(_) => return,
        },
    };
    for format in [TextFormat::Plain, TextFormat::Markdown] {
        let doc = Document::new("fuzz.txt", text.clone(), Meta { format, date: None });
        let findings = CHECKER.check(&doc);
        let text = doc.text.as_str();
        for r in &findings {
            let f = &r.finding;
            assert!(
                f.start <= f.end && f.end <= text.len(),
                "finding {}..{} (rule {:?}) out of a text of {} bytes",
                f.start,
                f.end,
                f.rule,
                text.len()
            );
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "finding {}..{} (rule {:?}) not on char boundaries",
                f.start,
                f.end,
                f.rule
            );
            assert!(!text[f.start..f.end].is_empty(), "empty finding at {} (rule {:?})", f.start, f.rule);
        }
        let s = calque::score::score(calque::document::count_words(text), &findings, 90.0);
        assert!(s.score.is_some_and(|x| (0.0..=100.0).contains(&x)), "score {:?}", s.score);
    }
});
