#!/usr/bin/env python3
"""A reference point for the tagger: a standard linear-chain CRF (python-crfsuite) on the same splits and the same
measure as `hashiya eval` / `hashiya train --cv` (exact-span micro-F1 over PER / LOC / ORG, whole tokens, every
other type mapped to O). It answers "what does a textbook CRF score here?", so the tagger's numbers can be read
against the published CRF figures, which use other splits and other label sets.

Usage (needs `pip install python-crfsuite`; a few minutes on one core):
    python3 scripts/crf_baseline.py --peyma        # PEYMA train -> PEYMA dev
    python3 scripts/crf_baseline.py --anercorp     # ANERcorp train, 5-fold CV, contiguous folds like --cv 5

Features (the usual CRF baseline for Arabic-script NER, Benajiba et al. style without POS or gazetteers): the
word, its prefixes and suffixes of 1-3 letters, its length class, digits, the words at -2..+2, the suffixes of
length 2 at -1 and +1, and the word bigrams -1/0 and 0/+1. L1 0.1, L2 0.05, 150 iterations (L-BFGS).
"""
import argparse
import os
import sys

import pycrfsuite

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_gazetteer import sentences, spans  # noqa: E402  (the project's reader and tag mapping)

CORPORA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora")


def feats(toks, i):
    w = toks[i]
    f = ["b", "w=" + w, "len=%d" % min(len(w), 8), "dig=%d" % any(c.isdigit() for c in w)]
    for n in (1, 2, 3):
        if len(w) > n:
            f += ["p%d=%s" % (n, w[:n]), "s%d=%s" % (n, w[-n:])]
    for d in (-2, -1, 1, 2):
        j = i + d
        f.append("w%+d=%s" % (d, toks[j] if 0 <= j < len(toks) else "<s>"))
    for d in (-1, 1):
        j = i + d
        if 0 <= j < len(toks):
            f.append("s2%+d=%s" % (d, toks[j][-2:]))
    if i > 0:
        f.append("bg-=%s|%s" % (toks[i - 1], w))
    if i + 1 < len(toks):
        f.append("bg+=%s|%s" % (w, toks[i + 1]))
    return f


def bio(toks, sp):
    tags = ["O"] * len(toks)
    for a, b, lab in sp:
        tags[a] = "B-" + lab
        for k in range(a + 1, b):
            tags[k] = "I-" + lab
    return tags


def tag_spans(tags):
    out, i = set(), 0
    while i < len(tags):
        if tags[i] != "O":
            lab = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + lab:
                j += 1
            out.add((i, j, lab))
            i = j
        else:
            i += 1
    return out


def run(train, test, model_path):
    tr = pycrfsuite.Trainer(verbose=False)
    for toks, sp in train:
        tr.append([feats(toks, i) for i in range(len(toks))], bio(toks, sp))
    tr.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    tr.train(model_path)
    tg = pycrfsuite.Tagger()
    tg.open(model_path)
    tp = fp = fn = 0
    for toks, sp in test:
        gold = set(sp)
        pred = tag_spans(tg.tag([feats(toks, i) for i in range(len(toks))]))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def load(path, fmt):
    out = []
    for sent in sentences(path, fmt):
        out.append(([t for t, _ in sent], [s for s in spans(sent) if s[2] in ("PER", "LOC", "ORG")]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peyma", action="store_true")
    ap.add_argument("--anercorp", action="store_true")
    ap.add_argument("--corpora", default=CORPORA)
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    tmp = "/tmp/hashiya-crf-baseline.crfsuite"
    if a.peyma:
        p, r, f = run(load(os.path.join(a.corpora, "peyma/train.txt"), "pipe"),
                      load(os.path.join(a.corpora, "peyma/dev.txt"), "pipe"), tmp)
        print("PEYMA train -> dev: P %.4f R %.4f F1 %.4f" % (p, r, f))
    if a.anercorp:
        data = load(os.path.join(a.corpora, "anercorp/train.txt"), "space")
        k, scores = a.folds, []
        for fold in range(k):
            lo, hi = len(data) * fold // k, len(data) * (fold + 1) // k
            p, r, f = run(data[:lo] + data[hi:], data[lo:hi], tmp)
            print("ANERcorp fold %d: P %.4f R %.4f F1 %.4f" % (fold + 1, p, r, f), flush=True)
            scores.append(f)
        print("ANERcorp %d-fold CV mean F1 %.4f" % (k, sum(scores) / k))


if __name__ == "__main__":
    main()
