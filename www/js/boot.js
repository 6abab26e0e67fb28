// Starts the annotation worker as early as the page can. index.html loads this module before app.js, whose
// module graph takes a while to fetch and run; meanwhile the worker starts and, in parallel, the page fetches
// and compiles the wasm (compileStreaming, off the main thread) and hands the compiled module to the worker,
// which then only instantiates it. Messages that arrive before the page's Annotator listens are kept for it.
// The self-contained dist/hashiya.html inlines the worker's source and the wasm (as base64) instead.
export const boot = { worker: null, messages: [], errors: [] };

function startWorker() {
  const inlineSource = document.getElementById('hashiya-worker-source');
  if (inlineSource) {
    const url = URL.createObjectURL(new Blob([inlineSource.textContent], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'hashiya' });
    const wasm = document.getElementById('hashiya-wasm-base64');
    worker.postMessage({ type: 'init', wasmBase64: wasm ? wasm.textContent.trim() : '' });
    return worker;
  }
  const worker = new Worker('./worker.js', { type: 'module', name: 'hashiya' });
  const compiled = typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch('./pkg/hashiya_bg.wasm'))
    : Promise.reject(new Error('no WebAssembly.compileStreaming'));
  // Should the page not compile it (an old browser, a server without the application/wasm type), the worker
  // fetches the wasm itself.
  compiled.then((module) => worker.postMessage({ type: 'init', module }), () => worker.postMessage({ type: 'init' }));
  return worker;
}

boot.worker = startWorker();
boot.worker.onmessage = (e) => boot.messages.push(e.data);
boot.worker.onerror = (e) => boot.errors.push(e);
