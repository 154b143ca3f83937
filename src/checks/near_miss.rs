//! `name.near-miss`: a capitalised name that is no known form but is close to
//! a known person's name (`Gabrilius Bonusbergis` for Gabrielius Landsbergis).
//!
//! Candidates come from the KB's deletion index: every token of the span looks
//! up the person-name tokens within one edit (two for long tokens), and each hit
//! proposes the forms that contain it, aligned on it. Only then is strsim run,
//! on those few candidates. A candidate needs an anchor (a token equal or one
//! edit away from the form's) and every other token close to the form's.

use rustc_hash::FxHashSet;

use super::name_slots::{capitalised_runs, is_gender_pair, is_honorific, is_particle, is_title_word};
use super::persons::{accepted_person, de};
use super::{Check, Context, RuleMeta, Sink};
use crate::distance::osa;
use crate::document::Document;
use crate::finding::{Category, Severity};
use crate::kb::{Kb, Owner};

pub struct NearMiss;

pub static NEAR_MISS: RuleMeta = RuleMeta {
    id: "name.near-miss",
    category: Category::Name,
    severity: Severity::Critical,
    summary: "A capitalised name close to, but not, a known person's name: probably garbled",
    docs: "A real person misnamed is a factual error a newsroom must correct, hence critical. \
           A run of capitalised words (with particles such as de, von, al-, ben) that is no \
           form the KB knows, but whose words align with a known person's accepted form: at \
           least one word equal or one edit away (an anchor), every other word with a \
           Jaro-Winkler or edit similarity of at least 0.80, particles and initials equal. \
           Typos (every differing word one edit away: `Peter Pelegrini`, `Maya Sandu`) get \
           confidence 0.85; deeper garbles (`Gabrilius Bonusbergis`) 0.55-0.85 by similarity, \
           plus 0.15 when a nationality word just before the name matches the person's \
           country. A surname alone is checked only after an honorific or a title \
           (`M. Pelegrini`). Feminine forms of Slavic surnames (Zelenska) and names whose \
           differing word is another known name need a closer match. Correctly spelled \
           names the KB does not hold stay silent: no anchor, no candidate.",
};

/// Forms a word may propose before it counts as too common to identify anyone.
const MAX_POSTINGS: usize = 64;

/// The least similarity of each differing word.
const MIN_TOKEN_SIM: f64 = 0.80;

/// A known person's form that a span of words may be a garbled copy of.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub form: u32,
    pub entity: u32,
    /// Position of the first matched word in the span, and how many words.
    pub start: usize,
    pub len: usize,
    /// The least similarity of a word to the form's.
    pub min_sim: f64,
    /// Whether every differing word is within one edit.
    pub typo: bool,
    pub confidence: f64,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Similarity of two folded words in [0, 1]: the better of Jaro-Winkler and
/// normalised edit similarity.
pub fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let jw = strsim::jaro_winkler(a, b);
    let d = osa(a, b) as f64;
    let lev = 1.0 - d / chars(a).max(chars(b)).max(1) as f64;
    jw.max(lev)
}

/// Every candidate for a span of folded words. `announced`: an honorific or a
/// title comes right before, which lets a lone surname be checked.
pub fn candidates(kb: &Kb, words: &[&str], announced: bool) -> Vec<Candidate> {
    let names = kb.names();
    let n = words.len();
    let mut proposed: FxHashSet<(u32, usize)> = FxHashSet::default();
    let mut hits = Vec::new();
    for (p, w) in words.iter().enumerate() {
        if is_particle(w) {
            continue;
        }
        let len = chars(w);
        let max_distance = if len >= 8 { 2 } else { u8::from(len >= 4) };
        names.similar_tokens(w, max_distance, &mut hits);
        for h in &hits {
            // A word shared by very many names (San, Jean in a gazetteer)
            // identifies nobody: the other words of the span must propose.
            let postings = names.postings(h.vocab);
            if postings.len() > MAX_POSTINGS {
                continue;
            }
            for &(form, pos) in postings {
                let pos = usize::from(pos);
                if pos > p {
                    continue;
                }
                let start = p - pos;
                if start + names.form(form).token_count() <= n {
                    proposed.insert((form, start));
                }
            }
        }
    }
    let mut proposed: Vec<_> = proposed.into_iter().collect();
    proposed.sort_unstable();
    proposed
        .into_iter()
        .filter_map(|(form, start)| score(kb, words, form, start, announced))
        .collect()
}

