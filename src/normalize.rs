//! Normalisation of a shadow copy of the text, with an exact offset map back to the original.
//!
//! The original text is never changed. Recognizers match against [`Normalized::text`], in which:
//! - Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel are removed;
//! - ي / ی / ى are folded to ي, ك / ک to ك, ۀ to ه;
//! - the hamza and madda forms of alef (أ إ آ ٱ) are folded to ا;
//! - Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII digits;
//! - no-break and other spaces become a plain space; bidi marks, BOM, soft hyphen and ZWJ are removed;
//! - the zero-width non-joiner (U+200C) is kept: it is part of Persian words and [`crate::tokenize`] keeps
//!   ZWNJ-joined words whole;
//! - ASCII letters are lower-cased.
//!
//! Every normalized byte knows the original byte range of the character it came from; a removed character is
//! absorbed into the range of the kept character before it, so a span that ends on a letter also covers that
//! letter's diacritics in the original.

/// A normalized shadow copy of a text plus the map back to the original's byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// For each byte of `text`: the original byte offset where its source character starts.
    starts: Vec<u32>,
    /// For each byte of `text`: the original byte offset where its source character (and any removed
    /// characters absorbed into it) ends.
    ends: Vec<u32>,
    orig_len: usize,
}

/// What normalisation does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Kept unchanged.
    Keep,
    /// Replaced by another character.
    To(char),
    /// Removed from the shadow copy.
    Remove,
}

/// The normalisation rule for one character (see the module documentation).
pub fn fold(c: char) -> Fold {
    match c {
        // Diacritics and Quranic annotation marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' => Fold::Remove,
        // Tatweel (kashida).
        '\u{0640}' => Fold::Remove,
        // Invisible format characters that carry no letter: ZWJ, bidi marks, BOM, soft hyphen, word joiner.
        '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => Fold::Remove,
        // Yeh and kaf variants.
        '\u{06CC}' | '\u{0649}' | '\u{06D0}' => Fold::To('\u{064A}'),
        '\u{06A9}' => Fold::To('\u{0643}'),
        // Heh with yeh above (Persian ezafe), heh goal.
        '\u{06C0}' | '\u{06C1}' => Fold::To('\u{0647}'),
        // Alef with hamza above/below, madda, wasla, and wavy hamza forms.
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => Fold::To('\u{0627}'),
        // Arabic-Indic and Persian digits.
        '\u{0660}'..='\u{0669}' => Fold::To(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::To(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Spaces of every width (not line breaks).
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Fold::To(' '),
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        _ => Fold::Keep,
    }
}

impl Normalized {
    /// Normalizes `orig` into a shadow copy with an offset map.
    pub fn new(orig: &str) -> Self {
        let mut text = String::with_capacity(orig.len());
        let mut starts: Vec<u32> = Vec::with_capacity(orig.len());
        let mut ends: Vec<u32> = Vec::with_capacity(orig.len());
        // Index in `ends` of the first byte of the last kept character, to extend it over removed ones.
        let mut last_kept: Option<usize> = None;
        for (i, c) in orig.char_indices() {
            let end = (i + c.len_utf8()) as u32;
            let out = match fold(c) {
                Fold::Remove => {
                    if let Some(k) = last_kept {
                        for e in &mut ends[k..] {
                            *e = end;
                        }
                    }
                    continue;
                }
                Fold::Keep => c,
                Fold::To(d) => d,
            };
            last_kept = Some(text.len());
            text.push(out);
            for _ in 0..out.len_utf8() {
                starts.push(i as u32);
                ends.push(end);
            }
        }
        Normalized { text, starts, ends, orig_len: orig.len() }
    }

    /// Original byte offset for a start boundary `i` in the normalized text.
    pub fn orig_start(&self, i: usize) -> usize {
        match self.starts.get(i) {
            Some(&s) => s as usize,
            None => self.orig_len,
        }
    }

    /// Original byte offset for an end boundary `i` in the normalized text (exclusive): the end of the
    /// character before `i`, including removed marks that follow it.
    pub fn orig_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.orig_start(0);
        }
        match self.ends.get(i - 1) {
            Some(&e) => e as usize,
            None => self.orig_len,
        }
    }

    /// Maps a normalized byte range to the original byte range.
    pub fn orig_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let s = self.orig_start(start);
            return (s, s);
        }
        (self.orig_start(start), self.orig_end(end))
    }

    /// Normalized byte offset of the first normalized character whose source starts at or after original
    /// byte offset `orig` (binary search; the map is monotone).
    pub fn norm_offset(&self, orig: usize) -> usize {
        let mut i = self.starts.partition_point(|&s| (s as usize) < orig);
        while i < self.text.len() && !self.text.is_char_boundary(i) {
            i += 1;
        }
        i
    }
}

/// Normalizes a short string (a lexicon entry, a trigger word) the same way as text, without a map.
pub fn normalize_str(s: &str) -> String {
    s.chars()
        .filter_map(|c| match fold(c) {
            Fold::Keep => Some(c),
            Fold::To(d) => Some(d),
            Fold::Remove => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_digits_and_spaces() {
        assert_eq!(normalize_str("أمريكا"), "امريكا");
        assert_eq!(normalize_str("إيران آسيا"), "ايران اسيا");
        assert_eq!(normalize_str("رئیس"), "رئيس");
        assert_eq!(normalize_str("کشور"), "كشور");
        assert_eq!(normalize_str("مستشفى"), "مستشفي");
        assert_eq!(normalize_str("٢٣ ۱۴۰۲"), "23 1402");
        assert_eq!(normalize_str("a\u{00A0}B"), "a b");
        assert_eq!(normalize_str("خانهٔ"), "خانه");
    }

    #[test]
    fn removes_diacritics_and_tatweel_keeps_zwnj() {
        assert_eq!(normalize_str("مُحَمَّدٌ"), "محمد");
        assert_eq!(normalize_str("عـــرب"), "عرب");
        assert_eq!(normalize_str("می\u{200C}خواهد"), "مي\u{200C}خواهد");
        assert_eq!(normalize_str("\u{200F}نص\u{200E}"), "نص");
    }

    #[test]
    fn maps_back_over_removed_marks() {
        let orig = "قال مُحَمَّدٌ اليوم";
        let n = Normalized::new(orig);
        let s = n.text.find("محمد").unwrap();
        let (a, b) = n.orig_range(s, s + "محمد".len());
        assert_eq!(&orig[a..b], "مُحَمَّدٌ");
        let s = n.text.find("اليوم").unwrap();
        let (a, b) = n.orig_range(s, s + "اليوم".len());
        assert_eq!(&orig[a..b], "اليوم");
    }

    #[test]
    fn maps_digits_of_other_widths() {
        let orig = "في ٢٣ يناير";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "في 23 يناير");
        let s = n.text.find("23").unwrap();
        let (a, b) = n.orig_range(s, s + 2);
        assert_eq!(&orig[a..b], "٢٣");
        assert_eq!(n.norm_offset(a), s);
    }

    #[test]
    fn leading_removed_marks_and_empty_text() {
        let n = Normalized::new("");
        assert_eq!(n.orig_range(0, 0), (0, 0));
        let orig = "\u{064E}\u{0640}ب";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "ب");
        assert_eq!(n.orig_range(0, 2), (4, 6));
    }
}
