//! The SARIF report: valid against the official SARIF 2.1.0 schema
//! (`tests/data/sarif-schema-2.1.0.json`, see `tests/data/README.md`), with
//! levels, regions, fixes, fingerprints and the result limit as documented in
//! `src/report/sarif.rs`.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use calque::finding::Severity;
use calque::report::{DocReport, Reporter, SARIF_MAX_RESULTS, SarifReport};
use calque::{Checker, Config, Document, Kb, Meta, run, score};
use serde_json::Value;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(Kb::embedded(), Config::default()))
}

fn schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap()
    })
}

/// The one pattern of the official schema that is not a valid ECMA-262 regex
/// in strict (Unicode) mode: a lone `]`, which Annex B reads as a literal.
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
/// The same regex with that `]` escaped, as the validator's meta-schema check
/// (format `regex`) requires.
const LANGUAGE_PATTERN_ESCAPED: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$";

/// A draft-07 validator of the official schema, formats (`uri`,
/// `uri-reference`, `date-time`) checked too. Only the `language` pattern is
/// changed, to an equivalent regex (see [`LANGUAGE_PATTERN`]).
fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let mut schema = schema().clone();
        // `run.language` and `toolComponent.language`.
        assert_eq!(
            escape_language_pattern(&mut schema),
            2,
            "the schema changed: review the patch"
        );
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    })
}

/// Replaces each `pattern` [`LANGUAGE_PATTERN`] by [`LANGUAGE_PATTERN_ESCAPED`]; returns how many.
fn escape_language_pattern(v: &mut Value) -> usize {
    match v {
        Value::Object(map) => map
            .iter_mut()
            .map(|(k, v)| {
                if k == "pattern" && *v == LANGUAGE_PATTERN {
                    *v = LANGUAGE_PATTERN_ESCAPED.into();
                    1
                } else {
                    escape_language_pattern(v)
                }
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(escape_language_pattern).sum(),
        _ => 0,
    }
}

/// The schema errors of `log`, one line each.
fn schema_errors(log: &Value) -> Vec<String> {
    validator()
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(log: &Value) {
    let errors = schema_errors(log);
    assert!(errors.is_empty(), "SARIF is not valid:\n{}", errors.join("\n"));
}

fn check(name: &str, text: &str) -> DocReport {
    let doc = Document::new(name, text.to_string(), Meta::default());
    run::check_document(checker(), doc, 90.0)
}

/// Every bundled fixture, named as `calque check fixtures/` names them.
fn fixtures() -> Vec<DocReport> {
    let files = common::fixture_paths();
    assert!(files.len() >= 20, "{} fixtures", files.len());
    files
        .iter()
        .map(|p| {
            let name = format!("fixtures/{}", p.file_name().unwrap().to_string_lossy());
            check(&name, &std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn fixture(name: &str) -> DocReport {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
    check(&format!("fixtures/{name}"), &std::fs::read_to_string(path).unwrap())
}

/// The SARIF bytes for `docs`, with an optional result limit.
fn sarif_bytes(docs: &[DocReport], limit: Option<usize>) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut rep = SarifReport::new(&mut out, checker().rules(), "0.1.0");
        if let Some(n) = limit {
            rep = rep.with_limit(n);
        }
        for d in docs {
            rep.document(d, checker().rules()).unwrap();
        }
        rep.finish().unwrap();
    }
    out
}

fn sarif(docs: &[DocReport], limit: Option<usize>) -> Value {
    serde_json::from_slice(&sarif_bytes(docs, limit)).unwrap()
}

fn run0(log: &Value) -> &Value {
    &log["runs"][0]
}

fn results(log: &Value) -> &Vec<Value> {
    run0(log)["results"].as_array().unwrap()
}

fn region(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["region"]
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Major => "warning",
        Severity::Minor => "note",
    }
}

fn total_findings(docs: &[DocReport]) -> usize {
    docs.iter().map(|d| d.findings.len()).sum()
}

#[test]
fn the_schema_is_the_official_sarif_2_1_0_schema() {
    let s = schema();
    assert_eq!(
        s["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(s["properties"]["version"]["enum"], serde_json::json!(["2.1.0"]));
    assert_eq!(
        s["definitions"]["result"]["properties"]["level"]["enum"],
        serde_json::json!(["none", "note", "warning", "error"])
    );
    assert_eq!(SARIF_MAX_RESULTS, 5000);
}

#[test]
fn the_validator_rejects_broken_sarif() {
    let good = sarif(&[fixture("mt-02.txt")], None);
    assert_valid(&good);
    assert!(!results(&good).is_empty());

    let mut bad_level = good.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema_errors(&bad_level).is_empty(), "level `fatal` passed");

    let mut no_version = good.clone();
    no_version.as_object_mut().unwrap().remove("version");
    assert!(!schema_errors(&no_version).is_empty(), "a log without version passed");

    let mut line_zero = good.clone();
    line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!schema_errors(&line_zero).is_empty(), "startLine 0 passed");

    let mut unknown_property = good.clone();
    unknown_property["runs"][0]["results"][0]["severity"] = "critical".into();
    assert!(
        !schema_errors(&unknown_property).is_empty(),
        "an unknown result property passed"
    );

    let mut bad_uri = good.clone();
    bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "mon article.txt".into();
    assert!(!schema_errors(&bad_uri).is_empty(), "a URI with a space passed");

    let mut bad_column_kind = good;
    bad_column_kind["runs"][0]["columnKind"] = "bytes".into();
    assert!(!schema_errors(&bad_column_kind).is_empty(), "columnKind `bytes` passed");
}

#[test]
fn the_fixtures_give_valid_sarif() {
    let docs = fixtures();
    let log = sarif(&docs, None);
    assert_valid(&log);
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = run0(&log);
    assert_eq!(run["tool"]["driver"]["name"], "calque");
    assert_eq!(run["tool"]["driver"]["version"], "0.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"],
        serde_json::json!([])
    );
    let total = total_findings(&docs);
    assert!(total > 50, "{total} findings");
    assert_eq!(results(&log).len(), total);
    assert_eq!(run["properties"]["resultsOmitted"], 0);
    assert_eq!(run["properties"]["resultsTotal"], total);
    // Each fixture alone is valid too.
    for d in &docs {
        assert_valid(&sarif(std::slice::from_ref(d), None));
    }
}

#[test]
fn the_seed_article_gives_valid_sarif() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article-fr.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} is absent: skipped", path.display());
        return;
    };
    let doc = check("seed/article-fr.txt", &text);
    let log = sarif(std::slice::from_ref(&doc), None);
    assert_valid(&log);
    assert_eq!(results(&log).len(), doc.findings.len());
}

