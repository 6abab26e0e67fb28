//! The gazetteer's tables turned into what [`crate::recognize::lexicon::Lexicon`] matches with: normalized name
//! patterns with their variants and entries, given names with their languages, word sets.
//!
//! `build.rs` runs this at compile time for the shipped tables (so the browser build does no table work at
//! start-up) and `Lexicon::from_tables` at run time for other tables; both get the same result. This file
//! depends on nothing but `std` and [`crate::normalize`]: `build.rs` includes both as modules.

use std::collections::{HashMap, HashSet};

use crate::normalize::normalize_str;

/// Label names, in the order of `crate::span::Label::ALL` (an entry stores the index).
pub const LABELS: [&str; 6] = ["PER", "LOC", "ORG", "DATE", "QUOTE", "STATEMENT"];

/// Given-name language bit: Arabic.
pub const LANG_AR: u8 = 1;
/// Given-name language bit: Persian.
pub const LANG_FA: u8 = 2;

/// How many known full names of people must start with a word for it to count as a given name.
const GIVEN_MIN_NAMES: u32 = 2;

/// A gazetteer entry: what a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index of the label in [`LABELS`].
    pub label: u8,
    /// The pattern is the entry without its article and needs a fused `لل` before it.
    pub needs_lil: bool,
    /// Number of words in the entry.
    pub words: u8,
    /// The corpora saw the name fewer than [`WEAK_COUNT`] times (the table's count column) and no other table
    /// lists it: a given name before it may make it a surname (`خافيير X`).
    pub weak: bool,
    /// The name is a country's ([`is_country_row`]): an organisation or place written before it is one *of*
    /// that country (`کنگره ملی ونزوئلا`), and the country stays a place of its own.
    pub country: bool,
}

/// Whether a name table's row is a country's: CLDR names a country as a territory with a two-letter code
/// (`LOC<TAB>ونزوئلا<TAB>fa territory VE`), regions with three digits (`ar territory 002`).
pub fn is_country_row(cols: &[&str]) -> bool {
    cols.get(2).is_some_and(|c| {
        let mut it = c.split_whitespace().skip(1);
        it.next() == Some("territory") && it.next().is_some_and(|k| k.len() == 2 && k.bytes().all(|b| b.is_ascii_uppercase()))
    })
}

/// Names seen fewer times than this in the corpora are weak evidence of their label (see [`Entry::weak`]).
pub const WEAK_COUNT: u32 = 3;

impl Entry {
    /// The entry as one number (stored with its pattern in the matcher).
    pub fn pack(self) -> u32 {
        u32::from(self.label)
            | u32::from(self.needs_lil) << 3
            | u32::from(self.words) << 4
            | u32::from(self.weak) << 12
            | u32::from(self.country) << 13
    }

    /// The entry stored by [`Entry::pack`].
    pub fn unpack(v: u32) -> Entry {
        Entry {
            label: (v & 7) as u8,
            needs_lil: v & 8 != 0,
            words: (v >> 4) as u8,
            weak: v & (1 << 12) != 0,
            country: v & (1 << 13) != 0,
        }
    }
}

/// The rows of a `#`-commented TSV table, split into columns.
pub fn table_rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// The stored forms of a word table's first column, normalized: a ZWNJ or space inside a word gives a form
/// with ZWNJ and one with nothing, the two ways text writes a compound without a space.
pub fn word_forms(tsv: &str) -> impl Iterator<Item = String> + '_ {
    table_rows(tsv).filter_map(|cols| cols.first().copied()).flat_map(|w| {
        let n = normalize_str(w.trim());
        let parts: Vec<&str> = n.split([' ', '\u{200C}']).filter(|p| !p.is_empty()).collect();
        let forms = if n.is_empty() { vec![] } else { vec![parts.join("\u{200C}"), parts.concat()] };
        forms.into_iter()
    })
}

/// The language bits of a table column such as `ar,fa` (both when empty or unknown).
pub fn lang_mask(col: Option<&str>) -> u8 {
    let m = col.map_or(0, |c| {
        c.split(',').fold(0, |m, l| match l.trim() {
            "ar" => m | LANG_AR,
            "fa" => m | LANG_FA,
            _ => m,
        })
    });
    if m == 0 { LANG_AR | LANG_FA } else { m }
}

/// The gazetteer prepared from its tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    /// Every pattern (names and their variants), with its entry packed ([`Entry::pack`]), in table order.
    pub patterns: Vec<(String, u32)>,
    /// Given names (normalized) and the languages whose name lists have them, sorted.
    pub given: Vec<(String, u8)>,
}

