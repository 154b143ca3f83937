//! The rule table of a checker: every rule it can report, in listing order.

use crate::checks::{self, RuleMeta};
use crate::finding::{Category, RuleId, Severity};

/// A rule as the checker runs it.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    /// The default severity.
    pub severity: Severity,
    pub summary: String,
    pub docs: String,
}

impl From<&RuleMeta> for Rule {
    fn from(m: &RuleMeta) -> Self {
        Rule {
            id: m.id.to_string(),
            category: m.category,
            severity: m.severity,
            summary: m.summary.to_string(),
            docs: m.docs.to_string(),
        }
    }
}

pub struct RuleSet {
    rules: Vec<Rule>,
    /// Built-in rule ids and their index, for the checks' sinks.
    builtin: Vec<(&'static str, RuleId)>,
}

impl Default for RuleSet {
    fn default() -> Self {
        let metas: Vec<&'static RuleMeta> = checks::builtin_rules().collect();
        RuleSet {
            rules: metas.iter().map(|m| Rule::from(*m)).collect(),
            builtin: metas
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, RuleId(i as u16)))
                .collect(),
        }
    }
}

impl RuleSet {
    pub fn get(&self, id: RuleId) -> &Rule {
        &self.rules[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter()
    }

    pub fn find(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn builtin_ids(&self) -> &[(&'static str, RuleId)] {
        &self.builtin
    }
}
