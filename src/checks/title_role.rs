//! `title.role-mismatch`: a title right before a known person that
//! contradicts the KB (`le ministre des Affaires étrangères Blinken` for the US
//! Secretary of State; `le président slovaque Robert Fico` for the Prime
//! Minister).

use super::persons::{accepted_person, person_variant};
use super::{Check, Context, RuleMeta, Sink};
use crate::document::{Document, TokenKind};
use crate::finding::{Category, Severity};
use crate::kb::{Kb, Title};

pub struct TitleRole;

pub static ROLE_MISMATCH: RuleMeta = RuleMeta {
    id: "title.role-mismatch",
    category: Category::Title,
    severity: Severity::Critical,
    summary: "A title before a known person that contradicts the person's offices",
    docs: "The title right before a person the KB knows (`le ministre des Affaires \
           étrangères Blinken`, `le président slovaque, Robert Fico`) is compared with the \
           person's titles in `entities.csv`: nationality words are set aside, feminine \
           and masculine forms are one, `chef de la diplomatie`, `chef de l'État` and `chef \
           du gouvernement` stand for the matching offices, and a title less or more \
           specific than the KB's (`ministre` for `ministre des Affaires étrangères`, \
           `président de la République` for `président`) agrees with it. Titles held at the \
           document's date count (the dateline's date, else the publication date); without \
           a date, any title held in 2020-2026. A former office (`l'ancien`, `l'ex-`) or a \
           future one (`élu`, `désigné`) is not checked. Another office altogether is \
           reported with confidence 0.90 (`président` for a Prime Minister), the same office \
           of another body with 0.75 (`président de la Commission` for the President of the \
           European Council). The suggestion is the person's title at that date.",
};

/// Words that head a title the KB records (folded).
fn is_office_head(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "presidente"
            | "ministre"
            | "secretaire"
            | "chancelier"
            | "chanceliere"
            | "guide"
            | "roi"
            | "reine"
            | "emir"
            | "commissaire"
            | "gouverneur"
            | "gouverneure"
            | "maire"
            | "directeur"
            | "directrice"
            | "archeveque"
            | "eveque"
            | "pape"
            | "vice-president"
            | "vice-presidente"
            | "chef"
            | "cheffe"
    )
}

/// Words that extend a head to its left (`Premier ministre`, `vice-président`).
fn is_head_modifier(w: &str) -> bool {
    matches!(w, "premier" | "premiere" | "vice" | "haut" | "haute")
}

/// Words that mark a title as past or future: not checked.
fn is_out_of_time(w: &str) -> bool {
    matches!(
        w,
        "ancien"
            | "ancienne"
            | "anciens"
            | "ex"
            | "futur"
            | "future"
            | "elu"
            | "elue"
            | "designe"
            | "designee"
            | "feu"
            | "defunt"
            | "defunte"
            | "interimaire"
            | "sortant"
            | "sortante"
    )
}

/// Words that cannot stand inside a title phrase: a title ends before them.
fn is_blocker(w: &str) -> bool {
    matches!(
        w,
        "a" | "ont"
            | "est"
            | "sont"
            | "avait"
            | "etait"
            | "sera"
            | "qui"
            | "que"
            | "qu'"
            | "dont"
            | "il"
            | "elle"
            | "selon"
            | "avec"
            | "pour"
            | "par"
            | "sur"
            | "dans"
            | "contre"
            | "entre"
            | "apres"
            | "avant"
            | "lors"
            | "ou"
            | "mais"
            | "donc"
            | "comme"
    )
}

fn masculine(w: &str) -> &str {
    match w {
        "presidente" => "president",
        "premiere" => "premier",
        "chanceliere" => "chancelier",
        "directrice" => "directeur",
        "gouverneure" => "gouverneur",
        "cheffe" => "chef",
        "ambassadrice" => "ambassadeur",
        "generale" => "general",
        "executive" => "executif",
        "vice-presidente" => "vice-president",
        "haute" => "haut",
        "deleguee" => "delegue",
        _ => w,
    }
}

/// A title as comparable words: folded, masculine, nationality words and
/// articles set aside, synonyms of offices replaced.
fn role_key(kb: &Kb, words: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for (i, &w) in words.iter().enumerate() {
        // A nationality word is set aside, a country named after `de` is not
        // (`président de l'Ukraine`).
        let after_de = i > 0 && matches!(words[i - 1], "de" | "du" | "d'" | "l'");
        if kb.country_of_word(w).is_some() && !after_de {
            continue;
        }
        if matches!(
            w,
            "de" | "du" | "des" | "d'" | "la" | "le" | "l'" | "les" | "et" | "," | "en"
        ) {
            continue;
        }
        out.push(masculine(w));
    }
    let key = out.join(" ");
    match key.as_str() {
        "chef etat" => "president".into(),
        "chef gouvernement" | "president gouvernement" | "president conseil" => "premier ministre".into(),
        "chef diplomatie" => "chef diplomatie".into(),
        _ => key,
    }
}

