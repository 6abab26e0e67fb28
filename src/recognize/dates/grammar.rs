//! The date grammar: a left-to-right matcher over the tokens that finds the longest date expression at each
//! position (bounded look-ahead, so linear in the text) and builds its [`Val`].

use super::lexicon::{easter_day, Atom, Count, Pod, Unit, Vocab, EASTER_BASE};
use super::value::{Tod, Val};
use crate::span::Calendar;
use crate::tokenize::{Token, TokenKind};

/// A date expression found in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Start byte offset in the normalized text (after any proclitic).
    pub start: usize,
    /// End byte offset (exclusive) in the normalized text.
    pub end: usize,
    /// Its meaning.
    pub val: Val,
}

/// The Persian unit words (normalized), which take a modifier without the article (`سال گذشته`).
const FA_UNITS: [&str; 4] = ["روز", "هفته", "ماه", "سال"];

/// Words before `جمعه` / `الجمعة` that make it the Friday prayer, not a day.
const PRAYER: [&str; 7] = ["نماز", "صلاة", "صلاه", "خطبة", "خطبه", "خطباء", "سوق"];

/// Letters that may be written attached before a date word (و ف ب ل ك).
const PROCLITIC: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// The matcher for one document.
pub struct Matcher<'a> {
    v: &'a Vocab,
    norm: &'a str,
    toks: &'a [Token],
    /// Whether the text at a normalized offset is Persian.
    fa: &'a dyn Fn(usize) -> bool,
    /// The token whose first bytes are a proclitic being skipped, and how many bytes.
    strip: std::cell::Cell<(usize, usize)>,
    /// The last few results of [`Matcher::word`], by token (the patterns tried at a position read the same
    /// few tokens again and again).
    words: [std::cell::Cell<WordMemo<'a>>; WORD_MEMO],
}

/// Slots of the [`Matcher::word`] memo (a power of two; indexed by token number).
const WORD_MEMO: usize = 8;

/// One memoized [`Matcher::word`] result: token, proclitic bytes skipped on it, readings, next token.
#[derive(Clone, Copy)]
struct WordMemo<'a> {
    p: usize,
    skip: usize,
    atoms: &'a [Atom],
    next: usize,
}

const NO_MEMO: WordMemo<'static> = WordMemo { p: usize::MAX, skip: 0, atoms: &[], next: 0 };

type P = Option<(usize, Val)>;

impl<'a> Matcher<'a> {
    /// A matcher over `toks` of `norm`; `fa(offset)` tells whether a normalized offset is in Persian text.
    pub fn new(v: &'a Vocab, norm: &'a str, toks: &'a [Token], fa: &'a dyn Fn(usize) -> bool) -> Self {
        let words = std::array::from_fn(|_| std::cell::Cell::new(NO_MEMO));
        Matcher { v, norm, toks, fa, strip: std::cell::Cell::new((usize::MAX, 0)), words }
    }

