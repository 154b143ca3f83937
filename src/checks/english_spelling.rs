//! `name.english-spelling`: a person's name in its English romanisation where
//! the French press writes another (Kuleba for Kouleba, Zelenskyy for Zelensky).

use super::persons::person_variant;
use super::{Check, Context, RuleMeta, Sink};
use crate::finding::{Category, Severity};
use crate::kb::VariantKind;

pub struct EnglishSpelling;

pub static ENGLISH_SPELLING: RuleMeta = RuleMeta {
    id: "name.english-spelling",
    category: Category::Name,
    severity: Severity::Minor,
    summary: "A name in its English romanisation where the French press writes another form",
    docs: "Russian, Ukrainian, Arabic, Persian and other names are romanised differently in \
           English and French copy: Kuleba/Kouleba, Shmyhal/Chmyhal, Sergei/Sergueï, \
           Bashar/Bachar, Aliyev/Aliev. Machine translation keeps the English form. The rule \
           reports the KB's listed English forms (confidence 1.00) and the forms derived from \
           each accepted French form by the English romanisation rules (ou→u, ch→sh, tch→ch, \
           j→zh, gue→ge, -sky→-skyy/-skyi, -ine→-in…; confidence 0.90, 0.80 for a surname \
           alone, which must stand alone and not be another person's first name). Suggestion: \
           the accepted form of the same shape.",
};

impl Check for EnglishSpelling {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ENGLISH_SPELLING];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        for m in cx.mentions {
            let Some(v) = person_variant(cx, m) else { continue };
            let confidence = match v.kind {
                VariantKind::ListedEnglish => 1.0,
                VariantKind::GeneratedEnglish if m.first == m.last => 0.8,
                VariantKind::GeneratedEnglish => 0.9,
                _ => continue,
            };
            let found = cx.doc.span_text(m.first, m.last);
            out.report(
                &ENGLISH_SPELLING,
                v.range.clone(),
                confidence,
                v.suggestion.clone(),
                format!(
                    "« {found} » est la graphie anglaise ; la presse française écrit « {} ».",
                    v.suggestion
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
    fn flags_listed_and_derived_english_forms() {
        let f = run(
            &EnglishSpelling,
            "Dmytro Kuleba a rencontré Sergei Lavrov, puis Kuleba est parti.",
        );
        let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Dmytro Kuleba", "Dmytro Kouleba"),
                ("Sergei Lavrov", "Sergueï Lavrov"),
                ("Kuleba", "Kouleba")
            ]
        );
    }

    #[test]
    fn derived_forms_of_people_the_kb_does_not_list_as_variants() {
        // Roustem Oumerov -> Rustem Umerov is derived, whether listed or not.
        let f = run(&EnglishSpelling, "Le ministre Rustem Umerov est arrivé.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "Roustem Oumerov");
    }

    #[test]
    fn dont_flag_french_forms() {
        assert!(
            run(
                &EnglishSpelling,
                "Dmytro Kouleba, Sergueï Lavrov et Volodymyr Zelensky."
            )
            .is_empty()
        );
    }

    #[test]
    fn dont_flag_a_derived_surname_used_as_a_first_name() {
        assert!(run(&EnglishSpelling, "L'écrivain Salman Rushdie a parlé.").is_empty());
    }
}
