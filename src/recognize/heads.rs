//! Name-phrase recognizer: organisations and places written as a head word and the words that complete it
//! (`هيئة الإذاعة البريطانية`, `وكالة X`, `دادگاه عالی`, `البحر الكاريبي`), and agency credits in Latin script.
//!
//! The tables are generated from the NER training corpora by `scripts/build_gazetteer.py` (see
//! `scripts/build_lexicons.sh`): `data/lexicon/heads.tsv` (cue words that head names of one label, ORG or LOC)
//! and `data/lexicon/name_parts.tsv` (words that continue names of places and organisations).
//!
//! A head word, as the table writes it (`الحزب` and `حزب` are two entries: a head is not found by taking an
//! article off), possibly after proclitics, which stay outside the span (a fused `لل` stays, as written), runs
//! over up to [`MAX_FOLLOWERS`] following words, separated by spaces or ZWNJ only, while each is
//! - a name part (`الجو`, `الدولي`, `عالی`), or an Arabic relative adjective (`ال…ي`, `ال…ية`, six letters or
//!   more: `البوليفاري`);
//! - or, after a head without the article or after a name word, a name word: not a common word, a cue, a head
//!   or a title, no article, three letters or more, not inside a person the gazetteer found (`حكومة` + a
//!   person); at most [`MAX_NAME_WORDS`] of them (`وكالة X`). After a name word, an adjective made from a
//!   place name (`الروسية` from `روسيا`) describes the organisation and ends the phrase.
//!
//! The phrase is proposed with the head's label, up to its last word that can end a name (in Arabic, a word
//! with the article or a name word: `وكالة أنباء` is a construct noun waiting for its complement), unless
//! - its followers are all relative adjectives, the last made from a place (`القوات الروسية`: the Russian
//!   forces, a description);
//! - the head stands right after a title word (`وزير الدفاع`): it is the title's complement.
//!
//! A line that holds nothing but one to three capitalised Latin words, in a document in Arabic script, is a
//! photo credit (`Reuters`, `Getty Images`) and names an organisation; a credit split by `/` names one per
//! part.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::lexicon::{common_words, place_words, WordSet};
use super::lexicon_data::{self, one_word_places, precise_heads};
use super::word_table::WordTable;
use super::{Context, Recognizer};
use crate::lang::Lang;
use crate::span::{Candidate, Label};
use crate::tokenize::{strip_proclitic, Token, TokenKind, PROCLITICS};

/// Head words and their labels.
pub const HEADS: &str = include_str!("../../data/lexicon/heads.tsv");
/// Words that continue names of places and organisations.
pub const NAME_PARTS: &str = include_str!("../../data/lexicon/name_parts.tsv");

/// [`HEADS`]' precise head words with their labels ([`precise_heads`]), prepared by `build.rs`.
const SHIPPED_HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/heads.tab"));
/// [`NAME_PARTS`] as a [`WordSet`]'s table, prepared by `build.rs`.
const SHIPPED_PARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/parts.tab"));
/// The title table and the tagger's title triggers ([`lexicon_data::head_titles_tsv`]) as a [`WordSet`]'s table, prepared by `build.rs`.
const SHIPPED_TITLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/head_titles.tab"));

pub use lexicon_data::HEAD_MIN_PRECISION;
/// Most words after the head.
pub const MAX_FOLLOWERS: usize = 4;
/// Most name words after the head.
pub const MAX_NAME_WORDS: usize = 2;
/// Most Latin words in a credit line.
const MAX_CREDIT_WORDS: usize = 3;

/// Finds name phrases and credits (see the module documentation).
pub struct Heads {
    /// Head words and the index of their label in [`Label::ALL`].
    heads: Cow<'static, WordTable>,
    parts: Cow<'static, WordSet>,
    /// Single-word place names, normalized, without the article.
    places: Cow<'static, WordSet>,
    /// Title words (corpus titles and the tagger's TITLE triggers).
    titles: Cow<'static, WordSet>,
    common: &'static WordSet,
}

/// The shipped head words (read in place).
fn shipped_heads() -> &'static WordTable {
    static H: OnceLock<WordTable> = OnceLock::new();
    H.get_or_init(|| WordTable::new(SHIPPED_HEADS).unwrap_or_default())
}

/// Whether the normalized word `w` is a shipped head word (as the table writes it, article included).
pub fn is_head(w: &str) -> bool {
    shipped_heads().contains(w)
}

