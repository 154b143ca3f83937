//! The KB's CSV files: row types, parsing and per-row validation.
//!
//! Every problem is reported as `file:line: what is wrong` and parsing goes on,
//! so `calque kb check` lists all the bad rows of a file at once.

use std::fmt;

use rustc_hash::FxHashMap;

use crate::finding::{Category, Severity};

/// Where a row came from, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One thing wrong with a KB file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl Problem {
    pub fn at(origin: &Origin, message: impl Into<String>) -> Problem {
        Problem {
            file: origin.file.clone(),
            line: origin.line,
            message: message.into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Org,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }
}

/// A title a person held, with optional validity years (inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub role: String,
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl Title {
    fn parse(s: &str) -> Result<Title, String> {
        let (role, years) = match s.split_once('@') {
            Some((r, y)) => (r, Some(y)),
            None => (s, None),
        };
        let role = role.trim();
        if role.is_empty() {
            return Err(format!("title `{s}` has no role"));
        }
        let (from, to) = match years {
            None => (None, None),
            Some(y) => {
                let (a, b) = y
                    .split_once('-')
                    .ok_or_else(|| format!("title `{s}`: validity must read @FROM-TO, @FROM- or @-TO"))?;
                let year = |t: &str| -> Result<Option<u16>, String> {
                    if t.is_empty() {
                        return Ok(None);
                    }
                    match t.parse::<u16>() {
                        Ok(v) if (1900..=2100).contains(&v) && t.len() == 4 => Ok(Some(v)),
                        _ => Err(format!("title `{s}`: `{t}` is not a year")),
                    }
                };
                let (from, to) = (year(a)?, year(b)?);
                if from.is_none() && to.is_none() {
                    return Err(format!("title `{s}`: give at least one year after @"));
                }
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        return Err(format!("title `{s}`: {f} is after {t}"));
                    }
                }
                (from, to)
            }
        };
        Ok(Title {
            role: role.to_string(),
            from,
            to,
        })
    }

    /// Whether the title was held at some time in `years` (inclusive).
    pub fn overlaps(&self, first: u16, last: u16) -> bool {
        self.from.is_none_or(|f| f <= last) && self.to.is_none_or(|t| t >= first)
    }
}

#[derive(Clone, Debug)]
pub struct EntityRow {
    pub id: String,
    pub kind: EntityKind,
    pub canonical: String,
    pub aliases: Vec<String>,
    pub variants: Vec<String>,
    pub titles: Vec<Title>,
    pub country: Option<String>,
    pub note: String,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct PlaceRow {
    pub id: String,
    /// Accepted French forms, canonical first.
    pub french: Vec<String>,
    pub english: Vec<String>,
    pub country: String,
    pub wire_origin: bool,
    /// Known wrong French forms (Russian-derived Ukrainian toponyms...).
    pub variants: Vec<String>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct CountryRow {
    pub code: String,
    pub french: Vec<String>,
    pub english: Vec<String>,
    /// Masculine singular, then feminine singular.
    pub adjectives: Vec<String>,
    /// The id of the capital in `places.csv`, if known.
    pub capital: Option<String>,
    pub origin: Origin,
}

/// A row of `phrases.csv`, before its pattern is compiled.
#[derive(Clone, Debug)]
pub struct PhraseRow {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub pattern: String,
    pub suggestion: String,
    pub message: String,
    pub example_bad: String,
    pub example_good: String,
    pub origin: Origin,
}

/// A row of `venues.csv`: an institution or event and the place it sits in.
#[derive(Clone, Debug)]
pub struct VenueRow {
    pub id: String,
    pub pattern: String,
    /// The id of a place of `places.csv`.
    pub seat: String,
    /// Whether the phrase names an event held there (`meeting`) or only an
    /// institution seated there, often used for the institution itself (`seat`).
    pub meeting: bool,
    pub origin: Origin,
}

/// The KB file kinds, by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Entities,
    Places,
    Countries,
    Phrases,
    Venues,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [
        FileKind::Entities,
        FileKind::Places,
        FileKind::Countries,
        FileKind::Phrases,
        FileKind::Venues,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Entities => "entities.csv",
            FileKind::Places => "places.csv",
            FileKind::Countries => "countries.csv",
            FileKind::Phrases => "phrases.csv",
            FileKind::Venues => "venues.csv",
        }
    }

