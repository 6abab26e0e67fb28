// Correcting through the real page: select text and press a digit to add a span, click a span to relabel or
// remove it, move its boundaries by whole characters with keys, undo and redo; the corrections are a layer apart
// from the machine output, go into the exports, survive a reload, and documents can be kept and reopened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000, selectArticle, rangeCentre, root,
} from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const has = (ranges, label, start, end) => ranges.some((r) => r.label === label && r.start === start && r.end === end);

// The first Arabic word of at least 4 letters that no painted range touches.
function freeWord(text, ranges) {
  const re = /[\u0621-\u064A]{4,}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const a = m.index;
    const b = a + m[0].length;
    if (!ranges.some((r) => r.start < b + 1 && r.end > a - 1)) return [a, b];
  }
  throw new Error('no free word');
}

test('select + digit adds a span; click, relabel, boundaries, remove, undo/redo; kept apart and exported', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, text);
  const machine = (await paintedRanges(page)).filter((r) => r.label !== 'current');
  const [a, b] = freeWord(text, machine);

  // Add: select a word and press 2 (LOC).
  await selectArticle(page, a, b);
  await page.keyboard.press('2');
  let ranges = await paintedRanges(page);
  assert.ok(has(ranges, 'LOC', a, b), `the selected word ${text.slice(a, b)} is painted as LOC`);
  assert.ok(has(ranges, 'current', a, b), 'the new span is the current one');
  assert.match(await page.textContent('#card'), /your correction/, 'the card says the span is the user\'s');
  assert.equal(await page.textContent('#edit-count'), '1 correction');

  // Boundaries by whole characters: ] moves the start on, [ back, = moves the end on, - back.
  await page.keyboard.press(']');
  assert.ok(has(await paintedRanges(page), 'LOC', a + 1, b), 'start +1');
  await page.keyboard.press('[');
  await page.keyboard.press('=');
  assert.ok(has(await paintedRanges(page), 'LOC', a, b + 1), 'end +1');
  await page.keyboard.press('-');
  assert.ok(has(await paintedRanges(page), 'LOC', a, b), 'end back');

  // Relabel with 1 (PER), undo, redo.
  await page.keyboard.press('1');
  ranges = await paintedRanges(page);
  assert.ok(has(ranges, 'PER', a, b) && !has(ranges, 'LOC', a, b), 'relabelled as PER');
  await page.keyboard.press('Control+Z');
  ranges = await paintedRanges(page);
  assert.ok(has(ranges, 'LOC', a, b) && !has(ranges, 'PER', a, b), 'undo brings LOC back');
  await page.keyboard.press('Control+Shift+Z');
  assert.ok(has(await paintedRanges(page), 'PER', a, b), 'Ctrl+Shift+Z redoes');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Y');
  assert.ok(has(await paintedRanges(page), 'PER', a, b), 'Ctrl+Y redoes');

  // The menu does the same as the keys: select another free word and press the ORG button.
  const taken = await paintedRanges(page);
  const [c, d] = freeWord(text, taken);
  await selectArticle(page, c, d);
  await page.click('#edit-labels [data-label="ORG"]');
  assert.ok(has(await paintedRanges(page), 'ORG', c, d), 'the ORG menu button added a span');

  // Click a machine span with the mouse and remove it with Delete.
  const loc = machine.find((r) => r.label === 'LOC');
  const pt = await rangeCentre(page, 'LOC', loc.start);
  const count = async () => Number(await page.textContent('#legend [data-label="LOC"] .count'));
  const before = await count();
  await page.mouse.click(pt.x, pt.y);
  assert.ok(has(await paintedRanges(page), 'current', loc.start, loc.end), 'the clicked span is current');
  assert.equal(await page.isDisabled('#edit-remove'), false);
  await page.keyboard.press('Delete');
  assert.ok(!has(await paintedRanges(page), 'LOC', loc.start, loc.end), 'the machine span is removed');
  assert.equal(await count(), before - 1, 'the legend count follows');
  await screenshot(page, 'correcting.png');

  // Keyboard only: focus the article, step to the first highlight with n and relabel it with 4 (DATE).
  await page.focus('#doc');
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const first = (await paintedRanges(page, 'hl-current'))[0];
  await page.keyboard.press('4');
  assert.ok(has(await paintedRanges(page), 'DATE', first.start, first.end), 'the focused span became a DATE');
  await page.keyboard.press('Control+Z');

  // The machine layer is untouched and the layer is separate; exports include the corrections.
  const layer = await page.evaluate(() => JSON.parse(localStorage.getItem('hashiya.doc.' + localStorage.getItem('hashiya.last'))));
  assert.equal(layer.text, text);
  assert.deepEqual(layer.corrections.removed, [`LOC@${loc.start}-${loc.end}`]);
  assert.deepEqual(layer.corrections.added.map((x) => [x.label, x.start, x.end]), [['PER', a, b], ['ORG', c, d]]);
  await page.selectOption('#export-format', 'json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const scalar = (o) => Array.from(text.slice(0, o)).length;
  assert.ok(exported.spans.some((s) => s.label === 'PER' && s.start === scalar(a) && s.end === scalar(b) && s.origin === 'user'),
    'the JSON export holds the added span');
  assert.ok(!exported.spans.some((s) => s.label === 'LOC' && s.start === scalar(loc.start) && s.end === scalar(loc.end)),
    'the JSON export leaves out the removed span');

  // A reload brings the document back with its corrections.
  const rev = await page.evaluate(() => Number(document.getElementById('doc').dataset.revision));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.getElementById('doc').dataset.empty === 'false', null, { timeout: 30000 });
  assert.ok(rev > 0);
  ranges = await paintedRanges(page);
  assert.equal(await page.inputValue('#input'), text);
  assert.ok(has(ranges, 'PER', a, b) && has(ranges, 'ORG', c, d), 'added spans survive the reload');
  assert.ok(!has(ranges, 'LOC', loc.start, loc.end), 'the removal survives the reload');
  assert.equal(await page.textContent('#edit-count'), '3 corrections');
  assert.deepEqual(errors, []);
  await context.close();
});

