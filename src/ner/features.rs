//! Feature extraction for the NER tagger: hashed features of each token (word, proclitic-free stems, affixes,
//! shape, trigger class) and of its neighbours, computed without allocating per token.
//!
//! Every feature is a 32-bit hash of a template number and the hashes of the strings it looks at; the model
//! maps it to a row of weights by its top bits. Per-token string hashes are computed once ([`TokInfo`]) and
//! then combined for the context templates, so a token costs a few dozen integer mixes.

use super::clusters::{Clusters, B23, B3};
use super::model::{state_label, Classes};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes ([`hash_str`] values): it passes them through.
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = u64::from(i).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
use crate::normalize::normalize_str;
use crate::tokenize::{strip_proclitic, TokenKind, PROCLITICS};

/// Number of features per token.
pub const NF: usize = 55;

/// The trigger lists, hand-written general vocabulary (see the file's header).
pub const TRIGGERS_TSV: &str = include_str!("../../data/ner_triggers.tsv");

const ARTICLE: &str = "ال";
const ZWNJ: char = '\u{200C}';

/// FNV-1a over bytes, continuing from `h`.
#[inline]
pub(crate) fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

pub(crate) const FNV0: u32 = 0x811c_9dc5;

/// The hash of a string as the tagger sees it (ZWNJ and space are the same: news text swaps them).
///
/// Defined as: FNV-1a over the ZWNJ-separated parts, a space mixed in before each part after the first unless
/// the hash is still the initial value. Computed in one pass over the bytes (a word is hashed nine times per
/// token: splitting on a `char` pattern each time cost more than the hashing).
#[inline]
pub fn hash_str(s: &str) -> u32 {
    let b = s.as_bytes();
    if !b.contains(&ZWNJ_UTF8[0]) {
        return fnv(FNV0, b);
    }
    let mut h = FNV0;
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(&ZWNJ_UTF8) {
            if h != FNV0 {
                h = fnv(h, b" ");
            }
            i += ZWNJ_UTF8.len();
            continue;
        }
        h = fnv(h, &b[i..=i]);
        i += 1;
    }
    h
}

/// [`ZWNJ`] in UTF-8.
const ZWNJ_UTF8: [u8; 3] = [0xE2, 0x80, 0x8C];

/// Murmur3's finaliser: spreads the bits of a combined value (also the phrase list's, `phrases.rs`).
#[inline]
pub(crate) fn fmix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h
}

#[inline]
pub(crate) fn mix(t: u32, a: u32) -> u32 {
    fmix(a ^ fmix(t.wrapping_mul(0x9E37_79B1).wrapping_add(0x7F4A_7C15)))
}

#[inline]
pub(crate) fn mix2(t: u32, a: u32, b: u32) -> u32 {
    fmix(mix(t, a) ^ b.rotate_left(13).wrapping_add(0x2545_F491))
}

/// Trigger classes (bit values of [`TokInfo::trig`]).
pub mod class {
    /// A title or role that precedes a person's name.
    pub const TITLE: u32 = 1;
    /// A word that introduces a place name.
    pub const PLACE: u32 = 2;
    /// A word that heads or introduces an organisation name.
    pub const ORG: u32 = 4;
    /// A verb of saying.
    pub const SAY: u32 = 8;
    /// A preposition that often precedes a place.
    pub const PREP: u32 = 16;
}

/// The trigger words, looked up by string hash.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    /// (hash, class bits), sorted by hash.
    table: Vec<(u32, u32)>,
}

