//! The NER model: BIO tags and the BILOU states the tagger decodes, the compact binary format read in place,
//! emission scores and constrained Viterbi.
//!
//! Corpora and the recognizer speak BIO (`O`, `B-X`, `I-X`: 7 tags). The tagger itself decodes BILOU states
//! (`O`, and per label `B` first, `I` inside, `L` last of a multi-word name, `U` a one-word name: 13 states):
//! the last word of a name and a one-word name get their own weights, which sharpens the ends of multi-word
//! names. [`to_states`] and [`to_bio`] convert between the two.
//!
//! Format (little-endian), read without copying:
//!
//! | bytes | content |
//! |---|---|
//! | 0..4 | magic `HNER` |
//! | 4 | version: 4 (no domain features), 5 (byte 11 names the domain-feature scheme), or 6 (as 5, or no scheme, with a letter guesser at the end) |
//! | 5 | `bits`: the weight table has 2^bits rows |
//! | 6 | number of states (13) |
//! | 7 | `fbits`: the entity-start frequency table has 2^fbits entries |
//! | 8 | `lbits`: the word-class table has 2^lbits slots |
//! | 9 | `cbits`: the word-cluster table has 2^cbits slots (0: none) |
//! | 10 | `pbits`: the name-phrase table has 2^pbits slots (0: none) |
//! | 11 | zero in version 4; in version 5 the domain-feature scheme ([`super::features::domain_templates`]: 1 to 4); in version 6 that or zero |
//! | 12..16 | scale (f32): the float weight one quantisation step stands for (informational) |
//! | 16.. | start scores, 13 × i32; transition scores, 13 × 13 × i32 (row = previous state) |
//! | then | weight table, 2^bits rows × 13 × i8 (row = top `bits` bits of a feature hash) |
//! | then | frequency table, 2^fbits × u8: how often a word began an entity in the training corpora |
//! | then | word-class table, 2^lbits slots × (check byte, class byte): see [`Classes`] |
//! | then | word-cluster table, 2^cbits slots × 3 bytes: see [`Clusters`] |
//! | then | name-phrase table, 2^pbits slots × 3 bytes: see [`Phrases`] |
//! | then | version 6 only: the letter guesser, 2^gbits rows × 4 × i8 (`gbits` from the bytes left): see [`Guess`] |
//!
//! All scores are on the same integer scale, so decoding is integer arithmetic.

use super::clusters::Clusters;
use super::guess::Guess;
use super::phrases::Phrases;
use super::features::{domain_templates, ND_MAX, NF, NH};
use crate::span::Label;

/// Number of tagger states (BILOU).
pub const NT: usize = 13;
/// The outside tag (in BIO and BILOU alike).
pub const O: u8 = 0;

/// Position of a state in its name: 0 first (B), 1 inside (I), 2 last (L), 3 only word (U).
#[inline]
fn state_role(s: u8) -> u8 {
    (s - 1) % 4
}

/// Label index (0 PER, 1 LOC, 2 ORG) of a state other than O.
#[inline]
fn state_kind(s: u8) -> u8 {
    (s - 1) / 4
}

/// Whether state `cur` may follow state `prev` (`None`: sentence start): an open name (B, I) continues with
/// I or L of its own label, and only a closed one (O, L, U) or the start lets O, B or U follow.
pub fn state_allowed(prev: Option<u8>, cur: u8) -> bool {
    let open = prev.filter(|&p| p != O && state_role(p) < 2);
    if cur == O || matches!(state_role(cur), 0 | 3) {
        open.is_none()
    } else {
        open.is_some_and(|p| state_kind(p) == state_kind(cur))
    }
}

/// The label index (0 PER, 1 LOC, 2 ORG) of a state, `None` for O.
pub fn state_label(s: u8) -> Option<usize> {
    (s != O && (s as usize) < NT).then(|| usize::from(state_kind(s)))
}

