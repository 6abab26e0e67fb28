//! Entity linking within one document: mentions of the same person, place or organisation share an id, and a
//! name found once is found again where the recognizers missed it.
//!
//! [`propagate`] runs after overlap resolution, over the final spans:
//! - a two-word person whose words are each another person of the document is two people
//!   (`واتهم الرئيس مادورو غايدو`), unless the pair is written whole more than once (`وحید شمسایی`);
//! - one sense per document: a single-word place or organisation that is the last word of a person's full name
//!   in the same document (`خافيير مايوركا` … `مايوركا`) is that person;
//! - every further occurrence of a mention's words, and of the surname of a person's full name, that no span
//!   covers becomes a mention with the same label (`نيكولاس مادورو` … `مادورو`), with the same word-boundary
//!   and proclitic rules as the gazetteer; so are spelling variants of single-word names one letter away with
//!   the same [`skeleton`] (`كاركاس` for `كاراكاس`), not adjectives made from them (`فنزويلي`). Common and cue
//!   words (data/lexicon/common.tsv, cues.tsv) are never propagated alone;
//! - the name in a two-word organisation or place made of a head word and a name (`وكالة X`, see
//!   [`crate::recognize::heads`]) is also that organisation or place when written alone, unless the mention
//!   is written in Persian letters, where nothing marks a noun after a head (`فدراسیون چوگان`).
//!
//! [`link`] groups mentions with the same label into entities. Two mentions are linked when
//! - their [`skeleton`]s are equal: spelling variants (`غوايدو` / `غايدو`, `نيكولاس` / `نيكولوس`) and Arabic and
//!   Persian spellings (`غوايدو` / `گوایدو`) share one;
//! - one is the last words (or, for a person, the first word) of the other (`مادورو` → `نيكولاس مادورو`);
//! - their skeletons are at least five letters long and one edit apart.
//!
//! Longer mentions are placed first, so the canonical name is the fullest form, as first written; an
//! entity's aliases are its distinct surface forms in order of appearance. Quotation speakers that lie on a
//! linked mention take its id.

use std::collections::HashMap;

use aho_corasick::{AhoCorasickBuilder, MatchKind};

use crate::lang::{is_arabic_only_letter, is_persian_only_letter};
use crate::normalize::{normalize_str, Normalized};
use crate::recognize::heads::{is_head, is_heavy_name_part};
use crate::recognize::lexicon::{common_words, is_country_name, title_words};
use crate::resolve::sort_spans;
use crate::span::{Entity, Label, Span};
use crate::tokenize::{is_arabic_letter, strip_proclitic, NON_ARTICLE_PROCLITICS, PROCLITICS};

/// Normalized words of a mention (ZWNJ counts as a space).
fn words(text: &str) -> Vec<String> {
    normalize_str(text).split([' ', '\u{200C}']).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The spelling skeleton of one normalized word, for matching variants: the article (`ال`, fused `لل`) is
/// dropped; letters that Arabic and Persian use for the same or close sounds fold together (گ غ ق ك, پ ب,
/// چ ج, ژ ز ذ ظ ض, ت ط ة, س ص ث, ه ح, ڤ ف); long vowels and hamza carriers inside the word are dropped, a
/// vowel (or a final ه/ة) at either end is kept as `v`; doubled letters collapse. ASCII is kept lower-cased.
///
/// ```
/// use hashiya::entities::skeleton;
/// assert_eq!(skeleton("غوايدو"), skeleton("گوایدو"));
/// assert_eq!(skeleton("نيكولاس"), skeleton("نيكولوس"));
/// assert_ne!(skeleton("مادورو"), skeleton("موسكو"));
/// ```
pub fn skeleton(word: &str) -> String {
    skeleton_of(&normalize_str(word))
}

/// The skeleton of an already normalized word ([`skeleton_into`]).
fn skeleton_of(w: &str) -> String {
    let mut s = String::new();
    skeleton_into(w, &mut s);
    s
}

/// [`skeleton`] of an already normalized word, written into `out` (cleared first) without allocating.
pub(crate) fn skeleton_into(w: &str, out: &mut String) {
    out.clear();
    let w = ["ال", "لل"].iter().find_map(|a| w.strip_prefix(a).filter(|r| r.chars().count() >= 3)).unwrap_or(w);
    let kept = |c: &char| !matches!(c, '\u{200C}' | 'ء' | 'ئ' | 'ؤ');
    // One pass: whether a letter is the last kept one is known by looking one ahead.
    let mut letters = w.chars().filter(kept).peekable();
    let mut first = true;
    // The last letter written (doubled letters collapse).
    let mut prev = None;
    while let Some(c) = letters.next() {
        let last = letters.peek().is_none();
        let edge = first || last;
        let inner_last = last && !first;
        first = false;
        let Some(m) = skeleton_letter(c, edge, inner_last) else { continue };
        if prev != Some(m) {
            out.push(m);
            prev = Some(m);
        }
    }
}

/// The skeleton class of a kept letter: `edge` when it is the first or last kept letter, `inner_last` when it
/// is the last of several; `None` for a long vowel inside the word, which the skeleton leaves out.
fn skeleton_letter(c: char, edge: bool, inner_last: bool) -> Option<char> {
    Some(match c {
        'ا' | 'و' | 'ي' | 'ى' | 'ی' if edge => 'v',
        'ا' | 'و' | 'ي' | 'ى' | 'ی' => return None,
        'ه' | 'ة' if inner_last => 'v',
        'گ' | 'غ' | 'ق' | 'ك' | 'ک' => 'g',
        'پ' | 'ب' => 'b',
        'چ' | 'ج' => 'j',
        'ژ' | 'ز' | 'ذ' | 'ظ' | 'ض' => 'z',
        'ت' | 'ط' | 'ة' => 't',
        'س' | 'ص' | 'ث' => 's',
        'ه' | 'ح' => 'h',
        'ڤ' | 'ف' => 'f',
        c => c,
    })
}

/// Levenshtein distance of two strings, capped: returns `cap + 1` as soon as it exceeds `cap`. Only the cells
/// within `cap` of the diagonal are filled (the others exceed the cap anyway), so two long strings cost their
/// length times `cap`, not their lengths multiplied: a glued run of letters can be a megabyte long.
fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let over = cap + 1;
    // Row i holds the distances of a[..i] to b[..j]; cells off the band stay at `over`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut cur = vec![over; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        let lo = (i + 1).saturating_sub(cap);
        let hi = (i + 1 + cap).min(b.len());
        cur[0] = (i + 1).min(over);
        if lo > 1 {
            cur[lo - 1] = over;
        }
        let mut best = if lo == 0 { cur[0] } else { over };
        for j in lo.max(1)..=hi {
            let d = (prev[j - 1] + usize::from(ca != b[j - 1])).min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            cur[j] = d;
            best = best.min(d);
        }
        if hi < b.len() {
            cur[hi + 1] = over;
        }
        if best > cap {
            return over;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(over)
}

fn is_word_char(c: char) -> bool {
    is_arabic_letter(c) || c.is_alphanumeric() || c == '\u{200C}'
}

/// Whether a mention (original text) is written with more letters only Persian uses than letters only Arabic
/// uses ([`crate::lang`]'s letter tests): a name too short for the language evidence still shows its script.
fn written_in_persian(m: &str) -> bool {
    let fa = m.chars().filter(|&c| is_persian_only_letter(c)).count();
    let ar = m.chars().filter(|&c| is_arabic_only_letter(c)).count();
    fa > ar
}

/// Whether a single normalized word may be propagated alone: long enough and not a common word or title.
fn propagatable(w: &str) -> bool {
    w.chars().count() >= 3 && !common_words().contains(w) && !title_words().contains(w)
}

/// Whether a normalized pattern ends like an Arabic relative adjective (`ي`, `ية`: `إسلامي`, `ثقافية`).
fn is_nisba_shape(p: &str) -> bool {
    p.chars().count() >= 4 && (p.ends_with('ي') || p.ends_with("ية"))
}

/// Whether a normalized word may stand alone for a person named with it as surname: not a country's name (a
/// city or island may be a surname: `ماخور مايوركا`), nor a word that mostly continues the names of places
/// and organisations (`عبدالکریم اسلامی` is a person, the `اسلامی` of `انقلاب اسلامی` is not).
fn may_be_surname(w: &str) -> bool {
    !is_country_name(w) && !is_heavy_name_part(w)
}

/// Splits a two-word person mention whose words are each another person of the document, named alone or as
/// the surname of a full name (`واتهم الرئيس مادورو غايدو`: Maduro accused Guaidó), or that is one word twice.
fn split_two_people(text: &str, spans: &mut Vec<Span>) {
    let per: Vec<(usize, Vec<String>)> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.label == Label::Per)
        .filter_map(|(i, s)| text.get(s.start..s.end).map(|t| (i, words(t))))
        .collect();
    // Words that are a person alone, and the first words of the full names each word ends.
    let mut alone: HashMap<&str, ()> = HashMap::new();
    let mut ends: HashMap<&str, Vec<&str>> = HashMap::new();
    for (_, w) in &per {
        match w.as_slice() {
            [one] => {
                alone.insert(one.as_str(), ());
            }
            [first, .., last] => ends.entry(last.as_str()).or_default().push(first.as_str()),
            [] => {}
        }
    }
    // A two-word name written whole more than once is one person's name (`وحید شمسایی`, whose first name and
    // surname are also written alone), not two people put side by side by chance.
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (_, w) in &per {
        if let [a, b] = w.as_slice() {
            *pairs.entry((a.as_str(), b.as_str())).or_default() += 1;
        }
    }
    let mut split = Vec::new();
    for (i, w) in &per {
        let [a, b] = w.as_slice() else { continue };
        if a != b && pairs.get(&(a.as_str(), b.as_str())).is_some_and(|&n| n > 1) {
            continue;
        }
        let b_known = alone.contains_key(b.as_str()) || ends.get(b.as_str()).is_some_and(|f| f.iter().any(|f| f != a));
        // The same word twice is two mentions (a heading that ends with a name, then a sentence that starts
        // with it: `تصريحات غوايدو غوايدو أعلن`).
        if a == b || (alone.contains_key(a.as_str()) && b_known) {
            let s = &spans[*i];
            let t = &text[s.start..s.end];
            // The space after the first word (a span never starts with a space, but nothing here relies on it).
            let lead = t.len() - t.trim_start_matches(' ').len();
            let Some(gap) = t[lead..].find(' ').map(|g| lead + g) else { continue };
            let rest = t[gap..].trim_start_matches(' ');
            if rest.is_empty() || rest.contains(' ') {
                continue;
            }
            split.push((*i, s.start + gap, s.end - rest.len()));
        }
    }
    for &(i, first_end, second_start) in &split {
        let end = spans[i].end;
        spans[i].end = first_end;
        spans.push(Span::new(Label::Per, second_start, end));
    }
    if !split.is_empty() {
        sort_spans(spans);
    }
}

