// Exports of an annotated document (JSON, W3C Web Annotation, CoNLL/BIO, brat standoff, CSV, HTML snapshot) and
// the JSON import. Every export counts offsets in Unicode scalar values and says so where the format allows.
import { utf16ToScalarTable, scalarToUtf16Table, mapOffsets } from './model.js';

export const FORMATS = {
  json: { name: 'JSON', ext: 'json', type: 'application/json' },
  webanno: { name: 'W3C Web Annotation', ext: 'jsonld', type: 'application/ld+json' },
  conll: { name: 'CoNLL / BIO', ext: 'conll', type: 'text/plain' },
  brat: { name: 'brat standoff', ext: 'ann', type: 'text/plain' },
  csv: { name: 'CSV', ext: 'csv', type: 'text/csv' },
  html: { name: 'HTML', ext: 'html', type: 'text/html' },
};

export function exportDocument(format, text, result) {
  switch (format) {
    case 'json': return toJson(text, result);
    case 'webanno': return toWebAnnotation(text, result);
    case 'conll': return toConll(text, result);
    case 'brat': return toBrat(text, result);
    case 'csv': return toCsv(text, result);
    case 'html': return toHtml(text, result);
    default: throw new Error(`unknown export format ${format}`);
  }
}

function scalarResult(text, result) {
  return mapOffsets(result, utf16ToScalarTable(text));
}

export function toJson(text, result) {
  const r = scalarResult(text, result);
  const doc = {
    format: 'hashiya', version: 1, unit: 'scalar',
    note: 'start/end count Unicode scalar values (code points) of text; end is exclusive',
    text, lang: r.lang, paragraphs: r.paragraphs, spans: r.spans, entities: r.entities,
  };
  return JSON.stringify(doc, null, 1);
}

// Reads a JSON export back into {text, result} with UTF-16 offsets; checks every span's text against its offsets.
export function importJson(source) {
  const doc = typeof source === 'string' ? JSON.parse(source) : source;
  if (!doc || doc.format !== 'hashiya' || typeof doc.text !== 'string' || !Array.isArray(doc.spans)) {
    throw new Error('not a Hashiya JSON export');
  }
  if (doc.unit !== 'scalar') throw new Error(`unsupported unit ${doc.unit}`);
  const text = doc.text;
  const result = mapOffsets({
    unit: 'scalar', lang: doc.lang, paragraphs: doc.paragraphs || [], spans: doc.spans,
    entities: doc.entities || [], replaced: 0, warnings: [],
  }, scalarToUtf16Table(text));
  result.unit = 'utf16';
  for (const s of result.spans) {
    if (s.end < s.start) throw new Error(`span ${s.start}..${s.end} ends before it starts`);
    if (text.slice(s.start, s.end) !== s.text) throw new Error(`span text ${JSON.stringify(s.text)} does not match its offsets`);
  }
  return { text, result };
}

export function toWebAnnotation(text, result) {
  const r = scalarResult(text, result);
  const chars = Array.from(text);
  const ctx = (a, b) => chars.slice(Math.max(0, a), Math.max(0, b)).join('');
  const items = r.spans.map((s, i) => {
    const body = [{ type: 'TextualBody', purpose: 'tagging', value: s.label }];
    if (s.value) body.push({ type: 'TextualBody', purpose: 'describing', value: s.value + (s.calendar ? ` (${s.calendar})` : '') });
    if (s.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: `speaker: ${s.speaker.text}` });
    return {
      id: `#span-${i}`, type: 'Annotation', motivation: 'classifying', body,
      target: {
        source: '#text',
        selector: [
          { type: 'TextPositionSelector', start: s.start, end: s.end },
          { type: 'TextQuoteSelector', exact: s.text, prefix: ctx(s.start - 32, s.start), suffix: ctx(s.end, s.end + 32) },
        ],
      },
    };
  });
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#annotations', type: 'AnnotationCollection',
    label: 'Hashiya annotations', total: items.length,
    first: { id: '#page-1', type: 'AnnotationPage', startIndex: 0, items },
  }, null, 1);
}

const TOKEN_LABELS = new Set(['PER', 'LOC', 'ORG', 'DATE']);

