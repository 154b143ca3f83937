//! `untranslated.foreign-word`: a lower-case word that neither lexicon nor the
//! KB knows, shaped like a word of another source language (Indonesian
//! `tersangka`, German `Hauptstadt`, Spanish `investigación`).

use rustc_hash::FxHashMap;

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{TokenKind, flag};
use crate::finding::{Category, Severity};
use crate::wordset::WordSet;

pub struct ForeignWord;

pub static FOREIGN_WORD: RuleMeta = RuleMeta {
    id: "untranslated.foreign-word",
    category: Category::Untranslated,
    severity: Severity::Major,
    summary: "A word of another language left in French copy (Indonesian, German, Spanish, Italian)",
    docs: "A word that the French and English lexicons and the KB do not know, in French \
           running text: a function word of Indonesian/Malay, Spanish, Portuguese, Italian, \
           German or Turkish (yang, según, und, için: 0.80; capitalised only where a sentence \
           starts, never inside a name such as Sturm und Drang), or a lower-case word of five \
           letters or more shaped like a word of such a language: Indonesian (me-/ber-/di-/ \
           ter-/pe-/ke- prefixes with -kan/-nya/-an/-ah endings, `ngk`/`ngg`/`nya` clusters), \
           German (`sch`, `tz`, `ß`, -ung/-heit/-keit/-lich/-schaft), Spanish (`ñ`, -ción/-ado/ \
           -idad), Italian (-zione/-gli/-cchi). A strong shape (affix pairs, German suffixes, \
           ñ) 0.70; a weak one 0.35, or 0.55 used as a noun after a determiner or a number \
           (le pemerintah, six tersangka); a capitalised word only with a German noun suffix \
           after a determiner (son Abschiebung: 0.70). +0.20 when the word recurs, +0.15 when \
           the document has three shaped words or more. Lines that look like code are left \
           alone.",
};

/// How strongly a folded word looks foreign: 0 none, 1 weak, 2 strong.
/// Byte patterns throughout: it runs on most words of five letters or more.
fn foreign_shape(w: &str, original: &str) -> u8 {
    if !original.is_ascii() && original.contains(['ñ', 'ß']) {
        return 2;
    }
    let b = w.as_bytes();
    let clusters = Clusters::of(b);
    // Indonesian and Malay affixes: meng-, meny-, mem-, men-, ber-, ter-, di-,
    // pe-, ke-, se-; -kan, -nya, -an, -i, -ah.
    let indo_prefix = matches!(
        b,
        [b'm', b'e', b'm' | b'n', ..]
            | [b'b' | b't', b'e', b'r', ..]
            | [b'd', b'i', ..]
            | [b'p' | b'k' | b's', b'e', ..]
    );
    let kan_nya = matches!(b, [.., b'k', b'a', b'n'] | [.., b'n', b'y', b'a']);
    if indo_prefix && kan_nya {
        return 2;
    }
    let indo_suffix = kan_nya || matches!(b, [.., b'a', b'n'] | [.., b'i'] | [.., b'a', b'h']);
    // German: -ung, -heit, -keit, -schaft (strong); -lich, -chen, sch, tz.
    let german_strong = matches!(
        b,
        [.., b'u', b'n', b'g'] | [.., b'h' | b'k', b'e', b'i', b't'] | [.., b's', b'c', b'h', b'a', b'f', b't']
    );
    if german_strong {
        return 2;
    }
    if matches!(b, [.., b'l', b'i', b'c', b'h'] | [.., b'c', b'h', b'e', b'n']) || clusters.german {
        return 1;
    }
    // Spanish and Italian: -cion, -zione, -idad (strong); -zioni, -gli, -cchi, -ado, -ada.
    if matches!(
        b,
        [.., b'c', b'i', b'o', b'n'] | [.., b'z', b'i', b'o', b'n', b'e'] | [.., b'i', b'd', b'a', b'd']
    ) {
        return 2;
    }
    if matches!(
        b,
        [.., b'z', b'i', b'o', b'n', b'i']
            | [.., b'g', b'l', b'i']
            | [.., b'c', b'c', b'h', b'i']
            | [.., b'a', b'd', b'o' | b'a']
    ) {
        return 1;
    }
    let final_ng = matches!(b, [.., b'n', b'g']) && !matches!(b, [.., b'i', b'n', b'g']) && !clusters.ngu;
    u8::from((indo_prefix && indo_suffix) || clusters.indonesian || final_ng)
}

