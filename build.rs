//! Expands the embedded fst lexicons into fingerprint tables
//! (`src/lexicon/table.rs`) at compile time, so that the binary looks a word
//! up with one hash instead of an automaton walk.

use std::path::PathBuf;

#[path = "src/lexicon/table.rs"]
mod table;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // (lexicon, log2 of its filter's bits): the English lexicon is asked
    // mostly about French words, which its filter turns away in cache.
    for (name, filter_bits) in [("fr", 0), ("fr-names", 0), ("en", 20)] {
        let src = format!("src/lexicon/data/{name}.fst");
        println!("cargo::rerun-if-changed={src}");
        let bytes = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let set = fst::Set::new(bytes).unwrap_or_else(|e| panic!("{src}: not an fst set: {e}"));
        let mut words: Vec<Vec<u8>> = Vec::with_capacity(set.len());
        let mut stream = set.stream();
        while let Some(w) = fst::Streamer::next(&mut stream) {
            words.push(w.to_vec());
        }
        let table = table::build(words.iter().map(Vec::as_slice), words.len(), filter_bits);
        let dest = out.join(format!("{name}.table"));
        std::fs::write(&dest, table).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
    println!("cargo::rerun-if-changed=src/lexicon/table.rs");
    println!("cargo::rerun-if-changed=build.rs");
}
