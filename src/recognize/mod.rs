//! Recognizers: independent stages that each propose candidate spans over the analysed text.
//!
//! Every recognizer implements [`Recognizer`]: it reads a [`Context`] (the original text, its normalized
//! shadow copy with the offset map, the tokens, the language) and pushes [`Candidate`]s with byte offsets into
//! the original text. Recognizers are free to propose overlapping candidates; [`crate::resolve`] decides.

pub mod dates;
pub mod head_classes;
pub mod heads;
pub mod lexicon;
pub mod lexicon_data;
pub mod matcher;
pub mod quote_marks;
pub mod quotes;
pub mod speakers;
pub mod speech_words;
pub mod word_table;

use crate::lang::{Lang, Paragraph};
use crate::normalize::Normalized;
use crate::span::{Candidate, Label, Span};
use crate::tokenize::Token;
use crate::Ymd;

/// Everything a recognizer may look at, lent out by [`Analysis::context`].
pub struct Context<'a> {
    /// The original text, exactly as given.
    pub text: &'a str,
    /// The normalized shadow copy and its offset map.
    pub norm: &'a Normalized,
    /// Tokens over `norm.text`.
    pub tokens: &'a [Token],
    /// The document's language.
    pub lang: Lang,
    /// Paragraphs with their languages (byte offsets into `text`).
    pub paragraphs: &'a [Paragraph],
    /// The reference date, when the caller gave one.
    pub reference: Option<Ymd>,
}

/// The analysis every recognizer reads, built once per text: the normalized shadow copy, its tokens, and the
/// languages of the document and its paragraphs. [`Analysis::context`] lends it out as a [`Context`].
pub struct Analysis {
    /// The normalized shadow copy and its offset map.
    pub norm: Normalized,
    /// Tokens over `norm.text`.
    pub tokens: Vec<Token>,
    /// The document's language (identified, or the one forced).
    pub lang: Lang,
    /// Paragraphs with their languages.
    pub paragraphs: Vec<Paragraph>,
}

impl Analysis {
    /// Analyses `text`; `lang` forces the document language (paragraphs with their own evidence keep theirs).
    pub fn new(text: &str, lang: Option<Lang>) -> Analysis {
        let norm = Normalized::new(text);
        let (lang, paragraphs) = match lang {
            Some(forced) => (forced, crate::lang::paragraphs(text, forced)),
            None => crate::lang::identify(text),
        };
        let tokens = crate::tokenize::tokenize(&norm.text);
        Analysis { norm, tokens, lang, paragraphs }
    }

    /// The context recognizers read for `text` (the text this analysis was made from).
    pub fn context<'a>(&'a self, text: &'a str, reference: Option<Ymd>) -> Context<'a> {
        Context {
            text,
            norm: &self.norm,
            tokens: &self.tokens,
            lang: self.lang,
            paragraphs: &self.paragraphs,
            reference,
        }
    }
}

impl Context<'_> {
    /// Builds a candidate from a range of the normalized text, mapped back to the original.
    pub fn candidate(&self, label: Label, norm_start: usize, norm_end: usize, score: f32, source: &'static str) -> Candidate {
        let (s, e) = self.norm.orig_range(norm_start, norm_end);
        Candidate { span: Span::new(label, s, e), score, source }
    }

    /// The language of the paragraph holding original byte offset `at` (the document's if none).
    pub fn lang_at(&self, at: usize) -> Lang {
        let i = self.paragraphs.partition_point(|p| p.end < at);
        match self.paragraphs.get(i) {
            Some(p) if p.start <= at => p.lang,
            _ => self.lang,
        }
    }
}

/// A stage that proposes candidate spans.
pub trait Recognizer: Send + Sync {
    /// A short name for debugging and for [`Candidate::source`].
    fn name(&self) -> &'static str;
    /// Appends this recognizer's candidates for the document to `out`.
    fn propose(&self, cx: &Context<'_>, out: &mut Vec<Candidate>);
}
