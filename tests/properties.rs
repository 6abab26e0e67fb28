//! Property tests: for any input, annotation never panics, and its spans are sorted, lie on character
#![cfg(not(target_arch = "wasm32"))]
//! boundaries, map back to the original text and survive the UTF-16 and scalar round trips.

use hashiya::offsets::{to_byte, OffsetTable, Unit};
use hashiya::output::DocumentOut;
use hashiya::{annotate, Options};
use proptest::prelude::*;

/// Strings mixing Arabic and Persian letters, diacritics, digits of three systems, quotes, ZWNJ, NBSP, emoji,
/// control characters, combining marks, Latin and arbitrary scalars.
fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("الولايات المتحدة".to_string()),
        Just("غوايدو".to_string()),
        Just("وكالة ".to_string()),
        Just("هيئة الإذاعة البريطانية".to_string()),
        Just("\nReuters\n".to_string()),
        Just("Getty Images/".to_string()),
        Just("لغوايدو".to_string()),
        Just("رئیس\u{200C}جمهور".to_string()),
        Just("\u{00A0}".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\"".to_string()),
        Just(": ".to_string()),
        Just("\n".to_string()),
        Just("٢٣ يناير/كانون الثاني ۱۴۰۲".to_string()),
        Just("مُحَمَّدٌ".to_string()),
        Just("😀".to_string()),
        Just("\u{0301}\u{064B}\u{0640}".to_string()),
        Just("\u{0000}\u{0007}\u{001B}\u{200F}".to_string()),
        "[a-zA-Z0-9 .,!?]{0,8}",
        "[\u{0600}-\u{06FF} ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let doc = annotate(text, &Options::default());
    let mut prev = 0;
    for s in &doc.spans {
        assert!(s.start < s.end && s.end <= text.len(), "bad range {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span cuts a character: {s:?}");
        assert!(s.start >= prev, "spans not sorted");
        prev = s.start;
        if let Some(sp) = &s.speaker {
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end) && sp.start <= sp.end);
        }
        if let Some(e) = s.entity {
            assert!((e as usize) < doc.entities.len());
        }
    }
    let table = OffsetTable::new(text, doc.offsets());
    for unit in [Unit::Utf16, Unit::Scalar] {
        let out = DocumentOut::new(text, &doc, unit);
        for (o, s) in out.spans.iter().zip(&doc.spans) {
            // to_byte is linear in the offset: check the reverse mapping on small inputs only.
            if text.len() < 20_000 {
                assert_eq!(to_byte(text, o.start, unit), s.start);
                assert_eq!(to_byte(text, o.end, unit), s.end);
            }
            assert_eq!(table.get(s.start, unit), o.start);
            assert_eq!(o.text, &text[s.start..s.end]);
        }
    }
    // Scalar offsets index the text as a sequence of chars, as Python does.
    let chars: Vec<char> = text.chars().collect();
    for o in DocumentOut::new(text, &doc, Unit::Scalar).spans {
        assert_eq!(chars[o.start..o.end].iter().collect::<String>(), o.text);
    }
    // UTF-16 offsets index the UTF-16 encoding, as JavaScript does.
    let units: Vec<u16> = text.encode_utf16().collect();
    for o in DocumentOut::new(text, &doc, Unit::Utf16).spans {
        assert_eq!(String::from_utf16_lossy(&units[o.start..o.end]), o.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_mixed_text(text in mixed_text()) {
        check(&text);
    }

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn offsets_round_trip(text in mixed_text(), cut in 0usize..400) {
        let mut b = cut.min(text.len());
        while !text.is_char_boundary(b) { b -= 1; }
        let tab = OffsetTable::new(&text, [b]);
        for unit in [Unit::Byte, Unit::Utf16, Unit::Scalar] {
            prop_assert_eq!(to_byte(&text, tab.get(b, unit), unit), b);
        }
    }
}

#[test]
fn seed_articles_round_trip() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("../shared/seeds must exist beside the project") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            check(&std::fs::read_to_string(&path).unwrap());
            n += 1;
        }
    }
    assert_eq!(n, 5);
}

#[test]
fn hostile_inputs() {
    let big = "قال غوايدو: \"المستقبل لنا\" في كراكاس. ".repeat(20_000);
    for text in [
        String::new(),
        " ".to_string(),
        "\u{FFFD}\u{0000}\u{FEFF}".to_string(),
        "\u{064B}\u{064B}\u{064B}".to_string(),
        "<script>alert(1)</script><b>فنزويلا</b>".to_string(),
        String::from_utf8_lossy(&(0..=255u8).cycle().take(10_000).collect::<Vec<u8>>()).into_owned(),
        "\"".repeat(1000),
        "«".repeat(500) + &"»".repeat(3),
        big,
    ] {
        check(&text);
    }
}

/// A megabyte of one construction repeated with no space or no full stop, the shapes that made stages walk
/// from every match to the end of the run: a lexicon split of glued names (`الولاياتالمتحدة` hashed every
/// prefix), a glued run of given names read as one person (its edit distance to itself and an automaton built
/// over it), colon statements with no full stop (each walked to the end of the text). Each took a minute or
/// more; linear, each takes well under a second in release, so a regression shows as a CI run over its time.
/// Names glossed in brackets (`مادورو (Maduro)`) are a construction of the same kind.
#[test]
fn megabyte_runs() {
    for (unit, times) in [
        ("الولاياتالمتحدة", 40_000),
        ("محمدعلیحسن", 60_000),
        ("قال: ", 120_000),
        ("رئیسجمهورآمریکا", 40_000),
        ("ومادوروبغوايدو", 40_000),
        ("«نيكولاس»", 60_000),
        ("۱۲مارس۲۰۱۹", 60_000),
        ("http://", 100_000),
        ("مادورو (Maduro) ", 50_000),
    ] {
        let text = unit.repeat(times);
        check(&text);
    }
}
