//! `name.known-variant`: a wrong form of a person's name that the KB lists.

use super::persons::{de, person_variant};
use super::{Check, Context, RuleMeta, Sink};
use crate::finding::{Category, Severity};
use crate::kb::VariantKind;

pub struct KnownVariant;

pub static KNOWN_VARIANT: RuleMeta = RuleMeta {
    id: "name.known-variant",
    category: Category::Name,
    severity: Severity::Major,
    summary: "A misspelling of a person's name that the knowledge base lists as wrong",
    docs: "The KB's `variants` column lists forms of a person's name that French copy must not \
           carry: misspellings that machine translation is known to produce, and foreign forms \
           (German `Selenskyj`, `Nicholas Maduro`). Each is reported with confidence 1.00 and the \
           accepted form of the same shape (surname alone for a surname, full name for a full \
           name) as suggestion. English romanisations are reported by `name.english-spelling`.",
};

impl Check for KnownVariant {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&KNOWN_VARIANT];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        for m in cx.mentions {
            let Some(v) = person_variant(cx, m) else { continue };
            if v.kind != VariantKind::Listed {
                continue;
            }
            let found = cx.doc.span_text(m.first, m.last);
            let canonical = &cx.kb.entity(v.entity).canonical;
            out.report(
                &KNOWN_VARIANT,
                v.range.clone(),
                1.0,
                v.suggestion.clone(),
                format!(
                    "« {found} » n'est pas la graphie de la presse française pour le nom {} ; écrire « {} ».",
                    de(canonical),
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
    fn flags_listed_misspellings() {
        let f = run(&KnownVariant, "Le président vénézuélien Nicholas Maduro a parlé.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Nicholas Maduro");
        assert_eq!(f[0].2, "Nicolas Maduro");
        assert_eq!(f[0].3, 1.0);
    }

    #[test]
    fn dont_flag_accepted_forms_or_english_spellings() {
        assert!(run(&KnownVariant, "Le président Nicolas Maduro et M. Maduro.").is_empty());
        assert!(run(&KnownVariant, "Dmytro Kuleba a parlé.").is_empty());
    }
}
