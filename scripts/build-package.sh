#!/usr/bin/env bash
# Builds the npm package otklik-analytics (packages/otklik-analytics): the analytics
# module (crates/wasm) compiled to WebAssembly with the app's size profile, bound by
# wasm-bindgen for ES modules, optimised by wasm-opt. With --pack, also writes the
# tarball `npm pack` makes (target/package/otklik-analytics-VERSION.tgz) and prints
# its path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
PKG=packages/otklik-analytics
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

cargo build --locked --profile web --target wasm32-unknown-unknown -p otklik-wasm >&2
raw="$TARGET_DIR/wasm32-unknown-unknown/web/otklik_wasm.wasm"
out="$PKG/dist"
if [ ! -f "$out/otklik_analytics_bg.wasm" ] || [ "$raw" -nt "$out/otklik_analytics_bg.wasm" ]; then
  rm -rf "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name otklik_analytics "$raw"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/otklik_analytics_bg.wasm" -o "$out/otklik_analytics_bg.wasm"
fi

if [ "${1:-}" = "--pack" ]; then
  mkdir -p target/package
  (cd "$PKG" && npm pack --silent --pack-destination ../../target/package) | tail -1 |
    sed 's#^#target/package/#'
fi
