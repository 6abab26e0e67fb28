// The annotation worker (source: the build joins it with the wasm-bindgen glue into one classic script,
// pkg/worker.js, which the page starts): loads the Rust core (wasm-bindgen `--target web` output) and answers
// {type:"annotate", id, text, options} with {type:"result", id, result, ms}, so the page never blocks on it.
// The "init" message normally carries the wasm already compiled by the page (js/boot.js); should the page have
// failed to compile it, it carries the wasm's bytes (the self-contained dist/hashiya.html, because nothing can be
// fetched from file://; the page decoded them from base64) or nothing, and init() fetches hashiya_bg.wasm next
// to pkg/worker.js.
import init, { annotate, warmup, version } from './pkg/hashiya.js';

let ready = null;

// A few lines of news in both languages: names with titles and proclitics, an organisation, places, dates in
// three calendars and in words, a clock time, and a quotation.
const PRIMER = 'قال الرئيس الفنزويلي نيكولاس مادورو لوكالة رويترز يوم الأحد 23 يناير/كانون الثاني 2019 في كراكاس: ' +
  '«سنبقى هنا» حتى الساعة الثالثة فجرا، بعد ثلاثة أيام من اجتماع الاتحاد الأوروبي في 14 رمضان 1440 هـ.\n' +
  'به گزارش خبرگزاری ایرنا، رئیس‌جمهور آمریکا روز سه‌شنبه ۱۲ مرداد ۱۴۰۲ در تهران گفت: «این تصمیم نهایی است».';

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
  // Sent by the page once it has taken "ready" (so this never competes with the page's own start-up): while the
  // reader is still pasting, a small annotation runs every stage four times, so the browser compiles the wasm's
  // functions now rather than during the reader's first article (measured on seed 000 a second after ready:
  // 15-26 ms primed, 48-71 ms not). A request sent meanwhile just waits.
  if (msg.type === 'prime') {
    try {
      await ready;
      for (let i = 0; i < 4; i++) annotate(PRIMER, {});
    } catch { /* only a warm-up; a failed load was reported already */ }
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