impl Heads {
    /// Builds the recognizer from a heads table (`word<TAB>LABEL`), a name-part table (first column), name
    /// tables (`LABEL<TAB>name`: their one-word places make adjectives), a title table (first column) and
    /// common words.
    pub fn from_tables(heads: &str, parts: &str, names: &[&str], titles: &str, common: &'static WordSet) -> Heads {
        Heads {
            heads: Cow::Owned(WordTable::from_entries(precise_heads(heads))),
            parts: Cow::Owned(WordSet::from_tsv(parts)),
            places: Cow::Owned(WordSet::from_words(one_word_places(names))),
            titles: Cow::Owned(WordSet::from_tsv(titles)),
            common,
        }
    }

    /// The recognizer with the tables shipped in the binary, prepared by `build.rs` as [`Heads::from_tables`]
    /// prepares them (titles: the title table and the tagger's title triggers, [`lexicon_data::head_titles_tsv`]; places: the
    /// gazetteer's and CLDR's, [`crate::recognize::lexicon::place_words`]) and read in place.
    pub fn shipped() -> Heads {
        static PARTS: OnceLock<WordSet> = OnceLock::new();
        static TITLE_WORDS: OnceLock<WordSet> = OnceLock::new();
        Heads {
            heads: Cow::Borrowed(shipped_heads()),
            parts: Cow::Borrowed(PARTS.get_or_init(|| WordSet::shipped(SHIPPED_PARTS))),
            places: Cow::Borrowed(place_words()),
            titles: Cow::Borrowed(TITLE_WORDS.get_or_init(|| WordSet::shipped(SHIPPED_TITLES))),
            common: common_words(),
        }
    }

    /// The label of the head word `w` (as the table writes it), if it is one.
    fn label_of(&self, w: &str) -> Option<Label> {
        self.heads.get(w).and_then(|i| Label::ALL.get(usize::from(i)).copied())
    }

    /// The head's label, the byte offset where the span starts inside `w` (after proclitics; a fused `لل` stays,
    /// as written) and whether the head has the article, if `w` is a head word as the table writes it, possibly
    /// after proclitics other than the article (`الكتلة` is not the head `كتلة`: the table lists the forms with
    /// the article that head names).
    fn head_at(&self, w: &str, buf: &mut String) -> Option<(Label, usize, bool)> {
        if let Some(l) = self.label_of(w) {
            return Some((l, 0, w.starts_with("ال")));
        }
        for p in PROCLITICS.iter().filter(|p| !p.ends_with("ال")) {
            let Some(rest) = strip_proclitic(w, p) else { continue };
            if rest.chars().count() < 3 {
                continue;
            }
            if p.ends_with("لل") {
                // ل + the article with its alef dropped: the head is written with the article.
                buf.clear();
                buf.push_str("ال");
                buf.push_str(rest);
                if let Some(l) = self.label_of(buf.as_str()) {
                    return Some((l, p.len() - "لل".len(), true));
                }
            } else if let Some(l) = self.label_of(rest) {
                return Some((l, p.len(), rest.starts_with("ال")));
            }
        }
        None
    }

    fn is_title(&self, w: &str) -> bool {
        self.titles.contains(w)
            || PROCLITICS.iter().any(|p| strip_proclitic(w, p).is_some_and(|r| r.chars().count() > 2 && self.titles.contains(r)))
    }

    /// An adjective made from a place name (`الروسية` ← `روسيا`, `البريطاني` ← `بريطانيا`).
    fn place_adjective(&self, w: &str, buf: &mut String) -> bool {
        place_adjective_in(&self.places, w, buf)
    }

    /// A word that can be (part of) a proper name: not a common word, a cue, a head or a title (also after
    /// proclitics); no article (`article`: whether its `ال` is one); three letters or more.
    fn is_name_word(&self, w: &str, article: bool) -> bool {
        let with_article = article && w.starts_with("ال");
        w.chars().count() >= 3
            && !with_article
            && !self.common.contains(w)
            && !self.heads.contains(w)
            && !self.is_title(w)
            && !PROCLITICS.iter().any(|p| strip_proclitic(w, p).is_some_and(|r| r.chars().count() > 2 && self.common.contains(r)))
    }

