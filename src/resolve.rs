//! Overlap resolution: the one place that turns overlapping candidates into the final, consistent spans.
//!
//! The rule:
//! 1. Spans form two layers. The quotation layer holds QUOTE and STATEMENT; the entity layer holds PER, LOC,
//!    ORG and DATE. Within a layer no two spans overlap. Across layers, a quotation may contain entities and
//!    dates, but an entity or date never straddles a quotation's edge.
//! 2. A quotation candidate whose range is exactly the range of a PER, LOC or ORG candidate is a name the
//!    newspaper put in quotes as a house style (`"نیکلاس مادورو"`, `لشبكة "تليسور"`): the name is kept and the
//!    quotation dropped. A date in quotes (`“اليوم التالي”`, a plan's name) stays a quotation, with its date
//!    inside.
//! 3. Within a layer, candidates are taken greedily by score, then length (longer first), then position
//!    (earlier first); a candidate that overlaps one already taken is dropped. Quotations are decided before
//!    entities, so an entity that would cut a quotation's edge is the one that goes.
//! 4. Exact duplicates (same label and range) are overlaps like any other: the strongest one stays, with the
//!    value, calendar or speaker it carries.
//! 5. Before that, a name that the tagger ([`READER`]), which reads the words around it, is sure of (score
//!    [`SURE_READING`] or more) and that strictly contains a shorter name from another recognizer is scored just
//!    above that part: the gazetteer knows the part (`حسين بن طلال` in `الملك حسين بن طلال`, `محمود حسين` in
//!    `محمود حسين هديب`, `دانشگاه آزاد اسلامی` in `دانشگاه آزاد اسلامی واحد زاهدان`, `شیراز` in
//!    `دانشگاه علوم پزشکی شیراز`), the tagger sees that the name goes on. A person's name gains only over
//!    people inside it (a place in it may be a name's word, `مايوركا`); a place or organisation over any name
//!    inside it, unless it ends in a country's name ([`SOURCE_COUNTRY`]): `کنگره ملی ونزوئلا` and `دولت ونزوئلا`
//!    are a body of the country, which stays a place of its own. Nor does a reading gain that holds two names of
//!    its label the lexicon found with only a conjunction or a comma between them: a list, which some corpora
//!    tag as one name.
//! 6. A Persian name phrase ([`SOURCE_PERSIAN`]: a head word and the words after it, `شرکت X`) that no reading
//!    of the tagger overlaps is dropped: without the article or a written construct, a head and a common noun
//!    after it (`مرکز بهداشت`, `شرکت تقسیط`) look like a name, and the tagger, which knows the words, reads
//!    none there.
//!
//! The result is sorted by start, longer first at equal starts, quotations before what they contain.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use crate::recognize::heads::SOURCE_PERSIAN;
use crate::recognize::lexicon::{SOURCE as LEXICON, SOURCE_COUNTRY};
use crate::span::{Candidate, Label, Span};

fn by_strength(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .partial_cmp(&a.score)
        .unwrap_or(Ordering::Equal)
        .then(b.span.len().cmp(&a.span.len()))
        .then(a.span.start.cmp(&b.span.start))
        .then(a.span.label.cmp(&b.span.label))
}

/// Non-overlapping spans of one layer, keyed by start, for logarithmic overlap queries.
#[derive(Default)]
struct Layer(BTreeMap<usize, Span>);

impl Layer {
    /// The taken spans that overlap `s`, latest first.
    fn overlapping<'a>(&'a self, s: &'a Span) -> impl Iterator<Item = &'a Span> + 'a {
        self.0.range(..s.end).rev().map(|(_, t)| t).take_while(move |t| t.end > s.start)
    }

    fn insert(&mut self, s: Span) {
        self.0.insert(s.start, s);
    }
}

/// The recognizer that reads names in context: the tagger ([`crate::ner`]).
pub const READER: &str = crate::ner::SOURCE;

/// The tagger's score from which its reading of a person's full name beats a part of it found by another
/// recognizer (on the tagger's scale, [`crate::ner::SCORE_MIN`] to [`crate::ner::SCORE_MAX`]).
pub const SURE_READING: f32 = 0.5;

