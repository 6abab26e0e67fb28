// Shared helpers for the end-to-end tests: a static server for www/ on 127.0.0.1 (port 0), Chromium through
// playwright-core (the system /usr/bin/chromium, never a downloaded one), and page actions.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const www = join(root, 'www');
export const results = join(root, 'test-results');
export const seedPath = (name) => join(root, '..', 'shared', 'seeds', name);
export const SEED_000 = '000_745bfc57e1266e65.txt';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

// Serves `dir` on 127.0.0.1 at a free port; resolves to {url, close, requests}.
export async function serve(dir = www) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A page whose requests may only go to 127.0.0.1 (or file:, blob:, data:); anything else is aborted and recorded.
// Page errors and console errors are recorded too, so tests can assert there were none.
export async function openPage(browser, url, { locale = 'en-US', colorScheme = 'light', viewport = { width: 1280, height: 900 }, offline = false, deviceScaleFactor = 1, init = null } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport, deviceScaleFactor, serviceWorkers: 'allow' });
  if (init) await context.addInitScript(init);
  const blocked = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    const local = u.protocol === 'file:' || u.protocol === 'blob:' || u.protocol === 'data:' ||
      (!offline && u.hostname === '127.0.0.1');
    if (local) return route.continue();
    blocked.push(u.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  await page.goto(url);
  return { context, page, blocked, errors };
}

export async function waitReady(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'idle' || document.body.dataset.state === 'done', null, { timeout: 30000 });
}

// Puts `text` into the text box as an input event (what a paste does) and waits for the article to be re-rendered.
export async function setText(page, text, { timeout = 60000 } = {}) {
  const before = await page.evaluate(() => Number(document.getElementById('doc').dataset.revision || 0));
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.focus();
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForFunction((b) => Number(document.getElementById('doc').dataset.revision || 0) > b, before, { timeout });
}

// Every painted range as {label, text, start, end}, offsets counted in UTF-16 units from the article's start.
// `name` keeps one highlight only; `prefix` is what highlight names start with (the app's "hl-"; the HTML
// snapshot names its highlights by label alone).
export async function paintedRanges(page, name, prefix = 'hl-') {
  return page.evaluate(([only, prefix]) => {
    const doc = document.getElementById('doc');
    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    const base = new Map();
    let pos = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { base.set(n, pos); pos += n.data.length; }
    const out = [];
    for (const [key, hl] of CSS.highlights) {
      if (!key.startsWith(prefix) || (only && key !== only)) continue;
      for (const r of hl) {
        out.push({ label: key.slice(prefix.length), text: r.toString(), start: base.get(r.startContainer) + r.startOffset, end: base.get(r.endContainer) + r.endOffset });
      }
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }, [name || null, prefix]);
}

export async function screenshot(page, name, opts = {}) {
  await mkdir(results, { recursive: true });
  const path = join(results, name);
  await page.screenshot({ path, ...opts });
  return path;
}

// Selects [start, end) of the article (UTF-16 offsets of its text) as a user's drag would, with the article focused.
export async function selectArticle(page, start, end) {
  await page.evaluate(([a, b]) => {
    const doc = document.getElementById('doc');
    doc.focus();
    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    let pos = 0;
    const r = new Range();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (a >= pos && a <= pos + len) r.setStart(n, a - pos);
      if (b >= pos && b <= pos + len) { r.setEnd(n, b - pos); break; }
      pos += len;
    }
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }, [start, end]);
}

// The centre of the first box of the painted range of `label` covering [start, end), scrolled into view.
export async function rangeCentre(page, label, start) {
  return page.evaluate(([name, s]) => {
    const doc = document.getElementById('doc');
    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    const base = new Map();
    let pos = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { base.set(n, pos); pos += n.data.length; }
    const r = [...CSS.highlights.get('hl-' + name)].find((x) => base.get(x.startContainer) + x.startOffset === s);
    window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
    const rect = r.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, [label, start]);
}