/// Letter clusters of a word, found in one pass over its bytes.
#[derive(Default)]
struct Clusters {
    /// `sch`, `tz`.
    german: bool,
    /// `ngk`, `ngg`, `nyi`, `nya`, `ngan`.
    indonesian: bool,
    /// `ngu` (French: `langue`, `longueur`).
    ngu: bool,
}

impl Clusters {
    fn of(b: &[u8]) -> Clusters {
        let mut c = Clusters::default();
        // Which letters occur, branch-free: most words lack the letters of
        // every cluster and need no closer look.
        let letters = b.iter().fold(0u32, |m, &x| m | 1 << (x & 31));
        let has = |l: u8| letters & (1 << (l & 31)) != 0;
        if !(has(b'z') || (has(b'c') && has(b'h')) || (has(b'n') && (has(b'g') || has(b'y')))) {
            return c;
        }
        let at = |k: usize| b.get(k).copied().unwrap_or(0);
        for (k, &x) in b.iter().enumerate() {
            match x {
                b's' if at(k + 1) == b'c' && at(k + 2) == b'h' => c.german = true,
                b't' if at(k + 1) == b'z' => c.german = true,
                b'n' => match (at(k + 1), at(k + 2)) {
                    (b'g', b'k' | b'g') | (b'y', b'i' | b'a') => c.indonesian = true,
                    (b'g', b'a') if at(k + 3) == b'n' => c.indonesian = true,
                    (b'g', b'u') => c.ngu = true,
                    _ => {}
                },
                _ => {}
            }
        }
        c
    }
}

/// Function words of the usual source languages that no French text uses
/// (folded): Indonesian and Malay, Spanish, Portuguese, Italian, German,
/// Turkish. A word here that a lexicon knows is not reported.
static FOREIGN_FUNCTION_WORDS: WordSet = WordSet::new(&[
    // Indonesian, Malay.
    "yang", "dengan", "untuk", "dari", "tidak", "juga", "bahwa", "oleh", "kepada", "telah", "akan", "sudah", "belum",
    "karena", "tetapi", "namun", "menurut", "adalah", "ialah", "dalam", "pada", "sebagai", "antara", "setelah",
    "sebelum", "tersebut", "harus", "mereka", "kami", "kita", "bagi", "serta", "hingga",
    // Spanish, Portuguese.
    "segun", "tambien", "ademas", "aunque", "porque", "entonces", "mientras", "todavia", "despues", "ahora", "tambem",
    "entao", "segundo", "porem", // Italian.
    "anche", "perche", "pero", "della", "degli", "nella", "dopo", // German.
    "und", "nicht", "oder", "aber", "auch", "werden", "wurde", "wurden", "sind", "fur", "uber", "gegen", "zwischen",
    "bereits", "jedoch", "sowie", "dass", // Turkish.
    "olarak", "icin", "degil", "ancak",
]);

fn is_foreign_function_word(w: &str) -> bool {
    FOREIGN_FUNCTION_WORDS.contains(w)
}

/// Whether a folded word is a French determiner or number word, after which
/// a noun is expected (`le pemerintah`, `six tersangka`).
static DETERMINERS: WordSet = WordSet::new(&[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "au",
    "aux",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "plusieurs",
]);

fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(w)
}

