//! Training, cross-validation and evaluation of the NER tagger (native only: `hashiya train`, `hashiya eval`).
//!
//! Training is a structured averaged perceptron (Collins 2002) with constrained Viterbi, over the hashed
//! features of [`super::features`](mod@super::features), on the training splits named in [`SOURCES`], in a fixed order shuffled by
//! a fixed seed: the same corpora give the same model, byte for byte. A linear-chain CRF objective over the same
//! features (`src/ner/train/crf.rs`, `--objective crf`) is an experiment, not shipped. Corpus tokens are normalized and
//! re-tokenized exactly as the annotator tokenizes text, so the tagger sees at run time what it saw in training.
//! Persian sentences are also seen once more with their zero-width non-joiners written as spaces (news text
//! often loses them), so quality holds when they are missing.
//!
//! Evaluation tags each corpus sentence and compares entity spans over the corpus's own tokens (exact span,
//! micro-averaged over PER / LOC / ORG), the usual CoNLL measure.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::clusters::{self, Clusters};
use super::corpus::{self, Sentence};
use super::features::{domain, domain_feature_count, domain_features, features, hash_str, hist_features, tok_info, History, TokInfo, Triggers, HISTORY_SENTENCES, ND_MAX, NF, NH};
use super::model::{self, freq_index, viterbi, Classes, Model, NT};
use super::guess::Guess;
use super::phrases::{self, Phrases};
use super::stack::{stack_features, DocLabels, NS};
use crate::normalize::normalize_str;
use crate::span::Label;
use crate::tokenize::{tokenize, TokenKind};

mod crf;

/// A training or development corpus: a name, its path under the corpora folder, and its role.
pub struct Source {
    /// Short name (`--only` selects by it).
    pub name: &'static str,
    /// Path under the corpora folder.
    pub path: &'static str,
    /// How the file is used.
    pub role: Role,
    /// Its genre and conventions ([`domain`]): the domain its training sentences are seen with, and for a
    /// development file its own domain (scored as the product reads it, with [`product_domain`], and also so).
    pub domain: u8,
}

/// The domain the product tags a sentence of domain `d` with: the news of its language.
pub fn product_domain(d: u8) -> u8 {
    match d {
        domain::FA_NEWS | domain::FA_TWITTER | domain::FA_ARMAN => domain::FA_NEWS,
        _ => domain::AR_NEWS,
    }
}

/// How a corpus file is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Sequence training data.
    Train,
    /// Development data: scored after training, never trained on.
    Dev,
    /// Silver data, never trained on as sequences: the names it marks give the word-class table (a word's
    /// shares of person, place and organisation names) and the entity-start frequencies.
    Names,
}

/// The corpora the shipped model is trained on (see ../shared/corpora/README.md for their terms).
pub const SOURCES: &[Source] = &[
    Source { name: "anercorp", path: "anercorp/train.txt", role: Role::Train, domain: domain::AR_NEWS },
    Source { name: "aqmar", path: "aqmar/train.txt", role: Role::Train, domain: domain::AR_WIKI },
    Source { name: "wojood", path: "wojood_sample/train.txt", role: Role::Train, domain: domain::AR_NEWS },
    Source { name: "peyma", path: "peyma/train.txt", role: Role::Train, domain: domain::FA_NEWS },
    Source { name: "arman", path: "arman/train.txt", role: Role::Train, domain: domain::FA_NEWS },
    Source { name: "parstwiner", path: "parstwiner/train.txt", role: Role::Train, domain: domain::FA_TWITTER },
    Source { name: "peyma", path: "peyma/dev.txt", role: Role::Dev, domain: domain::FA_NEWS },
    Source { name: "aqmar", path: "aqmar/dev.txt", role: Role::Dev, domain: domain::AR_WIKI },
    Source { name: "parstwiner", path: "parstwiner/dev.txt", role: Role::Dev, domain: domain::FA_TWITTER },
    Source { name: "wojood", path: "wojood_sample/val.txt", role: Role::Dev, domain: domain::AR_NEWS },
    Source { name: "wikiann", path: "wikiann/ar/train", role: Role::Names, domain: domain::NONE },
    Source { name: "wikiann", path: "wikiann/ar/extra", role: Role::Names, domain: domain::NONE },
    Source { name: "wikiann", path: "wikiann/fa/train", role: Role::Names, domain: domain::NONE },
    Source { name: "wikiann", path: "wikiann/fa/extra", role: Role::Names, domain: domain::NONE },
];

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpora folder.
    pub corpora: PathBuf,
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the number of weight rows.
    pub bits: u32,
    /// log2 of the size of the entity-start frequency table.
    pub fbits: u32,
    /// log2 of the number of slots of the word-class table.
    pub lbits: u32,
    /// log2 of the number of slots of the word-cluster table (0: no clusters).
    pub cbits: u32,
    /// log2 of the number of slots of the name-phrase table (0: no phrase list).
    pub pbits: u32,
    /// Parts the training data is cut into for the jackknifed phrase list (each part's features come from a
    /// list made from the others).
    pub pfolds: usize,
    /// Names of the name lists (WikiANN) marked at least this often join the phrase list (0: none do); the
    /// corpora's own names win where both list a phrase.
    pub pwiki: u32,
    /// Shuffling seed.
    pub seed: u64,
    /// Number of perceptrons (each with its own shuffling) whose weights are summed.
    pub ensemble: usize,
    /// Train only on these corpora (by name); all when empty.
    pub only: Vec<String>,
    /// A development file scored after every epoch (float weights), to see where training stops helping.
    pub trace: Option<PathBuf>,
    /// A file to write the learned word clusters to (id, word), to look at them.
    pub dump_clusters: Option<PathBuf>,
    /// Also learn a second, stacked pass ([`super::stack`]) and score it against the first (float weights).
    pub stack: bool,
    /// With `stack`: one weight table for both passes, trained on every sentence with and without the
    /// stacking features.
    pub stack_both: bool,
    /// The domain-feature scheme ([`super::features::domain_templates`]; 0: no domain features).
    pub domains: u8,
    /// With `domains`: the news corpora (PEYMA, ARMAN, ANERcorp, Wojood, unless `domain_of` says otherwise) get no domain,
    /// only the others do, and the model keeps no domain features: they only absorb the other genres'
    /// conventions in training, and the product tags with the shared weights alone.
    pub news_general: bool,
    /// With `domains`: corpora (by name) seen as of another domain than their own ([`SOURCES`]).
    pub domain_of: Vec<(String, u8)>,
    /// With `--cv`: the folds are cut from the selected corpora only and every other training corpus always
    /// trains (the shipped configuration scored on held-out parts of the selected corpora).
    pub keep_rest: bool,
    /// log2 of the rows of the letter-n-gram guesser ([`Guess`]; 0: none).
    pub gbits: u32,
    /// Passes the guesser's training makes over the word types.
    pub gepochs: usize,
    /// In training, the chance (in 1/1000) that any one feature row but the bias is left out of one visit of a
    /// sentence (feature dropout: no single strong feature carries a name alone).
    pub fdrop: u32,
    /// What the weights are learned by (the stacked second pass is always a perceptron).
    pub objective: Objective,
    /// With the CRF objective: the initial learning rate (it falls as `eta0 / (1 + t / n)`).
    pub eta0: f64,
    /// With the CRF objective: the L2 penalty `C` (the objective is the log-likelihood minus `C/2 |w|^2`).
    pub l2: f64,
}

/// The training objective of the tagger's weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// The structured averaged perceptron (shipped).
    Perceptron,
    /// A linear-chain CRF trained by averaged SGD on the log-likelihood (`src/ner/train/crf.rs`).
    Crf,
}

impl Default for Config {
    fn default() -> Self {
        Config { corpora: PathBuf::from("../shared/corpora"), epochs: 15, bits: 17, fbits: 17, lbits: 18, cbits: 17, pbits: 16, pfolds: 5, pwiki: 4, seed: 1, ensemble: 1, only: Vec::new(), trace: None, dump_clusters: None, stack: false, stack_both: false, domains: 1, domain_of: shipped_domain_of(), news_general: false, keep_rest: false, gbits: 16, gepochs: 5, fdrop: 200, objective: Objective::Perceptron, eta0: 0.03, l2: 3.0 }
    }
}

/// The corpora the shipped model sees as of another domain than their own ([`Config::domain_of`]): AQMAR
/// (Wikipedia) as Arabic news, so the news weights the product tags Arabic with keep what AQMAR teaches (with a
/// domain of its own, AQMAR read as news lost 5 points), and ARMAN as its own domain (its organisations include
/// countries acting as actors and nationalities; as Persian news it taught PEYMA's reading that convention).
fn shipped_domain_of() -> Vec<(String, u8)> {
    vec![("aqmar".to_string(), domain::AR_NEWS), ("arman".to_string(), domain::FA_ARMAN)]
}

/// A corpus sentence prepared for the tagger: the annotator's tokens ("pieces") with their features.
#[derive(Clone)]
pub struct Prepared {
    /// Feature rows, `stride` per piece: the `NF` features, then the domain-conjoined ones.
    rows: Vec<u32>,
    /// Feature rows per piece.
    stride: usize,
    /// The sentence's domain ([`domain`]).
    domain: u8,
    /// Gold BILOU state per piece.
    tags: Vec<u8>,
    /// For each corpus token, the piece whose tag it takes (its first non-punctuation piece, else its first;
    /// `u32::MAX` when it has none).
    lead: Vec<u32>,
    /// Gold tags over the corpus tokens.
    gold: Vec<u8>,
    /// What the tagger knows of each piece (for the history features, computed as the sentence is tagged).
    infos: Vec<TokInfo>,
}

/// The weight rows of the history features of a prepared sentence, given what was tagged before it.
fn hist_rows(bits: u32, p: &Prepared, hist: &History, out: &mut Vec<u32>) {
    out.clear();
    let mut f = [0u32; NH];
    for i in 0..p.infos.len() {
        hist_features(&p.infos, hist, i, &mut f);
        out.extend(f.iter().map(|&h| Model::row(bits, h) as u32));
    }
}

