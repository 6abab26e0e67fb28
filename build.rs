//! Prepares the shipped gazetteer at compile time, so that the annotator builds nothing from it at start-up:
//! reads the committed tables (data/gazetteer.tsv, data/lexicon/*.tsv), normalizes the names and their
//! variants and writes into OUT_DIR the serialized pattern matcher (`names.dawg`, see
//! src/recognize/matcher.rs) and word tables (src/recognize/word_table.rs) of the given names, the common
//! words and the titles (`given.tab`, `common.tab`, `titles.tab`), the one-word places (`places.tab`), which
//! src/recognize/lexicon.rs embeds, and the name-phrase recognizer's head words, name parts and titles
//! (`heads.tab`, `parts.tab`, `head_titles.tab`), which src/recognize/heads.rs embeds.
//!
//! The preparation is the crate's own code (src/recognize/lexicon_data.rs, src/normalize.rs,
//! src/recognize/matcher.rs and src/recognize/word_table.rs, which depend on nothing but `std`), so `Lexicon::from_tables` on the same tables
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

#[allow(dead_code)]
#[path = "src/recognize/word_table.rs"]
mod word_table;

use std::path::{Path, PathBuf};

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("build.rs: cannot read {path}: {e}"))
}

fn main() {
    let sources = ["src/normalize.rs", "src/recognize/lexicon_data.rs", "src/recognize/matcher.rs", "src/recognize/word_table.rs"];
    for src in std::iter::once("build.rs").chain(sources) {
        println!("cargo:rerun-if-changed={src}");
    }
    let names = [read("data/gazetteer.tsv"), read("data/lexicon/cldr.tsv"), read("data/lexicon/iran_places.tsv")];
    let given = [read("data/lexicon/given_names.tsv"), read("data/lexicon/first_names.tsv")];
    // Cue words count as common words (as in `Lexicon::shipped`).
    let common_tsv = format!("{}\n{}", read("data/lexicon/common.tsv"), read("data/lexicon/cues.tsv"));
    let common = lexicon_data::word_set(&common_tsv);
    let titles = lexicon_data::word_set(&read("data/lexicon/titles.tsv"));

    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    // The gazetteer's and CLDR's one-word places, for the name-phrase recognizer (`Heads::shipped`).
    let places = lexicon_data::one_word_places(&names[..2]);
    // Countries among them are marked (value 1: `lexicon::is_country_name`).
    let countries: std::collections::HashSet<String> = lexicon_data::one_word_countries(&names[..2]).into_iter().collect();
    let given: Vec<&str> = given.iter().map(String::as_str).collect();
    let prepared = lexicon_data::prepare(&names, &given, &|w| common.contains(w));
    let dawg = matcher::build(&prepared.patterns).unwrap_or_else(|e| panic!("build.rs: gazetteer matcher: {e}"));

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out.join("names.dawg"), &dawg);
    let table = |words: Vec<(String, u8)>, name: &str| {
        let bytes = word_table::build(words).unwrap_or_else(|e| panic!("build.rs: {name}: {e}"));
        write(&out.join(name), &bytes);
    };
    table(prepared.given, "given.tab");
    table(common.into_iter().map(|w| (w, 0)).collect(), "common.tab");
    table(titles.into_iter().map(|w| (w, 0)).collect(), "titles.tab");
    table(places.into_iter().map(|w| { let c = u8::from(countries.contains(&w)); (w, c) }).collect(), "places.tab");
    // The name-phrase recognizer's tables (`Heads::shipped`).
    table(lexicon_data::precise_heads(&read("data/lexicon/heads.tsv")), "heads.tab");
    table(lexicon_data::weighted_parts(&read("data/lexicon/name_parts.tsv")), "parts.tab");
    let head_titles = lexicon_data::head_titles_tsv(&read("data/lexicon/titles.tsv"), &read("data/ner_triggers.tsv"));
    table(lexicon_data::word_set(&head_titles).into_iter().map(|w| (w, 0)).collect(), "head_titles.tab");
}

/// Writes a file unless it already holds these bytes (so dependents are not rebuilt for nothing).
fn write(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("build.rs: cannot write {}: {e}", path.display()));
}
