//! Throughput of quotation detection on a 5 MB input: `cargo bench --bench quotes`.
//!
//! Prints MB/s for the mark scanner alone, for the quotation recognizer (names in quotes, statements and
//! speakers, on an already normalized and tokenized text), and for the whole annotation pipeline; then the
//! recognizer's throughput on 1, 2 and 5 MB, and on 5 MB of nothing but quotation marks and colons, to show
//! that the time grows linearly with the input. Numbers are printed, not asserted: the machine decides them.

use std::hint::black_box;
use std::time::Instant;

use hashiya::lang::{self, Lang};
use hashiya::normalize::Normalized;
use hashiya::recognize::quote_marks::scan;
use hashiya::recognize::quotes::Quotes;
use hashiya::recognize::{Context, Recognizer};
use hashiya::tokenize::tokenize;

/// News-like paragraphs with every kind of quotation the recognizer handles (written for the benchmark).
const PARAGRAPHS: &[&str] = &[
    "قال وزير الخارجية في مؤتمر صحفي: \"سنواصل العمل من أجل السلام\". وأضاف: \"لا تراجع عن مواقفنا\".",
    "الحكومة قالت إنها أحبطت محاولة انقلابية لمجموعة من الجنود \"الخونة\". قائد بالجيش قال لشبكة \"الأخبار\" إن التقارير غير صحيحة.",
    "الزعيم كتب على تويتر: \"حان الوقت! المستقبل لنا. الزعيم: \"الشعب معنا\" الزعيم: \"سننتصر\".",
    "وزير الدفاع: ندافع بكل قوة عن النظام الدستوري للبلاد. ونقلت الوكالة عن مسؤول عسكري قوله إن \"الهجوم فشل\".",
    "به گزارش خبرگزاری \"ایرنا\"، \"علی رضایی\" رئیس سازمان گفت: «کار تمام شد». وی افزود: «تصمیمات مهمی گرفته شد».",
    "رئیس جمهور بر «حفظ وحدت ملی» تاکید کرد و گفت: دیپلمات‌ها باید بروند. به گفته سخنگوی دولت، «هیچ تصمیمی گرفته نشده است».",
    "تعلن الدولة رسميا أن عملياتها تهدف إلى الحد من التهريب، وأن ذلك جزء من حملة “حماية الأمن القومي”.",
    "وتشهد البلاد أزمة اقتصادية خانقة، حيث هناك شح في المواد الغذائية وبلغ التضخم مستويات قياسية في الأشهر الأخيرة.",
];

fn text_of(size: usize) -> String {
    let mut t = String::with_capacity(size + 1024);
    let mut i = 0;
    while t.len() < size {
        t.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        t.push('\n');
        i += 1;
    }
    t
}

/// Best of three runs, in MB/s.
fn mbps(bytes: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t0 = Instant::now();
        f();
        best = best.min(t0.elapsed().as_secs_f64());
    }
    bytes as f64 / 1e6 / best
}

fn recognizer_mbps(q: &Quotes, text: &str) -> (f64, usize) {
    let norm = Normalized::new(text);
    let tokens = tokenize(&norm.text);
    let ps = lang::paragraphs(text, Lang::Ar);
    let cx = Context { text, norm: &norm, tokens: &tokens, lang: Lang::Ar, paragraphs: &ps, reference: None };
    let mut n = 0;
    let speed = mbps(text.len(), || {
        let mut out = Vec::new();
        q.propose(&cx, &mut out);
        n = black_box(out.len());
    });
    (speed, n)
}

fn main() {
    let q = Quotes::new();
    let text = text_of(5_000_000);
    let mb = text.len() as f64 / 1e6;
    let norm = Normalized::new(&text);

    let mut found = 0;
    let scan_speed = mbps(norm.text.len(), || found = black_box(scan(&norm.text)).len());
    println!("quote marks scan      {mb:5.1} MB  {scan_speed:8.1} MB/s  ({found} quotations)");

    let (rec_speed, n) = recognizer_mbps(&q, &text);
    println!("quotes recognizer     {mb:5.1} MB  {rec_speed:8.1} MB/s  ({n} candidates)");

    let annotator = hashiya::Annotator::new();
    let mut spans = 0;
    let full = mbps(text.len(), || {
        spans = black_box(annotator.annotate(&text, &hashiya::Options::default())).spans.len();
    });
    println!("whole pipeline        {mb:5.1} MB  {full:8.1} MB/s  ({spans} spans)");

    for size in [1_000_000, 2_000_000, 5_000_000] {
        let t = text_of(size);
        let (s, _) = recognizer_mbps(&q, &t);
        println!("linearity: recognizer {:5.1} MB  {s:8.1} MB/s", t.len() as f64 / 1e6);
    }
    let marks: String = "\" « » “ : قال: \"".chars().cycle().take(2_500_000).collect();
    let (s, _) = recognizer_mbps(&q, &marks);
    println!("marks and colons only {:5.1} MB  {s:8.1} MB/s", marks.len() as f64 / 1e6);
}
