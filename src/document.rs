//! A document: its text, metadata, and the one tokenisation pass every check shares.
//!
//! Tokens carry byte ranges into the original text and a range into the
//! document's folded text (see [`crate::fold`]), where the folded forms of all
//! tokens are stored one after the other, separated by single spaces. Checks
//! match on folded forms and report original byte ranges.

use std::ops::Range;

use crate::fold::{is_apostrophe, is_hyphen, push_folded};
use crate::markup;

/// How the text is marked up, which decides what is prose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextFormat {
    #[default]
    Plain,
    /// Markdown: code, link targets and URLs are not checked.
    Markdown,
}

/// What an input said about a document besides its text.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub format: TextFormat,
    /// The publication date, when the input gives it.
    pub date: Option<crate::date::Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits or an inner apostrophe (`aujourd'hui`); an
    /// elided article keeps its apostrophe (`l'`).
    Word,
    /// Digits, possibly with inner `.` or `,` separators (`350,000`, `2,5`).
    Number,
    /// Any other visible character, one per token.
    Punct,
}

/// Bit flags describing a token's surroundings and case.
pub mod flag {
    /// The first character is upper case.
    pub const CAP: u8 = 1;
    /// At least two letters and none lower case (`OTAN`, `JAKARTA`).
    pub const UPPER: u8 = 1 << 1;
    /// Whitespace (or the start of the text) comes right before.
    pub const SPACE_BEFORE: u8 = 1 << 2;
    /// Joined to the previous word by a hyphen (`Jean-Noël`: `Noël`).
    pub const HYPHEN_BEFORE: u8 = 1 << 3;
    /// First token of a line.
    pub const LINE_START: u8 = 1 << 4;
    /// First token of a paragraph (after a blank line, or of the text).
    pub const PARA_START: u8 = 1 << 5;
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    fold_start: u32,
    fold_end: u32,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
    /// Capitalised or all upper case.
    pub fn is_cap(&self) -> bool {
        self.has(flag::CAP)
    }
}

/// The largest text a document may hold: offsets are stored as `u32`.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

pub struct Document {
    /// The name reports give it: the path as given, `<stdin>`, `PATH#ID`.
    pub name: String,
    pub text: String,
    pub meta: Meta,
    tokens: Vec<Token>,
    folded: String,
    dateline: Option<crate::dateline::Dateline>,
}

impl Document {
    /// Tokenises `text`. Texts over [`MAX_DOCUMENT_BYTES`] must be refused by the
    /// caller; this function truncates nothing and would panic on them.
    pub fn new(name: impl Into<String>, text: String, meta: Meta) -> Document {
        assert!(text.len() <= MAX_DOCUMENT_BYTES, "document too large");
        let excluded = markup::excluded_ranges(&text, meta.format);
        let (tokens, folded) = tokenize(&text, &excluded);
        let mut doc = Document {
            name: name.into(),
            text,
            meta,
            tokens,
            folded,
            dateline: None,
        };
        doc.dateline = crate::dateline::parse(&doc);
        doc
    }

    /// A short piece of plain text (a name, a title, a pattern word): tokens
    /// only, no markup, no dateline.
    pub fn fragment(text: &str) -> Document {
        let (tokens, folded) = tokenize(text, &[]);
        Document {
            name: String::new(),
            text: text.to_string(),
            meta: Meta::default(),
            tokens,
            folded,
            dateline: None,
        }
    }

    /// The parsed dateline, if the document opens with one.
    pub fn dateline(&self) -> Option<&crate::dateline::Dateline> {
        self.dateline.as_ref()
    }

    /// The document's date: the dateline's if it has a year, else the
    /// publication date of the metadata.
    pub fn date(&self) -> Option<crate::date::Date> {
        self.dateline
            .as_ref()
            .and_then(|d| d.date.as_ref())
            .map(|(d, _)| *d)
            .filter(|d| d.year.is_some())
            .or(self.meta.date)
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The original text of a token.
    pub fn token_text(&self, t: &Token) -> &str {
        &self.text[t.range()]
    }

    /// The folded form of a token.
    pub fn folded(&self, t: &Token) -> &str {
        &self.folded[t.fold_start as usize..t.fold_end as usize]
    }

    /// All folded forms, separated by single spaces.
    pub fn folded_text(&self) -> &str {
        &self.folded
    }

    /// The index of the token whose folded form starts at byte `pos` of the
    /// folded text, if any.
    pub fn token_at_fold_start(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.fold_start as usize) < pos);
        (i < self.tokens.len() && self.tokens[i].fold_start as usize == pos).then_some(i)
    }

    /// The index of the token whose folded form ends at byte `pos`, if any.
    pub fn token_at_fold_end(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.fold_end as usize) < pos);
        (i < self.tokens.len() && self.tokens[i].fold_end as usize == pos).then_some(i)
    }

    /// The original text from the start of token `a` to the end of token `b`.
    pub fn span_text(&self, a: usize, b: usize) -> &str {
        &self.text[self.tokens[a].start as usize..self.tokens[b].end as usize]
    }
}

