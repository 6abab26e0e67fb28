#!/usr/bin/env python3
"""Measures Hashiya's DATE spans against the date/time tags of two news corpora in ../shared/corpora:
Peyma dev (Persian newswire, DAT + TIM) and the Wojood sample (Arabic news and media, DATE + TIME).

usage: python3 scripts/eval_dates_corpora.py [--bin target/release/hashiya] [--corpora ../shared/corpora] [-v]

Sentences are rebuilt by joining the corpus tokens with spaces (so `15 / 1 / 1959` appears spaced as the corpus
tokenised it) and annotated one file per sentence. Prints, per corpus: gold spans, exact matches, predictions
that only overlap a gold span, predictions overlapping none (many are dates the corpus left untagged), and
gold spans no prediction touches. Corpora are read in place and never copied into the project.
"""
import argparse, json, os, subprocess, sys, tempfile


def peyma(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        tok, _, tag = line.rpartition("|")
        kind = tag[2:] if tag[:2] in ("B_", "I_") and tag[2:] in ("DAT", "TIM") else None
        cur.append((tok, [("B" if tag.startswith("B_") else "I", kind)] if kind else []))
    if cur:
        sents.append(cur)
    return sents


def wojood(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split(" ")
        if parts[0] == "$#$":
            continue
        tags = [(t[0], t[2:]) for t in parts[1:] if t[2:] in ("DATE", "TIME") and t[:2] in ("B-", "I-")]
        cur.append((parts[0], tags))
    if cur:
        sents.append(cur)
    return sents


def spans_of(sent):
    text, spans = "", []
    for tok, tags in sent:
        if text:
            text += " "
        b = len(text)
        text += tok
        e = len(text)
        for bi, kind in tags:
            if bi == "B":
                spans.append([b, e, kind])
            else:
                for sp in reversed(spans):
                    if sp[2] == kind:
                        sp[1] = e
                        break
    return text, spans


def run(name, sents, lang, binary, verbose):
    with tempfile.TemporaryDirectory() as d:
        gold, files = {}, []
        for i, s in enumerate(sents):
            text, spans = spans_of(s)
            f = os.path.join(d, f"s{i:05d}.txt")
            open(f, "w", encoding="utf-8").write(text)
            gold[f] = (text, spans)
            files.append(f)
        out = subprocess.run([binary, "annotate", "--json", "--lang", lang, *files], capture_output=True, text=True, check=True).stdout
    exact = overlap = spurious = 0
    missed = []
    for line in out.splitlines():
        o = json.loads(line)
        text, gs = gold[o["file"]]
        ps = [(s["start"], s["end"]) for s in o["spans"] if s["label"] == "DATE"]
        gset = {(b, e) for b, e, _ in gs}
        for p in ps:
            if p in gset:
                exact += 1
            elif any(p[0] < e and b < p[1] for b, e, _ in gs):
                overlap += 1
            else:
                spurious += 1
                if verbose:
                    print(f"  spurious: {text[p[0]:p[1]]}   | {text[max(0, p[0] - 20):p[1] + 20]}")
        for b, e, k in gs:
            if not any(p[0] < e and b < p[1] for p in ps):
                missed.append(text[b:e])
    total = sum(len(g[1]) for g in gold.values())
    print(f"{name}: sentences {len(sents)}  gold spans {total}  exact {exact} ({100 * exact / max(total, 1):.1f} %)  "
          f"overlap-only {overlap}  untouched gold {len(missed)}  predictions on no gold span {spurious}")
    if verbose:
        for m in missed:
            print(f"  missed: {m}")


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "hashiya"))
    ap.add_argument("--corpora", default=os.path.join(here, "..", "..", "shared", "corpora"))
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    pe = os.path.join(a.corpora, "peyma", "dev.txt")
    wj = [os.path.join(a.corpora, "wojood_sample", f) for f in ("train.txt", "val.txt")]
    if not os.path.exists(pe) or not all(os.path.exists(p) for p in wj):
        sys.exit(f"corpora not found under {a.corpora}")
    run("peyma dev (fa)", peyma(pe), "fa", a.bin, a.v)
    run("wojood sample (ar)", [s for p in wj for s in wojood(p)], "ar", a.bin, a.v)


if __name__ == "__main__":
    main()
