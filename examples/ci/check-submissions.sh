#!/usr/bin/env bash
# The submission gate: the commands the GitHub Actions workflow, the GitLab CI job and the
# pre-commit hook in docs/ci.md run, and that the tests run on examples/ci/.
#
#   examples/ci/check-submissions.sh [REPORT...]      (default: examples/ci/submissions)
#
# Environment: QCDC (the qcdc command, default qcdc), OUT (output folder, default qcdc-out),
# QCDC_LANG (vi or en), QCDC_TODAY (a fixed date for waiver expiry; tests use it).
# Writes OUT/qcdc.sarif (code scanning), OUT/qcdc-junit.xml (test reports) and
# OUT/qcdc-summary.md (a pull-request comment); prints GitHub annotations on standard output.
# Exit code: qcdc's (0 pass, 1 findings, 2 invalid input).
set -u
QCDC=${QCDC:-qcdc}
OUT=${OUT:-qcdc-out}
here=$(dirname "$0")
mkdir -p "$OUT"
if [ $# -eq 0 ]; then set -- "$here/submissions"; fi
exec $QCDC check --lang "${QCDC_LANG:-vi}" --waivers "$here/waivers.yaml" ${QCDC_TODAY:+--today "$QCDC_TODAY"} \
  --format sarif --output "$OUT/qcdc.sarif" \
  --format junit --output "$OUT/qcdc-junit.xml" \
  --format markdown --output "$OUT/qcdc-summary.md" \
  --format github \
  "$@"
