//! Web and e-mail addresses in pasted articles (`https://lib.ku.edu:2048/sources`, `www.example.com/2019/05/`,
//! `info@example.org`): nothing inside one is a name, a date or a quotation. Without this rule the colon of
//! `http:` opened a statement, a port or a path gave a year (`2048`, `2019/05`) and a domain a speaker.
//!
//! An address starts at `http://`, `https://`, `ftp://` or `www.` (any case) at the start of a word, or is a
//! word holding `@` between Latin letters or digits and a dot after it; it runs to the next space or to a
//! closing bracket or quotation mark, and the punctuation that ends a sentence or a clause after it
//! (`.` `,` `;` `:` `!` `?` `،` `؛`) is left outside. A bare domain (`Entekhab.ir`) is no address here: news
//! sites are named so, and the corpora mark them as organisations.

use crate::span::Candidate;

/// The byte ranges of the web and e-mail addresses in `text`, in order.
pub fn addresses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Most articles hold no address: a byte scan for what every address holds skips the walk over words.
    let bytes = text.as_bytes();
    if holds_no_address(bytes) {
        return out;
    }
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let word_start = text[..i].chars().next_back().map_or(true, |c| !is_address_char(c));
        let c = rest.chars().next().unwrap_or(' ');
        if word_start && is_address_char(c) {
            let end = i + rest.find(|c: char| !is_address_char(c)).unwrap_or(rest.len());
            let word = trim_tail(&text[i..end]);
            if is_web(word) || is_email(word) {
                out.push((i, i + word.len()));
            }
            i = end.max(i + c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Empties (start = end, dropped later as invalid) the candidates that lie inside an address of `addrs`, and
/// clears speakers that do; a quotation that holds a whole address keeps it.
pub fn drop_inside(addrs: &[(usize, usize)], cands: &mut [Candidate]) {
    if addrs.is_empty() {
        return;
    }
    let inside = |a: usize, b: usize| {
        let k = addrs.partition_point(|&(_, e)| e <= a);
        addrs.get(k).is_some_and(|&(s, e)| s <= a && b <= e)
    };
    for c in cands.iter_mut() {
        if inside(c.span.start, c.span.end) {
            c.span.end = c.span.start;
        }
        if c.span.speaker.as_ref().is_some_and(|sp| inside(sp.start, sp.end)) {
            c.span.speaker = None;
        }
    }
}

/// Whether `bytes` lacks everything an address holds: `://`, `@` and `www.` in any case.
fn holds_no_address(bytes: &[u8]) -> bool {
    !bytes.windows(4).any(|w| w[0] == b'@' || &w[..3] == b"://" || w.eq_ignore_ascii_case(b"www."))
        && !bytes.iter().rev().take(3).any(|&b| b == b'@')
}

/// Characters an address is made of: anything but spaces, brackets and quotation marks.
fn is_address_char(c: char) -> bool {
    !(c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '«' | '»' | '"' | '\'' | '“' | '”'))
}

/// `word` without the punctuation that ends a sentence or clause after it.
fn trim_tail(word: &str) -> &str {
    word.trim_end_matches(['.', ',', ';', ':', '!', '?', '،', '؛'])
}

fn is_web(word: &str) -> bool {
    let lower = |p: &str| word.get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p));
    ["http://", "https://", "ftp://"].iter().any(|p| lower(p) && word.len() > p.len()) || (lower("www.") && word.len() > 4)
}

fn is_email(word: &str) -> bool {
    let Some((user, domain)) = word.split_once('@') else { return false };
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%');
    !user.is_empty()
        && user.chars().all(latin)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Label, Span};

    fn found(text: &str) -> Vec<&str> {
        addresses(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn finds_web_and_email_addresses() {
        assert_eq!(found("المصدر: http://lib.ku.edu:2048/sources/article"), ["http://lib.ku.edu:2048/sources/article"]);
        assert_eq!(found("راجع www.example.com/2019/05/a.html، للمزيد."), ["www.example.com/2019/05/a.html"]);
        assert_eq!(found("(HTTPS://t.co/2020abc) و info@example.org."), ["HTTPS://t.co/2020abc", "info@example.org"]);
        assert_eq!(found("«https://irna.ir/news/123»"), ["https://irna.ir/news/123"]);
        // a bare domain, a handle, a lone scheme and a word ending in www are no addresses
        assert!(found("به گزارش Entekhab.ir و @Reuters و http:// و awww.b").is_empty());
    }

    #[test]
    fn empties_what_lies_inside_an_address_and_keeps_what_holds_one() {
        let text = "قال الوزير: الموقع www.x.com/2019 سيطلق غدا";
        let addrs = addresses(text);
        let url = text.find("www").unwrap();
        let year = text.find("2019").unwrap();
        let mut cands = [
            Candidate { span: Span::new(Label::Date, year, year + 4), score: 0.8, source: "test" },
            Candidate { span: Span::new(Label::Statement, text.find("الموقع").unwrap(), text.len()), score: 0.6, source: "test" },
            Candidate { span: Span::new(Label::Org, url + 4, url + 5), score: 0.5, source: "test" },
        ];
        drop_inside(&addrs, &mut cands);
        assert_eq!(cands[0].span.start, cands[0].span.end);
        assert!(cands[1].span.start < cands[1].span.end);
        assert_eq!(cands[2].span.start, cands[2].span.end);
    }

    /// Through the whole annotator: an article's source line holds nothing but its address.
    #[test]
    fn nothing_inside_an_address_in_the_annotator() {
        for text in ["المصدر: http://lib.ku.edu:2048/sources/article", "راجع الموقع www.example.com/2019/05/article.html للمزيد", "الرابط https://t.co/2020abc"] {
            let doc = crate::annotate(text, &crate::Options::default());
            assert!(doc.spans.is_empty(), "{text}: {:?}", doc.spans);
        }
        let doc = crate::annotate("قال الرئيس نيكولاس مادورو في 2019 (https://example.com)", &crate::Options::default());
        assert!(doc.spans.iter().any(|s| s.label == Label::Per) && doc.spans.iter().any(|s| s.label == Label::Date), "{:?}", doc.spans);
    }
}
