//! Word clusters for the NER tagger: a compact table of a cluster id per word hash, and (native only) the
//! command that learns it from unlabelled text by distributional clustering.
//!
//! Words that occur in the same contexts (the words around them) get the same id, so the tagger generalises
//! from a name it saw in training to names it never saw that are written in the same places (`کرج` → other
//! cities, a rare given name → the common ones). Learning ([`learn`]) uses the text of the corpora only, never
//! their labels:
//!
//! 1. every word seen at least [`MIN_COUNT`] times (at most [`MAX_WORDS`] of them) is described by its
//!    neighbours: which of the [`CONTEXTS`] most frequent tokens stand one and two places to its left and right;
//! 2. those counts are weighted by positive pointwise mutual information, giving a sparse vector of unit length;
//! 3. spherical k-means splits the words into [`K1`] clusters, each of those into [`K2`], each of those into
//!    [`K3`]: a word's id (0..1024) read in bits gives three nested granularities, as Brown cluster prefixes do.
//!
//! Everything is deterministic (fixed order, fixed seeds): the same text gives the same table.
//!
//! Table format: open addressing over 2^bits slots of 3 bytes (check byte, id + 1 as u16 little-endian); an
//! empty slot is all zero; a word is looked for in at most [`Clusters::PROBES`] slots.

/// Clusters at the first level.
pub const K1: usize = 16;
/// Sub-clusters of each first-level cluster.
pub const K2: usize = 8;
/// Sub-clusters of each second-level cluster.
pub const K3: usize = 8;
/// Bits of the third level in an id.
pub const B3: u32 = 3;
/// Bits of the second and third levels in an id.
pub const B23: u32 = 6;

/// A word-cluster table over slots built by [`Clusters::build`].
#[derive(Debug, Clone, Copy)]
pub struct Clusters<'a> {
    bits: u32,
    slots: &'a [u8],
}

impl Clusters<'static> {
    /// The empty table (every word is unknown).
    pub const EMPTY: Clusters<'static> = Clusters { bits: 0, slots: &[] };
}

impl<'a> Clusters<'a> {
    /// Slots tried per word.
    pub const PROBES: usize = 8;

    /// Bytes of a table of 2^bits slots.
    pub fn len_for(bits: u32) -> usize {
        if bits == 0 {
            0
        } else {
            3usize << bits
        }
    }

    fn home(bits: u32, h: u32) -> (usize, u8) {
        let x = h.wrapping_mul(0x6F4F_2A35).rotate_left(17);
        ((x >> (32 - bits)) as usize, ((h >> 24) as u8).max(1))
    }

