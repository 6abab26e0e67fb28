//! Date values: what a recognized expression means, written TIMEX3-style without a reference date
//! (`XXXX-01-23`, `XXXX-WXX-6TMO`, `REF-1Y`) and as concrete ISO dates or intervals with one.

use super::calendars as cal;
use super::lexicon::{Pod, Unit};
use crate::span::Calendar;
use crate::Ymd;

/// A time of day: a part of the day or a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tod {
    /// None given.
    #[default]
    None,
    /// A part of the day.
    Pod(Pod),
    /// A clock time: hour, minute, second.
    Clock(u8, u8, Option<u8>),
}

impl Tod {
    fn suffix(self) -> String {
        match self {
            Tod::None => String::new(),
            Tod::Pod(p) => p.code().to_string(),
            Tod::Clock(h, m, None) => format!("T{h:02}:{m:02}"),
            Tod::Clock(h, m, Some(s)) => format!("T{h:02}:{m:02}:{s:02}"),
        }
    }
}

/// The meaning of a date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    /// A calendar date, possibly partial (no year, no day), in its calendar. `dir` is the modifier that
    /// places a yearless date: -1 the last one (`نوفمبر الماضي`), +1 the next one, 0 the nearest, 2 (a holiday)
    /// the one in the reference date's Gregorian year, 9 / 10 / 11 in last / this / next year.
    Date {
        /// Calendar the expression is written in.
        cal: Calendar,
        /// Year, when written.
        y: Option<i32>,
        /// Month, when written.
        m: Option<u8>,
        /// Day, when written.
        d: Option<u8>,
        /// Modifier.
        dir: i8,
        /// Time of day.
        t: Tod,
    },
    /// A weekday; `dir` -1 last, +1 next, 0 unmarked (news: the nearest past one, or today).
    Weekday {
        /// ISO weekday.
        wd: u8,
        /// Modifier.
        dir: i8,
        /// Time of day.
        t: Tod,
    },
    /// A weekday in a week relative to the reference (`الجمعة المقبلة` in `الأسبوع المقبل`).
    WeekdayOfWeek {
        /// ISO weekday.
        wd: u8,
        /// Week offset from the reference's week.
        week: i32,
        /// Time of day.
        t: Tod,
    },
    /// A season, with its year when written, or placed by the modifier.
    Season {
        /// TIMEX3 season code.
        s: &'static str,
        /// Year.
        y: Option<i32>,
        /// Modifier (-1 last, 0 this, +1 next).
        dir: i8,
    },
    /// A date relative to the reference: `n` units from it.
    Rel {
        /// Offset.
        n: i32,
        /// Unit.
        unit: Unit,
        /// Time of day (day unit only).
        t: Tod,
    },
    /// A duration: count (`None` = unspecified, `X`) and TIMEX3 unit letter; `clock` for hours/minutes/seconds.
    Duration {
        /// Amount in hundredths (350 = 3.5), `None` when vague.
        hundredths: Option<u32>,
        /// Unit letter: D W M Y, or H M S with `clock`.
        unit: char,
        /// Clock unit (PT...).
        clock: bool,
    },
    /// A clock time or a part of the day alone.
    Time(Tod),
    /// The day so many units before or after the reference (`منذ 3 أيام`, `قبل شهر`, `دو هفته دیگر`):
    /// written like [`Val::Rel`], resolved to a day.
    Shift {
        /// Offset.
        n: i32,
        /// Unit.
        unit: Unit,
    },
    /// A range between two values.
    Range(Box<Val>, Box<Val>),
    /// The `n`-th (1–5) weekday `wd` of a Gregorian month (`أول يوم جمعة من يوليو`, `عيد الشكر`), written
    /// `XXXX-07-WXX-5-1` as Recognizers-Text does; the month `None` is the reference's month
    /// (`الأحد الثاني`); `dir` places a yearless one as in [`Val::Date`].
    NthWeekday {
        /// Year, when written.
        y: Option<i32>,
        /// Month.
        m: Option<u8>,
        /// ISO weekday.
        wd: u8,
        /// Which one in the month.
        n: u8,
        /// Modifier.
        dir: i8,
    },
    /// A duration in several units (`2 عام و 21 يوما`: count in hundredths or vague, unit letter, clock unit),
    /// or, `dir` ±1, the day that far after (`1 شهر و 21 يوم من الآن`) or before (`منذ عامين و 3 أشهر`) the
    /// reference.
    Compound {
        /// The parts as written.
        parts: Vec<(Option<u32>, char, bool)>,
        /// 0 a duration, 1 counted forward from the reference, -1 backward.
        dir: i8,
    },
    /// The weekend of a week relative to the reference (`نهاية هذا الأسبوع`, `عطلة نهاية الأسبوع المقبل`),
    /// written `REF+0W-WE`, resolved to the ISO week as TIMEX3 does (`2018-W04-WE`).
    Weekend {
        /// Week offset from the reference's week.
        week: i32,
    },
    /// The rest of the current week, month or year (`بقية العام`): from the reference to the period's last
    /// day, written `REF+0D/REF+0Y`.
    Rest(Unit),
    /// A day set by Easter (`عيد الفصح`, `الجمعة العظيمة`, `شم النسيم`): Western (Gregorian computus) or, with
    /// `orthodox`, Eastern (Julian computus, given as its Gregorian date), `offset` days from it; written as the
    /// date once the year is known, else `XXXX`; `dir` places a yearless one as in [`Val::Date`].
    Easter {
        /// Year, when written.
        y: Option<i32>,
        /// The Eastern churches' Easter.
        orthodox: bool,
        /// Days from Easter Sunday.
        offset: i16,
        /// Modifier.
        dir: i8,
    },
    /// A time in the past (-1) or future (+1) left vague (`قبل بضعة أيام`): `PAST_REF`, `FUTURE_REF`.
    Vague(i8),
    /// A day of a month relative to the reference (`20 من الشهر القادم`): month offset and day, written
    /// `REF+1M-20`.
    RelMonthDay {
        /// Month offset.
        n: i32,
        /// Day of the month.
        d: u8,
    },
}

