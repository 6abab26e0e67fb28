// Hashiya's page controller: wires the text box, the annotation worker, the article view, the legend, the
// panels, the card, exports and settings. No framework: model.js holds data, view.js paints, this file decides.
import { LABELS, PRIORITY } from './js/labels.js';
import { pickUiLang, applyStrings, strings } from './js/i18n.js';
import { countLabels, aliases, quotesBySpeaker } from './js/model.js';
import { FORMATS, exportDocument, importJson } from './js/export.js';
import { ArticleView, Painter, h, hasHighlightApi } from './js/view.js';
import { Annotator } from './js/annotator.js';
import {
  emptyCorrections, applyCorrections, addSpan, removeSpan, changeSpan, spanKey, stepBoundary, trimRange, correctionCount,
} from './js/corrections.js';
import { DocumentStore, hashText } from './js/documents.js';

const $ = (id) => document.getElementById(id);
const store = {
  get(key) { try { return localStorage.getItem('hashiya.' + key); } catch { return null; } },
  set(key, value) { try { localStorage.setItem('hashiya.' + key, value); } catch { /* storage may be off */ } },
};
const memoryStorage = () => {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
};
let storage;
try { storage = localStorage; } catch { storage = memoryStorage(); }
const documents = new DocumentStore(storage);

const els = {
  input: $('input'), status: $('status'), progress: $('progress'), legend: $('legend'), doc: $('doc'),
  entities: $('entity-list'), quotes: $('quote-list'), dates: $('date-list'), card: $('card'), announce: $('announce'),
  theme: $('theme'), uiLang: $('ui-lang'), format: $('export-format'), download: $('export-download'),
  copy: $('export-copy'), importFile: $('import-file'), version: $('version'),
  editLabels: $('edit-labels'), remove: $('edit-remove'), undo: $('undo'), redo: $('redo'), editCount: $('edit-count'),
  startEarlier: $('start-earlier'), startLater: $('start-later'), endEarlier: $('end-earlier'), endLater: $('end-later'),
  docList: $('doc-list'),
};

const state = {
  text: '', result: null, hidden: new Set(), current: -1, hover: -1, ui: 'en', s: strings('en'),
  entityCursor: new Map(), ms: 0,
  // machine: the core's result; corr: the user's layer; result: the two applied (what is shown and exported).
  machine: null, corr: emptyCorrections(), past: [], future: [], hash: '', keep: false,
};
const view = new ArticleView(els.doc);
const painter = new Painter(view);

function setStatus(kind, message) {
  document.body.dataset.state = kind;
  els.status.textContent = message;
  els.progress.hidden = kind !== 'busy' && kind !== 'loading';
}

