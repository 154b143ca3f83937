//! The CSV report (DESIGN.md contract): one row per finding.

use std::io::{self, Write};

use super::{DocReport, Reporter, neutralise};
use crate::rules::RuleSet;
use crate::span::LineIndex;

pub const HEADER: [&str; 13] = [
    "document",
    "line",
    "column",
    "start",
    "end",
    "rule",
    "category",
    "severity",
    "confidence",
    "penalty",
    "found",
    "suggestion",
    "message",
];

pub struct CsvReport<W: Write> {
    out: ::csv::Writer<W>,
}

impl<W: Write> CsvReport<W> {
    pub fn new(w: W) -> io::Result<Self> {
        let mut out = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(w);
        out.write_record(HEADER)?;
        Ok(CsvReport { out })
    }
}

impl<W: Write> Reporter for CsvReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        if doc.findings.is_empty() {
            return Ok(());
        }
        let lines = LineIndex::new(&doc.text);
        let name = neutralise(&doc.name);
        for r in &doc.findings {
            let f = &r.finding;
            let (line, column) = lines.locate(f.start);
            let rule = rules.get(f.rule);
            self.out.write_record([
                &*name,
                &line.to_string(),
                &column.to_string(),
                &f.start.to_string(),
                &f.end.to_string(),
                &rule.id,
                r.category.as_str(),
                r.severity.as_str(),
                &f.confidence.to_string(),
                &format!("{:.2}", r.penalty),
                &neutralise(&doc.text[f.start..f.end]),
                &neutralise(&f.suggestion),
                &neutralise(&f.message),
            ])?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