/// The longest mention looked for again (in bytes of normalized text, about 150 Arabic letters): longer ones are
/// runs of glued letters or junk, not names, and an automaton over a megabyte-long pattern took a minute to build.
const MAX_PATTERN_BYTES: usize = 300;

/// Adds the mentions the recognizers missed and makes single-word readings consistent with full names (see the
/// module documentation). `norm` is the normalized shadow of `text`; `spans` are resolved spans, kept sorted.
pub fn propagate(text: &str, norm: &Normalized, spans: &mut Vec<Span>) {
    split_two_people(text, spans);
    let mention_words: Vec<(usize, Vec<String>)> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.label.is_entity())
        .filter_map(|(i, s)| text.get(s.start..s.end).map(|t| (i, words(t))))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if mention_words.is_empty() {
        return;
    }
    // Surnames of full names of people, but no country's name nor a word that mostly continues other names
    // ([`may_be_surname`]): one misread person (`دفاع ایران`) would make every `ایران` of the document a person.
    let surnames: HashMap<&str, ()> = mention_words
        .iter()
        .filter(|(i, w)| spans[*i].label == Label::Per && w.len() > 1)
        .filter_map(|(_, w)| w.last().map(|l| (l.as_str(), ())))
        .filter(|(l, _)| propagatable(l) && may_be_surname(l))
        .collect();
    // A word read alone as a place or organisation is the person when it is a surname, or one letter swapped
    // for another in one with the same skeleton (`لغوايدو` of `خوان گوایدو`; a letter more or less makes
    // another word, `صفویه` of `صفوی`), and may be one itself.
    let mut by_skel: HashMap<String, Vec<&str>> = HashMap::new();
    for &s in surnames.keys() {
        by_skel.entry(skeleton_of(s)).or_default().push(s);
    }
    for (i, w) in &mention_words {
        let surname = |w: &str| {
            surnames.contains_key(w)
                || (propagatable(w)
                    && may_be_surname(w)
                    && by_skel.get(&skeleton_of(w)).is_some_and(|v| {
                        v.iter().any(|s| s.chars().count() == w.chars().count() && edit_distance(w, s, 1) <= 1)
                    }))
        };
        if w.len() == 1 && spans[*i].label != Label::Per && surname(&w[0]) {
            spans[*i].label = Label::Per;
        }
    }
    // Patterns to look for, each with one label (a pattern seen with two labels is dropped).
    let mut pats: HashMap<String, Option<Label>> = HashMap::new();
    let mut add = |p: String, l: Label| {
        pats.entry(p).and_modify(|e| if *e != Some(l) { *e = None }).or_insert(Some(l));
    };
    for (i, w) in &mention_words {
        let label = spans[*i].label;
        // (a person's single word only if it is no word that mostly continues other names: a person called
        // `اسلامی` is not every `اسلامی` of the document; a place's name goes on other names too: `ایران`)
        if w.len() > 1 || (propagatable(&w[0]) && (label != Label::Per || !is_heavy_name_part(&w[0]))) {
            add(w.join(" "), label);
        }
        if label == Label::Per && w.len() > 1 && surnames.contains_key(w[w.len() - 1].as_str()) {
            add(w[w.len() - 1].clone(), Label::Per);
        }
        // The name of an organisation or place written after its head word (`وكالة X`) is also written alone;
        // in Arabic, where the article marks the nouns. A Persian head takes any noun after it unmarked
        // (`فدراسیون چوگان`, `سازمان هواشناسی`), which alone is as often the noun as the name.
        if let [head, name] = w.as_slice() {
            let persian = || text.get(spans[*i].start..spans[*i].end).is_some_and(written_in_persian);
            if label != Label::Per && is_head(head) && !name.starts_with("ال") && propagatable(name) && !persian() {
                add(name.clone(), label);
            }
        }
    }
    let (patterns, labels): (Vec<String>, Vec<Label>) =
        pats.into_iter().filter_map(|(p, l)| l.map(|l| (p, l))).filter(|(p, _)| p.chars().count() >= 3 && p.len() <= MAX_PATTERN_BYTES).unzip();
    if patterns.is_empty() {
        return;
    }
    let Ok(ac) = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns) else { return };
    // Taken ranges of the entity layer (entities and dates) and of quotations, sorted by start.
    let mut taken: Vec<(usize, usize)> =
        spans.iter().filter(|s| !s.label.is_quotation()).map(|s| (s.start, s.end)).collect();
    taken.sort_unstable();
    // Quotations do not overlap one another: sorted by start, the one that may contain `a` is found by search.
    let mut quotes: Vec<(usize, usize)> =
        spans.iter().filter(|s| s.label.is_quotation()).map(|s| (s.start, s.end)).collect();
    quotes.sort_unstable();
    let cuts_quote = |a: usize, b: usize| {
        let i = quotes.partition_point(|&(qs, _)| qs < b);
        quotes[..i].iter().rev().take_while(|&&(_, qe)| qe > a).any(|&(qs, qe)| !(qs <= a && b <= qe))
    };
    let overlaps = |v: &[(usize, usize)], s: usize, e: usize| {
        let i = v.partition_point(|&(a, _)| a < e);
        v[..i].iter().rev().take(64).any(|&(_, b)| b > s)
    };
    let t = norm.text.as_str();
    let mut added = Vec::new();
    for m in ac.find_iter(t) {
        let (s, end) = (m.start(), m.end());
        if t[end..].chars().next().is_some_and(is_word_char) {
            continue;
        }
        let ws = t[..s].char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map_or(s, |(i, _)| i);
        if ws != s && !PROCLITICS.contains(&&t[ws..s]) {
            continue;
        }
        // Persian writes its prepositions and conjunction apart: no proclitics inside a Persian word.
        if ws != s && text.get(norm.orig_start(ws)..norm.orig_end(end)).is_some_and(written_in_persian) {
            continue;
        }
        let label = labels[m.pattern().as_usize()];
        // A person's name takes no article (`الكابتن`, `الجماهير` are nouns, whatever `كابتن` was); a place or
        // organisation may (`بيرو`, `البيرو`), unless it has the shape of a relative adjective, which the
        // article makes an adjective (`إسلامي` of a bank's name, `الإسلامي`; `مالي`, `المالي`).
        let article = t[ws..s].ends_with("ال");
        if (label == Label::Per && (article || t[ws..s].ends_with("لل"))) || (article && is_nisba_shape(&t[s..end])) {
            continue;
        }
        let (a, b) = norm.orig_range(s, end);
        let on_chars = b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b);
        if a >= b || !on_chars || overlaps(&taken, a, b) {
            continue;
        }
        if cuts_quote(a, b) {
            continue;
        }
        added.push(Span::new(label, a, b));
    }
    // Spelling variants of single-word names and surnames (`كاركاس` for `كاراكاس`): words one letter away from
    // a name, with the same skeleton (four letters or more), that only one label's name has. A word ending in
    // ي where the name does not is an adjective (`فنزويلي`), not the name.
    // Looked up for every word of the text: a fast hash ([`crate::hash::Fx`]) rather than the default SipHash.
    // (The names of one skeleton, `غوايدو` and the Persian `گوایدو`, all count, if they share their label.)
    let mut by_skel: crate::hash::FxMap<String, Option<(Label, Vec<&str>)>> = Default::default();
    let mut buf = String::new();
    for (p, &l) in patterns.iter().zip(&labels) {
        if !p.contains(' ') && p.chars().count() >= 4 && propagatable(p) {
            skeleton_into(p, &mut buf);
            // (a skeleton of three letters for a person's name of six or more without the article, whose
            // vowels it dropped: `غوايدو`, written `غايدو` too; not for places, `ایران` is no `اران`, nor for
            // Arabic names of three root letters, `الصادق` is no `الصدق`)
            let n = buf.chars().count();
            if n >= 4 || (n == 3 && l == Label::Per && p.chars().count() >= 6 && !p.starts_with("ال")) {
                by_skel
                    .entry(buf.clone())
                    .and_modify(|e| match e {
                        Some((label, names)) if *label == l => names.push(p),
                        _ => *e = None,
                    })
                    .or_insert(Some((l, vec![p.as_str()])));
            }
        }
    }
    if !by_skel.is_empty() {
        added.sort_unstable_by_key(|s| s.start);
        let mut fuzzy = Vec::new();
        let mut i = 0;
        while i < t.len() {
            // The next word: a run of word characters.
            let Some(ws) = t[i..].char_indices().find(|&(_, c)| is_word_char(c)).map(|(k, _)| i + k) else { break };
            let we = t[ws..].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(t.len(), |(k, _)| ws + k);
            i = we;
            let word = &t[ws..we];
            if word.chars().count() < 4 {
                continue;
            }
            let variant_of = |stem: &str, buf: &mut String| -> Option<Label> {
                if stem.chars().count() < 4 {
                    return None;
                }
                // The skeleton first: most words are no variant of a name, and the word lists are dearer.
                skeleton_into(stem, buf);
                let (label, names) = by_skel.get(buf.as_str())?.as_ref()?;
                if !propagatable(stem) {
                    return None;
                }
                names
                    .iter()
                    .any(|name| {
                        let adjective = stem.ends_with('ي') && !name.ends_with('ي');
                        // The skeleton drops the article, a person's name does not take one (`الكابتن`).
                        let article = *label == Label::Per && stem.starts_with("ال") && !name.starts_with("ال");
                        !adjective && !article && edit_distance(stem, name, 1) <= 1
                    })
                    .then_some(*label)
            };
            let persian = || text.get(norm.orig_start(ws)..norm.orig_end(we)).is_some_and(written_in_persian);
            let found = std::iter::once(0)
                .chain(
                    NON_ARTICLE_PROCLITICS
                        .iter()
                        .filter_map(|p| strip_proclitic(word, p).map(|r| word.len() - r.len()))
                        .filter(|_| !persian()),
                )
                .find_map(|k| variant_of(&word[k..], &mut buf).map(|l| (k, l)));
            let Some((k, label)) = found else { continue };
            let (a, e) = norm.orig_range(ws + k, we);
            if a >= e || !text.is_char_boundary(a) || !text.is_char_boundary(e) || overlaps(&taken, a, e) {
                continue;
            }
            let j = added.partition_point(|s: &Span| s.start < e);
            if added[..j].iter().rev().take(8).any(|s| s.end > a) {
                continue;
            }
            if cuts_quote(a, e) {
                continue;
            }
            fuzzy.push(Span::new(label, a, e));
        }
        added.extend(fuzzy);
    }
    if added.is_empty() {
        return;
    }
    spans.extend(added);
    sort_spans(spans);
}

