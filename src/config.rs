//! `calque.toml`: finding it, reading it, and the effective settings of a run
//! with where each value came from (a default, a line of the file, a flag).
//!
//! Unknown keys and bad values are errors that name `file:line:column`: a typo
//! in a configuration must not pass silently.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::checker::{Config, Toponyms};
use crate::finding::{Confidence, Severity};
use crate::rules::{RuleChoice, RuleSet};
use crate::score::Weights;

/// The file name looked for from the current folder upwards.
pub const FILE_NAME: &str = "calque.toml";

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// A line of a configuration file.
    File {
        path: String,
        line: usize,
    },
    /// A command-line flag.
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File { path, line } => write!(f, "{path}:{line}"),
            Origin::Flag(flag) => f.write_str(flag),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    pub fn default(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Default,
        }
    }

    pub fn flag(value: T, flag: &'static str) -> Self {
        Setting {
            value,
            origin: Origin::Flag(flag),
        }
    }
}

/// A list whose items each know where they came from.
pub type List<T> = Setting<Vec<Setting<T>>>;

impl<T> List<T> {
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.value.iter().map(|s| &s.value)
    }

    /// A list given by a flag: every item has the flag's origin.
    pub fn from_flag(values: Vec<T>, flag: &'static str) -> Self {
        Setting::flag(values.into_iter().map(|v| Setting::flag(v, flag)).collect(), flag)
    }
}

/// A problem of a configuration file, or of a file it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    /// 0 when not known.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:", self.file, self.line)?;
        if self.column > 0 {
            write!(f, "{}:", self.column)?;
        }
        write!(f, " {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// A problem at `line` of `file` (0: the file as a whole), column unknown.
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: file.to_string(),
            line,
            column: 0,
            message: message.into(),
        }
    }
}

/// Every setting of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    pub pass_threshold: Setting<f64>,
    pub fail_under: Setting<Option<f64>>,
    pub fail_on: Setting<Option<Severity>>,
    pub min_confidence: Setting<f64>,
    pub weight_minor: Setting<f64>,
    pub weight_major: Setting<f64>,
    pub weight_critical: Setting<f64>,
    pub toponyms: Setting<Toponyms>,
    pub select: List<String>,
    pub ignore: List<String>,
    /// Severity overrides: a rule selector and its severity, in order.
    pub severity: Vec<Setting<(String, Severity)>>,
    /// Extra KB folders, after the embedded KB.
    pub kb: List<PathBuf>,
    pub default_kb: Setting<bool>,
    pub dictionary: List<PathBuf>,
    pub accept: List<PathBuf>,
    pub baseline: Setting<Option<PathBuf>>,
    pub ext: List<String>,
    pub include: List<String>,
    pub exclude: List<String>,
}

impl Default for Settings {
    fn default() -> Self {
        let d = Config::default();
        let list = |v: &[&str]| Setting::default(v.iter().map(|s| Setting::default(s.to_string())).collect::<Vec<_>>());
        Settings {
            file: None,
            pass_threshold: Setting::default(90.0),
            fail_under: Setting::default(None),
            fail_on: Setting::default(None),
            min_confidence: Setting::default(d.min_confidence.value()),
            weight_minor: Setting::default(d.weights.minor),
            weight_major: Setting::default(d.weights.major),
            weight_critical: Setting::default(d.weights.critical),
            toponyms: Setting::default(d.toponyms),
            select: list(&[]),
            ignore: list(&[]),
            severity: Vec::new(),
            kb: Setting::default(Vec::new()),
            default_kb: Setting::default(true),
            dictionary: Setting::default(Vec::new()),
            accept: Setting::default(Vec::new()),
            baseline: Setting::default(None),
            ext: list(&["txt", "md"]),
            include: list(&[]),
            exclude: list(&[]),
        }
    }
}

/// `calque.toml` as written. Every key is optional; unknown keys are errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    pass_threshold: Option<Spanned<f64>>,
    fail_under: Option<Spanned<f64>>,
    fail_on: Option<Spanned<String>>,
    min_confidence: Option<Spanned<f64>>,
    toponyms: Option<Spanned<String>>,
    select: Option<Spanned<Vec<Spanned<String>>>>,
    ignore: Option<Spanned<Vec<Spanned<String>>>>,
    severity: Option<toml::map::Map<String, toml::Value>>,
    weights: Option<RawWeights>,
    kb: Option<Spanned<Vec<Spanned<String>>>>,
    default_kb: Option<Spanned<bool>>,
    dictionary: Option<Spanned<Vec<Spanned<String>>>>,
    accept: Option<Spanned<Vec<Spanned<String>>>>,
    baseline: Option<Spanned<String>>,
    ext: Option<Spanned<Vec<Spanned<String>>>>,
    include: Option<Spanned<Vec<Spanned<String>>>>,
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    minor: Option<Spanned<f64>>,
    major: Option<Spanned<f64>>,
    critical: Option<Spanned<f64>>,
}