    pub fn header(self) -> &'static [&'static str] {
        match self {
            FileKind::Entities => &[
                "id",
                "kind",
                "canonical",
                "aliases",
                "variants",
                "titles",
                "country",
                "note",
            ],
            FileKind::Places => &["id", "french", "english", "country", "wire_origin", "variants"],
            FileKind::Countries => &["code", "french", "english", "adjectives", "capital"],
            FileKind::Phrases => &[
                "id",
                "category",
                "severity",
                "pattern",
                "suggestion",
                "message",
                "example_bad",
                "example_good",
            ],
            FileKind::Venues => &["id", "pattern", "seat", "strength", "note"],
        }
    }
}

/// The rows of one layer of the KB (the embedded default, or one `--kb` folder).
#[derive(Default)]
pub struct Layer {
    pub entities: Vec<EntityRow>,
    pub places: Vec<PlaceRow>,
    pub countries: Vec<CountryRow>,
    pub phrases: Vec<PhraseRow>,
    pub venues: Vec<VenueRow>,
}

/// Parses one file into `layer`, appending problems.
pub fn parse_file(kind: FileKind, file: &str, text: &str, layer: &mut Layer, problems: &mut Vec<Problem>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = kind.header();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let mut record = csv::StringRecord::new();
    let mut first = true;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Problem {
                    file: file.to_string(),
                    line,
                    message: format!("bad CSV: {e}"),
                });
                return;
            }
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let origin = Origin {
            file: file.to_string(),
            line,
        };
        if first {
            first = false;
            let got: Vec<&str> = record.iter().collect();
            if got != header {
                problems.push(Problem::at(
                    &origin,
                    format!("expected the header `{}`, found `{}`", header.join(","), got.join(",")),
                ));
                return;
            }
            continue;
        }
        if record.len() == 1 && record[0].trim().is_empty() {
            problems.push(Problem::at(&origin, "blank line"));
            continue;
        }
        if record.len() != header.len() {
            problems.push(Problem::at(
                &origin,
                format!("expected {} fields, found {}", header.len(), record.len()),
            ));
            continue;
        }
        let mut row = RowReader {
            record: &record,
            header,
            origin: &origin,
            problems: Vec::new(),
        };
        let id = if kind == FileKind::Phrases {
            row.rule_id(0)
        } else {
            row.id(0)
        };
        if let Some(&prev) = seen.get(&id) {
            row.problem(format!("duplicate id `{id}` (first at line {prev})"));
        } else if !id.is_empty() {
            seen.insert(id.clone(), line);
        }
        match kind {
            FileKind::Entities => {
                let e = EntityRow {
                    kind: row.entity_kind(1),
                    canonical: row.single(2),
                    aliases: row.multi(3),
                    variants: row.multi(4),
                    titles: row.titles(5),
                    country: row.country(6, true),
                    note: record[7].trim().to_string(),
                    id,
                    origin: origin.clone(),
                };
                if row.problems.is_empty() {
                    layer.entities.push(e);
                }
            }
            FileKind::Places => {
                let p = PlaceRow {
                    french: row.multi_required(1),
                    english: row.multi(2),
                    country: row.country(3, false).unwrap_or_default(),
                    wire_origin: row.flag(4),
                    variants: row.multi(5),
                    id,
                    origin: origin.clone(),
                };
                if row.problems.is_empty() {
                    layer.places.push(p);
                }
            }
            FileKind::Phrases => {
                let category = row.parse_field::<Category>(1);
                if let Some(c) = category {
                    if id.split('.').next() != Some(c.as_str()) {
                        row.problem(format!("rule id `{id}` must start with its category `{c}.`"));
                    }
                }
                let p = PhraseRow {
                    category: category.unwrap_or(Category::Idiom),
                    severity: row.parse_field::<Severity>(2).unwrap_or(Severity::Minor),
                    pattern: row.single_text(3).trim().to_string(),
                    suggestion: record[4].to_string(),
                    message: row.single_text(5),
                    example_bad: row.single_text(6),
                    example_good: row.single_text(7),
                    id,
                    origin: origin.clone(),
                };
                if row.problems.is_empty() {
                    layer.phrases.push(p);
                }
            }
            FileKind::Venues => {
                let meeting = match &record[3] {
                    "meeting" => true,
                    "seat" => false,
                    other => {
                        let other = other.to_string();
                        row.problem(format!("`strength` must be meeting or seat, found `{other}`"));
                        false
                    }
                };
                let v = VenueRow {
                    pattern: row.single_text(1).trim().to_string(),
                    seat: row.single(2),
                    meeting,
                    id,
                    origin: origin.clone(),
                };
                if row.problems.is_empty() {
                    layer.venues.push(v);
                }
            }
            FileKind::Countries => {
                if !is_country_code(&id) {
                    row.problem(format!(
                        "`{id}` is not an ISO 3166-1 alpha-2 code (two capital letters)"
                    ));
                }
                let adjectives = row.multi_required(3);
                if adjectives.len() > 2 {
                    row.problem("`adjectives` takes the masculine then the feminine singular");
                }
                let c = CountryRow {
                    french: row.multi_required(1),
                    english: row.multi(2),
                    adjectives,
                    capital: Some(record[4].to_string()).filter(|c| !c.is_empty()),
                    code: id,
                    origin: origin.clone(),
                };
                if row.problems.is_empty() {
                    layer.countries.push(c);
                }
            }
        }
        problems.append(&mut row.problems);
    }
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

