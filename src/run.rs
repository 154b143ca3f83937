//! Runs a checker over many inputs: read and check in parallel (rayon), in
//! bounded batches, and hand the reports to the reporters in input order, so
//! the output bytes do not depend on the number of threads.

use std::io;

use rayon::prelude::*;

use crate::checker::Checker;
use crate::document::{Document, Meta, count_words};
use crate::finding::Severity;
use crate::input::{self, Input};
use crate::report::{DocReport, Reporter, Totals};
use crate::score::{self, Verdict};

/// Documents read and checked at once: memory stays bounded by a batch.
pub const BATCH: usize = 256;

/// What a run saw, for the exit code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Documents, findings and verdicts, as the reports count them.
    pub totals: Totals,
    /// The lowest score of a checked document.
    pub min_score: Option<f64>,
    /// The most severe finding reported.
    pub max_severity: Option<Severity>,
}

/// Reads and checks one input.
pub fn check_input(checker: &Checker, input: &Input, pass_threshold: f64) -> DocReport {
    match input::read(input) {
        Ok(text) => {
            let meta = Meta {
                format: input.format,
                ..Meta::default()
            };
            let doc = Document::new(input.name.clone(), text, meta);
            check_document(checker, doc, pass_threshold)
        }
        Err(e) => DocReport {
            name: input.name.clone(),
            text: String::new(),
            findings: Vec::new(),
            score: score::error_score(),
            error: Some(e),
        },
    }
}

/// Checks a document already in memory.
pub fn check_document(checker: &Checker, doc: Document, pass_threshold: f64) -> DocReport {
    let findings = checker.check(&doc);
    let score = score::score(count_words(&doc.text), &findings, pass_threshold);
    DocReport {
        name: doc.name,
        text: doc.text,
        findings,
        score,
        error: None,
    }
}

/// Checks `inputs` on `pool` and reports them in order. `on_error` hears of
/// each document that could not be checked.
pub fn run(
    pool: &rayon::ThreadPool,
    checker: &Checker,
    inputs: &[Input],
    pass_threshold: f64,
    reporters: &mut [&mut dyn Reporter],
    on_error: &mut dyn FnMut(&str, &str),
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    for batch in inputs.chunks(BATCH) {
        let reports: Vec<DocReport> = pool.install(|| {
            batch
                .par_iter()
                .map(|i| check_input(checker, i, pass_threshold))
                .collect()
        });
        for r in &reports {
            stats.totals.add(r);
            if r.score.verdict == Verdict::Error {
                on_error(&r.name, r.error.as_deref().unwrap_or("unreadable"));
            }
            if let Some(s) = r.score.score {
                stats.min_score = Some(stats.min_score.map_or(s, |m: f64| m.min(s)));
            }
            for f in &r.findings {
                stats.max_severity = stats.max_severity.max(Some(f.severity));
            }
            for rep in reporters.iter_mut() {
                rep.document(r, checker.rules())?;
            }
        }
    }
    for rep in reporters.iter_mut() {
        rep.finish()?;
    }
    Ok(stats)
}