/// Turns byte offsets of one file into lines and columns.
struct Located<'a> {
    path: &'a str,
    text: &'a str,
    dir: &'a Path,
}

impl Located<'_> {
    fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let before = self.text.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    fn origin(&self, span: std::ops::Range<usize>) -> Origin {
        Origin::File {
            path: self.path.to_string(),
            line: self.line_col(span.start).0,
        }
    }

    fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> ConfigError {
        let (line, column) = self.line_col(span.start);
        ConfigError {
            file: self.path.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn setting<T>(&self, s: Spanned<T>) -> Setting<T> {
        let origin = self.origin(s.span());
        Setting {
            value: s.into_inner(),
            origin,
        }
    }

    fn list<T>(&self, s: Spanned<Vec<Spanned<String>>>, f: impl Fn(String) -> T) -> List<T> {
        let origin = self.origin(s.span());
        Setting {
            value: s
                .into_inner()
                .into_iter()
                .map(|item| {
                    let item = self.setting(item);
                    Setting {
                        value: f(item.value),
                        origin: item.origin,
                    }
                })
                .collect(),
            origin,
        }
    }

    /// A number within `range`.
    fn number(
        &self,
        s: Spanned<f64>,
        range: std::ops::RangeInclusive<f64>,
        what: &str,
    ) -> Result<Setting<f64>, ConfigError> {
        if !range.contains(s.get_ref()) {
            return Err(self.error(
                s.span(),
                format!(
                    "{what} must be between {} and {}, not {}",
                    range.start(),
                    range.end(),
                    s.get_ref()
                ),
            ));
        }
        Ok(self.setting(s))
    }

    fn parsed<T: std::str::FromStr<Err = String>>(&self, s: Spanned<String>) -> Result<Setting<T>, ConfigError> {
        match s.get_ref().parse::<T>() {
            Ok(v) => Ok(Setting {
                value: v,
                origin: self.origin(s.span()),
            }),
            Err(e) => Err(self.error(s.span(), e)),
        }
    }
}

impl Settings {
    /// The configuration file that applies in `dir`: `calque.toml` there or in
    /// the nearest folder above.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// Reads a configuration file over these settings.
    pub fn read_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.display().to_string(),
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        })?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        self.apply_toml(&path.display().to_string(), &text, dir)?;
        self.file = Some(path.to_path_buf());
        Ok(())
    }

    /// Applies the text of a configuration file named `path`, whose relative
    /// paths are relative to `dir`.
    pub fn apply_toml(&mut self, path: &str, text: &str, dir: &Path) -> Result<(), ConfigError> {
        let at = Located { path, text, dir };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            at.error(span, e.message().trim_end().replace('\n', " "))
        })?;
        if let Some(v) = raw.pass_threshold {
            self.pass_threshold = at.number(v, 0.0..=100.0, "pass-threshold")?;
        }
        if let Some(v) = raw.fail_under {
            let s = at.number(v, 0.0..=100.0, "fail-under")?;
            self.fail_under = Setting {
                value: Some(s.value),
                origin: s.origin,
            };
        }
        if let Some(v) = raw.fail_on {
            let s = at.parsed::<Severity>(v)?;
            self.fail_on = Setting {
                value: Some(s.value),
                origin: s.origin,
            };
        }
        if let Some(v) = raw.min_confidence {
            self.min_confidence = at.number(v, 0.0..=1.0, "min-confidence")?;
        }
        if let Some(v) = raw.toponyms {
            self.toponyms = at.parsed(v)?;
        }
        if let Some(w) = raw.weights {
            for (value, slot, what) in [
                (w.minor, &mut self.weight_minor, "weights.minor"),
                (w.major, &mut self.weight_major, "weights.major"),
                (w.critical, &mut self.weight_critical, "weights.critical"),
            ] {
                if let Some(v) = value {
                    *slot = at.number(v, 0.0..=1000.0, what)?;
                }
            }
        }
        if let Some(table) = raw.severity {
            self.severity = severity_table(&at, table)?;
        }
        for (value, slot) in [
            (raw.select, &mut self.select),
            (raw.ignore, &mut self.ignore),
            (raw.ext, &mut self.ext),
            (raw.include, &mut self.include),
            (raw.exclude, &mut self.exclude),
        ] {
            if let Some(v) = value {
                *slot = at.list(v, |s| s);
            }
        }
        let relative = |s: String| at.dir.join(s);
        for (value, slot) in [
            (raw.kb, &mut self.kb),
            (raw.dictionary, &mut self.dictionary),
            (raw.accept, &mut self.accept),
        ] {
            if let Some(v) = value {
                *slot = at.list(v, relative);
            }
        }
        if let Some(v) = raw.default_kb {
            self.default_kb = at.setting(v);
        }
        if let Some(v) = raw.baseline {
            let s = at.setting(v);
            self.baseline = Setting {
                value: Some(relative(s.value)),
                origin: s.origin,
            };
        }
        for glob in self.include.value.iter().chain(&self.exclude.value) {
            if let Err(e) = crate::input::Globs::new(&[&glob.value]) {
                return Err(ConfigError {
                    file: path.to_string(),
                    line: line_of(&glob.origin),
                    column: 0,
                    message: e,
                });
            }
        }
        Ok(())
    }

    /// Rule selectors (`select`, `ignore`, `[severity]`) that designate no
    /// rule of `rules`: a typo, or a rule of a KB not loaded.
    pub fn unknown_selectors(&self, rules: &RuleSet) -> Vec<String> {
        let mut out = Vec::new();
        let items = self
            .select
            .value
            .iter()
            .map(|s| (&s.value, &s.origin, "select"))
            .chain(self.ignore.value.iter().map(|s| (&s.value, &s.origin, "ignore")))
            .chain(self.severity.iter().map(|s| (&s.value.0, &s.origin, "severity")));
        for (sel, origin, key) in items {
            if rules.matching(sel) == 0 {
                out.push(format!(
                    "{origin}: {key} `{sel}` matches no rule id, category or id prefix (calque rules lists them)"
                ));
            }
        }
        out
    }

    /// What the checker needs of these settings.
    pub fn checker_config(&self) -> Config {
        Config {
            min_confidence: Confidence::new(self.min_confidence.value),
            weights: Weights {
                minor: self.weight_minor.value,
                major: self.weight_major.value,
                critical: self.weight_critical.value,
            },
            toponyms: self.toponyms.value,
            rules: RuleChoice {
                select: self.select.values().cloned().collect(),
                ignore: self.ignore.values().cloned().collect(),
                severity: self.severity.iter().map(|s| s.value.clone()).collect(),
            },
        }
    }

    /// The effective configuration as TOML, each value followed by where it
    /// came from. Paths are as resolved (relative to the file that named them).
    pub fn describe(&self) -> String {
        let mut out = String::new();
        match &self.file {
            Some(p) => {
                let _ = writeln!(out, "# configuration file: {}", p.display());
            }
            None => out.push_str("# no configuration file\n"),
        }
        let strings = |l: &List<String>| Some(array(l.values().map(|s| quote(s))));
        let paths = |l: &List<PathBuf>| Some(array(l.values().map(|p| quote(&p.display().to_string()))));
        let o = &mut out;
        entry(
            o,
            "pass-threshold",
            Some(number(self.pass_threshold.value)),
            &self.pass_threshold.origin,
        );
        entry(
            o,
            "fail-under",
            self.fail_under.value.map(number),
            &self.fail_under.origin,
        );
        entry(
            o,
            "fail-on",
            self.fail_on.value.map(|s| quote(s.as_str())),
            &self.fail_on.origin,
        );
        entry(
            o,
            "min-confidence",
            Some(number(self.min_confidence.value)),
            &self.min_confidence.origin,
        );
        entry(
            o,
            "toponyms",
            Some(quote(self.toponyms.value.as_str())),
            &self.toponyms.origin,
        );
        entry(o, "select", strings(&self.select), &self.select.origin);
        entry(o, "ignore", strings(&self.ignore), &self.ignore.origin);
        entry(
            o,
            "default-kb",
            Some(self.default_kb.value.to_string()),
            &self.default_kb.origin,
        );
        entry(o, "kb", paths(&self.kb), &self.kb.origin);
        entry(o, "dictionary", paths(&self.dictionary), &self.dictionary.origin);
        entry(o, "accept", paths(&self.accept), &self.accept.origin);
        let baseline = self.baseline.value.as_ref().map(|p| quote(&p.display().to_string()));
        entry(o, "baseline", baseline, &self.baseline.origin);
        entry(o, "ext", strings(&self.ext), &self.ext.origin);
        entry(o, "include", strings(&self.include), &self.include.origin);
        entry(o, "exclude", strings(&self.exclude), &self.exclude.origin);
        o.push_str("\n[weights]\n");
        entry(
            o,
            "minor",
            Some(number(self.weight_minor.value)),
            &self.weight_minor.origin,
        );
        entry(
            o,
            "major",
            Some(number(self.weight_major.value)),
            &self.weight_major.origin,
        );
        entry(
            o,
            "critical",
            Some(number(self.weight_critical.value)),
            &self.weight_critical.origin,
        );
        o.push_str("\n[severity]\n");
        if self.severity.is_empty() {
            o.push_str("# no overrides: every rule at its default severity (calque rules)\n");
        }
        for s in &self.severity {
            entry(o, &quote(&s.value.0), Some(quote(s.value.1.as_str())), &s.origin);
        }
        out
    }
}

