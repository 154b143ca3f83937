//! Phrase rules: calques, false friends, untranslated English and
//! transliterations, written in a small pattern language ([`pattern`]) and
//! compiled together into one automaton.
//!
//! All rules compile into one automaton over words: a trie whose edges are
//! folded words. A rule made of required literal words (most of them) enters
//! it whole, as each of its literal readings (alternatives expanded, up to
//! 32): reaching the end of a reading is a match, once capitals and context
//! words are checked. Any other rule enters by its anchor, its rarest
//! required literal word: reaching it wakes the rule, which verifies its whole
//! pattern around that word. A document's words are looked up once in the
//! trie's vocabulary (most of them rejected by a bitmap before any hashing)
//! and the trie is walked from each word that starts a key: one pass, whatever
//! the number of rules. Working on words, it needs no word-boundary checks and
//! never reports a phrase inside a longer word.

pub mod pattern;

use rustc_hash::FxHashMap;

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
    /// Whether the suggestion quotes the matched elements (`$1`…).
    pub fn uses_spans(&self) -> bool {
        self.suggestion.contains('$')
    }

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

/// What reaching a node of the word trie means.
#[derive(Clone, Debug)]
enum Wake {
    /// The anchor word of a rule, which then verifies its pattern around it.
    Anchor(u32),
    /// A whole literal reading of a rule.
    Whole(u32, pattern::Expansion),
}

/// The most literal readings a rule may put into the trie as whole phrases;
/// beyond, it is looked for by its anchor word.
const MAX_EXPANSIONS: usize = 32;

/// A trie over words: the automaton all rules compile into. Word ids come
/// from one vocabulary; a node's children are keyed by word id.
#[derive(Default)]
struct Node {
    children: FxHashMap<u32, u32>,
    wakes: Vec<Wake>,
}

/// All phrase rules, compiled into one word trie.
pub struct PhraseSet {
    rules: Vec<PhraseRule>,
    /// Every word of every key, to its id.
    vocab: FxHashMap<String, u32>,
    /// A bit per (first byte, length up to 31) of the vocabulary, so that
    /// most words of a text are rejected without hashing.
    filter: Vec<u32>,
    nodes: Vec<Node>,
    /// The root's children, by word id (most words of a text stop here).
    root: Vec<u32>,
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet::new(Vec::new())
    }
}

impl PhraseSet {
    pub fn new(rules: Vec<PhraseRule>) -> PhraseSet {
        let mut set = PhraseSet {
            rules: Vec::new(),
            vocab: FxHashMap::default(),
            filter: vec![0; 256],
            nodes: vec![Node::default()],
            root: Vec::new(),
        };
        for (r, rule) in rules.iter().enumerate() {
            match rule.pattern.expansions(MAX_EXPANSIONS) {
                Some(exps) => {
                    for e in exps {
                        let key = e.key.clone();
                        set.insert(&key, Wake::Whole(r as u32, e));
                    }
                }
                None => {
                    for key in rule.pattern.anchor_words() {
                        set.insert(&key, Wake::Anchor(r as u32));
                    }
                }
            }
        }
        set.rules = rules;
        set.root = vec![u32::MAX; set.vocab.len()];
        for (&id, &child) in &set.nodes[0].children {
            set.root[id as usize] = child;
        }
        set
    }

    /// The child of `node` by word `id`.
    fn child(&self, node: usize, id: u32) -> Option<usize> {
        if node == 0 {
            self.root
                .get(id as usize)
                .filter(|&&c| c != u32::MAX)
                .map(|&c| c as usize)
        } else {
            self.nodes[node].children.get(&id).map(|&c| c as usize)
        }
    }

    fn word_id(&mut self, w: &str) -> u32 {
        let n = self.vocab.len() as u32;
        let id = *self.vocab.entry(w.to_string()).or_insert(n);
        if let Some(&b) = w.as_bytes().first() {
            self.filter[usize::from(b)] |= 1 << w.len().min(31);
        }
        id
    }

    fn insert(&mut self, key: &str, wake: Wake) {
        let mut node = 0usize;
        for w in key.split(' ') {
            let id = self.word_id(w);
            node = match self.nodes[node].children.get(&id) {
                Some(&n) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.insert(id, n as u32);
                    n
                }
            };
        }
        self.nodes[node].wakes.push(wake);
    }

    /// The vocabulary id of a folded word, if any key has it.
    fn id_of(&self, w: &str) -> Option<u32> {
        let b = *w.as_bytes().first()?;
        if self.filter[usize::from(b)] & (1 << w.len().min(31)) == 0 {
            return None;
        }
        self.vocab.get(w).copied()
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

    /// Every rule match in the document, in text order: one walk of the trie
    /// from each word that starts some key.
    pub fn find(&self, doc: &Document) -> Vec<PhraseHit> {
        let mut hits = Vec::new();
        if self.rules.is_empty() {
            return hits;
        }
        let toks = doc.tokens();
        // Word ids, looked up once and only when a walk needs them.
        const UNSEEN: u32 = u32::MAX - 1;
        const NONE: u32 = u32::MAX;
        let mut ids: Vec<u32> = vec![UNSEEN; toks.len()];
        let mut id_at = |i: usize| {
            if ids[i] == UNSEEN {
                ids[i] = self.id_of(doc.folded(&toks[i])).unwrap_or(NONE);
            }
            ids[i]
        };
        for first in 0..toks.len() {
            let mut node = 0usize;
            let mut last = first;
            loop {
                let id = id_at(last);
                let Some(child) = (id != NONE).then(|| self.child(node, id)).flatten() else {
                    break;
                };
                node = child;
                for wake in &self.nodes[node].wakes {
                    let found = match wake {
                        Wake::Anchor(r) => self.rules[*r as usize].pattern.match_at(doc, first).map(|m| (*r, m)),
                        Wake::Whole(r, e) => {
                            let rule = &self.rules[*r as usize];
                            rule.pattern
                                .verify_expansion(doc, e, first, last + 1, rule.uses_spans())
                                .map(|m| (*r, m))
                        }
                    };
                    if let Some((r, m)) = found {
                        hits.push(PhraseHit { rule: r as usize, m });
                    }
                }
                last += 1;
                if last == toks.len() {
                    break;
                }
            }
        }
        // A match that starts before its anchor may need moving.
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
