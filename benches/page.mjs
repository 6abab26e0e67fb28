// Browser benchmark (prints numbers, asserts nothing): serves www/, opens the page in Debian's Chromium and
// measures, over several cold loads, the time from navigation to the annotator being ready (worker started,
// wasm compiled and instantiated, tables built) — on the page's own Performance timeline, and as the driver sees
// it (which adds Playwright's round trips); the worker's time for the reader's first article; then, on the page's
// main thread, the annotation time for each seed article and for 1 MB of news text. Run after scripts/build.sh:  node benches/page.mjs
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, root } from '../tests/e2e/helpers.mjs';

const runs = Number(process.env.RUNS || 5);
const server = await serve();
const browser = await launch();
const seedsDir = join(root, '..', 'shared', 'seeds');
const seeds = await Promise.all((await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()
  .map((n) => readFile(join(seedsDir, n), 'utf8')));

const ready = [];
const inPage = [];
const firstArticle = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  // One evaluation that resolves when the page sets its mark: polling (waitForFunction) would run the driver's
  // injected script on the page's main thread every few milliseconds, in the very window being measured.
  await page.evaluate(() => new Promise((ok) => {
    const done = () => performance.getEntriesByName('hashiya-ready').length > 0;
    if (done()) ok();
    else new PerformanceObserver((_, o) => { if (done()) { o.disconnect(); ok(); } }).observe({ type: 'mark', buffered: true });
  }));
  ready.push(Date.now() - t0);
  // The page's own timeline: navigation start to the 'hashiya-ready' mark app.js sets when the worker says ready
  // (no automation round trips in it).
  inPage.push(Math.round(await page.evaluate(() => performance.getEntriesByName('hashiya-ready')[0].startTime)));
  // The reader's first article, a second after ready (as long as pasting takes): the worker's own time for the
  // first seed article, asked of the page's worker directly.
  await page.waitForTimeout(1000);
  firstArticle.push(Math.round(await page.evaluate((text) => new Promise((ok) => {
    const w = globalThis.hashiyaBoot.worker;
    const h = (e) => { if (e.data && e.data.id === 'bench-first') { w.removeEventListener('message', h); ok(e.data.ms); } };
    w.addEventListener('message', h);
    w.postMessage({ type: 'annotate', id: 'bench-first', text, options: {} });
  }), seeds[0])));
  if (i === runs - 1) {
    const timings = await page.evaluate(async (texts) => {
      const { default: init, annotate, warmup } = await import('./pkg/hashiya.js');
      const t0 = performance.now();
      await init();
      const tInit = performance.now() - t0;
      const t1 = performance.now();
      warmup();
      const tWarm = performance.now() - t1;
      const per = texts.map((t) => { const s = performance.now(); annotate(t, {}); return performance.now() - s; });
      let big = '';
      while (big.length < 1_000_000) big += texts.join('\n') + '\n';
      const s = performance.now();
      const r = annotate(big, {});
      return { tInit, tWarm, per, bigMs: performance.now() - s, bigLen: big.length, bigSpans: r.spans.length };
    }, seeds);
    console.log(`wasm init (compile + instantiate, warm cache): ${timings.tInit.toFixed(0)} ms; tables built: ${timings.tWarm.toFixed(0)} ms`);
    console.log(`seed articles: ${timings.per.map((x) => x.toFixed(1) + ' ms').join(', ')}`);
    console.log(`1 MB (${timings.bigLen} UTF-16 units): ${timings.bigMs.toFixed(0)} ms, ${timings.bigSpans} spans, ` +
      `${(timings.bigLen / 1e6 / (timings.bigMs / 1000)).toFixed(2)} M chars/s in wasm`);
  }
  await context.close();
}
const report = (what, xs) => {
  xs.sort((a, b) => a - b);
  console.log(`${what} (cold context, ${runs} runs): median ${xs[runs >> 1]} ms, min ${xs[0]} ms, max ${xs[runs - 1]} ms`);
};
report('page load to annotator ready, in the page (navigation start to ready)', inPage);
report('page load to annotator ready, as the test driver sees it (goto to ready seen)', ready);
report('first seed article in the worker, a second after ready', firstArticle);
await browser.close();
await server.close();