    /// Every date expression, left to right, none overlapping.
    pub fn find_all(&mut self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            // T12:34:20: the ISO 8601 time designator written on a clock time is part of it
            if t.kind == TokenKind::Latin
                && matches!(&self.norm[t.start..t.end], "T" | "t")
                && self.touch(i)
                && self.digits(i + 1).is_some()
                && self.punct(i + 2, &[":"])
            {
                if let Some((end, mut f)) = self.longest_at(i + 1) {
                    if matches!(f.val, Val::Time(Tod::Clock(..))) {
                        f.start = t.start;
                        out.push(f);
                        i = end.max(i + 2);
                        continue;
                    }
                }
            }
            match self.longest_at(i) {
                Some((end, f)) => {
                    out.push(f);
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(&mut self, i: usize) -> Option<(usize, Found)> {
        let t = self.toks[i];
        if t.kind == TokenKind::Latin {
            return None;
        }
        let text = &self.norm[t.start..t.end];
        let mut best: Option<(usize, Found)> = None;
        let mut skip = 0;
        for _ in 0..3 {
            self.strip.set((i, skip));
            // Every pattern starts with a number or a vocabulary word: most tokens stop here.
            let gate = t.kind == TokenKind::Number || !self.word(i).0.is_empty();
            if let Some((end, val)) = if gate { self.expr(i) } else { None } {
                let last = self.toks.get(end.saturating_sub(1)).filter(|_| end > i);
                if let (Some(last), true) = (last, best.as_ref().map_or(true, |(e, _)| end > *e)) {
                    best = Some((end, Found { start: t.start + skip, end: last.end, val }));
                }
            }
            if best.is_some() {
                break;
            }
            // Try again with one more proclitic letter split off (only before letters, never the whole word).
            match text[skip..].chars().next() {
                Some(c) if PROCLITIC.contains(&c) && text.len() - skip > 2 * c.len_utf8() => skip += c.len_utf8(),
                _ => break,
            }
        }
        self.strip.set((usize::MAX, 0));
        best
    }

    // ----- token access -----

    fn text(&self, p: usize) -> &'a str {
        match self.toks.get(p) {
            Some(t) if p == self.strip.get().0 => &self.norm[t.start + self.strip.get().1..t.end],
            Some(t) => &self.norm[t.start..t.end],
            None => "",
        }
    }

    /// The readings of the (possibly multi-word) form starting at token `p`, and the token after it.
    fn word(&self, p: usize) -> (&'a [Atom], usize) {
        let Some(t) = self.toks.get(p) else { return (&[], p) };
        if t.kind == TokenKind::Number {
            return (&[], p);
        }
        let skip = if p == self.strip.get().0 { self.strip.get().1 } else { 0 };
        let slot = &self.words[p % WORD_MEMO];
        let memo = slot.get();
        if memo.p == p && memo.skip == skip {
            return (memo.atoms, memo.next);
        }
        let (atoms, next) = self.lookup_word(p, t.start + skip);
        slot.set(WordMemo { p, skip, atoms, next });
        (atoms, next)
    }

    /// [`Matcher::word`] without the memo; the form at token `p` starts at byte `start`.
    fn lookup_word(&self, p: usize, start: usize) -> (&'a [Atom], usize) {
        let first = self.text(p);
        let n = self.v.phrase_len(first);
        for k in (2..=n).rev() {
            if let Some(last) = self.toks.get(p + k - 1) {
                if let Some(form) = self.norm.get(start..last.end) {
                    let a = self.v.get(form);
                    if !a.is_empty() {
                        return (a, p + k);
                    }
                }
            }
        }
        (self.v.get(first), p + 1)
    }

    fn find<T>(&self, p: usize, f: impl Fn(Atom) -> Option<T>) -> Option<(T, usize)> {
        let (atoms, next) = self.word(p);
        atoms.iter().find_map(|&a| f(a)).map(|x| (x, next))
    }

    fn is(&self, p: usize, want: Atom) -> Option<usize> {
        self.find(p, |a| (a == want).then_some(())).map(|(_, n)| n)
    }

    fn punct(&self, p: usize, set: &[&str]) -> bool {
        self.toks.get(p).is_some_and(|t| t.kind == TokenKind::Punct) && set.contains(&self.text(p))
    }

    /// Whether tokens `p` and `p + 1` touch (no space between).
    fn touch(&self, p: usize) -> bool {
        match (self.toks.get(p), self.toks.get(p + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// A number written in digits at `p` (at most four digits), with its digit count.
    fn digits(&self, p: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(p)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let s = self.text(p);
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok().map(|n| (n, s.len()))
    }

    fn is_fa(&self, p: usize) -> bool {
        self.toks.get(p).is_some_and(|t| (self.fa)(t.start))
    }

    // ----- pieces -----

    /// A day of the month: 1–31 in digits, or an ordinal or cardinal word.
    fn day_num(&self, p: usize) -> Option<(u8, usize)> {
        if let Some((n, len)) = self.digits(p) {
            return (len <= 2 && (1..=31).contains(&n)).then_some((n as u8, p + 1));
        }
        self.find(p, |a| match a {
            Atom::Ord(n) if (1..=31).contains(&n) => Some(n),
            Atom::Card(n) if (1..=31).contains(&n) => Some(n as u8),
            _ => None,
        })
    }

    /// A month name at `p` (with a paired second name `/X` or `(X)` of the same month), accepted in the
    /// paragraph's language. Returns calendar, month, whether context-only, and the next token.
    fn month(&self, p: usize) -> Option<(Calendar, u8, bool, usize)> {
        let (atoms, next) = self.word(p);
        let (cal, m, ctx) = atoms.iter().find_map(|&a| match a {
            Atom::Month { cal, m, ctx } => Some((cal, m, ctx)),
            _ => None,
        })?;
        let form = self.norm.get(
            self.toks[p].start + if p == self.strip.get().0 { self.strip.get().1 } else { 0 }..self.toks[next - 1].end,
        )?;
        // Gregorian and Hijri names are checked against the paragraph's language (جوان is "young" in Persian);
        // Jalali names are Persian words quoted as such in Arabic text too (Iranian news in Arabic).
        if let (Some(fa), false) = (self.v.month_lang(form), cal == Calendar::Jalali) {
            if fa != self.is_fa(p) {
                return None;
            }
        }
        // Paired names: يناير/كانون الثاني, أغسطس (آب)
        let same = |q: usize| {
            let (a, n) = self.word(q);
            a.iter().any(|&x| matches!(x, Atom::Month { cal: c, m: mm, .. } if c == cal && mm == m)).then_some(n)
        };
        if self.punct(next, &["/"]) {
            if let Some(n) = same(next + 1) {
                return Some((cal, m, false, n));
            }
        }
        if self.punct(next, &["("]) {
            if let Some(n) = same(next + 1) {
                if self.punct(n, &[")"]) {
                    return Some((cal, m, false, n + 1));
                }
            }
        }
        Some((cal, m, ctx, next))
    }

    /// A year number for calendar `cal` (or decided here when `None`): four digits, or two digits when
    /// `short_ok`. Then an optional era mark. Returns the year, its calendar, whether an era mark was seen.
    fn year(&self, p: usize, cal: Option<Calendar>, short_ok: bool) -> Option<(i32, Calendar, bool, usize)> {
        let Some((n, len)) = self.digits(p) else {
            return self.year_words(p, cal);
        };
        if self.metres(p + 1) {
            return None;
        }
        let (era, q) = self.era(p + 1);
        let cal = match (cal, era) {
            (Some(c), _) => c,
            (None, Some(e)) => e,
            (None, None) if (1300..1500).contains(&n) => {
                if self.is_fa(p) {
                    Calendar::Jalali
                } else {
                    Calendar::Hijri
                }
            }
            (None, None) => Calendar::Gregorian,
        };
        let y = match len {
            4 => n as i32,
            2 if short_ok || era.is_some() => match cal {
                Calendar::Gregorian => {
                    if n < 50 {
                        2000 + n as i32
                    } else {
                        1900 + n as i32
                    }
                }
                _ => {
                    if n < 50 {
                        1400 + n as i32
                    } else {
                        1300 + n as i32
                    }
                }
            },
            _ => return None,
        };
        let plausible = match cal {
            Calendar::Gregorian => (1000..=2200).contains(&y),
            _ => (1200..=1600).contains(&y),
        };
        plausible.then_some((y, cal, era.is_some(), q))
    }

    /// A year written in words (`ألفين وسبعة عشر`, `تسعة عشر ثمانية وعشرون`): plausible in its calendar, never
    /// the bare `ألف`, then an optional era mark.
    fn year_words(&self, p: usize, cal: Option<Calendar>) -> Option<(i32, Calendar, bool, usize)> {
        let (n, q, multi) = self.num_words(p)?;
        let (era, q) = self.era(q);
        let cal = cal.or(era).unwrap_or(Calendar::Gregorian);
        let plausible = match cal {
            Calendar::Gregorian => (1000..=2200).contains(&n) && (multi || n != 1000),
            _ => (1200..=1600).contains(&n),
        };
        plausible.then_some((n as i32, cal, era.is_some(), q))
    }

    /// Whether `م` at `p` is metres (`1000 م مربع`, `2000 م مكعب`), not the Christian era, so the number before
    /// it is no year.
    fn metres(&self, p: usize) -> bool {
        self.text(p) == "م" && matches!(self.text(p + 1), "مربع" | "مكعب")
    }

    /// An era mark (`هـ`, `ه.ق`, `ش`, `م`, `میلادی`) at `p`.
    fn era(&self, p: usize) -> (Option<Calendar>, usize) {
        // ه.ق / ه.ش / هـ.ق (tokens ه . ق)
        if self.text(p) == "ه" && self.punct(p + 1, &["."]) && self.touch(p) {
            let c = match self.text(p + 2) {
                "ق" => Some(Calendar::Hijri),
                "ش" => Some(Calendar::Jalali),
                _ => None,
            };
            if let Some(c) = c {
                let q = if self.punct(p + 3, &["."]) && self.touch(p + 2) { p + 4 } else { p + 3 };
                return (Some(c), q);
            }
        }
        match self.find(p, |a| if let Atom::Era(c) = a { Some(c) } else { None }) {
            Some(_) if self.metres(p) => (None, p),
            Some((c, q)) => (Some(c), if self.punct(q, &["."]) && self.touch(q - 1) { q + 1 } else { q }),
            None => (None, p),
        }
    }

    /// An optional year after a day and month: `[،] [عام|سال] YYYY [era]`.
    fn opt_year(&self, p: usize, cal: Calendar, short_ok: bool) -> Option<(i32, usize)> {
        let mut q = p;
        if self.punct(q, &["،", ","]) {
            q += 1;
        }
        // 12 يناير من عام 2016, سبتمبر الحادي والعشرين من ألف وتسعمائة
        if let Some(n) = self.is(q, Atom::Of) {
            q = n;
        }
        if let Some(n) = self.is(q, Atom::YearCue) {
            q = n;
        } else if matches!(self.text(q), "لعام" | "لسنة") {
            q += 1;
        }
        self.year(q, Some(cal), short_ok).map(|(y, _, _, n)| (y, n))
    }

    /// A clock time: `[الساعة|ساعت]* (H:MM[:SS] | H [و M دقيقة [و S ثانية]] | ordinal) [إلا minutes]
    /// [part of day] [و minutes]`. Without an hour word, needs the colon form, minutes counted back from the
    /// hour, or a part of day after it.
    fn clock(&self, p: usize) -> Option<(Tod, usize)> {
        self.clock_at(p, false)
    }

    /// [`Matcher::clock`]; `hour_ok` when the words before make an hour of a bare ordinal or number
    /// (`ثلاث دقائق قبل الثامنة`).
    fn clock_at(&self, p: usize, hour_ok: bool) -> Option<(Tod, usize)> {
        let mut q = p;
        let mut cue = hour_ok;
        // a part of the day first (بعد الظهر الساعة 7, مساء 7:30, في الليل الخامسة والنصف): only before the hour
        // word, a colon time or an hour written as a word, never a bare number (مساء 7 أكتوبر is a date)
        let pod_of = |a| match a {
            Atom::PodAdv(p) | Atom::Pod(p) => Some(p),
            _ => None,
        };
        let lead = self.find(q, pod_of);
        if let Some((_, n)) = lead {
            q = n;
        }
        // (at most two hour words: a run of them is no time, and walking it from each of its words was quadratic)
        for _ in 0..2 {
            let Some(n) = self.is(q, Atom::Hour) else { break };
            q = n;
            cue = true;
        }
        let worded = self.digits(q).is_none() || cue || self.punct(q + 1, &[":"]);
        // (مساء 7 أكتوبر is a date; مساء 7. a time)
        let ends = self.toks.get(q + 1).map_or(true, |t| t.kind == TokenKind::Punct && self.text(q + 1) != "/");
        // (ص7 is a page: a one-letter part of the day never leads a bare number)
        let short_lead = p < q && self.text(p).chars().count() < 2;
        if lead.is_some() && !worded && (!ends || short_lead) {
            return None;
        }
        let (mut mi, mut s, mut colon) = (0u32, None, false);
        let mut needs_pod = false;
        let mut h;
        if let Some((hh, len)) = self.digits(q) {
            if len > 2 {
                // 1140 صباحا, 340 مساء: hours and minutes run together before a part of the day
                // (300 م is a year of the era, so the part of the day is written in full)
                let pod_next = self.find(q + 1, |a| matches!(a, Atom::PodAdv(_)).then_some(())).is_some()
                    && self.text(q + 1).chars().count() > 1;
                if !(pod_next && (1..=12).contains(&(hh / 100)) && hh % 100 < 60) {
                    return None;
                }
                h = hh / 100;
                mi = hh % 100;
                colon = true;
            } else {
                h = hh;
            }
            q += 1;
            if self.punct(q, &[":"]) && self.touch(q - 1) && self.touch(q) {
                let (mm, _) = self.digits(q + 1)?;
                mi = mm;
                q += 2;
                colon = true;
                if self.punct(q, &[":"]) && self.touch(q - 1) && self.touch(q) {
                    if let Some((ss, _)) = self.digits(q + 1) {
                        s = Some(ss);
                        q += 2;
                    }
                }
            }
        } else if let Some(((n, card), nq)) = {
            let reading = |atoms: &[Atom]| {
                atoms.iter().find_map(|&a| match a {
                    // (أول is first, never an hour: أول الليل)
                    Atom::Ord(n) if n <= 12 && !matches!(self.text(q), "اول" | "الاول") => Some((u32::from(n), false)),
                    Atom::Card(n) if n <= 12 => Some((u32::from(n), true)),
                    _ => None,
                })
            };
            let (atoms, next) = self.word(q);
            // خمسة وثلاثين مساء: the hour, not the number 35 the two words also make
            reading(atoms)
                .map(|r| (r, next))
                .or_else(|| {
                    (next > q + 1)
                        .then(|| reading(self.v.get(self.text(q))).filter(|&(_, card)| card).map(|r| (r, q + 1)))
                        .flatten()
                })
        } {
            // a cardinal is an hour after الساعة or before a part of the day (خمسة مساء, خمسة عشر وثلاثين
            // مساء: checked once the minutes are read), never a word of a longer number
            let in_number = q > 0 && self.find(q - 1, |a| matches!(a, Atom::Card(_)).then_some(())).is_some();
            if card && !cue && in_number {
                return None;
            }
            needs_pod = card && !cue;
            // خمسة عشر: a cardinal hour of the afternoon said in two words
            let (n, nq) = match self.card_word(q, false) {
                Some((t, e)) if card && needs_pod && (13..24).contains(&t) => (t, e),
                _ => (n, nq),
            };
            // الدقيقة الثالثة والخمسين, بالذكرى الخامسة والثلاثين: an ordinal after a definite noun is its adjective
            if !card && !cue && lead.is_none() && q > 0 {
                let prev = self.text(q - 1);
                let definite = ["ال", "بال", "وال", "لل", "فال"].iter().any(|a| prev.starts_with(a));
                if definite && self.word(q - 1).0.is_empty() && self.toks[q - 1].kind == TokenKind::Word {
                    return None;
                }
            }
            h = n;
            q = nq;
        } else if let Some((n, _)) = self.find(q, |a| if let Atom::BareHour(h) = a { Some(u32::from(h)) } else { None }) {
            // ثامنة والربع, خامسة إلا ربع: an hour without the article, only before its minutes
            let minutes_next = self.find(q + 1, |a| matches!(a, Atom::MinutesWord(_)).then_some(())).is_some()
                || self.text(q + 1) == "الا";
            if !minutes_next {
                return None;
            }
            h = n;
            q += 1;
        } else {
            return None;
        }
        // و 15 دقيقة [و 47 ثانية] | والنصف
        if !colon {
            if let Some(n) = self.is(q, Atom::And) {
                if let Some((mm, _)) = self.digits(n) {
                    if let Some(n2) = self.is(n + 1, Atom::Minute) {
                        mi = mm;
                        q = n2;
                        if let Some(n3) = self.is(q, Atom::And) {
                            if let Some((ss, _)) = self.digits(n3) {
                                if let Some(n4) = self.is(n3 + 1, Atom::Second) {
                                    s = Some(ss);
                                    q = n4;
                                }
                            }
                        }
                    }
                }
            }
            if let Some((mm, n)) = self.find(q, |a| if let Atom::MinutesWord(m) = a { Some(m) } else { None }) {
                mi = u32::from(mm);
                q = n;
                cue = true;
            } else if let Some((mm, n)) = self.card_word(q, false).filter(|&(m, _)| needs_pod && (10..60).contains(&m)) {
                // خمسة عشر خمسة عشر مساء: the minutes said as a second number (a part of the day must follow)
                mi = mm;
                q = n;
            } else if let Some(rest) = self.text(q).strip_prefix('و') {
                // السابعة وثلاثين, الثامنة وعشرين دقيقة, السابعة وخمسة وثلاثين
                if let Some(&Atom::Card(n)) = self.v.get(rest).iter().find(|a| matches!(a, Atom::Card(_))) {
                    if n < 60 {
                        mi = u32::from(n);
                        q += 1;
                        if mi < 10 {
                            if let Some((tens, e)) =
                                self.card_word(q, true).filter(|&(t, _)| (20..60).contains(&t) && t % 10 == 0)
                            {
                                if self.text(q).starts_with('و') {
                                    mi += tens;
                                    q = e;
                                }
                            }
                        }
                        if let Some(n2) = self.is(q, Atom::Minute) {
                            q = n2;
                        }
                        cue = true;
                    }
                }
            }
        }
        // so many minutes before the hour: الثامنة إلا ربع, الخامسة والنصف إلا ثلاث دقائق, 8 إلا 20 دقيقة
        if self.text(q) == "الا" {
            if let Some((back, n)) = self.minutes_word_count(q + 1) {
                let at = (h * 60 + mi + 24 * 60 - back) % (24 * 60);
                (h, mi) = (at / 60, at % 60);
                q = n;
                cue = true;
                needs_pod = false;
            }
        }
        // after the time, or with في: الخامسة وثلاثين في الليل, 7:56:35 في الصباح
        let pod = self.find(q, pod_of).or_else(|| {
            let n = self.is(q, Atom::YearPrep).filter(|_| self.text(q) == "في")?;
            self.find(n, pod_of)
        });
        if needs_pod {
            // (قتل خمسة مساء أمس: the evening of a day, and the number counts what was before it)
            let (_, n) = pod?;
            if self.find(n, |a| matches!(a, Atom::RelDay(_) | Atom::Weekday(_)).then_some(())).is_some() {
                return None;
            }
        }
        if let Some((_, n)) = pod {
            q = n;
            // الساعة 11 صباحا وقت الغداء
            if let Some((_, n2)) = self.find(q, |a| matches!(a, Atom::PodAdv(Pod::Mi)).then_some(())) {
                q = n2;
            }
            // التاسعة مساء وثلاثة أرباع: the fraction of the hour after the part of the day
            if mi == 0 && !colon {
                if let Some((mm, n2)) = self.find(q, |a| if let Atom::MinutesWord(m) = a { Some(m) } else { None }) {
                    mi = u32::from(mm);
                    q = n2;
                }
            }
        }
        // 12 منتصف الليل, 1:00 منتصف الليل
        let mut midnight = false;
        if pod.is_none() {
            if let Some((0, n)) = self.find(q, |a| if let Atom::FixedTime(h) = a { Some(h) } else { None }) {
                q = n;
                midnight = true;
                cue = true;
            }
        }
        if midnight && h == 12 {
            h = 0;
        }
        let pod = pod.or(lead);
        if !(cue || colon || pod.is_some()) || h > 24 || mi > 59 || s.is_some_and(|s| s > 59) {
            return None;
        }
        if let Some((pod, _)) = pod {
            h = match pod {
                Pod::Mo | Pod::Ni if h == 12 => 0,
                Pod::Af | Pod::Ev if h < 12 => h + 12,
                Pod::Ni if (6..12).contains(&h) => h + 12,
                Pod::Mi if h < 11 => h + 12,
                _ => h,
            };
        }
        Some((Tod::Clock(h.min(24) as u8, mi as u8, s.map(|s| s as u8)), q))
    }

    /// Minutes counted back from an hour, after `إلا` or before `قبل`: `ربع` (15), `ثلث` (20), `N دقيقة`,
    /// `ثلاث دقائق`, `عشر دقائق`, `دقيقتين`: the count and the next token.
    fn minutes_word_count(&self, p: usize) -> Option<(u32, usize)> {
        match self.text(p) {
            "ربع" | "ربعا" => return Some((15, p + 1)),
            "ثلث" | "ثلثا" => return Some((20, p + 1)),
            "دقيقتين" | "دقيقتان" => return Some((2, p + 1)),
            _ => {}
        }
        let (n, q) = match self.digits(p) {
            Some((n, len)) if len <= 2 => (n, p + 1),
            Some(_) => return None,
            None => self.card_word(p, false)?,
        };
        let e = self.is(q, Atom::Minute)?;
        (1..60).contains(&n).then_some((n, e))
    }

    /// `ثلاث دقائق قبل الثامنة`, `عشر دقائق حتى الخامسة والنصف`: so many minutes before a clock time (an
    /// ordinal or a number is an hour here).
    fn minutes_before(&self, p: usize) -> P {
        // a count of minutes first (digits or a number word before دقيقة / دقائق): most tokens stop here
        let after_count = match self.digits(p) {
            Some((_, len)) if len <= 2 => p + 1,
            Some(_) => return None,
            None => self.card_word(p, false)?.1,
        };
        self.is(after_count, Atom::Minute)?;
        let (back, q) = self.minutes_word_count(p)?;
        if !matches!(self.text(q), "قبل" | "حتي" | "الا") {
            return None;
        }
        let (t, e) = self.clock_at(q + 1, true)?;
        let Tod::Clock(h, m, _) = t else { return None };
        let at = (u32::from(h) * 60 + u32::from(m) + 24 * 60 - back) % (24 * 60);
        Some((e, Val::Time(Tod::Clock((at / 60) as u8, (at % 60) as u8, None))))
    }

    /// An hour without a cue at the start of a range (`من 5 إلى 6 مساء`, `بين الخامسة والسادسة بعد الظهر`):
    /// a clock time only when the range's other end is one.
    fn bare_hour(&self, p: usize, words: bool) -> P {
        let (h, n) = match self.digits(p) {
            Some((h, len)) if len <= 2 => (h, p + 1),
            Some(_) => return None,
            None if words => self.find(p, |a| match a {
                Atom::Ord(n) if n <= 12 => Some(u32::from(n)),
                Atom::Card(n) if n <= 12 => Some(u32::from(n)),
                _ => None,
            })?,
            None => return None,
        };
        (h <= 12).then_some((n, Val::Time(Tod::Clock(h as u8, 0, None))))
    }

    /// An optional time after a day: `[،|,|في|در]? clock` or a part of day adverb.
    fn opt_time(&self, p: usize) -> (Tod, usize) {
        let mut q = p;
        if self.punct(q, &["،", ","]) {
            q += 1;
        }
        if let Some((t, n)) = self.clock(q) {
            return (t, n);
        }
        if let Some((pod, n)) = self.find(p, |a| match a {
            Atom::PodAdv(pod) => Some(pod),
            Atom::Pod(pod) if self.is_fa(p) => Some(pod),
            _ => None,
        }) {
            return (Tod::Pod(pod), n);
        }
        (Tod::None, p)
    }

    // ----- expressions -----

    /// The longest expression at `p`: a simple one, or two joined into a range (`من X إلى Y`, `X حتى Y`,
    /// `بين X و Y`).
    fn expr(&self, p: usize) -> P {
        let whole = self.expr_core(p);
        // مطلع الشهر الجاري, أواخر العام الماضي, منتصف مارس, اوایل سال ۱۴۰۲: the part keeps the whole's value
        // and with the week, month or year alone, the current one (نهاية الأسبوع، بقية العام، عطلة نهاية الأسبوع)
        let part = self.is(p, Atom::Part).and_then(|n| {
            self.expr_core(n).or_else(|| {
                self.find(n, |a| match a {
                    Atom::Unit(unit @ (Unit::W | Unit::M | Unit::Y), Count::Def) => Some(unit),
                    _ => None,
                })
                .map(|(unit, e)| (e, Val::Rel { n: 0, unit, t: Tod::None }))
            })
        });
        // نهاية الأسبوع, عطلة نهاية الأسبوع المقبل: the end of a week is its weekend; بقية العام, باقي هذا
        // الأسبوع: the rest of the current week, month or year, from the reference on
        let part = match part {
            Some((e, Val::Rel { n, unit: Unit::W, .. })) if matches!(self.text(p), "نهاية" | "عطلة") => {
                Some((e, Val::Weekend { week: n }))
            }
            Some((e, Val::Rel { n: 0, unit: unit @ (Unit::W | Unit::M | Unit::Y), .. }))
                if matches!(self.text(p), "بقية" | "باقي") =>
            {
                Some((e, Val::Rest(unit)))
            }
            x => x,
        };
        match (whole, part) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    fn expr_core(&self, p: usize) -> P {
        let simple = self.simple(p);
        // (از is Persian: in Arabic text it is the end of فاز)
        let from = self.is(p, Atom::From).filter(|_| self.is_fa(p) || self.text(p) != "از");
        let first_simple = match from {
            Some(n) => self.simple(n),
            None => simple.clone(),
        };
        let first = match from {
            Some(n) => first_simple.clone().or_else(|| self.bare_hour(n, true)),
            // 4-5 مساء: a bare hour when the other end is a clock time
            None => simple.clone().or_else(|| self.bare_hour(p, false)),
        };
        let mut joined: P = None;
        if let Some((e1, v1)) = first {
            let to = self.is(e1, Atom::To).or_else(|| if from.is_some() { self.is(e1, Atom::And) } else { None });
            let second = match to {
                Some(t) => self.simple(t).or_else(|| {
                    // من 1:30 إلى 3: a bare hour after a clock time (not after a bare hour: 2-1 is a score)
                    if matches!(v1, Val::Time(Tod::Clock(..))) && first_simple.is_some() {
                        self.bare_hour(t, true).filter(|&(e, _)| {
                            !(self.toks.get(e).is_some_and(|t| t.kind == TokenKind::Word) && self.word(e).0.is_empty())
                        })
                    } else {
                        None
                    }
                }),
                // بين الخامسة والسادسة, بين الأربعاء والجمعة: the conjunction written on the second end
                None if from.is_some() => self.after_and(e1, |q| self.simple(q)),
                None => None,
            };
            if let Some((e2, v2)) = second {
                let bare_first = simple.is_none() && from.is_none();
                let ok = match (&v1, &v2) {
                    // (سبع سنوات حتى عام 1959: a duration is no end of a range)
                    (Val::Duration { .. } | Val::Compound { .. }, _)
                    | (_, Val::Duration { .. } | Val::Compound { .. }) => false,
                    (Val::Time(_), Val::Time(Tod::Clock(..))) => true,
                    (Val::Time(_), _) | (_, Val::Time(_)) => false,
                    _ => !bare_first,
                };
                if ok {
                    let (v1, v2) = align_clocks(v1, v2, self.has_pod(p, e1), self.has_pod(e1, e2));
                    joined = Some((e2, Val::Range(Box::new(v1), Box::new(v2))));
                } else if let (Val::Time(c1 @ Tod::Clock(..)), Some((day, c2)), true) =
                    (&v1, split_clock(&v2), first_simple.is_some())
                {
                    // بين الساعة 4 مساء و 5 مساء اليوم: the day written after the second time is the first's too
                    // (a clock time first, not a bare number: 4 - 1 مساء السبت is a score)
                    let (a, b) = align_clocks(Val::Time(*c1), Val::Time(c2), self.has_pod(p, e1), self.has_pod(e1, e2));
                    if let (Val::Time(t1), Val::Time(t2)) = (a, b) {
                        if let (Some(d1), Some(d2)) = (with_time(day.clone(), t1), with_time(day, t2)) {
                            joined = Some((e2, Val::Range(Box::new(d1), Box::new(d2))));
                        }
                    }
                }
            }
        }
        match (simple, joined) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The longest single expression at `p` (on a tie, the first pattern listed).
    fn simple(&self, p: usize) -> P {
        let cands = [
            self.range(p),
            self.date_dm(p),
            self.numeric(p),
            self.month_expr(p),
            self.weekday(p),
            self.relative(p),
            self.year_expr(p),
            self.holiday(p),
            self.time_expr(p),
            self.minutes_before(p),
            self.season(p),
            self.week_weekday(p),
            self.duration(p),
            self.fixed_time(p),
            self.day_part(p),
            self.nth_weekday(p),
            self.rel_month_day(p),
            self.week_of(p),
            self.bare_day(p),
            self.hour_word(p),
            self.numeric_short(p),
            self.nth_period(p),
            self.decade(p),
        ];
        cands.into_iter().flatten().fold(None, |best: P, c| match best {
            Some(b) if b.0 >= c.0 => Some(b),
            _ => Some(c),
        })
    }

    /// `[weekday [،]] [يوم|روز] day [من] month [year] [time]`.
    fn date_dm(&self, p: usize) -> P {
        let mut q = p;
        if let Some(n) = self.is(q, Atom::DayCue) {
            q = n;
        }
        let wd = self.find(q, |a| if let Atom::Weekday(w) = a { Some(w) } else { None });
        if let Some((_, n)) = wd {
            q = n;
            if self.punct(q, &["،", ","]) {
                q += 1;
            }
        }
        let (d, n) = self.day_num(q)?;
        q = n;
        if let Some(n) = self.is(q, Atom::Of) {
            // الثالث من سبتمبر, الثالث من شهر سبتمبر
            let n2 = self.is(n, Atom::MonthCue).filter(|&c| self.month(c).is_some()).unwrap_or(n);
            if self.month(n2).is_some() {
                q = n2;
            }
        } else if self.punct(q, &["-", ".", "/"]) && self.touch(q - 1) && self.month(q + 1).is_some() {
            // 28-نوفمبر, 2. أكتوبر
            q += 1;
        }
        let (cal, m, _, n) = self.month(q)?;
        q = n;
        if self.punct(q, &["."]) && self.touch(q - 1) && self.digits(q + 1).is_some() {
            q += 1;
        }
        if let Some(n) = self.is(q, Atom::MonthCue) {
            q = n;
        }
        let short = cal == Calendar::Jalali;
        let y = self.opt_year(q, cal, short);
        let mut dir = 0;
        if let Some((_, n)) = y {
            q = n;
        } else if let Some((d, n)) = self.find(q, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
            dir = d;
            q = n;
        } else if let Some((_, n)) = self.find(q, |a| match a {
            Atom::Unit(Unit::Y, Count::Def) => Some(()),
            Atom::Unit(Unit::Y, Count::One) if self.is_fa(q) => Some(()),
            _ => None,
        }) {
            if let Some((d, n2)) = self.find(n, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
                dir = REL_YEAR + d;
                q = n2;
            }
        }
        let (t, n) = self.opt_time(q);
        q = n;
        let y = y.map(|(y, _)| y);
        if let Some(y) = y {
            if cal != Calendar::Hijri && super::calendars::month_len(cal, y, m).is_some_and(|len| d > len) {
                return None;
            }
        } else if d > 31 || (cal == Calendar::Gregorian && d > crate::days_in_month(2000, m)) {
            return None;
        }
        Some((q, Val::Date { cal, y, m: Some(m), d: Some(d), dir, t }))
    }

    /// `D/M/YYYY`, `YYYY/MM/DD`, `D-M-YYYY`, `D.M.YYYY` written without spaces, optionally with an era mark
    /// and a time.
    fn numeric(&self, p: usize) -> P {
        let (a, la) = self.digits(p)?;
        let sep = self.text(p + 1);
        // 25/7/2011, or with spaces around both slashes and a four-digit year (25 / 7 / 2011)
        let spaced = !self.touch(p) && !self.touch(p + 1);
        if !["/", "-", "."].contains(&sep) || !(spaced && sep == "/" || self.touch(p) && self.touch(p + 1)) {
            return None;
        }
        let (b, lb) = self.digits(p + 2)?;
        let apart = !self.touch(p + 2) && !self.touch(p + 3);
        if self.text(p + 3) != sep || !(if spaced { apart } else { self.touch(p + 2) && self.touch(p + 3) }) {
            return None;
        }
        let (c, lc) = self.digits(p + 4)?;
        if lb > 2 || spaced && !(la == 4 && lc <= 2 || lc == 4 && la <= 2) {
            return None;
        }
        let (y_at, d, ylen) = if la == 4 && lc <= 2 {
            (p, c, la)
        } else if lc == 4 || lc == 2 {
            (p + 4, a, lc)
        } else {
            return None;
        };
        if (y_at == p && lc > 2) || (y_at != p && la > 2) {
            return None;
        }
        let (era, after_era) = self.era(p + 5);
        let yraw = if y_at == p { a } else { c };
        let cal = match era {
            Some(e) => e,
            None if (1300..1500).contains(&yraw) && ylen == 4 => {
                if self.is_fa(p) {
                    Calendar::Jalali
                } else {
                    Calendar::Hijri
                }
            }
            // a two-digit year when the day or a zero-padded part shows the form is a date (18-9-15, 16/04/21)
            None if ylen == 2 => {
                let padded =
                    [p, p + 2, p + 4].iter().any(|&i| self.text(i).len() == 2 && self.text(i).starts_with('0'));
                if sep == "." || !(a > 12 || b > 12 || padded) || la > 2 {
                    return None;
                }
                Calendar::Gregorian
            }
            None => Calendar::Gregorian,
        };
        let y = if ylen == 4 {
            yraw as i32
        } else if cal == Calendar::Gregorian {
            if yraw < 50 {
                2000 + yraw as i32
            } else {
                1900 + yraw as i32
            }
        } else if yraw < 50 {
            1400 + yraw as i32
        } else {
            1300 + yraw as i32
        };
        // day first, as Arabic writes it, unless the second part is the day (9-18-15)
        let (m, d) = if y_at != p && b > 12 && a <= 12 { (a, b) } else { (b, d) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let (m, d) = (m as u8, d as u8);
        let ok = match cal {
            Calendar::Gregorian => super::calendars::valid_gregorian(y, m, d) && (1000..=2200).contains(&y),
            Calendar::Jalali => super::calendars::jalali_to_gregorian(y, m, d).is_some(),
            Calendar::Hijri => super::calendars::hijri_to_gregorian(y, m, d).is_some(),
        };
        if !ok {
            return None;
        }
        let q = if era.is_some() { after_era } else { p + 5 };
        let (t, q) = self.opt_time(q);
        Some((q, Val::Date { cal, y: Some(y), m: Some(m), d: Some(d), dir: 0, t }))
    }

    /// `[هذا] [شهر|ماه] month [ماه] (day [year] | [عام|سال] year | modifier)?`; a context-only name needs a
    /// cue, a day or the year.
    fn month_expr(&self, p: usize) -> P {
        // الاثنين، يناير الثاني والعشرين، 2018; يوم الأحد يناير الحادي والعشرين
        let w = self.is(p, Atom::DayCue).unwrap_or(p);
        if let Some((_, n)) = self.find(w, |a| if let Atom::Weekday(w) = a { Some(w) } else { None }) {
            let n = if self.punct(n, &["،", ","]) { n + 1 } else { n };
            return match self.month_core(n) {
                Some((e, v @ Val::Date { d: Some(_), .. })) => Some((e, v)),
                _ => None,
            };
        }
        self.month_core(p)
    }

    fn month_core(&self, p: usize) -> P {
        let mut q = p;
        let this = self.is(q, Atom::This);
        if let Some(n) = this {
            q = n;
        }
        let cue = self.is(q, Atom::MonthCue).or(this);
        if let Some(n) = cue {
            q = n;
        }
        let (cal, m, ctx, n) = self.month(q)?;
        q = n;
        // a context-only Arabic name right after a preposition is the month (في مارس، خلال آب، في رجب); not in
        // Persian, where those forms are common words (مه، می)
        let prep = p > 0 && !self.is_fa(p) && self.is(p - 1, Atom::YearPrep).is_some();
        let mut cued = cue.is_some() || prep;
        if let Some(n) = self.is(q, Atom::MonthCue) {
            q = n;
            cued = true;
        }
        // a two-digit Jalali year only after an unambiguous month name (به میزان 80 درصد is no date)
        if let Some((y, n)) = self.opt_year(q, cal, cal == Calendar::Jalali && !ctx) {
            return Some((n, Val::Date { cal, y: Some(y), m: Some(m), d: None, dir: 0, t: Tod::None }));
        }
        // رمضان 2019: a Hijri month in a Gregorian year, the one that begins in it
        if cal == Calendar::Hijri {
            if let Some((gy, n)) = self.opt_year(q, Calendar::Gregorian, false) {
                let y = super::calendars::hijri_year_of_month_in(gy, m);
                return Some((n, Val::Date { cal, y, m: Some(m), d: None, dir: 0, t: Tod::None }));
            }
        }
        // Month before a range of its days: نوفمبر بين 15 و 19, شهر نوفمبر بين 19 و 20
        if (!ctx || cued) && self.text(q) == "بين" {
            let days = self.day_num(q + 1).and_then(|(d1, n)| {
                let (d2, e) = match self.is(n, Atom::And) {
                    Some(a) => self.day_num(a)?,
                    None => {
                        let (e, v) =
                            self.after_and(n, |a| self.day_num(a).map(|(d, e)| (e, Val::RelMonthDay { n: 0, d })))?;
                        let Val::RelMonthDay { d, .. } = v else { return None };
                        (d, e)
                    }
                };
                (d1 < d2).then_some((d1, d2, e))
            });
            if let Some((d1, d2, e)) = days {
                let day = |d| Val::Date { cal, y: None, m: Some(m), d: Some(d), dir: 0, t: Tod::None };
                return Some((e, Val::Range(Box::new(day(d1)), Box::new(day(d2)))));
            }
        }
        // Month before the day: يناير 1, مايو الحادي عشر, يناير-1 (the day not followed by a word it counts)
        if this.is_none() && !ctx && !self.is_fa(p) {
            let mut r = q;
            if self.punct(r, &["-"]) && self.touch(r - 1) {
                r += 1;
            }
            if let Some((d, n)) = self.day_num(r) {
                let counts_noun =
                    self.toks.get(n).is_some_and(|t| t.kind == TokenKind::Word) && self.word(n).0.is_empty();
                if !counts_noun && cal != Calendar::Hijri {
                    let mut e = n;
                    let y = self.opt_year(e, cal, false);
                    if let Some((_, n2)) = y {
                        e = n2;
                    }
                    let y = y.map(|(y, _)| y);
                    return Some((e, Val::Date { cal, y, m: Some(m), d: Some(d), dir: 0, t: Tod::None }));
                }
            }
        }
        if let Some((_, n)) = self.find(q, |a| match a {
            Atom::Unit(Unit::Y, Count::Def) => Some(()),
            Atom::Unit(Unit::Y, Count::One) if self.is_fa(q) => Some(()),
            _ => None,
        }) {
            if let Some((d, n2)) = self.find(n, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
                if !ctx || cued {
                    return Some((
                        n2,
                        Val::Date { cal, y: None, m: Some(m), d: None, dir: REL_YEAR + d, t: Tod::None },
                    ));
                }
            }
        }
        let dir = self.find(q, |a| if let Atom::Mod(d) = a { Some(d) } else { None });
        if let Some((dir, n)) = dir {
            if !ctx || cued {
                return Some((n, Val::Date { cal, y: None, m: Some(m), d: None, dir, t: Tod::None }));
            }
        }
        if ctx && !cued {
            return None;
        }
        Some((q, Val::Date { cal, y: None, m: Some(m), d: None, dir: 0, t: Tod::None }))
    }

    /// `[part of day] [هذا] [يوم|روز] weekday [modifier] [part of day | time]`.
    fn weekday(&self, p: usize) -> P {
        let mut q = p;
        let mut t = Tod::None;
        if let Some((pod, n)) = self.find(q, |a| if let Atom::Pod(p) = a { Some(p) } else { None }) {
            t = Tod::Pod(pod);
            q = n;
        }
        let this = self.is(q, Atom::This);
        if let Some(n) = this {
            q = n;
        }
        if let Some(n) = self.is(q, Atom::DayCue) {
            q = n;
        }
        let (wd, n) = self.find(q, |a| if let Atom::Weekday(w) = a { Some(w) } else { None })?;
        if this.is_some() {
            // هذا يوم الجمعة, این جمعه: the one of this week
            return Some((n, Val::WeekdayOfWeek { wd, week: 0, t }));
        }
        // نماز جمعه, صلاة الجمعة: the Friday prayer; سوق الخميس: a market's name
        if q > 0 && (wd == 5 || self.text(q - 1) == "سوق") && PRAYER.contains(&self.text(q - 1)) {
            return None;
        }
        // "الاثنين" is also "the two": not after بين / كلا
        if wd == 1 && q == p && p > 0 && matches!(self.text(p - 1), "بين" | "كلا" | "هذين") {
            return None;
        }
        q = n;
        let mut dir = 0;
        let ezafe = if self.text(q) == "ي" && self.is_fa(q) { q + 1 } else { q };
        if let Some((d, n)) = self.find(ezafe, |a| match a {
            Atom::Mod(d) if d != 0 => Some(d),
            _ => None,
        }) {
            dir = d;
            q = n;
        }
        // الجمعة 15, الخميس في 21: a weekday and the day of the month
        if dir == 0 {
            let fi = self.text(q) == "في";
            let r = if fi { q + 1 } else { q };
            if let Some((d, n)) = self.day_num(r) {
                // الجمعة 15, الخميس في الحادي والعشرين; but الأحد الثاني is the second Sunday, not the 2nd
                let is_num = self.digits(r).is_some()
                    || (fi && self.find(r, |a| matches!(a, Atom::Ord(_)).then_some(())).is_some());
                let next_free =
                    self.toks.get(n).map_or(true, |t| t.kind != TokenKind::Word) || !self.word(n).0.is_empty();
                if is_num && next_free && self.month(n).is_none() {
                    return Some((n, Val::Date { cal: Calendar::Gregorian, y: None, m: None, d: Some(d), dir: 0, t }));
                }
            }
        }
        // الأحد الثاني [من يوليو]: the second Sunday of the month (a noun after the ordinal makes it an adjective
        // of that noun, not of the day)
        if dir == 0 {
            if let Some((k, n)) = self.find(q, |a| match a {
                Atom::Ord(k @ 1..=5) => Some(k),
                _ => None,
            }) {
                let noun = self.toks.get(n).is_some_and(|t| t.kind == TokenKind::Word) && self.word(n).0.is_empty();
                if !noun && self.digits(n).is_none() {
                    let (m, e) = self.of_month(n).unwrap_or((None, n));
                    return Some((e, Val::NthWeekday { y: None, m, wd, n: k, dir: 0 }));
                }
            }
        }
        // الجمعة [من] الأسبوع المقبل
        if dir == 0 {
            let r = self.is(q, Atom::Of).unwrap_or(q);
            if let Some((w, n)) = self.rel_week(r) {
                return Some((n, Val::WeekdayOfWeek { wd, week: w, t }));
            }
        }
        if t == Tod::None {
            let (tt, n) = self.opt_time(q);
            t = tt;
            q = n;
        }
        Some((q, Val::Weekday { wd, dir, t }))
    }

    /// `الأسبوع المقبل`, `هذا الأسبوع`, `هفته آینده`: the week offset.
    fn rel_week(&self, p: usize) -> Option<(i32, usize)> {
        if let Some(n) = self.is(p, Atom::This) {
            let (_, n2) = self.find(n, |a| matches!(a, Atom::Unit(Unit::W, Count::Def | Count::One)).then_some(()))?;
            return Some((0, n2));
        }
        let (_, n) = self.find(p, |a| matches!(a, Atom::Unit(Unit::W, Count::Def | Count::One)).then_some(()))?;
        let (d, n2) = self.find(n, |a| if let Atom::Mod(d) = a { Some(d) } else { None })?;
        Some((i32::from(d), n2))
    }

    /// `الأسبوع القادم [يوم] الأحد`, `هذا الأسبوع الجمعة`.
    fn week_weekday(&self, p: usize) -> P {
        let (w, mut q) = self.rel_week(p)?;
        // الأسبوع المقبل بين الأربعاء والجمعة, هذا الأسبوع من الثلاثاء إلى الخميس
        if let Some(f) = self.is(q, Atom::From) {
            let wd_at = |q: usize| self.find(q, |a| if let Atom::Weekday(w) = a { Some(w) } else { None });
            if let Some((a, n)) = wd_at(f) {
                let second = match self.is(n, Atom::To).or_else(|| self.is(n, Atom::And)) {
                    Some(t) => wd_at(t),
                    None => self
                        .after_and(n, |t| wd_at(t).map(|(b, e)| (e, Val::Weekday { wd: b, dir: 0, t: Tod::None })))
                        .and_then(|(e, v)| if let Val::Weekday { wd, .. } = v { Some((wd, e)) } else { None }),
                };
                if let Some((b, e)) = second {
                    let day = |wd| Val::WeekdayOfWeek { wd, week: w, t: Tod::None };
                    return Some((e, Val::Range(Box::new(day(a)), Box::new(day(b)))));
                }
            }
        }
        if let Some(n) = self.is(q, Atom::DayCue) {
            q = n;
        }
        let (wd, n) = self.find(q, |a| if let Atom::Weekday(w) = a { Some(w) } else { None })?;
        Some((n, Val::WeekdayOfWeek { wd, week: w, t: Tod::None }))
    }

    /// Seasons with a year, a modifier or `هذا` (`صيف 2016`, `الصيف الماضي`, `هذا الشتاء`, `تابستان گذشته`).
    fn season(&self, p: usize) -> P {
        let mut q = p;
        let this = self.is(q, Atom::This);
        if let Some(n) = this {
            q = n;
        }
        let (s, n) = self.find(q, |a| if let Atom::Season(s) = a { Some(s) } else { None })?;
        q = n;
        if this.is_some() {
            return Some((q, Val::Season { s, y: None, dir: 0 }));
        }
        let yq = self.is(q, Atom::YearCue).unwrap_or(q);
        if let Some((y, _, _, n)) = self.year(yq, Some(Calendar::Gregorian), false) {
            return Some((n, Val::Season { s, y: Some(y), dir: 0 }));
        }
        if let Some((d, n)) = self.find(q, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
            return Some((n, Val::Season { s, y: None, dir: d }));
        }
        // a season alone after a preposition or ending its clause (في الخريف, سأرحل الصيف.); not الربيع العربي
        let prep = p > 0 && matches!(self.text(p - 1), "في" | "خلال" | "منذ" | "حتي" | "منتصف" | "طوال");
        let ends = self.toks.get(q).map_or(true, |t| t.kind != TokenKind::Word);
        (prep && self.word(q).0.is_empty() || ends).then_some((q, Val::Season { s, y: None, dir: 0 }))
    }

    /// Two-part numeric dates: `4/22`, `22-4` (one part over 12, so not a score or a fraction) and month/year
    /// `3/2015`, `2015/3`.
    fn numeric_short(&self, p: usize) -> P {
        let (a, la) = self.digits(p)?;
        let sep = self.text(p + 1);
        if !["/", "-", "."].contains(&sep) || !self.touch(p) || !self.touch(p + 1) {
            return None;
        }
        let (b, lb) = self.digits(p + 2)?;
        // not the end of a longer numeric form (2.15 of 1.2.15)
        if p > 1 && self.toks[p - 1].kind == TokenKind::Punct && self.touch(p - 1) && self.digits(p - 2).is_some() {
            return None;
        }
        // not the start of a longer numeric form (1402/05/12, 135/117/9)
        if self.touch(p + 2)
            && self.toks.get(p + 3).is_some_and(|t| t.kind == TokenKind::Punct)
            && self.text(p + 3) != ","
            && self.digits(p + 4).is_some()
        {
            return None;
        }
        let month_year = |m: u32, y: u32| (1..=12).contains(&m) && (1900..=2100).contains(&y);
        if la == 4 && lb <= 2 && month_year(b, a) {
            return Some((
                p + 3,
                Val::Date {
                    cal: Calendar::Gregorian,
                    y: Some(a as i32),
                    m: Some(b as u8),
                    d: None,
                    dir: 0,
                    t: Tod::None,
                },
            ));
        }
        if lb == 4 && la <= 2 && month_year(a, b) {
            return Some((
                p + 3,
                Val::Date {
                    cal: Calendar::Gregorian,
                    y: Some(b as i32),
                    m: Some(a as u8),
                    d: None,
                    dir: 0,
                    t: Tod::None,
                },
            ));
        }
        if la > 2 || lb > 2 || sep == "." && a > 12 {
            return None;
        }
        // 11/12, 2016 and 08/12, 15: a year after a comma makes the pair a day and a month
        let year_after = if self.punct(p + 3, &[","]) && sep == "/" {
            match self.digits(p + 4) {
                Some((y, 4)) if (1900..=2100).contains(&y) => Some((y as i32, p + 5)),
                Some((y, 2)) => Some((2000 + y as i32, p + 5)),
                _ => None,
            }
        } else {
            None
        };
        let (m, d) = if a > 12 && b <= 12 {
            (b, a)
        } else if b > 12 && a <= 12 {
            (a, b)
        } else if year_after.is_some() && a > 0 && b > 0 {
            (b, a)
        } else {
            return None;
        };
        if let Some((y, e)) = year_after {
            if super::calendars::valid_gregorian(y, m as u8, d as u8) {
                let v = Val::Date {
                    cal: Calendar::Gregorian,
                    y: Some(y),
                    m: Some(m as u8),
                    d: Some(d as u8),
                    dir: 0,
                    t: Tod::None,
                };
                return Some((e, v));
            }
        }
        if d > 31 || m == 0 || d == 0 || d > u32::from(crate::days_in_month(2000, m as u8)) {
            return None;
        }
        Some((
            p + 3,
            Val::Date { cal: Calendar::Gregorian, y: None, m: Some(m as u8), d: Some(d as u8), dir: 0, t: Tod::None },
        ))
    }

    /// Relative days, weeks, months and years (`اليوم`, `أمس`, `العام الماضي`, `منذ 3 أيام`, `سه روز پیش`).
    fn relative(&self, p: usize) -> P {
        let mut best: P = None;
        let mut take = |c: P| {
            if let Some((e, v)) = c {
                if best.as_ref().map_or(true, |(b, _)| e > *b) {
                    best = Some((e, v));
                }
            }
        };
        // [part of day] relative day [part of day | time]
        {
            let mut q = p;
            let mut t = Tod::None;
            if let Some((pod, n)) = self.find(q, |a| if let Atom::Pod(p) = a { Some(p) } else { None }) {
                t = Tod::Pod(pod);
                q = n;
            }
            if let Some((d, n)) = self.find(q, |a| if let Atom::RelDay(d) = a { Some(d) } else { None }) {
                // "اليوم التالي", "اليوم الأول": the day, not today
                let day_noun = matches!(self.text(q), "اليوم" | "لليوم")
                    && self.text(n).starts_with("ال")
                    && self.find(n, |a| matches!(a, Atom::Weekday(_) | Atom::PodAdv(_)).then_some(())).is_none();
                // اليوم التالي / الآتي, اليوم السابق / الماضي: the day after or before, counted (with no event to
                // count from) from the reference, as Recognizers-Text and HeidelTime do; not after ل (خطط لليوم
                // التالي: plans for "the day after", a political scenario more often than a date)
                let step = match self.text(n) {
                    _ if self.text(q) != "اليوم" => None,
                    "التالي" | "الاتي" => Some(1),
                    "السابق" | "الماضي" => Some(-1),
                    _ => None,
                };
                if let (true, Some(k)) = (day_noun, step) {
                    take(Some((n + 1, Val::Rel { n: k, unit: Unit::D, t })));
                }
                if !day_noun {
                    // امروز 20 تیرماه / اليوم الأحد: the day named next is the same day
                    let named = [self.date_dm(n), self.weekday(n)].into_iter().flatten().max_by_key(|(e, _)| *e);
                    if let Some((e, v)) = named {
                        take(Some((e, v)));
                    }
                    let mut e = n;
                    if t == Tod::None {
                        let (tt, n2) = self.opt_time(n);
                        t = tt;
                        e = n2;
                    }
                    take(Some((e, Val::Rel { n: i32::from(d), unit: Unit::D, t })));
                }
            }
        }
        if let Some((d, n)) = self.find(p, |a| if let Atom::RelNight(d) = a { Some(d) } else { None }) {
            take(Some((n, Val::Rel { n: i32::from(d), unit: Unit::D, t: Tod::Pod(Pod::Ni) })));
        }
        if let Some((d, n)) = self.find(p, |a| if let Atom::RelYear(d) = a { Some(d) } else { None }) {
            take(Some((n, Val::Rel { n: i32::from(d), unit: Unit::Y, t: Tod::None })));
        }
        // هذا العام / این هفته
        if let Some(n) = self.is(p, Atom::This) {
            if let Some((u, n2)) = self.find(n, |a| match a {
                Atom::Unit(u, Count::Def) => Some(u),
                Atom::Unit(u, Count::One) if self.is_fa(n) && FA_UNITS.contains(&self.text(n)) => Some(u),
                _ => None,
            }) {
                if self.digits(n2).is_none() {
                    take(Some((n2, Val::Rel { n: 0, unit: u, t: Tod::None })));
                }
            }
        }
        // العام الماضي / سال گذشته
        if let Some((u, n)) = self.find(p, |a| match a {
            Atom::Unit(u, Count::Def) if u != Unit::D => Some(u),
            Atom::Unit(u, Count::One) if self.is_fa(p) && FA_UNITS.contains(&self.text(p)) => Some(u),
            _ => None,
        }) {
            if let Some((d, n2)) = self.find(n, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
                take(Some((n2, Val::Rel { n: i32::from(d), unit: u, t: Tod::None })));
            }
            // الأسبوع بعد القادم, العام بعد التالي: the one after the next
            if self.text(n) == "بعد" {
                let next = self.find(n + 1, |a| (a == Atom::Mod(1)).then_some(()));
                let e =
                    next.map(|(_, e)| e).or_else(|| matches!(self.text(n + 1), "التالي" | "التالية").then_some(n + 2));
                if let Some(e) = e {
                    take(Some((e, Val::Rel { n: 2, unit: u, t: Tod::None })));
                }
            }
        }
        // الأيام الثلاثة الماضية, 3 أيام القادمة, آخر 3 سنوات, سه روز گذشته: the span from/to the reference
        {
            let last = self.is(p, Atom::Last).is_some();
            let q = if last { p + 1 } else { p };
            let counted = self.count_unit(q, true).or_else(|| {
                let (u, n) = self.find(q, |a| if let Atom::Unit(u, Count::DefMany) = a { Some(u) } else { None })?;
                // الأيام الثلاثة, الأشهر 3 (القادمة)
                let (k, n2) = match self.digits(n) {
                    Some((k, len)) if len <= 2 => (k as i32, n + 1),
                    Some(_) => return None,
                    None => self.find(n, |a| match a {
                        Atom::Card(k) => Some(i32::from(k)),
                        _ => None,
                    })?,
                };
                Some((k, u, n2))
            });
            if let Some((k, u, e)) = counted {
                // (سه روز پیش is a day ago, not the span of three days: the ago words are left to the rule below)
                let ago = self.find(e, |a| matches!(a, Atom::AgoPost(_)).then_some(())).is_some();
                let dir = self.find(e, |a| match a {
                    Atom::Mod(d) if d != 0 && !ago => Some(d),
                    _ => None,
                });
                let dir = match dir {
                    Some((d, e2)) => Some((d, e2)),
                    None if last => Some((-1, e)),
                    None => None,
                };
                if let Some((d, e2)) = dir {
                    // (the coming days start tomorrow: اليومين المقبلين is tomorrow and the day after)
                    let z = Val::Rel { n: i32::from(u == Unit::D && d > 0), unit: u, t: Tod::None };
                    let far = Val::Rel { n: i32::from(d) * k, unit: u, t: Tod::None };
                    let v = if d < 0 {
                        Val::Range(Box::new(far), Box::new(z))
                    } else {
                        Val::Range(Box::new(z), Box::new(far))
                    };
                    take(Some((e2, v)));
                }
            }
        }
        // چند ماه گذشته, الأيام القليلة الماضية, بضعة أيام قادمة: a few units back or ahead, left vague
        {
            let few = self.is(p, Atom::Few).and_then(|n| {
                self.find(n, |a| matches!(a, Atom::Unit(_, Count::One | Count::Many)).then_some(())).map(|x| x.1)
            });
            let few = few.or_else(|| {
                let (_, n) = self.find(p, |a| matches!(a, Atom::Unit(_, Count::DefMany)).then_some(()))?;
                matches!(self.text(n), "القليلة" | "العديدة" | "الاخيرة").then_some(n + 1)
            });
            if let Some(n) = few {
                if let Some((d, e)) = self.find(n, |a| match a {
                    Atom::Mod(d) if d != 0 => Some(d),
                    _ => None,
                }) {
                    take(Some((e, Val::Vague(d))));
                }
            }
            // السنوات الماضية, الأيام المقبلة, الشهور الأخيرة: the units before or after, uncounted
            if let Some((_, n)) = self.find(p, |a| matches!(a, Atom::Unit(_, Count::DefMany)).then_some(())) {
                let dir = match self.find(n, |a| if let Atom::Mod(d) = a { Some(d) } else { None }) {
                    Some((d, e)) if d != 0 => Some((d, e)),
                    _ => (self.text(n) == "الاخيرة").then_some((-1, n + 1)),
                };
                if let Some((d, e)) = dir {
                    take(Some((e, Val::Vague(d))));
                }
            }
        }
        // العقد القادم, العقدين الماضيين, الثلاثة عقود القادمة, 2 العقود الماضية: decades as ranges of years
        {
            let counted = || {
                let (k, n) = match self.digits(p) {
                    Some((k, l)) if l <= 2 => (k as i32, p + 1),
                    Some(_) => return None,
                    None => self.find(p, |a| if let Atom::Card(k) = a { Some(i32::from(k)) } else { None })?,
                };
                matches!(self.text(n), "عقود" | "العقود").then_some((k, n + 1))
            };
            let dec = match self.text(p) {
                "العقد" => Some((1, p + 1)),
                "العقدين" => Some((2, p + 1)),
                _ => counted(),
            };
            if let Some((k, n)) = dec {
                if let Some((d, e)) = self.find(n, |a| match a {
                    Atom::Mod(d) if d != 0 => Some(i32::from(d)),
                    _ => None,
                }) {
                    let y = |n| Val::Rel { n, unit: Unit::Y, t: Tod::None };
                    let far = y(10 * k * d);
                    let v = if d < 0 {
                        Val::Range(Box::new(far), Box::new(y(0)))
                    } else {
                        Val::Range(Box::new(y(0)), Box::new(far))
                    };
                    take(Some((e, v)));
                }
            }
        }
        // منذ 3 أيام / قبل يومين / بعد أسبوع
        if let Some((sign, n)) = self.find(p, |a| if let Atom::AgoPre(s) = a { Some(s) } else { None }) {
            // منذ عامين و 3 أشهر, بعد شهر و 21 يوما من الآن
            if let Some((e, Val::Compound { parts, .. })) = self.duration(n) {
                take(Some((e, Val::Compound { parts, dir: sign })));
            }
            // قبل بضعة أيام: some time ago
            if let Some(f) = self.is(n, Atom::Few) {
                if let Some((_, e)) =
                    self.find(f, |a| matches!(a, Atom::Unit(_, Count::One | Count::Many)).then_some(()))
                {
                    take(Some((e, Val::Vague(sign))));
                }
            }
            if let Some((k, u, mut e)) = self.count_unit(n, false) {
                if self.digits(e).is_none() {
                    // بعد أسبوعين من الآن, بعد 4 أسابيع في المستقبل
                    let now = self.is(e, Atom::Of).is_some() && self.is(e + 1, Atom::Now).is_some();
                    let future = sign > 0 && self.text(e) == "في" && self.text(e + 1) == "المستقبل";
                    if now || future {
                        e += 2;
                    }
                    take(Some((e, Val::Shift { n: i32::from(sign) * k, unit: u })));
                }
            }
        }
        // في 3 أسابيع: within so many units from now (the preposition makes it a time ahead, so it is inside)
        if self.text(p) == "في" && !self.is_fa(p) {
            if let Some((k, u, e)) = self.count_unit(p + 1, true) {
                let more = self.find(e, |a| matches!(a, Atom::Mod(_) | Atom::AgoPost(_)).then_some(())).is_some()
                    || self.digits(e).is_some()
                    || self.is(e, Atom::And).is_some();
                if !more {
                    take(Some((e, Val::Shift { n: k, unit: u })));
                }
            }
        }
        // خلال أسبوعين, في غضون 30 يوما: within so many units, a duration made a time by its preposition, which
        // is inside (as the seed gold keeps في غضون); not with a date after (خلال عام 2005)
        let within = match self.text(p) {
            "خلال" => Some(p + 1),
            "في" if self.text(p + 1) == "غضون" => Some(p + 2),
            _ => None,
        };
        if let Some((k, u, e)) = within.filter(|_| !self.is_fa(p)).and_then(|n| self.count_unit(n, true)) {
            let more = self.find(e, |a| matches!(a, Atom::Mod(_) | Atom::AgoPost(_)).then_some(())).is_some()
                || self.digits(e).is_some();
            if !more && k > 0 {
                take(Some((e, Val::Duration { hundredths: Some(k as u32 * 100), unit: u.letter(), clock: false })));
            }
        }
        // سه روز پیش / ۱۰ سال قبل / دو هفته دیگر
        if let Some((k, u, e)) = self.count_unit(p, true) {
            if let Some((sign, e2)) = self.find(e, |a| if let Atom::AgoPost(s) = a { Some(s) } else { None }) {
                take(Some((e2, Val::Shift { n: i32::from(sign) * k, unit: u })));
            }
        }
        best
    }

    /// `N unit` (digits or a number word), or a dual unit, or a singular unit alone (one) unless `need_num`.
    fn count_unit(&self, p: usize, need_num: bool) -> Option<(i32, Unit, usize)> {
        let num = self
            .digits(p)
            .filter(|&(_, l)| l <= 3)
            .map(|(n, _)| (n as i32, p + 1))
            .or_else(|| self.find(p, |a| if let Atom::Card(n) = a { Some(i32::from(n)) } else { None }));
        if let Some((k, q)) = num {
            let (u, n) = self.find(q, |a| match a {
                Atom::Unit(u, Count::One | Count::Many) => Some(u),
                _ => None,
            })?;
            return Some((k, u, n));
        }
        let ((u, c), n) = self.find(p, |a| match a {
            Atom::Unit(u, c @ (Count::One | Count::Two)) => Some((u, c)),
            _ => None,
        })?;
        match c {
            Count::Two => Some((2, u, n)),
            _ if !need_num => Some((1, u, n)),
            _ => None,
        }
    }

    /// `[عام|سنة|سال] YYYY [era]`, or a bare year after a preposition or with an era mark.
    fn year_expr(&self, p: usize) -> P {
        if let Some(n) = self.is(p, Atom::YearCue) {
            // عام (1933)
            if self.punct(n, &["("]) {
                if let Some((y, cal, _, q)) = self.year(n + 1, None, false) {
                    if self.punct(q, &[")"]) {
                        return Some((q + 1, year_val(cal, y)));
                    }
                }
            }
            // سال 94 in Persian: a two-digit Jalali year
            let short = self.is_fa(p) && self.digits(n).is_some_and(|(_, l)| l == 2);
            let cal = short.then_some(Calendar::Jalali);
            if let Some((y, cal, _, q)) = self.year(n, cal, short) {
                return Some((q, year_val(cal, y)));
            }
            // عام 247, عام مائتين وسبعة وستين: an early year after the cue
            let (y, q) = match self.digits(n) {
                Some((y, 3)) => (y, n + 1),
                Some(_) => return None,
                None => self.num_words(n).map(|(y, q, _)| (y, q))?,
            };
            let counts_noun = self.toks.get(q).is_some_and(|t| t.kind == TokenKind::Word) && self.word(q).0.is_empty();
            // (عام 670 ق.م. is before the era: no year of this calendar)
            let bc = self.text(q) == "ق" && self.punct(q + 1, &["."]);
            return ((100..=2200).contains(&y) && !counts_noun && !bc)
                .then(|| (q, year_val(Calendar::Gregorian, y as i32)));
        }
        let (y, cal, era, q) = self.year(p, None, false)?;
        let prep = p > 0 && self.is(p - 1, Atom::YearPrep).is_some();
        if self.digits(p).is_none() {
            // a year in words: after a preposition, or said in several words, and counting no noun
            let counts_noun = self.toks.get(q).is_some_and(|t| t.kind == TokenKind::Word) && self.word(q).0.is_empty();
            return ((prep || q > p + 1) && !counts_noun).then(|| (q, year_val(cal, y)));
        }
        let likely = match cal {
            Calendar::Gregorian => (1900..=2100).contains(&y),
            _ => (1300..1500).contains(&y),
        };
        // A bare 1900–2100 not counting a noun (`حرب 1948`, `في 2016`; not `2000 شخص`)
        let counts_noun = self.toks.get(q).is_some_and(|t| t.kind == TokenKind::Word) && self.word(q).0.is_empty();
        let bare = cal == Calendar::Gregorian && likely && !counts_noun && q <= p + 1;
        (era || (prep && likely) || bare).then(|| (q, year_val(cal, y)))
    }

    /// Ranges: `[من|بين|از] D (إلى|-|و|تا) D month [year]` and `[من|بين|از] YYYY (إلى|-|تا) YYYY`.
    fn range(&self, p: usize) -> P {
        let mut q = p;
        let from = self.is(q, Atom::From);
        if let Some(n) = from {
            q = n;
        }
        let to = |q: usize| self.is(q, Atom::To).or_else(|| if from.is_some() { self.is(q, Atom::And) } else { None });
        if let Some((d1, n)) = self.day_num(q) {
            // بين الخامس عشر والتاسع عشر من نوفمبر
            if from.is_some() && to(n).is_none() {
                if let Some((end, Val::Date { cal, y, m, d: Some(d2), .. })) = self.after_and(n, |q| self.date_dm(q)) {
                    if d1 < d2 {
                        let a = Val::Date { cal, y, m, d: Some(d1), dir: 0, t: Tod::None };
                        let b = Val::Date { cal, y, m, d: Some(d2), dir: 0, t: Tod::None };
                        return Some((end, Val::Range(Box::new(a), Box::new(b))));
                    }
                }
            }
            // من 4 إلى 22 هذا الشهر, بين 4 و 22 من الشهر المقبل
            if let Some(n) = to(n) {
                if let Some((d2, n2)) = self.day_num(n) {
                    if let Some((k, e)) = self.rel_month(n2) {
                        if d1 < d2 {
                            let day = |d| Val::RelMonthDay { n: k, d };
                            return Some((e, Val::Range(Box::new(day(d1)), Box::new(day(d2)))));
                        }
                    }
                }
            }
            if let Some(n) = to(n) {
                if let Some((end, Val::Date { cal, y, m, d: Some(d2), .. })) = self.date_dm(n) {
                    if d1 < d2 {
                        let a = Val::Date { cal, y, m, d: Some(d1), dir: 0, t: Tod::None };
                        let b = Val::Date { cal, y, m, d: Some(d2), dir: 0, t: Tod::None };
                        return Some((end, Val::Range(Box::new(a), Box::new(b))));
                    }
                }
            }
        }
        if from.is_some() {
            let (y1, c1, _, n) = self.year(q, None, false)?;
            let n = to(n)?;
            let (y2, c2, _, e) = self.year(n, Some(c1), false)?;
            if y1 < y2 && c1 == c2 {
                return Some((e, Val::Range(Box::new(year_val(c1, y1)), Box::new(year_val(c2, y2)))));
            }
        }
        None
    }

    /// A holiday name (`عيد الأضحى`, `نوروز`, `شهر رمضان`), or `رمضان` after a preposition.
    fn holiday(&self, p: usize) -> P {
        if let Some(((c, m, d), n)) =
            self.find(p, |a| if let Atom::Holiday(c, m, d) = a { Some((c, m, d)) } else { None })
        {
            let d = (d > 0).then_some(d);
            let m = (m > 0).then_some(m);
            // its year: عيد الشكر 2010, يوم الأب عام 2015, يواندان لعام 2016, عيد الفطر 2019 (the Gregorian year
            // of a Hijri feast), or this / next / last year
            let mut q = n;
            if let Some(e) = self.is(q, Atom::YearCue) {
                q = e;
            } else if matches!(self.text(q), "لعام" | "لسنة") {
                q += 1;
            }
            let mut dir = HOLIDAY;
            let y = match self.year(q, Some(c), false) {
                Some((y, _, _, e)) => Some((Some(y), e)),
                None if c == Calendar::Hijri => self
                    .year(q, Some(Calendar::Gregorian), false)
                    .map(|(gy, _, _, e)| (m.and_then(|m| super::calendars::hijri_year_of_month_in(gy, m)), e)),
                None => None,
            };
            let (y, e) = match y {
                Some(x) => x,
                None => match self.relative(n) {
                    Some((e, Val::Rel { n: k @ -1..=1, unit: Unit::Y, .. })) => {
                        dir = REL_YEAR + k as i8;
                        (None, e)
                    }
                    _ => (None, n),
                },
            };
            // الحج alone is the pilgrimage as a topic (وزارة الحج): a time after إلى / في or with its year
            if self.text(p) == "الحج" && e == n && !(p > 0 && matches!(self.text(p - 1), "في" | "الي")) {
                return None;
            }
            if let (None, Some(k @ EASTER_BASE..)) = (m, d) {
                let (orthodox, offset) = easter_day(k);
                return Some((e, Val::Easter { y, orthodox, offset, dir }));
            }
            if let (Some(m), Some(k @ 100..)) = (m, d) {
                return Some((e, Val::NthWeekday { y, m: Some(m), wd: (k - 100) / 10, n: k % 10, dir }));
            }
            return Some((e, Val::Date { cal: c, y, m, d, dir, t: Tod::None }));
        }
        // رمضان alone: a person's name too, so only after a preposition (في رمضان، خلال رمضان، در رمضان)
        let ramadan = self.find(p, |a| matches!(a, Atom::Month { cal: Calendar::Hijri, m: 9, .. }).then_some(()));
        if let Some((_, n)) = ramadan {
            if p > 0 && self.is(p - 1, Atom::YearPrep).is_some() {
                return Some((
                    n,
                    Val::Date { cal: Calendar::Hijri, y: None, m: Some(9), d: None, dir: HOLIDAY, t: Tod::None },
                ));
            }
        }
        None
    }

    /// A clock time alone (`الساعة 3 و15 دقيقة عصرا`, `الثالثة فجرا`, `ساعت ۱۰ صبح`).
    /// A clock time may be followed by its day: `ساعت 17 روز پنجشنبه`, `ساعت هفت صبح امروز`.
    fn time_expr(&self, p: usize) -> P {
        let (t, q) = self.clock(p)?;
        let day = [self.weekday(q), self.relative(q), self.date_dm(q)]
            .into_iter()
            .flatten()
            .filter_map(|(e, v)| with_time(v, t).map(|v| (e, v)))
            .max_by_key(|(e, _)| *e);
        Some(day.unwrap_or((q, Val::Time(t))))
    }
}

impl Matcher<'_> {
    /// `الأسبوع الثالث من هذا العام`, `الأسبوع الأخير من يوليو`, `الربع الثالث من عام 2016`, `الربع الثالث 2016`,
    /// `2016 الربع الثالث`: the nth (1–4) or last week of a month or a year (days 1–7, 8–14, ..., the last seven
    /// days; a year's weeks counted from 1 January) or quarter of a year, as a range of days or months.
    fn nth_period(&self, p: usize) -> P {
        // a year first: 2016 الربع الثالث
        if let Some((y, cal, _, n)) = self.year(p, Some(Calendar::Gregorian), false) {
            if let Some((true, k, e)) = self.period_ord(n) {
                return quarter(year_val(cal, y), k).map(|v| (e, v));
            }
        }
        let (quarter_of, k, mut q) = self.period_ord(p)?;
        if let Some(n) = self.is(q, Atom::Of).or_else(|| self.is(q, Atom::YearPrep)) {
            q = n;
        }
        // a week of this / next month: days 1–7, 8–14, ...
        if !quarter_of && (1..=4).contains(&k) {
            if let Some((n, e)) = self.rel_month(q).filter(|_| !matches!(self.text(q), "في")) {
                let day = |d| Val::RelMonthDay { n, d };
                return Some((e, Val::Range(Box::new(day(7 * k - 6)), Box::new(day(7 * k)))));
            }
        }
        // the period it is part of: a year, a month, or this / last / next year
        let base = [self.year_expr(q), self.month_core(q), self.relative(q)]
            .into_iter()
            .flatten()
            .filter_map(|(e, v)| match v {
                Val::Date { d: None, t: Tod::None, .. } => Some((e, v)),
                Val::Rel { n, unit: Unit::Y, .. } if (-1..=1).contains(&n) => Some((
                    e,
                    Val::Date {
                        cal: Calendar::Gregorian,
                        y: None,
                        m: None,
                        d: None,
                        dir: REL_YEAR + n as i8,
                        t: Tod::None,
                    },
                )),
                _ => None,
            })
            .max_by_key(|(e, _)| *e);
        let (e, base) = base?;
        let Val::Date { cal, y, m, dir, .. } = base else {
            return None;
        };
        if quarter_of {
            return if m.is_none() { quarter(base, k).map(|v| (e, v)) } else { None };
        }
        // a year's weeks fall in January, its last in December
        let month = m.unwrap_or(if k == 0 { 12 } else { 1 });
        let (d1, d2) = if k == 0 {
            // the length of a yearless month is known only outside February (and in the Gregorian calendar)
            let yy = match y {
                Some(y) => y,
                None if cal == Calendar::Gregorian && month != 2 => 2001,
                None => return None,
            };
            let len = super::calendars::month_len(cal, yy, month)?;
            (len - 6, len)
        } else {
            (7 * k - 6, 7 * k)
        };
        let day = |d| Val::Date { cal, y, m: Some(month), d: Some(d), dir, t: Tod::None };
        Some((e, Val::Range(Box::new(day(d1)), Box::new(day(d2)))))
    }

    /// `الأسبوع|الربع (ordinal 1–4 | الأخير)`: whether a quarter, which one (0 = the last), the next token.
    fn period_ord(&self, p: usize) -> Option<(bool, u8, usize)> {
        let quarter_of = self.is(p, Atom::Quarter);
        let week = self.find(p, |a| matches!(a, Atom::Unit(Unit::W, Count::Def)).then_some(()));
        let n = quarter_of.or(week.map(|(_, n)| n))?;
        let (k, e) = self.find(n, |a| match a {
            Atom::Ord(k) if (1..=4).contains(&k) => Some(k),
            Atom::Final => Some(0),
            _ => None,
        })?;
        Some((quarter_of.is_some(), k, e))
    }

    /// `السبعينيات`, `سبعينيات`: a decade of the 1900s, or of the century named after it (`السبعينيات من
    /// القرن التاسع عشر`, `ثمانينيات القرن الماضي`), as a range of years.
    fn decade(&self, p: usize) -> P {
        let (t, mut n) = self.find(p, |a| if let Atom::Decade(t) = a { Some(t) } else { None })?;
        let mut base = 1900;
        let q = self.is(n, Atom::Of).unwrap_or(n);
        if self.text(q) == "القرن" {
            let century = match self.text(q + 1) {
                // (the last century of news written since 2001)
                "الماضي" | "المنصرم" => Some((20, q + 2)),
                _ => self.find(q + 1, |a| match a {
                    Atom::Ord(c @ 11..=21) => Some(i32::from(c)),
                    _ => None,
                }),
            };
            if let Some((c, e)) = century {
                base = (c - 1) * 100;
                n = e;
            }
        }
        let y = base + i32::from(t);
        let g = Calendar::Gregorian;
        Some((n, Val::Range(Box::new(year_val(g, y)), Box::new(year_val(g, y + 9)))))
    }
}

/// Quarter `k` (1–4, 0 = the last) of the year `base` (a date with a year or a year `dir`, no month), as a range
/// of months.
fn quarter(base: Val, k: u8) -> Option<Val> {
    let Val::Date { cal, y, m: None, dir, .. } = base else {
        return None;
    };
    let k = if k == 0 { 4 } else { k };
    let month = |m| Val::Date { cal, y, m: Some(m), d: None, dir, t: Tod::None };
    Some(Val::Range(Box::new(month(3 * k - 2)), Box::new(month(3 * k))))
}

/// The `dir` of a holiday: placed in the Gregorian year of the reference date.
pub const HOLIDAY: i8 = 2;

/// The `dir` of a date in a year relative to the reference: `REL_YEAR - 1` last year, `REL_YEAR` this
/// year, `REL_YEAR + 1` next year (`اسفندماه سال گذشته`, `يونيو العام المقبل`).
pub const REL_YEAR: i8 = 10;

impl Matcher<'_> {
    /// A duration after `لمدة` / `مدة` (the cue outside the span) or with `طوال` (inside): `3 أيام`,
    /// `أسبوعين`, `نصف ساعة`, `3.5 سنوات`, `بضعة أيام`, `شهر كامل`, `طوال اليوم`.
    fn duration(&self, p: usize) -> P {
        let prev_cue = p > 0 && (self.is(p - 1, Atom::DurCue).is_some() || self.text(p - 1).ends_with("لمدة"));
        if !prev_cue && self.text(p) == "طوال" {
            // طوال اليوم, طوال أسبوع: the cue is part of the span
            let (u, n) = self.find(p + 1, |a| match a {
                Atom::Unit(u, Count::Def | Count::One) => Some(u),
                _ => None,
            })?;
            return Some((n, Val::Duration { hundredths: Some(100), unit: u.letter(), clock: false }));
        }
        let ((hundredths, unit, clock, strong), mut e) = self.dur_part(p)?;
        // تیم زیر 23 سال, منتخب تحت 23 سنة, دون 20 عاما, بالای 18 سال: an age limit, not a stretch of time
        if unit == 'Y' && p > 0 && matches!(self.text(p - 1), "زير" | "تحت" | "دون" | "بالاي" | "فوق") {
            return None;
        }
        // 2 عام و 21 يوما, سنة 1 شهر 21 يوم, أسبوع واحد ثلاثة أيام: up to four parts in different units
        let mut parts = [(hundredths, unit, clock); 4];
        let mut k = 1;
        while k < parts.len() {
            let sep = if self.text(e) == "و" || self.punct(e, &[",", "،"]) { e + 1 } else { e };
            match self.dur_part(sep) {
                Some(((t, u, c, _), n)) if parts[..k].iter().all(|x| (x.1, x.2) != (u, c)) => {
                    parts[k] = (t, u, c);
                    k += 1;
                    e = n;
                }
                _ => break,
            }
        }
        // من الآن: counted from now
        let from_now = self.is(e, Atom::Of).and_then(|n| self.is(n, Atom::Now));
        if k == 1 && from_now.is_none() {
            // one part: after لمدة, or with its count written (3 دقائق, بضعة أيام, نصف عام, يوم كامل)
            return (prev_cue || strong).then_some((e, Val::Duration { hundredths, unit, clock }));
        }
        let parts: Vec<(Option<u32>, char, bool)> = parts[..k].to_vec();
        Some((from_now.unwrap_or(e), Val::Compound { parts, dir: i8::from(from_now.is_some()) }))
    }

    /// One part of a duration: `[N|بضعة|نصف] unit [واحد] [ونصف|كامل]`: (hundredths, unit letter, clock unit,
    /// whether its count is written), and the next token.
    #[allow(clippy::type_complexity)]
    fn dur_part(&self, p: usize) -> Option<((Option<u32>, char, bool, bool), usize)> {
        let mut q = p;
        let mut hundredths: Option<u32> = Some(100);
        let mut explicit = false;
        // (45 of 123.45 is no count)
        if p > 1 && self.punct(p - 1, &[".", ",", "/", ":"]) && self.touch(p - 1) && self.digits(p - 2).is_some() {
            return None;
        }
        let mut half = false;
        if let Some((n, len)) = self.digits(q) {
            if len > 3 {
                return None;
            }
            hundredths = Some(n * 100);
            q += 1;
            explicit = true;
            if self.punct(q, &["."]) && self.touch(q - 1) && self.touch(q) {
                // 3.5 سنوات, 123.45 ثانية
                match self.digits(q + 1) {
                    Some((f, 1)) => {
                        hundredths = Some(n * 100 + f * 10);
                        q += 2;
                    }
                    Some((f, 2)) => {
                        hundredths = Some(n * 100 + f);
                        q += 2;
                    }
                    _ => {}
                }
            }
        } else if let Some((n, nq)) = self.find(q, |a| if let Atom::Card(n) = a { Some(u32::from(n)) } else { None }) {
            // (ألف of 130 ألف سنة multiplies the number before it)
            if n >= 100 && p > 0 && self.digits(p - 1).is_some() {
                return None;
            }
            hundredths = Some(n * 100);
            q = nq;
            explicit = true;
        } else if let Some(nq) = self.is(q, Atom::Few) {
            hundredths = None;
            q = nq;
            explicit = true;
        } else if let Some(nq) = self.is(q, Atom::Half) {
            hundredths = Some(50);
            q = nq;
            explicit = true;
            half = true;
        }
        // (نصف الساعة: half the hour; but 23 الشهر المقبل is no duration)
        let (unit, clock, c, mut e) = self
            .find(q, |a| match a {
                Atom::Unit(u, c) if c != Count::Def || half => Some((u.letter(), false, c)),
                Atom::TimeUnit(u, c) if c != Count::Def || half => Some((u, true, c)),
                _ => None,
            })
            .map(|((u, cl, c), n)| (u, cl, c, n))?;
        let mut strong = explicit;
        if c == Count::Two && !explicit {
            hundredths = Some(200);
            strong = true;
        }
        if c == Count::Many && !explicit {
            return None;
        }
        if matches!(self.text(e), "واحد" | "واحدة") {
            e += 1;
        }
        if let Some(n) = self.find(e, |a| match a {
            Atom::MinutesWord(30) => Some(()),
            _ => None,
        }) {
            hundredths = hundredths.map(|t| t + 50);
            e = n.1;
            // ساعة ونصف: the half makes the count written
            strong = true;
        } else if let Some(n) = self.is(e, Atom::Whole) {
            e = n;
            strong = true;
        }
        Some(((hundredths, unit, clock, strong), e))
    }

    /// Noon and midnight (`الظهيرة`, `منتصف الليل`).
    fn fixed_time(&self, p: usize) -> P {
        let (h, n) = self.find(p, |a| if let Atom::FixedTime(h) = a { Some(h) } else { None })?;
        Some((n, Val::Time(Tod::Clock(h, 0, None))))
    }
}

impl Matcher<'_> {
    /// Whether a part of the day is written among tokens `a..b`.
    fn has_pod(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.toks.len())).any(|i| {
            self.toks[i].kind == TokenKind::Word
                && self.v.get(self.text(i)).iter().any(|x| matches!(x, Atom::Pod(_) | Atom::PodAdv(_)))
        })
    }
}

/// In a range of clock times, an afternoon written on one end applies to the other: `4 حتى 5 مساءً` is
/// 16:00–17:00, `1:30 مساءً إلى 3:30` is 13:30–15:30; not to an end with its own part of the day (`pod1`,
/// `pod2`): `3 صباحًا حتى 5 مساءً` is 03:00–17:00.
fn align_clocks(a: Val, b: Val, pod1: bool, pod2: bool) -> (Val, Val) {
    match (a, b) {
        (Val::Time(Tod::Clock(h1, m1, s1)), Val::Time(Tod::Clock(h2, m2, s2))) => {
            let (mut h1, mut h2) = (h1, h2);
            if h1 < 12 && h2 >= 12 && h1 + 12 <= h2 && !pod1 {
                h1 += 12;
            } else if h2 < h1 && h1 >= 12 && h2 < 12 && h2 + 12 > h1 && !pod2 {
                h2 += 12;
            }
            (Val::Time(Tod::Clock(h1, m1, s1)), Val::Time(Tod::Clock(h2, m2, s2)))
        }
        (a, b) => (a, b),
    }
}

/// A day-grain value with a clock time, split into the day without it and the time.
fn split_clock(v: &Val) -> Option<(Val, Tod)> {
    match *v {
        Val::Weekday { wd, dir, t: t @ Tod::Clock(..) } => Some((Val::Weekday { wd, dir, t: Tod::None }, t)),
        Val::Rel { n, unit: Unit::D, t: t @ Tod::Clock(..) } => Some((Val::Rel { n, unit: Unit::D, t: Tod::None }, t)),
        Val::Date { cal, y, m, d: Some(d), dir, t: t @ Tod::Clock(..) } => {
            Some((Val::Date { cal, y, m, d: Some(d), dir, t: Tod::None }, t))
        }
        _ => None,
    }
}

/// A day-grain value with the time of day set (`None` when `v` is not a day or already has a time).
fn with_time(v: Val, t: Tod) -> Option<Val> {
    match v {
        Val::Weekday { wd, dir, t: Tod::None } => Some(Val::Weekday { wd, dir, t }),
        Val::Rel { n, unit: Unit::D, t: Tod::None } => Some(Val::Rel { n, unit: Unit::D, t }),
        Val::Date { cal, y, m, d: Some(d), dir, t: Tod::None } => Some(Val::Date { cal, y, m, d: Some(d), dir, t }),
        _ => None,
    }
}

fn year_val(cal: Calendar, y: i32) -> Val {
    Val::Date { cal, y: Some(y), m: None, d: None, dir: 0, t: Tod::None }
}

impl Matcher<'_> {
    /// One number word at `p` (`ثمانية`, `تسعمائة`, `أحد عشر`, `خمسة عشر`), after a `و` written apart or
    /// attached when `joined`: its value and the next token.
    fn card_word(&self, p: usize, joined: bool) -> Option<(u32, usize)> {
        let card = |a: &[Atom]| a.iter().find_map(|&x| if let Atom::Card(n) = x { Some(u32::from(n)) } else { None });
        let (n, q) =
            if let Some((n, q)) = self.find(p, |a| if let Atom::Card(n) = a { Some(u32::from(n)) } else { None }) {
                (n, q)
            } else if joined {
                let rest = self.text(p).strip_prefix('و')?;
                (card(self.v.get(rest))?, p + 1)
            } else {
                return None;
            };
        // ثلاثة عشر .. تسعة عشر
        if (3..=9).contains(&n) && matches!(self.text(q), "عشر" | "عشرة") {
            return Some((n + 10, q + 1));
        }
        Some((n, q))
    }

    /// A number written in Arabic words (`ألف وتسعمائة وثمانية وسبعون`, `ألفان وثمانية عشر`, `مائتين وسبعة
    /// وستين`), or a year read as two pairs of digits (`تسعة عشر تسعة وتسعون`, `تسعة عشر وثمانية وسبعين`):
    /// the value, the next token, and whether it was made of several words.
    fn num_words(&self, p: usize) -> Option<(u32, usize, bool)> {
        if self.is_fa(p) {
            return None;
        }
        // the words and where each ends (at most 6: thousands, hundreds, units and tens, twice)
        let mut items: [(u32, usize); 6] = [(0, 0); 6];
        let mut k = 0;
        let mut q = p;
        while k < items.len() {
            let r = if k > 0 && self.text(q) == "و" { q + 1 } else { q };
            let Some((n, e)) = self.card_word(r, k > 0) else { break };
            items[k] = (n, e);
            k += 1;
            q = e;
        }
        let items = &items[..k];
        let below_100 = |i: usize| -> Option<(u32, usize)> {
            let (a, _) = *items.get(i)?;
            if (1..=9).contains(&a) {
                if let Some(&(b, _)) = items.get(i + 1) {
                    if (20..100).contains(&b) && b % 10 == 0 {
                        return Some((a + b, i + 2));
                    }
                }
            }
            (a < 100).then_some((a, i + 1))
        };
        let mut i = 0;
        let mut total = 0;
        if items.first()?.0 >= 1000 {
            total += items[0].0;
            i = 1;
        }
        if items.get(i).is_some_and(|&(n, _)| (100..1000).contains(&n)) {
            total += items[i].0;
            i += 1;
        }
        if let Some((a, j)) = below_100(i) {
            if total == 0 && (11..=20).contains(&a) {
                // a year said as two numbers: تسعة عشر تسعة وتسعون
                if let Some((b, j2)) = below_100(j) {
                    // (خمسة عشر وثلاثين مساء is a clock time)
                    let clock = self
                        .find(items[j2 - 1].1, |a| {
                            matches!(a, Atom::Pod(_) | Atom::PodAdv(_) | Atom::Minute).then_some(())
                        })
                        .is_some();
                    if b >= 10 && !clock {
                        return Some((a * 100 + b, items[j2 - 1].1, true));
                    }
                }
            }
            total += a;
            i = j;
        }
        (i > 0).then(|| (total, items[i - 1].1, i > 1))
    }
}

impl Matcher<'_> {
    /// A part of the day standing alone, or a vague time within a period, the preposition `في` / `عند` inside
    /// the span as in `في وقت لاحق` (`في الصباح`, `في الصباح الباكر`, `في وقت متأخر من الليل`, `في أواخر الصباح`,
    /// `بعد الظهر`, `منتصف-الليل`, `في وقت لاحق من هذا الأسبوع`, `وقت مبكر هذا الشهر`, `لاحقا في هذا الأسبوع`;
    /// after `خلال` / `طوال` the part of the day alone). A bare `الصباح` is also a newspaper's name: not a time.
    fn day_part(&self, p: usize) -> P {
        let mut q = p;
        let prep = matches!(self.text(p), "في" | "عند");
        if prep {
            q += 1;
        }
        let after_prep = !prep && p > 0 && matches!(self.text(p - 1), "خلال" | "طوال" | "حتي" | "منذ");
        let mut lead = None;
        match self.text(q) {
            "وقت" if matches!(self.text(q + 1), "متاخر" | "مبكر" | "لاحق") => {
                lead = Some(self.text(q + 1));
                q += 2;
            }
            w @ ("اواخر" | "اوائل" | "اول" | "بداية" | "لاحقا" | "منتصف") => {
                lead = Some(w);
                q += 1;
                if w == "منتصف" && self.punct(q, &["-"]) && self.touch(q - 1) && self.touch(q) {
                    q += 1;
                }
            }
            _ => {}
        }
        if lead.is_some() && matches!(self.text(q), "من" | "في") {
            q += 1;
        }
        let pod = self.find(q, |a| match a {
            Atom::PodAdv(pod) if self.text(q).starts_with("ال") || self.text(q) == "بعد" => Some(pod),
            _ => None,
        });
        if let Some((pod, mut e)) = pod {
            if !(prep || after_prep || lead.is_some() || self.text(q) == "بعد") {
                return None;
            }
            if self.text(e) == "الباكر" {
                e += 1;
            }
            let t = match (lead, pod) {
                (Some("منتصف"), Pod::Ni) => Tod::Clock(0, 0, None),
                (Some("منتصف"), Pod::Mi) => Tod::Clock(12, 0, None),
                // the middle of the morning and of the afternoon, as Recognizers-Text writes them
                (Some("منتصف"), Pod::Mo) => Tod::Clock(10, 0, None),
                (Some("منتصف"), Pod::Af) => Tod::Clock(14, 0, None),
                _ => Tod::Pod(pod),
            };
            // في الليل الخامسة والنصف: the part of the day before its clock time
            if lead.is_none() {
                if let Some((c, ce)) = self.clock(q) {
                    if ce > e {
                        return Some((ce, Val::Time(c)));
                    }
                }
            }
            return Some((e, Val::Time(t)));
        }
        if lead == Some("منتصف") && self.text(q) == "النهار" {
            return Some((q + 1, Val::Time(Tod::Clock(12, 0, None))));
        }
        // a vague time in this / next / last week, month or year
        // (في أواخر الأسبوع المقبل: a part of a period, the preposition outside as for any date)
        lead.filter(|&w| matches!(w, "متاخر" | "مبكر" | "لاحق" | "لاحقا"))?;
        let (e, v) = self.relative(q)?;
        match v {
            Val::Rel { unit: Unit::W | Unit::M | Unit::Y, .. } => Some((e, v)),
            _ => None,
        }
    }
}

/// Weekdays written without the article after `يوم` (`أول يوم جمعة`), normalized.
const BARE_WEEKDAYS: [(&str, u8); 8] =
    [("اثنين", 1), ("ثلاثاء", 2), ("اربعاء", 3), ("خميس", 4), ("جمعة", 5), ("سبت", 6), ("احد", 7), ("الاحد", 7)];

impl Matcher<'_> {
    /// `من|في` and a Gregorian month or this month: the month (`None` for the reference's), the next token.
    fn of_month(&self, p: usize) -> Option<(Option<u8>, usize)> {
        let q = if matches!(self.text(p), "من" | "في") { p + 1 } else { return None };
        if let Some((Calendar::Gregorian, m, ctx, e)) = self.month(q) {
            if !ctx {
                return Some((Some(m), e));
            }
        }
        match self.relative(q) {
            Some((e, Val::Rel { n: 0, unit: Unit::M, .. })) => Some((None, e)),
            _ => None,
        }
    }

