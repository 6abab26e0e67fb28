//! Hashiya finds the people, places, organisations, dates and quotations in Arabic and Persian news text.
//!
//! The core is platform-free: it takes a `&str` and returns spans with byte offsets into it. The same core
//! runs natively (the `hashiya` command-line tool) and in the browser (the `wasm` module, compiled only for
//! `wasm32`, is the one place that touches JavaScript).
//!
//! The pipeline, one module a stage:
//! [`normalize`] (shadow copy with an offset map) → [`lang`] (ar / fa per document and paragraph) →
//! [`tokenize`] (words, proclitic stems) → [`recognize`] (candidates from independent recognizers) →
//! [`resolve`] (overlaps, in one place) → [`entities`] (mentions linked into entities) →
//! [`offsets`] (byte offsets converted to UTF-16 or scalar offsets at the edges).
//!
//! ```
//! let doc = hashiya::annotate("قال الرئيس نيكولاس مادورو في كاراكاس", &hashiya::Options::default());
//! assert_eq!(doc.lang, hashiya::Lang::Ar);
//! for s in &doc.spans {
//!     assert!(doc.text_of(s, "قال الرئيس نيكولاس مادورو في كاراكاس").len() > 0);
//! }
//! ```
#![deny(missing_docs)]

pub mod entities;
pub mod hash;
pub mod lang;
pub mod ner;
pub mod normalize;
pub mod offsets;
pub mod output;
pub mod recognize;
pub mod resolve;
pub mod span;
pub mod tokenize;
pub mod trim;
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use std::sync::OnceLock;

pub use lang::{Lang, Paragraph};
pub use span::{Calendar, Candidate, Entity, Label, Span, Speaker};

use recognize::{Analysis, Recognizer};

/// A calendar date (proleptic Gregorian), used for the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Ymd {
    /// Parses `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(s: &str) -> Result<Ymd, String> {
        let bad = || format!("not a date in the form YYYY-MM-DD: {s:?}");
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next().ok_or_else(bad)?, it.next().ok_or_else(bad)?, it.next().ok_or_else(bad)?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("no such day: {s}"));
        }
        Ok(Ymd { year, month, day })
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in a Gregorian month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Options for one annotation call.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date the text was written, to turn relative dates into concrete ones.
    pub reference: Option<Ymd>,
    /// Force the document language instead of identifying it.
    pub lang: Option<Lang>,
}

/// The annotations of one document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document's language.
    pub lang: Lang,
    /// Paragraphs and their languages.
    pub paragraphs: Vec<Paragraph>,
    /// Final spans, sorted by start (byte offsets into the original text).
    pub spans: Vec<Span>,
    /// Entities, each grouping PER/LOC/ORG mentions in `spans`.
    pub entities: Vec<Entity>,
}

impl Document {
    /// The text of a span in the document it was made from.
    pub fn text_of<'a>(&self, span: &Span, text: &'a str) -> &'a str {
        text.get(span.start..span.end).unwrap_or("")
    }

    /// Every byte offset the document's spans and speakers use (for [`offsets::OffsetTable`]).
    pub fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        let spans = self.spans.iter().flat_map(|s| {
            let sp = s.speaker.as_ref().map(|sp| [sp.start, sp.end]);
            [s.start, s.end].into_iter().chain(sp.into_iter().flatten())
        });
        spans.chain(self.paragraphs.iter().flat_map(|p| [p.start, p.end]))
    }
}

/// The annotator: the recognizers with their data, built once.
pub struct Annotator {
    recognizers: Vec<Box<dyn Recognizer>>,
}

impl Default for Annotator {
    fn default() -> Self {
        Annotator::new()
    }
}

impl Annotator {
    /// Builds the annotator with the recognizers and data shipped in the binary.
    pub fn new() -> Annotator {
        let recognizers: Vec<Box<dyn Recognizer>> = vec![
            Box::new(recognize::lexicon::Lexicon::shipped()),
            Box::new(recognize::heads::Heads::shipped()),
            Box::new(ner::Ner::shipped()),
            Box::new(recognize::dates::Dates::new()),
            // Last: it reads the entity candidates proposed before it (names in quotes, speakers).
            Box::new(recognize::quotes::Quotes::new()),
        ];
        Annotator { recognizers }
    }

    /// Annotates `text`. Never fails and never panics, whatever the input.
    pub fn annotate(&self, text: &str, opts: &Options) -> Document {
        let analysis = Analysis::new(text, opts.lang);
        let cx = analysis.context(text, opts.reference);
        let mut candidates = Vec::new();
        let addresses = web::addresses(text);
        for r in &self.recognizers {
            let from = candidates.len();
            r.propose(&cx, &mut candidates);
            // Before the next recognizer reads them (the quotation recognizer takes its speakers from them).
            trim::trim(text, &mut candidates[from..]);
            web::drop_inside(&addresses, &mut candidates[from..]);
        }
        let valid = |a: usize, b: usize| a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b);
        candidates.retain(|c| valid(c.span.start, c.span.end));
        for c in &mut candidates {
            if c.span.speaker.as_ref().is_some_and(|sp| !valid(sp.start, sp.end)) {
                c.span.speaker = None;
            }
        }
        let mut spans = resolve::resolve(text, candidates);
        let glosses = entities::glosses(text, &mut spans);
        entities::propagate(text, &analysis.norm, &mut spans);
        let entities = entities::link_with(text, &mut spans, &glosses);
        Document { lang: analysis.lang, paragraphs: analysis.paragraphs, spans, entities }
    }
}

/// The shared annotator (built on first use).
pub fn annotator() -> &'static Annotator {
    static A: OnceLock<Annotator> = OnceLock::new();
    A.get_or_init(Annotator::new)
}

/// Annotates `text` with the shared annotator. Never fails and never panics.
pub fn annotate(text: &str, opts: &Options) -> Document {
    annotator().annotate(text, opts)
}
