//! Speakers of quotations and statements: who is quoted, found from speech verbs, colons and attribution cues
//! in the sentence around the quotation.
//!
//! For a quotation, the first rule that names someone wins:
//! 1. `X: «…»` — a colon right before the quotation: the clause before it. If that clause has a speech verb
//!    (`قال وزير الاتصال خورخي رودريغيز في تغريدة:`، `وی افزود:`), the verb's subject; otherwise the clause
//!    itself when it is a short noun phrase (`وزير الاتصال:`، `غوايدو:`).
//! 2. Arabic `"…"، قال X` — a speech verb right after the quotation: the noun phrase after the verb.
//! 3. Persian `X … «…» تأکید کرد` — the first speech verb after the quotation in its sentence: the noun phrase
//!    that opens the verb's clause (after the sentence start, a colon or dateline dash, or an earlier speech verb
//!    and its `که`); a pronoun there (`وی ... تصریح کرد`) stands for the previous speaker.
//! 4. The nearest speech verb or cue before the quotation in its sentence (skipping other quotations):
//!    - Arabic verbs: subject before the verb (`زعيم المعارضة قال إنه "…"`) unless the verb carries و/ف or opens
//!      its clause, then after it (`وقال بومبيو لنظيره ...`، `أكد وزير الخارجية ... أن`); a verb followed by a
//!      preposition, a complementizer, a colon or a quotation has no subject of its own (pro-drop:
//!      `وأضاف: "…"`، `وحذره من أن ...`) and takes the previous speaker; so does `وجاء في البيان:`;
//!    - `نقل X عن Y` — Y, who is quoted by X;
//!    - strong cues naming the speaker: `وفق X`، `وفقا لـX`، `على لسان X`، `على حد قول X`، `به گفته X`،
//!      `به نقل از X`.
//! 5. Arabic: a strong cue, or a speech verb with its subject after it, within four tokens after the quotation
//!    (`"…" وفق X`، `"…" هكذا وصف X`).
//! 6. Report sources, only when no one else is named: `به گزارش X`، `نقلا عن X`، `بحسب X`، `حسب X`.
//!
//! A quotation inside a statement without a speaker of its own takes the statement's speaker.
//!
//! A speaker is a noun phrase: words up to a complementizer, punctuation, a quotation, another verb or eight
//! words; prepositional phrases at its end are dropped (`وزير الاتصال خورخي رودريغيز في تغريدة` →
//! `وزير الاتصال خورخي رودريغيز`), and when a recognised name (or a name in quotes) starts the phrase or follows
//! its title, the phrase ends with that name (`الرئيس مادورو غايدو بمحاولة` → `الرئيس مادورو`). A description
//! that was introduced earlier as an apposition after a person's name (`"ولادیمیر پوتین"، رئیس جمهور روسیه`)
//! stands for that person, and the speaker is the name.
//!
//! Every search is bounded (a few dozen tokens around the quotation; the search for descriptions by a budget
//! proportional to the text), so attribution stays linear in the length of the text.

use std::collections::HashMap;

use super::quotes::{Analysis, Class};
use super::speech_words::{Verb, Words};
use crate::lang::Lang;
use crate::span::Label;

/// Who is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// A span of the original text naming the speaker.
    Span(usize, usize),
    /// The speaker of the previous quotation (pro-drop).
    Previous,
}

/// A byte range `(start, end)`.
type Range = (usize, usize);

/// How far back a description is looked for, in bytes.
const DESCRIPTION_WINDOW: usize = 4000;
/// Tokens searched before a quotation for a verb or cue.
const BACK: usize = 60;
/// Tokens searched after a quotation for a verb.
const AHEAD: usize = 30;

/// The clause before a colon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Intro {
    /// First token of the clause.
    pub start: usize,
    /// The speech verb of the clause (the last one), if any.
    pub verb: Option<usize>,
    /// Number of words.
    pub words: usize,
    /// Whether the clause holds punctuation.
    pub punct: bool,
}

impl Intro {
    /// Whether the colon introduces a statement: the clause has a speech verb, or is a short noun phrase.
    pub fn is_statement(&self) -> bool {
        self.verb.is_some() || ((1..=6).contains(&self.words) && !self.punct)
    }
}

