//! Phrase rules: calques, false friends, untranslated English and
//! transliterations, written in a small pattern language ([`pattern`]) and
//! compiled together into one automaton.
//!
//! All rules go into one Aho-Corasick automaton that runs once over the
//! document's folded text. A rule made of required literal words (most of
//! them) enters it whole, as each of its literal readings (alternatives
//! expanded, up to 32): a hit on word bounds is then a match, once capitals
//! and context words are checked. Any other rule enters by its anchor, its
//! rarest required literal word: a hit wakes it, and it verifies its whole
//! pattern around that word. The cost is one pass over the text plus the
//! hits, whatever the number of rules.

pub mod pattern;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::document::Document;
use crate::finding::{Category, Severity};
use crate::kb::source::Origin;
pub use pattern::{Match, Pattern, PatternError};

/// One row of `phrases.csv`, compiled.
#[derive(Clone, Debug)]
pub struct PhraseRule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub source: String,
    pub pattern: Pattern,
    pub suggestion: String,
    pub message: String,
    pub example_bad: String,
    pub example_good: String,
    pub origin: Origin,
}

impl PhraseRule {
    /// The suggestion for a match: `$0` is the matched text, `$1`… the text of
    /// each element (empty for a skipped optional one). An initial capital in
    /// the text is kept.
    pub fn suggestion_for(&self, doc: &Document, m: &Match) -> String {
        let starts_upper = doc.token_text(&doc.tokens()[m.start]).starts_with(char::is_uppercase);
        if !starts_upper && !self.suggestion.contains('$') {
            return self.suggestion.clone();
        }
        let text_of = |a: usize, b: usize| if a < b { doc.span_text(a, b - 1) } else { "" };
        let mut out = String::with_capacity(self.suggestion.len());
        let mut chars = self.suggestion.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let d = d as usize;
                    if d == 0 {
                        out.push_str(text_of(m.start, m.end));
                    } else if let Some(&(a, b)) = m.spans.get(d - 1) {
                        out.push_str(text_of(a, b));
                    }
                    continue;
                }
            }
            out.push(c);
        }
        let starts_upper = doc
            .span_text(m.start, m.start)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        if starts_upper && !doc.tokens()[m.start].has(crate::document::flag::UPPER) {
            let mut c = out.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => out,
            }
        } else {
            out
        }
    }
}

/// A rule's match in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    /// Index of the rule in the set.
    pub rule: usize,
    pub m: Match,
}

/// What an automaton pattern stands for.
#[derive(Clone, Debug)]
enum Wake {
    /// The anchor word of a rule, which then verifies its pattern around it.
    Anchor(u32),
    /// A whole literal reading of a rule.
    Whole(u32, pattern::Expansion),
}

/// The most literal readings a rule may put into the automaton as whole
/// phrases; beyond, it is looked for by its anchor word.
const MAX_EXPANSIONS: usize = 32;

/// All phrase rules, with their automaton.
pub struct PhraseSet {
    rules: Vec<PhraseRule>,
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: what finding it means.
    wakes: Vec<Vec<Wake>>,
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet::new(Vec::new())
    }
}

impl PhraseSet {
    pub fn new(rules: Vec<PhraseRule>) -> PhraseSet {
        let mut words: Vec<String> = Vec::new();
        let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        let mut wakes: Vec<Vec<Wake>> = Vec::new();
        let mut add = |key: String, wake: Wake| {
            let k = *index.entry(key.clone()).or_insert_with(|| {
                words.push(key);
                wakes.push(Vec::new());
                words.len() - 1
            });
            wakes[k].push(wake);
        };
        for (r, rule) in rules.iter().enumerate() {
            match rule.pattern.expansions(MAX_EXPANSIONS) {
                Some(exps) => {
                    for e in exps {
                        add(e.key.clone(), Wake::Whole(r as u32, e));
                    }
                }
                None => {
                    for w in rule.pattern.anchor_words() {
                        add(w, Wake::Anchor(r as u32));
                    }
                }
            }
        }
        // Standard semantics with overlapping search: every occurrence of
        // every phrase is seen, none hidden by a longer overlapping one.
        let automaton = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&words)
                .expect("phrase keys are plain words")
        });
        PhraseSet {
            rules,
            automaton,
            wakes,
        }
    }

    pub fn rules(&self) -> &[PhraseRule] {
        &self.rules
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every rule match in the document, in text order.
    pub fn find(&self, doc: &Document) -> Vec<PhraseHit> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(doc.folded_text()) {
            // Whole words only: the hit must start and end on token bounds.
            let Some(first) = doc.token_at_fold_start(m.start()) else {
                continue;
            };
            let Some(last) = doc.token_at_fold_end(m.end()) else {
                continue;
            };
            for wake in &self.wakes[m.pattern().as_usize()] {
                let found = match wake {
                    Wake::Anchor(r) if first == last => {
                        self.rules[*r as usize].pattern.match_at(doc, first).map(|m| (*r, m))
                    }
                    Wake::Anchor(_) => None,
                    Wake::Whole(r, e) => self.rules[*r as usize]
                        .pattern
                        .verify_expansion(doc, e, first, last + 1)
                        .map(|m| (*r, m)),
                };
                if let Some((r, m)) = found {
                    hits.push(PhraseHit { rule: r as usize, m });
                }
            }
        }
        hits.sort_by_key(|h| (h.m.start, h.m.end, h.rule));
        hits.dedup();
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn rule(id: &str, pattern: &str, suggestion: &str) -> PhraseRule {
        PhraseRule {
            id: id.into(),
            category: Category::Idiom,
            severity: Severity::Minor,
            source: pattern.into(),
            pattern: pattern::parse(pattern).unwrap(),
            suggestion: suggestion.into(),
            message: String::new(),
            example_bad: String::new(),
            example_good: String::new(),
            origin: Origin {
                file: "t".into(),
                line: 1,
            },
        }
    }

    #[test]
    fn one_pass_finds_every_rule() {
        let set = PhraseSet::new(vec![
            rule("idiom.a", "prendre place !à", "avoir lieu"),
            rule("idiom.b", "faire|fait du sens", "avoir du sens"),
            rule("idiom.c", "<poss> urgence~", "l'urgence"),
        ]);
        let d = Document::new(
            "t",
            "La réunion va prendre place. Cela fait du sens. Prendre place à table. Leurs urgences.".into(),
            Meta::default(),
        );
        let hits = set.find(&d);
        let got: Vec<(&str, String)> = hits
            .iter()
            .map(|h| {
                (
                    set.rules()[h.rule].id.as_str(),
                    set.rules()[h.rule].suggestion_for(&d, &h.m),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("idiom.a", "avoir lieu".to_string()),
                ("idiom.b", "avoir du sens".to_string()),
                ("idiom.c", "L'urgence".to_string())
            ]
        );
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        let set = PhraseSet::new(vec![rule("idiom.a", "place", "x")]);
        let d = Document::new("t", "emplacement placement replace".into(), Meta::default());
        assert!(set.find(&d).is_empty());
    }

    #[test]
    fn suggestions_use_matched_words() {
        let set = PhraseSet::new(vec![rule("idiom.a", "<poss> arme~", "$1 arsenaux")]);
        let d = Document::new("t", "explorer leurs armes".into(), Meta::default());
        let h = &set.find(&d)[0];
        assert_eq!(set.rules()[0].suggestion_for(&d, &h.m), "leurs arsenaux");
    }
}