#[test]
fn the_rules_are_listed_in_order_with_their_levels() {
    let log = sarif(&[], None);
    assert_valid(&log);
    let listed = run0(&log)["tool"]["driver"]["rules"].as_array().unwrap();
    let rules: Vec<_> = checker().rules().iter().collect();
    assert_eq!(listed.len(), rules.len());
    for (l, r) in listed.iter().zip(&rules) {
        assert_eq!(l["id"], r.id.as_str());
        assert_eq!(l["shortDescription"]["text"], r.summary.as_str(), "{}", r.id);
        assert_eq!(l["fullDescription"]["text"], r.docs.as_str(), "{}", r.id);
        assert!(l["help"]["text"].as_str().unwrap().contains(&r.docs), "{}", r.id);
        assert_eq!(l["defaultConfiguration"]["level"], level(r.severity), "{}", r.id);
        assert_eq!(l["properties"]["category"], r.category.as_str());
        assert_eq!(l["properties"]["tags"], serde_json::json!([r.category.as_str()]));
        let name = l["name"].as_str().unwrap();
        assert!(!name.is_empty() && name.chars().all(char::is_alphanumeric), "{name}");
    }
    let near_miss = listed.iter().find(|l| l["id"] == "name.near-miss").unwrap();
    assert_eq!(near_miss["name"], "NameNearMiss");
    let levels: Vec<&str> = rules.iter().map(|r| level(r.severity)).collect();
    for l in ["error", "warning", "note"] {
        assert!(levels.contains(&l), "no rule of level {l}");
    }
}