// ---- annotation ---------------------------------------------------------------------------------------------
// The service worker (offline copy) is registered once the annotator is ready, so that its install, which
// fetches every file of the page, never competes with loading the annotator.
let serviceWorkerRegistered = false;
function registerServiceWorker() {
  if (serviceWorkerRegistered || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  if (document.getElementById('hashiya-worker-source')) return;
  serviceWorkerRegistered = true;
  navigator.serviceWorker.register('./sw.js').catch((err) => console.warn('service worker not registered:', err));
}

const annotator = new Annotator({
  onReady(version) {
    // On the page's Performance timeline, for benches/page.mjs (navigation start to ready, measured in the page).
    performance.mark('hashiya-ready');
    registerServiceWorker();
    els.version.textContent = 'v' + version;
    if (!annotator.inflight) setStatus('idle', state.s.idle);
  },
  onBusy() { setStatus('busy', state.s.busy); },
  onResult(text, result, ms) {
    state.ms = Math.round(ms);
    show(text, result, { keep: keepNext });
    for (const w of result.warnings || []) console.warn(w);
  },
  onError(text, message) { setStatus('error', state.s.failed + message); },
});

let debounce = 0;
// A pasted, dropped, opened or imported text is kept in the document list at once; a typed one once corrected.
let keepNext = false;
els.input.addEventListener('input', (e) => {
  keepNext = /^insertFrom(Paste|Drop)/.test(e.inputType || '');
  clearTimeout(debounce);
  debounce = setTimeout(() => submit(els.input.value), 150);
});

function submit(text) {
  if (!text) { show('', { lang: 'other', paragraphs: [], spans: [], entities: [] }); return; }
  annotator.request(text, {});
}

// ---- rendering ----------------------------------------------------------------------------------------------
function show(text, result, { keep = false, corrections = null } = {}) {
  state.text = text;
  state.machine = result;
  state.hash = text ? hashText(text) : '';
  state.corr = corrections || (text ? documents.corrections(state.hash) : emptyCorrections());
  state.past = [];
  state.future = [];
  state.keep = keep || correctionCount(state.corr) > 0;
  state.current = -1;
  state.hover = -1;
  state.entityCursor.clear();
  hideCard();
  painter.clear();
  view.render(text, result.paragraphs);
  els.doc.dataset.empty = text ? 'false' : 'true';
  applyLayer();
  els.doc.dataset.revision = String(Number(els.doc.dataset.revision || 0) + 1);
  setStatus('done', text ? state.s.done(state.result.spans.length, state.ms) : state.s.idle);
  if (text && state.keep) saveDocument();
  renderDocuments();
}

// Re-applies the correction layer over the machine's spans and repaints (the text itself is not re-rendered).
function applyLayer(focusKey) {
  state.result = applyCorrections(state.text, state.machine, state.corr);
  painter.setSpans(state.result.spans);
  state.current = focusKey ? state.result.spans.findIndex((sp) => spanKey(sp) === focusKey) : -1;
  paint();
  renderPanels();
  renderEditbar();
  if (state.current >= 0) focusSpan(state.current, true);
  else hideCard();
}

function saveDocument() {
  if (!state.text) return;
  const title = clip(state.text, 60);
  documents.save(state.hash, state.text, state.corr, title);
}

function paint() {
  if (!state.result) return;
  painter.paint(state.result.spans, state.hidden);
  painter.focus(state.current);
  renderLegend();
}

function renderLegend() {
  const counts = state.result ? countLabels(state.result.spans) : {};
  els.legend.replaceChildren(...LABELS.map((label) => h('button', {
    type: 'button', class: 'chip', dataset: { label }, 'aria-pressed': String(!state.hidden.has(label)),
    onclick: () => {
      if (state.hidden.has(label)) state.hidden.delete(label); else state.hidden.add(label);
      paint();
      renderEditbar();
      els.legend.querySelector(`[data-label="${label}"]`).focus();
    },
  }, h('span', { class: 'swatch swatch-' + label, 'aria-hidden': 'true' }), h('span', { class: 'chip-name' }, state.s[label]),
  h('span', { class: 'chip-code' }, label), h('span', { class: 'count' }, String(counts[label] || 0)))));
}

const LIST_LIMIT = 300;
function limited(items, render) {
  const out = items.slice(0, LIST_LIMIT).map(render);
  if (items.length > LIST_LIMIT) out.push(h('li', { class: 'more' }, `… +${items.length - LIST_LIMIT}`));
  return out;
}

function renderPanels() {
  const r = state.result;
  const s = state.s;
  if (!r) return;
  const entities = [...r.entities].sort((a, b) => b.mentions.length - a.mentions.length || a.id - b.id);
  els.entities.replaceChildren(...limited(entities, (e) => {
    const other = aliases(r, e).filter((a) => a !== e.name);
    return h('li', {}, h('button', {
      type: 'button', class: 'item', dataset: { entity: String(e.id) },
      onclick: () => {
        const k = state.entityCursor.get(e.id) || 0;
        state.entityCursor.set(e.id, (k + 1) % e.mentions.length);
        focusSpan(e.mentions[k], true);
      },
    }, h('span', { class: 'swatch swatch-' + e.label, 'aria-hidden': 'true' }), h('bdi', { class: 'name' }, e.name),
    h('span', { class: 'count', 'aria-label': `${e.mentions.length} ${s.mentions}` }, '×' + e.mentions.length),
    other.length ? h('span', { class: 'aliases' }, h('bdi', {}, other.join('، '))) : null));
  }));
  els.quotes.replaceChildren(...limited(quotesBySpeaker(r), ([speaker, idx]) => h('li', {},
    h('h3', { class: 'speaker' }, h('bdi', {}, speaker || s.unknownSpeaker)),
    h('ol', {}, idx.slice(0, LIST_LIMIT).map((i) => h('li', {}, h('button', {
      type: 'button', class: 'item quote', dataset: { span: String(i) }, onclick: () => focusSpan(i, true),
    }, h('bdi', {}, clip(r.spans[i].text, 140)))))))));
  const dates = r.spans.map((sp, i) => [sp, i]).filter(([sp]) => sp.label === 'DATE');
  els.dates.replaceChildren(...limited(dates, ([sp, i]) => h('li', {}, h('button', {
    type: 'button', class: 'item', dataset: { span: String(i) }, onclick: () => focusSpan(i, true),
  }, h('bdi', { class: 'name' }, sp.text), sp.value ? h('bdi', { class: 'value', dir: 'ltr' }, sp.value) : null,
  sp.gregorian ? h('bdi', { class: 'value', dir: 'ltr' }, '= ' + sp.gregorian) : null))));
}

function clip(text, n) {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n) + '…' : t;
}