/// Whether a sentence may end in state `s` (not inside an open name).
pub fn state_final(s: u8) -> bool {
    s == O || state_role(s) >= 2
}

/// BILOU states of a repaired BIO sequence, into `out`.
pub fn to_states(bio: &[u8], out: &mut Vec<u8>) {
    out.clear();
    for (i, &t) in bio.iter().enumerate() {
        if t == O {
            out.push(O);
            continue;
        }
        let k = (t - 1) / 2;
        let continues = bio.get(i + 1) == Some(&(2 + 2 * k));
        let role = match (t % 2 == 1, continues) {
            (true, true) => 0,
            (false, true) => 1,
            (false, false) => 2,
            (true, false) => 3,
        };
        out.push(1 + 4 * k + role);
    }
}

/// BIO tags of a BILOU state sequence, into `out`.
pub fn to_bio(states: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend(states.iter().map(|&s| match s {
        O => O,
        s if s as usize >= NT => O,
        s => 1 + 2 * state_kind(s) + u8::from(matches!(state_role(s), 1 | 2)),
    }));
}

/// The label of tag `t` (1, 2 → PER; 3, 4 → LOC; 5, 6 → ORG).
pub fn tag_label(t: u8) -> Option<Label> {
    match t {
        1 | 2 => Some(Label::Per),
        3 | 4 => Some(Label::Loc),
        5 | 6 => Some(Label::Org),
        _ => None,
    }
}

/// The B- tag of a label.
pub fn begin_tag(l: Label) -> u8 {
    match l {
        Label::Per => 1,
        Label::Loc => 3,
        Label::Org => 5,
        _ => O,
    }
}

/// Whether tag `t` begins an entity.
pub fn is_begin(t: u8) -> bool {
    matches!(t, 1 | 3 | 5)
}

/// Whether tag `cur` may follow tag `prev` (`None`: sentence start): an I- tag continues its own label.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    match cur {
        2 | 4 | 6 => prev.is_some_and(|p| p == cur || p + 1 == cur),
        _ => true,
    }
}

const MAGIC: &[u8; 4] = b"HNER";
/// The format without domain features.
const VERSION: u8 = 4;
/// The format with domain features (byte 11: their scheme).
const VERSION_DOMAIN: u8 = 5;
/// The format with domain features and a letter-n-gram guesser after the name-phrase table.
const VERSION_GUESS: u8 = 6;
const _: () = assert!((NF + NH + ND_MAX) * 127 < i16::MAX as usize, "emission sums must fit an i16");
const HEADER: usize = 16 + 4 * NT + 4 * NT * NT;

/// A model over a byte slice (embedded or read from a file).
#[derive(Debug, Clone)]
pub struct Model<'a> {
    bits: u32,
    fbits: u32,
    /// The domain-feature scheme (0: none).
    scheme: u8,
    start: [i32; NT],
    trans: [[i32; NT]; NT],
    table: &'a [u8],
    freq: &'a [u8],
    classes: Classes<'a>,
    clusters: Clusters<'a>,
    phrases: Phrases<'a>,
}

