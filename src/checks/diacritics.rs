//! `name.diacritics`: a person's name written without (or with wrong) French
//! accents: `Jean-Noel Barrot` for Jean-Noël Barrot, `Sebastien Lecornu`.

use unicode_normalization::UnicodeNormalization;

use super::persons::accepted_person;
use super::{Check, Context, RuleMeta, Sink};
use crate::document::flag;
use crate::finding::{Category, Severity};
use crate::fold::{fold, is_french_diacritic_letter, strip_diacritics_keep_case};
use crate::kb::FormStatus;

pub struct Diacritics;

pub static DIACRITICS: RuleMeta = RuleMeta {
    id: "name.diacritics",
    category: Category::Name,
    severity: Severity::Minor,
    summary: "A person's name that lacks or misplaces the French accents the press writes",
    docs: "A name that matches a known person once accents are ignored, but whose French \
           accents (é, è, ë, ï, ç…) differ from every accepted form: `Jean-Noel Barrot`, \
           `Sebastien Lecornu`, `Ismail Haniyeh` for Ismaïl. The accent of an initial capital \
           is not required (AFP writes `Edouard`), nor are the diacritics French copy commonly \
           drops from foreign names (háček, ogonek, acute of Spanish names: `Caputova`, \
           `Sanchez`); a name written in capitals is not checked. Confidence 0.85.",
};

/// The letters that count when comparing accents: French diacritics kept,
/// other diacritics and every word-initial accent dropped, case ignored.
fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word_start = true;
    for c in s.nfc() {
        if c == '-' || c.is_whitespace() || c == '\u{2011}' {
            out.push(' ');
            word_start = true;
            continue;
        }
        if word_start || !is_french_diacritic_letter(c) {
            out.push_str(&fold(&strip_diacritics_keep_case(c).to_string()));
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = false;
    }
    out
}

impl Check for Diacritics {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&DIACRITICS];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let toks = cx.doc.tokens();
        for m in cx.mentions {
            if accepted_person(cx, m).is_none() || toks[m.first..=m.last].iter().any(|t| t.has(flag::UPPER)) {
                continue;
            }
            let found = cx.doc.span_text(m.first, m.last);
            let have = skeleton(found);
            let accepted: Vec<&str> = m
                .forms
                .iter()
                .map(|&id| cx.kb.names().form(id))
                .filter(|f| f.status == FormStatus::Accepted)
                .map(|f| f.text.as_str())
                .collect();
            if accepted.iter().any(|a| skeleton(a) == have) {
                continue;
            }
            let Some(best) = accepted.first() else { continue };
            out.report(
                &DIACRITICS,
                toks[m.first].start as usize..toks[m.last].end as usize,
                0.85,
                *best,
                format!("« {found} » : accents fautifs ou manquants ; écrire « {best} »."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_stripped_french_accents() {
        let f = run(&Diacritics, "Le ministre Jean-Noel Barrot a parlé.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Jean-Noel Barrot");
        assert_eq!(f[0].2, "Jean-Noël Barrot");
    }

    #[test]
    fn dont_flag_accepted_spellings() {
        for ok in [
            "Jean-Noël Barrot est arrivé.",
            "Recep Tayyip Erdogan et Recep Tayyip Erdoğan.",
            "Zuzana Caputova et Zuzana Čaputová.",
            "Pedro Sanchez et Pedro Sánchez.",
            "JEAN-NOEL BARROT",
        ] {
            assert!(run(&Diacritics, ok).is_empty(), "{ok}: {:?}", run(&Diacritics, ok));
        }
    }

    #[test]
    fn decomposed_accents_are_the_same_accents() {
        assert!(run(&Diacritics, "Jean-Noe\u{308}l Barrot").is_empty());
    }

    #[test]
    fn skeleton_keeps_only_french_accents_inside_words() {
        assert_eq!(skeleton("Édouard Čaputová"), "edouard caputova");
        assert_eq!(skeleton("Jean-Noël"), "jean noël");
    }
}
