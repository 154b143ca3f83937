//! The rule table of a checker: every rule it can report, in listing order:
//! the built-in rules, then the KB's phrase rules in file order.

use crate::checks::{self, RuleMeta};
use crate::finding::{Category, RuleId, Severity};
use crate::kb::Kb;

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

impl RuleSet {
    /// The built-in rules, then the KB's phrase rules in file order.
    pub fn new(kb: &Kb) -> RuleSet {
        let metas: Vec<&'static RuleMeta> = checks::builtin_rules().collect();
        let mut rules: Vec<Rule> = metas.iter().map(|m| Rule::from(*m)).collect();
        rules.extend(kb.phrases().rules().iter().map(|p| Rule {
            id: p.id.clone(),
            category: p.category,
            severity: p.severity,
            summary: first_sentence(&p.message),
            docs: format!(
                "Pattern: `{}`. Suggestion: {}. Example: « {} » (not « {} »).",
                p.source,
                if p.suggestion.is_empty() { "none" } else { &p.suggestion },
                p.example_bad,
                p.example_good
            ),
        }));
        RuleSet {
            rules,
            builtin: metas
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, RuleId(i as u16)))
                .collect(),
        }
    }

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

    /// The id of the first phrase rule; phrase rule `k` is this plus `k`.
    pub fn first_phrase(&self) -> u16 {
        self.builtin.len() as u16
    }
}

/// A message's placeholders (`{found}`, `{suggestion}`) do not belong in a
/// one-line summary.
fn first_sentence(message: &str) -> String {
    message.replace("{found}", "…").replace("{suggestion}", "…")
}