impl Triggers {
    /// Builds the table from `CLASS<TAB>word` lines (`#` comments).
    pub fn from_tsv(tsv: &str) -> Triggers {
        let mut table: Vec<(u32, u32)> = Vec::new();
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((c, w)) = line.split_once('\t') else { continue };
            let bit = match c {
                "TITLE" => class::TITLE,
                "PLACE" => class::PLACE,
                "ORG" => class::ORG,
                "SAY" => class::SAY,
                "PREP" => class::PREP,
                _ => continue,
            };
            let w = normalize_str(w.trim());
            if w.is_empty() {
                continue;
            }
            table.push((hash_str(&w), bit));
        }
        table.sort_unstable();
        // Merge the classes of a word listed twice.
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(table.len());
        for (h, b) in table {
            match merged.last_mut() {
                Some(last) if last.0 == h => last.1 |= b,
                _ => merged.push((h, b)),
            }
        }
        Triggers { table: merged }
    }

    /// The shipped lists.
    pub fn shipped() -> Triggers {
        Triggers::from_tsv(TRIGGERS_TSV)
    }

    /// The shipped lists, built once for the whole process (the tagger and [`crate::trim`] read them).
    pub fn shared() -> &'static Triggers {
        static T: std::sync::OnceLock<Triggers> = std::sync::OnceLock::new();
        T.get_or_init(Triggers::shipped)
    }

    /// Class bits of a word hash (0 when it is no trigger).
    #[inline]
    pub fn get(&self, h: u32) -> u32 {
        match self.table.binary_search_by_key(&h, |e| e.0) {
            Ok(i) => self.table[i].1,
            Err(_) => 0,
        }
    }
}

/// How a word splits into proclitics and a stem: byte lengths inside the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Split {
    /// Bytes of proclitics before the bare stem (article included), 0 if none.
    pub bare: usize,
    /// Bytes of proclitics that are not the article: where the name may start if it keeps its `ال`.
    /// For a fused `لل` this is where `لل` starts.
    pub clitic: usize,
    /// Whether the proclitics end in a fused `لل` (ل + the article with its alef dropped).
    pub lil: bool,
}

/// The longest proclitic split of a normalized Arabic-script word that leaves at least two letters
/// (the same list as [`crate::tokenize::stems`]).
pub fn split(word: &str) -> Split {
    for p in PROCLITICS {
        if let Some(rest) = strip_proclitic(word, p) {
            if rest.chars().nth(1).is_none() {
                continue;
            }
            let (clitic, lil) = if p.ends_with(ARTICLE) {
                (p.len() - ARTICLE.len(), false)
            } else if p.ends_with("لل") {
                (p.len() - "لل".len(), true)
            } else {
                (p.len(), false)
            };
            return Split { bare: p.len(), clitic, lil };
        }
    }
    Split::default()
}

/// What the tagger knows about one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    /// The word.
    pub w: u32,
    /// The word without its proclitics, keeping the article (`وبالعاصمة` → `العاصمة`).
    pub s1: u32,
    /// The bare stem, without proclitics or article (`عاصمة`).
    pub s2: u32,
    /// Shape: kind, length, ZWNJ.
    pub shape: u32,
    /// Trigger class bits of the word or its stems.
    pub trig: u32,
    /// Prefixes and suffixes of the bare stem.
    pub affix: [u32; 5],
    /// The proclitic string.
    pub clitic: u32,
    /// The word's class in the name list ([`Classes`]), found for the word or, marked by bit 8, its stem.
    pub lex: u32,
    /// The word's cluster id + 1 ([`Clusters`]), found for the word or its stems; 0 when it has none.
    pub cl: u32,
    /// Its place in a listed name phrase matched over the sentence ([`super::phrases::mark`]); 0 outside one
    /// (and until the sentence is marked).
    pub ph: u32,
    /// What the letters of the bare stem suggest ([`super::guess::Guess::get`]; 0 for other than words).
    pub gc: u32,
}

impl TokInfo {
    /// The cluster at the coarsest (0), middle (1) or finest (2) level; unknown words have their own value.
    #[inline]
    pub fn level(&self, l: u32) -> u32 {
        match self.cl {
            0 => 0xFFFF_0000 | self.cl,
            c => (c - 1) >> [B23, B3, 0][l as usize % 3],
        }
    }
}

fn kind_code(k: TokenKind) -> u32 {
    match k {
        TokenKind::Word => 1,
        TokenKind::Latin => 2,
        TokenKind::Number => 3,
        TokenKind::Punct => 4,
    }
}

