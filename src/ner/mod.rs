//! The learned PER / LOC / ORG recognizer: an averaged-perceptron sequence tagger over hashed features,
//! decoded with constrained Viterbi, shipped as `model/ner.bin` (trained by `hashiya train`).
//!
//! - [`features`](mod@features): what the tagger looks at (word, stems without proclitics, affixes, shape, neighbours,
//!   trigger words, word classes, word clusters, and what it said about the word earlier in the document), some
//!   of them also conjoined with the sentence's domain (the recognizer reads news of the paragraph's language).
//! - [`phrases`]: the list of whole names from the training corpora, matched over a sentence.
//! - [`stack`]: features of a second pass from the first pass's labels over the document (an experiment of
//!   `hashiya train --stack`, not run by the recognizer).
//! - [`clusters`]: the word-cluster table and how `hashiya train` learns it from the corpora's text.
//! - [`model`]: BIO tags and the BILOU states decoded, the binary format read in place, decoding.
//! - [`corpus`]: reading CoNLL-style corpora and mapping their tag sets onto PER / LOC / ORG.
//! - `train` (native only): training, cross-validation and evaluation.
//!
//! The tagger labels whole tokens (the corpora do); the recognizer then starts a name after its proclitics
//! when the evidence says they are proclitics (see [`name_start`]), so `لغوايدو` yields `غوايدو` while
//! `لبنان` stays whole.

pub mod clusters;
pub mod corpus;
pub mod features;
pub mod guess;
pub mod model;
pub mod phrases;
pub mod stack;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use std::collections::HashSet;

use crate::recognize::head_classes::{class_of_word, Class};
use crate::recognize::heads::{agrees_with_noun, is_description, is_head, is_heavy_name_part, is_place_name};
use crate::recognize::lexicon::common_words;
use crate::resolve::SURE_READING;
use crate::recognize::{Context, Recognizer};
use crate::span::Candidate;
use crate::tokenize::{strip_proclitic, Token, TokenKind, PROCLITICS};
use features::{domain_features, features, hash_str, hist_features, news_domain, tok_info, History, TokInfo, Triggers, ND_MAX, NF, NH};
use model::{tag_label, Model, NT};

/// The shipped model (see `hashiya train`).
pub const MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// The NER recognizer.
pub struct Ner {
    model: Option<Model<'static>>,
    triggers: &'static Triggers,
}

/// Scratch buffers for tagging one sentence.
#[derive(Default)]
pub struct Scratch {
    infos: Vec<TokInfo>,
    em: Vec<[i32; NT]>,
    back: Vec<[u8; NT]>,
    tags: Vec<u8>,
    states: Vec<u8>,
    /// What the tagger said in the document's earlier sentences.
    hist: History,
    /// Token infos of words seen before in the document.
    memo: InfoMemo,
}

/// The [`TokInfo`] of recently seen words, direct-mapped by word hash (news repeats its words: most tokens are
/// found here instead of being hashed nine ways and looked up in four tables again). A slot keeps its word and
/// kind, so a hit is exact. Filled by one [`Ner`]: a [`Scratch`] serves one document of one tagger.
#[derive(Default)]
struct InfoMemo {
    /// (word, kind, info); the kind is `None` in a slot not filled yet.
    slots: Vec<(String, Option<TokenKind>, TokInfo)>,
}

impl InfoMemo {
    /// Slots (a power of two).
    const SLOTS: usize = 4096;

    /// The info of `word` of kind `kind`, from the memo or computed by `info` and remembered.
    fn get(&mut self, word: &str, kind: TokenKind, info: impl FnOnce() -> TokInfo) -> TokInfo {
        if self.slots.is_empty() {
            self.slots.resize(InfoMemo::SLOTS, (String::new(), None, TokInfo::default()));
        }
        let i = hash_str(word) as usize & (InfoMemo::SLOTS - 1);
        let Some(slot) = self.slots.get_mut(i) else { return info() };
        if slot.1 == Some(kind) && slot.0 == word {
            return slot.2;
        }
        let t = info();
        slot.0.clear();
        slot.0.push_str(word);
        slot.1 = Some(kind);
        slot.2 = t;
        t
    }
}

impl Ner {
    /// The recognizer with the shipped model (proposes nothing if the model does not parse).
    pub fn shipped() -> Ner {
        Ner::from_bytes(MODEL)
    }

    /// A recognizer over model bytes.
    pub fn from_bytes(bytes: &'static [u8]) -> Ner {
        Ner { model: Model::parse(bytes), triggers: Triggers::shared() }
    }

