//! Quotation recognizer: QUOTE spans between quotation marks and colon STATEMENTs, each with its speaker; names
//! a newspaper merely puts in quotes become entity candidates instead.
//!
//! The stages, each linear in the text:
//! 1. [`super::quote_marks::scan`] pairs the quotation marks of the normalized text, balanced or not.
//! 2. Names in quotes. A short quoted span (one to four words, letters only) is a name, not a quotation, when
//!    - an entity recognizer that ran before this one proposed exactly that range (register this recognizer
//!      after the entity recognizers: it reads their candidates from `out`);
//!    - an outlet or organisation noun stands at most three words before it (`لشبكة "تليسور"`،
//!      `مرصد الانترنت "نيت بلوكس"`، `خبرگزاری "ایرنا"`): an ORG;
//!    - a title or role is written right after it (`"مایک پنس" معاون ...`، `"ولادیمیر پوتین"، رئیس جمهور ...`):
//!      a PER, at most three words;
//!    - the same words are a name in quotes elsewhere in the document, or the single word is the last word of
//!      a quoted person's name (`"گوایدو"` after `"خوان گوایدو" رئیس ...`).
//!
//!    A quoted span after a colon or a complementizer (`إن`، `أن`، `که`), or starting with a particle, negation,
//!    pronoun or preposition, is never a name.
//!    Such names get no QUOTE, and an entity candidate (score 0.7: the marks delimit the name exactly) unless a
//!    recognizer already proposed the range (then [`crate::resolve`] keeps the name, as it does for any
//!    quotation whose range equals a PER, LOC or ORG candidate).
//!    Quoted words that fit none of these (scare quotes: `"الخونة"`، `"دیکتاتور"`) stay quotations.
//! 3. STATEMENT: `X: text` without marks, where X is a short noun phrase (one to six words) at the start of a
//!    sentence or a clause ending in a speech verb (`... و گفت: ...`); the statement runs to the end of its
//!    sentence. A line break right after the colon (a list or a heading) is not a statement.
//! 4. Speakers ([`super::speakers`]), in text order, so pro-drop continuations take the previous speaker.
//!
//! Only top-level quotations are proposed as QUOTE (a quotation inside a quotation is part of it). QUOTE
//! candidates score 0.9 and STATEMENT 0.6, so a statement that contains a quotation gives way to it.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use super::quote_marks::{scan, Quoted};
use super::speakers::{self, Who};
use super::speech_words::{Info, Words};
use super::{Context, Recognizer};
use crate::lang::Lang;
use crate::span::{Candidate, Label, Speaker};
use crate::tokenize::{Token, TokenKind};

/// Score of a QUOTE candidate.
pub const QUOTE_SCORE: f32 = 0.9;
/// Score of a STATEMENT candidate.
pub const STATEMENT_SCORE: f32 = 0.6;
/// Score of an entity candidate for a name in quotes.
pub const NAME_SCORE: f32 = 0.7;

/// The quotation recognizer (see the module documentation).
pub struct Quotes {
    words: Words,
}

impl Default for Quotes {
    fn default() -> Self {
        Quotes::new()
    }
}

impl Quotes {
    /// Builds the recognizer with its word lists.
    pub fn new() -> Quotes {
        Quotes { words: Words::new() }
    }
}

/// What a token is with respect to the top-level quotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Outside any quotation, or inside a name in quotes.
    Free,
    /// A mark of quotation `n`.
    Mark(u32),
    /// A mark around name `n` in quotes (the name's words are `Free`).
    NameMark(u32),
    /// Inside quotation `n`.
    Inside(u32),
}

/// A name: an entity candidate from another recognizer or a name in quotes, in offsets of the original text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Name {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The quotation it is written in, for a name in quotes.
    pub quote: Option<usize>,
}

/// A statement found by [`find_statements`], in normalized offsets and token indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Statement {
    pub start: usize,
    pub end: usize,
    /// Token index of the colon.
    pub colon: usize,
    /// Token index of the first token of the statement.
    pub first: usize,
}

/// The tokens of a quotation: its opening mark, its first word, the token after its last word, the token after
/// its closing mark.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct QTok {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub after: usize,
}

