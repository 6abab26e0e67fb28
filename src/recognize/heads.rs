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
//!   person; a facility may be named after one); at most [`MAX_NAME_WORDS`] of them (`وكالة X`). After a name
//!   word or a place's name, an adjective made from a place name (`الروسية` from `روسيا`) describes the
//!   organisation and ends the phrase (`ريال مدريد الإسباني`).
//!
//! The hand-written classes of [`super::head_classes`] add the guide's conventions: a facility's head
//! (`جسر`, `مطار`, `البيت`) heads a place, with name parts only after the article (`البيت الأبيض`); an armed
//! service's (`الحرس`, `سلاح`) an organisation, with adjectives only; an alliance's (`مجموعة`) an organisation
//! only with a place's name right after it (`مجموعة X`); `ریال` heads nothing in Persian. A name word or place
//! before `پرس` / `برس` / `نيوز` names a media outlet (`X پرس`); a place and a Persian direction after it
//! (`X شمالی`) name one place.
//!
//! A country's name (one the gazetteer marks, [`super::lexicon::SOURCE_COUNTRY`]) after the first follower ends
//! the phrase: `دادگاه عالی ونزوئلا` is the supreme court of Venezuela, and the country stays a place.
//! So does an organisation's head word after the first follower (`خبرگزاری فارس شورای نگهبان`: the agency,
//! then the council it reports on); right after the head it is part of the name (`مجلس شورای اسلامی`).
//!
//! The phrase is proposed with the head's label, up to its last word that can end a name (in Arabic, a word
//! with the article or a name word: `وكالة أنباء` is a construct noun waiting for its complement), unless
//! - its followers are all relative adjectives, the last made from a place (`القوات الروسية`: the Russian
//!   forces, a description), unless the head is an armed service's or an adjective names a branch
//!   (`القوات الجوية الروسية`);
//! - it is a government, army or forces of a place, or forces with adjectives ([`is_body_description`]:
//!   `دولت X`, `القوات المسلحة`);
//! - the head stands right after a title word (`وزير الدفاع`): it is the title's complement.
//!
//! A line that holds nothing but one to three capitalised Latin words, in a document in Arabic script, is a
//! photo credit (`Reuters`, `Getty Images`) and names an organisation; a credit split by `/` names one per
//! part.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::head_classes::{
    class_of, class_of_word, describes, is_branch, is_detached_affix, is_direction, is_media_tail, is_persian_non_head, Class,
};
use super::lexicon::{common_words, place_words, WordSet, SOURCE_COUNTRY};
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
/// The score of an alliance named after a place (`مجموعة ليما`): above the place's name alone (the
/// gazetteer's 0.55) and the tagger's.
const SCORE_ALLIANCE: f32 = 0.7;
/// The score of a media outlet's name ending in [`is_media_tail`] (`ايران پرس`): above a place's name alone
/// (the gazetteer's 0.55) and the tagger's, below a longer head phrase (`وكالة فرانس برس`).
const SCORE_MEDIA: f32 = 0.6;
/// The score of a place with a direction after it (`خراسان شمالی`): above the place alone (the gazetteer's
/// 0.55) and the tagger's, below a longer head phrase (`استان خراسان شمالی`).
const SCORE_DIRECTION: f32 = 0.6;
/// The source of name phrases outside Arabic paragraphs. Persian marks neither a name's words with the article
/// nor the construct (the ezafe is unwritten), so a head and any noun after it read like a name (`شرکت تقسیط`,
/// `مرکز بهداشت`, `تیم ملی`): such a phrase stands only where the tagger also reads a name ([`crate::resolve`],
/// rule 6).
pub const SOURCE_PERSIAN: &str = "heads-fa";
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

/// The shipped name parts (read in place).
fn shipped_parts() -> &'static WordSet {
    static P: OnceLock<WordSet> = OnceLock::new();
    P.get_or_init(|| WordSet::shipped(SHIPPED_PARTS))
}

/// Whether the normalized word `w` is a heavy name part of the shipped table (`اسلامی`, `ملی`: see
/// [`lexicon_data::HEAVY_PART`]): a word that mostly continues places' and organisations' names.
pub fn is_heavy_name_part(w: &str) -> bool {
    shipped_parts().value(w) == Some(1)
}