/// A Persian speech verb starting at token `j` (simple, or a compound noun + light verb, with `می` written
/// apart or not): the number of tokens it takes.
fn fa_verb_at(w: &Words, an: &Analysis<'_>, j: usize) -> Option<usize> {
    if !an.is_word(j) {
        return None;
    }
    let word = an.word(j);
    let inf = an.info(j);
    if inf.fa_simple() {
        // گفت وگو is a conversation.
        if word.starts_with("گفت") && an.word(j + 1).starts_with("وگو") {
            return None;
        }
        return Some(1);
    }
    if Words::fa_separate_prefix(word) && an.is_word(j + 1) {
        let joined = format!("{word}{}", an.word(j + 1));
        if w.fa_simple(&joined) {
            return Some(2);
        }
    }
    if inf.fa_noun() {
        let mut k = j + 1;
        if Words::fa_separate_prefix(an.word(k)) {
            k += 1;
        }
        if an.is_word(k) && inf.takes(an.info(k)) {
            return Some(k - j + 1);
        }
    }
    None
}

/// A speech word at token `j`: its length in tokens, kind, whether it carries the conjunction و/ف, and whether
/// it is Persian. Both languages are tried whatever the paragraph's language (short paragraphs are easily
/// misidentified), Persian first; their speech verbs do not collide.
fn speech_at(w: &Words, an: &Analysis<'_>, j: usize) -> Option<(usize, Verb, bool, bool)> {
    if !an.is_word(j) {
        return None;
    }
    if let Some(n) = fa_verb_at(w, an, j) {
        return Some((n, Verb::Say, false, true));
    }
    let (v, conj) = an.info(j).verb?;
    match v {
        // في تصريح لقناة ...: the verbal noun names the occasion, not the speaker.
        Verb::Noun if j > 0 && matches!(an.word(j - 1), "في" | "خلال" | "عبر") => None,
        Verb::Formula if an.word(j + 1) != "في" => None,
        _ => Some((1, v, conj, false)),
    }
}

fn is_fa(an: &Analysis<'_>, tok: usize) -> bool {
    an.toks.get(tok).is_some_and(|t| an.lang_at(t.start) == Lang::Fa)
}

/// The clause before the colon at token `colon`, from the start of its sentence (or the end of the previous
/// quotation), at most 30 tokens.
pub(crate) fn intro(w: &Words, an: &Analysis<'_>, colon: usize) -> Option<Intro> {
    let mut j = colon;
    let lo = colon.saturating_sub(30);
    while j > lo {
        if an.break_before(j) {
            break;
        }
        let p = j - 1;
        if !an.same_sentence(p, colon) || !(an.is_free(p) || an.is_name_mark(p)) {
            break;
        }
        j = p;
    }
    if j == colon {
        return None;
    }
    let (mut say, mut noun, mut words, mut punct) = (None, None, 0, false);
    for k in j..colon {
        if an.is_word(k) {
            words += 1;
            match speech_at(w, an, k) {
                Some((_, Verb::Noun, _, _)) => noun = Some(k),
                Some(_) => say = Some(k),
                None => {}
            }
        } else if !an.is_name_mark(k) {
            punct = true;
        }
    }
    Some(Intro { start: j, verb: say.or(noun), words, punct })
}

/// Where a cue's noun phrase starts, and whether the cue only names a report source.
enum Cue {
    Strong(usize),
    Weak(usize),
}

/// Finds speakers for one document (see the module documentation).
pub(crate) struct Finder<'a> {
    w: &'a Words,
    an: &'a Analysis<'a>,
    /// Bytes the description search may still read.
    budget: usize,
    /// Person names by the offset where they end (after the closing mark for a name in quotes).
    person_ends: HashMap<usize, (usize, usize)>,
}

