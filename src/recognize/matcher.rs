//! A compact pattern matcher that loads without building anything: the patterns reversed, as a minimal
//! automaton (a DAWG over characters) serialized to bytes, walked backwards from the ends of words.
//!
//! It finds exactly what an Aho-Corasick automaton over the same patterns finds in overlapping mode, restricted
//! to matches whose end the caller accepts (for the gazetteer: the end of a word), in the same order: by end,
//! then longest first. Instead of a forward automaton with failure links (costly to build: ~120 ms natively
//! for the gazetteer), every accepted end walks the reversed-pattern automaton back through the text; each
//! final state reached is a pattern that ends there.
//!
//! A zero-width non-joiner reads as a space, in the patterns and in the text: Persian writes the words of one
//! name apart with either (`ایالات‌متحده آمریکا`, `ایالات متحده آمریکا`), and mixes them in one name.
//!
//! The automaton is built once by [`build`] (at compile time by `build.rs` for the shipped gazetteer, at run
//! time for tables given to [`crate::recognize::lexicon::Lexicon::from_tables`]) and read in place by
//! [`Matcher::new`], which only checks the header and fills a 2 KB character table.
//!
//! This file depends on nothing but `std`: `build.rs` includes it as a module.
//!
//! Serialized format (integers little-endian):
//! - `HDAWG1` magic, then u32 fields: pattern count, alphabet size `a`, value count `v`, root offset, state
//!   bytes length;
//! - `a` u32 characters (code `i + 1` is the `i`-th character; code 0 is no character);
//! - `v` u32 values (a final state refers to one by index);
//! - the states. A state is a header byte (bit 7: final; bit 6: its single transition leads to the state
//!   written right after it; bits 4–5: target width `w` − 1; bits 0–3: transition count, 15 meaning that the
//!   count follows in one byte), the value index as a LEB128 number if final, the transition count byte if
//!   needed, the transitions' character codes in increasing order, and unless bit 6 is set, one target per
//!   transition: its offset minus the state's own, as a signed `w`-byte number (targets are mostly near, and
//!   written after, their parent, so most take one or two bytes).

use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8; 6] = b"HDAWG1";
const HEADER: usize = MAGIC.len() + 5 * 4;
const FINAL: u8 = 0x80;
const NEXT: u8 = 0x40;
const WIDTH_SHIFT: u8 = 4;
const COUNT: u8 = 0x0F;
/// Characters below this code point map to their code through a table; others by binary search.
const LOW: usize = 0x800;

/// A state while building: its transitions (character code, target state) and its value if final.
type State = (Vec<(u8, u32)>, Option<u32>);

/// One match: byte offsets into the text and the value stored with the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The value given with the pattern to [`build`].
    pub value: u32,
}

/// A character as the matcher reads it: ZWNJ as a space.
fn fold(c: char) -> char {
    if c == '\u{200C}' {
        ' '
    } else {
        c
    }
}