/// Token indices of every quotation, in one pass (quotations are sorted by opening mark; the walk over each
/// quotation's tokens is bounded by its length times the nesting depth).
fn quote_tokens(toks: &[Token], quotes: &[Quoted]) -> Vec<QTok> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut open = 0;
    for q in quotes {
        while open < toks.len() && toks[open].start < q.open {
            open += 1;
        }
        let mut i = open;
        while i < toks.len() && toks[i].start < q.start {
            i += 1;
        }
        let start = i;
        while i < toks.len() && toks[i].start < q.end {
            i += 1;
        }
        let end = i;
        while i < toks.len() && toks[i].start < q.outer_end() {
            i += 1;
        }
        out.push(QTok { open, start, end, after: i });
    }
    out
}

/// Everything the speaker finder reads about one document.
pub(crate) struct Analysis<'a> {
    pub cx: &'a Context<'a>,
    pub w: &'a Words,
    /// What the word tables say about each token, filled in when first asked.
    info: Vec<Cell<Option<Info>>>,
    /// The normalized text.
    pub t: &'a str,
    pub toks: &'a [Token],
    pub class: Vec<Class>,
    /// Sentence number of each token.
    pub sent: Vec<u32>,
    pub quotes: Vec<Quoted>,
    /// For each quotation: its tokens.
    pub qtok: Vec<QTok>,
    /// For each quotation: the label when it is a name in quotes.
    pub name_label: Vec<Option<Label>>,
    /// Names sorted by start.
    pub names: Vec<Name>,
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{0085}')
}

impl Analysis<'_> {
    /// The normalized text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.t[t.start..t.end])
    }

    /// Token `i` as written in the original text.
    pub fn orig_word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => {
                let (s, e) = self.cx.norm.orig_range(t.start, t.end);
                self.cx.text.get(s..e).unwrap_or("")
            }
            None => "",
        }
    }

    /// What the word tables say about token `i` (computed once).
    pub fn info(&self, i: usize) -> Info {
        let Some(cell) = self.info.get(i) else { return Info::default() };
        if let Some(inf) = cell.get() {
            return inf;
        }
        let mut inf = self.w.info(self.word(i));
        if inf.is_ala() {
            inf = inf.resolve_ala(self.orig_word(i));
        }
        cell.set(Some(inf));
        inf
    }

    /// Whether token `i` exists, lies outside quotations and is a word or number (not punctuation).
    pub fn is_word(&self, i: usize) -> bool {
        self.class.get(i) == Some(&Class::Free) && self.toks[i].kind != TokenKind::Punct
    }

    /// Whether token `i` exists and lies outside quotations (words and punctuation).
    pub fn is_free(&self, i: usize) -> bool {
        self.class.get(i) == Some(&Class::Free)
    }

    /// Whether token `i` is a mark around a name in quotes.
    pub fn is_name_mark(&self, i: usize) -> bool {
        matches!(self.class.get(i), Some(Class::NameMark(_)))
    }

    /// Whether a line break separates token `i - 1` from token `i`.
    pub fn break_before(&self, i: usize) -> bool {
        if i == 0 || i >= self.toks.len() {
            return false;
        }
        self.t[self.toks[i - 1].end..self.toks[i].start].contains(is_break)
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        matches!((self.sent.get(i), self.sent.get(j)), (Some(a), Some(b)) if a == b)
    }

    /// The language of the paragraph at normalized offset `off` (Arabic rules for anything not Persian).
    pub fn lang_at(&self, off: usize) -> Lang {
        self.cx.lang_at(self.cx.norm.orig_start(off))
    }

    /// Whether token `i` ends a sentence.
    pub fn is_sentence_end(&self, i: usize) -> bool {
        let w = self.word(i);
        !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔'))
    }
}

/// The words of a quotation's content when it may be a name: one to four tokens, letters only.
fn name_like(an: &Analysis<'_>, qi: usize) -> Option<(usize, usize)> {
    let (a, b) = (an.qtok[qi].start, an.qtok[qi].end);
    let n = b.saturating_sub(a);
    if !(1..=4).contains(&n) {
        return None;
    }
    an.toks[a..b].iter().all(|t| matches!(t.kind, TokenKind::Word | TokenKind::Latin)).then_some((a, b))
}

