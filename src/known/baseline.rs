//! A baseline: the CSV report of an earlier run. Its rows are matched on
//! document, rule and found text, so line shifts do not matter, and as a
//! multiset: each row absorbs one finding.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::config::ConfigError;

/// (rule, found) → how many times, by document (as the CSV writes them:
/// neutralised cells).
#[derive(Debug, Default)]
pub struct Baseline {
    documents: FxHashMap<String, FxHashMap<(String, String), u32>>,
    rows: usize,
}

/// One document's baseline rows, used up as findings match them.
pub struct Rows(FxHashMap<(String, String), u32>);

impl Rows {
    /// Uses up one row of `rule` and `found`, if one is left.
    pub fn take(&mut self, rule: &str, found: &str) -> bool {
        // Keys are owned strings; a small allocation per finding of a
        // baselined document only.
        match self.0.get_mut(&(rule.to_string(), found.to_string())) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, ConfigError> {
        let file = super::open(path, "baseline")?;
        Baseline::parse(&path.display().to_string(), file)
    }

    /// Parses a calque CSV report named `name`: the `document`, `rule` and
    /// `found` columns are used, the others ignored.
    pub fn parse(name: &str, reader: impl std::io::Read) -> Result<Baseline, ConfigError> {
        let error = |line: u64, message: String| ConfigError::at(name, line as usize, message);
        let mut csv = csv::ReaderBuilder::new().flexible(false).from_reader(reader);
        let headers = csv
            .headers()
            .map_err(|e| error(1, format!("not a CSV report: {e}")))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| error(1, format!("not a calque CSV report: no `{name}` column")))
        };
        let (doc, rule, found) = (column("document")?, column("rule")?, column("found")?);
        let mut base = Baseline::default();
        for record in csv.records() {
            let record = record.map_err(|e| super::bad_row(name, &e))?;
            *base
                .documents
                .entry(record[doc].to_string())
                .or_default()
                .entry((record[rule].to_string(), record[found].to_string()))
                .or_default() += 1;
            base.rows += 1;
        }
        Ok(base)
    }

    /// How many findings it holds.
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The rows of `document` (its CSV cell), to use up.
    pub fn rows_of(&self, document: &str) -> Option<Rows> {
        self.documents.get(document).map(|m| Rows(m.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_a_multiset_per_document() {
        let csv = "document,line,rule,found,other\na.txt,1,r.x,Kuleba,\na.txt,9,r.x,Kuleba,\nb.txt,2,r.y,NATO,\n";
        let b = Baseline::parse("base.csv", csv.as_bytes()).unwrap();
        assert_eq!(b.len(), 3);
        let mut a = b.rows_of("a.txt").unwrap();
        assert!(a.take("r.x", "Kuleba"));
        assert!(a.take("r.x", "Kuleba"));
        assert!(!a.take("r.x", "Kuleba"), "two rows absorb two findings");
        assert!(!a.take("r.y", "NATO"), "rows belong to their document");
        assert!(b.rows_of("b.txt").unwrap().take("r.y", "NATO"));
        assert!(b.rows_of("c.txt").is_none());
    }

    #[test]
    fn a_file_that_is_no_report_is_an_error_with_its_line() {
        let e = Baseline::parse("x.csv", "name,score\na,1\n".as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), "x.csv:1: not a calque CSV report: no `document` column");
        let e = Baseline::parse("x.csv", "document,rule,found\na,b,c\na,b\n".as_bytes()).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
    }
}
