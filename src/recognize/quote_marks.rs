//! Quotation-mark scanner: pairs the quotation marks news text really uses, balanced or not, in one pass.
//!
//! Marks: ASCII `"` (no direction), `« »` and reversed `» «`, `“ ”` and reversed `” “`, `„ “`/`„ ”`, `‘ ’`,
//! `‚ ‘`, `‹ ›` and reversed `› ‹`. A stack holds the open quotations, so nesting works, including the same
//! mark nested in itself.
//!
//! Which way an ASCII `"` (or a mark that may be reversed) points is read from its neighbours, the way
//! CommonMark reads emphasis: a mark with a space or line start on its left and a letter on its right opens;
//! a mark with a letter or punctuation on its left and a space on its right closes. A mark glued on both sides
//! closes an open `"` if there is one and opens otherwise, except after a colon or after a lone proclitic
//! (`و"المؤسسات`), where it opens.
//!
//! Unbalanced marks: an opening `"` seen while another `"` is open, with a sentence end between them, means
//! the first one was never closed. An unclosed quotation ends at its first full stop (`.` that is not part of
//! `..` or of a number), else at the last sentence end before the point where it was found unclosed, else at
//! that point; a line break closes every open quotation the same way. So an unclosed quotation never swallows
//! the quotations that follow it.
//!
//! The scanner works on any `&str` (the annotator runs it on the normalized text) and is linear in its length:
//! every character is looked at once and the stack is bounded ([`MAX_DEPTH`]).

/// A quotation found by [`scan`]: byte offsets into the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// Offset of the opening mark.
    pub open: usize,
    /// Start of the quoted words (after the mark and any spaces).
    pub start: usize,
    /// End of the quoted words (exclusive; before any spaces and the closing mark).
    pub end: usize,
    /// Offset just past the closing mark; `None` when the quotation was never closed.
    pub close: Option<usize>,
    /// How many quotations enclose this one (0 for a top-level quotation).
    pub depth: u8,
}

impl Quoted {
    /// End of the whole quotation, closing mark included.
    pub fn outer_end(&self) -> usize {
        self.close.unwrap_or(self.end)
    }
}

/// Deepest nesting followed; marks beyond it are ignored.
pub const MAX_DEPTH: usize = 16;

/// Whether `c` is one of the quotation marks the scanner knows.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‚' | '‹' | '›')
}

/// What a directional mark does: the closers it expects when it opens in its natural direction, and the mark
/// that closes it when it is used reversed (an opening `»` is closed by `«`).
fn directional(c: char) -> Option<(Option<[char; 2]>, char)> {
    Some(match c {
        '«' => (Some(['»', '»']), '»'),
        '»' => (None, '«'),
        '“' => (Some(['”', '”']), '”'),
        '”' => (None, '“'),
        '„' => (Some(['“', '”']), '“'),
        '‘' => (Some(['’', '’']), '’'),
        '’' => (None, '‘'),
        '‚' => (Some(['‘', '’']), '‘'),
        '‹' => (Some(['›', '›']), '›'),
        '›' => (None, '‹'),
        _ => return None,
    })
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔')
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{0085}')
}

fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || c == '\u{200C}'
}

/// Characters after which a mark opens (besides spaces).
fn opens_after(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | ':' | '؛' | ';' | '-' | '—' | '–' | '/') || is_quote_mark(c)
}

/// Characters before which a mark closes (besides spaces).
fn closes_before(c: char) -> bool {
    matches!(c, '.' | ',' | '،' | '؛' | ';' | ':' | '!' | '?' | '؟' | ')' | ']' | '}' | '…' | '۔') || is_quote_mark(c)
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: usize,
    content: usize,
    closers: [char; 2],
    ascii: bool,
    /// End of the first full stop inside, if any.
    first_stop: Option<usize>,
}

struct Scanner<'a> {
    text: &'a str,
    stack: Vec<Open>,
    out: Vec<Quoted>,
    /// End offset of the latest sentence-ending character.
    last_end: usize,
}