// ---- the card (hover and keyboard focus) --------------------------------------------------------------------
function cardContent(i) {
  const r = state.result;
  const sp = r.spans[i];
  const s = state.s;
  const rows = [h('div', { class: 'card-head' }, h('span', { class: 'swatch swatch-' + sp.label, 'aria-hidden': 'true' }),
    h('strong', {}, s[sp.label]), h('span', { class: 'chip-code' }, sp.label))];
  rows.push(h('p', { class: 'card-text' }, h('bdi', {}, clip(sp.text, 200))));
  const dl = h('dl', {});
  const row = (k, ...v) => dl.append(h('dt', {}, k), h('dd', {}, ...v));
  if (sp.value) row(s.value, h('bdi', { dir: 'ltr' }, sp.value));
  if (sp.calendar) row(s.calendar, sp.calendar);
  if (sp.gregorian) row(s.gregorian, h('bdi', { dir: 'ltr' }, sp.gregorian));
  if (sp.label === 'QUOTE' || sp.label === 'STATEMENT') row(s.speaker, h('bdi', {}, sp.speaker ? sp.speaker.text : s.unknownSpeaker));
  if (sp.entity != null) {
    const e = r.entities.find((x) => x.id === sp.entity);
    if (e) {
      row(s.entity, h('bdi', {}, e.name), ` (${e.mentions.length} ${s.mentions})`);
      const other = aliases(r, e).filter((a) => a !== e.name);
      if (other.length) row(s.aliases, h('bdi', {}, other.join('، ')));
    }
  }
  if (sp.origin === 'user') row(s.source, s.byYou);
  if (dl.childNodes.length) rows.push(dl);
  return rows;
}

function showCard(i) {
  const range = painter.ranges[i];
  if (!range) return hideCard();
  els.card.replaceChildren(...cardContent(i));
  els.card.hidden = false;
  const rect = range.getClientRects()[0] || range.getBoundingClientRect();
  const cw = els.card.offsetWidth;
  const ch = els.card.offsetHeight;
  let top = rect.bottom + 8;
  if (top + ch > window.innerHeight - 4) top = Math.max(4, rect.top - ch - 8);
  const left = Math.min(Math.max(4, rect.right - cw), window.innerWidth - cw - 4);
  els.card.style.top = `${top}px`;
  els.card.style.left = `${left}px`;
}

function hideCard() {
  els.card.hidden = true;
}

// The innermost visible span at offset o (names and dates before the quotations around them), or -1.
function spanAt(o) {
  const spans = state.result ? state.result.spans : [];
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= o) lo = mid + 1; else hi = mid;
  }
  let best = -1;
  for (let i = lo - 1, n = 0; i >= 0 && n < 400; i--, n++) {
    const sp = spans[i];
    if (sp.end <= o || state.hidden.has(sp.label)) continue;
    if (best < 0 || PRIORITY[sp.label] > PRIORITY[spans[best].label]) best = i;
  }
  return best;
}