    fn propose_phrases(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let t = cx.norm.text.as_str();
        let toks = cx.tokens;
        let mut buf = String::new();
        // People the recognizers before this one found (original offsets, sorted by end): their words are no
        // organisation's name words (`حكومة نيكولاس مادورو`).
        let mut people: Vec<(usize, usize)> =
            out.iter().filter(|c| c.span.label == Label::Per).map(|c| (c.span.start, c.span.end)).collect();
        people.sort_unstable_by_key(|&(s, e)| (e, s));
        for (i, tok) in toks.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let Some((label, at, definite)) = self.head_at(tok.text(t), &mut buf) else { continue };
            // The complement of a title (`وزير الدفاع`) is no organisation.
            if i > 0 && spaced(t, &toks[i - 1], tok) && toks[i - 1].kind == TokenKind::Word && self.is_title(toks[i - 1].text(t)) {
                continue;
            }
            let (mut n, mut names, mut after_name) = (0usize, 0usize, false);
            let (mut only_adjectives, mut last_adjective_of_place) = (true, false);
            let arabic = cx.lang_at(cx.norm.orig_start(tok.start)) == Lang::Ar;
            // The phrase so far ends where a name can end: in Arabic not on a noun without the article that
            // is no name (`وكالة أنباء`: a construct noun waits for its complement).
            let mut complete: Option<(usize, usize)> = None;
            let mut prev = tok;
            for next in toks[i + 1..].iter().take(MAX_FOLLOWERS) {
                if next.kind != TokenKind::Word || !spaced(t, prev, next) {
                    break;
                }
                let f = next.text(t);
                // `ال` written with a hamza is no article: the name starts with أل (`ألمانيا`).
                let hamza = cx.text.get(cx.norm.orig_start(next.start)..).is_some_and(|o| o.starts_with(['أ', 'إ', 'آ']));
                let nisba = !hamza && nisba_stem(f).is_some();
                let adjective = self.parts.contains(f) || nisba;
                let of_place = adjective && self.place_adjective(f, &mut buf);
                if adjective && !(after_name && of_place) {
                    after_name = false;
                    only_adjectives &= nisba;
                    last_adjective_of_place = of_place;
                } else if !definite
                    && (n == 0 || after_name)
                    && names < MAX_NAME_WORDS
                    && self.is_name_word(f, !hamza)
                    // An Arabic word in ـية without the article is an adjective or an abstract noun
                    // (`رابطة تساهمية`, `منظمة بريطانية`): a description.
                    && !(arabic && f.ends_with("ية"))
                    && !overlaps(&people, cx.norm.orig_start(next.start), cx.norm.orig_end(next.end))
                {
                    after_name = true;
                    names += 1;
                    only_adjectives = false;
                } else {
                    break;
                }
                n += 1;
                prev = next;
                if !arabic || (f.starts_with("ال") && !hamza) || after_name {
                    complete = Some((next.end, n));
                }
            }
            // Adjectives alone that end in one made from a place describe (`القوات الروسية`: the Russian forces).
            if only_adjectives && last_adjective_of_place {
                continue;
            }
            if let Some((end, n)) = complete {
                let score = 0.58 + 0.03 * (n + 1).min(4) as f32;
                out.push(cx.candidate(label, tok.start + at, end, score, "heads"));
            }
        }
    }

    fn propose_credits(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let t = cx.norm.text.as_str();
        let toks = cx.tokens;
        if !t.chars().any(crate::tokenize::is_arabic_letter) {
            return;
        }
        let mut i = 0;
        while i < toks.len() {
            // One line: tokens up to a line break.
            let mut j = i + 1;
            while j < toks.len() && !t[toks[j - 1].end..toks[j].start].contains('\n') {
                j += 1;
            }
            let line = &toks[i..j];
            let starts_line = i == 0 || t[toks[i - 1].end..toks[i].start].contains('\n');
            if starts_line && line.iter().all(|k| k.kind == TokenKind::Latin || k.text(t) == "/") {
                for part in line.split(|k| k.kind != TokenKind::Latin) {
                    let (Some(a), Some(b)) = (part.first(), part.last()) else { continue };
                    let capitalised = part.iter().all(|k| {
                        let (s, _) = cx.norm.orig_range(k.start, k.end);
                        cx.text.get(s..).and_then(|r| r.chars().next()).is_some_and(|c| c.is_uppercase())
                    });
                    let words_spaced = part.windows(2).all(|w| t[w[0].end..w[1].start] == *" ");
                    if part.len() <= MAX_CREDIT_WORDS && capitalised && words_spaced {
                        out.push(cx.candidate(Label::Org, a.start, b.end, 0.5, "heads-credit"));
                    }
                }
            }
            i = j;
        }
    }
}

