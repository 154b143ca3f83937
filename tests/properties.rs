//! Properties over arbitrary text: every finding points at the bytes it
//! reports, on char boundaries, at the line and column it says; and a batch's
//! report is the same bytes whatever the number of threads.

use calque::report::{CsvReport, Reporter};
use calque::{Checker, Config, Document, Kb, Meta, TextFormat, run};
use proptest::prelude::*;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(Kb::embedded(), Config::default()))
}

/// Text made of pieces that exercise the checks (names, wrong forms,
/// honorifics, odd Unicode, line breaks) and arbitrary strings.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Dmytro Kuleba".to_string()),
        Just("Zelenskyy".to_string()),
        Just("M. Ficco".to_string()),
        Just("Robert Fico".to_string()),
        Just("Gabrilius Bonusbergis".to_string()),
        Just("Jean-Noel Barrot".to_string()),
        Just("e\u{301}".to_string()),
        Just("L’OTAN".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}»".to_string()),
        Just("👍🏽\u{200d}\u{202e}".to_string()),
        Just("https://x.org/Kuleba".to_string()),
        Just("`Zelenskyy`".to_string()),
        Just("[Kuleba](http://k)".to_string()),
        Just("```\n".to_string()),
        Just("<b>".to_string()),
        "[A-Za-zéèïÉ' -]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn findings_point_at_what_they_report(text in text(), markdown in any::<bool>()) {
        let format = if markdown { TextFormat::Markdown } else { TextFormat::Plain };
        let doc = Document::new("p", text.clone(), Meta { format, ..Meta::default() });
        let r = run::check_document(checker(), doc, 90.0);
        let mut out = Vec::new();
        {
            let mut csv = CsvReport::new(&mut out).unwrap();
            csv.document(&r, checker().rules()).unwrap();
            csv.finish().unwrap();
        }
        let mut rd = csv::Reader::from_reader(out.as_slice());
        for row in rd.records() {
            let row = row.unwrap();
            let (start, end): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
            prop_assert!(start < end && end <= text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let found = row[10].strip_prefix('\'').filter(|s| s.starts_with(['=', '+', '-', '@', '\t', '\r'])).unwrap_or(&row[10]);
            prop_assert_eq!(found, &text[start..end]);
            let (line, col) = naive_line_col(&text, start);
            prop_assert_eq!(row[1].parse::<usize>().unwrap(), line);
            prop_assert_eq!(row[2].parse::<usize>().unwrap(), col);
        }
    }
}

/// Observes nothing: the property compares report bytes.
struct Quiet;

impl run::Observer for Quiet {
    fn error(&mut self, _: &str, _: &str) {}
    fn warning(&mut self, _: &str) {}
}

/// `texts` as a JSONL feed in `dir`.
fn write_feed(dir: &std::path::Path, texts: &[String]) -> std::path::PathBuf {
    let path = dir.join("feed.jsonl");
    let lines: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({ "id": i.to_string(), "text": t })))
        .collect();
    std::fs::write(&path, lines).unwrap();
    path
}

/// The CSV report and summary of the feed at `path`, checked on a pool of
/// `threads`.
fn batch_report(path: &std::path::Path, threads: usize) -> Vec<u8> {
    let (inputs, _) = calque::input::discover(&[path.display().to_string()], &calque::input::Walk::default(), None);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let (mut out, mut sums) = (Vec::new(), Vec::new());
    {
        let mut csv = CsvReport::new(&mut out).unwrap();
        let mut summary = calque::report::SummaryReport::new(&mut sums).unwrap();
        let mut reporters: [&mut dyn Reporter; 2] = [&mut csv, &mut summary];
        run::run(
            &pool,
            checker(),
            &inputs,
            &run::Options::threshold(90.0),
            &mut reporters,
            &mut Quiet,
        )
        .unwrap();
    }
    out.extend(sums);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn reports_do_not_depend_on_the_thread_count(texts in prop::collection::vec(text(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let feed = write_feed(dir.path(), &texts);
        prop_assert_eq!(batch_report(&feed, 1), batch_report(&feed, 2));
    }
}
