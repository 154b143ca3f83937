//! The SARIF 2.1.0 report, as GitHub code scanning reads it: one JSON document
//! with one run, written by `finish`.
//!
//! The mapping:
//! - `runs[0].tool.driver`: `name` "calque", `version`, and `rules`: every rule
//!   of the [`RuleSet`] in listing order, so a finding's `ruleIndex` is its
//!   [`crate::finding::RuleId`]. A rule has its id, a PascalCase `name` made
//!   from the id (`name.near-miss` → `NameNearMiss`), `shortDescription` (the
//!   summary), `fullDescription` and `help` (the docs),
//!   `defaultConfiguration.level` and `properties` `{category, tags}`.
//! - Levels: critical → `error`, major → `warning`, minor → `note`.
//! - One `result` per finding: `ruleId`, `ruleIndex`, `level` (the severity in
//!   force), `message.text` (the message, then ` Suggestion : X` when there is
//!   one), one location whose `artifactLocation.uri` is the document name as a
//!   relative URI reference (bytes outside the unreserved, sub-delims, `@` and
//!   `/` sets are percent-encoded: `mon article.txt` → `mon%20article.txt`).
//! - Regions: `run.columnKind` is `unicodeCodePoints`, so `startColumn` and
//!   `endColumn` (1-based, `endColumn` just past the last character) count
//!   Unicode scalar values, as [`LineIndex`] does; lines are 1-based and broken
//!   at LF (a CR before it belongs to the break). `charOffset`/`charLength`
//!   count code points from the start of the text, `byteOffset`/`byteLength`
//!   count UTF-8 bytes, and `snippet.text` is the text found.
//! - `partialFingerprints["calque/v1"]`: 16 hex digits of an FNV-1a 64 hash
//!   of the document name, rule id, text found and the occurrence index of that
//!   (rule, text) pair in the document: stable across runs and edits that only
//!   move the finding to another line.
//! - `fixes`, exactly when a finding has a suggestion: one replacement of the
//!   same region by the suggestion.
//! - `properties` of a result: `category`, `confidence` (0..1, two decimals),
//!   `penalty` (two decimals) and `suggestion` (empty when none).
//! - A document that could not be checked becomes an `error` notification in
//!   `invocations[0].toolExecutionNotifications`; the run itself completed, so
//!   `executionSuccessful` stays true.
//! - SARIF consumers keep at most [`SARIF_MAX_RESULTS`] results a run: above
//!   that the most severe are kept (severity, then penalty, then input order),
//!   written in input order, and `run.properties` tells `resultsOmitted` out of
//!   `resultsTotal` (both always present). Memory stays bounded by twice the
//!   limit, whatever the number of findings.
//!
//! Output is deterministic: same input, same bytes (pretty-printed with two
//! spaces, then a newline).

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{DocReport, Rank, Reporter, two_decimals};
use crate::finding::{Reported, Severity};
use crate::fnv::{self, fnv1a};
use crate::rules::{Rule, RuleSet};
use crate::span::LineIndex;

/// Results GitHub code scanning keeps per run.
pub const SARIF_MAX_RESULTS: usize = 5000;

/// The `$schema` of the log.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of calque's partial fingerprint; bump the version if its recipe changes.
const FINGERPRINT_KEY: &str = "calque/v1";

/// A result waiting for `finish`, with what ranks it against the limit.
struct Pending {
    rank: Rank,
    result: Value,
}

pub struct SarifReport<W: Write> {
    out: W,
    tool_version: String,
    rules: Vec<Value>,
    limit: usize,
    results: Vec<Pending>,
    /// Results seen, kept or not.
    total: usize,
    notifications: Vec<Value>,
    /// Whether the run compares against a baseline (results then carry a
    /// `baselineState`).
    baseline: bool,
}

impl<W: Write> SarifReport<W> {
    pub fn new(w: W, rules: &RuleSet, tool_version: &str) -> SarifReport<W> {
        SarifReport {
            out: w,
            tool_version: tool_version.to_string(),
            rules: rules.iter().map(rule_descriptor).collect(),
            limit: SARIF_MAX_RESULTS,
            results: Vec::new(),
            total: 0,
            notifications: Vec::new(),
            baseline: false,
        }
    }

