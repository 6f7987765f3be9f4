#!/usr/bin/env bash
# Installs what building and serving Otklik needs; with --tests, also what the tests
# need (Chromium, Firefox ESR, LibreOffice and poppler, the npm test packages). Idempotent: a warm
# machine skips every step whose result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=false
[ "${1:-}" = "--tests" ] && tests=true

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1
ZOPFLI_VERSION=0.8.4

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

# zopfli packs the wasm in the app's files (scripts/web-postbuild.py): built from
# crates.io into tools/zopfli.
if [ ! -x tools/zopfli/bin/zopfli ]; then
  log "installing zopfli $ZOPFLI_VERSION into tools/zopfli"
  cargo install zopfli --version "$ZOPFLI_VERSION" --locked --root tools/zopfli
fi

if [ ! -x tools/node/node_modules/.bin/wasm-opt ]; then
  log "installing wasm-opt (binaryen 132) from npm"
  npm ci --prefix tools/node --no-audit --no-fund
fi

# Plain `trunk build` and `trunk serve` inside web/ find wasm-opt 132 on the PATH:
# link it beside trunk (in cargo's bin folder), unless a wasm-opt 132 is there already.
if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  log "linking wasm-opt 132 into $bin (for plain trunk commands)"
  ln -sf "$PWD/tools/node/node_modules/.bin/wasm-opt" "$bin/wasm-opt"
fi

# apt: wait for another apt or dpkg run to finish (up to 10 minutes), not fail.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}

if $tests; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi

  if [ ! -x /usr/bin/firefox-esr ]; then
    log "installing Debian's firefox-esr (the browser tests run in it too)"
    apt_install firefox-esr
  fi

  # geckodriver, for the web crate's wasm-bindgen tests in Firefox ESR: built from
  # crates.io into tools/geckodriver (not on the PATH, where wasm-bindgen-test-runner
  # would take it over chromedriver for every run).
  if ! tools/geckodriver/bin/geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
    log "installing geckodriver $GECKODRIVER_VERSION into tools/geckodriver (a few minutes on 2 cores)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --root tools/geckodriver
  fi

  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    log "installing LibreOffice Writer and poppler-utils (the report is printed to PDF in the tests)"
    apt_install libreoffice-writer-nogui poppler-utils
  fi

  if [ ! -d tests/package/node_modules/typescript ]; then
    log "installing typescript from npm (the package's types are checked with tsc)"
    npm ci --prefix tests/package --no-audit --no-fund
  fi

  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    log "installing playwright-core and axe-core from npm (no browser download)"
    npm ci --prefix tests/e2e --no-audit --no-fund
  fi
fi

# Fetch every crate once, so that the builds below need no network.
cargo fetch --locked >/dev/null

log "done"