fn i32_at(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Model<'a> {
    /// Reads a model; `None` when the bytes are not a model of this version.
    pub fn parse(b: &'a [u8]) -> Option<Model<'a>> {
        if b.get(0..4)? != MAGIC || usize::from(*b.get(6)?) != NT {
            return None;
        }
        let scheme = match *b.get(4)? {
            VERSION => 0,
            // A version-5 header names a scheme with templates.
            VERSION_DOMAIN => Some(*b.get(11)?).filter(|&s| !domain_templates(s).is_empty())?,
            // A version-6 header names a scheme with templates, or none.
            VERSION_GUESS => Some(*b.get(11)?).filter(|&s| s == 0 || !domain_templates(s).is_empty())?,
            _ => return None,
        };
        let bits = u32::from(*b.get(5)?);
        let fbits = u32::from(*b.get(7)?);
        let lbits = u32::from(*b.get(8)?);
        let cbits = u32::from(*b.get(9)?);
        let pbits = u32::from(*b.get(10)?);
        if !(8..=24).contains(&bits) || !(8..=24).contains(&fbits) || lbits > 24 || cbits > 24 || pbits > 24 {
            return None;
        }
        let mut start = [0i32; NT];
        let mut trans = [[0i32; NT]; NT];
        for (t, s) in start.iter_mut().enumerate() {
            *s = i32_at(b, 16 + 4 * t)?;
        }
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, s) in row.iter_mut().enumerate() {
                *s = i32_at(b, 16 + 4 * NT + 4 * (p * NT + t))?;
            }
        }
        let tlen = (1usize << bits) * NT;
        let table = b.get(HEADER..HEADER + tlen)?;
        let fend = HEADER + tlen + (1usize << fbits);
        let freq = b.get(HEADER + tlen..fend)?;
        let llen = if lbits == 0 { 0 } else { 2usize << lbits };
        let clen = Clusters::len_for(cbits);
        let plen = Phrases::len_for(pbits);
        let cend = fend + llen + clen;
        let pend = cend + plen;
        let gbits = match b[4] {
            VERSION_GUESS => Guess::bits_for(b.len().checked_sub(pend)?).filter(|&g| g > 0)?,
            _ if b.len() == pend => 0,
            _ => return None,
        };
        let guess = Guess::new(gbits, b.get(pend..)?);
        let classes = Classes { bits: lbits, slots: &b[fend..fend + llen], guess };
        let clusters = Clusters::new(cbits, &b[fend + llen..cend]);
        let phrases = Phrases::new(pbits, &b[cend..pend]);
        Some(Model { bits, fbits, scheme, start, trans, table, freq, classes, clusters, phrases })
    }

    /// Serialises a model from its parts (used by training); `classes` is a [`Classes::build`] table,
    /// `clusters` a [`Clusters::build`] table of 2^cbits slots, `guess` a [`Guess::train`] table (empty: none).
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        scheme: u8,
        scale: f32,
        start: &[i32; NT],
        trans: &[[i32; NT]; NT],
        bits: u32,
        table: &[i8],
        fbits: u32,
        freq: &[u8],
        lbits: u32,
        classes: &[u8],
        cbits: u32,
        clusters: &[u8],
        pbits: u32,
        phrases: &[u8],
        guess: &[u8],
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + table.len() + freq.len() + classes.len() + clusters.len());
        out.extend_from_slice(MAGIC);
        let version = match (domain_templates(scheme).is_empty(), guess.is_empty()) {
            (true, true) => VERSION,
            (false, true) => VERSION_DOMAIN,
            (_, false) => VERSION_GUESS,
        };
        let scheme = if domain_templates(scheme).is_empty() { 0 } else { scheme };
        out.extend_from_slice(&[version, bits as u8, NT as u8, fbits as u8, lbits as u8, cbits as u8, pbits as u8, scheme]);
        out.extend_from_slice(&scale.to_le_bytes());
        for s in start {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for row in trans {
            for s in row {
                out.extend_from_slice(&s.to_le_bytes());
            }
        }
        out.extend(table.iter().map(|&w| w as u8));
        out.extend_from_slice(freq);
        out.extend_from_slice(classes);
        out.extend_from_slice(clusters);
        out.extend_from_slice(phrases);
        out.extend_from_slice(guess);
        out
    }

    /// The word-cluster table.
    pub fn clusters(&self) -> Clusters<'a> {
        self.clusters
    }

    /// The name-phrase table.
    pub fn phrases(&self) -> Phrases<'a> {
        self.phrases
    }

    /// log2 of the number of weight rows.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The word-class table.
    pub fn classes(&self) -> Classes<'a> {
        self.classes
    }

    /// Row index of a feature hash.
    #[inline]
    pub fn row(bits: u32, h: u32) -> usize {
        (h >> (32 - bits)) as usize
    }

    /// The domain-feature scheme ([`domain_templates`]; 0: the model has no domain features).
    pub fn scheme(&self) -> u8 {
        self.scheme
    }

    /// Emission scores of one token's features, history features and domain-conjoined features.
    #[inline(never)] // see `tag_infos` in src/ner/mod.rs
    pub fn emissions(&self, feats: &[u32; NF], hist: &[u32; NH], dom: &[u32]) -> [i32; NT] {
        // (NF + NH) × 127 fits an i16: narrow sums, fixed-size rows, two plain loops vectorise best.
        let mut acc = [0i16; NT];
        let mut add = |f: u32| {
            let r = Model::row(self.bits, f) * NT;
            if let Some(Ok(row)) = self.table.get(r..r + NT).map(<&[u8; NT]>::try_from) {
                for t in 0..NT {
                    acc[t] += i16::from(row[t] as i8);
                }
            }
        };
        for &f in feats {
            add(f);
        }
        for &f in hist {
            add(f);
        }
        for &f in dom.iter().take(ND_MAX) {
            add(f);
        }
        acc.map(i32::from)
    }

    /// The weight at flat index `i` of the table (row × 7 + tag); 0 outside it.
    #[inline]
    pub fn weight(&self, i: usize) -> i8 {
        self.table.get(i).map_or(0, |&w| w as i8)
    }

    /// How often a word (by [`super::features::hash_str`]) began an entity in training (saturating at 255).
    pub fn entity_freq(&self, h: u32) -> u8 {
        let i = freq_index(self.fbits, h);
        self.freq.get(i).copied().unwrap_or(0)
    }

    /// How much the decoded path `tags` (BILOU states) loses if positions `s..=e` (an entity in it) are made outside, the
    /// neighbouring tags kept: the tagger's confidence in that entity, in time linear in its length.
    pub fn span_margin(&self, em: &[[i32; NT]], tags: &[u8], s: usize, e: usize) -> i32 {
        if s > e || e >= em.len() || e >= tags.len() {
            return 0;
        }
        let o = usize::from(O);
        let tr = |p: Option<u8>, t: usize| match p {
            Some(p) => self.trans[usize::from(p)][t],
            None => self.start[t],
        };
        let prev = s.checked_sub(1).map(|i| tags[i]);
        let mut with = tr(prev, usize::from(tags[s]));
        let mut without = tr(prev, o);
        for i in s..=e {
            let t = usize::from(tags[i]);
            with += em[i][t];
            without += em[i][o];
            if i < e {
                with += self.trans[t][usize::from(tags[i + 1])];
                without += self.trans[o][o];
            }
        }
        if let Some(&n) = tags.get(e + 1) {
            if !state_allowed(Some(O), n) {
                return i32::MAX / 4;
            }
            with += self.trans[usize::from(tags[e])][usize::from(n)];
            without += self.trans[o][usize::from(n)];
        }
        with - without
    }

    /// The best state sequence (BILOU) for the emission scores `em`, into `out`; `back` is scratch space.
    pub fn viterbi(&self, em: &[[i32; NT]], back: &mut Vec<[u8; NT]>, out: &mut Vec<u8>) {
        viterbi(em, &self.start, &self.trans, back, out)
    }
}

