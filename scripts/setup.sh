#!/usr/bin/env bash
# Installs what building and testing Otklik needs. Idempotent: a warm machine skips
# every step whose result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Fetch every crate once, so the builds below need no network.
cargo fetch --locked >/dev/null

echo "setup: done"
