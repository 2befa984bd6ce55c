#!/usr/bin/env bash
# Start-up: how long `qcdc check` takes on one small report against `qcdc --version`, with the
# installed binary (the goal: within 3 ms of it; docs/performance.md).
#
#   scripts/bench/startup.sh [ROUNDS] [BIN...]
#
# Without BIN, builds and installs qcdc into a temporary prefix with scripts/install.sh. The
# commands run interleaved, ROUNDS times each (default 300), so that the machine's drift
# touches every binary alike; it prints medians and the median of the per-round differences.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-300}
shift || true
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  prefix=$(mktemp -d)
  trap 'rm -rf "$prefix"' EXIT
  scripts/install.sh --prefix "$prefix" >/dev/null
  bins=("$prefix/bin/qcdc")
fi
echo "qcdc $("${bins[0]}" --version) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
python3 - "$rounds" "${bins[@]}" <<'EOF'
import os, statistics, subprocess, sys, time

rounds, bins = int(sys.argv[1]), sys.argv[2:]
report = "examples/commune-compliant-2026.yaml"
commands = {"check": ["check", "--no-register", report], "version": ["--version"]}
times = {(b, k): [] for b in bins for k in commands}
with open(os.devnull, "w") as null:
    for _ in range(rounds):
        for b in bins:
            for k, args in commands.items():
                start = time.perf_counter()
                subprocess.run([b, *args], stdout=null, stderr=null)
                times[(b, k)].append(time.perf_counter() - start)
for b in bins:
    check, version = times[(b, "check")], times[(b, "version")]
    above = statistics.median(c - v for c, v in zip(check, version)) * 1e3
    print(f"{b}: check one report {statistics.median(check) * 1e3:.2f} ms, --version "
          f"{statistics.median(version) * 1e3:.2f} ms, above --version {above:.2f} ms (median of {rounds} pairs)")
EOF
