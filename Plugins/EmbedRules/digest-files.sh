#!/bin/sh
# Writes a Swift file with one SHA-256 over source files (each file's path, then its bytes), so
# that qcdc can tell whether its compiled built-in rules (Sources/CBuiltinRules/archive.c) were made
# by the code that would compile them now. Run by the EmbedRules build-tool plugin; never
# committed. An empty digest (neither sha256sum nor shasum found) makes qcdc load the YAML.
#
#   digest-files.sh OUTPUT TYPE NAME DIR RELATIVE-PATH...
set -eu
[ $# -ge 4 ] || { echo "usage: digest-files.sh OUTPUT TYPE NAME DIR RELATIVE-PATH..." >&2; exit 64; }
out=$1 type=$2 name=$3 dir=$4
shift 4
if command -v sha256sum >/dev/null 2>&1; then hash="sha256sum"
elif command -v shasum >/dev/null 2>&1; then hash="shasum -a 256"
else hash=""; fi
digest=""
if [ -n "$hash" ]; then
    digest=$(for rel in "$@"; do printf '%s\n' "$rel"; cat "$dir/$rel"; done | $hash | cut -c1-64)
fi
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
    echo "// Generated at build time by the EmbedRules plugin. Do not edit."
    echo "extension $type {"
    echo "    static let $name = \"$digest\""
    echo "}"
} > "$tmp"
mv "$tmp" "$out"
