//! The report formats of `calque check --format`: snapshots on the bundled
//! fixtures, determinism across thread counts, and what each format promises
//! (JSON that parses and adds up, GitHub escaping and limits, a terminal view
//! that lets no control character through).

use assert_cmd::Command;
use serde_json::Value;

const FORMATS: [&str; 6] = ["csv", "jsonl", "json", "sarif", "github", "pretty"];

fn calque() -> Command {
    Command::cargo_bin("calque").unwrap()
}

/// The report of the fixtures in `format`, with `jobs` threads.
fn fixtures_report(format: &str, jobs: &str) -> String {
    let out = calque()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(["check", "fixtures/", "--format", format, "-j", jobs])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_format_snapshots_the_fixtures_and_is_deterministic() {
    for format in FORMATS {
        let one = fixtures_report(format, "1");
        let two = fixtures_report(format, "2");
        assert_eq!(one, two, "{format}: -j1 and -j2 differ");
        let snapshot = if format == "sarif" {
            // The rule table (every rule's documentation) changes with any
            // rule edit: the results are what this snapshot keeps.
            let sarif: Value = serde_json::from_str(&one).unwrap();
            serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap()
        } else {
            regex_free_kb_mask(&one)
        };
        insta::assert_snapshot!(format!("fixtures_{format}"), snapshot);
    }
}

/// The KB fingerprint changes with every KB edit: masked in snapshots.
fn regex_free_kb_mask(report: &str) -> String {
    match report.find("\"kb\":\"") {
        Some(i) => {
            let start = i + 6;
            let end = start + report[start..].find('"').unwrap();
            format!("{}<kb>{}", &report[..start], &report[end..])
        }
        None => report.to_string(),
    }
}

#[test]
fn jsonl_has_the_csv_rows_as_objects() {
    let csv = fixtures_report("csv", "2");
    let jsonl = fixtures_report("jsonl", "2");
    let rows: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), csv.lines().count() - 1);
    let first = &rows[0];
    let keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "document",
            "line",
            "column",
            "start",
            "end",
            "rule",
            "category",
            "severity",
            "confidence",
            "penalty",
            "found",
            "suggestion",
            "message"
        ]
    );
    assert!(first["confidence"].is_f64() && first["line"].is_u64());
}

#[test]
fn json_documents_add_up_to_the_totals() {
    let json: Value = serde_json::from_str(&fixtures_report("json", "2")).unwrap();
    assert_eq!(json["calque"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["kb"].as_str().unwrap().len(), 16);
    let docs = json["documents"].as_array().unwrap();
    let findings: usize = docs.iter().map(|d| d["findings"].as_array().unwrap().len()).sum();
    assert_eq!(json["totals"]["documents"], docs.len());
    assert_eq!(json["totals"]["findings"], findings);
    let failed = docs.iter().filter(|d| d["verdict"] == "fail").count();
    assert_eq!(json["totals"]["failed"], failed);
    let by_level: u64 = ["critical", "major", "minor"]
        .iter()
        .map(|k| json["totals"][k].as_u64().unwrap())
        .sum();
    assert_eq!(by_level as usize, findings);
    // A clean fixture: a document with a score and no findings.
    assert!(
        docs.iter()
            .any(|d| d["verdict"] == "pass" && d["findings"].as_array().unwrap().is_empty())
    );
}

#[test]
fn json_lists_documents_in_error_and_an_empty_run_is_valid() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("bad.txt"), b"\xff\xfe\xfa not utf-8 \xc3").unwrap();
    let out = calque()
        .args(["check", "--keep-going", "--format", "json"])
        .arg(d.path().join("bad.txt"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["verdict"], "error");
    assert!(json["documents"][0]["error"].is_string());
    assert_eq!(json["totals"]["errors"], 1);
}

#[test]
fn github_annotations_are_escaped_ordered_and_capped() {
    let out = fixtures_report("github", "2");
    let lines: Vec<&str> = out.lines().collect();
    for l in &lines {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "),
            "{l}"
        );
    }
    // Most severe first.
    let rank = |l: &str| match l.split(' ').next().unwrap() {
        "::error" => 0,
        "::warning" => 1,
        _ => 2,
    };
    let body: Vec<&&str> = lines.iter().filter(|l| !l.contains("title=calque::")).collect();
    assert!(body.windows(2).all(|w| rank(w[0]) <= rank(w[1])));
    for level in ["::error", "::warning", "::notice"] {
        assert!(lines.iter().filter(|l| l.starts_with(level)).count() <= 10, "{level}");
    }
    // The fixtures have more than 10 findings of some level: the closing
    // notice counts the rest, and the counts add up to the CSV's rows.
    let last = lines.last().unwrap();
    assert!(last.starts_with("::notice title=calque::"), "{last}");
    let more: usize = last["::notice title=calque::".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let csv_rows = fixtures_report("csv", "1").lines().count() - 1;
    assert_eq!(body.len() + more, csv_rows);
}

#[test]
fn github_escaping_follows_the_runner() {
    use calque::report::{escape_data, escape_property};
    assert_eq!(escape_data("100% sûr\r\nfin"), "100%25 sûr%0D%0Afin");
    assert_eq!(escape_property("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
    assert_eq!(escape_data("a:b,c"), "a:b,c");
    // Escape sequences and bidirectional overrides from articles never reach the log raw.
    assert_eq!(escape_data("x\u{1b}[31my\u{202e}z\tw"), "x\u{FFFD}[31my\u{FFFD}z w");
    // A document name with a comma and a colon stays one property.
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a, b: c.txt");
    std::fs::write(&p, "Le ministre Dmytro Kuleba a parlé jeudi devant la presse.\n").unwrap();
    let out = calque().args(["check", "--format", "github"]).arg(&p).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("a%2C b%3A c.txt,line=1,col=13,"), "{text}");
    assert!(text.contains("title=name.english-spelling::"), "{text}");
}

#[test]
fn pretty_lets_no_control_character_through_and_sums_up() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.txt");
    std::fs::write(
        &p,
        "Le ministre \x1b[2J\x1b]0;owned\x07 Dmytro Kuleba a parlé jeudi\u{202E} devant la presse.\n",
    )
    .unwrap();
    let out = calque()
        .env("NO_COLOR", "1")
        .args(["check", "--format", "pretty"])
        .arg(&p)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(!text.contains('\u{202E}'));
    assert!(text.contains("minor[name.english-spelling]"), "{text}");
    assert!(text.contains("^^^^^^^^^^^^^ Dmytro Kouleba"), "{text}");
    assert!(
        text.contains("checked 1 document: 1 finding (0 critical, 0 major, 1 minor); 1 failed, 0 in error"),
        "{text}"
    );
}

#[test]
fn the_summary_goes_with_every_format() {
    for format in FORMATS {
        let d = tempfile::tempdir().unwrap();
        let summary = d.path().join("summary.csv");
        calque()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", "fixtures/", "--format", format, "--summary"])
            .arg(&summary)
            .assert()
            .code(0);
        let s = std::fs::read_to_string(&summary).unwrap();
        assert!(s.starts_with("document,words,issues,"), "{format}");
        assert_eq!(s.lines().count(), 21, "{format}");
    }
}