/// Computes the per-token information of a normalized token.
pub fn tok_info(text: &str, kind: TokenKind, trig: &Triggers, classes: &Classes<'_>, clusters: &Clusters<'_>) -> TokInfo {
    let w = hash_str(text);
    if kind != TokenKind::Word {
        let n = text.chars().count().min(6) as u32;
        let shape = kind_code(kind) << 8 | n;
        let t = trig.get(w);
        let mut affix = [0u32; 5];
        if kind == TokenKind::Latin {
            // Latin names: suffixes still help (-ov, -ski, -ia).
            let mut s = [text.len(); 3];
            for (k, (i, _)) in text.char_indices().rev().take(3).enumerate() {
                s[k] = i;
            }
            affix = [0, 0, hash_str(&text[s[0]..]), hash_str(&text[s[1]..]), hash_str(&text[s[2]..])];
        }
        let lex = u32::from(classes.get(w));
        return TokInfo { w, s1: w, s2: w, shape, trig: t, affix, clitic: 0, lex, cl: clusters.get(w), ph: 0, gc: 0 };
    }
    let sp = split(text);
    let bare = &text[sp.bare..];
    let s2 = hash_str(bare);
    let s1 = if sp.lil {
        fnv(fnv(FNV0, ARTICLE.as_bytes()), bare.as_bytes())
    } else {
        hash_str(&text[sp.clitic..])
    };
    let clitic = hash_str(&text[..sp.bare]);
    let mut n = 0usize;
    let mut p2 = bare.len();
    let mut p3 = bare.len();
    for (i, _) in bare.char_indices() {
        if n == 2 {
            p2 = i;
        }
        if n == 3 {
            p3 = i;
        }
        n += 1;
    }
    let mut s = [bare.len(); 4];
    for (k, (i, _)) in bare.char_indices().rev().take(4).enumerate() {
        s[k] = i;
    }
    let pre2 = hash_str(&bare[..p2]);
    let pre3 = hash_str(&bare[..p3]);
    let suf1 = hash_str(&bare[s[0]..]);
    let suf2 = hash_str(&bare[s[1]..]);
    let suf3 = hash_str(&bare[s[2]..]);
    let zw = u32::from(text.contains(ZWNJ));
    let shape = kind_code(kind) << 8 | (n.min(8) as u32) << 1 | zw;
    let t = trig.get(w) | trig.get(s1) | trig.get(s2);
    let lex = match classes.get(w) {
        0 => match classes.get(s1) {
            0 => u32::from(classes.get(s2)) | (0x100 * u32::from(s2 != w)),
            c => u32::from(c) | (0x100 * u32::from(s1 != w)),
        },
        c => u32::from(c),
    };
    let cl = match clusters.get(w) {
        0 => match clusters.get(s1) {
            0 => clusters.get(s2),
            c => c,
        },
        c => c,
    };
    TokInfo { w, s1, s2, shape, trig: t, affix: [pre2, pre3, suf1, suf2, suf3], clitic, lex, cl, ph: 0, gc: classes.guess().get(bare) }
}

/// Number of document-history features per token ([`hist_features`]).
pub const NH: usize = 2;

/// The history is forgotten after this many sentences (in training, evaluation and the recognizer alike).
pub const HISTORY_SENTENCES: usize = 30;

/// What the tagger said earlier in the document: for each word (bare stem) it put inside a name, how often
/// in a person's, a place's and an organisation's name. A surname the tagger found after a given name and a
/// title is then recognised alone three sentences later.
#[derive(Debug, Default, Clone)]
pub struct History {
    map: HashMap<u32, [u16; 3], BuildHasherDefault<PassHasher>>,
    /// Sentences recorded since the last reset.
    pub sentences: usize,
}

