//! Builds an fst set from a sorted word list (one word per line, byte order):
//! `cargo run --release --example build_lexicon -- WORDS.txt OUT.fst`.
//! Used by `scripts/build-lexicons.sh`; the fst files it writes are committed.

use std::io::{BufRead, BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: build_lexicon WORDS.txt OUT.fst".into());
    };
    let reader = BufReader::new(std::fs::File::open(input)?);
    let mut builder = fst::SetBuilder::new(BufWriter::new(std::fs::File::create(output)?))?;
    let mut n = 0usize;
    for line in reader.lines() {
        let w = line?;
        if !w.is_empty() {
            builder.insert(&w)?;
            n += 1;
        }
    }
    builder.finish()?;
    eprintln!("{output}: {n} words");
    Ok(())
}
