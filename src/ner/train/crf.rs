//! The linear-chain CRF objective of the NER trainer (`hashiya train --objective crf`): averaged SGD on the log-likelihood.
//!
//! The model is the perceptron's: the same feature rows (a sentence's [`Prepared`] rows and its history rows),
//! start and transition scores, decoded by the same constrained Viterbi; only the learning differs. Each
//! sentence's probability is normalised over the state sequences [`state_allowed`] and [`state_final`] permit
//! (forward-backward in log space, the disallowed starts and transitions at minus infinity and never learned),
//! and one SGD step moves the weights by the gold feature counts minus their expected counts: node marginals
//! for the emission rows, edge marginals for the transitions, first-token marginals for the start scores.
//!
//! The learning rate falls as `eta0 / (1 + t / n)` (`t` sentences seen, `n` in the data). The L2 penalty
//! (`C/2 |w|^2` over the whole data, `C/n` per sentence) is a decay of every weight, kept as one global scale
//! factor `s` (true weight = `s × v`), so a step only touches the rows the sentence uses. The weights are
//! averaged over all steps with the perceptron's sums trick, generalised to the scale: with `S` the sum of the
//! scales so far, each change `dv` adds `dv × S` to `acc`, and `Σ_t s_t v_t = v S − acc`.

use super::super::features::{History, NH};
use super::super::model::{state_allowed, state_final, viterbi, NT};
use super::{evaluate_float, hist_rows, Config, Perceptron, Prepared, Rng, Weights};

/// Which states may start a sentence, follow each other and end one.
struct Constraints {
    start: [bool; NT],
    trans: [[bool; NT]; NT],
    fin: [bool; NT],
}

impl Constraints {
    fn new() -> Constraints {
        let mut c = Constraints { start: [false; NT], trans: [[false; NT]; NT], fin: [false; NT] };
        for t in 0..NT {
            c.start[t] = state_allowed(None, t as u8);
            c.fin[t] = state_final(t as u8);
            for p in 0..NT {
                c.trans[p][t] = state_allowed(Some(p as u8), t as u8);
            }
        }
        c
    }
}

/// Scratch space of [`forward_backward`], with the state constraints it and [`Crf::step`] read.
pub(super) struct Lattice {
    cons: Constraints,
    alpha: Vec<[f64; NT]>,
    beta: Vec<[f64; NT]>,
    /// Node marginals: the probability of each state at each position.
    pub(super) node: Vec<[f64; NT]>,
    /// Expected transition counts (edge marginals summed over the positions).
    pub(super) edges: [[f64; NT]; NT],
}

impl Default for Lattice {
    fn default() -> Lattice {
        Lattice { cons: Constraints::new(), alpha: Vec::new(), beta: Vec::new(), node: Vec::new(), edges: [[0.0; NT]; NT] }
    }
}

/// `m + ln Σ exp(x − m)` of the finite entries; minus infinity when there are none.
fn log_sum_exp(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + x.iter().map(|&v| (v - m).exp()).sum::<f64>().ln()
}

