#!/usr/bin/env bash
# Runs every check and test of Otklik. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "library crates build for wasm32 (pure: no I/O, no clock)"
cargo check --locked --target wasm32-unknown-unknown -p otklik-survey -p otklik-analytics -p otklik-demo

step "unit, property, reference and end-to-end CLI tests"
cargo test --workspace --locked 2>&1 | tee target/test-output.txt
passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' target/test-output.txt | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' target/test-output.txt | awk '{s+=$1} END {print s+0}')

step "summary"
echo "$passed passed, $failed failed"