    /// `أول يوم جمعة من يوليو`, `ثالث يوم أحد في هذا الشهر`, `الجمعة الأولى من يوليو`: the n-th weekday of a month.
    fn nth_weekday(&self, p: usize) -> P {
        let (k, q) = self.find(p, |a| if let Atom::PreOrd(k) = a { Some(k) } else { None })?;
        let q = self.is(q, Atom::DayCue)?;
        let wd = BARE_WEEKDAYS.iter().find(|(w, _)| *w == self.text(q)).map(|&(_, d)| (d, q + 1));
        let (wd, n) = wd.or_else(|| self.find(q, |a| if let Atom::Weekday(w) = a { Some(w) } else { None }))?;
        let (m, e) = self.of_month(n)?;
        Some((e, Val::NthWeekday { y: None, m, wd, n: k, dir: 0 }))
    }
}

impl Matcher<'_> {
    /// `[من|في] (هذا الشهر | الشهر المقبل | ...)`: the month offset and the next token.
    fn rel_month(&self, p: usize) -> Option<(i32, usize)> {
        let q = if matches!(self.text(p), "من" | "في") { p + 1 } else { p };
        match self.relative(q)? {
            (e, Val::Rel { n, unit: Unit::M, .. }) => Some((n, e)),
            _ => None,
        }
    }

    /// `20 من الشهر القادم`, `العشرين من الشهر المقبل`, `31 من هذا الشهر`: a day of a month relative to the
    /// reference.
    fn rel_month_day(&self, p: usize) -> P {
        let (d, n) = self.day_num(p)?;
        let (k, e) = self.rel_month(n)?;
        Some((e, Val::RelMonthDay { n: k, d }))
    }
}

