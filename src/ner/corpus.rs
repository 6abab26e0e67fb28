//! Reading CoNLL-style NER corpora in their several formats and mapping their tag sets onto PER / LOC / ORG.
//!
//! Formats, recognised line by line: `token<TAB>TAG` (ParsTwiNER, WikiANN, with an optional `ar:` / `fa:`
//! language prefix on the token), `token TAG [TAG...]` (ANERcorp, AQMAR, ARMAN; Wojood's nested layers, of
//! which the first, outermost, is used) and `token|B_TAG` (PEYMA; a literal pipe token is `||O`). A blank line
//! ends a sentence.
//!
//! The tag mapping, in one place ([`map_type`]):
//! - PER: `PER`, `PERS`, `pers`;
//! - LOC: `LOC`, `loc`, `GPE` (Wojood), and facilities `fac` / `FAC` (the product counts named sites and
//!   facilities as places);
//! - ORG: `ORG`, `org`, and `POG` (ParsTwiNER's political groups: parties, movements);
//! - dropped (outside): `MISC` / `MIS`, `pro`, `event` / `EVE`, `NAT` / `NORP` (nationalities), `OCC`, dates,
//!   times, money, percentages and Wojood's other types.

use crate::span::Label;

/// One sentence: tokens as written and their tags (0 = O, see [`super::model`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One BIO tag per token, repaired so that every entity starts with a B- tag.
    pub tags: Vec<u8>,
    /// The sentence's domain ([`super::features::domain`]; 0 until the reader of the corpus sets it).
    pub domain: u8,
}

/// Maps a corpus entity type onto PER / LOC / ORG (see the module documentation).
pub fn map_type(t: &str) -> Option<Label> {
    match t {
        "PER" | "PERS" | "pers" | "per" => Some(Label::Per),
        "LOC" | "loc" | "GPE" | "gpe" | "fac" | "FAC" => Some(Label::Loc),
        "ORG" | "org" | "POG" => Some(Label::Org),
        _ => None,
    }
}

/// Whether a field looks like a BIO tag (`O`, `B-X`, `I_X`, `E-X`, `S-X`).
fn is_tag(s: &str) -> bool {
    s == "O" || (s.len() > 2 && matches!(s.get(..2), Some("B-" | "I-" | "B_" | "I_" | "E-" | "S-")))
}

/// Parses a tag string into (begins, label); `None` for outside or unmapped types.
pub fn parse_tag(s: &str) -> Option<(bool, Label)> {
    if s.len() < 3 || !s.is_char_boundary(2) {
        return None;
    }
    let (pre, typ) = s.split_at(2);
    let label = map_type(typ)?;
    match pre {
        "B-" | "B_" | "S-" => Some((true, label)),
        "I-" | "I_" | "E-" => Some((false, label)),
        _ => None,
    }
}

/// Splits one non-blank line into token and tag.
pub fn parse_line(line: &str) -> (&str, &str) {
    if let Some((tok, tag)) = line.rsplit_once('\t') {
        let tok = match tok.split_once(':') {
            Some((lang, rest)) if lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase()) && !rest.is_empty() => rest,
            _ => tok,
        };
        return (tok, tag.trim());
    }
    let mut fields = line.split(' ').filter(|f| !f.is_empty());
    if let (Some(tok), Some(tag)) = (fields.next(), fields.next()) {
        if is_tag(tag) {
            return (tok, tag);
        }
    }
    if let Some((tok, tag)) = line.rsplit_once('|') {
        if is_tag(tag.trim()) && !tok.is_empty() {
            return (tok, tag.trim());
        }
    }
    (line.trim(), "O")
}

/// Tag number of (begins, label).
fn tag_of(t: Option<(bool, Label)>) -> u8 {
    match t {
        Some((b, l)) => super::model::begin_tag(l) + u8::from(!b),
        None => 0,
    }
}

/// Makes every entity start with B-: an I- tag that does not continue its own label becomes B-.
pub fn repair(tags: &mut [u8]) {
    let mut prev: Option<u8> = None;
    for t in tags.iter_mut() {
        if !super::model::allowed(prev, *t) {
            *t -= 1;
        }
        prev = Some(*t);
    }
}

/// Parses a whole corpus file.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>| {
        if !cur.tokens.is_empty() {
            repair(&mut cur.tags);
            out.push(std::mem::take(cur));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        let (tok, tag) = parse_line(line);
        if tok.is_empty() {
            continue;
        }
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag_of(parse_tag(tag)));
    }
    flush(&mut cur, &mut out);
    out
}

/// Entity spans (first token, one past the last, label) of a repaired tag sequence.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(l) = super::model::tag_label(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && tags[j] == super::model::begin_tag(l) + 1 {
            j += 1;
        }
        out.push((i, j, l));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let cases: &[(&str, (&str, &str))] = &[
            ("فرانكفورت B-LOC", ("فرانكفورت", "B-LOC")),
            ("کرج|B_LOC", ("کرج", "B_LOC")),
            ("||O", ("|", "O")),
            ("ایرانیانی\tB-NAT", ("ایرانیانی", "B-NAT")),
            ("ar:دايو\tB-ORG", ("دايو", "B-ORG")),
            ("الأسد I-ORG B-PERS", ("الأسد", "I-ORG")),
            ("بلا", ("بلا", "O")),
            // regression: a tag-less line whose token starts with an ASCII letter and Arabic.
            ("Oالإصابة", ("Oالإصابة", "O")),
        ];
        for &(line, want) in cases {
            assert_eq!(parse_line(line), want, "{line}");
        }
    }

    #[test]
    fn mapping() {
        assert_eq!(parse_tag("B-PERS"), Some((true, Label::Per)));
        assert_eq!(parse_tag("I_ORG"), Some((false, Label::Org)));
        assert_eq!(parse_tag("B-fac"), Some((true, Label::Loc)));
        assert_eq!(parse_tag("B-GPE"), Some((true, Label::Loc)));
        assert_eq!(parse_tag("B-MISC"), None);
        assert_eq!(parse_tag("B-NAT"), None);
        assert_eq!(parse_tag("O"), None);
        assert_eq!(parse_tag("B-ع"), None);
    }

    #[test]
    fn sentences_and_repair() {
        let s = parse("a B-PER\nb I-PER\nc I-LOC\n\n\nd O\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, [1, 2, 3]);
        assert_eq!(spans(&s[0].tags), [(0, 2, Label::Per), (2, 3, Label::Loc)]);
        assert_eq!(s[1].tokens, ["d"]);
    }
}
