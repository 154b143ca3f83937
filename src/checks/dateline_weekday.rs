//! `dateline.weekday`: a weekday the calendar contradicts (`mercredi 4 avril
//! 2024`: a Thursday), and a dateline dated after the article's publication.

use super::{Check, Context, RuleMeta, Sink};
use crate::date::{self, Date, WEEKDAYS};
use crate::document::TokenKind;
use crate::finding::{Category, Severity};

pub struct DatelineWeekday;

pub static WEEKDAY: RuleMeta = RuleMeta {
    id: "dateline.weekday",
    category: Category::Dateline,
    severity: Severity::Major,
    summary: "A weekday the calendar contradicts, or a dateline dated after publication",
    docs: "A weekday written with a full date (`mercredi 4 avril 2024`), in the dateline or \
           the text, must be that date's weekday: 4 April 2024 was a Thursday. A date without \
           its year (`mercredi 4 avril`) takes the year of the dateline or, failing that, of \
           the publication date the input gives; without either it is not checked. \
           Confidence 1.00 with the year written, 0.90 with it inferred. Where the input gives \
           the publication date, a dateline dated later is reported too (0.90).",
};

fn capitalise_like(model: &str, word: &str) -> String {
    if model.starts_with(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

impl Check for DatelineWeekday {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&WEEKDAY];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let year = doc.date().and_then(|d| d.year);
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let Some(written) = date::weekday(doc.folded(t)) else {
                continue;
            };
            let mut k = i + 1;
            if toks.get(k).is_some_and(|n| doc.folded(n) == ",") {
                k += 1;
            }
            let words: Vec<&str> = toks[k.min(toks.len())..(k + 3).min(toks.len())]
                .iter()
                .map(|n| doc.folded(n))
                .collect();
            let Some((d, used)) = date::parse_words(&words) else {
                continue;
            };
            let (full, confidence) = match d.year {
                Some(_) => (d, 1.0),
                None => match year.and_then(|y| Date::new(Some(y), d.month, d.day)) {
                    Some(full) => (full, 0.9),
                    None => continue,
                },
            };
            let Some(actual) = full.weekday() else { continue };
            if actual == written {
                continue;
            }
            let found = doc.token_text(t);
            let right = capitalise_like(found, WEEKDAYS[usize::from(actual)]);
            let span = doc.span_text(i, k + used - 1);
            out.report(
                &WEEKDAY,
                t.range(),
                confidence,
                right.clone(),
                format!(
                    "« {span} » : le {full} était un {}, pas un {}.",
                    WEEKDAYS[usize::from(actual)],
                    WEEKDAYS[usize::from(written)]
                ),
            );
        }
        // A dateline dated after publication.
        let (Some(dl), Some(published)) = (doc.dateline(), doc.meta.date) else {
            return;
        };
        let Some((d, range)) = &dl.date else { return };
        let Some(dated) = Date::new(d.year.or(published.year), d.month, d.day) else {
            return;
        };
        if dated > published {
            let found = &doc.text[range.clone()];
            out.report(
                &WEEKDAY,
                range.clone(),
                0.9,
                "",
                format!("La dépêche est datée du {dated}, après sa publication le {published} ({found})."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::Config;
    use crate::checks::testing::run;

    #[test]
    fn flags_contradicted_weekdays() {
        let f = run(&DatelineWeekday, "La réunion de mercredi 4 avril 2024 a eu lieu.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].2.as_str(), f[0].3), ("mercredi", "jeudi", 1.0));
        // The year from the dateline.
        let f = run(&DatelineWeekday, "PARIS, 4 avril 2024 (AFP) - Dès Lundi 8 avril, rien.");
        assert!(f.is_empty(), "{f:?}");
        let f = run(&DatelineWeekday, "PARIS, 4 avril 2024 (AFP) - Dès Mardi 8 avril, rien.");
        assert_eq!((f[0].2.as_str(), f[0].3), ("Lundi", 0.9));
    }

    #[test]
    fn dont_flag_right_or_undated_weekdays() {
        for ok in [
            "Jeudi 4 avril 2024, les ministres.",
            "Le mercredi 4 avril, sans année connue.",
            "Mercredi, les ministres. Le 4 avril 2024.",
        ] {
            assert!(run(&DatelineWeekday, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_dateline_after_publication() {
        use crate::checks::{Context, Sink};
        use crate::document::{Document, Meta};
        let kb = crate::checks::testing::kb();
        let meta = Meta {
            date: Date::new(Some(2024), 4, 4),
            ..Meta::default()
        };
        let doc = Document::new("t", "PARIS, 6 avril 2024 (AFP) - Texte.".into(), meta);
        let mentions = kb.names().scan(&doc);
        let config = Config::default();
        let cx = Context::new(&doc, kb, &mentions, &config, crate::lexicon::Lexicon::shared());
        let rules = crate::checks::testing::rules();
        let mut sink = Sink::new(rules);
        DatelineWeekday.run(&cx, &mut sink);
        let f = sink.into_findings();
        assert_eq!(f.len(), 1);
        assert_eq!(&doc.text[f[0].start..f[0].end], "6 avril 2024");
    }
}