    /// The model, if it parsed.
    pub fn model(&self) -> Option<&Model<'static>> {
        self.model.as_ref()
    }

    /// Tags the next sentence of a document (a fresh [`Scratch`] per document: the tagger remembers what it
    /// said in the sentences before); the BIO tags are left in `sc.tags` (the BILOU states the tagger decoded
    /// in `sc.states`). `domain` is the sentence's [`features::domain`] (the recognizer passes the news domain
    /// of its language, [`news_domain`]); a model without domain features ignores it.
    pub fn tag<'t>(&self, words: impl Iterator<Item = (&'t str, TokenKind)>, domain: u8, sc: &mut Scratch) {
        sc.infos.clear();
        let classes = self.model.as_ref().map_or(model::Classes::EMPTY, |m| m.classes());
        let clusters = self.model.as_ref().map_or(clusters::Clusters::EMPTY, |m| m.clusters());
        let memo = &mut sc.memo;
        sc.infos.extend(words.map(|(w, k)| memo.get(w, k, || tok_info(w, k, self.triggers, &classes, &clusters))));
        phrases::mark(&mut sc.infos, &self.model.as_ref().map_or(phrases::Phrases::EMPTY, |m| m.phrases()));
        tag_infos(self.model.as_ref(), &sc.infos, &sc.hist, domain, &mut sc.em, &mut sc.back, &mut sc.states);
        sc.hist.record(&sc.infos, &sc.states);
        model::to_bio(&sc.states, &mut sc.tags);
    }
}

/// Tags precomputed token infos of a sentence of domain `domain` with `model`, given the document's history,
/// leaving BILOU states in `tags` (all O without a model).
///
/// Its steps (`features`, `hist_features`, `domain_features`, `Model::emissions`, `viterbi`, and
/// `phrases::mark` before it) are `#[inline(never)]`: inlined, they made the recognizer's `propose` one large
/// function whose sums and indices spilled to the stack, and the tagger stage ran at 15–16 MB/s instead of 20
/// (`cargo bench --bench throughput`, best of 5, same machine and hour).
pub fn tag_infos(model: Option<&Model<'_>>, infos: &[TokInfo], hist: &History, domain: u8, em: &mut Vec<[i32; NT]>, back: &mut Vec<[u8; NT]>, tags: &mut Vec<u8>) {
    let Some(m) = model else {
        tags.clear();
        tags.resize(infos.len(), model::O);
        return;
    };
    em.clear();
    let mut f = [0u32; NF];
    let mut h = [0u32; NH];
    let mut d = [0u32; ND_MAX];
    let scheme = m.scheme();
    for i in 0..infos.len() {
        features(infos, i, &mut f);
        hist_features(infos, hist, i, &mut h);
        let nd = domain_features(&f, scheme, domain, &mut d);
        em.push(m.emissions(&f, &h, &d[..nd]));
    }
    m.viterbi(em, back, tags);
}

/// Whether a token ends a sentence for the tagger.
fn ends_sentence(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "؟" | "؛" | "…")
}

/// Where a name whose first token is `word` starts, in bytes into `word`: after proclitics when the evidence
/// says they are proclitics.
///
/// - A proclitic before the article (`وال`, `بال`, `ولل`) is split off (`والعراق` → `العراق`; a fused `لل`
///   stays, as written) unless the whole word is the better-known entity start.
/// - A proclitic before a bare word (`و`, `ب`, `ل`, `ك`, `ف` and combinations) is split off only when the rest
///   is a better-known entity start than the whole word in the training corpora (`model`), or the rest is
///   written on its own elsewhere in the document (`doc_has`); a rest of two letters must be far better known.
pub fn name_start(word: &str, model: Option<&Model<'_>>, doc_has: &mut dyn FnMut(&str) -> bool) -> usize {
    let freq = |s: &str| model.map_or(0, |m| m.entity_freq(hash_str(s)));
    let fw = freq(word);
    for p in PROCLITICS {
        let Some(rest) = strip_proclitic(word, p) else { continue };
        if rest.chars().nth(1).is_none() {
            continue;
        }
        let (k, article) = if p.ends_with("ال") {
            (p.len() - "ال".len(), true)
        } else if p.ends_with("لل") {
            (p.len() - "لل".len(), true)
        } else {
            (p.len(), false)
        };
        if k == 0 {
            continue;
        }
        let s = &word[k..];
        let fs = freq(s);
        // Two letters left bare must be far better known than the whole word: `وقم`, `وتل أبيب` are و + a
        // place, `فاس` and `بري` are names of their own.
        let strip = if article {
            fs >= fw || fw < 2
        } else if s.chars().nth(2).is_none() {
            u32::from(fs) > 8 * u32::from(fw)
        } else {
            fs > fw || (fw < 2 && doc_has(s))
        };
        if strip {
            return k;
        }
    }
    0
}

