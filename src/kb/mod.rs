//! The knowledge base: people, organisations, places and countries, loaded
//! from CSV (embedded default plus `--kb` folders), validated, and compiled once
//! into immutable indexes that every thread reads.

pub mod names;
pub mod romanise;
pub mod source;

use std::fmt;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::fold::fold;
use crate::phrases::{PhraseRule, PhraseSet};
pub use names::{Form, FormStatus, Mention, NameIndex, Owner, TokenHit, VariantKind};
pub use source::{
    CountryRow, EntityKind, EntityRow, FileKind, Layer, Origin, PhraseRow, PlaceRow, Problem, Title, VenueRow,
};

/// The default KB, embedded in the binary.
const EMBEDDED: [(FileKind, &str); 5] = [
    (FileKind::Entities, include_str!("data/entities.csv")),
    (FileKind::Places, include_str!("data/places.csv")),
    (FileKind::Countries, include_str!("data/countries.csv")),
    (FileKind::Phrases, include_str!("data/phrases.csv")),
    (FileKind::Venues, include_str!("data/venues.csv")),
];

/// Where KB files come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KbSource {
    /// The default KB compiled into calque.
    Embedded,
    /// A folder holding any of `entities.csv`, `places.csv`, `countries.csv`.
    Dir(PathBuf),
}

#[derive(Debug)]
pub struct KbError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for KbError {}

/// Reads the layers named by `sources`, in order.
pub fn read_layers(sources: &[KbSource]) -> (Vec<Layer>, Vec<Problem>, u64) {
    let mut layers = Vec::new();
    let mut problems = Vec::new();
    let mut fingerprint = crate::fnv::OFFSET;
    let mut mix = |bytes: &[u8]| fingerprint = crate::fnv::fnv1a(fingerprint, bytes);
    for src in sources {
        let mut layer = Layer::default();
        match src {
            KbSource::Embedded => {
                for (kind, text) in EMBEDDED {
                    mix(text.as_bytes());
                    let name = format!("<default>/{}", kind.file_name());
                    source::parse_file(kind, &name, text, &mut layer, &mut problems);
                }
            }
            KbSource::Dir(dir) => read_dir(dir, &mut layer, &mut problems, &mut mix),
        }
        layers.push(layer);
    }
    (layers, problems, fingerprint)
}

fn read_dir(dir: &Path, layer: &mut Layer, problems: &mut Vec<Problem>, mix: &mut impl FnMut(&[u8])) {
    let problem = |message: String| Problem {
        file: dir.display().to_string(),
        line: 0,
        message,
    };
    if !dir.is_dir() {
        problems.push(problem("not a folder (--kb takes a folder of KB CSV files)".into()));
        return;
    }
    let mut any = false;
    for kind in FileKind::ALL {
        let path = dir.join(kind.file_name());
        if !path.exists() {
            continue;
        }
        any = true;
        let name = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    mix(text.as_bytes());
                    source::parse_file(kind, &name, &text, layer, problems);
                }
                Err(e) => {
                    let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
                    problems.push(Problem {
                        file: name,
                        line,
                        message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                    });
                }
            },
            Err(e) => problems.push(Problem {
                file: name,
                line: 0,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if !any {
        problems.push(problem(format!(
            "no KB file here (expected {})",
            FileKind::ALL.map(FileKind::file_name).join(", ")
        )));
    }
}

/// Merges layers: a later row replaces an earlier one with the same id.
fn merge(layers: Vec<Layer>) -> Layer {
    fn merge_rows<T>(into: &mut Vec<T>, index: &mut FxHashMap<String, usize>, rows: Vec<T>, id: impl Fn(&T) -> &str) {
        for row in rows {
            match index.get(id(&row)) {
                Some(&i) => into[i] = row,
                None => {
                    index.insert(id(&row).to_string(), into.len());
                    into.push(row);
                }
            }
        }
    }
    let mut out = Layer::default();
    let (mut ei, mut pi, mut ci) = (FxHashMap::default(), FxHashMap::default(), FxHashMap::default());
    let (mut ri, mut vi) = (FxHashMap::default(), FxHashMap::default());
    for l in layers {
        merge_rows(&mut out.entities, &mut ei, l.entities, |r| &r.id);
        merge_rows(&mut out.places, &mut pi, l.places, |r| &r.id);
        merge_rows(&mut out.countries, &mut ci, l.countries, |r| &r.code);
        merge_rows(&mut out.phrases, &mut ri, l.phrases, |r| &r.id);
        merge_rows(&mut out.venues, &mut vi, l.venues, |r| &r.id);
    }
    out
}

/// The compiled knowledge base. Immutable once built; share it by reference.
pub struct Kb {
    entities: Vec<EntityRow>,
    places: Vec<PlaceRow>,
    countries: Vec<CountryRow>,
    names: NameIndex,
    phrases: PhraseSet,
    /// Institutions and events, as patterns, and the place each sits in.
    venues: PhraseSet,
    venue_seats: Vec<Venue>,
    country_by_code: FxHashMap<String, u32>,
    /// Each country's capital, as a place index.
    capitals: Vec<Option<u32>>,
    /// Folded nationality adjectives (all four inflections) and French
    /// country names, to their country.
    country_words: FxHashMap<String, u32>,
    /// A bit per (first byte, length up to 31) of the country words, so that
    /// most words are rejected without hashing.
    country_filter: Vec<u32>,
    fingerprint: u64,
}

impl fmt::Debug for Kb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Kb")
            .field("entities", &self.entities.len())
            .field("places", &self.places.len())
            .field("countries", &self.countries.len())
            .field("phrases", &self.phrases.len())
            .field("fingerprint", &self.fingerprint())
            .finish()
    }
}

