//! Bad input, as a matrix: each case asserts the exit code, the message, and
//! that the other documents of the batch are still checked and reported.
//! Interrupted and killed runs leave the old report or none. The large inputs
//! are `#[ignore]`d: `cargo test --release -- --ignored` runs them, or, with
//! the release binary and no release build of the tests (what CI does),
//! `CALQUE_BIN=target/release/calque cargo test --test bad_input -- --ignored`.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// A document with one known finding (an English spelling).
const GOOD: &str = "Le ministre Dmytro Kuleba a parlé mardi.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// (document, verdict) rows of the summary.
    summary: Vec<(String, String)>,
}

/// The calque binary under test: `CALQUE_BIN`, else the one cargo built.
fn calque_bin() -> std::path::PathBuf {
    std::env::var_os("CALQUE_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("calque"))
}

fn check(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(calque_bin())
        .current_dir(dir)
        .args(["check", "--no-config", "--summary", "summary.csv"])
        .args(args)
        .output()
        .unwrap();
    let summary = std::fs::read_to_string(dir.join("summary.csv")).unwrap_or_default();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        summary: summary
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[0].to_string(), cells[cells.len() - 1].to_string())
            })
            .collect(),
    }
}

fn batch(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let p = d.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    d
}

/// The good document was checked: its finding is in the report.
fn good_was_checked(r: &Run) {
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("good.txt,") && l.contains("Dmytro Kuleba")),
        "{}",
        r.stdout
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_unless_lossy() {
    let d = batch(&[
        ("bad.txt", b"Le caf\xE9 du ministre Dmytro Kuleba.\n"),
        ("good.txt", GOOD.as_bytes()),
    ]);
    let r = check(d.path(), &["bad.txt", "good.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.txt: invalid UTF-8 at byte 6 (line 1)"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.summary,
        [("bad.txt".into(), "error".into()), ("good.txt".into(), "fail".into())]
    );
    good_was_checked(&r);
    let r = check(d.path(), &["bad.txt", "good.txt", "--lossy"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: bad.txt: invalid UTF-8 at byte 6 (line 1): invalid bytes replaced"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("bad.txt,1,"),
        "the lossy document is checked: {}",
        r.stdout
    );
    good_was_checked(&r);
}

#[test]
fn byte_order_marks_and_utf16_are_decoded() {
    let utf16 = |le: bool| -> Vec<u8> {
        let bom: [u8; 2] = if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
        bom.into_iter()
            .chain(
                GOOD.encode_utf16()
                    .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }),
            )
            .collect()
    };
    let bom8: Vec<u8> = b"\xEF\xBB\xBF".iter().copied().chain(GOOD.bytes()).collect();
    let d = batch(&[
        ("bom.txt", &bom8),
        ("le.txt", &utf16(true)),
        ("be.txt", &utf16(false)),
        ("good.txt", GOOD.as_bytes()),
    ]);
    let r = check(d.path(), &["bom.txt", "le.txt", "be.txt", "good.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Offsets count in the decoded text, after the mark: all four agree.
    let offsets: Vec<&str> = r.stdout.lines().skip(1).map(|l| l.split_once(',').unwrap().1).collect();
    assert_eq!(offsets.len(), 4, "{}", r.stdout);
    assert!(offsets.iter().all(|o| *o == offsets[0]), "{}", r.stdout);
}

#[test]
fn binary_files_met_in_a_walk_are_errors_and_the_walk_goes_on() {
    let d = batch(&[
        ("in/a.txt", GOOD.as_bytes()),
        ("in/b.txt", b"GIF89a\x00\x01\x02"),
        ("in/c.txt", GOOD.as_bytes()),
    ]);
    let r = check(d.path(), &["in"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("in/b.txt: binary file (NUL byte at byte 6), not checked"),
        "{}",
        r.stderr
    );
    let verdicts: Vec<&str> = r.summary.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(verdicts, ["fail", "error", "fail"]);
    assert_eq!(check(d.path(), &["in", "--keep-going"]).code, 0);
}

#[test]
fn empty_and_blank_files_score_100() {
    let d = batch(&[
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\n\r\n"),
        ("good.txt", GOOD.as_bytes()),
    ]);
    let r = check(d.path(), &["empty.txt", "blank.txt", "good.txt"]);
    assert_eq!(r.code, 0);
    let summary = std::fs::read_to_string(d.path().join("summary.csv")).unwrap();
    assert!(summary.contains("empty.txt,0,0,0,0,0,0.00,100.0,pass"), "{summary}");
    assert!(summary.contains("blank.txt,0,0,0,0,0,0.00,100.0,pass"), "{summary}");
    good_was_checked(&r);
}

#[test]
fn every_input_appears_once_in_the_summary() {
    let d = batch(&[
        ("good.txt", GOOD.as_bytes()),
        ("bad.txt", b"\xFF\xFF"),
        ("f.jsonl", b"{\"id\":\"a\",\"text\":\"Bonjour.\"}\n{oops\n"),
        ("dir/x.md", GOOD.as_bytes()),
    ]);
    let r = check(
        d.path(),
        &["good.txt", "missing.txt", "bad.txt", "f.jsonl", "dir", "good.txt"],
    );
    assert_eq!(r.code, 2);
    let rows: Vec<(&str, &str)> = r.summary.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("good.txt", "fail"),
            ("missing.txt", "error"),
            ("bad.txt", "error"),
            ("f.jsonl#a", "pass"),
            ("f.jsonl#2", "error"),
            ("dir/x.md", "fail"),
            ("good.txt", "fail"),
        ]
    );
    assert!(r.stderr.contains("missing.txt: no such file or folder"), "{}", r.stderr);
}

#[test]
fn control_characters_in_ids_never_reach_stderr_raw() {
    let line = "{\"id\":\"\\u001b[31mrouge\",\"text\":\"Bonjour.\"}\n";
    let d = batch(&[("f.jsonl", line.repeat(2).as_bytes())]);
    let r = check(d.path(), &["f.jsonl"]);
    assert_eq!(r.code, 0);
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
    assert!(
        r.stderr.contains("f.jsonl#\u{FFFD}[31mrouge: the id is not unique"),
        "{:?}",
        r.stderr
    );
}

#[test]
fn bad_kb_files_name_file_line_and_nothing_is_checked() {
    let cases: [(&str, &str, &str); 4] = [
        (
            "entities.csv",
            "id,kind,canonical,aliases,variants,titles,country,note\nx,person,\"Jean Dupont,,,,FR,\n",
            "entities.csv:2",
        ),
        (
            "entities.csv",
            "id,kind,canonical,aliases,variants,titles,country,note\nx,person,Jean\n",
            "entities.csv:2",
        ),
        (
            "phrases.csv",
            "id,category,severity,pattern,suggestion,message,example_bad,example_good\n\
             idiom.x,idiomatic,minor,prendre place,avoir lieu,m,prendre place,avoir lieu\n",
            "phrases.csv:2",
        ),
        (
            "phrases.csv",
            "id,category,severity,pattern,suggestion,message,example_bad,example_good\n\
             idiom.x,idiom,minor,prendre <adj> place,avoir lieu,m,prendre place,avoir lieu\n",
            "phrases.csv:2",
        ),
    ];
    for (file, text, at) in cases {
        let d = batch(&[(&format!("kb/{file}"), text.as_bytes()), ("good.txt", GOOD.as_bytes())]);
        let r = check(d.path(), &["good.txt", "--kb", "kb", "-o", "report.csv"]);
        assert_eq!(r.code, 2, "{file}: {}", r.stderr);
        assert!(r.stderr.contains(&format!("{at}:")), "{file}: {}", r.stderr);
        assert!(!d.path().join("report.csv").exists(), "nothing is checked");
    }
}

#[test]
fn paths_missing_looping_and_unwritable() {
    let d = batch(&[("in/a.txt", GOOD.as_bytes())]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.path().join("in"), d.path().join("in/loop")).unwrap();
    let r = check(d.path(), &["in"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("symbolic link loop"), "{}", r.stderr);
    assert_eq!(r.summary.len(), 1);
    // Output into a folder that does not exist: exit 2 before any work.
    let r = check(d.path(), &["in", "-o", "nowhere/report.csv"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("folder nowhere does not exist"), "{}", r.stderr);
    // An unreadable file (meaningless as root, who reads everything).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = d.path().join("secret.txt");
        std::fs::write(&p, GOOD).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&p).is_err() {
            let r = check(d.path(), &["secret.txt", "in/a.txt"]);
            assert_eq!(r.code, 2);
            assert!(r.stderr.contains("secret.txt: permission denied"), "{}", r.stderr);
            assert_eq!(r.summary.len(), 2);
        }
    }
}

#[test]
fn formula_cells_are_neutralised_in_the_csv_reports() {
    let d = batch(&[
        ("=HYPERLINK(\"http:__x\",\"y\").txt", GOOD.as_bytes()),
        (
            "@SUM(1).txt",
            format!("=HYPERLINK(\"http://x\",\"y\") @SUM(1)\n{GOOD}").as_bytes(),
        ),
    ]);
    let r = check(d.path(), &["=HYPERLINK(\"http:__x\",\"y\").txt", "@SUM(1).txt"]);
    assert_eq!(r.code, 0);
    for line in r.stdout.lines().skip(1) {
        assert!(line.starts_with("\"'=HYPERLINK") || line.starts_with("'@SUM"), "{line}");
    }
    let summary = std::fs::read_to_string(d.path().join("summary.csv")).unwrap();
    assert!(
        summary
            .lines()
            .skip(1)
            .all(|l| l.starts_with("\"'=") || l.starts_with("'@")),
        "{summary}"
    );
}

/// Starts `calque check - --input-format jsonl -o out.csv` in `dir`, feeds it
/// `lines` and keeps its standard input open.
#[cfg(unix)]
fn start_blocked(dir: &Path, lines: &str) -> std::process::Child {
    use std::io::Write;
    let mut child = std::process::Command::new(calque_bin())
        .current_dir(dir)
        .args([
            "check",
            "--no-config",
            "-",
            "--input-format",
            "jsonl",
            "-o",
            "out.csv",
            "--summary",
            "s.csv",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.as_mut().unwrap().write_all(lines.as_bytes()).unwrap();
    child
}

#[cfg(unix)]
fn signal(child: &std::process::Child, sig: &str) {
    let status = std::process::Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
fn wait_for_temporary(dir: &Path) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let temp = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".calque-"));
        if temp {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("calque never started writing");
}

#[cfg(unix)]
#[test]
fn ctrl_c_exits_130_and_leaves_the_old_report_and_no_temporary_file() {
    let d = batch(&[("out.csv", b"old report\n")]);
    let lines: String = (0..600)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"Dmytro Kuleba.\"}}\n"))
        .collect();
    let child = start_blocked(d.path(), &lines);
    wait_for_temporary(d.path());
    std::thread::sleep(Duration::from_millis(200));
    signal(&child, "-INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    assert_eq!(
        std::fs::read_to_string(d.path().join("out.csv")).unwrap(),
        "old report\n"
    );
    let names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".calque-")), "{names:?}");
    assert!(!names.contains(&"s.csv".to_string()));
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_the_old_report_whole() {
    let d = batch(&[("out.csv", b"old report\n")]);
    let lines: String = (0..600)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"Dmytro Kuleba.\"}}\n"))
        .collect();
    let mut child = start_blocked(d.path(), &lines);
    wait_for_temporary(d.path());
    std::thread::sleep(Duration::from_millis(200));
    signal(&child, "-KILL");
    let _ = child.wait();
    assert_eq!(
        std::fs::read_to_string(d.path().join("out.csv")).unwrap(),
        "old report\n"
    );
    assert!(!d.path().join("s.csv").exists());
}