impl Recognizer for Ner {
    fn name(&self) -> &'static str {
        SOURCE
    }

    fn propose(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let Some(model) = self.model.as_ref() else { return };
        let t = cx.norm.text.as_str();
        let toks = cx.tokens;
        let mut sc = Scratch::default();
        let mut words: Option<HashSet<&str>> = None;
        let mut doc_has = |s: &str| {
            words
                .get_or_insert_with(|| toks.iter().filter(|k| k.kind == TokenKind::Word).map(|k| k.text(t)).collect())
                .contains(s)
        };
        // Pass 1: tag sentence by sentence.
        let mut found: Vec<Found> = Vec::new();
        let mut a = 0;
        while a < toks.len() {
            // One sentence: up to a sentence-final mark or a line break.
            let mut b = a + 1;
            while b < toks.len() && !ends_sentence(toks[b - 1].text(t)) && !t.as_bytes()[toks[b - 1].end..toks[b].start].contains(&b'\n') {
                b += 1;
            }
            let sent = &toks[a..b];
            // The news domain of the sentence's paragraph's language.
            let lang = cx.lang_at(cx.norm.orig_range(sent[0].start, sent[0].end).0);
            let domain = news_domain(lang);
            // Persian writes its prepositions and conjunction apart: no proclitic comes off a Persian name
            // (`لاریجانی` is not ل + `اریجانی`).
            let proclitics = lang != crate::lang::Lang::Fa;
            self.tag(sent.iter().map(|k| (k.text(t), k.kind)), domain, &mut sc);
            for (s, e, label) in entities(&sc.tags, sent) {
                let first = &sent[s];
                let w = first.text(t);
                let k = if first.kind == TokenKind::Word && proclitics { name_start(w, Some(model), &mut doc_has) } else { 0 };
                if s == e && common_word(&w[k..], model) {
                    continue;
                }
                // A relative adjective after a noun with the article agrees with it (`السلم الأهلي`).
                if s == e && label != crate::span::Label::Per && agrees_with_noun(t, first.start + k, first.end) {
                    continue;
                }
                let inner = |j: usize| {
                    let wj = sent[j].text(t);
                    common_word(wj, model) || (bare_trigger(&sc.infos[j]) && !wj.starts_with("ال"))
                };
                if !plausible_span(label, &sc.infos, s, e, &w[k..], inner) {
                    continue;
                }
                // A noun and adjectives of a place describe (`القوات الروسية`); the name-phrase rule's test.
                if label != crate::span::Label::Per && e > s && is_description(&w[k..], sent[s + 1..=e].iter().map(|x| x.text(t))) {
                    continue;
                }
                let margin = model.span_margin(&sc.em, &sc.states, s, e);
                // A government, army or authorities of a place (`دولت قانونی کاراکاس`) is a description by the
                // guide even where Persian adjectives keep `is_description` from saying so: never a sure reading,
                // so the place at its end keeps its own span (resolve.rs, rule 5).
                let government = label != crate::span::Label::Per
                    && e > s
                    && class_of_word(&w[k..]) == Some(Class::Government)
                    && is_place_name(sent[e].text(t));
                found.push(Found { label, first: a + s, last: a + e, start: first.start + k, margin, government });
            }
            a = b;
        }
        // The people the recognizers before this one found (original start, end, score), sorted.
        let mut people: Vec<(usize, usize, f32)> =
            out.iter().filter(|c| c.span.label == crate::span::Label::Per).map(|c| (c.span.start, c.span.end, c.score)).collect();
        people.sort_unstable_by_key(|p| (p.0, p.1));
        for f in found.iter().filter(|f| f.margin >= PROPOSE_MARGIN) {
            let sc = if f.government { score(f.margin).min(SURE_READING - 0.01) } else { score(f.margin) };
            out.push(cx.candidate(f.label, f.start, toks[f.last].end, sc, SOURCE));
            if let Some(c) = named_after_person(cx, toks, f, &people) {
                out.push(c);
            }
        }
        propagate(cx, Some(model), &found, out);
    }
}

