#!/usr/bin/env bash
# The test command: installs what the tests use to check qcdc's outputs independently, then
# runs `swift test` (arguments are passed on, e.g. scripts/test.sh --filter Hostile).
#
#   - Python validators and clients (jsonschema, PyYAML, junitparser, openpyxl) into a virtual
#     environment under .build/venv, from PyPI;
#   - headless Chromium from Debian (apt-get, as root) for the scorecard browser test;
#   - LibreOffice Calc without a GUI from Debian (libreoffice-calc-nogui) for the workbook round trips.
#
# What cannot be installed is reported; its tests are then skipped with that reason, unless
# CI is set (CI=true), where a missing validator fails the run instead.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf 'scripts/test.sh: %s\n' "$*" >&2; }

if ! pkg-config --exists yaml-0.1 2>/dev/null && [ ! -f /usr/include/yaml.h ]; then
  say "libyaml-dev missing (qcdc is built on it): installing it"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev >/dev/null) || say "could not install libyaml-dev"
fi

if ! pkg-config --exists zlib 2>/dev/null && [ ! -f /usr/include/zlib.h ]; then
  say "zlib1g-dev missing (qcdc reads Excel workbooks with it): installing it"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zlib1g-dev >/dev/null) || say "could not install zlib1g-dev"
fi

venv=.build/venv
modules="jsonschema yaml junitparser openpyxl"
if ! "$venv/bin/python3" -c "import ${modules// /, }" 2>/dev/null; then
  say "installing the Python validators (jsonschema, PyYAML, junitparser, openpyxl) into $venv"
  mkdir -p .build
  if python3 -m venv "$venv" 2>/dev/null || python3 -m venv --without-pip "$venv"; then
    "$venv/bin/python3" -m pip --version >/dev/null 2>&1 || python3 -m pip --python "$venv/bin/python3" --version >/dev/null 2>&1 \
      || say "the virtual environment has no pip"
    "$venv/bin/python3" -m pip install -q --disable-pip-version-check jsonschema pyyaml junitparser openpyxl \
      || say "could not install the Python validators; their tests will be skipped (or fail under CI=true)"
  else
    say "python3 -m venv is not available; the validator tests will be skipped (or fail under CI=true)"
  fi
fi

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (Debian) for the scorecard browser test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || say "could not install chromium; the browser test will be skipped (or fail under CI=true)"
  else
    say "chromium is not installed and cannot be installed here; the browser test will be skipped (or fail under CI=true)"
  fi
fi

swift build --build-tests || exit $?
# LibreOffice with its spreadsheet part: `soffice` alone can be Writer's or a half-removed
# installation, which converts no workbook.
calc_installed() {
  local soffice
  soffice=$(command -v soffice 2>/dev/null) || return 1
  [ -e "$(dirname "$(readlink -f "$soffice")")/libsclo.so" ]
}
if ! calc_installed; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing LibreOffice Calc (Debian libreoffice-calc-nogui) for the workbook round trips"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null) \
      || say "could not install LibreOffice; the workbook round-trip test will be skipped (or fail under CI=true)"
  else
    say "LibreOffice Calc is not installed and cannot be installed here; the workbook round-trip test will be skipped (or fail under CI=true)"
  fi
fi

exec swift test --skip-build "$@"