function focusSpan(i, scroll) {
  state.current = i;
  painter.focus(i);
  if (i < 0) { hideCard(); return; }
  const range = painter.ranges[i];
  if (scroll && range) {
    // Centre the span itself (a paragraph may be taller than the window).
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      window.scrollBy(0, rect.top - window.innerHeight / 2);
      ownScroll = window.scrollY;
    }
  }
  showCard(i);
  const sp = state.result.spans[i];
  els.announce.textContent = `${state.s[sp.label]}: ${clip(sp.text, 120)}`;
}

function step(dir) {
  const spans = state.result ? state.result.spans : [];
  let i = state.current;
  for (let n = 0; n < spans.length; n++) {
    i = (i + dir + spans.length) % spans.length;
    if (i < 0) i = spans.length - 1;
    if (!state.hidden.has(spans[i].label)) return focusSpan(i, true);
  }
}

let hoverFrame = 0;
els.doc.addEventListener('mousemove', (e) => {
  if (hoverFrame) return;
  hoverFrame = requestAnimationFrame(() => {
    hoverFrame = 0;
    const o = view.offsetAtPoint(e.clientX, e.clientY);
    const i = o < 0 ? -1 : spanAt(o);
    if (i === state.hover) return;
    state.hover = i;
    if (i >= 0) showCard(i);
    else if (state.current >= 0) showCard(state.current);
    else hideCard();
  });
});
els.doc.addEventListener('mouseleave', () => {
  state.hover = -1;
  if (state.current >= 0) showCard(state.current); else hideCard();
});
// Clicking a span selects it for correcting (the card shows it); clicking elsewhere in the article lets it go.
els.doc.addEventListener('click', (e) => {
  const sel = document.getSelection();
  if (sel && !sel.isCollapsed) return;
  const o = view.offsetAtPoint(e.clientX, e.clientY);
  focusSpan(o < 0 ? -1 : spanAt(o), false);
  renderEditbar();
});
els.doc.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === 'n' || e.key === 'ArrowDown') { e.preventDefault(); step(1); }
  else if (e.key === 'p' || e.key === 'ArrowUp') { e.preventDefault(); step(-1); }
  else if (e.key === 'Escape') { focusSpan(-1); }
  renderEditbar();
});
els.doc.addEventListener('blur', () => { if (state.hover < 0) hideCard(); });
// The user scrolling hides the card (it would float away from its span); our own scroll to a span does not.
let ownScroll = -1;
window.addEventListener('scroll', () => {
  if (window.scrollY === ownScroll) return;
  ownScroll = -1;
  if (!els.card.hidden) hideCard();
}, { passive: true });
// Without the Highlight API the painted boxes are positioned, so they follow layout changes.
let relayoutFrame = 0;
const relayout = () => {
  cancelAnimationFrame(relayoutFrame);
  relayoutFrame = requestAnimationFrame(() => painter.relayout());
};
window.addEventListener('resize', relayout);
document.fonts?.addEventListener('loadingdone', relayout);

// ---- corrections ----------------------------------------------------------------------------------------------
// The article range the user has selected, as [start, end) offsets with white space trimmed, or null.
function selectedRange() {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount || !state.text) return null;
  const r = sel.getRangeAt(0);
  if (!els.doc.contains(r.commonAncestorContainer)) return null;
  const at = (node, offset, end) => {
    if (node.nodeType === Node.TEXT_NODE) return view.offsetOf(node, offset);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const child = node.childNodes[offset];
    if (child) {
      if (child.nodeType === Node.TEXT_NODE) return view.offsetOf(child, 0);
      walker.currentNode = child;
      const t = walker.nextNode();
      return t ? view.offsetOf(t, 0) : (end ? state.text.length : -1);
    }
    let last = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) last = t;
    return last ? view.offsetOf(last, last.data.length) : -1;
  };
  const a = at(r.startContainer, r.startOffset, false);
  const b = at(r.endContainer, r.endOffset, true);
  if (a < 0 || b < 0) return null;
  const [start, end] = trimRange(state.text, Math.min(a, b), Math.max(a, b));
  return start < end ? [start, end] : null;
}

function currentSpan() {
  return state.result && state.current >= 0 ? state.result.spans[state.current] : null;
}

