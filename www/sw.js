// Service worker: keeps a copy of every file of the page, so that once it has been opened over http it also
// works with the network off. Network first (a fresh build is picked up at once), the cache when that fails.
const CACHE = 'hashiya-v3';
const FILES = [
  './', './index.html', './style.css', './app.js', './pkg/worker.js',
  './js/boot.js', './js/labels.js', './js/i18n.js', './js/model.js', './js/export.js', './js/view.js', './js/annotator.js',
  './js/corrections.js', './js/documents.js',
  './pkg/hashiya.js', './pkg/hashiya_bg.wasm', './fonts/Vazirmatn-wght.woff2', './fonts/OFL.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One missing file (e.g. fonts before scripts/bundle.mjs ran) must not stop the others from being cached.
    await Promise.all(FILES.map((f) => cache.add(f).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    } catch (err) {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw err;
    }
  })());
});