struct RowReader<'a> {
    record: &'a csv::StringRecord,
    header: &'static [&'static str],
    origin: &'a Origin,
    problems: Vec<Problem>,
}

impl RowReader<'_> {
    fn problem(&mut self, message: impl Into<String>) {
        let p = Problem::at(self.origin, message);
        self.problems.push(p);
    }

    fn field(&self, i: usize) -> &str {
        &self.record[i]
    }

    fn id(&mut self, i: usize) -> String {
        let v = self.field(i).to_string();
        let ok = !v.is_empty()
            && (v
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                || is_country_code(&v));
        if !ok {
            self.problem(format!(
                "`{}` must be lower-case ASCII letters, digits and `-`",
                self.header[i]
            ));
        }
        v
    }

    /// A rule id: `<category>.<slug>`, lower-case ASCII, digits and `-`.
    fn rule_id(&mut self, i: usize) -> String {
        let v = self.field(i).to_string();
        let ok = v.split_once('.').is_some_and(|(c, slug)| {
            !c.is_empty()
                && !slug.is_empty()
                && v.bytes().filter(|&b| b == b'.').count() == 1
                && v.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        });
        if !ok {
            self.problem(format!(
                "rule id `{v}` must read <category>.<slug> (lower-case ASCII, digits, `-`)"
            ));
        }
        v
    }

    fn parse_field<T: std::str::FromStr<Err = String>>(&mut self, i: usize) -> Option<T> {
        match self.field(i).parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(format!("`{}`: {e}", self.header[i]));
                None
            }
        }
    }

    /// A free text field that must not be empty (messages, examples).
    fn single_text(&mut self, i: usize) -> String {
        let v = self.field(i).to_string();
        if v.trim().is_empty() {
            self.problem(format!("`{}` is empty", self.header[i]));
        }
        v
    }

    fn single(&mut self, i: usize) -> String {
        let v = self.field(i).to_string();
        if v.trim().is_empty() {
            self.problem(format!("`{}` is empty", self.header[i]));
        } else if v.trim() != v {
            self.problem(format!("`{}` has spaces around it", self.header[i]));
        } else if v.contains('|') {
            self.problem(format!("`{}` takes one value", self.header[i]));
        }
        v
    }

    fn multi(&mut self, i: usize) -> Vec<String> {
        let raw = self.field(i).to_string();
        if raw.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for v in raw.split('|') {
            if v.trim().is_empty() {
                self.problem(format!("empty value in `{}`", self.header[i]));
            } else if v.trim() != v {
                self.problem(format!("`{v}` in `{}` has spaces around it", self.header[i]));
            } else {
                out.push(v.to_string());
            }
        }
        out
    }

    fn multi_required(&mut self, i: usize) -> Vec<String> {
        let v = self.multi(i);
        if v.is_empty() && self.field(i).is_empty() {
            self.problem(format!("`{}` is empty", self.header[i]));
        }
        v
    }

    fn entity_kind(&mut self, i: usize) -> EntityKind {
        match self.field(i) {
            "person" => EntityKind::Person,
            "org" => EntityKind::Org,
            "place" => EntityKind::Place,
            other => {
                let other = other.to_string();
                self.problem(format!("unknown kind `{other}` (expected person, org or place)"));
                EntityKind::Person
            }
        }
    }

    fn titles(&mut self, i: usize) -> Vec<Title> {
        let mut out = Vec::new();
        for t in self.multi(i) {
            match Title::parse(&t) {
                Ok(t) => out.push(t),
                Err(e) => self.problem(e),
            }
        }
        out
    }

    fn country(&mut self, i: usize, optional: bool) -> Option<String> {
        let v = self.field(i).to_string();
        if v.is_empty() {
            if !optional {
                self.problem(format!("`{}` is empty", self.header[i]));
            }
            return None;
        }
        if !is_country_code(&v) {
            self.problem(format!("`{v}` is not an ISO 3166-1 alpha-2 code (two capital letters)"));
        }
        Some(v)
    }

    fn flag(&mut self, i: usize) -> bool {
        match self.field(i) {
            "0" => false,
            "1" => true,
            other => {
                let other = other.to_string();
                self.problem(format!("`{}` must be 0 or 1, found `{other}`", self.header[i]));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: FileKind, text: &str) -> (Layer, Vec<String>) {
        let mut layer = Layer::default();
        let mut problems = Vec::new();
        parse_file(kind, "x.csv", text, &mut layer, &mut problems);
        (layer, problems.iter().map(ToString::to_string).collect())
    }

    const H: &str = "id,kind,canonical,aliases,variants,titles,country,note\n";

    #[test]
    fn reads_a_good_row() {
        let (l, p) = parse(
            FileKind::Entities,
            &format!(
                "{H}dmytro-kouleba,person,Dmytro Kouleba,Kouleba,Kuleba|Dmytro Kuleba,ministre des Affaires étrangères@2020-2024,UA,checked 2025\n"
            ),
        );
        assert!(p.is_empty(), "{p:?}");
        let e = &l.entities[0];
        assert_eq!(e.variants, ["Kuleba", "Dmytro Kuleba"]);
        assert_eq!(e.titles[0].from, Some(2020));
        assert!(e.titles[0].overlaps(2024, 2026));
        assert!(!e.titles[0].overlaps(2025, 2026));
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let text = format!(
            "{H}a,person,A,,,,UA,\nB b,robot,,,,,Ukraine,\nc,person,C,,x||y,président@20-2024,,\na,person,A,,,,,\nd,person,D\n"
        );
        let (_, p) = parse(FileKind::Entities, &text);
        let joined = p.join("\n");
        assert!(joined.contains("x.csv:3: `id` must be"), "{joined}");
        assert!(joined.contains("x.csv:3: unknown kind `robot`"));
        assert!(joined.contains("x.csv:3: `canonical` is empty"));
        assert!(joined.contains("x.csv:3: `Ukraine` is not an ISO"));
        assert!(joined.contains("x.csv:4: empty value in `variants`"));
        assert!(joined.contains("x.csv:4: title `président@20-2024`: `20` is not a year"));
        assert!(joined.contains("x.csv:5: duplicate id `a` (first at line 2)"));
        assert!(joined.contains("x.csv:6: expected 8 fields, found 3"));
    }

    #[test]
    fn wrong_header_and_bad_quoting() {
        let (_, p) = parse(FileKind::Places, "id,french\n");
        assert!(p[0].starts_with("x.csv:1: expected the header"), "{p:?}");
        let (_, p) = parse(
            FileKind::Countries,
            "code,french,english,adjectives,capital\nFR,\"France,,\n",
        );
        assert!(
            p.iter()
                .any(|m| m.contains("bad CSV") || m.contains("expected 5 fields")),
            "{p:?}"
        );
    }

    #[test]
    fn title_years() {
        assert!(Title::parse("président@2019-").is_ok());
        assert!(Title::parse("président@-2014").is_ok());
        assert!(Title::parse("président@2024-2019").is_err());
        assert!(Title::parse("président@").is_err());
        assert!(Title::parse("@2019-").is_err());
    }
}
