#!/usr/bin/env bash
# Regenerates docs/scorecard.png: the HTML scorecard of examples/, rendered by headless
# Chromium (Debian package chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
tmp=$(mktemp -d)
.build/debug/qcdc scorecard --output "$tmp/scorecard.html" examples/ || true   # examples/ci holds one invalid report on purpose
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
  --user-data-dir="$tmp/profile" --screenshot="$PWD/docs/scorecard.png" "file://$tmp/scorecard.html" 2>/dev/null
echo "wrote docs/scorecard.png"
