#!/usr/bin/env python3
"""Build the corpus lexicons: names of people, places and organisations, common, title, cue and first-name
words, collected from the training splits of the NER corpora.

Usage: python3 scripts/build_gazetteer.py --corpora ../shared/corpora --out data

Writes (each with a header naming its sources and their terms):
- data/gazetteer.tsv        LABEL<TAB>name<TAB>count: names kept by the filters below, most frequent first;
- data/lexicon/common.tsv   word<TAB>count: words seen 6 times or more that the human-annotated corpora tag
                            outside PER/LOC/ORG at least 55% of the time (a stop-list; the recognizer also
                            uses it to split glued words);
- data/lexicon/titles.tsv   word<TAB>count: words that often stand right before a person's name (titles, roles);
- data/lexicon/cues.tsv     word<TAB>count: words that start longer names (استان, جامعة) more often than they are a
                            name alone; never a name alone, never a given name;
- data/lexicon/first_names.tsv  word<TAB>languages<TAB>count: words that start a person's full name at least
                            three times (silver WikiANN included), more often than they start other names or
                            stand outside names.
- data/lexicon/heads.tsv    word<TAB>LABEL<TAB>weight<TAB>precision: cue words (above) that head names of one
                            label, ORG or LOC (>= 80% of their weighted votes; silver votes weigh half), with how
                            often they start a name when a word that can continue one follows (>= 0.2; the
                            recognizer sets its own bar): هيئة, وكالة, دادگاه, البحر;
- data/lexicon/name_parts.tsv  word<TAB>weight: words that continue multi-word names of places and organisations
                            (weighted count >= 2, and >= 20% of the word's weighted occurrences): الجو, الدولي, عالی.

Only training splits are read (never test or dev splits); the corpora themselves are never committed.

A name is kept when
- it is nearly always one label (purity >= 0.8; tags outside PER/LOC/ORG such as MISC, NORP, event count
  against it, so nationality adjectives drop out);
- the annotated corpora do not write the same words more often outside a name than inside one: every
  occurrence of the words with all tokens tagged O (after an optional proclitic) counts against it;
- silver WikiANN names are seen at least three times, and weigh half as much as human annotations;
- it is not a single common or cue word, nor made of strict common words (>= 97% outside names) and titles
  only; title words are cut off the start of a person's name first. Punctuation glued to a token's edge is
  dropped.
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexnorm import ARABIC, ARABIC_WORD, PROCLITICS, norm, stems  # noqa: E402

TAGMAP = {
    "PER": "PER", "PERS": "PER", "pers": "PER",
    "LOC": "LOC", "GPE": "LOC", "loc": "LOC", "fac": "LOC", "FAC": "LOC",
    "ORG": "ORG", "org": "ORG", "WEBSITE": "ORG",
}
# Entity tags outside PER/LOC/ORG: they count against a name's purity.
OTHER = "X"
# corpus: (path, reader, gold?, language, source note with terms)
SOURCES = [
    ("anercorp/train.txt", "space", True, "ar", "ANERcorp train (Benajiba et al. 2007), free for research"),
    ("aqmar/train.txt", "space", True, "ar", "AQMAR train (Mohit et al. 2012), CC BY-SA 3.0"),
    ("wojood_sample/train.txt", "space", True, "ar", "Wojood sample train (Jarrar et al. 2022), MIT"),
    ("peyma/train.txt", "pipe", True, "fa", "PEYMA train (Shahshahani et al. 2018), free for research"),
    ("arman/train.txt", "space", True, "fa", "ArmanPersoNERCorpus train (Poostchi et al. 2016), academic research"),
    ("parstwiner/train.txt", "tab", True, "fa", "ParsTwiNER train (Aghajani et al. 2021), MIT"),
    ("wikiann/ar/train", "tab", False, "ar", "WikiANN ar train (Pan et al. 2017; Rahimi et al. 2019), silver"),
    ("wikiann/fa/train", "tab", False, "fa", "WikiANN fa train (Pan et al. 2017; Rahimi et al. 2019), silver"),
]
# Punctuation glued to a token's edge (`روسیه،`) is not part of the name.
EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
MAX_WORDS = 6
SILVER_MIN = 3
SILVER_WEIGHT = 0.5
PURITY = 0.8
NAME_RATIO = 0.5
COMMON_MIN = 6
COMMON_RATIO = 0.55
STRICT_RATIO = 0.97
TITLE_MIN = 20
FIRST_MIN = 3
CUE_MIN = 3
TITLE_RATIO = 0.2
HEAD_PURITY = 0.8
PART_MIN = 2
PART_RATIO = 0.2
HEAD_MIN_PRECISION = 0.2


def sentences(path, kind):
    """Yields sentences as lists of (token, tag) with tags as B-LAB / I-LAB (LAB in PER LOC ORG X) or O."""
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            if kind == "pipe":
                tok, _, tag = line.rpartition("|")
                tag = tag.replace("_", "-")
            elif kind == "tab":
                tok, _, tag = line.rpartition("\t")
                tok = re.sub(r"^[a-z]{2}:", "", tok)
            else:
                parts = line.split(" ")
                tok, tag = parts[0], parts[1] if len(parts) > 1 else "O"
            pre, _, typ = tag.partition("-")
            if pre in ("B", "I") and typ:
                tag = f"{pre}-{TAGMAP.get(typ, OTHER)}"
            else:
                tag = "O"
            sent.append((tok, tag))
    if sent:
        yield sent


def spans(sent):
    """(start, end, label) of the entity spans of a tagged sentence."""
    out, start, lab = [], None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        pre, _, typ = tag.partition("-")
        if start is not None and (pre != "I" or typ != lab):
            out.append((start, i, lab))
            start, lab = None, None
        if pre == "B" or (pre == "I" and start is None):
            start, lab = i, typ
    return out


def is_nisba(w):
    """An Arabic relative adjective with the article (`الروسية`), as src/recognize/heads.rs reads it."""
    return w.startswith("ال") and len(w) >= 6 and (w.endswith("ي") or w.endswith("ية"))


def head_precision(corpora, heads, parts, common):
    """For each head word: of its occurrences (after an optional proclitic) followed by a word that can continue
    a name (a name part, a relative adjective, or a word that is neither common, a head nor has the article),
    the weighted share that starts a name (B- then I- of one label). Silver votes weigh half; a silver head
    tagged B- B- counts as outside (WikiANN splits names at links)."""
    def head_of(w):
        if w in heads:
            return w
        for p in PROCLITICS:
            if w.startswith(p) and len(w) - len(p) >= 3:
                r = ("ال" if p.endswith("لل") else "") + w[len(p):]
                if r in heads:
                    return r
        return None

    def follower(w):
        return w in parts or is_nisba(w) or (w not in common and w not in heads and not w.startswith("ال") and len(w) >= 3)

    start, out = collections.Counter(), collections.Counter()
    for sents, gold, _ in corpora:
        v = 1.0 if gold else SILVER_WEIGHT
        for sent in sents:
            toks = [norm(EDGE_PUNCT.sub("", t)) for t, _ in sent]
            for i in range(len(sent) - 1):
                h = head_of(toks[i])
                if not h or not follower(toks[i + 1]):
                    continue
                tag, nxt = sent[i][1], sent[i + 1][1]
                lab = tag.partition("-")[2]
                if tag.startswith("B-") and nxt == "I-" + lab:
                    start[h] += v
                elif tag == "O" or (not gold and tag.startswith("B-") and nxt == "B-" + lab):
                    out[h] += v
    return {w: start[w] / (start[w] + out[w]) if start[w] + out[w] else 0.0 for w in heads}


def header(f, what, used):
    f.write(f"# {what}\n# Generated by scripts/build_gazetteer.py from the training splits of:\n")
    for note in used:
        f.write(f"#   {note}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--out", required=True, help="the data folder (writes gazetteer.tsv and lexicon/*.tsv)")
    a = ap.parse_args()

    corpora = []
    used = []
    for rel, kind, gold, lang, note in SOURCES:
        path = os.path.join(a.corpora, rel)
        if not os.path.exists(path):
            print(f"skipping missing {path}", file=sys.stderr)
            continue
        corpora.append((list(sentences(path, kind)), gold, lang))
        used.append(note)

    # Word statistics over the human-annotated corpora: outside / inside names, and before a person.
    word_o = collections.Counter()
    word_ent = collections.Counter()
    before_per = collections.Counter()
    for sents, gold, _ in corpora:
        if not gold:
            continue
        for sent in sents:
            for i, (tok, tag) in enumerate(sent):
                w = norm(tok)
                if not w:
                    continue
                # Dates, nationalities and other tags outside PER/LOC/ORG are outside names here.
                if tag == "O" or tag.endswith("-" + OTHER):
                    word_o[w] += 1
                    if i + 1 < len(sent) and sent[i + 1][1] == "B-PER":
                        before_per[w] += 1
                else:
                    word_ent[w] += 1
    common = {
        w: n for w, n in word_o.items()
        if n >= COMMON_MIN and n / (n + word_ent[w]) >= COMMON_RATIO and ARABIC_WORD.match(w)
    }
    # Words nearly never inside a name: a name made of them only is a phrase (ریاست جمهوری).
    strict = {w for w, n in common.items() if n / (n + word_ent[w]) >= STRICT_RATIO}
    titles = {
        w: before_per[w] for w in before_per
        if word_o[w] >= TITLE_MIN and before_per[w] / word_o[w] >= TITLE_RATIO and ARABIC_WORD.match(w)
    }

    # Names: counts per normalized key and label, and the most frequent spelling.
    labels = collections.defaultdict(collections.Counter)
    weight = collections.Counter()
    silver_n = collections.Counter()
    spellings = collections.defaultdict(collections.Counter)
    first_names = collections.Counter()
    first_other = collections.Counter()
    alone = collections.Counter()
    first_langs = collections.defaultdict(set)
    head_votes = collections.defaultdict(collections.Counter)
    part_w = collections.Counter()
    occ_w = collections.Counter()
    for sents, gold, lang in corpora:
        local = collections.defaultdict(collections.Counter)
        vote = 1.0 if gold else SILVER_WEIGHT
        for sent in sents:
            for tok, _ in sent:
                occ_w[norm(EDGE_PUNCT.sub("", tok))] += vote
            for s, e, lab in spans(sent):
                toks = [t for t, _ in sent[s:e]]
                if e - s > 1:
                    head_votes[norm(EDGE_PUNCT.sub("", toks[0]))][lab] += vote
                    if lab in ("ORG", "LOC"):
                        for t in toks[1:]:
                            part_w[norm(EDGE_PUNCT.sub("", t))] += vote
                if lab == "PER":
                    while len(toks) > 1 and norm(toks[0]) in titles:
                        toks = toks[1:]
                    if len(toks) > 1:
                        w = norm(EDGE_PUNCT.sub("", toks[0]))
                        first_names[w] += 1
                        first_langs[w].add(lang)
                w0 = norm(EDGE_PUNCT.sub("", toks[0]))
                if len(toks) == 1:
                    alone[w0] += 1
                elif lab != "PER":
                    first_other[w0] += 1
                surface = EDGE_PUNCT.sub("", " ".join(toks))
                key = norm(surface)
                if not ARABIC.search(key) or not 2 <= len(key) <= 60 or len(toks) > MAX_WORDS:
                    continue
                local[key][lab] += 1
                spellings[key][surface] += 1
        for key, c in local.items():
            if not gold:
                if sum(c.values()) < SILVER_MIN:
                    continue
                silver_n[key] += sum(c.values())
            labels[key].update(c)
            weight[key] += sum(c.values()) * (1.0 if gold else SILVER_WEIGHT)

    # Cue words: they start longer names more often than they are a name alone (شهرستان, استان, جامعة).
    cues = {w: n for w, n in first_other.items() if n >= CUE_MIN and n > 2 * alone[w] and ARABIC_WORD.match(w)}

    # A name written with an attached proclitic (وبغداد) is the bare name when that is a name too.
    for key in list(labels):
        first, _, rest = key.partition(" ")
        for p in PROCLITICS:
            if p.endswith("ال") or not first.startswith(p):
                continue
            # لل is ل + the article with its alef dropped.
            st = "ال" + first[len(p):] if p.endswith("لل") else first[len(p):]
            bare = (st + " " + rest).strip()
            if len(st) >= 2 and bare in labels:
                labels[bare].update(labels.pop(key))
                weight[bare] += weight.pop(key)
                spellings.pop(key, None)
                break

    # Occurrences of each candidate's words outside any name in the human-annotated corpora.
    outside = collections.Counter()
    cands = set(labels)
    for sents, gold, _ in corpora:
        if not gold:
            continue
        for sent in sents:
            normed = [norm(t) for t, _ in sent]
            for i in range(len(sent)):
                if sent[i][1] != "O" or not normed[i]:
                    continue
                for first in set(stems(normed[i])):
                    phrase = first
                    for j in range(i, min(len(sent), i + MAX_WORDS)):
                        if j > i:
                            if sent[j][1] != "O" or not normed[j]:
                                break
                            phrase += " " + normed[j]
                        if phrase in cands:
                            outside[phrase] += 1

    rows = []
    dropped = collections.Counter()
    for key, c in labels.items():
        lab, n = c.most_common(1)[0]
        total = sum(c.values())
        if lab == OTHER or n / total < PURITY:
            dropped["impure"] += 1
            continue
        w = weight[key] * n / total
        if w / (w + outside[key]) < NAME_RATIO:
            dropped["mostly outside names"] += 1
            continue
        words = key.split(" ")
        if len(words) == 1 and (key in common or key in cues or len(key) < 3):
            dropped["common word"] += 1
            continue
        if lab == "PER" and words[0] in titles:
            dropped["starts with a title"] += 1
            continue
        if all(x in strict or x in titles for x in words):
            dropped["common words only"] += 1
            continue
        surface = spellings[key].most_common(1)[0][0]
        rows.append((lab, surface, total))
    rows.sort(key=lambda r: (-r[2], r[1]))

    os.makedirs(os.path.join(a.out, "lexicon"), exist_ok=True)
    with open(os.path.join(a.out, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        header(f, "Names of people, places and organisations, filtered for purity and against common words.", used)
        f.write("# LABEL<TAB>name<TAB>count; most frequent first.\n")
        for lab, name, n in rows:
            f.write(f"{lab}\t{name}\t{n}\n")
    with open(os.path.join(a.out, "lexicon", "common.tsv"), "w", encoding="utf-8") as f:
        what = "Common words: seen 6 times or more, outside names at least 55% of the time (normalized spelling)."
        header(f, what, used[:6])
        f.write("# word<TAB>count outside names; most frequent first.\n")
        for w, n in sorted(common.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{n}\n")
    with open(os.path.join(a.out, "lexicon", "titles.tsv"), "w", encoding="utf-8") as f:
        header(f, "Title words: often right before a person's name (normalized spelling).", used[:6])
        f.write("# word<TAB>count before a name; most frequent first.\n")
        for w, n in sorted(titles.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{n}\n")
    firsts = {
        w: n for w, n in first_names.items()
        if n >= FIRST_MIN and len(w) > 2 and ARABIC_WORD.match(w) and w not in common and w not in titles
        and word_o[w] <= n and first_other[w] < n and w not in cues
    }
    with open(os.path.join(a.out, "lexicon", "first_names.tsv"), "w", encoding="utf-8") as f:
        header(f, "First names: words that start a person's full name (normalized spelling).", used)
        f.write("# word<TAB>languages of the corpora where it starts a name<TAB>count; most frequent first.\n")
        for w, n in sorted(firsts.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{','.join(sorted(first_langs[w]))}\t{n}\n")
    parts = {
        w: n for w, n in part_w.items()
        if n >= PART_MIN and n >= PART_RATIO * occ_w[w] and ARABIC_WORD.match(w) and len(w) >= 2
    }
    heads = {}
    for w in cues:
        c = head_votes[w]
        total = sum(c.values())
        lab, n = c.most_common(1)[0] if c else (OTHER, 0)
        if lab in ("ORG", "LOC") and total and n / total >= HEAD_PURITY and len(w) >= 3:
            heads[w] = (lab, n)
    precision = head_precision(corpora, heads, parts, common)
    heads = {w: v for w, v in heads.items() if precision[w] >= HEAD_MIN_PRECISION}
    with open(os.path.join(a.out, "lexicon", "heads.tsv"), "w", encoding="utf-8") as f:
        header(f, "Head words: cue words that head names of one label, ORG or LOC (silver votes weigh half).", used)
        f.write("# word<TAB>LABEL<TAB>weighted count as the first word of a longer name<TAB>precision: how often,\n"
                "# followed by a word that can continue a name, it starts one; heaviest first.\n")
        for w, (lab, n) in sorted(heads.items(), key=lambda x: (-x[1][1], x[0])):
            f.write(f"{w}\t{lab}\t{n:g}\t{precision[w]:.2f}\n")
    with open(os.path.join(a.out, "lexicon", "name_parts.tsv"), "w", encoding="utf-8") as f:
        header(f, "Name parts: words that continue longer names of places and organisations (silver weighs half).", used)
        f.write("# word<TAB>weighted count after the first word of a place's or organisation's name; heaviest first.\n")
        for w, n in sorted(parts.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{n:g}\n")
    with open(os.path.join(a.out, "lexicon", "cues.tsv"), "w", encoding="utf-8") as f:
        header(f, "Cue words: they start longer names of places and organisations more often than they are one.", used)
        f.write("# word<TAB>count as the first word of a longer name; most frequent first.\n")
        for w, n in sorted(cues.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{n}\n")
    print(f"{len(heads)} head words, {len(parts)} name parts, {len(cues)} cue words, {len(firsts)} first names, {len(rows)} names, {len(common)} common words, "
          f"{len(titles)} title words; dropped {dict(dropped)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
