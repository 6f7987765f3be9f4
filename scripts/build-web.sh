#!/usr/bin/env bash
# Builds the browser app into web/dist (release: wasm optimised for size): first the
# light respondent build (no `manager` feature) into web/dist-respond, then the full
# app, whose post-build hook takes the respondent's files and loads them for survey
# links (scripts/web-postbuild.py).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd web
OTKLIK_PART=respondent trunk build --release=true respond.html --dist dist-respond
trunk build --release=true