/// Words as the summary counts them: whitespace-separated runs that contain a
/// letter or a digit.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, alnum, len) = if b < 0x80 {
            (
                matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C),
                b.is_ascii_alphanumeric(),
                1,
            )
        } else {
            let c = char_at(text, i).unwrap_or(' ');
            (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8())
        };
        i += len;
        if space {
            counted = false;
        } else if alnum && !counted {
            counted = true;
            count += 1;
        }
    }
    count
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        // Latin-1 and Latin Extended letters, without a table lookup.
        c != '\u{D7}' && c != '\u{F7}'
    } else {
        c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
    }
}

/// French elided words that keep their apostrophe as a token of their own.
fn is_elision(word: &str) -> bool {
    const ELIDED: &[&str] = &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ];
    word.len() <= 6 && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The character at byte `i` and its length, with a fast path for ASCII.
#[inline]
fn next_char(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        char_at(text, i).map(|c| (c, c.len_utf8()))
    }
}

#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\n' | '\t' | '\r' | '\x0B' | '\x0C')
    } else {
        c.is_whitespace()
    }
}

#[inline]
fn word_char_at(text: &str, i: usize) -> bool {
    next_char(text, i).is_some_and(|(c, _)| is_word_char(c))
}

/// Scans the word starting at `start` (its first char already known to be a
/// word char). Returns its end, whether it is all digits (a number) and
/// whether it is all ASCII.
fn scan_word(text: &str, start: usize) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut digits_only = true;
    let mut ascii = true;
    loop {
        // The common case: a run of ASCII letters and digits.
        while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphanumeric()) {
            digits_only &= b.is_ascii_digit();
            end += 1;
        }
        let Some((d, len)) = next_char(text, end) else { break };
        if is_word_char(d) {
            digits_only &= d.is_ascii_digit();
            ascii &= len == 1;
            end += len;
            continue;
        }
        if digits_only && end > start && (d == '.' || d == ',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1;
            continue;
        }
        if end > start && is_apostrophe(d) && word_char_at(text, end + len) {
            let elided = is_elision(&text[start..end]);
            end += len;
            ascii &= len == 1;
            digits_only = false;
            if elided {
                break;
            }
            continue;
        }
        break;
    }
    (end, digits_only, ascii)
}

/// Case flags of a word: `CAP` if its first char is upper case, `UPPER` too
/// if it has two letters or more and none lower case.
fn case_flags(word: &str, ascii: bool) -> u8 {
    let Some(first) = word.chars().next() else { return 0 };
    if !first.is_uppercase() {
        return 0;
    }
    let (letters, any_lower) = if ascii {
        let b = word.as_bytes();
        (
            b.iter().filter(|c| c.is_ascii_alphabetic()).count(),
            b.iter().any(u8::is_ascii_lowercase),
        )
    } else {
        word.chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, false), |(n, low), c| (n + 1, low || c.is_lowercase()))
    };
    if letters >= 2 && !any_lower {
        flag::CAP | flag::UPPER
    } else {
        flag::CAP
    }
}

