#!/usr/bin/env python3
"""Measures how the tagger holds up when news text is written the ways real sites write it.

Rewrites development files of the NER corpora the way real text differs from the corpora (Arabic yeh and kaf in
Persian text, no-break spaces where the zero-width non-joiner belongs, full diacritics, bare alef) and scores
the shipped model on each variant with `hashiya eval --format conll`, printing one micro-F1 per variant.
Only the token column is rewritten; tags are untouched.

    python3 scripts/robustness.py [--corpora ../shared/corpora] [--bin target/release/hashiya]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

DIACRITICS = "\u064e\u0650\u064f\u0652"  # fatha, kasra, damma, sukun, in turn
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")


def with_diacritics(tok):
    out, k = [], 0
    for ch in tok:
        out.append(ch)
        if ARABIC_LETTER.match(ch):
            out.append(DIACRITICS[k % len(DIACRITICS)])
            k += 1
    return "".join(out)


VARIANTS = {
    "fa": [
        ("as written", lambda t: t),
        ("Arabic ي/ك for ی/ک", lambda t: t.replace("\u06cc", "\u064a").replace("\u06a9", "\u0643")),
        ("no-break space for ZWNJ", lambda t: t.replace("\u200c", "\u00a0")),
        ("ZWNJ dropped", lambda t: t.replace("\u200c", "")),
    ],
    "ar": [
        ("as written", lambda t: t),
        ("full diacritics", with_diacritics),
        ("bare alef for أ/إ/آ", lambda t: re.sub("[\u0623\u0625\u0622]", "\u0627", t)),
    ],
}

# (file under the corpora folder, language, separator between token and tag)
FILES = [
    ("peyma/dev.txt", "fa", "|"),
    ("parstwiner/dev.txt", "fa", "\t"),
    ("aqmar/dev.txt", "ar", " "),
]


def rewrite(src, dst, sep, f):
    with open(src, encoding="utf-8") as inp, open(dst, "w", encoding="utf-8") as out:
        for line in inp:
            line = line.rstrip("\n")
            i = line.rfind(sep)
            if not line.strip() or i <= 0:
                out.write(line + "\n")
                continue
            tok = f(line[:i])
            # A rewrite must not create the separator inside the token, nor empty it.
            if not tok or (sep in tok):
                tok = line[:i]
            out.write(tok + line[i:] + "\n")


def micro_f1(binary, path):
    r = subprocess.run([binary, "eval", "--format", "conll", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"hashiya eval failed on {path}: {r.stderr.strip()}")
    m = re.search(r"micro-F1 ([0-9.]+)", r.stdout)
    if not m:
        sys.exit(f"no micro-F1 in the output for {path}")
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--bin", default="target/release/hashiya")
    a = ap.parse_args()
    print(f"{'file':<22} {'variant':<26} micro-F1  change")
    with tempfile.TemporaryDirectory() as tmp:
        for rel, lang, sep in FILES:
            src = os.path.join(a.corpora, rel)
            if not os.path.exists(src):
                print(f"{rel:<22} (not found, skipped)")
                continue
            base = None
            for k, (name, f) in enumerate(VARIANTS[lang]):
                dst = os.path.join(tmp, f"{k}-{os.path.basename(rel)}")
                rewrite(src, dst, sep, f)
                score = micro_f1(a.bin, dst)
                base = score if base is None else base
                print(f"{rel:<22} {name:<26} {score:.4f}  {score - base:+.4f}")


if __name__ == "__main__":
    main()
