//! French and English lexicons: which words are words of which language.
//!
//! Both are kept as `fst` sets (`data/`, built from Debian's hunspell
//! dictionaries by `scripts/build-lexicons.sh`: compact, exact, diffable in
//! size); `build.rs` expands them into fingerprint tables ([`table`]) that
//! the binary reads in place: loading costs nothing and a lookup is one hash
//! and a probe or two (tens of ns, where the fst walk took hundreds). The
//! French set keeps accents (`thé` is French, `the` is not); the English set is
//! accent-free. Words the French dictionary only has capitalised (`Clinton`,
//! `Bruxelles`) are in a set of their own: they are names, not French words.
//! A user word list (`--dictionary`) adds French words.

use crate::wordset::WordSet;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

use crate::document::{Document, Token, TokenKind};

pub mod table;

use table::Table;

static FRENCH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr.table"));
static FRENCH_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr-names.table"));
static ENGLISH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.table"));

pub struct Lexicon {
    french: Table,
    french_names: Table,
    english: Table,
    /// Words the user accepts as French (lower case, NFC).
    extra: FxHashSet<String>,
}

impl Lexicon {
    /// The embedded lexicons.
    pub fn embedded() -> Lexicon {
        Lexicon {
            french: Table::new(FRENCH).expect("build.rs wrote a valid French table"),
            french_names: Table::new(FRENCH_NAMES).expect("build.rs wrote a valid French names table"),
            english: Table::new(ENGLISH).expect("build.rs wrote a valid English table"),
            extra: FxHashSet::default(),
        }
    }

    /// A shared instance of the embedded lexicons.
    pub fn shared() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::embedded)
    }

    /// Adds words (one per line; `#` starts a comment) accepted as French.
    pub fn add_words(&mut self, text: &str) {
        for line in text.lines() {
            let w = line.split('#').next().unwrap_or("").trim();
            if !w.is_empty() {
                self.extra.insert(lower_nfc(w));
            }
        }
    }

    pub fn french_len(&self) -> usize {
        self.french.len()
    }

    pub fn english_len(&self) -> usize {
        self.english.len()
    }

    /// Whether a word (lower case, with its accents) is French.
    pub fn is_french(&self, lower: &str) -> bool {
        self.french.contains(lower.as_bytes()) || (!self.extra.is_empty() && self.extra.contains(lower))
    }

    /// Whether a word (lower case, with its accents) is a proper noun of the
    /// French dictionary (`clinton`, `bruxelles`) and no French common word.
    pub fn is_french_name(&self, lower: &str) -> bool {
        self.french_names.contains(lower.as_bytes())
    }

    /// Whether a folded word (lower case, accent-free) is English.
    pub fn is_english(&self, folded: &str) -> bool {
        self.english.contains(folded.as_bytes())
    }
}

fn lower_nfc(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .nfc()
        .collect()
}

/// The most frequent French words, answered without touching the tables.
static COMMON_FRENCH: WordSet = WordSet::new(&[
    "de", "la", "le", "et", "les", "des", "en", "un", "une", "du", "que", "qui", "dans", "pour", "a", "à", "au", "aux",
    "par", "sur", "il", "elle", "ne", "pas", "est", "se", "ce", "son", "sa", "ses", "plus", "avec", "ont", "été",
    "leur", "leurs", "mais", "ou", "où", "sont", "cette", "ces", "l'", "d'", "qu'", "n'", "s'", "c'", "j'",
]);

pub fn is_common_french(w: &str) -> bool {
    COMMON_FRENCH.contains(w)
}

/// What the lexicons say of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WordClass {
    /// A French common word (or a word of the user's list).
    pub french: bool,
    /// An English word (common or proper) that is no French common word.
    pub english: bool,
    /// A proper noun of the French dictionary.
    pub name: bool,
}

/// A token in lower case with its accents (NFC, `'` for `’`): the folded
/// form itself for ASCII words, else built in `buf`.
pub fn lower_of<'a>(doc: &'a Document, t: &Token, buf: &'a mut String) -> &'a str {
    let folded = doc.folded(t);
    let text = doc.token_text(t);
    if text.is_ascii() {
        folded
    } else {
        buf.clear();
        buf.extend(
            text.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '\u{2019}' || c == '\u{02BC}' { '\'' } else { c }),
        );
        if buf.chars().any(unicode_normalization::char::is_combining_mark) {
            let nfc: String = buf.nfc().collect();
            *buf = nfc;
        }
        buf
    }
}

