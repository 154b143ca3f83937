//! `dateline.origin-mismatch`: the dateline names where the source outlet
//! sits, not where the story happened (a NATO meeting in Brussels datelined
//! `JAKARTA -` because the outlet is in Jakarta).
//!
//! Evidence: the dateline place, its country and the places of that country
//! never appear in the article, while the article places the event elsewhere:
//! a place named after `à`, `au`, `en`…, or a venue whose seat the KB knows
//! (`venues.csv`: a NATO ministerial, the UN General Assembly, the Élysée).
//! A place whose outlets commonly publish machine translations (`wire_origin`)
//! raises the prior, never alone.

use rustc_hash::FxHashMap;

use super::{Check, Context, RuleMeta, Sink};
use crate::document::flag;
use crate::finding::{Category, Severity};
use crate::kb::Owner;

pub struct DatelineOrigin;

pub static ORIGIN_MISMATCH: RuleMeta = RuleMeta {
    id: "dateline.origin-mismatch",
    category: Category::Dateline,
    severity: Severity::Critical,
    summary: "The dateline names the source outlet's city, not where the story happened",
    docs: "Machine-translated copy keeps the dateline of the source outlet: a NATO meeting in \
           Brussels datelined JAKARTA because the agency sits in Jakarta. Reported when the \
           dateline place, its country (name or nationality adjective) and every place of that \
           country are absent from the headline and the body, while the body places the \
           events elsewhere: a place the KB knows after `à`, `au`, `aux`, `en` or `dans` \
           (+0.30), an event whose seat `venues.csv` knows (a NATO ministerial, the UN General \
           Assembly, the Human Rights Council: +0.35), an institution seated there (the Kremlin, \
           the Élysée: +0.10), other mentions (+0.05 each); a country in the headline or named \
           after `en` in the lead (+0.25) counts for its places, or for its capital when none is named; \
           evidence in the headline and the lead paragraph counts double. The prior is 0.45 for a dateline \
           city marked `wire_origin` in `places.csv` (Jakarta, Ankara, Bakou…) and 0.30 \
           otherwise; confidence is capped at 0.95, and nothing is reported without an event \
           place or a place after a preposition. The suggestion is the place the evidence \
           points to; the message says what points there. An Indonesian story datelined \
           JAKARTA that mentions Indonesia stays silent.",
};

/// Prepositions that put an event in a place.
fn is_locative(folded: &str) -> bool {
    matches!(folded, "a" | "au" | "aux" | "en" | "dans")
}

/// Adds evidence for `key`; the first strong evidence is the one the
/// message quotes.
fn add(map: &mut FxHashMap<u32, Evidence>, key: u32, score: f64, strong: bool, text: &str, at: usize) {
    let e = map.entry(key).or_insert_with(|| Evidence {
        first_seen: at,
        ..Evidence::default()
    });
    e.score += score;
    if (strong && !e.strong) || e.reason.is_none() {
        e.reason = Some(format!("« {text} »"));
    }
    e.strong |= strong;
}

#[derive(Default)]
struct Evidence {
    score: f64,
    strong: bool,
    /// What points there, first strong evidence first.
    reason: Option<String>,
    first_seen: usize,
}

