//! The DATE recognizer: dates and times in Arabic and Persian (Gregorian months of every Arabic system and of
//! Persian, Jalali and Hijri dates, weekdays, relative expressions, clock times, holidays), each with a
//! normalised value, its calendar and, for Jalali and Hijri dates, the Gregorian equivalent.
//!
//! Stages, one file each: [`lexicon`] (the vocabulary, month names generated from CLDR into
//! `data/date_names.tsv` by `scripts/build_date_names.py`), [`grammar`] (the matcher over tokens), [`value`]
//! (TIMEX3-style values and their resolution against a reference date), [`calendars`] (day arithmetic and
//! Jalali / Hijri conversion with `icu_calendar`).
//!
//! Span conventions (as in the seed gold): attached proclitics (و ف ب ل ك) and prepositions before a date
//! (`في`, `در`, `منذ` before a date: `منذ عام 1999`) are outside the span, except `ل` fused into the article
//! (`للعام المقبل`), kept as written as the GUIDE keeps `لل`; cue words that are part of the expression are
//! inside (`عام 2013`, `يوم السبت`, `منذ 3 أيام`, `هذا العام`), and so is a preposition that makes a bare
//! duration a time (`في 3 أسابيع`, `خلال أسبوعين`, `في غضون 30 يوما`, as the seed gold keeps `في غضون`).
//! Recognizers-Text's Arabic cases differ where they put `إلى` before a lone day (`عدت إلى 27`): a number
//! after `إلى` in news is a quantity (`ارتفع إلى 27`), and the preposition stays outside.

pub mod calendars;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod grammar;
pub mod lexicon;
pub mod value;

use super::{Context, Recognizer};
use crate::lang::Lang;
use crate::span::Label;

/// The date recognizer with its vocabulary.
pub struct Dates {
    vocab: lexicon::Vocab,
}

impl Dates {
    /// Builds the recognizer from the embedded tables.
    pub fn new() -> Dates {
        Dates { vocab: lexicon::Vocab::new() }
    }
}

impl Default for Dates {
    fn default() -> Self {
        Dates::new()
    }
}

/// Confidence of a date candidate: dates are matched by a grammar, so they beat gazetteer guesses.
const SCORE: f32 = 0.8;

impl Recognizer for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn propose(&self, cx: &Context<'_>, out: &mut Vec<crate::span::Candidate>) {
        let fa = |off: usize| cx.lang_at(cx.norm.orig_start(off)) == Lang::Fa;
        let mut m = grammar::Matcher::new(&self.vocab, &cx.norm.text, cx.tokens, &fa);
        for f in m.find_all() {
            let w = match cx.reference {
                Some(r) => f.val.resolve(r),
                None => f.val.write(),
            };
            let mut c = cx.candidate(Label::Date, f.start, f.end, SCORE, "dates");
            c.span.value = Some(w.value);
            c.span.calendar = Some(w.calendar);
            c.span.gregorian = w.gregorian;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests;
