// Kept documents: each text with its correction layer in localStorage, keyed by a hash of the text, plus an index
// (newest first) for the document list. When storage is full the oldest documents make room for the newest.
import { validCorrections, emptyCorrections } from './corrections.js';

const PREFIX = 'hashiya.doc.';
const INDEX = 'hashiya.docs';
const LAST = 'hashiya.last';
const MAX_DOCS = 30;
const MAX_CHARS = 2_500_000; // Chromium gives an origin about 5 M UTF-16 units of localStorage

// A 64-bit hash of the text (two 32-bit FNV-1a-style lanes over UTF-16 units) as 16 hex digits.
export function hashText(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export class DocumentStore {
  constructor(storage) {
    this.storage = storage;
  }

  get(key) { try { return this.storage.getItem(key); } catch { return null; } }

  list() {
    try {
      const v = JSON.parse(this.get(INDEX) || '[]');
      return Array.isArray(v) ? v.filter((d) => d && typeof d.hash === 'string') : [];
    } catch { return []; }
  }

  // {text, corrections} of a kept document, or null.
  load(hash) {
    try {
      const d = JSON.parse(this.get(PREFIX + hash) || 'null');
      if (!d || typeof d.text !== 'string') return null;
      return { text: d.text, corrections: validCorrections(d.corrections) };
    } catch { return null; }
  }

  corrections(hash) {
    const d = this.load(hash);
    return d ? d.corrections : emptyCorrections();
  }

  // Keeps `text` with its layer and puts it first in the list; returns false when storage refused it.
  save(hash, text, corrections, title) {
    const entry = { hash, title, length: text.length, saved: Date.now(), edits: corrections.removed.length + corrections.added.length };
    const body = JSON.stringify({ text, corrections });
    // A text too big for the origin's storage is not kept (rather than evicting every other document for it).
    if (body.length > MAX_CHARS) return false;
    let list = this.list().filter((d) => d.hash !== hash);
    for (;;) {
      try {
        this.storage.setItem(PREFIX + hash, body);
        list = [entry, ...list];
        while (list.length > MAX_DOCS) this.storage.removeItem(PREFIX + list.pop().hash);
        this.storage.setItem(INDEX, JSON.stringify(list));
        this.storage.setItem(LAST, hash);
        return true;
      } catch {
        if (!list.length) return false;
        try { this.storage.removeItem(PREFIX + list.pop().hash); } catch { return false; }
      }
    }
  }

  remove(hash) {
    try {
      this.storage.removeItem(PREFIX + hash);
      this.storage.setItem(INDEX, JSON.stringify(this.list().filter((d) => d.hash !== hash)));
      if (this.get(LAST) === hash) this.storage.removeItem(LAST);
    } catch { /* storage may be off */ }
  }

  last() { return this.get(LAST); }
}