/// The `n`-th weekday `wd` of month `m` of `y`, when the month has one.
fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Option<Ymd> {
    if !cal::valid_gregorian(y, m, 1) || n == 0 {
        return None;
    }
    let first = Ymd { year: y, month: m, day: 1 };
    let off = (i64::from(wd) - i64::from(cal::weekday(first))).rem_euclid(7) + 7 * (i64::from(n) - 1);
    let d = cal::add_days(first, off);
    (d.month == m).then_some(d)
}

/// Easter Sunday of Gregorian year `y`: the Western date (anonymous Gregorian computus) or, `orthodox`, the
/// Eastern one (Meeus's Julian computus, moved to the Gregorian calendar).
pub fn easter(y: i32, orthodox: bool) -> Option<Ymd> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let (month, day, shift) = if orthodox {
        let (a, b, c) = (y % 4, y % 7, y % 19);
        let d = (19 * c + 15) % 30;
        let e = (2 * a + 4 * b - d + 34) % 7;
        // Julian to Gregorian in March-May of year y: the days the calendars have drifted apart.
        ((d + e + 114) / 31, (d + e + 114) % 31 + 1, y / 100 - y / 400 - 2)
    } else {
        let a = y % 19;
        let (b, c) = (y / 100, y % 100);
        let (d, e) = (b / 4, b % 4);
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        ((h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1, 0)
    };
    let date = Ymd { year: y, month: u8::try_from(month).ok()?, day: u8::try_from(day).ok()? };
    Some(cal::add_days(date, i64::from(shift)))
}

/// A value written out: the value string, the calendar, and the Gregorian equivalent for Jalali/Hijri.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// TIMEX3-style or ISO value.
    pub value: String,
    /// Calendar of the expression.
    pub calendar: Calendar,
    /// Gregorian equivalent of a Jalali or Hijri date, when it can be computed.
    pub gregorian: Option<String>,
}

fn iso(d: Ymd) -> String {
    d.to_string()
}

