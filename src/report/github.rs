//! GitHub Actions workflow commands: one annotation per finding,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
//!
//! GitHub shows only the first 10 annotations of each level in a step, so
//! findings are buffered and written most severe first (critical `error`,
//! major `warning`, minor `notice`), at most 10 a level; one closing notice
//! counts what was left out and points to the full report.

use std::io::{self, Write};

use super::{DocReport, Rank, Reporter};
use crate::finding::Severity;
use crate::rules::RuleSet;
use crate::span::LineIndex;

/// Annotations GitHub shows per level and step.
pub const GITHUB_MAX_PER_LEVEL: usize = 10;

struct Annotation {
    rank: Rank,
    command: String,
}

pub struct GithubReport<W: Write> {
    out: W,
    annotations: Vec<Annotation>,
    errors: Vec<String>,
}

impl<W: Write> GithubReport<W> {
    pub fn new(out: W) -> Self {
        GithubReport {
            out,
            annotations: Vec::new(),
            errors: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Major => "warning",
        Severity::Minor => "notice",
    }
}

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    // The runner writes annotations to a log a terminal may show: other
    // control characters (escape sequences) and bidirectional overrides from
    // article text are replaced, as in the terminal view.
    super::sanitise(&s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A"))
}

/// Escapes a property value (`file=`, `title=`): `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl<W: Write> Reporter for GithubReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        if let Some(e) = &doc.error {
            self.errors.push(format!(
                "::error file={},title=calque::{}\n",
                escape_property(&doc.name),
                escape_data(&format!("cannot check this document: {e}"))
            ));
        }
        let lines = LineIndex::new(&doc.text);
        for r in &doc.findings {
            let f = &r.finding;
            let (line, col) = lines.locate(f.start);
            let (end_line, end_col) = lines.locate(f.end);
            let rule = &rules.get(f.rule).id;
            let mut message = f.message.clone();
            if !f.suggestion.is_empty() {
                message.push_str(&format!(" (suggestion : {})", f.suggestion));
            }
            let command = format!(
                "::{} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                level(r.severity),
                escape_property(&doc.name),
                escape_property(rule),
                escape_data(&message)
            );
            self.annotations.push(Annotation {
                rank: Rank {
                    severity: r.severity,
                    penalty: r.penalty,
                    order: self.annotations.len(),
                },
                command,
            });
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        for e in &self.errors {
            self.out.write_all(e.as_bytes())?;
        }
        let mut all: Vec<&Annotation> = self.annotations.iter().collect();
        all.sort_by(|a, b| Rank::most_severe_first(&a.rank, &b.rank));
        // Room per level (minor, major, critical); when something must be
        // left out, the closing notice takes one notice's place.
        let mut room = [GITHUB_MAX_PER_LEVEL; 3];
        let overflows = Severity::ALL
            .iter()
            .any(|&s| all.iter().filter(|a| a.rank.severity == s).count() > GITHUB_MAX_PER_LEVEL);
        if overflows {
            room[Severity::Minor as usize] -= 1;
        }
        let mut omitted = [0usize; 3];
        for a in all {
            let k = a.rank.severity as usize;
            if room[k] > 0 {
                room[k] -= 1;
                self.out.write_all(a.command.as_bytes())?;
            } else {
                omitted[k] += 1;
            }
        }
        let total: usize = omitted.iter().sum();
        if total > 0 {
            let [minor, major, critical] = omitted;
            writeln!(
                self.out,
                "::notice title=calque::{}",
                escape_data(&format!(
                    "{total} more findings not shown as annotations ({critical} critical, {major} major, \
                     {minor} minor): GitHub shows {GITHUB_MAX_PER_LEVEL} per level; see the full report \
                     (--format csv, json or sarif)."
                ))
            )?;
        }
        self.out.flush()
    }
}