/// Rule 5 of the module documentation: a sure reading of a name by the tagger, containing a shorter name from
/// another recognizer, is scored just above it.
fn prefer_read_names(text: &str, candidates: &mut [Candidate]) {
    // Names of the other recognizers by start; those starting inside a reading are found by binary search, so
    // the work is the number of candidates inside readings, not pairs.
    let mut names: Vec<Part> = candidates
        .iter()
        .filter(|c| c.span.label.is_entity() && c.source != READER)
        .map(|c| Part {
            start: c.span.start,
            end: c.span.end,
            score: c.score,
            label: c.span.label,
            country: c.source == SOURCE_COUNTRY,
            known: c.source.starts_with(LEXICON),
        })
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable_by_key(|p| (p.start, p.end));
    for c in candidates.iter_mut() {
        if c.source != READER || c.score < SURE_READING || !c.span.label.is_entity() {
            continue;
        }
        let (s, e) = (c.span.start, c.span.end);
        let from = names.partition_point(|p| p.start < s);
        let inside = || names[from..].iter().take_while(|p| p.start < e).filter(|p| p.end <= e && p.end - p.start < e - s);
        // An organisation or place of a country (`کنگره ملی ونزوئلا`, `دولت ونزوئلا`): the country stays a place.
        if c.span.label != Label::Per && inside().any(|p| p.country && p.end == e) {
            continue;
        }
        // A list read as one name (`سازمان انرژی اتمی ایران و آژانس بین‌المللی انرژی اتمی`: PEYMA tags lists
        // so): two names of its label the lexicon found inside it, a conjunction or a comma alone between them
        // (a name phrase may be one of a longer name's coordinated parts: `میراث فرهنگی، گردشگری و ...`).
        let mut last_end: Option<usize> = None;
        let list = inside().filter(|p| p.label == c.span.label && p.known).any(|p| {
            let joined = last_end.filter(|&le| le <= p.start).is_some_and(|le| {
                let gap = text.get(le..p.start).map_or("", |g| g.trim_matches([' ', '\u{200C}', '\u{A0}']));
                matches!(gap, "و" | "،" | ",")
            });
            last_end = Some(last_end.map_or(p.end, |le| le.max(p.end)));
            joined
        });
        if list {
            continue;
        }
        let best_part = inside()
            .filter(|p| c.span.label != Label::Per || p.label == Label::Per)
            .map(|p| p.score)
            .fold(f32::NEG_INFINITY, f32::max);
        if best_part >= c.score {
            c.score = best_part + 0.001;
        }
    }
}

/// Rule 6 of the module documentation: Persian name phrases that no reading of the tagger overlaps go.
fn drop_unread_phrases(candidates: &mut Vec<Candidate>) {
    if !candidates.iter().any(|c| c.source == SOURCE_PERSIAN) {
        return;
    }
    let mut read: Vec<(usize, usize)> =
        candidates.iter().filter(|c| c.source == READER && c.span.label.is_entity()).map(|c| (c.span.start, c.span.end)).collect();
    read.sort_unstable();
    // The furthest end of the readings up to each one (by start): a phrase is overlapped when some reading
    // starting before its end ends after its start.
    let mut furthest = Vec::with_capacity(read.len());
    let mut max_end = 0;
    for &(_, e) in &read {
        max_end = max_end.max(e);
        furthest.push(max_end);
    }
    candidates.retain(|c| {
        c.source != SOURCE_PERSIAN || {
            let n = read.partition_point(|&(s, _)| s < c.span.end);
            n > 0 && furthest[n - 1] > c.span.start
        }
    });
}

/// A name candidate of another recognizer than the tagger, as rule 5 looks at it.
struct Part {
    start: usize,
    end: usize,
    score: f32,
    label: Label,
    /// A country's name ([`SOURCE_COUNTRY`]).
    country: bool,
    /// A name the lexicon proposed ([`LEXICON`] and its other sources: the gazetteer's names, given names and
    /// titles with the words after them).
    known: bool,
}