/// Whether `a..b` overlaps one of `ranges` (sorted by end).
fn overlaps(ranges: &[(usize, usize)], a: usize, b: usize) -> bool {
    let i = ranges.partition_point(|&(_, e)| e <= a);
    // Ranges ending after `a`, nearest first; a name is a few words long, so a few suffice.
    ranges[i..].iter().take(8).any(|&(s, _)| s < b)
}

/// Whether only spaces or ZWNJ separate two tokens.
fn spaced(t: &str, a: &Token, b: &Token) -> bool {
    let gap = &t[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{200C}')
}

/// The stem of an Arabic relative adjective with the article (`الروسية` → `روس`): `ال…ي` or `ال…ية`, six
/// letters or more in all.
pub fn nisba_stem(w: &str) -> Option<&str> {
    let rest = w.strip_prefix("ال")?;
    let stem = rest.strip_suffix("ية").or_else(|| rest.strip_suffix('ي'))?;
    (w.chars().count() >= 6 && stem.chars().count() >= 2).then_some(stem)
}

/// Whether `w` is an adjective made from one of `places` (`الروسية` ← `روسيا`, `البريطاني` ← `بريطانيا`).
fn place_adjective_in(places: &WordSet, w: &str, buf: &mut String) -> bool {
    let Some(stem) = nisba_stem(w) else { return false };
    ["", "ا", "يا", "ة"].iter().any(|end| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(end);
        places.contains(buf.as_str())
    })
}

/// Whether normalized words make a description rather than a name, by the rule the phrases follow: a noun with
/// the article (`first`) followed only by relative adjectives, the last made from a shipped place name
/// (`القوات الروسية`, `الدبلوماسية الأمريكية`: the Russian forces, American diplomacy).
pub fn is_description<'a>(first: &str, rest: impl IntoIterator<Item = &'a str>) -> bool {
    let mut last = None;
    for w in rest {
        if nisba_stem(w).is_none() {
            return false;
        }
        last = Some(w);
    }
    let mut buf = String::new();
    first.starts_with("ال") && last.is_some_and(|w| place_adjective_in(place_words(), w, &mut buf))
}

