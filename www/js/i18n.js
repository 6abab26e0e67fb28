// Interface strings in Arabic, Persian and English; the language comes from the browser (or the user's choice,
// kept in localStorage) and sets <html lang dir>, so the whole layout mirrors for right-to-left.
const STRINGS = {
  en: {
    correct: 'Correct', remove: 'Remove', startEarlier: 'Start −1', startLater: 'Start +1', endEarlier: 'End −1', endLater: 'End +1',
    undo: 'Undo', redo: 'Redo', edits: (n) => (n === 1 ? '1 correction' : `${n} corrections`), documents: 'Documents', noDocuments: 'No kept documents yet.',
    deleteDoc: 'Delete', added: 'Added', removed: 'Removed', changed: 'Changed', undone: 'Undone', redone: 'Redone',
    source: 'Source', byYou: 'your correction', editHelp: 'Select text and press 1–6 to add a span; click a span, then 1–6 relabels it, Delete removes it, [ ] move its start and - = its end; Ctrl+Z undoes.',
    title: 'Hashiya', tagline: 'Names, places, organisations, dates and quotations in Arabic and Persian news',
    inputLabel: 'Article text', placeholder: 'Paste or type an Arabic or Persian article here…',
    legend: 'Labels', entities: 'Entities', quotes: 'Quotations by speaker', dates: 'Dates',
    PER: 'Person', LOC: 'Place', ORG: 'Organisation', DATE: 'Date', QUOTE: 'Quotation', STATEMENT: 'Statement',
    idle: 'Ready', loading: 'Loading the annotator…', busy: 'Annotating…', done: (n, ms) => `${n} spans in ${ms} ms`,
    failed: 'Annotation failed: ', value: 'Value', calendar: 'Calendar', gregorian: 'Gregorian', speaker: 'Speaker',
    entity: 'Entity', aliases: 'Also written', mentions: 'mentions', unknownSpeaker: 'Speaker not found',
    article: 'Annotated article', theme: 'Dark mode', language: 'Interface language', empty: 'Nothing yet: paste an article above.',
    exportLabel: 'Export', importLabel: 'Import JSON', download: 'Download', copy: 'Copy', copied: 'Copied',
    imported: 'Imported', importFailed: 'Import failed: ', navHelp: 'Focus the article and press n / p (or ↓ / ↑) to step through the highlights.',
    gregorianShort: 'AD',
  },
  ar: {
    correct: 'تصحيح', remove: 'حذف', startEarlier: 'البداية −1', startLater: 'البداية +1', endEarlier: 'النهاية −1', endLater: 'النهاية +1',
    undo: 'تراجع', redo: 'إعادة', edits: (n) => `${n} تصحيحات`, documents: 'المستندات', noDocuments: 'لا مستندات محفوظة بعد.',
    deleteDoc: 'حذف', added: 'أُضيف', removed: 'حُذف', changed: 'عُدّل', undone: 'تُرُوجع', redone: 'أُعيد',
    source: 'المصدر', byYou: 'تصحيحك', editHelp: 'حدّد نصا واضغط 1–6 لإضافة وسم؛ انقر وسما ثم 1–6 لتغييره، وDelete لحذفه، و[ ] لتحريك بدايته و- = لنهايته؛ Ctrl+Z للتراجع.',
    title: 'حاشية', tagline: 'الأسماء والأماكن والمنظمات والتواريخ والاقتباسات في الأخبار العربية والفارسية',
    inputLabel: 'نص المقال', placeholder: 'الصق مقالا عربيا أو فارسيا هنا أو اكتبه…',
    legend: 'الوسوم', entities: 'الكيانات', quotes: 'الاقتباسات حسب القائل', dates: 'التواريخ',
    PER: 'شخص', LOC: 'مكان', ORG: 'منظمة', DATE: 'تاريخ', QUOTE: 'اقتباس', STATEMENT: 'تصريح',
    idle: 'جاهز', loading: 'جارٍ تحميل المحلل…', busy: 'جارٍ التحليل…', done: (n, ms) => `${n} وسمًا في ${ms} ملّي ثانية`,
    failed: 'تعذر التحليل: ', value: 'القيمة', calendar: 'التقويم', gregorian: 'الميلادي', speaker: 'القائل',
    entity: 'الكيان', aliases: 'يُكتب أيضًا', mentions: 'إشارات', unknownSpeaker: 'لم يُعرف القائل',
    article: 'المقال الموسوم', theme: 'الوضع الداكن', language: 'لغة الواجهة', empty: 'لا شيء بعد: الصق مقالا في الأعلى.',
    exportLabel: 'تصدير', importLabel: 'استيراد JSON', download: 'تنزيل', copy: 'نسخ', copied: 'نُسخ',
    imported: 'استُورد', importFailed: 'تعذر الاستيراد: ', navHelp: 'ركّز على المقال واضغط n / p (أو ↓ / ↑) للتنقل بين الوسوم.',
    gregorianShort: 'م',
  },
  fa: {
    correct: 'اصلاح', remove: 'حذف', startEarlier: 'آغاز −1', startLater: 'آغاز +1', endEarlier: 'پایان −1', endLater: 'پایان +1',
    undo: 'واگرد', redo: 'ازنو', edits: (n) => `${n} اصلاح`, documents: 'سندها', noDocuments: 'هنوز سندی نگه داشته نشده است.',
    deleteDoc: 'حذف', added: 'افزوده شد', removed: 'حذف شد', changed: 'تغییر کرد', undone: 'واگردانده شد', redone: 'دوباره انجام شد',
    source: 'منبع', byYou: 'اصلاح شما', editHelp: 'متنی را برگزینید و 1–6 را بزنید تا برچسب بیفزایید؛ روی برچسبی بزنید، سپس 1–6 آن را عوض می‌کند، Delete حذفش می‌کند، [ ] آغاز و - = پایانش را جابه‌جا می‌کند؛ Ctrl+Z واگرد است.',
    title: 'حاشیه', tagline: 'نام‌ها، مکان‌ها، سازمان‌ها، تاریخ‌ها و نقل‌قول‌ها در اخبار عربی و فارسی',
    inputLabel: 'متن مقاله', placeholder: 'یک مقالهٔ عربی یا فارسی را اینجا بچسبانید یا بنویسید…',
    legend: 'برچسب‌ها', entities: 'موجودیت‌ها', quotes: 'نقل‌قول‌ها بر اساس گوینده', dates: 'تاریخ‌ها',
    PER: 'شخص', LOC: 'مکان', ORG: 'سازمان', DATE: 'تاریخ', QUOTE: 'نقل‌قول', STATEMENT: 'اظهار',
    idle: 'آماده', loading: 'در حال بارگذاری…', busy: 'در حال برچسب‌گذاری…', done: (n, ms) => `${n} برچسب در ${ms} میلی‌ثانیه`,
    failed: 'برچسب‌گذاری ناموفق بود: ', value: 'مقدار', calendar: 'تقویم', gregorian: 'میلادی', speaker: 'گوینده',
    entity: 'موجودیت', aliases: 'نگارش‌های دیگر', mentions: 'اشاره', unknownSpeaker: 'گوینده یافت نشد',
    article: 'مقالهٔ برچسب‌خورده', theme: 'حالت تاریک', language: 'زبان رابط', empty: 'هنوز چیزی نیست: مقاله‌ای را بالا بچسبانید.',
    exportLabel: 'خروجی', importLabel: 'ورود JSON', download: 'دریافت', copy: 'رونوشت', copied: 'رونوشت شد',
    imported: 'وارد شد', importFailed: 'ورود ناموفق بود: ', navHelp: 'روی مقاله تمرکز کنید و n / p (یا ↓ / ↑) را بزنید تا بین برچسب‌ها بروید.',
    gregorianShort: 'م',
  },
};

export const UI_LANGS = ['ar', 'fa', 'en'];

export function pickUiLang(stored, browserLangs) {
  if (stored && STRINGS[stored]) return stored;
  for (const l of browserLangs || []) {
    const base = String(l).toLowerCase().split('-')[0];
    if (STRINGS[base]) return base;
  }
  return 'en';
}

export function strings(lang) {
  return STRINGS[lang] || STRINGS.en;
}

// Fills every [data-i18n] element's text (and [data-i18n-placeholder] / [data-i18n-label] attributes).
export function applyStrings(root, lang) {
  const s = strings(lang);
  const doc = root.ownerDocument || root;
  doc.documentElement.lang = lang;
  doc.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = s[el.dataset.i18n];
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = s[el.dataset.i18nPlaceholder];
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', s[el.dataset.i18nLabel]);
  doc.title = s.title + ' · Hashiya';
  return s;
}