/// A place or organisation the tagger reads as a head word and the start of a person's name that another
/// recognizer found longer (`خیابان کریم خان` against `کریم خان زند`) is named after that person: the reading
/// ends where the person's name ends (`خیابان کریم خان زند`), scored just above the person so that it wins the
/// overlap. `people` are the people the recognizers before the tagger found (original start, end, score),
/// sorted.
fn named_after_person(cx: &Context<'_>, toks: &[Token], f: &Found, people: &[(usize, usize, f32)]) -> Option<Candidate> {
    if f.label == crate::span::Label::Per || f.last == f.first || f.government {
        return None;
    }
    let t = cx.norm.text.as_str();
    let head = t.get(f.start..toks[f.first].end)?;
    if !is_head(head) {
        return None;
    }
    let after = cx.norm.orig_start(toks[f.first + 1].start);
    let end = cx.norm.orig_end(toks[f.last].end);
    let from = people.partition_point(|p| p.0 < after);
    let &(_, person_end, person_score) =
        people[from..].iter().take_while(|p| p.0 == after).filter(|p| p.1 > end).max_by_key(|p| p.1)?;
    let start = cx.norm.orig_start(f.start);
    Some(Candidate { span: crate::span::Span::new(f.label, start, person_end), score: person_score + 0.01, source: SOURCE })
}

/// An entity the tagger found: label, first and last token, start byte (after proclitics) in the normalized text.
struct Found {
    label: crate::span::Label,
    first: usize,
    last: usize,
    start: usize,
    /// The tagger's confidence ([`Model::span_margin`]).
    margin: i32,
    /// Headed by a government-class word ([`Class::Government`]): a description, never a sure reading.
    government: bool,
}

/// Whether a word is common and (almost) never part of a name in the name lists and corpora: seen 20 times or
/// more, under 5 % of them in a person's, place's or organisation's name. A one-word entity on such a word is
/// dropped (`سياسيًا`, `أصغر`).
fn common_word(w: &str, model: &Model<'_>) -> bool {
    let c = model.classes().get(hash_str(w));
    c & 0x3F == 0 && c >> 6 >= 2
}

/// Whether an entity the tagger found over tokens `s..=e` of a sentence (`infos`; `first` is its first word
/// after proclitics) can be a name: a place or organisation right after a title, whose first word has the
/// article, is the title's complement (`وزير الدفاع`, `رئيس الوزراء`), and a name does not run across a
/// common word, nor a place or organisation across a title or preposition without the article
/// (`للجيش أمام القاعدة`: `inner(j)` tells whether token `j` is one of those).
fn plausible_span(
    label: crate::span::Label,
    infos: &[TokInfo],
    s: usize,
    e: usize,
    first: &str,
    inner: impl Fn(usize) -> bool,
) -> bool {
    let after_title = s > 0 && infos.get(s - 1).is_some_and(|i| i.trig & features::class::TITLE != 0);
    if label == crate::span::Label::Per {
        return true;
    }
    let complement = after_title && first.starts_with("ال");
    !complement && !(s + 1..e).any(inner)
}

/// A title or a preposition (trigger classes), the words that end a place's or organisation's name.
fn bare_trigger(info: &TokInfo) -> bool {
    info.trig & (features::class::TITLE | features::class::PREP) != 0
}

/// A candidate's score from the tagger's confidence in it ([`Model::span_margin`]): from [`SCORE_MIN`] (a
/// tie with leaving it out) to [`SCORE_MAX`] (a margin of [`MARGIN_FULL`] or more), so that a confident tagger
/// wins an overlap against the gazetteer (0.55–0.7) and an unsure one gives way.
fn score(margin: i32) -> f32 {
    let x = (margin as f32 / MARGIN_FULL).clamp(0.0, 1.0);
    SCORE_MIN + (SCORE_MAX - SCORE_MIN) * x
}

/// The tagger's name as a recognizer, and the source of its candidates ([`crate::resolve::READER`]).
pub const SOURCE: &str = "ner";

/// The score of a tagger span that ties with leaving it out (the scores run from this to [`SCORE_MAX`]).
pub const SCORE_MIN: f32 = 0.3;
/// The score of a tagger span of margin [`MARGIN_FULL`] or more (scores grow linearly with the margin between).
pub const SCORE_MAX: f32 = 0.54;
/// The margin (quantised weight units, [`Model::span_margin`]) at which a tagger span scores [`SCORE_MAX`].
pub const MARGIN_FULL: f32 = 292.0;

