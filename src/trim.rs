//! Name boundaries every recognizer's candidates obey, whoever proposed them: a name never holds half of a pair
//! of brackets, and a person's name does not start with a title.
//!
//! - Brackets: a name that opens a bracket it does not close ends before it (`امام رضا (ع` → `امام رضا`: the
//!   honorific `(ع)` is not part of the name, and the corpora that mark it cut it in half); one that closes a
//!   bracket it did not open starts after it.
//! - Titles (see ../shared/seeds/GUIDE.md: titles and descriptors are not part of PER spans): leading words of a
//!   person's name that are titles of the tagger's hand-written trigger list (`data/ner_triggers.tsv`, class
//!   TITLE: `شیخ`, `امام`, `الشيخ`, `آیت‌الله` also written `آیت الله`) are left out, as long as a word remains and
//!   the title word is not also a given name (`امین معلوف`, `سردار آزمون` keep their first word).
//!
//! - The happy feast: a person's name right after the word `عید` / `عيد` / `العيد` whose first word is `سعید` /
//!   `سعيد` or `مبارک` / `مبارك` (with or without the article) is that word as the adjective (`عید سعید فطر`,
//!   `بمناسبة العيد السعيد`, `عید مبارک`: the happy, the blessed feast), not a person, and is dropped.
//!
//! The recognizers that read titles themselves (the gazetteer's title rule) already start after them; the tagger
//! learned from corpora that put titles and honorifics inside names, which this undoes.

use crate::ner::features::{class, hash_str, Triggers};
use crate::normalize::normalize_str;
use crate::recognize::lexicon::is_given_name;
use crate::span::{Candidate, Label};

const ZWNJ: char = '\u{200C}';

/// The most words a title of the trigger list has (`حجت‌الاسلام‌والمسلمین`; checked by a test).
const TITLE_WORDS: usize = 3;

/// Whether normalized words, read as one phrase (a space or ZWNJ between them is the same to [`hash_str`]), are a
/// title of the trigger list.
fn is_title(words: &[String]) -> bool {
    Triggers::shared().get(hash_str(&words.join(" "))) & class::TITLE != 0
}

/// Applies the boundary rules to `cands` (spans of `text`); a name with nothing left becomes empty (start ==
/// end) and is dropped with the other invalid candidates.
pub fn trim(text: &str, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        if !matches!(c.span.label, Label::Per | Label::Loc | Label::Org) {
            continue;
        }
        let (s, e) = (c.span.start, c.span.end);
        let Some(name) = text.get(s..e) else { continue };
        let (mut a, mut b) = brackets(name);
        if c.span.label == Label::Per && a < b {
            a += title_prefix(&name[a..b]);
        }
        if c.span.label == Label::Per && after_feast(&text[..s]) && words(&name[a..b]).first().is_some_and(|(_, w)| feast_adjective(w)) {
            (a, b) = (0, 0);
        }
        (a, b) = strip_spaces(name, a, b);
        if (a, b) != (0, name.len()) {
            c.span.start = s + a;
            c.span.end = if a < b { s + b } else { s + a };
        }
    }
}

/// Whether the last word of `before` (spaces and ZWNJ after it) is `عید` / `عيد`, with or without the article and
/// a proclitic (`بالعيد`, `والعید`).
fn after_feast(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', ZWNJ]);
    if trimmed.len() == before.len() {
        return false;
    }
    // The last word only: `before` is all the text before the name.
    let word_start = trimmed.char_indices().rev().take_while(|&(_, c)| !(c.is_whitespace() || c == ZWNJ)).last().map_or(trimmed.len(), |(i, _)| i);
    let w = normalize_str(&trimmed[word_start..]);
    ["", "و", "ب", "ل", "ف", "وب", "ول", "فب"].iter().any(|p| {
        w.strip_prefix(p).is_some_and(|r| r == "عيد" || r == "العيد")
    })
}

/// Whether a name's first word is one of the given names that are the feast's adjectives (`سعید`, `مبارک`; with
/// the article as the adjective takes it after `العيد`).
fn feast_adjective(w: &str) -> bool {
    let w = normalize_str(w);
    let w = w.strip_prefix("ال").unwrap_or(&w);
    matches!(w, "سعيد" | "مبارك")
}

/// The part of `name` inside its balanced brackets: before the first opening bracket left open, after the last
/// closing bracket that closes nothing.
fn brackets(name: &str) -> (usize, usize) {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut start = 0;
    for (i, ch) in name.char_indices() {
        match ch {
            '(' | '[' | '{' | '«' => open.push((i, closer(ch))),
            ')' | ']' | '}' | '»' => {
                if open.last().is_some_and(|&(_, want)| want == ch) {
                    open.pop();
                } else {
                    open.clear();
                    start = i + ch.len_utf8();
                }
            }
            _ => {}
        }
    }
    let end = open.first().map_or(name.len(), |&(i, _)| i);
    (start, end.max(start))
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        _ => '»',
    }
}

/// Bytes of leading title words (and the spaces after them) in a person's name `name`, leaving one word or more.
fn title_prefix(name: &str) -> usize {
    let words: Vec<(usize, &str)> = words(name);
    let norm: Vec<String> = words.iter().map(|(_, w)| normalize_str(w)).collect();
    let mut skip = 0; // words left out so far
    'outer: while skip + 1 < words.len() {
        for n in (1..=TITLE_WORDS).rev() {
            if skip + n >= words.len() {
                continue;
            }
            if is_title(&norm[skip..skip + n]) && !(n == 1 && is_given_name(&norm[skip])) {
                skip += n;
                continue 'outer;
            }
        }
        break;
    }
    if skip == 0 {
        0
    } else {
        words[skip].0
    }
}