impl Kb {
    /// Loads and compiles the KB from `sources`, or lists every problem found.
    pub fn load(sources: &[KbSource]) -> Result<Kb, KbError> {
        // Rows that do not parse are left out and reported; the others are
        // still compiled, so that every problem is reported at once.
        let (layers, mut problems, fingerprint) = read_layers(sources);
        let kb = Kb::compile(merge(layers), fingerprint, &mut problems);
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(KbError { problems })
        }
    }

    /// The embedded default KB. It is validated by the test suite.
    pub fn embedded() -> Kb {
        Kb::load(&[KbSource::Embedded]).unwrap_or_else(|e| panic!("the embedded KB is invalid:\n{e}"))
    }

    /// Compiles merged rows, adding to `problems` what cannot be compiled.
    pub fn compile(layer: Layer, fingerprint: u64, problems: &mut Vec<Problem>) -> Kb {
        let Layer {
            entities,
            places,
            countries,
            phrases,
            venues,
        } = layer;
        // The phrase automaton is built on a thread of its own while this one
        // builds the name index: start-up is on the path of every run.
        std::thread::scope(|scope| {
            let phrase_thread = scope.spawn(move || {
                let mut problems = Vec::new();
                let set = compile_phrases(phrases, &mut problems);
                (set, problems)
            });
            let first = problems.len();
            let mut kb = Kb::compile_names(entities, places, countries, venues, fingerprint, problems);
            let (set, phrase_problems) = phrase_thread.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            // Problems in the order of a sequential build: phrases first.
            problems.splice(first..first, phrase_problems);
            kb.phrases = set;
            kb
        })
    }

    /// Everything but the phrase rules: names, places, countries, venues.
    fn compile_names(
        entities: Vec<EntityRow>,
        places: Vec<PlaceRow>,
        countries: Vec<CountryRow>,
        venues: Vec<VenueRow>,
        fingerprint: u64,
        problems: &mut Vec<Problem>,
    ) -> Kb {
        let phrases = PhraseSet::new(Vec::new());
        let (venues, venue_seats) = compile_venues(venues, &places, problems);
        let mut country_by_code = FxHashMap::default();
        let mut country_words = FxHashMap::default();
        for (i, c) in countries.iter().enumerate() {
            country_by_code.insert(c.code.clone(), i as u32);
            for adj in &c.adjectives {
                for form in inflections(adj) {
                    country_words.entry(fold(&form)).or_insert(i as u32);
                }
            }
            for name in &c.french {
                country_words.entry(fold(name)).or_insert(i as u32);
            }
        }
        let place_ids: FxHashMap<&str, u32> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect();
        let mut capitals = vec![None; countries.len()];
        for (i, c) in countries.iter().enumerate() {
            if let Some(id) = &c.capital {
                match place_ids.get(id.as_str()) {
                    Some(&p) => capitals[i] = Some(p),
                    None if !places.is_empty() => problems.push(Problem::at(
                        &c.origin,
                        format!("capital `{id}` is no place of places.csv"),
                    )),
                    None => {}
                }
            }
        }
        if !countries.is_empty() {
            let unknown = |code: &str| !country_by_code.contains_key(code);
            for e in &entities {
                if let Some(c) = e.country.as_deref().filter(|c| unknown(c)) {
                    problems.push(Problem::at(&e.origin, format!("unknown country code `{c}`")));
                }
            }
            for p in &places {
                if unknown(&p.country) {
                    problems.push(Problem::at(&p.origin, format!("unknown country code `{}`", p.country)));
                }
            }
        }

        // Every written form, accepted ones first known, so that a wrong form
        // that is also a right form of anything is caught.
        let mut pending: Vec<(Owner, &str, FormStatus, &Origin)> = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let owner = Owner::Entity(i as u32);
            for a in std::iter::once(&e.canonical).chain(&e.aliases) {
                pending.push((owner, a, FormStatus::Accepted, &e.origin));
            }
            for v in &e.variants {
                pending.push((owner, v, FormStatus::Variant(VariantKind::Listed), &e.origin));
            }
        }
        for (i, p) in places.iter().enumerate() {
            let owner = Owner::Place(i as u32);
            pending.extend(
                p.french
                    .iter()
                    .map(|a| (owner, a.as_str(), FormStatus::Accepted, &p.origin)),
            );
            pending.extend(p.english.iter().map(|v| {
                (
                    owner,
                    v.as_str(),
                    FormStatus::Variant(VariantKind::PlaceEnglish),
                    &p.origin,
                )
            }));
            pending.extend(
                p.variants
                    .iter()
                    .map(|v| (owner, v.as_str(), FormStatus::Variant(VariantKind::Listed), &p.origin)),
            );
        }
        for (i, c) in countries.iter().enumerate() {
            let owner = Owner::Country(i as u32);
            pending.extend(
                c.french
                    .iter()
                    .map(|a| (owner, a.as_str(), FormStatus::Accepted, &c.origin)),
            );
            pending.extend(c.english.iter().map(|v| {
                (
                    owner,
                    v.as_str(),
                    FormStatus::Variant(VariantKind::PlaceEnglish),
                    &c.origin,
                )
            }));
        }
        let tokens: Vec<Option<Vec<(String, names::Case)>>> =
            pending.iter().map(|(_, text, _, _)| names::form_tokens(text)).collect();
        let keys: Vec<Option<String>> = tokens
            .iter()
            .map(|t| {
                t.as_ref()
                    .map(|t| t.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>().join(" "))
            })
            .collect();
        let mut accepted: FxHashMap<&str, Owner> = FxHashMap::default();
        for ((owner, _, status, _), key) in pending.iter().zip(&keys) {
            if let (FormStatus::Accepted, Some(k)) = (status, key) {
                accepted.entry(k.as_str()).or_insert(*owner);
            }
        }
        let describe = |o: Owner| match o {
            Owner::Entity(i) => format!("entity `{}`", entities[i as usize].id),
            Owner::Place(i) => format!("place `{}`", places[i as usize].id),
            Owner::Country(i) => format!("country `{}`", countries[i as usize].code),
        };
        let mut names = NameIndex::default();
        let mut listed: Vec<(u32, Owner)> = Vec::new();
        for ((&(owner, text, status, origin), key), toks) in pending.iter().zip(&keys).zip(tokens) {
            let Some(key) = key else {
                problems.push(Problem::at(
                    origin,
                    format!(
                        "`{text}` does not start with a word, or has more than {} tokens",
                        names::MAX_FORM_TOKENS
                    ),
                ));
                continue;
            };
            if status != FormStatus::Accepted {
                if let Some(&other) = accepted.get(key.as_str()) {
                    // An English place name that differs from the French one
                    // only by accents (Mykolaiv) has nothing to report.
                    if status != FormStatus::Variant(VariantKind::PlaceEnglish) {
                        let whose = if other == owner {
                            "an accepted form of this row".to_string()
                        } else {
                            format!("an accepted form of {}", describe(other))
                        };
                        problems.push(Problem::at(origin, format!("wrong form `{text}` is {whose}")));
                    }
                    continue;
                }
            }
            let Some(toks) = toks else { continue };
            let id = names.add_tokens(owner, text, status, toks);
            if status != FormStatus::Accepted {
                listed.push((id, owner));
            }
        }

        // English romanisations of people's accepted forms.
        let taken: FxHashSet<String> = names.forms().iter().map(|f| f.key.clone()).collect();
        let mut generated: Vec<(Owner, String)> = Vec::new();
        let mut english_keys: FxHashMap<Owner, FxHashSet<String>> = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let Some(script) = e.country.as_deref().and_then(romanise::Script::of_country) else {
                continue;
            };
            let owner = Owner::Entity(i as u32);
            for a in std::iter::once(&e.canonical).chain(&e.aliases) {
                let Some(toks) = names::form_tokens(a) else { continue };
                let folded: Vec<&str> = toks.iter().map(|(f, _)| f.as_str()).collect();
                for alt in romanise::english_name_forms(&folded, script, 24) {
                    let key = alt.join(" ");
                    english_keys.entry(owner).or_default().insert(key.clone());
                    if taken.contains(&key) || (alt.len() == 1 && key.len() < 5) {
                        continue;
                    }
                    // Keep the capitals of the accepted form.
                    let text = alt
                        .iter()
                        .zip(&toks)
                        .map(|(t, (_, case))| match case {
                            names::Case::Any => t.clone(),
                            _ => capitalise(t),
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    generated.push((owner, text));
                }
            }
        }
        let mut seen_generated = FxHashSet::default();
        for (owner, text) in generated {
            if seen_generated.insert((owner, fold(&text))) {
                names.add(owner, &text, FormStatus::Variant(VariantKind::GeneratedEnglish));
            }
        }
        let relabel: Vec<u32> = listed
            .iter()
            .filter(|(id, owner)| {
                english_keys
                    .get(owner)
                    .is_some_and(|keys| keys.contains(&names.form(*id).key))
            })
            .map(|(id, _)| *id)
            .collect();
        for id in relabel {
            names.set_status(id, FormStatus::Variant(VariantKind::ListedEnglish));
        }

        for c in &countries {
            for adj in &c.adjectives {
                for form in inflections(adj) {
                    names.add_known_token(&fold(&form));
                }
            }
        }
        let person = |o: Owner| matches!(o, Owner::Entity(i) if entities[i as usize].kind == EntityKind::Person);
        names.build(|f| f.status == FormStatus::Accepted && person(f.owner));

        Kb {
            entities,
            places,
            countries,
            names,
            phrases,
            venues,
            venue_seats,
            country_by_code,
            capitals,
            country_filter: {
                let mut f = vec![0u32; 256];
                for w in country_words.keys() {
                    if let Some(&b) = w.as_bytes().first() {
                        f[usize::from(b)] |= 1 << w.len().min(31);
                    }
                }
                f
            },
            country_words,
            fingerprint,
        }
    }

    pub fn names(&self) -> &NameIndex {
        &self.names
    }
    pub fn phrases(&self) -> &PhraseSet {
        &self.phrases
    }
    /// The venues' patterns; venue `k` sits in `venue(k)`.
    pub fn venues(&self) -> &PhraseSet {
        &self.venues
    }
    pub fn venue(&self, k: usize) -> Venue {
        self.venue_seats[k]
    }
    pub fn entities(&self) -> &[EntityRow] {
        &self.entities
    }
    pub fn places(&self) -> &[PlaceRow] {
        &self.places
    }
    pub fn countries(&self) -> &[CountryRow] {
        &self.countries
    }
    pub fn entity(&self, i: u32) -> &EntityRow {
        &self.entities[i as usize]
    }
    pub fn place(&self, i: u32) -> &PlaceRow {
        &self.places[i as usize]
    }
    pub fn country(&self, i: u32) -> &CountryRow {
        &self.countries[i as usize]
    }
    /// The capital of country `i`, as a place index.
    pub fn capital(&self, i: u32) -> Option<u32> {
        self.capitals.get(i as usize).copied().flatten()
    }
    pub fn country_index(&self, code: &str) -> Option<u32> {
        self.country_by_code.get(code).copied()
    }
    /// The country a folded word (nationality adjective or French country
    /// name) points to.
    pub fn country_of_word(&self, folded: &str) -> Option<u32> {
        let b = *folded.as_bytes().first()?;
        if self.country_filter[usize::from(b)] & (1 << folded.len().min(31)) == 0 {
            return None;
        }
        self.country_words.get(folded).copied()
    }
    /// The canonical form of what a form names.
    pub fn canonical(&self, owner: Owner) -> &str {
        match owner {
            Owner::Entity(i) => &self.entity(i).canonical,
            Owner::Place(i) => &self.place(i).french[0],
            Owner::Country(i) => &self.country(i).french[0],
        }
    }
    /// The id of what a form names.
    pub fn owner_id(&self, owner: Owner) -> &str {
        match owner {
            Owner::Entity(i) => &self.entity(i).id,
            Owner::Place(i) => &self.place(i).id,
            Owner::Country(i) => &self.country(i).code,
        }
    }
    pub fn is_person(&self, owner: Owner) -> bool {
        matches!(owner, Owner::Entity(i) if self.entity(i).kind == EntityKind::Person)
    }
    /// A short hex digest of the KB sources, for reports.
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", self.fingerprint)
    }
}

