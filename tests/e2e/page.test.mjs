// The page end to end (issue 2): paste seed article 000, wait for the worker, check the painted ranges against
// the text, their offsets and the structure of the article; user text never becomes markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000 } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('seed article 000 pasted: places painted at their exact UTF-16 offsets, paragraphs right-to-left', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors, blocked } = await openPage(browser, server.url);
  await waitReady(page);
  // A real paste through the clipboard, as a user would do it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const before = await page.evaluate(() => Number(document.getElementById('doc').dataset.revision || 0));
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await page.waitForFunction((b) => Number(document.getElementById('doc').dataset.revision) > b, before, { timeout: 30000 });
  assert.equal(await page.inputValue('#input'), text, 'the paste put the whole article in the text box');

  // The article is the input, character for character, as text nodes only inside its paragraphs.
  const structure = await page.evaluate(() => {
    const doc = document.getElementById('doc');
    const ps = [...doc.querySelectorAll('p')];
    return {
      text: doc.textContent,
      paragraphs: ps.map((p) => ({
        dir: p.dir, lang: p.lang,
        onlyText: [...p.childNodes].every((n) => n.nodeType === 3 || (n.tagName === 'BDI' && n.childNodes.length === 1 && n.firstChild.nodeType === 3)),
      })),
      // Elements inside the text: only <bdi> around Latin letters and digits, never around Arabic letters.
      inside: [...doc.querySelectorAll('p *')].map((e) => [e.tagName, e.textContent]),
    };
  });
  assert.equal(structure.text, text);
  assert.ok(structure.paragraphs.length >= 1, 'the article has its paragraph');
  for (const p of structure.paragraphs) {
    assert.equal(p.dir, 'rtl');
    assert.equal(p.lang, 'ar');
    assert.ok(p.onlyText);
  }
  for (const [tag, t] of structure.inside) {
    assert.equal(tag, 'BDI');
    assert.doesNotMatch(t, /[\u0600-\u06FF]/, 'no element holds an Arabic letter (letter joining is never broken)');
  }
  const isolated = structure.inside.map(([, t]) => t);
  assert.ok(isolated.includes('2013') && isolated.includes('23'), `numbers are isolated: ${isolated.join(' | ')}`);

  // Every painted range's text equals the input at its offsets.
  const ranges = await paintedRanges(page);
  assert.ok(ranges.length > 10, `many spans painted (${ranges.length})`);
  for (const r of ranges) {
    if (r.label === 'current') continue;
    assert.equal(text.slice(r.start, r.end), r.text, `${r.label} ${r.start}..${r.end}`);
  }
  // Known places: every occurrence of فنزويلا standing as a word is painted as LOC at its UTF-16 offset.
  const venezuela = ranges.filter((r) => r.text === 'فنزويلا');
  assert.ok(venezuela.length >= 2, 'فنزويلا is painted');
  for (const r of venezuela) assert.equal(r.label, 'LOC');
  const expected = [];
  for (let i = text.indexOf('فنزويلا'); i >= 0; i = text.indexOf('فنزويلا', i + 1)) {
    const after = text[i + 'فنزويلا'.length] || ' ';
    if (!/[\u0621-\u064A]/.test(after)) expected.push(i);
  }
  const painted = venezuela.map((r) => r.start);
  for (const i of painted) assert.ok(expected.includes(i), `offset ${i} is a real occurrence`);
  assert.ok(ranges.some((r) => r.label === 'LOC' && r.text === 'كولومبيا'), 'كولومبيا is painted as LOC');

  // The legend counts what is painted.
  const legend = await page.$$eval('#legend .chip', (els) => els.map((e) => [e.dataset.label, Number(e.querySelector('.count').textContent)]));
  const loc = legend.find(([l]) => l === 'LOC')[1];
  assert.equal(loc, ranges.filter((r) => r.label === 'LOC').length);

  const shot = await screenshot(page, 'seed-000.png', { fullPage: true });
  assert.ok(shot);
  assert.deepEqual(blocked, [], 'no request left 127.0.0.1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted HTML is shown as text, never as markup', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  const html = 'قال <b>الرئيس</b> <img src=x onerror="window.__pwned=1"> في فنزويلا <script>window.__pwned=2</script>\n&amp; <i>نص</i>';
  await setText(page, html);
  const got = await page.evaluate(() => ({
    text: document.getElementById('doc').textContent,
    elements: document.querySelectorAll('#doc b, #doc img, #doc script, #doc i').length,
    pwned: window.__pwned || 0,
  }));
  assert.equal(got.text, html);
  assert.equal(got.elements, 0);
  assert.equal(got.pwned, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Persian paragraphs get lang="fa", mixed documents keep each paragraph its own language', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  const text = 'قال الرئيس الفنزويلي إن الحكومة تسيطر على الوضع في البلاد\nرئیس‌جمهور ونزوئلا گفت که دولت بر اوضاع کشور مسلط است';
  await setText(page, text);
  const ps = await page.$$eval('#doc p', (els) => els.map((p) => [p.lang, p.dir, p.textContent]));
  assert.deepEqual(ps.map(([l, d]) => [l, d]), [['ar', 'rtl'], ['fa', 'rtl']]);
  assert.ok(ps[1][2].includes('\u200c'), 'the ZWNJ is kept as pasted');
  assert.deepEqual(errors, []);
  await context.close();
});
