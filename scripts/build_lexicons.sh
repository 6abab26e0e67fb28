#!/bin/sh
# Regenerates every lexicon table under data/ (see each script's docstring for sources and terms).
# Needs the corpora (../shared/corpora or $CORPORA), `npm install` (CLDR dev dependencies) and a Python with
# faker and persian-names ($NAMES_PY, e.g. a throwaway venv: python3 -m venv /tmp/venv &&
# /tmp/venv/bin/pip install faker persian-names).
set -eu
cd "$(dirname "$0")/.."
CORPORA=${CORPORA:-../shared/corpora}
NAMES_PY=${NAMES_PY:-python3}
python3 scripts/build_gazetteer.py --corpora "$CORPORA" --out data
python3 scripts/build_cldr.py --cldr node_modules --common data/lexicon/common.tsv --cues data/lexicon/cues.tsv \
    --out data/lexicon/cldr.tsv
"$NAMES_PY" scripts/build_names.py --common data/lexicon/common.tsv --cues data/lexicon/cues.tsv --out data/lexicon
