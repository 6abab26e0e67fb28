// The view: renders the article as text nodes (one block per paragraph, with its own dir and lang) and paints the
// spans with the CSS Custom Highlight API over DOM Ranges, so no element ever sits inside a word and Arabic
// letters keep joining. User text only ever enters the DOM through text nodes and textContent.
import { LABELS, PRIORITY } from './labels.js';

export const hasHighlightApi = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

// Latin letters and ASCII digits, with the spaces and punctuation between them that belong to the same run.
const LATIN_RUN = /[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,:'\u2019\-\/&@_%+ ]*[A-Za-z0-9\u00C0-\u024F%])?/g;

// The article as contiguous text segments: [{start, end, node}], covering the whole text in order.
export class ArticleView {
  constructor(container) {
    this.container = container;
    this.segments = [];
    this.starts = [];
    this.text = '';
  }

  // Replaces the article with `text`, one <p dir lang> per paragraph; the line breaks between paragraphs are
  // kept (hidden) so that the article's textContent is the input, character for character.
  render(text, paragraphs) {
    const frag = document.createDocumentFragment();
    const segments = [];
    const add = (parent, start, end) => {
      const node = document.createTextNode(text.slice(start, end));
      parent.appendChild(node);
      segments.push({ start, end, node });
    };
    const gap = (start, end) => {
      const el = document.createElement('span');
      el.className = 'sep';
      el.hidden = true;
      add(el, start, end);
      frag.appendChild(el);
    };
    // In a right-to-left paragraph, runs of Latin letters and digits (names, numbers, dates like 23/01/2019) are
    // isolated in <bdi> so neutral punctuation around them cannot reorder the line. A run never starts or ends
    // next to an Arabic letter inside a word that joins across it: Latin letters and digits do not join.
    const addIsolated = (parent, start, end) => {
      LATIN_RUN.lastIndex = 0;
      const body = text.slice(start, end);
      let at = 0;
      for (let m = LATIN_RUN.exec(body); m; m = LATIN_RUN.exec(body)) {
        if (m.index > at) add(parent, start + at, start + m.index);
        const bdi = document.createElement('bdi');
        add(bdi, start + m.index, start + m.index + m[0].length);
        parent.appendChild(bdi);
        at = m.index + m[0].length;
      }
      if (at < body.length || body.length === 0) add(parent, start + at, end);
    };
    let pos = 0;
    for (const p of paragraphs) {
      if (p.start > pos) gap(pos, p.start);
      const el = document.createElement('p');
      el.lang = p.lang === 'other' ? '' : p.lang;
      el.dir = p.lang === 'ar' || p.lang === 'fa' ? 'rtl' : 'auto';
      if (el.dir === 'rtl') addIsolated(el, p.start, p.end);
      else add(el, p.start, p.end);
      frag.appendChild(el);
      pos = p.end;
    }
    if (pos < text.length) gap(pos, text.length);
    this.container.replaceChildren(frag);
    this.text = text;
    this.segments = segments;
    this.starts = segments.map((s) => s.start);
  }

  // The segment holding offset `o`; at a boundary, the earlier segment when `preferEnd` (for a range's end).
  locate(o, preferEnd) {
    const segs = this.segments;
    if (!segs.length) return null;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start < o || (!preferEnd && segs[mid].start === o)) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return { node: s.node, offset: Math.max(0, Math.min(o - s.start, s.end - s.start)) };
  }

  range(start, end) {
    const a = this.locate(start, false);
    const b = this.locate(end, true);
    if (!a || !b) return null;
    const r = new Range();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  // The document offset of a DOM position inside the article, or -1.
  offsetOf(node, offset) {
    const i = this.segments.findIndex((s) => s.node === node);
    return i < 0 ? -1 : this.segments[i].start + offset;
  }

  // The document offset under the point (x, y), or -1.
  offsetAtPoint(x, y) {
    let node = null;
    let offset = 0;
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      if (p) { node = p.offsetNode; offset = p.offset; }
    } else if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(x, y);
      if (r) { node = r.startContainer; offset = r.startOffset; }
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return -1;
    return this.offsetOf(node, offset);
  }
}

// Paints spans: one named highlight per label ("hl-PER", ...), plus "hl-current" for the focused span.
export class Painter {
  constructor(view) {
    this.view = view;
    this.ranges = [];
    this.current = -1;
    this.fallback = null;
  }

  // Builds one Range per span (kept, so filters and focus need no new ranges).
  setSpans(spans) {
    this.ranges = spans.map((s) => this.view.range(s.start, s.end));
  }

  paint(spans, hidden) {
    if (!hasHighlightApi) return this.paintFallback(spans, hidden);
    for (const label of LABELS) {
      const h = new Highlight();
      h.priority = PRIORITY[label];
      if (!hidden.has(label)) spans.forEach((s, i) => { if (s.label === label && this.ranges[i]) h.add(this.ranges[i]); });
      CSS.highlights.set('hl-' + label, h);
    }
  }

  // Without the Highlight API, an absolutely positioned overlay of boxes behind the text (never inside it), with
  // each label's line style as a border and the current span outlined.
  paintFallback(spans, hidden) {
    this.fallback = { spans, hidden };
    const host = this.view.container;
    let layer = host.querySelector(':scope > .overlay');
    if (!layer) {
      layer = document.createElement('div');
      layer.className = 'overlay';
      layer.setAttribute('aria-hidden', 'true');
      host.prepend(layer);
    }
    const base = host.getBoundingClientRect();
    const dx = base.left + host.clientLeft;
    const dy = base.top + host.clientTop;
    const frag = document.createDocumentFragment();
    const boxes = (i, cls) => {
      for (const rect of this.ranges[i].getClientRects()) {
        const box = document.createElement('div');
        box.className = cls;
        box.style.left = `${rect.left - dx}px`;
        box.style.top = `${rect.top - dy}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        frag.appendChild(box);
      }
    };
    spans.forEach((s, i) => { if (!hidden.has(s.label) && this.ranges[i]) boxes(i, 'box box-' + s.label); });
    if (this.current >= 0 && this.ranges[this.current]) boxes(this.current, 'box box-current');
    layer.replaceChildren(frag);
  }

  focus(i) {
    this.current = i;
    if (!hasHighlightApi) {
      if (this.fallback) this.paintFallback(this.fallback.spans, this.fallback.hidden);
      return;
    }
    const h = new Highlight();
    h.priority = 10;
    if (i >= 0 && this.ranges[i]) h.add(this.ranges[i]);
    CSS.highlights.set('hl-current', h);
  }

  // Boxes follow the text when the layout changes (only needed without the Highlight API).
  relayout() {
    if (!hasHighlightApi && this.fallback) this.paintFallback(this.fallback.spans, this.fallback.hidden);
  }

  clear() {
    this.ranges = [];
    this.current = -1;
    this.fallback = null;
    if (hasHighlightApi) for (const label of [...LABELS, 'current']) CSS.highlights.delete('hl-' + label);
  }
}

// Small DOM helper: an element with attributes and children (strings become text nodes).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
