//! `dateline.english-spelling`: a dateline place written the English way
//! where French has its own form (BRUSSELS for BRUXELLES, GENEVA for GENÈVE).

use super::{Check, Context, RuleMeta, Sink};
use crate::finding::{Category, Severity};
use crate::kb::{FormStatus, Owner, VariantKind};

pub struct DatelineSpelling;

pub static ENGLISH_SPELLING: RuleMeta = RuleMeta {
    id: "dateline.english-spelling",
    category: Category::Dateline,
    severity: Severity::Major,
    summary: "A dateline place in its English form (BRUSSELS for BRUXELLES)",
    docs: "The place that opens the article is one of the English forms `places.csv` or \
           `countries.csv` gives for a place whose French form differs: BRUSSELS, GENEVA, \
           MOSCOW, BEIJING, THE HAGUE, DAMASCUS, BAKU, TBILISI. Forms that French shares \
           (NEW DELHI, WASHINGTON) are accepted forms and stay silent. The suggestion is the \
           French form, in capitals when the dateline is. Confidence 1.00.",
};

impl Check for DatelineSpelling {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ENGLISH_SPELLING];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let Some(dl) = cx.doc.dateline() else { return };
        let names = cx.kb.names();
        let forms = names.by_key(&dl.place_key(cx.doc));
        if forms.iter().any(|&f| names.form(f).status == FormStatus::Accepted) {
            return;
        }
        let Some(owner) = forms.iter().map(|&f| names.form(f)).find_map(|f| {
            (f.status == FormStatus::Variant(VariantKind::PlaceEnglish)
                && matches!(f.owner, Owner::Place(_) | Owner::Country(_)))
            .then_some(f.owner)
        }) else {
            return;
        };
        let french = cx.kb.canonical(owner);
        let suggestion = if dl.upper {
            french.to_uppercase()
        } else {
            french.to_string()
        };
        let found = &cx.doc.text[dl.place.clone()];
        out.report(
            &ENGLISH_SPELLING,
            dl.place.clone(),
            1.0,
            suggestion.clone(),
            format!("« {found} » est la forme anglaise ; en français, la dépêche porte « {suggestion} »."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_english_datelines() {
        let f = run(&DatelineSpelling, "BRUSSELS (AFP) - Les ministres se sont réunis.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].2.as_str()), ("BRUSSELS", "BRUXELLES"));
        let f = run(&DatelineSpelling, "Titre\n\nThe Hague, 4 avril 2024 - La Cour a jugé.");
        assert_eq!(f[0].2, "La Haye");
    }

    #[test]
    fn dont_flag_french_or_shared_forms() {
        for ok in [
            "BRUXELLES - Texte.",
            "NEW DELHI - Texte.",
            "WASHINGTON - Texte.",
            "KIEV - Texte.",
            "GENÈVE (AFP) - Texte.",
        ] {
            assert!(run(&DatelineSpelling, ok).is_empty(), "{ok}");
        }
    }
}
