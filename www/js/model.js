// The document model: the text, the core's result (UTF-16 offsets, as DOM ranges need) and conversions between
// UTF-16 offsets and Unicode scalar offsets (the unit of every export and of the CLI).

// offsets[i] = number of scalar values before UTF-16 index i (length text.length + 1). A lone surrogate counts
// as one scalar, as the core does (it reads it as U+FFFD).
export function utf16ToScalarTable(text) {
  const table = new Uint32Array(text.length + 1);
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = s;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) table[++i] = s;
    }
    s++;
  }
  table[text.length] = s;
  return table;
}

// offsets[k] = UTF-16 index of scalar k (length scalarCount + 1).
export function scalarToUtf16Table(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    out.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  out.push(text.length);
  return Uint32Array.from(out);
}

// Converts every offset of a result ({paragraphs, spans}) with `map` (a table from the functions above).
export function mapOffsets(result, map) {
  const at = (o) => {
    if (!Number.isInteger(o) || o < 0 || o >= map.length) throw new Error(`offset ${o} is outside the text`);
    return map[o];
  };
  return {
    ...result,
    paragraphs: result.paragraphs.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })),
    spans: result.spans.map((s) => {
      const out = { ...s, start: at(s.start), end: at(s.end) };
      if (s.speaker) out.speaker = { ...s.speaker, start: at(s.speaker.start), end: at(s.speaker.end) };
      return out;
    }),
  };
}

// Counts spans per label.
export function countLabels(spans) {
  const counts = {};
  for (const s of spans) counts[s.label] = (counts[s.label] || 0) + 1;
  return counts;
}

// Distinct spellings of an entity's mentions, most frequent first.
export function aliases(result, entity) {
  const seen = new Map();
  for (const i of entity.mentions) {
    const t = result.spans[i] && result.spans[i].text;
    if (t) seen.set(t, (seen.get(t) || 0) + 1);
  }
  return [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

// Quotations and statements grouped by speaker (entity name when linked, else the speaker's text), in order.
export function quotesBySpeaker(result) {
  const groups = new Map();
  result.spans.forEach((s, i) => {
    if (s.label !== 'QUOTE' && s.label !== 'STATEMENT') return;
    let key = '';
    if (s.speaker) {
      const e = s.speaker.entity != null ? result.entities.find((x) => x.id === s.speaker.entity) : null;
      key = e ? e.name : s.speaker.text;
    }
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  return [...groups.entries()];
}