impl Scanner<'_> {
    /// Trims spaces off both ends of `start..end` and records the quotation if anything is left.
    fn emit(&mut self, open: &Open, end: usize, close: Option<usize>) {
        let (mut s, mut e) = (open.content, end.max(open.content));
        let body = &self.text[s..e];
        let lead = body.len() - body.trim_start_matches(is_trimmed).len();
        s += lead;
        let body = &self.text[s..e];
        e = s + body.trim_end_matches(is_trimmed).len();
        if e > s {
            self.out.push(Quoted { open: open.mark, start: s, end: e, close, depth: 0 });
        }
    }

    /// Ends the open quotation at stack index `k` as unclosed, found unclosed at offset `at`.
    fn unclosed(&mut self, k: usize, at: usize) {
        let o = self.stack[k];
        let end = match o.first_stop {
            Some(e) if e <= at => e,
            _ if self.last_end > o.content && self.last_end <= at => self.last_end,
            _ => at,
        };
        self.emit(&o, end, None);
    }

    /// Pops every quotation above stack index `k` (exclusive) as unclosed at `at`.
    fn pop_above(&mut self, k: usize, at: usize) {
        while self.stack.len() > k + 1 {
            let top = self.stack.len() - 1;
            self.unclosed(top, at);
            self.stack.pop();
        }
    }

    fn close(&mut self, k: usize, at: usize, mark_len: usize) {
        self.pop_above(k, at);
        if let Some(o) = self.stack.pop() {
            self.emit(&o, at, Some(at + mark_len));
        }
    }

    fn push(&mut self, at: usize, c: char, closers: [char; 2], ascii: bool) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { mark: at, content: at + c.len_utf8(), closers, ascii, first_stop: None });
        }
    }
}

