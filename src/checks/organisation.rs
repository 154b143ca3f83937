//! `title.organisation-name` and `untranslated.organisation-name`: an
//! organisation named by a wrong French expansion or a literal translation
//! (`l'Alliance du pacte de défense de l'Atlantique Nord (OTAN)`, `Programme
//! mondial de l'alimentation`), or by its English name (`NATO`, `State
//! Department`), from the organisations of the KB.

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{Document, TokenKind, flag};
use crate::finding::{Category, Severity};
use crate::kb::{EntityKind, FormStatus, Kb, Owner};

pub struct Organisation;

pub static WRONG_NAME: RuleMeta = RuleMeta {
    id: "title.organisation-name",
    category: Category::Title,
    severity: Severity::Major,
    summary: "An organisation named by a wrong French expansion or a literal translation",
    docs: "Two cases. A wrong French form the KB lists for an organisation (`Programme \
           mondial de l'alimentation` for the Programme alimentaire mondial, `Organisation des \
           États d'Amérique`, `Gardes révolutionnaires`): confidence 1.00. And an expansion \
           followed by a known acronym in brackets, `l'Alliance du pacte de défense de \
           l'Atlantique Nord (OTAN)`, that is none of the organisation's accepted names while \
           sharing words with them: the expansion starts at the furthest capitalised word, \
           after an article or a preposition, within a few words more than the official \
           name's length; confidence 0.85. The suggestion is the official French name \
           (`titles` column of `entities.csv`).",
};

pub static ENGLISH_NAME: RuleMeta = RuleMeta {
    id: "untranslated.organisation-name",
    category: Category::Untranslated,
    severity: Severity::Minor,
    summary: "An organisation left under its English name or acronym (NATO, State Department)",
    docs: "An English form the KB lists for an organisation: an acronym in capitals (`NATO`, \
           `IAEA`, `ECOWAS`, matched in capitals only, those of three letters or fewer only after \
           an article — `la WHO`, `l'ICC` — and not in a line written in capitals) or \
           an English name (`State Department`, `World Food Programme`). The suggestion is the \
           French form of the same shape (acronym for acronym). Confidence 1.00.",
};

fn is_english_name(text: &str) -> bool {
    let words: Vec<String> = text.split([' ', '-']).map(crate::fold::fold).collect();
    let acronym = text.len() >= 2 && text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    acronym
        || words.iter().any(|w| {
            matches!(
                w.as_str(),
                "of" | "the"
                    | "for"
                    | "and"
                    | "on"
                    | "department"
                    | "agency"
                    | "council"
                    | "committee"
                    | "fund"
                    | "world"
                    | "united"
                    | "guard"
                    | "guards"
                    | "bank"
                    | "court"
                    | "islamic"
                    | "state"
                    | "states"
                    | "house"
                    | "office"
                    | "organization"
            )
        })
}

/// The organisation's accepted forms, folded, and its official name.
fn accepted_forms(kb: &Kb, org: u32) -> Vec<String> {
    let e = kb.entity(org);
    std::iter::once(&e.canonical)
        .chain(&e.aliases)
        .chain(e.titles.iter().map(|t| &t.role))
        .filter_map(|f| crate::kb::names::form_key(f))
        .collect()
}

fn official_name(kb: &Kb, org: u32) -> String {
    let e = kb.entity(org);
    e.titles.first().map_or_else(|| e.canonical.clone(), |t| t.role.clone())
}

/// Words of no weight when comparing names.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "de" | "du" | "des" | "d'" | "l'" | "la" | "le" | "les" | "et" | "pour" | "sur" | "en" | "a" | "aux" | "au"
    )
}

/// The expansion before `(ACRONYM)` at token `open`: (first token, folded
/// key), if its words look like a name: it starts at the furthest capitalised
/// word introduced by an article or a preposition within `max` tokens.
fn expansion_before(doc: &Document, open: usize, max: usize) -> Option<(usize, String)> {
    let toks = doc.tokens();
    let mut start = None;
    for j in (open.saturating_sub(max)..open).rev() {
        let t = &toks[j];
        if t.kind == TokenKind::Punct {
            break;
        }
        let introduced = j == 0 || is_connector(doc.folded(&toks[j - 1]));
        if t.is_cap() && !t.has(flag::UPPER) && introduced {
            start = Some(j);
        }
        if t.has(flag::PARA_START) {
            break;
        }
    }
    let start = start?;
    if open - start < 2 {
        return None;
    }
    let key: Vec<&str> = toks[start..open].iter().map(|t| doc.folded(t)).collect();
    Some((start, key.join(" ")))
}

