// The annotation worker: loads the Rust core (wasm-bindgen `--target web` output in ./pkg) and answers
// {type:"annotate", id, text, options} with {type:"result", id, result, ms}, so the page never blocks on it.
// The "init" message normally carries the wasm already compiled by the page (js/boot.js); should the page have
// failed to compile it, it carries it as base64 (the self-contained dist/hashiya.html, because nothing can be
// fetched from file://) or nothing, and init() fetches ./pkg/hashiya_bg.wasm next to this file.
import init, { annotate, warmup, version } from './pkg/hashiya.js';

let ready = null;

function fromBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    ready = (async () => {
      const wasm = msg.module || (msg.wasmBase64 ? fromBase64(msg.wasmBase64) : null);
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
