//! Reporters: they format, never detect. Each format is its own file.

mod csv;
mod github;
mod json;
mod jsonl;
mod pretty;
mod sarif;
mod summary;

pub use csv::CsvReport;
pub use github::{GITHUB_MAX_PER_LEVEL, GithubReport, escape_data, escape_property};
pub use json::JsonReport;
pub use jsonl::JsonlReport;
pub use pretty::{PrettyReport, sanitise};
pub use sarif::{SARIF_MAX_RESULTS, SarifReport};
pub use summary::SummaryReport;

use std::cmp::Ordering;
use std::io;

use crate::finding::{Reported, Severity};
use crate::rules::RuleSet;
use crate::score::DocScore;

/// Everything reporters need to know about one checked (or unreadable) document.
pub struct DocReport {
    pub name: String,
    /// The decoded text (empty for a document in error).
    pub text: String,
    pub findings: Vec<Reported>,
    pub score: DocScore,
    /// Why the document could not be checked.
    pub error: Option<String>,
    /// Findings the baseline and accept lists took out of the count.
    pub known: crate::known::Sorted,
    /// Metadata for the `json` report: a feed record's fields (but its
    /// text), an HTML page's title and where its text was taken from.
    pub record: Option<serde_json::Map<String, serde_json::Value>>,
    /// What the user should hear about the document (`--lossy` decoding).
    pub warning: Option<String>,
}

/// Where a finding stands when only some can be shown (GitHub's annotations
/// per level, SARIF's results per run): most severe first, then the highest
/// penalty, then input order.
#[derive(Clone, Copy, Debug)]
pub struct Rank {
    pub severity: Severity,
    pub penalty: f64,
    /// Input order over the whole run.
    pub order: usize,
}

impl Rank {
    pub fn most_severe_first(a: &Rank, b: &Rank) -> Ordering {
        b.severity
            .cmp(&a.severity)
            .then_with(|| b.penalty.total_cmp(&a.penalty))
            .then_with(|| a.order.cmp(&b.order))
    }
}

/// What a run's reports add up to: documents, findings by severity, verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub findings: usize,
    /// minor, major, critical.
    pub by_severity: [usize; 3],
    pub failed: usize,
    pub errors: usize,
    /// Findings a baseline holds (shown or not).
    pub baselined: usize,
    /// Findings an accept list took out.
    pub accepted: usize,
}

impl Totals {
    pub fn add(&mut self, doc: &DocReport) {
        self.documents += 1;
        for r in doc.findings.iter().filter(|r| !r.baselined) {
            self.findings += 1;
            self.by_severity[r.severity as usize] += 1;
        }
        self.baselined += doc.known.baselined;
        self.accepted += doc.known.accepted;
        match doc.score.verdict {
            crate::score::Verdict::Fail => self.failed += 1,
            crate::score::Verdict::Error => self.errors += 1,
            crate::score::Verdict::Pass => {}
        }
    }
}

/// `x` rounded to two decimals, as the CSV prints penalties and confidences;
/// 0 for a non-finite value (JSON has none).
pub fn two_decimals(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// A push interface: documents arrive in input order, then `finish`.
pub trait Reporter {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// Neutralises a text cell a spreadsheet would run as a formula (DESIGN.md):
/// a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` before it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Kouleba"), "Kouleba");
        assert_eq!(neutralise(""), "");
    }
}