/// Finds every quotation in `text` (see the module documentation), sorted by opening mark, with their depth.
///
/// ```
/// use hashiya::recognize::quote_marks::scan;
/// let t = "قال: \"لقد حان الوقت. غوايدو: \"الشعب معنا\"";
/// let q: Vec<&str> = scan(t).iter().map(|q| &t[q.start..q.end]).collect();
/// assert_eq!(q, ["لقد حان الوقت.", "الشعب معنا"]);
/// ```
pub fn scan(text: &str) -> Vec<Quoted> {
    let mut sc = Scanner { text, stack: Vec::new(), out: Vec::new(), last_end: 0 };
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        if is_break(c) {
            while let Some(top) = sc.stack.len().checked_sub(1) {
                sc.unclosed(top, i);
                sc.stack.pop();
            }
        } else if is_sentence_end(c) {
            let end = i + c.len_utf8();
            let full_stop = matches!(c, '.' | '۔')
                && prev != Some('.')
                && next != Some('.')
                && !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()));
            if full_stop {
                for o in sc.stack.iter_mut() {
                    o.first_stop.get_or_insert(end);
                }
            }
            if !(c == '.' && next.is_some_and(|n| n.is_ascii_digit())) {
                sc.last_end = end;
            }
        } else if is_quote_mark(c) {
            let left_space = prev.map_or(true, |p| p.is_whitespace());
            let right_space = next.map_or(true, |n| n.is_whitespace() || is_break(n));
            let can_open = !right_space && !next.is_some_and(closes_before);
            let can_close = !left_space && !prev.is_some_and(opens_after);
            let opener_like = can_open && !can_close;
            let closer_like = can_close && !can_open;
            // A lone proclitic letter glued to the mark (`و"المؤسسات`) belongs to the quoted word.
            let after_proclitic = prev.is_some_and(|p| matches!(p, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
                && prev2.map_or(true, |q| !q.is_alphanumeric())
                && can_open;
            if c == '"' {
                let k = sc.stack.iter().rposition(|o| o.ascii);
                let opens = opener_like || after_proclitic || (prev == Some(':') && can_open);
                match k {
                    Some(k) if opens => {
                        if sc.last_end > sc.stack[k].content {
                            // The open quotation saw a sentence end: it was never closed.
                            sc.pop_above(k, i);
                            sc.unclosed(k, i);
                            sc.stack.truncate(k);
                        }
                        sc.push(i, c, ['"', '"'], true);
                    }
                    Some(k) => sc.close(k, i, c.len_utf8()),
                    None if !closer_like => sc.push(i, c, ['"', '"'], true),
                    None => {}
                }
            } else if let Some((natural, mirror)) = directional(c) {
                // An apostrophe inside a word is not a quotation mark.
                let apostrophe = matches!(c, '’' | '‘')
                    && prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !apostrophe {
                    let k = sc.stack.iter().rposition(|o| !o.ascii && o.closers.contains(&c));
                    match k {
                        Some(k) if !(opener_like && natural.is_some()) => sc.close(k, i, c.len_utf8()),
                        _ => {
                            if let Some(cl) = natural {
                                sc.push(i, c, cl, false);
                            } else if opener_like {
                                sc.push(i, c, [mirror, mirror], false);
                            }
                        }
                    }
                }
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
    while let Some(top) = sc.stack.len().checked_sub(1) {
        sc.unclosed(top, text.len());
        sc.stack.pop();
    }
    let mut out = sc.out;
    out.sort_by(|a, b| a.open.cmp(&b.open).then(b.outer_end().cmp(&a.outer_end())));
    // Depth from the ranges themselves, so an unclosed quotation cut short does not count as enclosing what
    // came after its end.
    let mut ends: Vec<usize> = Vec::new();
    for q in &mut out {
        while ends.last().is_some_and(|&e| e <= q.open) {
            ends.pop();
        }
        q.depth = ends.len().min(u8::MAX as usize) as u8;
        ends.push(q.outer_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted words of every quotation with its depth and whether it was closed.
    fn q(t: &str) -> Vec<(String, u8, bool)> {
        scan(t).iter().map(|q| (t[q.start..q.end].to_string(), q.depth, q.close.is_some())).collect()
    }

    fn top(t: &str) -> Vec<String> {
        scan(t).iter().filter(|q| q.depth == 0).map(|q| t[q.start..q.end].to_string()).collect()
    }

    #[test]
    fn marks() {
        let cases: &[(&str, &[&str])] = &[
            ("قال \"نحن هنا\" أمس", &["نحن هنا"]),
            ("قال «نحن هنا» أمس", &["نحن هنا"]),
            ("قال »نحن هنا« أمس", &["نحن هنا"]),
            ("قال “نحن هنا” أمس", &["نحن هنا"]),
            ("قال ”نحن هنا“ أمس", &["نحن هنا"]),
            ("قال ‘نحن هنا’ أمس", &["نحن هنا"]),
            ("قال „نحن هنا“ أمس", &["نحن هنا"]),
            ("قال ‹نحن هنا› أمس", &["نحن هنا"]),
            ("گفت: «ما اینجا هستیم» و رفت", &["ما اینجا هستیم"]),
            ("گفت: \"ما اینجا هستیم\" و رفت", &["ما اینجا هستیم"]),
            ("قال:\"نحن هنا\"", &["نحن هنا"]),
            ("دعا إلى \"الشعب\" و\"المؤسسات الشرعية\" معا", &["الشعب", "المؤسسات الشرعية"]),
            ("\"للوفاء بالعقود\" و \"للمشاركة في المشاورات\"", &["للوفاء بالعقود", "للمشاركة في المشاورات"]),
            ("قال \" نحن هنا \" أمس", &["نحن هنا"]),
            ("ضده\"بمساعدة الإمبرياليين\".", &["بمساعدة الإمبرياليين"]),
        ];
        for (t, want) in cases {
            assert_eq!(top(t), *want, "{t}");
        }
    }

    #[test]
    fn nesting() {
        assert_eq!(
            q("قال «إن وصف «الخونة» مرفوض» أمس"),
            [("إن وصف «الخونة» مرفوض".to_string(), 0, true), ("الخونة".to_string(), 1, true)]
        );
        assert_eq!(
            q("قال \"إن وصف \"الخونة\" مرفوض\" أمس"),
            [("إن وصف \"الخونة\" مرفوض".to_string(), 0, true), ("الخونة".to_string(), 1, true)]
        );
        assert_eq!(
            q("گفت: «او را \"دیکتاتور\" خواند» و رفت"),
            [("او را \"دیکتاتور\" خواند".to_string(), 0, true), ("دیکتاتور".to_string(), 1, true)]
        );
        assert_eq!(q("„Er sagte ‚nein‘ dazu“"), [("Er sagte ‚nein‘ dazu".to_string(), 0, true), ("nein".into(), 1, true)]);
    }

    #[test]
    fn unbalanced() {
        let cases: &[(&str, &[&str])] = &[
            // An unclosed quotation ends at its first full stop and does not swallow what follows.
            (
                "كتب: \"لقد حان الوقت! المستقبل لنا. غوايدو: \"الشعب معنا\" غوايدو: \"أعصاب من حديد\".",
                &["لقد حان الوقت! المستقبل لنا.", "الشعب معنا", "أعصاب من حديد"],
            ),
            // No full stop: the last sentence end before the next opening mark.
            ("كتب: \"لقد حان الوقت! غوايدو: \"الشعب معنا\"", &["لقد حان الوقت!", "الشعب معنا"]),
            // A line break closes it.
            ("قال: «نحن هنا\nوقال آخر: «لا» ثم", &["نحن هنا", "لا"]),
            ("قال: \"نحن هنا\nثم \"هم هناك\"", &["نحن هنا", "هم هناك"]),
            // At the end of the text.
            ("قال: \"نحن هنا", &["نحن هنا"]),
            // A stray closing mark is ignored.
            ("قال إن الوضع طبيعي\" ثم \"عاد\"", &["عاد"]),
            ("قال » ثم", &[]),
            // Empty quotations are not quotations.
            ("\"\" و «  »", &[]),
        ];
        for (t, want) in cases {
            assert_eq!(top(t), *want, "{t}");
        }
    }

    #[test]
    fn not_quotation_marks() {
        assert!(scan("don’t and O’Brien").is_empty());
        assert!(scan("نص بلا علامات: 3.5 و 10:30").is_empty());
    }

    #[test]
    fn depth_is_bounded_and_nothing_panics() {
        let deep = "«".repeat(100) + "x" + &"»".repeat(100);
        let r = scan(&deep);
        assert!(r.len() <= MAX_DEPTH);
        for t in ["\"", "«", "»", "\"\"\"", "\u{0301}\"", "a\"\u{200C}\"b", "\n\"\n\"", "“„‚‘’”«»‹›"] {
            for q in scan(t) {
                assert!(q.start <= q.end && t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
            }
        }
    }

    mod regression {
        use super::*;

        #[test]
        fn unclosed_quote_followed_by_speaker_colon_quotes() {
            // Seed article 000's shape: an odd number of `"` and three `X: "…"` after the unclosed one.
            let t = "غوايدو كتب على تويتر: \"لقد حان الوقت! لقد سارت الولايات، المستقبل لنا. غوايدو: \"الشعب متحدون\" \
                     غوايدو: \"أعصاب من حديد! لقد تحدثت معهم\". غوايدو: \"ادعو إلى التعبئة.. وسننتصر\". ثم";
            assert_eq!(
                top(t),
                [
                    "لقد حان الوقت! لقد سارت الولايات، المستقبل لنا.",
                    "الشعب متحدون",
                    "أعصاب من حديد! لقد تحدثت معهم",
                    "ادعو إلى التعبئة.. وسننتصر"
                ]
            );
        }
    }
}
