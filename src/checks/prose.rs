//! Which lines of a document read as prose and which as code or technical
//! listing (man pages, snippets), where English identifiers are expected.

use std::ops::Range;

use crate::document::{Document, TokenKind, flag};
use crate::lexicon::WordClass;

/// Whether a line (its tokens) looks technical: two or more of the marks of
/// code: brackets, `=`, `/`, `_`, `$`, `#`, `*`, `<`, `>`, `{`, `}`, `|`, `\`,
/// or a `--` option.
pub fn is_technical_line(doc: &Document, line: Range<usize>) -> bool {
    let toks = doc.tokens();
    if line.is_empty() {
        return false;
    }
    // Counted on the line's bytes: one pass, a table look-up a byte.
    let bytes = &doc.text.as_bytes()[toks[line.start].start as usize..toks[line.end - 1].end as usize];
    let mut marks = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if CODE_MARK[usize::from(b)] {
            marks += 1;
        } else if b == b'-' && bytes.get(i + 1) == Some(&b'-') {
            // A pair of dashes is one mark (`---` too; `----` is two).
            marks += 1;
            i += 1;
        }
        if marks >= 2 {
            return true;
        }
        i += 1;
    }
    false
}

/// The bytes that are marks of code on their own.
static CODE_MARK: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b"()=/_$#*<>{}|\\";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// The tokens of the line token `i` is on.
pub fn line_of(doc: &Document, i: usize) -> Range<usize> {
    let toks = doc.tokens();
    let mut start = i;
    while start > 0 && !toks[start].has(flag::LINE_START) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < toks.len() && !toks[end].has(flag::LINE_START) {
        end += 1;
    }
    start..end
}

/// The byte ranges of quotations written in English (`« Only the AfD can
/// save Germany »`): at least two English words and at most one French word
/// for every two English ones. Quotations open and close with `«` `»`, `“`
/// `”` or straight quotes, and end at a paragraph break.
pub fn english_quotations(doc: &Document, class: impl Fn(usize) -> Option<WordClass>) -> Vec<Range<usize>> {
    let toks = doc.tokens();
    let mut out = Vec::new();
    if !doc.text.contains(['«', '\u{201C}', '"']) {
        return out;
    }
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if t.has(flag::PARA_START) {
            open = None;
        }
        if t.kind != TokenKind::Punct {
            continue;
        }
        let text = doc.token_text(t);
        match (open, text) {
            (None, "«" | "\u{201C}" | "\"") => open = Some(i),
            (Some(o), "»" | "\u{201D}" | "\"") => {
                let (mut english, mut french) = (0, 0);
                for c in (o + 1..i).filter_map(&class) {
                    english += usize::from(c.english);
                    french += usize::from(c.french);
                }
                if english >= 2 && french * 2 <= english {
                    out.push(toks[o].start as usize..t.end as usize);
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    #[test]
    fn code_lines_are_technical() {
        let d = Document::new(
            "t",
            "Le ministre a parlé.\nappel de sched_setscheduler(pid, policy) --verbose\nFin.".into(),
            Meta::default(),
        );
        let by_word = |w: &str| {
            let i = d.tokens().iter().position(|t| d.token_text(t) == w).unwrap();
            is_technical_line(&d, line_of(&d, i))
        };
        assert!(!by_word("ministre"));
        assert!(by_word("appel"));
        assert!(!by_word("Fin"));
    }

    #[test]
    fn quotations_in_english() {
        let lx = crate::lexicon::Lexicon::shared();
        let d = Document::new(
            "t",
            "Il a écrit « Only the party can save Germany » puis « une phrase en français ».".into(),
            Meta::default(),
        );
        let mut buf = String::new();
        let classes: Vec<_> = d
            .tokens()
            .iter()
            .map(|t| crate::lexicon::class_of(lx, &d, t, &mut buf))
            .collect();
        let q = english_quotations(&d, |i| classes[i]);
        assert_eq!(q.len(), 1);
        assert_eq!(&d.text[q[0].clone()], "« Only the party can save Germany »");
    }
}
