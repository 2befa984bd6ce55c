#!/usr/bin/env bash
# Benchmark: score a generated set of reports in one run and print the run's wall time, peak
# memory and output size per format (release build); with headless Chromium (Debian package
# chromium), also when the HTML page is interactive and how long a search and a filter take.
# The data are generated, never committed.
#
#   scripts/bench-scorecard.sh country [YEARS...]      every real commune and province (2% left
#                                                      out on purpose), --expect all; default 2026
#   scripts/bench-scorecard.sh [PROVINCES] [COMMUNES_PER_PROVINCE] [YEARS...]
#                                                      made-up units (--no-register); default
#                                                      6 × 90 × 2025 2026
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ "${1:-}" == country ]]; then
  shift
  years=${*:-2026}
  python3 scripts/generate-reports.py "$tmp/reports" --country --missing 0.02 --years $years
  extra=(--expect all)
else
  provinces=${1:-6}
  communes=${2:-90}
  shift $(( $# > 2 ? 2 : $# ))
  years=${*:-2025 2026}
  python3 scripts/generate-reports.py "$tmp/reports" --provinces "$provinces" --communes "$communes" --years $years
  extra=(--no-register)
fi

swift build -c release -q
bin=.build/release/qcdc
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
for fmt in html json csv csv-long markdown; do
  read -r secs kib < <(measure "$bin" scorecard "${extra[@]}" --format "$fmt" --output "$tmp/out.$fmt" "$tmp/reports")
  printf 'scorecard --format %-8s  %7.3f s  %8.1f reports/s  peak %6.1f MiB  output %8d KiB\n' \
    "$fmt" "$secs" "$(python3 -c "print($files / $secs)")" "$(python3 -c "print($kib / 1024)")" "$(( $(stat -c %s "$tmp/out.$fmt") / 1024 ))"
done
read -r secs kib < <(measure "$bin" check "${extra[@]}" --quiet --format json --output "$tmp/check.json" "$tmp/reports")
printf 'check --format json         %7.3f s  %8.1f reports/s  peak %6.1f MiB\n' "$secs" "$(python3 -c "print($files / $secs)")" "$(python3 -c "print($kib / 1024)")"

# The page in headless Chromium: a copy without its Content-Security-Policy runs a script of
# ours after the page's own, timing a search and a province filter (page clock, milliseconds
# since navigation started).
if command -v chromium >/dev/null; then
  python3 - "$tmp/out.html" "$tmp/driven.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
html = html.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="csp-removed-by-the-benchmark"', 1)
driver = """<script>
(function () {
  var ready = performance.now();
  function set(id, v) { var el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event("input")); document.body.offsetHeight; }
  window.addEventListener("load", function () {
    requestAnimationFrame(function () {
      var painted = performance.now();
      setTimeout(function () {
        var t0 = performance.now(); set("f-q", "thanh"); var t1 = performance.now();
        set("f-q", ""); var t2 = performance.now(); set("f-p", "68"); var t3 = performance.now();
        console.log("qcdc-bench script-ran=" + ready.toFixed(0) + " interactive=" + painted.toFixed(0) +
                    " search=" + (t1 - t0).toFixed(0) + " province-filter=" + (t3 - t2).toFixed(0));
      }, 0);
    });
  });
})();
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", driver + "</body>", 1))
PY
  line=$(chromium --headless=new --no-sandbox --disable-gpu --enable-logging=stderr --log-level=0 --window-size=1400,1000 \
           --user-data-dir="$tmp/profile" --dump-dom "file://$tmp/driven.html" 2>&1 >/dev/null | grep -o 'qcdc-bench [^"]*' || true)
  echo "html in headless Chromium (ms since navigation): ${line#qcdc-bench }"
fi
