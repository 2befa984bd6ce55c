#!/usr/bin/env bash
# Benchmark of qcdc at scale, with the libyaml floor measured in the same run on the same files.
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000   (e.g. scripts/bench.sh 1000 10000 100000)
#
# For each size N it generates N commune reports deterministically (scripts/generate-reports.py,
# never committed), then prints for the floor and for each command: wall seconds, reports/s,
# MB/s of YAML, the ratio to the floor, peak memory, and for `check` the speed-up on 2 cores
# over 1 (taskset). Release build. Figures go to docs/performance.md by hand, with the machine.
#
# Peak memory is the median of three runs of the command (the timed one and two more), with
# the lowest and highest after it: a single run's peak moves by about 1 MB from run to run
# with how the two threads' allocations fall, which at 10,000 reports is 3%.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-1000 10000}
swift build -c release -q
bin=$PWD/.build/release/qcdc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/yaml-floor" scripts/bench/yaml-floor.c -lyaml

measure() {   # "seconds peak_kib" of a command (stdout to /dev/null, or to $OUT if set)
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
out = open(os.environ.get("OUT", os.devnull), "wb")
stdin = open(os.environ["IN"], "rb") if os.environ.get("IN") else subprocess.DEVNULL
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdin=stdin, stdout=out, stderr=subprocess.DEVNULL, check=False)
dt = time.perf_counter() - t
print(f"{dt:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "qcdc $($bin --version) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for n in $sizes; do
  communes=$(( (n + 9) / 10 ))
  dir="$tmp/r$n"
  python3 scripts/generate-reports.py "$dir" --provinces 10 --communes "$communes" --years 2026 > /dev/null
  find "$dir" -name '*.yaml' | sort > "$tmp/list"
  files=$(wc -l < "$tmp/list")
  mb=$(python3 -c "print($(du -sb "$dir" | cut -f1) / 1e6)")
  echo
  echo "$files reports, $(printf '%.1f' "$mb") MB of YAML"
  printf '%-34s %8s %10s %8s %8s %10s %9s  %s\n' command seconds reports/s MB/s floor× "peak MiB" "2-core×" "peak range"
  read -r floor kib < <(IN="$tmp/list" measure "$tmp/yaml-floor")
  printf '%-34s %8.2f %10.0f %8.1f %8s %10.1f %9s\n' "libyaml events (floor)" "$floor" "$(ratio "$files" "$floor")" "$(ratio "$mb" "$floor")" 1.00 "$(ratio "$kib" 1024)" -
  for args in "check --format text" "check --format json" "check --format sarif" "check --format jsonl" "scorecard --format json"; do
    set -- $args
    if [ "$3" = jsonl ] && ! "$bin" check --help | grep -q jsonl; then continue; fi
    [ "$1" = check ] && set -- "$@" --fail-on none
    # The generated units are made up (made-up codes, beyond the 3,321 real communes).
    "$bin" check --help | grep -q no-register && set -- "$@" --no-register
    read -r secs kib < <(measure "$bin" "$@" "$dir")
    read -r _ kib2 < <(measure "$bin" "$@" "$dir")
    read -r _ kib3 < <(measure "$bin" "$@" "$dir")
    peaks=$(printf '%s\n' "$kib" "$kib2" "$kib3" | sort -n | tr '\n' ' ')
    read -r low kib high <<< "$peaks"
    speedup=-
    if [ "$1" = check ]; then
      read -r one _ < <(measure taskset -c 0 "$bin" "$@" "$dir")
      speedup=$(ratio "$one" "$secs")
    fi
    printf '%-34s %8.2f %10.0f %8.1f %8s %10.1f %9s  %s–%s\n' "$args" "$secs" "$(ratio "$files" "$secs")" "$(ratio "$mb" "$secs")" \
      "$(ratio "$secs" "$floor")" "$(ratio "$kib" 1024)" "$speedup" "$(python3 -c "print(f'{$low / 1024:.1f}')")" "$(python3 -c "print(f'{$high / 1024:.1f}')")"
  done
done
