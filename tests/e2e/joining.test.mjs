// Letter joining under highlights, pixel by pixel: the page's highlight over غوايدو inside لغوايدو (it starts after
// the proclitic ل) must leave the glyphs exactly as they are without any highlight. Background colour aside: each
// screenshot is paired with one of the same pixels with the text made transparent (highlight backgrounds and
// underlines stay), so each pixel's ink coverage is recovered whatever lies behind it; coverage > 0.5 is ink.
// A control wraps the same letters in an element, as tools that insert <mark>s do, and must change the ink.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitReady, setText, paintedRanges, screenshot, seedPath, SEED_000, results } from './helpers.mjs';
import { join } from 'node:path';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Ink coverage per pixel of `shot` (PNG) against `bare` (same pixels, text transparent), for text colour `ink`.
async function coverage(decoder, shot, bare, ink) {
  return decoder.evaluate(async ([a, b, rgb]) => {
    const pixels = async (b64) => {
      const bmp = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      return g.getImageData(0, 0, bmp.width, bmp.height);
    };
    const A = await pixels(a);
    const B = await pixels(b);
    const out = [];
    for (let i = 0; i < A.data.length; i += 4) {
      // The channel where background and ink differ most gives the best estimate of coverage.
      let best = 0;
      let alpha = 0;
      for (let ch = 0; ch < 3; ch++) {
        const range = B.data[i + ch] - rgb[ch];
        if (Math.abs(range) > best) { best = Math.abs(range); alpha = (B.data[i + ch] - A.data[i + ch]) / range; }
      }
      out.push(best < 40 ? -1 : Math.max(0, Math.min(1, alpha)));
    }
    return { width: A.width, height: A.height, alpha: out };
  }, [shot.toString('base64'), bare.toString('base64'), ink]);
}

test('a highlight starting after a proclitic leaves the Arabic letters joined, pixel for pixel', async () => {
  const text = await readFile(seedPath(SEED_000), 'utf8');
  const { page, context, errors } = await openPage(browser, server.url, { deviceScaleFactor: 2 });
  await waitReady(page);
  await setText(page, text);
  const ranges = await paintedRanges(page);
  const word = 'غوايدو';
  const hit = ranges.find((r) => r.text === word && text[r.start - 1] === 'ل' && r.label === 'PER');
  assert.ok(hit, 'the page paints غوايدو inside لغوايدو');

  // The whole written word's box (with the proclitic), a little padded, scrolled into the middle of the window.
  const clip = await page.evaluate(([start, end]) => {
    const doc = document.getElementById('doc');
    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    let pos = 0;
    const r = new Range();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (start >= pos && start <= pos + n.data.length) r.setStart(n, start - pos);
      if (end >= pos && end <= pos + n.data.length) { r.setEnd(n, end - pos); break; }
      pos += n.data.length;
    }
    window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
    const b = r.getBoundingClientRect();
    return { x: Math.floor(b.left) - 6, y: Math.floor(b.top) - 4, width: Math.ceil(b.width) + 12, height: Math.ceil(b.height) + 8 };
  }, [hit.start - 1, hit.end]);
  await page.mouse.move(1, 1);
  await page.evaluate(() => document.activeElement.blur());
  const ink = await page.evaluate(() => getComputedStyle(document.getElementById('doc')).color.match(/\d+/g).slice(0, 3).map(Number));
  // Through the CSSOM (the page's CSP allows no inline <style>).
  const transparentText = () => page.evaluate(() => document.getElementById('doc').style.setProperty('color', 'transparent', 'important'));
  const dropTransparent = () => page.evaluate(() => document.getElementById('doc').style.removeProperty('color'));

  const shoot = async (name) => {
    const shot = await page.screenshot({ clip, path: join(results, name + '.png') });
    await transparentText();
    const bare = await page.screenshot({ clip });
    await dropTransparent();
    return { shot, bare };
  };
  await page.evaluate(() => { for (const [k, h] of CSS.highlights) if (k !== 'hl-PER') h.clear(); });
  const on = await shoot('joining-highlighted');
  const saved = await page.evaluate(() => { const h = CSS.highlights.get('hl-PER'); const rs = [...h]; h.clear(); return rs.length; });
  assert.ok(saved > 0);
  const off = await shoot('joining-plain');
  assert.ok(!on.shot.equals(off.shot), 'the highlight is visible (the screenshots differ)');

  const decoder = await context.newPage();
  const A = await coverage(decoder, on.shot, on.bare, ink);
  const B = await coverage(decoder, off.shot, off.bare, ink);
  assert.equal(A.alpha.length, B.alpha.length);
  let inkPixels = 0;
  let mismatches = 0;
  let maxDiff = 0;
  for (let i = 0; i < A.alpha.length; i++) {
    const a = A.alpha[i];
    const b = B.alpha[i];
    if (a < 0 || b < 0) continue;
    if (b > 0.5) inkPixels++;
    // A pixel within a rounding step of the threshold may fall either way; everything else must agree.
    if ((a > 0.5) !== (b > 0.5) && Math.abs(a - 0.5) > 0.03 && Math.abs(b - 0.5) > 0.03) mismatches++;
    maxDiff = Math.max(maxDiff, Math.abs(a - b));
  }
  assert.ok(inkPixels > 200, `the word has ink (${inkPixels} pixels)`);
  console.log(`# joining: ${inkPixels} ink pixels, max coverage difference ${maxDiff.toFixed(3)}`);
  assert.equal(mismatches, 0, `ink masks identical with and without the highlight (max coverage difference ${maxDiff.toFixed(3)})`);

  // Control: wrapping the highlighted letters in an inline-block element (what inserting markup does to a word)
  // breaks the joining, and this comparison sees it.
  await page.evaluate(([start, end]) => {
    const doc = document.getElementById('doc');
    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    let pos = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (start >= pos && end <= pos + n.data.length) {
        const r = new Range();
        r.setStart(n, start - pos);
        r.setEnd(n, end - pos);
        const mark = document.createElement('span');
        mark.style.display = 'inline-block';
        r.surroundContents(mark);
        return;
      }
      pos += n.data.length;
    }
  }, [hit.start, hit.end]);
  const broken = await shoot('joining-broken-control');
  const C = await coverage(decoder, broken.shot, broken.bare, ink);
  let changed = 0;
  for (let i = 0; i < C.alpha.length; i++) if (C.alpha[i] >= 0 && B.alpha[i] >= 0 && (C.alpha[i] > 0.5) !== (B.alpha[i] > 0.5)) changed++;
  assert.ok(changed > 50, `an element inside the word changes the ink (${changed} pixels): the comparison can fail`);
  await screenshot(page, 'joining-page.png');
  assert.deepEqual(errors, []);
  await context.close();
});
