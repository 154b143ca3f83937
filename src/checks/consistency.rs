//! `consistency.entity-spelling`: one person spelled two ways in a document
//! (`M. Fico` … `M. Ficco`). Works for people the KB does not know: surnames
//! in name positions are compared with each other.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::name_slots::{self, announces_name, is_gender_pair};
use super::persons::{accepted_person, person_variant};
use super::{Check, Context, RuleMeta, Sink};
use crate::distance::{deletion_hashes, osa};
use crate::document::Document;
use crate::finding::{Category, Severity};

pub struct Consistency;

pub static ENTITY_SPELLING: RuleMeta = RuleMeta {
    id: "consistency.entity-spelling",
    category: Category::Consistency,
    severity: Severity::Major,
    summary: "One person's name spelled two ways in the same document",
    docs: "Surnames in name positions (the last word of a first-name + surname run, a word \
           after M., Mme, Mgr or a title, or a name the KB knows) are compared within the \
           document; two spellings one edit apart (insertion, deletion, substitution or swap \
           of neighbours: Fico/Ficco, Hochstein/Hochstien), or two edits apart when one is a \
           name the KB accepts and both are long and alike (Meloni/Meloney), are one person \
           spelled two ways. The \
           minority spelling is reported, with the majority as suggestion; the KB's accepted \
           form wins over any count. Confidence 0.90 when the KB or a majority of at least two \
           settles it, 0.75 when the tie is broken because only one spelling comes with a \
           first name, 0.60 otherwise and when both spellings are accepted forms. Feminine \
           forms (Zelenska), plural and feminine endings (-s, -e) of names the KB does not know, \
           two spellings each with its own first name and two different known people are \
           not reported.",
};

/// One occurrence of a surname.
struct Occurrence<'a> {
    token: usize,
    /// The person the KB says it is, and whether through an accepted form.
    entity: Option<u32>,
    accepted: bool,
    /// Written with a first name: the folded first name.
    first_name: Option<&'a str>,
}

/// Whether `a` and `b` differ only by a French ending: a final `s`, `x` or
/// `e` added (`Martin`/`Martins`), or `e` before a final `s` (`Unis`/`Unies`).
fn inflection_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let added_ending = long.starts_with(short) && long.ends_with(['s', 'x', 'e']);
    let feminine_plural =
        long.ends_with("es") && short.ends_with('s') && long[..long.len() - 2] == short[..short.len() - 1];
    added_ending || feminine_plural
}

/// One edit apart; or two, when one spelling is a person's accepted form the
/// KB knows and both are long and alike (Meloni/Meloney).
fn close_spellings(a: &str, b: &str, oa: &[Occurrence<'_>], ob: &[Occurrence<'_>]) -> bool {
    match osa(a, b) {
        1 => true,
        2 => {
            let known = |o: &[Occurrence<'_>]| o.iter().any(|x| x.accepted);
            (known(oa) || known(ob))
                && a.chars().count().min(b.chars().count()) >= 6
                && strsim::jaro_winkler(a, b) >= 0.85
        }
        _ => false,
    }
}

/// Records the surnames of a name (tokens `name`): every word after the first
/// name, particles aside (González Urrutia), or the word itself when alone.
fn add_surnames<'a>(
    by_spelling: &mut FxHashMap<&'a str, Vec<Occurrence<'a>>>,
    doc: &'a Document,
    name: Range<usize>,
    entity: Option<u32>,
    accepted: bool,
) {
    let toks = doc.tokens();
    let full = name.len() >= 2;
    let first_name = full.then(|| doc.folded(&toks[name.start]));
    for (i, t) in toks
        .iter()
        .enumerate()
        .take(name.end)
        .skip(name.start + usize::from(full))
    {
        let spelling = doc.folded(t);
        if !name_slots::is_particle(spelling) {
            by_spelling.entry(spelling).or_default().push(Occurrence {
                token: i,
                entity,
                accepted,
                first_name,
            });
        }
    }
}