impl History {
    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
        self.sentences = 0;
    }

    /// The key a word is remembered by: its bare stem (words and Latin words only; 0 for others).
    pub fn key(t: &TokInfo) -> u32 {
        match t.shape >> 8 {
            1 | 2 => t.s2,
            _ => 0,
        }
    }

    /// The label (1 PER, 2 LOC, 3 ORG) the word was given most often so far, 0 if never.
    pub fn label(&self, t: &TokInfo) -> u32 {
        let k = History::key(t);
        if k == 0 {
            return 0;
        }
        match self.map.get(&k) {
            Some(c) => {
                let mut best = 0;
                for i in 1..3 {
                    if c[i] > c[best] {
                        best = i;
                    }
                }
                1 + best as u32
            }
            None => 0,
        }
    }

    /// Records a tagged sentence (BILOU states); forgets first when [`HISTORY_SENTENCES`] are recorded.
    pub fn record(&mut self, infos: &[TokInfo], states: &[u8]) {
        if self.sentences >= HISTORY_SENTENCES {
            self.clear();
        }
        self.sentences += 1;
        for (t, &s) in infos.iter().zip(states) {
            let (Some(l), k) = (state_label(s), History::key(t)) else { continue };
            if k != 0 {
                let c = self.map.entry(k).or_insert([0; 3]);
                c[l] = c[l].saturating_add(1);
            }
        }
    }
}

/// The history features of position `i`, written into `out`.
#[inline(never)] // see `tag_infos` in src/ner/mod.rs
pub fn hist_features(infos: &[TokInfo], hist: &History, i: usize, out: &mut [u32; NH]) {
    let Some(t) = infos.get(i) else {
        *out = [mix(48, 0xFF), mix(49, 0xFF)];
        return;
    };
    let h = hist.label(t);
    *out = [mix(48, h), mix2(49, h, t.level(0))];
}

/// Padding before the sentence.
const BOS: TokInfo = TokInfo { w: 0xB05, s1: 0xB05, s2: 0xB05, shape: 0xB05, trig: 0x100, affix: [0; 5], clitic: 0, lex: 0x1000, cl: 0xB05, ph: 0xB05, gc: 0xB05 };
/// Padding after the sentence.
const EOS: TokInfo = TokInfo { w: 0xE05, s1: 0xE05, s2: 0xE05, shape: 0xE05, trig: 0x200, affix: [0; 5], clitic: 0, lex: 0x2000, cl: 0xE05, ph: 0xE05, gc: 0xE05 };

/// The features of position `i` of a sentence, written into `out`.
#[inline(never)] // see `tag_infos` in src/ner/mod.rs
pub fn features(infos: &[TokInfo], i: usize, out: &mut [u32; NF]) {
    let at = |d: isize| -> TokInfo {
        let j = i as isize + d;
        if j < 0 {
            BOS
        } else {
            infos.get(j as usize).copied().unwrap_or(EOS)
        }
    };
    let (m2, m1, c, p1, p2) = (at(-2), at(-1), at(0), at(1), at(2));
    *out = [
        mix(0, 0),
        mix(1, c.w),
        mix(2, c.s1),
        mix(3, c.s2),
        mix(4, c.affix[0]),
        mix(5, c.affix[1]),
        mix(6, c.affix[2]),
        mix(7, c.affix[3]),
        mix(8, c.affix[4]),
        mix(9, c.shape),
        mix(10, m1.w),
        mix(11, p1.w),
        mix(12, m2.w),
        mix(13, p2.w),
        mix(14, m1.s2),
        mix(15, p1.s2),
        mix2(16, m1.s2, c.s2),
        mix2(17, c.s2, p1.s2),
        mix(18, m1.trig),
        mix(19, p1.trig),
        mix(20, m2.trig),
        mix(21, c.trig),
        mix2(22, mix2(22, m1.shape, c.shape), p1.shape),
        mix(23, c.clitic),
        mix2(24, m1.trig, c.shape),
        mix(25, p1.affix[4]),
        mix(26, m1.affix[3]),
        mix2(27, m2.s2, m1.s2),
        mix(28, c.lex),
        mix(29, m1.lex),
        mix(30, p1.lex),
        mix2(31, m1.lex, c.lex),
        mix2(32, c.lex, p1.lex),
        mix(33, c.level(0)),
        mix(34, c.level(1)),
        mix(35, c.level(2)),
        mix(36, m1.level(1)),
        mix(37, m1.level(2)),
        mix(38, p1.level(1)),
        mix(39, p1.level(2)),
        mix2(40, m1.level(2), c.level(2)),
        mix2(41, c.level(2), p1.level(2)),
        mix(42, m2.level(2)),
        mix(43, p2.level(2)),
        mix(50, c.ph & 0xF),
        mix(51, c.ph & 0xFF),
        mix(52, c.ph & 0x30F),
        mix2(53, c.ph & 0xF, m1.trig),
        mix2(54, c.ph & 0xF, c.level(1)),
        mix(55, c.gc),
        mix2(56, c.gc, u32::from(c.lex & 0xFF != 0)),
        mix2(57, c.gc, m1.trig),
        mix(58, m1.gc),
        mix(59, p1.gc),
        mix2(60, mix2(60, m1.gc, c.gc), p1.gc),
    ];
}