// Applies one correction (the result of an operation in corrections.js), keeping the previous layer for undo.
function commit(change, message) {
  if (!change) return;
  state.past.push(state.corr);
  if (state.past.length > 500) state.past.shift();
  state.future = [];
  state.corr = change.corr;
  afterChange(change.key, message);
}

function afterChange(focusKey, message) {
  state.keep = true;
  saveDocument();
  applyLayer(focusKey);
  renderDocuments();
  if (message) els.announce.textContent = message;
}

function undo() {
  if (!state.past.length) return;
  state.future.push(state.corr);
  state.corr = state.past.pop();
  afterChange(null, state.s.undone);
}

function redo() {
  if (!state.future.length) return;
  state.past.push(state.corr);
  state.corr = state.future.pop();
  afterChange(null, state.s.redone);
}

function labelAction(label) {
  const range = selectedRange();
  if (range) {
    document.getSelection().removeAllRanges();
    commit(addSpan(state.corr, label, range[0], range[1]), `${state.s.added}: ${state.s[label]}`);
    els.doc.focus({ preventScroll: true });
    return true;
  }
  const sp = currentSpan();
  if (sp) { commit(changeSpan(state.corr, sp, { label }), `${state.s.changed}: ${state.s[label]}`); return true; }
  return false;
}

function removeAction() {
  const sp = currentSpan();
  if (!sp) return false;
  commit(removeSpan(state.corr, sp), `${state.s.removed}: ${state.s[sp.label]}`);
  return true;
}

// Moves the current span's start (edge 0) or end (edge 1) by one whole character (grapheme) in `dir`.
function boundaryAction(edge, dir) {
  const sp = currentSpan();
  if (!sp) return false;
  const o = stepBoundary(state.text, edge ? sp.end : sp.start, dir);
  const next = edge ? { end: o } : { start: o };
  commit(changeSpan(state.corr, sp, next), `${state.s.changed}: ${clip(state.text.slice(next.start ?? sp.start, next.end ?? sp.end), 60)}`);
  return true;
}

function renderEditbar() {
  const s = state.s;
  const sp = currentSpan();
  els.editLabels.replaceChildren(...LABELS.map((label, k) => h('button', {
    type: 'button', class: 'chip edit-label', dataset: { label }, 'aria-keyshortcuts': String(k + 1),
    onmousedown: (e) => e.preventDefault(), onclick: () => labelAction(label),
  }, h('kbd', {}, String(k + 1)), h('span', { class: 'swatch swatch-' + label, 'aria-hidden': 'true' }), s[label])));
  for (const b of [els.remove, els.startEarlier, els.startLater, els.endEarlier, els.endLater]) b.disabled = !sp;
  els.undo.disabled = !state.past.length;
  els.redo.disabled = !state.future.length;
  const n = correctionCount(state.corr);
  els.editCount.textContent = n ? s.edits(n) : '';
}

for (const [el, fn] of [[els.remove, removeAction], [els.undo, undo], [els.redo, redo],
  [els.startEarlier, () => boundaryAction(0, -1)], [els.startLater, () => boundaryAction(0, 1)],
  [els.endEarlier, () => boundaryAction(1, -1)], [els.endLater, () => boundaryAction(1, 1)]]) {
  el.addEventListener('mousedown', (e) => e.preventDefault());
  el.addEventListener('click', () => fn());
}

// Keys work anywhere but in a form field (whose own undo and typing win).
document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (t && (t.closest('input, textarea, select') || t.isContentEditable)) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.code === 'KeyZ') { e.preventDefault(); if (e.shiftKey) redo(); else undo(); return; }
  if (mod && !e.altKey && e.code === 'KeyY') { e.preventDefault(); redo(); return; }
  if (mod || e.altKey) return;
  const digit = /^(?:Digit|Numpad)([1-6])$/.exec(e.code);
  let done = false;
  if (digit) done = labelAction(LABELS[Number(digit[1]) - 1]);
  else if (e.key === 'Delete' || e.key === 'Backspace') done = removeAction();
  else if (e.code === 'BracketLeft') done = boundaryAction(0, -1);
  else if (e.code === 'BracketRight') done = boundaryAction(0, 1);
  else if (e.code === 'Minus') done = boundaryAction(1, -1);
  else if (e.code === 'Equal') done = boundaryAction(1, 1);
  if (done) e.preventDefault();
});

