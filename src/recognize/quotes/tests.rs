//! Table-driven tests of the quotation recognizer: quotation marks, names in quotes, statements and speakers,
//! in Arabic and Persian, with example sentences written for the tests.

use super::*;
use crate::recognize::Analysis;
use crate::span::Candidate;
use crate::{lang, resolve};

/// What the recognizer yields after overlap resolution: (label, text, speaker text) for quotations and for the
/// entity candidates it proposed itself. `names` stands for an entity recognizer that ran before: every
/// occurrence of each name (on word boundaries) is proposed with its label.
fn run(text: &str, names: &[(Label, &str)]) -> Vec<(Label, String, Option<String>)> {
    let analysis = Analysis::new(text, None);
    let cx = analysis.context(text, None);
    let mut out: Vec<Candidate> = Vec::new();
    for (label, name) in names {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let left_ok = text[..at].chars().next_back().map_or(true, |c| !c.is_alphabetic() || "وفبلك".contains(c));
            let right_ok = text[end..].chars().next().map_or(true, |c| !c.is_alphabetic());
            if left_ok && right_ok {
                out.push(Candidate { span: Span::new(*label, at, end), score: 0.6, source: "test" });
            }
        }
    }
    Quotes::new().propose(&cx, &mut out);
    let spans = resolve::resolve(text, out.clone());
    let from_quotes: Vec<(usize, usize, Label)> =
        out.iter().filter(|c| c.source == "quotes").map(|c| (c.span.start, c.span.end, c.span.label)).collect();
    spans
        .into_iter()
        .filter(|s| s.label.is_quotation() || from_quotes.contains(&(s.start, s.end, s.label)))
        .map(|s| {
            let sp = s.speaker.as_ref().map(|sp| text[sp.start..sp.end].to_string());
            (s.label, text[s.start..s.end].to_string(), sp)
        })
        .collect()
}

use crate::span::Span;

type Want<'a> = &'a [(Label, &'a str, Option<&'a str>)];
/// A test case: the text, the names an entity recognizer would propose, and what comes out.
type Case<'a> = (&'a str, &'a [(Label, &'a str)], Want<'a>);

