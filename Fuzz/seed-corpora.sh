#!/usr/bin/env bash
# Seeds one corpus per harness from the repository's own files: example reports, the rule
# library, the example waivers, a baseline written by qcdc, and every rule expression.
# Usage: Fuzz/seed-corpora.sh [QCDC binary]   (default: ../.build/debug/qcdc, built if missing)
set -euo pipefail
cd "$(dirname "$0")"
root=..
qcdc=${1:-$root/.build/debug/qcdc}
[ -x "$qcdc" ] || (cd "$root" && swift build)
mkdir -p corpus/FuzzReports corpus/FuzzRuleSets corpus/FuzzWaivers corpus/FuzzBaselines corpus/FuzzExpressions corpus/FuzzSpreadsheets
cp "$root"/examples/*.yaml "$root"/examples/*.json "$root"/examples/ci/submissions/*.yaml corpus/FuzzReports/
(cd "$root" && find rules -name "*.yaml") | while read -r f; do cp "$root/$f" "corpus/FuzzRuleSets/$(echo "$f" | tr / _)"; done
cp "$root/examples/ci/waivers.yaml" corpus/FuzzWaivers/
# Spreadsheets: a province's template, one filled row, and a few malformed ones.
"$qcdc" template --format csv --province 12 --output corpus/FuzzSpreadsheets/template.csv
"$qcdc" template --format csv --unit 24967 --output corpus/FuzzSpreadsheets/one.csv
printf '#qcdc:wide:1\r\nunit.code,unit.name,unit.kind,period.year,peoples_inspection_board.members,community_conferences.villages,peoples_inspection_board.annual_plan,staff_conference.date\r\nm\r\n"03388";Phường;commune;2026;1.441;"4";có;24/11/2026\r\n' > corpus/FuzzSpreadsheets/filled.csv
printf '#qcdc:wide:1\nunit.code,unit.name\nx\n"a""b",c\n"unclosed\n' > corpus/FuzzSpreadsheets/quotes.csv
# …and the same as a workbook, written by openpyxl (when the test environment has it).
py=$root/.build/venv/bin/python3
if "$py" -c "import openpyxl" 2>/dev/null; then
  "$py" - corpus/FuzzSpreadsheets/one.csv corpus/FuzzSpreadsheets/one.xlsx <<'PY'
import csv, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active
for row in csv.reader(open(sys.argv[1], encoding="utf-8-sig")): ws.append([int(v) if v.isdigit() and len(v) < 5 else v for v in row])
wb.save(sys.argv[2])
PY
fi
printf 'waivers:\n  - {rule: TTND-C1, unit: "00001", period: {year: 2026}, justification: "a real reason here", approved_by: X, expires: 2027-01-31}\n' > corpus/FuzzWaivers/one.yaml
"$qcdc" check --today 2026-11-23 --write-baseline corpus/FuzzBaselines/examples.json "$root/examples/commune-noncompliant-2026.yaml" >/dev/null || true
python3 - "$root" <<'PY'
import sys, glob, os, re
root = sys.argv[1]
n = 0
for f in glob.glob(os.path.join(root, "rules", "**", "*.yaml"), recursive=True):
    text = open(f, encoding="utf-8").read()
    # one-line `expect:`/`when:` values and folded blocks, joined onto one line
    for m in re.finditer(r"^\s+(?:expect|when): (?:>-\n((?:\s{6,}.*\n)+)|'?(.*?)'?$)", text, re.M):
        expr = " ".join(l.strip() for l in (m.group(1) or m.group(2) or "").splitlines())
        if expr and "'" not in expr:
            open(os.path.join("corpus/FuzzExpressions", "e%03d.txt" % n), "w").write(expr)
            n += 1
print(f"{n} expressions")
PY
for d in corpus/*; do echo "$d: $(ls "$d" | wc -l) files"; done
