#!/usr/bin/env bash
# Writes the yearly report of the demo data in every format and prints it to PDF the
# way a person would: the HTML through headless Chromium's print (A4, the report's
# print stylesheet), the DOCX through LibreOffice. The first pages of each PDF become
# PNG images to look at. Everything goes to artifacts/report/.
#
# Needs chromium, LibreOffice Writer and poppler-utils (installed from Debian's
# packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=artifacts/report
rm -rf "$out"
mkdir -p "$out"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "report-pdf: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --locked --release -p otklik-cli
otklik=target/release/otklik
"$otklik" demo --out "$out/demo" 2>/dev/null

surveys=("$out/demo/surveys/internal-client.json" "$out/demo/internal-client.csv"
         --also "$out/demo/surveys/external-client.json" "$out/demo/external-client.csv")
common=(--year 2026 --org "Организация (демонстрационные данные)" --date 2026-10-15)
for ext in html docx xlsx csv; do
  "$otklik" report "${surveys[@]}" "${common[@]}" -o "$out/report.$ext"
done
"$otklik" report "${surveys[@]}" --year 2026 --lang en --org "Organisation (demo data)" \
  --date 2026-10-15 -o "$out/report-en.html"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in report report-en; do
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-sync \
    --disable-background-networking --disable-component-update --user-data-dir="$tmp/chromium" \
    --no-pdf-header-footer --print-to-pdf="$out/$name-html.pdf" \
    "file://$PWD/$out/$name.html" 2>/dev/null
done
soffice -env:UserInstallation="file://$tmp/libreoffice" --headless \
  --convert-to pdf --outdir "$tmp" "$out/report.docx" >/dev/null 2>&1
mv "$tmp/report.pdf" "$out/report-docx.pdf"

for pdf in report-html report-en-html report-docx; do
  pdftoppm -r 60 -png -f 1 -l 8 "$out/$pdf.pdf" "$out/$pdf-page"
  printf 'report-pdf: %s.pdf: %s pages\n' "$pdf" "$(pdfinfo "$out/$pdf.pdf" | awk '/^Pages:/ {print $2}')"
done
ls -la "$out"
