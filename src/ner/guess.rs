//! Guessing from its letters whether a word the name lists never saw is part of a person's, place's or
//! organisation's name: a multinomial logistic regression over hashed letter n-grams of the bare stem.
//!
//! The word-class table ([`super::model::Classes`]) knows the words of the name lists; a transliterated
//! foreign name (`شومسكي`, `فرويد`, `ليندون`) is usually not among them, yet its letters say what it is:
//! endings such as `ـسكي`, `ـوف`, `ـيني`, letter pairs Arabic words rarely have. The guesser is learned by
//! `hashiya train` from the name lists' word counts (each word type weighted by the log of its count, its
//! target the shares of its counts as outside, person, place and organisation) and stored as 2^bits rows of
//! four `i8` weights (one step is 1/16 of a logit). A word's guess is the best class and how far ahead of
//! the second it is, in four steps: one small number the tagger's features conjoin.

use super::features::{fnv, FNV0};

/// Classes the guesser scores: outside, person, place, organisation.
pub const NC: usize = 4;
/// Logit units per quantisation step.
const STEP: f32 = 1.0 / 16.0;
/// Margins (in steps) between the best and the second class at which a guess becomes more certain.
const BUCKETS: [i32; 3] = [16, 40, 64];

/// The n-grams a word is scored by: its letters between a start and an end mark, taken 2, 3 and 4 at a time,
/// and one bias row shared by every word. Calls `f` with each n-gram's hash.
fn ngrams(word: &str, mut f: impl FnMut(u32)) {
    let mut chars = [0u32; 34];
    let mut n = 1;
    chars[0] = '<' as u32;
    for c in word.chars().take(32) {
        chars[n] = c as u32;
        n += 1;
    }
    chars[n] = '>' as u32;
    n += 1;
    f(fnv(FNV0, b"bias"));
    for k in 2..=4usize {
        for w in chars[..n].windows(k) {
            let mut h = fnv(FNV0, &[k as u8]);
            for &c in w {
                h = fnv(h, &c.to_le_bytes());
            }
            f(h);
        }
    }
}

/// The row an n-gram hash falls in.
#[inline]
fn row(bits: u32, h: u32) -> usize {
    (h.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// A learned guesser read in place: 2^bits rows × [`NC`] weights.
#[derive(Debug, Clone, Copy)]
pub struct Guess<'a> {
    bits: u32,
    table: &'a [u8],
}

impl Guess<'static> {
    /// No guesser: every word's guess is 0.
    pub const EMPTY: Guess<'static> = Guess { bits: 0, table: &[] };
}

impl<'a> Guess<'a> {
    /// The bytes a table of 2^bits rows takes.
    pub fn len_for(bits: u32) -> usize {
        if bits == 0 { 0 } else { NC << bits }
    }

    /// The `bits` of a table of `len` bytes (0 for an empty one), or `None` when no table is that long.
    pub fn bits_for(len: usize) -> Option<u32> {
        if len == 0 {
            return Some(0);
        }
        (8..=22).find(|&b| Guess::len_for(b) == len)
    }

