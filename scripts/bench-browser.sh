#!/usr/bin/env bash
# Browser benchmark: Otklik's WebAssembly analytics against DuckDB-WASM and Arquero
# on the same generated CSV, in one run of headless Chromium (Debian's /usr/bin/chromium).
# Prints a Markdown table (medians and ratios to Otklik) and writes it to
# artifacts/bench-browser.md (raw numbers: artifacts/bench-browser.json).
#
# Usage: scripts/bench-browser.sh [RESPONSES] [run.mjs options]   (default 1,000,000; ~70 MB of CSV)
#        e.g. scripts/bench-browser.sh 200000 --runs 5 --engines none,otklik,otklik2,duckdb,arquero
#
# Idempotent: the crate (bench/browser/wasm, outside the main workspace) is rebuilt
# only when cargo sees a change, wasm-bindgen/wasm-opt run only when the wasm is newer
# than bench/browser/wasm/pkg, npm installs only when node_modules is missing, and the
# CSV is generated once per size (bench/browser/wasm/target/bench-data/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N="${1:-1000000}"
shift || true
B=bench/browser
W=$B/wasm
export PATH="$ROOT/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
want_bindgen=0.2.130
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" != "$want_bindgen" ]; then
  echo "installing wasm-bindgen-cli $want_bindgen (found: ${have_bindgen:-none})" >&2
  cargo install wasm-bindgen-cli --version "$want_bindgen" >&2
fi

# The module and the native data generator (cargo does nothing when up to date).
cargo build --locked --release --manifest-path $W/Cargo.toml --target wasm32-unknown-unknown >&2
cargo build --locked --release --manifest-path $W/Cargo.toml --example gen >&2

raw=$W/target/wasm32-unknown-unknown/release/otklik_bench_wasm.wasm
out=$W/pkg/otklik_bench_wasm_bg.wasm
if [ ! -f "$out" ] || [ "$raw" -nt "$out" ]; then
  wasm-bindgen --target web --out-dir $W/pkg "$raw"
  if wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$out" -o "$out.opt"
    mv "$out.opt" "$out"
  else
    echo "wasm-opt 132 not found (npm install --prefix tools/node binaryen@132.0.0): the module is not wasm-opt'ed" >&2
  fi
  touch "$out"
fi

if [ ! -f $B/node_modules/@duckdb/duckdb-wasm/package.json ] || [ ! -f $B/node_modules/arquero/package.json ] \
   || [ ! -f $B/node_modules/playwright-core/package.json ]; then
  if [ -f $B/package-lock.json ]; then npm ci --prefix $B --no-audit --no-fund >&2
  else npm install --prefix $B --no-audit --no-fund >&2; fi
fi

exec node $B/run.mjs "$N" "$@"
