//! JSON Lines: one object per finding, with the CSV report's fields in its
//! column order (numbers as numbers, no formula neutralising: JSON readers
//! do not run cells).

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{DocReport, Reporter, two_decimals};
use crate::finding::Reported;
use crate::rules::RuleSet;
use crate::span::LineIndex;

/// A finding as a JSON object: the CSV columns, in order (and `baselined`
/// when it is).
pub(super) fn finding_object(
    doc: &DocReport,
    lines: &LineIndex<'_>,
    r: &Reported,
    rules: &RuleSet,
) -> Map<String, Value> {
    let f = &r.finding;
    let (line, column) = lines.locate(f.start);
    let mut m = Map::new();
    m.insert("document".into(), json!(doc.name));
    m.insert("line".into(), json!(line));
    m.insert("column".into(), json!(column));
    m.insert("start".into(), json!(f.start));
    m.insert("end".into(), json!(f.end));
    m.insert("rule".into(), json!(rules.get(f.rule).id));
    m.insert("category".into(), json!(r.category.as_str()));
    m.insert("severity".into(), json!(r.severity.as_str()));
    m.insert("confidence".into(), json!(two_decimals(f.confidence.value())));
    m.insert("penalty".into(), json!(two_decimals(r.penalty)));
    m.insert("found".into(), json!(&doc.text[f.start..f.end]));
    m.insert("suggestion".into(), json!(f.suggestion));
    m.insert("message".into(), json!(f.message));
    if r.baselined {
        // Only with --show-baselined: the baseline knows it; it does not count.
        m.insert("baselined".into(), json!(true));
    }
    m
}

pub struct JsonlReport<W: Write> {
    out: W,
}

impl<W: Write> JsonlReport<W> {
    pub fn new(out: W) -> Self {
        JsonlReport { out }
    }
}

impl<W: Write> Reporter for JsonlReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        if doc.findings.is_empty() {
            return Ok(());
        }
        let lines = LineIndex::new(&doc.text);
        for r in &doc.findings {
            serde_json::to_writer(&mut self.out, &finding_object(doc, &lines, r, rules))?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
