//! The date vocabulary: month names (generated from CLDR into `data/date_names.tsv`), weekdays, number words,
//! units, parts of day, relative words, era marks and holidays of Arabic and Persian, keyed by normalized form.


use crate::normalize::normalize_str;
use crate::span::Calendar;

/// Part of the day (TIMEX3 codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pod {
    /// Morning, dawn (`TMO`).
    Mo,
    /// Noon (`TMI`).
    Mi,
    /// Afternoon (`TAF`).
    Af,
    /// Evening (`TEV`).
    Ev,
    /// Night (`TNI`).
    Ni,
}

impl Pod {
    /// The TIMEX3 suffix.
    pub fn code(self) -> &'static str {
        match self {
            Pod::Mo => "TMO",
            Pod::Mi => "TMI",
            Pod::Af => "TAF",
            Pod::Ev => "TEV",
            Pod::Ni => "TNI",
        }
    }
}

/// A time unit of relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Day.
    D,
    /// Week.
    W,
    /// Month.
    M,
    /// Year.
    Y,
}

impl Unit {
    /// The TIMEX3 letter.
    pub fn letter(self) -> char {
        match self {
            Unit::D => 'D',
            Unit::W => 'W',
            Unit::M => 'M',
            Unit::Y => 'Y',
        }
    }
}

/// Grammatical number of a unit word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Singular (`يوم`, `روز`): one, or the unit after a number.
    One,
    /// Dual (`يومين`): two.
    Two,
    /// Plural (`أيام`): needs a number.
    Many,
    /// Definite singular (`العام`, `الشهر`): takes a modifier (`العام الماضي`).
    Def,
    /// Definite plural (`الأيام`, `الأشهر`): `الأيام الثلاثة الماضية`.
    DefMany,
}

/// What a word (or a fixed phrase) can be in a date expression. A form may have several readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// A month name; `ctx` when it is a month only next to a day number, a year or a month cue.
    Month {
        /// Calendar of the month name.
        cal: Calendar,
        /// Month number 1–12.
        m: u8,
        /// Context-only form.
        ctx: bool,
    },
    /// A weekday, ISO number (1 = Monday .. 7 = Sunday).
    Weekday(u8),
    /// A cardinal number word.
    Card(u16),
    /// An ordinal number word (day of month, or hour for the Arabic feminine forms).
    Ord(u8),
    /// A unit word.
    Unit(Unit, Count),
    /// A part of the day written as a noun (before or after the day it qualifies).
    Pod(Pod),
    /// A part of the day written as an adverb, only after a day or a clock time (`صباحا`, `مساء`).
    PodAdv(Pod),
    /// A day relative to the reference date (`اليوم` 0, `أمس` -1, `فردا` +1).
    RelDay(i8),
    /// A night relative to the reference date (`دیشب` -1, `امشب` 0).
    RelNight(i8),
    /// A year relative to the reference date in one word (`امسال` 0, `پارسال` -1).
    RelYear(i8),
    /// A modifier after a unit or a name: -1 past (`الماضي`, `گذشته`), +1 next (`المقبل`), 0 current.
    Mod(i8),
    /// A demonstrative before a unit (`هذا`, `این`): the current one.
    This,
    /// `منذ`, `قبل` before a count: so long ago; `بعد` before a count: so long ahead (sign).
    AgoPre(i8),
    /// `پیش`, `قبل` after a count and unit: ago; `بعد`, `دیگر`: ahead (sign).
    AgoPost(i8),
    /// An era mark after a year.
    Era(Calendar),
    /// The hour word (`الساعة`, `ساعت`).
    Hour,
    /// A minutes word (`دقيقة`).
    Minute,
    /// A seconds word (`ثانية`).
    Second,
    /// Minutes written as a fraction of the hour (`والنصف` 30, `والربع` 15).
    MinutesWord(u8),
    /// Start of a range (`من`, `بين`, `از`).
    From,
    /// Middle of a range (`إلى`, `حتى`, `تا`).
    To,
    /// The conjunction `و`.
    And,
    /// A day cue (`يوم`, `روز`).
    DayCue,
    /// A month cue (`شهر`, `ماه`).
    MonthCue,
    /// A year cue (`عام`, `سنة`, `سال`).
    YearCue,
    /// A preposition that makes a bare four-digit number a year (`في`, `منذ`, `در`).
    YearPrep,
    /// `من` between an ordinal day and a month (`العاشر من مارس`).
    Of,
    /// A clock unit of durations: `H` hour, `M` minute, `S` second.
    TimeUnit(char, Count),
    /// A vague count (`بضعة`, `عدة`, `چند`).
    Few,
    /// Half (`نصف`).
    Half,
    /// Whole (`كامل`, `كاملة`, `تمام`) after a duration.
    Whole,
    /// A word that makes the following count and unit a duration (`لمدة`, `مدة`, `طوال`, `به مدت`).
    DurCue,
    /// Noon or midnight as a time (`الظهيرة`, `منتصف الليل`): hour.
    FixedTime(u8),
    /// A part of a period before it (`مطلع`, `أواخر`, `منتصف`, `اوایل`): the span grows, the value stays.
    Part,
    /// `آخر` before a count: the last so many units.
    Last,
    /// Now (`الآن`, `اکنون`).
    Now,
    /// A season (TIMEX3 `SP`, `SU`, `FA`, `WI`).
    Season(&'static str),
    /// A holiday: calendar, month (0 = unknown), day (0 = the whole month; 100 + 10 × weekday + n: the n-th
    /// weekday of the month, as `عيد الشكر` the fourth Thursday of November, 144).
    Holiday(Calendar, u8, u8),
    /// A quarter of a year (`الربع`), before its ordinal.
    Quarter,
    /// `الأخير`: the last one, after a week or a quarter (`الأسبوع الأخير من يوليو`).
    Final,
    /// A decade of the 1900s written as a word (`السبعينيات` 70, `عشرينيات` 20).
    Decade(u8),
    /// A word opening a vague time (`وقت` of `وقت متأخر`, `لاحقا`).
    Vague,
    /// An ordinal written before its noun (`أول يوم`, `ثالث يوم`).
    PreOrd(u8),
    /// A decade word (`العقد`, `العقدين`, `عقود`).
    Decades,
    /// A feminine ordinal without the article (`ثامنة`): an hour only before a fraction of the hour
    /// (`ثامنة والربع`).
    BareHour(u8),
}

