//! RSS/Atom feeds: `calque::input::feed::parse` on arbitrary bytes.
#![no_main]

use calque::input::feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match feed::parse(data) {
        Ok(items) => {
            let lines = data.split(|&b| b == b'\n').count();
            for it in &items {
                assert!(it.line >= 1 && it.line <= lines, "item line {} of {lines}", it.line);
            }
        }
        Err(e) => {
            let lines = data.split(|&b| b == b'\n').count();
            assert!(e.line >= 1 && e.line <= lines, "error line {} of {lines}: {}", e.line, e.message);
        }
    }
});