/// The matching key of a quoted name: its words separated by single spaces.
fn key(an: &Analysis<'_>, a: usize, b: usize) -> String {
    let mut k = String::new();
    for i in a..b {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(an.word(i));
    }
    k
}

/// Decides which quotations are names (see the module documentation, stage 2).
fn decide_names(w: &Words, an: &Analysis<'_>, known: &HashMap<(usize, usize), Label>) -> Vec<Option<Label>> {
    let mut label: Vec<Option<Label>> = vec![None; an.quotes.len()];
    let mut keys: Vec<Option<String>> = vec![None; an.quotes.len()];
    for (qi, q) in an.quotes.iter().enumerate() {
        let Some((a, b)) = name_like(an, qi) else { continue };
        let first = an.info(a);
        if first.not_name() || first.ar_prep() {
            continue;
        }
        keys[qi] = Some(key(an, a, b));
        if let Some(&l) = known.get(&an.cx.norm.orig_range(q.start, q.end)) {
            label[qi] = Some(l);
            continue;
        }
        let (open_tok, after) = (an.qtok[qi].open, an.qtok[qi].after);
        // Quoted words introduced by a colon or a complementizer are someone's words.
        if open_tok.checked_sub(1).is_some_and(|p| an.word(p) == ":" || an.info(p).ar_stop() || an.word(p) == "كه") {
            continue;
        }
        // An outlet noun at most three words before the opening mark, with nothing but words between.
        let mut j = open_tok;
        for _ in 0..3 {
            let Some(p) = j.checked_sub(1) else { break };
            j = p;
            let inf = an.info(j);
            if an.toks[j].kind != TokenKind::Word || inf.ar_stop() || inf.ar_prep() || inf.fa_stop() || inf.verb.is_some() {
                break;
            }
            if w.outlet(an.word(j)) {
                label[qi] = Some(Label::Org);
                break;
            }
        }
        if label[qi].is_some() || b - a > 3 {
            continue;
        }
        let mut k = after;
        if q.close.is_some() && matches!(an.word(k), "،" | ",") {
            k += 1;
        }
        // A title that is itself the speaker of what follows (`"…" الزعيم: "…"`) does not count.
        let title_after = q.close.is_some()
            && an.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && w.title(an.word(k))
            && an.word(k + 1) != ":";
        if title_after {
            label[qi] = Some(Label::Per);
        }
    }
    // The same words elsewhere, and the last word of a quoted person's name.
    let mut by_key: HashMap<&str, Label> = HashMap::new();
    let mut last_words: HashSet<&str> = HashSet::new();
    for (qi, l) in label.iter().enumerate() {
        if let (Some(l), Some(k)) = (l, keys[qi].as_deref()) {
            by_key.entry(k).or_insert(*l);
            if *l == Label::Per {
                if let Some(last) = k.rsplit(' ').next() {
                    last_words.insert(last);
                }
            }
        }
    }
    let mut out = label.clone();
    for (qi, l) in out.iter_mut().enumerate() {
        if l.is_some() {
            continue;
        }
        if let Some(k) = keys[qi].as_deref() {
            if let Some(&found) = by_key.get(k) {
                *l = Some(found);
            } else if !k.contains(' ') && last_words.contains(k) {
                *l = Some(Label::Per);
            }
        }
    }
    out
}

/// Token classes for the top-level quotations and names in quotes.
fn classify(an: &mut Analysis<'_>) {
    for (qi, q) in an.quotes.iter().enumerate() {
        if q.depth != 0 {
            continue;
        }
        let name = an.name_label[qi].is_some();
        let (a, b) = (an.qtok[qi].open, an.qtok[qi].after);
        for i in a..b {
            let t = an.toks[i];
            let inside = t.start >= q.start && t.end <= q.end;
            an.class[i] = match (inside, name) {
                (true, true) => Class::Free,
                (true, false) => Class::Inside(qi as u32),
                (false, true) => Class::NameMark(qi as u32),
                (false, false) => Class::Mark(qi as u32),
            };
        }
    }
}