    /// Marks every result `new` or `unchanged` (SARIF `baselineState`).
    pub fn with_baseline(mut self, baseline: bool) -> SarifReport<W> {
        self.baseline = baseline;
        self
    }

    /// Keeps at most `n` results instead of [`SARIF_MAX_RESULTS`].
    pub fn with_limit(mut self, n: usize) -> SarifReport<W> {
        self.limit = n;
        self
    }

    /// Drops all but the `limit` best-ranked results. The ranking is a total
    /// order, so pruning early keeps the same results as pruning at the end.
    fn prune(&mut self) {
        if self.results.len() > self.limit {
            self.results.sort_by(|a, b| Rank::most_severe_first(&a.rank, &b.rank));
            self.results.truncate(self.limit);
        }
    }

    fn push(&mut self, pending: Pending) {
        self.total += 1;
        if self.limit == 0 {
            return;
        }
        self.results.push(pending);
        if self.results.len() >= self.limit.saturating_mul(2) {
            self.prune();
        }
    }
}

impl<W: Write> Reporter for SarifReport<W> {
    fn document(&mut self, doc: &DocReport, rules: &RuleSet) -> io::Result<()> {
        let uri = uri_reference(&doc.name);
        if let Some(error) = &doc.error {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{} : {}", doc.name, error) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
            }));
        }
        if doc.findings.is_empty() {
            return Ok(());
        }
        let lines = LineIndex::new(&doc.text);
        let mut chars = CharCounter::new(&doc.text);
        // Occurrences of each (rule, text found) pair so far, for fingerprints.
        let mut seen: HashMap<(u16, &str), usize> = HashMap::new();
        for r in &doc.findings {
            let f = &r.finding;
            let found = doc.text.get(f.start..f.end);
            let occurrence = {
                let n = seen.entry((f.rule.0, found.unwrap_or(""))).or_insert(0);
                *n += 1;
                *n - 1
            };
            let region = found.map(|found| {
                let (start_line, start_column) = lines.locate(f.start);
                let (end_line, end_column) = lines.locate(f.end);
                let char_offset = chars.count(f.start);
                let char_length = found.chars().count();
                json!({
                    "startLine": start_line,
                    "startColumn": start_column,
                    "endLine": end_line,
                    "endColumn": end_column,
                    "charOffset": char_offset,
                    "charLength": char_length,
                    "byteOffset": f.start,
                    "byteLength": f.end - f.start,
                    "snippet": { "text": found },
                })
            });
            let rule_id = rules
                .iter()
                .nth(usize::from(f.rule.0))
                .map_or("", |rule| rule.id.as_str());
            let mut result = result(
                r,
                rule_id,
                &uri,
                region,
                &fingerprint(&doc.name, rule_id, found.unwrap_or(""), occurrence),
            );
            if let (true, Some(obj)) = (self.baseline, result.as_object_mut()) {
                let state = if r.baselined { "unchanged" } else { "new" };
                obj.insert("baselineState".into(), json!(state));
            }
            let order = self.total;
            self.push(Pending {
                rank: Rank {
                    severity: r.severity,
                    penalty: r.penalty,
                    order,
                },
                result,
            });
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.prune();
        let mut kept = std::mem::take(&mut self.results);
        kept.sort_by_key(|p| p.rank.order);
        let results: Vec<Value> = kept.into_iter().map(|p| p.result).collect();
        let omitted = self.total - results.len();
        let log = json!({
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "calque",
                        "version": self.tool_version,
                        "rules": self.rules,
                    }
                },
                "invocations": [{
                    "executionSuccessful": true,
                    "toolExecutionNotifications": std::mem::take(&mut self.notifications),
                }],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "resultsOmitted": omitted,
                    "resultsTotal": self.total,
                },
            }],
        });
        self.total = 0;
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

/// The SARIF level of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Major => "warning",
        Severity::Minor => "note",
    }
}

fn rule_descriptor(rule: &Rule) -> Value {
    let summary = if rule.summary.trim().is_empty() {
        &rule.id
    } else {
        &rule.summary
    };
    let docs = if rule.docs.trim().is_empty() {
        summary
    } else {
        &rule.docs
    };
    json!({
        "id": rule.id,
        "name": pascal_case(&rule.id),
        "shortDescription": { "text": summary },
        "fullDescription": { "text": docs },
        "defaultConfiguration": { "level": level(rule.severity) },
        "help": { "text": docs },
        "properties": {
            "category": rule.category.as_str(),
            "tags": [rule.category.as_str()],
        },
    })
}