    /// A table over slots built by [`Clusters::build`] (the empty table if the sizes disagree).
    pub fn new(bits: u32, slots: &'a [u8]) -> Clusters<'a> {
        if bits == 0 || bits > 24 || slots.len() != Clusters::len_for(bits) {
            return Clusters { bits: 0, slots: &[] };
        }
        Clusters { bits, slots }
    }

    /// The cluster id + 1 of a word hash (0 when the word has no cluster).
    #[inline]
    pub fn get(&self, h: u32) -> u32 {
        if self.bits == 0 {
            return 0;
        }
        let mask = (1usize << self.bits) - 1;
        let (mut i, check) = Clusters::home(self.bits, h);
        for _ in 0..Clusters::PROBES {
            match self.slots.get(3 * i..3 * i + 3) {
                Some(&[c, lo, hi]) if c == check => return u32::from(u16::from_le_bytes([lo, hi])),
                Some(&[0, _, _]) | None => return 0,
                _ => {}
            }
            i = (i + 1) & mask;
        }
        0
    }

    /// Builds the slots from (word hash, id) pairs, most important first; a pair that finds no free slot is
    /// left out.
    pub fn build(bits: u32, entries: &[(u32, u16)]) -> Vec<u8> {
        let mut slots = vec![0u8; Clusters::len_for(bits)];
        if bits == 0 {
            return slots;
        }
        let mask = (1usize << bits) - 1;
        for &(h, id) in entries {
            let (mut i, check) = Clusters::home(bits, h);
            for _ in 0..Clusters::PROBES {
                if slots[3 * i] == 0 {
                    let v = (id.saturating_add(1)).to_le_bytes();
                    slots[3 * i..3 * i + 3].copy_from_slice(&[check, v[0], v[1]]);
                    break;
                }
                if slots[3 * i] == check {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        slots
    }
}

/// Words seen fewer times than this get no cluster.
pub const MIN_COUNT: u32 = 3;
/// At most this many words (the most frequent) are clustered.
pub const MAX_WORDS: usize = 90_000;
/// Number of context words (the most frequent tokens).
pub const CONTEXTS: usize = 2000;

#[cfg(not(target_arch = "wasm32"))]
mod learning {
    use super::*;
    use std::collections::HashMap;

    /// SplitMix64, for the k-means seeds.
    fn splitmix(mut z: u64) -> u64 {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Learns cluster ids from token sequences (`hash`, `clusterable`): the hash of each token as the tagger
    /// sees it, and whether it is a word that may get a cluster (not punctuation or a number). Returns (word
    /// hash, id) pairs, most frequent word first.
    pub fn learn(seqs: &[Vec<(u32, bool)>], log: &mut dyn FnMut(&str)) -> Vec<(u32, u16)> {
        learn_levels(seqs, [K1, K2, K3], log)
    }

    /// [`learn`] with `levels` clusters at each level (at most 16, 8, 8).
    pub fn learn_levels(seqs: &[Vec<(u32, bool)>], levels: [usize; 3], log: &mut dyn FnMut(&str)) -> Vec<(u32, u16)> {
        let [k1, k2, k3] = [levels[0].clamp(1, K1), levels[1].clamp(1, K2), levels[2].clamp(1, K3)];
        // Token counts.
        let mut count: HashMap<u32, u32> = HashMap::new();
        let mut word: HashMap<u32, bool> = HashMap::new();
        for s in seqs {
            for &(h, w) in s {
                *count.entry(h).or_insert(0) += 1;
                word.insert(h, w);
            }
        }
        let mut by_freq: Vec<(u32, u32)> = count.iter().map(|(&h, &c)| (h, c)).collect();
        by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // Context vocabulary: the most frequent tokens, and the sentence edges (ids CONTEXTS, CONTEXTS + 1).
        let (contexts, min_count, max_words) = (CONTEXTS, MIN_COUNT, MAX_WORDS);
        let ctx: HashMap<u32, u32> = by_freq.iter().take(contexts).enumerate().map(|(i, e)| (e.0, i as u32)).collect();
        let edge = contexts as u32;
        let nctx = contexts + 2;
        // Words to cluster.
        let vocab: Vec<(u32, u32)> = by_freq
            .iter()
            .filter(|e| e.1 >= min_count && word.get(&e.0).copied().unwrap_or(false))
            .take(max_words)
            .copied()
            .collect();
        let index: HashMap<u32, u32> = vocab.iter().enumerate().map(|(i, e)| (e.0, i as u32)).collect();
        log(&format!("clusters: {} words, {} contexts", vocab.len(), nctx));
        // (word, context feature) pairs: feature = offset slot (0..4) * nctx + context id.
        let mut pairs: Vec<u64> = Vec::new();
        for s in seqs {
            for (i, &(h, _)) in s.iter().enumerate() {
                let Some(&v) = index.get(&h) else { continue };
                for (slot, d) in [-2isize, -1, 1, 2].iter().enumerate() {
                    let j = i as isize + d;
                    let c = if j < 0 || j as usize >= s.len() {
                        edge + u32::from(j >= 0)
                    } else {
                        match ctx.get(&s[j as usize].0) {
                            Some(&c) => c,
                            None => continue,
                        }
                    };
                    let f = slot as u64 * nctx as u64 + u64::from(c);
                    pairs.push(u64::from(v) << 32 | f);
                }
            }
        }
        pairs.sort_unstable();
        let nf = 4 * nctx;
        let mut fcount = vec![0f64; nf];
        let mut wcount = vec![0f64; vocab.len()];
        let mut runs: Vec<(u32, u32, f64)> = Vec::new();
        let mut k = 0;
        while k < pairs.len() {
            let mut e = k + 1;
            while e < pairs.len() && pairs[e] == pairs[k] {
                e += 1;
            }
            let (v, f) = ((pairs[k] >> 32) as u32, pairs[k] as u32);
            let n = (e - k) as f64;
            fcount[f as usize] += n;
            wcount[v as usize] += n;
            runs.push((v, f, n));
            k = e;
        }
        let total: f64 = fcount.iter().sum::<f64>().max(1.0);
        // Sparse PPMI vectors, unit length: (feature, weight) runs per word, in word order.
        let mut vecs = Sparse { start: vec![0; vocab.len() + 1], feat: Vec::new(), val: Vec::new(), dim: nf };
        for &(v, f, n) in &runs {
            let pmi = (n * total / (wcount[v as usize] * fcount[f as usize])).ln();
            if pmi > 0.0 {
                vecs.feat.push(f);
                vecs.val.push(pmi as f32);
                vecs.start[v as usize + 1] = vecs.feat.len();
            }
        }
        for v in 0..vocab.len() {
            vecs.start[v + 1] = vecs.start[v + 1].max(vecs.start[v]);
            let r = vecs.start[v]..vecs.start[v + 1];
            let n = vecs.val[r.clone()].iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 0.0 {
                vecs.val[r].iter_mut().for_each(|x| *x /= n);
            }
        }
        // Hierarchical spherical k-means.
        let all: Vec<u32> = (0..vocab.len() as u32).collect();
        let mut ids = vec![0u16; vocab.len()];
        let top = kmeans(&vecs, &all, k1, 1);
        for (c1, m1) in top.iter().enumerate() {
            let mid = kmeans(&vecs, m1, k2, 100 + c1 as u64);
            for (c2, m2) in mid.iter().enumerate() {
                let low = kmeans(&vecs, m2, k3, 1000 + (c1 * K2 + c2) as u64);
                for (c3, m3) in low.iter().enumerate() {
                    for &v in m3 {
                        ids[v as usize] = ((c1 << B23) | (c2 << B3) | c3) as u16;
                    }
                }
            }
        }
        vocab.iter().zip(ids).map(|(e, id)| (e.0, id)).collect()
    }

    /// Sparse unit vectors: word `v` has features `feat[start[v]..start[v + 1]]` with weights `val[..]`.
    struct Sparse {
        start: Vec<usize>,
        feat: Vec<u32>,
        val: Vec<f32>,
        dim: usize,
    }

    impl Sparse {
        fn row(&self, v: u32) -> (&[u32], &[f32]) {
            let r = self.start[v as usize]..self.start[v as usize + 1];
            (&self.feat[r.clone()], &self.val[r])
        }

        /// Dot product of word `v` with a dense vector.
        fn dot(&self, v: u32, dense: &[f32]) -> f32 {
            let (f, x) = self.row(v);
            f.iter().zip(x).map(|(&f, &x)| x * dense[f as usize]).sum()
        }

        /// Adds word `v` into a dense vector.
        fn add_to(&self, v: u32, dense: &mut [f32]) {
            let (f, x) = self.row(v);
            for (&f, &x) in f.iter().zip(x) {
                dense[f as usize] += x;
            }
        }
    }

    fn normalise(row: &mut [f32]) {
        let n = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            row.iter_mut().for_each(|x| *x /= n);
        }
    }

    /// Spherical k-means of the members `of` (indices into `vecs`) into `k` groups; deterministic given `seed`.
    /// Returns the members of each group (some may be empty).
    fn kmeans(vecs: &Sparse, of: &[u32], k: usize, seed: u64) -> Vec<Vec<u32>> {
        let n = of.len();
        let dim = vecs.dim;
        let mut groups = vec![Vec::new(); k];
        if n <= k {
            for (i, &v) in of.iter().enumerate() {
                groups[i].push(v);
            }
            return groups;
        }
        // Seeds by k-means++ (each next seed drawn with probability growing with its distance from the seeds
        // so far), from a fixed generator: identical points are never picked twice.
        let mut cent = vec![0f32; k * dim];
        let mut s = splitmix(seed);
        let first = (s % n as u64) as usize;
        vecs.add_to(of[first], &mut cent[..dim]);
        let mut near = vec![f32::MIN; n];
        for c in 1..k {
            let mut total = 0f64;
            for (i, &v) in of.iter().enumerate() {
                near[i] = near[i].max(vecs.dot(v, &cent[(c - 1) * dim..c * dim]));
                total += f64::from((1.0 - near[i]).max(0.0));
            }
            s = splitmix(s);
            let mut r = (s >> 11) as f64 / (1u64 << 53) as f64 * total;
            let mut pick = n - 1;
            for (i, &x) in near.iter().enumerate() {
                r -= f64::from((1.0 - x).max(0.0));
                if r < 0.0 {
                    pick = i;
                    break;
                }
            }
            vecs.add_to(of[pick], &mut cent[c * dim..c * dim + dim]);
        }
        let mut assign = vec![0usize; n];
        for _ in 0..15 {
            let mut moved = 0;
            for (i, &v) in of.iter().enumerate() {
                let mut best = (f32::MIN, 0);
                for c in 0..k {
                    let d = vecs.dot(v, &cent[c * dim..c * dim + dim]);
                    if d > best.0 {
                        best = (d, c);
                    }
                }
                if assign[i] != best.1 {
                    moved += 1;
                }
                assign[i] = best.1;
            }
            cent.iter_mut().for_each(|x| *x = 0.0);
            for (i, &v) in of.iter().enumerate() {
                let c = assign[i];
                vecs.add_to(v, &mut cent[c * dim..c * dim + dim]);
            }
            for c in cent.chunks_exact_mut(dim) {
                normalise(c);
            }
            if moved == 0 {
                break;
            }
        }
        for (i, &v) in of.iter().enumerate() {
            groups[assign[i]].push(v);
        }
        groups
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use learning::{learn, learn_levels};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trip() {
        let entries: Vec<(u32, u16)> = (0..500u32).map(|i| (i.wrapping_mul(0x9E37_79B1), (i % 1024) as u16)).collect();
        let slots = Clusters::build(10, &entries);
        let t = Clusters::new(10, &slots);
        for &(h, id) in &entries {
            assert_eq!(t.get(h), u32::from(id) + 1);
        }
        assert_eq!(t.get(0xDEAD_BEEF), 0);
        assert_eq!(Clusters::new(10, &slots[1..]).get(entries[0].0), 0);
        assert_eq!(Clusters::EMPTY.get(1), 0);
    }

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        // Two families of words: (1, 2, 3) always between 100 and 101, (4, 5, 6) always between 200 and 201.
        let mut seqs = Vec::new();
        for r in 0..40u32 {
            for &w in &[1u32, 2, 3] {
                seqs.push(vec![(100, false), (w, true), (101, false), (300 + r % 3, false)]);
            }
            for &w in &[4u32, 5, 6] {
                seqs.push(vec![(200, false), (w, true), (201, false), (400 + r % 5, false)]);
            }
        }
        let got: std::collections::HashMap<u32, u16> = learn_levels(&seqs, [2, 2, 2], &mut |_| {}).into_iter().collect();
        let top = |w: u32| got[&w] >> B23;
        assert_eq!(top(1), top(2));
        assert_eq!(top(2), top(3));
        assert_eq!(top(4), top(5));
        assert_ne!(top(1), top(4));
        // Deterministic.
        let again: std::collections::HashMap<u32, u16> = learn_levels(&seqs, [2, 2, 2], &mut |_| {}).into_iter().collect();
        assert_eq!(got, again);
    }
}
