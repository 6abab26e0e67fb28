//! Hand-written classes of head words over general vocabulary, the conventions of the guide the corpora's head
//! tables cannot learn: a state's government, army or forces described by its place is no named body, a
//! facility's name is a place, an armed service's or an alliance's name is an organisation, and `پرس` / `نيوز`
//! end a media outlet's name.
//!
//! The product's guide (`../shared/seeds/GUIDE.md`) labels governments' *named* bodies ORG; "the government /
//! army / forces of `<country>`" or "`<forces>` + a nationality" describe one (`دولت ونزوئلا`, `حكومة كوبا`,
//! `القوات المسلحة الروسية`: ANERcorp tags them so, O with the country a place; PEYMA and AQMAR tag some of
//! them ORG), while a named branch keeps its nationality (`سلاح الجو الروسي`, `الحرس الثوري الإيراني`). Sites
//! and facilities are places (`جسر X`, `مطار X الدولي`, `البيت الأبيض`), whatever label the corpora's silver
//! data gave their head words. The lists are general words, in normalized form (see [`crate::normalize`]: `ی`
//! → `ي`, `ک` → `ك`, hamza forms of alef → `ا`), with the article where the class needs it.

use crate::tokenize::{strip_proclitic, NON_ARTICLE_PROCLITICS};

/// What a head word is, by the classes of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A state's government, army, regime, authorities or relations (`الحكومة`, `دولت`, `ارتش`, `روابط`):
    /// with a place after it, a description.
    Government,
    /// A team (`تیم`): with a place right after it, a description (`تیم ایران`; PEYMA too tags the place
    /// alone), while `تیم ملوان بندر انزلی` is a club's name.
    Team,
    /// Forces in general (`القوات`, `نيروهاي`): with adjectives or a place alone after it, a description.
    Forces,
    /// A facility or site (`جسر`, `مطار`, `البيت`, `پل`): its name is a place.
    Facility,
    /// An armed service (`الحرس`, `سلاح`): its name is an organisation, with or without a nationality.
    Service,
    /// A ministry (`وزارة`; the corpora tag it a third of the time, too seldom for the head table): a service
    /// whose first follower may be any noun with the article (`وزارة الشؤون الخارجية`).
    Ministry,
    /// A state's one parliament, court or council (`البرلمان`, `المحكمة`, `المجلس`): with the state's adjective
    /// it is still that body's name (`البرلمان العراقي`, `المحكمة العليا الإسرائيلية`), as a company with one
    /// (`الشركة الروسية`) is not.
    Institution,
    /// An alliance or group of states (`مجموعة`, `حلف`): with a place name after it, an organisation.
    Alliance,
}

/// The class of a normalized head word as written (article included, no other proclitic).
pub fn class_of(w: &str) -> Option<Class> {
    use Class::*;
    Some(match w {
        // Arabic, then Persian.
        "حكومة" | "الحكومة" | "جيش" | "الجيش" | "نظام" | "النظام" | "سلطات" | "السلطات" | "علاقات" | "العلاقات"
        | "دولت" | "حكومت" | "ارتش" | "رژيم" | "مقامات" | "روابط" => Government,
        "تيم" => Team,
        "قوات" | "القوات" | "نيروهاي" | "نيرو\u{200C}هاي" => Forces,
        "جسر" | "مطار" | "ميناء" | "قاعدة" | "البيت" | "قصر" | "ملعب" | "پل" | "فرودگاه" | "كاخ" | "ورزشگاه" => Facility,
        "الحرس" | "حرس" | "سلاح" => Service,
        "وزارة" => Ministry,
        "البرلمان" | "برلمان" | "المحكمة" | "محكمة" | "المجلس" | "مجلس" => Institution,
        "مجموعة" | "حلف" | "تحالف" | "ائتلاف" => Alliance,
        _ => return None,
    })
}

/// The class of a normalized word that may carry proclitics: the word itself, else the word after proclitics
/// that are not the article (`وحكومة`), else a fused `لل` read as the article (`للقوات` → `القوات`).
pub fn class_of_word(w: &str) -> Option<Class> {
    if let Some(c) = class_of(w) {
        return Some(c);
    }
    for p in NON_ARTICLE_PROCLITICS {
        if let Some(rest) = strip_proclitic(w, p) {
            if let Some(c) = class_of(rest) {
                return Some(c);
            }
            // `لل` = ل + the article without its alef (`للقوات`, `وللحكومة`).
            if p.ends_with('ل') {
                if let Some(r) = rest.strip_prefix('ل') {
                    let mut buf = String::with_capacity(r.len() + 4);
                    buf.push_str("ال");
                    buf.push_str(r);
                    if let Some(c) = class_of(&buf) {
                        return Some(c);
                    }
                }
            }
        }
    }
    None
}

