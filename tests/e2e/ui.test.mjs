// The page's settings and filters: interface language from the browser's locale and switchable, with the whole
// layout mirrored for Arabic and Persian; dark mode; legend chips that hide a label's highlights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000 } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Where the panels sit relative to the article: 'left' or 'right'.
const panelSide = (page) => page.evaluate(() => {
  const a = document.querySelector('.reading').getBoundingClientRect();
  const p = document.querySelector('.panels').getBoundingClientRect();
  return p.left < a.left ? 'left' : 'right';
});

test('interface language comes from the browser, is switchable, and mirrors the layout for ar/fa', async () => {
  const cases = [['ar-EG', 'ar', 'rtl', 'حاشية'], ['fa-IR', 'fa', 'rtl', 'حاشیه'], ['en-GB', 'en', 'ltr', 'Hashiya']];
  for (const [locale, lang, dir, title] of cases) {
    const { page, context, errors } = await openPage(browser, server.url, { locale });
    await waitReady(page);
    const got = await page.evaluate(() => ({
      lang: document.documentElement.lang, dir: document.documentElement.dir, h1: document.querySelector('h1').textContent,
      select: document.getElementById('ui-lang').value,
    }));
    assert.deepEqual(got, { lang, dir, h1: title, select: lang }, locale);
    assert.equal(await panelSide(page), dir === 'rtl' ? 'left' : 'right', `${locale}: the layout is mirrored`);
    if (lang === 'ar') {
      await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
      await screenshot(page, 'ui-arabic.png');
      assert.equal(await page.textContent('#legend [data-label="PER"] .chip-name'), 'شخص', 'labels are translated');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }

  // Switching: an English browser picks Persian from the menu; the choice survives a reload.
  const { page, context, errors } = await openPage(browser, server.url, { locale: 'en-US' });
  await waitReady(page);
  assert.equal(await panelSide(page), 'right');
  await page.selectOption('#ui-lang', 'fa');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.textContent('#entities-h'), 'موجودیت‌ها');
  assert.equal(await panelSide(page), 'left', 'the layout mirrors at once');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fa', 'the choice is kept');
  await page.selectOption('#ui-lang', 'en');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.deepEqual(errors, []);
  await context.close();
});

const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('dark mode follows the system, toggles, and is kept', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { colorScheme: 'dark' });
  await waitReady(page);
  const look = () => page.evaluate(() => ({
    theme: document.documentElement.dataset.theme, pressed: document.getElementById('theme').getAttribute('aria-pressed'),
    bg: getComputedStyle(document.documentElement).backgroundColor, fg: getComputedStyle(document.body).color,
  }));
  let l = await look();
  assert.equal(l.theme, 'dark');
  assert.equal(l.pressed, 'true');
  assert.ok(luminance(l.bg) < 0.05 && luminance(l.fg) > 0.6, `dark background ${l.bg}, light text ${l.fg}`);
  await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
  await screenshot(page, 'dark.png');
  await page.click('#theme');
  l = await look();
  assert.equal(l.theme, 'light');
  assert.ok(luminance(l.bg) > 0.8 && luminance(l.fg) < 0.05, `light background ${l.bg}`);
  await page.reload();
  await waitReady(page);
  assert.equal((await look()).theme, 'light', 'the choice wins over the system setting after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('legend chips filter labels: pressing a chip hides that label\'s highlights', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await waitReady(page);
  await setText(page, await readFile(seedPath(SEED_000), 'utf8'));
  const all = await paintedRanges(page);
  const count = (rs, label) => rs.filter((r) => r.label === label).length;
  assert.ok(count(all, 'LOC') > 0 && count(all, 'PER') > 0);
  await page.click('#legend [data-label="LOC"]');
  assert.equal(await page.getAttribute('#legend [data-label="LOC"]', 'aria-pressed'), 'false');
  let now = await paintedRanges(page);
  assert.equal(count(now, 'LOC'), 0, 'no LOC highlight while the chip is off');
  assert.equal(count(now, 'PER'), count(all, 'PER'), 'other labels stay');
  // Stepping through highlights skips the hidden label.
  await page.focus('#doc');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('n');
    const cur = (await paintedRanges(page, 'hl-current'))[0];
    assert.ok(!all.some((r) => r.label === 'LOC' && r.start === cur.start && r.end === cur.end), 'a hidden LOC is never focused');
  }
  await page.click('#legend [data-label="LOC"]');
  now = await paintedRanges(page);
  assert.equal(count(now, 'LOC'), count(all, 'LOC'), 'pressing again shows them');
  assert.deepEqual(errors, []);
  await context.close();
});