/// Forward-backward in log space over the allowed state sequences of emission scores `em` with start and
/// transition scores; fills `lat.node` and `lat.edges` and returns log Z (minus infinity for no tokens).
pub(super) fn forward_backward(em: &[[f32; NT]], start: &[f64; NT], trans: &[[f64; NT]; NT], lat: &mut Lattice) -> f64 {
    let n = em.len();
    let cons = &lat.cons;
    lat.edges = [[0.0; NT]; NT];
    lat.node.clear();
    if n == 0 {
        return f64::NEG_INFINITY;
    }
    // exp(trans − tmax) on the allowed transitions, 0 elsewhere: each step is then a matrix-vector product of
    // shifted exponentials, exact in log space and 13 exponentials a position instead of 91.
    let tmax = (0..NT).flat_map(|p| (0..NT).map(move |t| (p, t))).filter(|&(p, t)| cons.trans[p][t]).map(|(p, t)| trans[p][t]).fold(f64::NEG_INFINITY, f64::max);
    let mut et = [[0.0f64; NT]; NT];
    for p in 0..NT {
        for t in 0..NT {
            if cons.trans[p][t] {
                et[p][t] = (trans[p][t] - tmax).exp();
            }
        }
    }
    let neg = f64::NEG_INFINITY;
    lat.alpha.clear();
    lat.alpha.resize(n, [neg; NT]);
    lat.beta.clear();
    lat.beta.resize(n, [neg; NT]);
    for t in 0..NT {
        if cons.start[t] {
            lat.alpha[0][t] = start[t] + f64::from(em[0][t]);
        }
    }
    let shifted = |x: &[f64; NT]| -> (f64, [f64; NT]) {
        let m = x.iter().copied().fold(neg, f64::max);
        if m == neg {
            return (m, [0.0; NT]);
        }
        (m, x.map(|v| (v - m).exp()))
    };
    for (i, e) in em.iter().enumerate().skip(1) {
        let (m, a) = shifted(&lat.alpha[i - 1]);
        if m == neg {
            continue;
        }
        for (t, out) in lat.alpha[i].iter_mut().enumerate() {
            let s: f64 = a.iter().zip(&et).map(|(x, row)| x * row[t]).sum();
            if s > 0.0 {
                *out = m + tmax + s.ln() + f64::from(e[t]);
            }
        }
    }
    for t in 0..NT {
        if cons.fin[t] {
            lat.beta[n - 1][t] = 0.0;
        }
    }
    for i in (0..n - 1).rev() {
        let mut b = [neg; NT];
        for t in 0..NT {
            b[t] = lat.beta[i + 1][t] + f64::from(em[i + 1][t]);
        }
        let (m, c) = shifted(&b);
        if m == neg {
            continue;
        }
        for (out, row) in lat.beta[i].iter_mut().zip(&et) {
            let s: f64 = row.iter().zip(&c).map(|(x, y)| x * y).sum();
            if s > 0.0 {
                *out = m + tmax + s.ln();
            }
        }
    }
    let mut last = lat.alpha[n - 1];
    for (x, &f) in last.iter_mut().zip(&cons.fin) {
        if !f {
            *x = neg;
        }
    }
    let log_z = log_sum_exp(&last);
    if !log_z.is_finite() {
        return log_z;
    }
    for (al, be) in lat.alpha.iter().zip(&lat.beta) {
        let mut r = [0.0; NT];
        for (x, (a, b)) in r.iter_mut().zip(al.iter().zip(be)) {
            *x = (a + b - log_z).exp();
        }
        lat.node.push(r);
    }
    for (i, e) in em.iter().enumerate().skip(1) {
        let (m1, a) = shifted(&lat.alpha[i - 1]);
        let mut b = [neg; NT];
        for (x, (be, &y)) in b.iter_mut().zip(lat.beta[i].iter().zip(e)) {
            *x = be + f64::from(y);
        }
        let (m2, c) = shifted(&b);
        if m1 == neg || m2 == neg {
            continue;
        }
        let k = (m1 + m2 + tmax - log_z).exp();
        for ((out, row), &x) in lat.edges.iter_mut().zip(&et).zip(&a) {
            if x == 0.0 {
                continue;
            }
            for ((o, &y), &z) in out.iter_mut().zip(row).zip(&c) {
                *o += x * y * z * k;
            }
        }
    }
    log_z
}