/// Compiles the phrase rows; a bad pattern or a rule id taken by a built-in
/// rule is a problem of its row.
fn compile_phrases(rows: Vec<source::PhraseRow>, problems: &mut Vec<Problem>) -> PhraseSet {
    let builtin: FxHashSet<&str> = crate::checks::builtin_rules().map(|r| r.id).collect();
    // Patterns are parsed in two halves at once (start-up is on the path of
    // every run), then kept in file order.
    let mut rows = rows;
    let second_half = rows.split_off(rows.len() / 2);
    let builtin = &builtin;
    let ((mut rules, first_problems), (more, more_problems)) = std::thread::scope(|scope| {
        let other = scope.spawn(move || parse_phrase_rows(second_half, builtin));
        let first = parse_phrase_rows(rows, builtin);
        (first, other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    rules.extend(more);
    problems.extend(first_problems);
    problems.extend(more_problems);
    PhraseSet::new(rules)
}

/// Parses the patterns of phrase rows: the rules, and the problems of the rows
/// that are not.
fn parse_phrase_rows(rows: Vec<source::PhraseRow>, builtin: &FxHashSet<&str>) -> (Vec<PhraseRule>, Vec<Problem>) {
    let mut rules = Vec::with_capacity(rows.len());
    let mut problems = Vec::new();
    for row in rows {
        if builtin.contains(row.id.as_str()) {
            problems.push(Problem::at(
                &row.origin,
                format!("rule id `{}` is a built-in rule", row.id),
            ));
            continue;
        }
        match crate::phrases::pattern::parse(&row.pattern) {
            Ok(pattern) => rules.push(PhraseRule {
                id: row.id,
                category: row.category,
                severity: row.severity,
                source: row.pattern,
                pattern,
                suggestion: row.suggestion,
                message: row.message,
                example_bad: row.example_bad,
                example_good: row.example_good,
                origin: row.origin,
            }),
            Err(e) => problems.push(Problem::at(
                &row.origin,
                format!("pattern `{}`, column {}: {}", row.pattern, e.column, e.message),
            )),
        }
    }
    (rules, problems)
}

/// Where an institution or event of `venues.csv` sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Venue {
    /// Index of the place.
    pub seat: u32,
    /// An event held there, not only an institution seated there.
    pub meeting: bool,
}

fn compile_venues(
    rows: Vec<source::VenueRow>,
    places: &[PlaceRow],
    problems: &mut Vec<Problem>,
) -> (PhraseSet, Vec<Venue>) {
    let by_id: FxHashMap<&str, u32> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    let mut rules = Vec::new();
    let mut seats = Vec::new();
    for row in rows {
        let Some(&seat) = by_id.get(row.seat.as_str()) else {
            problems.push(Problem::at(
                &row.origin,
                format!("`{}` is no place of places.csv", row.seat),
            ));
            continue;
        };
        match crate::phrases::pattern::parse(&row.pattern) {
            Ok(pattern) => {
                rules.push(PhraseRule {
                    id: row.id,
                    category: crate::finding::Category::Dateline,
                    severity: crate::finding::Severity::Minor,
                    source: row.pattern,
                    pattern,
                    suggestion: String::new(),
                    message: String::new(),
                    example_bad: String::new(),
                    example_good: String::new(),
                    origin: row.origin,
                });
                seats.push(Venue {
                    seat,
                    meeting: row.meeting,
                });
            }
            Err(e) => problems.push(Problem::at(
                &row.origin,
                format!("pattern `{}`, column {}: {}", row.pattern, e.column, e.message),
            )),
        }
    }
    (PhraseSet::new(rules), seats)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// An adjective as given (masculine or feminine singular) and its plural.
fn inflections(adj: &str) -> Vec<String> {
    let plural = |s: &str| {
        if s.ends_with('s') || s.ends_with('x') {
            s.to_string()
        } else {
            format!("{s}s")
        }
    };
    vec![adj.to_string(), plural(adj)]
}

#[cfg(test)]
mod tests;
