#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Hashiya needs, skipping whatever is already present:
# the wasm32 target, wasm-bindgen-cli at the version locked in Cargo.lock, the npm tools (binaryen's wasm-opt,
# playwright-core) and, for tests, Debian's chromium and chromium-driver. Nothing is downloaded from outside the
# package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Cargo.lock pins wasm-bindgen; the CLI must be the very same version.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wbv=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wbv" ]; then
  say "installing wasm-bindgen-cli $wbv (found: ${have:-none})"
  # Not --locked: the registry here lacks one of its locked dependencies (see ../shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$wbv"
fi

if [ "$want_test" = 1 ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-core >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || { [ "$want_test" = 1 ] && [ ! -d node_modules/playwright-core ]; }; then
  command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js 20+" >&2; exit 1; }
  say "installing npm tools (binaryen, playwright-core, vazirmatn)"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
