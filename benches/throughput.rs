//! Throughput of the whole check, in bytes of input text per second.
//!
//! Corpus: `CALQUE_BENCH_DIR` (default `/tmp/calque-bench`, built by
//! `../shared/bench/make-corpus.sh` and `make-gazetteer.sh`): the first
//! `CALQUE_BENCH_MB` MB (default 10) of `corpus-100m.jsonl`, one document per
//! record. Without the corpus, the bundled fixtures are used (and said so).
//!
//! Benches:
//! - `check/default-kb`: the whole check, one thread, default KB;
//! - `check/names-100k`: the same with the KB padded with the 100,000 names of
//!   `names-100k.txt` (people and places as person entries, the costly case for
//!   the fuzzy index);
//! - `check/default-kb-parallel`: rayon over documents, all cores;
//! - `phrases/default-pack`, `phrases/phrases-5k`: the phrase matching stage
//!   alone (hits found, findings' texts built, nothing written) with the
//!   default pack and with the 5,000 phrases of `phrases-5k.txt` added as
//!   rules; `phrases/whole-check-phrases-5k`: the whole check with them;
//! - `tokenise`: tokenising and folding only;
//! - `lexicon/class-per-word`: what the lexicons say of every word token of
//!   the corpus (French, French proper noun, English), in words per second:
//!   the time per word is the "under 100 ns a word" figure;
//!   `lexicon/french-per-word`: the French fst lookup alone, no shortcut for
//!   the most common words;
//! - `startup/default-kb`: loading and compiling the embedded KB.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use calque::{Checker, Config, Document, Kb, KbSource, Meta};

fn bench_dir() -> PathBuf {
    std::env::var_os("CALQUE_BENCH_DIR").map_or_else(|| PathBuf::from("/tmp/calque-bench"), PathBuf::from)
}

/// The documents to check: (name, text).
fn corpus() -> Vec<(String, String)> {
    let limit: usize = std::env::var("CALQUE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
        * 1_000_000;
    let jsonl = bench_dir().join("corpus-100m.jsonl");
    let mut docs = Vec::new();
    if let Ok(text) = std::fs::read_to_string(&jsonl) {
        let mut size = 0;
        for (i, line) in text.lines().enumerate() {
            let Some(t) = json_text(line) else { continue };
            size += t.len();
            docs.push((format!("corpus#{}", i + 1), t));
            if size >= limit {
                break;
            }
        }
        eprintln!(
            "corpus: {} documents, {:.1} MB of {}",
            docs.len(),
            size as f64 / 1e6,
            jsonl.display()
        );
    } else {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
            docs.push((f.display().to_string(), std::fs::read_to_string(&f).unwrap()));
        }
        eprintln!(
            "corpus: {} not found, using the {} bundled fixtures",
            jsonl.display(),
            docs.len()
        );
    }
    docs
}