/// Seconds to check `dir/name` with `-j2`; asserts exit 0.
fn timed(dir: &Path, name: &str) -> f64 {
    let start = Instant::now();
    let r = check(dir, &[name, "-o", "report.csv", "-j2"]);
    assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    start.elapsed().as_secs_f64()
}

#[test]
#[ignore = "large input: cargo test --release -- --ignored"]
fn large_inputs_stay_linear() {
    let d = tempfile::tempdir().unwrap();
    let sentence = "Le ministre des Affaires étrangères a reçu ses homologues à Bruxelles mardi. ";
    // 200 MB on one line, and 100 MB of the same: twice the time, within noise.
    for (name, mb) in [("one-line-100.txt", 100), ("one-line-200.txt", 200)] {
        let text = sentence.repeat(mb * 1_000_000 / sentence.len());
        std::fs::write(d.path().join(name), text).unwrap();
    }
    let t100 = timed(d.path(), "one-line-100.txt");
    let t200 = timed(d.path(), "one-line-200.txt");
    eprintln!("one line: 100 MB {t100:.1} s, 200 MB {t200:.1} s");
    assert!(t200 < 3.0 * t100, "superlinear: {t100:.1} s then {t200:.1} s");
    // A million short lines.
    let lines = "Kiev a été bombardée.\n".repeat(1_000_000);
    std::fs::write(d.path().join("lines.txt"), lines).unwrap();
    let t = timed(d.path(), "lines.txt");
    eprintln!("1,000,000 lines: {t:.1} s");
    // A 50 MB JSONL record among small ones.
    let big = serde_json::json!({ "id": "big", "text": sentence.repeat(50_000_000 / sentence.len()) });
    let feed = format!("{{\"id\":\"a\",\"text\":\"Bonjour.\"}}\n{big}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n")
        .replace("\n\"}", "\"}");
    std::fs::write(d.path().join("f.jsonl"), feed).unwrap();
    let t = timed(d.path(), "f.jsonl");
    eprintln!("50 MB JSONL record: {t:.1} s");
}

