//! calque.toml, baselines and accept lists from the command line: the exit
//! code matrix (config, flags, baseline and accept list together), the CI
//! scenario (a baseline taken, one new artifact, CI fails only on it),
//! errors that name file and line, and determinism.

use std::path::Path;

use assert_cmd::Command;

/// A major false friend, a minor English spelling, a clean article.
const ARTICLE_A: &str = "Le ministre ukrainien des Affaires étrangères, Dmytro Kuleba, a rencontré mardi \
ses homologues européens pour parler de l'aide militaire promise avant l'hiver.\n\n\
Les discussions ont duré toute la journée, selon un diplomate présent.\n";
const ARTICLE_B: &str = "Après des semaines de tractations, le gouvernement a éventuellement accepté la \
proposition des syndicats sur les retraites.\n\nLe texte sera présenté au Parlement le mois prochain.\n";
const ARTICLE_C: &str = "La session parlementaire reprend lundi avec l'examen du budget de l'État.\n\n\
Les députés disposent de trois semaines pour amender le texte avant le vote solennel.\n";
/// A garbled name: name.near-miss, critical.
const NEW_ARTIFACT: &str = "\nLe Premier ministre suédois Ulf Kristerson a salué l'accord.\n";

struct Feed {
    dir: tempfile::TempDir,
}

impl Feed {
    fn new(config: &str) -> Feed {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir_all(&articles).unwrap();
        for (name, text) in [("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B), ("c.txt", ARTICLE_C)] {
            std::fs::write(articles.join(name), text).unwrap();
        }
        std::fs::write(dir.path().join("calque.toml"), config).unwrap();
        Feed { dir }
    }

    fn path(&self, p: &str) -> std::path::PathBuf {
        self.dir.path().join(p)
    }

    fn write(&self, p: &str, text: &str) {
        std::fs::write(self.path(p), text).unwrap();
    }

    fn append(&self, p: &str, text: &str) {
        let mut t = std::fs::read_to_string(self.path(p)).unwrap();
        t.push_str(text);
        self.write(p, &t);
    }

    /// Runs calque in the feed's folder: (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::cargo_bin("calque")
            .unwrap()
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn code(&self, args: &[&str]) -> i32 {
        let (code, _, stderr) = self.run(args);
        assert!(code != 2 || !stderr.is_empty(), "exit 2 without a message");
        code
    }
}

/// The `rule` cells of a CSV report.
fn rules_of(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').nth(5).unwrap().to_string())
        .collect()
}

#[test]
fn exit_codes_follow_config_flags_baseline_and_accept_list_together() {
    let feed = Feed::new("fail-on = \"major\"\n");
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "articles"];
        args.extend_from_slice(extra);
        feed.code(&args)
    };
    // The file's gate: b.txt has a major finding.
    assert_eq!(check(&[]), 1);
    // Flags win over the file; --no-config drops it.
    assert_eq!(check(&["--fail-on", "critical"]), 0);
    assert_eq!(check(&["--no-config"]), 0);
    assert_eq!(check(&["--no-config", "--fail-on", "minor"]), 1);
    // Ignoring the rule, or lowering its severity, opens the gate.
    assert_eq!(check(&["--ignore", "false-friend"]), 0);
    feed.write(
        "calque.toml",
        "fail-on = \"major\"\n[severity]\n\"false-friend\" = \"minor\"\n",
    );
    assert_eq!(check(&[]), 0);
    // A score gate from the file, overridden by the flag.
    feed.write("calque.toml", "fail-under = 50\nignore = [\"false-friend\"]\n");
    assert_eq!(check(&[]), 0);
    assert_eq!(check(&["--fail-under", "99"]), 1);

    // The baseline, named in the file: what it holds does not count.
    feed.write(
        "calque.toml",
        "fail-on = \"minor\"\nbaseline = \"calque-baseline.csv\"\n",
    );
    assert_eq!(
        feed.code(&["baseline", "articles"]),
        0,
        "baseline exits 0 whatever it finds"
    );
    assert_eq!(check(&[]), 0);
    feed.append("articles/c.txt", NEW_ARTIFACT);
    assert_eq!(check(&[]), 1);
    // The accept list, named in the file, takes the new finding out.
    feed.write(
        "calque-accept.csv",
        "rule,found,document,reason\nname.near-miss,Ulf Kristerson,articles/c.txt,checked by the desk\n",
    );
    feed.write(
        "calque.toml",
        "fail-on = \"minor\"\nbaseline = \"calque-baseline.csv\"\naccept = [\"calque-accept.csv\"]\n",
    );
    assert_eq!(check(&[]), 0);
    // ... for the documents of its glob only.
    feed.write("articles/d.txt", NEW_ARTIFACT);
    assert_eq!(check(&[]), 1);
    std::fs::remove_file(feed.path("articles/d.txt")).unwrap();
    // A flag's baseline replaces the file's; here it holds nothing.
    feed.write("empty.csv", "document,rule,found\n");
    assert_eq!(check(&["--baseline", "empty.csv"]), 1);
    // Errors in documents still exit 2, and --keep-going still applies.
    feed.write("articles/bad.txt", "");
    std::fs::write(feed.path("articles/bad.txt"), b"caf\xE9\n").unwrap();
    assert_eq!(check(&[]), 2);
    assert_eq!(check(&["--keep-going"]), 0);
}