/// Whether two role keys name the same office: the same head, and the words
/// of one among the words of the other (`ministre` and `ministre affaires
/// etrangeres`; `chef forces armees` and `commandant chef forces armees`), or
/// both the foreign ministry (`chef diplomatie`).
fn compatible(text: &str, kb: &str) -> bool {
    const DIPLOMACY: &[&str] = &[
        "ministre affaires etrangeres",
        "secretaire etat",
        "ministre europe affaires etrangeres",
        "ministre relations exterieures",
    ];
    if text == "chef diplomatie" {
        return DIPLOMACY.iter().any(|d| kb.starts_with(d));
    }
    let (tw, kw): (Vec<&str>, Vec<&str>) = (text.split(' ').collect(), kb.split(' ').collect());
    let subset = |a: &[&str], b: &[&str]| a.iter().all(|w| b.contains(w));
    text == kb || (head_of(text) == head_of(kb) || subset(&tw, &kw)) && (subset(&tw, &kw) || subset(&kw, &tw))
}

/// The office a role key names, without its body (`premier ministre`,
/// `president`).
fn head_of(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').collect();
    match words.as_slice() {
        [m @ ("premier" | "vice" | "haut"), n, ..] => format!("{m} {n}"),
        [h, ..] => (*h).to_string(),
        [] => String::new(),
    }
}

/// The title phrase before token `name`: (first token, end token exclusive,
/// folded words), if there is one and it is of the present.
fn title_before(doc: &Document, name: usize) -> Option<(usize, usize, Vec<&str>)> {
    let toks = doc.tokens();
    let mut end = name;
    if end > 0 && doc.folded(&toks[end - 1]) == "," {
        end -= 1;
    }
    // The nearest head before the name (`la reine Letizia et du chef du
    // gouvernement, Pedro Sánchez`: `chef`).
    let mut head = None;
    for j in (end.saturating_sub(10)..end).rev() {
        let t = &toks[j];
        let f = doc.folded(t);
        if t.kind == TokenKind::Punct || is_blocker(f) {
            break;
        }
        if is_office_head(f) {
            head = Some(j);
            break;
        }
    }
    let mut first = head?;
    while first > 0 && is_head_modifier(doc.folded(&toks[first - 1])) {
        first -= 1;
    }
    // A title is introduced by an article or a preposition, or opens the
    // text: `investi président, Ousmane Sonko` is no title of Sonko.
    if first > 0 {
        let before = &toks[first - 1];
        let f = doc.folded(before);
        if is_out_of_time(f) {
            return None;
        }
        let introduces = matches!(
            f,
            "le" | "la"
                | "l'"
                | "les"
                | "un"
                | "une"
                | "du"
                | "des"
                | "au"
                | "aux"
                | "de"
                | "d'"
                | "par"
                | "pour"
                | "avec"
                | "selon"
                | "contre"
                | "chez"
                | "entre"
                | "sur"
                | "son"
                | "sa"
                | "leur"
                | "«"
                | ":"
        );
        if !introduces && !toks[first].has(crate::document::flag::LINE_START) {
            return None;
        }
    }
    let words: Vec<&str> = toks[first..end].iter().map(|t| doc.folded(t)).collect();
    if words.iter().any(|w| is_out_of_time(w)) {
        return None;
    }
    Some((first, end, words))
}

/// The titles that count at the document's date.
fn titles_in_force(titles: &[Title], year: Option<i32>) -> Vec<&Title> {
    let (first, last) = match year.and_then(|y| u16::try_from(y).ok()) {
        Some(y) => (y, y),
        None => (2020, 2026),
    };
    titles.iter().filter(|t| t.overlaps(first, last)).collect()
}

