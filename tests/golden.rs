//! Golden files: the five seed articles annotated and rendered one span per line (offsets first, so
#![cfg(not(target_arch = "wasm32"))]
//! right-to-left display cannot scramble the columns). A safety net for refactoring: any change in output shows
//! up as a diff. Regenerate deliberately with `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::{Path, PathBuf};

use hashiya::offsets::Unit;
use hashiya::output::DocumentOut;
use hashiya::{annotate, Options, Ymd};

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the seed articles must be beside the project)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// Renders a document for the golden file: the language, then spans in scalar offsets, then entities.
fn render(text: &str, opts: &Options) -> String {
    let doc = annotate(text, opts);
    let out = DocumentOut::new(text, &doc, Unit::Scalar);
    let mut s = format!("lang\t{}\n", out.lang.code());
    s.push_str(&out.render_lines());
    for e in &out.entities {
        s.push_str(&format!("entity {}\t{}\t{}\tmentions={}\n", e.id, e.label.as_str(), e.name, e.mentions.len()));
    }
    s
}

#[test]
fn seed_articles_match_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let seeds = seeds();
    assert_eq!(seeds.len(), 5, "expected the five seed articles");
    let opts = Options { reference: Some(Ymd::parse("2019-04-30").unwrap()), lang: None };
    let mut failures = Vec::new();
    for path in seeds {
        let text = std::fs::read_to_string(&path).unwrap();
        let got = render(&text, &opts);
        let name = path.file_stem().unwrap().to_string_lossy().to_string() + ".golden";
        let gpath = golden_dir.join(&name);
        if update {
            std::fs::write(&gpath, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&gpath).unwrap_or_default();
        if want != got {
            let first = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(want.lines().count().min(got.lines().count()));
            failures.push(format!(
                "{name}: differs from line {}:\n  want: {}\n  got:  {}",
                first + 1,
                want.lines().nth(first).unwrap_or("<end>"),
                got.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(failures.is_empty(), "golden files differ (UPDATE_GOLDEN=1 to regenerate):\n{}", failures.join("\n"));
}