impl Check for ForeignWord {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&FOREIGN_WORD];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        // (token, confidence before the document-wide evidence, shaped):
        // only words shaped like a foreign language count as evidence.
        let mut candidates: Vec<(usize, f64, bool)> = Vec::new();
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for &i in cx.uncommon_words() {
            let i = i as usize;
            let t = &toks[i];
            let w = doc.folded(t);
            // Cheap tests first: this runs on every word of every document.
            if w.len() < 3 {
                continue;
            }
            let after_determiner = || i > 0 && is_determiner(doc.folded(&toks[i - 1]));
            let sentence_start =
                || t.has(flag::LINE_START) || (i > 0 && matches!(doc.token_text(&toks[i - 1]), "." | "!" | "?"));
            let confidence = if is_foreign_function_word(w) {
                // Capitalised only where a sentence starts (`Según les autorités`).
                if t.is_cap() && (!sentence_start() || t.has(flag::UPPER)) {
                    continue;
                }
                // Inside a name or a title (`Sturm und Drang`, `Bank für …`).
                let cap_at = |k: usize| toks.get(k).is_some_and(|n| n.kind == TokenKind::Word && n.is_cap());
                if i > 0 && cap_at(i - 1) && cap_at(i + 1) {
                    continue;
                }
                (0.8, true)
            } else {
                if w.len() < 5 || (!w.is_ascii() && w.chars().count() < 5) {
                    continue;
                }
                let shape = foreign_shape(w, doc.token_text(t));
                if shape == 0 {
                    continue;
                }
                if t.is_cap() {
                    // A capitalised noun is a name, unless German by its suffix
                    // and used as a noun (`son Abschiebung`).
                    if shape < 2 || !ends_german(w) || sentence_start() || !after_determiner() {
                        continue;
                    }
                    (0.7, true)
                } else if shape == 1 {
                    // A weak shape (`sch`, `ng`) alone is common in identifiers;
                    // used as a noun after a determiner it reads as a word left in.
                    (if after_determiner() { 0.55 } else { 0.35 }, true)
                } else {
                    (0.7, true)
                }
            };
            if w.bytes().any(|b| b.is_ascii_digit() || b == b'_') {
                continue;
            }
            // The lexicons last: most words never get this far.
            if cx.is_technical(i)
                || cx.kb.names().is_known_token(w)
                || cx.class(i).is_some_and(|c| c.french || c.english || c.name)
            {
                continue;
            }
            candidates.push((i, confidence.0, confidence.1));
            if confidence.1 {
                *counts.entry(w).or_default() += 1;
            }
        }
        // Several words left in the source language say the translation
        // failed here and there: each is more likely one of them.
        let distinct = counts.len();
        for (i, mut confidence, shaped) in candidates {
            let t = &toks[i];
            let w = doc.folded(t);
            if counts.get(w).is_some_and(|&n| n > 1) && confidence >= 0.55 {
                confidence += 0.2;
            }
            if shaped && distinct >= 3 && confidence >= 0.35 {
                confidence += 0.15;
            }
            let found = doc.token_text(t);
            out.report(
                &FOREIGN_WORD,
                t.range(),
                confidence.min(0.95),
                "",
                format!(
                    "« {found} » n'est pas un mot français : un mot de la langue source laissé par la traduction ?"
                ),
            );
        }
    }
}

fn ends_german(w: &str) -> bool {
    ["ung", "heit", "keit", "schaft"].iter().any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_foreign_words() {
        let f = run(
            &ForeignWord,
            "La police a arrêté le tersangka, puis la Hauptstadt… non, la hauptstadt et l'investigación.",
        );
        let got: Vec<&str> = f.iter().filter(|x| x.3 >= 0.5).map(|x| x.0.as_str()).collect();
        assert!(got.contains(&"investigación"), "{f:?}");
        assert!(f.iter().any(|x| x.0 == "tersangka"), "{f:?}");
        let f = run(
            &ForeignWord,
            "Según la police, six tersangka ont été arrêtés et le pemerintah promet une enquête ; son Abschiebung a échoué.",
        );
        let got: Vec<&str> = f.iter().filter(|x| x.3 >= 0.5).map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Según", "tersangka", "pemerintah", "Abschiebung"], "{f:?}");
    }

    #[test]
    fn dont_flag_french_or_code() {
        for ok in [
            "Les manifestations se poursuivent dans la capitale.",
            "La fonction strncpy_s et le 1er.",
            "Le Bundestag et la Bundeswehr, la Knesset et le Hamas ; Yang Jiechi.",
            "Le gouvernement du Sturm und Drang.",
        ] {
            assert!(
                run(&ForeignWord, ok).iter().all(|x| x.3 < 0.5),
                "{ok}: {:?}",
                run(&ForeignWord, ok)
            );
        }
    }
}
