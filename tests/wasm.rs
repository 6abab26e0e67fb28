//! The exported WebAssembly API, run in headless Chromium by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//!  cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use hashiya::wasm::annotate;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Deserialize, Debug)]
struct Span {
    label: String,
    start: usize,
    end: usize,
    text: String,
}

#[derive(Deserialize, Debug)]
struct Paragraph {
    lang: String,
}

#[derive(Deserialize, Debug)]
struct Result {
    unit: String,
    lang: String,
    spans: Vec<Span>,
    paragraphs: Vec<Paragraph>,
    replaced: usize,
    warnings: Vec<String>,
}

fn run(text: &JsValue, options: JsValue) -> Result {
    let v = annotate(text.clone(), options).unwrap_or_else(|_| panic!("annotate threw"));
    // Plain objects, not class instances.
    assert_eq!(js_sys::Object::get_prototype_of(&v), js_sys::Object::get_prototype_of(&js_sys::Object::new().into()));
    serde_wasm_bindgen::from_value(v).unwrap()
}

/// The UTF-16 slice [start, end) of a JavaScript string, as JavaScript's `substring` gives it.
fn js_slice(s: &JsValue, start: usize, end: usize) -> String {
    let s: &js_sys::JsString = s.unchecked_ref();
    String::from(s.substring(start as u32, end as u32))
}

#[wasm_bindgen_test]
fn arabic_text_gets_utf16_offsets() {
    let text = JsValue::from_str("😀 زار الرئيس فنزويلا ثم كولومبيا");
    let r = run(&text, JsValue::UNDEFINED);
    assert_eq!(r.unit, "utf16");
    assert_eq!(r.lang, "ar");
    let loc = r.spans.iter().find(|s| s.text == "فنزويلا").expect("فنزويلا found");
    assert_eq!(loc.label, "LOC");
    // The emoji is two UTF-16 units: offsets must index the JavaScript string directly.
    assert_eq!(js_slice(&text, loc.start, loc.end), "فنزويلا");
    for s in &r.spans {
        assert_eq!(js_slice(&text, s.start, s.end), s.text);
    }
}

#[wasm_bindgen_test]
fn persian_text() {
    let text = JsValue::from_str("رئیس‌جمهور ایران در تهران گفت که این کشور از روسیه حمایت می‌کند");
    let r = run(&text, JsValue::UNDEFINED);
    assert_eq!(r.lang, "fa");
    assert_eq!(r.paragraphs.len(), 1);
    assert_eq!(r.paragraphs[0].lang, "fa");
    assert!(r.spans.iter().any(|s| s.text == "تهران" && s.label == "LOC"), "{:?}", r.spans);
    for s in &r.spans {
        assert_eq!(js_slice(&text, s.start, s.end), s.text);
    }
}

#[wasm_bindgen_test]
fn lone_surrogate_is_replaced_without_shifting_offsets() {
    // "\uD800 في فنزويلا": a lone high surrogate before a name.
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let text: JsValue = lone.concat(&JsValue::from_str(" سافر إلى فنزويلا")).into();
    let r = run(&text, JsValue::UNDEFINED);
    assert_eq!(r.replaced, 1);
    assert_eq!(r.warnings.len(), 1);
    let loc = r.spans.iter().find(|s| s.label == "LOC").expect("a place after the surrogate");
    assert_eq!(js_slice(&text, loc.start, loc.end), "فنزويلا");
    assert_eq!(loc.text, "فنزويلا");
}

#[wasm_bindgen_test]
fn errors_cross_as_javascript_errors() {
    let e = annotate(JsValue::from_f64(42.0), JsValue::UNDEFINED).err().expect("a number is not text");
    let e: JsValue = e.into();
    let e: js_sys::Error = e.dyn_into().expect("a JavaScript Error");
    assert!(String::from(e.message()).contains("must be a string"));

    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"reference".into(), &"2019-13-01".into()).unwrap();
    let e: JsValue = annotate(JsValue::from_str("نص"), opts.into()).err().expect("bad reference").into();
    let e: js_sys::Error = e.dyn_into().unwrap();
    assert!(String::from(e.message()).contains("reference"));

    // After errors the module still works.
    let r = run(&JsValue::from_str(""), JsValue::NULL);
    assert!(r.spans.is_empty());
}
