// How labels look beyond colour: each label has its own line (underline/overline and style) so colour-blind
// readers and print can tell them apart; the print stylesheet keeps the article and drops the controls; and where
// the CSS Custom Highlight API is missing, boxes behind the text paint the same spans (never inside a word).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000, results } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LABELS = ['PER', 'LOC', 'ORG', 'DATE', 'QUOTE', 'STATEMENT'];

// The text-decoration of each ::highlight(hl-X) rule in the page's stylesheet (outside @media print).
const highlightLines = (page) => page.evaluate(() => {
  const out = {};
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      const m = rule.selectorText && /::highlight\(hl-([A-Z]+)\)/.exec(rule.selectorText);
      if (!m) continue;
      // The shorthand holds var() colours, so its longhands read empty: take the keywords from it.
      const words = rule.style.getPropertyValue('text-decoration').split(/\s+/);
      out[m[1]] = {
        line: words.find((w) => ['underline', 'overline', 'line-through'].includes(w)),
        style: words.find((w) => ['solid', 'double', 'dotted', 'dashed', 'wavy'].includes(w)) || 'solid',
      };
    }
  }
  return out;
});

test('every label has its own line style as well as a colour, in the article, the legend and the fallback', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  const lines = await highlightLines(page);
  const patterns = LABELS.map((l) => {
    assert.ok(lines[l] && lines[l].line && lines[l].line !== 'none', `${l} has a line`);
    return `${lines[l].line} ${lines[l].style}`;
  });
  assert.equal(new Set(patterns).size, LABELS.length, `six distinct line patterns: ${patterns.join(', ')}`);
  // The legend's swatches carry the same patterns (a border in the same style).
  const swatches = await page.$$eval('#legend .swatch', (els) => els.map((e) => {
    const cs = getComputedStyle(e);
    return cs.borderBottomStyle !== 'none' ? `under ${cs.borderBottomStyle}` : `over ${cs.borderTopStyle}`;
  }));
  assert.equal(swatches.length, LABELS.length);
  assert.equal(new Set(swatches).size, LABELS.length, `distinct swatches: ${swatches.join(', ')}`);
  LABELS.forEach((l, i) => {
    const want = `${lines[l].line === 'overline' ? 'over' : 'under'} ${lines[l].style}`;
    assert.equal(swatches[i], want, `${l}: the swatch shows the article's pattern`);
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: the article and its panels, without the controls; label lines in black so patterns carry meaning', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { colorScheme: 'dark' });
  await waitReady(page);
  await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
  await page.emulateMedia({ media: 'print' });
  const look = await page.evaluate(() => {
    const shown = (sel) => { const el = document.querySelector(sel); return !!el && el.checkVisibility(); };
    const root = getComputedStyle(document.documentElement);
    return {
      controls: ['#input', '#ui-lang', '#theme', '#editbar', '#export-download', '#doc-list'].filter(shown),
      doc: shown('#doc') && document.getElementById('doc').textContent.length,
      panels: shown('#entity-list') && shown('#date-list'),
      bg: getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
      muted: getComputedStyle(document.querySelector('.tagline')).color,
      lines: ['per', 'loc', 'org', 'date', 'quote', 'statement'].map((l) => root.getPropertyValue(`--${l}-line`).trim()),
    };
  });
  assert.deepEqual(look.controls, [], 'no controls on paper');
  assert.ok(look.doc > 1000, 'the article is printed');
  assert.ok(look.panels, 'the entity and date panels are printed');
  assert.equal(look.bg, 'rgb(255, 255, 255)', 'white paper even from dark mode');
  assert.equal(look.fg, 'rgb(0, 0, 0)');
  assert.equal(look.muted, 'rgb(68, 68, 68)', 'secondary text is dark on paper too (not the dark theme\'s light grey)');
  assert.deepEqual(look.lines, Array(6).fill('#000'), 'label lines are black');
  await screenshot(page, 'print.png', { fullPage: false });
  const pdf = await page.pdf({ path: join(results, 'print.pdf'), format: 'A4' });
  assert.ok(pdf.length > 10000, 'the page prints to PDF');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the Highlight API, boxes behind the text paint the same spans, follow filters and focus', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  // A browser without the API: no Highlight constructor.
  const { page, context, errors } = await openPage(browser, server.url, { init: () => { delete window.Highlight; } });
  await waitReady(page);
  await setText(page, text);
  assert.equal(await page.evaluate(() => document.body.classList.contains('no-highlight-api')), true);
  assert.deepEqual(await paintedRanges(page), [], 'no highlights registered');
  // Web fonts arriving change the layout; the boxes must have followed (they are re-placed on the next frame).
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));
  const check = await page.evaluate(() => {
    const doc = document.getElementById('doc');
    const boxes = [...doc.querySelectorAll('.overlay .box')];
    const para = doc.querySelector('p');
    // The first place name's boxes sit exactly over its text.
    const text = para.firstChild;
    const i = text.data.indexOf('فنزويلا');
    const r = new Range();
    r.setStart(text, i);
    r.setEnd(text, i + 'فنزويلا'.length);
    const want = r.getClientRects()[0];
    const match = boxes.filter((b) => b.classList.contains('box-LOC')).some((b) => {
      const g = b.getBoundingClientRect();
      return Math.abs(g.left - want.left) < 1 && Math.abs(g.top - want.top) < 1 && Math.abs(g.width - want.width) < 1;
    });
    const g = boxes.filter((b) => b.classList.contains('box-LOC')).map((b) => b.getBoundingClientRect()).map((x) => [x.left, x.top, x.width]);
    return {
      debug: JSON.stringify({ want: [want.left, want.top, want.width], g: g.slice(0, 4) }),
      count: boxes.length, labels: [...new Set(boxes.map((b) => b.className))].sort(), match,
      insideText: [...doc.querySelectorAll('p *')].filter((e) => e.tagName !== 'BDI' || /[\u0600-\u06FF]/.test(e.textContent)).length, text: [...doc.querySelectorAll('p, .sep')].map((e) => e.textContent).join(''),
    };
  });
  assert.ok(check.count > 50, `${check.count} boxes`);
  for (const l of ['PER', 'LOC', 'QUOTE']) assert.ok(check.labels.includes('box box-' + l), l);
  assert.ok(check.match, 'a LOC box covers فنزويلا exactly ' + check.debug);
  assert.equal(check.insideText, 0, 'no element inside the text but <bdi> around Latin letters and digits');
  assert.equal(check.text, text);
  await screenshot(page, 'fallback.png');

  // The legend filter and keyboard focus work on the boxes too.
  await page.click('#legend [data-label="LOC"]');
  assert.equal(await page.locator('#doc .box-LOC').count(), 0, 'LOC boxes hidden by the filter');
  await page.click('#legend [data-label="LOC"]');
  assert.ok(await page.locator('#doc .box-LOC').count() > 0);
  await page.focus('#doc');
  // Focusing scrolls the article into view; let that scroll (which hides any card) land before stepping.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.keyboard.press('n');
  assert.ok(await page.locator('#doc .box-current').count() >= 1, 'the focused span is outlined');
  assert.ok(!(await page.isHidden('#card')), 'the card shows for the focused span');
  // Boxes follow a layout change.
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(200);
  const moved = await page.evaluate(() => {
    const text = document.querySelector('#doc p').firstChild;
    const i = text.data.indexOf('فنزويلا');
    const r = new Range();
    r.setStart(text, i);
    r.setEnd(text, i + 'فنزويلا'.length);
    const want = r.getClientRects()[0];
    return [...document.querySelectorAll('#doc .box-LOC')].some((b) => {
      const g = b.getBoundingClientRect();
      return Math.abs(g.left - want.left) < 1 && Math.abs(g.top - want.top) < 1;
    });
  });
  assert.ok(moved, 'after a resize the boxes are still over their text');
  assert.deepEqual(errors, []);
  await context.close();
});
