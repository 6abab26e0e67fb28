#!/bin/sh
# Regenerates every lexicon table under data/ (see each script's docstring for sources and terms).
# Needs the corpora (../shared/corpora or $CORPORA), npm (the CLDR packages are installed here, into
# /tmp/hashiya-cldr, not into the project: only this script needs them) and a Python with
# faker and persian-names ($NAMES_PY, e.g. a throwaway venv: python3 -m venv /tmp/venv &&
# /tmp/venv/bin/pip install faker persian-names).
set -eu
cd "$(dirname "$0")/.."
CORPORA=${CORPORA:-../shared/corpora}
NAMES_PY=${NAMES_PY:-python3}
python3 scripts/build_gazetteer.py --corpora "$CORPORA" --out data
CLDR_DIR=${CLDR_DIR:-/tmp/hashiya-cldr}
if [ ! -d "$CLDR_DIR/node_modules/cldr-localenames-full" ]; then
  mkdir -p "$CLDR_DIR"
  npm install --prefix "$CLDR_DIR" --no-save --no-audit --no-fund cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0
fi
python3 scripts/build_cldr.py --cldr "$CLDR_DIR/node_modules" --common data/lexicon/common.tsv --cues data/lexicon/cues.tsv \
    --out data/lexicon/cldr.tsv
"$NAMES_PY" scripts/build_names.py --common data/lexicon/common.tsv --cues data/lexicon/cues.tsv --out data/lexicon
