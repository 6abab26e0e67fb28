// Run by scripts/build.sh after the wasm build (node scripts/bundle.mjs):
//  1. copies the Vazirmatn web font and its licence (npm package `vazirmatn`, SIL OFL 1.1) into www/fonts/, and
//     writes www/pkg/worker.js: www/worker.js and the wasm-bindgen glue as one classic script, the page's worker;
//  2. writes dist/hashiya.html: the whole page in one self-contained file (a classic script, the worker from a
//     Blob URL, the wasm inlined as base64, the font inlined) that works opened from disk with the network off.
// Both outputs are generated, never committed (see .gitignore).
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const read = (p) => readFileSync(join(root, p), 'utf8');

// ---- 1. the font --------------------------------------------------------------------------------------------
const fontDir = join(root, 'node_modules', 'vazirmatn');
const fontSrc = join(fontDir, 'fonts', 'webfonts', 'Vazirmatn[wght].woff2');
if (!existsSync(fontSrc)) {
  console.error('[bundle] node_modules/vazirmatn is missing: run `npm ci` first');
  process.exit(1);
}
mkdirSync(join(www, 'fonts'), { recursive: true });
copyFileSync(fontSrc, join(www, 'fonts', 'Vazirmatn-wght.woff2'));
copyFileSync(join(fontDir, 'OFL.txt'), join(www, 'fonts', 'OFL.txt'));

// ---- 2. dist/hashiya.html -----------------------------------------------------------------------------------
// Turns an ES module of ours into plain script text: its imports are satisfied by the modules concatenated
// before it, so import lines go and `export` keywords are dropped. Our modules keep every import on one line.
function unmodule(source, name) {
  const out = source
    .replace(/^import\s[^;]*?from\s+['"][^'"]+['"];?\s*$/gm, '')
    .replace(/^export\s+(async\s+function|function|class|const|let)\b/gm, '$1')
    .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
    .replace(/import\.meta\.url/g, 'self.location.href');
  if (/^\s*(import|export)\b/m.test(out)) throw new Error(`${name}: an import or export was left after bundling`);
  return out;
}

const appModules = ['js/labels.js', 'js/i18n.js', 'js/model.js', 'js/export.js', 'js/view.js', 'js/boot.js', 'js/annotator.js',
  'js/corrections.js', 'js/documents.js', 'app.js'];
const appScript = '(() => {\n"use strict";\n' +
  appModules.map((m) => `// ---- ${m}\n${unmodule(read('www/' + m), m)}`).join('\n') + '\n})();\n';

const glue = unmodule(read('www/pkg/hashiya.js'), 'pkg/hashiya.js');
const workerScript = '"use strict";\n' + glue + '\nconst init = __wbg_init;\n' + unmodule(read('www/worker.js'), 'worker.js');
// The served page starts this classic script as its worker (js/boot.js): one file, where the module worker.js
// would fetch and link pkg/hashiya.js after it (measured: ready 12 ms sooner in the median of 15 cold loads).
writeFileSync(join(www, 'pkg', 'worker.js'), workerScript);

const wasmBase64 = readFileSync(join(www, 'pkg', 'hashiya_bg.wasm')).toString('base64');
const fontBase64 = readFileSync(fontSrc).toString('base64');
const style = read('www/style.css').replace('url("fonts/Vazirmatn-wght.woff2")', `url("data:font/woff2;base64,${fontBase64}")`);
if (style.includes('url("fonts/')) throw new Error('style.css: a font url was not inlined');

const escapeHtml = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c]));
const safeScript = (s, name) => {
  if (/<\/script/i.test(s)) throw new Error(`${name} contains </script`);
  return s;
};
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const csp = [
  "default-src 'none'",
  `script-src ${sha(appScript)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "connect-src 'none'",
  `style-src ${sha(style)}`,
  'font-src data:',
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('www/index.html');
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html: expected ${JSON.stringify(from.slice(0, 60))}`);
  html = html.replace(from, () => to);
};
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () =>
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) throw new Error('index.html: no Content-Security-Policy meta to replace');
swap('<link rel="stylesheet" href="style.css">', `<style>${style}</style>`);
// The font is inlined in the style: nothing to preload.
html = html.replace(/<!-- The font is fetched before[\s\S]*?-->\n<link rel="preload" href="fonts\/[^"]+" as="font"[^>]*>\n/, '');
if (html.includes('as="font"')) throw new Error('index.html: the font preload was left after bundling');
// The wasm is inlined: nothing to preload.
swap('<!-- The wasm is fetched while the page is still parsing; js/boot.js\'s compileStreaming(fetch(...)) takes this response. -->\n' +
  '<link rel="preload" href="pkg/hashiya_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n', '');
swap('<!-- First, a small classic script: it starts the annotator\'s worker and wasm at once (js/boot.js). -->\n' +
  '<script src="js/boot.js"></script>\n', '');
// The module preloads (index.html must list every module app.js needs, so none waits for app.js to arrive);
// every module is inlined here.
for (const m of appModules.filter((m) => m.startsWith('js/') && m !== 'js/boot.js')) {
  if (!html.includes(`<link rel="modulepreload" href="${m}">`)) throw new Error(`index.html: no modulepreload link for ${m}`);
}
html = html.replace(/<!-- app\.js's imports[^>]*-->\n(<link rel="modulepreload" href="[^"]+">\n)+/, '');
if (html.includes('modulepreload')) throw new Error('index.html: a modulepreload link was left after bundling');
swap('<script type="module" src="app.js"></script>\n', '');
swap('<a href="fonts/OFL.txt">SIL Open Font License</a>', '<a href="#font-licence">SIL Open Font License</a>');
const licence = `<details id="font-licence" class="licence"><summary>Vazirmatn: SIL Open Font License 1.1</summary><pre>${escapeHtml(readFileSync(join(fontDir, 'OFL.txt'), 'utf8'))}</pre></details>\n`;
swap('</body>', `${licence}<script type="text/plain" id="hashiya-worker-source">${safeScript(workerScript, 'worker')}</script>
<script type="text/plain" id="hashiya-wasm-base64">${wasmBase64}</script>
<script>${safeScript(appScript, 'app')}</script>
</body>`);

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'hashiya.html'), html);
console.log(`[bundle] www/fonts/ (Vazirmatn + OFL.txt); dist/hashiya.html: ${html.length} bytes`);