    /// A guesser over a table of [`Guess::len_for`]`(bits)` bytes (empty when the length does not match).
    pub fn new(bits: u32, table: &'a [u8]) -> Guess<'a> {
        if bits == 0 || table.len() != Guess::len_for(bits) {
            return Guess::EMPTY;
        }
        Guess { bits, table }
    }

    /// Whether there is no table.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// The guess for a bare stem: 0 without a table or for a word of fewer than 3 letters, else
    /// 1 + 4 × class (0 outside, 1 person, 2 place, 3 organisation) + certainty (0 to 3).
    pub fn get(&self, bare: &str) -> u32 {
        if self.bits == 0 || bare.chars().nth(2).is_none() {
            return 0;
        }
        let mut s = [0i32; NC];
        ngrams(bare, |h| {
            let r = row(self.bits, h) * NC;
            if let Some(w) = self.table.get(r..r + NC) {
                for (x, &v) in s.iter_mut().zip(w) {
                    *x += i32::from(v as i8);
                }
            }
        });
        let best = (0..NC).fold(0, |b, k| if s[k] > s[b] { k } else { b });
        let second = (0..NC).filter(|&k| k != best).map(|k| s[k]).max().unwrap_or(0);
        let margin = s[best] - second;
        let certainty = BUCKETS.iter().filter(|&&t| margin >= t).count();
        1 + 4 * best as u32 + certainty as u32
    }

    /// Learns a table of 2^bits rows from word types and their counts as outside, person, place and
    /// organisation (deterministic: the words are visited in the order given, `epochs` times, with a
    /// decaying step); no table for `bits` 0.
    pub fn train(bits: u32, words: &[(&str, [u32; NC])], epochs: usize) -> Vec<u8> {
        if bits == 0 {
            return Vec::new();
        }
        let n = NC << bits;
        let mut w = vec![0f32; n];
        let mut grams = Vec::new();
        let total = (epochs * words.len()).max(1) as f32;
        let mut seen = 0f32;
        for _ in 0..epochs {
            for (word, counts) in words {
                let sum: u32 = counts.iter().sum();
                if sum == 0 {
                    continue;
                }
                grams.clear();
                ngrams(word, |h| grams.push(row(bits, h) * NC));
                let mut z = [0f32; NC];
                for &r in &grams {
                    for k in 0..NC {
                        z[k] += w[r + k];
                    }
                }
                let m = z.iter().cloned().fold(f32::MIN, f32::max);
                let e = z.map(|x| (x - m).exp());
                let es: f32 = e.iter().sum();
                let lr = 0.2 * (1.0 - 0.9 * seen / total) * (1.0 + sum as f32).ln();
                seen += 1.0;
                for k in 0..NC {
                    let g = counts[k] as f32 / sum as f32 - e[k] / es;
                    for &r in &grams {
                        let x = &mut w[r + k];
                        *x = (*x + lr * g) * (1.0 - 1e-7);
                    }
                }
            }
        }
        w.iter().map(|&x| ((x / STEP).round().clamp(-127.0, 127.0) as i8) as u8).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_endings() {
        // Names ending in -سكي and -وف against common words; a new word with such an ending is guessed a person.
        let mut words: Vec<(String, [u32; NC])> = Vec::new();
        for stem in ["ترو", "ديف", "كوفال", "زابولو", "بيترو", "رادي", "موسور", "غرين", "ليتوي"] {
            words.push((format!("{stem}سكي"), [0, 5, 0, 0]));
            words.push((format!("{stem}وف"), [0, 5, 0, 0]));
        }
        for w in ["كتاب", "مدرسة", "سيارة", "طاولة", "حكومة", "اجتماع", "قرار", "مشروع", "اقتصاد", "تعاون", "سياسة", "وزارة"] {
            words.push((w.to_string(), [5, 0, 0, 0]));
        }
        let refs: Vec<(&str, [u32; NC])> = words.iter().map(|(w, c)| (w.as_str(), *c)).collect();
        let table = Guess::train(12, &refs, 30);
        let g = Guess::new(12, &table);
        let class = |w: &str| (g.get(w) - 1) / 4;
        assert_eq!(class("شومسكي"), 1);
        assert_eq!(class("ملاحظة"), 0);
        // Short words and an empty guesser give 0.
        assert_eq!(g.get("من"), 0);
        assert_eq!(Guess::EMPTY.get("شومسكي"), 0);
        assert_eq!(Guess::new(12, &table[1..]).get("شومسكي"), 0);
        assert!(Guess::train(0, &refs, 3).is_empty());
    }

    #[test]
    fn table_lengths() {
        assert_eq!(Guess::bits_for(0), Some(0));
        assert_eq!(Guess::bits_for(Guess::len_for(14)), Some(14));
        assert_eq!(Guess::bits_for(1000), None);
    }
}