/// Most words of a Latin gloss.
const MAX_GLOSS_WORDS: usize = 6;

/// Latin letters an Arabic-script letter is written with at the start of a transliterated name.
fn latin_initials(c: char) -> &'static str {
    match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ع' | 'ئ' | 'ؤ' => "AEIOUY",
        'ب' => "BP",
        'پ' => "P",
        'ت' | 'ط' | 'ة' => "T",
        'ث' => "TS",
        'ج' => "JGDY",
        'چ' => "C",
        'ح' | 'ه' | 'ۀ' => "HA",
        'خ' => "KHJ",
        'د' | 'ض' => "DZ",
        'ذ' | 'ز' | 'ظ' => "ZDT",
        'ر' => "R",
        'ژ' => "JZG",
        'س' | 'ص' => "SC",
        'ش' => "SC",
        'غ' => "GR",
        'ف' | 'ڤ' => "FPV",
        'ق' | 'ك' | 'ک' => "QKCG",
        'گ' => "G",
        'ل' => "L",
        'م' => "M",
        'ن' => "N",
        'و' => "WVOU",
        'ي' | 'ی' | 'ى' => "YIJE",
        _ => "",
    }
}

/// Latin words in brackets right after a name are its spelling in the original language or its acronym
/// (`جیمز نچوی (James Nachtwey)`, `منظمة الصحة العالمية (WHO)`, `انتخاب (Entekhab.ir)`): each becomes a mention
/// of the name's label, linked to the same entity by [`link_with`]. Glosses are 1 to [`MAX_GLOSS_WORDS`]
/// words of Latin letters (accented too) and digits (and `. - ' ’ &` inside), the first capitalised; a gloss that is not an
/// acronym starts with a letter one of the name's words can start with when transliterated
/// ([`latin_initials`]: `موسكو (Reuters)` is a dateline and its source, no gloss); an acronym glosses only an
/// organisation (`كراكاس (AFP)`). So does one Arabic-script word made of the organisation's initials
/// ([`is_initials`]: `وكالة الأنباء السعودية (واس)`), which replaces a name read there alone (the tagger takes
/// `واس` for a place). Any other gloss that overlaps another name or date, or cuts a quotation's edge, is
/// left out. Returns (gloss start, name start) pairs; `spans` stay sorted.
pub fn glosses(text: &str, spans: &mut Vec<Span>) -> Vec<(usize, usize)> {
    // (the gloss, the name's start, whether it replaces a name of its own extent)
    let mut found: Vec<(Span, usize, bool)> = Vec::new();
    for s in spans.iter().filter(|s| s.label.is_entity()) {
        let Some(name) = text.get(s.start..s.end) else { continue };
        if !name.chars().any(is_arabic_letter) {
            continue;
        }
        let Some((a, b)) = bracketed(text, s.end) else { continue };
        let gloss = &text[a..b];
        if s.label == Label::Org && is_initials(gloss, name) {
            found.push((Span::new(s.label, a, b), s.start, true));
            continue;
        }
        if !is_latin_gloss(gloss) {
            continue;
        }
        let acronym = !gloss.contains(' ') && gloss.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && gloss.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == '.');
        let fits = if acronym {
            s.label == Label::Org
        } else {
            let initial = gloss.chars().next().unwrap_or(' ');
            words(name).iter().any(|w| {
                let w = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w);
                w.chars().next().is_some_and(|c| latin_initials(c).contains(initial))
            })
        };
        if fits {
            found.push((Span::new(s.label, a, b), s.start, false));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // Names and dates do not overlap one another, nor do quotations: sorted by start, the ones a gloss could
    // meet are found by search (a text of a hundred thousand glosses stays linear).
    let layer = |quotes: bool| {
        let mut v: Vec<(usize, usize)> =
            spans.iter().filter(|s| s.label.is_quotation() == quotes).map(|s| (s.start, s.end)).collect();
        v.sort_unstable();
        v
    };
    let (names, quotes) = (layer(false), layer(true));
    let before = |v: &[(usize, usize)], end: usize| v[..v.partition_point(|&(a, _)| a < end)].last().copied();
    let (mut pairs, mut added, mut acronyms) = (Vec::new(), Vec::new(), Vec::new());
    for (g, owner, replaces) in found {
        let met = before(&names, g.end).filter(|&(_, b)| b > g.start);
        let cuts_quote = before(&quotes, g.end).is_some_and(|(a, b)| b > g.start && !(a <= g.start && g.end <= b));
        // (a name inside the acronym's one word: the tagger may have read `اس` of `واس`, its و as a proclitic)
        let within = met.filter(|&(a, b)| g.start <= a && b <= g.end);
        if (met.is_none() || (replaces && within.is_some())) && !cuts_quote {
            if replaces {
                acronyms.extend(text.get(g.start..g.end));
            }
            pairs.push((g.start, owner));
            // An acronym takes the place of the name read there alone (`spans` is still in document order).
            let old = within.and_then(|(a, b)| {
                let k = spans.partition_point(|s| s.start < a);
                spans[k..].iter_mut().take_while(|s| s.start == a).find(|s| !s.label.is_quotation() && s.end == b)
            });
            match old {
                Some(old) => *old = g,
                None => added.push(g),
            }
        }
    }
    spans.extend(added);
    // An acronym the document defines is that organisation wherever else it is read as a name, or as a name
    // inside its word (`وذكرت واس`, read `اس`).
    if !acronyms.is_empty() {
        for s in spans.iter_mut().filter(|s| s.label.is_entity()) {
            let a = text[..s.start].char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map_or(s.start, |(i, _)| i);
            let b = text[s.end..].find(|c: char| !is_word_char(c)).map_or(text.len(), |i| s.end + i);
            if acronyms.contains(&&text[a..b]) {
                (s.start, s.end, s.label) = (a, b, Label::Org);
            }
        }
    }
    sort_spans(spans);
    pairs
}