/// The `text` field of a corpus record: the generator writes `"text": "..."`
/// last, with JSON string escapes.
fn json_text(line: &str) -> Option<String> {
    let start = line.find("\"text\": \"")? + 9;
    let body = &line[start..line.rfind('"')?];
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let mut code = u32::from_str_radix(&hex, 16).ok()?;
                if (0xD800..0xDC00).contains(&code) {
                    let _ = chars.next();
                    let _ = chars.next();
                    let low: String = chars.by_ref().take(4).collect();
                    let low = u32::from_str_radix(&low, 16).ok()?;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                out.push(char::from_u32(code)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// The default KB plus the 100k-name gazetteer as person entries.
fn padded_kb() -> Option<Kb> {
    let names = std::fs::read_to_string(bench_dir().join("names-100k.txt")).ok()?;
    let dir = tempfile::tempdir().ok()?;
    let mut csv = String::from("id,kind,canonical,aliases,variants,titles,country,note\n");
    // Gazetteer names that the default KB already holds (as right or wrong
    // forms: `White House`, `United Nations`) would conflict: leave them out.
    let default = Kb::embedded();
    let known: std::collections::HashSet<&str> = default.names().forms().iter().map(|f| f.key.as_str()).collect();
    let mut n = 0;
    for line in names.lines() {
        let name = line.trim();
        let taken = calque::kb::names::form_key(name).is_none_or(|k| known.contains(k.as_str()));
        if name.is_empty() || name.contains(['"', '|']) || taken {
            continue;
        }
        n += 1;
        csv.push_str(&format!("gazetteer-{n:06},person,\"{name}\",,,,,\n"));
    }
    std::fs::write(dir.path().join("entities.csv"), csv).ok()?;
    let kb = match Kb::load(&[KbSource::Embedded, KbSource::Dir(dir.path().to_path_buf())]) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("the padded KB does not load:\n{e}");
            return None;
        }
    };
    eprintln!(
        "padded KB: {n} gazetteer names, {:?} (forms, fuzzy vocabulary, deletions)",
        kb.names().stats()
    );
    Some(kb)
}

/// The default KB plus the 5,000 phrases of `phrases-5k.txt` as phrase rules
/// (phrases with pattern metacharacters are left out).
fn phrase_padded_kb() -> Option<Kb> {
    let phrases = std::fs::read_to_string(bench_dir().join("phrases-5k.txt")).ok()?;
    let dir = tempfile::tempdir().ok()?;
    let mut csv = String::from("id,category,severity,pattern,suggestion,message,example_bad,example_good\n");
    let mut n = 0;
    for line in phrases.lines() {
        let p = line.trim();
        if p.is_empty() || p.contains(['|', '*', '?', '!', '+', '<', '>', '~', '"', ',', '$']) {
            continue;
        }
        n += 1;
        csv.push_str(&format!(
            "idiom.bench-{n:05},idiom,minor,{p},,Phrase de banc d'essai.,{p},x\n"
        ));
    }
    std::fs::write(dir.path().join("phrases.csv"), csv).ok()?;
    match Kb::load(&[KbSource::Embedded, KbSource::Dir(dir.path().to_path_buf())]) {
        Ok(kb) => {
            eprintln!("phrase-padded KB: {} phrase rules", kb.phrases().len());
            Some(kb)
        }
        Err(e) => {
            eprintln!("the phrase-padded KB does not load:\n{e}");
            None
        }
    }
}

/// The matching stage alone: every hit of every rule, with its finding text
/// built (suggestion and message) but not written.
fn match_phrases(kb: &Kb, docs: &[Document]) -> usize {
    let set = kb.phrases();
    let mut n = 0;
    for d in docs {
        for h in set.find(d) {
            let rule = &set.rules()[h.rule];
            let suggestion = rule.suggestion_for(d, &h.m);
            let message = if rule.message.contains('{') {
                rule.message.replace("{suggestion}", &suggestion)
            } else {
                rule.message.clone()
            };
            n += usize::from(!message.is_empty());
        }
    }
    n
}

fn check_all(checker: &Checker, docs: &[(String, String)]) -> usize {
    docs.iter()
        .map(|(name, text)| {
            checker
                .check(&Document::new(name.clone(), text.clone(), Meta::default()))
                .len()
        })
        .sum()
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let checker = Checker::new(Kb::embedded(), Config::default());
    eprintln!("findings with the default KB: {}", check_all(&checker, &docs));
    g.bench_function("default-kb", |b| b.iter(|| check_all(&checker, &docs)));
    g.bench_function("default-kb-parallel", |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|(n, t)| {
                    checker
                        .check(&Document::new(n.clone(), t.clone(), Meta::default()))
                        .len()
                })
                .sum::<usize>()
        })
    });
    if let Some(kb) = padded_kb() {
        let padded = Checker::new(kb, Config::default());
        eprintln!("findings with the padded KB: {}", check_all(&padded, &docs));
        g.bench_function("names-100k", |b| b.iter(|| check_all(&padded, &docs)));
    } else {
        eprintln!("names-100k.txt not found: run ../shared/bench/make-gazetteer.sh for the padded-KB bench");
    }
    g.finish();

    let mut g = c.benchmark_group("phrases");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let tokenised: Vec<Document> = docs
        .iter()
        .map(|(n, t)| Document::new(n.clone(), t.clone(), Meta::default()))
        .collect();
    let default = Kb::embedded();
    let hits = match_phrases(&default, &tokenised);
    eprintln!(
        "default pack: {} rules, {hits} hits ({:.0} per MB)",
        default.phrases().len(),
        hits as f64 / (bytes as f64 / 1e6)
    );
    g.bench_function("default-pack", |b| b.iter(|| match_phrases(&default, &tokenised)));
    if let Some(padded) = phrase_padded_kb() {
        let hits = match_phrases(&padded, &tokenised);
        eprintln!(
            "padded pack: {hits} hits ({:.0} per MB)",
            hits as f64 / (bytes as f64 / 1e6)
        );
        g.bench_function("phrases-5k", |b| b.iter(|| match_phrases(&padded, &tokenised)));
        let checker = Checker::new(padded, Config::default());
        g.bench_function("whole-check-phrases-5k", |b| b.iter(|| check_all(&checker, &docs)));
    }
    g.finish();

    let mut g = c.benchmark_group("tokenise");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("fold+tokens", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(n, t)| Document::new(n.clone(), t.clone(), Meta::default()).tokens().len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10);
    let lexicon = calque::lexicon::Lexicon::shared();
    let words: usize = tokenised
        .iter()
        .map(|d| {
            d.tokens()
                .iter()
                .filter(|t| t.kind == calque::document::TokenKind::Word)
                .count()
        })
        .sum();
    eprintln!("lexicon: {words} word tokens");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("class-per-word", |b| {
        b.iter(|| {
            let mut buf = String::new();
            let mut known = 0usize;
            for d in &tokenised {
                for t in d.tokens() {
                    if calque::lexicon::class_of(lexicon, d, t, &mut buf).is_some_and(|c| c.french || c.english) {
                        known += 1;
                    }
                }
            }
            known
        })
    });
    g.bench_function("french-per-word", |b| {
        b.iter(|| {
            let mut buf = String::new();
            let mut known = 0usize;
            for d in &tokenised {
                for t in d.tokens() {
                    if t.kind == calque::document::TokenKind::Word
                        && lexicon.is_french(calque::lexicon::lower_of(d, t, &mut buf))
                    {
                        known += 1;
                    }
                }
            }
            known
        })
    });
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("default-kb", |b| b.iter(Kb::embedded));
    g.finish();
}

criterion_group!(throughput, benches);
criterion_main!(throughput);
