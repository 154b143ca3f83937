//! The compiled name index: every written form of every entity, place and
//! country, looked up exactly by folded token sequence, and the tokens of
//! people's accepted forms, looked up fuzzily through a deletion index.
//!
//! Exact lookup walks the document's tokens once: at each word it extends the
//! key token by token while the key is a prefix of some form (a hash set of
//! prefixes, so a word that starts no form costs one lookup), and keeps the
//! longest form that matches with compatible case.
//!
//! Fuzzy lookup (symmetric delete, as in SymSpell) stores each vocabulary token
//! and every string made by deleting one of its characters, hashed, in one
//! sorted array. A query generates its own deletions and binary-searches them:
//! every token within one edit (insertion, deletion, substitution or adjacent
//! transposition) is found without looking at the rest of the vocabulary, and
//! the candidates are then verified with a real edit distance.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::distance::deletion_hashes;
use crate::document::{Document, Token, flag};
use crate::wordset::FirstByteLengths;

/// What a form names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    Entity(u32),
    Place(u32),
    Country(u32),
}

/// Why a form is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantKind {
    /// Listed in the KB's `variants` column.
    Listed,
    /// Listed, and an English romanisation of an accepted form.
    ListedEnglish,
    /// Not listed: derived from an accepted form by the English romanisation rules.
    GeneratedEnglish,
    /// The English name of a place or country (`english` column).
    PlaceEnglish,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormStatus {
    Accepted,
    Variant(VariantKind),
}

/// The case a form's token asks of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Written in capitals (acronyms): the text must be too.
    Upper,
    /// Capitalised: the text must start with a capital.
    Cap,
    /// Lower case (particles, titles): any case.
    Any,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub owner: Owner,
    /// The form as written in the KB (or generated).
    pub text: String,
    /// Folded tokens joined by single spaces.
    pub key: String,
    pub status: FormStatus,
    pub case: Vec<Case>,
}

impl Form {
    pub fn token_count(&self) -> usize {
        self.case.len()
    }
}

/// A known form found in a document: tokens `first..=last`.
#[derive(Clone, Debug)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    /// The forms with this key whose case the text satisfies.
    pub forms: Vec<u32>,
}

/// A vocabulary token close to a query token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenHit {
    pub vocab: u32,
    pub distance: u8,
}

/// The longest form, in tokens, that the index considers.
pub const MAX_FORM_TOKENS: usize = 40;

#[derive(Default)]
pub struct NameIndex {
    forms: Vec<Form>,
    exact: FxHashMap<String, Vec<u32>>,
    prefixes: FxHashSet<String>,
    /// For forms whose first word may be written in lower case (`pape
    /// François`, `von der Leyen`): a bit per (first byte, length up to 31)
    /// of that word, so most lower-case words are rejected without hashing.
    lower_first: FirstByteLengths,
    /// Folded tokens of all accepted forms and of place and country names.
    known_tokens: FxHashSet<String>,
    vocab: Vec<String>,
    vocab_ids: FxHashMap<String, u32>,
    /// For each vocabulary token: (form, position of the token in the form).
    postings: Vec<Vec<(u32, u8)>>,
    /// Vocabulary ids grouped by deletion hash, and where each group lies.
    deleted_ids: Vec<u32>,
    deletion_groups: FxHashMap<u64, (u32, u32)>,
}

/// Tokens of a form, as the document tokeniser cuts them: (folded, case).
/// `None` if the form has no word or more than [`MAX_FORM_TOKENS`] tokens.
pub fn form_tokens(text: &str) -> Option<Vec<(String, Case)>> {
    let d = Document::fragment(text);
    let toks = d.tokens();
    if toks.is_empty() || toks.len() > MAX_FORM_TOKENS || !toks[0].is_word() {
        return None;
    }
    Some(toks.iter().map(|t| (d.folded(t).to_string(), case_of(t))).collect())
}

/// The lookup key of a form: its folded tokens joined by single spaces.
pub fn form_key(text: &str) -> Option<String> {
    form_tokens(text).map(|t| t.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>().join(" "))
}

fn case_of(t: &Token) -> Case {
    if t.has(flag::UPPER) {
        Case::Upper
    } else if t.has(flag::CAP) {
        Case::Cap
    } else {
        Case::Any
    }
}

fn case_ok(req: Case, t: &Token) -> bool {
    match req {
        Case::Upper => t.has(flag::UPPER),
        Case::Cap => t.has(flag::CAP),
        Case::Any => true,
    }
}

/// Minimum length (in chars) of a token indexed for fuzzy lookup.
const MIN_FUZZY_CHARS: usize = 4;

impl NameIndex {
    /// Adds a form; returns its id, or `None` if the text has no usable tokens.
    pub fn add(&mut self, owner: Owner, text: &str, status: FormStatus) -> Option<u32> {
        let toks = form_tokens(text)?;
        Some(self.add_tokens(owner, text, status, toks))
    }

