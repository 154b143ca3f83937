//! The dateline parser (`calque::dateline::parse`, also run by
//! `Document::new`): its ranges lie in the text, on char boundaries, in order.
#![no_main]

use calque::document::TextFormat;
use calque::{Document, Meta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [TextFormat::Plain, TextFormat::Markdown] {
        let doc = Document::new("fuzz.txt", text.to_string(), Meta { format, date: None });
        // Parsing again gives the same result as the one stored by `new`.
        let again = calque::dateline::parse(&doc);
        assert_eq!(doc.dateline(), again.as_ref());
        let Some(d) = doc.dateline() else { continue };
        let text = doc.text.as_str();
        let ntok = doc.tokens().len();
        let in_text = |r: &std::ops::Range<usize>, what: &str| {
            assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} out of the text");
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{what} {r:?} not on char boundaries"
            );
        };
        in_text(&d.place, "place");
        in_text(&d.span, "span");
        assert!(!d.place.is_empty(), "empty place");
        assert!(d.span.start <= d.place.start && d.place.end <= d.span.end, "place outside the span");
        if let Some(a) = &d.agency {
            in_text(a, "agency");
        }
        if let Some((date, r)) = &d.date {
            in_text(r, "date");
            assert!((1..=12).contains(&date.month), "month {}", date.month);
            assert!((1..=31).contains(&date.day), "day {}", date.day);
            let _ = date.to_string();
        }
        assert!(
            d.place_tokens.start < d.place_tokens.end && d.place_tokens.end <= ntok,
            "place_tokens {:?} with {ntok} tokens",
            d.place_tokens
        );
        assert!(d.body_start <= ntok, "body_start {} with {ntok} tokens", d.body_start);
        let _ = d.place_key(&doc);
        let _ = doc.date();
    }
});