fn check(cases: &[Case<'_>]) {
    for (text, names, want) in cases {
        let got = run(text, names);
        let want: Vec<(Label, String, Option<String>)> =
            want.iter().map(|(l, t, s)| (*l, t.to_string(), s.map(str::to_string))).collect();
        assert_eq!(got, want, "\n{text}");
    }
}

const Q: Label = Label::Quote;
const ST: Label = Label::Statement;
const PER: Label = Label::Per;
const ORG: Label = Label::Org;

#[test]
fn arabic_speaker_patterns() {
    check(&[
        // X قال: "…"
        ("الوزير قال: \"سنواصل العمل\".", &[], &[(Q, "سنواصل العمل", Some("الوزير"))]),
        // قال X: "…"
        ("قال المتحدث باسم الحكومة: \"لا تراجع\".", &[], &[(Q, "لا تراجع", Some("المتحدث باسم الحكومة"))]),
        // "…"، قال X
        ("\"الوضع مستقر\"، قال قائد الشرطة.", &[], &[(Q, "الوضع مستقر", Some("قائد الشرطة"))]),
        // X: "…"
        ("رئيس البرلمان: \"الجلسة مفتوحة\"", &[], &[(Q, "الجلسة مفتوحة", Some("رئيس البرلمان"))]),
        // وفق X, before and after the quotation
        ("ووفق البنك المركزي فإن الاقتصاد \"يتعافى ببطء\".", &[], &[(Q, "يتعافى ببطء", Some("البنك المركزي"))]),
        ("الاقتصاد \"يتعافى ببطء\" وفق البنك المركزي.", &[], &[(Q, "يتعافى ببطء", Some("البنك المركزي"))]),
        // كتب X على تويتر: "…"
        ("كتب الرئيس الفرنسي على تويتر: \"نقف إلى جانبكم\".", &[], &[(Q, "نقف إلى جانبكم", Some("الرئيس الفرنسي"))]),
        // X كتب على تويتر: "…"
        ("المعارض البارز كتب على تويتر: \"لن نستسلم\".", &[], &[(Q, "لن نستسلم", Some("المعارض البارز"))]),
        // أكد X أن ... "…"
        ("أكد وزير الخارجية سامي الحمد أن بلاده تسعى \"من أجل السلام\".", &[], &[(Q, "من أجل السلام", Some("وزير الخارجية سامي الحمد"))]),
        // X قالت إنها ... "…"
        ("الحكومة قالت إنها أحبطت مؤامرة \"المتآمرين\".", &[], &[(Q, "المتآمرين", Some("الحكومة"))]),
        // Other verbs and inflections: صرح، أوضح، شدد، نفى، حذر، اعتبر، يقول، تابع
        ("وصرح المدير العام بأن الشركة \"لن تغلق\".", &[], &[(Q, "لن تغلق", Some("المدير العام"))]),
        ("وأوضحت الوزارة أن الإجراءات \"مؤقتة\".", &[], &[(Q, "مؤقتة", Some("الوزارة"))]),
        ("شدد السفير على \"ضرورة الحوار\".", &[], &[(Q, "ضرورة الحوار", Some("السفير"))]),
        ("ونفى الجيش \"أي تورط\" في الهجوم.", &[], &[(Q, "أي تورط", Some("الجيش"))]),
        ("وحذرت المنظمة من \"كارثة إنسانية\".", &[], &[(Q, "كارثة إنسانية", Some("المنظمة"))]),
        ("واعتبر المحلل أن القرار \"خطوة جريئة\".", &[], &[(Q, "خطوة جريئة", Some("المحلل"))]),
        ("ويقول الخبراء إن النمو \"هش\".", &[], &[(Q, "هش", Some("الخبراء"))]),
        ("وتابع الوزير: \"سنعيد البناء\".", &[], &[(Q, "سنعيد البناء", Some("الوزير"))]),
        // A verbal noun: بعد إعلان X أنه ...
        ("بعد إعلان قائد الحركة أنه يملك \"دعما واسعا\" بدأت المسيرة.", &[], &[(Q, "دعما واسعا", Some("قائد الحركة"))]),
        // A subject after its verb ends with its name when an object follows (a recognised name).
        (
            "واتهم الرئيس كمال المعارضة بالسعي إلى \"انقلاب\".",
            &[(PER, "كمال")],
            &[(Q, "انقلاب", Some("الرئيس كمال"))],
        ),
        // A prepositional phrase at the end of the speaker is left out.
        ("قال وزير الصحة في مؤتمر صحفي: \"الوضع تحت السيطرة\".", &[], &[(Q, "الوضع تحت السيطرة", Some("وزير الصحة"))]),
        ("مسؤول في الوزارة قال إن \"القرار نهائي\".", &[], &[(Q, "القرار نهائي", Some("مسؤول"))]),
        // ... but one inside it stays.
        (
            "بعد إعلان زعيم المعارضة في البلاد سالم حداد أنه يملك \"الأغلبية\".",
            &[],
            &[(Q, "الأغلبية", Some("زعيم المعارضة في البلاد سالم حداد"))],
        ),
    ]);
}

#[test]
fn arabic_continuations_and_sources() {
    check(&[
        // Pro-drop: وأضاف: "…" takes the previous speaker.
        (
            "قال الوزير: \"الأمر صعب\". وأضاف: \"لكننا سننجح\".",
            &[],
            &[(Q, "الأمر صعب", Some("الوزير")), (Q, "لكننا سننجح", Some("الوزير"))],
        ),
        // وحذره من أن ...: a verb followed by a preposition has no subject of its own.
        (
            "وقال السفير لنظيره إن على الجانبين \"ضبط النفس\" وحذره من أن الحكومة \"لن تسكت\".",
            &[(PER, "السفير")],
            &[(Q, "ضبط النفس", Some("السفير")), (Q, "لن تسكت", Some("السفير"))],
        ),
        // وجاء في البيان: "…"
        (
            "الرئاسة: الاجتماع كان مثمرا\nوجاء في البيان:\n\"اتفق الطرفان على التعاون.\"",
            &[],
            &[(ST, "الاجتماع كان مثمرا", Some("الرئاسة")), (Q, "اتفق الطرفان على التعاون.", Some("الرئاسة"))],
        ),
        // نقل X عن Y قوله: Y is quoted.
        (
            "ونقلت الوكالة عن مسؤول عسكري قوله إن \"الهجوم فشل\".",
            &[],
            &[(Q, "الهجوم فشل", Some("مسؤول عسكري"))],
        ),
        (
            "ونقلت الصحيفة عن \"مصدر مطلع\" قوله إن \"الاتفاق قريب\".",
            &[],
            &[(Q, "مصدر مطلع", Some("الصحيفة")), (Q, "الاتفاق قريب", Some("مصدر مطلع"))],
        ),
        // Report sources only when no one else is named.
        ("نقلا عن مصادر محلية، \"انقطعت الكهرباء\" في المدينة.", &[], &[(Q, "انقطعت الكهرباء", Some("مصادر محلية"))]),
        ("بحسب الوكالة، قال الوزير إن \"الوضع خطير\".", &[], &[(Q, "الوضع خطير", Some("الوزير"))]),
        ("وبحسب الشبكة، فإن الخطة \"جاهزة\".", &[], &[(Q, "جاهزة", Some("الشبكة"))]),
        // No speaker named: none.
        ("الشعار المرفوع \"الأرض مقابل السلام\" لم يتغير.", &[], &[(Q, "الأرض مقابل السلام", None)]),
    ]);
}

#[test]
fn persian_speaker_patterns() {
    check(&[
        // X گفت: «…»
        ("وزیر امور خارجه گفت: «ما آماده مذاکره هستیم».", &[], &[(Q, "ما آماده مذاکره هستیم", Some("وزیر امور خارجه"))]),
        // X در این دیدار … تاکید کرد: «…»
        (
            "رئیس مجلس در این دیدار با اشاره به روابط دو کشور تاکید کرد: «همکاری ادامه دارد».",
            &[],
            &[(Q, "همکاری ادامه دارد", Some("رئیس مجلس"))],
        ),
        // به گفته X
        ("به گفته سخنگوی دولت، «هیچ تصمیمی گرفته نشده است».", &[], &[(Q, "هیچ تصمیمی گرفته نشده است", Some("سخنگوی دولت"))]),
        // به نقل از X
        ("به نقل از یک مقام آگاه، «مذاکرات متوقف شده است».", &[], &[(Q, "مذاکرات متوقف شده است", Some("یک مقام آگاه"))]),
        // به گزارش X names the report's source: the speaker only when no one else is named.
        ("به گزارش ایسنا، «قیمت‌ها ثابت ماند».", &[], &[(Q, "قیمت‌ها ثابت ماند", Some("ایسنا"))]),
        ("به گزارش ایسنا، وزیر صنعت گفت: «قیمت‌ها ثابت ماند».", &[], &[(Q, "قیمت‌ها ثابت ماند", Some("وزیر صنعت"))]),
        // A dateline: the clause starts after its dashes.
        ("تهران - ایرنا - معاون وزیر گفت: «طرح آماده است».", &[], &[(Q, "طرح آماده است", Some("معاون وزیر"))]),
        // The verb after the quotation (SOV).
        ("رئیس جمهور بر «حفظ وحدت ملی» تاکید کرد.", &[], &[(Q, "حفظ وحدت ملی", Some("رئیس جمهور"))]),
        ("وزیر نفت از «افزایش تولید» خبر داد.", &[], &[(Q, "افزایش تولید", Some("وزیر نفت"))]),
        // Other verbs and inflections: اظهار داشت، خاطرنشان کرد، یادآور شد، اعلام کرد، عنوان کرد، ادامه داد، نوشت،
        // می‌گوید، تصریح کرد، with می written apart.
        ("سفیر اظهار داشت: «روابط خوب است».", &[], &[(Q, "روابط خوب است", Some("سفیر"))]),
        ("استاندار خاطرنشان کرد: «بودجه کافی نیست».", &[], &[(Q, "بودجه کافی نیست", Some("استاندار"))]),
        ("دادستان یادآور شد: «پرونده باز است».", &[], &[(Q, "پرونده باز است", Some("دادستان"))]),
        ("شهردار اعلام کرد: «مترو تعطیل است».", &[], &[(Q, "مترو تعطیل است", Some("شهردار"))]),
        ("مدیرکل عنوان کرد: «طرح اجرا می‌شود».", &[], &[(Q, "طرح اجرا می‌شود", Some("مدیرکل"))]),
        ("فرمانده ادامه داد: «نیروها آماده‌اند».", &[], &[(Q, "نیروها آماده‌اند", Some("فرمانده"))]),
        ("خبرنگار نوشت: «شهر آرام است».", &[], &[(Q, "شهر آرام است", Some("خبرنگار"))]),
        ("کارشناس می‌گوید: «قیمت‌ها بالا می‌رود».", &[], &[(Q, "قیمت‌ها بالا می‌رود", Some("کارشناس"))]),
        ("نماینده تصریح کرد: «قانون اجرا نشده است».", &[], &[(Q, "قانون اجرا نشده است", Some("نماینده"))]),
        ("وزیر نیرو تاکید می کند: «آب کافی است».", &[], &[(Q, "آب کافی است", Some("وزیر نیرو"))]),
        // وی افزود: «…» takes the previous speaker.
        (
            "سخنگوی دولت گفت: «جلسه برگزار شد». وی افزود: «تصمیمات مهمی گرفته شد».",
            &[],
            &[(Q, "جلسه برگزار شد", Some("سخنگوی دولت")), (Q, "تصمیمات مهمی گرفته شد", Some("سخنگوی دولت"))],
        ),
        // With no speaker before, the pronoun stands for the person who opens the sentence that named the
        // last person shortly before; not for one named too long before, nor for a name in quotes.
        (
            "رئیسی در دیدار با پوتین گفت همکاری ادامه دارد. وی در جمع مردم افزود: «ما متحدیم».",
            &[(PER, "رئیسی"), (PER, "پوتین")],
            &[(Q, "ما متحدیم", Some("رئیسی"))],
        ),
        (
            "التقى ماكرون بالرئيس بوتين في باريس. وأضاف: \"نحن ندعم الحوار\".",
            &[(PER, "ماكرون"), (PER, "بوتين")],
            &[(Q, "نحن ندعم الحوار", Some("ماكرون"))],
        ),
        (
            "رئیسی به مشهد رفت. دولت برنامه‌های زیادی برای توسعه اقتصادی و اجتماعی کشور در سال‌های آینده دارد و همه \
             وزیران در جلسات متعدد در این باره گفت‌وگو کرده‌اند و گزارش‌های مفصلی درباره وضعیت اقتصادی، اجتماعی، \
             فرهنگی و سیاسی استان‌های مختلف به رئیس دولت ارائه داده‌اند تا تصمیمات لازم گرفته شود. وی افزود: «ما متحدیم».",
            &[(PER, "رئیسی")],
            &[(Q, "ما متحدیم", None)],
        ),
        // A person's name in quotes, then a title: a name, and the speaker.
        (
            "\"علی رضایی\" رئیس سازمان گفت: «کار تمام شد».",
            &[],
            &[(PER, "علی رضایی", None), (Q, "کار تمام شد", Some("علی رضایی"))],
        ),
        // A description introduced after a name stands for that person.
        (
            "دیدار \"جان اسمیت\"، سفیر انگلیس با وزیر انجام شد. سفیر انگلیس همچنین بر «گسترش روابط» تاکید کرد.",
            &[],
            &[(PER, "جان اسمیت", None), (Q, "گسترش روابط", Some("جان اسمیت"))],
        ),
    ]);
}

#[test]
fn names_in_quotes() {
    check(&[
        // Outlet nouns before the quoted name (Arabic and Persian).
        ("قال لقناة \"الميادين\" إن الحرب \"لن تتوقف\".", &[], &[(ORG, "الميادين", None), (Q, "لن تتوقف", None)]),
        ("ذكرت وكالة أنباء \"الشرق\" أن الاجتماع انتهى.", &[], &[(ORG, "الشرق", None)]),
        ("به گزارش خبرگزاری \"ایرنا\"، جلسه لغو شد.", &[], &[(ORG, "ایرنا", None)]),
        // A title after the quoted name, then the same name again without one.
        (
            "\"احمد کریمی\" معاون وزیر و \"کریمی\" در جلسه حاضر بودند و \"احمد کریمی\" رفت.",
            &[],
            &[(PER, "احمد کریمی", None), (PER, "کریمی", None), (PER, "احمد کریمی", None)],
        ),
        // A name an entity recognizer already knows: no QUOTE, and no second candidate.
        ("التقى \"مادورو\" بالوفد.", &[(PER, "مادورو")], &[]),
        // Scare quotes stay quotations.
        ("وزير الداخلية وصف المحتجين بـ\"الخونة\".", &[], &[(Q, "الخونة", Some("وزير الداخلية"))]),
        ("\"مایک جانسون\" معاون وزیر ضمن \"دیکتاتور\" خواندن او، اعلام کرد.", &[], &[
            (PER, "مایک جانسون", None),
            (Q, "دیکتاتور", Some("مایک جانسون")),
        ]),
        // Long quotations are never names.
        ("قال إن \"الشعب يريد الحرية والعدالة والكرامة\".", &[], &[(Q, "الشعب يريد الحرية والعدالة والكرامة", None)]),
    ]);
}

#[test]
fn statements() {
    check(&[
        // X: text (Arabic), to the end of the sentence.
        (
            "وزير الدفاع الفنزويلي: ندافع عن الدستور. وزير الدفاع الفنزويلي: نرفض العنف.",
            &[],
            &[
                (ST, "ندافع عن الدستور.", Some("وزير الدفاع الفنزويلي")),
                (ST, "نرفض العنف.", Some("وزير الدفاع الفنزويلي")),
            ],
        ),
        // A clause ending in a speech verb (Persian).
        (
            "رئیس دولت از تصمیم خود خبر داد و گفت: دیپلمات‌ها باید بروند.",
            &[],
            &[(ST, "دیپلمات‌ها باید بروند.", Some("رئیس دولت"))],
        ),
        // A quotation inside a statement takes its speaker; the statement gives way to it.
        ("القائد العسكري: القوات تسيطر بعد تعرض الجنود \"للخداع\".", &[], &[(Q, "للخداع", Some("القائد العسكري"))]),
        // Not statements: times, a colon before a line break, a long clause without a speech verb.
        ("الاجتماع الساعة 10:30 صباحا.", &[], &[]),
        ("وأبرز السيناريوهات:\n- الانسحاب", &[], &[]),
        ("في لحظة سياسية حساسة تتقاطع فيها المصالح الكبرى بين الدول، يبرز سؤال محوري: هل ينجح؟", &[], &[]),
    ]);
}

#[test]
fn marks_in_context() {
    check(&[
        ("قال الوزير «نحن هنا» ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير »نحن هنا« ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير “نحن هنا” ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير ”نحن هنا“ ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير ‘نحن هنا’ ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير „نحن هنا“ ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        ("قال الوزير ‹نحن هنا› ثم غادر.", &[], &[(Q, "نحن هنا", Some("الوزير"))]),
        // Nested: the outer quotation only.
        ("قال الوزير «إن وصف «الخونة» مرفوض».", &[], &[(Q, "إن وصف «الخونة» مرفوض", Some("الوزير"))]),
        // Diacritics in the original are kept in the spans.
        ("قالَ الوزيرُ: \"نَحْنُ هُنا\".", &[], &[(Q, "نَحْنُ هُنا", Some("الوزيرُ"))]),
    ]);
}

#[test]
fn never_panics_and_spans_are_valid() {
    let q = Quotes::new();
    let inputs = [
        "",
        "\"",
        ":",
        "«",
        "»«",
        "قال:",
        "قال: \"",
        ": \"x\"",
        "\u{0301}\"\u{064E}\":",
        "\"\n\"\n:\n",
        "x:\"y\nz\" w: v",
        "وأضاف: \"",
        "به گفته",
        "نقلت عن \"",
        "\u{200C}\u{200C}\"\u{200C}\"",
    ];
    for text in inputs {
        let analysis = Analysis::new(text, Some(lang::Lang::Ar));
        let cx = analysis.context(text, None);
        let mut out = Vec::new();
        q.propose(&cx, &mut out);
        for c in &out {
            assert!(c.span.start <= c.span.end && text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            if let Some(sp) = &c.span.speaker {
                assert!(sp.start < sp.end && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            }
        }
    }
}

mod property {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_mix_of_marks_words_and_colons(parts in proptest::collection::vec(prop_oneof![
            Just("\""), Just("«"), Just("»"), Just("“"), Just("”"), Just(":"), Just(" "), Just("\n"), Just("."),
            Just("قال"), Just("وأضاف"), Just("الوزير"), Just("گفت"), Just("افزود"), Just("وی"), Just("به"),
            Just("گفته"), Just("عن"), Just("نقلت"), Just("في"), Just("،"), Just("\u{064E}"), Just("رئیس"),
        ], 0..60)) {
            let text: String = parts.concat();
            let doc = crate::annotate(&text, &crate::Options::default());
            for s in &doc.spans {
                prop_assert!(s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                if let Some(sp) = &s.speaker {
                    prop_assert!(sp.start < sp.end && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                }
            }
        }
    }
}

mod regression {
    use super::*;

    #[test]
    fn unclosed_quote_does_not_swallow_the_following_ones() {
        check(&[(
            "الزعيم كتب على تويتر: \"حان الوقت! المستقبل لنا. الزعيم: \"الشعب معنا\" الزعيم: \"سننتصر\".",
            &[],
            &[
                (Q, "حان الوقت! المستقبل لنا.", Some("الزعيم")),
                (Q, "الشعب معنا", Some("الزعيم")),
                (Q, "سننتصر", Some("الزعيم")),
            ],
        )]);
    }

    #[test]
    fn verb_with_conjunction_after_a_quote_is_not_its_speaker() {
        // `"…" وحذره من ...` once gave the first quotation the previous speaker.
        check(&[(
            "قال المبعوث: \"نحن مستعدون\". وقال الوزير لنظيره إن على الجميع \"التهدئة\" وحذره من \"العواقب\".",
            &[],
            &[
                (Q, "نحن مستعدون", Some("المبعوث")),
                (Q, "التهدئة", Some("الوزير لنظيره")),
                (Q, "العواقب", Some("الوزير لنظيره")),
            ],
        )]);
    }

    #[test]
    fn subject_before_its_verb_is_not_cut_at_an_inner_name() {
        // A recognised `الحكومة` inside `الحكومة الفنزويلية` once cut the speaker to `محاولة انقلاب الحكومة`.
        check(&[(
            "محاولة انقلاب الحكومة الفنزويلية قالت إنها أحبطت مؤامرة \"المتآمرين\".",
            &[(ORG, "الحكومة")],
            &[(Q, "المتآمرين", Some("محاولة انقلاب الحكومة الفنزويلية"))],
        )]);
    }

    #[test]
    fn pronoun_subject_with_more_words_takes_the_previous_speaker() {
        // `وی خواستار ... شد و تصریح کرد:` once gave the speaker `وی خواستار پیگیری مجلس`.
        check(&[(
            "وزیر اقتصاد گفت: «رشد ادامه دارد». وی خواستار پیگیری مجلس شد و تصریح کرد: «قوانین لازم است».",
            &[],
            &[(Q, "رشد ادامه دارد", Some("وزیر اقتصاد")), (Q, "قوانین لازم است", Some("وزیر اقتصاد"))],
        )]);
    }

    #[test]
    fn verb_later_in_the_sentence_does_not_lend_the_words_before_it() {
        // A verb far after the quotation once made `تستكمل استعداداتها ...` the speaker.
        check(&[(
            "طرحت الدولة مشروع \"الطريق الجديد\" ، والآن كي تستكمل استعداداتها تعلن بلا تردد أن الخطة تسير.",
            &[],
            &[(Q, "الطريق الجديد", None)],
        )]);
    }

    #[test]
    fn conversation_is_not_a_speech_verb() {
        check(&[("گفت وگوی «سازنده» ادامه یافت.", &[], &[(Q, "سازنده", None)])]);
    }
}
