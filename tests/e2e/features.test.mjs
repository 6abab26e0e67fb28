// The page end to end, beyond the first paste: a 2 MB article annotated in full while the page answers clicks;
// the hover card with dates' values and quotations' speakers; the quotation panel by speaker; JSON export and
// import round trip; and the self-contained dist/hashiya.html opened from file:// with every network request
// blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function seedTexts() {
  const dir = join(root, '..', 'shared', 'seeds');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
}

test('a 2 MB paste is annotated completely while the page stays responsive', async () => {
  const seeds = (await seedTexts()).join('\n');
  let text = '';
  while (text.length < 2_000_000) text += seeds + '\n';
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  const before = await page.evaluate(() => Number(document.getElementById('doc').dataset.revision || 0));
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // While the worker annotates, a click is handled at once.
  await page.waitForFunction(() => document.body.dataset.state === 'busy', null, { timeout: 10000 });
  const pressed = await page.getAttribute('#theme', 'aria-pressed');
  const t0 = Date.now();
  await page.click('#theme', { timeout: 2000 });
  await page.waitForFunction((p) => document.getElementById('theme').getAttribute('aria-pressed') !== p, pressed, { timeout: 2000 });
  const clickMs = Date.now() - t0;
  const stillBusy = await page.evaluate(() => document.body.dataset.state === 'busy');
  assert.ok(stillBusy, 'the click was handled while the annotation was still running');
  assert.ok(clickMs < 1000, `click handled in ${clickMs} ms`);

  await page.waitForFunction((b) => Number(document.getElementById('doc').dataset.revision || 0) > b, before, { timeout: 120000 });
  const shown = await page.evaluate(() => document.getElementById('doc').textContent.length);
  assert.equal(shown, text.length, 'the whole article is shown, nothing truncated');
  const ranges = await paintedRanges(page);
  assert.ok(ranges.length > 1000, `${ranges.length} ranges painted`);
  assert.ok(ranges[ranges.length - 1].start > text.length * 0.95, 'the end of the article is annotated too');
  for (const r of ranges.slice(-50)) assert.equal(text.slice(r.start, r.end), r.text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hover card shows a date\'s value and a quotation\'s speaker; quotations are listed by speaker', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, text);

  const hoverCard = async (label) => {
    await page.evaluate((name) => {
      const r = [...CSS.highlights.get('hl-' + name)][0];
      window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
    }, label);
    await page.waitForTimeout(300); // let the scroll (which hides the card) settle
    const box = await page.evaluate((name) => {
      const r = [...CSS.highlights.get('hl-' + name)][0];
      const rect = r.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: r.toString() };
    }, label);
    await page.mouse.move(box.x + 1, box.y);
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => !document.getElementById('card').hidden, null, { timeout: 5000 });
    return { text: box.text, card: await page.textContent('#card') };
  };
  const date = await hoverCard('DATE');
  assert.ok(date.card.includes(date.text), 'the card shows the date as written');
  assert.match(date.card, /(REF[+-]\d+[DWMY]|XXXX-\d\d-\d\d|\b\d{4}\b)/, 'the card shows the normalised value');
  await screenshot(page, 'card-date.png');

  await page.mouse.move(5, 5);
  const quote = await hoverCard('QUOTE');
  assert.ok(quote.card.includes('غوايدو') || /Speaker/.test(quote.card), 'the card names the speaker');

  const speakers = await page.$$eval('#quote-list h3.speaker', (els) => els.map((e) => e.textContent));
  assert.ok(speakers.some((s) => s.includes('غوايدو')), `quotations grouped by speaker: ${speakers.join(' | ')}`);
  const dates = await page.$$eval('#date-list li', (els) => els.map((e) => e.textContent));
  assert.ok(dates.some((d) => d.includes('XXXX-01-23')), 'the date panel lists normalised values');
  assert.deepEqual(errors, []);
  await context.close();
});

test('JSON export imports back to the same document and spans', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, text);
  const original = await paintedRanges(page);
  await page.selectOption('#export-format', 'json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.ok(JSON.stringify(exported).includes('scalar'), 'the export states its offset unit');

  const { page: page2, context: context2, errors: errors2 } = await openPage(browser, server.url);
  await waitReady(page2);
  const before = await page2.evaluate(() => Number(document.getElementById('doc').dataset.revision || 0));
  await page2.setInputFiles('#import-file', file);
  await page2.waitForFunction((b) => Number(document.getElementById('doc').dataset.revision || 0) > b, before);
  assert.equal(await page2.evaluate(() => document.getElementById('doc').textContent), text);
  assert.deepEqual(await paintedRanges(page2), original);
  assert.deepEqual([...errors, ...errors2], []);
  await context.close();
  await context2.close();
});

test('dist/hashiya.html works from file:// with the network off', async () => {
  const dist = join(root, 'dist', 'hashiya.html');
  assert.ok((await stat(dist)).size > 100_000, 'dist/hashiya.html is built (scripts/build.sh)');
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors, blocked } = await openPage(browser, pathToFileURL(dist).href, { offline: true });
  await waitReady(page);
  await setText(page, text);
  const ranges = await paintedRanges(page);
  assert.ok(ranges.some((r) => r.label === 'LOC' && r.text === 'فنزويلا'), 'annotated from file://');
  for (const r of ranges) assert.equal(text.slice(r.start, r.end), r.text);
  await screenshot(page, 'dist-file.png');
  assert.deepEqual(blocked, [], 'no network request was even attempted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('entity panel: mentions grouped with count and aliases; clicking steps through the mentions; progress shows while busy', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  // The progress indicator is visible while the worker annotates.
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForFunction(() => document.body.dataset.state === 'busy' && !document.getElementById('progress').hidden,
    null, { timeout: 10000, polling: 1 });
  await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 30000 });
  assert.equal(await page.isHidden('#progress'), true, 'no progress indicator once done');

  const items = await page.$$eval('#entity-list button.item', (els) => els.map((e) => ({
    id: e.dataset.entity, name: e.querySelector('.name').textContent, count: Number(e.querySelector('.count').textContent.replace('×', '')),
    aliases: e.querySelector('.aliases')?.textContent || '',
  })));
  const maduro = items.find((e) => e.name === 'نيكولاس مادورو');
  assert.ok(maduro && maduro.aliases.includes('مادورو'), `the full name with its short form as an alias: ${JSON.stringify(maduro)}`);
  const guaido = items.find((e) => e.name.includes('غوايدو'));
  assert.ok(guaido && guaido.count >= 5, `غوايدو grouped: ${JSON.stringify(items.slice(0, 5))}`);
  assert.deepEqual(items.map((e) => e.count), [...items.map((e) => e.count)].sort((a, b) => b - a), 'most mentioned first');

  const seen = [];
  for (let k = 0; k < 3; k++) {
    await page.click(`#entity-list button[data-entity="${guaido.id}"]`);
    const [cur] = await paintedRanges(page, 'hl-current');
    assert.ok(cur && cur.text.includes('غوايدو'), `mention ${k} is focused: ${cur && cur.text}`);
    assert.equal(text.slice(cur.start, cur.end), cur.text);
    seen.push(cur.start);
  }
  assert.ok(seen[0] < seen[1] && seen[1] < seen[2], `clicks step forward through the mentions: ${seen}`);
  assert.deepEqual(errors, []);
  await context.close();
});