/// The words of `s` (split at spaces and ZWNJ) with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() || ch == ZWNJ {
            if let Some(a) = start.take() {
                out.push((a, &s[a..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        out.push((a, &s[a..]));
    }
    out
}

/// `a..b` of `name` without spaces, ZWNJ and commas at either end.
fn strip_spaces(name: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || c == ZWNJ || matches!(c, '،' | ',' | '-' | ':' | '؛');
    while let Some(c) = name.get(a..b).and_then(|s| s.chars().next()).filter(|&c| junk(c)) {
        a += c.len_utf8();
    }
    while let Some(c) = name.get(a..b).and_then(|s| s.chars().next_back()).filter(|&c| junk(c)) {
        b -= c.len_utf8();
    }
    (a, b.max(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::TRIGGERS_TSV;
    use crate::span::Span;

    /// The range a candidate of `label` over `start..end` of `text` keeps.
    fn trimmed(text: &str, label: Label, start: usize, end: usize) -> (usize, usize) {
        let mut c = [Candidate { span: Span::new(label, start, end), score: 0.5, source: "test" }];
        trim(text, &mut c);
        (c[0].span.start, c[0].span.end)
    }

    fn run(text: &str, label: Label, name: &str) -> String {
        let s = text.find(name).expect("name in text");
        let (a, b) = trimmed(text, label, s, s + name.len());
        text[a..b].to_string()
    }

    #[test]
    fn names() {
        let cases: &[(&str, Label, &str, &str)] = &[
            // text, label, proposed name, what is kept
            ("زائران حرم امام رضا (ع) در مشهد", Label::Per, "امام رضا (ع", "رضا"),
            ("حرم حضرت زینب (س) در دمشق", Label::Per, "زینب (س", "زینب"),
            ("شیخ سلمان در بحرین", Label::Per, "شیخ سلمان", "سلمان"),
            ("وقال الشيخ تميم بن حمد", Label::Per, "الشيخ تميم بن حمد", "تميم بن حمد"),
            ("آیت الله علی سیستانی گفت", Label::Per, "آیت الله علی سیستانی", "علی سیستانی"),
            ("آیت‌الله علی سیستانی گفت", Label::Per, "آیت‌الله علی سیستانی", "علی سیستانی"),
            ("حضرت آیت‌الله سیستانی گفت", Label::Per, "حضرت آیت‌الله سیستانی", "سیستانی"),
            // a title alone is not emptied; a given name that is also a title stays
            ("گفت شیخ و رفت", Label::Per, "شیخ", "شیخ"),
            ("امین معلوف نوشت", Label::Per, "امین معلوف", "امین معلوف"),
            // balanced brackets stay; a closing bracket with no opening one goes with what is before it
            ("حزب (الخضر) في", Label::Org, "حزب (الخضر)", "حزب (الخضر)"),
            ("(ع) رضا گفت", Label::Per, "ع) رضا", "رضا"),
            ("سازمان ملل (UN", Label::Org, "سازمان ملل (UN", "سازمان ملل"),
            // titles are left in places and organisations
            ("شیخ بهایی", Label::Loc, "شیخ بهایی", "شیخ بهایی"),
            // سعید / مبارک after the feast is its adjective; the name of someone else after it stays
            ("به مناسبت عید سعید فطر مراسمی برگزار شد", Label::Per, "سعید فطر", ""),
            ("به مناسبت عید سعید قربان", Label::Per, "سعید", ""),
            ("بمناسبة العيد السعيد", Label::Per, "السعيد", ""),
            ("هنأ الشعب بمناسبة عيد سعيد", Label::Per, "سعيد", ""),
            ("تبریک عید مبارک", Label::Per, "مبارک", ""),
            ("پس از عید محمد جواد ظریف گفت", Label::Per, "محمد جواد ظریف", "محمد جواد ظریف"),
            ("وقال سعيد جليلي", Label::Per, "سعيد جليلي", "سعيد جليلي"),
            ("پیام عید نوروز ترامپ", Label::Per, "ترامپ", "ترامپ"),
        ];
        for &(text, label, name, want) in cases {
            assert_eq!(run(text, label, name), want, "{text}");
        }
    }

    /// Through the whole annotator: the gazetteer and the tagger both read `سعید` after `عید` as a person.
    #[test]
    fn the_feast_is_no_person_in_the_annotator() {
        for text in ["به مناسبت عید سعید فطر مراسمی برگزار شد.", "هنأ الملك الشعب بمناسبة العيد السعيد.", "عید مبارک باد"] {
            let doc = crate::annotate(text, &crate::Options::default());
            assert!(doc.spans.iter().all(|s| s.label != Label::Per), "{text}: {:?}", doc.spans);
        }
        let doc = crate::annotate("قال سعيد جليلي إن المفاوضات مستمرة.", &crate::Options::default());
        assert!(doc.spans.iter().any(|s| s.label == Label::Per), "{:?}", doc.spans);
    }

    #[test]
    fn no_title_is_longer_than_title_words() {
        let most = TRIGGERS_TSV
            .lines()
            .filter_map(|l| l.strip_prefix("TITLE\t"))
            .map(|w| w.trim().split([' ', ZWNJ]).count())
            .max();
        assert_eq!(most, Some(TITLE_WORDS));
    }

    #[test]
    fn nothing_left() {
        let text = "قال (";
        let s = text.find('(').unwrap_or(0);
        let (a, b) = trimmed(text, Label::Org, s, text.len());
        assert_eq!(a, b);
    }

    #[test]
    fn dates_and_quotes_untouched() {
        let text = "«سنبقى هنا (";
        assert_eq!(trimmed(text, Label::Quote, 0, text.len()), (0, text.len()));
    }
}
