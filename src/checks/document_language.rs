//! `untranslated.document`: a document mostly not in French (a whole English
//! or Indonesian article in a French feed). It gets this one finding; the
//! checker then drops the word-level ones.

use super::{Check, Context, RuleMeta, Sink};
use crate::document::{TokenKind, flag};
use crate::finding::{Category, Severity};
use crate::lexicon::lower_of;

pub struct DocumentLanguage;

pub static NOT_FRENCH: RuleMeta = RuleMeta {
    id: "untranslated.document",
    category: Category::Untranslated,
    severity: Severity::Critical,
    summary: "A document mostly not in French (an English or other article left untranslated)",
    docs: "Of the document's first 300 lower-case words (30 at least), those only the English \
           lexicon knows outnumber twice those only the French one knows (and are 10 or more): \
           an English article; or more than half are known to neither and fewer than a quarter \
           are French only: another language (Indonesian…). One finding on the first line, \
           confidence 0.95 when under 10 % of the words are French only, else 0.80; the other \
           findings of that document are dropped, since hundreds of word-level findings help \
           no one.",
};

/// Lower-case words needed to judge a document's language.
const MIN_WORDS: usize = 30;
/// Lower-case words looked at.
const SAMPLE: usize = 300;

impl Check for DocumentLanguage {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&NOT_FRENCH];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let mut buf = String::new();
        // French copy is a quarter made of its commonest words (de, la, et…):
        // then no lexicon needs asking.
        let lower_case = || toks.iter().filter(|t| t.kind == TokenKind::Word && !t.is_cap());
        let (mut seen, mut common) = (0usize, 0usize);
        for t in lower_case().take(100) {
            seen += 1;
            common += usize::from(crate::lexicon::is_common_french(lower_of(doc, t, &mut buf)));
        }
        if seen < MIN_WORDS || common * 5 >= seen {
            return;
        }
        // The first lower-case words, each looked up in both lexicons.
        let (mut total, mut french_only, mut english_only, mut neither) = (0usize, 0usize, 0usize, 0usize);
        for t in lower_case().take(SAMPLE) {
            let french = cx.lexicon.is_french(lower_of(doc, t, &mut buf));
            let english = cx.lexicon.is_english(doc.folded(t));
            total += 1;
            match (french, english) {
                (true, false) => french_only += 1,
                (false, true) => english_only += 1,
                (false, false) => neither += 1,
                (true, true) => {}
            }
            // Enough French already that neither verdict can come.
            let left = SAMPLE - total;
            if french_only * 4 >= SAMPLE && 2 * french_only >= english_only + left {
                return;
            }
        }
        if total < MIN_WORDS {
            return;
        }
        let english_doc = english_only >= 10 && english_only > 2 * french_only;
        let other_doc = neither * 2 > total && french_only * 4 < total;
        if !english_doc && !other_doc {
            return;
        }
        let share = french_only as f64 / total as f64;
        let confidence = if share < 0.1 { 0.95 } else { 0.8 };
        let language = if english_doc {
            "en anglais"
        } else {
            "dans une autre langue que le français"
        };
        // The first line (or its first 120 bytes, on a word boundary).
        let Some(first) = toks.first() else { return };
        let line_end = toks
            .iter()
            .skip(1)
            .position(|t| t.has(flag::LINE_START))
            .map_or(toks.len(), |k| k + 1);
        let mut last = first;
        for t in &toks[..line_end] {
            if t.end as usize - first.start as usize > 120 {
                break;
            }
            last = t;
        }
        let range = first.start as usize..last.end as usize;
        out.report(
            &NOT_FRENCH,
            range,
            confidence,
            "",
            format!(
                "Le document est {language} : {:.0} % seulement de ses mots ne sont que français ; il n'a pas été traduit.",
                share * 100.0
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_english_and_other_languages() {
        let english = "The ministers met on Thursday in Brussels and agreed to look for more air defence systems \
                       for Ukraine, which has asked its allies for help against the Russian missiles that \
                       hit its cities and power plants every night, the secretary general said after the talks.";
        let f = run(&DocumentLanguage, english);
        assert_eq!(f.len(), 1);
        assert!(f[0].3 >= 0.9);
        let indonesian = "Polisi telah menetapkan tersangka dalam kasus korupsi yang melibatkan pejabat \
                          pemerintah daerah setelah melakukan pemeriksaan terhadap saksi dan mengumpulkan \
                          barang bukti yang cukup untuk membawa perkara ini ke pengadilan negeri dalam waktu dekat \
                          menurut keterangan juru bicara kepolisian kepada wartawan.";
        assert_eq!(run(&DocumentLanguage, indonesian).len(), 1);
    }

    #[test]
    fn dont_flag_french_with_some_english() {
        let text = "Les ministres se sont réunis jeudi à Bruxelles et ont convenu de chercher davantage de \
                    systèmes de défense aérienne pour l'Ukraine, qui a demandé l'aide de ses alliés contre les \
                    missiles russes, a déclaré le secrétaire général, according to the press, après les discussions.";
        assert!(run(&DocumentLanguage, text).is_empty());
        assert!(run(&DocumentLanguage, "Too short to judge.").is_empty());
    }
}