#[test]
fn results_follow_the_findings_and_their_severity() {
    let docs = fixtures();
    let log = sarif(&docs, None);
    let listed = run0(&log)["tool"]["driver"]["rules"].as_array().unwrap();
    let findings: Vec<_> = docs
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
        .collect();
    let mut levels = Vec::new();
    for (res, (doc, r)) in results(&log).iter().zip(&findings) {
        let f = &r.finding;
        let rule = checker().rules().get(f.rule);
        assert_eq!(res["ruleId"], rule.id.as_str());
        assert_eq!(res["ruleIndex"], f.rule.0);
        assert_eq!(listed[usize::from(f.rule.0)]["id"], rule.id.as_str());
        assert_eq!(res["level"], level(r.severity));
        levels.push(level(r.severity));
        let message = res["message"]["text"].as_str().unwrap();
        if f.suggestion.is_empty() {
            assert_eq!(message, f.message);
        } else {
            assert_eq!(message, format!("{} Suggestion : {}", f.message, f.suggestion));
        }
        assert_eq!(
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            doc.name.as_str()
        );
        let props = &res["properties"];
        assert_eq!(props["category"], r.category.as_str());
        assert_eq!(props["confidence"].as_f64().unwrap(), f.confidence.value());
        assert_eq!(
            format!("{:.2}", props["confidence"].as_f64().unwrap()),
            f.confidence.to_string()
        );
        assert!((props["penalty"].as_f64().unwrap() - r.penalty).abs() < 0.005);
        assert_eq!(props["suggestion"], f.suggestion.as_str());
    }
    for l in ["error", "warning", "note"] {
        assert!(levels.contains(&l), "no result of level {l}");
    }
}

#[test]
fn fixes_come_exactly_with_suggestions() {
    let mut docs = fixtures();
    // The fixtures' findings all have a suggestion: drop every other one
    // (reporters format what they are given).
    for (i, f) in docs.iter_mut().flat_map(|d| d.findings.iter_mut()).enumerate() {
        if i % 2 == 1 {
            f.finding.suggestion.clear();
        }
    }
    let log = sarif(&docs, None);
    assert_valid(&log);
    let findings: Vec<_> = docs.iter().flat_map(|d| &d.findings).collect();
    let (mut with, mut without) = (0, 0);
    for (res, r) in results(&log).iter().zip(&findings) {
        let suggestion = &r.finding.suggestion;
        if suggestion.is_empty() {
            without += 1;
            assert!(res.get("fixes").is_none(), "{res}");
            continue;
        }
        with += 1;
        let fixes = res["fixes"].as_array().unwrap();
        assert_eq!(fixes.len(), 1);
        let fix = &fixes[0];
        assert!(!fix["description"]["text"].as_str().unwrap().is_empty());
        let change = &fix["artifactChanges"][0];
        assert_eq!(
            change["artifactLocation"]["uri"],
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        );
        let replacement = &change["replacements"][0];
        assert_eq!(replacement["deletedRegion"], *region(res));
        assert_eq!(replacement["deletedRegion"]["byteOffset"], r.finding.start);
        assert_eq!(
            replacement["deletedRegion"]["byteLength"],
            r.finding.end - r.finding.start
        );
        assert_eq!(replacement["insertedContent"]["text"], suggestion.as_str());
    }
    assert!(with > 0 && without > 0, "{with} with a suggestion, {without} without");
}

/// Checks every region of `log` against the texts of `docs`, independently of
/// the reporter's arithmetic. Returns how many regions had more bytes than
/// code points before them.
fn check_regions(docs: &[DocReport], log: &Value) -> usize {
    let findings: Vec<_> = docs
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
        .collect();
    assert_eq!(results(log).len(), findings.len());
    let mut multibyte = 0;
    for (res, (doc, r)) in results(log).iter().zip(&findings) {
        let reg = region(res);
        let text = &doc.text;
        let found = &text[r.finding.start..r.finding.end];
        let field = |k: &str| reg[k].as_u64().unwrap_or_else(|| panic!("no {k} in {reg}")) as usize;
        assert_eq!(reg["snippet"]["text"], found);
        let (bo, bl) = (field("byteOffset"), field("byteLength"));
        assert_eq!(&text.as_bytes()[bo..bo + bl], found.as_bytes());
        let (co, cl) = (field("charOffset"), field("charLength"));
        let by_chars: String = text.chars().skip(co).take(cl).collect();
        assert_eq!(by_chars, found);
        assert_eq!(co, text[..bo].chars().count());
        if co != bo {
            multibyte += 1;
        }
        // Lines broken at LF; columns in code points, 1-based, end exclusive.
        let position = |offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, text[line_start..offset].chars().count() + 1)
        };
        let (sl, sc) = position(bo);
        let (el, ec) = position(bo + bl);
        assert_eq!((field("startLine"), field("startColumn")), (sl, sc), "{reg}");
        assert_eq!((field("endLine"), field("endColumn")), (el, ec), "{reg}");
    }
    multibyte
}