fn result(r: &Reported, rule_id: &str, uri: &str, region: Option<Value>, fingerprint: &str) -> Value {
    let f = &r.finding;
    let message = if f.suggestion.is_empty() {
        f.message.clone()
    } else {
        format!("{} Suggestion : {}", f.message, f.suggestion)
    };
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), json!({ "uri": uri }));
    let fixes = match &region {
        Some(region) if !f.suggestion.is_empty() => Some(json!([{
            "description": { "text": format!("Remplacer par « {} »", f.suggestion) },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": [{
                    "deletedRegion": region,
                    "insertedContent": { "text": f.suggestion },
                }],
            }],
        }])),
        _ => None,
    };
    if let Some(region) = region {
        physical.insert("region".into(), region);
    }
    let mut result = json!({
        "ruleId": rule_id,
        "ruleIndex": f.rule.0,
        "level": level(r.severity),
        "message": { "text": message },
        "locations": [{ "physicalLocation": physical }],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
        "properties": {
            "category": r.category.as_str(),
            "confidence": f.confidence.value(),
            "penalty": two_decimals(r.penalty),
            "suggestion": f.suggestion,
        },
    });
    if let (Some(fixes), Some(obj)) = (fixes, result.as_object_mut()) {
        obj.insert("fixes".into(), fixes);
    }
    result
}

/// `name.near-miss` → `NameNearMiss`; the id itself if it has no letter or digit.
fn pascal_case(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for part in id.split(|c: char| !c.is_alphanumeric()) {
        let mut cs = part.chars();
        if let Some(first) = cs.next() {
            out.extend(first.to_uppercase());
            out.push_str(cs.as_str());
        }
    }
    if out.is_empty() { id.to_string() } else { out }
}

/// A document name as a relative URI reference (RFC 3986): unreserved
/// characters, sub-delims, `@` and `/` stay; every other byte, `:` included
/// (so `C:` cannot read as a scheme), is percent-encoded.
pub fn uri_reference(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for &b in name.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The partial fingerprint of a finding: no line or column in it. Fields are
/// separated by 0xFF, a byte no UTF-8 text contains.
fn fingerprint(document: &str, rule_id: &str, found: &str, occurrence: usize) -> String {
    let mut h = fnv::OFFSET;
    for field in [document.as_bytes(), rule_id.as_bytes(), found.as_bytes()] {
        h = fnv1a(h, field);
        h = fnv1a(h, &[0xFF]);
    }
    h = fnv1a(h, &(occurrence as u64).to_le_bytes());
    format!("{h:016x}")
}

/// Code points before a byte offset, counted on from the previous query when
/// offsets grow (findings come in text order), from the start otherwise.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// `offset` must be a char boundary of the text (callers checked it).
    fn count(&mut self, offset: usize) -> usize {
        if offset < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text.get(self.byte..offset).map_or(0, |s| s.chars().count());
        self.byte = offset;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_pascal_case_names() {
        assert_eq!(pascal_case("name.near-miss"), "NameNearMiss");
        assert_eq!(pascal_case("false-friend.éventuellement"), "FalseFriendÉventuellement");
        assert_eq!(pascal_case("--"), "--");
    }

    #[test]
    fn names_become_relative_uri_references() {
        assert_eq!(uri_reference("fixtures/mt-01.txt"), "fixtures/mt-01.txt");
        assert_eq!(uri_reference("mon article#1?.txt"), "mon%20article%231%3F.txt");
        assert_eq!(uri_reference("C:\\a\\é.txt"), "C%3A%5Ca%5C%C3%A9.txt");
        assert_eq!(uri_reference("100%.txt"), "100%25.txt");
    }

    #[test]
    fn chars_are_counted_forwards_and_backwards() {
        let mut c = CharCounter::new("çé x ï");
        assert_eq!(c.count(4), 2);
        assert_eq!(c.count(6), 4);
        assert_eq!(c.count(2), 1);
        assert_eq!(c.count(0), 0);
    }
}