/// The byte range of the text in brackets that starts at `at` (after spaces), trimmed, if the brackets close
/// on the same line within 120 characters.
fn bracketed(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let open = rest.len() - rest.trim_start_matches([' ', '\u{A0}']).len();
    let inner = rest[open..].strip_prefix('(')?;
    let close = inner.char_indices().take(120).find(|&(_, c)| c == ')' || c == '\n').filter(|&(_, c)| c == ')')?.0;
    let body = &inner[..close];
    let lead = body.len() - body.trim_start().len();
    let start = at + open + 1 + lead;
    Some((start, start + body.trim().len()))
}

/// Whether `gloss` is 1 to [`MAX_GLOSS_WORDS`] words of Latin letters with or without accents (`Nicolás`) and
/// digits, the first capitalised.
fn is_latin_gloss(gloss: &str) -> bool {
    let n = gloss.split_whitespace().count();
    let latin = |c: char| c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c));
    let word_ok = |w: &str| {
        w.chars().next().is_some_and(latin) && w.chars().all(|c| latin(c) || matches!(c, '.' | '-' | '\'' | '’' | '&'))
    };
    (1..=MAX_GLOSS_WORDS).contains(&n)
        && gloss.starts_with(|c: char| latin(c) && c.is_uppercase())
        && gloss.split_whitespace().all(word_ok)
}

/// Whether `acronym`, one Arabic-script word, is made of the first letters of the words of `name` (of two words
/// or more; after the article), in order, with alefs added to be said (`واس` of `وكالة الأنباء السعودية`).
fn is_initials(acronym: &str, name: &str) -> bool {
    if acronym.contains(char::is_whitespace) || !acronym.chars().all(is_arabic_letter) {
        return false;
    }
    let initials: Vec<char> = words(name)
        .iter()
        .filter_map(|w| w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w).chars().next())
        .collect();
    let mut next = initials.iter().peekable();
    for c in normalize_str(acronym).chars() {
        if next.peek() == Some(&&c) {
            next.next();
        } else if c != 'ا' {
            return false;
        }
    }
    initials.len() >= 2 && next.peek().is_none()
}

/// A mention's matching forms.
struct Mention {
    label: Label,
    /// Skeleton of each word.
    skel: Vec<String>,
    /// All word skeletons joined by spaces.
    full: String,
}

/// Assigns `entity` ids to the PER/LOC/ORG spans of `spans` (over `text`) and to speakers that coincide with a
/// mention, and returns the entities in order of first mention.
pub fn link(text: &str, spans: &mut [Span]) -> Vec<Entity> {
    link_with(text, spans, &[])
}

