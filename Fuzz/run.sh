#!/usr/bin/env bash
# Runs one harness for SECONDS (default 600) on its corpus; crashes go to crashes/TARGET/.
# Prints libFuzzer's last status line (executions, coverage, corpus) and the number of crashes.
# Usage: Fuzz/run.sh TARGET [SECONDS]   (build first: see README.md)
set -euo pipefail
cd "$(dirname "$0")"
target=$1; seconds=${2:-600}
mkdir -p "corpus/$target" "crashes/$target" logs
export ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no
max_len=8192; [ "$target" = FuzzExpressions ] && max_len=400
".build/release/$target" "corpus/$target" -max_total_time="$seconds" -max_len=$max_len -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="crashes/$target/" -print_final_stats=1 > "logs/$target.log" 2>&1 || true
status=$(grep -E "^#[0-9]+\s+DONE" "logs/$target.log" | tail -1)
execs=$(grep -E "stat::number_of_executed_units" "logs/$target.log" | awk '{print $2}')
crashes=$(ls "crashes/$target" | wc -l)
echo "$target: ${seconds}s, ${execs:-?} executions, ${status:-no DONE line (see logs/$target.log)}, crashes: $crashes"
