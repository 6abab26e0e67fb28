//! Language identification (Arabic, Persian or other) per document and per paragraph, from letter evidence
//! and common function words.
//!
//! Letters only Persian uses (پ چ ژ گ, Persian yeh ی and keheh ک, Persian digits) count for `fa`; letters only
//! Arabic uses (ة, Arabic yeh ي, alef maqsura ى, Arabic kaf ك, Arabic-Indic digits) count for `ar`. Function
//! words that are frequent in one language and rare in the other add stronger evidence. A paragraph with too
//! little evidence of its own takes the document's language.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::normalize::{fold, normalize_str, Fold};

/// A language the annotator distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Lang {
    /// Arabic.
    #[serde(rename = "ar")]
    Ar,
    /// Persian.
    #[serde(rename = "fa")]
    Fa,
    /// Anything else (Latin text, empty input, no Arabic-script letters).
    #[serde(rename = "und")]
    Other,
}

impl Lang {
    /// The BCP 47 tag used in output and in the page's `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Other => "und",
        }
    }

    /// Parses `ar`, `fa`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "fa" => Some(Lang::Fa),
            _ => None,
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }
}

/// Evidence counted over a stretch of text.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    ar: u32,
    fa: u32,
    /// Arabic-script letters seen at all.
    script: u32,
    /// Latin letters seen.
    latin: u32,
}

// Neither list holds a word the other language writes in the same letters once alef forms are folded: `آن`
// (fa) is `أن`/`إن` (ar), `او` (fa, he) is `أو` (ar, or), `اما` is also `أما`, `ما` is both; none of them counts
// (`word_lists` also drops what both lists hold). `به` and `هم` are far commoner in Persian and stay.
const FA_WORDS: &[&str] = &[
    "از", "به", "در", "که", "این", "را", "با", "است", "برای", "می", "شد", "کرد", "های", "یک", "هم", "بود",
    "خود", "نیز", "شده", "وی", "اند", "تا", "کند", "دارد", "گفت", "چه", "بر", "همچنین", "ایران",
];
const AR_WORDS: &[&str] = &[
    "في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "هذا", "هذه", "عن", "مع", "قال", "كان", "لم",
    "لا", "بعد", "قد", "كما", "إن", "ذلك", "بين", "حيث", "منذ", "الذين", "وقد", "وقال", "وقالت", "قالت",
];

impl std::ops::AddAssign for Evidence {
    fn add_assign(&mut self, o: Evidence) {
        self.ar += o.ar;
        self.fa += o.fa;
        self.script += o.script;
        self.latin += o.latin;
    }
}

/// Counts the evidence in `text` in one pass, without allocating: letters as they come, and each short word,
/// normalized into a reused buffer, looked up in the function-word lists.
fn evidence(text: &str) -> Evidence {
    let mut ev = Evidence::default();
    let (fa_words, ar_words) = word_lists();
    let mut word = String::with_capacity(32);
    let mut word_chars = 0usize;
    let flush = |word: &mut String, n: &mut usize, ev: &mut Evidence| {
        if (1..=6).contains(n) {
            if fa_words.contains(word.as_str()) {
                ev.fa += 4;
            } else if ar_words.contains(word.as_str()) {
                ev.ar += 4;
            }
        }
        word.clear();
        *n = 0;
    };
    for c in text.chars() {
        match c {
            c if is_persian_only_letter(c) || matches!(c, '\u{06F0}'..='\u{06F9}') => {
                ev.fa += 1;
                ev.script += 1
            }
            c if is_arabic_only_letter(c) || matches!(c, '\u{0660}'..='\u{0669}') => {
                ev.ar += 1;
                ev.script += 1
            }
            // Arabic writes no zero-width non-joiners; Persian writes them in every other sentence.
            '\u{200C}' => ev.fa += 2,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
                ev.script += 1
            }
            c if c.is_ascii_alphabetic() => ev.latin += 1,
            _ => {}
        }
        if is_word_char(c) {
            match fold(c) {
                Fold::Keep => word.push(c),
                Fold::To(d) => word.push(d),
                Fold::Remove => continue,
            }
            word_chars += 1;
        } else {
            flush(&mut word, &mut word_chars, &mut ev);
        }
    }
    flush(&mut word, &mut word_chars, &mut ev);
    ev
}

/// Whether `c` is a letter Persian writes and Arabic does not (`پ چ ژ گ ی ک ۀ`).
pub fn is_persian_only_letter(c: char) -> bool {
    matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' | 'ۀ')
}

/// Whether `c` is a letter Arabic writes and Persian does not (`ة ي ى ك ؤ إ`).
pub fn is_arabic_only_letter(c: char) -> bool {
    matches!(c, 'ة' | 'ي' | 'ى' | 'ك' | 'ؤ' | 'إ')
}

/// Letters that make up a word for the function-word lookup (Arabic-script letters and marks, Latin letters).
fn is_word_char(c: char) -> bool {
    match c {
        '\u{0621}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{07FF}' => matches!(fold(c), Fold::Remove),
        c if c.is_ascii() => c.is_ascii_alphabetic(),
        c => c.is_alphabetic(),
    }
}

/// The function-word lists, normalized once so that Persian typed with Arabic yeh and kaf still matches.
fn word_lists() -> &'static (HashSet<String>, HashSet<String>) {
    static LISTS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    LISTS.get_or_init(|| {
        let fa: HashSet<String> = FA_WORDS.iter().map(|w| normalize_str(w)).collect();
        let ar: HashSet<String> = AR_WORDS.iter().map(|w| normalize_str(w)).collect();
        let both: HashSet<String> = fa.intersection(&ar).cloned().collect();
        (&fa - &both, &ar - &both)
    })
}