/// The Gregorian first and last day of a (calendar) year, or of a month in it.
fn span_of(c: Calendar, y: i32, m: Option<u8>) -> Option<(Ymd, Ymd)> {
    let conv = |y: i32, m: u8, d: u8| match c {
        Calendar::Gregorian => cal::valid_gregorian(y, m, d).then_some(Ymd { year: y, month: m, day: d }),
        Calendar::Jalali => cal::jalali_to_gregorian(y, m, d),
        Calendar::Hijri => cal::hijri_to_gregorian(y, m, d),
    };
    let (first, next) = match m {
        Some(m) => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            (conv(y, m, 1)?, conv(ny, nm, 1)?)
        }
        None => (conv(y, 1, 1)?, conv(y + 1, 1, 1)?),
    };
    Some((first, cal::add_days(next, -1)))
}

/// A fully known date (year, month, day) in its calendar, as a Gregorian date.
fn to_gregorian(c: Calendar, y: i32, m: u8, d: u8) -> Option<Ymd> {
    match c {
        Calendar::Gregorian => cal::valid_gregorian(y, m, d).then_some(Ymd { year: y, month: m, day: d }),
        Calendar::Jalali => cal::jalali_to_gregorian(y, m, d),
        Calendar::Hijri => cal::hijri_to_gregorian(y, m, d),
    }
}

/// The year in calendar `c` that the reference date falls in.
fn ref_year(c: Calendar, r: Ymd) -> Option<i32> {
    match c {
        Calendar::Gregorian => Some(r.year),
        Calendar::Jalali => cal::gregorian_to_jalali_year(r),
        Calendar::Hijri => cal::gregorian_to_hijri_year(r),
    }
}

/// Picks the year for a yearless date (month, optional day) given the reference and the modifier.
fn place_year(c: Calendar, m: u8, d: Option<u8>, dir: i8, r: Ymd) -> Option<i32> {
    let ry = ref_year(c, r)?;
    if (9..=11).contains(&dir) {
        // in last / this / next year (of the date's calendar)
        return Some(ry + i32::from(dir - 10));
    }
    let rd = cal::ymd_days(r);
    let mut best: Option<(i64, i32)> = None;
    for y in [ry - 1, ry, ry + 1] {
        let (lo, hi) = match d {
            Some(d) => {
                let g = to_gregorian(c, y, m, d)?;
                (cal::ymd_days(g), cal::ymd_days(g))
            }
            None => {
                let (a, b) = span_of(c, y, Some(m))?;
                (cal::ymd_days(a), cal::ymd_days(b))
            }
        };
        let ok = match dir {
            -1 => lo <= rd,
            1 => hi >= rd,
            // a holiday: the one that starts in the reference date's Gregorian year
            2 => cal::from_days(lo).year == r.year,
            _ => true,
        };
        if !ok {
            continue;
        }
        let dist = if rd < lo { lo - rd } else { (rd - hi).max(0) };
        // Prefer the nearest; for "last", the latest that has started; for "next", the earliest not over.
        let key = match dir {
            -1 => -lo,
            1 | 2 => lo,
            _ => dist,
        };
        if best.map_or(true, |(k, _)| key < k) {
            best = Some((key, y));
        }
    }
    best.map(|(_, y)| y)
}

