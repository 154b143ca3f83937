//! Accept lists (`calque-accept.csv`): findings an editor accepted once and
//! for all. Columns `rule`, `found` (the exact text), and optionally
//! `document` (a glob on the document name; empty for every document) and
//! `reason`.

use std::path::Path;

use std::collections::BTreeMap;

use crate::config::ConfigError;
use crate::input::Globs;
use crate::rules::RuleSet;

#[derive(Debug)]
struct Entry {
    /// `None`: every document.
    documents: Option<Globs>,
    /// Where the row is, for errors.
    file: String,
    line: usize,
}

#[derive(Debug, Default)]
pub struct AcceptList {
    /// (rule, found) → the rows that accept it.
    entries: BTreeMap<(String, String), Vec<Entry>>,
}

const COLUMNS: [&str; 4] = ["rule", "found", "document", "reason"];

impl AcceptList {
    /// No rows.
    pub const EMPTY: AcceptList = AcceptList {
        entries: BTreeMap::new(),
    };

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    /// Adds the rows of the accept list at `path`.
    pub fn read(&mut self, path: &Path) -> Result<(), ConfigError> {
        let file = super::open(path, "accept list")?;
        self.parse(&path.display().to_string(), file)
    }

    /// Adds the rows of an accept list named `name`.
    pub fn parse(&mut self, name: &str, reader: impl std::io::Read) -> Result<(), ConfigError> {
        let error = |line: u64, message: String| ConfigError::at(name, line as usize, message);
        let mut csv = csv::ReaderBuilder::new().flexible(false).from_reader(reader);
        let headers = csv.headers().map_err(|e| error(1, format!("bad CSV: {e}")))?.clone();
        for h in &headers {
            if !COLUMNS.contains(&h) {
                return Err(error(
                    1,
                    format!("unknown column `{h}` (expected rule, found, and optionally document, reason)"),
                ));
            }
        }
        let column = |name: &str| headers.iter().position(|h| h == name);
        let (Some(rule), Some(found)) = (column("rule"), column("found")) else {
            return Err(error(1, "an accept list needs the columns `rule` and `found`".into()));
        };
        let document = column("document");
        for record in csv.records() {
            let record = record.map_err(|e| super::bad_row(name, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(str::is_empty) {
                continue;
            }
            if record[rule].is_empty() || record[found].is_empty() {
                return Err(error(line, "`rule` and `found` must not be empty".into()));
            }
            let documents = match document.map(|k| &record[k]).filter(|g| !g.is_empty()) {
                Some(g) => Some(Globs::new(&[g]).map_err(|e| error(line, e))?),
                None => None,
            };
            self.entries
                .entry((record[rule].to_string(), record[found].to_string()))
                .or_default()
                .push(Entry {
                    documents,
                    file: name.to_string(),
                    line: line as usize,
                });
        }
        Ok(())
    }

    /// Whether a finding of `rule` on `found` in `document` is accepted.
    pub fn accepts(&self, document: &str, rule: &str, found: &str) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        self.entries
            .get(&(rule.to_string(), found.to_string()))
            .is_some_and(|es| {
                es.iter()
                    .any(|e| e.documents.as_ref().is_none_or(|g| g.matches_name(document)))
            })
    }

    /// Rows whose rule is no rule of `rules`, in file order.
    pub fn check_rules(&self, rules: &RuleSet) -> Vec<ConfigError> {
        let mut out: Vec<ConfigError> = self
            .entries
            .iter()
            .filter(|((rule, _), _)| rules.find(rule).is_none())
            .flat_map(|((rule, _), es)| {
                es.iter().map(move |e| {
                    ConfigError::at(&e.file, e.line, format!("no rule `{rule}` (calque rules lists them)"))
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_accept_a_rule_and_text_in_the_documents_of_their_glob() {
        let mut a = AcceptList::default();
        a.parse(
            "calque-accept.csv",
            "rule,found,document,reason\n\
             name.near-miss,Synegoubov,,AFP spelling\n\
             untranslated.english-word,briefing,sport/**,house style\n\
             ,,,\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(a.len(), 2);
        assert!(a.accepts("any.txt", "name.near-miss", "Synegoubov"));
        assert!(!a.accepts("any.txt", "name.near-miss", "synegoubov"), "found is exact");
        assert!(!a.accepts("any.txt", "name.known-variant", "Synegoubov"));
        assert!(a.accepts("sport/foot/a.txt", "untranslated.english-word", "briefing"));
        assert!(!a.accepts("news/a.txt", "untranslated.english-word", "briefing"));
    }

    #[test]
    fn bad_rows_and_unknown_rules_name_their_line() {
        let mut a = AcceptList::default();
        let e = a.parse("acc.csv", "rule,text\n".as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("acc.csv:1: unknown column `text`"), "{e}");
        let e = a.parse("acc.csv", "rule,found\nx,y\nx,\n".as_bytes()).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = a
            .parse("acc.csv", "rule,found,document\nx,y,a/[\n".as_bytes())
            .unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let mut a = AcceptList::default();
        a.parse("acc.csv", "rule,found\nname.near-miss,X\nname.nearmiss,Y\n".as_bytes())
            .unwrap();
        let rules = RuleSet::new(&crate::kb::Kb::embedded());
        let bad = a.check_rules(&rules);
        assert_eq!(bad.len(), 1);
        assert_eq!(
            bad[0].to_string(),
            "acc.csv:3: no rule `name.nearmiss` (calque rules lists them)"
        );
    }
}
