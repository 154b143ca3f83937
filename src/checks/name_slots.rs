//! Where names sit in French copy: runs of capitalised words, the honorifics
//! and titles that announce a name, the particles inside names. Shared by the
//! name checks; not a check itself.

use std::ops::Range;

use crate::document::{Document, Token, TokenKind, flag};
use crate::phrases::pattern::Class;

/// `M.`, `Mme`, `Mgr`: a name follows.
pub fn is_honorific(folded: &str) -> bool {
    matches!(
        folded,
        "m" | "mme" | "mmes" | "mm" | "mlle" | "mgr" | "me" | "dr" | "pr" | "sir" | "lord" | "dame"
    )
}

/// Titles and roles that stand before a name in French copy (folded).
pub fn is_title_word(folded: &str) -> bool {
    matches!(
        folded,
        "president"
            | "presidente"
            | "vice-president"
            | "ministre"
            | "premier"
            | "premiere"
            | "chancelier"
            | "chanceliere"
            | "secretaire"
            | "porte-parole"
            | "parole"
            | "general"
            | "generale"
            | "gouverneur"
            | "gouverneure"
            | "maire"
            | "pape"
            | "roi"
            | "reine"
            | "prince"
            | "princesse"
            | "emir"
            | "cheikh"
            | "senateur"
            | "senatrice"
            | "depute"
            | "deputee"
            | "ambassadeur"
            | "ambassadrice"
            | "commissaire"
            | "juge"
            | "procureur"
            | "procureure"
            | "chef"
            | "cheffe"
            | "directeur"
            | "directrice"
            | "dirigeant"
            | "dirigeante"
            | "envoye"
            | "envoyee"
            | "emissaire"
            | "colonel"
            | "capitaine"
            | "lieutenant"
            | "marechal"
            | "amiral"
            | "commandant"
            | "conseiller"
            | "conseillere"
            | "representant"
            | "representante"
            | "candidat"
            | "candidate"
            | "opposant"
            | "opposante"
            | "homologue"
            | "archeveque"
            | "eveque"
            | "cardinal"
            | "patriarche"
            | "imam"
            | "ayatollah"
            | "rabbin"
            | "pasteur"
            | "saint"
            | "sainte"
            | "docteur"
            | "professeur"
            | "guide"
            | "leader"
            | "patron"
            | "patronne"
            | "ancien"
            | "ancienne"
            | "feu"
            | "monsieur"
            | "madame"
    )
}

/// Lower-case words inside names: `von der Leyen`, `al-Assad`, `ben Salmane`.
pub fn is_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "du"
            | "des"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "di"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "le"
            | "la"
            | "al"
            | "el"
            | "ul"
            | "bin"
            | "ben"
            | "ibn"
            | "bint"
            | "abu"
            | "abou"
            | "ould"
            | "y"
            | "zu"
    )
}

/// Capitalised function words and sentence openers that are no part of a name.
pub fn is_function_word(folded: &str) -> bool {
    Class::Det.contains(folded)
        || Class::Poss.contains(folded)
        || matches!(
            folded,
            "en" | "et"
                | "ou"
                | "mais"
                | "donc"
                | "or"
                | "ni"
                | "car"
                | "pour"
                | "par"
                | "avec"
                | "sans"
                | "sous"
                | "sur"
                | "dans"
                | "chez"
                | "vers"
                | "selon"
                | "apres"
                | "avant"
                | "pendant"
                | "depuis"
                | "lors"
                | "alors"
                | "ainsi"
                | "puis"
                | "ensuite"
                | "enfin"
                | "cependant"
                | "toutefois"
                | "pourtant"
                | "neanmoins"
                | "outre"
                | "malgre"
                | "face"
                | "grace"
                | "contre"
                | "entre"
                | "parmi"
                | "il"
                | "elle"
                | "ils"
                | "elles"
                | "on"
                | "nous"
                | "vous"
                | "je"
                | "cela"
                | "ceci"
                | "c'"
                | "qui"
                | "que"
                | "qu'"
                | "quand"
                | "comme"
                | "si"
                | "lorsque"
                | "lorsqu'"
                | "tout"
                | "tous"
                | "toute"
                | "toutes"
                | "aucun"
                | "aucune"
                | "chaque"
                | "plusieurs"
                | "a"
                | "ne"
                | "non"
                | "oui"
                | "hier"
                | "aujourd'hui"
                | "demain"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
        )
}