#[test]
fn regions_agree_with_the_text_in_bytes_and_code_points() {
    let docs = fixtures();
    let multibyte = check_regions(&docs, &sarif(&docs, None));
    assert!(multibyte > 0, "no finding after a non-ASCII character");

    // Two-byte and four-byte characters before the finding on its line, and a
    // CRLF line break before it.
    let text = "Titre\r\nDéjà 🇺🇦 à Kyiv, le ministre Dmytro Kuleba a parlé.\n";
    let doc = check("a.txt", text);
    assert!(!doc.findings.is_empty());
    let log = sarif(std::slice::from_ref(&doc), None);
    assert_valid(&log);
    assert!(check_regions(std::slice::from_ref(&doc), &log) > 0);
    let kuleba = results(&log)
        .iter()
        .find(|r| region(r)["snippet"]["text"] == "Dmytro Kuleba")
        .unwrap();
    let reg = region(kuleba);
    let start = text.find("Dmytro").unwrap();
    assert_eq!(reg["byteOffset"], start);
    assert_eq!(reg["byteLength"], "Dmytro Kuleba".len());
    assert_eq!(reg["charOffset"], text[..start].chars().count());
    assert_eq!(reg["charLength"], 13);
    assert_eq!(reg["startLine"], 2);
    let column = "Déjà 🇺🇦 à Kyiv, le ministre ".chars().count() + 1;
    assert_eq!(reg["startColumn"], column);
    assert_eq!(reg["endLine"], 2);
    assert_eq!(reg["endColumn"], column + 13);
}

fn fingerprint(result: &Value) -> &str {
    result["partialFingerprints"]["calque/v1"].as_str().unwrap()
}

#[test]
fn fingerprints_are_stable_distinct_and_line_free() {
    let a = sarif(&fixtures(), None);
    let b = sarif(&fixtures(), None);
    let fa: Vec<&str> = results(&a).iter().map(fingerprint).collect();
    let fb: Vec<&str> = results(&b).iter().map(fingerprint).collect();
    assert_eq!(fa, fb);
    for f in &fa {
        assert!(f.len() == 16 && f.bytes().all(|c| c.is_ascii_hexdigit()), "{f}");
    }
    let mut distinct = fa.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), fa.len(), "two findings share a fingerprint");

    // Lines added above a finding do not change its fingerprint; the same
    // text found twice gets two fingerprints.
    let line = "Le ministre Dmytro Kuleba a parlé.\n";
    let once = sarif(&[check("a.txt", line)], None);
    let moved = sarif(&[check("a.txt", &format!("Une autre ligne.\n\n{line}"))], None);
    let twice = sarif(&[check("a.txt", &format!("{line}{line}"))], None);
    let elsewhere = sarif(&[check("b.txt", line)], None);
    let kuleba = |log: &Value| -> Vec<String> {
        results(log)
            .iter()
            .filter(|r| region(r)["snippet"]["text"] == "Dmytro Kuleba")
            .map(|r| fingerprint(r).to_string())
            .collect()
    };
    let (once, moved, twice, elsewhere) = (kuleba(&once), kuleba(&moved), kuleba(&twice), kuleba(&elsewhere));
    assert_eq!(once.len(), 1);
    assert_eq!(once, moved);
    assert_eq!(twice.len(), 2);
    assert_eq!(twice[0], once[0]);
    assert_ne!(twice[1], once[0]);
    assert_ne!(elsewhere, once);
}