/// `[severity]`: rule selector = "minor" | "major" | "critical".
fn severity_table(
    at: &Located<'_>,
    table: toml::map::Map<String, toml::Value>,
) -> Result<Vec<Setting<(String, Severity)>>, ConfigError> {
    // The table's values carry no spans; find each key's line in the text.
    let mut out = Vec::new();
    for (key, value) in table {
        let span = key_span(at.text, &key);
        let sev = match value.as_str() {
            Some(s) => s
                .parse::<Severity>()
                .map_err(|e| at.error(span.clone(), format!("severity.{key}: {e}")))?,
            None => {
                return Err(at.error(
                    span,
                    format!("severity.{key}: expected \"minor\", \"major\" or \"critical\""),
                ));
            }
        };
        out.push(Setting {
            value: (key, sev),
            origin: at.origin(span),
        });
    }
    out.sort_by_key(|s| line_of(&s.origin));
    Ok(out)
}

/// Where `key` is written as a key after the `[severity]` header, bare or quoted.
fn key_span(text: &str, key: &str) -> std::ops::Range<usize> {
    let table = text.find("[severity]").unwrap_or(0);
    let mut pos = table;
    for line in text[table..].split_inclusive('\n') {
        let t = line.trim_start();
        let bare = t.strip_prefix(key);
        let quoted = t
            .strip_prefix('"')
            .and_then(|r| r.strip_prefix(key))
            .and_then(|r| r.strip_prefix('"'));
        if bare.or(quoted).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            let at = pos + (line.len() - t.len());
            return at..at + key.len();
        }
        pos += line.len();
    }
    table..table
}

