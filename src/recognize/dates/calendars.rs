//! Calendar arithmetic for dates: Gregorian day counts, weekdays and ISO weeks, and Jalali / Hijri (Umm al-Qura)
//! conversion through `icu_calendar`.

use icu_calendar::cal::{Hijri, Persian};
use icu_calendar::{Date, Iso};

use crate::Ymd;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day count since 1970-01-01 (inverse of [`days`]).
pub fn from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    Ymd { year: y, month: m, day: d }
}

/// Day count of a [`Ymd`].
pub fn ymd_days(d: Ymd) -> i64 {
    days(d.year, d.month, d.day)
}

/// ISO weekday, 1 = Monday .. 7 = Sunday.
pub fn weekday(d: Ymd) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((ymd_days(d) + 3).rem_euclid(7) + 1) as u8
}

/// Adds `n` days.
pub fn add_days(d: Ymd, n: i64) -> Ymd {
    from_days(ymd_days(d) + n)
}

/// Adds `n` months to a (year, month) pair.
pub fn add_months(y: i32, m: u8, n: i32) -> (i32, u8) {
    let total = y * 12 + i32::from(m) - 1 + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

/// The ISO week-numbering year and week of a date.
pub fn iso_week(d: Ymd) -> (i32, u8) {
    let wd = i64::from(weekday(d));
    // The Thursday of this week decides the year.
    let thursday = from_days(ymd_days(d) - wd + 4);
    let jan1 = days(thursday.year, 1, 1);
    let week = ((ymd_days(thursday) - jan1) / 7 + 1) as u8;
    (thursday.year, week)
}

/// Whether a Gregorian date exists.
pub fn valid_gregorian(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= crate::days_in_month(y, m)
}

fn from_iso(d: &Date<Iso>) -> Ymd {
    Ymd { year: d.year().extended_year(), month: d.month().ordinal, day: d.day_of_month().0 }
}

/// Jalali (Solar Hijri) year/month/day to Gregorian, `None` when the date does not exist.
pub fn jalali_to_gregorian(y: i32, m: u8, d: u8) -> Option<Ymd> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1..=9000).contains(&y) {
        return None;
    }
    let date = Date::try_new_persian(y, m, d).ok()?;
    Some(from_iso(&date.to_calendar(Iso)))
}

/// Hijri (Umm al-Qura) year/month/day to Gregorian, `None` when the date does not exist.
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<Ymd> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=9000).contains(&y) {
        return None;
    }
    match Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()) {
        Ok(date) => Some(from_iso(&date.to_calendar(Iso))),
        // Month lengths differ between moon sighting and Umm al-Qura: a source's 30th of a month that Umm
        // al-Qura makes 29 days long is the day after the 29th.
        Err(_) if d == 30 => hijri_to_gregorian(y, m, 29).map(|g| add_days(g, 1)),
        Err(_) => None,
    }
}

/// The Jalali year a Gregorian date falls in.
pub fn gregorian_to_jalali_year(g: Ymd) -> Option<i32> {
    let iso = Date::try_new_iso(g.year, g.month, g.day).ok()?;
    Some(iso.to_calendar(Persian::new()).year().extended_year())
}

/// The Hijri (Umm al-Qura) year a Gregorian date falls in.
pub fn gregorian_to_hijri_year(g: Ymd) -> Option<i32> {
    let iso = Date::try_new_iso(g.year, g.month, g.day).ok()?;
    Some(iso.to_calendar(Hijri::new_umm_al_qura()).year().extended_year())
}

/// The Hijri year whose month `m` begins in the Gregorian year `gy` (`رمضان 2019`: the Ramadan of 2019), the
/// earlier one when two do.
pub fn hijri_year_of_month_in(gy: i32, m: u8) -> Option<i32> {
    let guess = (gy - 622) * 33 / 32;
    (guess - 1..=guess + 2).find(|&h| hijri_to_gregorian(h, m, 1).is_some_and(|g| g.year == gy))
}

/// Days in a Jalali or Hijri month (found by converting the first of the next month).
pub fn month_len(cal: crate::Calendar, y: i32, m: u8) -> Option<u8> {
    let conv = |y, m, d| match cal {
        crate::Calendar::Jalali => jalali_to_gregorian(y, m, d),
        crate::Calendar::Hijri => hijri_to_gregorian(y, m, d),
        crate::Calendar::Gregorian => valid_gregorian(y, m, d).then_some(Ymd { year: y, month: m, day: d }),
    };
    let first = conv(y, m, 1)?;
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let next = conv(ny, nm, 1)?;
    u8::try_from(ymd_days(next) - ymd_days(first)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        Ymd::parse(s).unwrap()
    }

    #[test]
    fn day_counts_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2018-01-24", "1900-03-01", "2100-12-31", "0622-07-19"] {
            assert_eq!(from_days(ymd_days(ymd(s))), ymd(s), "{s}");
        }
        assert_eq!(ymd_days(ymd("1970-01-02")), 1);
    }

    #[test]
    fn weekdays_and_weeks() {
        assert_eq!(weekday(ymd("2018-01-24")), 3); // Wednesday
        assert_eq!(weekday(ymd("2018-01-21")), 7); // Sunday
        assert_eq!(iso_week(ymd("2018-01-24")), (2018, 4));
        assert_eq!(iso_week(ymd("2021-01-01")), (2020, 53));
        assert_eq!(add_months(2018, 1, -1), (2017, 12));
        assert_eq!(add_months(2018, 12, 1), (2019, 1));
    }

    #[test]
    fn jalali_and_hijri() {
        let cases: &[(crate::Calendar, i32, u8, u8, &str)] = &[
            (crate::Calendar::Jalali, 1402, 5, 12, "2023-08-03"),
            (crate::Calendar::Jalali, 1396, 11, 22, "2018-02-11"),
            (crate::Calendar::Jalali, 1394, 1, 1, "2015-03-21"),
            (crate::Calendar::Hijri, 1439, 5, 6, "2018-01-23"),
            (crate::Calendar::Hijri, 1440, 1, 1, "2018-09-11"),
            (crate::Calendar::Hijri, 1432, 9, 14, "2011-08-14"),
        ];
        for &(cal, y, m, d, want) in cases {
            let got = match cal {
                crate::Calendar::Jalali => jalali_to_gregorian(y, m, d),
                _ => hijri_to_gregorian(y, m, d),
            };
            assert_eq!(got.map(|g| g.to_string()).as_deref(), Some(want), "{cal:?} {y}-{m}-{d}");
        }
        assert_eq!(jalali_to_gregorian(1402, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1440, 1, 31), None);
        // Safar 1433 has 29 days in Umm al-Qura; a 30 Safar written by a sighting calendar is the next day.
        assert_eq!(hijri_to_gregorian(1433, 2, 30), Some(ymd("2012-01-24")));
        assert_eq!(gregorian_to_jalali_year(ymd("2018-01-24")), Some(1396));
        assert_eq!(gregorian_to_hijri_year(ymd("2018-01-24")), Some(1439));
        assert_eq!(month_len(crate::Calendar::Jalali, 1396, 1), Some(31));
    }
}