/// Sentence numbers: a new sentence after a sentence-ending token outside quotations, after an unclosed
/// quotation that ends one, and after a line break.
fn sentences(an: &mut Analysis<'_>) {
    let mut sid = 0u32;
    for i in 0..an.toks.len() {
        if an.break_before(i) {
            sid += 1;
        }
        an.sent[i] = sid;
        let ends = match an.class[i] {
            Class::Free => an.is_sentence_end(i),
            Class::Inside(q) => {
                let q = &an.quotes[q as usize];
                q.close.is_none() && an.toks[i].end == q.end && an.is_sentence_end(i)
            }
            _ => false,
        };
        if ends {
            sid += 1;
        }
    }
}

/// Finds colon statements (see the module documentation, stage 3).
fn find_statements(w: &Words, an: &Analysis<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    let n = an.toks.len();
    // For each token, the first token from it on that ends a sentence outside quotations, and the first that
    // starts a line (n: none): a statement's end is read off them, not walked to, so a text of colons and no
    // full stops costs linear time.
    let mut next_end = vec![n; n + 1];
    let mut next_break = vec![n; n + 1];
    for k in (0..n).rev() {
        next_end[k] = if an.is_free(k) && an.is_sentence_end(k) { k } else { next_end[k + 1] };
        next_break[k] = if an.break_before(k) { k } else { next_break[k + 1] };
    }
    for i in 0..n {
        if an.word(i) != ":" || !an.is_free(i) {
            continue;
        }
        let t = an.toks[i];
        let before = an.t[..t.start].chars().next_back();
        let after = an.t[t.end..].chars().next();
        if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) || after == Some('/') {
            continue;
        }
        let first = i + 1;
        if first >= an.toks.len() || an.break_before(first) || !(an.is_free(first) || an.is_name_mark(first)) {
            continue;
        }
        let Some(intro) = speakers::intro(w, an, i) else { continue };
        if !intro.is_statement() {
            continue;
        }
        // To the end of the sentence (its final mark included), or of the line.
        let last = (next_end[first] + 1).min(next_break[first + 1]).min(n);
        if let Some(lt) = an.toks.get(last - 1) {
            out.push(Statement { start: an.toks[first].start, end: lt.end, colon: i, first });
        }
    }
    out
}