impl Matcher<'_> {
    /// Runs `f` at token `q` read without the conjunction `و` written on it (`والسادسة` as `السادسة`).
    fn after_and(&self, q: usize, f: impl Fn(usize) -> P) -> P {
        let t = self.text(q);
        if !t.starts_with('و') || t.len() <= 2 * 'و'.len_utf8() || q == self.strip.get().0 {
            return None;
        }
        let saved = self.strip.replace((q, 'و'.len_utf8()));
        let r = f(q);
        self.strip.set(saved);
        r
    }
}

impl Matcher<'_> {
    /// `أسبوع 15 سبتمبر`, `الأسبوع في 15 سبتمبر`: the week of a date (valued as the date).
    fn week_of(&self, p: usize) -> P {
        let (_, n) = self.find(p, |a| matches!(a, Atom::Unit(Unit::W, Count::One | Count::Def)).then_some(()))?;
        let n = if self.text(n) == "في" { n + 1 } else { n };
        // (الأسبوع الأول من أكتوبر is the first week of October)
        self.digits(n)?;
        match self.date_dm(n)? {
            (e, v @ Val::Date { d: Some(_), m: Some(_), .. }) => Some((e, v)),
            _ => None,
        }
    }

    /// A day of the month alone: `يوم 27`, or after `في` or a fused `لل` at the end of a sentence (`عدت في 27.`,
    /// `في الثاني والعشرين!`, `عدت للثاني`); a number before a word counts that word.
    fn bare_day(&self, p: usize) -> P {
        let cue = self.is(p, Atom::DayCue);
        // في before it, or the preposition ل written into its article (عدت للثاني والعشرين)
        let prep = cue.is_none() && (p > 0 && self.text(p - 1) == "في" || self.text(p).starts_with("لل")) && !self.is_fa(p);
        let q = cue.unwrap_or(p);
        if cue.is_none() && !prep {
            return None;
        }
        let (d, n) = self.day_num(q)?;
        // (a cardinal word is a count: في ثلاثة; a feminine ordinal an hour: في السابعة, في الحادية عشر)
        let feminine = self.text(n - 1).ends_with('ة') || (d <= 12 && self.text(q).ends_with('ة'));
        if self.digits(q).is_none() && (self.find(q, |a| matches!(a, Atom::Ord(_)).then_some(())).is_none() || feminine)
        {
            return None;
        }
        let end = self
            .toks
            .get(n)
            .map_or(true, |t| t.kind == TokenKind::Punct && matches!(self.text(n), "." | "!" | "؟" | "?" | "،" | ","));
        let free = end
            || (cue.is_some()
                && self.toks.get(n).is_some_and(|t| t.kind == TokenKind::Word)
                && !self.word(n).0.is_empty()
                && self.month(n).is_none());
        if !(end || (cue.is_some() && free)) {
            return None;
        }
        // (الساعة 5. is an hour, في 2. a list item)
        if prep && self.digits(q).is_some() && self.punct(n, &["."]) && self.digits(n + 1).is_some() {
            return None;
        }
        Some((n, Val::Date { cal: Calendar::Gregorian, y: None, m: None, d: Some(d), dir: 0, t: Tod::None }))
    }

    /// An hour written as a feminine ordinal after `في` / `عند` / `حتى` (`في السابعة`, `في الحادية عشرة`), not an
    /// age (`في السابعة من عمره`) nor an adjective of the noun after it; الأولى and الثانية are too often
    /// "the first / second" to be hours alone.
    fn hour_word(&self, p: usize) -> P {
        if p == 0 || !matches!(self.text(p - 1), "في" | "عند" | "حتي") || self.is_fa(p) {
            return None;
        }
        let t = self.text(p);
        if !(t.ends_with('ة') || t.ends_with("عشر")) || matches!(t, "الاولي" | "الثانية") {
            return None;
        }
        let (h, n) = self.find(p, |a| match a {
            Atom::Ord(h @ 3..=12) => Some(h),
            _ => None,
        })?;
        if let Some((c, e)) = self.clock(p) {
            return Some((e, Val::Time(c)));
        }
        let after = self.toks.get(n);
        if after.is_some_and(|t| t.kind == TokenKind::Word) && (self.text(n) == "من" || self.word(n).0.is_empty()) {
            return None;
        }
        Some((n, Val::Time(Tod::Clock(h, 0, None))))
    }
}