/// Serializes `patterns` (with a value each) into a matcher. A pattern listed twice (ZWNJ reading as a space)
/// keeps its first value; empty patterns are ignored. Fails when the patterns use more than 255 distinct characters or the automaton
/// exceeds 4 GB.
pub fn build<S: AsRef<str>>(patterns: &[(S, u32)]) -> Result<Vec<u8>, String> {
    // Alphabet: the distinct characters, in code point order.
    let mut chars: Vec<char> = patterns.iter().flat_map(|(p, _)| p.as_ref().chars().map(fold)).collect();
    chars.sort_unstable();
    chars.dedup();
    if chars.len() > 255 {
        return Err(format!("{} distinct characters in the patterns; at most 255 fit", chars.len()));
    }
    let code = |c: char| chars.binary_search(&c).map_or(0, |i| i as u8 + 1);

    // A trie of the reversed patterns.
    let mut trie: Vec<State> = vec![(Vec::new(), None)];
    let mut count = 0u32;
    for (p, value) in patterns {
        let p = p.as_ref();
        if p.is_empty() {
            continue;
        }
        let mut n = 0usize;
        for c in p.chars().rev().map(fold).map(code) {
            n = match trie[n].0.iter().find(|&&(k, _)| k == c) {
                Some(&(_, child)) => child as usize,
                None => {
                    let child = trie.len();
                    trie[n].0.push((c, child as u32));
                    trie.push((Vec::new(), None));
                    child
                }
            };
        }
        if trie[n].1.is_none() {
            trie[n].1 = Some(*value);
            count += 1;
        }
    }

    // Minimization: equal states (same value, same transitions to equal states) become one, children first.
    let mut canon: Vec<State> = Vec::new();
    let mut ids: HashMap<State, u32> = HashMap::new();
    let mut rep = vec![u32::MAX; trie.len()];
    let mut stack = vec![(0usize, false)];
    while let Some((n, children_done)) = stack.pop() {
        if !children_done {
            stack.push((n, true));
            stack.extend(trie[n].0.iter().map(|&(_, c)| (c as usize, false)));
            continue;
        }
        let mut trans: Vec<(u8, u32)> = trie[n].0.iter().map(|&(k, c)| (k, rep[c as usize])).collect();
        trans.sort_unstable();
        let key = (trans, trie[n].1);
        let next_id = canon.len() as u32;
        rep[n] = *ids.entry(key.clone()).or_insert_with(|| {
            canon.push(key);
            next_id
        });
    }
    let root = rep[0] as usize;

    // Values, in order of first use.
    let mut values: Vec<u32> = Vec::new();
    let mut value_ix: HashMap<u32, u32> = HashMap::new();
    for v in canon.iter().filter_map(|s| s.1) {
        value_ix.entry(v).or_insert_with(|| {
            values.push(v);
            values.len() as u32 - 1
        });
    }

    // Layout: depth first from the root, the first child right after its parent when not written yet.
    let mut order: Vec<usize> = Vec::with_capacity(canon.len());
    let mut seen = vec![false; canon.len()];
    let mut stack = vec![root];
    while let Some(s) = stack.pop() {
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        order.push(s);
        stack.extend(canon[s].0.iter().rev().map(|&(_, c)| c as usize));
    }
    let implicit: Vec<bool> = order
        .iter()
        .enumerate()
        .map(|(i, &s)| canon[s].0.len() == 1 && order.get(i + 1) == Some(&(canon[s].0[0].1 as usize)))
        .collect();
    // A state's size depends on the distances to its targets, which only shrink as states do: lay the states
    // out with the widest targets, then again with the distances of the last layout until nothing moves.
    let value_of = |s: usize| canon[s].1.map(|v| value_ix[&v]);
    let mut offset = vec![0usize; canon.len()];
    let mut at = 0usize;
    for (i, &s) in order.iter().enumerate() {
        offset[s] = at;
        at += state_size(&canon[s], value_of(s), implicit[i], |_| 4);
    }
    loop {
        let mut next = vec![0usize; canon.len()];
        let mut next_at = 0usize;
        for (i, &s) in order.iter().enumerate() {
            next[s] = next_at;
            let delta = |t: u32| signed_width(offset[t as usize] as i64 - offset[s] as i64);
            next_at += state_size(&canon[s], value_of(s), implicit[i], delta);
        }
        let done = next == offset;
        (offset, at) = (next, next_at);
        if done {
            break;
        }
    }
    if u32::try_from(at).is_err() {
        return Err(format!("the automaton takes {at} bytes; at most 4 GB fit"));
    }

    let mut out = Vec::with_capacity(HEADER + 4 * (chars.len() + values.len()) + at);
    out.extend_from_slice(MAGIC);
    for n in [count as usize, chars.len(), values.len(), offset[root], at] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for &c in &chars {
        out.extend_from_slice(&(c as u32).to_le_bytes());
    }
    for &v in &values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (i, &s) in order.iter().enumerate() {
        let (trans, value) = &canon[s];
        let n = trans.len();
        let delta = |t: u32| offset[t as usize] as i64 - offset[s] as i64;
        let width = if implicit[i] { 1 } else { trans.iter().map(|&(_, t)| signed_width(delta(t))).max().unwrap_or(1) };
        let mut h = if n >= COUNT as usize { COUNT } else { n as u8 };
        h |= ((width - 1) as u8) << WIDTH_SHIFT;
        if value.is_some() {
            h |= FINAL;
        }
        if implicit[i] {
            h |= NEXT;
        }
        out.push(h);
        if let Some(v) = value_of(s) {
            push_leb(&mut out, u64::from(v));
        }
        if n >= COUNT as usize {
            out.push(n as u8);
        }
        out.extend(trans.iter().map(|&(k, _)| k));
        if !implicit[i] {
            for &(_, t) in trans {
                out.extend_from_slice(&delta(t).to_le_bytes()[..width]);
            }
        }
    }
    debug_assert_eq!(out.len(), HEADER + 4 * (chars.len() + values.len()) + at);
    Ok(out)
}

