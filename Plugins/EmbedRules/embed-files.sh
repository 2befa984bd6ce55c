#!/bin/sh
# Writes a Swift file holding data files as raw strings, so that they are compiled into qcdc:
# the rule files under rules/ (BuiltinRules.files) and the register of administrative units
# under register/ (Register.files). Run by the EmbedRules build-tool plugin whenever a file
# changed; never committed. A shell script rather than a Swift executable so that building the
# fuzzing package (every target compiled with -sanitize=fuzzer) needs no host tool.
#
#   embed-files.sh OUTPUT TYPE DIR RELATIVE-PATH...
#
# TYPE is the Swift type extended with `static let files: [String: String]`, keyed by the
# directory's name and the relative path (`rules/vn/national.yaml`), and with
# `static let digests: [String: String]`, each file's SHA-256 in hex, so that qcdc does not hash
# its built-in rules on every start (empty if neither sha256sum nor shasum is found: qcdc then
# hashes them at run time).
set -eu
[ $# -ge 3 ] || { echo "usage: embed-files.sh OUTPUT TYPE DIR RELATIVE-PATH..." >&2; exit 64; }
out=$1 type=$2 dir=$3
shift 3
key=$(basename "$dir")
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
    echo "// Generated at build time by the EmbedRules plugin from $key/. Do not edit."
    echo "extension $type {"
    echo '    static let files: [String: String] = ['
    for rel in "$@"; do
        file="$dir/$rel"
        if grep -q -e '"""####' -e '\\####(' "$file"; then
            echo "error: $file contains the raw-string delimiter" >&2
            exit 1
        fi
        printf '        "%s/%s": ####"""\n' "$key" "$rel"
        # Indent non-empty lines to the closing delimiter. The string ends at the newline before
        # the delimiter, so a file that ends with a newline gets one more (empty) line: the
        # embedded text is the file byte for byte, and so is its sha256.
        awk '{ if (length($0) > 0) print "        " $0; else print "" }' "$file"
        if [ -z "$(tail -c 1 "$file")" ]; then echo; fi
        printf '        """####,\n'
    done
    echo '    ]'
    echo '    static let digests: [String: String] = ['
    if command -v sha256sum >/dev/null 2>&1; then hash="sha256sum"
    elif command -v shasum >/dev/null 2>&1; then hash="shasum -a 256"
    else hash=""; fi
    if [ -n "$hash" ]; then
        for rel in "$@"; do
            printf '        "%s/%s": "%s",\n' "$key" "$rel" "$($hash < "$dir/$rel" | cut -c1-64)"
        done
    else
        echo '        :'
    fi
    echo '    ]'
    echo '}'
} > "$tmp"
mv "$tmp" "$out"