/// Resolves overlapping candidates into final spans (see the module documentation for the rule).
pub fn resolve(text: &str, mut candidates: Vec<Candidate>) -> Vec<Span> {
    candidates.retain(|c| !c.span.is_empty());
    drop_unread_phrases(&mut candidates);
    prefer_read_names(text, &mut candidates);
    // A stable sort of indices, then one move per candidate: the same order as sorting the candidates, whose
    // size made the sort's moves dearer than its comparisons.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| by_strength(&candidates[a], &candidates[b]));
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    let sorted = order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take));

    let (quotes, entities): (Vec<Candidate>, Vec<Candidate>) = sorted.partition(|c| c.span.label.is_quotation());
    let names: HashSet<(usize, usize)> =
        entities.iter().filter(|e| e.span.label.is_entity()).map(|e| (e.span.start, e.span.end)).collect();

    let mut taken_q = Layer::default();
    for q in quotes {
        if names.contains(&(q.span.start, q.span.end)) || taken_q.overlapping(&q.span).next().is_some() {
            continue;
        }
        taken_q.insert(q.span);
    }

    let mut taken_e = Layer::default();
    for e in entities {
        let clashes = taken_e.overlapping(&e.span).next().is_some()
            || taken_q.overlapping(&e.span).any(|q| !q.contains(&e.span));
        if !clashes {
            taken_e.insert(e.span);
        }
    }

    let mut out: Vec<Span> = taken_q.0.into_values().collect();
    out.extend(taken_e.0.into_values());
    sort_spans(&mut out);
    out
}

