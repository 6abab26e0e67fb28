// The annotation worker: loads the Rust core (wasm-bindgen `--target web` output in ./pkg) and answers
// {type:"annotate", id, text, options} with {type:"result", id, result, ms}, so the page never blocks on it.
// The "init" message normally carries the wasm already compiled by the page (js/boot.js); should the page have
// failed to compile it, it carries the wasm's bytes (the self-contained dist/hashiya.html, because nothing can be
// fetched from file://; the page decoded them from base64) or nothing, and init() fetches ./pkg/hashiya_bg.wasm
// next to this file.
import init, { annotate, warmup, version } from './pkg/hashiya.js';

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    ready = (async () => {
      const wasm = msg.module || msg.wasmBytes || null;
      await init(wasm ? { module_or_path: wasm } : undefined);
      warmup();
      return version();
    })();
    try {
      self.postMessage({ type: 'ready', version: await ready });
    } catch (err) {
      self.postMessage({ type: 'error', id: null, message: 'could not load the annotator: ' + (err && err.message || err) });
    }
    return;
  }
  if (msg.type === 'annotate') {
    try {
      await ready;
      const t0 = performance.now();
      const result = annotate(msg.text, msg.options || {});
      self.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ type: 'error', id: msg.id, message: String(err && err.message || err) });
    }
  }
};
