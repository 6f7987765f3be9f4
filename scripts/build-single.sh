#!/usr/bin/env bash
# Builds the app as one self-contained HTML file, web/dist-single/otklik.html, that
# runs opened from disk or a network share (file://) with no web server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-web.sh
python3 scripts/build-single.py
