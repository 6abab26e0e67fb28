//! Tokenisation of the normalized text: Unicode word boundaries (UAX #29, via unicode-segmentation) refined
//! by Arabic-script rules.
//!
//! - Words joined by a zero-width non-joiner (`می‌خواهد`, `رئیس‌جمهور`) stay one token: UAX #29 treats ZWNJ
//!   as part of the word.
//! - Missing spaces between scripts are tolerated: a token that runs from letters into digits or from Arabic
//!   into Latin letters (`يوم20`, `۱۹نوامبر`) is split where the script changes.
//! - Proclitics (و ف ب ل ك ال لل and their combinations) stay attached in the token, as written; [`stems`]
//!   lists where the stem may start, so matchers can try the word with its proclitics split off.
//!
//! Offsets are byte offsets into the normalized text ([`crate::normalize::Normalized::text`]).

use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Arabic-script letters (possibly with ZWNJ inside).
    Word,
    /// Latin (or other non-Arabic) letters.
    Latin,
    /// Digits (already ASCII in the normalized text).
    Number,
    /// Punctuation or a symbol.
    Punct,
}

/// A token: a byte range of the normalized text and its kind. Whitespace is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset in the normalized text.
    pub start: usize,
    /// End byte offset (exclusive) in the normalized text.
    pub end: usize,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `norm`.
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.start..self.end]
    }
}

/// Whether `c` is an Arabic-script letter (the blocks Arabic and Persian use), not a digit or a mark.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}' | '\u{06EF}'
        | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

fn char_kind(c: char) -> Option<TokenKind> {
    if is_arabic_letter(c) || c == '\u{200C}' {
        Some(TokenKind::Word)
    } else if c.is_numeric() {
        Some(TokenKind::Number)
    } else if c.is_alphabetic() {
        Some(TokenKind::Latin)
    } else if c.is_whitespace() || c.is_control() {
        None
    } else if c.is_alphanumeric() || is_mark(c) {
        // Marks left over (non-Arabic combining marks) stick to whatever precedes them.
        Some(TokenKind::Latin)
    } else {
        Some(TokenKind::Punct)
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{FE00}'..='\u{FE0F}')
}

/// Splits normalized text into tokens (see the module documentation).
pub fn tokenize(norm: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(norm.len() / 5);
    for (off, seg) in norm.split_word_bound_indices() {
        let mut cur: Option<(usize, TokenKind)> = None;
        for (i, c) in seg.char_indices() {
            let at = off + i;
            let kind = char_kind(c);
            match (cur, kind) {
                (Some((s, k)), Some(nk)) if k == nk && k != TokenKind::Punct => {
                    cur = Some((s, k));
                }
                // A mark or ZWNJ after a token of another kind joins that token.
                (Some((s, k)), Some(_)) if (c == '\u{200C}' || is_mark(c)) && k != TokenKind::Punct => {
                    cur = Some((s, k));
                }
                (Some((s, k)), nk) => {
                    out.push(Token { start: s, end: at, kind: k });
                    cur = nk.map(|k| (at, k));
                }
                (None, nk) => cur = nk.map(|k| (at, k)),
            }
        }
        if let Some((s, k)) = cur {
            out.push(Token { start: s, end: off + seg.len(), kind: k });
        }
    }
    // A ZWNJ at a token's edge is not part of the word.
    for t in &mut out {
        while t.kind == TokenKind::Word && norm[t.start..t.end].starts_with('\u{200C}') && t.end - t.start > 3 {
            t.start += 3;
        }
        while t.kind == TokenKind::Word && norm[t.start..t.end].ends_with('\u{200C}') && t.end - t.start > 3 {
            t.end -= 3;
        }
    }
    out
}

/// Proclitic sequences a stem may be written with, longest first. `لل` is ل + the article with its alef
/// dropped (`للولايات` = ل + الولايات).
pub const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "وللل", "ولل", "فلل", "بال", "كال", "وال", "فال", "لل", "ال", "وب", "ول", "وك", "فب",
    "فل", "فك", "و", "ف", "ب", "ل", "ك",
];