fn decide(ev: Evidence) -> Option<Lang> {
    if ev.script == 0 || ev.script < ev.latin / 2 {
        return if ev.script == 0 && ev.latin == 0 { None } else { Some(Lang::Other) };
    }
    // Too little, or evenly split, evidence: the caller falls back to the document's language.
    if ev.ar + ev.fa < 2 || ev.ar == ev.fa {
        return None;
    }
    Some(if ev.fa > ev.ar { Lang::Fa } else { Lang::Ar })
}

/// The language of a whole document (`Other` when it has no Arabic-script evidence).
pub fn detect(text: &str) -> Lang {
    doc_lang(evidence(text))
}

fn doc_lang(ev: Evidence) -> Lang {
    decide(ev).unwrap_or(if ev.script > 0 { Lang::Ar } else { Lang::Other })
}

/// A paragraph: a maximal run of text between line breaks, with its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the paragraph's first character in the original text.
    pub start: usize,
    /// Byte offset just past its last character (line breaks excluded).
    pub end: usize,
    /// Its language (the document's where the paragraph alone says too little).
    pub lang: Lang,
}

/// Splits `text` at line breaks into paragraphs and identifies each one's language, falling back to
/// `doc_lang` where a paragraph has too little evidence of its own. Empty lines yield no paragraph.
pub fn paragraphs(text: &str, doc_lang: Lang) -> Vec<Paragraph> {
    let (spans, _) = scan(text);
    spans.into_iter().map(|(start, end, ev)| Paragraph { start, end, lang: decide(ev).unwrap_or(doc_lang) }).collect()
}

/// Identifies the document's language and each paragraph's in one pass: the document's evidence is the sum of
/// its paragraphs'.
pub fn identify(text: &str) -> (Lang, Vec<Paragraph>) {
    let (spans, total) = scan(text);
    let doc = doc_lang(total);
    let ps = spans.into_iter().map(|(start, end, ev)| Paragraph { start, end, lang: decide(ev).unwrap_or(doc) }).collect();
    (doc, ps)
}

/// Paragraph ranges with their evidence, and the evidence of the whole text.
fn scan(text: &str) -> (Vec<(usize, usize, Evidence)>, Evidence) {
    let mut out = Vec::new();
    let mut total = Evidence::default();
    let mut push = |start: usize, end: usize, out: &mut Vec<(usize, usize, Evidence)>| {
        if end > start {
            let ev = evidence(&text[start..end]);
            total += ev;
            out.push((start, end, ev));
        }
    };
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        // Line breaks: \n, \r, and U+2029 / U+0085 (E2 80 A9 / C2 85), found by their last byte.
        let brk = match b {
            b'\n' | b'\r' => Some(i),
            0xA9 if i >= 2 && &text.as_bytes()[i - 2..i] == b"\xE2\x80" => Some(i - 2),
            0x85 if i >= 1 && text.as_bytes()[i - 1] == 0xC2 => Some(i - 1),
            _ => None,
        };
        if let Some(at) = brk {
            push(start, at, &mut out);
            start = i + 1;
        }
    }
    push(start, text.len(), &mut out);
    (out, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_arabic_from_persian() {
        assert_eq!(detect("قال الرئيس الفنزويلي إن الحكومة تسيطر على الوضع في البلاد"), Lang::Ar);
        assert_eq!(detect("رئیس‌جمهور ونزوئلا گفت که دولت بر اوضاع کشور مسلط است"), Lang::Fa);
        assert_eq!(detect("The president said"), Lang::Other);
        assert_eq!(detect(""), Lang::Other);
    }

    #[test]
    fn words_both_languages_write_alike_are_no_evidence() {
        // `إن` / `أن` fold to the letters of Persian `آن`, `أو` to `او` (he): short Arabic lines were Persian.
        assert_eq!(detect("وقالت كتلة المستقبل إن"), Lang::Ar);
        assert_eq!(detect("مستمرة. وقال أمين عام لحزب الله إن"), Lang::Ar);
        assert_eq!(detect("او گفت که آن را دید"), Lang::Fa);
    }

    #[test]
    fn persian_typed_with_arabic_letters_is_still_persian() {
        // Arabic yeh and kaf, but Persian function words and letters.
        assert_eq!(detect("وي در اين ديدار گفت كه اين كشور از ايران حمايت مي كند"), Lang::Fa);
    }

    #[test]
    fn paragraphs_get_their_own_language() {
        let text = "قال الرئيس إن الوضع في البلاد هادئ\n\nرئیس‌جمهور گفت که این کشور آرام است\nOK";
        let ps = paragraphs(text, detect(text));
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[0].lang, Lang::Ar);
        assert_eq!(ps[1].lang, Lang::Fa);
        assert_eq!(ps[2].lang, Lang::Other);
        assert_eq!(&text[ps[2].start..ps[2].end], "OK");
    }

    #[test]
    fn identify_in_one_pass() {
        let text = "قال الرئيس إن الوضع في البلاد هادئ وإن الحكومة تسيطر\u{2029}فرمانده ادامه داد: «نیروها آماده\u{200C}اند».\u{0085}م";
        let (doc, ps) = identify(text);
        assert_eq!(doc, Lang::Ar);
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[1].lang, Lang::Fa);
        assert_eq!(&text[ps[2].start..ps[2].end], "م");
        assert_eq!(ps[2].lang, Lang::Ar);
        assert_eq!(paragraphs(text, doc), ps);
    }

    #[test]
    fn short_paragraph_falls_back_to_document() {
        let ps = paragraphs("مادورو", Lang::Fa);
        assert_eq!(ps[0].lang, Lang::Fa);
    }
}