impl Recognizer for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn propose(&self, cx: &Context<'_>, out: &mut Vec<Candidate>) {
        let t = cx.norm.text.as_str();
        let quotes = scan(t);
        let mut known: HashMap<(usize, usize), Label> = HashMap::new();
        let mut names: Vec<Name> = Vec::new();
        for c in out.iter().filter(|c| c.span.label.is_entity()) {
            known.entry((c.span.start, c.span.end)).or_insert(c.span.label);
            names.push(Name { start: c.span.start, end: c.span.end, label: c.span.label, quote: None });
        }
        let n = cx.tokens.len();
        let mut an = Analysis {
            cx,
            w: &self.words,
            info: vec![Cell::new(None); n],
            t,
            toks: cx.tokens,
            class: vec![Class::Free; n],
            sent: vec![0; n],
            name_label: Vec::new(),
            qtok: quote_tokens(cx.tokens, &quotes),
            quotes,
            names: Vec::new(),
        };
        an.name_label = decide_names(&self.words, &an, &known);
        for (qi, q) in an.quotes.iter().enumerate() {
            if let Some(label) = an.name_label[qi] {
                let (s, e) = cx.norm.orig_range(q.start, q.end);
                names.push(Name { start: s, end: e, label, quote: Some(qi) });
                if !known.contains_key(&cx.norm.orig_range(q.start, q.end)) {
                    out.push(cx.candidate(label, q.start, q.end, NAME_SCORE, "quotes"));
                }
            }
        }
        names.sort_by_key(|n| (n.start, std::cmp::Reverse(n.end)));
        an.names = names;
        classify(&mut an);
        sentences(&mut an);
        let statements = find_statements(&self.words, &an);

        // Quotations and statements in text order, so that "the previous speaker" is well defined.
        #[derive(Clone, Copy)]
        enum Item {
            Quote(usize),
            Statement(usize),
        }
        let mut items: Vec<(usize, Item)> = Vec::new();
        for (qi, q) in an.quotes.iter().enumerate() {
            if q.depth == 0 && an.name_label[qi].is_none() {
                items.push((q.open, Item::Quote(qi)));
            }
        }
        for (si, s) in statements.iter().enumerate() {
            items.push((an.toks[s.colon].start, Item::Statement(si)));
        }
        items.sort_by_key(|(at, _)| *at);
        let mut finder = speakers::Finder::new(&self.words, &an);
        let mut previous: Option<(usize, usize)> = None;
        let mut statement_speaker: Vec<Option<(usize, usize)>> = vec![None; statements.len()];
        for (_, item) in items {
            let (label, start, end, score, who) = match item {
                Item::Quote(qi) => {
                    let q = an.quotes[qi];
                    // Statements are in text order; the one containing the quotation starts last before it.
                    let container = statements
                        .partition_point(|s| s.start <= q.open)
                        .checked_sub(1)
                        .map(|si| (si, statements[si]))
                        .filter(|(_, s)| q.outer_end() <= s.end);
                    let floor = container.map(|(_, s)| s.first);
                    let mut who = finder.for_quote(qi, floor);
                    if who.is_none() {
                        who = container.and_then(|(si, _)| statement_speaker[si]).map(|(s, e)| Who::Span(s, e));
                    }
                    (Label::Quote, q.start, q.end, QUOTE_SCORE, who)
                }
                Item::Statement(si) => {
                    let s = statements[si];
                    let who = finder.for_statement(s.colon);
                    (Label::Statement, s.start, s.end, STATEMENT_SCORE, who)
                }
            };
            let speaker = match who {
                Some(Who::Span(s, e)) => Some((s, e)),
                // Before any speaker, the pronoun or the verb without a subject stands for the last person named
                // shortly before (`رئیسی گفت ... . وی افزود: «…»`).
                Some(Who::Previous) => previous.or_else(|| person_before(&an, cx.norm.orig_start(start))),
                None => None,
            };
            if let Item::Statement(si) = item {
                statement_speaker[si] = speaker;
            }
            if speaker.is_some() {
                previous = speaker;
            }
            let mut c = cx.candidate(label, start, end, score, "quotes");
            if let Some((s, e)) = speaker.filter(|(s, e)| s < e) {
                c.span.speaker = Some(Speaker { start: s, end: e, entity: None });
            }
            out.push(c);
        }
    }
}

/// How far before a quotation, in bytes of the original text, the last person named may end to stand for a
/// pronoun that has no earlier speaker to refer to ([`person_before`]: a sentence or two).
const PRONOUN_WINDOW: usize = 400;

/// The person a pronoun before quotation or statement start `at` (original offset) stands for when no speaker
/// came before: of the sentence that names the last person ending within [`PRONOUN_WINDOW`] before `at`
/// (outside quotations), the first person named, its subject in news prose (`التقى ماكرون بالرئيس بوتين.
/// وأضاف: "…"` is Macron), the longest reading of it.
fn person_before(an: &Analysis<'_>, at: usize) -> Option<(usize, usize)> {
    let names = &an.names;
    let person = |n: &&Name| n.label == Label::Per && n.quote.is_none();
    let sentence = |n: &Name| {
        let i = an.toks.partition_point(|t| t.end <= an.cx.norm.norm_offset(n.start));
        an.sent.get(i).copied()
    };
    let i = names.partition_point(|n| n.start < at);
    let last = names[..i].iter().rev().take(64).filter(person).find(|n| n.end <= at && at - n.end <= PRONOUN_WINDOW)?;
    let sid = sentence(last);
    let j = names.partition_point(|n| n.start < last.start);
    let first = names[..j].iter().rev().take(64).take_while(|n| sentence(n) == sid).filter(person).last().unwrap_or(last);
    // Readings of one name start together; the longest comes first in `names`.
    let k = names.partition_point(|n| n.start < first.start);
    names[k..].iter().take_while(|n| n.start == first.start).find(person).map(|n| (n.start, n.end))
}

#[cfg(test)]
mod tests;