/// Whether a name starting at byte `at` of the normalized text `t` with the word `first` is the tail of a
/// title's complement: after one of its words or more, with a first word that mostly continues names
/// ([`is_heavy_name_part`]: `خارجه ایران` of `وزیر امور خارجه ایران`).
pub fn inside_title_complement(t: &str, at: usize, first: &str) -> bool {
    is_heavy_name_part(first) && Heads::shipped().title_complement_before(t, at, &mut String::new()).is_some_and(|n| n > 0)
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
        static TITLE_WORDS: OnceLock<WordSet> = OnceLock::new();
        Heads {
            heads: Cow::Borrowed(shipped_heads()),
            parts: Cow::Borrowed(shipped_parts()),
            places: Cow::Borrowed(place_words()),
            titles: Cow::Borrowed(TITLE_WORDS.get_or_init(|| WordSet::shipped(SHIPPED_TITLES))),
            common: common_words(),
        }
    }

    /// The label of the head word `w` (as the table writes it), if it is one: a facility's is a place, an
    /// armed service's or an alliance's an organisation ([`class_of`]), whatever the table says.
    fn label_of(&self, w: &str) -> Option<Label> {
        match class_of(w) {
            Some(Class::Facility) => Some(Label::Loc),
            Some(Class::Service | Class::Ministry | Class::Institution | Class::Alliance) => Some(Label::Org),
            _ => self.heads.get(w).and_then(|i| Label::ALL.get(usize::from(i)).copied()),
        }
    }

    /// Whether the normalized word is a place: a one-word place name (with or without the article) or an
    /// adjective made from one.
    fn is_place(&self, w: &str, buf: &mut String) -> bool {
        place_in(&self.places, w, buf)
    }

    /// The head's label, the byte offset where the span starts inside `w` (after proclitics; a fused `لل` stays,
    /// as written) and whether the head has the article, if `w` is a head word as the table writes it, possibly
    /// after proclitics other than the article (`الكتلة` is not the head `كتلة`: the table lists the forms with
    /// the article that head names).
    fn head_at(&self, w: &str, buf: &mut String) -> Option<(Label, usize, bool)> {
        if let Some(l) = self.label_of(w) {
            // The corpora tag whole tokens, so the table holds heads with a proclitic (`لحزب`): where the word
            // without it is a head of the same label (`حزب`), the proclitic stays outside the name, as elsewhere
            // (`كتلة` is no ك + `تلة`, a place's head).
            // With the article after the proclitic (`بالشرق`), the name starts at the article.
            let mut bare = 0;
            for p in PROCLITICS.iter().filter(|p| **p != "ال" && !p.ends_with("لل")) {
                let Some(rest) = strip_proclitic(w, p).filter(|r| r.chars().nth(2).is_some()) else { continue };
                let same = match p.strip_suffix("ال") {
                    Some(article) => {
                        buf.clear();
                        buf.push_str("ال");
                        buf.push_str(rest);
                        (self.label_of(rest) == Some(l) || self.label_of(buf.as_str()) == Some(l)).then_some(article.len())
                    }
                    None => (self.label_of(rest) == Some(l)).then_some(p.len()),
                };
                if let Some(at) = same {
                    bare = at;
                    break;
                }
            }
            return Some((l, bare, w.starts_with("ال")));
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

    /// How many words of a title's complement stand between a title word and byte `at` of the normalized
    /// text `t` (the start of a word), each one space or ZWNJ from the next: `Some(0)` right after a title
    /// (`وزير` `الدفاع`), `Some(1)` after `وزیر امور` (`خارجه`); head words and name parts go on with a
    /// complement, up to three. `None` when no title comes first.
    fn title_complement_before(&self, t: &str, at: usize, buf: &mut String) -> Option<usize> {
        let mut end = at;
        for n in 0..=3 {
            let before = t.get(..end)?;
            let gap = before.len() - before.trim_end_matches([' ', '\u{200C}']).len();
            if gap == 0 || before[..before.len() - gap].ends_with(|c: char| !c.is_alphabetic()) {
                return None;
            }
            let word_end = before.len() - gap;
            let start = before[..word_end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == '\u{200C}')
                .last()
                .map_or(word_end, |(i, _)| i);
            let w = &before[start..word_end];
            if self.is_title(w) {
                return Some(n);
            }
            if self.head_at(w, buf).is_none() && !self.parts.contains(w) {
                return None;
            }
            end = start;
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

    /// A word that can be (part of) a proper name: not a common word, a cue, a head, a title (also after
    /// proclitics) or a Persian affix written apart ([`is_detached_affix`]); no article (`article`: whether its
    /// `ال` is one); three letters or more.
    fn is_name_word(&self, w: &str, article: bool) -> bool {
        let with_article = article && w.starts_with("ال");
        w.chars().count() >= 3
            && !with_article
            && !is_detached_affix(w)
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
        // Where the gazetteer's countries start (original offsets, sorted).
        let mut countries: Vec<usize> = out.iter().filter(|c| c.source == SOURCE_COUNTRY).map(|c| c.span.start).collect();
        countries.sort_unstable();
        let country_in = |a: usize, b: usize| countries.get(countries.partition_point(|&s| s < a)).is_some_and(|&s| s < b);
        for (i, tok) in toks.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let Some((label, at, definite)) = self.head_at(tok.text(t), &mut buf) else { continue };
            // The complement of a title (`وزير الدفاع`) is no organisation, nor is a word further in it that
            // mostly continues names (`خارجه` of `وزیر امور خارجه`; `خبرگزاری` of `خبرنگار اقتصادی خبرگزاری
            // فارس` starts one).
            match self.title_complement_before(t, tok.start, &mut buf) {
                Some(0) => continue,
                Some(_) if self.parts.value(tok.text(t)) == Some(1) => continue,
                _ => {}
            }
            // A head inside a person's name is none (`پل` of `پل پوگبا`, Paul Pogba).
            if overlaps(&people, cx.norm.orig_start(tok.start), cx.norm.orig_end(tok.end)) {
                continue;
            }
            let class = class_of_word(tok.text(t));
            // An alliance heads a name only with a place's (`مجموعة ليما`, `حلف وارسو`): `مجموعة من`, `مجموعة كبيرة`
            // are a group of things.
            if class == Some(Class::Alliance) {
                if let Some(next) = toks.get(i + 1).filter(|k| k.kind == TokenKind::Word && spaced(t, tok, k)) {
                    let f = next.text(t);
                    if self.places.contains(f) && !self.common.contains(f) {
                        out.push(cx.candidate(label, tok.start + at, next.end, SCORE_ALLIANCE, "heads"));
                    }
                }
                continue;
            }
            let service = matches!(class, Some(Class::Service | Class::Ministry));
            // A definite facility's name goes on with name parts only (`البيت الأبيض`, not `البيت الداخلي`).
            let facility = class == Some(Class::Facility);
            let strict_parts = facility && definite;
            let mut words = [""; MAX_FOLLOWERS];
            let mut branch = false;
            let (mut n, mut names, mut after_name) = (0usize, 0usize, false);
            let (mut only_adjectives, mut last_adjective_of_place) = (true, false);
            let mut after_place = false;
            let arabic = cx.lang_at(cx.norm.orig_start(tok.start)) == Lang::Ar;
            if !arabic && tok.text(t).get(at..).is_some_and(is_persian_non_head) {
                continue;
            }
            // The phrase so far ends where a name can end: in Arabic not on a noun without the article that
            // is no name (`وكالة أنباء`: a construct noun waits for its complement).
            let mut complete: Option<(usize, usize)> = None;
            let mut prev = tok;
            for next in toks[i + 1..].iter().take(MAX_FOLLOWERS) {
                if next.kind != TokenKind::Word || !spaced(t, prev, next) {
                    break;
                }
                // A country's name after the phrase's first follower is the country the body or place belongs to
                // (`دادگاه عالی ونزوئلا`, `کاخ ریاستجمهوری ونزوئلا`): the phrase ends before it, the country
                // stays a place of its own (as the tagger's readings do, see `crate::resolve`).
                if n > 0 && country_in(cx.norm.orig_start(next.start), cx.norm.orig_end(next.end)) {
                    break;
                }
                let f = next.text(t);
                // An organisation's head after the first follower starts another organisation (`خبرگزاری فارس
                // شورای نگهبان`: the agency, then the council it reports on).
                if n > 0 && label == Label::Org && self.label_of(f) == Some(Label::Org) {
                    break;
                }
                // `ال` written with a hamza is no article: the name starts with أل (`ألمانيا`).
                let hamza = cx.text.get(cx.norm.orig_start(next.start)..).is_some_and(|o| o.starts_with(['أ', 'إ', 'آ']));
                let nisba = !hamza && nisba_stem(f).is_some();
                // (a ministry's first follower is its field, any noun with the article, and a second field may
                // follow with و, a noun of four letters or more after its article: `وزارة الشؤون`, `وزارة
                // التربية والتعليم`, not `وزارة المالية والذي`)
                let field = class == Some(Class::Ministry)
                    && !hamza
                    && ((n == 0 && f.starts_with("ال")) || (n == 1 && f.starts_with("وال") && f.chars().count() > 6));
                let adjective = self.parts.contains(f) || (nisba && !strict_parts) || field;
                let of_place = adjective && self.place_adjective(f, &mut buf);
                // After a name word or a place's name, an adjective made from a place describes (`ريال مدريد
                // الإسباني`: the Spanish Real Madrid).
                if adjective && !((after_name || after_place) && of_place) {
                    after_name = false;
                    only_adjectives &= nisba;
                    last_adjective_of_place = of_place;
                } else if !definite
                    && !service
                    && (n == 0 || after_name)
                    && names < MAX_NAME_WORDS
                    && self.is_name_word(f, !hamza)
                    // An Arabic word in ـية without the article is an adjective or an abstract noun
                    // (`رابطة تساهمية`, `منظمة بريطانية`): a description.
                    && !(arabic && f.ends_with("ية"))
                    // A facility may be named after a person (`مطار سيمون بوليفار الدولي`).
                    && (facility || !overlaps(&people, cx.norm.orig_start(next.start), cx.norm.orig_end(next.end)))
                {
                    after_name = true;
                    names += 1;
                    only_adjectives = false;
                } else {
                    break;
                }
                if let Some(slot) = words.get_mut(n) {
                    *slot = f;
                }
                branch |= is_branch(f);
                after_place = self.is_place(f, &mut buf);
                n += 1;
                prev = next;
                if !arabic || ((f.starts_with("ال") || field) && !hamza) || after_name {
                    complete = Some((next.end, n));
                }
            }
            // Adjectives alone that end in one made from a place describe (`القوات الروسية`: the Russian forces),
            // unless they follow an armed service's or a state institution's head or name a branch
            // (`الحرس الثوري الإيراني`, `البرلمان العراقي`, `القوات الجوية الروسية`).
            let institution = class == Some(Class::Institution);
            if only_adjectives && last_adjective_of_place && !service && !institution && !branch {
                continue;
            }
            if let Some((end, n)) = complete {
                // A facility named after a person takes the whole name (not `مطار محمد` of `مطار محمد الخامس`).
                if facility && straddles(&people, cx.norm.orig_end(end)) {
                    continue;
                }
                // A government, army or forces of a place, or forces with adjectives, describe (`دولت ونزوئلا`,
                // `القوات المسلحة`).
                let rest = &words[..n.min(MAX_FOLLOWERS)];
                let adjective = |w: &str| self.parts.contains(w) || nisba_stem(w).is_some();
                let mut pbuf = String::new();
                if describes(class, rest, adjective, |w| self.is_place(w, &mut pbuf)) {
                    continue;
                }
                let score = 0.58 + 0.03 * (n + 1).min(4) as f32;
                let source = if arabic { "heads" } else { SOURCE_PERSIAN };
                out.push(cx.candidate(label, tok.start + at, end, score, source));
            }
        }
    }

    /// A name word or place and a media tail after it (`ايران پرس`, `فرانس برس`): a media outlet.
    fn propose_media(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let t = cx.norm.text.as_str();
        let toks = cx.tokens;
        for (i, tok) in toks.iter().enumerate().skip(1) {
            if tok.kind != TokenKind::Word || !is_media_tail(tok.text(t)) {
                continue;
            }
            let prev = &toks[i - 1];
            let p = prev.text(t);
            let named = self.is_name_word(p, true) || self.places.contains(p);
            if prev.kind == TokenKind::Word && spaced(t, prev, tok) && named && !self.common.contains(p) {
                out.push(cx.candidate(Label::Org, prev.start, tok.end, SCORE_MEDIA, "heads-media"));
            }
        }
    }

    /// A one-word place and a Persian direction adjective after it (`خراسان شمالی`): one place.
    fn propose_directions(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let t = cx.norm.text.as_str();
        let toks = cx.tokens;
        for (i, tok) in toks.iter().enumerate().skip(1) {
            if tok.kind != TokenKind::Word || !is_direction(tok.text(t)) {
                continue;
            }
            let prev = &toks[i - 1];
            if prev.kind == TokenKind::Word && spaced(t, prev, tok) && self.places.contains(prev.text(t)) {
                out.push(cx.candidate(Label::Loc, prev.start, tok.end, SCORE_DIRECTION, "heads-direction"));
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

/// Whether one of `ranges` (sorted by end) starts before `at` and ends after it.
fn straddles(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|&(_, e)| e <= at);
    ranges[i..].iter().take(8).any(|&(s, _)| s < at)
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

/// Whether the one-word name at `start..end` of the normalized text `t` is a relative adjective (`الأهلي`) right
/// after a noun with the article (`السلم الأهلي`, `والسلم الأهلي`): it agrees with that noun, an adjective
/// rather than a name.
pub fn agrees_with_noun(t: &str, start: usize, end: usize) -> bool {
    let Some(w) = t.get(start..end) else { return false };
    if nisba_stem(w).is_none() {
        return false;
    }
    let before = t.get(..start).and_then(|b| b.strip_suffix(' ')).unwrap_or("");
    let word_char = |c: char| crate::tokenize::is_arabic_letter(c) || c.is_alphanumeric() || c == '\u{200C}';
    let prev = before.rsplit(|c: char| !word_char(c)).next().unwrap_or("");
    let definite = PROCLITICS.iter().any(|p| (p.ends_with("ال") || p.ends_with("لل")) && prev.starts_with(p));
    before.len() + 1 == start && definite && prev.chars().count() > 3
}

/// Whether the normalized word `w` is one of `places`, as written (`المانيا`: letters that only look like the
/// article, kept by [`one_word_places`]) or after the article (`الجزائر`), or an adjective made from one.
fn place_in(places: &WordSet, w: &str, buf: &mut String) -> bool {
    place_name_in(places, w) || place_adjective_in(places, w, buf)
}

/// Whether the normalized word `w` is one of `places`, as written or after the article (see [`place_in`]).
fn place_name_in(places: &WordSet, w: &str) -> bool {
    places.contains(w) || w.strip_prefix("ال").is_some_and(|r| places.contains(r))
}

/// Whether the normalized word `w` is a shipped one-word place name, as written or after the article (the
/// tagger's test for a government of a place, `src/ner/mod.rs`).
pub fn is_place_name(w: &str) -> bool {
    place_name_in(place_words(), w)
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

/// Whether normalized words make a description rather than a name, by the rules the phrases follow:
/// - a noun with the article (`first`) followed only by relative adjectives, the last made from a shipped place
///   name (`القوات الروسية`, `الدبلوماسية الأمريكية`: the Russian forces, American diplomacy), unless the noun
///   heads an armed service or an adjective names a branch (`الحرس الثوري الإيراني`, `القوات الجوية الروسية`);
/// - [`is_body_description`].
pub fn is_description<'a>(first: &str, rest: impl IntoIterator<Item = &'a str>) -> bool {
    let mut words = [""; MAX_FOLLOWERS];
    let Some(n) = collect_words(rest, &mut words) else { return false };
    let words = &words[..n];
    let mut buf = String::new();
    let of_place = words.iter().all(|w| nisba_stem(w).is_some())
        && words.last().is_some_and(|w| place_adjective_in(place_words(), w, &mut buf));
    let class = class_of_word(first);
    let keeps_state = matches!(class, Some(Class::Service | Class::Ministry | Class::Institution));
    if first.starts_with("ال") && of_place && !keeps_state && !words.iter().any(|w| is_branch(w)) {
        return true;
    }
    body_description(class, words)
}

/// Whether normalized words are a government, army or forces of a place, or forces with adjectives
/// ([`describes`]: `دولت ونزوئلا`, `القوات المسلحة`; `first` may carry proclitics).
pub fn is_body_description<'a>(first: &str, rest: impl IntoIterator<Item = &'a str>) -> bool {
    let mut words = [""; MAX_FOLLOWERS];
    let Some(n) = collect_words(rest, &mut words) else { return false };
    body_description(class_of_word(first), &words[..n])
}

/// Copies up to [`MAX_FOLLOWERS`] words into `words`, returning how many, or `None` if there are more (a name
/// that long is no description).
fn collect_words<'a>(rest: impl IntoIterator<Item = &'a str>, words: &mut [&'a str; MAX_FOLLOWERS]) -> Option<usize> {
    let mut n = 0;
    for w in rest {
        *words.get_mut(n)? = w;
        n += 1;
    }
    Some(n)
}

/// See [`is_body_description`]; `class` is the first word's ([`class_of_word`]).
fn body_description(class: Option<Class>, words: &[&str]) -> bool {
    if class.is_none() {
        return false;
    }
    let (places, parts) = (place_words(), shipped_parts());
    let mut buf = String::new();
    let adjective = |w: &str| parts.contains(w) || nisba_stem(w).is_some();
    let is_place = |w: &str| place_in(places, w, &mut buf);
    describes(class, words, adjective, is_place)
}

impl Recognizer for Heads {
    fn name(&self) -> &'static str {
        "heads"
    }

    fn propose(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        self.propose_phrases(cx, out);
        self.propose_media(cx, out);
        self.propose_directions(cx, out);
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
        دانشگاه\tORG\t9\t0.80\nالشؤون\tORG\t4\t0.60\nملعب\tORG\t9\t0.80\nدولت\tORG\t9\t0.60\nالقوات\tORG\t9\t0.50\n\
        ريال\tORG\t9\t0.90\nشرکت\tORG\t9\t0.90\nخبرگزاری\tORG\t9\t0.90\nشورای\tORG\t9\t0.90\nمجلس\tORG\t9\t0.90\nحزب\tORG\t9\t0.90\n\
        لحزب\tORG\t9\t1.00\nكتلة\tORG\t9\t0.90\nتلة\tLOC\t9\t0.90\nبالحزب\tORG\t9\t1.00\n";
    const PARTS_T: &str = "# test\nمدريد\t3\nالصحة\t9\nأنباء\t3\nالخارجية\t5\nملی\t7\nالأبيض\t4\nالمسلحة\t4\nفارس\t4\nشورای\t4\nنگهبان\t4\nاسلامی\t4\n";
    const NAMES_T: &str = "# test\nLOC\tمدريد\nLOC\tروسيا\nLOC\tالصين\nPER\tكارون\nLOC\tبرينوفا\n";
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
            // A head the table holds with a proclitic (the corpora tag whole tokens) loses it when the bare
            // word is a head of the same label; not when it is another label's (`كتلة` is no ك + `تلة`).
            ("قال الأمين العام لحزب زيلاندو إن", Lang::Ar, &[], &[(Org, "حزب زيلاندو")]),
            ("قالت كتلة زيلاندو إن", Lang::Ar, &[], &[(Org, "كتلة زيلاندو")]),
            // With the article after the proclitic, the name starts at the article.
            ("دعما بالحزب الديمقراطي", Lang::Ar, &[], &[(Org, "الحزب الديمقراطي")]),
            // A head and a name word; a place head gives a place.
            ("وصلنا إلى نهر زاينده في", Lang::Ar, &[], &[(Loc, "نهر زاينده")]),
            // After a name word, an adjective made from a place describes; after a noun it belongs.
            ("منظمة زيلاندو الروسية", Lang::Ar, &[], &[(Org, "منظمة زيلاندو")]),
            ("منظمة الصحة الروسية", Lang::Ar, &[], &[(Org, "منظمة الصحة الروسية")]),
            ("منظمة الصحة الصينية", Lang::Ar, &[], &[(Org, "منظمة الصحة الصينية")]),
            // An alef with hamza starts a name, not the article.
            ("قالت منظمة ألفاريز إن", Lang::Ar, &[], &[(Org, "منظمة ألفاريز")]),
            // A ministry is a named body, with its state's adjective too (`القوات الروسية` only describes).
            ("أعلنت وزارة الخارجية أن", Lang::Ar, &[], &[(Org, "وزارة الخارجية")]),
            ("أعلنت وزارة الخارجية الروسية أن", Lang::Ar, &[], &[(Org, "وزارة الخارجية الروسية")]),
            ("قالت وزارة التربية والتعليم إن", Lang::Ar, &[], &[(Org, "وزارة التربية والتعليم")]),
            ("قالت وزارة التربية والذي", Lang::Ar, &[], &[(Org, "وزارة التربية")]),
            // (`الشؤون`, a head of the test table, proposes its shorter phrase too, which loses in resolve.rs)
            (
                "قالت وزارة الشؤون الخارجية التونسية إن",
                Lang::Ar,
                &[],
                &[(Org, "وزارة الشؤون الخارجية التونسية"), (Org, "الشؤون الخارجية التونسية")],
            ),
            // A state's parliament or court keeps its state's adjective; forces with one only describe.
            ("قالت المحكمة الدستورية الروسية إن", Lang::Ar, &[], &[(Org, "المحكمة الدستورية الروسية")]),
            ("قالت القوات الروسية إن", Lang::Ar, &[], &[]),
            // Persian: a head and a name part.
            ("گفت دانشگاه ملی امروز", Lang::Fa, &[], &[(Org, "دانشگاه ملی")]),
            // An organisation's head after the first follower starts another organisation; right after the
            // head it completes the name (`مجلس شورای اسلامی`; the inner head proposes its own shorter phrase,
            // which scores less and loses in `crate::resolve`).
            ("گروه سیاسی خبرگزاری فارس شورای نگهبان از", Lang::Fa, &[], &[(Org, "خبرگزاری فارس"), (Org, "شورای نگهبان")]),
            ("نمایندگان مجلس شورای اسلامی امروز", Lang::Fa, &[], &[(Org, "مجلس شورای اسلامی"), (Org, "شورای اسلامی")]),
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
    fn head_classes() {
        use Label::*;
        check(&[
            // A facility's name is a place, whatever the table says of its head; a definite facility goes on
            // with name parts only.
            ("عند جسر زيلاندو في", Lang::Ar, &[], &[(Loc, "جسر زيلاندو")]),
            ("على ملعب زيلاندو في", Lang::Ar, &[], &[(Loc, "ملعب زيلاندو")]),
            ("في البيت الأبيض قال", Lang::Ar, &[], &[(Loc, "البيت الأبيض")]),
            ("في البيت الداخلي قال", Lang::Ar, &[], &[]),
            // A facility may be named after a person, an organisation not.
            ("في مطار كارون زيلاندو الدولي", Lang::Ar, &[(Per, "كارون زيلاندو")], &[(Loc, "مطار كارون زيلاندو الدولي")]),
            ("في مطار كارون الخامس في", Lang::Ar, &[(Per, "كارون الخامس")], &[]),
            // A head inside a person's name heads nothing.
            ("از پل زيلاندو گفت", Lang::Fa, &[(Per, "پل زيلاندو")], &[]),
            ("از پل زيلاندو گفت", Lang::Fa, &[], &[(Loc, "پل زيلاندو")]),
            ("منظمة كارون زيلاندو", Lang::Ar, &[(Per, "كارون زيلاندو")], &[]),
            // An alliance with a place's name; not with another word.
            ("اجتماع لمجموعة برينوفا في", Lang::Ar, &[], &[(Org, "مجموعة برينوفا")]),
            ("مجموعة من الدول", Lang::Ar, &[], &[]),
            ("مجموعة زيلاندو", Lang::Ar, &[], &[]),
            // An armed service: relative adjectives, a nationality kept; no bare name word.
            ("قوات الحرس القومي البوليفاري في", Lang::Ar, &[], &[(Org, "الحرس القومي البوليفاري")]),
            ("قال الحرس الثوري الروسي إن", Lang::Ar, &[], &[(Org, "الحرس الثوري الروسي")]),
            ("سلاح زيلاندو", Lang::Ar, &[], &[]),
            // A government of a place, forces with adjectives: descriptions; a government's own name is a name.
            ("حمایت از دولت روسيا خبر", Lang::Fa, &[], &[]),
            ("دولت زيلاندو", Lang::Fa, &[], &[(Org, "دولت زيلاندو")]),
            ("قالت القوات المسلحة إن", Lang::Ar, &[], &[]),
            ("قالت القوات المسلحة الروسية إن", Lang::Ar, &[], &[]),
            // A branch of the forces is a named service.
            ("قالت القوات الجوية الروسية إن", Lang::Ar, &[], &[(Org, "القوات الجوية الروسية")]),
            // Persian writes the rial ریال, Arabic Real ريال.
            ("ریال روسيا", Lang::Fa, &[], &[]),
            ("فاز ريال زيلاندو", Lang::Ar, &[], &[(Org, "ريال زيلاندو")]),
            // Persian affixes written apart are no name words.
            ("شرکت هایی که", Lang::Fa, &[], &[]),
            ("شرکت نمی توانید", Lang::Fa, &[], &[]),
            ("شرکت زيلاندو", Lang::Fa, &[], &[(Org, "شرکت زيلاندو")]),
        ]);
    }

    #[test]
    fn media() {
        use Label::*;
        check(&[
            ("به گزارش زيلاندو پرس ، گفت", Lang::Fa, &[], &[(Org, "زيلاندو پرس")]),
            ("به گزارش روسيا پرس ، گفت", Lang::Fa, &[], &[(Org, "روسيا پرس")]),
            ("وكالة فرانس برس", Lang::Ar, &[], &[(Org, "فرانس برس")]),
            // A common word, punctuation, or nothing before the tail.
            ("قال برس", Lang::Ar, &[], &[]),
            ("زيلاندو، پرس", Lang::Fa, &[], &[]),
            ("پرس و جو", Lang::Fa, &[], &[]),
        ]);
    }

    #[test]
    fn directions() {
        use Label::*;
        check(&[
            ("در روسيا شمالی گفت", Lang::Fa, &[], &[(Loc, "روسيا شمالی")]),
            // Not after a word that is no place, nor across punctuation.
            ("در زيلاندو شمالی گفت", Lang::Fa, &[], &[]),
            ("در روسيا، شمالی گفت", Lang::Fa, &[], &[]),
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
            // A government or army of a place, forces with adjectives (the classes of `head_classes`), also after
            // proclitics; forces without the article too.
            ("دولت", &["ونزوئلا"], true),
            ("حكومة", &["كوبا"], true),
            ("القوات", &["المسلحة"], true),
            ("للقوات", &["المسلحة", "الروسية"], true),
            ("قوات", &["الروسية"], true),
            // An armed service, or a branch, keeps its nationality.
            ("الحرس", &["الثوري", "الايراني"], false),
            ("القوات", &["الجوية", "الروسية"], false),
            ("سلاح", &["الجو", "الروسي"], false),
            // Not a noun with the article, or an adjective not made from a place, or a word that is no adjective.
            ("منظمة", &["الروسية"], false),
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
    fn body_descriptions() {
        // (first word, the words after it, a description): the class rules only, as the gazetteer uses them.
        let cases: &[(&str, &[&str], bool)] = &[
            ("دولت", &["ایران"], true),
            ("ارتش", &["سوریه"], true),
            ("القوات", &["المسلحة"], true),
            ("الحكومة", &["الفنزويلية"], true),
            // Place adjectives after another noun are left to the tagger (a team, a union keep their names).
            ("المنتخب", &["الاسباني"], false),
            ("الاتحاد", &["الاوروبي"], false),
            ("دولت", &["تدبیر", "و", "امید"], false),
            ("القوات", &["الجوية"], false),
            ("دولت", &[], false),
        ];
        for &(first, rest, want) in cases {
            let rest: Vec<String> = rest.iter().map(|w| normalize_str(w)).collect();
            assert_eq!(is_body_description(&normalize_str(first), rest.iter().map(String::as_str)), want, "{first} {rest:?}");
        }
    }

    #[test]
    fn adjectives_agreeing_with_a_noun() {
        // (normalized text, the one-word name, whether it agrees with the noun before it)
        let cases: &[(&str, &str, bool)] = &[
            ("عن السلم الاهلي للدولة", "الاهلي", true),
            ("والسلم الاهلي", "الاهلي", true),
            ("فاز الاهلي", "الاهلي", false),
            ("السلم، الاهلي", "الاهلي", false),
            // Not a relative adjective, or the noun too short to be one (`الى`).
            ("السلم الاهرام", "الاهرام", false),
            ("الى الاهلي", "الاهلي", false),
            ("الاهلي", "الاهلي", false),
        ];
        for &(t, w, want) in cases {
            let start = t.rfind(w).unwrap_or(0);
            assert_eq!(agrees_with_noun(t, start, start + w.len()), want, "{t}");
        }
        assert!(!agrees_with_noun("السلم", 3, 100));
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
            // The place itself, with letters like the article (ألمانيا) or with the article (الجزائر).
            for w in ["ألمانيا", "إيطاليا", "الجزائر", "جزائر", "فرنسا"] {
                assert!(Heads::shipped().is_place(&normalize_str(w), &mut buf), "{w}");
            }
            assert!(!Heads::shipped().is_place(&normalize_str("الحكومة"), &mut buf));
        }

        #[test]
        fn a_head_at_the_end_of_the_text_or_before_junk_does_not_panic() {
            let h = heads();
            for text in ["منظمة", "منظمة \u{0301}", "منظمة\u{200C}", "\nReuters", "Reuters\n\nمنظمة الصحة"] {
                let _ = run(&h, text, Lang::Ar, &[]);
            }
        }

        #[test]
        fn an_adjective_of_a_place_after_a_place_describes() {
            use Label::*;
            check(&[
                // `ريال مدريد الإسباني`: a place's name (here also a name part) and an adjective made from a place;
                // the adjective is no part of the name, and a phrase ending on a bare word is not complete.
                ("فاز ريال مدريد الروسية", Lang::Ar, &[], &[]),
                // After a noun the adjective belongs (`منظمة الصحة الروسية`), after a name word it ends the name.
                ("منظمة الصحة الروسية", Lang::Ar, &[], &[(Org, "منظمة الصحة الروسية")]),
                ("منظمة برينوفا الروسية", Lang::Ar, &[], &[(Org, "منظمة برينوفا")]),
            ]);
        }

        #[test]
        fn a_country_after_the_phrase_is_a_place_of_its_own() {
            // (text, the country the gazetteer found, the phrase): `دادگاه عالی ونزوئلا` is the court of the country.
            let h = heads();
            for (text, country, want) in [
                ("گفت دانشگاه ملی ونزوئلا.", "ونزوئلا", Some("دانشگاه ملی")),
                ("قالت منظمة الصحة الصين", "الصين", Some("منظمة الصحة")),
                // Right after the head the country is the name (`منتخب الأرجنتين`): the phrase is proposed whole.
                ("گفت دانشگاه ونزوئلا.", "ونزوئلا", Some("دانشگاه ونزوئلا")),
                // After a name word too; a place the gazetteer does not mark as a country does not end the phrase.
                ("گفت دانشگاه زیلاندو ونزوئلا.", "ونزوئلا", Some("دانشگاه زیلاندو")),
                ("گفت دانشگاه زیلاندو ونزوئلا.", "", Some("دانشگاه زیلاندو ونزوئلا")),
            ] {
                let analysis = Analysis::new(text, None);
                let mut out = Vec::new();
                if let Some(a) = text.find(country).filter(|_| !country.is_empty()) {
                    out.push(Candidate { span: Span::new(Label::Loc, a, a + country.len()), score: 0.55, source: SOURCE_COUNTRY });
                }
                let n = out.len();
                h.propose(&analysis.context(text, None), &mut out);
                let got: Vec<&str> = out[n..].iter().map(|c| &text[c.span.start..c.span.end]).collect();
                assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{text}");
            }
        }

        #[test]
        fn persian_phrases_are_marked_for_the_tagger_to_confirm() {
            // (text, language, the phrase's source): a Persian phrase (`شرکت تقسیط`) stands only where the
            // tagger reads a name too (resolve.rs, rule 6); an Arabic one marks its words itself.
            let h = heads();
            for (text, lang, want) in [
                ("گفت دانشگاه ملی امروز", Lang::Fa, SOURCE_PERSIAN),
                ("بدهی این شرکت تقسیط شد", Lang::Fa, SOURCE_PERSIAN),
                ("قالت منظمة الصحة العالمية إن", Lang::Ar, "heads"),
            ] {
                let analysis = Analysis::new(text, Some(lang));
                let mut out = Vec::new();
                h.propose(&analysis.context(text, None), &mut out);
                let sources: Vec<&str> = out.iter().map(|c| c.source).collect();
                assert_eq!(sources, [want], "{text}");
            }
        }

        #[test]
        fn no_name_starts_inside_a_titles_complement() {
            // `وزیر امور خارجه X`: the gazetteer holds `خارجه ایران` (of `وزیر خارجه ایران`) and the heads read
            // `خارجه` as a head; neither may start a name after `امور`. A head that starts names (`خبرگزاری`)
            // after a title and its adjectives still does.
            for country in ["ایران", "چین", "روسیه", "سوئیس"] {
                let text = format!("وزیر امور خارجه {country} گفت که مذاکرات ادامه دارد.");
                let doc = crate::annotate(&text, &crate::Options::default());
                let got: Vec<&str> = doc.spans.iter().map(|s| &text[s.start..s.end]).collect();
                assert!(got.iter().all(|s| !s.starts_with("خارجه")), "{got:?}");
                assert!(got.iter().any(|s| s.ends_with(country)), "{got:?}");
            }
            let text = "به گزارش خبرنگار اقتصادی خبرگزاری دانشجویان ایران، نرخ تورم کاهش یافت.";
            let doc = crate::annotate(text, &crate::Options::default());
            let got: Vec<(Label, &str)> = doc.spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
            assert_eq!(got, [(Label::Org, "خبرگزاری دانشجویان ایران")]);
        }
    }
}
