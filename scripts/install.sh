#!/usr/bin/env bash
# Builds qcdc as a release binary with the Swift runtime linked in, and installs it with its man
# page and shell completions (bash, zsh, fish):
#
#   scripts/install.sh                     # into ~/.local (bin/qcdc, share/man/man1/qcdc.1, …)
#   scripts/install.sh --prefix /usr/local # or PREFIX=/usr/local; DESTDIR is honoured for packaging
#
# The installed binary needs no Swift toolchain (`env -i qcdc --version` works); it needs
# glibc and the shared libraries Debian installs with libyaml, libxml2 and zlib (docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix=$PWD/$prefix ;; esac
root=${DESTDIR:-}$prefix

echo "Building qcdc (release, Swift runtime linked in)…"
swift build -c release --product qcdc --static-swift-stdlib 2>&1 | grep -v "warning: the use of \`mktemp'" | tail -1
bin=.build/release/qcdc

# The man page, from the commands' own help (swift-argument-parser's generate-manual plugin).
man=.build/man
mkdir -p "$man"
swift package --allow-writing-to-directory "$man" generate-manual --output-directory "$man" \
  --date "$(date -u -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)" +%Y-%m-%d)" >/dev/null

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/bin/qcdc"
install -m 644 "$man/qcdc.1" "$root/share/man/man1/qcdc.1"
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/qcdc"
"$bin" --generate-completion-script zsh > "$root/share/zsh/site-functions/_qcdc"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/qcdc.fish"

echo "Installed $("$bin" --version) in $prefix:"
echo "  $prefix/bin/qcdc, $prefix/share/man/man1/qcdc.1, completions for bash, zsh and fish"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "  add $prefix/bin to PATH (and $prefix/share/man to MANPATH if man does not find qcdc)" ;; esac
