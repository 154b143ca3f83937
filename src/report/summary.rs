//! The summary CSV (DESIGN.md contract): one row per document.

use std::io::{self, Write};

use super::{DocReport, Reporter, neutralise};
use crate::rules::RuleSet;

pub const HEADER: [&str; 9] = [
    "document", "words", "issues", "critical", "major", "minor", "penalty", "score", "verdict",
];

pub struct SummaryReport<W: Write> {
    out: ::csv::Writer<W>,
}

impl<W: Write> SummaryReport<W> {
    pub fn new(w: W) -> io::Result<Self> {
        let mut out = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(w);
        out.write_record(HEADER)?;
        Ok(SummaryReport { out })
    }
}

impl<W: Write> Reporter for SummaryReport<W> {
    fn document(&mut self, doc: &DocReport, _rules: &RuleSet) -> io::Result<()> {
        let s = &doc.score;
        let [minor, major, critical] = s.by_severity;
        self.out.write_record([
            &*neutralise(&doc.name),
            &s.words.to_string(),
            &s.issues.to_string(),
            &critical.to_string(),
            &major.to_string(),
            &minor.to_string(),
            &format!("{:.2}", s.penalty),
            &s.score.map_or_else(String::new, |x| format!("{x:.1}")),
            s.verdict.as_str(),
        ])?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