impl Recognizer for Heads {
    fn name(&self) -> &'static str {
        "heads"
    }

    fn propose(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        self.propose_phrases(cx, out);
        self.propose_credits(cx, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::Analysis;
    use crate::normalize::normalize_str;
    use crate::span::Span;

    const HEADS_T: &str = "# test\nمنظمة\tORG\t10\t0.90\nنهر\tLOC\t8\t0.90\nالحزب\tORG\t9\t0.80\nرابطة\tORG\t5\t0.10\n\
        دانشگاه\tORG\t9\t0.80\nالشؤون\tORG\t4\t0.60\n";
    const PARTS_T: &str = "# test\nالصحة\t9\nأنباء\t3\nالخارجية\t5\nملی\t7\n";
    const NAMES_T: &str = "# test\nLOC\tروسيا\nLOC\tالصين\nPER\tكارون\n";
    const TITLES_T: &str = "# test\nوزير\t9\n";
    const COMMON_T: &str = "# test\nقال\t9\nمن\t9\nفي\t9\nإن\t9\nگفت\t9\nأنباء\t9\n";

    fn heads() -> Heads {
        let common: &'static WordSet = Box::leak(Box::new(WordSet::from_tsv(COMMON_T)));
        Heads::from_tables(HEADS_T, PARTS_T, &[NAMES_T], TITLES_T, common)
    }

    /// Candidates for `text` in `lang`, after `before` (candidates of earlier recognizers, as (label, surface)).
    fn run(h: &Heads, text: &str, lang: Lang, before: &[(Label, &str)]) -> Vec<(Label, String)> {
        let analysis = Analysis::new(text, Some(lang));
        let cx = analysis.context(text, None);
        let mut out: Vec<Candidate> = before
            .iter()
            .map(|&(l, s)| {
                let a = text.find(s).unwrap_or(0);
                Candidate { span: Span::new(l, a, a + s.len()), score: 0.5, source: "test" }
            })
            .collect();
        let n = out.len();
        h.propose(&cx, &mut out);
        out[n..].iter().map(|c| (c.span.label, text[c.span.start..c.span.end].to_string())).collect()
    }

    /// (text, language, candidates of earlier recognizers, expected candidates).
    type Case<'a> = (&'a str, Lang, &'a [(Label, &'a str)], &'a [(Label, &'a str)]);

    fn check(cases: &[Case<'_>]) {
        let h = heads();
        for (text, lang, before, want) in cases {
            let want: Vec<(Label, String)> = want.iter().map(|&(l, s)| (l, s.to_string())).collect();
            assert_eq!(run(&h, text, *lang, before), want, "{text}");
        }
    }

    #[test]
    fn phrases() {
        use Label::*;
        check(&[
            // A head and name parts or relative adjectives; proclitics stay outside.
            ("قالت منظمة الصحة العالمية إن", Lang::Ar, &[], &[(Org, "منظمة الصحة العالمية")]),
            ("ولمنظمة الصحة", Lang::Ar, &[], &[(Org, "منظمة الصحة")]),
            ("بين الحزب الديمقراطي والجمهوري", Lang::Ar, &[], &[(Org, "الحزب الديمقراطي")]),
            // A fused لل stays, as written.
            ("دعما للحزب الديمقراطي", Lang::Ar, &[], &[(Org, "للحزب الديمقراطي")]),
            // A head and a name word; a place head gives a place.
            ("وصلنا إلى نهر زاينده في", Lang::Ar, &[], &[(Loc, "نهر زاينده")]),
            // After a name word, an adjective made from a place describes; after a noun it belongs.
            ("منظمة زيلاندو الروسية", Lang::Ar, &[], &[(Org, "منظمة زيلاندو")]),
            ("منظمة الصحة الروسية", Lang::Ar, &[], &[(Org, "منظمة الصحة الروسية")]),
            ("منظمة الصحة الصينية", Lang::Ar, &[], &[(Org, "منظمة الصحة الصينية")]),
            // An alef with hamza starts a name, not the article.
            ("قالت منظمة ألفاريز إن", Lang::Ar, &[], &[(Org, "منظمة ألفاريز")]),
            // Persian: a head and a name part.
            ("گفت دانشگاه ملی امروز", Lang::Fa, &[], &[(Org, "دانشگاه ملی")]),
        ]);
    }

    #[test]
    fn not_phrases() {
        use Label::*;
        check(&[
            // No follower, or one across punctuation.
            ("منظمة من الدول", Lang::Ar, &[], &[]),
            ("منظمة، الصحة", Lang::Ar, &[], &[]),
            // A head with the article takes no bare name word (`الحزب` + a verb).
            ("الحزب زيلاندو", Lang::Ar, &[], &[]),
            // Adjectives alone ending in one made from a place describe (the Russian party).
            ("الحزب الروسي", Lang::Ar, &[], &[]),
            // The complement of a title.
            ("قال وزير الشؤون الخارجية", Lang::Ar, &[], &[]),
            ("قالت الشؤون الخارجية", Lang::Ar, &[], &[(Org, "الشؤون الخارجية")]),
            // A head the corpora seldom see start a name.
            ("رابطة زيلاندو", Lang::Ar, &[], &[]),
            // An Arabic construct noun at the end waits for its complement.
            ("منظمة أنباء \"زيلاندو\"", Lang::Ar, &[], &[]),
            ("منظمة أنباء الصحة", Lang::Ar, &[], &[(Org, "منظمة أنباء الصحة")]),
            // An indefinite adjective or abstract noun in ـية describes (a British organisation).
            ("منظمة بريطانية", Lang::Ar, &[], &[]),
            ("منظمة ألمانية", Lang::Ar, &[], &[]),
            // A person's name is no organisation's name word.
            ("منظمة كارون زيلاندو", Lang::Ar, &[(Per, "كارون زيلاندو")], &[]),
            // Not the article-less head inside a word with the article.
            ("المنظمة زيلاندو", Lang::Ar, &[], &[]),
            // Common words and verbs end the phrase.
            ("منظمة گفت", Lang::Fa, &[], &[]),
        ]);
    }

    #[test]
    fn credits() {
        use Label::*;
        check(&[
            ("صورة من الحفل\nReuters\nقال الرئيس", Lang::Ar, &[], &[(Org, "Reuters")]),
            ("صورة من الحفل\nAFP/Getty Images\n", Lang::Ar, &[], &[(Org, "AFP"), (Org, "Getty Images")]),
            // Lower case, a sentence, or Latin beside Arabic on the line is no credit.
            ("صورة من الحفل\nreuters\n", Lang::Ar, &[], &[]),
            ("صورة من الحفل\nThe Prime Minister Said\n", Lang::Ar, &[], &[]),
            ("صورة من الحفل Reuters\n", Lang::Ar, &[], &[]),
            // A text with no Arabic script has no credits.
            ("A photo\nReuters\n", Lang::Ar, &[], &[]),
        ]);
    }

    #[test]
    fn helpers() {
        assert_eq!(nisba_stem("الروسية"), Some("روس"));
        assert_eq!(nisba_stem("البريطاني"), Some("بريطان"));
        // Too short: particles and pronouns (`الذي`, `التي`).
        assert_eq!(nisba_stem("الذي"), None);
        assert_eq!(nisba_stem("التي"), None);
        assert_eq!(nisba_stem("روسي"), None);
        let h = heads();
        let mut buf = String::new();
        assert!(h.place_adjective("الروسية", &mut buf));
        assert!(h.place_adjective("الصيني", &mut buf));
        assert!(!h.place_adjective("الديمقراطي", &mut buf));
    }

    #[test]
    fn descriptions() {
        // (first word, the words after it, a description)
        let cases: &[(&str, &[&str], bool)] = &[
            ("القوات", &["الروسية"], true),
            ("الدبلوماسية", &["الامريكية"], true),
            ("الجيش", &["الوطني", "الفنزويلي"], true),
            // Not a noun with the article, or an adjective not made from a place, or a word that is no adjective.
            ("قوات", &["الروسية"], false),
            ("الحزب", &["الديمقراطي"], false),
            ("البنك", &["الدولي", "للتنمية"], false),
            ("الجيش", &["الروسي", "الحر"], false),
            ("القوات", &[], false),
        ];
        for &(first, rest, want) in cases {
            let rest: Vec<String> = rest.iter().map(|w| normalize_str(w)).collect();
            assert_eq!(is_description(&normalize_str(first), rest.iter().map(String::as_str)), want, "{first} {rest:?}");
        }
    }

    #[test]
    fn shipped_tables_load() {
        let h = Heads::shipped();
        assert!(h.heads.len() > 100 && h.parts.len() > 500 && h.places.len() > 1000);
        assert!(h.heads.iter().all(|(w, _)| matches!(h.label_of(w), Some(Label::Org | Label::Loc))));
        // build.rs prepared them as `from_tables` does at run time.
        let titles = lexicon_data::head_titles_tsv(crate::recognize::lexicon::TITLES, crate::ner::features::TRIGGERS_TSV);
        let built = Heads::from_tables(HEADS, NAME_PARTS, &[crate::recognize::lexicon::GAZETTEER, crate::recognize::lexicon::CLDR], &titles, common_words());
        assert!(built.heads.as_bytes() == h.heads.as_bytes());
        assert!(built.parts.len() == h.parts.len() && built.titles.len() == h.titles.len());
        assert!(built.places.len() == h.places.len());
        assert!(is_head("وكالة"));
        assert!(!is_head("قال"));
    }

    mod regression {
        use super::*;

        #[test]
        fn a_place_written_with_a_hamza_alef_keeps_its_first_letters() {
            // Normalizing folds `ألمانيا` to `المانيا`: that is not the article, and the adjective needs it.
            assert_eq!(one_word_places(&["LOC\tألمانيا\nLOC\tالجزائر\n"]), vec!["المانيا".to_string(), "جزائر".to_string()]);
            let mut buf = String::new();
            for w in ["الألماني", "الألمانية", "الإيطالية", "الجزائري"] {
                assert!(Heads::shipped().place_adjective(&normalize_str(w), &mut buf), "{w}");
            }
        }

        #[test]
        fn a_head_at_the_end_of_the_text_or_before_junk_does_not_panic() {
            let h = heads();
            for text in ["منظمة", "منظمة \u{0301}", "منظمة\u{200C}", "\nReuters", "Reuters\n\nمنظمة الصحة"] {
                let _ = run(&h, text, Lang::Ar, &[]);
            }
        }
    }
}
