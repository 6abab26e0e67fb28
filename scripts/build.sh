#!/usr/bin/env bash
# Builds the native CLI (target/release/hashiya) and the WebAssembly module for the page (www/pkg/).
# The wasm settings come from wasm-pack.toml, which this script reads (wasm-pack itself never does).
set -euo pipefail
cd "$(dirname "$0")/.."

conf() { # conf KEY DEFAULT: a string value from wasm-pack.toml
  local v
  v=$(sed -n "s/^$1[[:space:]]*=[[:space:]]*\"\(.*\)\"[[:space:]]*\$/\1/p" wasm-pack.toml | head -n1)
  if grep -q "^$1[[:space:]]*=" wasm-pack.toml; then printf '%s' "$v"; else printf '%s' "$2"; fi
}
target=$(conf target web)
out_dir=$(conf out-dir www/pkg)
profile=$(conf profile wasm-release)
opt=$(conf wasm-opt -Oz)

echo "[build] native CLI"
cargo build --release --bin hashiya

echo "[build] wasm ($profile) -> $out_dir (target $target)"
cargo build --lib --target wasm32-unknown-unknown --profile "$profile"
raw="target/wasm32-unknown-unknown/$profile/hashiya.wasm"
mkdir -p "$out_dir"
wasm-bindgen --target "$target" --no-typescript --out-dir "$out_dir" "$raw"
if [ -n "$opt" ]; then
  wasm_opt=node_modules/.bin/wasm-opt
  [ -x "$wasm_opt" ] || { echo "wasm-opt missing: run scripts/setup.sh" >&2; exit 1; }
  # wasm-bindgen output uses these post-MVP features; binaryen must be told to keep them.
  "$wasm_opt" "$opt" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue \
    "$out_dir/hashiya_bg.wasm" -o "$out_dir/hashiya_bg.wasm.opt"
  mv "$out_dir/hashiya_bg.wasm.opt" "$out_dir/hashiya_bg.wasm"
fi
raw_size=$(stat -c %s "$out_dir/hashiya_bg.wasm")
gz_size=$(gzip -9 -c "$out_dir/hashiya_bg.wasm" | wc -c)
echo "[build] www/pkg/hashiya_bg.wasm: $raw_size bytes raw, $gz_size bytes gzipped"
if [ -f scripts/bundle.mjs ]; then
  node scripts/bundle.mjs
fi
