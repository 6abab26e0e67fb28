//! Runs the shared date fixtures through the public `hashiya::annotate`: every case of
//! `../shared/dates/phenomena_seed.json` (spans, values, negatives) and every Jalali and Hijri case of
//! dateparser (conversions to Gregorian). The fixtures are read at test time; a missing folder fails.

use std::path::PathBuf;

use hashiya::{Calendar, Label, Lang, Options, Span, Ymd};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dates").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("date fixture {} is missing ({e}): the shared folder must be present", path.display())
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn lang(v: &Value) -> Lang {
    match v.get("lang").and_then(Value::as_str) {
        Some("fa") => Lang::Fa,
        _ => Lang::Ar,
    }
}

fn dates(text: &str, opts: &Options) -> Vec<Span> {
    hashiya::annotate(text, opts).spans.into_iter().filter(|s| s.label == Label::Date).collect()
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn phenomena_seed_cases() {
    let root = fixture("phenomena_seed.json");
    let reference = Ymd::parse(s(&root, "reference").expect("reference")).expect("reference date");
    let cases = root["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20, "expected the 20 phenomena cases, found {}", cases.len());
    for c in cases {
        let input = s(c, "input").expect("input");
        let opts = Options { reference: Some(reference), lang: Some(lang(c)) };
        let found = dates(input, &opts);
        assert_eq!(found.len(), 1, "{input}: expected one date, got {found:?}");
        let span = &found[0];
        assert_eq!(&input[span.start..span.end], s(c, "span").expect("span"), "{input}: span");
        let value = span.value.as_deref().unwrap_or("");
        // A bare weekday in news means the nearest past one.
        let want = match (s(c, "value"), s(c, "value_past"), s(c, "from"), s(c, "to_exclusive")) {
            (Some(v), ..) => v.to_string(),
            (None, Some(v), ..) => v.to_string(),
            (None, None, Some(from), Some(to)) => {
                let to = Ymd::parse(to).expect("to_exclusive");
                let last = hashiya::recognize::dates::calendars::add_days(to, -1);
                format!("{from}/{last}")
            }
            _ => panic!("{input}: case without a value"),
        };
        assert_eq!(value, want, "{input}: value");
        match s(c, "calendar") {
            Some("persian") => {
                assert_eq!(span.calendar, Some(Calendar::Jalali), "{input}: calendar");
                assert_eq!(span.gregorian.as_deref(), Some(want.as_str()), "{input}: gregorian");
            }
            Some(other) => panic!("{input}: unknown calendar {other}"),
            None => {}
        }
    }
    let negatives = root["negatives"].as_array().expect("negatives");
    assert_eq!(negatives.len(), 7);
    for c in negatives {
        let input = s(c, "input").expect("input");
        let found = dates(input, &Options { reference: Some(reference), lang: Some(lang(c)) });
        assert!(found.is_empty(), "{input}: not a date ({}), got {found:?}", s(c, "why").unwrap_or(""));
    }
}

/// The Gregorian date (and time when not midnight) of `expected` must match the span's `gregorian`.
fn check_conversion(input: &str, lang: Lang, expected: &str) {
    let found = dates(input, &Options { reference: None, lang: Some(lang) });
    assert_eq!(found.len(), 1, "{input}: expected one date, got {found:?}");
    let span = &found[0];
    assert_eq!(&input[span.start..span.end], input.trim(), "{input}: the whole string is the date");
    let g = span.gregorian.as_deref().unwrap_or_else(|| panic!("{input}: no Gregorian equivalent"));
    let (date, time) = expected.split_once('T').expect("expected_gregorian has a time");
    assert_eq!(&g[..10.min(g.len())], date, "{input}: Gregorian date");
    if time != "00:00:00" {
        let got_time = g.split_once('T').map(|(_, t)| t).unwrap_or("");
        let want = time.strip_suffix(":00").unwrap_or(time);
        assert_eq!(got_time, want, "{input}: time");
    }
}

#[test]
fn dateparser_jalali_cases() {
    let root = fixture("dateparser_jalali_fa.json");
    let cases = root["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 25);
    for c in cases {
        check_conversion(
            s(c, "date_string").expect("date_string"),
            Lang::Fa,
            s(c, "expected_gregorian").expect("expected"),
        );
    }
}

#[test]
fn dateparser_hijri_cases() {
    let root = fixture("dateparser_hijri_ar.json");
    let cases = root["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 9);
    for c in cases {
        let input = s(c, "dt_string").expect("dt_string");
        // dateparser is told the calendar out of band; in running text the Hijri era mark says it.
        let input = if input.contains("هـ") { input.to_string() } else { format!("{input} هـ") };
        check_conversion(&input, Lang::Ar, s(c, "expected_gregorian").expect("expected"));
    }
}