impl Val {
    /// Writes the value without a reference date (TIMEX3-style), as in the project's gold guide.
    pub fn write(&self) -> Written {
        match self {
            Val::Date { cal: c, y, m, d, t, .. } => write_date(*c, *y, *m, *d, *t),
            Val::Weekday { wd, t, .. } => greg(format!("XXXX-WXX-{wd}{}", t.suffix())),
            Val::WeekdayOfWeek { wd, week, t } => {
                greg(format!("REF{}{}W-{wd}{}", if *week < 0 { '-' } else { '+' }, week.abs(), t.suffix()))
            }
            Val::Season { s, y, .. } => greg(match y {
                Some(y) => format!("{y:04}-{s}"),
                None => format!("XXXX-{s}"),
            }),
            Val::Rel { n, unit, t } => {
                let t = if *unit == Unit::D { t.suffix() } else { String::new() };
                greg(format!("REF{}{}{}{t}", if *n < 0 { '-' } else { '+' }, n.abs(), unit.letter()))
            }
            Val::Time(t) => greg(t.suffix()),
            Val::Shift { n, unit } => Val::Rel { n: *n, unit: *unit, t: Tod::None }.write(),
            Val::Duration { hundredths, unit, clock } => {
                let n = hundredths.map_or("X".to_string(), amount);
                greg(format!("P{}{n}{unit}", if *clock { "T" } else { "" }))
            }
            Val::Range(a, b) => join(a.write(), b.write()),
            Val::NthWeekday { y, m, wd, n, .. } => greg(format!(
                "{}-{}-WXX-{wd}-{n}",
                y.map_or("XXXX".to_string(), |y| format!("{y:04}")),
                m.map_or("XX".to_string(), |m| format!("{m:02}"))
            )),
            Val::RelMonthDay { n, d } => greg(format!("REF{}{}M-{d:02}", if *n < 0 { '-' } else { '+' }, n.abs())),
            Val::Easter { y, orthodox, offset, .. } => greg(
                y.and_then(|y| easter(y, *orthodox))
                    .map_or_else(|| "XXXX".to_string(), |d| iso(cal::add_days(d, i64::from(*offset)))),
            ),
            Val::Compound { parts, .. } => greg(compound(parts)),
            Val::Vague(d) => greg(if *d < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
            Val::Weekend { week } => greg(format!("REF{}{}W-WE", if *week < 0 { '-' } else { '+' }, week.abs())),
            Val::Rest(unit) => greg(format!("REF+0D/REF+0{}", unit.letter())),
        }
    }

    /// Writes the value as concrete ISO dates relative to the reference date `r`.
    pub fn resolve(&self, r: Ymd) -> Written {
        match self {
            Val::Date { cal: c, y: None, m: Some(m), d, dir, t } => match place_year(*c, *m, *d, *dir, r) {
                Some(y) => write_date(*c, Some(y), Some(*m), *d, *t),
                None => self.write(),
            },
            Val::Date { cal: Calendar::Gregorian, y: None, m: None, d: Some(d), t, .. } => {
                // the day of the reference's month, or of the month before when it is still to come
                let (y, m) = if *d > r.day { cal::add_months(r.year, r.month, -1) } else { (r.year, r.month) };
                if cal::valid_gregorian(y, m, *d) {
                    greg(format!("{y:04}-{m:02}-{d:02}{}", t.suffix()))
                } else {
                    self.write()
                }
            }
            Val::Date { .. } => self.write(),
            Val::Weekday { wd, dir, t } => {
                let rw = i64::from(cal::weekday(r));
                let w = i64::from(*wd);
                let back = (rw - w).rem_euclid(7);
                let off = match dir {
                    1 => {
                        let f = (w - rw).rem_euclid(7);
                        if f == 0 {
                            7
                        } else {
                            f
                        }
                    }
                    -1 => -(if back == 0 { 7 } else { back }),
                    _ => -back,
                };
                greg(format!("{}{}", iso(cal::add_days(r, off)), t.suffix()))
            }
            Val::WeekdayOfWeek { wd, week, t } => {
                let monday = cal::add_days(r, 1 - i64::from(cal::weekday(r)));
                let d = cal::add_days(monday, 7 * i64::from(*week) + i64::from(*wd) - 1);
                greg(format!("{}{}", iso(d), t.suffix()))
            }
            Val::Season { s, y: Some(y), .. } => greg(format!("{y:04}-{s}")),
            Val::Season { s, y: None, dir } => {
                let start = match *s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let y = match dir {
                    -1 if start >= r.month => r.year - 1,
                    1 if start <= r.month => r.year + 1,
                    _ => r.year,
                };
                greg(format!("{y:04}-{s}"))
            }
            Val::Rel { n, unit, t } => greg(match unit {
                Unit::D => format!("{}{}", iso(cal::add_days(r, i64::from(*n))), t.suffix()),
                Unit::W => {
                    let (y, w) = cal::iso_week(cal::add_days(r, 7 * i64::from(*n)));
                    format!("{y:04}-W{w:02}")
                }
                Unit::M => {
                    let (y, m) = cal::add_months(r.year, r.month, *n);
                    format!("{y:04}-{m:02}")
                }
                Unit::Y => format!("{:04}", r.year + n),
            }),
            Val::Time(t) => greg(format!("{}{}", iso(r), t.suffix())),
            Val::Duration { .. } => self.write(),
            Val::Shift { n, unit } => {
                let d = match unit {
                    Unit::D => cal::add_days(r, i64::from(*n)),
                    Unit::W => cal::add_days(r, 7 * i64::from(*n)),
                    Unit::M | Unit::Y => {
                        let months = if *unit == Unit::M { *n } else { 12 * n };
                        let (y, m) = cal::add_months(r.year, r.month, months);
                        Ymd { year: y, month: m, day: r.day.min(crate::days_in_month(y, m)) }
                    }
                };
                greg(iso(d))
            }
            Val::Easter { y: None, orthodox, offset, dir } => {
                let y = match dir {
                    9..=11 => r.year + i32::from(dir - 10),
                    _ => r.year,
                };
                Val::Easter { y: Some(y), orthodox: *orthodox, offset: *offset, dir: *dir }.write()
            }
            Val::Easter { .. } => self.write(),
            Val::NthWeekday { y, m, wd, n, dir } => {
                let m = m.unwrap_or(r.month);
                let y = match (y, dir) {
                    (Some(y), _) => Some(*y),
                    (None, 9..=11) => Some(r.year + i32::from(dir - 10)),
                    (None, 2) => Some(r.year),
                    // the nearest one: this year's, or next year's once it is past
                    (None, _) => Some(r.year),
                };
                match y.and_then(|y| nth_weekday(y, m, *wd, *n)) {
                    Some(d) => greg(iso(d)),
                    None => self.write(),
                }
            }
            Val::Compound { parts, dir: dir @ (-1 | 1) } => {
                let mut d = r;
                for &(t, u, clock) in parts {
                    let n = i64::from(t.unwrap_or(0) / 100) * i64::from(*dir);
                    d = match (u, clock) {
                        ('D', false) => cal::add_days(d, n),
                        ('W', false) => cal::add_days(d, 7 * n),
                        ('M', false) | ('Y', false) => {
                            let months = if u == 'M' { n } else { 12 * n } as i32;
                            let (y, m) = cal::add_months(d.year, d.month, months);
                            Ymd { year: y, month: m, day: d.day.min(crate::days_in_month(y, m)) }
                        }
                        _ => d,
                    };
                }
                greg(iso(d))
            }
            Val::Compound { .. } | Val::Vague(_) => self.write(),
            Val::Weekend { week } => {
                let (y, w) = cal::iso_week(cal::add_days(r, 7 * i64::from(*week)));
                greg(format!("{y:04}-W{w:02}-WE"))
            }
            Val::Rest(unit) => {
                let last = match unit {
                    Unit::D => r,
                    Unit::W => cal::add_days(r, 7 - i64::from(cal::weekday(r))),
                    Unit::M => Ymd { year: r.year, month: r.month, day: crate::days_in_month(r.year, r.month) },
                    Unit::Y => Ymd { year: r.year, month: 12, day: 31 },
                };
                greg(format!("{}/{}", iso(r), iso(last)))
            }
            Val::RelMonthDay { n, d } => {
                let (y, m) = cal::add_months(r.year, r.month, *n);
                if cal::valid_gregorian(y, m, *d) {
                    greg(format!("{y:04}-{m:02}-{d:02}"))
                } else {
                    self.write()
                }
            }
            // both ends of a yearless range in one year, the one its start is placed in (`25–31 يوليو`)
            Val::Range(a, b) => match (a.as_ref(), b.as_ref()) {
                (
                    &Val::Date { cal, y: None, m: Some(m), d, dir, .. },
                    &Val::Date { cal: cal2, y: None, m: Some(m2), d: d2, dir: dir2, t: t2 },
                ) if cal == cal2 && dir == dir2 && m <= m2 => match place_year(cal, m, d, dir, r) {
                    Some(y) => join(a.resolve(r), write_date(cal, Some(y), Some(m2), d2, t2)),
                    None => join(a.resolve(r), b.resolve(r)),
                },
                _ => join(a.resolve(r), b.resolve(r)),
            },
        }
    }
}

/// A duration of several parts, TIMEX3-style: `P2Y1M21D`, `P1DT2H`, `PXD`.
fn compound(parts: &[(Option<u32>, char, bool)]) -> String {
    let mut s = String::from("P");
    let mut t = false;
    // TIMEX3 order: years, months, weeks, days, then hours, minutes, seconds
    let rank = |&(_, u, clock): &(Option<u32>, char, bool)| {
        (clock, ['Y', 'M', 'W', 'D', 'H', 'S'].iter().position(|&x| x == u).unwrap_or(6))
    };
    let mut sorted = parts.to_vec();
    sorted.sort_by_key(rank);
    for &(n, u, clock) in &sorted {
        if clock && !t {
            s.push('T');
            t = true;
        }
        s.push_str(&n.map_or("X".to_string(), amount));
        s.push(u);
    }
    s
}

/// An amount in hundredths written with as few decimals as it needs: `3`, `3.5`, `123.45`.
fn amount(h: u32) -> String {
    match (h % 100, h % 10) {
        (0, _) => (h / 100).to_string(),
        (f, 0) => format!("{}.{}", h / 100, f / 10),
        (f, _) => format!("{}.{f:02}", h / 100),
    }
}

fn greg(value: String) -> Written {
    Written { value, calendar: Calendar::Gregorian, gregorian: None }
}

fn join(a: Written, b: Written) -> Written {
    let gregorian = match (&a.gregorian, &b.gregorian) {
        (Some(x), Some(y)) => Some(format!("{x}/{y}")),
        _ => None,
    };
    Written { value: format!("{}/{}", a.value, b.value), calendar: a.calendar, gregorian }
}

fn write_date(c: Calendar, y: Option<i32>, m: Option<u8>, d: Option<u8>, t: Tod) -> Written {
    let day_t = if d.is_some() { t.suffix() } else { String::new() };
    if c == Calendar::Gregorian {
        let value = match (y, m, d) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}{day_t}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}{day_t}"),
            (None, Some(m), None) => format!("XXXX-{m:02}"),
            (None, None, Some(d)) => format!("XXXX-XX-{d:02}{day_t}"),
            (None, None, None) => "XXXX".to_string(),
        };
        return greg(value);
    }
    // Jalali / Hijri: the Gregorian equivalent when the year is known, else the native partial date.
    let g = match (y, m, d) {
        (Some(y), Some(m), Some(d)) => to_gregorian(c, y, m, d).map(|g| format!("{}{day_t}", iso(g))),
        (Some(y), m, None) => span_of(c, y, m).map(|(a, b)| format!("{}/{}", iso(a), iso(b))),
        _ => None,
    };
    let value = match (&g, y, m, d) {
        (Some(g), ..) => g.clone(),
        (None, Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}{day_t}"),
        (None, None, Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}{day_t}"),
        (None, _, Some(m), None) => format!("XXXX-{m:02}"),
        (None, ..) => "XXXX".to_string(),
    };
    Written { value, calendar: c, gregorian: g }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Ymd {
        Ymd { year: 2018, month: 1, day: 24 }
    }

    fn date(c: Calendar, y: Option<i32>, m: Option<u8>, d: Option<u8>, dir: i8) -> Val {
        Val::Date { cal: c, y, m, d, dir, t: Tod::None }
    }

    #[test]
    fn easter_sundays() {
        // (year, Western, Eastern)
        let table = [
            (2000, (4, 23), (4, 30)),
            (2008, (3, 23), (4, 27)),
            (2011, (4, 24), (4, 24)),
            (2019, (4, 21), (4, 28)),
            (2024, (3, 31), (5, 5)),
            (2038, (4, 25), (4, 25)),
        ];
        for (y, w, o) in table {
            assert_eq!(easter(y, false), Some(Ymd { year: y, month: w.0, day: w.1 }), "{y}");
            assert_eq!(easter(y, true), Some(Ymd { year: y, month: o.0, day: o.1 }), "{y} orthodox");
        }
        // Before the Gregorian reform, or beyond four digits: no date rather than a wrong one.
        assert_eq!(easter(1200, false), None);
        assert_eq!(easter(i32::MAX, true), None);
        assert_eq!(easter(i32::MIN, false), None);
    }

    #[test]
    fn written_without_and_with_reference() {
        use Calendar::*;
        let table: Vec<(Val, &str, &str)> = vec![
            (date(Gregorian, None, Some(1), Some(23), 0), "XXXX-01-23", "2018-01-23"),
            (date(Gregorian, Some(2013), None, None, 0), "2013", "2013"),
            (date(Gregorian, Some(2018), Some(5), None, 0), "2018-05", "2018-05"),
            (date(Gregorian, None, Some(11), None, -1), "XXXX-11", "2017-11"),
            (date(Gregorian, None, Some(1), None, -1), "XXXX-01", "2018-01"),
            (date(Gregorian, None, Some(3), Some(5), 1), "XXXX-03-05", "2018-03-05"),
            (date(Jalali, Some(1402), Some(5), Some(12), 0), "2023-08-03", "2023-08-03"),
            (date(Hijri, Some(1440), None, None, 0), "2018-09-11/2019-08-30", "2018-09-11/2019-08-30"),
            (date(Jalali, None, Some(1), Some(3), 0), "XXXX-01-03", "2018-03-23"),
            (Val::Weekday { wd: 6, dir: 0, t: Tod::Pod(Pod::Mo) }, "XXXX-WXX-6TMO", "2018-01-20TMO"),
            (Val::Weekday { wd: 3, dir: 0, t: Tod::None }, "XXXX-WXX-3", "2018-01-24"),
            (Val::Weekday { wd: 3, dir: -1, t: Tod::None }, "XXXX-WXX-3", "2018-01-17"),
            (Val::Weekday { wd: 1, dir: 1, t: Tod::None }, "XXXX-WXX-1", "2018-01-29"),
            (Val::Rel { n: 0, unit: Unit::D, t: Tod::None }, "REF+0D", "2018-01-24"),
            (Val::Rel { n: -3, unit: Unit::D, t: Tod::None }, "REF-3D", "2018-01-21"),
            (Val::Rel { n: -1, unit: Unit::M, t: Tod::None }, "REF-1M", "2017-12"),
            (Val::Rel { n: -1, unit: Unit::Y, t: Tod::None }, "REF-1Y", "2017"),
            (Val::Rel { n: -1, unit: Unit::W, t: Tod::None }, "REF-1W", "2018-W03"),
            (Val::Time(Tod::Clock(15, 15, None)), "T15:15", "2018-01-24T15:15"),
            (Val::Weekend { week: 0 }, "REF+0W-WE", "2018-W04-WE"),
            (Val::Weekend { week: 1 }, "REF+1W-WE", "2018-W05-WE"),
            (Val::Rest(Unit::W), "REF+0D/REF+0W", "2018-01-24/2018-01-28"),
            (Val::Rest(Unit::M), "REF+0D/REF+0M", "2018-01-24/2018-01-31"),
            (Val::Rest(Unit::Y), "REF+0D/REF+0Y", "2018-01-24/2018-12-31"),
            (Val::Duration { hundredths: Some(12345), unit: 'S', clock: true }, "PT123.45S", "PT123.45S"),
            (Val::Duration { hundredths: Some(150), unit: 'H', clock: true }, "PT1.5H", "PT1.5H"),
            (Val::Duration { hundredths: Some(300), unit: 'D', clock: false }, "P3D", "P3D"),
            (
                Val::Range(
                    Box::new(date(Gregorian, None, Some(3), Some(5), 0)),
                    Box::new(date(Gregorian, None, Some(3), Some(7), 0)),
                ),
                "XXXX-03-05/XXXX-03-07",
                "2018-03-05/2018-03-07",
            ),
        ];
        for (v, bare, with_ref) in table {
            assert_eq!(v.write().value, bare, "{v:?}");
            assert_eq!(v.resolve(r()).value, with_ref, "{v:?}");
        }
        let w = date(Jalali, Some(1396), Some(11), Some(22), 0).write();
        assert_eq!((w.calendar, w.gregorian.as_deref()), (Jalali, Some("2018-02-11")));
    }
}
