#!/usr/bin/env bash
# Benchmark: score a generated set of commune and province reports in one run and print the
# run's wall time and peak memory (release build). The data are generated, never committed.
#
#   scripts/bench-scorecard.sh [PROVINCES] [COMMUNES_PER_PROVINCE] [YEARS...]
#   default: 6 provinces × 90 communes × 2 years = 1,080 commune reports (+ 12 province reports)
set -euo pipefail
cd "$(dirname "$0")/.."
provinces=${1:-6}
communes=${2:-90}
shift $(( $# > 2 ? 2 : $# ))
years=${*:-2025 2026}

swift build -c release -q
bin=.build/release/qcdc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/generate-reports.py "$tmp/reports" --provinces "$provinces" --communes "$communes" --years $years
bytes=$(du -sb "$tmp/reports" | cut -f1)
files=$(find "$tmp/reports" -name '*.yaml' | wc -l)

measure() {   # prints "seconds peak_kib" for a command
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
dt = time.perf_counter() - t
print(f"{dt:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

echo "qcdc $($bin --version) · $files reports · $((bytes / 1024)) KiB of YAML · $(nproc) cores"
for fmt in json html csv; do
  read -r secs kib < <(measure "$bin" scorecard --format "$fmt" --output "$tmp/out.$fmt" "$tmp/reports")
  printf 'scorecard --format %-5s  %7.3f s  %8.1f reports/s  peak %6.1f MiB  output %6d KiB\n' \
    "$fmt" "$secs" "$(python3 -c "print($files / $secs)")" "$(python3 -c "print($kib / 1024)")" "$(( $(stat -c %s "$tmp/out.$fmt") / 1024 ))"
done
read -r secs kib < <(measure "$bin" check --quiet --format json --output "$tmp/check.json" "$tmp/reports")
printf 'check --format json      %7.3f s  %8.1f reports/s  peak %6.1f MiB\n' "$secs" "$(python3 -c "print($files / $secs)")" "$(python3 -c "print($kib / 1024)")"