/// Bytes a state takes, given the width each of its targets needs (all take the widest).
fn state_size(s: &State, value_ix: Option<u32>, implicit: bool, width: impl Fn(u32) -> usize) -> usize {
    let n = s.0.len();
    let value = value_ix.map_or(0, |v| leb_len(u64::from(v)));
    let targets = if implicit { 0 } else { n * s.0.iter().map(|&(_, t)| width(t)).max().unwrap_or(1) };
    1 + value + usize::from(n >= COUNT as usize) + n + targets
}

/// Bytes (1 to 4) that the signed distance `d` takes.
fn signed_width(d: i64) -> usize {
    (1..4).find(|&w| (-(1i64 << (8 * w - 1))..1i64 << (8 * w - 1)).contains(&d)).unwrap_or(4)
}

/// Bytes of `x` as a LEB128 number.
fn leb_len(mut x: u64) -> usize {
    let mut len = 1;
    while x >= 0x80 {
        x >>= 7;
        len += 1;
    }
    len
}

fn push_leb(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x & 0x7F) as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// The LEB128 number at `at`, and where the bytes after it start.
#[inline(always)]
fn read_leb(b: &[u8], mut at: usize) -> Option<(u64, usize)> {
    let mut x = 0u64;
    let mut shift = 0u32;
    loop {
        let byte = *b.get(at)?;
        at += 1;
        x |= u64::from(byte & 0x7F).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((x, at));
        }
        shift += 7;
    }
}