/// Slavic feminine forms of a surname (Zelenska for Zelensky, Navalnaïa for
/// Navalny, Petrova for Petrov): another person, not a misspelling.
pub fn is_gender_pair(a: &str, b: &str) -> bool {
    fn one_way(m: &str, f: &str) -> bool {
        const PAIRS: &[(&str, &str)] = &[
            ("sky", "ska"),
            ("ski", "ska"),
            ("ky", "ka"),
            ("ov", "ova"),
            ("ev", "eva"),
            ("in", "ina"),
            ("yi", "a"),
            ("y", "aia"),
            ("y", "aya"),
            ("i", "a"),
            ("", "a"),
        ];
        PAIRS.iter().any(|(ms, fs)| {
            m.strip_suffix(ms)
                .zip(f.strip_suffix(fs))
                .is_some_and(|(x, y)| x == y && !x.is_empty())
        })
    }
    one_way(a, b) || one_way(b, a)
}

/// Whether a token can be part of a person's name: a capitalised word (not in
/// capitals throughout, which is how datelines and acronyms are written).
pub fn is_name_word(doc: &Document, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.has(flag::CAP) && !t.has(flag::UPPER) && {
        let f = doc.folded(t);
        !is_function_word(f) && !is_title_word(f) && !is_honorific(f)
    }
}

/// Runs of name words (with particles inside), as token index ranges. A run
/// stops at punctuation, at a line break, and at tokens `blocked` marks.
pub fn capitalised_runs(doc: &Document, blocked: &[bool]) -> Vec<Range<usize>> {
    let toks = doc.tokens();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if blocked[i] || !is_name_word(doc, &toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            // Particles are taken only when a name word follows them.
            let mut j = end;
            while j < toks.len()
                && !blocked[j]
                && !toks[j].has(flag::LINE_START)
                && toks[j].is_word()
                && !toks[j].is_cap()
                && is_particle(doc.folded(&toks[j]))
            {
                j += 1;
            }
            if j < toks.len() && !blocked[j] && !toks[j].has(flag::LINE_START) && is_name_word(doc, &toks[j]) {
                end = j + 1;
            } else {
                break;
            }
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// Whether the words right before token `i` announce a name: an honorific
/// (`M.`, `Mme`) or a title (`président`, `ministre ukrainien`).
pub fn announces_name(doc: &Document, i: usize) -> bool {
    let toks = doc.tokens();
    let mut k = i;
    // Skip the full stop of `M.`: `M` is Monsieur only with it.
    let period = k > 0 && doc.folded(&toks[k - 1]) == ".";
    if period {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    let prev = doc.folded(&toks[k - 1]);
    if (is_honorific(prev) && (prev != "m" || period)) || is_title_word(prev) {
        return true;
    }
    // "le gouverneur de la région de Donetsk, Vadym Filachkine": a title at
    // most eight tokens back, with commas, articles, capitalised words and at
    // most two other lower-case words in between.
    let mut others = 0;
    for j in (k.saturating_sub(8)..k).rev() {
        let t = &toks[j];
        let f = doc.folded(t);
        if is_title_word(f) || is_honorific(f) {
            return true;
        }
        match t.kind {
            TokenKind::Punct if f != "," => return false,
            TokenKind::Word if !t.is_cap() && !is_particle(f) && !is_function_word(f) => {
                others += 1;
                if others > 2 {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn runs(text: &str) -> Vec<String> {
        let d = Document::new("t", text.to_string(), Meta::default());
        let blocked = vec![false; d.tokens().len()];
        capitalised_runs(&d, &blocked)
            .into_iter()
            .map(|r| d.span_text(r.start, r.end - 1).to_string())
            .collect()
    }

    #[test]
    fn runs_take_particles_inside_names_only() {
        assert_eq!(runs("Selon Ursula von der Leyen, la"), ["Ursula von der Leyen"]);
        assert_eq!(runs("Bachar al-Assad et de Gaulle"), ["Bachar al-Assad", "Gaulle"]);
        assert_eq!(runs("Le président Peter Pellegrini a dit"), ["Peter Pellegrini"]);
        assert_eq!(runs("OTAN JAKARTA Kuleba"), ["Kuleba"]);
        assert_eq!(runs("Paris\nBerlin"), ["Paris", "Berlin"]);
    }

    #[test]
    fn name_slots() {
        let d = Document::new(
            "t",
            "M. Ficco et le ministre lituanien des Affaires étrangères, Gabrilius. Puis Kuleba. \
             Pour la première fois des missiles américains et britanniques Storm Shadow"
                .into(),
            Meta::default(),
        );
        let idx = |w: &str| d.tokens().iter().position(|t| d.token_text(t) == w).unwrap();
        assert!(announces_name(&d, idx("Ficco")));
        assert!(announces_name(&d, idx("Gabrilius")));
        assert!(!announces_name(&d, idx("Kuleba")));
        assert!(!announces_name(&d, idx("Storm")));
    }

    #[test]
    fn gender_pairs() {
        assert!(is_gender_pair("zelensky", "zelenska"));
        assert!(is_gender_pair("petrova", "petrov"));
        assert!(is_gender_pair("navalny", "navalnaia"));
        assert!(!is_gender_pair("fico", "ficco"));
        assert!(!is_gender_pair("sheinbaum", "sheinbaun"));
    }
}
