// The page's side of the annotation worker: starts it (from ./worker.js, or from the source inlined in the
// self-contained dist/hashiya.html), and runs one annotation at a time; while one runs, only the newest text
// waits, so fast typing never queues stale work.
export class Annotator {
  constructor({ onReady, onBusy, onResult, onError }) {
    this.onReady = onReady;
    this.onBusy = onBusy;
    this.onResult = onResult;
    this.onError = onError;
    this.ready = false;
    this.inflight = null;
    this.pending = null;
    this.seq = 0;
    this.worker = this.start();
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => this.onError(null, e.message || 'the annotation worker failed to start');
  }

  start() {
    const inlineSource = document.getElementById('hashiya-worker-source');
    if (inlineSource) {
      const url = URL.createObjectURL(new Blob([inlineSource.textContent], { type: 'text/javascript' }));
      const worker = new Worker(url, { name: 'hashiya' });
      const wasm = document.getElementById('hashiya-wasm-base64');
      worker.postMessage({ type: 'init', wasmBase64: wasm ? wasm.textContent.trim() : '' });
      return worker;
    }
    const worker = new Worker('./worker.js', { type: 'module', name: 'hashiya' });
    worker.postMessage({ type: 'init' });
    return worker;
  }

  // Asks for `text` to be annotated (replacing any text still waiting).
  request(text, options) {
    this.pending = { text, options: options || {} };
    this.pump();
  }

  pump() {
    if (!this.ready || this.inflight || !this.pending) return;
    const job = { id: ++this.seq, ...this.pending };
    this.pending = null;
    this.inflight = job;
    this.onBusy(job.text);
    this.worker.postMessage({ type: 'annotate', id: job.id, text: job.text, options: job.options });
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.ready = true;
      this.onReady(msg.version);
      this.pump();
      return;
    }
    const job = this.inflight;
    if (msg.id == null) { this.onError(null, msg.message); return; }
    if (!job || msg.id !== job.id) return;
    this.inflight = null;
    const superseded = this.pending != null;
    if (msg.type === 'result' && !superseded) this.onResult(job.text, msg.result, msg.ms);
    else if (msg.type === 'error' && !superseded) this.onError(job.text, msg.message);
    this.pump();
  }
}