/// Puts spans in document order: by start, longer first at equal starts, quotations before what they contain.
/// The order [`resolve`] returns and every later stage that adds spans keeps.
pub fn sort_spans(spans: &mut [Span]) {
    spans.sort_by(|a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(b.label.is_quotation().cmp(&a.label.is_quotation()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Label;

    fn c(label: Label, start: usize, end: usize, score: f32) -> Candidate {
        Candidate { span: Span::new(label, start, end), score, source: "test" }
    }

    fn r(cands: Vec<Candidate>) -> Vec<(Label, usize, usize)> {
        resolve("", cands).into_iter().map(|s| (s.label, s.start, s.end)).collect()
    }

    #[test]
    fn quotes_contain_entities_and_dates() {
        let out = r(vec![c(Label::Quote, 0, 50, 0.9), c(Label::Per, 10, 20, 0.6), c(Label::Date, 30, 40, 0.7)]);
        assert_eq!(out, [(Label::Quote, 0, 50), (Label::Per, 10, 20), (Label::Date, 30, 40)]);
    }

    #[test]
    fn entities_and_dates_do_not_overlap() {
        let out = r(vec![c(Label::Per, 0, 10, 0.6), c(Label::Loc, 5, 15, 0.5), c(Label::Date, 12, 20, 0.9)]);
        assert_eq!(out, [(Label::Per, 0, 10), (Label::Date, 12, 20)]);
    }

    #[test]
    fn longer_wins_at_equal_score() {
        let out = r(vec![c(Label::Per, 5, 10, 0.5), c(Label::Per, 0, 10, 0.5)]);
        assert_eq!(out, [(Label::Per, 0, 10)]);
    }

    #[test]
    fn name_in_quotes_is_a_name() {
        let out = r(vec![c(Label::Quote, 4, 12, 0.9), c(Label::Org, 4, 12, 0.5)]);
        assert_eq!(out, [(Label::Org, 4, 12)]);
    }

    #[test]
    fn date_in_quotes_stays_a_quotation() {
        let out = r(vec![c(Label::Quote, 4, 12, 0.9), c(Label::Date, 4, 12, 0.5)]);
        assert_eq!(out, [(Label::Quote, 4, 12), (Label::Date, 4, 12)]);
    }

    #[test]
    fn entity_straddling_a_quote_edge_is_dropped() {
        let out = r(vec![c(Label::Quote, 10, 30, 0.9), c(Label::Per, 5, 15, 0.9)]);
        assert_eq!(out, [(Label::Quote, 10, 30)]);
    }

    #[test]
    fn quotes_do_not_overlap_each_other() {
        let out = r(vec![c(Label::Quote, 0, 30, 0.8), c(Label::Statement, 20, 40, 0.5)]);
        assert_eq!(out, [(Label::Quote, 0, 30)]);
    }

    #[test]
    fn a_sure_reading_of_a_longer_name_wins_over_its_part() {
        let part = |start, end, score| Candidate { span: Span::new(Label::Per, start, end), score, source: "lexicon" };
        let read = |start, end, score| Candidate { span: Span::new(Label::Per, start, end), score, source: READER };
        type Case = (Vec<Candidate>, Vec<(Label, usize, usize)>);
        let cases: Vec<Case> = vec![
            // The tagger is sure the name goes on: its reading wins over the gazetteer's part, at either end.
            (vec![part(0, 10, 0.66), read(0, 16, 0.54)], vec![(Label::Per, 0, 16)]),
            (vec![part(6, 16, 0.6), read(0, 16, 0.52)], vec![(Label::Per, 0, 16)]),
            // Unsure, it does not.
            (vec![part(0, 10, 0.66), read(0, 16, 0.45)], vec![(Label::Per, 0, 10)]),
            // Only a reading that contains the part; one that only overlaps it does not gain.
            (vec![part(0, 10, 0.66), read(5, 16, 0.54)], vec![(Label::Per, 0, 10)]),
            // A reading of an organisation wins over a person inside it (`رژیم آل خلیفه`, see the regression
            // group); a longer name from another recognizer than the tagger does not.
            (
                vec![part(0, 10, 0.66), Candidate { span: Span::new(Label::Org, 0, 16), score: 0.54, source: READER }],
                vec![(Label::Org, 0, 16)],
            ),
            (vec![part(0, 10, 0.66), part(0, 16, 0.54)], vec![(Label::Per, 0, 10)]),
            // A shorter reading by the tagger itself is no part: scores decide.
            (vec![read(0, 10, 0.54), read(0, 16, 0.52)], vec![(Label::Per, 0, 10)]),
        ];
        for (cands, want) in cases {
            let desc = format!("{cands:?}");
            assert_eq!(r(cands), want, "{desc}");
        }
    }

    #[test]
    fn duplicates_collapse() {
        let out = r(vec![c(Label::Loc, 0, 5, 0.5), c(Label::Loc, 0, 5, 0.7), c(Label::Loc, 3, 3, 0.9)]);
        assert_eq!(out, [(Label::Loc, 0, 5)]);
    }

    mod regression {
        use super::*;

        fn from(source: &'static str, label: Label, start: usize, end: usize, score: f32) -> Candidate {
            Candidate { span: Span::new(label, start, end), score, source }
        }

        #[test]
        fn a_sure_reading_of_a_place_or_organisation_wins_over_a_name_inside_it() {
            use Label::{Loc, Org, Per};
            type Case = (&'static str, Vec<Candidate>, Vec<(Label, usize, usize)>);
            let cases: Vec<Case> = vec![
                // `دانشگاه آزاد اسلامی` (gazetteer) in `دانشگاه آزاد اسلامی واحد زاهدان` (tagger).
                ("organisation goes on", vec![from("lexicon", Org, 0, 30, 0.65), from(READER, Org, 0, 50, 0.54)], vec![(Org, 0, 50)]),
                // `شیراز` (gazetteer) in `دانشگاه علوم پزشکی شیراز`; `محیط زیست استان` (name phrase) and `البرز`
                // in `محیط زیست استان البرز`.
                ("place inside", vec![from("lexicon", Loc, 30, 40, 0.55), from(READER, Org, 0, 40, 0.54)], vec![(Org, 0, 40)]),
                (
                    "two parts",
                    vec![from("heads", Org, 0, 20, 0.64), from("lexicon", Loc, 21, 30, 0.55), from(READER, Org, 0, 30, 0.54)],
                    vec![(Org, 0, 30)],
                ),
                // A person inside an organisation (`رژیم آل خلیفه`), a place inside a longer place (`شمال اربیل`).
                ("person inside", vec![from("lexicon", Per, 10, 20, 0.6), from(READER, Org, 0, 20, 0.54)], vec![(Org, 0, 20)]),
                ("place in place", vec![from("lexicon", Loc, 10, 20, 0.55), from(READER, Loc, 0, 20, 0.54)], vec![(Loc, 0, 20)]),
                // A body of a country: `کنگره ملی ونزوئلا`, `دولت ونزوئلا`; the country stays.
                (
                    "country at the end",
                    vec![from(SOURCE_COUNTRY, Loc, 20, 30, 0.55), from(READER, Org, 0, 30, 0.54)],
                    vec![(Loc, 20, 30)],
                ),
                (
                    "country and a part",
                    vec![from("heads", Org, 0, 19, 0.61), from(SOURCE_COUNTRY, Loc, 20, 30, 0.55), from(READER, Org, 0, 30, 0.54)],
                    vec![(Org, 0, 19), (Loc, 20, 30)],
                ),
                // A country at the start is part of a place's name (`أمريكا اللاتينية`).
                ("country first", vec![from(SOURCE_COUNTRY, Loc, 0, 10, 0.55), from(READER, Loc, 0, 20, 0.54)], vec![(Loc, 0, 20)]),
                // A person's name gains over people only: a place in it may be the name (`مايوركا` in `مايوركا على`).
                ("person over place", vec![from("lexicon", Loc, 0, 10, 0.55), from(READER, Per, 0, 16, 0.54)], vec![(Loc, 0, 10)]),
                // Unsure readings do not gain.
                ("unsure", vec![from("lexicon", Loc, 30, 40, 0.55), from(READER, Org, 0, 40, 0.45)], vec![(Loc, 30, 40)]),
            ];
            for (what, cands, want) in cases {
                assert_eq!(r(cands), want, "{what}");
            }
        }

        #[test]
        fn a_list_read_as_one_name_does_not_gain() {
            // (text, the two organisations the other recognizers found in it, whether the tagger's reading of the
            // whole text is a list)
            let cases = [
                ("سازمان ملل و آژانس اتمی", ["سازمان ملل", "آژانس اتمی"], true),
                ("سازمان ملل، آژانس اتمی", ["سازمان ملل", "آژانس اتمی"], true),
                // One name with two names inside, no conjunction between them: the reading gains.
                ("بانک مرکزی جمهوری اسلامی", ["بانک مرکزی", "جمهوری اسلامی"], false),
            ];
            for (text, parts, list) in cases {
                let parts: Vec<(usize, usize)> =
                    parts.iter().filter_map(|p| text.find(p).map(|i| (i, i + p.len()))).collect();
                let mut cands: Vec<Candidate> = parts.iter().map(|&(a, b)| from("lexicon", Label::Org, a, b, 0.65)).collect();
                cands.push(from(READER, Label::Org, 0, text.len(), 0.54));
                let got: Vec<(usize, usize)> = resolve(text, cands).into_iter().map(|s| (s.start, s.end)).collect();
                let want = if list { parts } else { vec![(0, text.len())] };
                assert_eq!(got, want, "{text}");
            }
        }

        #[test]
        fn a_persian_name_phrase_needs_a_reading_of_the_tagger() {
            use Label::{Loc, Org};
            type Case = (&'static str, Vec<Candidate>, Vec<(Label, usize, usize)>);
            let cases: Vec<Case> = vec![
                // `مرکز بهداشت`, `شرکت تقسیط`: the tagger reads no name there.
                ("unread", vec![from(SOURCE_PERSIAN, Org, 10, 30, 0.64)], vec![]),
                // It reads one over it, inside it or across an edge, of any label and score: the phrase stands
                // and the overlap rule decides.
                ("read over", vec![from(SOURCE_PERSIAN, Org, 10, 30, 0.64), from(READER, Org, 10, 40, 0.4)], vec![(Org, 10, 30)]),
                ("read inside", vec![from(SOURCE_PERSIAN, Org, 10, 30, 0.64), from(READER, Loc, 20, 30, 0.54)], vec![(Org, 10, 30)]),
                ("read across", vec![from(SOURCE_PERSIAN, Loc, 10, 30, 0.64), from(READER, Loc, 0, 12, 0.3)], vec![(Loc, 10, 30)]),
                // A reading elsewhere does not count: before it (however long the list), after it, touching it.
                (
                    "read elsewhere",
                    vec![
                        from(READER, Loc, 0, 2, 0.54),
                        from(READER, Loc, 3, 10, 0.54),
                        from(SOURCE_PERSIAN, Org, 10, 30, 0.64),
                        from(READER, Loc, 30, 40, 0.54),
                    ],
                    vec![(Loc, 0, 2), (Loc, 3, 10), (Loc, 30, 40)],
                ),
                // Arabic phrases (`هيئة الإذاعة البريطانية`) and other recognizers need no reading.
                ("arabic", vec![from("heads", Org, 10, 30, 0.64), from("lexicon", Loc, 40, 50, 0.55)], vec![(Org, 10, 30), (Loc, 40, 50)]),
            ];
            for (what, cands, want) in cases {
                assert_eq!(r(cands), want, "{what}");
            }
        }
    }
}
