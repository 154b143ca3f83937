//! `typography.*`: English typography in French copy: English quotes around
//! speech ("…", “…”) and no space before `:` `;` `?` `!`.

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{Token, TokenKind, flag};
use crate::finding::{Category, Severity};

pub struct Typography;

pub static ENGLISH_QUOTES: RuleMeta = RuleMeta {
    id: "typography.english-quotes",
    category: Category::Typography,
    severity: Severity::Minor,
    summary: "English quotation marks (\"…\" or “…”) where French uses « … »",
    docs: "A pair of straight double quotes or of curly English quotes around text, in the \
           same paragraph: French copy quotes with guillemets and no-break spaces inside \
           (« … »). The suggestion is the quoted text in guillemets. Confidence 0.90.",
};

pub static MISSING_SPACE: RuleMeta = RuleMeta {
    id: "typography.missing-space",
    category: Category::Typography,
    severity: Severity::Minor,
    summary: "No space before : ; ? or ! where French puts a (no-break) space",
    docs: "French typography puts a no-break space before the high punctuation marks `:` \
           `;` `?` `!`. Reported when the mark is glued to the word before it and followed by \
           a space, a line end or a closing mark, so `10:30`, `std::io` and URLs stay \
           silent; a second mark in a row (`?!`) is not reported again. Confidence 0.90.",
};

const NBSP: char = '\u{a0}';

fn is_open_quote(s: &str) -> bool {
    s == "\u{201C}" || s == "\u{201E}"
}

fn is_close_quote(s: &str) -> bool {
    s == "\u{201D}"
}

impl Typography {
    fn quotes(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let mut open: Option<usize> = None;
        for (i, t) in toks.iter().enumerate() {
            if t.has(flag::PARA_START) {
                open = None;
            }
            if t.kind != TokenKind::Punct {
                continue;
            }
            let s = doc.token_text(t);
            let closes = match open {
                Some(o) => {
                    let opener = doc.token_text(&toks[o]);
                    (opener == "\"" && s == "\"") || (is_open_quote(opener) && is_close_quote(s))
                }
                None => false,
            };
            if closes {
                let o = open.take().unwrap_or(i);
                let inner = &doc.text[toks[o].end as usize..t.start as usize];
                // Speech has spaces and lower case; `"User-Agent"` and
                // `"INTERVAL FORMAT"` are literals.
                let phrase = inner.trim().contains(char::is_whitespace) && inner.chars().any(char::is_lowercase);
                if phrase && is_speech(doc, &toks[o + 1..i]) {
                    report_quote(cx, out, &toks[o], t);
                }
            } else if s == "\"" || is_open_quote(s) {
                open = Some(i);
            }
        }
    }

    fn spaces(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Punct || t.has(flag::SPACE_BEFORE) || i == 0 {
                continue;
            }
            let mark = doc.token_text(t);
            if !matches!(mark, ":" | ";" | "?" | "!") {
                continue;
            }
            let prev = &toks[i - 1];
            if prev.kind == TokenKind::Punct || prev.end != t.start {
                continue;
            }
            // What follows must be a space, the end, or closing punctuation;
            // `;` and `:` must go on with a word on the same line (code ends
            // its lines with them: `int type;`), and `C:` is a drive.
            let rest = &doc.text[t.end as usize..];
            let after = rest.chars().next();
            let prose_after = match mark {
                ";" | ":" => rest
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic() || c == '«' || c == '"')),
                _ => after.is_none_or(|c| c.is_whitespace() || matches!(c, '»' | '"' | '”' | ')' | '?' | '!' | '.')),
            };
            if !prose_after
                || (mark == ":" && doc.token_text(prev).chars().count() == 1)
                || (mark == ";" && is_code_line(doc, t))
            {
                continue;
            }
            let range = prev.start as usize..t.end as usize;
            let word = doc.token_text(prev);
            let suggestion = format!("{word}{NBSP}{mark}");
            out.report(
                &MISSING_SPACE,
                range.clone(),
                0.9,
                suggestion,
                format!(
                    "« {} » : en français, une espace insécable précède « {mark} ».",
                    &doc.text[range]
                ),
            );
        }
    }
}

/// Whether the line of token `t` looks like code: brackets, `=`, or several `;`.
fn is_code_line(doc: &crate::document::Document, t: &Token) -> bool {
    let text = &doc.text;
    let at = t.start as usize;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    line.matches(';').count() > 1 || line.contains(['{', '}', '(', '=', '*', '['])
}

/// Whether quoted tokens read as words (speech, a title), not as code or a
/// literal: two words at least, and no character of code.
fn is_speech(doc: &crate::document::Document, inner: &[Token]) -> bool {
    let words = inner.iter().filter(|t| t.kind == TokenKind::Word).count();
    words >= 2
        && inner.iter().all(|t| {
            t.kind != TokenKind::Punct || {
                let s = doc.token_text(t);
                !matches!(
                    s,
                    "$" | "\\"
                        | "/"
                        | "{"
                        | "}"
                        | "["
                        | "]"
                        | "<"
                        | ">"
                        | "="
                        | "_"
                        | "~"
                        | "|"
                        | "#"
                        | "@"
                        | "*"
                        | "^"
                        | "`"
                        | "&"
                        | "%"
                        | "-"
                        | "("
                        | ")"
                )
            }
        })
}

fn report_quote(cx: &Context<'_>, out: &mut Sink<'_>, open: &Token, close: &Token) {
    let doc = cx.doc;
    let range = open.start as usize..close.end as usize;
    let inner = doc.text[open.end as usize..close.start as usize].trim();
    let suggestion = format!("«{NBSP}{inner}{NBSP}»");
    out.report(
        &ENGLISH_QUOTES,
        range,
        0.9,
        suggestion,
        "Guillemets anglais : en français, on cite entre guillemets « … ».".to_string(),
    );
}

impl Check for Typography {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 2] = [&ENGLISH_QUOTES, &MISSING_SPACE];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        self.quotes(cx, out);
        self.spaces(cx, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_english_quotes() {
        let f = run(&Typography, "Il a dit \"Nous irons\" puis “Chaque jour compte” enfin.");
        let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("\"Nous irons\"", "«\u{a0}Nous irons\u{a0}»"),
                ("“Chaque jour compte”", "«\u{a0}Chaque jour compte\u{a0}»")
            ]
        );
    }

    #[test]
    fn flags_missing_spaces() {
        let f = run(
            &Typography,
            "Pourquoi cette haine? Elle a lancé: « Non ! » Bien; voilà.",
        );
        let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["haine?", "lancé:", "Bien;"]);
    }

    #[test]
    fn dont_flag_french_typography() {
        for ok in [
            "Il a dit\u{a0}: « Nous irons\u{a0}! » Pourquoi\u{202f}? Bien ; oui.",
            "À 10:30, le module std::io et la note 3:1.",
            "Le guillemet \" seul, sans fermeture",
            "Quoi?!",
            "struct s {\n  int type;\n  char *name;\n};\nLe lecteur C: et la chaîne \"$1c$2c\" ou \"main\" ou \"\\e[0m\".",
            "struct stat gstat; int n; et l'en-tête \"User-Agent\" ou \"INTERVAL FORMAT\".",
        ] {
            let f = run(&Typography, ok);
            assert!(f.iter().all(|x| x.0 == "Quoi?"), "{ok}: {f:?}");
        }
    }
}
