//! The command line, as users and CI pipelines run it: exit codes, files,
//! standard input, determinism.

use assert_cmd::Command;
use predicates::prelude::*;

const SEED_LIKE: &str = "Les alliés en discutent\n\nBRUXELLES - Le ministre ukrainien des Affaires étrangères, \
Dmytro Kuleba, a rencontré jeudi le ministre lituanien Gabrilius Bonusbergis.\n";
const ENGLISH_ONLY: &str = "Le ministre Dmytro Kuleba a parlé jeudi devant la presse, longuement.\n";
const CLEAN: &str = "Le ministre ukrainien des Affaires étrangères, Dmytro Kouleba, a parlé.\n";

fn calque() -> Command {
    Command::cargo_bin("calque").unwrap()
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn a_normal_run_exits_0_and_prints_the_csv() {
    let d = tempfile::tempdir().unwrap();
    let f = write(d.path(), "a.txt", SEED_LIKE);
    calque()
        .args(["check", &f])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "document,line,column,start,end,rule,category,severity,confidence,penalty,found,suggestion,message\n",
        ))
        .stdout(predicate::str::contains(
            ",name.english-spelling,name,minor,1.00,1.00,Dmytro Kuleba,Dmytro Kouleba,",
        ))
        .stdout(predicate::str::contains("Gabrilius Bonusbergis,Gabrielius Landsbergis"));
}

#[test]
fn gates_exit_1() {
    let d = tempfile::tempdir().unwrap();
    let seed = write(d.path(), "a.txt", SEED_LIKE);
    let minor = write(d.path(), "b.txt", ENGLISH_ONLY);
    calque().args(["check", &seed, "--fail-under", "99"]).assert().code(1);
    calque()
        .args(["check", &seed, "--fail-on", "critical"])
        .assert()
        .code(1);
    calque()
        .args(["check", &minor, "--fail-on", "critical"])
        .assert()
        .code(0);
    calque().args(["check", &minor, "--fail-on", "minor"]).assert().code(1);
    let clean = write(d.path(), "c.txt", CLEAN);
    calque()
        .args(["check", &clean, "--fail-under", "100", "--fail-on", "minor"])
        .assert()
        .code(0);
}

#[test]
fn a_missing_path_exits_2_but_the_rest_is_checked() {
    let d = tempfile::tempdir().unwrap();
    let f = write(d.path(), "a.txt", SEED_LIKE);
    let summary = d.path().join("summary.csv");
    calque()
        .args(["check", "/no/such/article.txt", &f, "--summary"])
        .arg(&summary)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/article.txt: no such file or folder"))
        .stdout(predicate::str::contains("Dmytro Kuleba"));
    let s = std::fs::read_to_string(&summary).unwrap();
    assert!(s.contains("/no/such/article.txt,0,0,0,0,0,0.00,,error\n"), "{s}");
    // --keep-going keeps the error out of the exit code, not out of the report.
    calque()
        .args(["check", "/no/such/article.txt", &f, "--keep-going"])
        .assert()
        .code(0);
}

#[test]
fn a_malformed_kb_exits_2_and_checks_nothing() {
    let d = tempfile::tempdir().unwrap();
    let kb = d.path().join("kb");
    std::fs::create_dir(&kb).unwrap();
    write(
        &kb,
        "entities.csv",
        "id,kind,canonical,aliases,variants,titles,country,note\nx,robot,X,,,,,\n",
    );
    let f = write(d.path(), "a.txt", SEED_LIKE);
    calque()
        .args(["check", &f, "--kb"])
        .arg(&kb)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("entities.csv:2: unknown kind `robot`"));
    calque()
        .args(["kb", "check"])
        .arg(&kb)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("entities.csv:2: unknown kind `robot`"));
}

#[test]
fn a_user_kb_adds_people() {
    let d = tempfile::tempdir().unwrap();
    let kb = d.path().join("kb");
    std::fs::create_dir(&kb).unwrap();
    write(
        &kb,
        "entities.csv",
        "id,kind,canonical,aliases,variants,titles,country,note\n\
         ivan-fedorov,person,Ivan Fedorov,Fedorov,Ivan Fyodorov,maire de Melitopol,UA,checked 2025\n",
    );
    let f = write(d.path(), "a.txt", "Le maire Ivan Fyodorov a parlé.\n");
    calque()
        .args(["check", &f, "--kb"])
        .arg(&kb)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Ivan Fyodorov,Ivan Fedorov"));
    calque().args(["kb", "check"]).arg(&kb).assert().code(0);
}

#[test]
fn no_input_found_exits_2() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "notes.csv", "x");
    calque()
        .args(["check"])
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input found"));
}