pub fn class_of(lexicon: &Lexicon, doc: &Document, t: &Token, buf: &mut String) -> Option<WordClass> {
    if t.kind != TokenKind::Word {
        return None;
    }
    let folded = doc.folded(t);
    let lower = lower_of(doc, t, buf);
    if is_common_french(lower) {
        return Some(WordClass {
            french: true,
            english: false,
            name: false,
        });
    }
    let french = lexicon.is_french(lower) || {
        // An elided word keeps its apostrophe in text (`l'`, `jusqu'`).
        lower.strip_suffix('\'').is_some_and(|w| lexicon.is_french(w))
    };
    let english = !french && lexicon.is_english(folded);
    let name = !french && lexicon.is_french_name(lower);
    Some(WordClass { french, english, name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    #[test]
    fn the_tables_hold_every_word_of_their_fst() {
        let lx = Lexicon::embedded();
        let check = |fst_bytes: &'static [u8], table: &Table, name: &str| {
            let set = fst::Set::new(fst_bytes).expect("a valid fst");
            let mut stream = set.stream();
            let mut n = 0;
            while let Some(w) = fst::Streamer::next(&mut stream) {
                assert!(table.contains(w), "{name}: {:?} missing", String::from_utf8_lossy(w));
                n += 1;
            }
            assert_eq!(n, set.len());
            // Fingerprints of distinct words in one probe chain may coincide:
            // at most a handful.
            assert!(n - table.len() < 5, "{name}: {n} words, {} slots", table.len());
        };
        check(include_bytes!("data/fr.fst"), &lx.french, "fr");
        check(include_bytes!("data/fr-names.fst"), &lx.french_names, "fr-names");
        check(include_bytes!("data/en.fst"), &lx.english, "en");
    }

    #[test]
    fn the_embedded_lexicons_load_and_answer() {
        let lx = Lexicon::embedded();
        assert!(lx.french_len() > 500_000, "{}", lx.french_len());
        assert!(lx.english_len() > 100_000, "{}", lx.english_len());
        for w in [
            "thé",
            "élève",
            "œuvre",
            "oeuvre",
            "week-end",
            "aujourd'hui",
            "leader",
            "manifestations",
        ] {
            assert!(lx.is_french(w), "{w} should be French");
        }
        for w in ["the", "said", "with", "stated", "according", "meanwhile"] {
            assert!(!lx.is_french(w), "{w} should not be French");
            assert!(lx.is_english(w), "{w} should be English");
        }
        assert!(!lx.is_english("tersangka") && !lx.is_french("tersangka"));
        for w in ["clinton", "bruxelles", "zelensky"] {
            assert!(!lx.is_french(w), "{w} is a name, not a French word");
        }
        assert!(lx.is_french_name("clinton") && lx.is_french_name("bruxelles"));
        assert!(lx.is_french("pierre") && !lx.is_french_name("pierre"));
    }

    #[test]
    fn classify_a_sentence() {
        let lx = Lexicon::embedded();
        let d = Document::new(
            "t",
            "Le ministre said qu'il a stated l’accord, 2024.".into(),
            Meta::default(),
        );
        let mut buf = String::new();
        let classes: Vec<_> = d.tokens().iter().map(|t| class_of(&lx, &d, t, &mut buf)).collect();
        let english: Vec<&str> = d
            .tokens()
            .iter()
            .zip(&classes)
            .filter(|(_, c)| c.is_some_and(|c| c.english))
            .map(|(t, _)| d.token_text(t))
            .collect();
        assert_eq!(english, ["said", "stated"]);
        assert!(classes.iter().flatten().filter(|c| c.french).count() >= 6);
    }

    #[test]
    fn user_words_are_french() {
        let mut lx = Lexicon::embedded();
        assert!(!lx.is_french("zorglub"));
        lx.add_words("Zorglub # a word of ours\n\n");
        assert!(lx.is_french("zorglub"));
    }
}
