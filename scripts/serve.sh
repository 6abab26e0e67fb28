#!/usr/bin/env bash
# Builds everything (native CLI, WebAssembly module, single-file page) and serves the app on
# http://127.0.0.1:8080 (PORT to change). Installs missing build tools first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port="${PORT:-8080}"
echo "[serve] Hashiya at http://127.0.0.1:$port/  (Ctrl-C to stop)"
exec python3 scripts/serve.py --port "$port" --dir www
