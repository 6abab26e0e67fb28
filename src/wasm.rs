//! The WebAssembly interface: the only module that names `wasm_bindgen`, `js_sys` or `web_sys`.
//!
//! JavaScript calls `annotate(text, options)` and gets a plain object (no class instances) whose offsets count
//! UTF-16 code units, ready for DOM `Range`s. Errors cross as JavaScript `Error`s.
//!
//! Lone surrogates: a JavaScript string may hold unpaired surrogates, which no Rust string can. Each one is
//! replaced by U+FFFD before annotation. Both are one UTF-16 unit, so every offset returned still indexes the
//! caller's original string; the result's `replaced` field counts the replacements and `warnings` says so.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::offsets::Unit;
use crate::output::DocumentOut;
use crate::{Lang, Options, Ymd};

/// Installs the panic hook (so a bug would show a readable message in the console) and builds the annotator's
/// tables, so the first `annotate` call is as fast as the others.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Builds the recognizers' tables now rather than on the first call (the page calls it while idle).
#[wasm_bindgen]
pub fn warmup() {
    let _ = crate::annotator();
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsOptions {
    reference: Option<String>,
    lang: Option<String>,
}

#[derive(Serialize)]
struct JsResult {
    #[serde(flatten)]
    doc: DocumentOut,
    /// Lone surrogates replaced by U+FFFD (offsets unaffected).
    replaced: usize,
    warnings: Vec<String>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let o: JsOptions = serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("bad options: {e}")))?;
    let mut opts = Options::default();
    if let Some(r) = o.reference.filter(|r| !r.is_empty()) {
        opts.reference = Some(Ymd::parse(&r).map_err(|e| JsError::new(&format!("bad options.reference: {e}")))?);
    }
    match o.lang.as_deref() {
        None | Some("" | "auto") => {}
        Some(l) => {
            opts.lang = Some(Lang::parse(l).ok_or_else(|| JsError::new(&format!("bad options.lang: {l:?} (ar, fa or auto)")))?)
        }
    }
    Ok(opts)
}

/// Annotates `text` and returns `{unit: "utf16", lang, paragraphs, spans, entities, replaced, warnings}`.
///
/// Throws a JavaScript `Error` when `text` is not a string or `options` is malformed.
#[wasm_bindgen]
pub fn annotate(text: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let js: js_sys::JsString = text.dyn_into().map_err(|_| JsError::new("annotate: text must be a string"))?;
    let opts = options(options_value)?;
    // Crossing into Rust, TextEncoder already writes U+FFFD for each lone surrogate; they are only counted here.
    let text = js.as_string().ok_or_else(|| JsError::new("annotate: text must be a string"))?;
    let replaced =
        if js.is_valid_utf16() { 0 } else { char::decode_utf16(js.iter()).filter(|r| r.is_err()).count() };
    let mut warnings = Vec::new();
    if replaced > 0 {
        let msg = format!("{replaced} lone surrogate(s) replaced by U+FFFD; offsets are unchanged");
        web_sys::console::warn_1(&JsValue::from_str(&msg));
        warnings.push(msg);
    }
    let doc = crate::annotate(&text, &opts);
    let result = JsResult { doc: DocumentOut::new(&text, &doc, Unit::Utf16), replaced, warnings };
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("annotate: could not build the result: {e}")))
}
