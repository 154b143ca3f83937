//! JSONL feeds: `calque::input::jsonl::parse_record` on every line, then the
//! whole input as a file `x.jsonl` streamed through `input::jobs::{Jobs, load}`
//! from `input::discover`, strictly and with `lossy`: every loaded document is named after the file and
//! nothing panics.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use calque::input::jobs::{Jobs, load};
use calque::input::{InputFormat, Walk, discover, jsonl};
use calque::{Document, Meta};
use libfuzzer_sys::fuzz_target;

/// One folder for the whole run; the file is rewritten at each input.
fn file() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let d = tempfile::tempdir().expect("temp dir");
        let p = d.path().join("x.jsonl");
        (d, p)
    })
    .1
}

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        for line in s.lines() {
            if let Ok(r) = jsonl::parse_record(line) {
                assert!(!r.fields.contains_key("text"), "`text` is not kept among the fields");
            }
        }
    }

    let path = file();
    std::fs::write(path, data).expect("write x.jsonl");
    let name = path.display().to_string();
    let (inputs, warnings) = discover(std::slice::from_ref(&name), &Walk::default(), None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(inputs.len(), 1);
    assert_eq!(inputs[0].format, InputFormat::Jsonl);
    // Strict, then `--lossy` (invalid UTF-8 replaced by U+FFFD).
    for lossy in [false, true] {
        let mut n = 0;
        for job in Jobs::new(&inputs) {
            n += 1;
            let loaded = load(job, &inputs, None, lossy).expect("no shard, so every job loads");
            assert!(
                loaded.name.starts_with(&name),
                "document `{}` not named after `{name}`",
                loaded.name
            );
            if let Ok(text) = loaded.text {
                let _ = Document::new(loaded.name, text, Meta { date: loaded.meta.date, ..Meta::default() });
            }
        }
        // One job per non-blank line, at most.
        assert!(n <= data.split(|&b| b == b'\n').count());
    }
});