/// The score of a state sequence (minus infinity when the constraints forbid it).
pub(super) fn path_score(em: &[[f32; NT]], start: &[f64; NT], trans: &[[f64; NT]; NT], tags: &[u8]) -> f64 {
    let mut s = 0.0;
    let mut prev: Option<u8> = None;
    for (e, &t) in em.iter().zip(tags) {
        if usize::from(t) >= NT || !state_allowed(prev, t) {
            return f64::NEG_INFINITY;
        }
        s += f64::from(e[usize::from(t)]) + prev.map_or(start[usize::from(t)], |p| trans[usize::from(p)][usize::from(t)]);
        prev = Some(t);
    }
    if prev.is_some_and(|p| !state_final(p)) {
        return f64::NEG_INFINITY;
    }
    s
}

/// CRF weights during training: scaled weights, their sums for averaging, and the SGD state.
pub(super) struct Crf {
    bits: u32,
    /// Emission weights divided by the scale.
    v: Vec<f32>,
    /// Σ over changes of (change of `v`) × (sum of the scales before it).
    acc: Vec<f64>,
    start: [f64; NT],
    start_acc: [f64; NT],
    trans: [[f64; NT]; NT],
    trans_acc: [[f64; NT]; NT],
    /// The global scale: a weight is `scale × v`.
    scale: f64,
    /// The sum of the scales after every step so far (since the last rescaling).
    scale_sum: f64,
    /// Steps taken (sentences seen).
    steps: f64,
}

/// Below this the scale is folded into the weights.
const MIN_SCALE: f64 = 1e-6;

impl Crf {
    pub(super) fn new(bits: u32) -> Crf {
        let n = (1usize << bits) * NT;
        Crf {
            bits,
            v: vec![0.0; n],
            acc: vec![0.0; n],
            start: [0.0; NT],
            start_acc: [0.0; NT],
            trans: [[0.0; NT]; NT],
            trans_acc: [[0.0; NT]; NT],
            scale: 1.0,
            scale_sum: 0.0,
            steps: 0.0,
        }
    }

    /// The current (not averaged) start and transition scores.
    fn chain(&self) -> ([f64; NT], [[f64; NT]; NT]) {
        (self.start.map(|x| x * self.scale), self.trans.map(|r| r.map(|x| x * self.scale)))
    }

    /// Emission scores under the current weights.
    fn emissions(&self, p: &Prepared, hrows: &[u32], em: &mut Vec<[f32; NT]>) {
        Perceptron::emissions(&self.v, p, hrows, &[], em);
        let s = self.scale as f32;
        for e in em.iter_mut() {
            for x in e.iter_mut() {
                *x *= s;
            }
        }
    }

    /// Folds the scale into the weights (when it has become small), keeping the averaging sums exact.
    fn rescale(&mut self) {
        let (s, big) = (self.scale, self.scale_sum);
        // The sums so far, Σ s v = v S − acc, become −acc' with S' = 0; v' = s v and s' = 1.
        for (v, a) in self.v.iter_mut().zip(self.acc.iter_mut()) {
            *a = -(f64::from(*v) * big - *a);
            *v = (f64::from(*v) * s) as f32;
        }
        for t in 0..NT {
            self.start_acc[t] = -(self.start[t] * big - self.start_acc[t]);
            self.start[t] *= s;
            for u in 0..NT {
                self.trans_acc[t][u] = -(self.trans[t][u] * big - self.trans_acc[t][u]);
                self.trans[t][u] *= s;
            }
        }
        self.scale = 1.0;
        self.scale_sum = 0.0;
    }

