//! A set of words, each with a small value, serialized as a bucketed hash table and read in place: the shipped
//! word lists (common words, titles, given names) are built by `build.rs` and cost nothing to load, where
//! filling a `HashSet` took ~65 ms in the browser.
//!
//! This file depends on nothing but `std`: `build.rs` includes it as a module.
//!
//! Serialized format (integers little-endian): `HWTAB1`, then u32 word count `n` and bucket count `b` (a power
//! of two, about `n / 2`), `b + 1` u32 offsets into the word bytes (bucket `i` holds the words from offset `i`
//! to offset `i + 1`), then the words, bucket by bucket, each as its byte length, its value byte and its UTF-8
//! bytes.

use std::borrow::Cow;

const MAGIC: &[u8; 6] = b"HWTAB1";
const HEADER: usize = MAGIC.len() + 8;

/// The longest word a table holds, in bytes (its length is stored in one byte).
pub const MAX_WORD_BYTES: usize = 255;

/// The hash of a word (FNV-1a, 32 bits: cheap in WebAssembly, and the table's keys are ours).
#[inline]
fn hash(w: &str) -> u32 {
    w.bytes().fold(0x811C_9DC5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Serializes words with their values; a word listed twice gets its values or-ed together. Fails when a word
/// is longer than 255 bytes or the table exceeds 4 GB.
pub fn build<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, u8)>) -> Result<Vec<u8>, String> {
    let mut words: Vec<(String, u8)> = entries.into_iter().map(|(w, v)| (w.as_ref().to_string(), v)).collect();
    words.sort_unstable();
    let mut merged: Vec<(String, u8)> = Vec::with_capacity(words.len());
    for (w, v) in words {
        if w.len() > MAX_WORD_BYTES {
            return Err(format!("a word of {} bytes; at most {MAX_WORD_BYTES} fit", w.len()));
        }
        match merged.last_mut() {
            Some(last) if last.0 == w => last.1 |= v,
            _ => merged.push((w, v)),
        }
    }
    let buckets = (merged.len() / 2).next_power_of_two();
    let mut by_bucket: Vec<(usize, &str, u8)> =
        merged.iter().map(|(w, v)| (hash(w) as usize & (buckets - 1), w.as_str(), *v)).collect();
    by_bucket.sort_unstable();
    let mut offsets = Vec::with_capacity(buckets + 1);
    let mut bytes: Vec<u8> = Vec::new();
    let mut next = by_bucket.iter().peekable();
    for b in 0..buckets {
        offsets.push(u32::try_from(bytes.len()).map_err(|_| "the words exceed 4 GB".to_string())?);
        while let Some((_, w, v)) = next.next_if(|e| e.0 == b) {
            bytes.push(w.len() as u8);
            bytes.push(*v);
            bytes.extend_from_slice(w.as_bytes());
        }
    }
    offsets.push(u32::try_from(bytes.len()).map_err(|_| "the words exceed 4 GB".to_string())?);
    let mut out = Vec::with_capacity(HEADER + 4 * offsets.len() + bytes.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(merged.len() as u32).to_le_bytes());
    out.extend_from_slice(&(buckets as u32).to_le_bytes());
    for o in offsets {
        out.extend_from_slice(&o.to_le_bytes());
    }
    out.extend_from_slice(&bytes);
    Ok(out)
}

/// A serialized word table, read in place.
#[derive(Debug, Clone)]
pub struct WordTable {
    data: Cow<'static, [u8]>,
    len: usize,
    buckets: usize,
}

