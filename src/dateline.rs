//! The dateline of an article: `JAKARTA -`, `BRUXELLES (AFP) -`,
//! `Bruxelles, 4 avril 2024 (AFP) -`, `PARIS, 4 avril (Reuters) –`, `KYIV —`.
//!
//! It opens the first paragraph, or the second when the first is a headline
//! of one line. The parse is syntactic (the place is not looked up here):
//! checks resolve the place against the KB.

use std::ops::Range;

use crate::date::{self, Date};
use crate::document::{Document, TokenKind, flag};

/// A parsed dateline. Ranges are byte ranges of the document text, except
/// `place_tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written (`JAKARTA`, `Bruxelles`, `NEW YORK`).
    pub place: Range<usize>,
    pub place_tokens: Range<usize>,
    /// Written in capitals.
    pub upper: bool,
    pub date: Option<(Date, Range<usize>)>,
    /// The agency, inside its parentheses (`AFP`, `ANTARA`).
    pub agency: Option<Range<usize>>,
    /// The whole dateline, up to and including the dash.
    pub span: Range<usize>,
    /// Index of the first token after the dash.
    pub body_start: usize,
}

impl Dateline {
    /// The place as a KB lookup key: its folded words joined by spaces.
    pub fn place_key(&self, doc: &Document) -> String {
        let toks = &doc.tokens()[self.place_tokens.clone()];
        toks.iter().map(|t| doc.folded(t)).collect::<Vec<_>>().join(" ")
    }
}

/// Particles that may stand inside a place name (`RIO DE JANEIRO`, `Khan
/// Younès`, `Port-au-Prince` is hyphenated anyway).
fn is_place_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "du" | "des" | "la" | "le" | "les" | "el" | "al" | "sur" | "am" | "an" | "en"
    )
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}" | "\u{2014}" | "\u{2012}")
}

/// Finds the dateline of a document, if it has one.
pub fn parse(doc: &Document) -> Option<Dateline> {
    let toks = doc.tokens();
    let mut candidates = vec![0];
    // After a one-line headline: the first token of the second paragraph.
    if let Some(p) = toks
        .iter()
        .position(|t| t.has(flag::PARA_START) && !std::ptr::eq(t, &toks[0]))
    {
        let headline_lines = toks[1..p].iter().filter(|t| t.has(flag::LINE_START)).count();
        if headline_lines == 0 {
            candidates.push(p);
        }
    }
    candidates.into_iter().find_map(|i| parse_at(doc, i))
}