/// The genre and convention a sentence comes from, for the domain-conjoined features (Daumé's "frustratingly
/// easy domain adaptation"): each of the [`domain_templates`] is emitted twice, once as is (shared by every
/// domain) and once conjoined with the sentence's domain, so the shared weights learn what holds everywhere and
/// the conjoined ones each corpus's conventions. The recognizer reads news: it tags with the news domain of
/// the text's language ([`news_domain`]).
pub mod domain {
    /// No domain (a model without domain features).
    pub const NONE: u8 = 0;
    /// Persian newswire (PEYMA; ARMAN's own domain unless training says otherwise, see `--domain-of`).
    pub const FA_NEWS: u8 = 1;
    /// Arabic newswire (ANERcorp, Wojood, and AQMAR as the shipped model is trained).
    pub const AR_NEWS: u8 = 2;
    /// Persian Twitter (ParsTwiNER).
    pub const FA_TWITTER: u8 = 3;
    /// Arabic Wikipedia (AQMAR's own domain; the shipped model sees AQMAR as Arabic news).
    pub const AR_WIKI: u8 = 4;
    /// ARMAN's own conventions (countries as actors and nationalities tagged as organisations), as the shipped
    /// model is trained.
    pub const FA_ARMAN: u8 = 5;
    /// Wojood's own conventions (news and media).
    pub const AR_WOJOOD: u8 = 6;
    /// The last domain.
    pub const LAST: u8 = AR_WOJOOD;

    /// The name of a domain (`fa-news`, ...), as `--domain` takes it.
    pub fn name(d: u8) -> &'static str {
        match d {
            FA_NEWS => "fa-news",
            AR_NEWS => "ar-news",
            FA_TWITTER => "fa-twitter",
            AR_WIKI => "ar-wiki",
            FA_ARMAN => "fa-arman",
            AR_WOJOOD => "ar-wojood",
            _ => "none",
        }
    }

    /// The domain of a name ([`name`]'s inverse).
    pub fn parse(s: &str) -> Option<u8> {
        (0..=LAST).find(|&d| name(d) == s)
    }
}

/// The domain the recognizer tags text of language `lang` with: Persian news for Persian, Arabic news for
/// anything else (Arabic, and text without enough evidence, which the tagger rarely finds names in).
pub fn news_domain(lang: crate::lang::Lang) -> u8 {
    match lang {
        crate::lang::Lang::Fa => domain::FA_NEWS,
        _ => domain::AR_NEWS,
    }
}

/// The most domain-conjoined features per token ([`domain_features`]).
pub const ND_MAX: usize = NF;

/// Which of [`features`]' templates (indices into its output) are conjoined with the domain, by scheme (the
/// model header's byte 11): 0 none; 1 a handful (the state bias, word, bare stem, trigger class of the word
/// and of the one before, the three cluster levels, and the phrase-list match); 2 all of them; 3 five (the
/// state bias, word, bare stem, finest cluster, phrase-list match); 4 the ten and four more (the last three
/// letters, the words before and after, the word class).
pub fn domain_templates(scheme: u8) -> &'static [usize] {
    const HANDFUL: &[usize] = &[0, 1, 3, 18, 21, 33, 34, 35, 44, 46];
    const ALL: &[usize] = &[
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54,
    ];
    const _: () = assert!(ALL.len() == NF);
    const FIVE: &[usize] = &[0, 1, 3, 35, 44];
    const FOURTEEN: &[usize] = &[0, 1, 3, 8, 10, 11, 18, 21, 28, 33, 34, 35, 44, 46];
    match scheme {
        1 => HANDFUL,
        2 => ALL,
        3 => FIVE,
        4 => FOURTEEN,
        _ => &[],
    }
}

