#!/usr/bin/env bash
# Sets everything up, builds the browser app and serves it at http://127.0.0.1:8080.
# The app opens on the manager's dashboard with the built-in demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
cargo build --locked --release -p otklik-cli
echo
echo "Otklik is at http://127.0.0.1:8080 (Ctrl-C to stop)."
echo "The otklik CLI is target/release/otklik (try: target/release/otklik demo --out demo-out)."
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory web/dist