/// Whether the normalized word is a Persian affix written apart from its word: the verbal prefixes `می` / `نمی`
/// (`نمی توانید`) and the plural suffixes `ها` / `های` / `هایی` (`شرکت هایی`). None is a name's word.
pub fn is_detached_affix(w: &str) -> bool {
    matches!(w, "مي" | "نمي" | "ها" | "هاي" | "هايي")
}

/// Whether the normalized head word, in a Persian text, is no head: `ریال` heads names in Arabic (`ريال مدريد`,
/// Real Madrid) but is the rial in Persian (`ریال عمان`), which writes Real `رئال`.
pub fn is_persian_non_head(w: &str) -> bool {
    w == "ريال"
}

/// Whether the normalized word is a Persian direction adjective (`شمالی`, `جنوبی`, `شرقی`, `غربی`), which after
/// a place's name belongs to it (`خراسان شمالی`, `آذربایجان شرقی`: the Persian corpora include it nearly always).
pub fn is_direction(w: &str) -> bool {
    matches!(w, "شمالي" | "جنوبي" | "شرقي" | "غربي")
}

/// Whether the normalized word ends a media outlet's name after the outlet's own name (`ايران پرس`,
/// `فرانس برس`, `اقتصاد نيوز`).
pub fn is_media_tail(w: &str) -> bool {
    matches!(w, "پرس" | "برس" | "نيوز")
}

/// Whether the normalized word names a branch of the armed forces by its element (`الجوية`, `الجو`,
/// `البحرية`, `هوايي`): the forces it follows are a named service (`القوات الجوية`, `سلاح الجو الروسي`).
pub fn is_branch(w: &str) -> bool {
    matches!(
        w,
        "الجو" | "الجوي" | "الجوية" | "البحري" | "البحرية" | "البري" | "البرية" | "هوايي" | "دريايي" | "زميني"
    )
}