/// How many domain-conjoined features [`domain_features`] gives a token of domain `dom` under `scheme`.
#[inline]
pub fn domain_feature_count(scheme: u8, dom: u8) -> usize {
    if dom == domain::NONE { 0 } else { domain_templates(scheme).len() }
}

/// The domain-conjoined copies of a token's features `f` (of [`features`]) for `scheme`
/// ([`domain_templates`]) and domain `dom`, written into the front of `out`; returns how many.
/// [`domain::NONE`] has none: a sentence of no domain sees only the shared features.
#[inline(never)] // see `tag_infos` in src/ner/mod.rs
pub fn domain_features(f: &[u32; NF], scheme: u8, dom: u8, out: &mut [u32; ND_MAX]) -> usize {
    let t = &domain_templates(scheme)[..domain_feature_count(scheme, dom)];
    let salt = fmix(0xD0_4A17 ^ u32::from(dom).wrapping_mul(0x9E37_79B1));
    for (o, &k) in out.iter_mut().zip(t) {
        *o = fmix(f[k] ^ salt);
    }
    t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        let cases: &[(&str, &str, &str, bool)] = &[
            // word, bare stem, name start (article kept), lil
            ("وبالعاصمة", "عاصمة", "العاصمة", false),
            ("لغوايدو", "غوايدو", "غوايدو", false),
            ("للولايات", "ولايات", "للولايات", true),
            ("فنزويلا", "نزويلا", "نزويلا", false),
            ("بل", "بل", "بل", false),
            ("غوايدو", "غوايدو", "غوايدو", false),
        ];
        for &(w, bare, start, lil) in cases {
            let s = split(w);
            assert_eq!(&w[s.bare..], bare, "{w}");
            assert_eq!(&w[s.clitic..], start, "{w}");
            assert_eq!(s.lil, lil, "{w}");
        }
    }

    #[test]
    fn zwnj_and_space_hash_alike_in_parts() {
        assert_eq!(hash_str("رئيس\u{200C}جمهور"), hash_str("رئيس جمهور"));
        assert_ne!(hash_str("ab"), hash_str("ba"));
    }

    /// The definition of [`hash_str`], split by split.
    fn hash_str_by_parts(s: &str) -> u32 {
        let mut h = FNV0;
        for part in s.split(ZWNJ) {
            if h != FNV0 {
                h = fnv(h, b" ");
            }
            h = fnv(h, part.as_bytes());
        }
        h
    }

    #[test]
    fn hash_str_is_its_definition() {
        let cases = ["", "a", "\u{200C}", "\u{200C}\u{200C}a", "a\u{200C}", "می\u{200C}گوید", "رئيس\u{200C}\u{200C}جمهور", "–—…", "\u{2000}\u{200B}\u{200D}x"];
        for s in cases {
            assert_eq!(hash_str(s), hash_str_by_parts(s), "{s:?}");
        }
    }

    #[test]
    fn triggers_are_found_through_proclitics() {
        let t = Triggers::shipped();
        let tr = |w: &str| tok_info(&normalize_str(w), TokenKind::Word, &t, &Classes::EMPTY, &Clusters::EMPTY).trig;
        assert_ne!(tr("الرئيس") & class::TITLE, 0);
        assert_ne!(tr("والرئيس") & class::TITLE, 0);
        assert_ne!(tr("وكالة") & class::ORG, 0);
        assert_ne!(tr("سخنگوی") & class::TITLE, 0);
        assert_eq!(tr("غوايدو"), 0);
    }

    #[test]
    fn history_remembers_labels_and_forgets_after_its_window() {
        let t = Triggers::shipped();
        let info = |w: &str| tok_info(&normalize_str(w), TokenKind::Word, &t, &Classes::EMPTY, &Clusters::EMPTY);
        let (maduro, lmaduro, said) = (info("مادورو"), info("لمادورو"), info("قال"));
        let mut h = History::default();
        assert_eq!(h.label(&maduro), 0);
        // قال O, مادورو U-PER (state 4).
        h.record(&[said, maduro], &[0, 4]);
        assert_eq!(h.label(&maduro), 1);
        // The same stem after a proclitic.
        assert_eq!(h.label(&lmaduro), 1);
        assert_eq!(h.label(&said), 0);
        // Twice a place (U-LOC, state 8) outvotes once a person.
        h.record(&[maduro], &[8]);
        h.record(&[maduro], &[8]);
        assert_eq!(h.label(&maduro), 2);
        // Punctuation and numbers are never remembered.
        let dot = tok_info(".", TokenKind::Punct, &t, &Classes::EMPTY, &Clusters::EMPTY);
        h.record(&[dot], &[4]);
        assert_eq!(h.label(&dot), 0);
        for _ in 0..HISTORY_SENTENCES {
            h.record(&[said], &[0]);
        }
        assert_eq!(h.label(&maduro), 0, "forgotten after the window");
        let (mut a, mut b) = ([0u32; NH], [0u32; NH]);
        hist_features(&[maduro], &h, 0, &mut a);
        hist_features(&[maduro], &h, 5, &mut b);
        assert_ne!(a, b);
    }

    #[test]
    fn domain_features_conjoin_the_chosen_templates() {
        let t = Triggers::shipped();
        let infos: Vec<TokInfo> = ["قال", "الرئيس", "مادورو"].iter().map(|w| tok_info(w, TokenKind::Word, &t, &Classes::EMPTY, &Clusters::EMPTY)).collect();
        let mut f = [0u32; NF];
        features(&infos, 2, &mut f);
        let (mut a, mut b) = ([0u32; ND_MAX], [0u32; ND_MAX]);
        // (scheme, domain, count)
        let cases: &[(u8, u8, usize)] = &[
            (0, domain::FA_NEWS, 0),
            (1, domain::NONE, 0),
            (1, domain::FA_NEWS, domain_templates(1).len()),
            (2, domain::AR_WIKI, NF),
            (9, domain::AR_NEWS, 0),
        ];
        for &(scheme, dom, n) in cases {
            assert_eq!(domain_features(&f, scheme, dom, &mut a), n, "scheme {scheme}, domain {dom}");
        }
        // Another domain gives other features; none of them is a shared feature.
        let n = domain_features(&f, 1, domain::FA_NEWS, &mut a);
        domain_features(&f, 1, domain::FA_TWITTER, &mut b);
        assert!((0..n).all(|k| a[k] != b[k] && !f.contains(&a[k])));
        assert!(domain_templates(1).iter().chain(domain_templates(2)).all(|&k| k < NF));
    }

    #[test]
    fn domains_by_name_and_language() {
        for d in 0..=domain::LAST {
            assert_eq!(domain::parse(domain::name(d)), Some(d));
        }
        assert_eq!(domain::parse("news"), None);
        use crate::lang::Lang;
        let cases = [(Lang::Fa, domain::FA_NEWS), (Lang::Ar, domain::AR_NEWS), (Lang::Other, domain::AR_NEWS)];
        for (l, d) in cases {
            assert_eq!(news_domain(l), d, "{l:?}");
        }
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let t = Triggers::shipped();
        let infos: Vec<TokInfo> = ["قال", "الرئيس", "مادورو"].iter().map(|w| tok_info(w, TokenKind::Word, &t, &Classes::EMPTY, &Clusters::EMPTY)).collect();
        let (mut a, mut b) = ([0u32; NF], [0u32; NF]);
        features(&infos, 2, &mut a);
        features(&infos, 2, &mut b);
        assert_eq!(a, b);
        features(&infos[1..], 1, &mut b);
        assert_ne!(a, b);
        // Out-of-range neighbours are padding, never a panic.
        features(&infos, 0, &mut a);
        features(&[], 0, &mut a);
    }
}
