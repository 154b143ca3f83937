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

use std::io;

use crate::finding::Reported;
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