// One token per line: token, start, end (scalars), BIO tag of names and dates, BIO tag of quotations; a blank
// line between paragraphs.
export function toConll(text, result) {
  const seg = new Intl.Segmenter(result.lang === 'fa' ? 'fa' : 'ar', { granularity: 'word' });
  const table = utf16ToScalarTable(text);
  const inner = result.spans.filter((s) => TOKEN_LABELS.has(s.label));
  const outer = result.spans.filter((s) => !TOKEN_LABELS.has(s.label));
  const tagger = (spans) => {
    let k = 0;
    let prev = null;
    return (a, b) => {
      while (k < spans.length && spans[k].end <= a) k++;
      const s = spans[k];
      if (s && s.start < b && s.end > a) {
        const tag = (prev === s ? 'I-' : 'B-') + s.label;
        prev = s;
        return tag;
      }
      prev = null;
      return 'O';
    };
  };
  const lines = ['# token\tstart\tend\tner\tquote (offsets in Unicode scalar values)'];
  for (const p of result.paragraphs) {
    const tagA = tagger(inner);
    const tagB = tagger(outer);
    for (const t of seg.segment(text.slice(p.start, p.end))) {
      if (!/\S/u.test(t.segment)) continue;
      const a = p.start + t.index;
      const b = a + t.segment.length;
      lines.push(`${t.segment}\t${table[a]}\t${table[b]}\t${tagA(a, b)}\t${tagB(a, b)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// brat standoff (.ann): T lines with scalar offsets; spans across line breaks become fragments; values as notes.
export function toBrat(text, result) {
  const table = utf16ToScalarTable(text);
  const out = [];
  result.spans.forEach((s, i) => {
    const frags = [];
    let a = s.start;
    for (let j = s.start; j <= s.end; j++) {
      if (j === s.end || text[j] === '\n' || text[j] === '\r') {
        if (j > a) frags.push(`${table[a]} ${table[j]}`);
        a = j + 1;
      }
    }
    const id = `T${i + 1}`;
    out.push(`${id}\t${s.label} ${frags.join(';')}\t${s.text.replace(/[\r\n]+/g, ' ')}`);
    const notes = [];
    if (s.value) notes.push(`value=${s.value}`);
    if (s.calendar) notes.push(`calendar=${s.calendar}`);
    if (s.gregorian) notes.push(`gregorian=${s.gregorian}`);
    if (s.speaker) notes.push(`speaker=${s.speaker.text}`);
    if (notes.length) out.push(`#${i + 1}\tAnnotatorNotes ${id}\t${notes.join('; ').replace(/[\r\n]+/g, ' ')}`);
  });
  return out.join('\n') + (out.length ? '\n' : '');
}

function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(text, result) {
  const r = scalarResult(text, result);
  const rows = [['label', 'start', 'end', 'unit', 'text', 'value', 'calendar', 'gregorian', 'speaker', 'entity']];
  for (const s of r.spans) {
    rows.push([s.label, s.start, s.end, 'scalar', s.text, s.value, s.calendar, s.gregorian, s.speaker && s.speaker.text, s.entity]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// A standalone HTML page: the text as text, painted by a few lines of script with the CSS Custom Highlight API
// (so no element is inserted inside a word), with the spans listed below for browsers without the API.
export function toHtml(text, result) {
  const data = JSON.stringify(result.paragraphs.map((p) => [p.start, p.end, p.lang]))
    .replace(/</g, '\\u003c');
  const spans = JSON.stringify(result.spans.map((s) => [s.label, s.start, s.end])).replace(/</g, '\\u003c');
  const list = result.spans.map((s) => `<li><b>${s.label}</b> ${escapeHtml(s.text)}</li>`).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(result.lang || 'ar')}" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Hashiya snapshot</title>
<style>
body{font:18px/1.9 Vazirmatn,'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
#doc{white-space:pre-wrap}#doc p{margin:0 0 .8em}
::highlight(PER){background:#ffd8a8;text-decoration:underline solid #c2410c}
::highlight(LOC){background:#b2f2bb;text-decoration:underline double #2b8a3e}
::highlight(ORG){background:#a5d8ff;text-decoration:underline dotted #1864ab}
::highlight(DATE){background:#eebefa;text-decoration:underline dashed #862e9c}
::highlight(QUOTE){background:#fff3bf;text-decoration:overline solid #a07800}
::highlight(STATEMENT){background:#e9ecef;text-decoration:overline dotted #495057}
</style></head><body>
<div id="doc">${escapeHtml(text)}</div>
<details><summary>Spans</summary><ol>${list}</ol></details>
<script>
(function(){var doc=document.getElementById('doc'),t=${JSON.stringify(text).replace(/</g, '\\u003c')},P=${data},S=${spans};doc.textContent='';
var segs=[],pos=0;function add(el,a,b){var n=document.createTextNode(t.slice(a,b));el.appendChild(n);segs.push([a,b,n]);}
P.forEach(function(p){if(p[0]>pos){var g=document.createElement('span');g.hidden=true;add(g,pos,p[0]);doc.appendChild(g);}
var e=document.createElement('p');e.dir=p[2]==='other'?'auto':'rtl';e.lang=p[2];add(e,p[0],p[1]);doc.appendChild(e);pos=p[1];});
if(pos<t.length){var g=document.createElement('span');g.hidden=true;add(g,pos,t.length);doc.appendChild(g);}
function at(o,end){for(var i=0;i<segs.length;i++){var s=segs[i];if(o<s[1]||(end&&o===s[1])||(o===s[1]&&i===segs.length-1))return[s[2],o-s[0]];}return null;}
if(!window.CSS||!CSS.highlights)return;var H={};
S.forEach(function(s){var a=at(s[1],false),b=at(s[2],true);if(!a||!b)return;var r=new Range();r.setStart(a[0],a[1]);r.setEnd(b[0],b[1]);
(H[s[0]]=H[s[0]]||new Highlight()).add(r);});for(var k in H){if(k==='QUOTE'||k==='STATEMENT')H[k].priority=0;else H[k].priority=1;CSS.highlights.set(k,H[k]);}
})();
<\/script></body></html>
`;
}