type Map<K, V> = crate::hash::FxMap<K, V>;

/// The date vocabulary keyed by normalized form.
pub struct Vocab {
    words: Map<String, Vec<Atom>>,
    /// First words of multi-word forms, with the longest form in words.
    starts: Map<String, u8>,
    /// Months by form, with the language they are accepted in (`true` = Persian).
    month_lang: Map<String, Option<bool>>,
}

/// Month names generated from CLDR by `scripts/build_date_names.py`.
const DATE_NAMES: &str = include_str!("../../../data/date_names.tsv");

const AR_WEEKDAYS: &[(&str, u8)] = &[
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("الأحد", 7),
];
const FA_WEEKDAYS: &[(&str, u8)] = &[
    ("دوشنبه", 1),
    ("دو شنبه", 1),
    ("سه‌شنبه", 2),
    ("سه شنبه", 2),
    ("سهشنبه", 2),
    ("چهارشنبه", 3),
    ("چهار شنبه", 3),
    ("چهار‌شنبه", 3),
    ("پنجشنبه", 4),
    ("پنج‌شنبه", 4),
    ("پنج شنبه", 4),
    ("جمعه", 5),
    ("آدینه", 5),
    ("شنبه", 6),
    ("یکشنبه", 7),
    ("یک‌شنبه", 7),
    ("یک شنبه", 7),
];

