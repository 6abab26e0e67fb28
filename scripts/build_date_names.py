#!/usr/bin/env python3
"""Builds data/date_names.tsv, the month-name table of the date recognizer, from CLDR.

Usage: python3 scripts/build_date_names.py [../shared/dates/cldr_ar_fa_calendars.json] > data/date_names.tsv

Input: the CLDR extract (cldr-dates-full + cldr-cal-islamic-full + cldr-cal-persian-full, Unicode-3.0) with the
gregorian, islamic and persian month names of ar, every ar-XX region, fa and fa-AF. Output, one line per form:

    CALENDAR  MONTH  LANG  FLAGS  FORM

CALENDAR is g (Gregorian), j (Jalali / Solar Hijri) or h (lunar Hijri); MONTH 1-12; LANG ar or fa (the
paragraph language the form is accepted in); FLAGS is `c` for a form that is a month only in context (next to a
day number, a year or a month cue such as شهر / ماه) because it is also an everyday word or a name, else `-`.

Besides CLDR, the script adds the spelling variants news uses and CLDR lacks (listed in EXTRA below, each with
the reason): Levantine names without the article (كانون أول), Hijri month spellings (ذي القعدة), Persian Hijri
months written with a space, and the Jalali `…ماه` compounds (مهرماه).
"""
import json, os, sys, unicodedata

# Forms that are common words or names as well as months: accepted only in context.
CONTEXT_ONLY = {
    "مارس",   # Arabic verb 'exercised'
    "نيسان",  # Nissan (car maker)
    "آب",     # water (Persian), also a given name
    "ماي", "جوان", "جون", "مه", "می",  # English 'my', Juan / young (fa), John, fog (fa), verb prefix (fa)
    "أوت", "اوت",
    "تیر", "تار", "مهر", "دی", "دي", "آذر", "بهمن", "اسفند", "خرداد", "مرداد", "آبان", "آيان",
    # Dari (fa-AF) solar months are zodiac words (lion, scorpion, cancer, bucket ...)
    "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبلهٔ", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت",
    # single-word Hijri months are names or common words (zero, forbidden, ...)
    "محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال",
}

# Variants absent from CLDR: (calendar, month, lang, form)
EXTRA = [
    # Levantine/Iraqi names written without the article on the second word
    ("g", 1, "ar", "كانون ثاني"), ("g", 10, "ar", "تشرين أول"), ("g", 11, "ar", "تشرين ثاني"),
    ("g", 12, "ar", "كانون أول"),
    # Egyptian/Gulf spellings seen in news
    ("g", 4, "ar", "ابريل"), ("g", 8, "ar", "اغسطس"), ("g", 6, "ar", "يونية"), ("g", 7, "ar", "يولية"),
    # Persian Gregorian spellings
    ("g", 7, "fa", "ژوییه"), ("g", 6, "fa", "جون"),
    # Hijri month spellings
    ("h", 4, "ar", "ربيع الثاني"), ("h", 5, "ar", "جمادى الأول"), ("h", 6, "ar", "جمادى الثانية"), ("h", 6, "ar", "جمادى الثاني"),
    ("h", 6, "ar", "جمادى الآخر"), ("h", 11, "ar", "ذي القعدة"), ("h", 12, "ar", "ذي الحجة"),
    ("h", 3, "fa", "ربیع الاول"), ("h", 4, "fa", "ربیع الثانی"), ("h", 5, "fa", "جمادی الاول"),
    ("h", 5, "fa", "جمادی‌الاولی"), ("h", 6, "fa", "جمادی الثانی"), ("h", 6, "fa", "جمادی‌الثانیه"),
    ("h", 11, "fa", "ذی‌القعده"), ("h", 11, "fa", "ذی القعده"), ("h", 12, "fa", "ذی‌الحجه"),
    ("h", 12, "fa", "ذی الحجه"),
    # Jalali months in Arabic-script Arabic text (Iranian news in Arabic)
    ("j", 1, "ar", "فروردين"), ("j", 2, "ar", "أرديبهشت"), ("j", 6, "ar", "شهريور"),
]

KEYS = ["months_format_wide", "months_format_abbreviated", "months_stand-alone_wide", "months_stand-alone_abbreviated"]
CALS = {"gregorian": "g", "persian": "j", "islamic": "h"}


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "dates", "cldr_ar_fa_calendars.json")
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    rows = set()
    iranian = set()  # Iranian (fa) Jalali month names, which take the ماه compound
    # Names written in the wide (full) forms anywhere; short abbreviations not among them are dropped below.
    wide = {unicodedata.normalize("NFC", n.replace("\u00a0", " ")).strip()
            for cals in data["locales"].values() for c in cals.values() if isinstance(c, dict)
            for k in ("months_format_wide", "months_stand-alone_wide") for n in c.get(k, [])}
    for loc, cals in sorted(data["locales"].items()):
        lang = loc.split("-")[0]
        for cname, code in CALS.items():
            cal = cals.get(cname)
            if not cal:
                continue
            for key in KEYS:
                for i, name in enumerate(cal.get(key, [])):
                    name = unicodedata.normalize("NFC", name.replace("\u00a0", " ")).strip()
                    # Persian names in Arabic locales are transliterations news does not use; skip them there.
                    if lang == "ar" and code == "j":
                        continue
                    # Three-letter abbreviations (جنو, جول, دسم) that are no month's full name are fragments of words.
                    if len(name) <= 3 and name not in wide:
                        continue
                    rows.add((code, i + 1, lang, name))
                    if code == "j" and loc == "fa":
                        iranian.add(name)
    for r in EXTRA:
        rows.add(r)
    # Jalali compounds with ماه (مهرماه, مهر ماه is handled by the grammar as month + cue).
    for code, m, lang, name in list(rows):
        if code == "j" and name in iranian:
            rows.add((code, m, lang, name + "ماه"))
    print("# Generated by scripts/build_date_names.py from CLDR 48 (Unicode-3.0); do not edit by hand.")
    print("# calendar\tmonth\tlang\tflags\tform")
    for code, m, lang, name in sorted(rows):
        flag = "c" if name in CONTEXT_ONLY else "-"
        print(f"{code}\t{m}\t{lang}\t{flag}\t{name}")


if __name__ == "__main__":
    main()
