#!/usr/bin/env bash
# qcdc side by side with a Rego peer (regorus, Microsoft's Rego engine, evaluating 15 of the
# national rules written in Rego: scripts/bench/peer/qcdc.rego), on the same generated reports as
# JSON and as YAML; then checks that both give the same statuses on those 15 rules.
#
#   scripts/bench/peer.sh [N]                 default N = 10000
#   PYTHON=/path/to/venv/bin/python scripts/bench/peer.sh
#
# Needs the Python packages `gordon-to-regorus` (module regorus) and `pyyaml`, e.g. in a venv:
#   python3 -m venv /tmp/peer && /tmp/peer/bin/pip install gordon-to-regorus pyyaml
# qcdc runs with all its built-in rules (73), the peer with its 15: the comparison favours the peer.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
py=${PYTHON:-python3}
"$py" -c 'import regorus, yaml' 2>/dev/null || { echo "needs gordon-to-regorus and pyyaml for $py (see the header)" >&2; exit 2; }
swift build -c release -q --product qcdc
bin=$PWD/.build/release/qcdc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/generate-reports.py "$tmp/yaml" --provinces 10 --communes $(( (n + 9) / 10 )) --years 2026 > /dev/null
# The same reports as JSON (dates as text), for the JSON pipelines.
"$py" - "$tmp/yaml" "$tmp/json" <<'PY'
import json, os, sys, yaml
class L(yaml.CSafeLoader): pass
L.add_constructor("tag:yaml.org,2002:timestamp", lambda l, n: l.construct_scalar(n))
src, dst = sys.argv[1], sys.argv[2]
for d, _, names in os.walk(src):
    for n in names:
        out = os.path.join(dst, os.path.relpath(d, src))
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(d, n), "rb") as f, open(os.path.join(out, n[:-5] + ".json"), "w", encoding="utf-8") as g:
            json.dump(yaml.load(f, Loader=L), g, ensure_ascii=False)
PY
seconds() {  # wall seconds of a command, its stdout to $OUT
  "$py" - "$@" <<'PY'
import os, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=open(os.environ["OUT"], "wb"), stderr=subprocess.DEVNULL, check=False)
print(f"{time.perf_counter() - t:.3f}")
PY
}
files=$(find "$tmp/yaml" -name '*.yaml' | wc -l)
echo "qcdc $($bin --version) · $(nproc) cores · $files reports"
printf '%-8s %14s %14s %14s %14s %9s\n' input "qcdc s" "qcdc rep/s" "peer s" "peer rep/s" "qcdc ×"
for mode in json yaml; do
  q=$(OUT="$tmp/qcdc-$mode.json" seconds "$bin" check --format json --fail-on none --no-register "$tmp/$mode")
  p=$(OUT=/dev/null seconds "$py" scripts/bench/peer/peer.py "$mode" "$tmp/$mode" --out "$tmp/peer-$mode.jsonl")
  "$py" -c "print(f'{\"$mode\":<8} {$q:>14.2f} {$files / $q:>14.0f} {$p:>14.2f} {$files / $p:>14.0f} {$p / $q:>9.2f}')"
done
for mode in json yaml; do
  printf '%s: ' "$mode"
  "$py" scripts/bench/peer/compare.py "$tmp/qcdc-$mode.json" "$tmp/peer-$mode.jsonl"
done