/// One `key = value  # origin` line of [`Settings::describe`]; an unset value
/// is a comment.
fn entry(out: &mut String, key: &str, value: Option<String>, origin: &Origin) {
    let text = match value {
        Some(v) => format!("{key} = {v}"),
        None => format!("# {key} (not set)"),
    };
    let _ = writeln!(out, "{text:<40} # {origin}");
}

fn line_of(origin: &Origin) -> usize {
    match origin {
        Origin::File { line, .. } => *line,
        _ => 0,
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

fn quote(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn array(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str) -> Result<Settings, ConfigError> {
        let mut s = Settings::default();
        s.apply_toml("calque.toml", text, Path::new("conf"))?;
        Ok(s)
    }

    #[test]
    fn every_key_is_read_with_its_line() {
        let s = apply(
            "pass-threshold = 85\nfail-under = 70.5\nfail-on = \"major\"\nmin-confidence = 0.6\n\
             toponyms = \"ukrainian\"\nselect = [\"name\", \"dateline\"]\nignore = [\n  \"name.near-miss\",\n]\n\
             kb = [\"kb\"]\ndefault-kb = false\ndictionary = [\"words.txt\"]\naccept = [\"calque-accept.csv\"]\n\
             baseline = \"base.csv\"\next = [\"txt\"]\ninclude = [\"*.txt\"]\nexclude = [\"drafts/**\"]\n\
             [weights]\nmajor = 4\n[severity]\n\"name.near-miss\" = \"minor\"\ntypography = \"major\"\n",
        )
        .unwrap();
        assert_eq!(s.pass_threshold.value, 85.0);
        assert_eq!(
            s.pass_threshold.origin,
            Origin::File {
                path: "calque.toml".into(),
                line: 1
            }
        );
        assert_eq!(s.fail_under.value, Some(70.5));
        assert_eq!(s.fail_on.value, Some(Severity::Major));
        assert_eq!(s.toponyms.value, Toponyms::Ukrainian);
        assert_eq!(
            s.ignore.value[0].origin.to_string(),
            "calque.toml:8",
            "each item has its own line"
        );
        assert_eq!(
            s.kb.value[0].value,
            Path::new("conf/kb"),
            "paths are relative to the file"
        );
        assert_eq!(s.baseline.value.as_deref(), Some(Path::new("conf/base.csv")));
        assert!(!s.default_kb.value);
        assert_eq!(s.weight_major.value, 4.0);
        assert_eq!(s.weight_minor.origin, Origin::Default);
        let sev: Vec<(String, Severity, String)> = s
            .severity
            .iter()
            .map(|x| (x.value.0.clone(), x.value.1, x.origin.to_string()))
            .collect();
        assert_eq!(
            sev,
            [
                ("name.near-miss".into(), Severity::Minor, "calque.toml:21".into()),
                ("typography".into(), Severity::Major, "calque.toml:22".into())
            ]
        );
        let c = s.checker_config();
        assert_eq!(c.min_confidence, Confidence::new(0.6));
        assert_eq!(c.rules.select, ["name", "dateline"]);
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_line() {
        let e = apply("pass-threshold = 90\nfail_under = 80\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown field `fail_under`"), "{e}");
        assert!(e.to_string().starts_with("calque.toml:2:1: "), "{e}");
        let e = apply("[weights]\nminor = 1\nmajr = 2\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = apply("\nfail-on = \"fatal\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown severity `fatal`"), "{e}");
        let e = apply("min-confidence = 1.5\n").unwrap_err();
        assert!(e.message.contains("between 0 and 1"), "{e}");
        let e = apply("pass-threshold = \"90\"\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        let e = apply("[severity]\nname = \"high\"\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = apply("toponyms = \"russian\"\n").unwrap_err();
        assert!(e.message.contains("unknown toponym style"), "{e}");
        let e = apply("exclude = [\n\"a/[b\"]\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = apply("select = [\"name\"\n").unwrap_err();
        assert!(e.line >= 1 && !e.message.is_empty());
    }

    #[test]
    fn selectors_that_match_no_rule_are_reported_with_their_origin() {
        let s = apply("select = [\"name\", \"nmae\"]\n[severity]\n\"typografy\" = \"minor\"\n").unwrap();
        let rules = RuleSet::new(&crate::kb::Kb::embedded());
        let bad = s.unknown_selectors(&rules);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(
            bad[0].starts_with("calque.toml:1: select `nmae` matches no rule"),
            "{bad:?}"
        );
        assert!(bad[1].starts_with("calque.toml:3: severity `typografy`"), "{bad:?}");
    }

    #[test]
    fn discovery_walks_upwards() {
        let d = tempfile::tempdir().unwrap();
        let deep = d.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(Settings::discover(&deep).filter(|p| p.starts_with(d.path())), None);
        std::fs::write(d.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(Settings::discover(&deep), Some(d.path().join("a").join(FILE_NAME)));
    }

    #[test]
    fn describe_gives_each_value_its_origin_and_reads_back() {
        let mut s = apply("fail-under = 80\n[severity]\n\"name.near-miss\" = \"minor\"\n").unwrap();
        s.min_confidence = Setting::flag(0.7, "--min-confidence");
        let text = s.describe();
        assert!(text.contains("fail-under = 80.0"), "{text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with("fail-under = 80.0") && l.ends_with("# calque.toml:1"))
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("min-confidence = 0.7") && l.ends_with("# --min-confidence"))
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("pass-threshold = 90.0") && l.ends_with("# default"))
        );
        assert!(text.contains("\"name.near-miss\" = \"minor\""), "{text}");
        // What it prints is itself a valid configuration.
        let back = apply(&text).unwrap();
        assert_eq!(back.fail_under.value, Some(80.0));
        assert_eq!(back.min_confidence.value, 0.7);
        assert_eq!(back.severity[0].value.1, Severity::Minor);
    }
}