impl Check for TitleRole {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ROLE_MISMATCH];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let (doc, kb) = (cx.doc, cx.kb);
        let year = doc.date().and_then(|d| d.year);
        for m in cx.mentions {
            let Some(entity) = accepted_person(cx, m).or_else(|| person_variant(cx, m).map(|v| v.entity)) else {
                continue;
            };
            let Some((first, end, words)) = title_before(doc, m.first) else {
                continue;
            };
            let person = kb.entity(entity);
            let in_force = titles_in_force(&person.titles, year);
            if in_force.is_empty() {
                continue;
            }
            let text_key = role_key(kb, &words);
            if text_key.is_empty() {
                continue;
            }
            let kb_keys: Vec<(String, &Title)> = in_force
                .iter()
                .filter_map(|t| {
                    let d = Document::fragment(&t.role);
                    let ws: Vec<&str> = d.tokens().iter().map(|x| d.folded(x)).collect();
                    let k = role_key(kb, &ws);
                    (!k.is_empty()).then_some((k, *t))
                })
                .collect();
            if kb_keys.iter().any(|(k, _)| compatible(&text_key, k)) {
                continue;
            }
            // The same office of another body (président de la Commission /
            // du Conseil) is a mismatch only when the text names the body: a
            // capitalised word after the head (`directeur général de
            // l'agence` is just vaguer).
            let same_head = kb_keys.iter().any(|(k, _)| head_of(k) == head_of(&text_key));
            let toks = doc.tokens();
            let names_body = toks[first + 1..end]
                .iter()
                .any(|t| t.is_cap() && kb.country_of_word(doc.folded(t)).is_none() && !is_head_modifier(doc.folded(t)));
            if same_head && !names_body {
                continue;
            }
            // A generic `chef` (of a group, a party) is not an office the KB records.
            if head_of(&text_key) == "chef" {
                continue;
            }
            let confidence = if same_head { 0.75 } else { 0.9 };
            let right = in_force
                .iter()
                .max_by_key(|t| (t.to.unwrap_or(u16::MAX), t.from.unwrap_or(0)))
                .map(|t| t.role.clone())
                .unwrap_or_default();
            let range = toks[first].start as usize..toks[end - 1].end as usize;
            let found = &doc.text[range.clone()];
            let when = match year {
                Some(y) => format!("en {y}"),
                None => "ces années".to_string(),
            };
            out.report(
                &ROLE_MISMATCH,
                range,
                confidence,
                right.clone(),
                format!(
                    "« {found} » : {} était {when} {right}, pas {found} ; titre erroné.",
                    person.canonical
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
    fn flags_wrong_titles() {
        let f = run(&TitleRole, "Le ministre des Affaires étrangères Blinken a parlé.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].2.as_str()),
            ("ministre des Affaires étrangères", "secrétaire d'État")
        );
        let f = run(&TitleRole, "Le président slovaque Robert Fico a été blessé.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "président slovaque");
        assert_eq!(f[0].3, 0.9);
    }

    #[test]
    fn dont_flag_right_or_past_titles() {
        for ok in [
            "Le secrétaire d'État américain Antony Blinken a parlé.",
            "Le secrétaire général de l'OTAN, Jens Stoltenberg, a parlé.",
            "Le ministre ukrainien des Affaires étrangères, Dmytro Kouleba, a parlé.",
            "Le chef de la diplomatie américaine, Antony Blinken, a parlé.",
            "L'ancien Premier ministre Boris Johnson a parlé.",
            "Le Premier ministre slovaque Robert Fico a parlé.",
            "Le ministre Dmytro Kouleba a parlé.",
            "Le président ukrainien Volodymyr Zelensky a parlé.",
            "La présidente de la Commission européenne, Ursula von der Leyen, a parlé.",
            "Bassirou Diomaye Faye investi président, Ousmane Sonko nommé Premier ministre.",
            "Selon la reine Letizia et du chef du gouvernement, Pedro Sánchez, tout va bien.",
        ] {
            assert!(run(&TitleRole, ok).is_empty(), "{ok}: {:?}", run(&TitleRole, ok));
        }
    }

    #[test]
    fn dates_decide_which_titles_count() {
        // Erdogan was Prime Minister until 2014, President since.
        assert!(
            !run(
                &TitleRole,
                "ANKARA, 4 avril 2024 - Le Premier ministre Recep Tayyip Erdogan a parlé."
            )
            .is_empty()
        );
        assert!(
            run(
                &TitleRole,
                "ANKARA, 4 avril 2012 - Le Premier ministre Recep Tayyip Erdogan a parlé."
            )
            .is_empty()
        );
    }

    #[test]
    fn role_keys() {
        assert_eq!(head_of("premier ministre"), "premier ministre");
        assert_eq!(head_of("president commission"), "president");
        assert!(compatible("ministre", "ministre affaires etrangeres"));
        assert!(compatible("president republique", "president"));
        assert!(compatible("chef forces armees", "commandant chef forces armees"));
        assert!(compatible(
            "vice-president commission europeenne",
            "vice-president executif commission europeenne"
        ));
        assert!(!compatible("ministre affaires etrangeres", "secretaire etat"));
        assert!(!compatible("president", "premier ministre"));
        assert!(compatible("chef diplomatie", "secretaire etat"));
    }
}
