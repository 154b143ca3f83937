//! `name.unknown-garble`: a name in a titled slot, made of words no lexicon
//! and no KB form knows, that is a known person's name once its English
//! romanisation is undone (`le gouverneur Vadym Filashkyn` for Vadym
//! Filachkine).

use super::name_slots::announces_name;
use super::near_miss::{candidates, person_aside};
use super::persons::de;
use super::{Check, Context, RuleMeta, Sink};
use crate::finding::{Category, Severity};
use crate::kb::romanise::french_form;

pub struct UnknownGarble;

pub static UNKNOWN_GARBLE: RuleMeta = RuleMeta {
    id: "name.unknown-garble",
    category: Category::Name,
    severity: Severity::Major,
    summary: "An unknown name after a title that is a known person's once romanised the French way",
    docs: "A run of capitalised words after a title or an honorific (`le gouverneur Vadym \
           Filashkyn`), some of them known to neither lexicon nor the KB, that matches no known \
           name as written but does once each unknown word is romanised the French way \
           (sh→ch, zh→j, -yy→-y, u→ou…): the name of a person the KB holds, garbled by an \
           English transliteration and a typo. The match is name.near-miss's on the rewritten \
           words (an anchor word, the others close); confidence that of the match less 0.10. \
           The suggestion is the KB's form.",
};

impl Check for UnknownGarble {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&UNKNOWN_GARBLE];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let names = cx.kb.names();
        for run in cx.free_runs().iter().cloned() {
            if run.len() < 2 || run.len() > 4 || !announces_name(doc, run.start) {
                continue;
            }
            let unknown = |i: usize| {
                cx.class(i).is_some_and(|c| !c.french && !c.english && !c.name)
                    && !names.is_known_token(doc.folded(&toks[i]))
            };
            if !run.clone().any(unknown) {
                continue;
            }
            let rewritten: Vec<String> = run
                .clone()
                .map(|i| {
                    let lower = crate::fold::lower(doc.token_text(&toks[i]));
                    match unknown(i).then(|| french_form(&lower)).flatten() {
                        Some(f) => crate::fold::fold(&f),
                        None => doc.folded(&toks[i]).to_string(),
                    }
                })
                .collect();
            let original: Vec<&str> = run.clone().map(|i| doc.folded(&toks[i])).collect();
            if rewritten.iter().zip(&original).all(|(r, o)| r == o) {
                continue;
            }
            let refs: Vec<&str> = rewritten.iter().map(String::as_str).collect();
            let mut found = candidates(cx.kb, &refs, false);
            found.retain(|c| c.len >= 2);
            found.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.form.cmp(&b.form)));
            let Some(best) = found.first() else { continue };
            let (a, b) = (run.start + best.start, run.start + best.start + best.len - 1);
            let span = doc.span_text(a, b);
            let form = &names.form(best.form).text;
            let who = person_aside(cx.kb, best.entity);
            out.report(
                &UNKNOWN_GARBLE,
                toks[a].start as usize..toks[b].end as usize,
                (best.confidence - 0.1).min(0.85),
                form.clone(),
                format!(
                    "« {span} » n'est pas un nom connu, mais romanisé à la française il ressemble au nom {}{who}.",
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
    fn flags_garbled_transliterations() {
        let f = run(
            &UnknownGarble,
            "Le gouverneur de la région de Donetsk, Vadym Filashkyn, a annoncé l'évacuation.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].2.starts_with("Vadym Filach"), "{f:?}");
    }

    #[test]
    fn dont_flag_unknown_people() {
        for ok in [
            "Le gouverneur de la région, Ivan Petrenko, a parlé.",
            "Le ministre Jean Dupont a parlé.",
        ] {
            assert!(
                run(&UnknownGarble, ok).is_empty(),
                "{ok}: {:?}",
                run(&UnknownGarble, ok)
            );
        }
    }
}
