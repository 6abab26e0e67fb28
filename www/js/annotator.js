// The page's side of the annotation worker (started early by boot.js): runs one annotation at a time; while one
// runs, only the newest text waits, so fast typing never queues stale work.
// Started by js/boot.js, which ran before any module.
const boot = globalThis.hashiyaBoot;

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
    this.worker = boot.worker;
    const failed = (e) => this.onError(null, e.message || 'the annotation worker failed to start');
    // What the worker said before this object existed is handled once the caller has it (after this task).
    const early = boot.messages.splice(0);
    const earlyErrors = boot.errors.splice(0);
    queueMicrotask(() => {
      earlyErrors.forEach(failed);
      early.forEach((m) => this.receive(m));
      this.worker.onmessage = (e) => this.receive(e.data);
      this.worker.onerror = failed;
    });
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
      // The worker warms up now that the page has started (see worker.js).
      this.worker.postMessage({ type: 'prime' });
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
