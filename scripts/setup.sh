#!/usr/bin/env bash
# Installs what building, serving and testing Otklik needs. Idempotent: a warm
# machine skips every step whose result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

log() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: its own lock file pins a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x tools/node/node_modules/.bin/wasm-opt ]; then
  log "installing wasm-opt (binaryen 132) from npm"
  npm ci --prefix tools/node --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver; fi
fi

if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  log "installing LibreOffice Writer and poppler-utils (the report is printed to PDF in the tests)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils; \
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils; fi
fi

if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  log "installing playwright-core and axe-core from npm (no browser download)"
  npm ci --prefix tests/e2e --no-audit --no-fund
fi

# Fetch every crate once, so that the builds below need no network.
cargo fetch --locked >/dev/null

log "done"