impl Check for DatelineOrigin {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ORIGIN_MISMATCH];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let (doc, kb) = (cx.doc, cx.kb);
        let Some(dl) = doc.dateline() else { return };
        let toks = doc.tokens();
        let names = kb.names();
        let Some(home) = names
            .by_key(&dl.place_key(doc))
            .iter()
            .find_map(|&f| match names.form(f).owner {
                Owner::Place(p) => Some(p),
                _ => None,
            })
        else {
            return;
        };
        let home_row = kb.place(home);
        let home_country = kb.country_index(&home_row.country);
        let in_dateline = |i: usize| dl.place_tokens.start <= i && i < dl.body_start;

        // The dateline's place or country named anywhere else: no mismatch.
        for m in cx.mentions.iter().filter(|m| !in_dateline(m.first)) {
            for &f in &m.forms {
                let same = match names.form(f).owner {
                    Owner::Place(q) => q == home || kb.place(q).country == home_row.country,
                    Owner::Country(c) => Some(c) == home_country,
                    Owner::Entity(_) => false,
                };
                if same {
                    return;
                }
            }
        }
        // Nationality words, once: the dateline's own country silences the rule.
        let country_words: Vec<(usize, u32)> = toks
            .iter()
            .enumerate()
            .filter(|(i, _)| !in_dateline(*i))
            .filter_map(|(i, t)| kb.country_of_word(doc.folded(t)).map(|c| (i, c)))
            .collect();
        if home_country.is_some_and(|h| country_words.iter().any(|&(_, c)| c == h)) {
            return;
        }

        // Where the article places the events. Evidence in the headline and
        // the lead (the dateline's paragraph) counts double.
        let lead_end = toks[dl.body_start..]
            .iter()
            .position(|t| t.has(flag::PARA_START))
            .map_or(toks.len(), |k| dl.body_start + k);
        let weight = |i: usize| if i < lead_end { 2.0 } else { 1.0 };
        let mut places: FxHashMap<u32, Evidence> = FxHashMap::default();
        let mut countries: FxHashMap<u32, Evidence> = FxHashMap::default();
        for hit in kb.venues().find(doc) {
            if in_dateline(hit.m.start) {
                continue;
            }
            let venue = kb.venue(hit.rule);
            // An event or institution of the dateline's own country: no mismatch.
            if kb.place(venue.seat).country == home_row.country {
                return;
            }
            let text = doc.span_text(hit.m.start, hit.m.end - 1);
            let (score, strong) = if venue.meeting { (0.35, true) } else { (0.10, false) };
            add(
                &mut places,
                venue.seat,
                score * weight(hit.m.start),
                strong,
                text,
                hit.m.start,
            );
        }
        for m in cx.mentions.iter().filter(|m| !in_dateline(m.first)) {
            let locative = m.first > 0 && is_locative(doc.folded(&toks[m.first - 1]));
            let text = doc.span_text(m.first.saturating_sub(usize::from(locative)), m.last);
            let w = weight(m.first);
            for &f in &m.forms {
                match names.form(f).owner {
                    Owner::Place(q) if q != home => {
                        let score = if locative { 0.30 } else { 0.05 };
                        add(&mut places, q, score * w, locative, text, m.first);
                        break;
                    }
                    Owner::Country(c) => {
                        // `en Slovaquie` in the headline or the lead: later
                        // paragraphs name countries as topics (`la situation
                        // en Ukraine`), not as where the story happens.
                        let strong = m.first < dl.place_tokens.start || (locative && m.first < lead_end);
                        let score = if strong { 0.25 } else { 0.05 };
                        add(&mut countries, c, score * w, strong, text, m.first);
                        break;
                    }
                    _ => {}
                }
            }
        }
        for &(i, c) in &country_words {
            add(&mut countries, c, 0.05 * weight(i), false, doc.token_text(&toks[i]), i);
        }
        // A place gathers its country's evidence; a country with no place
        // named stands for its capital.
        for (&c, e) in &countries {
            let code = &kb.country(c).code;
            let mut supported = false;
            for (&q, pe) in places.iter_mut() {
                if &kb.place(q).country == code {
                    pe.score += e.score.min(0.3);
                    pe.strong |= e.strong;
                    supported = true;
                }
            }
            if !supported {
                if let Some(capital) = kb.capital(c) {
                    let pe = places.entry(capital).or_insert_with(|| Evidence {
                        first_seen: e.first_seen,
                        reason: e.reason.clone(),
                        ..Evidence::default()
                    });
                    pe.score += e.score.min(0.4);
                    pe.strong |= e.strong;
                }
            }
        }
        let Some((&place, best)) = places.iter().filter(|(_, e)| e.strong).max_by(|a, b| {
            a.1.score
                .total_cmp(&b.1.score)
                .then(b.1.first_seen.cmp(&a.1.first_seen))
        }) else {
            return;
        };
        let prior = if home_row.wire_origin { 0.45 } else { 0.30 };
        let confidence = (prior + best.score.min(0.6)).min(0.95);
        let french = &kb.place(place).french[0];
        let suggestion = if dl.upper {
            french.to_uppercase()
        } else {
            french.clone()
        };
        let found = &doc.text[dl.place.clone()];
        let reason = best.reason.clone().unwrap_or_default();
        out.report(
            &ORIGIN_MISMATCH,
            dl.place.clone(),
            confidence,
            suggestion,
            format!(
                "Le lieu de la dépêche, {found}, n'apparaît nulle part dans l'article, qui situe les faits à {french} ({reason}) : c'est sans doute la ville de l'agence d'origine."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_the_outlets_city() {
        let text = "Titre\n\nJAKARTA - Les ministres des Affaires étrangères de l'OTAN ont convenu jeudi d'aider l'Ukraine. \
                    Ils se retrouveront à Washington en juillet.";
        let f = run(&DatelineOrigin, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].2.as_str()), ("JAKARTA", "BRUXELLES"));
        assert!(f[0].3 >= 0.75, "{f:?}");
        let text = "MADRID - Le président a été proclamé vainqueur à Caracas par le Conseil électoral.";
        let f = run(&DatelineOrigin, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "CARACAS");
    }

    #[test]
    fn dont_flag_stories_about_the_dateline_place() {
        for text in [
            "JAKARTA - Le président indonésien a inauguré un port à Surabaya.",
            "JAKARTA (ANTARA) - La Banque d'Indonésie a relevé ses taux. Une délégation s'est rendue à Tokyo.",
            "KIEV - Une frappe a touché Kharkiv et Dnipro dans la nuit.",
            "KRAMATORSK - Les combats se poursuivent dans la région de Donetsk, à Pokrovsk.",
            "BRUXELLES (AFP) - Les ministres de l'OTAN se sont réunis.",
            "JAKARTA - Le gouvernement a présenté son budget.",
        ] {
            assert!(
                run(&DatelineOrigin, text).is_empty(),
                "{text}: {:?}",
                run(&DatelineOrigin, text)
            );
        }
    }
}