impl Default for WordTable {
    fn default() -> WordTable {
        WordTable::from_entries(std::iter::empty::<(&str, u8)>())
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The words of a stretch of word bytes (as bytes), with their values.
fn entries(mut b: &[u8]) -> impl Iterator<Item = (&[u8], u8)> {
    std::iter::from_fn(move || {
        let (&len, rest) = b.split_first()?;
        let (&value, rest) = rest.split_first()?;
        let (w, rest) = rest.split_at_checked(usize::from(len))?;
        b = rest;
        Some((w, value))
    })
}

impl WordTable {
    /// Reads a table serialized by [`build`]; `None` when the bytes are not one.
    pub fn new(data: impl Into<Cow<'static, [u8]>>) -> Option<WordTable> {
        let data = data.into();
        if data.get(..MAGIC.len())? != MAGIC {
            return None;
        }
        let len = u32_at(&data, MAGIC.len())? as usize;
        let buckets = u32_at(&data, MAGIC.len() + 4)? as usize;
        let words = HEADER + 4 * (buckets + 1);
        if !buckets.is_power_of_two() || data.len() != words + u32_at(&data, words - 4)? as usize {
            return None;
        }
        Some(WordTable { data, len, buckets })
    }

    /// A table of `entries` (see [`build`]).
    ///
    /// # Panics
    ///
    /// When a word is longer than 255 bytes.
    pub fn from_entries<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, u8)>) -> WordTable {
        let bytes = build(entries).expect("words are at most 255 bytes long");
        WordTable::new(bytes).expect("a table reads back what it wrote")
    }

    fn words(&self) -> &[u8] {
        self.data.get(HEADER + 4 * (self.buckets + 1)..).unwrap_or_default()
    }

    /// The value stored with `w`, if `w` is in the table. A word longer than any the table can hold is not
    /// hashed: a glued run of letters a megabyte long is looked up in constant time.
    pub fn get(&self, w: &str) -> Option<u8> {
        if w.len() > MAX_WORD_BYTES {
            return None;
        }
        let b = hash(w) as usize & (self.buckets - 1);
        let from = u32_at(&self.data, HEADER + 4 * b)? as usize;
        let to = u32_at(&self.data, HEADER + 4 * (b + 1))? as usize;
        let w = w.as_bytes();
        entries(self.words().get(from..to)?).find(|&(k, _)| k == w).map(|(_, v)| v)
    }

    /// Whether `w` is in the table.
    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table has no words.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every word with its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u8)> + '_ {
        entries(self.words()).filter_map(|(w, v)| Some((std::str::from_utf8(w).ok()?, v)))
    }

    /// The serialized bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let t = WordTable::from_entries([("قال", 0), ("رئيس\u{200C}جمهور", 3), ("x", 1), ("x", 2), ("", 5)]);
        let cases: &[(&str, Option<u8>)] = &[
            ("قال", Some(0)),
            ("رئيس\u{200C}جمهور", Some(3)),
            // Values of a word listed twice are or-ed.
            ("x", Some(3)),
            ("", Some(5)),
            ("قا", None),
            ("قالت", None),
            ("y", None),
        ];
        for &(w, want) in cases {
            assert_eq!(t.get(w), want, "{w}");
            assert_eq!(t.contains(w), want.is_some(), "{w}");
        }
        assert_eq!(t.len(), 4);
        let mut all: Vec<(&str, u8)> = t.iter().collect();
        all.sort_unstable();
        assert_eq!(all, [("", 5), ("x", 3), ("رئيس\u{200C}جمهور", 3), ("قال", 0)]);
    }

    #[test]
    fn empty_and_many() {
        let e = WordTable::default();
        assert!(e.is_empty() && !e.contains("") && e.iter().next().is_none());
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let t = WordTable::from_entries(words.iter().map(|w| (w, 1)));
        assert!(words.iter().all(|w| t.contains(w)));
        assert!(!t.contains("w5000") && !t.contains("w"));
        assert_eq!(t.iter().count(), 5000);
        // The same words give the same bytes, whatever their order.
        let r = WordTable::from_entries(words.iter().rev().map(|w| (w, 1)));
        assert!(r.as_bytes() == t.as_bytes());
    }

    #[test]
    fn rejects_bad_bytes() {
        assert!(WordTable::new(Vec::new()).is_none());
        assert!(WordTable::new(b"HWTAB1".to_vec()).is_none());
        let mut b = build([("ab", 0)]).expect("builds");
        b.pop();
        assert!(WordTable::new(b).is_none());
        assert!(build([("a".repeat(256), 0)]).is_err());
    }

    mod regression {
        use super::*;

        #[test]
        fn words_that_share_a_bucket_are_all_found() {
            // A table of one bucket, then of a few.
            assert_eq!(WordTable::from_entries([("a", 1), ("b", 2)]).get("b"), Some(2));
            let t = WordTable::from_entries((0..40).map(|i| (format!("{i}"), 0)));
            assert!((0..40).all(|i| t.contains(&format!("{i}"))));
        }
    }
}