/// Pairs of spellings (indices, `i < j`, sorted) that may be within the
/// allowed distance: those sharing a deletion key, found through hashing, so
/// the cost stays linear in the number of spellings. Two deletions are
/// generated only for long words of a document that has a KB spelling.
fn candidate_pairs(spellings: &[(&str, Vec<Occurrence<'_>>)]) -> Vec<(usize, usize)> {
    /// A key shared by more spellings than this says nothing about spelling.
    const MAX_BUCKET: usize = 32;
    let any_known = spellings.iter().any(|(_, o)| o.iter().any(|x| x.accepted));
    let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut keys = Vec::new();
    for (k, (s, _)) in spellings.iter().enumerate() {
        if s.len() > crate::distance::MAX_FUZZY_BYTES {
            continue;
        }
        let n = if any_known && s.chars().count() >= 6 { 2 } else { 1 };
        deletion_hashes(s, n, &mut keys);
        for &key in &keys {
            buckets.entry(key).or_default().push(k);
        }
    }
    let mut pairs = Vec::new();
    for members in buckets.values() {
        if members.len() < 2 || members.len() > MAX_BUCKET {
            continue;
        }
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn first_names<'a>(occurrences: &[Occurrence<'a>]) -> Vec<&'a str> {
    occurrences.iter().filter_map(|o| o.first_name).collect()
}

impl Check for Consistency {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        static RULES: [&RuleMeta; 1] = [&ENTITY_SPELLING];
        &RULES
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let doc = cx.doc;
        let toks = doc.tokens();
        let mut by_spelling: FxHashMap<&str, Vec<Occurrence>> = FxHashMap::default();
        for m in cx.mentions {
            let (entity, accepted) = match (accepted_person(cx, m), person_variant(cx, m)) {
                (Some(e), _) => (e, true),
                (None, Some(v)) => (v.entity, false),
                (None, None) => continue,
            };
            add_surnames(&mut by_spelling, doc, m.first..m.last + 1, Some(entity), accepted);
        }
        for run in cx.free_runs().iter().cloned() {
            if run.len() >= 2 || announces_name(doc, run.start) {
                add_surnames(&mut by_spelling, doc, run, None, false);
            }
        }

        // Words with digits are versions and codes (IPv4/IPv6), not names.
        let mut spellings: Vec<(&str, Vec<Occurrence>)> = by_spelling
            .into_iter()
            .filter(|(s, _)| s.chars().count() >= 4 && !s.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        spellings.sort_by_key(|(_, occ)| occ[0].token);
        let mut reported = vec![false; spellings.len()];
        for (i, j) in candidate_pairs(&spellings) {
            let ((a, oa), (b, ob)) = (&spellings[i], &spellings[j]);
            // French endings tell common words apart (Unis/Unies), but a name
            // the KB knows has one spelling (Timmermans, not Timmerman).
            let known = |o: &[Occurrence<'_>]| o.iter().any(|x| x.accepted);
            let inflected = inflection_pair(a, b) && !known(oa) && !known(ob);
            if !close_spellings(a, b, oa, ob) || is_gender_pair(a, b) || inflected {
                continue;
            }
            // Two spellings, each with its own first name: two people.
            let (fa, fb) = (first_names(oa), first_names(ob));
            if !fa.is_empty() && !fb.is_empty() && !fa.iter().any(|f| fb.contains(f)) {
                continue;
            }
            let kb_a = oa.iter().find_map(|o| o.entity.filter(|_| o.accepted));
            let kb_b = ob.iter().find_map(|o| o.entity.filter(|_| o.accepted));
            let (deviant, reference, confidence) = match (kb_a, kb_b) {
                (Some(x), Some(y)) if x != y => continue,
                (Some(_), Some(_)) => (j, i, 0.6),
                (Some(_), None) => (j, i, 0.9),
                (None, Some(_)) => (i, j, 0.9),
                (None, None) => {
                    let (na, nb) = (oa.len(), ob.len());
                    let (has_a, has_b) = (!fa.is_empty(), !fb.is_empty());
                    if na != nb {
                        let (d, r) = if na < nb { (i, j) } else { (j, i) };
                        (d, r, if na.max(nb) >= 2 { 0.9 } else { 0.75 })
                    } else if has_a != has_b {
                        if has_a { (j, i, 0.75) } else { (i, j, 0.75) }
                    } else {
                        (j, i, 0.6)
                    }
                }
            };
            // A spelling introduced with its own first name is a person of
            // its own (Ganjar Pranowo beside Prabowo), unless the other
            // spelling comes with the same first name.
            let (dev_firsts, ref_firsts) = if deviant == i { (&fa, &fb) } else { (&fb, &fa) };
            let lone = |k: usize| spellings[k].1.iter().any(|o| o.first_name.is_none());
            if !lone(deviant) && !dev_firsts.iter().any(|f| ref_firsts.contains(f)) {
                continue;
            }
            if reported[deviant] {
                continue;
            }
            reported[deviant] = true;
            let reference_text = doc.token_text(&toks[spellings[reference].1[0].token]);
            for o in &spellings[deviant].1 {
                let t = &toks[o.token];
                let found = doc.token_text(t);
                out.report(
                    &ENTITY_SPELLING,
                    t.range(),
                    confidence,
                    reference_text,
                    format!("« {found} » : le même nom est écrit « {reference_text} » ailleurs dans l'article."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_the_minority_spelling_of_an_unknown_person() {
        let text =
            "Le candidat Edmundo Orrego a voté. Selon Edmundo Orrego, tout va bien. Plus tard, M. Orego a démenti.";
        let f = run(&Consistency, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].2.as_str()), ("Orego", "Orrego"));
        assert_eq!(f[0].3, 0.9);
    }

    #[test]
    fn the_kb_form_wins_a_tie() {
        let f = run(
            &Consistency,
            "M. Ficco a parlé. Le Premier ministre Robert Fico a répondu.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].2.as_str()), ("Ficco", "Fico"));
    }

    #[test]
    fn a_name_with_its_first_name_wins_a_tie() {
        let f = run(&Consistency, "Le juge Amadou Bustillo a parlé. Mgr Bustilo a répondu.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Bustilo");
        assert_eq!(f[0].3, 0.75);
    }

    #[test]
    fn dont_flag_relatives_plurals_or_two_known_people() {
        for text in [
            "Volodymyr Zelensky et son épouse Olena Zelenska. M. Zelensky a parlé.",
            "Les Nations Unies et les États-Unis. Jean Martin et Paul Martins.",
            "Le général Ali Saleh et le ministre Omar Salah ont parlé.",
            "Le président élu Prabowo Subianto a battu Ganjar Pranowo. Prabowo a remercié ses électeurs.",
            "Le protocole IPv4 et M. IPv6 : le système SVr2 et le système SVr3.",
        ] {
            let f = run(&Consistency, text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }

    #[test]
    fn inflections() {
        assert!(inflection_pair("unis", "unies"));
        assert!(inflection_pair("martin", "martins"));
        assert!(!inflection_pair("fico", "ficco"));
    }
}