/// Prepares the gazetteer from name tables (`LABEL<TAB>name`, earlier tables win a label clash) and given-name
/// tables (`name<TAB>languages`); `common` says whether a normalized word is a common word.
///
/// Each name is normalized and also added without its spaces (unless that is a common word), and each of these
/// without its article `ال` (an entry that needs a fused `لل` before it); the matcher reads a ZWNJ as a space
/// ([`super::matcher`]), so a name written with ZWNJ, spaces or both between its words needs no more. A word that is the name of a
/// place or an organisation alone is not a given name; the first word of several known full names of people
/// is one.
pub fn prepare(names: &[&str], given_tables: &[&str], common: &dyn Fn(&str) -> bool) -> Prepared {
    let mut given: HashMap<String, u8> = HashMap::new();
    for cols in given_tables.iter().flat_map(|t| table_rows(t)) {
        let Some(w) = cols.first().map(|w| normalize_str(w.trim())) else { continue };
        if !w.is_empty() && !w.contains([' ', '\u{200C}']) {
            *given.entry(w).or_insert(0) |= lang_mask(cols.get(1).copied());
        }
    }
    let mut patterns: Vec<(String, u32)> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first_words: HashMap<String, u32> = HashMap::new();
    let mut add = |pat: String, e: Entry, patterns: &mut Vec<(String, u32)>, entries: &mut Vec<Entry>| {
        if pat.chars().count() < 2 {
            return;
        }
        if let Some(&i) = seen.get(&pat) {
            // Keep the first label (tables list the stronger reading first); a needs_lil variant never
            // replaces a plain one.
            if entries[i].needs_lil && !e.needs_lil {
                entries[i] = e;
            }
            // A name another table lists too is no weak evidence; a place CLDR lists as a country is one.
            entries[i].weak &= e.weak;
            entries[i].country |= e.country && entries[i].label == e.label;
            return;
        }
        seen.insert(pat.clone(), patterns.len());
        patterns.push((pat, 0));
        entries.push(e);
    };
    let per = 0u8;
    for cols in names.iter().flat_map(|t| table_rows(t)) {
        let (Some(label), Some(name)) = (cols.first(), cols.get(1)) else { continue };
        let Some(label) = LABELS.iter().position(|l| l == label).map(|i| i as u8) else { continue };
        let norm = normalize_str(name.trim());
        let words: Vec<&str> = norm.split([' ', '\u{200C}']).filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            continue;
        }
        if label == per && words.len() > 1 && words[0].chars().count() > 2 && !common(words[0]) {
            *first_words.entry(words[0].to_string()).or_insert(0) += 1;
        }
        let n = words.len().min(255) as u8;
        let weak = cols.get(2).and_then(|c| c.trim().parse::<u32>().ok()).is_some_and(|c| c < WEAK_COUNT);
        let country = is_country_row(&cols);
        let mut forms = vec![words.join(" ")];
        if words.len() > 1 {
            // Run together, unless that spells a common word: `آل کثیر` (a family) is not `الكثير` (much).
            let glued = words.concat();
            if !common(&glued) {
                forms.push(glued);
            }
        }
        for f in forms {
            // (only an article joined to its word: `آل` of `آل کثیر` is a word of its own)
            if let Some(rest) = f.strip_prefix("ال").filter(|r| !r.starts_with([' ', '\u{200C}'])) {
                add(rest.to_string(), Entry { label, needs_lil: true, words: n, weak, country }, &mut patterns, &mut entries);
            }
            add(f, Entry { label, needs_lil: false, words: n, weak, country }, &mut patterns, &mut entries);
        }
    }
    for ((_, v), e) in patterns.iter_mut().zip(&entries) {
        *v = e.pack();
    }
    // A word that is the name of a place or an organisation alone is not a given name (`ایران`).
    for ((pat, _), e) in patterns.iter().zip(&entries) {
        if e.label != per && e.words == 1 && !e.needs_lil {
            given.remove(pat);
        }
    }
    // The first word of several known full names of people is a given name.
    // (Their language is unknown: a word the given-name tables already list keeps its languages.)
    for (w, _) in first_words.into_iter().filter(|&(_, n)| n >= GIVEN_MIN_NAMES) {
        given.entry(w).or_insert(LANG_AR | LANG_FA);
    }
    let mut given: Vec<(String, u8)> = given.into_iter().collect();
    given.sort_unstable();
    Prepared { patterns, given }
}

/// The one-word place names (label `LOC`) of name tables, normalized, without their article, three letters or
/// more, sorted and deduplicated: what adjectives made from places are checked against
/// (`crate::recognize::heads`).
pub fn one_word_places(names: &[&str]) -> Vec<String> {
    one_word_places_where(names, |_| true)
}

