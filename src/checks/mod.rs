//! Checks: pure functions of (document, KB) to findings. One check per file,
//! registered once in [`CHECKS`]. Checks never print; reporters never detect.

mod consistency;
mod dateline_origin;
mod dateline_spelling;
mod dateline_weekday;
mod diacritics;
mod document_language;
mod english_romanisation;
mod english_spelling;
mod english_word;
mod foreign_word;
mod known_variant;
pub mod name_slots;
pub mod near_miss;
mod number_format;
mod organisation;
pub mod persons;
mod phrases;
pub mod prose;
mod title_role;
mod toponym;
mod translated_name;
mod typography;
mod unknown_garble;

use std::ops::Range;

use crate::document::Document;
use crate::finding::{Category, Confidence, Finding, RuleId, Severity};
use crate::kb::{Kb, Mention};
use crate::rules::RuleSet;

/// What a rule is, once, for `calque rules`, reports and docs.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id `<category>.<slug>`.
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line, in English, for `calque rules`.
    pub summary: &'static str,
    /// Why it matters and how it decides, for the README and `calque explain`.
    pub docs: &'static str,
}

/// Everything a check may read about one document. Built once per document;
/// the KB mentions are computed once and shared by all checks.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub kb: &'a Kb,
    pub mentions: &'a [Mention],
    pub config: &'a crate::checker::Config,
    pub lexicon: &'a crate::lexicon::Lexicon,
    /// What the lexicons say of each token, looked up on first use (most
    /// tokens never are: checks ask after their cheap tests).
    classes: Vec<std::cell::Cell<u8>>,
    /// Which tokens are on lines that look like code, by line on first use
    /// (0 not yet known, 1 prose, 2 code).
    technical: Vec<std::cell::Cell<u8>>,
    /// Word tokens that are not among the most common French words.
    uncommon_words: std::cell::OnceCell<Vec<u32>>,
    /// Runs of capitalised name words outside the KB's mentions.
    free_runs: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        kb: &'a Kb,
        mentions: &'a [Mention],
        config: &'a crate::checker::Config,
        lexicon: &'a crate::lexicon::Lexicon,
    ) -> Self {
        Context {
            doc,
            kb,
            mentions,
            config,
            lexicon,
            classes: vec![std::cell::Cell::new(0); doc.tokens().len()],
            technical: vec![std::cell::Cell::new(0); doc.tokens().len()],
            uncommon_words: std::cell::OnceCell::new(),
            free_runs: std::cell::OnceCell::new(),
        }
    }

    /// What the lexicons say of token `i` (`None` for punctuation and numbers).
    pub fn class(&self, i: usize) -> Option<crate::lexicon::WordClass> {
        use crate::lexicon::WordClass;
        const KNOWN: u8 = 1;
        const WORD: u8 = 2;
        const FRENCH: u8 = 4;
        const ENGLISH: u8 = 8;
        const NAME: u8 = 16;
        let code = self.classes[i].get();
        let code = if code & KNOWN != 0 {
            code
        } else {
            let mut buf = String::new();
            let c = crate::lexicon::class_of(self.lexicon, self.doc, &self.doc.tokens()[i], &mut buf);
            let code = KNOWN
                | c.map_or(0, |c| {
                    WORD | if c.french { FRENCH } else { 0 }
                        | if c.english { ENGLISH } else { 0 }
                        | if c.name { NAME } else { 0 }
                });
            self.classes[i].set(code);
            code
        };
        (code & WORD != 0).then_some(WordClass {
            french: code & FRENCH != 0,
            english: code & ENGLISH != 0,
            name: code & NAME != 0,
        })
    }

    /// Whether token `i` is an English word (cheap: one lookup in the English
    /// lexicon, which most French words leave at their first letters).
    pub fn in_english(&self, i: usize) -> bool {
        let t = &self.doc.tokens()[i];
        t.kind == crate::document::TokenKind::Word && self.lexicon.is_english(self.doc.folded(t))
    }

    /// The word tokens (by index) whose folded form is not one of the most
    /// common French words ([`crate::lexicon::is_common_french`]): where the
    /// word-level checks look, about half the tokens of French text.
    pub fn uncommon_words(&self) -> &[u32] {
        self.uncommon_words.get_or_init(|| {
            let doc = self.doc;
            (0..doc.tokens().len() as u32)
                .filter(|&i| {
                    let t = &doc.tokens()[i as usize];
                    t.kind == crate::document::TokenKind::Word && !crate::lexicon::is_common_french(doc.folded(t))
                })
                .collect()
        })
    }

    /// The runs of capitalised name words ([`name_slots::capitalised_runs`])
    /// outside every KB mention: the names the KB does not know.
    pub fn free_runs(&self) -> &[std::ops::Range<usize>] {
        self.free_runs.get_or_init(|| {
            let mut blocked = vec![false; self.doc.tokens().len()];
            for m in self.mentions {
                blocked[m.first..=m.last].iter_mut().for_each(|b| *b = true);
            }
            name_slots::capitalised_runs(self.doc, &blocked)
        })
    }

    /// Whether token `i` is on a line that looks like code
    /// ([`prose::is_technical_line`]), looked at once per line.
    pub fn is_technical(&self, i: usize) -> bool {
        let known = self.technical[i].get();
        if known != 0 {
            return known == 2;
        }
        let line = prose::line_of(self.doc, i);
        let technical = prose::is_technical_line(self.doc, line.clone());
        self.technical[line]
            .iter()
            .for_each(|c| c.set(if technical { 2 } else { 1 }));
        technical
    }
}