fn shares_content_word(a: &str, b: &str) -> bool {
    let content = |s: &str| {
        s.split(' ')
            .filter(|w| !is_connector(w) && w.len() > 3)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let bw = content(b);
    content(a).iter().any(|w| bw.contains(w))
}

impl Check for Organisation {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 2] = [&WRONG_NAME, &ENGLISH_NAME];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let (doc, kb) = (cx.doc, cx.kb);
        let names = kb.names();
        let toks = doc.tokens();
        for m in cx.mentions {
            let forms: Vec<_> = m.forms.iter().map(|&f| names.form(f)).collect();
            let Some(org) = forms.iter().find_map(|f| match f.owner {
                Owner::Entity(e) if kb.entity(e).kind == EntityKind::Org => Some(e),
                _ => None,
            }) else {
                continue;
            };
            let range = toks[m.first].start as usize..toks[m.last].end as usize;
            let found = &doc.text[range.clone()];
            let accepted = forms.iter().any(|f| f.status == FormStatus::Accepted);
            if !accepted {
                // A line in capitals (a headline) spells words, not acronyms.
                let line_upper = toks[m.first.saturating_sub(2)..(m.last + 3).min(toks.len())]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .all(|t| t.has(flag::UPPER));
                if line_upper && m.first == m.last {
                    continue;
                }
                let e = kb.entity(org);
                // A short English acronym is an organisation only after an
                // article (`la WHO`, `l'ICC`): `GCC` and `SCO` are also software.
                let short = m.first == m.last && toks[m.first].has(flag::UPPER) && found.chars().count() <= 3;
                let determined = m.first > 0
                    && matches!(
                        doc.folded(&toks[m.first - 1]),
                        "le" | "la" | "l'" | "les" | "du" | "des" | "au" | "aux"
                    );
                if short && !determined {
                    continue;
                }
                if is_english_name(found) {
                    // Acronym for acronym, name for name.
                    let short = !found.contains(' ');
                    let suggestion = if short {
                        e.canonical.clone()
                    } else {
                        official_name(kb, org)
                    };
                    out.report(
                        &ENGLISH_NAME,
                        range,
                        1.0,
                        suggestion.clone(),
                        format!("« {found} » est le nom anglais ; en français : « {suggestion} »."),
                    );
                } else {
                    let official = official_name(kb, org);
                    out.report(
                        &WRONG_NAME,
                        range,
                        1.0,
                        official.clone(),
                        format!(
                            "« {found} » n'est pas le nom de cette organisation ; son nom officiel est « {official} »."
                        ),
                    );
                }
                continue;
            }
            // `Expansion (ACRONYM)`: the acronym is accepted, the expansion may not be.
            let in_brackets = m.first > 0
                && doc.folded(&toks[m.first - 1]) == "("
                && toks.get(m.last + 1).is_some_and(|t| doc.folded(t) == ")");
            let acronym = toks[m.first].has(flag::UPPER) && m.first == m.last;
            if !(in_brackets && acronym) {
                continue;
            }
            let accepted_keys = accepted_forms(kb, org);
            let longest = accepted_keys.iter().map(|k| k.split(' ').count()).max().unwrap_or(0);
            let Some((start, key)) = expansion_before(doc, m.first - 1, longest + 4) else {
                continue;
            };
            if accepted_keys.iter().any(|k| key.ends_with(k.as_str())) {
                continue;
            }
            if !accepted_keys.iter().any(|k| shares_content_word(&key, k)) {
                continue;
            }
            let span = toks[start].start as usize..toks[m.first - 2].end as usize;
            let expansion = &doc.text[span.clone()];
            let official = official_name(kb, org);
            out.report(
                &WRONG_NAME,
                span,
                0.85,
                official.clone(),
                format!("« {expansion} » ne développe pas « {found} » : le nom officiel est « {official} »."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_wrong_expansions() {
        let f = run(
            &Organisation,
            "Les membres de l'Alliance du pacte de défense de l'Atlantique Nord (OTAN) ont accepté.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Alliance du pacte de défense de l'Atlantique Nord");
        assert_eq!(f[0].1, "title.organisation-name");
        assert_eq!(f[0].2, "Organisation du traité de l'Atlantique Nord");
        let f = run(&Organisation, "Le Programme mondial de l'alimentation a alerté.");
        assert_eq!(f[0].2, "Programme alimentaire mondial");
    }

    #[test]
    fn flags_english_names() {
        let f = run(&Organisation, "Les pays de la NATO et le State Department.");
        let got: Vec<(&str, &str, &str)> = f.iter().map(|x| (x.0.as_str(), x.1, x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("NATO", "untranslated.organisation-name", "OTAN"),
                (
                    "State Department",
                    "untranslated.organisation-name",
                    "département d'État des États-Unis"
                )
            ]
        );
    }

    #[test]
    fn dont_flag_right_names() {
        for ok in [
            "L'Organisation du traité de l'Atlantique Nord (OTAN) s'est réunie.",
            "L'Agence internationale de l'énergie atomique (AIEA) et le Programme alimentaire mondial (PAM).",
            "Les Nations unies (ONU) et un homme.",
            "UN HOMME ARRÊTÉ À PARIS",
            "Le Premier ministre (OTAN) a parlé.",
        ] {
            assert!(run(&Organisation, ok).is_empty(), "{ok}: {:?}", run(&Organisation, ok));
        }
    }
}
