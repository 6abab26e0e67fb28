#!/usr/bin/env bash
# Runs every test: native unit, doc, property, golden and CLI tests; the WebAssembly API in headless Chromium
# (wasm-bindgen-test); the page end to end (playwright-core + Debian's chromium); then prints the seed-article
# scores. Installs missing tools first (scripts/setup.sh --test) and builds (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

bash scripts/setup.sh --test
bash scripts/build.sh

echo "== native tests (cargo test --release)"
cargo test --release 2>&1 | tee -a "$log"

echo "== WebAssembly API in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee -a "$log"

if [ -d tests/e2e ]; then
  echo "== end to end (node --test tests/e2e/, playwright-core + /usr/bin/chromium)"
  node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee -a "$log"
fi

echo "== seed articles (../shared/seeds/score.py)"
python3 ../shared/seeds/score.py --gold ../shared/seeds --cmd "target/release/hashiya annotate --json"

passed=$(grep -Eo '(test result: ok\. [0-9]+ passed|^# pass [0-9]+)' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '([0-9]+ failed|^# fail [0-9]+)' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
echo "all tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