#[test]
fn ci_scenario_fails_only_on_the_new_artifact() {
    let feed = Feed::new("fail-on = \"minor\"\n");
    assert_eq!(feed.code(&["check", "articles"]), 1, "the feed has findings");
    let (code, _, stderr) = feed.run(&["baseline", "articles", "-o", "calque-baseline.csv"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("baseline of 2 findings in 3 documents"), "{stderr}");
    let (code, report, _) = feed.run(&["check", "articles", "--baseline", "calque-baseline.csv"]);
    assert_eq!(code, 0);
    assert_eq!(rules_of(&report), Vec::<String>::new());
    // Line shifts do not matter: the baseline matches document, rule and text.
    feed.write("articles/a.txt", &format!("Mise à jour à 18 h.\n\n{ARTICLE_A}"));
    feed.append("articles/c.txt", NEW_ARTIFACT);
    let (code, report, _) = feed.run(&["check", "articles", "--baseline", "calque-baseline.csv"]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&report), ["name.near-miss"]);
    assert!(report.contains("articles/c.txt,5,29,"), "{report}");
    // JSON counts what the baseline holds; SARIF says new or unchanged.
    let (_, json, _) = feed.run(&[
        "check",
        "articles",
        "--baseline",
        "calque-baseline.csv",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["totals"]["findings"], 1);
    assert_eq!(json["totals"]["baselined"], 2);
    let args = [
        "check",
        "articles",
        "--baseline",
        "calque-baseline.csv",
        "--format",
        "sarif",
        "--show-baselined",
    ];
    let (code, sarif, _) = feed.run(&args);
    assert_eq!(code, 1, "shown, baselined findings still do not count");
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert_eq!(states.iter().filter(|s| **s == "unchanged").count(), 2);
    assert_eq!(states.iter().filter(|s| **s == "new").count(), 1);
    // The summary leaves baselined findings out too.
    feed.run(&[
        "check",
        "articles",
        "--baseline",
        "calque-baseline.csv",
        "--summary",
        "s.csv",
    ]);
    let summary = std::fs::read_to_string(feed.path("s.csv")).unwrap();
    assert!(
        summary.contains("articles/a.txt,") && summary.contains(",0,0,0,0,0.00,100.0,pass"),
        "{summary}"
    );
}

#[test]
fn baseline_rows_absorb_one_finding_each() {
    let feed = Feed::new("");
    let twice = format!("{ARTICLE_A}\nDmytro Kuleba doit se rendre à Varsovie.\n");
    feed.write("articles/a.txt", &twice);
    feed.run(&["baseline", "articles"]);
    let base = std::fs::read_to_string(feed.path("calque-baseline.csv")).unwrap();
    assert_eq!(base.matches("Dmytro Kuleba").count(), 4, "found and message, twice");
    // Keep one of the two rows: one finding comes back.
    let mut kept = false;
    let one: String = base
        .lines()
        .filter(|l| {
            let second = l.contains("Dmytro Kuleba") && kept;
            kept |= l.contains("Dmytro Kuleba");
            !second
        })
        .map(|l| format!("{l}\n"))
        .collect();
    feed.write("one.csv", &one);
    let (_, report, _) = feed.run(&["check", "articles", "--baseline", "one.csv"]);
    assert_eq!(rules_of(&report), ["name.english-spelling"]);
    assert!(
        report.contains("articles/a.txt,5,1,"),
        "the second occurrence is the one reported: {report}"
    );
}

#[test]
fn configuration_errors_name_file_and_line_and_nothing_is_checked() {
    let feed = Feed::new("fail-on = \"major\"\nfail_under = 80\n");
    let (code, out, err) = feed.run(&["check", "articles", "-o", "report.csv"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("calque.toml:2:1: unknown field `fail_under`"), "{err}");
    assert!(
        !feed.path("report.csv").exists(),
        "no report for a run that did not happen"
    );

    feed.write("calque.toml", "select = [\"name\", \"dateline\", \"nmae\"]\n");
    let (code, _, err) = feed.run(&["check", "articles"]);
    assert_eq!(code, 2);
    assert!(err.contains("calque.toml:1: select `nmae` matches no rule"), "{err}");

    feed.write("calque.toml", "accept = [\"acc.csv\"]\n");
    feed.write("acc.csv", "rule,found\nname.near-miss,X\nname.nearmiss,Y\n");
    let (code, _, err) = feed.run(&["check", "articles"]);
    assert_eq!(code, 2);
    assert!(err.contains("acc.csv:3: no rule `name.nearmiss`"), "{err}");

    feed.write("calque.toml", "");
    feed.write("old.csv", "name,score\n");
    let (code, _, err) = feed.run(&["check", "articles", "--baseline", "old.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("old.csv:1: not a calque CSV report"), "{err}");
    let (code, _, err) = feed.run(&["check", "articles", "--config", "missing.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
}

#[test]
fn config_prints_each_value_with_its_origin() {
    let feed = Feed::new("fail-on = \"major\"\nkb = [\"kb\"]\n[weights]\nmajor = 4\n");
    std::fs::create_dir_all(feed.path("sub/deeper")).unwrap();
    let out = Command::cargo_bin("calque")
        .unwrap()
        .current_dir(feed.path("sub/deeper"))
        .args(["config", "--min-confidence", "0.8"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |key: &str| text.lines().find(|l| l.starts_with(key)).unwrap_or("").to_string();
    assert!(line("fail-on = \"major\"").ends_with("calque.toml:1"), "{text}");
    assert!(line("min-confidence = 0.8").ends_with("# --min-confidence"), "{text}");
    assert!(line("pass-threshold = 90.0").ends_with("# default"), "{text}");
    assert!(line("major = 4.0").ends_with("calque.toml:4"), "{text}");
    // Paths are relative to the file that names them, wherever calque runs.
    let kb = line("kb = ");
    assert!(Path::new(kb.split('"').nth(1).unwrap()).ends_with("kb"), "{kb}");
    assert!(
        kb.split('"')
            .nth(1)
            .unwrap()
            .starts_with(feed.path("").to_str().unwrap()),
        "{kb}"
    );
}

#[test]
fn include_and_exclude_from_the_file_filter_the_walk() {
    let feed = Feed::new("exclude = [\"b.*\"]\ninclude = [\"*.txt\", \"*.article\"]\n");
    feed.write("articles/e.article", ARTICLE_B);
    let (code, report, _) = feed.run(&["check", "articles", "--summary", "s.csv"]);
    assert_eq!(code, 0);
    let summary = std::fs::read_to_string(feed.path("s.csv")).unwrap();
    let docs: Vec<&str> = summary.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(docs, ["articles/a.txt", "articles/c.txt", "articles/e.article"]);
    assert!(report.contains("false-friend.eventuellement"));
}

#[test]
fn known_findings_keep_every_format_deterministic() {
    let feed = Feed::new("baseline = \"calque-baseline.csv\"\naccept = [\"acc.csv\"]\nignore = [\"typography\"]\n");
    feed.write("acc.csv", "rule,found\nname.english-spelling,Dmytro Kuleba\n");
    feed.run(&["baseline", "articles"]);
    feed.append("articles/c.txt", NEW_ARTIFACT);
    feed.append("articles/b.txt", NEW_ARTIFACT);
    for format in ["csv", "jsonl", "json", "sarif", "github", "pretty"] {
        let run = |jobs: &str| feed.run(&["check", "articles", "--show-baselined", "--format", format, "-j", jobs]);
        let (one, two) = (run("1"), run("2"));
        assert_eq!(one, two, "{format}");
        assert_eq!(one.0, 0, "{format}: no gate configured");
    }
}