/// Splits corpus tokens into the annotator's tokens, carrying the tags over; `zwnj_as_space` writes ZWNJ as a
/// space first. Returns (piece text, kind, tag, corpus token index).
fn pieces(s: &Sentence, zwnj_as_space: bool) -> Vec<(String, TokenKind, u8, u32)> {
    let mut out = Vec::new();
    for (i, (tok, &tag)) in s.tokens.iter().zip(&s.tags).enumerate() {
        let mut norm = normalize_str(tok);
        if zwnj_as_space {
            norm = norm.replace('\u{200C}', " ");
        }
        let toks = tokenize(&norm);
        let non_punct: Vec<usize> = (0..toks.len()).filter(|&j| toks[j].kind != TokenKind::Punct).collect();
        let (first, last) = match (non_punct.first(), non_punct.last()) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (0, toks.len().saturating_sub(1)),
        };
        let inside = model::tag_label(tag).map_or(model::O, |l| model::begin_tag(l) + 1);
        // Punctuation after the last word stays in the entity only when the next token continues it.
        let continues = inside != model::O && s.tags.get(i + 1) == Some(&inside);
        for (j, t) in toks.iter().enumerate() {
            let pt = if tag == model::O {
                model::O
            } else if j < first {
                if tag == inside { inside } else { model::O }
            } else if j == first {
                tag
            } else if j > last && !continues {
                model::O
            } else {
                inside
            };
            out.push((t.text(&norm).to_string(), t.kind, pt, i as u32));
        }
    }
    let mut tags: Vec<u8> = out.iter().map(|p| p.2).collect();
    corpus::repair(&mut tags);
    for (p, t) in out.iter_mut().zip(tags) {
        p.2 = t;
    }
    out
}

/// What feature extraction needs: trigger words, the word-class table, the weight-table size.
pub struct Fx<'a> {
    /// Trigger words.
    pub trig: &'a Triggers,
    /// Word classes.
    pub classes: Classes<'a>,
    /// Word clusters.
    pub clusters: Clusters<'a>,
    /// Listed name phrases.
    pub phrases: Phrases<'a>,
    /// log2 of the number of weight rows.
    pub bits: u32,
    /// The domain-feature scheme (0: none).
    pub scheme: u8,
}

/// Prepares a sentence for training or evaluation (seen as of its own domain, `s.domain`).
pub fn prepare(s: &Sentence, fx: &Fx<'_>, zwnj_as_space: bool) -> Prepared {
    let mut p = prepare_infos(s, fx, zwnj_as_space);
    featurize(&mut p, &fx.phrases, fx.bits, fx.scheme);
    p
}

/// Marks the listed phrases of a prepared sentence and computes its feature rows (with the domain-conjoined
/// features of `scheme`).
fn featurize(p: &mut Prepared, ph: &Phrases<'_>, bits: u32, scheme: u8) {
    phrases::mark(&mut p.infos, ph);
    let mut f = [0u32; NF];
    let mut d = [0u32; ND_MAX];
    p.stride = NF + domain_feature_count(scheme, p.domain);
    p.rows.clear();
    p.rows.reserve(p.infos.len() * p.stride);
    for i in 0..p.infos.len() {
        features(&p.infos, i, &mut f);
        let nd = domain_features(&f, scheme, p.domain, &mut d);
        p.rows.extend(f.iter().chain(&d[..nd]).map(|&h| Model::row(bits, h) as u32));
    }
}

/// Prepares a sentence without its feature rows ([`featurize`] adds them).
fn prepare_infos(s: &Sentence, fx: &Fx<'_>, zwnj_as_space: bool) -> Prepared {
    let trig = fx.trig;
    let ps = pieces(s, zwnj_as_space);
    let infos: Vec<TokInfo> = ps.iter().map(|p| tok_info(&p.0, p.1, trig, &fx.classes, &fx.clusters)).collect();
    let rows = Vec::new();
    let mut lead = vec![u32::MAX; s.tokens.len()];
    for (i, p) in ps.iter().enumerate() {
        let l = &mut lead[p.3 as usize];
        let is_punct = |j: u32| ps.get(j as usize).is_some_and(|q| q.1 == TokenKind::Punct);
        if *l == u32::MAX || (is_punct(*l) && p.1 != TokenKind::Punct) {
            *l = i as u32;
        }
    }
    let bio: Vec<u8> = ps.iter().map(|p| p.2).collect();
    let mut tags = Vec::with_capacity(bio.len());
    model::to_states(&bio, &mut tags);
    Prepared { rows, stride: NF, domain: s.domain, tags, lead, gold: s.tags.clone(), infos }
}

/// Reads a corpus file.
pub fn read(path: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(corpus::parse(&text))
}

/// Exact-span counts per label.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// (true positives, predicted, gold) for PER, LOC, ORG.
    pub by: [(usize, usize, usize); 3],
}

fn li(l: Label) -> usize {
    match l {
        Label::Per => 0,
        Label::Loc => 1,
        _ => 2,
    }
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Counts {
    /// Adds the spans of one sentence.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = corpus::spans(gold);
        let p = corpus::spans(pred);
        for s in &g {
            self.by[li(s.2)].2 += 1;
        }
        for s in &p {
            self.by[li(s.2)].1 += 1;
            if g.contains(s) {
                self.by[li(s.2)].0 += 1;
            }
        }
    }

    /// Micro-averaged F1 over the three labels.
    pub fn micro_f1(&self) -> f64 {
        let (tp, p, g) = self.by.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        prf(tp, p, g).2
    }

    /// A table: one line per label, then the micro average.
    pub fn report(&self) -> String {
        let mut s = String::from("label  precision  recall  F1      gold\n");
        for (i, name) in ["PER", "LOC", "ORG"].iter().enumerate() {
            let (tp, p, g) = self.by[i];
            let (pp, rr, ff) = prf(tp, p, g);
            let _ = writeln!(s, "{name:<6} {pp:.4}     {rr:.4}  {ff:.4}  {g}");
        }
        let (tp, p, g) = self.by.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let (pp, rr, ff) = prf(tp, p, g);
        let _ = writeln!(s, "micro  {pp:.4}     {rr:.4}  {ff:.4}  {g}");
        s
    }
}

/// Float weights during training, with the sums for averaging.
struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    acc: Vec<f64>,
    start: [f32; NT],
    start_acc: [f64; NT],
    trans: [[f32; NT]; NT],
    trans_acc: [[f64; NT]; NT],
    /// Update counter (one per sentence seen).
    c: f64,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * NT;
        Perceptron {
            bits,
            w: vec![0.0; n],
            acc: vec![0.0; n],
            start: [0.0; NT],
            start_acc: [0.0; NT],
            trans: [[0.0; NT]; NT],
            trans_acc: [[0.0; NT]; NT],
            c: 1.0,
        }
    }

    /// Emission scores; `extra` holds [`NS`] stacking feature rows per token, or is empty.
    fn emissions(w: &[f32], p: &Prepared, hrows: &[u32], extra: &[u32], em: &mut Vec<[f32; NT]>) {
        em.clear();
        for (i, (fs, hs)) in p.rows.chunks_exact(p.stride).zip(hrows.chunks_exact(NH)).enumerate() {
            let mut e = [0f32; NT];
            for &r in fs.iter().chain(hs).chain(extra.get(i * NS..i * NS + NS).unwrap_or(&[])) {
                if r == DROPPED {
                    continue;
                }
                let row = &w[r as usize * NT..r as usize * NT + NT];
                for t in 0..NT {
                    e[t] += row[t];
                }
            }
            em.push(e);
        }
    }

    fn update(&mut self, p: &Prepared, hrows: &[u32], extra: &[u32], pred: &[u8]) {
        let c = self.c;
        let mut prev: Option<(u8, u8)> = None;
        for (i, (&g, &q)) in p.tags.iter().zip(pred).enumerate() {
            if g != q {
                for &r in p.rows[i * p.stride..(i + 1) * p.stride].iter().chain(&hrows[i * NH..i * NH + NH]).chain(extra.get(i * NS..i * NS + NS).unwrap_or(&[])) {
                    if r == DROPPED {
                        continue;
                    }
                    let base = r as usize * NT;
                    self.w[base + g as usize] += 1.0;
                    self.acc[base + g as usize] += c;
                    self.w[base + q as usize] -= 1.0;
                    self.acc[base + q as usize] -= c;
                }
            }
            match prev {
                None => {
                    if g != q {
                        self.start[g as usize] += 1.0;
                        self.start_acc[g as usize] += c;
                        self.start[q as usize] -= 1.0;
                        self.start_acc[q as usize] -= c;
                    }
                }
                Some((pg, pq)) => {
                    if (pg, g) != (pq, q) {
                        self.trans[pg as usize][g as usize] += 1.0;
                        self.trans_acc[pg as usize][g as usize] += c;
                        self.trans[pq as usize][q as usize] -= 1.0;
                        self.trans_acc[pq as usize][q as usize] -= c;
                    }
                }
            }
            prev = Some((g, q));
        }
    }

    /// The averaged weights: w - acc / c.
    fn averaged(&self) -> (Vec<f32>, [f32; NT], [[f32; NT]; NT]) {
        let c = self.c;
        let w = self.w.iter().zip(&self.acc).map(|(&w, &a)| (f64::from(w) - a / c) as f32).collect();
        let mut start = [0f32; NT];
        let mut trans = [[0f32; NT]; NT];
        for t in 0..NT {
            start[t] = (f64::from(self.start[t]) - self.start_acc[t] / c) as f32;
            for (u, v) in trans[t].iter_mut().enumerate() {
                *v = (f64::from(self.trans[t][u]) - self.trans_acc[t][u] / c) as f32;
            }
        }
        (w, start, trans)
    }
}

