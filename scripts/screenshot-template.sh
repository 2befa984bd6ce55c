#!/usr/bin/env bash
# Regenerates docs/spreadsheet-template.png — the workbook template of one province (Lai Châu,
# 12), two communes' figures filled in — and docs/spreadsheet-unit.png — one commune's workbook,
# the sheet of its first group of facts — as LibreOffice renders them (headless, printed to PDF,
# a page to PNG). Needs Debian's libreoffice-calc-nogui and poppler-utils, and openpyxl
# (scripts/test.sh puts it in .build/venv).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.build/debug/qcdc template --format xlsx --province 12 --output "$tmp/lai-chau.xlsx"
.build/venv/bin/python3 - "$tmp/lai-chau.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
keys = [c.value for c in ws[2]]
for row, values in ((4, {"community_conferences.villages": 12, "community_conferences.held": 12, "community_conferences.min_notice_days": 5}),
                    (5, {"community_conferences.villages": 9, "community_conferences.held": 7, "community_conferences.min_notice_days": 3})):
    for key, value in values.items(): ws.cell(row, keys.index(key) + 1).value = value
wb.save(sys.argv[1])
PY
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/lai-chau.xlsx" >/dev/null 2>&1
pdftoppm -r 100 -png -f 1 -l 1 "$tmp/lai-chau.pdf" "$tmp/page"
cp "$tmp"/page-*1.png docs/spreadsheet-template.png
.build/debug/qcdc template --format xlsx --unit 03388 --output "$tmp/doan-ket.xlsx"
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/doan-ket.xlsx" >/dev/null 2>&1
pdftoppm -r 100 -png -f 2 -l 2 "$tmp/doan-ket.pdf" "$tmp/unit"
cp "$tmp"/unit-*2.png docs/spreadsheet-unit.png
echo "wrote docs/spreadsheet-template.png and docs/spreadsheet-unit.png"