/// [`link`], where each (gloss start, name start) pair of [`glosses`] makes the gloss the same entity as the
/// name (whose canonical name stays).
pub fn link_with(text: &str, spans: &mut [Span], glosses: &[(usize, usize)]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    // Per entity: the skeleton words of its canonical (longest) mention.
    let mut canon: Vec<Vec<String>> = Vec::new();
    // Per entity: its canonical skeleton joined, and the letter counts of that and of its last word.
    let mut canon_full: Vec<(String, usize, usize)> = Vec::new();
    let mut by_full: HashMap<(Label, String), usize> = HashMap::new();
    let mut by_last: HashMap<(Label, String), usize> = HashMap::new();
    let mut by_first: HashMap<(Label, String), Option<usize>> = HashMap::new();
    // The first two words or more of an organisation's or place's longer name, when one entity's name only
    // starts so (`سازمان ملل` of `سازمان ملل متحد`; `وزارة الخارجية` of the Russian and the American ones is
    // neither).
    let mut by_prefix: HashMap<(Label, String), Option<usize>> = HashMap::new();

    let mentions: Vec<Option<Mention>> = spans
        .iter()
        .map(|s| {
            if !s.label.is_entity() {
                return None;
            }
            let skel: Vec<String> = words(text.get(s.start..s.end)?).iter().map(|w| skeleton(w)).collect();
            if skel.is_empty() {
                return None;
            }
            Some(Mention { label: s.label, full: skel.join(" "), skel })
        })
        .collect();
    // Longer mentions first, so short forms find the full name whatever the order in the text.
    let mut order: Vec<usize> = (0..spans.len()).filter(|&i| mentions[i].is_some()).collect();
    order.sort_by_key(|&i| {
        let n = mentions[i].as_ref().map_or(0, |m| m.skel.len());
        (std::cmp::Reverse(n), std::cmp::Reverse(spans[i].len()), spans[i].start)
    });

    for i in order {
        let Some(m) = &mentions[i] else { continue };
        let label = m.label;
        let n = m.skel.len();
        let found = by_full
            .get(&(label, m.full.clone()))
            .copied()
            // Last words of a longer name (`مادورو`, `بادرينو لوبيز`).
            .or_else(|| {
                by_last.get(&(label, m.skel[n - 1].clone())).copied().filter(|&e| {
                    let c = &canon[e];
                    c.len() > n && c[c.len() - n..] == m.skel[..]
                })
            })
            // A person's first name alone, when only one full name starts with it.
            .or_else(|| {
                if label != Label::Per || n != 1 {
                    return None;
                }
                by_first.get(&(label, m.skel[0].clone())).copied().flatten()
            })
            .or_else(|| by_prefix.get(&(label, m.full.clone())).copied().flatten())
            // One edit away: the whole name, or a single word against a surname.
            .or_else(|| {
                let len = m.full.chars().count();
                if len < 5 {
                    return None;
                }
                // Lengths first: the edit distance runs only on candidates one letter longer or shorter.
                let near = |l: usize| l >= 5 && l.abs_diff(len) <= 1;
                entities.iter().take(256).position(|e| {
                    let id = e.id as usize;
                    let (full, full_len, last_len) = &canon_full[id];
                    let c = &canon[id];
                    e.label == label
                        && (near(*full_len) && edit_distance(full, &m.full, 1) <= 1
                            || n == 1
                                && c.len() > 1
                                && near(*last_len)
                                && edit_distance(&c[c.len() - 1], &m.full, 1) <= 1)
                })
            });
        let ent = match found {
            Some(e) => e,
            None => {
                let id = entities.len();
                entities.push(Entity {
                    id: id as u32,
                    label,
                    name: text[spans[i].start..spans[i].end].to_string(),
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                });
                canon.push(m.skel.clone());
                let last_len = m.skel.last().map_or(0, |w| w.chars().count());
                canon_full.push((m.full.clone(), m.full.chars().count(), last_len));
                if n > 1 {
                    by_last.entry((label, m.skel[n - 1].clone())).or_insert(id);
                    by_first.entry((label, m.skel[0].clone())).and_modify(|e| *e = None).or_insert(Some(id));
                }
                if label != Label::Per {
                    for k in 2..n {
                        by_prefix.entry((label, m.skel[..k].join(" "))).and_modify(|e| *e = None).or_insert(Some(id));
                    }
                }
                id
            }
        };
        by_full.entry((label, m.full.clone())).or_insert(ent);
        entities[ent].mentions.push(i);
        spans[i].entity = Some(ent as u32);
    }

    // A gloss's entity joins its name's (with every other mention it had: the name written in Latin again).
    for &(g, o) in glosses {
        let entity_at = |at: usize| {
            let k = spans.partition_point(|s| s.start < at);
            spans[k..].iter().take_while(|s| s.start == at).find(|s| s.label.is_entity()).and_then(|s| s.entity)
        };
        let (Some(eg), Some(eo)) = (entity_at(g), entity_at(o)) else { continue };
        if eg != eo {
            let moved = std::mem::take(&mut entities[eg as usize].mentions);
            for &m in &moved {
                spans[m].entity = Some(eo);
            }
            entities[eo as usize].mentions.extend(moved);
        }
    }
    let created = entities.len();
    entities.retain(|e| !e.mentions.is_empty());
    // Renumber in order of first mention, so ids read naturally.
    let mut first: Vec<(usize, usize)> =
        entities.iter().map(|e| (e.mentions.iter().map(|&m| spans[m].start).min().unwrap_or(0), e.id as usize)).collect();
    first.sort_unstable();
    let mut new_id = vec![0u32; created];
    for (n, &(_, old)) in first.iter().enumerate() {
        new_id[old] = n as u32;
    }
    for s in spans.iter_mut() {
        if let Some(e) = s.entity {
            s.entity = Some(new_id[e as usize]);
        }
    }
    for e in &mut entities {
        e.id = new_id[e.id as usize];
        e.mentions.sort_unstable();
        for &m in &e.mentions {
            let surface = text[spans[m].start..spans[m].end].to_string();
            if !e.aliases.contains(&surface) {
                e.aliases.push(surface);
            }
        }
    }
    entities.sort_by_key(|e| e.id);

    // A speaker refers to the person or organisation it names: the mention it lies in, or else the last person
    // named inside it (the head of `زعيم المعارضة في فنزويلا خوان غوايدو`), or else the last organisation.
    // Places are never speakers.
    let mut mentions: Vec<(usize, usize, u32, Label)> = spans
        .iter()
        .filter(|s| matches!(s.label, Label::Per | Label::Org))
        .filter_map(|s| s.entity.map(|e| (s.start, s.end, e, s.label)))
        .collect();
    mentions.sort_unstable_by_key(|m| (m.0, m.1));
    for s in spans.iter_mut() {
        if let Some(sp) = s.speaker.as_mut() {
            let i = mentions.partition_point(|m| m.0 < sp.start);
            let containing = i.checked_sub(1).map(|j| mentions[j]).filter(|m| sp.end <= m.1);
            let inside: Vec<_> = mentions[i..].iter().take_while(|m| m.0 < sp.end).filter(|m| m.1 <= sp.end).collect();
            let last = |l: Label| inside.iter().rev().find(|m| m.3 == l).map(|m| **m);
            sp.entity = containing.or_else(|| last(Label::Per)).or_else(|| last(Label::Org)).map(|m| m.2);
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_country_is_no_surname_to_spread() {
        // A misread person ending in a country's name leaves the country's other mentions places and adds none;
        // a person's surname that is a city still names the person alone (`ماخور مايوركا` ... `مايوركا`).
        let text = "قال دفاع ایران امروز إن ایران مستعدة. وصل ایران أمس.";
        let mut spans = spans_of(text, &[(Label::Per, "دفاع ایران", 0), (Label::Loc, "ایران", 1)]);
        propagate(text, &Normalized::new(text), &mut spans);
        let got: Vec<(Label, &str)> = spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
        // (the place's own mention spreads as a place)
        assert_eq!(got, [(Label::Per, "دفاع ایران"), (Label::Loc, "ایران"), (Label::Loc, "ایران")]);
        let text = "قال لاعب يدعى ماخور مايوركا إن مايوركا سيلعب.";
        let mut spans = spans_of(text, &[(Label::Per, "ماخور مايوركا", 0), (Label::Loc, "مايوركا", 1)]);
        propagate(text, &Normalized::new(text), &mut spans);
        assert!(spans.iter().all(|s| s.label == Label::Per), "{spans:?}");
    }

    #[test]
    fn a_word_that_continues_other_names_does_not_stand_for_a_person() {
        // `اسلامی` mostly continues places' and organisations' names (a heavy name part): neither the surname of
        // `عبدالکریم اسلامی` nor a person named `اسلامی` alone makes the `اسلامی` of `انقلاب اسلامی` a person.
        assert!(is_heavy_name_part("اسلامي"));
        for found in [&[(Label::Per, "عبدالکریم اسلامی", 0)][..], &[(Label::Per, "اسلامی", 0)][..]] {
            let text = "گفت عبدالکریم اسلامی و اسلامی افزود که انقلاب اسلامی پیروز شد.";
            let text = if found[0].1 == "اسلامی" { "گفت اسلامی افزود که انقلاب اسلامی پیروز شد." } else { text };
            let mut spans = spans_of(text, found);
            propagate(text, &Normalized::new(text), &mut spans);
            assert_eq!(spans.len(), 1, "{text}: {spans:?}");
        }
        // A surname that continues no names stands for the person.
        let text = "گفت عبدالکریم لاریجانی و لاریجانی افزود.";
        let mut spans = spans_of(text, &[(Label::Per, "عبدالکریم لاریجانی", 0)]);
        propagate(text, &Normalized::new(text), &mut spans);
        assert_eq!(spans.len(), 2, "{spans:?}");
    }

    /// (text, the mentions found, the glosses expected as (label, surface, the name it glosses)).
    type GlossCase<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [(Label, &'a str, &'a str)]);

    #[test]
    fn glosses_in_brackets() {
        let cases: &[GlossCase] = &[
            // A name's original spelling, with spaces inside the brackets, accents, a domain.
            ("جیمز نچوی ( James Nachtwey ) عکاس", &[(Label::Per, "جیمز نچوی", 0)], &[(Label::Per, "James Nachtwey", "جیمز نچوی")]),
            ("قال نيكولاس مادورو (Nicolás Maduro) إن", &[(Label::Per, "نيكولاس مادورو", 0)], &[(Label::Per, "Nicolás Maduro", "نيكولاس مادورو")]),
            ("پایگاه خبری انتخاب (Entekhab.ir): گفت", &[(Label::Org, "پایگاه خبری انتخاب", 0)], &[(Label::Org, "Entekhab.ir", "پایگاه خبری انتخاب")]),
            // The article does not hide a name's initial; an organisation's acronym.
            ("قالت الأمم المتحدة (United Nations) إن", &[(Label::Org, "الأمم المتحدة", 0)], &[(Label::Org, "United Nations", "الأمم المتحدة")]),
            ("قالت منظمة الصحة العالمية (WHO) إن", &[(Label::Org, "منظمة الصحة العالمية", 0)], &[(Label::Org, "WHO", "منظمة الصحة العالمية")]),
            // A dateline's source is no gloss: an acronym after a place, a word no letter of the place starts.
            ("كراكاس (AFP) - قال", &[(Label::Loc, "كراكاس", 0)], &[]),
            ("موسكو (Reuters) - قال", &[(Label::Loc, "موسكو", 0)], &[]),
            // Not Latin, not capitalised, too long, unclosed, or across a line: no gloss.
            ("قال مادورو (رويترز) إن", &[(Label::Per, "مادورو", 0)], &[]),
            ("قال مادورو (maduro) إن", &[(Label::Per, "مادورو", 0)], &[]),
            ("قال مادورو (Maduro said that he will not leave the country) إن", &[(Label::Per, "مادورو", 0)], &[]),
            ("قال مادورو (Maduro إن", &[(Label::Per, "مادورو", 0)], &[]),
            ("قال مادورو (\nMaduro) إن", &[(Label::Per, "مادورو", 0)], &[]),
            // An organisation's Arabic acronym of its initials (alefs added) replaces the name read there alone.
            (
                "وقالت وكالة الأنباء السعودية (واس) إن",
                &[(Label::Org, "وكالة الأنباء السعودية", 0), (Label::Loc, "واس", 0)],
                &[(Label::Org, "واس", "وكالة الأنباء السعودية")],
            ),
            // Not the initials, or not after an organisation: no gloss.
            ("وقالت وزارة الداخلية (بغداد) إن", &[(Label::Org, "وزارة الداخلية", 0)], &[]),
            ("وقال خالد سعيد (خس) إن", &[(Label::Per, "خالد سعيد", 0)], &[]),
        ];
        for (text, found, want) in cases {
            let mut spans = spans_of(text, found);
            let pairs = glosses(text, &mut spans);
            let got: Vec<(Label, &str, &str)> = pairs
                .iter()
                .map(|&(g, o)| {
                    let gs = spans.iter().find(|s| s.start == g).expect("the gloss is a span");
                    let os = spans.iter().find(|s| s.start == o).expect("the name is a span");
                    (gs.label, &text[gs.start..gs.end], &text[os.start..os.end])
                })
                .collect();
            assert_eq!(got, *want, "{text}");
            assert!(spans.windows(2).all(|w| w[0].start <= w[1].start), "{text}: spans stay sorted");
        }
    }

    #[test]
    fn an_arabic_acronym_is_its_organisation_throughout() {
        let text = "وقالت وكالة الأنباء السعودية (واس) إن الوزير وصل. وذكرت واس أن اللقاء تناول العلاقات.";
        let mut spans = spans_of(text, &[(Label::Org, "وكالة الأنباء السعودية", 0), (Label::Loc, "واس", 0), (Label::Loc, "واس", 1)]);
        glosses(text, &mut spans);
        let got: Vec<(Label, &str)> = spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
        assert_eq!(got, [(Label::Org, "وكالة الأنباء السعودية"), (Label::Org, "واس"), (Label::Org, "واس")]);
    }

    #[test]
    fn an_arabic_acronym_is_its_organisation_in_the_annotator() {
        // The tagger reads `واس` as و + a place `اس`: the acronym is the whole word, the agency, both times.
        let text = "وقالت وكالة الأنباء السعودية (واس) إن ولي العهد استقبل الوزير. وذكرت واس أن اللقاء تناول العلاقات.";
        let doc = crate::annotate(text, &crate::Options::default());
        let got: Vec<(Label, &str)> = doc.spans.iter().map(|s| (s.label, &text[s.start..s.end])).collect();
        assert_eq!(got, [(Label::Org, "وكالة الأنباء السعودية"), (Label::Org, "واس"), (Label::Org, "واس")]);
        assert!(doc.spans.iter().all(|s| s.entity == Some(0)), "{:?}", doc.spans);
    }

    #[test]
    fn a_gloss_is_its_name_in_the_annotator() {
        let text = "قال نيكولاس مادورو (Nicolás Maduro) إن Maduro لن يرحل، وأضاف مادورو أنه باق.";
        let doc = crate::annotate(text, &crate::Options::default());
        let of = |surface: &str| doc.spans.iter().find(|s| &text[s.start..s.end] == surface).and_then(|s| s.entity);
        let id = of("نيكولاس مادورو").expect("the name is found");
        assert_eq!(of("Nicolás Maduro"), Some(id), "{:?}", doc.spans);
        let entity = &doc.entities[id as usize];
        assert_eq!(entity.name, "نيكولاس مادورو");
        assert!(entity.aliases.iter().any(|a| a == "Nicolás Maduro"), "{:?}", entity.aliases);
        // Entity ids stay dense and in order of first mention after the merge.
        assert!(doc.entities.iter().enumerate().all(|(i, e)| e.id as usize == i && !e.mentions.is_empty()));
    }

    /// The full-table Levenshtein distance, to check the banded one against.
    fn levenshtein(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for j in 0..b.len() {
                cur[j + 1] = (prev[j] + usize::from(ca != b[j])).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest! {
        #[test]
        fn banded_edit_distance_is_levenshtein_capped(a in "[ابتم]{0,9}", b in "[ابتم]{0,9}", cap in 0usize..4) {
            prop_assert_eq!(edit_distance(&a, &b, cap), levenshtein(&a, &b).min(cap + 1));
        }
    }

    #[test]
    fn edit_distance_of_long_runs_is_linear() {
        let a = "محمدعلیحسن".repeat(20_000);
        let b = format!("{a}ی");
        assert_eq!(edit_distance(&a, &a, 1), 0);
        assert_eq!(edit_distance(&a, &b, 1), 1);
        assert_eq!(edit_distance(&b[2..], &a, 1), 2);
    }

    /// (text, the mentions found, the surfaces after propagation).
    type PropagationCase<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [&'a str]);

    /// Runs [`propagate`] on each case's mentions and compares the surfaces it leaves.
    fn check_propagation(cases: &[PropagationCase]) {
        for (text, found, want) in cases {
            let mut spans = spans_of(text, found);
            propagate(text, &Normalized::new(text), &mut spans);
            let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    /// Spans for (label, surface, n-th occurrence) in `text`.
    fn spans_of(text: &str, marks: &[(Label, &str, usize)]) -> Vec<Span> {
        let mut v: Vec<Span> = marks
            .iter()
            .map(|&(l, s, n)| {
                let start = text.match_indices(s).nth(n).map(|m| m.0).unwrap_or_else(|| panic!("{s} #{n}"));
                Span::new(l, start, start + s.len())
            })
            .collect();
        v.sort_by_key(|s| s.start);
        v
    }

    /// Groups of surfaces per entity, in entity order.
    fn groups(text: &str, spans: &[Span], ents: &[Entity]) -> Vec<Vec<String>> {
        let surface = |m: usize| text[spans[m].start..spans[m].end].to_string();
        ents.iter().map(|e| e.mentions.iter().map(|&m| surface(m)).collect()).collect()
    }

    #[test]
    fn skeletons() {
        let same = [
            ("غوايدو", "غايدو"),
            ("غوايدو", "گوایدو"),
            ("نيكولاس", "نيكولوس"),
            ("نيكولاس", "نیکلاس"),
            ("ترمب", "ترامب"),
            ("بوتين", "پوتین"),
            ("الكرملين", "كرملين"),
            ("للكرملين", "الكرملين"),
            ("چاوز", "جاوز"),
            ("مُحَمَّد", "محمد"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton(a), skeleton(b), "{a} {b}");
        }
        let different = [("مادورو", "موسكو"), ("بوتين", "بوش"), ("سوريا", "روسيا"), ("ايران", "العراق")];
        for (a, b) in different {
            assert_ne!(skeleton(a), skeleton(b), "{a} {b}");
        }
        assert_eq!(skeleton(""), "");
    }

    #[test]
    fn skeleton_in_one_pass_is_the_two_pass_definition() {
        // The definition: count the kept letters, then map each knowing its index (the letter classes are shared).
        fn two_pass(w: &str) -> String {
            let mut out = String::new();
            let w = ["ال", "لل"].iter().find_map(|a| w.strip_prefix(a).filter(|r| r.chars().count() >= 3)).unwrap_or(w);
            let kept = |c: &char| !matches!(c, '\u{200C}' | 'ء' | 'ئ' | 'ؤ');
            let n = w.chars().filter(kept).count();
            for (i, c) in w.chars().filter(kept).enumerate() {
                let edge = i == 0 || i + 1 == n;
                let Some(m) = skeleton_letter(c, edge, i + 1 == n && i > 0) else { continue };
                if !out.ends_with(m) {
                    out.push(m);
                }
            }
            out
        }
        let words = [
            "", "ه", "ة", "ا", "اه", "هه", "وزارة", "مدينة", "الله", "ايران", "ئا", "اء", "\u{200C}ه", "ه\u{200C}",
            "للكرملين", "غوايدو", "یی", "abc", "ءؤئ", "شيخ‌الاسلام",
        ];
        for w in words {
            let mut one = String::new();
            skeleton_into(w, &mut one);
            assert_eq!(one, two_pass(w), "{w:?}");
        }
    }

    #[test]
    fn linking() {
        // (text, mentions, expected groups in order of first mention)
        type Case<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            // Full and short forms, whatever the order.
            (
                "قال مادورو إن نيكولاس مادورو باق",
                &[(Label::Per, "مادورو", 0), (Label::Per, "نيكولاس مادورو", 0)],
                &[&["مادورو", "نيكولاس مادورو"]],
            ),
            // Spelling variants and Arabic/Persian spellings.
            (
                "خوان غوايدو ثم غايدو ثم گوایدو",
                &[(Label::Per, "خوان غوايدو", 0), (Label::Per, "غايدو", 0), (Label::Per, "گوایدو", 0)],
                &[&["خوان غوايدو", "غايدو", "گوایدو"]],
            ),
            (
                "نيكولاس مادورو و نيكولوس مادورو",
                &[(Label::Per, "نيكولاس مادورو", 0), (Label::Per, "نيكولوس مادورو", 0)],
                &[&["نيكولاس مادورو", "نيكولوس مادورو"]],
            ),
            // Last words of a longer name.
            (
                "فلاديمير بادرينو لوبيز ثم بادرينو لوبيز",
                &[(Label::Per, "فلاديمير بادرينو لوبيز", 0), (Label::Per, "بادرينو لوبيز", 0)],
                &[&["فلاديمير بادرينو لوبيز", "بادرينو لوبيز"]],
            ),
            // A first name alone links only when one full name starts with it.
            (
                "دونالد ترامب ثم دونالد",
                &[(Label::Per, "دونالد ترامب", 0), (Label::Per, "دونالد", 1)],
                &[&["دونالد ترامب", "دونالد"]],
            ),
            (
                "جورج بوش و جورج واشنطن ثم جورج",
                &[(Label::Per, "جورج بوش", 0), (Label::Per, "جورج واشنطن", 0), (Label::Per, "جورج", 2)],
                &[&["جورج بوش"], &["جورج واشنطن"], &["جورج"]],
            ),
            // One edit apart on a long name.
            (
                "تونكوشكوروف و تونكوشكروف",
                &[(Label::Per, "تونكوشكوروف", 0), (Label::Per, "تونكوشكروف", 0)],
                &[&["تونكوشكوروف", "تونكوشكروف"]],
            ),
            // An organisation's first words, when only one longer name starts with them.
            (
                "سازمان ملل متحد گفت دبیرکل سازمان ملل",
                &[(Label::Org, "سازمان ملل متحد", 0), (Label::Org, "سازمان ملل", 1)],
                &[&["سازمان ملل متحد", "سازمان ملل"]],
            ),
            (
                "وزارة الخارجية الروسية ووزارة الخارجية الأمريكية ثم وزارة الخارجية",
                &[
                    (Label::Org, "وزارة الخارجية الروسية", 0),
                    (Label::Org, "وزارة الخارجية الأمريكية", 0),
                    (Label::Org, "وزارة الخارجية", 2),
                ],
                &[&["وزارة الخارجية الروسية"], &["وزارة الخارجية الأمريكية"], &["وزارة الخارجية"]],
            ),
            // Same words, another label: another entity. Different short names stay apart.
            (
                "الجزائر الجزائر بوتين بوش",
                &[
                    (Label::Loc, "الجزائر", 0),
                    (Label::Org, "الجزائر", 1),
                    (Label::Per, "بوتين", 0),
                    (Label::Per, "بوش", 0),
                ],
                &[&["الجزائر"], &["الجزائر"], &["بوتين"], &["بوش"]],
            ),
        ];
        for (text, marks, want) in cases {
            let mut spans = spans_of(text, marks);
            let ents = link(text, &mut spans);
            let want: Vec<Vec<String>> = want.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect();
            assert_eq!(groups(text, &spans, &ents), want, "{text}");
        }
    }

    #[test]
    fn canonical_name_and_aliases() {
        let text = "غايدو قال. خوان غوايدو وغايدو و گوایدو";
        let mut spans = spans_of(
            text,
            &[
                (Label::Per, "غايدو", 0),
                (Label::Per, "خوان غوايدو", 0),
                (Label::Per, "غايدو", 1),
                (Label::Per, "گوایدو", 0),
            ],
        );
        let ents = link(text, &mut spans);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].name, "خوان غوايدو");
        assert_eq!(ents[0].aliases, ["غايدو", "خوان غوايدو", "گوایدو"]);
        assert!(spans.iter().all(|s| s.entity == Some(0)));
    }

    fn propagated(text: &str, marks: &[(Label, &str, usize)]) -> Vec<(Label, String)> {
        let norm = Normalized::new(text);
        let mut spans = spans_of(text, marks);
        propagate(text, &norm, &mut spans);
        spans.iter().map(|s| (s.label, text[s.start..s.end].to_string())).collect()
    }

    #[test]
    fn propagation() {
        type Case<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [(Label, &'a str)]);
        let cases: &[Case] = &[
            // A surname of a full name is found again, after a proclitic too.
            (
                "قال نيكولاس مادورو إن لمادورو أنصارا ومادورو",
                &[(Label::Per, "نيكولاس مادورو", 0)],
                &[(Label::Per, "نيكولاس مادورو"), (Label::Per, "مادورو"), (Label::Per, "مادورو")],
            ),
            // The whole mention is found again; not inside a word.
            (
                "تليسور قالت إن تليسورية تليسور",
                &[(Label::Org, "تليسور", 0)],
                &[(Label::Org, "تليسور"), (Label::Org, "تليسور")],
            ),
            // One sense per document: a surname read as a place is the person.
            (
                "خافيير مايوركا قال إن مايوركا",
                &[(Label::Per, "خافيير مايوركا", 0), (Label::Loc, "مايوركا", 1)],
                &[(Label::Per, "خافيير مايوركا"), (Label::Per, "مايوركا")],
            ),
            // Spelling variants one letter away, after a proclitic too; not adjectives made from the name.
            (
                "في كاراكاس ثم كاركاس وبكاركاس",
                &[(Label::Loc, "كاراكاس", 0)],
                &[(Label::Loc, "كاراكاس"), (Label::Loc, "كاركاس"), (Label::Loc, "كاركاس")],
            ),
            (
                "فنزويلا والحكومة الفنزويلية والجيش فنزويلي",
                &[(Label::Loc, "فنزويلا", 0)],
                &[(Label::Loc, "فنزويلا")],
            ),
            // A surname read as a place in another spelling (one letter swapped, same skeleton) is the person;
            // the names of one skeleton and label all count for variants, a long person's name without its
            // vowels too (`غايدو`).
            (
                "قال خوان گوایدو إن لغوايدو أنصارا وإن غايدو باق",
                &[(Label::Per, "خوان گوایدو", 0), (Label::Loc, "غوايدو", 0)],
                &[(Label::Per, "خوان گوایدو"), (Label::Per, "غوايدو"), (Label::Per, "غايدو")],
            ),
            // A letter more makes another word (`صفویه`, the dynasty, of the surname `صفوی`); a place's name
            // keeps its skeleton of three letters to itself (`ایران` is no `اران`).
            (
                "رحیم صفوی گفت صفویه و ایران و اران",
                &[(Label::Per, "رحیم صفوی", 0), (Label::Org, "صفویه", 0), (Label::Loc, "ایران", 0)],
                &[(Label::Per, "رحیم صفوی"), (Label::Org, "صفویه"), (Label::Loc, "ایران")],
            ),
            // Two people side by side, each known in the document, are two mentions.
            (
                "قال مادورو إن خوان غايدو ... واتهم مادورو غايدو",
                &[(Label::Per, "مادورو", 0), (Label::Per, "خوان غايدو", 0), (Label::Per, "مادورو غايدو", 0)],
                &[(Label::Per, "مادورو"), (Label::Per, "خوان غايدو"), (Label::Per, "مادورو"), (Label::Per, "غايدو")],
            ),
            // Not a full name whose surname is known only from itself.
            (
                "نيكولاس مادورو ثم مادورو",
                &[(Label::Per, "نيكولاس مادورو", 0)],
                &[(Label::Per, "نيكولاس مادورو"), (Label::Per, "مادورو")],
            ),
            // The name after an organisation's head word is the organisation alone too; not a noun with the
            // article, nor a name after a word that heads no names.
            (
                "قالت وكالة زيلاندو إن زيلاندو ولزيلاندو",
                &[(Label::Org, "وكالة زيلاندو", 0)],
                &[(Label::Org, "وكالة زيلاندو"), (Label::Org, "زيلاندو"), (Label::Org, "زيلاندو")],
            ),
            ("وكالة الأنباء ثم الأنباء", &[(Label::Org, "وكالة الأنباء", 0)], &[(Label::Org, "وكالة الأنباء")]),
            ("قصة زيلاندو ثم زيلاندو", &[(Label::Org, "قصة زيلاندو", 0)], &[(Label::Org, "قصة زيلاندو")]),
            // Common words and titles are never propagated alone.
            ("الرئيس في القاهرة في", &[(Label::Loc, "في القاهرة", 0)], &[(Label::Loc, "في القاهرة")]),
            // Existing spans are kept and never overlapped.
            (
                "نيكولاس مادورو ثم مادورو",
                &[(Label::Per, "نيكولاس مادورو", 0), (Label::Loc, "ثم مادورو", 0)],
                &[(Label::Per, "نيكولاس مادورو"), (Label::Loc, "ثم مادورو")],
            ),
        ];
        for (text, marks, want) in cases {
            let want: Vec<(Label, String)> = want.iter().map(|&(l, s)| (l, s.to_string())).collect();
            assert_eq!(propagated(text, marks), want, "{text}");
        }
    }

    #[test]
    fn propagation_respects_quotation_edges() {
        let text = "مادورو نيكولاس مادورو \"قال مادورو\"";
        let mut spans = spans_of(text, &[(Label::Per, "نيكولاس مادورو", 0)]);
        let q = text.find('"').unwrap();
        spans.push(Span::new(Label::Quote, q + 1, text.len() - 1));
        spans.sort_by_key(|s| s.start);
        propagate(text, &Normalized::new(text), &mut spans);
        let per: Vec<usize> = spans.iter().filter(|s| s.label == Label::Per).map(|s| s.start).collect();
        assert_eq!(per.len(), 3, "{spans:?}");
        assert!(spans.windows(2).all(|w| w[0].start <= w[1].start));
    }

    mod regression {
        use super::*;

        #[test]
        fn a_span_that_starts_with_spaces_is_not_split_into_an_empty_one() {
            // Found by `linking_is_consistent`: the same word twice after leading spaces.
            let text = "  لل\u{200C}لل وو غوايدو غوايدو";
            let end = text.find(" وو").unwrap_or(text.len());
            let mut spans = vec![Span::new(Label::Per, 0, end)];
            propagate(text, &Normalized::new(text), &mut spans);
            assert!(spans.iter().all(|s| s.start < s.end), "{spans:?}");
        }

        #[test]
        fn speakers_take_the_entity_of_their_mention() {
            let text = "قال مادورو: نحن هنا";
            let mut spans = spans_of(text, &[(Label::Per, "مادورو", 0)]);
            let mut st = Span::new(Label::Statement, text.find("نحن").unwrap(), text.len());
            st.speaker = Some(crate::span::Speaker { start: spans[0].start, end: spans[0].end, entity: None });
            spans.push(st);
            let ents = link(text, &mut spans);
            assert_eq!(spans[1].speaker.as_ref().and_then(|s| s.entity), Some(ents[0].id));
        }

        #[test]
        fn one_name_twice_is_two_mentions() {
            let text = "تصريحات غوايدو غوايدو أعلن";
            let mut spans = spans_of(text, &[(Label::Per, "غوايدو غوايدو", 0)]);
            split_two_people(text, &mut spans);
            let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
            assert_eq!(got, ["غوايدو", "غوايدو"]);
        }

        #[test]
        fn a_person_is_not_propagated_onto_a_word_with_the_article() {
            // (text, the mentions found, what propagation finds): a person's surname or name, written again after
            // the article (or a fused لل), or as a spelling variant with the article, is a noun (`الكابتن`); other
            // proclitics stay allowed, and places and organisations take the article (`البيرو`) unless they
            // are shaped like relative adjectives (`المالي`).
            let cases: &[PropagationCase] = &[
                ("أصبح راؤول كابتن الفريق ثم اعتزل الكابتن السابق", &[(Label::Per, "راؤول كابتن", 0)], &["راؤول كابتن"]),
                ("قال خوان غوايدو إن الغوايدو وللغوايدو", &[(Label::Per, "خوان غوايدو", 0)], &["خوان غوايدو"]),
                ("قال خوان غوايدو إن لغوايدو وغوايدو", &[(Label::Per, "خوان غوايدو", 0)], &["خوان غوايدو", "غوايدو", "غوايدو"]),
                // A spelling variant one letter away, with the article.
                ("قال ساراكوف إن الساركوف", &[(Label::Per, "ساراكوف", 0)], &["ساراكوف"]),
                ("قال ساراكوف إن ساركوف", &[(Label::Per, "ساراكوف", 0)], &["ساراكوف", "ساركوف"]),
                ("زار بيرو ثم البيرو", &[(Label::Loc, "بيرو", 0)], &["بيرو", "بيرو"]),
                // Unless the name has the shape of a relative adjective, which the article makes one.
                ("فرع بنك إسلامي في الوجه الحضاري الإسلامي، وقال إسلامي", &[(Label::Org, "بنك إسلامي", 0), (Label::Org, "إسلامي", 2)], &["بنك إسلامي", "إسلامي"]),
                ("زار مالي ثم الوضع المالي", &[(Label::Loc, "مالي", 0)], &["مالي"]),
            ];
            check_propagation(cases);
        }

        #[test]
        fn no_proclitics_inside_a_persian_word() {
            // (text, mentions, what propagation finds): `بیشتری` is no ب + a name, in Arabic ب attaches.
            let cases: &[PropagationCase] = &[
                ("دیدار با یشتری گفت جزییات بیشتری", &[(Label::Per, "یشتری", 0)], &["یشتری"]),
                ("قال ساراكوف إن بساراكوف", &[(Label::Per, "ساراكوف", 0)], &["ساراكوف", "ساراكوف"]),
                // Spelling variants after a proclitic too.
                ("گفت ساراکوف و بسارکوف", &[(Label::Per, "ساراکوف", 0)], &["ساراکوف"]),
                ("قال ساراكوف إن بساركوف", &[(Label::Per, "ساراكوف", 0)], &["ساراكوف", "ساركوف"]),
            ];
            check_propagation(cases);
        }

        #[test]
        fn a_persian_head_and_noun_does_not_make_the_noun_a_name() {
            // (text, mentions, what propagation finds): the word after a head is propagated alone in Arabic only.
            let cases: &[PropagationCase] = &[
                ("رئیس فدراسیون چوگان گفت توسعه چوگان", &[(Label::Org, "فدراسیون چوگان", 0)], &["فدراسیون چوگان"]),
                ("سازمان هواشناسی گفت کارشناس هواشناسی", &[(Label::Org, "سازمان هواشناسی", 0)], &["سازمان هواشناسی"]),
                // Arabic: the same rule finds the agency alone (`وكالة سبوتنيك` … `سبوتنيك`).
                ("قالت وكالة زيلاندو إن زيلاندو", &[(Label::Org, "وكالة زيلاندو", 0)], &["وكالة زيلاندو", "زيلاندو"]),
            ];
            check_propagation(cases);
        }

        #[test]
        fn a_full_name_written_twice_is_not_split() {
            // The first name and the surname are also people alone; the pair, written whole twice, is one name.
            // Written once beside them, it is two people (`مادورو غايدو`).
            type Case<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [&'a str]);
            let cases: &[Case] = &[
                (
                    "قال وحيد شمسايي إن وحيد يعرف شمسايي ويعمل وحيد شمسايي",
                    &[(Label::Per, "وحيد شمسايي", 0), (Label::Per, "وحيد", 1), (Label::Per, "شمسايي", 1), (Label::Per, "وحيد شمسايي", 1)],
                    &["وحيد شمسايي", "وحيد", "شمسايي", "وحيد شمسايي"],
                ),
                (
                    "قال وحيد شمسايي إن وحيد يعرف شمسايي",
                    &[(Label::Per, "وحيد شمسايي", 0), (Label::Per, "وحيد", 1), (Label::Per, "شمسايي", 1)],
                    &["وحيد", "شمسايي", "وحيد", "شمسايي"],
                ),
            ];
            for (text, found, want) in cases {
                let mut spans = spans_of(text, found);
                split_two_people(text, &mut spans);
                let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
                assert_eq!(got, *want, "{text}");
            }
        }

        #[test]
        fn a_speaker_description_refers_to_the_person_it_names_not_a_place() {
            let text = "زعيم المعارضة في فنزويلا خوان غوايدو: نحن هنا";
            let mut spans = spans_of(text, &[(Label::Loc, "فنزويلا", 0), (Label::Per, "خوان غوايدو", 0)]);
            let mut st = Span::new(Label::Statement, text.find("نحن").unwrap(), text.len());
            st.speaker = Some(crate::span::Speaker { start: 0, end: text.find(':').unwrap(), entity: None });
            spans.push(st);
            let ents = link(text, &mut spans);
            let id = spans[2].speaker.as_ref().and_then(|s| s.entity).expect("the speaker is linked");
            assert_eq!(ents[id as usize].name, "خوان غوايدو");

            // Only a place inside: no entity.
            let text = "وزير خارجية فنزويلا: نحن هنا";
            let mut spans = spans_of(text, &[(Label::Loc, "فنزويلا", 0)]);
            let mut st = Span::new(Label::Statement, text.find("نحن").unwrap(), text.len());
            st.speaker = Some(crate::span::Speaker { start: 0, end: text.find(':').unwrap(), entity: None });
            spans.push(st);
            link(text, &mut spans);
            assert_eq!(spans[1].speaker.as_ref().and_then(|s| s.entity), None);
        }

        #[test]
        fn empty_and_unusable_mentions() {
            let text = "، ، x";
            let mut spans = vec![Span::new(Label::Per, 0, 2), Span::new(Label::Loc, 5, 6)];
            let ents = link(text, &mut spans);
            assert!(spans.iter().all(|s| s.entity.is_none_or(|e| (e as usize) < ents.len())));
            let mut none: Vec<Span> = Vec::new();
            assert!(link("", &mut none).is_empty());
            propagate("", &Normalized::new(""), &mut none);
            assert!(none.is_empty());
        }
    }

    fn arb_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("مادورو".to_string()),
                Just("نيكولاس".to_string()),
                Just("غوايدو".to_string()),
                Just("گوایدو".to_string()),
                Just("لل".to_string()),
                Just("و".to_string()),
                Just(" ".to_string()),
                Just("\u{200C}".to_string()),
                Just("\u{064E}".to_string()),
                Just("\"".to_string()),
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Linking never panics, every entity id indexes the entity list, and mentions point back.
        #[test]
        fn linking_is_consistent(
            text in arb_text(),
            cuts in proptest::collection::vec((0usize..200, 0usize..200, 0u8..4), 0..12),
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut spans: Vec<Span> = cuts
                .iter()
                .filter_map(|&(a, b, l)| {
                    let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                    let label = [Label::Per, Label::Loc, Label::Org, Label::Quote][l as usize];
                    (a < b).then(|| Span::new(label, a, b))
                })
                .collect();
            spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
            // Non-overlapping entity spans, like resolve's output.
            let mut last_end = 0;
            spans.retain(|s| {
                if s.label.is_quotation() { return true; }
                let ok = s.start >= last_end;
                if ok { last_end = s.end; }
                ok
            });
            propagate(&text, &Normalized::new(&text), &mut spans);
            let ents = link(&text, &mut spans);
            for (i, s) in spans.iter().enumerate() {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start < s.end);
                if let Some(e) = s.entity {
                    prop_assert!((e as usize) < ents.len());
                    prop_assert!(ents[e as usize].mentions.contains(&i));
                    prop_assert_eq!(ents[e as usize].label, s.label);
                } else {
                    prop_assert!(!s.label.is_entity() || words(&text[s.start..s.end]).is_empty());
                }
            }
            for (n, e) in ents.iter().enumerate() {
                prop_assert_eq!(e.id as usize, n);
                prop_assert!(!e.mentions.is_empty() && !e.aliases.is_empty());
            }
            let ent_spans: Vec<&Span> = spans.iter().filter(|s| !s.label.is_quotation()).collect();
            prop_assert!(ent_spans.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Through the whole pipeline: every span's entity id indexes the entity list, whatever the input.
        #[test]
        fn pipeline_entity_ids_index_the_list(text in arb_text()) {
            let doc = crate::annotate(&text, &crate::Options::default());
            for (i, s) in doc.spans.iter().enumerate() {
                if let Some(e) = s.entity {
                    prop_assert!((e as usize) < doc.entities.len());
                    prop_assert!(doc.entities[e as usize].mentions.contains(&i));
                }
                if let Some(e) = s.speaker.as_ref().and_then(|sp| sp.entity) {
                    prop_assert!((e as usize) < doc.entities.len());
                }
            }
        }
    }
}
