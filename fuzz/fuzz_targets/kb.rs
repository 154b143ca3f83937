//! The KB loader on arbitrary CSV text. The first byte picks the file the
//! rest is written as (entities.csv, places.csv, countries.csv, phrases.csv,
//! venues.csv: byte % 5, so 0 = entities, 3 = phrases); the folder is loaded
//! with `Kb::load(&[KbSource::Dir(dir)])`. An `Err` listing problems is
//! fine, a panic is not. A KB that loads is then used to check a sample text.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use calque::kb::FileKind;
use calque::{Checker, Config, Document, Kb, KbSource, Meta};
use libfuzzer_sys::fuzz_target;

/// One folder per file kind, made once; the file is rewritten at each input.
fn dirs() -> &'static [(tempfile::TempDir, PathBuf); 5] {
    static DIRS: OnceLock<[(tempfile::TempDir, PathBuf); 5]> = OnceLock::new();
    DIRS.get_or_init(|| {
        FileKind::ALL.map(|kind| {
            let d = tempfile::tempdir().expect("temp dir");
            let p = d.path().join(kind.file_name());
            (d, p)
        })
    })
}

const SAMPLE: &str = "KYIV (AFP) - Le ministre Dmytro Kuleba a parlé lundi 4 avril 2024 à Kiev. \
    Il a dit qu'il allait achever le projet. Vladimir Zelensky et Volodymyr Zelensky, \
    président de l'Ukraine, se sont rencontrés au sommet de l'OTAN à Vilnius.";

fuzz_target!(|data: &[u8]| {
    let Some((&mode, csv)) = data.split_first() else { return };
    let (dir, file) = &dirs()[usize::from(mode) % 5];
    std::fs::write(file, csv).expect("write the KB file");
    match Kb::load(&[KbSource::Dir(dir.path().to_path_buf())]) {
        Ok(kb) => {
            let _ = kb.fingerprint();
            let checker = Checker::new(kb, Config::default());
            let _ = checker.check_examples();
            let doc = Document::new("sample.txt", SAMPLE.to_string(), Meta::default());
            for r in checker.check(&doc) {
                let f = &r.finding;
                assert!(f.start < f.end && f.end <= SAMPLE.len(), "finding {}..{}", f.start, f.end);
                assert!(SAMPLE.is_char_boundary(f.start) && SAMPLE.is_char_boundary(f.end));
            }
        }
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error lists its problems");
            let _ = e.to_string();
        }
    }
});
