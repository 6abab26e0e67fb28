#!/usr/bin/env python3
"""Scores the full annotation pipeline (not just the tagger) on a CoNLL-style corpus split: exact-span micro-F1
per label over whole tokens, the way the corpus counts them (a span that leaves a proclitic out still covers its
token).

Usage: python3 scripts/eval_pipeline_conll.py --corpus ../shared/corpora/peyma/dev.txt --format pipe \
           [--bin target/release/hashiya] [--labels ORG] [--errors 30]

Formats: space (`token TAG`), pipe (`token|B_TAG`), tab (`token<TAB>TAG`), as in scripts/build_gazetteer.py,
whose tag mapping onto PER / LOC / ORG this uses, with ParsTwiNER's political groups (POG) as organisations, as
the tagger's own evaluation counts them (src/ner/corpus.rs). nested (`token TAG TAG...`, Wojood: one tag per
nesting layer, outermost first): each token takes the outermost layer that is a person, place or organisation,
so an organisation inside an occupation (`رئيس بلدية نابلس`: OCC over ORG over GPE) or an event is counted as
the product marks it (`بلدية نابلس`) rather than dropped with the outer layer; `space` on such a file reads the
outermost layer only. Sentences are joined with spaces, written 40 to a document (one paragraph each) and
annotated with `hashiya annotate --json`. Use dev splits only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_gazetteer  # noqa: E402
from build_gazetteer import TAGMAP, spans  # noqa: E402

# The tagger's evaluation (src/ner/corpus.rs, map_type) counts political groups as organisations; so does this.
SCORE_TAGMAP = dict(TAGMAP, POG="ORG")


def sentences(path, kind):
    """Sentences as lists of (token, tag), tags as B-LAB / I-LAB (LAB in PER LOC ORG X) or O."""
    saved = build_gazetteer.TAGMAP
    build_gazetteer.TAGMAP = SCORE_TAGMAP
    try:
        if kind != "nested":
            yield from build_gazetteer.sentences(path, kind)
            return
        sent = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.split()
                if not fields:
                    if sent:
                        yield sent
                    sent = []
                    continue
                tag = "O"
                for layer in fields[1:]:
                    pre, _, typ = layer.partition("-")
                    if pre in ("B", "I") and typ in SCORE_TAGMAP:
                        tag = f"{pre}-{SCORE_TAGMAP[typ]}"
                        break
                sent.append((fields[0], tag))
        if sent:
            yield sent
    finally:
        build_gazetteer.TAGMAP = saved

PER_DOC = 40


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--format", default="space", choices=["space", "pipe", "tab", "nested"])
    ap.add_argument("--bin", default="target/release/hashiya")
    ap.add_argument("--labels", default="PER,LOC,ORG")
    ap.add_argument("--errors", type=int, default=0, help="print up to N missed and N spurious spans per label")
    a = ap.parse_args()
    labels = a.labels.split(",")
    sents = list(sentences(a.corpus, a.format))
    tmp = tempfile.mkdtemp(prefix="hashiya-eval-")
    docs = []  # per document: list of (sentence index, char offset of the sentence, token char ranges)
    files = []
    for d in range(0, len(sents), PER_DOC):
        text, layout = "", []
        for si in range(d, min(d + PER_DOC, len(sents))):
            toks = [t for t, _ in sents[si]]
            ranges, pos = [], len(text)
            for t in toks:
                ranges.append((pos, pos + len(t)))
                pos += len(t) + 1
            text += " ".join(toks) + "\n\n"
            layout.append((si, ranges))
        path = os.path.join(tmp, f"{d:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        files.append(path)
        docs.append(layout)
    out = subprocess.run([a.bin, "annotate", "--json", *files], capture_output=True, text=True, check=True).stdout
    counts = {lab: [0, 0, 0] for lab in labels}
    errs = {lab: ([], []) for lab in labels}
    for layout, line in zip(docs, out.splitlines()):
        doc = json.loads(line)
        pred = collections.defaultdict(set)
        # Sentence of each predicted span, by its start (offsets are in scalars, like Python's).
        for s in doc["spans"]:
            if s["label"] not in labels:
                continue
            for si, ranges in layout:
                if ranges and ranges[0][0] <= s["start"] < ranges[-1][1] + 1:
                    first = next((i for i, (b, e) in enumerate(ranges) if s["start"] < e), None)
                    last = next((i for i, (b, e) in reversed(list(enumerate(ranges))) if s["end"] > b), None)
                    if first is not None and last is not None and first <= last:
                        pred[si].add((first, last + 1, s["label"]))
                    break
        for si, ranges in layout:
            gold = {sp for sp in spans(sents[si]) if sp[2] in labels}
            p = pred.get(si, set())
            toks = [t for t, _ in sents[si]]
            for lab in labels:
                g = {x for x in gold if x[2] == lab}
                q = {x for x in p if x[2] == lab}
                counts[lab][0] += len(g & q)
                counts[lab][1] += len(q - g)
                counts[lab][2] += len(g - q)
                for x in sorted(g - q):
                    errs[lab][0].append(" ".join(toks[x[0]:x[1]]) + "  ||  " + " ".join(toks[max(0, x[0] - 3):x[1] + 3]))
                for x in sorted(q - g):
                    errs[lab][1].append(" ".join(toks[x[0]:x[1]]) + "  ||  " + " ".join(toks[max(0, x[0] - 3):x[1] + 3]))
    tp = fp = fn = 0
    print(f"# {a.corpus}: {len(sents)} sentences")
    print("label      P      R     F1    tp    fp    fn")
    for lab in labels:
        t, p, n = counts[lab]
        tp, fp, fn = tp + t, fp + p, fn + n
        print(f"{lab:5} {prf(t, p, n)}")
    print(f"all   {prf(tp, fp, fn)}")
    for lab in labels:
        if a.errors:
            print(f"## {lab} missed", *errs[lab][0][: a.errors], sep="\n  ")
            print(f"## {lab} spurious", *errs[lab][1][: a.errors], sep="\n  ")


def prf(t, p, n):
    pr = t / (t + p) if t + p else 0.0
    rc = t / (t + n) if t + n else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return f"{pr:.3f}  {rc:.3f}  {f:.3f}  {t:5d} {p:5d} {n:5d}"


if __name__ == "__main__":
    main()
