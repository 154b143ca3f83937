//! What is not prose: URLs anywhere, and in Markdown code, link targets,
//! autolinks and HTML tags. The tokeniser skips these byte ranges, so no check
//! can report a finding inside them.

use std::ops::Range;

use crate::document::TextFormat;

/// Sorted, non-overlapping byte ranges of `text` that checks must not see.
pub fn excluded_ranges(text: &str, format: TextFormat) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if format == TextFormat::Markdown {
        markdown(text, &mut out);
    }
    urls(text, &mut out);
    normalise(out)
}

fn normalise(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.retain(|r| r.start < r.end);
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Bare URLs: `http://`, `https://` and `www.` up to the next space or bracket.
fn urls(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = find_url_start(&text[from..]) {
        let start = from + k;
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'"' | b')' | b']') {
                break;
            }
            let c = text[end..].chars().next().unwrap_or(' ');
            if c.is_whitespace() || matches!(c, '«' | '»' | '“' | '”') {
                break;
            }
            end += c.len_utf8();
        }
        while end > start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
            end -= 1;
        }
        out.push(start..end);
        from = end.max(start + 1);
    }
}

fn find_url_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Only `h` and `w` can start a URL: skip everything else at once.
        let c = b[i] | 0x20;
        if c == b'h' || c == b'w' {
            let rest = &b[i..];
            let at_word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            if at_word_start
                && (starts_with_ci(rest, b"http://")
                    || starts_with_ci(rest, b"https://")
                    || starts_with_ci(rest, b"www."))
            {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn markdown(text: &str, out: &mut Vec<Range<usize>>) {
    let mut offset = 0;
    let mut fence: Option<(u8, usize)> = None;
    let mut fence_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let run = |ch: u8| trimmed.bytes().take_while(|&b| b == ch).count();
        match fence {
            Some((ch, n)) => {
                if indent < 4 && run(ch) >= n && trimmed[run(ch)..].trim().is_empty() {
                    out.push(fence_start..offset + line.len());
                    fence = None;
                }
            }
            None => {
                let (bt, tl) = (run(b'`'), run(b'~'));
                if indent < 4 && (bt >= 3 || tl >= 3) {
                    fence = Some(if bt >= 3 { (b'`', bt) } else { (b'~', tl) });
                    fence_start = offset;
                } else {
                    inline(line, offset, out);
                    reference_definition(line, offset, out);
                }
            }
        }
        offset += line.len();
    }
    if fence.is_some() {
        out.push(fence_start..text.len());
    }
}

/// `[label]: destination "title"` at the start of a line.
fn reference_definition(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 || !t.starts_with('[') {
        return;
    }
    if let Some(close) = t.find("]:") {
        let start = offset + (line.len() - t.len()) + close + 2;
        out.push(start..offset + line.trim_end().len());
    }
}

/// Code spans, link destinations, autolinks and HTML tags within one line.
fn inline(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                let marker = &line[i..i + n];
                if let Some(k) = line[i + n..].find(marker) {
                    out.push(offset + i..offset + i + n + k + n);
                    i += n + k + n;
                    continue;
                }
                i += n;
            }
            b']' if b.get(i + 1) == Some(&b'(') => {
                let mut depth = 0usize;
                let mut j = i + 1;
                while j < b.len() {
                    match b[j] {
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                out.push(offset + i + 1..offset + (j + 1).min(b.len()));
                i = j + 1;
            }
            b'<' => {
                let rest = &line[i + 1..];
                let is_tag = rest
                    .bytes()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == b'/' || c == b'!');
                match rest.find('>') {
                    Some(k)
                        if is_tag && {
                            let inside = &rest[..k];
                            !inside.contains(' ') || inside.contains('=') || inside.contains(':')
                        } =>
                    {
                        out.push(offset + i..offset + i + 1 + k + 1);
                        i += k + 2;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, f: TextFormat) -> Vec<&str> {
        excluded_ranges(text, f).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn bare_urls_in_any_text() {
        let t = "Voir https://example.org/a?b=1. Ou www.otan.int, merci.";
        assert_eq!(cut(t, TextFormat::Plain), ["https://example.org/a?b=1", "www.otan.int"]);
    }

    #[test]
    fn markdown_code_links_and_tags() {
        let t = "Du `code Zelenskyy` et [Kuleba](https://x.org/Kuleba) <br> <https://y.org>\n```\nZelenskyy\n```\n[ref]: http://z.org\n";
        let c = cut(t, TextFormat::Markdown);
        assert!(c.contains(&"`code Zelenskyy`"));
        assert!(c.contains(&"(https://x.org/Kuleba)"));
        assert!(c.contains(&"<br>"));
        assert!(c.contains(&"<https://y.org>"));
        assert!(c.iter().any(|s| s.contains("```\nZelenskyy\n```")));
        assert!(c.iter().any(|s| s.contains("http://z.org")));
        // The link text stays prose.
        assert!(!c.iter().any(|s| s.starts_with("[Kuleba")));
    }

    #[test]
    fn plain_text_keeps_backticks_and_brackets() {
        assert!(cut("Le `mot` et [note](ici)", TextFormat::Plain).is_empty());
    }

    #[test]
    fn unclosed_constructs_do_not_panic() {
        for t in ["`abc", "](", "<", "```\nopen", "[x]:", "a <b c"] {
            let _ = excluded_ranges(t, TextFormat::Markdown);
        }
    }
}