fn score(kb: &Kb, words: &[&str], form_id: u32, start: usize, announced: bool) -> Option<Candidate> {
    let names = kb.names();
    let form = names.form(form_id);
    let Owner::Entity(entity) = form.owner else { return None };
    let len = form.token_count();
    let window = &words[start..start + len];
    // A lone surname is checked only when it is the whole run, announced by
    // an honorific or a title (`M. Pelegrini`, not `Storm Shadow`).
    if window.len() == 1 && (!announced || words.len() > 1) {
        return None;
    }
    let mut min_sim: f64 = 1.0;
    let mut anchor = false;
    let mut typo = true;
    let mut differs = false;
    let mut differs_known = false;
    for (&w, e) in window.iter().zip(form.key.split(' ')) {
        let (lw, le) = (chars(w), chars(e));
        if w == e {
            anchor |= le >= 3;
            continue;
        }
        differs = true;
        if is_particle(w) || is_particle(e) || lw <= 2 || le <= 2 || is_gender_pair(w, e) {
            return None;
        }
        let d = osa(w, e);
        let shortest = lw.min(le);
        if (d <= 1 && shortest >= 4) || (d <= 2 && shortest >= 8) {
            anchor = true;
        }
        typo &= d <= 1;
        // A deeper garble keeps most of a long word (Bonusbergis/Landsbergis),
        // unlike another name that merely starts alike (Froidefond/Frieden).
        if d > 1 && (shortest < 6 || 1.0 - (d as f64) / (lw.max(le) as f64) < 0.6) {
            return None;
        }
        differs_known |= names.is_known_token(w);
        min_sim = min_sim.min(word_similarity(w, e));
    }
    if !differs || !anchor || min_sim < MIN_TOKEN_SIM {
        return None;
    }
    // A window that is itself someone's accepted form is right as written.
    let key = window.join(" ");
    if names
        .by_key(&key)
        .iter()
        .any(|&id| names.form(id).status == crate::kb::FormStatus::Accepted)
    {
        return None;
    }
    if window.len() == 1 && (!typo || chars(window[0]) < 5 || differs_known) {
        return None;
    }
    // A differing word that is itself a known name is probably another person.
    if differs_known && (!typo || min_sim < 0.9) {
        return None;
    }
    let confidence = if typo {
        0.85
    } else {
        0.55 + (min_sim - MIN_TOKEN_SIM) * 1.5
    };
    Some(Candidate {
        form: form_id,
        entity,
        start,
        len,
        min_sim,
        typo,
        confidence,
    })
}

/// Whether a lone word at token `i` comes right after an honorific or a title,
/// with at most nationality words between (`M. Pelegrini`, `le président
/// nigérien Bazum`), which makes it a surname.
fn titled(cx: &Context<'_>, i: usize) -> bool {
    let (doc, toks) = (cx.doc, cx.doc.tokens());
    let mut k = i;
    let period = k > 0 && doc.folded(&toks[k - 1]) == ".";
    if period {
        k -= 1;
    }
    let mut skipped = 0;
    while k > 0 && skipped < 2 && cx.kb.country_of_word(doc.folded(&toks[k - 1])).is_some() {
        k -= 1;
        skipped += 1;
    }
    k > 0 && {
        let prev = doc.folded(&toks[k - 1]);
        // `M` is Monsieur only with its full stop (`-M` is a command option).
        (is_honorific(prev) && (prev != "m" || period)) || is_title_word(prev)
    }
}

/// Countries named by the words just before token `i` (nationality adjectives,
/// country names), which make a person of that country likelier.
fn countries_before(doc: &Document, kb: &Kb, i: usize) -> Vec<u32> {
    let toks = doc.tokens();
    toks[i.saturating_sub(12)..i]
        .iter()
        .filter_map(|t| kb.country_of_word(doc.folded(t)))
        .collect()
}

/// A short description of a person for messages, in brackets after the
/// name: ` (latest title, country)`, or nothing when the KB knows neither.
pub fn person_aside(kb: &Kb, entity: u32) -> String {
    let e = kb.entity(entity);
    let title = e
        .titles
        .iter()
        .max_by_key(|t| (t.to.unwrap_or(u16::MAX), t.from.unwrap_or(0)));
    let country = e
        .country
        .as_deref()
        .and_then(|c| kb.country_index(c))
        .map(|c| kb.country(c).french[0].as_str());
    match (title, country) {
        (Some(t), Some(c)) => format!(" ({}, {c})", t.role),
        (Some(t), None) => format!(" ({})", t.role),
        (None, Some(c)) => format!(" ({c})"),
        (None, None) => String::new(),
    }
}

