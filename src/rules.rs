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
    /// The severity in force (the default unless the configuration overrides it).
    pub severity: Severity,
    /// The severity the rule ships with.
    pub default_severity: Severity,
    pub summary: String,
    pub docs: String,
}

impl From<&RuleMeta> for Rule {
    fn from(m: &RuleMeta) -> Self {
        Rule {
            id: m.id.to_string(),
            category: m.category,
            severity: m.severity,
            default_severity: m.severity,
            summary: m.summary.to_string(),
            docs: m.docs.to_string(),
        }
    }
}

pub struct RuleSet {
    rules: Vec<Rule>,
    /// Whether each rule is reported (`select` / `ignore`).
    enabled: Vec<bool>,
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
            default_severity: p.severity,
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
            enabled: vec![true; rules.len()],
            rules,
            builtin: metas
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, RuleId(i as u16)))
                .collect(),
        }
    }

    /// Applies a rule choice: which rules are reported and at what severity.
    /// Selectors that match no rule change nothing (see [`RuleSet::matching`]
    /// to report them).
    pub fn choose(&mut self, choice: &RuleChoice) {
        for (k, rule) in self.rules.iter_mut().enumerate() {
            let best = |sels: &[String]| sels.iter().filter_map(|s| specificity(s, rule)).max();
            self.enabled[k] = match (best(&choice.select), best(&choice.ignore)) {
                (_, None) if choice.select.is_empty() => true,
                (None, _) => false,
                (Some(_), None) => true,
                // The more specific selector wins; on a tie, `ignore` does.
                (Some(s), Some(i)) => s > i,
            };
            rule.severity = choice
                .severity
                .iter()
                .filter_map(|(sel, sev)| specificity(sel, rule).map(|n| (n, *sev)))
                // The most specific override wins; on a tie, the one listed last.
                .fold(None, |acc: Option<(usize, Severity)>, (n, sev)| match acc {
                    Some((m, _)) if m > n => acc,
                    _ => Some((n, sev)),
                })
                .map_or(rule.default_severity, |(_, sev)| sev);
        }
    }

    /// Whether findings of rule `id` are reported.
    pub fn is_enabled(&self, id: RuleId) -> bool {
        self.enabled[id.0 as usize]
    }

    /// How many rules `selector` designates.
    pub fn matching(&self, selector: &str) -> usize {
        self.rules.iter().filter(|r| specificity(selector, r).is_some()).count()
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

/// Which rules are reported and at what severity (`calque.toml`'s `select`,
/// `ignore` and `[severity]`). A selector is a rule id (`name.near-miss`), a
/// category (`typography`) or an id prefix that ends at a dot (`dateline`
/// takes `dateline.origin`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleChoice {
    /// Report only the rules these select (every rule when empty).
    pub select: Vec<String>,
    /// Do not report the rules these select.
    pub ignore: Vec<String>,
    /// Severity overrides, in order.
    pub severity: Vec<(String, Severity)>,
}

/// How closely `selector` designates `rule`: `None` if it does not; the
/// whole id beats any prefix; a longer prefix beats a shorter one.
fn specificity(selector: &str, rule: &Rule) -> Option<usize> {
    let sel = selector.strip_suffix('.').unwrap_or(selector);
    if sel.is_empty() {
        return None;
    }
    if rule.id == sel {
        return Some(usize::MAX);
    }
    let prefix = rule.id.strip_prefix(sel).is_some_and(|rest| rest.starts_with('.'));
    (prefix || rule.category.as_str() == sel).then_some(sel.len())
}

/// A message's placeholders (`{found}`, `{suggestion}`) do not belong in a
/// one-line summary.
fn first_sentence(message: &str) -> String {
    message.replace("{found}", "…").replace("{suggestion}", "…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(choice: RuleChoice) -> RuleSet {
        let mut s = RuleSet::new(&Kb::embedded());
        s.choose(&choice);
        s
    }

    fn enabled(s: &RuleSet, id: &str) -> bool {
        let k = s.rules.iter().position(|r| r.id == id).unwrap();
        s.enabled[k]
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn selectors_take_ids_categories_and_prefixes_at_dots() {
        let s = set(RuleChoice::default());
        assert_eq!(s.matching("name.near-miss"), 1);
        assert!(s.matching("name") > 3);
        assert_eq!(s.matching("name."), s.matching("name"));
        assert_eq!(s.matching("name.near"), 0, "a prefix ends at a dot");
        assert_eq!(s.matching("nam"), 0);
        assert_eq!(s.matching(""), 0);
        assert!(s.matching("false-friend") > 0);
        assert!(s.iter().all(|r| r.severity == r.default_severity));
    }

    #[test]
    fn the_most_specific_selector_wins_and_ignore_wins_ties() {
        let s = set(RuleChoice {
            select: strings(&["name", "dateline.origin-mismatch"]),
            ignore: strings(&["name.near-miss", "dateline"]),
            ..RuleChoice::default()
        });
        assert!(enabled(&s, "name.unknown-garble"));
        assert!(!enabled(&s, "name.near-miss"));
        assert!(
            enabled(&s, "dateline.origin-mismatch"),
            "the id beats the ignored prefix"
        );
        assert!(!enabled(&s, "dateline.english-spelling"));
        assert!(!enabled(&s, "typography.english-quotes"), "not selected");
        let tie = set(RuleChoice {
            select: strings(&["name"]),
            ignore: strings(&["name"]),
            ..RuleChoice::default()
        });
        assert!(!enabled(&tie, "name.near-miss"));
        let only_ignore = set(RuleChoice {
            ignore: strings(&["typography"]),
            ..RuleChoice::default()
        });
        assert!(enabled(&only_ignore, "name.near-miss"));
        assert!(
            only_ignore
                .iter()
                .zip(&only_ignore.enabled)
                .all(|(r, &on)| on != (r.category == Category::Typography))
        );
    }

    #[test]
    fn severity_overrides_take_the_most_specific_then_the_last() {
        let s = set(RuleChoice {
            severity: vec![
                ("name".into(), Severity::Minor),
                ("name.near-miss".into(), Severity::Critical),
                ("name".into(), Severity::Major),
            ],
            ..RuleChoice::default()
        });
        let sev = |id: &str| s.find(id).unwrap().severity;
        assert_eq!(sev("name.near-miss"), Severity::Critical);
        assert_eq!(sev("name.unknown-garble"), Severity::Major);
        let d = s.find("dateline.origin-mismatch").unwrap();
        assert_eq!(d.severity, d.default_severity);
    }
}
