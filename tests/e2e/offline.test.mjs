// Offline and closed to the network: the service worker keeps every file so that a reload works with the server
// gone and the browser offline; the Content-Security-Policy refuses any request to another address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000 } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('served over http, the service worker caches everything: a reload works with the network off', async () => {
  const server = await serve();
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  // The worker installs, takes control and has every file of the page in its cache.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 10000 });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const out = [];
    for (const k of keys) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });
  for (const f of ['/', '/index.html', '/app.js', '/pkg/worker.js', '/style.css', '/pkg/hashiya.js', '/pkg/hashiya_bg.wasm',
    '/fonts/Vazirmatn-wght.woff2', '/js/view.js', '/js/corrections.js', '/js/documents.js']) {
    assert.ok(cached.includes(f), `${f} is cached (${cached.join(' ')})`);
  }

  // The server goes away and the browser goes offline; the page reloads and still annotates.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await setText(page, text);
  const ranges = await paintedRanges(page);
  assert.ok(ranges.some((r) => r.label === 'LOC' && r.text === 'فنزويلا'), 'annotated offline');
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    const f = [...document.fonts].find((x) => x.family.includes('Vazirmatn'));
    return f && f.status;
  });
  assert.equal(font, 'loaded', 'the bundled font came from the cache');
  await screenshot(page, 'offline-reload.png');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('the Content-Security-Policy refuses requests to any other address', async () => {
  const server = await serve();
  const { page, context, blocked } = await openPage(browser, server.url);
  await waitReady(page);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push([e.effectiveDirective, e.blockedURI]));
    let fetchError = '';
    try { await fetch('https://example.com/track'); } catch (err) { fetchError = String(err); }
    const img = new Image();
    const imgDone = new Promise((ok) => { img.onerror = () => ok('error'); img.onload = () => ok('load'); });
    img.src = 'https://example.org/pixel.png';
    const imgResult = await imgDone;
    await new Promise((ok) => setTimeout(ok, 100));
    return { fetchError, imgResult, violations };
  });
  assert.match(outcome.fetchError, /TypeError|Failed to fetch/, 'the fetch was refused');
  assert.equal(outcome.imgResult, 'error');
  assert.ok(outcome.violations.some(([d, u]) => d === 'connect-src' && u.startsWith('https://example.com')), 'CSP connect-src refused the fetch');
  assert.ok(outcome.violations.some(([d, u]) => d === 'img-src' && u.startsWith('https://example.org')), 'CSP img-src refused the image');
  assert.deepEqual(blocked, [], 'the requests never left the page (refused by CSP before the network)');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  await context.close();
  await server.close();
});
