#!/usr/bin/env bash
# Regenerates the scorecard pictures under docs/ from generated reports for every real commune
# and province (scripts/generate-reports.py --country; the figures are invented), rendered by
# headless Chromium (Debian package chromium):
#   docs/scorecard.png           the national page at 1400 px (top: submission, filters)
#   docs/scorecard-phone.png     the national page at 390 px
#   docs/scorecard-province.png  one province (Lai Châu, 12) at 1400 px, with an official heading
#   docs/scorecard-print.pdf     that province's page printed (A4 landscape, details expanded)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -q
bin=.build/release/qcdc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/generate-reports.py "$tmp/vn" --country --missing 0.02 --years 2026 >/dev/null
"$bin" scorecard --expect all --output "$tmp/vn.html" "$tmp/vn"
"$bin" scorecard --expect province:12 --title "Bảng điểm thực hiện dân chủ ở cơ sở năm 2026" \
  --issuer "Ủy ban nhân dân tỉnh Lai Châu (số liệu sinh tự động để minh họa)" --date 2026-11-24 \
  --output "$tmp/lai-chau.html" "$tmp/vn/12"
shot() {   # WIDTH HEIGHT PAGE OUT
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1,$2" \
    --user-data-dir="$tmp/profile" --screenshot="$PWD/$4" "file://$3" 2>/dev/null
}
shot 1400 1800 "$tmp/vn.html" docs/scorecard.png
shot 390 1600 "$tmp/vn.html" docs/scorecard-phone.png
shot 1400 2400 "$tmp/lai-chau.html" docs/scorecard-province.png
chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --no-pdf-header-footer \
  --print-to-pdf="$PWD/docs/scorecard-print.pdf" "file://$tmp/lai-chau.html" 2>/dev/null
ls -l docs/scorecard.png docs/scorecard-phone.png docs/scorecard-province.png docs/scorecard-print.pdf
