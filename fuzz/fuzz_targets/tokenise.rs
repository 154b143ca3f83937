//! Tokenisation: every token is a non-empty, in-order byte range of the text
//! on char boundaries, and `LineIndex::locate` agrees with a naive recount.
#![no_main]

use calque::document::TextFormat;
use calque::span::LineIndex;
use calque::{Document, Meta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [TextFormat::Plain, TextFormat::Markdown] {
        let doc = Document::new("fuzz.txt", text.to_string(), Meta { format, date: None });
        check(&doc);
    }
    // A fragment tokenises without markup or dateline.
    let frag = Document::fragment(text);
    assert!(frag.dateline().is_none());
    check(&frag);
});

fn check(doc: &Document) {
    let text = doc.text.as_str();
    let lines = LineIndex::new(text);
    let mut prev_end = 0;
    let mut expected = Vec::with_capacity(doc.tokens().len());
    // The naive recount walks the text once, char by char, up to each token
    // start (tokens are asserted in order below).
    let (mut pos, mut naive_line, mut naive_column, mut line_start) = (0usize, 1usize, 1usize, 0usize);
    for (i, t) in doc.tokens().iter().enumerate() {
        let r = t.range();
        assert!(r.start < r.end, "token {i} empty or reversed: {r:?}");
        assert!(r.end <= text.len(), "token {i} {r:?} past the text ({} bytes)", text.len());
        assert!(text.is_char_boundary(r.start), "token {i} starts inside a char: {r:?}");
        assert!(text.is_char_boundary(r.end), "token {i} ends inside a char: {r:?}");
        assert!(r.start >= prev_end, "token {i} {r:?} overlaps the previous one (ends at {prev_end})");
        prev_end = r.end;
        assert_eq!(doc.token_text(t), &text[r.clone()]);
        let _ = doc.folded(t);

        for c in text[pos..r.start].chars() {
            if c == '\n' {
                naive_line += 1;
                naive_column = 1;
            } else {
                naive_column += 1;
            }
        }
        if let Some(k) = text[pos..r.start].rfind('\n') {
            line_start = pos + k + 1;
        }
        pos = r.start;
        let (line, column) = lines.locate(r.start);
        assert!(line >= 1 && column >= 1, "locate({}) = ({line}, {column})", r.start);
        assert_eq!(
            (line, column),
            (naive_line, naive_column),
            "locate({}) disagrees with a recount",
            r.start
        );
        assert_eq!(lines.line_start(line), line_start, "line_start({line})");
        expected.push((r.start, (naive_line, naive_column)));
        // The token's line, without its break, is a prefix of the text from
        // the line start, and holds the token.
        let lt = lines.line_text(line);
        assert!(text[line_start..].starts_with(lt));
        assert!(line_start + lt.len() >= r.start, "line {line} `{lt}` ends before token {i} at {}", r.start);
    }
    // `locate` remembers its last answer: out of order, it answers the same.
    for &(offset, want) in expected.iter().rev() {
        assert_eq!(lines.locate(offset), want, "locate({offset}) backwards");
    }
    let n = expected.len();
    for k in 0..n {
        let (offset, want) = expected[k * 7919 % n];
        assert_eq!(lines.locate(offset), want, "locate({offset}) out of order");
    }
    if n > 0 {
        let _ = doc.span_text(0, n - 1);
    }
    let _ = calque::document::count_words(text);
}
