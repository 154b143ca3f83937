//! `transliteration.russian-toponym`: a Ukrainian place written in the form
//! derived from Russian (Kharkov for Kharkiv), from the `variants` column of
//! `places.csv`; and, in the Ukrainian house style, Kiev and Odessa too.

use super::{Check, Context, RuleMeta, Sink};
use crate::checker::Toponyms;
use crate::finding::{Category, Severity};
use crate::kb::{FormStatus, Owner, VariantKind};

pub struct Toponym;

pub static RUSSIAN_TOPONYM: RuleMeta = RuleMeta {
    id: "transliteration.russian-toponym",
    category: Category::Transliteration,
    severity: Severity::Minor,
    summary: "A Ukrainian place name in its Russian-derived form (Kharkov for Kharkiv)",
    docs: "The French press now writes Ukrainian places in their Ukrainian form: Kharkiv, \
           Mykolaïv, Zaporijjia, Lviv, Tcherniguiv, Rivne, Kryvyï Rig, Vinnytsia. The forms \
           derived from Russian (Kharkov, Nikolaev, Zaporojie, Lvov, Tchernigov, Rovno, Krivoï \
           Rog, Vinnitsa) are the KB's `variants` of those places: each is reported with \
           confidence 1.00 and the Ukrainian form as suggestion. Kiev and Odessa remain the \
           forms of AFP and Le Monde and are accepted by default; `--toponyms ukrainian` \
           reports them too (Kyiv, Odesa, confidence 0.90) and `--toponyms traditional` \
           accepts every traditional form (the rule stays silent).",
};

/// Traditional forms the AFP style keeps and the Ukrainian style replaces.
const UKRAINIAN_STYLE: &[(&str, &str)] = &[("kiev", "Kyiv"), ("odessa", "Odesa")];

impl Check for Toponym {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&RUSSIAN_TOPONYM];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let style = cx.config.toponyms;
        if style == Toponyms::Traditional {
            return;
        }
        let names = cx.kb.names();
        let toks = cx.doc.tokens();
        for m in cx.mentions {
            let range = toks[m.first].start as usize..toks[m.last].end as usize;
            let found = &cx.doc.text[range.clone()];
            let mut place = None;
            let mut wrong = true;
            for &id in &m.forms {
                let f = names.form(id);
                match (f.owner, f.status) {
                    (Owner::Place(p), FormStatus::Variant(VariantKind::Listed)) => place = Some(p),
                    (Owner::Place(p), FormStatus::Accepted) => {
                        place = Some(p);
                        wrong = false;
                    }
                    _ => {}
                }
            }
            let Some(p) = place else { continue };
            let row = cx.kb.place(p);
            if wrong {
                let suggestion = &row.french[0];
                out.report(
                    &RUSSIAN_TOPONYM,
                    range,
                    1.0,
                    suggestion.clone(),
                    format!("« {found} » est la forme dérivée du russe ; la presse française écrit « {suggestion} »."),
                );
            } else if style == Toponyms::Ukrainian && row.country == "UA" {
                let key = crate::fold::fold(found);
                if let Some(&(_, ukrainian)) = UKRAINIAN_STYLE.iter().find(|(k, _)| *k == key) {
                    out.report(
                        &RUSSIAN_TOPONYM,
                        range,
                        0.9,
                        ukrainian,
                        format!(
                            "« {found} » : la charte de la rédaction retient la forme ukrainienne « {ukrainian} »."
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_russian_derived_toponyms() {
        let f = run(&Toponym, "Une frappe sur Kharkov et sur Nikolaev.");
        let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(got[0], ("Kharkov", "Kharkiv"));
        assert_eq!(got.len(), 2, "{f:?}");
    }

    #[test]
    fn dont_flag_afp_forms() {
        assert!(run(&Toponym, "De Kiev à Odessa, puis Kharkiv, Lviv et Dnipro. Le Dniepr.").is_empty());
    }
}

#[cfg(test)]
mod style_tests {
    use super::*;
    use crate::checker::Config;
    use crate::checks::testing::run_with;

    #[test]
    fn house_styles() {
        let text = "De Kiev à Odessa, puis Kharkov.";
        let ukrainian = Config {
            toponyms: Toponyms::Ukrainian,
            ..Config::default()
        };
        let f = run_with(&Toponym, text, &ukrainian);
        let got: Vec<&str> = f.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(got, ["Kyiv", "Odesa", "Kharkiv"]);
        let traditional = Config {
            toponyms: Toponyms::Traditional,
            ..Config::default()
        };
        assert!(run_with(&Toponym, text, &traditional).is_empty());
    }
}