test('several documents are kept and reopened from the document list', async () => {
  const one = await readFile(seedPath(SEED_000), 'utf8');
  const second = await readFile(seedPath('001_7bcc20c0f0713250.txt'), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, one);
  const machine = await paintedRanges(page);
  const [a, b] = freeWord(one, machine);
  await selectArticle(page, a, b);
  await page.keyboard.press('3');
  await setText(page, second);
  const items = await page.$$eval('#doc-list .open-doc', (els) => els.map((e) => e.textContent));
  assert.equal(items.length, 2, `two documents kept: ${items.join(' | ')}`);
  assert.equal(await page.getAttribute('#doc-list li:first-child .open-doc', 'aria-current'), 'true', 'the open document is marked');
  await screenshot(page, 'documents.png');

  // Reopen the first: its text and its correction come back.
  const rev = await page.evaluate(() => Number(document.getElementById('doc').dataset.revision));
  await page.click('#doc-list li:nth-child(2) .open-doc');
  await page.waitForFunction((r) => Number(document.getElementById('doc').dataset.revision) > r, rev);
  assert.equal(await page.evaluate(() => document.getElementById('doc').textContent), one);
  assert.ok(has(await paintedRanges(page), 'ORG', a, b), 'the correction came back with the document');

  // Delete the other one from the list.
  await page.click('#doc-list li:nth-child(1) .delete-doc');
  assert.equal(await page.locator('#doc-list .open-doc').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dist/hashiya.html from file://: corrections work and survive a reload there too', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const dist = pathToFileURL(join(root, 'dist', 'hashiya.html')).href;
  const { page, context, errors, blocked } = await openPage(browser, dist, { offline: true });
  await waitReady(page);
  await setText(page, text);
  const [a, b] = freeWord(text, await paintedRanges(page));
  await selectArticle(page, a, b);
  await page.keyboard.press('6');
  assert.ok(has(await paintedRanges(page), 'STATEMENT', a, b), 'added from file://');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.getElementById('doc').dataset.empty === 'false', null, { timeout: 30000 });
  assert.ok(has(await paintedRanges(page), 'STATEMENT', a, b), 'kept across a reload from file://');
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await context.close();
});