/// The [`PROCLITICS`] that do not end in the article (`ال`, or `لل` where its alef was dropped), in the same
/// order: what may be written before a name that takes no article.
pub const NON_ARTICLE_PROCLITICS: &[&str] = &["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

/// `word` without the proclitic sequence `p` (one of [`PROCLITICS`]), if it starts with it.
///
/// The same as `word.strip_prefix(p)`, but proclitics are a few bytes long and most words differ from them in
/// their first letter: compared inline, byte by byte, instead of through a call to `memcmp` for each of the 23
/// sequences, which the tagger, the gazetteer and the linker do for every word.
#[inline]
pub fn strip_proclitic<'w>(word: &'w str, p: &str) -> Option<&'w str> {
    let (w, pb) = (word.as_bytes(), p.as_bytes());
    if w.len() < pb.len() {
        return None;
    }
    for (a, b) in w.iter().zip(pb) {
        if a != b {
            return None;
        }
    }
    // `p` is whole UTF-8, so its length is a character boundary in `word`.
    word.get(pb.len()..)
}

/// A possible split of a word into proclitics and a stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stem {
    /// Byte offset of the stem inside the word.
    pub at: usize,
    /// Whether the proclitics end in the article (`ال`, or `لل` where the article's alef was dropped).
    pub article: bool,
}

/// The possible stems of an Arabic-script word in normalized form: the word itself, then every split after a
/// proclitic sequence that leaves at least two letters. Matchers try each.
///
/// ```
/// use hashiya::tokenize::stems;
/// let w = "وبالعاصمة";
/// let starts: Vec<&str> = stems(w).iter().map(|s| &w[s.at..]).collect();
/// assert_eq!(starts, ["وبالعاصمة", "العاصمة", "عاصمة", "بالعاصمة"]);
/// ```
pub fn stems(word: &str) -> Vec<Stem> {
    let mut out = vec![Stem { at: 0, article: false }];
    for p in PROCLITICS {
        if let Some(rest) = strip_proclitic(word, p) {
            if rest.chars().count() < 2 {
                continue;
            }
            let article = p.ends_with("ال") || p.ends_with("لل");
            // The article belongs to many names (الولايات, القاهرة): offer the stem with it as well.
            if article && p.ends_with("ال") {
                let with_al = word.len() - rest.len() - "ال".len();
                if !out.iter().any(|s| s.at == with_al) {
                    out.push(Stem { at: with_al, article: false });
                }
            }
            let at = word.len() - rest.len();
            if !out.iter().any(|s| s.at == at) {
                out.push(Stem { at, article });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(norm: &str) -> Vec<&str> {
        tokenize(norm).iter().map(|t| t.text(norm)).collect()
    }

    #[test]
    fn non_article_proclitics_are_the_proclitics_without_the_article() {
        let want: Vec<&str> = PROCLITICS.iter().copied().filter(|p| !p.ends_with("ال") && !p.ends_with("لل")).collect();
        assert_eq!(NON_ARTICLE_PROCLITICS, want);
    }

    #[test]
    fn strip_proclitic_is_strip_prefix() {
        let words = ["وبالعاصمة", "والعراق", "للولايات", "ل", "", "ولل", "abc", "و\u{200C}ب", "\u{D9}"];
        for w in words {
            for p in PROCLITICS.iter().chain(&["", "x", "وبالعاصمةو"]) {
                assert_eq!(strip_proclitic(w, p), w.strip_prefix(p), "{w} {p}");
            }
        }
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(texts("قال غوايدو: \"لقد حان\""), ["قال", "غوايدو", ":", "\"", "لقد", "حان", "\""]);
        assert_eq!(texts("في 23 يناير/كانون"), ["في", "23", "يناير", "/", "كانون"]);
    }

    #[test]
    fn zwnj_words_stay_whole() {
        assert_eq!(texts("رئيس\u{200C}جمهور گفت"), ["رئيس\u{200C}جمهور", "گفت"]);
    }

    #[test]
    fn missing_spaces_between_scripts_are_split() {
        assert_eq!(texts("يوم20 مارس"), ["يوم", "20", "مارس"]);
        assert_eq!(texts("19نوامبر"), ["19", "نوامبر"]);
        assert_eq!(texts("شبكةCNN"), ["شبكة", "CNN"]);
    }

    #[test]
    fn proclitic_stems() {
        let w = "للولايات";
        let s = stems(w);
        assert!(s.iter().any(|s| &w[s.at..] == "ولايات" && s.article));
        let w = "لغوايدو";
        assert!(stems(w).iter().any(|s| &w[s.at..] == "غوايدو"));
        // Too short a remainder is not a stem.
        assert!(!stems("بل").iter().any(|s| s.at > 0));
    }

    #[test]
    fn kinds() {
        let n = "abc ١ ، x";
        let k: Vec<TokenKind> = tokenize(n).iter().map(|t| t.kind).collect();
        assert_eq!(k, [TokenKind::Latin, TokenKind::Number, TokenKind::Punct, TokenKind::Latin]);
    }
}