impl Check for NearMiss {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&NEAR_MISS];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        // Wrong forms and places are not re-examined; a person's accepted form
        // may be part of a garbled longer name (`Maya Sandu`, `Tedros Adhanom
        // Gebreyesus`), and a window equal to an accepted form yields nothing.
        let mut blocked = vec![false; toks.len()];
        for m in cx.mentions {
            if accepted_person(cx, m).is_some() {
                continue;
            }
            blocked[m.first..=m.last].iter_mut().for_each(|b| *b = true);
        }
        let runs = capitalised_runs(doc, &blocked);
        // Surnames the article gives with a first name (`Mikhaïl Bogdanov`):
        // alone later (`M. Bogdanov`), they are that person, whoever the KB
        // knows by a close name; the full name is what gets checked.
        let introduced: FxHashSet<&str> = runs
            .iter()
            .filter(|r| r.len() >= 2)
            .map(|r| doc.folded(&toks[r.end - 1]))
            .collect();
        for run in runs {
            if run.len() > 6 || (run.len() == 1 && introduced.contains(doc.folded(&toks[run.start]))) {
                continue;
            }
            let words: Vec<&str> = run.clone().map(|i| doc.folded(&toks[i])).collect();
            let announced = run.len() == 1 && titled(cx, run.start);
            let mut found = candidates(cx.kb, &words, announced);
            if found.is_empty() {
                continue;
            }
            let countries = countries_before(doc, cx.kb, run.start);
            for c in &mut found {
                let country = cx
                    .kb
                    .entity(c.entity)
                    .country
                    .as_deref()
                    .and_then(|k| cx.kb.country_index(k));
                if country.is_some_and(|k| countries.contains(&k)) {
                    c.confidence += 0.15;
                }
                c.confidence = c.confidence.min(0.95);
            }
            found.sort_by(|a, b| {
                b.confidence
                    .total_cmp(&a.confidence)
                    .then(b.min_sim.total_cmp(&a.min_sim))
            });
            let best = &found[0];
            // A lone surname of someone the article names rightly elsewhere is
            // one person spelled two ways: consistency.entity-spelling says so.
            if best.len == 1 && cx.mentions.iter().any(|m| accepted_person(cx, m) == Some(best.entity)) {
                continue;
            }
            // Two different people fit as well: say less.
            let rival = found[1..]
                .iter()
                .any(|c| c.entity != best.entity && best.confidence - c.confidence < 0.05);
            let confidence = if rival { best.confidence - 0.2 } else { best.confidence };
            let (a, b) = (run.start + best.start, run.start + best.start + best.len - 1);
            let span = doc.span_text(a, b);
            let form = &cx.kb.names().form(best.form).text;
            let who = person_aside(cx.kb, best.entity);
            out.report(
                &NEAR_MISS,
                toks[a].start as usize..toks[b].end as usize,
                confidence,
                form.clone(),
                format!(
                    "« {span} » ressemble au nom {}{who} : nom probablement déformé.",
                    de(form)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_garbled_names() {
        let f = run(
            &NearMiss,
            "« Nous devons être prêts », a déclaré le ministre lituanien des Affaires étrangères, Gabrilius Bonusbergis.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Gabrilius Bonusbergis");
        assert_eq!(f[0].2, "Gabrielius Landsbergis");
        assert!(f[0].3 >= 0.6, "{f:?}");
    }

    #[test]
    fn flags_typos_in_either_name() {
        for (text, want) in [
            ("Le président élu Peter Pelegrini a prêté serment.", "Peter Pellegrini"),
            ("La présidente Maya Sandu a voté.", "Maia Sandu"),
            ("Le président Recep Tayip Erdoğan a parlé.", "Recep Tayyip Erdoğan"),
        ] {
            let f = run(&NearMiss, text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].2, want);
        }
    }

    #[test]
    fn flags_a_lone_surname_only_after_a_title() {
        assert_eq!(run(&NearMiss, "M. Pelegrini a prêté serment.").len(), 1);
        assert!(run(&NearMiss, "Pelegrini a prêté serment.").is_empty());
    }

    #[test]
    fn dont_flag_correct_or_unknown_names() {
        for text in [
            "Gabrielius Landsbergis et Jens Stoltenberg ont parlé.",
            "Le ministre Vytautas Landsbergis, son grand-père, avait parlé.",
            "Mme Olena Zelenska et M. Zelensky.",
            "Le préfet Emmanuel Moulin et Donald Duck.",
            "Selon Conseil Européen, Maison Blanche et Nations Unies.",
            "Le ministre Jean Dupont a parlé à Pierre Martin.",
            // Real people who are not in the KB, close to someone who is.
            "Le code est de Luc Froidefond, avec Takashi Iwai et David Beattie.",
            "Le ministre l'a dit de Façon claire, avec l'option -M Façon.",
            // Another person, named in full first.
            "Le vice-ministre Mikhaïl Bogdanov est arrivé. M. Bogdanov a parlé.",
        ] {
            assert!(run(&NearMiss, text).is_empty(), "{text}: {:?}", run(&NearMiss, text));
        }
    }

    #[test]
    fn word_similarity_bounds() {
        assert_eq!(word_similarity("abc", "abc"), 1.0);
        assert!(word_similarity("bonusbergis", "landsbergis") > 0.8);
        assert!(word_similarity("duck", "tusk") < 0.8);
    }
}