    /// One SGD step on a sentence whose emission scores under the current weights are `em`: decays the weights
    /// by `decay` and moves them `eta` along the gradient of the sentence's log-likelihood. Returns the
    /// sentence's negative log-likelihood before the step, or `None` when its gold sequence is not an allowed one
    /// (the sentence is then not learned from).
    fn step(&mut self, p: &Prepared, hrows: &[u32], em: &[[f32; NT]], eta: f64, decay: f64, lat: &mut Lattice) -> Option<f64> {
        let (start, trans) = self.chain();
        let gold = path_score(em, &start, &trans, &p.tags);
        if !gold.is_finite() || p.tags.is_empty() {
            return None;
        }
        let log_z = forward_backward(em, &start, &trans, lat);
        if !log_z.is_finite() {
            return None;
        }
        self.scale *= decay;
        let big = self.scale_sum;
        let k = eta / self.scale;
        for (i, &g) in p.tags.iter().enumerate() {
            let mut d = lat.node[i].map(|x| -x);
            d[usize::from(g)] += 1.0;
            let df = d.map(|x| (x * k) as f32);
            for &r in p.rows[i * p.stride..(i + 1) * p.stride].iter().chain(&hrows[i * NH..i * NH + NH]) {
                if r == super::DROPPED {
                    continue;
                }
                let base = r as usize * NT;
                let v = &mut self.v[base..base + NT];
                let a = &mut self.acc[base..base + NT];
                for ((v, a), &d) in v.iter_mut().zip(a.iter_mut()).zip(&df) {
                    *v += d;
                    *a += f64::from(d) * big;
                }
            }
        }
        let cons = &lat.cons;
        let mut dt = lat.edges.map(|r| r.map(|x| -x));
        for w in p.tags.windows(2) {
            dt[usize::from(w[0])][usize::from(w[1])] += 1.0;
        }
        let mut ds = lat.node[0].map(|x| -x);
        ds[usize::from(p.tags[0])] += 1.0;
        let add = |w: &mut f64, acc: &mut f64, d: f64| {
            *w += d * k;
            *acc += d * k * big;
        };
        for t in 0..NT {
            if cons.start[t] {
                add(&mut self.start[t], &mut self.start_acc[t], ds[t]);
            }
            for (u, &d) in dt[t].iter().enumerate() {
                if cons.trans[t][u] {
                    add(&mut self.trans[t][u], &mut self.trans_acc[t][u], d);
                }
            }
        }
        Some(log_z - gold)
    }

    /// Ends a step: the weights after it count once in the average.
    fn tick(&mut self) {
        self.scale_sum += self.scale;
        self.steps += 1.0;
        if self.scale < MIN_SCALE {
            self.rescale();
        }
    }

    /// The weights averaged over all steps (the current ones before any).
    pub(super) fn averaged(&self) -> Weights {
        let (s, big) = if self.steps > 0.0 { (self.scale_sum, self.steps) } else { (self.scale, 1.0) };
        let (acc_w, acc_s) = if self.steps > 0.0 { (1.0, 1.0) } else { (0.0, 0.0) };
        let w = self.v.iter().zip(&self.acc).map(|(&v, &a)| ((f64::from(v) * s - acc_w * a) / big) as f32).collect();
        let mut start = [0f32; NT];
        let mut trans = [[0f32; NT]; NT];
        let avg = |v: f64, a: f64| ((v * s - acc_s * a) / big) as f32;
        for (t, x) in start.iter_mut().enumerate() {
            *x = avg(self.start[t], self.start_acc[t]);
            for (u, y) in trans[t].iter_mut().enumerate() {
                *y = avg(self.trans[t][u], self.trans_acc[t][u]);
            }
        }
        Weights { bits: self.bits, w, start, trans }
    }
}

