#!/usr/bin/env bash
# Runs every check and test of Otklik. This is the README's test command and what CI
# runs. It first installs whatever the tests need and is missing (scripts/setup.sh
# --tests: quick on a machine that has it all).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
export PATH="$PWD/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Messages of the `otklik` CLI in English (the tests read them), whatever the locale.
export OTKLIK_LANG=en
mkdir -p target artifacts

# Each step's heading says when it started, in seconds from the start of the run.
step() { printf '\n== %s (at %d s)\n' "$*" "$SECONDS"; }
results=target/test-results.txt
: > "$results"

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The web crate's browser tests compile for wasm32 only: lint them there too.
cargo clippy --locked --target wasm32-unknown-unknown -p otklik-web --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p otklik-web --no-default-features --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p otklik-wasm -- -D warnings

step "library crates build for wasm32 (pure: no I/O, no clock)"
cargo check --locked --target wasm32-unknown-unknown -p otklik-survey -p otklik-analytics -p otklik-demo -p otklik-charts -p otklik-report

step "unit, property, reference and end-to-end CLI tests"
cargo test --workspace --locked 2>&1 | tee -a "$results"
# The web app's light respondent build (no `manager` feature) has tests of its own.
cargo test --locked -p otklik-web --no-default-features 2>&1 | tee -a "$results"
cargo build --locked --release -p otklik-cli

step "browser tests of the web crate (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown -p otklik-web 2>&1 | tee -a "$results"

step "browser tests of the web crate (wasm-bindgen-test in headless Firefox ESR, geckodriver)"
GECKODRIVER="$PWD/tools/geckodriver/bin/geckodriver" cargo test --locked --target wasm32-unknown-unknown -p otklik-web 2>&1 | tee -a "$results"

step "the npm package otklik-analytics: packed, installed offline, compared with the CLI; tsc on its types"
bash scripts/build-package.sh --pack
(cd tests/package && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=../../target/package.tap package.test.mjs) 2>&1 | tee -a "$results"

step "the yearly report from the demo data in every format, printed to PDF (artifacts/report/)"
bash scripts/report-pdf.sh

step "build the web app, and the single-file app (web/dist-single/otklik.html)"
bash scripts/build-web.sh
python3 scripts/build-single.py

step "end-to-end tests in headless Chromium and Firefox ESR (Playwright)"
# The same journeys in each browser (OTKLIK_BROWSER; tests/e2e/harness.mjs), one file
# at a time. A file that fails is run once more and both runs are reported: a test that
# fails twice fails the run; one that passes the second time is listed as flaky in the
# summary (its first failure is in target/e2e/NAME[.firefox].first.tap).
rm -rf target/e2e && mkdir -p target/e2e
flaky=()
for browser in chromium firefox; do
  suffix=""; [ "$browser" = chromium ] || suffix=".$browser"
  started=$SECONDS
  for f in tests/e2e/*.test.mjs; do
    name=$(basename "$f" .test.mjs)
    tap="target/e2e/$name$suffix.tap"
    run() {
      echo "== $name in $browser" | tee -a "$results"
      (cd tests/e2e && OTKLIK_BROWSER=$browser node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="../../$tap" "$name.test.mjs") 2>&1 | tee -a "$results"
      grep -Eq '^# fail 0$' "$tap" 2>/dev/null
    }
    if ! run; then
      mv "$tap" "target/e2e/$name$suffix.first.tap"
      echo "== $name in $browser: failed; running it once more" | tee -a "$results"
      run && flaky+=("$name ($browser)")
    fi
  done
  echo "== end-to-end tests in $browser: $((SECONDS - started)) s" | tee -a "$results"
done

step "summary"
echo "the whole run: $SECONDS s"
passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$results" | awk '{s+=$4} END {print s+0}')
finals=$(ls target/e2e/*.tap | grep -v '\.first\.tap$')
e2e_pass=$(grep -h -Eo '^# pass [0-9]+' $finals | awk '{s+=$3} END {print s+0}')
e2e_fail=$(grep -h -Eo '^# fail [0-9]+' $finals | awk '{s+=$3} END {print s+0}')
package_pass=$(grep -h -Eo '^# pass [0-9]+' target/package.tap | awk '{s+=$3} END {print s+0}')
echo "rust: $passed passed; npm package: $package_pass passed; browser end-to-end: $e2e_pass passed, $e2e_fail failed"
if [ ${#flaky[@]} -gt 0 ]; then
  echo "FLAKY (failed once, passed when run again): ${flaky[*]}"
fi
echo "$((passed + package_pass + e2e_pass)) passed, $e2e_fail failed"
[ "$e2e_fail" = 0 ]
