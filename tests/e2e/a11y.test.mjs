// An accessibility check of the main view, written here (no axe): landmarks and roles; an accessible name for
// every control and named region, read from Chromium's own accessibility tree (CDP); a focus order that follows
// the document with a visible focus ring; and colour contrast in both themes: every visible piece of text against
// what lies behind it >= 4.5:1 (WCAG AA; disabled controls exempt), text over each label's highlight >= 4.5:1, and
// each label's line (underline/overline, the mark that tells labels apart) against the background >= 3:1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitReady, setText, seedPath, SEED_000 } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('roles and accessible names come from the accessibility tree', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const live = nodes.filter((n) => !n.ignored);
  const roles = new Set(live.map((n) => n.role && n.role.value));
  for (const r of ['banner', 'main', 'complementary', 'contentinfo', 'toolbar', 'group', 'status', 'article']) {
    assert.ok(roles.has(r), `a ${r} is present`);
  }
  const needsName = new Set(['button', 'combobox', 'textbox', 'link', 'toolbar', 'group', 'article', 'checkbox', 'listbox', 'region', 'tooltip']);
  const unnamed = live.filter((n) => needsName.has(n.role && n.role.value) && !(n.name && String(n.name.value).trim()))
    .map((n) => `${n.role.value}#${n.backendDOMNodeId}`);
  assert.deepEqual(unnamed, [], 'every control and named region has an accessible name');
  const headings = live.filter((n) => n.role && n.role.value === 'heading').map((n) => n.name.value);
  for (const h of ['Hashiya', 'Entities', 'Dates', 'Documents']) assert.ok(headings.includes(h), `heading ${h}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus order follows the document, reaches every control, and is visible', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
  // Start from the top of a freshly loaded page, as a keyboard user arriving does (the kept document reopens).
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.getElementById('doc').dataset.empty === 'false');
  // Every tabbable element in document order (no positive tabindex anywhere, so this is the expected order).
  const expected = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    if (all.some((el) => el.tabIndex > 0)) return null;
    return [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }))
      .map((el) => all.indexOf(el));
  });
  assert.ok(expected, 'no positive tabindex');
  const seen = [];
  for (let i = 0; i < expected.length + 3; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      return {
        id: el.id || el.className || el.tagName, index: [...document.querySelectorAll('*')].indexOf(el),
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
      };
    });
    if (!f || (seen.length && f.index <= seen[seen.length - 1].index)) break;
    seen.push(f);
  }
  const ids = seen.map((f) => f.id);
  for (const want of ['skip', 'ui-lang', 'theme', 'input', 'doc', 'export-download', 'import-file']) {
    assert.ok(ids.includes(want), `${want} is reachable with Tab (${ids.slice(0, 12).join(' ')} …)`);
  }
  assert.ok(ids.indexOf('input') < ids.indexOf('doc') && ids.indexOf('doc') < ids.indexOf('export-download'), 'article before the panels');
  assert.deepEqual(seen.map((f) => f.index), expected, 'Tab visits every control once, in document order');
  const invisible = seen.filter((f) => !f.outline).map((f) => f.id);
  assert.deepEqual(invisible, [], 'every focused element shows a focus ring');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`colour contrast in the ${scheme} theme`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, { colorScheme: scheme });
    await waitReady(page);
    await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
    const report = await page.evaluate(() => {
      const parse = (c) => {
        const m = c.match(/[\d.]+/g);
        if (!m) return null;
        return { r: +m[0], g: +m[1], b: +m[2], a: m.length > 3 ? +m[3] : 1 };
      };
      const lum = ({ r, g, b }) => {
        const f = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
      const over = (top, under) => ({
        r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1,
      });
      // The colour behind an element: its own and its ancestors' backgrounds, composed.
      const background = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; }
        }
        let acc = parse(getComputedStyle(document.documentElement).backgroundColor);
        for (const c of layers.reverse()) acc = over(c, acc);
        return acc;
      };
      const failures = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let checked = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.data.trim() || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        if (el.closest('[disabled], #doc')) continue; // disabled controls are exempt; the article is checked below
        const cs = getComputedStyle(el);
        const fg = parse(cs.color);
        const bg = background(el);
        const r = ratio(over(fg, bg), bg);
        checked++;
        if (r < 4.5) failures.push(`${el.tagName}.${el.className} "${n.data.trim().slice(0, 20)}" ${r.toFixed(2)}`);
      }
      const root = getComputedStyle(document.documentElement);
      const v = (name) => {
        const probe = document.createElement('i');
        probe.style.color = root.getPropertyValue(name);
        document.body.append(probe);
        const c = parse(getComputedStyle(probe).color);
        probe.remove();
        return c;
      };
      const panel = v('--panel');
      const fg = v('--fg');
      const labels = {};
      for (const l of ['per', 'loc', 'org', 'date', 'quote', 'statement']) {
        labels[l] = { text: ratio(fg, v('--' + l)), line: ratio(v('--' + l + '-line'), panel) };
      }
      labels.current = { text: ratio(v('--bg'), v('--current')), line: 99 };
      return { failures, checked, labels, docText: ratio(fg, background(document.getElementById('doc'))) };
    });
    assert.ok(report.checked > 50, `${report.checked} text nodes checked`);
    assert.deepEqual(report.failures, [], 'all visible text >= 4.5:1');
    assert.ok(report.docText >= 4.5, `article text ${report.docText.toFixed(2)}`);
    for (const [label, { text, line }] of Object.entries(report.labels)) {
      assert.ok(text >= 4.5, `${scheme}: text over ${label} highlight ${text.toFixed(2)}:1`);
      assert.ok(line >= 3, `${scheme}: ${label} line against the background ${line.toFixed(2)}:1`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