#[test]
fn bad_usage_exits_2() {
    calque().args(["check", "--fail-on", "fatal", "x.txt"]).assert().code(2);
    calque()
        .args(["check", "--min-confidence", "2", "x.txt"])
        .assert()
        .code(2);
    calque().args(["frobnicate"]).assert().code(2);
}

#[test]
fn output_into_a_missing_folder_exits_2_before_any_work() {
    calque()
        .args(["check", "fixtures", "-o", "/no/such/folder/report.csv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("folder /no/such/folder does not exist"));
}

#[test]
fn standard_input() {
    calque()
        .args(["check", "-"])
        .write_stdin(SEED_LIKE)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("<stdin>,3,"));
}

#[test]
fn report_and_summary_files() {
    let d = tempfile::tempdir().unwrap();
    let f = write(d.path(), "a.txt", SEED_LIKE);
    let (out, summary) = (d.path().join("r.csv"), d.path().join("s.csv"));
    calque()
        .args(["check", &f, "-o"])
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .assert()
        .code(0)
        .stdout("");
    let r = std::fs::read_to_string(&out).unwrap();
    assert_eq!(r.lines().count(), 3, "{r}");
    let s = std::fs::read_to_string(&summary).unwrap();
    let mut lines = s.lines();
    assert_eq!(
        lines.next(),
        Some("document,words,issues,critical,major,minor,penalty,score,verdict")
    );
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    // 21 words, 2 findings: one critical (the garbled name), one minor.
    assert_eq!(&row[1..6], ["21", "2", "1", "0", "1"], "{s}");
    assert_eq!(row[8], "fail", "{s}");
    // No temporary file is left beside the reports.
    let left: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let one = calque().args(["check", "fixtures", "-j", "1"]).output().unwrap();
    let two = calque().args(["check", "fixtures", "-j", "2"]).output().unwrap();
    let many = calque().args(["check", "fixtures", "-j", "7"]).output().unwrap();
    assert!(one.status.success() && !one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn rules_lists_every_rule_tab_separated() {
    let out = calque().arg("rules").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for id in [
        "name.known-variant",
        "name.english-spelling",
        "name.diacritics",
        "name.near-miss",
        "consistency.entity-spelling",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{id} missing:\n{text}"
        );
    }
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 4, "{line}");
    }
    calque().args(["rules", "--category", "consistency"]).assert().stdout(
        "consistency.entity-spelling\tconsistency\tmajor\tOne person's name spelled two ways in the same document\n",
    );
}

#[test]
fn kb_lookup_explains_a_finding() {
    calque()
        .args(["kb", "lookup", "Dmytro Kuleba"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("English romanisation"))
        .stdout(predicate::str::contains("Dmytro Kouleba [dmytro-kouleba]"));
    calque()
        .args(["kb", "lookup", "Gabrilius Bonusbergis"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("is no form the KB knows"))
        .stdout(predicate::str::contains(
            "Gabrielius Landsbergis  [gabrielius-landsbergis]",
        ));
    calque()
        .args(["kb", "lookup", "Jean Dupont"])
        .assert()
        .stdout(predicate::str::contains("close to no known person's name"));
}

#[test]
fn the_embedded_kb_checks_ok() {
    calque()
        .args(["kb", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("ok: "));
}

#[test]
fn markdown_markup_is_not_checked() {
    let d = tempfile::tempdir().unwrap();
    let f = write(
        d.path(),
        "a.md",
        "# Titre\n\nLe `Zelenskyy` du code, [le lien](https://example.org/Dmytro-Kuleba) et <https://x.org/Kuleba>.\n\n```\nDmytro Kuleba\n```\n\nMais Dmytro Kuleba a parlé.\n",
    );
    let out = calque().args(["check", &f]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains(",9,6,"), "{text}");
}

#[test]
fn a_dictionary_accepts_words_and_a_missing_one_exits_2() {
    let d = tempfile::tempdir().unwrap();
    let f = write(
        d.path(),
        "a.txt",
        "La police a interrogé six kejaksaan hier, et le kejaksaan a promis une enquête sur le pemerintah.\n",
    );
    calque()
        .args(["check", &f])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(",untranslated.foreign-word,").and(predicate::str::contains("kejaksaan")));
    let dict = write(d.path(), "words.txt", "# house words\nkejaksaan\npemerintah\n");
    calque()
        .args(["check", "--dictionary", &dict, &f])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("foreign-word").not());
    let missing = d.path().join("nope.txt").display().to_string();
    calque()
        .args(["check", "--dictionary", &missing, &f])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt"));
}
