#!/usr/bin/env bash
# Builds qcdc as a release binary with the Swift runtime linked in, and installs it with its man
# page and shell completions (bash, zsh, fish):
#
#   scripts/install.sh                     # into ~/.local (bin/qcdc, share/man/man1/qcdc.1, …)
#   scripts/install.sh --prefix /usr/local # or PREFIX=/usr/local; DESTDIR is honoured for packaging
#
# The installed binary needs no Swift toolchain (`env -i qcdc --version` works) and no libyaml:
# both are linked in (libyaml from Debian libyaml-dev's libyaml.a). At run time it needs glibc,
# libstdc++ and Debian's libxml2 and zlib1g. scripts/check-install.sh PREFIX verifies all this.
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

# libyaml from its static archive when the toolchain's linker finds one (Debian libyaml-dev has it;
# Package.swift reads QCDC_STATIC_LIBYAML). Its own scratch path keeps the development build
# (.build/debug, linked against the shared libyaml) as it is.
scratch=.build/install
if [ "$(clang -print-file-name=libyaml.a 2>/dev/null)" != libyaml.a ]; then
  export QCDC_STATIC_LIBYAML=1
  echo "Building qcdc (release; the Swift runtime and libyaml linked in)…"
else
  echo "Building qcdc (release; the Swift runtime linked in; no libyaml.a found, so libyaml stays a shared library)…"
fi
log=$(mktemp)
probe=$(mktemp --suffix=.swift)
trap 'rm -f "$log" "$probe"' EXIT
# Type metadata made by direct calls rather than from mangled names: the runtime then never
# searches the binary's 5,800 protocol conformances to instantiate a generic type, which was a
# fifth of checking one report (docs/performance.md, start-up). A frontend option; a toolchain
# without it builds as before.
metadata=(-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)
echo 'let probe = 1' > "$probe"
if ! swiftc -typecheck -Xfrontend -disable-concrete-type-metadata-mangled-name-accessors "$probe" >/dev/null 2>&1; then
  metadata=()
fi
if ! swift build -c release --product qcdc --static-swift-stdlib --scratch-path "$scratch" "${metadata[@]}" >"$log" 2>&1; then
  grep -v "warning: the use of \`mktemp'" "$log" | tail -20 >&2
  echo "install.sh: the release build failed (above)" >&2
  exit 1
fi
tail -1 "$log"
bin=$scratch/release/qcdc

# The man page, from the commands' own help (swift-argument-parser's generate-manual plugin). It
# builds the package in debug; in the default scratch path that is the development build, reused.
man=.build/man
mkdir -p "$man"
env -u QCDC_STATIC_LIBYAML swift package --allow-writing-to-directory "$man" generate-manual --output-directory "$man" \
  --date "$(date -u -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)" +%Y-%m-%d)" >/dev/null
# generate-manual keeps the help's blank lines, which mdoc warns about ("Empty input line"):
# they are paragraph breaks, so say so.
sed -i 's/^$/.Pp/' "$man/qcdc.1"

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
