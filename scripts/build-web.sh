#!/usr/bin/env bash
# Builds the browser app into web/dist (release: wasm optimised for size).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd web
trunk build --release=true