/// Whether a head of class `class` and the words after it make a description rather than a name (never when
/// a word names a branch, [`is_branch`]):
/// - [`Class::Government`]: adjectives with the article (`is_adjective`), then a place (`is_place`: a place
///   name or an adjective made from one), which ends the description unless an adjective follows it
///   (`دولت ونزوئلا`, `دولت ونزوئلا هیچ`, `الجيش الوطني الفنزويلي`; not `الجيش السوري الحر` nor `ارتش آزاد
///   سوریه`, the Free Syrian Army);
/// - [`Class::Team`]: a place right after it, no adjective after the place (`تیم ایران`);
/// - [`Class::Forces`]: adjectives and places only (`القوات المسلحة`, `القوات المسلحة الروسية`, `قوات فرنسا`).
///
/// Nothing after the head is no description: a bare head is left to the other rules.
pub fn describes<'a>(
    class: Option<Class>,
    rest: &[&'a str],
    mut is_adjective: impl FnMut(&'a str) -> bool,
    mut is_place: impl FnMut(&'a str) -> bool,
) -> bool {
    if rest.is_empty() || rest.iter().any(|w| is_branch(w)) {
        return false;
    }
    match class {
        // Adjectives before the place are Arabic ones, with the article: Persian puts a name's own adjective
        // there (`ارتش آزاد سوریه`, the Free Syrian Army).
        Some(Class::Government) => match rest.iter().position(|w| is_place(w) || !(w.starts_with("ال") && is_adjective(w))) {
            Some(i) if is_place(rest[i]) => !rest.get(i + 1).is_some_and(|w| is_adjective(w)),
            _ => false,
        },
        Some(Class::Team) => rest.first().is_some_and(|w| is_place(w)) && !rest.get(1).is_some_and(|w| is_adjective(w)),
        Some(Class::Forces) => rest.iter().all(|w| is_adjective(w) || is_place(w)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_str;
    use Class::*;

    #[test]
    fn classes() {
        let cases: &[(&str, Option<Class>)] = &[
            ("الحكومة", Some(Government)),
            ("دولت", Some(Government)),
            ("حکومت", Some(Government)),
            ("روابط", Some(Government)),
            ("تیم", Some(Team)),
            ("القوات", Some(Forces)),
            ("نیروهای", Some(Forces)),
            ("جسر", Some(Facility)),
            ("البيت", Some(Facility)),
            ("فرودگاه", Some(Facility)),
            ("کاخ", Some(Facility)),
            ("الحرس", Some(Service)),
            ("مجموعة", Some(Alliance)),
            // With proclitics; a fused لل reads as the article.
            ("وحكومة", Some(Government)),
            ("للقوات", Some(Forces)),
            ("وللحكومة", Some(Government)),
            ("لمجموعة", Some(Alliance)),
            // Not in a class: other heads, the article-less form where only the article form is listed, a
            // class word inside another word, the article where only the bare form is listed.
            ("وزارة", Some(Ministry)),
            ("البرلمان", Some(Institution)),
            ("شركة", None),
            ("بيت", None),
            ("المجموعة", None),
            ("الجسر", None),
            ("حكومات", None),
            ("لل", None),
            ("", None),
        ];
        for &(w, want) in cases {
            assert_eq!(class_of_word(&normalize_str(w)), want, "{w}");
        }
    }

    #[test]
    fn branches() {
        for (w, want) in [("الجوية", true), ("الجو", true), ("هوایی", true), ("دریایی", true), ("المسلحة", false), ("الجوال", false), ("جو", false)] {
            assert_eq!(is_branch(&normalize_str(w)), want, "{w}");
        }
    }

    #[test]
    fn affixes_and_persian_non_heads() {
        for (w, want) in [("می", true), ("نمی", true), ("ها", true), ("های", true), ("هایی", true), ("میز", false), ("هاشمی", false)] {
            assert_eq!(is_detached_affix(&normalize_str(w)), want, "{w}");
        }
        for (w, want) in [("ریال", true), ("ريال", true), ("رئال", false), ("شرکت", false)] {
            assert_eq!(is_persian_non_head(&normalize_str(w)), want, "{w}");
        }
    }

    #[test]
    fn directions() {
        for (w, want) in [("شمالی", true), ("جنوبی", true), ("شرقی", true), ("غربی", true), ("الشمالية", false), ("شمال", false)] {
            assert_eq!(is_direction(&normalize_str(w)), want, "{w}");
        }
    }

    #[test]
    fn media_tails() {
        for (w, want) in [("پرس", true), ("برس", true), ("نیوز", true), ("بپرس", false), ("پرسش", false), ("نيويورك", false)] {
            assert_eq!(is_media_tail(&normalize_str(w)), want, "{w}");
        }
    }

    #[test]
    fn descriptions() {
        // Test vocabulary: adjectives and places.
        let adjective = |w: &str| matches!(w, "المسلحة" | "الوطني" | "الجو" | "الفنزويلي" | "الروسية" | "مسلح" | "ازاد");
        let place = |w: &str| matches!(w, "ونزوئلا" | "كوبا" | "فرنسا" | "الفنزويلي" | "الروسية");
        // (head, words after it, a description)
        let cases: &[(&str, &[&str], bool)] = &[
            ("دولت", &["ونزوئلا"], true),
            ("حكومة", &["كوبا"], true),
            ("روابط", &["ونزوئلا"], true),
            ("الجيش", &["الوطني", "الفنزويلي"], true),
            ("القوات", &["المسلحة"], true),
            ("للقوات", &["المسلحة", "الروسية"], true),
            ("قوات", &["فرنسا"], true),
            ("نیرو\u{200C}های", &["مسلح"], true),
            ("نیروهای", &["مسلح"], true),
            ("تیم", &["ونزوئلا"], true),
            ("تیم", &["مسلح", "ونزوئلا"], false),
            ("تیم", &["زيلاندو"], false),
            // A government's adjectives without a place, a name word before the place, or nothing after.
            ("الحكومة", &["المسلحة"], false),
            ("دولت", &["زيلاندو", "ونزوئلا"], false),
            // The place ends the description (`دولت ونزوئلا هیچ`).
            ("دولت", &["ونزوئلا", "زيلاندو"], true),
            ("الجيش", &["الفنزويلي", "الوطني"], false),
            ("ارتش", &["آزاد", "ونزوئلا"], false),
            ("دولت", &[], false),
            ("القوات", &[], false),
            // Forces and a name word (`قوات الأمم`), other classes and other heads.
            ("القوات", &["زيلاندو"], false),
            ("سلاح", &["الجو", "الروسية"], false),
            // A branch is a named service, with or without a nationality.
            ("القوات", &["الجوية"], false),
            ("القوات", &["الجوية", "الروسية"], false),
            ("القوات", &["البحرية"], false),
            ("جسر", &["كوبا"], false),
            ("وزارة", &["كوبا"], false),
        ];
        for &(head, rest, want) in cases {
            let class = class_of_word(&normalize_str(head));
            assert_eq!(describes(class, rest, adjective, place), want, "{head} {rest:?}");
        }
    }

    mod regression {
        use super::*;

        /// Found reading PEYMA: a Persian name's own adjective before the place (`ارتش آزاد سوریه`, the Free
        /// Syrian Army) and a club's name words before a place (`تیم ملوان بندر انزلی`) were taken for
        /// descriptions.
        #[test]
        fn persian_names_before_a_place_are_no_descriptions() {
            let adjective = |w: &str| matches!(w, "ازاد" | "ملوان" | "بندر");
            let place = |w: &str| matches!(w, "سوريه" | "انزلي");
            let cases: [(&str, &[&str]); 2] = [("ارتش", &["ازاد", "سوريه"]), ("تیم", &["ملوان", "بندر", "انزلي"])];
            for (head, rest) in cases {
                assert!(!describes(class_of_word(&normalize_str(head)), rest, adjective, place), "{head} {rest:?}");
            }
        }
    }
}
