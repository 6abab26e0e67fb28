//! Prepares the shipped gazetteer at compile time, so that the annotator builds nothing from it at start-up:
//! reads the committed tables (data/gazetteer.tsv, data/lexicon/*.tsv), normalizes the names and their
//! variants and writes into OUT_DIR the serialized pattern matcher (`names.dawg`, see
//! src/recognize/matcher.rs) and the given names (`given.tsv`), which src/recognize/lexicon.rs embeds.
//!
//! The preparation is the crate's own code (src/recognize/lexicon_data.rs, src/normalize.rs and
//! src/recognize/matcher.rs, which depend on nothing but `std`), so `Lexicon::from_tables` on the same tables
//! gives the same result at run time (a test checks it). Plain Rust on the host: works for every target.

#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;

#[allow(dead_code)]
#[path = "src/recognize/lexicon_data.rs"]
mod lexicon_data;

#[allow(dead_code)]
#[path = "src/recognize/matcher.rs"]
mod matcher;

use std::path::{Path, PathBuf};

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("build.rs: cannot read {path}: {e}"))
}

fn main() {
    for src in ["build.rs", "src/normalize.rs", "src/recognize/lexicon_data.rs", "src/recognize/matcher.rs"] {
        println!("cargo:rerun-if-changed={src}");
    }
    let names = [read("data/gazetteer.tsv"), read("data/lexicon/cldr.tsv"), read("data/lexicon/iran_places.tsv")];
    let given = [read("data/lexicon/given_names.tsv"), read("data/lexicon/first_names.tsv")];
    // Cue words count as common words (as in `Lexicon::shipped`).
    let common = lexicon_data::word_set(&format!("{}\n{}", read("data/lexicon/common.tsv"), read("data/lexicon/cues.tsv")));

    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let given: Vec<&str> = given.iter().map(String::as_str).collect();
    let prepared = lexicon_data::prepare(&names, &given, &|w| common.contains(w));
    let dawg = matcher::build(&prepared.patterns).unwrap_or_else(|e| panic!("build.rs: gazetteer matcher: {e}"));

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out.join("names.dawg"), &dawg);
    write(&out.join("given.tsv"), lexicon_data::given_to_tsv(&prepared.given).as_bytes());
}

/// Writes a file unless it already holds these bytes (so dependents are not rebuilt for nothing).
fn write(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("build.rs: cannot write {}: {e}", path.display()));
}