/// Word classes learned from a name list (WikiANN): for a word, how often it is part of a person's, a
/// place's or an organisation's name, as a class byte: PER, LOC and ORG shares in 2 bits each (under 5 %, under
/// 30 %, under 70 %, more) and the word's frequency in 2 bits (under 3, under 20, under 200, more; a word
/// seen fewer than 3 times and never in a name is not stored). Open addressing over 2^bits slots of (check byte,
/// class byte); an empty slot is (0, 0); a word is looked for in at most [`Classes::PROBES`] slots.
#[derive(Debug, Clone, Copy)]
pub struct Classes<'a> {
    bits: u32,
    slots: &'a [u8],
    /// The guesser for the words the table does not know.
    guess: Guess<'a>,
}

impl Classes<'static> {
    /// The empty table (every word has class 0).
    pub const EMPTY: Classes<'static> = Classes { bits: 0, slots: &[], guess: Guess::EMPTY };
}

impl<'a> Classes<'a> {
    /// Slots tried per word.
    pub const PROBES: usize = 8;

    fn home(bits: u32, h: u32) -> (usize, u8) {
        let x = h.wrapping_mul(0x2C1B_3C6D).rotate_left(11);
        ((x >> (32 - bits)) as usize, (h as u8).max(1))
    }

    /// A table over slots built by [`Classes::build`].
    pub fn new(bits: u32, slots: &'a [u8]) -> Classes<'a> {
        if bits == 0 || slots.len() != 2usize << bits {
            return Classes { bits: 0, slots: &[], guess: Guess::EMPTY };
        }
        Classes { bits, slots, guess: Guess::EMPTY }
    }

    /// The same table with a letter-n-gram guesser ([`Guess`]).
    pub fn with_guess(self, guess: Guess<'a>) -> Classes<'a> {
        Classes { guess, ..self }
    }

    /// The letter-n-gram guesser (empty in models without one).
    pub fn guess(&self) -> Guess<'a> {
        self.guess
    }

    /// The class byte of a word hash (0 when unknown).
    #[inline]
    pub fn get(&self, h: u32) -> u8 {
        if self.bits == 0 {
            return 0;
        }
        let mask = (1usize << self.bits) - 1;
        let (mut i, check) = Classes::home(self.bits, h);
        for _ in 0..Classes::PROBES {
            match (self.slots.get(2 * i), self.slots.get(2 * i + 1)) {
                (Some(&c), Some(&v)) if c == check => return v,
                (Some(0), _) | (None, _) => return 0,
                _ => {}
            }
            i = (i + 1) & mask;
        }
        0
    }

    /// Builds the slots from (word hash, class byte) pairs, most important first; a pair with class 0 or that
    /// finds no free slot is left out.
    pub fn build(bits: u32, entries: &[(u32, u8)]) -> Vec<u8> {
        let mut slots = vec![0u8; 2usize << bits];
        let mask = (1usize << bits) - 1;
        for &(h, v) in entries {
            if v == 0 {
                continue;
            }
            let (mut i, check) = Classes::home(bits, h);
            for _ in 0..Classes::PROBES {
                if slots[2 * i] == 0 {
                    slots[2 * i] = check;
                    slots[2 * i + 1] = v;
                    break;
                }
                if slots[2 * i] == check {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        slots
    }
}

/// Index into the frequency table of a word hash.
pub fn freq_index(fbits: u32, h: u32) -> usize {
    (h.wrapping_mul(0x9E37_79B1).rotate_left(7) >> (32 - fbits)) as usize
}

/// Score arithmetic shared by the integer (shipped) and float (training) decoders.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// A score lower than any reachable one.
    const NEG: Self;
}

impl Score for i32 {
    const NEG: i32 = i32::MIN / 4;
}

impl Score for f32 {
    const NEG: f32 = -1e30;
}

/// First-order Viterbi over BILOU states with the [`state_allowed`] and [`state_final`] constraints.
#[inline(never)] // see `tag_infos` in src/ner/mod.rs
pub fn viterbi<S: Score>(em: &[[S; NT]], start: &[S; NT], trans: &[[S; NT]; NT], back: &mut Vec<[u8; NT]>, out: &mut Vec<u8>) {
    out.clear();
    back.clear();
    let Some(first) = em.first() else { return };
    let mut cur = [S::NEG; NT];
    for t in 0..NT {
        if state_allowed(None, t as u8) {
            cur[t] = start[t] + first[t];
        }
    }
    back.push([0; NT]);
    // The states each state may follow: 7 for O, B, U (a closed name or O before), 2 for I, L.
    let mut prevs = [[0u8; NT]; NT];
    let mut nprev = [0usize; NT];
    for t in 0..NT {
        for p in 0..NT {
            if state_allowed(Some(p as u8), t as u8) {
                prevs[t][nprev[t]] = p as u8;
                nprev[t] += 1;
            }
        }
    }
    for e in &em[1..] {
        let mut next = [S::NEG; NT];
        let mut bp = [0u8; NT];
        for t in 0..NT {
            let mut best = S::NEG;
            let mut arg = 0u8;
            for &p in &prevs[t][..nprev[t]] {
                let s = cur[usize::from(p)] + trans[usize::from(p)][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + e[t];
            bp[t] = arg;
        }
        back.push(bp);
        cur = next;
    }
    let mut t = 0u8;
    let mut best = S::NEG;
    for (i, &s) in cur.iter().enumerate() {
        if s > best && state_final(i as u8) {
            best = s;
            t = i as u8;
        }
    }
    out.resize(em.len(), O);
    for i in (0..em.len()).rev() {
        out[i] = t;
        t = back[i][usize::from(t)];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        assert!(allowed(None, 1));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 6));
        assert!(allowed(Some(5), 6));
        // BILOU states: 1..=4 B/I/L/U-PER, 5..=8 LOC.
        assert!(state_allowed(None, 1) && state_allowed(None, 4) && !state_allowed(None, 2) && !state_allowed(None, 3));
        assert!(state_allowed(Some(1), 2) && state_allowed(Some(1), 3) && state_allowed(Some(2), 3));
        assert!(!state_allowed(Some(1), O) && !state_allowed(Some(1), 5) && !state_allowed(Some(1), 7));
        assert!(state_allowed(Some(3), O) && state_allowed(Some(4), 5) && !state_allowed(Some(4), 2));
        assert!(state_final(O) && state_final(3) && state_final(4) && !state_final(1) && !state_final(2));
    }

    #[test]
    fn bio_and_states_convert_both_ways() {
        let cases: &[(&[u8], &[u8])] = &[
            (&[0, 1, 2, 2, 0, 3, 5, 6], &[0, 1, 2, 3, 0, 8, 9, 11]),
            (&[1], &[4]),
            (&[1, 1, 2], &[4, 1, 3]),
            (&[], &[]),
        ];
        let (mut st, mut bio) = (Vec::new(), Vec::new());
        for &(b, s) in cases {
            to_states(b, &mut st);
            assert_eq!(st, s, "{b:?}");
            to_bio(&st, &mut bio);
            assert_eq!(bio, b, "{s:?}");
        }
    }

    fn row(t: usize, v: i32) -> [i32; NT] {
        let mut r = [0; NT];
        r[t] = v;
        r
    }

    #[test]
    fn viterbi_respects_constraints() {
        // The emissions alone would say O, I-PER, B-PER: the decoder must neither start an entity inside nor
        // end the sentence in an open one.
        let em = [row(0, 5), row(2, 9), row(1, 9)];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, &[0; NT], &[[0; NT]; NT], &mut back, &mut out);
        assert_eq!(out.len(), 3);
        assert!(state_allowed(None, out[0]), "{out:?}");
        assert!(out.windows(2).all(|w| state_allowed(Some(w[0]), w[1])), "{out:?}");
        assert!(state_final(out[2]), "{out:?}");
        viterbi::<i32>(&[], &[0; NT], &[[0; NT]; NT], &mut back, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn span_margin_is_the_cost_of_dropping_the_entity() {
        let table = vec![0i8; (1 << 8) * NT];
        let b = Model::write(0, 1.0, &[0; NT], &[[0; NT]; NT], 8, &table, 8, &[0u8; 256], 0, &[], 0, &[], 0, &[], &[]);
        let m = Model::parse(&b).expect("parses");
        let mut e1 = row(1, 9);
        e1[0] = 1;
        let em = [row(0, 5), e1, row(3, 4)];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        m.viterbi(&em, &mut back, &mut out);
        assert_eq!(out, [0, 1, 3]);
        // With the entity at 1..=2: 9 + 4; without it: 1 + 0.
        assert_eq!(m.span_margin(&em, &out, 1, 2), 12);
        assert_eq!(m.span_margin(&em, &out, 2, 1), 0);
    }

    #[test]
    fn round_trip() {
        let table = vec![1i8; (1 << 8) * NT];
        let freq = vec![3u8; 1 << 8];
        let mut trans = [[0; NT]; NT];
        trans[1][2] = 7;
        let classes = Classes::build(8, &[(42, 7), (43, 9)]);
        let clusters = Clusters::build(8, &[(42, 5)]);
        let phrases = Phrases::build(8, &[(77, 0x41)]);
        let b = Model::write(0, 0.5, &[1; NT], &trans, 8, &table, 8, &freq, 8, &classes, 8, &clusters, 8, &phrases, &[]);
        let m = Model::parse(&b).expect("parses");
        assert_eq!(m.phrases().get(77), 0x41);
        assert_eq!(m.phrases().get(78), 0);
        assert_eq!(m.emissions(&[0; NF], &[0; NH], &[]), [(NF + NH) as i32; NT]);
        assert_eq!(m.entity_freq(12345), 3);
        assert_eq!(m.trans[1][2], 7);
        assert_eq!(m.classes().get(42), 7);
        assert_eq!(m.classes().get(43), 9);
        assert_eq!(m.classes().get(44), 0);
        assert_eq!(m.clusters().get(42), 6);
        assert_eq!(m.clusters().get(43), 0);
        assert_eq!(m.scheme(), 0);
        assert_eq!(b[4], VERSION);
        // With domain features: version 5, the scheme in byte 11, the domain rows summed in.
        let d = Model::write(1, 0.5, &[1; NT], &trans, 8, &table, 8, &freq, 8, &classes, 8, &clusters, 8, &phrases, &[]);
        assert_eq!((d[4], d[11]), (VERSION_DOMAIN, 1));
        let md = Model::parse(&d).expect("parses");
        assert_eq!(md.scheme(), 1);
        assert_eq!(md.emissions(&[0; NF], &[0; NH], &[0, 0]), [(NF + NH + 2) as i32; NT]);
        // A version-5 header must name a scheme with templates.
        let mut bad = d.clone();
        bad[11] = 0;
        assert!(Model::parse(&bad).is_none());
        bad[11] = 77;
        assert!(Model::parse(&bad).is_none());
        assert!(Model::parse(&b[..b.len() - 1]).is_none());
        // With a letter guesser: version 6, its table after the phrases, whatever the scheme.
        let g = Guess::train(8, &[("شومسكي", [0, 3, 0, 0]), ("كتاب", [3, 0, 0, 0])], 5);
        for scheme in [0, 1] {
            let v = Model::write(scheme, 0.5, &[1; NT], &trans, 8, &table, 8, &freq, 8, &classes, 8, &clusters, 8, &phrases, &g);
            assert_eq!((v[4], v[11]), (VERSION_GUESS, scheme));
            let mv = Model::parse(&v).expect("parses");
            assert_eq!(mv.scheme(), scheme);
            assert_eq!(mv.classes().get(42), 7);
            assert_eq!(mv.phrases().get(77), 0x41);
            assert_eq!(mv.classes().guess().get("شومسكي"), Guess::new(8, &g).get("شومسكي"));
            assert_ne!(mv.classes().guess().get("شومسكي"), 0);
            // A guesser table of no power-of-two length, or none at all, is not a version-6 model.
            assert!(Model::parse(&v[..v.len() - 1]).is_none());
            assert!(Model::parse(&v[..v.len() - g.len()]).is_none());
        }
        // Earlier versions have no guesser, and a table after their phrases is not theirs.
        assert!(m.classes().guess().is_empty());
        let mut extra = b.clone();
        extra.extend_from_slice(&g);
        assert!(Model::parse(&extra).is_none());
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"HNER\x03\x40\x0d\x08\x08").is_none());
    }
}