/// The tagger proposes only entities it is at least this sure of ([`Model::span_margin`]). Alone it would do
/// better proposing everything (on the development corpora, dropping unsure entities loses more recall than it
/// gains precision), but beside the gazetteer, which already finds the known names, its unsure guesses are
/// mostly wrong (adjectives, common nouns), and other stages spread a wrong name to all its occurrences.
pub const PROPOSE_MARGIN: i32 = 58;

/// Only a name the tagger is this sure of ([`Model::span_margin`]) spreads to its other mentions: spreading
/// multiplies a mistake by the number of times the word is written.
pub const SPREAD_MARGIN: i32 = 87;

/// The score of a mention found by spreading a sure name ([`SPREAD_MARGIN`]) to its other occurrences rather
/// than by the tagger.
pub const SCORE_PROPAGATED: f32 = 0.3;

/// Document-level consistency: a name the tagger found once, surely enough, is a name wherever else it is
/// written in the document (after a proclitic too), with the label it was given most often; a person's last name alone
/// (`مادورو` after `نيكولاس مادورو`) is the person. Only whole-token matches outside the tagger's own entities.
fn propagate(cx: &Context<'_>, model: Option<&Model<'_>>, found: &[Found], out: &mut Vec<Candidate>) {
    use crate::span::Label;
    use std::collections::HashMap;
    if found.is_empty() {
        return;
    }
    let t = cx.norm.text.as_str();
    let toks = cx.tokens;
    // Names as token sequences (the first token from the name's start), with label votes.
    let mut names: HashMap<Vec<&str>, [u32; 3]> = HashMap::new();
    let li = |l: Label| match l {
        Label::Per => 0,
        Label::Loc => 1,
        _ => 2,
    };
    let mut covered = vec![false; toks.len()];
    for f in found {
        // Only the entities proposed cover their tokens: one the tagger was too unsure of to propose (often a
        // later mention it half-recognised from the history) is still open to the surer mention's label.
        if f.margin >= PROPOSE_MARGIN {
            covered[f.first..=f.last].iter_mut().for_each(|c| *c = true);
        }
        if f.margin < SPREAD_MARGIN {
            continue;
        }
        let mut key: Vec<&str> = Vec::with_capacity(f.last - f.first + 1);
        key.push(t.get(f.start..toks[f.first].end).unwrap_or(""));
        key.extend(toks[f.first + 1..=f.last].iter().map(|k| k.text(t)));
        if key.iter().any(|w| w.is_empty()) || key.len() > 6 {
            continue;
        }
        // A single word spreads only if it is long enough not to be a particle (`على` folds onto the name
        // `علي`) and is not a common word: (almost) never in a name, or written outside names more often than
        // in them (`الثاني` of `عبدالله الثاني`, `أمام`: the second half, in front of).
        let spreads = |w: &str| {
            w.chars().count() >= 4 && !model.is_some_and(|m| common_word(w, m)) && !common_words().contains(w)
        };
        if f.label == Label::Per && key.len() > 1 {
            // (nor a word that mostly continues places' and organisations' names: `عبدالکریم اسلامی`)
            if let Some(last) = key.last().filter(|w| spreads(w) && !is_heavy_name_part(w)) {
                names.entry(vec![*last]).or_insert([0; 3])[0] += 1;
            }
        }
        if key.len() == 1 && !spreads(key[0]) {
            continue;
        }
        names.entry(key).or_insert([0; 3])[li(f.label)] += 1;
    }
    // Looked up for every token: a fast hash ([`crate::hash::Fx`]) rather than the default SipHash.
    let mut by_first: crate::hash::FxMap<&str, Vec<(&[&str], Label)>> = Default::default();
    for (k, v) in &names {
        let best = (0..3).max_by_key(|&i| (v[i], 3 - i)).unwrap_or(0);
        let label = [Label::Per, Label::Loc, Label::Org][best];
        by_first.entry(k[0]).or_default().push((k.as_slice(), label));
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    }
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || toks[i].kind == TokenKind::Punct {
            i += 1;
            continue;
        }
        let w = toks[i].text(t);
        // The word itself, then after each proclitic sequence it may carry (keeping a fused لل as written).
        let mut starts = [0usize; 8];
        let mut n = 1;
        if toks[i].kind == TokenKind::Word {
            for p in PROCLITICS {
                if n < starts.len() && strip_proclitic(w, p).is_some_and(|r| r.chars().nth(1).is_some()) {
                    starts[n] = if p.ends_with("ال") { p.len() - "ال".len() } else { p.len() };
                    n += 1;
                }
            }
        }
        let mut matched = None;
        'outer: for &k in &starts[..n] {
            let Some(cands) = by_first.get(&w[k..]) else { continue };
            for &(key, label) in cands {
                let end = i + key.len();
                if end > toks.len() || (i + 1..end).any(|j| covered[j]) {
                    continue;
                }
                if key[1..].iter().zip(&toks[i + 1..end]).all(|(a, b)| *a == b.text(t)) {
                    matched = Some((k, end, label));
                    break 'outer;
                }
            }
        }
        match matched {
            Some((k, end, label)) => {
                out.push(cx.candidate(label, toks[i].start + k, toks[end - 1].end, SCORE_PROPAGATED, SOURCE));
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The entities of a tag sequence over `toks`: (first token, last token, label), punctuation trimmed from
/// the edges.
fn entities(tags: &[u8], toks: &[Token]) -> Vec<(usize, usize, crate::span::Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(label) = tag_label(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && tags[j] == model::begin_tag(label) + 1 {
            j += 1;
        }
        let (mut s, mut e) = (i, j - 1);
        while s < e && toks[s].kind == TokenKind::Punct {
            s += 1;
        }
        while e > s && toks[e].kind == TokenKind::Punct {
            e -= 1;
        }
        if toks[s].kind != TokenKind::Punct {
            out.push((s, e, label));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Label;
    use crate::recognize::Analysis;

    #[test]
    fn a_common_word_does_not_spread_as_a_surname() {
        // A sure person whose last word is a common word (`الثاني`, `أمام`) spreads as a whole name only; a
        // surname that is no common word spreads alone.
        let text = "التقى عبدالله الثاني ثم خوان غوايدو. في الشوط الثاني قال غوايدو كلمة. عبدالله الثاني وصل.";
        let analysis = Analysis::new(text, None);
        let cx = analysis.context(text, None);
        let t = cx.norm.text.as_str();
        let tok = |w: &str, n: usize| cx.tokens.iter().enumerate().filter(|(_, k)| k.text(t) == w).nth(n).map(|(i, _)| i).unwrap();
        let sure = |first: usize, last: usize| Found {
            label: Label::Per,
            first,
            last,
            start: cx.tokens[first].start,
            margin: SPREAD_MARGIN,
            government: false,
        };
        let found = [sure(tok("عبدالله", 0), tok("الثاني", 0)), sure(tok("خوان", 0), tok("غوايدو", 0))];
        let mut out = Vec::new();
        propagate(&cx, Ner::shipped().model.as_ref(), &found, &mut out);
        let got: Vec<&str> = out.iter().map(|c| &text[c.span.start..c.span.end]).collect();
        assert_eq!(got, ["غوايدو", "عبدالله الثاني"]);
    }

    #[test]
    fn no_proclitic_comes_off_a_persian_name() {
        // `لاریجانی` alone was read as ل + `اریجانی` (the rest a better-known name start): Persian writes its
        // prepositions apart, so every span of a Persian text starts where a word does.
        let text = "علی لاریجانی رئیس مجلس گفت که لاریجانی فردا به مشهد می رود و با بنیاد شهید دیدار می کند.";
        let analysis = Analysis::new(text, None);
        let cx = analysis.context(text, None);
        let mut out = Vec::new();
        Ner::shipped().propose(&cx, &mut out);
        assert!(out.iter().any(|c| &text[c.span.start..c.span.end] == "لاریجانی"), "{out:?}");
        for c in &out {
            assert!(c.span.start == 0 || text[..c.span.start].ends_with(' '), "{}", &text[c.span.start..c.span.end]);
        }
    }

    fn run(text: &str) -> Vec<(Label, String)> {
        let ner = Ner::shipped();
        let analysis = Analysis::new(text, None);
        let cx = analysis.context(text, None);
        let mut out = Vec::new();
        ner.propose(&cx, &mut out);
        out.into_iter().map(|c| (c.span.label, text[c.span.start..c.span.end].to_string())).collect()
    }

    #[test]
    fn plausible_spans() {
        use features::class::{PREP, TITLE};
        let info = |trig: u32| TokInfo { trig, ..TokInfo::default() };
        // (label, trigger classes of the sentence's tokens, first, last, first word, inner words, plausible)
        type Case<'a> = (Label, &'a [u32], usize, usize, &'a str, &'a [usize], bool);
        let cases: &[Case] = &[
            // After a title, a place or organisation with the article is the title's complement.
            (Label::Org, &[TITLE, 0, 0], 1, 2, "الدفاع", &[], false),
            (Label::Org, &[TITLE, 0, 0], 1, 2, "بيرو", &[], true),
            (Label::Per, &[TITLE, 0, 0], 1, 2, "الحسن", &[], true),
            (Label::Org, &[0, 0, 0], 1, 2, "الدفاع", &[], true),
            // A common word, title or preposition inside a place or organisation.
            (Label::Org, &[0, 0, 0, 0], 0, 3, "الجيش", &[1], false),
            (Label::Loc, &[0, TITLE | PREP, 0], 0, 2, "قاعدة", &[], false),
            // At the edges it is not inside.
            (Label::Org, &[0, 0, 0], 0, 2, "الجيش", &[2], true),
            (Label::Per, &[0, 0, 0, 0], 0, 3, "عبد", &[1], true),
        ];
        for (i, &(label, trig, s, e, first, common, want)) in cases.iter().enumerate() {
            let infos: Vec<TokInfo> = trig.iter().map(|&t| info(t)).collect();
            let inner = |j: usize| common.contains(&j) || bare_trigger(&infos[j]);
            assert_eq!(plausible_span(label, &infos, s, e, first, inner), want, "case {i}");
        }
    }

    #[test]
    fn info_memo_returns_what_tok_info_computes() {
        let ner = Ner::shipped();
        let m = ner.model().expect("model");
        let (classes, clusters) = (m.classes(), m.clusters());
        let info = |w: &str, k: TokenKind| tok_info(w, k, ner.triggers, &classes, &clusters);
        let mut memo = InfoMemo::default();
        // Repeats, the same text as two kinds, and more words than slots (evictions).
        let many: Vec<String> = (0..2 * InfoMemo::SLOTS).map(|i| format!("w{i}")).collect();
        let mut words: Vec<(&str, TokenKind)> = vec![("قال", TokenKind::Word), ("x", TokenKind::Latin), ("x", TokenKind::Word)];
        words.extend(many.iter().map(|w| (w.as_str(), TokenKind::Latin)));
        words.extend([("قال", TokenKind::Word), ("x", TokenKind::Latin), ("x", TokenKind::Word), ("", TokenKind::Punct)]);
        for (w, k) in words.iter().chain(words.iter()) {
            let got = memo.get(w, *k, || info(w, *k));
            assert_eq!(format!("{got:?}"), format!("{:?}", info(w, *k)), "{w} {k:?}");
        }
    }

    #[test]
    fn shipped_model_parses() {
        assert!(Ner::shipped().model().is_some());
    }

    #[test]
    fn finds_people_places_organisations() {
        let cases: &[(&str, Label, &str)] = &[
            ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الاتفاق.", Label::Per, "إيمانويل ماكرون"),
            ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الاتفاق.", Label::Loc, "باريس"),
            ("وذكرت وكالة رويترز أن الحكومة العراقية رفضت الطلب.", Label::Org, "رويترز"),
            ("حسن روحانی رئیس‌جمهور ایران روز شنبه به تهران بازگشت.", Label::Per, "حسن روحانی"),
            ("حسن روحانی رئیس‌جمهور ایران روز شنبه به تهران بازگشت.", Label::Loc, "تهران"),
        ];
        for (text, label, want) in cases {
            let got = run(text);
            assert!(got.contains(&(*label, want.to_string())), "{text}: want {label:?} {want}, got {got:?}");
        }
    }

    #[test]
    fn titles_stay_outside_person_names() {
        let got = run("قال الرئيس الفرنسي إيمانويل ماكرون إن الاتفاق مهم.");
        assert!(!got.iter().any(|(l, s)| *l == Label::Per && s.contains("الرئيس")), "{got:?}");
    }

    #[test]
    fn proclitics_are_split_off_by_evidence() {
        let m = Model::parse(MODEL);
        let mut none = |_: &str| false;
        let cases: &[(&str, &str)] = &[("والعراق", "العراق"), ("بالعراق", "العراق"), ("وللولايات", "للولايات"), ("لبنان", "لبنان")];
        for &(w, want) in cases {
            let w = crate::normalize::normalize_str(w);
            assert_eq!(&w[name_start(&w, m.as_ref(), &mut none)..], want, "{w}");
        }
        // Evidence from the document: the bare name is written elsewhere.
        let mut has = |s: &str| s == "غوايدو";
        assert_eq!(&"لغوايدو"[name_start("لغوايدو", m.as_ref(), &mut has)..], "غوايدو");
        let mut none = |_: &str| false;
        assert_eq!(name_start("لغوايدو", None, &mut none), 0);
        // Two letters left bare only when far better known than the whole word.
        for (w, want) in [("وقم", "قم"), ("وتل", "تل"), ("فاس", "فاس"), ("بري", "بري"), ("ولي", "ولي")] {
            assert_eq!(&w[name_start(w, m.as_ref(), &mut none)..], want, "{w}");
        }
    }

    /// The labels and normalized, space-separated texts of what the recognizer finds.
    fn found(text: &str) -> Vec<(Label, String)> {
        let norm = |s: &str| crate::normalize::normalize_str(s).replace('\u{200C}', " ");
        run(text).into_iter().map(|(l, s)| (l, norm(&s))).collect()
    }

    #[test]
    fn robust_to_spelling_variants() {
        // (text, the same text written another way news sites write it)
        let cases: &[(&str, &str)] = &[
            // Arabic yeh and kaf in Persian text.
            (
                "محمد جواد ظریف وزیر امور خارجه ایران روز دوشنبه در تهران با سرگئی لاوروف دیدار کرد.",
                "محمد جواد ظريف وزير امور خارجه ايران روز دوشنبه در تهران با سرگئي لاوروف ديدار كرد.",
            ),
            // A no-break space where the zero-width non-joiner belongs.
            (
                "حسن روحانی رئیس\u{200C}جمهور ایران می\u{200C}گوید سازمان ملل متحد در نیویورک است.",
                "حسن روحانی رئیس\u{00A0}جمهور ایران می\u{00A0}گوید سازمان ملل متحد در نیویورک است.",
            ),
            // Full diacritics.
            (
                "قال الرئيس الأمريكي دونالد ترامب في واشنطن إن وكالة رويترز نشرت الخبر.",
                "قَالَ الرَّئِيسُ الأَمْرِيكِيُّ دُونَالْد تْرَامْب فِي وَاشِنْطُن إِنَّ وَكَالَةَ رُويْتَرْز نَشَرَتِ الخَبَرَ.",
            ),
        ];
        for &(a, b) in cases {
            let (fa, fb) = (found(a), found(b));
            assert!(fa.iter().any(|(l, _)| *l == Label::Per), "{a}: {fa:?}");
            assert_eq!(fa, fb, "{a} / {b}");
        }
    }

    #[test]
    fn a_name_found_once_is_found_everywhere() {
        let text = "قال الرئيس الفنزويلي نيكولاس مادورو إن بلاده لن تستسلم. وأضاف مادورو أن الجيش معه. ودعا لمادورو أنصاره.";
        let got = run(text);
        let n = got.iter().filter(|(l, s)| *l == Label::Per && s == "مادورو").count();
        assert_eq!(n, 2, "{got:?}");
        assert!(got.contains(&(Label::Per, "نيكولاس مادورو".into())), "{got:?}");
    }

    #[test]
    fn no_panic_on_junk() {
        for text in ["", " ", "\u{0651}", "«»", ".", "\u{200C}\u{200C}", "a\0b\u{FFFF}", "ـــ", "و", "ال ال ال"] {
            let _ = run(text);
        }
        let long: String = "كلمة ".repeat(20_000);
        let _ = run(&long);
    }

    mod regression {
        use super::*;

        #[test]
        fn entity_of_only_punctuation_is_dropped() {
            let toks = crate::tokenize::tokenize("« »");
            assert!(entities(&[1, 2], &toks).is_empty());
        }

        #[test]
        fn a_government_of_a_place_leaves_the_place_a_place() {
            // The tagger reads `دولت قانونی کاراکاس` as an organisation; the guide has the place.
            let text = "گوایدو گفت دولت قانونی کاراکاس باید از مردم حمایت کند.";
            let doc = crate::annotate(text, &crate::Options::default());
            let got: Vec<(Label, &str)> = doc.spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
            assert!(got.contains(&(Label::Loc, "کاراکاس")), "{got:?}");
            assert!(!got.iter().any(|(_, s)| s.contains("دولت")), "{got:?}");
        }

        #[test]
        fn a_street_named_after_a_person_is_one_place() {
            // The tagger reads `خیابان کریم خان` and stops; the given-name rule reads the person `کریم خان زند`
            // on. The street is named after the whole person.
            let text = "او از کتاب فروشی های خیابان کریم خان زند کتاب خرید .";
            let doc = crate::annotate(text, &crate::Options::default());
            let got: Vec<(Label, &str)> = doc.spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
            assert_eq!(got, [(Label::Loc, "خیابان کریم خان زند")]);
        }
    }
}