/// A feature row left out of one training visit ([`Config::fdrop`]).
const DROPPED: u32 = u32::MAX;

/// The sentence one training visit sees ([`Config::fdrop`]): itself when `fdrop` is 0, else a copy whose feature
/// rows but the bias are each [`DROPPED`] with chance `fdrop` / 1000, so no single strong feature (the word,
/// its phrase-list match) carries a name alone.
fn with_dropout<'a>(s: &'a Prepared, fdrop: u32, rng: &mut Rng) -> Cow<'a, Prepared> {
    if fdrop == 0 {
        return Cow::Borrowed(s);
    }
    let mut rows = s.rows.clone();
    for tok in rows.chunks_exact_mut(s.stride) {
        for r in tok.iter_mut().skip(1) {
            if rng.next() % 1000 < u64::from(fdrop) {
                *r = DROPPED;
            }
        }
    }
    Cow::Owned(Prepared { rows, stride: s.stride, domain: s.domain, tags: s.tags.clone(), lead: Vec::new(), gold: Vec::new(), infos: s.infos.clone() })
}

/// A small deterministic generator (SplitMix64) for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Scores float weights on prepared sentences (the tagger before quantisation).
fn evaluate_float(w: &Weights, data: &[Prepared]) -> Counts {
    let mut c = Counts::default();
    let (mut em, mut back, mut pred, mut hrows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut hist = History::default();
    for p in data {
        hist_rows(w.bits, p, &hist, &mut hrows);
        Perceptron::emissions(&w.w, p, &hrows, &[], &mut em);
        viterbi(&em, &w.start, &w.trans, &mut back, &mut pred);
        hist.record(&p.infos, &pred);
        c.add(&p.gold, &leads(p, &pred));
    }
    c
}

/// Trains float weights on prepared sentences, scoring the averaged float weights on `dev` after every epoch
/// when it is not empty.
/// `extra[i]`, when present and not empty, holds the stacking feature rows of sentence `i`.
fn train_weights(data: &[Prepared], chunks: &[(usize, usize)], cfg: &Config, dev: &[Prepared], extra: &[Vec<u32>], log: &mut dyn FnMut(&str)) -> Perceptron {
    let mut p = Perceptron::new(cfg.bits);
    // With `stack_both`, each chunk is seen twice an epoch: with its stacking features and without them (one
    // table for both passes).
    let modes = if cfg.stack_both && !extra.is_empty() { 2 } else { 1 };
    let mut order: Vec<usize> = (0..chunks.len() * modes).collect();
    let mut rng = Rng(cfg.seed);
    let mut drng = Rng(cfg.seed ^ 0xD20F);
    let (mut em, mut back, mut pred, mut hrows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut hist = History::default();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        let mut total = 0usize;
        for &k in &order {
            // A chunk of consecutive sentences (a stretch of one document), in order, so that the history
            // features see what the tagger said before, as they will at run time.
            hist.clear();
            let (lo, hi) = chunks[k % chunks.len()];
            let plain = k >= chunks.len();
            for (si, s0) in data[lo..hi].iter().enumerate() {
                let x: &[u32] = if plain { &[] } else { extra.get(lo + si).map_or(&[], Vec::as_slice) };
                let s = &*with_dropout(s0, cfg.fdrop, &mut drng);
                hist_rows(cfg.bits, s, &hist, &mut hrows);
                Perceptron::emissions(&p.w, s, &hrows, x, &mut em);
                viterbi(&em, &p.start, &p.trans, &mut back, &mut pred);
                total += s.tags.len();
                let diff = s.tags.iter().zip(&pred).filter(|(a, b)| a != b).count();
                if diff > 0 {
                    wrong += diff;
                    p.update(s, &hrows, x, &pred);
                }
                hist.record(&s.infos, &pred);
                p.c += 1.0;
            }
        }
        log(&format!("epoch {}: {:.4} of tokens mistagged", epoch + 1, wrong as f64 / total.max(1) as f64));
        if !dev.is_empty() {
            log(&format!("  dev (float, averaged): micro-F1 {:.4}", evaluate_float(&Weights::of(&p), dev).micro_f1()));
        }
    }
    p
}

/// Consecutive runs of [`HISTORY_SENTENCES`] sentences of `0..n` (the last one shorter).
fn chunks_of(lo: usize, n: usize) -> Vec<(usize, usize)> {
    (lo..lo + n).step_by(HISTORY_SENTENCES).map(|a| (a, (a + HISTORY_SENTENCES).min(lo + n))).collect()
}

/// Quantises averaged weights into the shipped format.
/// Averaged float weights: (bits, table, start, transitions).
struct Weights {
    bits: u32,
    w: Vec<f32>,
    start: [f32; NT],
    trans: [[f32; NT]; NT],
}

impl Weights {
    fn of(p: &Perceptron) -> Weights {
        let (w, start, trans) = p.averaged();
        Weights { bits: p.bits, w, start, trans }
    }

    /// Adds `o`'s weights to these.
    fn add(&mut self, o: &Weights) {
        self.w.iter_mut().zip(&o.w).for_each(|(a, b)| *a += b);
        for t in 0..NT {
            self.start[t] += o.start[t];
            for u in 0..NT {
                self.trans[t][u] += o.trans[t][u];
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn quantise(scheme: u8, p: &Weights, freq: &[u8], fbits: u32, lbits: u32, classes: &[u8], cbits: u32, clusters: &[u8], pbits: u32, phrases: &[u8], guess: &[u8]) -> Vec<u8> {
    let (w, start, trans) = (&p.w, p.start, p.trans);
    let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_unstable_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    // One step per 1/127 of the 99.9999th percentile magnitude: only a handful of weights saturate. Clipping
    // more (the 99.99th, 99.9th percentile) measured worse on every dev set and seed tried: the rare large
    // weights decide more tags than the fine steps of the small ones do.
    let top = mags.get(mags.len().saturating_sub(1 + mags.len() / 1_000_000)).copied().unwrap_or(1.0).max(1e-6);
    let scale = top / 127.0;
    let table: Vec<i8> = w.iter().map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect();
    let q = |x: f32| (x / scale).round() as i32;
    let mut qs = [0i32; NT];
    let mut qt = [[0i32; NT]; NT];
    for t in 0..NT {
        qs[t] = q(start[t]);
        for u in 0..NT {
            qt[t][u] = q(trans[t][u]);
        }
    }
    Model::write(scheme, scale, &qs, &qt, p.bits, &table, fbits, freq, lbits, classes, cbits, clusters, pbits, phrases, guess)
}

/// Tags a prepared sentence with a model and maps the tags back onto the corpus tokens.
pub fn tag_prepared(m: &Model<'_>, p: &Prepared, hist: &mut History, em: &mut Vec<[i32; NT]>, back: &mut Vec<[u8; NT]>, pred: &mut Vec<u8>) -> Vec<u8> {
    em.clear();
    let mut hrows = Vec::new();
    hist_rows(m.bits(), p, hist, &mut hrows);
    for (fs, hs) in p.rows.chunks_exact(p.stride).zip(hrows.chunks_exact(NH)) {
        let mut e = [0i32; NT];
        for &r in fs.iter().chain(hs) {
            let base = r as usize * NT;
            for (t, s) in e.iter_mut().enumerate() {
                *s += i32::from(m.weight(base + t));
            }
        }
        em.push(e);
    }
    m.viterbi(em, back, pred);
    hist.record(&p.infos, pred);
    leads(p, pred)
}

/// The BIO tags over the corpus tokens of predicted piece states: a corpus token takes the tag of its first
/// non-punctuation piece (or its first piece).
fn leads(p: &Prepared, states: &[u8]) -> Vec<u8> {
    let mut bio = Vec::with_capacity(states.len());
    model::to_bio(states, &mut bio);
    let mut out: Vec<u8> = p.lead.iter().map(|&l| bio.get(l as usize).copied().unwrap_or(model::O)).collect();
    corpus::repair(&mut out);
    out
}

/// Scores a model on prepared sentences, tagged in order (the history features see the sentences before).
pub fn evaluate(m: &Model<'_>, data: &[Prepared]) -> Counts {
    let mut c = Counts::default();
    let (mut em, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    let mut hist = History::default();
    for p in data {
        let out = tag_prepared(m, p, &mut hist, &mut em, &mut back, &mut pred);
        c.add(&p.gold, &out);
    }
    c
}

fn contains_zwnj(s: &Sentence) -> bool {
    s.tokens.iter().any(|t| t.contains('\u{200C}'))
}

/// ARMAN tags nationalities and countries used as actors as organisations; the product calls a country a
/// place and a nationality nothing. A one-token ARMAN organisation that the other corpora mostly tag as a
/// place becomes a place, and one they mostly leave untagged becomes outside.
fn fix_arman(sents: &mut [Sentence], others: &HashMap<String, [u32; 4]>) {
    for s in sents {
        for (a, b, l) in corpus::spans(&s.tags) {
            if l != Label::Org || b != a + 1 {
                continue;
            }
            let Some(c) = others.get(&normalize_str(&s.tokens[a])) else { continue };
            // c = [outside, PER, LOC, ORG]
            if c[2] > c[3] && c[2] >= 2 {
                s.tags[a] = model::begin_tag(Label::Loc);
            } else if c[0] > 3 * (c[1] + c[2] + c[3]) && c[0] >= 3 {
                s.tags[a] = model::O;
            }
        }
    }
}

/// Counts how each single token is tagged (outside, PER, LOC, ORG).
fn token_counts(sents: &[Sentence], into: &mut HashMap<String, [u32; 4]>) {
    for s in sents {
        let spans = corpus::spans(&s.tags);
        let mut single = vec![None; s.tokens.len()];
        for (a, b, l) in spans {
            if b == a + 1 {
                single[a] = Some(l);
            }
        }
        for (i, t) in s.tokens.iter().enumerate() {
            let k = match (s.tags[i], single[i]) {
                (0, _) => 0,
                (_, Some(l)) => 1 + li(l),
                _ => continue,
            };
            into.entry(normalize_str(t)).or_insert([0; 4])[k] += 1;
        }
    }
}

/// Entity-start frequencies: how often each (normalized first-piece) word began an entity.
fn add_freq(sents: &[Sentence], fbits: u32, freq: &mut [u8]) {
    for s in sents {
        for (a, _, _) in corpus::spans(&s.tags) {
            let norm = normalize_str(&s.tokens[a]);
            let toks = tokenize(&norm);
            let Some(first) = toks.iter().find(|t| t.kind != TokenKind::Punct) else { continue };
            let i = freq_index(fbits, hash_str(first.text(&norm)));
            freq[i] = freq[i].saturating_add(1);
        }
    }
}

fn selected(cfg: &Config, name: &str) -> bool {
    cfg.only.is_empty() || cfg.only.iter().any(|o| o == name)
}

/// Loads the training sentences of the selected corpora (all of them with `cfg.keep_rest`), with the ARMAN
/// fix applied and each sentence's domain set.
fn load_train(cfg: &Config, log: &mut dyn FnMut(&str)) -> Result<Vec<(&'static str, Vec<Sentence>)>, String> {
    let mut sets = Vec::new();
    for s in SOURCES.iter().filter(|s| s.role == Role::Train && (cfg.keep_rest || selected(cfg, s.name))) {
        let mut sents = read(&cfg.corpora.join(s.path))?;
        let dom = sentence_domain(cfg, s);
        sents.iter_mut().for_each(|x| x.domain = dom);
        log(&format!("{}: {} sentences", s.path, sents.len()));
        sets.push((s.name, sents));
    }
    if sets.iter().any(|(n, _)| *n == "arman") {
        let mut counts = HashMap::new();
        for (n, s) in &sets {
            if *n != "arman" {
                token_counts(s, &mut counts);
            }
        }
        for (n, s) in &mut sets {
            if *n == "arman" {
                fix_arman(s, &counts);
            }
        }
    }
    Ok(sets)
}

/// The domain training gives the sentences of `s` under `cfg` (see [`Config::domains`] and what follows it).
fn sentence_domain(cfg: &Config, s: &Source) -> u8 {
    let mut dom = s.domain;
    if let Some(&(_, d)) = cfg.domain_of.iter().find(|(n, _)| n == s.name) {
        dom = d;
    }
    if cfg.news_general && product_domain(dom) == dom {
        dom = domain::NONE;
    }
    dom
}

/// The domain-feature scheme a model trained with `cfg` keeps (none with `news_general`).
fn model_scheme(cfg: &Config) -> u8 {
    if cfg.news_general { 0 } else { cfg.domains }
}

/// Prepares sentences to be tagged as of domain `dom` (whatever their own).
fn prepare_all(sents: &[Sentence], fx: &Fx<'_>, dom: u8, out: &mut Vec<Prepared>) {
    for s in sents {
        out.push(prepare_as(s, fx, dom));
    }
}

/// Prepares a sentence to be tagged as of domain `dom`.
fn prepare_as(s: &Sentence, fx: &Fx<'_>, dom: u8) -> Prepared {
    let mut p = prepare_infos(s, fx, false);
    p.domain = dom;
    featurize(&mut p, &fx.phrases, fx.bits, fx.scheme);
    p
}

/// The domain the product would tag a file's sentences with: the news of the language of its text
/// ([`crate::lang::detect`] over the first 2,000 sentences).
pub fn file_domain(sents: &[Sentence]) -> u8 {
    let mut text = String::new();
    for s in sents.iter().take(2000) {
        for t in &s.tokens {
            text.push_str(t);
            text.push(' ');
        }
        text.push('\n');
    }
    super::features::news_domain(crate::lang::detect(&text))
}

/// Word counts: for each normalized word, how often it is outside a name and inside a PER, LOC, ORG name.
type WordCounts = HashMap<String, [u32; 4]>;

/// Adds the words of `sents` to `counts`.
fn count_words<'a>(sents: impl Iterator<Item = &'a Sentence>, counts: &mut WordCounts) {
    for snt in sents {
        for (w, kind, tag, _) in pieces(snt, false) {
            if kind == TokenKind::Punct || kind == TokenKind::Number {
                continue;
            }
            let k = model::tag_label(tag).map_or(0, |l| 1 + li(l));
            counts.entry(w).or_insert([0; 4])[k] += 1;
        }
    }
}

/// The sentences of the name lists (WikiANN) when the phrase list takes names from them, else none.
fn name_list_sentences(cfg: &Config) -> Vec<Sentence> {
    if cfg.pwiki == 0 || cfg.pbits == 0 {
        return Vec::new();
    }
    SOURCES.iter().filter(|s| s.role == Role::Names).flat_map(|s| read(&cfg.corpora.join(s.path)).unwrap_or_default()).collect()
}

/// The word counts of the name lists (WikiANN).
fn name_list_counts(cfg: &Config, log: &mut dyn FnMut(&str)) -> WordCounts {
    let mut counts = WordCounts::new();
    for s in SOURCES.iter().filter(|s| s.role == Role::Names) {
        match read(&cfg.corpora.join(s.path)) {
            Ok(sents) => count_words(sents.iter(), &mut counts),
            Err(e) => log(&format!("skipped (not found): {e}")),
        }
    }
    counts
}

/// The letter-n-gram guesser's table ([`Guess`]) learned from the name lists' word counts, by bare stem
/// (empty with `--gbits 0`).
fn guess_table(cfg: &Config, names: &WordCounts, log: &mut dyn FnMut(&str)) -> Vec<u8> {
    if cfg.gbits == 0 {
        return Vec::new();
    }
    let mut by_stem: HashMap<&str, [u32; 4]> = HashMap::new();
    for (w, c) in names {
        let bare = &w[super::features::split(w).bare..];
        let e = by_stem.entry(bare).or_insert([0; 4]);
        for k in 0..4 {
            e[k] += c[k];
        }
    }
    let mut words: Vec<(&str, [u32; 4])> = by_stem.into_iter().collect();
    words.sort_unstable();
    let mut rng = Rng(cfg.seed ^ 0x6E55);
    rng.shuffle(&mut words);
    let t = Guess::train(cfg.gbits, &words, cfg.gepochs);
    log(&format!("letter guesser: {} word types, {} bytes", words.len(), t.len()));
    t
}

/// The word-class table slots from word counts (see [`Classes`]).
fn classes_from(counts: &[&WordCounts], lbits: u32) -> Vec<u8> {
    let mut total: HashMap<&str, [u32; 4]> = HashMap::new();
    for c in counts {
        for (w, v) in c.iter() {
            let e = total.entry(w.as_str()).or_insert([0; 4]);
            for i in 0..4 {
                e[i] += v[i];
            }
        }
    }
    let share = |x: u32, n: u32| -> u8 {
        let r = f64::from(x) / f64::from(n.max(1));
        if r < 0.05 {
            0
        } else if r < 0.3 {
            1
        } else if r < 0.7 {
            2
        } else {
            3
        }
    };
    let mut entries: Vec<(u32, u32, u8)> = total
        .iter()
        .map(|(w, c)| {
            let n: u32 = c.iter().sum();
            let fb: u8 = if n < 3 { 0 } else if n < 20 { 1 } else if n < 200 { 2 } else { 3 };
            let names = share(c[1], n) | share(c[2], n) << 2 | share(c[3], n) << 4;
            // A word seen at least 3 times is kept even when it is never in a name: that it is a common word is
            // information too (class byte = its frequency bits alone).
            (hash_str(w), n, names | fb << 6)
        })
        .filter(|e| e.2 != 0)
        .collect();
    entries.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let pairs: Vec<(u32, u8)> = entries.iter().map(|e| (e.0, e.2)).collect();
    Classes::build(lbits, &pairs)
}

/// The word-cluster table ([`clusters::learn`]) learned from the text, never the labels, of every training
/// corpus (all of them, whatever `--only` says) and of the name lists; empty when `cfg.cbits` is 0. The
/// development splits are not read.
fn cluster_table(cfg: &Config, log: &mut dyn FnMut(&str)) -> Result<Vec<u8>, String> {
    if cfg.cbits == 0 {
        return Ok(Vec::new());
    }
    let mut seqs: Vec<Vec<(u32, bool)>> = Vec::new();
    for s in SOURCES.iter().filter(|s| s.role != Role::Dev) {
        let sents = match read(&cfg.corpora.join(s.path)) {
            Ok(x) => x,
            Err(e) if s.role == Role::Names => {
                log(&format!("skipped (not found): {e}"));
                continue;
            }
            Err(e) => return Err(e),
        };
        for snt in &sents {
            seqs.push(pieces(snt, false).iter().map(|p| (hash_str(&p.0), matches!(p.1, TokenKind::Word | TokenKind::Latin))).collect());
        }
    }
    log(&format!("clusters: {} sequences, {} tokens", seqs.len(), seqs.iter().map(Vec::len).sum::<usize>()));
    let entries = clusters::learn(&seqs, log);
    log(&format!("clusters: {} words clustered", entries.len()));
    if let Some(path) = &cfg.dump_clusters {
        let mut names: HashMap<u32, String> = HashMap::new();
        for s in SOURCES.iter().filter(|s| s.role != Role::Dev) {
            for snt in read(&cfg.corpora.join(s.path)).unwrap_or_default() {
                for p in pieces(&snt, false) {
                    names.entry(hash_str(&p.0)).or_insert(p.0);
                }
            }
        }
        let mut out = String::new();
        let mut sorted: Vec<&(u32, u16)> = entries.iter().collect();
        sorted.sort_by_key(|e| e.1);
        for (h, id) in sorted {
            let _ = writeln!(out, "{id}\t{}", names.get(h).map_or("?", String::as_str));
        }
        let _ = std::fs::write(path, out);
    }
    Ok(Clusters::build(cfg.cbits, &entries))
}

/// Trains weights on `sents`; returns them with the word-class table.
///
/// The word classes come from the name lists (WikiANN) only. Counting the training corpora's own names into
/// them (each sentence seeing only the other folds' counts) was tried: it raised the in-domain development
/// scores (PEYMA, ParsTwiNER) by about a point and lowered the out-of-domain ones (AQMAR, the seed articles) by
/// more, the overfitting a membership feature learned on its own corpora brings.
///
/// The name-phrase list ([`phrases`]) is made from the gold names of `sents`; the features training sees are
/// jackknifed: `cfg.pfolds` contiguous parts, each marked with the list of the other parts, so a match means
/// in training what it will mean on new text (a name seen elsewhere, not the sentence's own label).
#[allow(clippy::too_many_arguments)]
fn fit(sents: &[&Sentence], wiki: &[Sentence], names: &WordCounts, cl: &[u8], gtable: &[u8], cfg: &Config, trig: &Triggers, log: &mut dyn FnMut(&str)) -> (Weights, Vec<u8>, Vec<u8>, Option<Weights>) {
    let slots = classes_from(&[names], cfg.lbits);
    let fx = Fx { trig, classes: Classes::new(cfg.lbits, &slots).with_guess(Guess::new(cfg.gbits, gtable)), clusters: Clusters::new(cfg.cbits, cl), phrases: Phrases::EMPTY, bits: cfg.bits, scheme: cfg.domains };
    // The sentences in corpus order, then the Persian ones again with ZWNJ as space, in chunks of consecutive
    // sentences (the history features need the order; the copies are kept apart from their originals).
    let mut data: Vec<Prepared> = sents.iter().map(|s| prepare_infos(s, &fx, false)).collect();
    let mut chunks = chunks_of(0, data.len());
    let n = data.len();
    let copies: Vec<usize> = (0..n).filter(|&i| contains_zwnj(sents[i])).collect();
    data.extend(copies.iter().map(|&i| prepare_infos(sents[i], &fx, true)));
    chunks.extend(chunks_of(n, data.len() - n));
    let gold = |a: &[Prepared], b: &[Prepared]| -> Vec<(u32, u8)> { phrases::entries(a.iter().chain(b).map(|p| (&p.infos[..], &p.tags[..])), 1) };
    let wiki_entries = if cfg.pbits == 0 || cfg.pwiki == 0 { Vec::new() } else {
        let w: Vec<Prepared> = wiki.iter().map(|s| prepare_infos(s, &fx, false)).collect();
        phrases::entries(w.iter().map(|p| (&p.infos[..], &p.tags[..])), cfg.pwiki)
    };
    let ptable = if cfg.pbits == 0 { Vec::new() } else {
        let e = phrases::merge(&[&gold(&data[..n], &[]), &wiki_entries]);
        log(&format!("phrase list: {} entries ({} names) in {} slots", e.len(), e.iter().filter(|x| x.1 & 3 != 0).count(), 1usize << cfg.pbits));
        Phrases::build(cfg.pbits, &e)
    };
    let k = if cfg.pbits == 0 { 1 } else { cfg.pfolds.max(2) };
    for f in 0..k {
        let (lo, hi) = (n * f / k, n * (f + 1) / k);
        let table = if cfg.pbits == 0 { Vec::new() } else {
            Phrases::build(cfg.pbits, &phrases::merge(&[&gold(&data[..lo], &data[hi..n]), &wiki_entries]))
        };
        let ph = Phrases::new(cfg.pbits, &table);
        for p in &mut data[lo..hi] {
            featurize(p, &ph, cfg.bits, cfg.domains);
        }
        for (j, _) in copies.iter().enumerate().filter(|(_, &i)| (lo..hi).contains(&i)) {
            featurize(&mut data[n + j], &ph, cfg.bits, cfg.domains);
        }
    }
    log(&format!("{} training sequences, {} tokens", data.len(), data.iter().map(|p| p.tags.len()).sum::<usize>()));
    // Several perceptrons, each seeing the data in its own order, summed: less dependence on one shuffle.
    let mut sum: Option<Weights> = None;
    for k in 0..cfg.ensemble.max(1) {
        let c = Config { seed: cfg.seed.wrapping_add(k as u64 * 7919), ..cfg.clone() };
        let mut dev = Vec::new();
        if let Some(path) = &cfg.trace {
            if let Ok(sents) = read(path) {
                let fx = Fx { phrases: Phrases::new(cfg.pbits, &ptable), ..fx };
                prepare_all(&sents, &fx, file_domain(&sents), &mut dev);
            }
        }
        let w = match cfg.objective {
            Objective::Perceptron => Weights::of(&train_weights(&data, &chunks, &c, &dev, &[], log)),
            Objective::Crf => crf::train_crf(&data, &chunks, &c, &dev, log).averaged(),
        };
        match sum.as_mut() {
            Some(s) => s.add(&w),
            None => sum = Some(w),
        }
    }
    let stack = if cfg.stack { Some(fit_stack(&data, n, cfg, log)) } else { None };
    (sum.unwrap_or_else(|| Weights::of(&Perceptron::new(cfg.bits))), slots, ptable, stack)
}

/// A sentence tagged by a first pass: its decoded states.
struct Pass1 {
    states: Vec<u8>,
}

/// Tags the sentences of `chunks` of `data` with float weights (in order, history reset per chunk).
fn pass1(w: &Weights, data: &[Prepared], chunks: &[(usize, usize)], out: &mut [Option<Pass1>]) {
    let (mut back, mut hrows) = (Vec::new(), Vec::new());
    let mut hist = History::default();
    for &(lo, hi) in chunks {
        hist.clear();
        for i in lo..hi {
            let p = &data[i];
            let mut em = Vec::new();
            let mut states = Vec::new();
            hist_rows(w.bits, p, &hist, &mut hrows);
            Perceptron::emissions(&w.w, p, &hrows, &[], &mut em);
            viterbi(&em, &w.start, &w.trans, &mut back, &mut states);
            hist.record(&p.infos, &states);
            out[i] = Some(Pass1 { states });
        }
    }
}

/// The stacking feature rows of each sentence of a chunk, from the first pass's states.
fn stack_rows(bits: u32, data: &[Prepared], p1: &[Option<Pass1>], lo: usize, hi: usize) -> Vec<Vec<u32>> {
    let mut doc = DocLabels::default();
    for i in lo..hi {
        if let Some(q) = &p1[i] {
            doc.add(&data[i].infos, &q.states);
        }
    }
    let mut f = [0u32; NS];
    (lo..hi)
        .map(|i| {
            let Some(q) = &p1[i] else { return Vec::new() };
            let infos = &data[i].infos;
            let mut rows = Vec::with_capacity(infos.len() * NS);
            for j in 0..infos.len() {
                stack_features(infos, &q.states, &doc, j, &mut f);
                rows.extend(f.iter().map(|&h| Model::row(bits, h) as u32));
            }
            rows
        })
        .collect()
}

/// Learns the stacked second pass: the original sentences `data[..n]` are cut into `cfg.pfolds` parts (blocks
/// of chunks dealt round-robin), each part is tagged by a first pass trained on the other parts, and a second
/// perceptron learns from all the features plus the stacking features of those jackknifed labels (so it learns
/// how far the first pass's labels elsewhere in the document can be trusted on unseen text).
fn fit_stack(data: &[Prepared], n: usize, cfg: &Config, log: &mut dyn FnMut(&str)) -> Weights {
    let k = cfg.pfolds.max(2);
    let mut p1: Vec<Option<Pass1>> = (0..n).map(|_| None).collect();
    let mut parts = Vec::new();
    // Parts of whole blocks of chunks dealt round-robin, so every part holds some of every corpus (a part cut
    // out of one corpus would be tagged by a model that never saw its domain, and the second pass would learn
    // to distrust the first far more than it should).
    let all = chunks_of(0, n);
    for f in 0..k {
        let in_part = |ci: usize| (ci / STACK_BLOCK) % k == f;
        let chunks: Vec<(usize, usize)> = all.iter().enumerate().filter(|(ci, _)| !in_part(*ci)).map(|(_, c)| *c).collect();
        let held: Vec<(usize, usize)> = all.iter().enumerate().filter(|(ci, _)| in_part(*ci)).map(|(_, c)| *c).collect();
        let w = Weights::of(&train_weights(data, &chunks, cfg, &[], &[], &mut |_| {}));
        pass1(&w, data, &held, &mut p1);
        let mut c = Counts::default();
        for i in held.iter().flat_map(|&(lo, hi)| lo..hi) {
            if let Some(q) = &p1[i] {
                c.add(&data[i].gold, &leads(&data[i], &q.states));
            }
        }
        log(&format!("stack: part {} tagged by the other parts' model: micro-F1 {:.4}", f + 1, c.micro_f1()));
        parts.extend(held);
    }
    let mut extra: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (lo, hi) in parts {
        for (j, r) in stack_rows(cfg.bits, data, &p1, lo, hi).into_iter().enumerate() {
            extra[lo + j] = r;
        }
    }
    log("stack: training the second pass");
    Weights::of(&train_weights(data, &chunks_of(0, data.len()), cfg, &[], &extra, log))
}

/// Chunks per block dealt to the stacking jackknife's parts.
const STACK_BLOCK: usize = 10;


/// Scores the first pass (`w`), the stacked second pass (`w2` over `w`'s labels) and `w2` used for both
/// passes (stacking features left out in the first), float weights, on prepared sentences tagged in order in
/// documents of [`HISTORY_SENTENCES`] sentences.
fn evaluate_stack(w: &Weights, w2: &Weights, data: &[Prepared]) -> (Counts, Counts, Counts) {
    let chunks = chunks_of(0, data.len());
    let second = |first: &Weights, c1: &mut Counts, c2: &mut Counts| {
        let mut p1: Vec<Option<Pass1>> = (0..data.len()).map(|_| None).collect();
        pass1(first, data, &chunks, &mut p1);
        let (mut em, mut back, mut pred, mut hrows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for &(lo, hi) in &chunks {
            let rows = stack_rows(w.bits, data, &p1, lo, hi);
            let mut hist = History::default();
            for (j, r) in rows.iter().enumerate() {
                let i = lo + j;
                let Some(q) = &p1[i] else { continue };
                c1.add(&data[i].gold, &leads(&data[i], &q.states));
                hist_rows(w2.bits, &data[i], &hist, &mut hrows);
                Perceptron::emissions(&w2.w, &data[i], &hrows, r, &mut em);
                viterbi(&em, &w2.start, &w2.trans, &mut back, &mut pred);
                hist.record(&data[i].infos, &pred);
                c2.add(&data[i].gold, &leads(&data[i], &pred));
            }
        }
    };
    let (mut c1, mut c2, mut x, mut c3) = (Counts::default(), Counts::default(), Counts::default(), Counts::default());
    second(w, &mut c1, &mut c2);
    second(w2, &mut x, &mut c3);
    (c1, c2, c3)
}

/// Trains the model on the selected corpora and returns its bytes; scores the development sets on the way.
pub fn train(cfg: &Config, log: &mut dyn FnMut(&str)) -> Result<Vec<u8>, String> {
    let trig = Triggers::shipped();
    let sets = load_train(cfg, log)?;
    let names = name_list_counts(cfg, log);
    let all: Vec<&Sentence> = sets.iter().flat_map(|(_, s)| s.iter()).collect();
    let cl = cluster_table(cfg, log)?;
    let wiki = name_list_sentences(cfg);
    let gtable = guess_table(cfg, &names, log);
    let (p, slots, ptable, stack) = fit(&all, &wiki, &names, &cl, &gtable, cfg, &trig, log);
    let mut freq = vec![0u8; 1usize << cfg.fbits];
    for (_, s) in &sets {
        add_freq(s, cfg.fbits, &mut freq);
    }
    for s in SOURCES.iter().filter(|s| s.role == Role::Names) {
        if let Ok(sents) = read(&cfg.corpora.join(s.path)) {
            add_freq(&sents, cfg.fbits, &mut freq);
        }
    }
    let bytes = quantise(model_scheme(cfg), &p, &freq, cfg.fbits, cfg.lbits, &slots, cfg.cbits, &cl, cfg.pbits, &ptable, &gtable);
    let m = Model::parse(&bytes).ok_or("the trained model does not parse")?;
    let fx = Fx { trig: &trig, classes: m.classes(), clusters: m.clusters(), phrases: m.phrases(), bits: cfg.bits, scheme: m.scheme() };
    for s in SOURCES.iter().filter(|s| s.role == Role::Dev && selected(cfg, s.name)) {
        let Ok(sents) = read(&cfg.corpora.join(s.path)) else { continue };
        let mut dev = Vec::new();
        let dom = product_domain(s.domain);
        prepare_all(&sents, &fx, dom, &mut dev);
        let c = evaluate(&m, &dev);
        log(&format!("dev {} (as {}): micro-F1 {:.4}\n{}", s.path, domain::name(dom), c.micro_f1(), c.report()));
        if m.scheme() != 0 && s.domain != dom {
            let mut own = Vec::new();
            prepare_all(&sents, &fx, s.domain, &mut own);
            log(&format!("dev {} (as its own domain, {}): micro-F1 {:.4}", s.path, domain::name(s.domain), evaluate(&m, &own).micro_f1()));
        }
        if let Some(r) = &stack {
            let (c1, c2, c3) = evaluate_stack(&p, r, &dev);
            log(&format!("dev {} (float): pass 1 {:.4}, stacked pass 2 {:.4}, one table {:.4}\n{}", s.path, c1.micro_f1(), c2.micro_f1(), c3.micro_f1(), c2.report()));
        }
    }
    Ok(bytes)
}

/// K-fold cross-validation over the selected training corpora (contiguous folds, so documents stay together);
/// returns the micro-F1 of each fold. With `cfg.keep_rest` the folds are cut from the selected corpora only
/// and the other training corpora always train. The held-out sentences are tagged as the product would
/// ([`product_domain`]).
pub fn cross_validate(cfg: &Config, k: usize, log: &mut dyn FnMut(&str)) -> Result<Vec<f64>, String> {
    let trig = Triggers::shipped();
    let sets = load_train(cfg, log)?;
    let names = name_list_counts(cfg, log);
    let all: Vec<&Sentence> = sets.iter().flat_map(|(_, s)| s.iter()).collect();
    // The sentences folds are cut from (indices into `all`).
    let pool: Vec<usize> = sets
        .iter()
        .flat_map(|(n, s)| std::iter::repeat(selected(cfg, n)).take(s.len()))
        .enumerate()
        .filter(|(_, sel)| *sel)
        .map(|(i, _)| i)
        .collect();
    let k = k.max(2);
    let cl = cluster_table(cfg, log)?;
    let wiki = name_list_sentences(cfg);
    let gtable = guess_table(cfg, &names, log);
    let mut scores = Vec::new();
    let mut stacked = Vec::new();
    for fold in 0..k {
        let (lo, hi) = (pool.len() * fold / k, pool.len() * (fold + 1) / k);
        let held = &pool[lo..hi];
        let mut out = vec![false; all.len()];
        held.iter().for_each(|&i| out[i] = true);
        let train: Vec<&Sentence> = all.iter().zip(&out).filter(|(_, o)| !**o).map(|(s, _)| *s).collect();
        let (p, slots, ptable, stack) = fit(&train, &wiki, &names, &cl, &gtable, cfg, &trig, &mut |_| {});
        let bytes = quantise(model_scheme(cfg), &p, &[0u8; 1 << 8], 8, cfg.lbits, &slots, cfg.cbits, &cl, cfg.pbits, &ptable, &gtable);
        let m = Model::parse(&bytes).ok_or("the trained model does not parse")?;
        let fx = Fx { trig: &trig, classes: m.classes(), clusters: m.clusters(), phrases: m.phrases(), bits: cfg.bits, scheme: m.scheme() };
        let test: Vec<Prepared> = held.iter().map(|&i| prepare_as(all[i], &fx, product_domain(all[i].domain))).collect();
        let c = evaluate(&m, &test);
        log(&format!("fold {}: micro-F1 {:.4}\n{}", fold + 1, c.micro_f1(), c.report()));
        scores.push(c.micro_f1());
        if let Some(r) = &stack {
            let (c1, c2, c3) = evaluate_stack(&p, r, &test);
            log(&format!("fold {} (float): pass 1 {:.4}, stacked pass 2 {:.4}, one table {:.4}", fold + 1, c1.micro_f1(), c2.micro_f1(), c3.micro_f1()));
            stacked.push((c1.micro_f1(), c2.micro_f1(), c3.micro_f1()));
        }
    }
    if !stacked.is_empty() {
        let m = stacked.len() as f64;
        let (a, b, c) = stacked.iter().fold((0.0, 0.0, 0.0), |s, x| (s.0 + x.0, s.1 + x.1, s.2 + x.2));
        log(&format!("stacking, mean over folds (float): pass 1 {:.4}, stacked pass 2 {:.4}, one table {:.4}", a / m, b / m, c / m));
    }
    Ok(scores)
}

/// Scores a model on a CoNLL-style file (any of the corpus formats); with `errors`, prints each missed or
/// spurious span with its sentence, then the sentence with each token's gold and predicted BIO tag numbers
/// (`token/GP`: 0 O, 1 2 B- I-PER, 3 4 LOC, 5 6 ORG).
/// The sentences are tagged as of domain `dom`, by default the product's choice ([`file_domain`]).
pub fn eval_file(m: &Model<'_>, bits: u32, path: &Path, dom: Option<u8>, errors: bool) -> Result<Counts, String> {
    let trig = Triggers::shipped();
    let fx = Fx { trig: &trig, classes: m.classes(), clusters: m.clusters(), phrases: m.phrases(), bits, scheme: m.scheme() };
    let sents = read(path)?;
    let mut data = Vec::new();
    let dom = dom.unwrap_or_else(|| file_domain(&sents));
    prepare_all(&sents, &fx, dom, &mut data);
    if errors {
        let (mut em, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
        let mut hist = History::default();
        for (s, p) in sents.iter().zip(&data) {
            let out = tag_prepared(m, p, &mut hist, &mut em, &mut back, &mut pred);
            let g = corpus::spans(&p.gold);
            let q = corpus::spans(&out);
            let show = |x: &(usize, usize, Label)| format!("{} {}", x.2.as_str(), s.tokens[x.0..x.1].join(" "));
            for x in g.iter().filter(|x| !q.contains(x)) {
                println!("MISS\t{}\t| {}", show(x), s.tokens.join(" "));
            }
            for x in q.iter().filter(|x| !g.contains(x)) {
                println!("FALSE\t{}", show(x));
            }
            if g != q {
                let line: Vec<String> = s.tokens.iter().zip(p.gold.iter().zip(&out)).map(|(t, (a, b))| format!("{t}/{a}{b}")).collect();
                println!("SENT\t{}", line.join(" "));
            }
        }
    }
    Ok(evaluate(m, &data))
}

/// Usage of `hashiya train` and `hashiya eval`.
pub const USAGE: &str = "\
usage: hashiya train [--corpora DIR] [--out FILE] [--epochs N] [--bits B] [--lbits L] [--cbits C] [--seed S]
                     [--pbits P] [--pfolds K] [--pwiki N] [--ensemble N] [--only NAME,...] [--cv K]
                     [--trace DEVFILE] [--dump-clusters FILE] [--stack | --stack-both]
                     [--domains S] [--domain-of NAME=DOMAIN,...] [--news-general] [--keep-rest]
                     [--gbits G] [--gepochs N] [--fdrop D] [--objective perceptron|crf] [--eta0 E] [--l2 C]
       hashiya eval --format conll [--model FILE] [--errors] [--domain D] FILE...

train: learns the NER tagger from the training splits under DIR (default ../shared/corpora: anercorp, aqmar,
wojood, peyma, arman, parstwiner; wikiann only for name frequencies), scores the development splits and writes
the model (default model/ner.bin). With --cv K: K-fold cross-validation over the selected corpora instead,
printing each fold and the mean micro-F1 (e.g. --cv 5 --only anercorp). --epochs N passes (default 15), each
visit of a sentence leaving every feature but the bias out with chance D / 1000 (--fdrop, default 200; 0:
none). --ensemble N sums the weights of N
perceptrons trained in different orders (default 1). The word clusters are learned first from the text (not
the labels) of the training splits and the name lists (--cbits 0: none). The name-phrase list holds the
training splits' gold names (2^P slots, default 16; --pbits 0: none), and with --pwiki N also the name lists'
names marked N times or more (default 4; 0: none); training sees it jackknifed over K parts (--pfolds, default 5).
The letter guesser (src/ner/guess.rs) is learned from the name lists' word counts: 2^G rows (default 16;
--gbits 0: none), N passes (--gepochs, default 5).
--objective crf (experiment, not shipped: see model/README.md, round 8) learns the same features as a linear-chain
CRF by averaged SGD on the log-likelihood, learning rate E / (1 + t / n) after t of n sentences (--eta0, default
0.03) and L2 penalty C/2 |w|^2 (--l2, default 3), with feature dropout too when --fdrop is not 0; the default
is the averaged perceptron.
--trace scores a development file after every epoch; --dump-clusters writes the clusters (id, word) to a file.
--stack (experiment, not shipped: see model/README.md) also learns a second pass whose extra features are the
first pass's labels over the document, jackknifed, and prints its float scores next to the first pass's on the
development splits (or each --cv fold); --stack-both trains that second pass on every sentence with and without
its extra features, so that one table could serve both passes.
--domains S conjoins features with each sentence's domain (fa-news: PEYMA; ar-news: ANERcorp, Wojood, and
AQMAR as the shipped model sees it; fa-twitter: ParsTwiNER; fa-arman: ARMAN as the shipped model sees it;
ar-wiki: AQMAR's own): S = 1 ten templates (default), 3 five, 4 fourteen, 2 all of them, 0 none (the round-4 model).
--domain-of NAME=DOMAIN,... sees corpora as of other domains than their own instead of the shipped
aqmar=ar-news,arman=fa-arman (fa-news, ar-news, fa-twitter, ar-wiki, fa-arman, ar-wojood; --domain-of
aqmar=ar-wiki: every corpus its own); --news-general gives the news corpora no domain and keeps no domain
features in the model. The development splits are scored as the product tags them (the news domain of their
language) and, when it differs, as their own domain. See model/README.md, round 5.
--keep-rest with --cv K --only NAME: the folds are cut from NAME only and every other training corpus always
trains (the shipped configuration scored on held-out parts of NAME).
eval: exact-span precision, recall and F1 per label (PER, LOC, ORG) and micro-averaged, of the shipped model
(or --model FILE) on CoNLL-style files in any of the corpus formats, tagged as the product tags news of the
file's language (--domain fa-news, ar-news, fa-twitter, ar-wiki, fa-arman or ar-wojood: as that domain; models without
domain features ignore it); --errors lists the missed and spurious
spans and each such sentence with its gold and predicted tags.";

fn num<T: std::str::FromStr>(v: Option<&String>, opt: &str) -> Result<T, String> {
    v.and_then(|v| v.parse().ok()).ok_or_else(|| format!("{opt} needs a number"))
}

/// `hashiya train ...`: the arguments after the subcommand.
pub fn cli_train(args: &[String]) -> Result<(), String> {
    let mut cfg = Config::default();
    let mut out = PathBuf::from("model/ner.bin");
    let mut cv: Option<usize> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--corpora" => cfg.corpora = PathBuf::from(it.next().ok_or("--corpora needs a folder")?),
            "--out" => out = PathBuf::from(it.next().ok_or("--out needs a file")?),
            "--epochs" => cfg.epochs = num(it.next(), a)?,
            "--bits" => cfg.bits = num::<u32>(it.next(), a)?.clamp(8, 24),
            "--lbits" => cfg.lbits = num::<u32>(it.next(), a)?.clamp(8, 24),
            "--cbits" => cfg.cbits = num::<u32>(it.next(), a)?.min(24),
            "--pbits" => cfg.pbits = num::<u32>(it.next(), a)?.min(24),
            "--pfolds" => cfg.pfolds = num(it.next(), a)?,
            "--pwiki" => cfg.pwiki = num(it.next(), a)?,
            "--trace" => cfg.trace = Some(PathBuf::from(it.next().ok_or("--trace needs a file")?)),
            "--dump-clusters" => cfg.dump_clusters = Some(PathBuf::from(it.next().ok_or("--dump-clusters needs a file")?)),
            "--seed" => cfg.seed = num(it.next(), a)?,
            "--ensemble" => cfg.ensemble = num(it.next(), a)?,
            "--cv" => cv = Some(num(it.next(), a)?),
            "--stack" => cfg.stack = true,
            "--stack-both" => (cfg.stack, cfg.stack_both) = (true, true),
            "--only" => cfg.only = it.next().ok_or("--only needs corpus names")?.split(',').map(String::from).collect(),
            "--domains" => cfg.domains = num::<u8>(it.next(), a)?.min(4),
            "--keep-rest" => cfg.keep_rest = true,
            "--gbits" => cfg.gbits = num::<u32>(it.next(), a)?.min(22),
            "--gepochs" => cfg.gepochs = num(it.next(), a)?,
            "--fdrop" => cfg.fdrop = num::<u32>(it.next(), a)?.min(1000),
            "--news-general" => cfg.news_general = true,
            "--objective" => {
                cfg.objective = match it.next().map(String::as_str) {
                    Some("perceptron") => Objective::Perceptron,
                    Some("crf") => Objective::Crf,
                    other => return Err(format!("--objective: perceptron or crf, not {}", other.unwrap_or("nothing"))),
                }
            }
            "--eta0" => cfg.eta0 = num(it.next(), a)?,
            "--l2" => cfg.l2 = num(it.next(), a)?,
            "--domain-of" => {
                cfg.domain_of.clear();
                for kv in it.next().ok_or("--domain-of needs NAME=DOMAIN,...")?.split(',') {
                    let (n, d) = kv.split_once('=').ok_or_else(|| format!("--domain-of: {kv} is not NAME=DOMAIN"))?;
                    let d = domain::parse(d).ok_or_else(|| format!("--domain-of: unknown domain {d}"))?;
                    cfg.domain_of.push((n.to_string(), d));
                }
            }
            _ => return Err(format!("unknown argument {a}\n\n{USAGE}")),
        }
    }
    let t0 = std::time::Instant::now();
    let mut log = |s: &str| eprintln!("[{:6.1}s] {s}", t0.elapsed().as_secs_f64());
    if let Some(k) = cv {
        let scores = cross_validate(&cfg, k, &mut log)?;
        let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
        println!("{}-fold cross-validation on {}{}: mean micro-F1 {mean:.4}", scores.len(),
            if cfg.only.is_empty() { "all training corpora".to_string() } else { cfg.only.join(",") },
            if cfg.keep_rest && !cfg.only.is_empty() { " (the other corpora always training)" } else { "" });
        return Ok(());
    }
    let bytes = train(&cfg, &mut log)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    log(&format!("wrote {} ({} bytes)", out.display(), bytes.len()));
    Ok(())
}

/// `hashiya eval ...`: the arguments after the subcommand.
pub fn cli_eval(args: &[String]) -> Result<(), String> {
    let mut files = Vec::new();
    let mut model_path: Option<String> = None;
    let mut errors = false;
    let mut dom: Option<u8> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("conll") => {}
                other => return Err(format!("--format: only conll is supported, not {other:?}")),
            },
            "--errors" => errors = true,
            "--domain" => {
                let d = it.next().ok_or("--domain needs a domain")?;
                dom = Some(domain::parse(d).ok_or_else(|| format!("--domain: unknown domain {d}"))?);
            }
            "--model" => model_path = Some(it.next().ok_or("--model needs a file")?.clone()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        return Err(format!("eval needs a file\n\n{USAGE}"));
    }
    let owned;
    let bytes: &[u8] = match &model_path {
        Some(p) => {
            owned = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            &owned
        }
        None => super::MODEL,
    };
    let m = Model::parse(bytes).ok_or("the model does not parse")?;
    let bits = u32::from(bytes[5]);
    let mut total = Counts::default();
    for f in &files {
        let c = eval_file(&m, bits, Path::new(f), dom, errors)?;
        println!("# {f}\n{}", c.report());
        for i in 0..3 {
            total.by[i].0 += c.by[i].0;
            total.by[i].1 += c.by[i].1;
            total.by[i].2 += c.by[i].2;
        }
    }
    if files.len() > 1 {
        println!("# all\n{}", total.report());
    }
    println!("micro-F1 {:.4}", total.micro_f1());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_carry_tags_and_leave_edge_punctuation_out() {
        let s = corpus::parse("«غوايدو» B-PER\nقال O\n");
        let ps = pieces(&s[0], false);
        let got: Vec<(&str, u8)> = ps.iter().map(|p| (p.0.as_str(), p.2)).collect();
        assert_eq!(got, [("«", 0), ("غوايدو", 1), ("»", 0), ("قال", 0)]);
    }

    mod regression {
        use super::*;

        #[test]
        fn punctuated_token_inside_an_entity_continues_it() {
            // PEYMA writes `حضرت زینب (س)` as three tokens of one name.
            let s = corpus::parse("زینب B-PER\n(س) I-PER\nگفت O\n");
            let got: Vec<u8> = pieces(&s[0], false).iter().map(|p| p.2).collect();
            assert_eq!(got, [1, 2, 2, 0, 0]);
            let s = corpus::parse("زینب B-PER\n(س) I-PER\nحسن I-PER\n");
            let got: Vec<u8> = pieces(&s[0], false).iter().map(|p| p.2).collect();
            assert_eq!(got, [1, 2, 2, 2, 2]);
        }
    }

    #[test]
    fn zwnj_augmentation_splits_words() {
        let s = corpus::parse("رئیس‌جمهور O\nحسن B-PER\n");
        let ps = pieces(&s[0], true);
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[2].2, 1);
    }

    /// A toy corpus (`token TAG` lines) prepared for a 2^12-row table without word classes, clusters, phrases
    /// or domain features.
    fn toy_data(text: &str) -> Vec<Prepared> {
        let trig = Triggers::shipped();
        let fx = Fx { trig: &trig, classes: Classes::EMPTY, clusters: Clusters::EMPTY, phrases: Phrases::EMPTY, bits: 12, scheme: 0 };
        corpus::parse(text).iter().map(|s| prepare(s, &fx, false)).collect()
    }

    #[test]
    fn learns_a_toy_corpus() {
        let data = toy_data(&"قال O\nالرئيس O\nمادورو B-PER\nفي O\nكاراكاس B-LOC\n\n".repeat(30));
        let cfg = Config { bits: 12, epochs: 3, ..Config::default() };
        let p = train_weights(&data, &chunks_of(0, data.len()), &cfg, &[], &[], &mut |_| {});
        let bytes = quantise(0, &Weights::of(&p), &vec![0u8; 256], 8, 0, &[], 0, &[], 0, &[], &[]);
        let m = Model::parse(&bytes).expect("parses");
        let c = evaluate(&m, &data);
        assert!(c.micro_f1() > 0.99, "{}", c.report());
    }

    #[test]
    fn feature_dropout_leaves_rows_out_of_training() {
        let data = toy_data(&"قال O\nالرئيس O\nمادورو B-PER\nفي O\nكاراكاس B-LOC\n\n".repeat(30));
        let fit = |fdrop: u32| {
            let cfg = Config { bits: 12, epochs: 3, fdrop, ..Config::default() };
            Weights::of(&train_weights(&data, &chunks_of(0, data.len()), &cfg, &[], &[], &mut |_| {}))
        };
        let score = |w: &Weights| evaluate_float(w, &data).micro_f1();
        // Some rows dropped: other weights learn, and the names are still found.
        let (none, some) = (fit(0), fit(200));
        assert_ne!(none.w, some.w);
        assert!(score(&some) > 0.99);
        // Every row but the bias dropped: only the bias, the transitions and the history rows (never dropped)
        // learn, and they cannot find a name the tagger has not found before.
        let all = score(&fit(1000));
        assert!(all < 0.9, "{all}");
    }

    #[test]
    fn crf_learns_a_toy_corpus() {
        let data = toy_data(&"قال O\nالرئيس O\nمادورو B-PER\nفي O\nكاراكاس B-LOC\n\nوصل O\nعبد B-PER\nالله I-PER\nإلى O\nبيروت B-LOC\n\n".repeat(30));
        let cfg = Config { bits: 12, epochs: 3, objective: Objective::Crf, ..Config::default() };
        let mut log = Vec::new();
        let w = crf::train_crf(&data, &chunks_of(0, data.len()), &cfg, &data, &mut |s| log.push(s.to_string())).averaged();
        // Training lowers the log-likelihood loss, and the averaged float weights tag the corpus.
        let nll: Vec<f64> = log.iter().filter_map(|l| l.split("log-likelihood ").nth(1)?.split(',').next()?.parse().ok()).collect();
        assert_eq!(nll.len(), 3, "{log:?}");
        assert!(nll[2] < nll[0] && nll[2] < 0.1, "{nll:?}");
        assert!(evaluate_float(&w, &data).micro_f1() > 0.99);
        // Through quantisation as shipped: the model parses and tags the corpus.
        let bytes = quantise(0, &w, &vec![0u8; 256], 8, 0, &[], 0, &[], 0, &[], &[]);
        let m = Model::parse(&bytes).expect("parses");
        let c = evaluate(&m, &data);
        assert!(c.micro_f1() > 0.99, "{}", c.report());
    }

    #[test]
    fn learns_a_toy_corpus_with_domain_features() {
        // The same words are a person in one domain and a place in the other: only the domain tells them apart.
        let text = "قال O\nالرئيس O\nمادورو B-PER\n\nفي O\nمادورو B-LOC\n\n".repeat(30);
        let mut sents = corpus::parse(&text);
        for (i, s) in sents.iter_mut().enumerate() {
            s.domain = if i % 2 == 0 { domain::FA_NEWS } else { domain::FA_TWITTER };
            // The second sentence repeats the first's words, so only the domain differs.
            if i % 2 == 1 {
                s.tokens = vec!["قال".into(), "الرئيس".into(), "مادورو".into()];
                s.tags = vec![0, 0, 3];
            }
        }
        let trig = Triggers::shipped();
        let cfg = Config { bits: 12, epochs: 4, domains: 1, ..Config::default() };
        let fx = Fx { trig: &trig, classes: Classes::EMPTY, clusters: Clusters::EMPTY, phrases: Phrases::EMPTY, bits: cfg.bits, scheme: 1 };
        let data: Vec<Prepared> = sents.iter().map(|s| prepare(s, &fx, false)).collect();
        assert!(data.iter().all(|p| p.stride == NF + super::super::features::domain_templates(1).len()));
        let p = train_weights(&data, &chunks_of(0, data.len()), &cfg, &[], &[], &mut |_| {});
        let bytes = quantise(1, &Weights::of(&p), &vec![0u8; 256], 8, 0, &[], 0, &[], 0, &[], &[]);
        let m = Model::parse(&bytes).expect("parses");
        assert_eq!(m.scheme(), 1);
        let c = evaluate(&m, &data);
        assert!(c.micro_f1() > 0.99, "{}", c.report());
        // Read as another domain, the twitter sentences lose their place.
        let news: Vec<Prepared> = sents.iter().map(|s| prepare_as(s, &fx, domain::FA_NEWS)).collect();
        assert!(evaluate(&m, &news).micro_f1() < 0.9);
    }

    #[test]
    fn corpora_get_their_domains() {
        let src = |name: &str| SOURCES.iter().find(|s| s.name == name && s.role == Role::Train).expect("source");
        let map = |kv: &[(&str, u8)]| kv.iter().map(|(n, d)| (n.to_string(), *d)).collect::<Vec<_>>();
        let shipped = Config::default();
        let own = Config { domain_of: Vec::new(), ..Config::default() };
        let wojood = Config { domain_of: map(&[("wojood", domain::AR_WOJOOD)]), ..Config::default() };
        let general = Config { news_general: true, ..own.clone() };
        // (config, corpus, domain)
        let cases: &[(&Config, &str, u8)] = &[
            (&shipped, "peyma", domain::FA_NEWS),
            (&shipped, "arman", domain::FA_ARMAN),
            (&shipped, "parstwiner", domain::FA_TWITTER),
            (&shipped, "anercorp", domain::AR_NEWS),
            (&shipped, "wojood", domain::AR_NEWS),
            (&shipped, "aqmar", domain::AR_NEWS),
            (&own, "aqmar", domain::AR_WIKI),
            (&own, "arman", domain::FA_NEWS),
            (&own, "parstwiner", domain::FA_TWITTER),
            (&wojood, "wojood", domain::AR_WOJOOD),
            // A map replaces the shipped one: AQMAR is its own again.
            (&wojood, "aqmar", domain::AR_WIKI),
            (&general, "peyma", domain::NONE),
            (&general, "aqmar", domain::AR_WIKI),
        ];
        for &(cfg, name, want) in cases {
            assert_eq!(sentence_domain(cfg, src(name)), want, "{name}");
        }
        for d in 1..=domain::LAST {
            assert!(matches!(product_domain(d), domain::FA_NEWS | domain::AR_NEWS));
        }
        assert_eq!(model_scheme(&Config { domains: 1, ..Config::default() }), 1);
        assert_eq!(model_scheme(&Config { domains: 1, news_general: true, ..Config::default() }), 0);
    }

    #[test]
    fn stacked_pass_learns_a_toy_corpus() {
        // Enough chunks for every jackknife part to hold some.
        let data = toy_data(&"قال O\nالرئيس O\nمادورو B-PER\nفي O\nكاراكاس B-LOC\n\n".repeat(HISTORY_SENTENCES * STACK_BLOCK * 2));
        for both in [false, true] {
            let cfg = Config { bits: 12, epochs: 2, pfolds: 2, stack: true, stack_both: both, ..Config::default() };
            let w1 = Weights::of(&train_weights(&data, &chunks_of(0, data.len()), &cfg, &[], &[], &mut |_| {}));
            let w2 = fit_stack(&data, data.len(), &cfg, &mut |_| {});
            let (c1, c2, c3) = evaluate_stack(&w1, &w2, &data[..HISTORY_SENTENCES * 2]);
            assert!(c1.micro_f1() > 0.99, "{}", c1.report());
            assert!(c2.micro_f1() > 0.99, "{}", c2.report());
            assert!(c3.micro_f1() > 0.99, "{}", c3.report());
        }
    }

    #[test]
    fn chunks_cover_every_sentence_once() {
        let n = 2 * HISTORY_SENTENCES + 3;
        let c = chunks_of(7, n);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0], (7, 7 + HISTORY_SENTENCES));
        assert_eq!(c.last().map(|x| x.1), Some(7 + n));
        assert!(c.windows(2).all(|w| w[0].1 == w[1].0));
        assert!(chunks_of(0, 0).is_empty());
    }

    #[test]
    fn counts() {
        let mut c = Counts::default();
        c.add(&[1, 2, 0, 3], &[1, 0, 0, 3]);
        assert_eq!(c.by[0], (0, 1, 1));
        assert_eq!(c.by[1], (1, 1, 1));
        assert!((c.micro_f1() - 0.5).abs() < 1e-9);
    }
}
