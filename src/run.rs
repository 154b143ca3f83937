//! Runs a checker over many inputs: read and check in parallel (rayon), in
//! bounded batches, and hand the reports to the reporters in input order, so
//! the output bytes do not depend on the number of threads.

use std::io;

use rayon::prelude::*;

use crate::checker::Checker;
use crate::document::{Document, count_words};
use crate::finding::Severity;
use rustc_hash::FxHashSet;

use crate::input::Input;
use crate::input::jobs::{Job, Jobs, Loaded, Payload, Shard, load};
use crate::known::{Known, Sorted};
use crate::report::{DocReport, Reporter, Totals};
use crate::score::{self, Verdict};

/// Documents read and checked at once: memory stays bounded by a batch.
pub const BATCH: usize = 256;
/// A batch also ends once it stands for this many input bytes.
pub const BATCH_BYTES: u64 = 8 << 20;

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
    /// Check only this shard of the documents.
    pub shard: Option<Shard>,
    /// Decode invalid UTF-8 with replacement characters instead of failing.
    pub lossy: bool,
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
            shard: None,
            lossy: false,
        }
    }
}

/// Checks one loaded document (or reports why it could not be).
pub fn check_loaded(checker: &Checker, loaded: Loaded, opts: &Options<'_>) -> DocReport {
    match loaded.text {
        Ok(text) => {
            let doc = Document::new(loaded.name, text, loaded.meta);
            let mut r = check_known(checker, doc, opts);
            r.record = loaded.record;
            r.warning = loaded.warning;
            r
        }
        Err(e) => DocReport {
            name: loaded.name,
            text: String::new(),
            findings: Vec::new(),
            score: score::error_score(),
            error: Some(e),
            known: Sorted::default(),
            record: loaded.record,
            warning: loaded.warning,
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
        record: None,
        warning: None,
    }
}

/// What a run tells its caller as it goes.
pub trait Observer {
    /// A document could not be checked.
    fn error(&mut self, name: &str, why: &str);
    /// Something is odd but the run goes on (a duplicate id).
    fn warning(&mut self, message: &str);
    /// A batch was reported: the totals so far and the input bytes done.
    fn progress(&mut self, _totals: &Totals, _bytes: u64) {}
}

/// Checks `inputs` on `pool` and reports them in input order. A reader
/// thread expands the inputs into jobs (a JSONL feed line by line) and hands
/// them over in bounded batches while the pool checks the previous batch:
/// memory holds a few batches, whatever the size of the input.
pub fn run(
    pool: &rayon::ThreadPool,
    checker: &Checker,
    inputs: &[Input],
    opts: &Options<'_>,
    reporters: &mut [&mut dyn Reporter],
    observer: &mut dyn Observer,
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    let mut bytes_done = 0u64;
    // Names met so far in each feed (hashed), for duplicate ids.
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    std::thread::scope(|scope| {
        // Three stages, each on its own thread, so that reading, checking and
        // writing overlap: reader -> (batches of jobs) -> checker, on the pool
        // -> (batches of reports) -> this thread, which reports in order.
        let (jobs_tx, jobs_rx) = std::sync::mpsc::sync_channel::<Vec<Job>>(2);
        let (reports_tx, reports_rx) = std::sync::mpsc::sync_channel::<(u64, Vec<(bool, DocReport)>)>(2);
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0u64;
            for job in Jobs::new(inputs) {
                bytes += job.bytes;
                batch.push(job);
                if batch.len() >= BATCH || bytes >= BATCH_BYTES {
                    if jobs_tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = jobs_tx.send(batch);
            }
        });
        scope.spawn(move || {
            for batch in jobs_rx {
                let bytes: u64 = batch.iter().map(|j| j.bytes).sum();
                // (from a feed, report), in input order.
                let reports: Vec<(bool, DocReport)> = pool.install(|| {
                    batch
                        .into_par_iter()
                        .filter_map(|job| {
                            let feed = matches!(job.payload, Payload::Line { .. } | Payload::Item(_));
                            let loaded = load(job, inputs, opts.shard, opts.lossy)?;
                            Some((feed, check_loaded(checker, loaded, opts)))
                        })
                        .collect()
                });
                if reports_tx.send((bytes, reports)).is_err() {
                    return;
                }
            }
        });
        for (bytes, reports) in reports_rx {
            bytes_done += bytes;
            for (feed, r) in &reports {
                if *feed && !seen.insert(crate::fnv::fnv1a(crate::fnv::OFFSET, r.name.as_bytes())) {
                    observer.warning(&format!("{}: the id is not unique in its feed", r.name));
                }
                if let Some(w) = &r.warning {
                    observer.warning(&format!("{}: {w}", r.name));
                }
                stats.totals.add(r);
                if r.score.verdict == Verdict::Error {
                    observer.error(&r.name, r.error.as_deref().unwrap_or("unreadable"));
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
            observer.progress(&stats.totals, bytes_done);
        }
        for rep in reporters.iter_mut() {
            rep.finish()?;
        }
        Ok(stats)
    })
}
