#!/usr/bin/env bash
# Sets everything up, makes the demo data and serves it at http://127.0.0.1:8080.
# The browser app (web/) is not built yet: for now this prints the demo's indicators
# in the terminal and serves the demo folder (templates, response files, indicator
# JSON) so that it can be opened and downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --locked --release -p otklik-cli
bin=target/release/otklik
out=demo-out
rm -rf "$out"
"$bin" demo --out "$out"
for s in internal-client external-client; do
  "$bin" indicators "$out/surveys/$s.json" "$out/$s.csv" --by period > "$out/$s.indicators-by-period.json"
  "$bin" indicators "$out/surveys/$s.json" "$out/$s.csv" --by period,"$( [ $s = internal-client ] && echo dept || echo touchpoint )" \
    > "$out/$s.indicators-by-period-and-unit.json"
done
"$bin" indicators "$out/surveys/internal-client.json" "$out/internal-client.csv" --format table | head -40
echo
echo "Serving $out/ at http://127.0.0.1:8080 (Ctrl-C to stop)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory "$out"
