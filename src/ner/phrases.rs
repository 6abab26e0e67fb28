//! The tagger's name-phrase list: the whole names (up to [`MAX_LEN`] tokens) the training corpora mark, each
//! with its usual label and how reliably the phrase is a name, matched longest-first over a sentence so each
//! token gets a feature code (its place in the match, the label, the reliability, the length).
//!
//! Keys are built from the tagger's per-token hashes ([`TokInfo`]): the first token of a phrase by its bare
//! stem (so `والعراق` matches `العراق`), the others by the whole word. The table also holds every proper prefix
//! of a listed phrase (value [`PRESENT`] alone), so matching stops at the first token no phrase continues with:
//! most tokens cost one lookup. `hashiya train` builds the list from the training splits' gold spans, and
//! builds it jackknifed for training (each part of the data sees a list made from the other parts), so the
//! weights learn how far to trust a match on text the list has not seen.

use super::features::{fmix, TokInfo};
use super::model::{state_label, O};

/// Longest phrase listed, in tokens.
pub const MAX_LEN: usize = 6;

/// Bit set in every value of the table (a prefix of a listed phrase has only this bit).
pub const PRESENT: u8 = 0x40;

/// Bit set in a token's code when it is inside a match ([`mark`]).
pub const MATCHED: u32 = 0x1000;

const SEED: u32 = 0x5EED_1A2B;

/// The key of a phrase extended by one more token (`first`: it is the phrase's first token).
#[inline]
pub fn extend(h: u32, t: &TokInfo, first: bool) -> u32 {
    let k = if first { t.s2 } else { t.w };
    fmix(h.rotate_left(5) ^ k.wrapping_mul(0x9E37_79B1) ^ 0x2545_F491)
}

/// The key of a whole phrase.
pub fn key(toks: &[TokInfo]) -> u32 {
    toks.iter().enumerate().fold(SEED, |h, (i, t)| extend(h, t, i == 0))
}

/// The phrase table: 2^bits slots of (check: u16 little-endian, value: u8), linear probing, read in place.
#[derive(Debug, Clone, Copy)]
pub struct Phrases<'a> {
    bits: u32,
    slots: &'a [u8],
}

impl Phrases<'static> {
    /// No phrases.
    pub const EMPTY: Phrases<'static> = Phrases { bits: 0, slots: &[] };
}

impl<'a> Phrases<'a> {
    /// Probes tried before a lookup gives up.
    const PROBES: usize = 16;

    /// Bytes of a table of 2^bits slots (0 when `bits` is 0).
    pub fn len_for(bits: u32) -> usize {
        if bits == 0 {
            0
        } else {
            3usize << bits
        }
    }