/// Trains CRF weights on prepared sentences (the chunks in the perceptron's shuffled order, each chunk's
/// sentences in order with the history of the tagger's own decoding), scoring the averaged weights on `dev`
/// after every epoch when it is not empty.
pub(super) fn train_crf(data: &[Prepared], chunks: &[(usize, usize)], cfg: &Config, dev: &[Prepared], log: &mut dyn FnMut(&str)) -> Crf {
    let mut crf = Crf::new(cfg.bits);
    let n = chunks.iter().map(|&(lo, hi)| hi - lo).sum::<usize>().max(1) as f64;
    let mut order: Vec<usize> = (0..chunks.len()).collect();
    let mut rng = Rng(cfg.seed);
    let mut drng = Rng(cfg.seed ^ 0xD20F);
    let (mut em, mut back, mut pred, mut hrows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut lat = Lattice::default();
    let mut hist = History::default();
    let mut t = 0.0f64;
    for epoch in 0..cfg.epochs {
        let t0 = std::time::Instant::now();
        rng.shuffle(&mut order);
        let (mut wrong, mut total, mut nll, mut skipped) = (0usize, 0usize, 0.0f64, 0usize);
        for &k in &order {
            hist.clear();
            let (lo, hi) = chunks[k];
            for s0 in &data[lo..hi] {
                // Feature dropout, as the perceptron's ([`Config::fdrop`]).
                let s = &*super::with_dropout(s0, cfg.fdrop, &mut drng);
                hist_rows(cfg.bits, s, &hist, &mut hrows);
                crf.emissions(s, &hrows, &mut em);
                // The history records what the tagger decodes with the weights it has when it meets the
                // sentence, as the perceptron's does.
                let (start, trans) = crf.chain();
                viterbi(&em, &start.map(|x| x as f32), &trans.map(|r| r.map(|x| x as f32)), &mut back, &mut pred);
                total += s.tags.len();
                wrong += s.tags.iter().zip(&pred).filter(|(a, b)| a != b).count();
                let eta = cfg.eta0 / (1.0 + t / n);
                match crf.step(s, &hrows, &em, eta, 1.0 - eta * cfg.l2 / n, &mut lat) {
                    Some(x) => nll += x,
                    None if !s.tags.is_empty() => skipped += 1,
                    None => {}
                }
                hist.record(&s.infos, &pred);
                crf.tick();
                t += 1.0;
            }
        }
        log(&format!(
            "epoch {}: {:.4} of tokens mistagged, mean negative log-likelihood {:.4}, {skipped} sentences not allowed, {:.1}s",
            epoch + 1,
            wrong as f64 / total.max(1) as f64,
            nll / n,
            t0.elapsed().as_secs_f64()
        ));
        if !dev.is_empty() {
            log(&format!("  dev (float, averaged): micro-F1 {:.4}", evaluate_float(&crf.averaged(), dev).micro_f1()));
        }
    }
    crf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every allowed state sequence of length `n`.
    fn sequences(n: usize) -> Vec<Vec<u8>> {
        let mut out: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..n {
            out = out.into_iter().flat_map(|s| (0..NT as u8).map(move |t| [s.clone(), vec![t]].concat())).collect();
        }
        out.retain(|s| s.first().is_none_or(|&t| state_allowed(None, t)) && s.windows(2).all(|w| state_allowed(Some(w[0]), w[1])) && s.last().is_none_or(|&t| state_final(t)));
        out
    }

    /// A deterministic pseudo-random score in [-2, 2).
    fn score(rng: &mut Rng) -> f64 {
        (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * 4.0 - 2.0
    }

    #[test]
    fn marginals_match_brute_force_enumeration() {
        let mut rng = Rng(7);
        for n in 1..=3 {
            let em: Vec<[f32; NT]> = (0..n).map(|_| [0; NT].map(|_: i32| score(&mut rng) as f32)).collect();
            let start = [0; NT].map(|_: i32| score(&mut rng));
            let trans = [[0; NT]; NT].map(|r: [i32; NT]| r.map(|_| score(&mut rng)));
            let mut lat = Lattice::default();
            let log_z = forward_backward(&em, &start, &trans, &mut lat);
            // Brute force: every allowed sequence, its probability, the marginals it adds to.
            let seqs = sequences(n);
            let scores: Vec<f64> = seqs.iter().map(|s| path_score(&em, &start, &trans, s)).collect();
            assert!(scores.iter().all(|s| s.is_finite()));
            let z = log_sum_exp(&scores);
            assert!((z - log_z).abs() < 1e-9, "n {n}: {z} vs {log_z}");
            let mut node = vec![[0.0f64; NT]; n];
            let mut edges = [[0.0f64; NT]; NT];
            for (s, &sc) in seqs.iter().zip(&scores) {
                let pr = (sc - z).exp();
                for (i, &t) in s.iter().enumerate() {
                    node[i][usize::from(t)] += pr;
                }
                for w in s.windows(2) {
                    edges[usize::from(w[0])][usize::from(w[1])] += pr;
                }
            }
            assert_eq!(lat.node.len(), n);
            for (i, (got, want)) in lat.node.iter().zip(&node).enumerate() {
                let sum: f64 = got.iter().sum();
                assert!((sum - 1.0).abs() < 1e-9, "position {i} sums to {sum}");
                for (t, (x, y)) in got.iter().zip(want).enumerate() {
                    assert!((x - y).abs() < 1e-9, "n {n}, node ({i}, {t})");
                }
            }
            for (p, (got, want)) in lat.edges.iter().zip(&edges).enumerate() {
                for (t, (x, y)) in got.iter().zip(want).enumerate() {
                    assert!((x - y).abs() < 1e-9, "n {n}, edge ({p}, {t})");
                    if !state_allowed(Some(p as u8), t as u8) {
                        assert_eq!(*x, 0.0);
                    }
                }
                if !state_allowed(None, p as u8) || (n == 1 && !state_final(p as u8)) {
                    assert_eq!(lat.node[0][p], 0.0);
                }
            }
            // The edge marginals of each step sum to one too.
            let total: f64 = lat.edges.iter().flatten().sum();
            assert!((total - (n - 1) as f64).abs() < 1e-9);
        }
    }

    #[test]
    fn large_scores_stay_finite() {
        // Scores far beyond exp's range must not overflow the log-space recursions.
        let mut em = vec![[0f32; NT]; 4];
        em[1][1] = 900.0;
        em[2][3] = 900.0;
        let mut trans = [[0.0; NT]; NT];
        trans[0][0] = -800.0;
        let mut lat = Lattice::default();
        let log_z = forward_backward(&em, &[0.0; NT], &trans, &mut lat);
        assert!(log_z.is_finite());
        // B-PER, L-PER in the middle; before and after, O or one of the three U states, each scoring 0.
        assert!((log_z - (1800.0 + 16f64.ln())).abs() < 1e-6, "{log_z}");
        assert!((lat.node[1][1] - 1.0).abs() < 1e-9 && (lat.node[2][3] - 1.0).abs() < 1e-9);
        assert!(lat.node.iter().flatten().all(|x| x.is_finite()));
        assert!(forward_backward(&[], &[0.0; NT], &trans, &mut lat) == f64::NEG_INFINITY && lat.node.is_empty());
    }

    #[test]
    fn scaled_averaging_matches_plain_sums() {
        // The scale-and-sums bookkeeping against the average of the true weights kept step by step.
        let mut c = Crf::new(8);
        let mut rng = Rng(3);
        let mut sum = vec![0.0f64; c.v.len()];
        let steps = 50;
        for i in 0..steps {
            c.scale *= 0.5 + 0.5 * (rng.next() % 100) as f64 / 100.0;
            let big = c.scale_sum;
            for _ in 0..5 {
                let j = (rng.next() % c.v.len() as u64) as usize;
                let d = (score(&mut rng) / c.scale) as f32;
                c.v[j] += d;
                c.acc[j] += f64::from(d) * big;
            }
            c.tick();
            if i == 20 {
                c.rescale();
            }
            for (s, &v) in sum.iter_mut().zip(&c.v) {
                *s += f64::from(v) * c.scale;
            }
        }
        let avg = c.averaged();
        for (a, s) in avg.w.iter().zip(&sum) {
            assert!((f64::from(*a) - s / f64::from(steps)).abs() < 1e-3 * (1.0 + s.abs()), "{a} vs {}", s / f64::from(steps));
        }
    }
}
