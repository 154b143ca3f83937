//! `name.translated-name`: a proper name translated as if it were a word
//! (`Facture Clinton` for Bill Clinton, `Espoir Hicks` for Hope Hicks,
//! `George Buisson` for George Bush).

use super::name_slots::is_name_word;
use super::{Check, Context, RuleMeta, Sink};
use crate::document::flag;
use crate::finding::{Category, Severity};

pub struct TranslatedName;

pub static TRANSLATED_NAME: RuleMeta = RuleMeta {
    id: "name.translated-name",
    category: Category::Name,
    severity: Severity::Major,
    summary: "A proper name translated as a common word (Espoir Hicks for Hope Hicks)",
    docs: "A capitalised French common word that translates an English first name or surname \
           (Espoir/Hope, Facture/Bill, Volonté/Will, Foi/Faith, Buisson/Bush, Riz/Rice, \
           Chasseur/Hunter, Atout/Trump, Rapide/Swift…), in a name position: right before or after another \
           capitalised name word that is no French common word. Words that \
           are also French surnames (Pierre, Blanc, Petit, Meunier) are left out. Confidence \
           0.75 next to a name the KB knows, 0.60 next to another name. The suggestion is the \
           English name.",
};

/// French words MT produces from English names, and the names (folded French).
fn english_name_of(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "facture" => "Bill",
        "espoir" => "Hope",
        "volonte" => "Will",
        "foi" => "Faith",
        "joie" => "Joy",
        "riche" => "Rich",
        "chasseur" => "Hunter",
        "buisson" => "Bush",
        "riz" => "Rice",
        "atout" => "Trump",
        "marcheur" => "Walker",
        "portes" => "Gates",
        "especes" => "Cash",
        "renard" => "Fox",
        "loup" => "Wolf",
        "forgeron" => "Smith",
        "tailleur" => "Taylor",
        "cuisinier" => "Cook",
        "eveque" => "Bishop",
        "colline" => "Hill",
        "banques" => "Banks",
        "aube" => "Dawn",
        "tempete" => "Storm",
        "agneau" => "Lamb",
        "faucon" => "Hawk",
        "poursuite" => "Chase",
        "gue" => "Ford",
        "puits" => "Wells",
        "fort" => "Strong",
        "jeune" => "Young",
        "prix" => "Price",
        "marque" => "Mark",
        "charite" => "Charity",
        "lierre" => "Ivy",
        "houx" => "Holly",
        "ruisseau" => "Brook",
        "rapide" => "Swift",
        "noir" => "Black",
        "vert" => "Green",
        "pecheur" => "Fisher",
        "amour" => "Love",
        _ => return None,
    })
}

impl Check for TranslatedName {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&TRANSLATED_NAME];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let names = cx.kb.names();
        for (i, t) in toks.iter().enumerate() {
            if !t.is_cap() || t.has(flag::UPPER) {
                continue;
            }
            let Some(english) = english_name_of(doc.folded(t)) else {
                continue;
            };
            // A neighbour that is a name: capitalised, no French common word.
            let name_at = |k: usize| {
                toks.get(k)
                    .is_some_and(|n| is_name_word(doc, n) && !cx.class(k).is_some_and(|c| c.french))
            };
            let before = i > 0 && name_at(i - 1) && !t.has(flag::LINE_START);
            let after = name_at(i + 1) && !toks[i + 1].has(flag::LINE_START);
            if !(before || after) {
                continue;
            }
            let neighbour_known = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|k| toks.get(k))
                .any(|n| names.is_known_token(doc.folded(n)));
            let confidence = if neighbour_known { 0.75 } else { 0.6 };
            let found = doc.token_text(t);
            out.report(
                &TRANSLATED_NAME,
                t.range(),
                confidence,
                english,
                format!("« {found} » : un nom propre traduit comme un mot commun (l'anglais « {english} » ?)."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_translated_names() {
        let f = run(
            &TranslatedName,
            "L'ancien président Facture Clinton et George Buisson ont parlé avec Espoir Hicks.",
        );
        let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(got, [("Facture", "Bill"), ("Buisson", "Bush"), ("Espoir", "Hope")]);
    }

    #[test]
    fn dont_flag_words_or_french_names() {
        for ok in [
            "L'espoir demeure. Facture et devis sont arrivés.",
            "Espoir : les négociations reprennent à Genève.",
            "Le ministre Pierre Blanc et Jean Petit.",
        ] {
            assert!(
                run(&TranslatedName, ok).is_empty(),
                "{ok}: {:?}",
                run(&TranslatedName, ok)
            );
        }
    }
}