    fn home(bits: u32, h: u32) -> (usize, u16) {
        let i = (h.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize;
        (i, (h as u16).max(1))
    }

    /// A table over its bytes (empty when the length does not match `bits`).
    pub fn new(bits: u32, slots: &'a [u8]) -> Phrases<'a> {
        if bits == 0 || bits > 24 || slots.len() != Phrases::len_for(bits) {
            return Phrases::EMPTY;
        }
        Phrases { bits, slots }
    }

    /// The value of a phrase key (0 when absent).
    #[inline]
    pub fn get(&self, h: u32) -> u8 {
        if self.bits == 0 {
            return 0;
        }
        let mask = (1usize << self.bits) - 1;
        let (mut i, check) = Phrases::home(self.bits, h);
        for _ in 0..Phrases::PROBES {
            let Some(s) = self.slots.get(3 * i..3 * i + 3) else { return 0 };
            let c = u16::from_le_bytes([s[0], s[1]]);
            if c == check {
                return s[2];
            }
            if c == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
        0
    }

    /// Builds the table bytes of 2^bits slots from (key, value) pairs (values 0 are skipped; an entry that
    /// finds no free slot within the probe limit is dropped).
    pub fn build(bits: u32, entries: &[(u32, u8)]) -> Vec<u8> {
        let mut slots = vec![0u8; Phrases::len_for(bits)];
        if bits == 0 {
            return slots;
        }
        let mask = (1usize << bits) - 1;
        for &(h, v) in entries {
            if v == 0 {
                continue;
            }
            let (mut i, check) = Phrases::home(bits, h);
            for _ in 0..Phrases::PROBES {
                let c = u16::from_le_bytes([slots[3 * i], slots[3 * i + 1]]);
                if c == 0 || c == check {
                    slots[3 * i..3 * i + 2].copy_from_slice(&check.to_le_bytes());
                    slots[3 * i + 2] = v;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        slots
    }
}

/// Sets each token's `ph` code: the longest listed phrase starting at the first token not yet covered, left
/// to right. Code bits: 0..2 place in the match (0 first, 1 inside, 2 last, 3 only token), 2..4 label
/// (1 PER, 2 LOC, 3 ORG), 4..6 reliability, 6..8 count (see [`value`]), 8..10 length (1, 2, 3, 4 or more),
/// [`MATCHED`]; 0 outside any match.
#[inline(never)] // see `tag_infos` in src/ner/mod.rs
pub fn mark(infos: &mut [TokInfo], ph: &Phrases<'_>) {
    for t in infos.iter_mut() {
        t.ph = 0;
    }
    if ph.bits == 0 {
        return;
    }
    let n = infos.len();
    let mut i = 0;
    while i < n {
        let mut h = SEED;
        let (mut len, mut val) = (0usize, 0u8);
        for l in 0..MAX_LEN.min(n - i) {
            h = extend(h, &infos[i + l], l == 0);
            let v = ph.get(h);
            if v == 0 {
                break;
            }
            if v & 3 != 0 {
                (len, val) = (l + 1, v);
            }
        }
        if len == 0 {
            i += 1;
            continue;
        }
        let rest = u32::from(val & 0x3F) << 2 | (len.min(4) as u32 - 1) << 8 | MATCHED;
        for (k, t) in infos[i..i + len].iter_mut().enumerate() {
            let place = match (k, len) {
                (_, 1) => 3,
                (0, _) => 0,
                (k, l) if k + 1 == l => 2,
                _ => 1,
            };
            t.ph = rest | place;
        }
        i += len;
    }
}

/// The table value of a phrase: `PRESENT` | label (1 PER, 2 LOC, 3 ORG) | reliability bucket << 2 (the share
/// of its occurrences marked with that label: under 0.3, 0.6, 0.9, or more) | count bucket << 4 (how often it
/// was marked: 1, 2–3, 4–15, 16 or more).
pub fn value(counts: &[u32; 4]) -> u8 {
    // counts = [occurrences outside any name, PER, LOC, ORG]
    let mut best = 1;
    for l in 2..4 {
        if counts[l] > counts[best] {
            best = l;
        }
    }
    let named: u32 = counts[1..].iter().sum();
    if named == 0 {
        return 0;
    }
    let share = f64::from(counts[best]) / f64::from(named + counts[0]);
    let r = if share < 0.3 {
        0
    } else if share < 0.6 {
        1
    } else if share < 0.9 {
        2
    } else {
        3
    };
    let c = match named {
        1 => 0,
        2..=3 => 1,
        4..=15 => 2,
        _ => 3,
    };
    PRESENT | best as u8 | r << 2 | c << 4
}

/// The gold names of a sentence from its BILOU states: (start, end exclusive, label index 0 PER 1 LOC 2 ORG).
fn names(states: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &s) in states.iter().enumerate() {
        let Some(l) = state_label(s) else {
            start = None;
            continue;
        };
        let role = (s - 1) % 4;
        match role {
            0 => start = Some(i),
            3 => {
                out.push((i, i + 1, l));
                start = None;
            }
            2 => {
                if let Some(a) = start.take() {
                    out.push((a, i + 1, l));
                }
            }
            _ => {}
        }
    }
    out
}

/// The (key, value) entries of the phrases marked in `sents` (token infos and gold BILOU states): every gold
/// name of at most [`MAX_LEN`] tokens marked at least `min_count` times, with how often it was marked with each
/// label and how often the same tokens stood outside any name, and every proper prefix of one.
pub fn entries<'s>(sents: impl Iterator<Item = (&'s [TokInfo], &'s [u8])> + Clone, min_count: u32) -> Vec<(u32, u8)> {
    use std::collections::HashMap;
    // key -> [outside, PER, LOC, ORG] of the whole names.
    let mut counts: HashMap<u32, [u32; 4]> = HashMap::new();
    let spans = |infos: &'s [TokInfo], states: &'s [u8]| names(states).into_iter().filter(move |&(a, b, _)| b - a <= MAX_LEN && b <= infos.len());
    for (infos, states) in sents.clone() {
        for (a, b, l) in spans(infos, states) {
            counts.entry(key(&infos[a..b])).or_insert([0; 4])[1 + l] += 1;
        }
    }
    counts.retain(|_, c| c[1..].iter().sum::<u32>() >= min_count.max(1));
    // The proper prefixes of the names kept.
    let mut prefixes: HashMap<u32, ()> = HashMap::new();
    for (infos, states) in sents.clone() {
        for (a, b, _) in spans(infos, states) {
            if !counts.contains_key(&key(&infos[a..b])) {
                continue;
            }
            let mut h = SEED;
            for (k, t) in infos[a..b - 1].iter().enumerate() {
                h = extend(h, t, k == 0);
                prefixes.insert(h, ());
            }
        }
    }
    // How often each listed phrase occurs with all its tokens outside any name.
    for (infos, states) in sents {
        for i in 0..infos.len() {
            let mut h = SEED;
            for l in 0..MAX_LEN.min(infos.len() - i) {
                if states.get(i + l) != Some(&O) {
                    break;
                }
                h = extend(h, &infos[i + l], l == 0);
                let named = counts.get_mut(&h).map(|c| c[0] += 1).is_some();
                if !named && !prefixes.contains_key(&h) {
                    break;
                }
            }
        }
    }
    let mut out: Vec<(u32, u8)> = counts.iter().map(|(&h, c)| (h, value(c).max(PRESENT))).collect();
    out.extend(prefixes.keys().filter(|h| !counts.contains_key(h)).map(|&h| (h, PRESENT)));
    // Deterministic order: named phrases first (they win a full table), then by key.
    out.sort_unstable_by_key(|&(h, v)| (v & 3 == 0, h));
    out
}

/// Merges entry lists: for a key in several, the first list's named entry wins, else any named one.
pub fn merge(lists: &[&[(u32, u8)]]) -> Vec<(u32, u8)> {
    use std::collections::HashMap;
    let mut m: HashMap<u32, u8> = HashMap::new();
    for list in lists {
        for &(h, v) in list.iter() {
            let e = m.entry(h).or_insert(v);
            if *e & 3 == 0 {
                *e = v;
            }
        }
    }
    let mut out: Vec<(u32, u8)> = m.into_iter().collect();
    out.sort_unstable_by_key(|&(h, v)| (v & 3 == 0, h));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::Clusters;
    use crate::ner::features::{tok_info, Triggers};
    use crate::ner::model::Classes;
    use crate::normalize::normalize_str;
    use crate::tokenize::TokenKind;

    fn infos(words: &[&str]) -> Vec<TokInfo> {
        let t = Triggers::default();
        words.iter().map(|w| tok_info(&normalize_str(w), TokenKind::Word, &t, &Classes::EMPTY, &Clusters::EMPTY)).collect()
    }

    #[test]
    fn values() {
        // [outside, PER, LOC, ORG] -> label, reliability, count
        let cases: &[([u32; 4], u8)] = &[
            ([0, 0, 0, 0], 0),
            ([0, 0, 1, 0], PRESENT | 2 | 3 << 2),
            ([9, 1, 0, 0], PRESENT | 1),
            ([0, 1, 0, 5], PRESENT | 3 | 2 << 2 | 2 << 4),
            ([1, 0, 20, 0], PRESENT | 2 | 3 << 2 | 3 << 4),
        ];
        for &(c, v) in cases {
            assert_eq!(value(&c), v, "{c:?}");
        }
    }

    #[test]
    fn lists_and_matches_longest_first() {
        // سازمان ملل متحد B I L-ORG (states 9 10 11), ملل U-ORG once, and ملل outside once.
        let s1 = infos(&["در", "سازمان", "ملل", "متحد", "گفت"]);
        let st1 = [0, 9, 10, 11, 0];
        let s2 = infos(&["ملل", "ملل"]);
        let st2 = [12, 0];
        let e = entries([(&s1[..], &st1[..]), (&s2[..], &st2[..])].into_iter(), 1);
        assert_eq!(entries([(&s1[..], &st1[..]), (&s2[..], &st2[..])].into_iter(), 2), []);
        // The full name, its two prefixes (one of them a name too) and ملل.
        assert_eq!(e.len(), 4, "{e:?}");
        let bytes = Phrases::build(8, &e);
        let ph = Phrases::new(8, &bytes);
        let mut s = infos(&["و", "وسازمان", "ملل", "متحد", "و", "ملل"]);
        mark(&mut s, &ph);
        let codes: Vec<u32> = s.iter().map(|t| t.ph).collect();
        assert_eq!(codes[0], 0);
        assert_eq!(codes[4], 0);
        // The full match: first, inside, last; ORG, sure, once, length 3.
        let full = MATCHED | 2 << 8 | 3 << 2 | 3 << 4;
        assert_eq!(codes[1..4], [full, full | 1, full | 2]);
        // ملل alone: only token, ORG, half the time a name (1 of 2), once.
        assert_eq!(codes[5], MATCHED | 3 | 3 << 2 | 1 << 4);
        // `سازمان ملل` alone is a prefix, not a name: nothing is marked.
        let mut s = infos(&["سازمان", "گفت"]);
        mark(&mut s, &ph);
        assert!(s.iter().all(|t| t.ph == 0));
    }

    #[test]
    fn empty_and_mismatched_tables_match_nothing() {
        let mut s = infos(&["سازمان", "ملل"]);
        mark(&mut s, &Phrases::EMPTY);
        assert!(s.iter().all(|t| t.ph == 0));
        assert_eq!(Phrases::new(8, &[0u8; 5]).get(1), 0);
        mark(&mut [], &Phrases::new(8, &Phrases::build(8, &[(1, PRESENT | 1)])));
    }

    mod regression {
        use super::*;

        #[test]
        fn a_full_table_never_loops() {
            let e: Vec<(u32, u8)> = (0..1000u32).map(|h| (h.wrapping_mul(2_654_435_761), PRESENT | 1)).collect();
            let bytes = Phrases::build(8, &e);
            let ph = Phrases::new(8, &bytes);
            assert_eq!(ph.get(0xDEAD_BEEF), 0);
        }
    }
}
