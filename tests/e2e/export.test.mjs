// Every export format downloaded through the page, checked against the text: W3C Web Annotation (position and
// quote selectors, scalar offsets), CoNLL/BIO, brat standoff, CSV, and an HTML snapshot that paints the highlights
// by itself (opened from file:// with the network off, without the app). An emoji before the article makes
// UTF-16 and scalar offsets differ, so a unit mix-up shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000, results } from './helpers.mjs';

let server;
let browser;
let page;
let context;
let errors;
let text;
let chars;
let spans; // the page's spans as {label, start, end, text} with scalar offsets
before(async () => {
  server = await serve();
  browser = await launch();
  text = '😀 ' + await readFile(seedPath(SEED_000), 'utf8');
  chars = Array.from(text);
  ({ page, context, errors } = await openPage(browser, server.url));
  await waitReady(page);
  await setText(page, text);
  const scalar = (o) => Array.from(text.slice(0, o)).length;
  spans = (await paintedRanges(page)).filter((r) => r.label !== 'current')
    .map((r) => ({ label: r.label, start: scalar(r.start), end: scalar(r.end), text: r.text }));
});
after(async () => { await context?.close(); await browser?.close(); await server?.close(); });

async function download(format) {
  await page.selectOption('#export-format', format);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  return { name: d.suggestedFilename(), path: await d.path(), body: await readFile(await d.path(), 'utf8') };
}
const slice = (a, b) => chars.slice(a, b).join('');
const key = (s) => `${s.label} ${s.start} ${s.end}`;

test('W3C Web Annotation: TextPositionSelector and TextQuoteSelector in scalar offsets', async () => {
  const { name, body } = await download('webanno');
  assert.match(name, /\.jsonld$/);
  const doc = JSON.parse(body);
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  const items = doc.first.items;
  assert.equal(items.length, spans.length);
  for (const it of items) {
    assert.equal(it.type, 'Annotation');
    const pos = it.target.selector.find((s) => s.type === 'TextPositionSelector');
    const quote = it.target.selector.find((s) => s.type === 'TextQuoteSelector');
    assert.equal(slice(pos.start, pos.end), quote.exact, 'position and quote agree in scalar offsets');
    assert.equal(slice(pos.start - Array.from(quote.prefix).length, pos.start), quote.prefix, 'prefix');
    assert.equal(slice(pos.end, pos.end + Array.from(quote.suffix).length), quote.suffix, 'suffix');
  }
  const got = new Set(items.map((it) => {
    const pos = it.target.selector.find((s) => s.type === 'TextPositionSelector');
    return `${it.body[0].value} ${pos.start} ${pos.end}`;
  }));
  for (const s of spans) assert.ok(got.has(key(s)), key(s));
});

test('CoNLL/BIO: tokens with scalar offsets, B-/I- tags on names', async () => {
  const { body } = await download('conll');
  const rows = body.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  assert.ok(rows.length > 100);
  for (const [tok, a, b, ner, quote] of rows) {
    assert.equal(slice(Number(a), Number(b)), tok, `token ${tok} at ${a}`);
    assert.match(ner, /^(O|[BI]-(PER|LOC|ORG|DATE))$/);
    assert.match(quote, /^(O|[BI]-(QUOTE|STATEMENT))$/);
  }
  const names = spans.filter((s) => s.label === 'LOC' && s.text === 'فنزويلا');
  assert.ok(names.length);
  for (const s of names) {
    const row = rows.find((r) => Number(r[1]) <= s.start && s.start < Number(r[2]));
    assert.equal(row[3], 'B-LOC', `فنزويلا at ${s.start} (token ${row[0]}) is B-LOC`);
  }
  const two = spans.find((s) => s.label === 'PER' && / /.test(s.text));
  if (two) {
    const i = rows.findIndex((r) => Number(r[1]) === two.start);
    assert.deepEqual([rows[i][3], rows[i + 1][3]], ['B-PER', 'I-PER'], `${two.text} is B-PER I-PER`);
  }
});

test('brat standoff: T lines with scalar offsets and the covered text', async () => {
  const { name, body } = await download('brat');
  assert.match(name, /\.ann$/);
  const t = body.split('\n').filter((l) => l.startsWith('T')).map((l) => l.split('\t'));
  assert.equal(t.length, spans.length);
  const got = new Set();
  for (const [id, def, covered] of t) {
    assert.match(id, /^T\d+$/);
    const [label, ...rest] = def.split(' ');
    const frags = rest.join(' ').split(';').map((f) => f.split(' ').map(Number));
    assert.equal(frags.map(([a, b]) => slice(a, b)).join(' '), covered);
    got.add(`${label} ${frags[0][0]} ${frags[frags.length - 1][1]}`);
  }
  for (const s of spans) assert.ok(got.has(key(s)), key(s));
});

// A small CSV reader (RFC 4180 quoting).
function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

test('CSV: one row per span, scalar offsets, text quoted safely', async () => {
  const { body } = await download('csv');
  const [head, ...rows] = parseCsv(body);
  assert.deepEqual(head.slice(0, 5), ['label', 'start', 'end', 'unit', 'text']);
  assert.equal(rows.length, spans.length);
  for (const [label, a, b, unit, covered] of rows) {
    assert.equal(unit, 'scalar');
    assert.equal(slice(Number(a), Number(b)), covered, `${label} ${a}`);
  }
  assert.ok(rows.some((r) => r[4].includes('"') || r[4].includes('،')), 'quotations with quote marks survive the quoting');
  const got = new Set(rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`));
  for (const s of spans) assert.ok(got.has(key(s)), key(s));
});

test('HTML snapshot renders the highlights without the app, from file:// with the network off', async () => {
  const { path: downloaded, body } = await download('html');
  const path = join(results, 'snapshot.html');
  await mkdir(results, { recursive: true });
  await copyFile(downloaded, path);
  assert.ok(!body.includes('app.js') && !body.includes('hashiya_bg'), 'the snapshot does not load the app');
  const { page: snap, context: ctx, errors: snapErrors, blocked } = await openPage(browser, pathToFileURL(path).href, { offline: true });
  const painted = {
    out: await paintedRanges(snap, null, ''),
    ...await snap.evaluate(() => {
      const doc = document.getElementById('doc');
      return { text: doc.textContent, elementsInText: doc.querySelectorAll('p *').length };
    }),
  };
  assert.equal(painted.text, text, 'the snapshot shows the text as it was');
  assert.equal(painted.elementsInText, 0, 'no element inside the text');
  const scalar = (o) => Array.from(text.slice(0, o)).length;
  const got = new Set(painted.out.map((r) => `${r.label} ${scalar(r.start)} ${scalar(r.start + r.text.length)}`));
  assert.equal(painted.out.length, spans.length);
  for (const s of spans) assert.ok(got.has(key(s)), key(s));
  const bg = await snap.evaluate(() => getComputedStyle(document.body).getPropertyValue('font-family'));
  assert.ok(bg.length > 0);
  await screenshot(snap, 'export-snapshot.png');
  assert.deepEqual(blocked, []);
  assert.deepEqual(snapErrors, []);
  await ctx.close();
  assert.deepEqual(errors, []);
});
