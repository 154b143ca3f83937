//! Findings a team already knows of: a baseline (a report calque wrote
//! before) and accept lists (false positives an editor accepted for good).
//! Known findings do not count for scores or gates.

mod accept;
mod baseline;

pub use accept::AcceptList;
pub use baseline::Baseline;

use std::path::Path;

use crate::config::ConfigError;
use crate::finding::Reported;
use crate::report::neutralise;
use crate::rules::RuleSet;

/// Opens the CSV file of a baseline or accept list (`what`), or says why not.
fn open(path: &Path, what: &str) -> Result<std::fs::File, ConfigError> {
    std::fs::File::open(path)
        .map_err(|e| ConfigError::at(&path.display().to_string(), 0, format!("cannot read the {what}: {e}")))
}

/// The problem of a CSV row the reader refused, at its line.
fn bad_row(name: &str, e: &csv::Error) -> ConfigError {
    let line = e.position().map_or(0, |p| p.line());
    ConfigError::at(name, line as usize, format!("bad CSV row: {e}"))
}

/// The baseline and accept lists of a run.
#[derive(Debug, Default)]
pub struct Known {
    pub baseline: Option<Baseline>,
    pub accept: AcceptList,
}

/// What [`Known::sort`] did to one document's findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sorted {
    /// Findings matched by the baseline.
    pub baselined: usize,
    /// Findings matched by an accept list (removed).
    pub accepted: usize,
}

impl Known {
    /// Rule ids of the accept lists that name no rule of `rules`.
    pub fn check_rules(&self, rules: &RuleSet) -> Vec<ConfigError> {
        self.accept.check_rules(rules)
    }

    /// Removes accepted findings from `findings` and marks those the baseline
    /// knows (`Reported::baselined`); the first findings in text order are the
    /// ones a baseline row absorbs.
    pub fn sort(&self, document: &str, text: &str, findings: &mut Vec<Reported>, rules: &RuleSet) -> Sorted {
        let mut sorted = Sorted::default();
        if !self.accept.is_empty() {
            let before = findings.len();
            findings.retain(|r| {
                let f = &r.finding;
                !self
                    .accept
                    .accepts(document, &rules.get(f.rule).id, &text[f.start..f.end])
            });
            sorted.accepted = before - findings.len();
        }
        if let Some(base) = &self.baseline {
            let doc = neutralise(document);
            if let Some(mut rows) = base.rows_of(&doc) {
                for r in findings.iter_mut() {
                    let f = &r.finding;
                    if rows.take(&rules.get(f.rule).id, &neutralise(&text[f.start..f.end])) {
                        r.baselined = true;
                        sorted.baselined += 1;
                    }
                }
            }
        }
        sorted
    }
}
