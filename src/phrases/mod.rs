//! Phrase rules: calques, false friends, untranslated English and
//! transliterations, written in a small pattern language ([`pattern`]) and
//! compiled together into one automaton.
//!
//! Each rule has an anchor: a required element of literal words. The anchor
//! words of all rules go into one Aho-Corasick automaton (leftmost-longest,
//! single folded words, so no valid word is hidden by a longer overlapping
//! one), which runs once over the document's folded text. Each hit on a whole
//! word wakes only the rules anchored on that word, which then verify their
//! full pattern around it. The cost is one pass over the text plus the hits,
//! whatever the number of rules.

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

/// All phrase rules, with their automaton.
pub struct PhraseSet {
    rules: Vec<PhraseRule>,
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: the rules anchored on that word.
    wakes: Vec<Vec<u32>>,
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
        let mut wakes: Vec<Vec<u32>> = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for w in rule.pattern.anchor_words() {
                let k = *index.entry(w.clone()).or_insert_with(|| {
                    words.push(w);
                    wakes.push(Vec::new());
                    words.len() - 1
                });
                wakes[k].push(r as u32);
            }
        }
        let automaton = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&words)
                .expect("phrase anchors are plain words")
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
        for m in ac.find_iter(doc.folded_text()) {
            // Whole words only: the hit must start and end a token.
            let Some(t) = doc.token_at_fold_start(m.start()) else {
                continue;
            };
            if doc.token_at_fold_end(m.end()) != Some(t) {
                continue;
            }
            for &r in &self.wakes[m.pattern().as_usize()] {
                if let Some(found) = self.rules[r as usize].pattern.match_at(doc, t) {
                    hits.push(PhraseHit {
                        rule: r as usize,
                        m: found,
                    });
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
