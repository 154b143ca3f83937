//! HTML pages: `calque::input::html::extract` (and `fragment_text`, which
//! RSS descriptions go through) on arbitrary text up to 64 KB.
#![no_main]

use calque::input::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    let page = html::extract(s);
    let _ = page.origin.as_str();
    if let Some(t) = &page.title {
        assert!(!t.is_empty());
    }
    let _ = html::fragment_text(s);
});