    /// [`NameIndex::add`] with the form's tokens already cut.
    pub fn add_tokens(&mut self, owner: Owner, text: &str, status: FormStatus, toks: Vec<(String, Case)>) -> u32 {
        let key = toks.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>().join(" ");
        let id = self.forms.len() as u32;
        self.forms.push(Form {
            owner,
            text: text.to_string(),
            key,
            status,
            case: toks.into_iter().map(|(_, c)| c).collect(),
        });
        id
    }

    pub fn set_status(&mut self, id: u32, status: FormStatus) {
        self.forms[id as usize].status = status;
    }

    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    pub fn form(&self, id: u32) -> &Form {
        &self.forms[id as usize]
    }

    /// The forms whose folded key is `key`.
    pub fn by_key(&self, key: &str) -> &[u32] {
        self.exact.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether a folded token belongs to some accepted name, place or country.
    pub fn is_known_token(&self, folded: &str) -> bool {
        self.known_tokens.contains(folded)
    }

    pub fn add_known_token(&mut self, folded: &str) {
        self.known_tokens.insert(folded.to_string());
    }

    /// Builds the lookup structures once all forms are added. `fuzzy` decides
    /// which forms' tokens enter the fuzzy vocabulary.
    pub fn build(&mut self, fuzzy: impl Fn(&Form) -> bool) {
        self.exact.clear();
        self.prefixes.clear();
        self.lower_first = FirstByteLengths::default();
        for (id, f) in self.forms.iter().enumerate() {
            if f.case.first() == Some(&Case::Any) {
                self.lower_first.insert(f.key.split(' ').next().unwrap_or_default());
            }
            self.exact.entry(f.key.clone()).or_default().push(id as u32);
            let mut prefix = String::new();
            for (i, tok) in f.key.split(' ').enumerate() {
                if i > 0 {
                    prefix.push(' ');
                }
                prefix.push_str(tok);
                self.prefixes.insert(prefix.clone());
            }
            let name_like = matches!(f.owner, Owner::Place(_) | Owner::Country(_)) || f.status == FormStatus::Accepted;
            if name_like {
                for tok in f.key.split(' ') {
                    self.known_tokens.insert(tok.to_string());
                }
            }
        }
        for ids in self.exact.values_mut() {
            ids.sort_unstable();
        }

        let mut hashes = Vec::new();
        let mut deletes: Vec<(u64, u32)> = Vec::new();
        for (id, f) in self.forms.iter().enumerate() {
            if !fuzzy(f) {
                continue;
            }
            for (pos, tok) in f.key.split(' ').enumerate() {
                if tok.chars().count() < MIN_FUZZY_CHARS || tok.len() > crate::distance::MAX_FUZZY_BYTES {
                    continue;
                }
                let v = match self.vocab_ids.get(tok) {
                    Some(&v) => v,
                    None => {
                        let v = self.vocab.len() as u32;
                        self.vocab.push(tok.to_string());
                        self.vocab_ids.insert(tok.to_string(), v);
                        self.postings.push(Vec::new());
                        deletion_hashes(tok, 1, &mut hashes);
                        deletes.extend(hashes.iter().map(|&h| (h, v)));
                        v
                    }
                };
                self.postings[v as usize].push((id as u32, pos as u8));
            }
        }
        deletes.sort_unstable();
        deletes.dedup();
        self.deleted_ids = deletes.iter().map(|&(_, v)| v).collect();
        self.deletion_groups.clear();
        let mut start = 0;
        while start < deletes.len() {
            let h = deletes[start].0;
            let end = start + deletes[start..].iter().take_while(|&&(x, _)| x == h).count();
            self.deletion_groups.insert(h, (start as u32, (end - start) as u32));
            start = end;
        }
    }

    /// Finds the known forms in a document, leftmost-longest, never overlapping.
    pub fn scan(&self, doc: &Document) -> Vec<Mention> {
        let toks = doc.tokens();
        let mut out = Vec::new();
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < toks.len() {
            let first = doc.folded(&toks[i]);
            let maybe = match toks[i].kind {
                crate::document::TokenKind::Punct => false,
                _ if toks[i].is_cap() => true,
                _ => self.lower_first.may_contain(first),
            };
            if !maybe || !self.prefixes.contains(first) {
                i += 1;
                continue;
            }
            key.clear();
            key.push_str(first);
            let mut best: Option<(usize, Vec<u32>)> = None;
            let mut j = i;
            loop {
                if let Some(ids) = self.exact.get(key.as_str()) {
                    let span = &toks[i..=j];
                    let ok: Vec<u32> = ids
                        .iter()
                        .copied()
                        .filter(|&id| {
                            let f = &self.forms[id as usize];
                            f.case.len() == span.len() && f.case.iter().zip(span).all(|(&c, t)| case_ok(c, t))
                        })
                        .collect();
                    if !ok.is_empty() {
                        best = Some((j, ok));
                    }
                }
                j += 1;
                if j >= toks.len() || j - i >= MAX_FORM_TOKENS || toks[j].has(flag::LINE_START) {
                    break;
                }
                key.push(' ');
                key.push_str(doc.folded(&toks[j]));
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            match best {
                Some((last, forms)) => {
                    out.push(Mention { first: i, last, forms });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Vocabulary tokens within `max_distance` edits of `folded` (optimal string
    /// alignment distance), found through the deletion index. Distance 2 is only
    /// found where one deletion on each side meets.
    pub fn similar_tokens(&self, folded: &str, max_distance: u8, out: &mut Vec<TokenHit>) {
        out.clear();
        if folded.chars().count() < MIN_FUZZY_CHARS || folded.len() > crate::distance::MAX_FUZZY_BYTES {
            return;
        }
        let mut hashes = Vec::with_capacity(folded.len() + 1);
        deletion_hashes(folded, 1, &mut hashes);
        for h in hashes {
            let Some(&(start, len)) = self.deletion_groups.get(&h) else {
                continue;
            };
            for &v in &self.deleted_ids[start as usize..(start + len) as usize] {
                if out.iter().any(|hit| hit.vocab == v) {
                    continue;
                }
                let word = &self.vocab[v as usize];
                if let Some(d) = crate::distance::osa_within(folded, word, usize::from(max_distance)) {
                    out.push(TokenHit {
                        vocab: v,
                        distance: d as u8,
                    });
                }
            }
        }
        out.sort_unstable_by_key(|h| h.vocab);
    }

    pub fn vocab(&self, v: u32) -> &str {
        &self.vocab[v as usize]
    }

    /// The forms a vocabulary token occurs in, with its position there.
    pub fn postings(&self, v: u32) -> &[(u32, u8)] {
        &self.postings[v as usize]
    }

    /// Approximate heap size, for `calque kb` statistics and benches.
    pub fn stats(&self) -> (usize, usize, usize) {
        (self.forms.len(), self.vocab.len(), self.deleted_ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn index() -> NameIndex {
        let mut ix = NameIndex::default();
        ix.add(Owner::Entity(0), "Dmytro Kouleba", FormStatus::Accepted);
        ix.add(Owner::Entity(0), "Kouleba", FormStatus::Accepted);
        ix.add(
            Owner::Entity(0),
            "Kuleba",
            FormStatus::Variant(VariantKind::ListedEnglish),
        );
        ix.add(Owner::Entity(1), "Ursula von der Leyen", FormStatus::Accepted);
        ix.add(Owner::Entity(2), "OTAN", FormStatus::Accepted);
        ix.add(Owner::Entity(2), "UN", FormStatus::Variant(VariantKind::Listed));
        ix.build(|f| f.status == FormStatus::Accepted);
        ix
    }

    fn found(ix: &NameIndex, text: &str) -> Vec<String> {
        let d = Document::new("t", text.to_string(), Meta::default());
        ix.scan(&d)
            .iter()
            .map(|m| d.span_text(m.first, m.last).to_string())
            .collect()
    }

    #[test]
    fn longest_known_form_wins() {
        let ix = index();
        assert_eq!(found(&ix, "Dmytro Kouleba et Kuleba"), ["Dmytro Kouleba", "Kuleba"]);
        assert_eq!(
            found(&ix, "Mme Ursula von der Leyen, puis von der Leyen"),
            ["Ursula von der Leyen"]
        );
    }

    #[test]
    fn case_is_respected() {
        let ix = index();
        assert!(found(&ix, "un homme et kouleba").is_empty());
        assert_eq!(found(&ix, "l'OTAN et l'UN"), ["OTAN", "UN"]);
        assert_eq!(found(&ix, "KOULEBA"), ["KOULEBA"]);
    }

    #[test]
    fn forms_never_cross_lines() {
        let ix = index();
        assert_eq!(found(&ix, "Dmytro\nKouleba"), ["Kouleba"]);
    }

    #[test]
    fn deletion_index_finds_one_edit() {
        let ix = index();
        let mut hits = Vec::new();
        for q in ["koulebа", "kouleb", "koulepa", "kuoleba", "koouleba", "kouleba"] {
            ix.similar_tokens(q, 1, &mut hits);
            let words: Vec<&str> = hits.iter().map(|h| ix.vocab(h.vocab)).collect();
            if q.is_ascii() {
                assert!(words.contains(&"kouleba"), "{q}: {words:?}");
            }
        }
        ix.similar_tokens("lavrov", 1, &mut hits);
        assert!(hits.is_empty());
        ix.similar_tokens("kouleba", 1, &mut hits);
        assert_eq!(hits[0].distance, 0);
    }
}
