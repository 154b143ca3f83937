//! For people at a terminal, like rustc or ruff: each finding with its place,
//! rule and severity, the source line with the span underlined and the
//! suggestion, then a closing summary.
//!
//! ```text
//! critical[name.near-miss]: « Gabrilius Bonusbergis » ressemble au nom de …
//!   --> article.txt:19:182
//!    |
//! 19 | …avec le ministre lituanien Gabrilius Bonusbergis, qui…
//!    |                             ^^^^^^^^^^^^^^^^^^^^^ Gabrielius Landsbergis
//!    = confidence 0.73, penalty 7.30
//! ```
//!
//! Colour only when asked (the caller checks that stdout is a terminal and
//! `NO_COLOR` is unset). Text from articles never reaches the terminal raw:
//! control characters (escape sequences among them) and bidirectional
//! overrides are shown as `�`, one character for one, so that the underline
//! stays in place.

use std::io::{self, Write};

use super::{DocReport, Reporter, Totals};
use crate::finding::Severity;
use crate::rules::RuleSet;
use crate::score::Verdict;
use crate::span::LineIndex;

/// Characters of context shown on each side of a span on long lines.
const CONTEXT: usize = 40;

pub struct PrettyReport<W: Write> {
    out: W,
    colour: bool,
    totals: Totals,
}

impl<W: Write> PrettyReport<W> {
    pub fn new(out: W, colour: bool) -> Self {
        PrettyReport {
            out,
            colour,
            totals: Totals::default(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;31",
        Severity::Major => "1;33",
        Severity::Minor => "1;36",
    }
}

/// Whether a character may not reach a terminal as it is: controls (C0, DEL,
/// C1: escape sequences start there) and the bidirectional formatting marks
/// that can make a line read otherwise than it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Article text made safe for a terminal, one character for one (a tab is a
/// space).
pub fn sanitise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

impl<W: Write> Reporter for PrettyReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        self.totals.add(doc);
        let name = sanitise(&doc.name);
        if doc.score.verdict == Verdict::Error {
            let e = sanitise(doc.error.as_deref().unwrap_or("unreadable"));
            writeln!(self.out, "{}: {name}: {e}\n", self.paint("1;31", "error"))?;
            return Ok(());
        }
        let lines = LineIndex::new(&doc.text);
        for r in &doc.findings {
            let f = &r.finding;
            let (line, column) = lines.locate(f.start);
            let rule = &rules.get(f.rule).id;
            let colour = severity_colour(r.severity);
            let gutter = line.to_string().len();
            let pad = " ".repeat(gutter);
            writeln!(
                self.out,
                "{}{}: {}{}",
                self.paint(colour, r.severity.as_str()),
                self.paint("1", &format!("[{rule}]")),
                sanitise(&f.message),
                if r.baselined { " (in the baseline)" } else { "" }
            )?;
            writeln!(self.out, "{pad}{} {name}:{line}:{column}", self.paint("1;34", "-->"))?;
            writeln!(self.out, "{pad} {}", self.paint("1;34", "|"))?;
            // The line, cut to CONTEXT characters around the span (found by
            // walking only those characters: a one-line document of megabytes
            // with many findings stays linear).
            let text = lines.line_text(line);
            let line_start = lines.line_start(line);
            let start = (f.start - line_start).min(text.len());
            let end = if lines.locate(f.end).0 == line {
                (f.end - line_start).clamp(start, text.len())
            } else {
                text.len()
            };
            let from = text[..start]
                .char_indices()
                .rev()
                .nth(CONTEXT - 1)
                .map_or(0, |(i, _)| i);
            let to = end
                + text[end..]
                    .char_indices()
                    .nth(CONTEXT)
                    .map_or(text.len() - end, |(i, _)| i);
            let shown = &text[from..to];
            let (lead, trail) = (if from > 0 { "…" } else { "" }, if to < text.len() { "…" } else { "" });
            writeln!(
                self.out,
                "{} {} {lead}{}{trail}",
                self.paint("1;34", &line.to_string()),
                self.paint("1;34", "|"),
                sanitise(shown)
            )?;
            let offset = text[from..start].chars().count() + usize::from(from > 0);
            let carets = "^".repeat(text[start..end].chars().count().max(1));
            let suggestion = if f.suggestion.is_empty() {
                String::new()
            } else {
                format!(" {}", sanitise(&f.suggestion))
            };
            writeln!(
                self.out,
                "{pad} {} {}{}{}",
                self.paint("1;34", "|"),
                " ".repeat(offset),
                self.paint(colour, &carets),
                self.paint("1;32", &suggestion)
            )?;
            writeln!(
                self.out,
                "{pad} {} confidence {:.2}, penalty {:.2}\n",
                self.paint("1;34", "="),
                f.confidence.value(),
                r.penalty
            )?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let t = self.totals;
        let [minor, major, critical] = t.by_severity;
        let (findings, documents) = (t.findings, t.documents);
        writeln!(
            self.out,
            "{} {documents} document{}: {findings} finding{} ({critical} critical, {major} major, {minor} minor); \
             {} failed, {} in error",
            self.paint("1", "checked"),
            if documents == 1 { "" } else { "s" },
            if findings == 1 { "" } else { "s" },
            t.failed,
            t.errors
        )?;
        if t.baselined + t.accepted > 0 {
            writeln!(
                self.out,
                "{} {} in the baseline, {} accepted: not counted",
                self.paint("1", "known"),
                t.baselined,
                t.accepted
            )?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_is_sanitised_one_char_for_one() {
        let raw = "a\x1b[31mb\u{202E}c\td\u{0085}e\u{7F}";
        let safe = sanitise(raw);
        assert_eq!(safe.chars().count(), raw.chars().count());
        assert!(!safe.chars().any(is_unsafe));
        assert_eq!(safe, "a\u{FFFD}[31mb\u{FFFD}c d\u{FFFD}e\u{FFFD}");
        assert_eq!(sanitise("Zelensky à Kiev"), "Zelensky à Kiev");
    }
}