impl<'a> Finder<'a> {
    /// A finder over an analysed document.
    pub fn new(w: &'a Words, an: &'a Analysis<'a>) -> Finder<'a> {
        let mut person_ends = HashMap::new();
        for n in an.names.iter().filter(|n| n.label == Label::Per) {
            person_ends.insert(n.end, (n.start, n.end));
            if let Some(c) = n.quote.and_then(|q| an.quotes.get(q)).and_then(|q| q.close) {
                person_ends.insert(an.cx.norm.orig_end(c), (n.start, n.end));
            }
        }
        Finder { w, an, budget: 2 * an.t.len() + 65536, person_ends }
    }

    fn is_prep(&self, j: usize, fa: bool) -> bool {
        let inf = self.an.info(j);
        if fa {
            inf.fa_stop()
        } else {
            inf.ar_prep()
        }
    }

    /// Words of a noun phrase from token `from`: up to a stop word, punctuation, a quotation, a verb, the end
    /// of the sentence or `max` words. Marks around names in quotes are skipped.
    fn noun_phrase(&self, from: usize, fa: bool, max: usize, before: usize) -> Vec<usize> {
        let an = self.an;
        let mut out = Vec::new();
        let mut j = from;
        while j < before.min(an.toks.len()) && out.len() < max {
            if j > from && an.break_before(j) || !an.same_sentence(j, from) {
                break;
            }
            if an.is_name_mark(j) {
                j += 1;
                continue;
            }
            if !an.is_word(j) {
                break;
            }
            let inf = an.info(j);
            let stop = if fa { inf.fa_stop() || fa_verb_at(self.w, an, j).is_some() } else { inf.ar_stop() || inf.verb.is_some() };
            if stop {
                break;
            }
            out.push(j);
            j += 1;
        }
        out
    }

    /// Drops Arabic prepositional phrases at the end of a noun phrase. A preposition takes at most two words;
    /// words after that belong to the phrase again (`زعيم المعارضة في فنزويلا خوان غوايدو`).
    fn trim(&self, np: &[usize]) -> usize {
        let mut keep = 0;
        let mut in_pp: Option<usize> = None;
        for (i, &j) in np.iter().enumerate() {
            if self.is_prep(j, false) {
                in_pp = Some(0);
                continue;
            }
            match in_pp {
                Some(n) if n < 2 => in_pp = Some(n + 1),
                _ => {
                    in_pp = None;
                    keep = i + 1;
                }
            }
        }
        keep
    }

    /// The span of a noun phrase, ending with its first name when a name starts it, or, with `inner`, when a
    /// person or organisation name follows its first words (`الرئيس مادورو غايدو ...` → `الرئيس مادورو`). A
    /// subject written before its verb has no object after it to cut off: it is cut only at a leading name.
    /// Returns the span in the original text, and in the normalized text when it was not cut.
    fn span(&self, np: &[usize], fa: bool, inner: bool) -> Option<(Range, Option<Range>)> {
        let an = self.an;
        let norm = &an.cx.norm;
        let (&f, &l) = (np.first()?, np.last()?);
        let (s, e) = (an.toks[f].start, an.toks[l].end);
        let (os, oe) = norm.orig_range(s, e);
        let i0 = an.names.partition_point(|n| n.start < os);
        let mut best: Option<super::quotes::Name> = None;
        for n in &an.names[i0..] {
            if n.start >= oe {
                break;
            }
            if let Some(b) = best {
                if n.start > b.start {
                    break;
                }
                continue;
            }
            if n.end > oe {
                continue;
            }
            let at = |j: usize| norm.orig_range(an.toks[j].start, an.toks[j].end);
            let Some(k) = np.iter().position(|&j| at(j).0 <= n.start && n.start < at(j).1) else { continue };
            if k != 0 && (!inner || n.label == Label::Loc || self.is_prep(np[k - 1], fa)) {
                continue;
            }
            best = Some(*n);
        }
        match best {
            Some(b) => {
                let mut end = b.end;
                if let Some(q) = b.quote.and_then(|q| an.quotes.get(q)) {
                    if s < q.open {
                        end = q.close.map_or(end, |c| norm.orig_end(c));
                    }
                }
                Some(((os, end), None))
            }
            None => Some(((os, oe), Some((s, e)))),
        }
    }

    /// A description introduced earlier as an apposition after a person's name stands for that person.
    /// `(s, e)` is the description in the normalized text; the result is in the original text.
    fn describe(&mut self, (s, e): (usize, usize)) -> (usize, usize) {
        let an = self.an;
        let orig = an.cx.norm.orig_range(s, e);
        let f = an.toks.partition_point(|t| t.start < s);
        if !self.w.title(an.word(f)) {
            return orig;
        }
        let i0 = an.names.partition_point(|n| n.start < orig.0);
        if an.names[i0..].iter().take_while(|n| n.start < orig.1).any(|n| n.end <= orig.1 && n.label != Label::Loc) {
            return orig;
        }
        let mut lo = s.saturating_sub(DESCRIPTION_WINDOW);
        while !an.t.is_char_boundary(lo) {
            lo += 1;
        }
        if self.budget < s - lo {
            return orig;
        }
        self.budget -= s - lo;
        let desc = &an.t[s..e];
        for (p, _) in an.t[lo..s].rmatch_indices(desc) {
            let before = an.t[..lo + p].trim_end_matches(|c: char| c.is_whitespace() || c == '،' || c == ',');
            if let Some(&name) = self.person_ends.get(&an.cx.norm.orig_end(before.len())) {
                return name;
            }
        }
        orig
    }

    fn who(&mut self, np: &[usize], fa: bool, inner: bool) -> Option<Who> {
        let (s, e) = match self.span(np, fa, inner)? {
            (_, Some(uncut)) => self.describe(uncut),
            (cut, None) => cut,
        };
        Some(Who::Span(s, e))
    }

    /// The noun phrase after a cue or preposition at token `from` (a quotation there counts as the phrase).
    fn after(&mut self, from: usize, fa: bool) -> Option<Who> {
        let an = self.an;
        if let Some(Class::Mark(q)) = an.class.get(from) {
            let q = an.quotes.get(*q as usize)?;
            if an.toks[from].start == q.open {
                let (s, e) = an.cx.norm.orig_range(q.start, q.end);
                return Some(Who::Span(s, e));
            }
        }
        let np = self.noun_phrase(from, fa, 6, usize::MAX);
        let keep = if fa { np.len() } else { self.trim(&np) };
        self.who(&np[..keep], fa, true)
    }

    /// The subject after an Arabic verb at token `v`; `Previous` when the verb has none of its own.
    fn after_verb(&mut self, v: usize) -> Option<Who> {
        let an = self.an;
        let mut f = v + 1;
        while an.is_name_mark(f) {
            f += 1;
        }
        if !an.is_word(f) || !an.same_sentence(f, v) || an.break_before(f) {
            return Some(Who::Previous);
        }
        let inf = an.info(f);
        if inf.ar_stop() || inf.ar_prep() || inf.pronoun() || self.w.ar_prep_prefixed(an.word(f)) {
            return Some(Who::Previous);
        }
        let np = self.noun_phrase(v + 1, false, 8, usize::MAX);
        let keep = self.trim(&np);
        if keep == 0 {
            return Some(Who::Previous);
        }
        self.who(&np[..keep], false, true)
    }

    /// The subject written before an Arabic verb at token `v`, if the verb does not open its clause.
    fn before_verb(&mut self, v: usize) -> Option<Who> {
        let an = self.an;
        let mut words = Vec::new();
        let mut j = v;
        let mut bounded = false;
        loop {
            if j == 0 || an.break_before(j) {
                bounded = true;
                break;
            }
            let p = j - 1;
            if !an.same_sentence(p, v) {
                bounded = true;
                break;
            }
            j = p;
            if an.is_name_mark(p) {
                continue;
            }
            let inf = an.info(p);
            if !an.is_word(p) || inf.ar_clause() || inf.ar_stop() || inf.verb.is_some() {
                bounded = true;
                break;
            }
            if words.len() == 7 {
                break;
            }
            words.push(p);
        }
        if !bounded || words.is_empty() {
            return None;
        }
        words.reverse();
        if self.is_prep(words[0], false) {
            return None;
        }
        let keep = self.trim(&words);
        if keep == 0 {
            return None;
        }
        self.who(&words[..keep], false, false)
    }

    /// Where the clause of a Persian verb at token `v` starts: after the sentence start, a colon, or an earlier
    /// speech verb (and its `که`), at most 60 tokens back.
    fn fa_clause_start(&self, v: usize) -> usize {
        let an = self.an;
        let mut j = v;
        let lo = v.saturating_sub(BACK);
        while j > lo {
            if an.break_before(j) {
                return j;
            }
            let p = j - 1;
            // A colon, a semicolon, or the dashes of a dateline (`قم - ایرنا - X گفت`).
            if !an.same_sentence(p, v) || (an.is_free(p) && matches!(an.word(p), ":" | "؛" | ";" | "-" | "–" | "—")) {
                return j;
            }
            if let Some(len) = fa_verb_at(self.w, an, p) {
                let mut s = p + len;
                while s < v && matches!(an.word(s), "است" | "اند" | "بود" | "كه") {
                    s += 1;
                }
                // `... خبر داد و گفت`: the two verbs share their subject.
                let shared = s < v && an.word(s) == "و" && s + 1 == v;
                if s <= v && !shared {
                    return s;
                }
            }
            j = p;
        }
        j
    }

    /// The subject of a Persian verb at token `v`: the noun phrase opening its clause.
    fn fa_subject(&mut self, v: usize) -> Option<Who> {
        let an = self.an;
        let mut f = self.fa_clause_start(v);
        while f < v && an.word(f) == "و" {
            f += 1;
        }
        // A leading adverbial set off by a comma (`به گزارش ایرنا، ...`، `در ادامه، ...`).
        if f < v && an.info(f).fa_stop() {
            if let Some(c) = (f..v.min(f + 10)).find(|&k| an.is_free(k) && matches!(an.word(k), "،" | ",")) {
                f = c + 1;
            }
        }
        let np = self.noun_phrase(f, true, 6, v);
        if np.first().map_or(true, |&f| an.info(f).pronoun()) {
            return Some(Who::Previous);
        }
        self.who(&np, true, true)
    }

    /// The speaker a speech word at token `v` names; `cur` is the quotation being attributed.
    fn subject(&mut self, v: usize, cur: Option<usize>) -> Option<Who> {
        let an = self.an;
        if fa_verb_at(self.w, an, v).is_some() {
            return self.fa_subject(v);
        }
        let (verb, conj) = an.info(v).verb?;
        match verb {
            Verb::Formula => (an.word(v + 1) == "في").then_some(Who::Previous),
            Verb::Transmit => {
                // نقل X عن Y: Y is quoted.
                let mut k = v + 1;
                while k < v + 10 && an.same_sentence(k, v) && (an.is_word(k) || an.is_name_mark(k)) {
                    if an.is_word(k) && an.word(k) == "عن" {
                        if let Some(Class::Mark(q)) = an.class.get(k + 1) {
                            let q = *q as usize;
                            if Some(q) != cur {
                                return an.quotes.get(q).map(|q| {
                                    let (s, e) = an.cx.norm.orig_range(q.start, q.end);
                                    Who::Span(s, e)
                                });
                            }
                            break;
                        }
                        if let Some(who) = self.after(k + 1, false) {
                            return Some(who);
                        }
                        break;
                    }
                    k += 1;
                }
                self.after_verb(v)
            }
            Verb::Noun => self.after_verb(v),
            Verb::Say if conj => self.after_verb(v),
            Verb::Say => match self.before_verb(v) {
                Some(who) => Some(who),
                None => self.after_verb(v),
            },
        }
    }

    /// An attribution cue at token `j`, and whether it is Persian.
    fn cue(&self, j: usize) -> Option<(Cue, bool)> {
        let an = self.an;
        let word = an.word(j);
        let prev = |n: usize| j.checked_sub(n).map_or("", |p| an.word(p));
        let cue = match word {
            "گفته" if prev(1) == "به" => (Cue::Strong(j + 1), true),
            "نقل" if prev(1) == "به" && an.word(j + 1) == "از" => (Cue::Strong(j + 2), true),
            "گزارش" if prev(1) == "به" => (Cue::Weak(j + 1), true),
            "وفق" | "ووفق" | "وفقا" | "ووفقا" => (Cue::Strong(j + 1), false),
            "لسان" if prev(1) == "علي" => (Cue::Strong(j + 1), false),
            "قول" | "تعبير" if prev(1) == "حد" && prev(2) == "علي" => (Cue::Strong(j + 1), false),
            "حسب" | "بحسب" | "وبحسب" | "وحسب" => (Cue::Weak(j + 1), false),
            "نقلا" | "ونقلا" if an.word(j + 1) == "عن" => (Cue::Weak(j + 2), false),
            _ => return None,
        };
        Some(cue)
    }

    /// The nearest verb or strong cue before token `a` in its sentence that names someone, and the nearest
    /// report source.
    fn backward(&mut self, a: usize, floor: Option<usize>, cur: usize) -> (Option<Who>, Option<Who>) {
        let an = self.an;
        let lo = floor.unwrap_or(0).max(a.saturating_sub(BACK));
        let mut weak = None;
        let mut j = a;
        while j > lo {
            j -= 1;
            if !an.same_sentence(j, a) {
                break;
            }
            if !an.is_word(j) {
                continue;
            }
            match self.cue(j) {
                Some((Cue::Strong(from), fa)) => {
                    if let Some(who) = self.after(from, fa) {
                        return (Some(who), weak);
                    }
                    continue;
                }
                Some((Cue::Weak(from), fa)) => {
                    if weak.is_none() {
                        weak = self.after(from, fa);
                    }
                    continue;
                }
                None => {}
            }
            if speech_at(self.w, an, j).is_some() {
                if let Some(who) = self.subject(j, Some(cur)) {
                    return (Some(who), weak);
                }
            }
        }
        (None, weak)
    }

    /// The speaker named by the first speech verb or strong cue from token `from` on in the sentence of token
    /// `anchor`, before any colon.
    fn forward(&mut self, from: usize, anchor: usize, cur: usize) -> Option<Who> {
        let an = self.an;
        let mut j = from;
        while j < an.toks.len() && j < from + AHEAD && an.same_sentence(j, anchor) {
            if an.is_free(j) && an.word(j) == ":" {
                return None;
            }
            if let Some((Cue::Strong(at), fa)) = self.cue(j) {
                return self.after(at, fa);
            }
            if let Some((_, v, _, _)) = speech_at(self.w, an, j) {
                if matches!(v, Verb::Say | Verb::Transmit) {
                    return self.subject(j, Some(cur));
                }
            }
            j += 1;
        }
        None
    }

    /// Arabic: the speaker named by a strong cue, or by a speech verb with its subject written after it, within
    /// four tokens after the quotation (`"…" هكذا وصف X`) in the sentence of token `anchor`. A subject before
    /// such a verb, or a verb further on, belongs to another clause.
    fn forward_vso(&mut self, from: usize, anchor: usize) -> Option<Who> {
        let an = self.an;
        let mut j = from;
        while j < an.toks.len() && j < from + 4 && an.same_sentence(j, anchor) {
            if an.is_free(j) && an.word(j) == ":" {
                return None;
            }
            if let Some((Cue::Strong(at), fa)) = self.cue(j) {
                return self.after(at, fa);
            }
            if let Some((_, Verb::Say, _, false)) = speech_at(self.w, an, j) {
                return match self.after_verb(j) {
                    Some(who @ Who::Span(..)) => Some(who),
                    _ => None,
                };
            }
            j += 1;
        }
        None
    }

    /// The speaker of quotation `qi`; `floor` is the first token of a statement containing it.
    pub fn for_quote(&mut self, qi: usize, floor: Option<usize>) -> Option<Who> {
        let an = self.an;
        let (a, b) = (an.qtok.get(qi)?.open, an.qtok.get(qi)?.after);
        let fa = is_fa(an, a);
        // 1. X: «…»
        if let Some(c) = a.checked_sub(1).filter(|&c| an.is_free(c) && an.word(c) == ":") {
            if let Some(intro) = intro(self.w, an, c) {
                match intro.verb {
                    Some(v) => {
                        if let Some(who) = self.subject(v, Some(qi)) {
                            return Some(who);
                        }
                    }
                    None if intro.is_statement() => {
                        let np: Vec<usize> = (intro.start..c).filter(|&k| an.is_word(k)).collect();
                        if let Some(who) = self.who(&np, fa, false) {
                            return Some(who);
                        }
                    }
                    None => {}
                }
            }
        }
        // 2. "…"، قال X
        if !fa {
            let mut k = b;
            if an.is_free(k) && matches!(an.word(k), "،" | "," | "-") {
                k += 1;
            }
            if an.same_sentence(k, a) && !an.break_before(k) {
                // A verb with و/ف after the quotation opens a new sentence part (`"…" وحذره من ...`).
                if let Some((_, Verb::Say, false, false)) = speech_at(self.w, an, k) {
                    if let Some(who @ Who::Span(..)) = self.after_verb(k) {
                        return Some(who);
                    }
                }
            }
        }
        // 3. X … «…» تأکید کرد
        if fa {
            if let Some(who) = self.forward(b, a, qi) {
                return Some(who);
            }
        }
        // 4. The nearest verb or cue before.
        let (found, weak) = self.backward(a, floor, qi);
        if found.is_some() {
            return found;
        }
        // 5. A cue, or a verb with its subject after it, later in the sentence (`"…" وفق X`، `"…" هكذا وصف X`).
        if !fa {
            if let Some(who) = self.forward_vso(b, a) {
                return Some(who);
            }
        }
        // 6. The report's source.
        weak
    }

    /// The speaker of the statement introduced by the colon at token `colon`.
    pub fn for_statement(&mut self, colon: usize) -> Option<Who> {
        let it = intro(self.w, self.an, colon)?;
        if let Some(v) = it.verb {
            return self.subject(v, None);
        }
        let np: Vec<usize> = (it.start..colon).filter(|&k| self.an.is_word(k)).collect();
        self.who(&np, is_fa(self.an, colon), false)
    }
}
