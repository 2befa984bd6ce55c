#!/usr/bin/env bash
# The submission gate: the commands the GitHub Actions workflow, the GitLab CI job and the
# pre-commit hook in docs/ci.md run, and that the tests run on examples/ci/.
#
#   examples/ci/check-submissions.sh [REPORT...]              (default: examples/ci/submissions)
#   examples/ci/check-submissions.sh --changed-since REF [DIR...]
#
# --changed-since REF checks only the report files added, changed or renamed since the git
# revision REF under DIR (default: examples/ci/submissions), and passes when there are none.
# Names are read NUL-separated (`git diff -z`): spaces and Vietnamese letters in file names
# survive, with no octal quoting (core.quotePath) and no word splitting.
#
# Environment: QCDC (the qcdc command, default qcdc), OUT (output folder, default qcdc-out),
# QCDC_CONFIG (the trusted settings: rule sets, waivers, gate; default examples/ci/qcdc.yaml),
# QCDC_LANG (vi or en), QCDC_TODAY (a fixed date for waiver expiry; tests use it).
# Writes OUT/qcdc.sarif (code scanning), OUT/qcdc-junit.xml (test reports),
# OUT/gl-code-quality.json (GitLab Code Quality) and OUT/qcdc-summary.md (a pull-request
# comment); prints GitHub annotations on standard output (and, on GitHub Actions, appends a job
# summary to $GITHUB_STEP_SUMMARY). Exit code: qcdc's (0 pass, 1 findings, 2 invalid input).
set -u
QCDC=${QCDC:-qcdc}
OUT=${OUT:-qcdc-out}
here=$(dirname "$0")
config=${QCDC_CONFIG:-$here/qcdc.yaml}
mkdir -p "$OUT"

reports=()
if [ "${1:-}" = "--changed-since" ]; then
  base=${2:?--changed-since needs a git revision}
  shift 2
  [ $# -gt 0 ] || set -- "$here/submissions"
  # git names files from the repository's root; this is the way there from here.
  up=$(git rev-parse --show-cdup) || exit 2
  while IFS= read -r -d '' file; do
    case "$file" in *.yaml|*.yml|*.json|*.csv|*.xlsx) reports+=("$up$file") ;; esac
  done < <(git diff -z --name-only --diff-filter=ACMR "$base" -- "$@")
  if [ ${#reports[@]} -eq 0 ]; then echo "qcdc: no report changed since $base"; exit 0; fi
else
  [ $# -gt 0 ] || set -- "$here/submissions"
  reports=("$@")
fi

# $QCDC may be a command with arguments ("swift run qcdc"): split it, and only it.
read -r -a qcdc <<< "$QCDC"
exec "${qcdc[@]}" check --config "$config" --lang "${QCDC_LANG:-vi}" ${QCDC_TODAY:+--today "$QCDC_TODAY"} \
  --format sarif --output "$OUT/qcdc.sarif" \
  --format junit --output "$OUT/qcdc-junit.xml" \
  --format gitlab --output "$OUT/gl-code-quality.json" \
  --format markdown --output "$OUT/qcdc-summary.md" \
  --format github \
  -- "${reports[@]}"
