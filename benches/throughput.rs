//! Throughput benchmark: annotates a few MB of news text (the seed articles repeated) and prints MB/s for each
//! pipeline stage and for the whole pipeline, on one core. Run with `cargo bench --bench throughput`.
//!
//! Each stage runs `HASHIYA_BENCH_RUNS` times (default 5) and prints its best and median rate: on a shared
//! machine one run can lose half its speed to the neighbours, and the best run is the code's own speed.

use std::time::Instant;

use hashiya::recognize::dates::Dates;
use hashiya::recognize::heads::Heads;
use hashiya::recognize::lexicon::{common_words, title_words, Lexicon};
use hashiya::recognize::{Context, Recognizer};
use hashiya::{lang, ner::Ner, normalize::Normalized, resolve, tokenize, Options};

/// Reads the seed articles (../shared/seeds, or the folder in HASHIYA_SEEDS) and repeats them to about 4 MB.
fn corpus() -> String {
    let dir = std::env::var("HASHIYA_SEEDS").unwrap_or_else(|_| "../shared/seeds".to_string());
    let mut docs: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if docs.is_empty() {
        eprintln!("no seed articles in {dir}; using a built-in paragraph");
        docs.push("قال الرئيس الفنزويلي نيكولاس مادورو في كاراكاس إن وكالة رويترز نشرت تقريرا. \
                   حسن روحانی رئیس‌جمهور ایران روز شنبه به تهران بازگشت.\n"
            .to_string());
    }
    docs.sort();
    let one = docs.join("\n\n");
    let mut text = String::with_capacity(4 << 20);
    while text.len() < 4 << 20 {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    text
}

fn rate(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-9)
}

/// How many times each stage runs (`HASHIYA_BENCH_RUNS`, default 5).
fn runs() -> usize {
    std::env::var("HASHIYA_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5).max(1)
}

/// Runs a stage [`runs`] times and prints its best and median rate; returns the last run's output.
fn time<T>(name: &str, bytes: usize, mut f: impl FnMut() -> T) -> T {
    let mut secs = Vec::new();
    let mut out = None;
    for _ in 0..runs() {
        drop(out.take());
        let t = Instant::now();
        out = Some(f());
        secs.push(t.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    let (best, median) = (secs[0], secs[secs.len() / 2]);
    println!("{name:<12} {:8.1} MB/s  ({best:.3} s; median of {} runs {:.1} MB/s)", rate(bytes, best), secs.len(), rate(bytes, median));
    out.expect("runs() is at least 1")
}

/// Runs a start-up step and prints how long it took.
fn build<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{name:<16} {:8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    out
}

fn main() {
    let text = corpus();
    let n = text.len();
    println!("{:.1} MB of news text (seed articles repeated)", n as f64 / 1e6);
    // Start-up: what `Annotator::new` builds (the browser build waits for all of it before it is ready).
    let t = Instant::now();
    let lexicon = build("build lexicon", Lexicon::shipped);
    let heads = build("build name phrases", Heads::shipped);
    let ner = build("build ner", Ner::shipped);
    let dates = build("build dates", Dates::new);
    build("build quotes", hashiya::recognize::quotes::Quotes::new);
    build("build words", || (common_words().len(), title_words().len()));
    println!("building the recognizers: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    // Warm-up, so the shared annotator's one-time construction is not timed.
    hashiya::annotate("قال", &Options::default());

    let norm = time("normalize", n, || Normalized::new(&text));
    let (lang, paragraphs) = time("lang+paragraphs", n, || lang::identify(&text));
    let tokens = time("tokenize", n, || tokenize::tokenize(&norm.text));
    let cx = Context { text: &text, norm: &norm, tokens: &tokens, lang, paragraphs: &paragraphs, reference: None };
    // Each stage sees the candidates of the stages before it, as in the pipeline (the tagger reads the
    // gazetteer's persons); a rerun drops its own earlier output first.
    let mut cands = Vec::new();
    for (name, r) in [("lexicon", &lexicon as &dyn Recognizer), ("heads", &heads), ("ner", &ner), ("dates", &dates)] {
        let before = cands.len();
        time(name, n, || {
            cands.truncate(before);
            r.propose(&cx, &mut cands);
        });
    }
    let proposed = cands.len();
    let spans = time("resolve", n, || resolve::resolve(&text, cands.clone()));
    let total = time("total", n, || hashiya::annotate(&text, &Options::default()));
    println!("{proposed} candidates resolved to {} spans; the full pipeline found {} spans", spans.len(), total.spans.len());
}