/// The (document, byte offset, rule) of each result, to compare selections.
fn keys(log: &Value) -> Vec<(String, u64, String)> {
    results(log)
        .iter()
        .map(|r| {
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                region(r)["byteOffset"].as_u64().unwrap(),
                r["ruleId"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// What a limit of `n` must keep: the most severe, then highest penalty, then
/// earliest, written in input order.
fn expected_kept(docs: &[DocReport], n: usize) -> Vec<(String, u64, String)> {
    let mut all: Vec<(usize, &DocReport, &calque::finding::Reported)> = docs
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
        .enumerate()
        .map(|(i, (d, f))| (i, d, f))
        .collect();
    all.sort_by(|a, b| {
        b.2.severity
            .cmp(&a.2.severity)
            .then(b.2.penalty.total_cmp(&a.2.penalty))
            .then(a.0.cmp(&b.0))
    });
    all.truncate(n);
    all.sort_by_key(|k| k.0);
    all.iter()
        .map(|(_, d, f)| {
            (
                d.name.clone(),
                f.finding.start as u64,
                checker().rules().get(f.finding.rule).id.clone(),
            )
        })
        .collect()
}

#[test]
fn the_limit_keeps_the_most_severe_in_input_order() {
    let doc = fixture("mt-02.txt");
    let n = doc.findings.len();
    assert!(n > 3);
    let docs = [doc];
    let log = sarif(&docs, Some(3));
    assert_valid(&log);
    let kept = keys(&log);
    assert_eq!(kept, expected_kept(&docs, 3));
    assert_ne!(
        kept,
        keys(&sarif(&docs, None))[..3],
        "the first three are the most severe: vacuous"
    );
    let mut severities: Vec<Severity> = docs[0].findings.iter().map(|f| f.severity).collect();
    severities.sort_unstable_by(|a, b| b.cmp(a));
    let mut want: Vec<&str> = severities[..3].iter().map(|&s| level(s)).collect();
    let mut got: Vec<&str> = results(&log).iter().map(|r| r["level"].as_str().unwrap()).collect();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(run0(&log)["properties"]["resultsOmitted"], n - 3);
    assert_eq!(run0(&log)["properties"]["resultsTotal"], n);

    // Across documents, with pruning on the way (more than twice the limit).
    let docs = fixtures();
    let total = total_findings(&docs);
    for limit in [0, 1, 5, 17, total - 1, total, total + 1] {
        let log = sarif(&docs, Some(limit));
        assert_valid(&log);
        assert_eq!(keys(&log), expected_kept(&docs, limit), "limit {limit}");
        assert_eq!(run0(&log)["properties"]["resultsOmitted"], total.saturating_sub(limit));
        assert_eq!(run0(&log)["properties"]["resultsTotal"], total);
    }
}

#[test]
fn the_output_is_deterministic_pretty_json() {
    let a = sarif_bytes(&fixtures(), None);
    let b = sarif_bytes(&fixtures(), None);
    assert!(a == b, "two runs differ");
    let text = String::from_utf8(a).unwrap();
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert!(text.starts_with("{\n  \"$schema\": "), "{}", &text[..40]);
    assert!(
        text.contains("\n  \"runs\": [\n    {\n      \""),
        "not indented by two spaces"
    );
    assert_eq!(text.matches("\"version\": \"2.1.0\"").count(), 1);
}

#[test]
fn a_document_in_error_is_a_notification() {
    let broken = DocReport {
        name: "dossier/illisible.txt".to_string(),
        text: String::new(),
        findings: Vec::new(),
        score: score::error_score(),
        known: Default::default(),
        record: None,
        warning: None,
        error: Some("invalid UTF-8 at byte 12".to_string()),
    };
    let docs = [fixture("mt-01.txt"), broken, fixture("clean-01.txt")];
    let log = sarif(&docs, None);
    assert_valid(&log);
    let invocation = &run0(&log)["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    let message = notes[0]["message"]["text"].as_str().unwrap();
    assert!(
        message.contains("dossier/illisible.txt") && message.contains("invalid UTF-8 at byte 12"),
        "{message}"
    );
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "dossier/illisible.txt"
    );
    assert_eq!(results(&log).len(), docs[0].findings.len());
}

#[test]
fn document_names_become_relative_uri_references() {
    let line = "Le ministre Dmytro Kuleba a parlé.\n";
    let names = [
        ("dossier/mon article.txt", "dossier/mon%20article.txt"),
        ("été #2?.txt", "%C3%A9t%C3%A9%20%232%3F.txt"),
        ("C:\\articles\\a.txt", "C%3A%5Carticles%5Ca.txt"),
        ("fixtures/mt-01.txt", "fixtures/mt-01.txt"),
    ];
    for (name, uri) in names {
        let log = sarif(&[check(name, line)], None);
        assert_valid(&log);
        let res = &results(&log)[0];
        assert_eq!(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], uri);
        assert_eq!(res["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"], uri);
    }
}