fn parse_at(doc: &Document, start: usize) -> Option<Dateline> {
    let toks = doc.tokens();
    let first = toks.get(start)?;
    if first.kind != TokenKind::Word || !first.is_cap() {
        return None;
    }
    // The place: capitalised words, with particles inside.
    let mut j = start;
    while j < toks.len() && j - start < 6 {
        let t = &toks[j];
        if j > start && t.has(flag::LINE_START) {
            break;
        }
        let f = doc.folded(t);
        let particle = t.kind == TokenKind::Word && is_place_particle(f) && toks.get(j + 1).is_some_and(|n| n.is_cap());
        if t.kind == TokenKind::Word && (t.is_cap() || particle) {
            j += 1;
        } else {
            break;
        }
    }
    let place_tokens = start..j;
    if place_tokens.is_empty() {
        return None;
    }
    let upper = toks[place_tokens.clone()]
        .iter()
        .all(|t| t.has(flag::UPPER) || is_place_particle(doc.folded(t)) || doc.token_text(t).chars().count() == 1);
    let mut k = j;
    let mut date = None;
    let mut agency = None;
    let folded_from =
        |k: usize| -> Vec<&str> { toks[k..(k + 4).min(toks.len())].iter().map(|t| doc.folded(t)).collect() };
    for _ in 0..2 {
        // `, 4 avril 2024` or `, le 12 mars 2019`
        if toks.get(k).is_some_and(|t| doc.folded(t) == ",") {
            if let Some((d, used)) = date::parse_words(&folded_from(k + 1)) {
                let range = toks[k + 1].start as usize..toks[k + used].end as usize;
                date = Some((d, range));
                k += 1 + used;
                continue;
            }
        }
        // `(AFP)`
        if toks.get(k).is_some_and(|t| doc.folded(t) == "(") {
            let close = (k + 1..(k + 8).min(toks.len())).find(|&c| doc.folded(&toks[c]) == ")")?;
            if close == k + 1 {
                return None;
            }
            agency = Some(toks[k + 1].start as usize..toks[close - 1].end as usize);
            k = close + 1;
            continue;
        }
        break;
    }
    let dash = toks.get(k)?;
    if dash.kind != TokenKind::Punct || !is_dash(doc.token_text(dash)) || !dash.has(flag::SPACE_BEFORE) {
        return None;
    }
    // The dash is followed by the text, after a space.
    let next = toks.get(k + 1)?;
    if !next.has(flag::SPACE_BEFORE) || next.has(flag::LINE_START) {
        return None;
    }
    // A title-case place is a dateline only with a date or an agency, or
    // alone as a single word (`Bruxelles -`): `Le président - ` is not one.
    if !upper && date.is_none() && agency.is_none() && place_tokens.len() > 1 {
        return None;
    }
    Some(Dateline {
        place: toks[start].start as usize..toks[j - 1].end as usize,
        place_tokens,
        upper,
        date,
        agency,
        span: toks[start].start as usize..dash.end as usize,
        body_start: k + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn dl(text: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let d = Document::new("t", text.to_string(), Meta::default());
        parse(&d).map(|x| {
            (
                d.text[x.place.clone()].to_string(),
                x.date.map(|(dt, _)| dt.to_string()),
                x.agency.map(|r| d.text[r].to_string()),
                d.text[x.span].to_string(),
            )
        })
    }

    #[test]
    fn every_format() {
        let s = |p: &str, d: Option<&str>, a: Option<&str>, span: &str| {
            Some((
                p.to_string(),
                d.map(String::from),
                a.map(String::from),
                span.to_string(),
            ))
        };
        assert_eq!(dl("JAKARTA - Les membres"), s("JAKARTA", None, None, "JAKARTA -"));
        assert_eq!(
            dl("JAKARTA (ANTARA) - Les"),
            s("JAKARTA", None, Some("ANTARA"), "JAKARTA (ANTARA) -")
        );
        assert_eq!(
            dl("BRUXELLES (AFP) - Les"),
            s("BRUXELLES", None, Some("AFP"), "BRUXELLES (AFP) -")
        );
        assert_eq!(
            dl("Bruxelles, 4 avril 2024 (AFP) - Les"),
            s(
                "Bruxelles",
                Some("4 avril 2024"),
                Some("AFP"),
                "Bruxelles, 4 avril 2024 (AFP) -"
            )
        );
        assert_eq!(
            dl("PARIS, 4 avril (Reuters) \u{2013} Les"),
            s(
                "PARIS",
                Some("4 avril"),
                Some("Reuters"),
                "PARIS, 4 avril (Reuters) \u{2013}"
            )
        );
        assert_eq!(dl("KYIV \u{2014} Les"), s("KYIV", None, None, "KYIV \u{2014}"));
        assert_eq!(dl("NEW YORK - Le"), s("NEW YORK", None, None, "NEW YORK -"));
        assert_eq!(
            dl("RIO DE JANEIRO - Le"),
            s("RIO DE JANEIRO", None, None, "RIO DE JANEIRO -")
        );
        assert_eq!(
            dl("VARSOVIE, le 12 mars 2019 (Agence) \u{2013} Le"),
            s(
                "VARSOVIE",
                Some("12 mars 2019"),
                Some("Agence"),
                "VARSOVIE, le 12 mars 2019 (Agence) \u{2013}"
            )
        );
    }

    #[test]
    fn after_a_headline() {
        let text = "L'OTAN comprend le besoin\n\nJAKARTA - Les membres de l'Alliance";
        assert_eq!(dl(text).unwrap().0, "JAKARTA");
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dl("Le président - qui était là - a dit"), None);
        assert_eq!(dl("Les alliés ont décidé."), None);
        assert_eq!(dl("Titre\nsur deux lignes\n\nPARIS - texte"), None);
        assert_eq!(dl("PARIS -\ntexte"), None);
        assert_eq!(dl(""), None);
        assert_eq!(dl("JAKARTA (ANTARA"), None);
    }
}