fn tokenize(text: &str, excluded: &[Range<usize>]) -> (Vec<Token>, String) {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut folded = String::with_capacity(text.len() + 16);
    let mut pending = flag::SPACE_BEFORE | flag::LINE_START | flag::PARA_START;
    let mut newlines = 0u32;
    let mut ex = excluded.iter().peekable();
    let mut i = 0;
    while let Some((c, clen)) = next_char(text, i) {
        if let Some(r) = ex.peek() {
            if i >= r.end {
                ex.next();
                continue;
            }
            if i >= r.start {
                i = r.end;
                pending |= flag::SPACE_BEFORE;
                continue;
            }
        }
        if is_space(c) {
            if c == '\n' {
                newlines += 1;
            }
            pending |= flag::SPACE_BEFORE;
            i += clen;
            // The common case: more ASCII spaces.
            while let Some(&b) = text.as_bytes().get(i).filter(|&&b| b == b' ' || b == b'\n') {
                newlines += u32::from(b == b'\n');
                i += 1;
            }
            continue;
        }
        if newlines >= 1 {
            pending |= flag::LINE_START | flag::SPACE_BEFORE;
        }
        if newlines >= 2 {
            pending |= flag::PARA_START;
        }
        newlines = 0;

        let start = i;
        let (end, kind, ascii) = if is_word_char(c) {
            let (end, digits_only, ascii) = scan_word(text, start);
            let kind = if digits_only {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (end, kind, ascii)
        } else {
            (i + clen, TokenKind::Punct, clen == 1)
        };
        let word = &text[start..end];
        let mut flags = pending;
        if kind == TokenKind::Word {
            flags |= case_flags(word, ascii);
        }
        if !tokens.is_empty() {
            folded.push(' ');
        }
        let fold_start = folded.len();
        if ascii {
            folded.push_str(word);
            folded[fold_start..].make_ascii_lowercase();
        } else {
            for ch in word.chars() {
                push_folded(ch, &mut folded);
            }
        }
        tokens.push(Token {
            start: start as u32,
            end: end as u32,
            fold_start: fold_start as u32,
            fold_end: folded.len() as u32,
            kind,
            flags,
        });
        pending = 0;
        i = end;

        // A hyphen between two words joins them: it is no token of its own.
        if kind != TokenKind::Punct {
            if let Some((_, hlen)) = next_char(text, i).filter(|&(h, _)| is_hyphen(h)) {
                if word_char_at(text, i + hlen) {
                    i += hlen;
                    pending = flag::HYPHEN_BEFORE;
                }
            }
        }
    }
    (tokens, folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new("t", s.to_string(), Meta::default())
    }

    fn words(d: &Document) -> Vec<&str> {
        d.tokens().iter().map(|t| d.token_text(t)).collect()
    }

    #[test]
    fn splits_elisions_and_keeps_inner_apostrophes() {
        let d = doc("L’OTAN l'a dit aujourd'hui à O'Brien, qu'il parte.");
        assert_eq!(
            words(&d),
            [
                "L’",
                "OTAN",
                "l'",
                "a",
                "dit",
                "aujourd'hui",
                "à",
                "O'Brien",
                ",",
                "qu'",
                "il",
                "parte",
                "."
            ]
        );
        assert_eq!(d.folded(&d.tokens()[0]), "l'");
        assert_eq!(d.folded(&d.tokens()[1]), "otan");
    }

    #[test]
    fn hyphens_join_words_without_a_token() {
        let d = doc("Jean-Noël Barrot, a-t-il dit");
        assert_eq!(words(&d), ["Jean", "Noël", "Barrot", ",", "a", "t", "il", "dit"]);
        assert!(d.tokens()[1].has(flag::HYPHEN_BEFORE));
        assert!(!d.tokens()[2].has(flag::HYPHEN_BEFORE));
    }

    #[test]
    fn numbers_keep_their_separators() {
        let d = doc("350,000 habitants, 2,5 milliards et 1, 2");
        let ks: Vec<_> = d.tokens().iter().map(|t| (d.token_text(t), t.kind)).collect();
        assert_eq!(ks[0], ("350,000", TokenKind::Number));
        assert_eq!(ks[3], ("2,5", TokenKind::Number));
        assert_eq!(ks[6], ("1", TokenKind::Number));
    }

    #[test]
    fn case_flags() {
        let d = doc("JAKARTA - Les Kuleba");
        let t = d.tokens();
        assert!(t[0].has(flag::UPPER) && t[0].is_cap());
        assert!(t[2].is_cap() && !t[2].has(flag::UPPER));
    }

    #[test]
    fn line_and_paragraph_flags() {
        let d = doc("Titre\n\nJAKARTA - texte\nsuite");
        let t = d.tokens();
        assert!(t[0].has(flag::PARA_START));
        assert!(t[1].has(flag::PARA_START));
        assert!(!t[3].has(flag::LINE_START));
        assert!(t[4].has(flag::LINE_START) && !t[4].has(flag::PARA_START));
    }

    #[test]
    fn fold_offsets_map_back_to_tokens() {
        let d = doc("Le président Zelensky");
        let f = d.folded_text();
        let pos = f.find("zelensky").unwrap();
        assert_eq!(d.token_at_fold_start(pos), Some(2));
        assert_eq!(d.token_at_fold_end(pos + "zelensky".len()), Some(2));
        assert_eq!(d.token_at_fold_start(pos + 1), None);
    }

    #[test]
    fn word_count_follows_the_summary_contract() {
        assert_eq!(count_words("« Bonjour » , dit-il – 350 000"), 4);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words(" \n\t "), 0);
    }

    #[test]
    fn odd_unicode_does_not_break_offsets() {
        let s = "e\u{301}te\u{301} 👍🏽 \u{200d}\u{202e}abc\u{202c} Zé";
        let d = doc(s);
        for t in d.tokens() {
            assert!(s.is_char_boundary(t.start as usize) && s.is_char_boundary(t.end as usize));
        }
        assert_eq!(d.folded(&d.tokens()[0]), "ete");
    }
}