/// [`one_word_places`] of the rows that name a country ([`is_country_row`]): the places `build.rs` marks so in
/// `places.tab`.
pub fn one_word_countries(names: &[&str]) -> Vec<String> {
    one_word_places_where(names, is_country_row)
}

fn one_word_places_where(names: &[&str], keep: impl Fn(&[&str]) -> bool) -> Vec<String> {
    let mut out: Vec<String> = names
        .iter()
        .flat_map(|t| table_rows(t))
        .filter(|c| c.first().is_some_and(|l| l.trim() == "LOC") && keep(c))
        .filter_map(|c| {
            let written = c.get(1)?.trim();
            let n = normalize_str(written);
            // Only a written bare `ال` is the article: normalizing folds the hamza of `ألمانيا` / `إلينوي`
            // into the same letters, and those keep them (`الألماني` is made from `المانيا`, not `مانيا`).
            let n = match n.strip_prefix("ال") {
                Some(rest) if written.starts_with("ال") => rest.to_string(),
                _ => n,
            };
            (!n.contains([' ', '\u{200C}'])).then_some(n)
        })
        .filter(|n| n.chars().count() >= 3)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A head word counts when, followed by a word that can continue a name, it starts one at least this often in
/// the corpora (the heads table's fourth column). On the development splits (AQMAR, PEYMA, ParsTwiNER, Wojood,
/// scored with `scripts/eval_pipeline_conll.py`) bars from 0.4 to 0.7 score within a point of each other and
/// of no phrases at all, since those corpora disagree on whether the head belongs to the name; 0.4 keeps the
/// heads that news names of agencies and bodies start with (`وكالة`, `هيئة`), as the product's guide wants.
pub const HEAD_MIN_PRECISION: f32 = 0.4;

/// The head words of a heads table (`word<TAB>LABEL<TAB>count<TAB>precision`) precise enough
/// ([`HEAD_MIN_PRECISION`]) and labelled ORG or LOC, normalized, with the label's index in [`LABELS`]; sorted.
pub fn precise_heads(tsv: &str) -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = table_rows(tsv)
        .filter_map(|c| {
            let w = normalize_str(c.first()?.trim());
            let l = c.get(1)?.trim();
            let label = LABELS.iter().position(|x| *x == l)? as u8;
            let precision: f32 = c.get(3).and_then(|p| p.trim().parse().ok()).unwrap_or(1.0);
            (precision >= HEAD_MIN_PRECISION && !w.is_empty() && matches!(l, "ORG" | "LOC")).then_some((w, label))
        })
        .collect();
    out.sort_unstable();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The title words the name-phrase recognizer stops at, as one table (first column): a title table's words
/// and the `TITLE` words of the tagger's trigger table (`CLASS<TAB>word`).
pub fn head_titles_tsv(titles: &str, triggers: &str) -> String {
    let mut out = String::from(titles);
    out.push('\n');
    for c in table_rows(triggers).filter(|c| c.first() == Some(&"TITLE")) {
        if let Some(w) = c.get(1) {
            out.push_str(w);
            out.push('\n');
        }
    }
    out
}

/// A set of [`word_forms`] (for `build.rs`, which has no `WordSet`).
pub fn word_set(tsv: &str) -> HashSet<String> {
    word_forms(tsv).collect()
}

/// A name part at least this heavy (`data/lexicon/name_parts.tsv`: weighted count after the first word of a
/// place's or organisation's name) is marked so in the shipped table: `اسلامی` (614), `ملی` (472), `مهر` (56);
/// people's surnames weigh nothing there or little (`الصدر` 3.5, `خمینی` 30.5).
pub const HEAVY_PART: f64 = 50.0;

/// The name parts table as [`word_forms`] with a value each: 1 for a part of [`HEAVY_PART`] weight or more
/// (for `build.rs`'s `parts.tab`).
pub fn weighted_parts(tsv: &str) -> Vec<(String, u8)> {
    table_rows(tsv)
        .flat_map(|c| {
            let heavy = c.get(1).and_then(|x| x.trim().parse::<f64>().ok()).is_some_and(|x| x >= HEAVY_PART);
            // (a row's first column, read as a one-line table, gives the forms `word_forms` gives it)
            word_forms(c.first().copied().unwrap_or("")).map(move |f| (f, u8::from(heavy)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Label;

    #[test]
    fn labels_follow_the_span_labels() {
        assert_eq!(LABELS.len(), Label::ALL.len());
        for (name, label) in LABELS.iter().zip(Label::ALL) {
            assert_eq!(*name, label.as_str());
        }
    }

    #[test]
    fn entries_pack_and_unpack() {
        for e in [
            Entry { label: 0, needs_lil: false, words: 1, weak: false, country: false },
            Entry { label: 5, needs_lil: true, words: 255, weak: false, country: false },
            Entry { label: 2, needs_lil: false, words: 0, weak: false, country: false },
            Entry { label: 1, needs_lil: true, words: 3, weak: true, country: false },
            Entry { label: 1, needs_lil: true, words: 2, weak: false, country: true },
        ] {
            assert_eq!(Entry::unpack(e.pack()), e);
        }
    }

    #[test]
    fn variants_and_given_names() {
        let names = "# t\nLOC\tالولايات المتحدة\nPER\tجورج بوش\nPER\tجورج واشنطن\nLOC\tندا\nORG\tالولاياتالمتحدة\nPER\tا\n";
        let p = prepare(&[names], &["ندا\tar\nخوان\tfa\nعلي\tar,fa\n"], &|w| w == "علي");
        let pats: Vec<(&str, Entry)> = p.patterns.iter().map(|(s, v)| (s.as_str(), Entry::unpack(*v))).collect();
        let loc = |needs_lil| Entry { label: 1, needs_lil, words: 2, weak: false, country: false };
        let per = Entry { label: 0, needs_lil: false, words: 2, weak: false, country: false };
        assert_eq!(pats, [
            ("ولايات المتحدة", loc(true)),
            ("الولايات المتحدة", loc(false)),
            ("ولاياتالمتحدة", loc(true)),
            ("الولاياتالمتحدة", loc(false)),
            ("جورج بوش", per),
            ("جورجبوش", per),
            ("جورج واشنطن", per),
            ("جورجواشنطن", per),
            ("ندا", Entry { label: 1, needs_lil: false, words: 1, weak: false, country: false }),
        ]);
        // ندا is a place; جورج starts two people's names.
        assert_eq!(p.given, [("جورج".to_string(), 3), ("خوان".to_string(), 2), ("علي".to_string(), 3)]);
    }

    #[test]
    fn a_name_run_together_that_spells_a_common_word_is_not_added() {
        // `آل کثیر` (a family) run together is `الكثير` (much): only its spaced form is a pattern, and
        // `آل`, a word of its own, is no article to drop.
        let p = prepare(&["# t\nPER\tآل کثیر\n"], &[], &|w| w == "الكثير");
        let pats: Vec<&str> = p.patterns.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(pats, ["ال كثير"]);
    }

    #[test]
    fn word_forms_join_compounds_both_ways() {
        let forms: Vec<String> = word_forms("# t\nرئیس جمهور\t9\nقال\n\n").collect();
        assert_eq!(forms, ["رئيس\u{200C}جمهور", "رئيسجمهور", "قال", "قال"]);
    }

    mod regression {
        use super::*;

        #[test]
        fn a_needs_lil_variant_gives_way_to_a_plain_name() {
            // ولايات is first the article-less variant of الولايات, then a name of its own.
            let p = prepare(&["LOC\tالولايات\nORG\tولايات\n"], &[], &|_| false);
            let e = p.patterns.iter().find(|(s, _)| s == "ولايات").map(|(_, v)| Entry::unpack(*v));
            assert_eq!(e, Some(Entry { label: 2, needs_lil: false, words: 1, weak: false, country: false }));
        }

        #[test]
        fn a_country_is_a_territory_with_a_letter_code() {
            // (row, whether its name is a country's); the gazetteer's row comes first and CLDR's marks it.
            let cases = [
                ("LOC\tونزوئلا\tfa territory VE", true),
                ("LOC\tالولايات المتحدة\tar territory US", true),
                ("LOC\tشمال أفريقيا\tar territory 015", false),
                ("LOC\tكاراكاس\tar city America/Caracas", false),
                ("LOC\tشیراز\t120", false),
                ("LOC\tروسیه\t900\nLOC\tروسیه\tfa territory RU", true),
                ("ORG\tروسیه\t900\nLOC\tروسیه\tfa territory RU", false),
            ];
            for (rows, want) in cases {
                let p = prepare(&[rows], &[], &|_| false);
                let (pat, v) = &p.patterns[0];
                assert_eq!(Entry::unpack(*v).country, want, "{rows} ({pat})");
                // Every variant (the article dropped after لل) says the same.
                assert!(p.patterns.iter().all(|(_, v)| Entry::unpack(*v).country == want), "{rows}");
            }
        }
    }
}
