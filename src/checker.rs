//! The checker: runs every check on a document and resolves what they report
//! into the findings the contract promises (one per span, above the floor,
//! sorted).

use std::collections::BTreeMap;

use crate::checks::{CHECKS, Context, Sink};
use crate::document::Document;
use crate::finding::{Category, Confidence, Finding, Reported};
use crate::kb::Kb;
use crate::rules::{RuleChoice, RuleSet};
use crate::score::Weights;

/// Which forms of Ukrainian toponyms the house style accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Toponyms {
    /// AFP and Le Monde: Kiev and Odessa accepted; Russian-derived forms of
    /// other places (Kharkov, Nikolaev) reported.
    #[default]
    Afp,
    /// Ukrainian forms throughout: Kiev and Odessa reported too (Kyiv, Odesa).
    Ukrainian,
    /// Every traditional form accepted: nothing reported.
    Traditional,
}

impl Toponyms {
    pub const ALL: [Toponyms; 3] = [Toponyms::Afp, Toponyms::Ukrainian, Toponyms::Traditional];

    pub fn as_str(self) -> &'static str {
        match self {
            Toponyms::Afp => "afp",
            Toponyms::Ukrainian => "ukrainian",
            Toponyms::Traditional => "traditional",
        }
    }
}

impl std::str::FromStr for Toponyms {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Toponyms::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown toponym style `{s}` (expected afp, ukrainian or traditional)"))
    }
}

/// What changes what a checker reports.
#[derive(Clone, Debug)]
pub struct Config {
    /// Findings below this confidence are not reported (DESIGN.md: 0.50).
    pub min_confidence: Confidence,
    pub weights: Weights,
    pub toponyms: Toponyms,
    /// Which rules are reported, at what severity.
    pub rules: RuleChoice,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_confidence: Confidence::new(0.5),
            weights: Weights::default(),
            toponyms: Toponyms::default(),
            rules: RuleChoice::default(),
        }
    }
}

/// Checks documents against a compiled KB. Build once; share by reference
/// across threads (`Checker: Sync`).
pub struct Checker {
    kb: Kb,
    rules: RuleSet,
    config: Config,
    lexicon: crate::lexicon::Lexicon,
}

impl Checker {
    pub fn new(kb: Kb, config: Config) -> Checker {
        let mut rules = RuleSet::new(&kb);
        rules.choose(&config.rules);
        Checker {
            rules,
            kb,
            config,
            lexicon: crate::lexicon::Lexicon::embedded(),
        }
    }

    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Adds a user's word list (one word per line) to the French lexicon.
    pub fn add_dictionary(&mut self, text: &str) {
        self.lexicon.add_words(text);
    }

    /// Every finding of every check, before the floor and overlap resolution.
    pub fn raw_findings(&self, doc: &Document) -> Vec<Finding> {
        let mentions = self.kb.names().scan(doc);
        let cx = Context::new(doc, &self.kb, &mentions, &self.config, &self.lexicon);
        let mut sink = Sink::new(&self.rules);
        for check in CHECKS {
            check.run(&cx, &mut sink);
        }
        let mut findings = sink.into_findings();
        // English quoted as such is a quotation, not copy left untranslated.
        let untranslated = |f: &Finding| {
            let rule = self.rules.get(f.rule);
            rule.category == Category::Untranslated && rule.id != "untranslated.document"
        };
        if findings
            .iter()
            .any(|f| f.confidence >= self.config.min_confidence && untranslated(f))
        {
            let quotes = crate::checks::prose::english_quotations(doc, |i| cx.class(i));
            findings.retain(|f| !(untranslated(f) && quotes.iter().any(|q| q.start <= f.start && f.end <= q.end)));
        }
        findings
    }

    /// The findings to report, sorted by start, end and rule.
    pub fn check(&self, doc: &Document) -> Vec<Reported> {
        let mut candidates: Vec<Reported> = self
            .raw_findings(doc)
            .into_iter()
            .filter(|f| f.confidence >= self.config.min_confidence && self.rules.is_enabled(f.rule))
            .map(|f| {
                let rule = self.rules.get(f.rule);
                Reported {
                    penalty: self.config.weights.of(rule.severity) * f.confidence.value(),
                    severity: rule.severity,
                    category: rule.category,
                    finding: f,
                    baselined: false,
                }
            })
            .collect();
        // A document not in French gets that one finding, not hundreds.
        if let Some(whole) = candidates
            .iter()
            .position(|r| self.rules.get(r.finding.rule).id == "untranslated.document")
        {
            let keep = candidates.swap_remove(whole);
            return vec![keep];
        }
        // One finding per span: the highest penalty wins, then the rule listed first.
        candidates.sort_by(|a, b| {
            b.penalty
                .total_cmp(&a.penalty)
                .then(a.finding.rule.cmp(&b.finding.rule))
                .then(a.finding.start.cmp(&b.finding.start))
                .then(a.finding.end.cmp(&b.finding.end))
                .then(a.finding.suggestion.cmp(&b.finding.suggestion))
        });
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut kept = Vec::with_capacity(candidates.len());
        for r in candidates {
            let (s, e) = (r.finding.start, r.finding.end);
            let overlaps = taken.range(..e).next_back().is_some_and(|(_, &end)| end > s);
            if !overlaps {
                taken.insert(s, e);
                kept.push(r);
            }
        }
        kept.sort_by(|a, b| {
            (a.finding.start, a.finding.end, &self.rules.get(a.finding.rule).id).cmp(&(
                b.finding.start,
                b.finding.end,
                &self.rules.get(b.finding.rule).id,
            ))
        });
        kept
    }
}

impl Checker {
    /// Runs every phrase rule's examples: `example_bad` must be reported under
    /// that rule, `example_good` must not. Each failure is a problem of the
    /// rule's row.
    pub fn check_examples(&self) -> Vec<crate::kb::Problem> {
        let mut problems = Vec::new();
        let first = self.rules.first_phrase();
        for (k, rule) in self.kb.phrases().rules().iter().enumerate() {
            let id = crate::finding::RuleId(first + k as u16);
            let fires = |text: &str| {
                let doc = Document::new("example", text.to_string(), crate::document::Meta::default());
                self.check(&doc).iter().any(|r| r.finding.rule == id)
            };
            if !fires(&rule.example_bad) {
                problems.push(crate::kb::Problem::at(
                    &rule.origin,
                    format!(
                        "`{}`: example_bad « {} » is not reported under this rule",
                        rule.id, rule.example_bad
                    ),
                ));
            }
            if fires(&rule.example_good) {
                problems.push(crate::kb::Problem::at(
                    &rule.origin,
                    format!(
                        "`{}`: example_good « {} » is reported under this rule",
                        rule.id, rule.example_good
                    ),
                ));
            }
        }
        problems
    }
}