const AR_CARD: &[(&str, u16)] = &[
    ("واحد", 1),
    ("واحدة", 1),
    ("اثنين", 2),
    ("اثنان", 2),
    ("اثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثة", 3),
    ("أربع", 4),
    ("أربعة", 4),
    ("خمس", 5),
    ("خمسة", 5),
    ("ست", 6),
    ("ستة", 6),
    ("سبع", 7),
    ("سبعة", 7),
    ("ثماني", 8),
    ("ثمانية", 8),
    ("ثمان", 8),
    ("تسع", 9),
    ("تسعة", 9),
    ("عشر", 10),
    ("عشرة", 10),
    ("أحد عشر", 11),
    ("اثني عشر", 12),
    ("اثنا عشر", 12),
    ("عشرين", 20),
    ("عشرون", 20),
    ("ثلاثين", 30),
    ("ثلاثون", 30),
    ("أربعين", 40),
    ("أربعون", 40),
    ("خمسين", 50),
    ("خمسون", 50),
    ("ستين", 60),
    ("ستون", 60),
    ("سبعين", 70),
    ("سبعون", 70),
    ("ثمانين", 80),
    ("ثمانون", 80),
    ("تسعين", 90),
    ("تسعون", 90),
    ("مائة", 100),
    ("مئة", 100),
    ("مائتين", 200),
    ("مائتان", 200),
    ("مئتين", 200),
    ("مئتان", 200),
    ("ثلاثمائة", 300),
    ("ثلاثمئة", 300),
    ("أربعمائة", 400),
    ("أربعمئة", 400),
    ("خمسمائة", 500),
    ("خمسمئة", 500),
    ("ستمائة", 600),
    ("ستمئة", 600),
    ("سبعمائة", 700),
    ("سبعمئة", 700),
    ("ثمانمائة", 800),
    ("ثمانمئة", 800),
    ("ثمانيمائة", 800),
    ("تسعمائة", 900),
    ("تسعمئة", 900),
    ("ألف", 1000),
    ("ألفين", 2000),
    ("ألفان", 2000),
];
const FA_CARD: &[(&str, u16)] = &[
    ("یک", 1),
    ("دو", 2),
    ("سه", 3),
    ("چهار", 4),
    ("پنج", 5),
    ("شش", 6),
    ("هفت", 7),
    ("هشت", 8),
    ("نه", 9),
    ("ده", 10),
    ("یازده", 11),
    ("دوازده", 12),
    ("سیزده", 13),
    ("چهارده", 14),
    ("پانزده", 15),
    ("شانزده", 16),
    ("هفده", 17),
    ("هجده", 18),
    ("هیجده", 18),
    ("نوزده", 19),
    ("بیست", 20),
    ("سی", 30),
];
/// Arabic masculine ordinals 1–10 and the 11–19 stems; the feminine forms (hours) follow.
const AR_ORD: &[&str] =
    &["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
const AR_ORD_F: &[&str] = &[
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
];
const FA_ORD: &[&str] = &[
    "یکم",
    "دوم",
    "سوم",
    "چهارم",
    "پنجم",
    "ششم",
    "هفتم",
    "هشتم",
    "نهم",
    "دهم",
    "یازدهم",
    "دوازدهم",
    "سیزدهم",
    "چهاردهم",
    "پانزدهم",
    "شانزدهم",
    "هفدهم",
    "هجدهم",
    "نوزدهم",
    "بیستم",
];

const UNITS: &[(&str, Unit, Count)] = &[
    ("يوم", Unit::D, Count::One),
    ("يوما", Unit::D, Count::Many),
    ("أيام", Unit::D, Count::Many),
    ("يومين", Unit::D, Count::Two),
    ("يومان", Unit::D, Count::Two),
    ("اليوم", Unit::D, Count::Def),
    ("أسبوع", Unit::W, Count::One),
    ("أسابيع", Unit::W, Count::Many),
    ("أسبوعين", Unit::W, Count::Two),
    ("أسبوعا", Unit::W, Count::Many),
    ("الأسبوع", Unit::W, Count::Def),
    ("أسبوعي", Unit::W, Count::Def),
    ("شهر", Unit::M, Count::One),
    ("أشهر", Unit::M, Count::Many),
    ("شهور", Unit::M, Count::Many),
    ("شهرا", Unit::M, Count::Many),
    ("شهرين", Unit::M, Count::Two),
    ("الشهر", Unit::M, Count::Def),
    ("عام", Unit::Y, Count::One),
    ("أعوام", Unit::Y, Count::Many),
    ("عاما", Unit::Y, Count::Many),
    ("عامين", Unit::Y, Count::Two),
    ("العام", Unit::Y, Count::Def),
    ("سنة", Unit::Y, Count::One),
    ("سنوات", Unit::Y, Count::Many),
    ("سنين", Unit::Y, Count::Many),
    ("سنتين", Unit::Y, Count::Two),
    ("السنة", Unit::Y, Count::Def),
    ("اليومين", Unit::D, Count::Two),
    ("الأسبوعين", Unit::W, Count::Two),
    ("الشهرين", Unit::M, Count::Two),
    ("العامين", Unit::Y, Count::Two),
    ("السنتين", Unit::Y, Count::Two),
    ("الأيام", Unit::D, Count::DefMany),
    ("الأسابيع", Unit::W, Count::DefMany),
    ("الأشهر", Unit::M, Count::DefMany),
    ("الشهور", Unit::M, Count::DefMany),
    ("السنوات", Unit::Y, Count::DefMany),
    ("الأعوام", Unit::Y, Count::DefMany),
    ("روز", Unit::D, Count::One),
    ("هفته", Unit::W, Count::One),
    ("ماه", Unit::M, Count::One),
    ("سال", Unit::Y, Count::One),
];

const PODS: &[(&str, Pod)] = &[
    ("صباح", Pod::Mo),
    ("مساء", Pod::Ev),
    ("ظهر", Pod::Mi),
    ("عصر", Pod::Af),
    ("فجر", Pod::Mo),
    ("ليلة", Pod::Ni),
    ("ليل", Pod::Ni),
    ("صبح", Pod::Mo),
    ("بامداد", Pod::Mo),
    ("بعدازظهر", Pod::Af),
    ("بعد از ظهر", Pod::Af),
    ("بعد‌ازظهر", Pod::Af),
    ("پیش از ظهر", Pod::Mo),
    ("قبل از ظهر", Pod::Mo),
    ("غروب", Pod::Ev),
    ("شب", Pod::Ni),
    ("ظهیر", Pod::Mi),
];
const POD_ADV: &[(&str, Pod)] = &[
    ("صباحا", Pod::Mo),
    ("صباحاً", Pod::Mo),
    ("مساء", Pod::Ev),
    ("مساءا", Pod::Ev),
    ("عصرا", Pod::Af),
    ("ظهرا", Pod::Mi),
    ("فجرا", Pod::Mo),
    ("ليلا", Pod::Ni),
    ("ص", Pod::Mo),
    ("م", Pod::Ev),
    ("الصباح", Pod::Mo),
    ("المساء", Pod::Ev),
    ("الظهر", Pod::Mi),
    ("بعد الظهر", Pod::Af),
    ("الليل", Pod::Ni),
    ("العصر", Pod::Af),
    ("الفجر", Pod::Mo),
    ("الأمسيات", Pod::Ev),
    ("صبح", Pod::Mo),
    ("ظهر", Pod::Mi),
    ("عصر", Pod::Af),
    ("شب", Pod::Ni),
    ("بعدازظهر", Pod::Af),
    ("بعد از ظهر", Pod::Af),
    ("بامداد", Pod::Mo),
];

const REL_DAYS: &[(&str, i8)] = &[
    ("اليوم", 0),
    ("أمس", -1),
    ("البارحة", -1),
    ("غدا", 1),
    ("غداً", 1),
    ("أول أمس", -2),
    ("أول من أمس", -2),
    ("أمس الأول", -2),
    ("قبل يوم أمس", -2),
    ("بعد غد", 2),
    ("بعد الغد", 2),
    ("الأمس", -1),
    ("الغد", 1),
    ("امروز", 0),
    ("دیروز", -1),
    ("فردا", 1),
    ("پریروز", -2),
    ("پس‌فردا", 2),
    ("پس فردا", 2),
    ("پسفردا", 2),
];

const MODS: &[(&str, i8)] = &[
    ("الماضي", -1),
    ("الماضية", -1),
    ("المنصرم", -1),
    ("المنصرمة", -1),
    ("الفائت", -1),
    ("الفائتة", -1),
    ("المقبل", 1),
    ("المقبلة", 1),
    ("القادم", 1),
    ("القادمة", 1),
    ("الماضيين", -1),
    ("الماضيتين", -1),
    ("المقبلين", 1),
    ("المقبلتين", 1),
    ("القادمين", 1),
    ("القادمتين", 1),
    ("التالي", 1),
    ("التالية", 1),
    ("الحالي", 0),
    ("الحالية", 0),
    ("الجاري", 0),
    ("الجارية", 0),
    ("گذشته", -1),
    ("پیش", -1),
    ("قبل", -1),
    ("آینده", 1),
    ("آتی", 1),
    ("بعد", 1),
    ("جاری", 0),
    ("کنونی", 0),
];

const ERAS: &[(&str, Calendar)] = &[
    ("هـ", Calendar::Hijri),
    ("ه", Calendar::Hijri),
    ("هجري", Calendar::Hijri),
    ("هجرية", Calendar::Hijri),
    ("الهجري", Calendar::Hijri),
    ("للهجرة", Calendar::Hijri),
    ("ق", Calendar::Hijri),
    ("قمری", Calendar::Hijri),
    ("ش", Calendar::Jalali),
    ("شمسی", Calendar::Jalali),
    ("خورشیدی", Calendar::Jalali),
    ("م", Calendar::Gregorian),
    ("ميلادي", Calendar::Gregorian),
    ("ميلادية", Calendar::Gregorian),
    ("الميلادي", Calendar::Gregorian),
    ("للميلاد", Calendar::Gregorian),
    ("میلادی", Calendar::Gregorian),
];


/// The first day code of holidays set by Easter (see [`easter_day`]).
pub const EASTER_BASE: u8 = 200;

/// Holidays set by Easter, by day code from [`EASTER_BASE`]: whether the Eastern churches' Easter, and days
/// from Easter Sunday. Easter (`عيد الفصح`: the Western date; `عيد الفصح المجيد`, as the Eastern churches of
/// Egypt and the Levant call theirs, the Eastern one), Good Friday, Ash Wednesday, Palm Sunday, Sham el-Nessim
/// (the Monday after the Eastern Easter), Clean Monday (the Eastern Lent's first day).
const EASTER_DAYS: &[(bool, i16)] = &[(false, 0), (false, -2), (false, -46), (false, -7), (true, 0), (true, 1), (true, -48)];

/// The Easter and day offset of an Easter day code (`EASTER_BASE..`); an unknown code is Easter itself.
pub fn easter_day(code: u8) -> (bool, i16) {
    EASTER_DAYS.get(usize::from(code.saturating_sub(EASTER_BASE))).copied().unwrap_or((false, 0))
}

const HOLIDAYS: &[(&str, Calendar, u8, u8)] = &[
    ("عيد الأضحى", Calendar::Hijri, 12, 10),
    ("عيد الاضحى", Calendar::Hijri, 12, 10),
    ("عید قربان", Calendar::Hijri, 12, 10),
    ("عيد الفطر", Calendar::Hijri, 10, 1),
    ("عید فطر", Calendar::Hijri, 10, 1),
    ("عاشوراء", Calendar::Hijri, 1, 10),
    ("عاشورا", Calendar::Hijri, 1, 10),
    ("تاسوعا", Calendar::Hijri, 1, 9),
    ("يوم عرفة", Calendar::Hijri, 12, 9),
    ("روز عرفه", Calendar::Hijri, 12, 9),
    ("المولد النبوي", Calendar::Hijri, 3, 12),
    ("ليلة القدر", Calendar::Hijri, 9, 27),
    ("شب قدر", Calendar::Hijri, 9, 27),
    ("رأس السنة الهجرية", Calendar::Hijri, 1, 1),
    ("عید غدیر", Calendar::Hijri, 12, 18),
    ("عيد الميلاد المجيد", Calendar::Gregorian, 12, 25),
    ("کریسمس", Calendar::Gregorian, 12, 25),
    ("رأس السنة الميلادية", Calendar::Gregorian, 1, 1),
    ("عيد الميلاد", Calendar::Gregorian, 12, 25),
    ("يوم عيد الميلاد", Calendar::Gregorian, 12, 25),
    ("رأس السنة الجديدة", Calendar::Gregorian, 1, 1),
    ("ليلة رأس السنة", Calendar::Gregorian, 12, 31),
    ("ليلة رأس السنة الجديدة", Calendar::Gregorian, 12, 31),
    ("ليلة رأس السنة الميلادية", Calendar::Gregorian, 12, 31),
    ("عيد العمال", Calendar::Gregorian, 5, 1),
    ("يوم العمال", Calendar::Gregorian, 5, 1),
    ("عيد الحب", Calendar::Gregorian, 2, 14),
    ("يوم الأرض", Calendar::Gregorian, 3, 30),
    ("عيد الأم", Calendar::Gregorian, 3, 21),
    ("يوم الأم", Calendar::Gregorian, 3, 21),
    ("عيد الأب", Calendar::Gregorian, 6, 21),
    ("يوم الأب", Calendar::Gregorian, 6, 21),
    ("يوم المرأة العالمي", Calendar::Gregorian, 3, 8),
    ("عيد الهالوين", Calendar::Gregorian, 10, 31),
    ("يوم النكبة", Calendar::Gregorian, 5, 15),
    ("يواندان", Calendar::Gregorian, 1, 1),
    // the fourth Thursday of November
    ("عيد الشكر", Calendar::Gregorian, 11, 144),
    ("يوم الشكر", Calendar::Gregorian, 11, 144),
    // movable or one per country: the day is not known from the name (0, 0)
    ("عيد الاستقلال", Calendar::Gregorian, 0, 0),
    ("يوم الاستقلال", Calendar::Gregorian, 0, 0),
    ("اليوم الوطني", Calendar::Gregorian, 0, 0),
    ("العيد الوطني", Calendar::Gregorian, 0, 0),
    ("يوم الشباب", Calendar::Gregorian, 0, 0),
    ("رأس السنة الصينية", Calendar::Gregorian, 0, 0),
    // set by Easter (no month; the day is EASTER_BASE + a row of EASTER_DAYS)
    ("عيد الفصح", Calendar::Gregorian, 0, EASTER_BASE),
    ("عید پاک", Calendar::Gregorian, 0, EASTER_BASE),
    ("الجمعة العظيمة", Calendar::Gregorian, 0, EASTER_BASE + 1),
    ("أربعاء الرماد", Calendar::Gregorian, 0, EASTER_BASE + 2),
    ("أحد الشعانين", Calendar::Gregorian, 0, EASTER_BASE + 3),
    ("عيد الفصح المجيد", Calendar::Gregorian, 0, EASTER_BASE + 4),
    ("شم النسيم", Calendar::Gregorian, 0, EASTER_BASE + 5),
    ("إثنين الرماد", Calendar::Gregorian, 0, EASTER_BASE + 6),
    ("يوم إثنين الرماد", Calendar::Gregorian, 0, EASTER_BASE + 6),
    ("موسم الحج", Calendar::Hijri, 12, 0),
    // a topic word as much as a time (وزارة الحج): only after إلى / في or before a year, see the grammar
    ("الحج", Calendar::Hijri, 12, 0),
    ("نوروز", Calendar::Jalali, 1, 1),
    ("النوروز", Calendar::Jalali, 1, 1),
    ("عيد النوروز", Calendar::Jalali, 1, 1),
    ("عید نوروز", Calendar::Jalali, 1, 1),
    ("سیزده بدر", Calendar::Jalali, 1, 13),
    ("شب یلدا", Calendar::Jalali, 9, 30),
    ("رمضان المبارك", Calendar::Hijri, 9, 0),
    ("شهر رمضان", Calendar::Hijri, 9, 0),
    ("ماه رمضان", Calendar::Hijri, 9, 0),
    ("ماه مبارک رمضان", Calendar::Hijri, 9, 0),
];

const SMALL: &[(&str, Atom)] = &[
    ("هذا", Atom::This),
    ("هذه", Atom::This),
    ("این", Atom::This),
    ("منذ", Atom::AgoPre(-1)),
    ("قبل", Atom::AgoPre(-1)),
    ("بعد", Atom::AgoPre(1)),
    ("پیش", Atom::AgoPost(-1)),
    ("قبل", Atom::AgoPost(-1)),
    ("بعد", Atom::AgoPost(1)),
    ("دیگر", Atom::AgoPost(1)),
    ("الساعة", Atom::Hour),
    ("ساعة", Atom::Hour),
    ("ساعت", Atom::Hour),
    ("دقيقة", Atom::Minute),
    ("دقائق", Atom::Minute),
    ("دقیقه", Atom::Minute),
    ("ثانية", Atom::Second),
    ("ثواني", Atom::Second),
    ("ثانیه", Atom::Second),
    ("والنصف", Atom::MinutesWord(30)),
    ("ونصف", Atom::MinutesWord(30)),
    ("والربع", Atom::MinutesWord(15)),
    ("وربع", Atom::MinutesWord(15)),
    ("و نیم", Atom::MinutesWord(30)),
    ("و ربع", Atom::MinutesWord(15)),
    ("والثلث", Atom::MinutesWord(20)),
    ("وثلث", Atom::MinutesWord(20)),
    ("وثلاثة أرباع", Atom::MinutesWord(45)),
    ("و ثلاثة أرباع", Atom::MinutesWord(45)),
    ("من", Atom::From),
    ("بين", Atom::From),
    ("از", Atom::From),
    ("من", Atom::Of),
    ("إلى", Atom::To),
    ("الى", Atom::To),
    ("حتى", Atom::To),
    ("لغاية", Atom::To),
    ("تا", Atom::To),
    ("-", Atom::To),
    ("–", Atom::To),
    ("و", Atom::And),
    ("يوم", Atom::DayCue),
    ("روز", Atom::DayCue),
    ("شهر", Atom::MonthCue),
    ("ماه", Atom::MonthCue),
    ("عام", Atom::YearCue),
    ("العام", Atom::YearCue),
    ("سنة", Atom::YearCue),
    ("السنة", Atom::YearCue),
    ("سال", Atom::YearCue),
    ("في", Atom::YearPrep),
    ("منذ", Atom::YearPrep),
    ("مواليد", Atom::YearPrep),
    ("وقت", Atom::Vague),
    ("العقد", Atom::Decades),
    ("العقدين", Atom::Decades),
    ("عقود", Atom::Decades),
    ("العقود", Atom::Decades),
    ("أول", Atom::PreOrd(1)),
    ("ثاني", Atom::PreOrd(2)),
    ("ثالث", Atom::PreOrd(3)),
    ("رابع", Atom::PreOrd(4)),
    ("خامس", Atom::PreOrd(5)),
    ("لاحقا", Atom::Vague),
    ("عند", Atom::YearPrep),
    ("حتى", Atom::YearPrep),
    ("قبل", Atom::YearPrep),
    ("بعد", Atom::YearPrep),
    ("خلال", Atom::YearPrep),
    ("مطلع", Atom::YearPrep),
    ("أواخر", Atom::YearPrep),
    ("أوائل", Atom::YearPrep),
    ("نهاية", Atom::YearPrep),
    ("بداية", Atom::YearPrep),
    ("منتصف", Atom::YearPrep),
    ("در", Atom::YearPrep),
    ("از", Atom::YearPrep),
    ("تا", Atom::YearPrep),
    ("دیشب", Atom::RelNight(-1)),
    ("امشب", Atom::RelNight(0)),
    ("الليلة", Atom::RelNight(0)),
    ("امسال", Atom::RelYear(0)),
    ("پارسال", Atom::RelYear(-1)),
    ("الآن", Atom::Now),
    ("اکنون", Atom::Now),
    ("الربيع", Atom::Season("SP")),
    ("ربيع", Atom::Season("SP")),
    ("خريف", Atom::Season("FA")),
    ("الصيف", Atom::Season("SU")),
    ("صيف", Atom::Season("SU")),
    ("الخريف", Atom::Season("FA")),
    ("الشتاء", Atom::Season("WI")),
    ("شتاء", Atom::Season("WI")),
    ("بهار", Atom::Season("SP")),
    ("تابستان", Atom::Season("SU")),
    ("پاییز", Atom::Season("FA")),
    ("زمستان", Atom::Season("WI")),
    ("آخر", Atom::Last),
    ("الربع", Atom::Quarter),
    ("الأخير", Atom::Final),
    ("الأخيرة", Atom::Final),
    ("مطلع", Atom::Part),
    ("أوائل", Atom::Part),
    ("أواخر", Atom::Part),
    ("أواسط", Atom::Part),
    ("منتصف", Atom::Part),
    ("نهاية", Atom::Part),
    ("عطلة نهاية", Atom::Part),
    ("بقية", Atom::Part),
    ("باقي", Atom::Part),
    ("بداية", Atom::Part),
    ("اوایل", Atom::Part),
    ("اواخر", Atom::Part),
    ("اواسط", Atom::Part),
    ("نیمه", Atom::Part),
    ("پایان", Atom::Part),
    ("ابتدای", Atom::Part),
    ("ساعة", Atom::TimeUnit('H', Count::One)),
    ("ساعات", Atom::TimeUnit('H', Count::Many)),
    ("الساعات", Atom::TimeUnit('H', Count::Many)),
    ("ساعتين", Atom::TimeUnit('H', Count::Two)),
    ("الساعة", Atom::TimeUnit('H', Count::Def)),
    ("ساعت", Atom::TimeUnit('H', Count::One)),
    ("دقيقة", Atom::TimeUnit('M', Count::One)),
    ("دقائق", Atom::TimeUnit('M', Count::Many)),
    ("دقيقتين", Atom::TimeUnit('M', Count::Two)),
    ("دقیقه", Atom::TimeUnit('M', Count::One)),
    ("ثانية", Atom::TimeUnit('S', Count::One)),
    ("ثوان", Atom::TimeUnit('S', Count::Many)),
    ("ثواني", Atom::TimeUnit('S', Count::Many)),
    ("ثانیه", Atom::TimeUnit('S', Count::One)),
    ("بضع", Atom::Few),
    ("بضعة", Atom::Few),
    ("عدة", Atom::Few),
    ("چند", Atom::Few),
    ("نصف", Atom::Half),
    ("كامل", Atom::Whole),
    ("كاملة", Atom::Whole),
    ("کامل", Atom::Whole),
    ("تمام", Atom::Whole),
    ("لمدة", Atom::DurCue),
    ("مدة", Atom::DurCue),
    ("طوال", Atom::DurCue),
    ("مدت", Atom::DurCue),
    ("الظهيرة", Atom::FixedTime(12)),
    ("وقت الظهيرة", Atom::FixedTime(12)),
    ("وقت الغداء", Atom::PodAdv(Pod::Mi)),
    ("الحادية عشر", Atom::Ord(11)),
    ("الثانية عشر", Atom::Ord(12)),
    ("منتصف النهار", Atom::FixedTime(12)),
    ("منتصف الليل", Atom::FixedTime(0)),
    ("نیمه‌شب", Atom::FixedTime(0)),
    ("نیمه شب", Atom::FixedTime(0)),
];

impl Vocab {
    /// Builds the vocabulary from the embedded tables.
    pub fn new() -> Vocab {
        let mut v = Vocab { words: Map::default(), starts: Map::default(), month_lang: Map::default() };
        for line in DATE_NAMES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 5 {
                continue;
            }
            let cal = match f[0] {
                "g" => Calendar::Gregorian,
                "j" => Calendar::Jalali,
                "h" => Calendar::Hijri,
                _ => continue,
            };
            let Ok(m) = f[1].parse::<u8>() else { continue };
            let fa = f[2] == "fa";
            let key = normalize_str(f[4]);
            let lang = v.month_lang.entry(key.clone()).or_insert(Some(fa));
            if *lang != Some(fa) {
                *lang = None; // both languages
            }
            v.add(f[4], Atom::Month { cal, m, ctx: f[3] == "c" });
        }
        for &(w, d) in AR_WEEKDAYS.iter().chain(FA_WEEKDAYS) {
            v.add(w, Atom::Weekday(d));
        }
        for &(w, n) in AR_CARD.iter().chain(FA_CARD) {
            v.add(w, Atom::Card(n));
        }
        // السبعينيات, سبعينيات: the decades of the 1900s
        for (w, t) in [
            ("عشرين", 20u8),
            ("ثلاثين", 30),
            ("أربعين", 40),
            ("خمسين", 50),
            ("ستين", 60),
            ("سبعين", 70),
            ("ثمانين", 80),
            ("تسعين", 90),
        ] {
            v.add(&format!("{w}يات"), Atom::Decade(t));
            v.add(&format!("ال{w}يات"), Atom::Decade(t));
        }
        // الثلاثة (الأيام الثلاثة الماضية); not الاثنين, which is Monday; الألفين (the year 2000 as it is said:
        // في الألفين, سنة الألفين وخمسة)
        for &(w, n) in AR_CARD {
            if (n > 2 && n < 100 || n == 2000) && !w.contains(' ') {
                v.add(&format!("ال{w}"), Atom::Card(n));
            }
        }
        // بیست و هفت, سی و یک; واحد وعشرين
        for (tens, base) in [("بیست", 20u16), ("سی", 30)] {
            for &(w, n) in &FA_CARD[..9] {
                v.add(&format!("{tens} و {w}"), Atom::Card(base + n));
            }
        }
        for (tens, base) in [("وعشرين", 20u16), ("وعشرون", 20), ("وثلاثين", 30)] {
            for &(w, n) in &AR_CARD[..20] {
                if n < 10 {
                    v.add(&format!("{w} {tens}"), Atom::Card(base + n));
                }
            }
        }
        for (i, w) in AR_ORD.iter().enumerate() {
            v.add(w, Atom::Ord(i as u8 + 1));
        }
        // الحادي عشر .. التاسع عشر, العشرين, الحادي والعشرين .. الحادي والثلاثين
        v.add("الحادي عشر", Atom::Ord(11));
        for (i, w) in AR_ORD.iter().enumerate().skip(1).take(8) {
            v.add(&format!("{w} عشر"), Atom::Ord(i as u8 + 11));
        }
        v.add("العشرين", Atom::Ord(20));
        v.add("الثلاثين", Atom::Ord(30));
        for (tens, base) in [("والعشرين", 20u8), ("والثلاثين", 30), ("والعشرون", 20), ("والثلاثون", 30)]
        {
            v.add(&format!("الحادي {tens}"), Atom::Ord(base + 1));
            for (i, w) in AR_ORD.iter().enumerate().skip(1).take(8) {
                if base + (i as u8) < 31 {
                    v.add(&format!("{w} {tens}"), Atom::Ord(base + i as u8 + 1));
                }
            }
        }
        for (i, w) in AR_ORD_F.iter().enumerate() {
            v.add(w, Atom::Ord(i as u8 + 1));
        }
        v.add("الحادية والعشرين", Atom::Ord(21));
        v.add("الحادية والثلاثين", Atom::Ord(31));
        for (i, w) in AR_ORD_F.iter().enumerate().skip(1).take(8) {
            for (tens, base) in [("والعشرين", 20u8), ("والعشرون", 20)] {
                v.add(&format!("{w} {tens}"), Atom::Ord(base + i as u8 + 1));
            }
        }
        for (i, w) in AR_ORD_F.iter().enumerate().take(10).skip(2) {
            v.add(&w["ال".len()..], Atom::BareHour(i as u8 + 1));
        }
        for (i, w) in FA_ORD.iter().enumerate() {
            v.add(w, Atom::Ord(i as u8 + 1));
        }
        v.add("اول", Atom::Ord(1));
        v.add("هیجدهم", Atom::Ord(18));
        for w in ["سی‌ام", "سی ام", "سیام", "سی‌اُم"] {
            v.add(w, Atom::Ord(30));
        }
        for (tens, base) in [("بیست", 20u8), ("سی", 30)] {
            for (i, w) in FA_ORD.iter().enumerate().take(9) {
                if base + (i as u8) < 31 {
                    v.add(&format!("{tens} و {w}"), Atom::Ord(base + i as u8 + 1));
                }
            }
            v.add(&format!("{tens} و اول"), Atom::Ord(base + 1));
        }
        for &(w, u, c) in UNITS {
            v.add(w, Atom::Unit(u, c));
        }
        for &(w, p) in PODS {
            v.add(w, Atom::Pod(p));
        }
        for &(w, p) in POD_ADV {
            v.add(w, Atom::PodAdv(p));
        }
        for &(w, d) in REL_DAYS {
            v.add(w, Atom::RelDay(d));
        }
        for &(w, m) in MODS {
            v.add(w, Atom::Mod(m));
        }
        for &(w, c) in ERAS {
            v.add(w, Atom::Era(c));
        }
        for &(w, c, m, d) in HOLIDAYS {
            v.add(w, Atom::Holiday(c, m, d));
        }
        for &(w, a) in SMALL {
            v.add(w, a);
        }
        v.add_fused_li();
        v
    }

    /// `لل` for `ل` + `ال` (`للعام المقبل`, `للثاني والعشرين`): every form with the article also read with
    /// the preposition fused into it, as it is written. Not `الاثنين` (`للاثنين` is "for both") nor the topic
    /// word `الحج`, and not the forms that only follow a date (modifiers, era marks): nothing starts there.
    fn add_fused_li(&mut self) {
        let fused: Vec<(String, Vec<Atom>)> = self
            .words
            .iter()
            .filter(|(k, _)| k.starts_with("ال") && !matches!(k.as_str(), "الاثنين" | "الحج"))
            .filter_map(|(k, atoms)| {
                let keep: Vec<Atom> =
                    atoms.iter().copied().filter(|a| !matches!(a, Atom::Mod(_) | Atom::Era(_))).collect();
                (!keep.is_empty()).then(|| (format!("لل{}", &k["ال".len()..]), keep))
            })
            .collect();
        for (k, atoms) in fused {
            for a in atoms {
                self.add(&k, a);
            }
        }
    }

    fn add(&mut self, form: &str, atom: Atom) {
        let key = normalize_str(form);
        let words = key.split(' ').count();
        if words > 1 {
            if let Some(first) = key.split(' ').next() {
                let e = self.starts.entry(first.to_string()).or_insert(0);
                *e = (*e).max(words as u8);
            }
        }
        let list = self.words.entry(key).or_default();
        if !list.contains(&atom) {
            list.push(atom);
        }
    }

    /// The readings of one normalized form (a word, or words joined by single spaces).
    pub fn get(&self, form: &str) -> &[Atom] {
        self.words.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// How many words the longest multi-word form starting with `word` has (0 when none).
    pub fn phrase_len(&self, word: &str) -> usize {
        self.starts.get(word).map_or(0, |&n| usize::from(n))
    }

    /// The language a month form belongs to: `Some(true)` Persian, `Some(false)` Arabic, `None` both.
    pub fn month_lang(&self, form: &str) -> Option<bool> {
        self.month_lang.get(form).copied().flatten()
    }
}

impl Default for Vocab {
    fn default() -> Self {
        Vocab::new()
    }
}

/// Every form of the vocabulary that is not a month (for tests that check the tables are well formed).
#[cfg(test)]
pub fn forms_for_tests() -> std::collections::HashSet<String> {
    let v = Vocab::new();
    v.words.keys().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_from_every_system() {
        let v = Vocab::new();
        let month = |w: &str| {
            v.get(&normalize_str(w)).iter().find_map(|a| match a {
                Atom::Month { cal, m, ctx } => Some((*cal, *m, *ctx)),
                _ => None,
            })
        };
        let table: &[(&str, Calendar, u8, bool)] = &[
            ("يناير", Calendar::Gregorian, 1, false),
            ("كانون الثاني", Calendar::Gregorian, 1, false),
            ("جانفي", Calendar::Gregorian, 1, false),
            ("غشت", Calendar::Gregorian, 8, false),
            ("دجنبر", Calendar::Gregorian, 12, false),
            ("ژانویهٔ", Calendar::Gregorian, 1, false),
            ("مارس", Calendar::Gregorian, 3, true),
            ("نيسان", Calendar::Gregorian, 4, true),
            ("می", Calendar::Gregorian, 5, true),
            ("مرداد", Calendar::Jalali, 5, true),
            ("مهرماه", Calendar::Jalali, 7, false),
            ("جمادى الأولى", Calendar::Hijri, 5, false),
            ("رمضان", Calendar::Hijri, 9, true),
        ];
        for &(w, cal, m, ctx) in table {
            assert_eq!(month(w), Some((cal, m, ctx)), "{w}");
        }
        assert_eq!(v.month_lang(&normalize_str("جانفي")), Some(false));
        assert_eq!(v.month_lang(&normalize_str("ژانویه")), Some(true));
        assert_eq!(v.month_lang(&normalize_str("مارس")), None);
        assert_eq!(v.phrase_len(&normalize_str("كانون")), 2);
    }

    #[test]
    fn number_words() {
        let v = Vocab::new();
        let ord =
            |w: &str| v.get(&normalize_str(w)).iter().find_map(|a| if let Atom::Ord(n) = a { Some(*n) } else { None });
        assert_eq!(ord("العاشر"), Some(10));
        assert_eq!(ord("الحادي والعشرين"), Some(21));
        assert_eq!(ord("بیست و سوم"), Some(23));
        assert_eq!(ord("سی ام"), Some(30));
        assert_eq!(ord("سوم"), Some(3));
        assert_eq!(ord("الثالثة"), Some(3));
        assert!(forms_for_tests().iter().all(|f| !f.contains("  ") && !f.is_empty()));
    }
}
