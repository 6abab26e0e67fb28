// The user's corrections, kept apart from the machine's output: a small layer ({removed, added}) applied on top of
// the core's spans, so the machine result is never edited and the layer can be stored, undone and re-applied.
// Machine spans are named by label and offsets (the core is deterministic for a given text); added spans by id.
// Offsets are UTF-16 units of the document text, as everywhere in the page.

export const emptyCorrections = () => ({ removed: [], added: [], next: 1 });

export const machineKey = (s) => `${s.label}@${s.start}-${s.end}`;
// The span objects that come from the layer (an imported document may hold spans marked origin "user" that are
// part of its machine layer now, so the mark alone does not tell).
const fromLayer = new WeakSet();
export const isAdded = (s) => fromLayer.has(s);
export const spanKey = (s) => (isAdded(s) ? 'u' + s.id : machineKey(s));

export const correctionCount = (c) => c.removed.length + c.added.length;

// A correction layer read back from storage, or an empty one when it is not well formed.
export function validCorrections(c) {
  if (!c || !Array.isArray(c.removed) || !Array.isArray(c.added) || !Number.isInteger(c.next)) return emptyCorrections();
  const added = c.added.filter((a) => a && typeof a.label === 'string' && Number.isInteger(a.start) &&
    Number.isInteger(a.end) && Number.isInteger(a.id) && a.start < a.end);
  return { removed: c.removed.filter((k) => typeof k === 'string'), added, next: c.next };
}

// The machine result with the layer applied: removed spans gone, added spans in place (sorted by start, the
// machine's order kept among equals), entity mentions renumbered. Added spans carry origin "user" and their id.
export function applyCorrections(text, machine, corr) {
  const removed = new Set(corr.removed);
  const items = [];
  machine.spans.forEach((s, i) => { if (!removed.has(machineKey(s))) items.push([s, i]); });
  for (const a of corr.added) {
    if (a.start < 0 || a.end > text.length || a.end <= a.start) continue;
    const s = { label: a.label, start: a.start, end: a.end, text: text.slice(a.start, a.end), origin: 'user', id: a.id };
    fromLayer.add(s);
    items.push([s, -1]);
  }
  items.sort((x, y) => x[0].start - y[0].start);
  const renumber = new Int32Array(machine.spans.length).fill(-1);
  items.forEach(([, old], j) => { if (old >= 0) renumber[old] = j; });
  const entities = (machine.entities || [])
    .map((e) => ({ ...e, mentions: e.mentions.map((m) => renumber[m]).filter((m) => m >= 0) }))
    .filter((e) => e.mentions.length);
  return { ...machine, spans: items.map(([s]) => s), entities };
}

// Each operation returns a new layer and the key of the span it leaves (for focus), or null when nothing changes.
export function addSpan(corr, label, start, end) {
  if (!(start < end)) return null;
  const id = corr.next;
  return { corr: { ...corr, added: [...corr.added, { id, label, start, end }], next: id + 1 }, key: 'u' + id };
}

export function removeSpan(corr, span) {
  if (isAdded(span)) return { corr: { ...corr, added: corr.added.filter((a) => a.id !== span.id) }, key: null };
  return { corr: { ...corr, removed: [...corr.removed, machineKey(span)] }, key: null };
}

// Changes a span's label and/or boundaries. A machine span becomes a removed machine span plus an added one.
export function changeSpan(corr, span, { label = span.label, start = span.start, end = span.end }) {
  if (!(start < end)) return null;
  if (label === span.label && start === span.start && end === span.end) return null;
  if (isAdded(span)) {
    return {
      corr: { ...corr, added: corr.added.map((a) => (a.id === span.id ? { ...a, label, start, end } : a)) },
      key: 'u' + span.id,
    };
  }
  const removed = removeSpan(corr, span).corr;
  return addSpan(removed, label, start, end);
}

// The next grapheme boundary after (dir > 0) or before (dir < 0) offset `o`, so a boundary never splits a letter
// from its marks or a surrogate pair.
// The segmenter is made on first use: making it loads the browser's break rules (about 20 ms, measured in the
// page's start-up profile), which the page need not wait for.
let graphemes;
export function stepBoundary(text, o, dir) {
  graphemes ??= typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const lo = Math.max(0, o - 64);
  const hi = Math.min(text.length, o + 64);
  const bounds = [];
  if (graphemes) for (const g of graphemes.segment(text.slice(lo, hi))) bounds.push(lo + g.index);
  else for (let i = lo; i < hi; i++) bounds.push(i);
  bounds.push(hi);
  if (dir > 0) return bounds.find((b) => b > o) ?? o;
  let prev = o;
  for (const b of bounds) { if (b >= o) break; prev = b; }
  return prev;
}

// Trims white space from both ends of [start, end) of `text`.
export function trimRange(text, start, end) {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return [start, end];
}