// ---- kept documents -------------------------------------------------------------------------------------------
function renderDocuments() {
  const s = state.s;
  const list = documents.list();
  if (!list.length) { els.docList.replaceChildren(h('li', { class: 'more' }, s.noDocuments)); return; }
  els.docList.replaceChildren(...list.map((d) => h('li', { class: 'doc-item', dataset: { hash: d.hash } },
    h('button', {
      type: 'button', class: 'item open-doc', 'aria-current': d.hash === state.hash ? 'true' : null,
      onclick: () => openDocument(d.hash),
    }, h('bdi', { class: 'name' }, d.title || d.hash), d.edits ? h('span', { class: 'count' }, s.edits(d.edits)) : null),
    h('button', {
      type: 'button', class: 'delete-doc', 'aria-label': `${s.deleteDoc}: ${d.title || d.hash}`,
      onclick: () => { documents.remove(d.hash); renderDocuments(); },
    }, '×'))));
}

function openDocument(hash) {
  const d = documents.load(hash);
  if (!d) { documents.remove(hash); renderDocuments(); return; }
  els.input.value = d.text;
  keepNext = true;
  clearTimeout(debounce);
  submit(d.text);
}

// ---- settings: theme and interface language -----------------------------------------------------------------
function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  els.theme.setAttribute('aria-pressed', String(theme === 'dark'));
}
els.theme.addEventListener('click', () => {
  const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  setTheme(next);
  store.set('theme', next);
});

function setUi(lang) {
  state.ui = lang;
  state.s = applyStrings(document, lang);
  els.uiLang.value = lang;
  renderLegend();
  renderPanels();
  renderEditbar();
  renderDocuments();
  if (state.result && state.text) setStatus('done', state.s.done(state.result.spans.length, state.ms));
}
els.uiLang.addEventListener('change', () => { store.set('ui', els.uiLang.value); setUi(els.uiLang.value); });

// ---- export and import --------------------------------------------------------------------------------------
for (const [key, f] of Object.entries(FORMATS)) els.format.append(h('option', { value: key }, f.name));
function currentExport() {
  const f = FORMATS[els.format.value];
  return { f, body: exportDocument(els.format.value, state.text, state.result || { lang: 'other', paragraphs: [], spans: [], entities: [] }) };
}
els.download.addEventListener('click', () => {
  const { f, body } = currentExport();
  const url = URL.createObjectURL(new Blob([body], { type: f.type + ';charset=utf-8' }));
  const a = h('a', { href: url, download: `hashiya.${f.ext}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
els.copy.addEventListener('click', async () => {
  const { body } = currentExport();
  try {
    await navigator.clipboard.writeText(body);
    els.announce.textContent = state.s.copied;
  } catch (err) {
    setStatus('error', String(err && err.message || err));
  }
});
els.importFile.addEventListener('change', async () => {
  const file = els.importFile.files[0];
  if (!file) return;
  try {
    const { text, result } = importJson(await file.text());
    els.input.value = text;
    state.ms = 0;
    // The imported spans are the machine layer of this document (they already hold any exported corrections).
    show(text, result, { keep: true, corrections: emptyCorrections() });
    setStatus('done', `${state.s.imported}: ${result.spans.length}`);
  } catch (err) {
    setStatus('error', state.s.importFailed + (err && err.message || err));
  }
  els.importFile.value = '';
});

// ---- start --------------------------------------------------------------------------------------------------
setTheme(store.get('theme') || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
setUi(pickUiLang(store.get('ui'), navigator.languages));
if (!hasHighlightApi) document.body.classList.add('no-highlight-api');
setStatus('loading', state.s.loading);
show('', { lang: 'other', paragraphs: [], spans: [], entities: [] });
setStatus('loading', state.s.loading);
{
  // Reopen the document that was open last (its corrections come back with it).
  const last = documents.last();
  const kept = last && !els.input.value ? documents.load(last) : null;
  if (kept) { els.input.value = kept.text; keepNext = true; }
}
if (els.input.value) submit(els.input.value);

