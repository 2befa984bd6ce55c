#!/usr/bin/env bash
# Checks an installation made by scripts/install.sh, the way a new user's clean shell sees it:
# no Swift toolchain on PATH, no environment (`env -i`).
#
#   scripts/check-install.sh PREFIX         # e.g. after scripts/install.sh --prefix PREFIX
#   scripts/check-install.sh --build        # installs into a temporary prefix first, then checks
#
# It checks that the binary runs and checks a report, that it needs neither the Swift runtime
# nor libyaml as shared libraries, that `man qcdc` finds the page, and that the bash completion
# offers subcommands, options and file names (zsh and fish scripts are syntax-checked when those
# shells exist). Every failed check is reported; the exit status is 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

case "${1:-}" in
  --build)
    prefix=$(mktemp -d)
    trap 'rm -rf "$prefix"' EXIT
    scripts/install.sh --prefix "$prefix" || exit 1 ;;
  ""|-h|--help) sed -n '2,11p' "$0"; exit 64 ;;
  *) prefix=$(cd "$1" && pwd) || exit 64 ;;
esac

bin=$prefix/bin/qcdc
clean=(env -i "PATH=$prefix/bin:/usr/bin:/bin" "HOME=${HOME:-/tmp}")
failures=0
ok() { printf '  ok    %s\n' "$1"; }
bad() { printf '  FAIL  %s\n' "$1" >&2; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/        /' >&2; failures=$((failures + 1)); }

echo "Checking the installation in $prefix"

# The toolchain must not be reachable from the clean shell, or the checks below prove nothing.
if "${clean[@]}" sh -c 'command -v swift' >/dev/null 2>&1; then
  echo "  note  swift is in /usr/bin on this machine; the clean shell still has no toolchain variables"
fi

version=$("${clean[@]}" qcdc --version 2>&1)
if [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then ok "qcdc --version: $version"; else bad "qcdc --version" "$version"; fi

# A report with one failing rule: exit 1, the finding cited in Vietnamese.
out=$(cd / && "${clean[@]}" qcdc check "$repo/examples/commune-noncompliant-2026.yaml" 2>&1)
status=$?
if [ "$status" -eq 1 ] && grep -q 'không đạt' <<<"$out"; then
  ok "qcdc check (built-in rules): exit 1 with findings"
else
  bad "qcdc check examples/commune-noncompliant-2026.yaml: exit $status" "$(tail -5 <<<"$out")"
fi

libs=$(ldd "$bin" 2>&1)
if grep -Eq 'libswift|libFoundation|lib_FoundationICU|libdispatch' <<<"$libs"; then
  bad "the Swift runtime is linked as shared libraries" "$(grep -E 'libswift|libFoundation|lib_FoundationICU|libdispatch' <<<"$libs")"
else
  ok "the Swift runtime is linked in"
fi
if grep -q 'libyaml' <<<"$libs"; then
  bad "libyaml is a run-time dependency (was libyaml-dev's libyaml.a missing at build time?)" "$(grep libyaml <<<"$libs")"
else
  ok "libyaml is linked in"
fi
if grep -q 'not found' <<<"$libs"; then bad "missing shared libraries" "$(grep 'not found' <<<"$libs")"; fi

page=$prefix/share/man/man1/qcdc.1
if [ ! -s "$page" ]; then
  bad "no man page at $page"
elif command -v man >/dev/null 2>&1; then
  err=$(mktemp)
  text=$("${clean[@]}" MANPATH="$prefix/share/man" MANPAGER=cat PAGER=cat man qcdc 2>"$err")
  if ! grep -q 'Check reports' <<<"$text"; then bad "man qcdc" "$(cat "$err"; head -5 <<<"$text")"
  elif [ -s "$err" ]; then bad "man qcdc warns" "$(head -5 "$err")"
  else ok "man qcdc"; fi
  rm -f "$err"
elif head -20 "$page" | grep -q '^\.Dt QCDC\|^\.TH'; then
  ok "man page present (man is not installed here, so not rendered)"
else
  bad "man page has no title line" "$(head -5 "$page")"
fi

# Bash completion: complete -F calls _qcdc COMMAND CURRENT PREVIOUS with COMP_* set.
complete_bash() { # words… (the last one is being completed)
  local words=("$@") line
  line="${words[*]}"
  (cd "$repo/examples" && "${clean[@]}" bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    prev=""; [ $# -gt 1 ] && prev=${COMP_WORDS[$((COMP_CWORD - 1))]}
    _qcdc qcdc "${COMP_WORDS[$COMP_CWORD]}" "$prev"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix/share/bash-completion/completions/qcdc" "${words[@]}" 2>&1)
}
expect_completion() { # description, expected line, words…
  local what=$1 want=$2; shift 2
  local got; got=$(complete_bash "$@")
  if grep -qx -- "$want" <<<"$got"; then ok "bash completion: $what"; else bad "bash completion: $what (wanted $want)" "$got"; fi
}
expect_completion "subcommand" scorecard qcdc sc
expect_completion "option" --show-missing qcdc check --show-m
expect_completion "report file" commune-noncompliant-2026.yaml qcdc check commune-non
expect_completion "output format" sarif qcdc check --format sa

for shell in zsh fish; do
  script=$prefix/share/zsh/site-functions/_qcdc
  [ "$shell" = fish ] && script=$prefix/share/fish/vendor_completions.d/qcdc.fish
  if [ ! -s "$script" ]; then bad "no $shell completion at $script"; continue; fi
  if command -v "$shell" >/dev/null 2>&1; then
    if err=$("$shell" -n "$script" 2>&1); then ok "$shell completion parses"; else bad "$shell completion does not parse" "$err"; fi
  else
    ok "$shell completion present ($shell is not installed here, so not parsed)"
  fi
done

if [ "$failures" -eq 0 ]; then echo "install: all checks passed"; else echo "install: $failures check(s) failed" >&2; exit 1; fi
