//! Runs a checker over many inputs: read and check in parallel (rayon), in
//! bounded batches, and hand the reports to the reporters in input order, so
//! the output bytes do not depend on the number of threads.

use std::io;

use rayon::prelude::*;

use crate::checker::Checker;
use crate::document::{Document, Meta, count_words};
use crate::finding::Severity;
use crate::input::{self, Input};
use crate::known::{Known, Sorted};
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

/// How a run scores and what it already knows.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// A document passes at or above this score.
    pub pass_threshold: f64,
    /// The baseline and accept lists.
    pub known: &'a Known,
    /// Keep baselined findings in the reports (marked; they still do not count).
    pub show_baselined: bool,
}

static NOTHING_KNOWN: Known = Known {
    baseline: None,
    accept: crate::known::AcceptList::EMPTY,
};

impl Options<'static> {
    /// A threshold, no baseline, no accept list.
    pub fn threshold(pass_threshold: f64) -> Self {
        Options {
            pass_threshold,
            known: &NOTHING_KNOWN,
            show_baselined: false,
        }
    }
}

/// Reads and checks one input.
pub fn check_input(checker: &Checker, input: &Input, opts: &Options<'_>) -> DocReport {
    match input::read(input) {
        Ok(text) => {
            let meta = Meta {
                format: input.format,
                ..Meta::default()
            };
            let doc = Document::new(input.name.clone(), text, meta);
            check_known(checker, doc, opts)
        }
        Err(e) => DocReport {
            name: input.name.clone(),
            text: String::new(),
            findings: Vec::new(),
            score: score::error_score(),
            error: Some(e),
            known: Sorted::default(),
        },
    }
}

/// Checks a document already in memory.
pub fn check_document(checker: &Checker, doc: Document, pass_threshold: f64) -> DocReport {
    check_known(checker, doc, &Options::threshold(pass_threshold))
}

/// Checks a document already in memory, with a baseline and accept lists.
pub fn check_known(checker: &Checker, doc: Document, opts: &Options<'_>) -> DocReport {
    let mut findings = checker.check(&doc);
    let known = opts.known.sort(&doc.name, &doc.text, &mut findings, checker.rules());
    let score = score::score(count_words(&doc.text), &findings, opts.pass_threshold);
    if !opts.show_baselined && known.baselined > 0 {
        findings.retain(|r| !r.baselined);
    }
    DocReport {
        name: doc.name,
        text: doc.text,
        findings,
        score,
        error: None,
        known,
    }
}

/// Checks `inputs` on `pool` and reports them in order. `on_error` hears of
/// each document that could not be checked.
pub fn run(
    pool: &rayon::ThreadPool,
    checker: &Checker,
    inputs: &[Input],
    opts: &Options<'_>,
    reporters: &mut [&mut dyn Reporter],
    on_error: &mut dyn FnMut(&str, &str),
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    for batch in inputs.chunks(BATCH) {
        let reports: Vec<DocReport> =
            pool.install(|| batch.par_iter().map(|i| check_input(checker, i, opts)).collect());
        for r in &reports {
            stats.totals.add(r);
            if r.score.verdict == Verdict::Error {
                on_error(&r.name, r.error.as_deref().unwrap_or("unreadable"));
            }
            if let Some(s) = r.score.score {
                stats.min_score = Some(stats.min_score.map_or(s, |m: f64| m.min(s)));
            }
            for f in r.findings.iter().filter(|f| !f.baselined) {
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