#[test]
#[ignore = "large input: cargo test --release -- --ignored"]
fn pathological_text_stays_linear() {
    let d = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("caps", (0..100_000).map(|i| format!("Kovalen{} ", i % 977)).collect()),
        ("same-name", "Kuleba ".repeat(100_000)),
        ("rule-start", "prendre ".repeat(100_000)),
        ("long-token", "Ab".repeat(2_000_000)),
        ("long-lower", "a".repeat(5_000_000)),
        (
            "unicode",
            "e\u{301}\u{200d}\u{200f}\u{202e}😀👨‍👩‍👧 ا א\u{feff} Dmytro Kuleba. ".repeat(50_000),
        ),
        ("numbers", "350,000 ".repeat(100_000)),
        ("quotes", "“ « ".repeat(100_000)),
    ];
    for (name, text) in cases {
        let file = format!("{name}.txt");
        std::fs::write(d.path().join(&file), &text).unwrap();
        for format in ["csv", "pretty", "sarif"] {
            let start = Instant::now();
            let r = check(d.path(), &[&file, "--format", format, "-o", "report.out"]);
            let t = start.elapsed().as_secs_f64();
            eprintln!("{name} ({} KB) {format}: {t:.2} s", text.len() / 1000);
            assert!(r.code == 0 || r.code == 1, "{name}: {}", r.stderr);
            assert!(t < 20.0, "{name} {format}: {t:.1} s");
        }
    }
}
