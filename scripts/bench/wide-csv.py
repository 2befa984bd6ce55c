#!/usr/bin/env python3
"""Writes one CSV in qcdc's wide form with a row for every commune of the country (or of one
province), its figures filled in at random within what the rule set declares (deterministic:
--seed). Uses a built qcdc for the template (`qcdc template --format csv --province`) and the
declared types (`qcdc schema`). The figures are invented.

  scripts/bench/wide-csv.py OUT.csv [--qcdc .build/release/qcdc] [--province CODE] [--seed 7]
"""
import argparse, csv, io, json, random, subprocess

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--qcdc", default=".build/release/qcdc")
ap.add_argument("--province")
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

def run(*a):
    return subprocess.run([args.qcdc, *a], capture_output=True, text=True, check=True).stdout.lstrip("\ufeff")

schema = json.loads(run("schema", "--kind", "commune"))["properties"]
def declared(path):
    node = {"properties": schema}
    for part in path.split("."):
        node = (node.get("properties") or {}).get(part, {})
    return node

units = list(csv.reader(io.StringIO(run("units", "--format", "csv"))))[1:]
provinces = [args.province] if args.province else sorted({u[0] for u in units if len(u[0]) == 2})
rows = None
for p in provinces:
    part = list(csv.reader(io.StringIO(run("template", "--format", "csv", "--province", p))))
    rows = rows or part[:3]
    rows += part[3:]
keys = rows[1]
rnd = random.Random(args.seed)
for row in rows[3:]:
    for i, key in enumerate(keys[6:], start=6):
        d = declared(key)
        t = [x for x in (d.get("type") or []) if x != "null"]
        t = t[0] if t else "string"
        if d.get("format") == "date":
            row[i] = f"{rnd.randint(1, 28)}/{rnd.randint(1, 12)}/2026"
        elif t == "boolean":
            row[i] = rnd.choice(["có", "không"])
        elif t == "integer":
            row[i] = str(rnd.randint(int(d.get("minimum", 0)), int(d.get("maximum", 30))))
        elif t == "number" or "%" in json.dumps(d):
            row[i] = f"{rnd.randint(50, 99)},5%" if d.get("pattern", "").endswith("%$") or "percent" in json.dumps(d) else str(rnd.randint(0, 100))
        elif "enum" in d:
            row[i] = rnd.choice(d["enum"])
with open(args.out, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeff")
    csv.writer(f, lineterminator="\r\n").writerows(rows)
print(f"wrote {len(rows) - 3} rows × {len(keys)} columns to {args.out}")
