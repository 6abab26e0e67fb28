#!/usr/bin/env bash
# Compares Hashiya's DATE recognition with dateparser's search_dates on the seed articles, scored by the same
# scorer (../shared/seeds/score.py, DATE row: exact-span P/R/F1, overlap F1, values), and times both.
#
# usage: scripts/compare_dateparser.sh [SEED_DIR]
# dateparser is installed into a throwaway virtual environment under /tmp (removed at the end); Hashiya is
# built with `cargo build --release` if needed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seeds="${1:-$here/../shared/seeds}"
[ -f "$seeds/score.py" ] || { echo "no seed articles at $seeds" >&2; exit 1; }
work="$(mktemp -d /tmp/hashiya-dateparser.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== building hashiya" >&2
(cd "$here" && cargo build --release --quiet)
echo "== installing dateparser into $work/venv" >&2
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet dateparser

articles=$(ls "$seeds"/*.txt.gold.tsv | sed 's/\.gold\.tsv$//')

# dateparser: search_dates on each article (language from the article's script mix), spans located in order.
cat > "$work/dp.py" <<'PY'
import json, sys, time, dateparser.search as ds
out, total = [], 0.0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    fa = sum(text.count(c) for c in "پچژگکی") > 0.005 * len(text)
    t0 = time.perf_counter()
    found = ds.search_dates(text, languages=["fa" if fa else "ar"]) or []
    total += time.perf_counter() - t0
    spans, at = [], 0
    for sub, _ in found:
        i = text.find(sub, at)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        spans.append({"label": "DATE", "start": i, "end": i + len(sub), "text": sub})
        at = i + len(sub)
    out.append({"file": path, "spans": spans})
with open(sys.argv[0] + ".jsonl", "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(f"{total:.3f}")
PY
dp_time=$("$work/venv/bin/python" "$work/dp.py" $articles)
mv "$work/dp.py.jsonl" "$work/dateparser.jsonl"

# Hashiya: the CLI over the same articles, DATE spans only.
start=$(date +%s.%N)
"$here/target/release/hashiya" annotate --json $articles > "$work/hashiya_all.jsonl"
end=$(date +%s.%N)
hs_time=$(python3 -c "print(f'{$end - $start:.3f}')")
python3 - "$work/hashiya_all.jsonl" "$work/hashiya.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for line in open(sys.argv[1], encoding="utf-8"):
        o = json.loads(line)
        o["spans"] = [s for s in o["spans"] if s["label"] == "DATE"]
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
PY

row() { python3 "$seeds/score.py" --gold "$seeds" --pred "$1" | grep -E '^DATE +[0-9]'; }
values() { python3 "$seeds/score.py" --gold "$seeds" --pred "$1" | grep -i "DATE normalised" || true; }
echo
printf '%-12s %s\n' "" "label       P      R     F1    tp    fp    fn overlapF1"
printf '%-12s %s   time %ss (whole pipeline, 5 articles, one process)\n' "hashiya" "$(row "$work/hashiya.jsonl" | tail -1)" "$hs_time"
printf '%-12s %s   time %ss (search_dates only)\n' "dateparser" "$(row "$work/dateparser.jsonl" | tail -1)" "$dp_time"
echo "hashiya     $(values "$work/hashiya.jsonl")"
echo "dateparser  $(values "$work/dateparser.jsonl") (dateparser gives no TIMEX values)"
