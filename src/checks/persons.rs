//! How the KB mentions of a document read as people: which are wrong forms of
//! whose name, and which accepted form to suggest. Shared by the name checks.

use std::ops::Range;

use super::Context;
use super::name_slots::is_name_word;
use crate::fold::fold;
use crate::kb::{FormStatus, Kb, Mention, Owner, VariantKind};

/// A mention that reads only as a wrong form of one person's name.
pub struct PersonVariant {
    pub entity: u32,
    pub kind: VariantKind,
    /// Bytes of the mention.
    pub range: Range<usize>,
    pub suggestion: String,
}

/// The person a mention names through an accepted form, if it does so
/// unambiguously.
pub fn accepted_person(cx: &Context<'_>, m: &Mention) -> Option<u32> {
    let mut who = None;
    for &id in &m.forms {
        let f = cx.kb.names().form(id);
        if f.status != FormStatus::Accepted {
            continue;
        }
        match f.owner {
            Owner::Entity(e) if cx.kb.is_person(f.owner) => match who {
                None => who = Some(e),
                Some(w) if w == e => {}
                Some(_) => return None,
            },
            _ => return None,
        }
    }
    who
}

/// The wrong form a mention is, if it reads only as wrong forms of one person.
pub fn person_variant(cx: &Context<'_>, m: &Mention) -> Option<PersonVariant> {
    let names = cx.kb.names();
    if m.forms.iter().any(|&id| names.form(id).status == FormStatus::Accepted) {
        return None;
    }
    let mut entity = None;
    let mut kind = None;
    for &id in &m.forms {
        let f = names.form(id);
        let (Owner::Entity(e), FormStatus::Variant(k)) = (f.owner, f.status) else {
            return None;
        };
        if !cx.kb.is_person(f.owner) {
            return None;
        }
        match entity {
            None => entity = Some(e),
            Some(x) if x == e => {}
            Some(_) => return None,
        }
        let rank = |k: VariantKind| match k {
            VariantKind::ListedEnglish => 0,
            VariantKind::Listed => 1,
            VariantKind::GeneratedEnglish => 2,
            VariantKind::PlaceEnglish => 3,
        };
        if kind.is_none_or(|old| rank(k) < rank(old)) {
            kind = Some(k);
        }
    }
    let (entity, kind) = (entity?, kind?);
    let toks = cx.doc.tokens();
    if kind == VariantKind::GeneratedEnglish && m.first == m.last {
        // A derived surname alone (`Salman`) may be another person's first
        // name (`Salman Rushdie`): only a standalone word counts.
        let neighbour = |i: Option<usize>| i.and_then(|i| toks.get(i)).is_some_and(|t| is_name_word(cx.doc, t));
        if neighbour(m.first.checked_sub(1)) || neighbour(Some(m.last + 1)) {
            return None;
        }
    }
    let found = cx.doc.span_text(m.first, m.last);
    Some(PersonVariant {
        entity,
        kind,
        range: toks[m.first].start as usize..toks[m.last].end as usize,
        suggestion: best_accepted_form(cx.kb, entity, found, m.last - m.first + 1),
    })
}

/// The accepted form of `entity` to put in place of `found`: one with as many
/// tokens, the most similar; else the canonical form.
pub fn best_accepted_form(kb: &Kb, entity: u32, found: &str, tokens: usize) -> String {
    let e = kb.entity(entity);
    let target = fold(found);
    let mut best: Option<(f64, &str)> = None;
    for a in std::iter::once(&e.canonical).chain(&e.aliases) {
        let Some(toks) = crate::kb::names::form_tokens(a) else {
            continue;
        };
        if toks.len() != tokens {
            continue;
        }
        let sim = strsim::jaro_winkler(&target, &fold(a));
        if best.is_none_or(|(s, _)| sim > s) {
            best = Some((sim, a));
        }
    }
    best.map_or_else(|| e.canonical.clone(), |(_, a)| a.to_string())
}

/// `de Ulf Kristersson` elides to `d'Ulf Kristersson`.
pub fn de(name: &str) -> String {
    let first = name.chars().next().map(|c| crate::fold::fold(&c.to_string()));
    if first
        .as_deref()
        .is_some_and(|f| f.starts_with(['a', 'e', 'i', 'o', 'u', 'y']))
    {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}
