//! One JSON document for the whole run: the tool and KB versions, every
//! document with its score, verdict and findings, and the totals.
//!
//! ```json
//! { "calque": "0.1.0", "kb": "9f2c…", "documents": [ { "document": "a.txt",
//!   "words": 412, "score": 87.9, "verdict": "fail", "findings": [ … ] } ],
//!   "totals": { "documents": 1, "findings": 3, … } }
//! ```
//!
//! Documents are written as they come (in input order), so memory does not
//! grow with the run; the totals close the document.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::jsonl::finding_object;
use super::{DocReport, Reporter, Totals, two_decimals};
use crate::rules::RuleSet;
use crate::span::LineIndex;

pub struct JsonReport<W: Write> {
    out: W,
    header: Option<(String, String)>,
    totals: Totals,
}

impl<W: Write> JsonReport<W> {
    /// `version`: calque's; `kb`: the KB's fingerprint.
    pub fn new(out: W, version: &str, kb: &str) -> Self {
        JsonReport {
            out,
            header: Some((version.to_string(), kb.to_string())),
            totals: Totals::default(),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if let Some((version, kb)) = self.header.take() {
            write!(
                self.out,
                "{{\"calque\":{},\"kb\":{},\"documents\":[",
                Value::from(version),
                Value::from(kb)
            )?;
        }
        Ok(())
    }
}

impl<W: Write> Reporter for JsonReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        self.start()?;
        let lines = LineIndex::new(&doc.text);
        let findings: Vec<Value> = doc
            .findings
            .iter()
            .map(|r| {
                let mut m = finding_object(doc, &lines, r, rules);
                m.shift_remove("document");
                Value::Object(m)
            })
            .collect();
        let s = &doc.score;
        let mut d = serde_json::Map::new();
        d.insert("document".into(), json!(doc.name));
        d.insert("words".into(), json!(s.words));
        d.insert(
            "score".into(),
            s.score.map_or(Value::Null, |x| json!((x * 10.0).round() / 10.0)),
        );
        d.insert("verdict".into(), json!(s.verdict.as_str()));
        d.insert("penalty".into(), json!(two_decimals(s.penalty)));
        d.insert("baselined".into(), json!(doc.known.baselined));
        d.insert("accepted".into(), json!(doc.known.accepted));
        if let Some(record) = &doc.record {
            d.insert("record".into(), Value::Object(record.clone()));
        }
        if let Some(e) = &doc.error {
            d.insert("error".into(), json!(e));
        }
        d.insert("findings".into(), Value::Array(findings));
        if self.totals.documents > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, &d)?;
        self.totals.add(doc);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start()?;
        let t = self.totals;
        let [minor, major, critical] = t.by_severity;
        let totals = json!({
            "documents": t.documents,
            "findings": t.findings,
            "critical": critical,
            "major": major,
            "minor": minor,
            "failed": t.failed,
            "errors": t.errors,
            "baselined": t.baselined,
            "accepted": t.accepted,
        });
        write!(self.out, "\n],\"totals\":{totals}}}\n")?;
        self.out.flush()
    }
}