pub trait Check: Send + Sync {
    /// The rules this check may report.
    fn rules(&self) -> &'static [&'static RuleMeta];
    /// Reads the context and reports through `out`; no I/O.
    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>);
}

/// Every check, in the order their rules are listed. When two findings of
/// equal penalty overlap, the rule listed first wins.
pub static CHECKS: &[&dyn Check] = &[
    &known_variant::KnownVariant,
    &english_spelling::EnglishSpelling,
    &diacritics::Diacritics,
    &near_miss::NearMiss,
    &consistency::Consistency,
    &english_romanisation::EnglishRomanisation,
    &unknown_garble::UnknownGarble,
    &translated_name::TranslatedName,
    &toponym::Toponym,
    &dateline_spelling::DatelineSpelling,
    &dateline_origin::DatelineOrigin,
    &dateline_weekday::DatelineWeekday,
    &title_role::TitleRole,
    &organisation::Organisation,
    &document_language::DocumentLanguage,
    &english_word::EnglishWord,
    &foreign_word::ForeignWord,
    &number_format::NumberFormat,
    &typography::Typography,
    &phrases::Phrases,
];

/// Every built-in rule, in listing order.
pub fn builtin_rules() -> impl Iterator<Item = &'static RuleMeta> {
    CHECKS.iter().flat_map(|c| c.rules().iter().copied())
}

/// Collects a check's findings and stamps them with the rule's id, so a check
/// cannot mislabel what it reports.
pub struct Sink<'a> {
    rule_ids: &'a [(&'static str, RuleId)],
    first_phrase: u16,
    findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(rules: &'a RuleSet) -> Self {
        Sink {
            rule_ids: rules.builtin_ids(),
            first_phrase: rules.first_phrase(),
            findings: Vec::new(),
        }
    }

    /// Reports `range` under the KB's phrase rule number `k`.
    pub fn report_phrase(
        &mut self,
        k: usize,
        range: Range<usize>,
        confidence: f64,
        suggestion: String,
        message: String,
    ) {
        self.findings.push(Finding {
            rule: RuleId(self.first_phrase + k as u16),
            start: range.start,
            end: range.end,
            confidence: Confidence::new(confidence),
            suggestion,
            message,
        });
    }

    /// Reports `range` (bytes of the document text) under `rule`.
    pub fn report(
        &mut self,
        rule: &'static RuleMeta,
        range: Range<usize>,
        confidence: f64,
        suggestion: impl Into<String>,
        message: impl Into<String>,
    ) {
        let Some(&(_, id)) = self.rule_ids.iter().find(|(r, _)| *r == rule.id) else {
            return;
        };
        self.findings.push(Finding {
            rule: id,
            start: range.start,
            end: range.end,
            confidence: Confidence::new(confidence),
            suggestion: suggestion.into(),
            message: message.into(),
        });
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one check alone on a text, for the checks' own tests.

    use std::sync::OnceLock;

    use super::*;
    use crate::document::Meta;

    pub fn kb() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(Kb::embedded)
    }

    pub fn rules() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| RuleSet::new(kb()))
    }

    /// (found text, rule id, suggestion, confidence) of each finding.
    pub fn run(check: &dyn Check, text: &str) -> Vec<(String, &'static str, String, f64)> {
        run_with(check, text, &crate::checker::Config::default())
    }

    /// [`run`] with a configuration.
    pub fn run_with(
        check: &dyn Check,
        text: &str,
        config: &crate::checker::Config,
    ) -> Vec<(String, &'static str, String, f64)> {
        let kb = kb();
        let doc = Document::new("test", text.to_string(), Meta::default());
        let mentions = kb.names().scan(&doc);
        let cx = Context::new(&doc, kb, &mentions, config, crate::lexicon::Lexicon::shared());
        let rules = rules();
        let mut sink = Sink::new(rules);
        check.run(&cx, &mut sink);
        sink.into_findings()
            .into_iter()
            .map(|f| {
                assert!(f.start < f.end && f.end <= text.len(), "bad range {f:?}");
                (
                    text[f.start..f.end].to_string(),
                    rules.get(f.rule).id.as_str(),
                    f.suggestion,
                    f.confidence.value(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in builtin_rules() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            let (cat, slug) = r.id.split_once('.').expect("id is <category>.<slug>");
            assert_eq!(cat, r.category.as_str(), "{}: id prefix and category differ", r.id);
            assert!(!slug.is_empty() && slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(r.summary.len() > 20 && !r.summary.contains('\t') && !r.summary.contains('\n'));
            assert!(r.docs.len() > 80, "{} is not documented", r.id);
            assert!(!r.docs.to_lowercase().contains("todo") && !r.docs.contains("lorem"));
        }
    }
}