/// A serialized matcher, read in place.
#[derive(Debug, Clone)]
pub struct Matcher {
    data: Cow<'static, [u8]>,
    /// Where the states start in `data`.
    states: usize,
    root: usize,
    count: usize,
    values: Vec<u32>,
    /// Code of each character below [`LOW`] (0: not in the alphabet).
    low: Vec<u8>,
    /// Characters from [`LOW`] up, with their codes, sorted.
    high: Vec<(char, u8)>,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Matcher {
    /// Reads a matcher serialized by [`build`]; `None` when the bytes are not one.
    pub fn new(data: impl Into<Cow<'static, [u8]>>) -> Option<Matcher> {
        let data = data.into();
        if data.get(..MAGIC.len())? != MAGIC {
            return None;
        }
        let field = |i: usize| u32_at(&data, MAGIC.len() + 4 * i).map(|n| n as usize);
        let (count, alphabet, nvalues, root, len) = (field(0)?, field(1)?, field(2)?, field(3)?, field(4)?);
        let states = HEADER + 4 * (alphabet + nvalues);
        if alphabet > 255 || data.len() != states + len || (len > 0 && root >= len) {
            return None;
        }
        let mut low = vec![0u8; LOW];
        let mut high = Vec::new();
        for i in 0..alphabet {
            let c = char::from_u32(u32_at(&data, HEADER + 4 * i)?)?;
            match low.get_mut(c as usize) {
                Some(slot) => *slot = i as u8 + 1,
                None => high.push((c, i as u8 + 1)),
            }
        }
        // The text's ZWNJ reads as a space ([`fold`]).
        if low[usize::from(b' ')] != 0 && !high.iter().any(|&(c, _)| c == '\u{200C}') {
            high.push(('\u{200C}', low[usize::from(b' ')]));
            high.sort_unstable();
        }
        let values = (0..nvalues).map(|i| u32_at(&data, HEADER + 4 * (alphabet + i))).collect::<Option<Vec<u32>>>()?;
        Some(Matcher { data, states, root, count, values, low, high })
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Size of the serialized matcher in bytes.
    pub fn size(&self) -> usize {
        self.data.len()
    }

    /// The serialized bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// The code of the character with code point `c` (0 when not in the alphabet).
    #[inline(always)]
    fn code(&self, c: u32) -> u8 {
        match self.low.get(c as usize) {
            Some(&k) => k,
            None => self.high.binary_search_by_key(&c, |&(h, _)| h as u32).map_or(0, |i| self.high[i].1),
        }
    }

    /// The state reached from state `at` of the states `s` on character code `k`, and the value if that state
    /// is final.
    #[inline(always)]
    fn step(&self, s: &[u8], at: usize, k: u8) -> Option<(usize, Option<u32>)> {
        let h = *s.get(at)?;
        let mut p = at + 1;
        if h & FINAL != 0 {
            p = read_leb(s, p)?.1;
        }
        let mut n = usize::from(h & COUNT);
        if n == usize::from(COUNT) {
            n = usize::from(*s.get(p)?);
            p += 1;
        }
        let labels = s.get(p..p + n)?;
        let i = if n <= 8 { labels.iter().position(|&l| l == k)? } else { labels.binary_search(&k).ok()? };
        let to = if h & NEXT != 0 {
            p + n
        } else {
            let w = usize::from((h >> WIDTH_SHIFT) & 3) + 1;
            let t = s.get(p + n + i * w..p + n + (i + 1) * w)?;
            // Sign-extended little-endian `w`-byte number.
            let fill = if t[w - 1] & 0x80 != 0 { 0xFF } else { 0 };
            let mut d = [fill; 8];
            d[..w].copy_from_slice(t);
            usize::try_from(i64::try_from(at).ok()? + i64::from_le_bytes(d)).ok()?
        };
        let th = *s.get(to)?;
        let value = if th & FINAL != 0 { Some(*self.values.get(read_leb(s, to + 1)?.0 as usize)?) } else { None };
        Some((to, value))
    }

    /// Pushes onto `out` every pattern that ends at byte `end` of `text` (a char boundary), shortest first.
    pub fn ending_at(&self, text: &str, end: usize, out: &mut Vec<Match>) {
        let (Some(before), Some(s)) = (text.get(..end), self.data.get(self.states..)) else { return };
        if self.count == 0 {
            return;
        }
        let b = before.as_bytes();
        let mut at = self.root;
        let mut i = b.len();
        while i > 0 {
            // The character before byte `i`: one byte (ASCII), two (Arabic script), or more.
            let last = b[i - 1];
            let (c, start) = if last < 0x80 {
                (u32::from(last), i - 1)
            } else if i >= 2 && b[i - 2] & 0xE0 == 0xC0 {
                (u32::from(b[i - 2] & 0x1F) << 6 | u32::from(last & 0x3F), i - 2)
            } else {
                match before[..i].chars().next_back() {
                    Some(c) => (c as u32, i - c.len_utf8()),
                    None => break,
                }
            };
            let k = self.code(c);
            if k == 0 {
                break;
            }
            let Some((to, value)) = self.step(s, at, k) else { break };
            if let Some(value) = value {
                out.push(Match { start, end, value });
            }
            at = to;
            i = start;
        }
    }

    /// Every pattern occurrence in `text` whose end is followed by a character that `continues` rejects (or by
    /// the end of the text): by end, then longest first, as an overlapping Aho-Corasick search reports them.
    pub fn find_iter<'m, 't, F: Fn(char) -> bool>(&'m self, text: &'t str, continues: F) -> Matches<'m, 't, F> {
        Matches { m: self, text, continues, pos: 0, buf: Vec::new(), done: false }
    }
}

/// Iterator returned by [`Matcher::find_iter`].
#[derive(Debug)]
pub struct Matches<'m, 't, F> {
    m: &'m Matcher,
    text: &'t str,
    continues: F,
    /// Next end offset to try.
    pos: usize,
    /// Matches found at the last end, shortest first (popped longest first).
    buf: Vec<Match>,
    done: bool,
}

impl<F: Fn(char) -> bool> Iterator for Matches<'_, '_, F> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        loop {
            if let Some(m) = self.buf.pop() {
                return Some(m);
            }
            if self.done {
                return None;
            }
            // The next end: a char boundary after at least one character, not followed by a word character.
            let rest = self.text.get(self.pos..)?;
            let mut end = None;
            let mut it = rest.char_indices().skip(usize::from(self.pos == 0));
            for (i, c) in &mut it {
                if !(self.continues)(c) {
                    end = Some(self.pos + i);
                    break;
                }
            }
            let end = match end {
                Some(e) => {
                    self.pos = e + rest[e - self.pos..].chars().next().map_or(1, char::len_utf8);
                    e
                }
                None => {
                    self.done = true;
                    self.text.len()
                }
            };
            self.m.ending_at(self.text, end, &mut self.buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(p: &[(&str, u32)]) -> Matcher {
        Matcher::new(build(p).expect("builds")).expect("reads back")
    }

    fn all(m: &Matcher, text: &str) -> Vec<(usize, usize, u32)> {
        m.find_iter(text, |c| c.is_alphanumeric()).map(|m| (m.start, m.end, m.value)).collect()
    }

    #[test]
    fn finds_suffixes_at_accepted_ends() {
        let m = matcher(&[("ab", 1), ("b", 2), ("cab", 3), ("a b", 4), ("xyz", 5)]);
        type Case<'a> = (&'a str, &'a [(usize, usize, u32)]);
        let cases: &[Case] = &[
            ("", &[]),
            ("ab", &[(0, 2, 1), (1, 2, 2)]),
            // Longest first at the same end; ends inside a word are skipped.
            ("cab cab", &[(0, 3, 3), (1, 3, 1), (2, 3, 2), (4, 7, 3), (5, 7, 1), (6, 7, 2)]),
            ("abc", &[]),
            ("a b.", &[(0, 3, 4), (2, 3, 2)]),
            // Characters outside the alphabet stop the walk.
            ("éab", &[(2, 4, 1), (3, 4, 2)]),
            ("xyz", &[(0, 3, 5)]),
        ];
        for (text, want) in cases {
            assert_eq!(all(&m, text), *want, "{text:?}");
        }
    }

    #[test]
    fn arabic_and_rare_characters() {
        let m = matcher(&[("الولايات المتحدة", 7), ("المتحدة", 8), ("رئيس\u{200C}جمهور", 9)]);
        let t = "في الولايات المتحدة و رئيس\u{200C}جمهور";
        let got: Vec<(&str, u32)> = m.find_iter(t, char::is_alphanumeric).map(|x| (&t[x.start..x.end], x.value)).collect();
        assert_eq!(got, [("الولايات المتحدة", 7), ("المتحدة", 8), ("رئيس\u{200C}جمهور", 9)]);
        // ZWNJ and space read alike, in patterns and text, mixed in one name.
        let m = matcher(&[("ايالات متحده امريكا", 1), ("رئيس\u{200C}جمهور", 2)]);
        let t = "ايالات\u{200C}متحده امريكا و رئيس جمهور";
        let got: Vec<(&str, u32)> = m.find_iter(t, char::is_alphanumeric).map(|x| (&t[x.start..x.end], x.value)).collect();
        assert_eq!(got, [("ايالات\u{200C}متحده امريكا", 1), ("رئيس جمهور", 2)]);
    }

    #[test]
    fn duplicates_keep_the_first_value_and_len_counts_patterns() {
        let m = matcher(&[("ab", 1), ("ab", 2), ("", 3), ("b", 4)]);
        assert_eq!(m.len(), 2);
        assert_eq!(all(&m, "ab"), [(0, 2, 1), (1, 2, 4)]);
        assert!(matcher(&[]).is_empty());
        assert_eq!(all(&matcher(&[]), "ab"), []);
    }

    #[test]
    fn many_transitions_from_one_state() {
        // More than 63 transitions (count byte) and more than 8 (binary search); shared tails (minimized).
        let pats: Vec<(String, u32)> =
            ('\u{0621}'..='\u{064A}').chain('a'..='z').chain('A'..='Z').map(|c| (format!("{c}ة"), c as u32)).collect();
        let m = Matcher::new(build(&pats).expect("builds")).expect("reads back");
        for (p, v) in &pats {
            assert_eq!(all(&m, p), [(0, p.len(), *v)], "{p}");
        }
    }

    #[test]
    fn target_widths() {
        let cases = [(0, 1), (127, 1), (-128, 1), (128, 2), (-129, 2), (32767, 2), (32768, 3), (-8_388_608, 3), (8_388_608, 4)];
        for (d, w) in cases {
            assert_eq!(signed_width(d), w, "{d}");
        }
    }

    #[test]
    fn rejects_bad_bytes() {
        assert!(Matcher::new(Vec::new()).is_none());
        assert!(Matcher::new(b"HDAWG1".to_vec()).is_none());
        let mut b = build(&[("ab", 1)]).expect("builds");
        b.pop();
        assert!(Matcher::new(b).is_none());
        let too_many: Vec<(String, u32)> = (0x100u32..0x300).filter_map(char::from_u32).map(|c| (c.to_string(), 0)).collect();
        assert!(build(&too_many).is_err());
    }

    /// What an overlapping Aho-Corasick search finds, with the same end filter, in the same order.
    /// Both read ZWNJ as a space: the reference searches a folded copy of the text (offsets mapped back) for
    /// the folded patterns, the first of each kept.
    fn aho_corasick(p: &[(String, u32)], text: &str, continues: fn(char) -> bool) -> Vec<(usize, usize, u32)> {
        let mut seen = std::collections::HashSet::new();
        let p: Vec<(String, u32)> =
            p.iter().map(|(s, v)| (s.chars().map(fold).collect::<String>(), *v)).filter(|(s, _)| seen.insert(s.clone())).collect();
        let (mut folded, mut orig) = (String::new(), Vec::new());
        for (i, c) in text.char_indices() {
            folded.push(fold(c));
            orig.extend(std::iter::repeat(i).take(fold(c).len_utf8()));
        }
        orig.push(text.len());
        let ac = aho_corasick::AhoCorasick::new(p.iter().map(|(s, _)| s)).expect("builds");
        ac.find_overlapping_iter(&folded)
            .map(|m| (orig[m.start()], orig[m.end()], p[m.pattern().as_usize()].1))
            .filter(|&(_, end, _)| !text[end..].chars().next().is_some_and(continues))
            .collect()
    }

    /// A small deterministic pseudo-random generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn same_as_aho_corasick_on_random_patterns_and_texts() {
        let alphabet: Vec<char> = "ابلة \u{200C}.x".chars().collect();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..300 {
            let mut pats: Vec<(String, u32)> = Vec::new();
            for i in 0..1 + rng.below(12) {
                let p: String = (0..1 + rng.below(5)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
                if !pats.iter().any(|(q, _)| *q == p) {
                    pats.push((p, i as u32));
                }
            }
            let m = Matcher::new(build(&pats).expect("builds")).expect("reads back");
            let text: String = (0..rng.below(40)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            let continues: fn(char) -> bool = |c| c.is_alphanumeric() || c == '\u{200C}';
            let got: Vec<(usize, usize, u32)> = m.find_iter(&text, continues).map(|x| (x.start, x.end, x.value)).collect();
            assert_eq!(got, aho_corasick(&pats, &text, continues), "round {round}: {pats:?} in {text:?}");
        }
    }

    #[test]
    fn same_as_aho_corasick_on_the_shipped_gazetteer() {
        use crate::recognize::lexicon::{CLDR, COMMON, CUES, FIRST_NAMES, GAZETTEER, GIVEN_NAMES, IRAN_PLACES};
        let common = crate::recognize::lexicon_data::word_set(&format!("{COMMON}\n{CUES}"));
        let p = crate::recognize::lexicon_data::prepare(&[GAZETTEER, CLDR, IRAN_PLACES], &[GIVEN_NAMES, FIRST_NAMES], &|w| {
            common.contains(w)
        });
        let m = Matcher::new(build(&p.patterns).expect("builds")).expect("reads back");
        assert_eq!(m.len(), p.patterns.len());
        // Names glued to each other and to proclitics, separated by spaces, ZWNJ and punctuation.
        let mut rng = Rng(42);
        let glue = ["", " ", "\u{200C}", "و", "لل", "، ", "ال", "\n"];
        let mut text = String::new();
        for _ in 0..20_000 {
            text.push_str(&p.patterns[rng.below(p.patterns.len())].0);
            text.push_str(glue[rng.below(glue.len())]);
        }
        let continues: fn(char) -> bool = |c| c.is_alphanumeric() || c == '\u{200C}';
        let got: Vec<(usize, usize, u32)> = m.find_iter(&text, continues).map(|x| (x.start, x.end, x.value)).collect();
        let want = aho_corasick(&p.patterns, &text, continues);
        assert!(want.len() > 5_000, "{}", want.len());
        assert!(got == want, "{} matches, {} expected", got.len(), want.len());
    }

    mod regression {
        use super::*;

        #[test]
        fn text_ending_in_a_word_still_ends_a_match() {
            let m = matcher(&[("ab", 1)]);
            assert_eq!(all(&m, "x ab"), [(2, 4, 1)]);
        }
    }
}
