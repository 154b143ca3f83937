//! Every bundled fixture has an `.expected.csv` with exactly the findings it
//! must produce (the CSV report of that file alone, as `calque check
//! fixtures/` names it). `CALQUE_BLESS=1 cargo test --test fixtures` rewrites
//! them; review the diff before committing.

mod common;

use std::path::Path;

use calque::report::{CsvReport, Reporter};
use calque::{Checker, Config, Kb, run};

fn report(checker: &Checker, path: &Path) -> String {
    let name = format!("fixtures/{}", path.file_name().unwrap().to_string_lossy());
    let text = std::fs::read_to_string(path).unwrap();
    let doc = calque::Document::new(name, text, calque::Meta::default());
    let r = run::check_document(checker, doc, 90.0);
    let mut out = Vec::new();
    {
        let mut csv = CsvReport::new(&mut out).unwrap();
        csv.document(&r, checker.rules()).unwrap();
        csv.finish().unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn fixtures_produce_exactly_their_expected_findings() {
    let checker = Checker::new(Kb::embedded(), Config::default());
    let bless = std::env::var_os("CALQUE_BLESS").is_some();
    let files = common::fixture_paths();
    assert!(files.len() >= 20, "{} fixtures", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let got = report(&checker, f);
        let expected_path = f.with_extension("expected.csv");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing (CALQUE_BLESS=1 writes it)", expected_path.display()));
        if got != want {
            failures.push(format!("{}:\n--- expected\n{want}--- got\n{got}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_fixtures_have_no_name_or_consistency_findings() {
    let checker = Checker::new(Kb::embedded(), Config::default());
    let clean: Vec<_> = common::fixture_paths()
        .into_iter()
        .filter(|f| f.file_name().unwrap().to_string_lossy().starts_with("clean-"))
        .collect();
    assert!(clean.len() >= 5);
    for f in clean {
        let got = report(&checker, &f);
        assert_eq!(got.lines().count(), 1, "{} has findings:\n{got}", f.display());
    }
}

#[test]
fn the_seed_article_gets_its_name_findings() {
    // The article calque started from (not bundled: read where the workspace keeps it).
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article-fr.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!("{} not found: skipped", seed.display());
        return;
    };
    let checker = Checker::new(Kb::embedded(), Config::default());
    let doc = calque::Document::new("seed", text.clone(), calque::Meta::default());
    let findings = checker.check(&doc);
    let found = |s: &str| findings.iter().find(|f| &text[f.finding.start..f.finding.end] == s);
    let gb = found("Gabrilius Bonusbergis").expect("Gabrilius Bonusbergis reported");
    assert_eq!(gb.category.as_str(), "name");
    assert_eq!(gb.finding.suggestion, "Gabrielius Landsbergis");
    let dk = found("Dmytro Kuleba").expect("Dmytro Kuleba reported");
    assert_eq!(dk.category.as_str(), "name");
    assert_eq!(dk.finding.suggestion, "Dmytro Kouleba");
    for ok in ["Jens Stoltenberg", "Antony Blinken", "Stoltenberg", "Blinken"] {
        assert!(
            !findings
                .iter()
                .any(|f| text[f.finding.start..f.finding.end].contains(ok)),
            "{ok} must stay silent"
        );
    }
}
