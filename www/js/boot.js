// Starts the annotation worker as early as the page can. index.html runs this small classic script first in
// <head>, before app.js (whose module graph takes a while to fetch and run); meanwhile the worker starts and, in
// parallel, the page compiles the wasm (off the main thread; index.html preloads it) and hands the compiled
// module to the worker, which then only instantiates it. Messages that arrive before the page's Annotator
// listens are kept for it in globalThis.hashiyaBoot, which js/annotator.js reads.
// Over http the worker is ./pkg/worker.js (worker.js and the wasm-bindgen glue as one classic script, written by
// scripts/bundle.mjs) and the wasm streams from ./pkg/hashiya_bg.wasm (compileStreaming); the self-contained
// dist/hashiya.html inlines the same worker source and the wasm (as base64) instead.
(() => {
  const boot = { worker: null, messages: [], errors: [] };
  globalThis.hashiyaBoot = boot;

  // Base64 to bytes (natively where the browser can).
  function fromBase64(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  function startWorker() {
    const inlineSource = document.getElementById('hashiya-worker-source');
    let worker, compiled, fallback;
    if (inlineSource) {
      const url = URL.createObjectURL(new Blob([inlineSource.textContent], { type: 'text/javascript' }));
      worker = new Worker(url, { name: 'hashiya' });
      const inlineWasm = document.getElementById('hashiya-wasm-base64');
      const b64 = inlineWasm ? inlineWasm.textContent.trim() : '';
      // Decoded once, here: should compiling fail, the worker gets the bytes.
      let bytes;
      compiled = (async () => WebAssembly.compile(bytes = fromBase64(b64)))();
      fallback = () => ({ type: 'init', wasmBytes: bytes });
    } else {
      worker = new Worker('./pkg/worker.js', { name: 'hashiya' });
      compiled = typeof WebAssembly.compileStreaming === 'function'
        ? WebAssembly.compileStreaming(fetch('./pkg/hashiya_bg.wasm'))
        : Promise.reject(new Error('no WebAssembly.compileStreaming'));
      fallback = () => ({ type: 'init' });
    }
    // Should the page fail to compile it (an old browser, a server without the application/wasm type), the
    // worker loads the wasm itself, and reports any error.
    compiled.then((module) => worker.postMessage({ type: 'init', module }), () => worker.postMessage(fallback()));
    return worker;
  }

  boot.worker = startWorker();
  boot.worker.onmessage = (e) => boot.messages.push(e.data);
  boot.worker.onerror = (e) => boot.errors.push(e);
})();
