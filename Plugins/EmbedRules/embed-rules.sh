#!/bin/sh
# Writes BuiltinRules+Files.swift: the rule files under rules/ as Swift raw strings, so that the
# national rule set is compiled into qcdc. Run by the EmbedRules build-tool plugin whenever a
# rule file changed; never committed. A shell script rather than a Swift executable so that
# building the fuzzing package (every target compiled with -sanitize=fuzzer) needs no host tool.
#
#   embed-rules.sh OUTPUT RULES-DIR RELATIVE-PATH...
set -eu
[ $# -ge 2 ] || { echo "usage: embed-rules.sh OUTPUT RULES-DIR RELATIVE-PATH..." >&2; exit 64; }
out=$1 dir=$2
shift 2
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
    echo '// Generated at build time by the EmbedRules plugin from rules/. Do not edit.'
    echo 'extension BuiltinRules {'
    echo '    static let files: [String: String] = ['
    for rel in "$@"; do
        file="$dir/$rel"
        if grep -q -e '"""####' -e '\\####(' "$file"; then
            echo "error: $file contains the raw-string delimiter" >&2
            exit 1
        fi
        printf '        "rules/%s": ####"""\n' "$rel"
        # Indent non-empty lines to the closing delimiter. The string ends at the newline before
        # the delimiter, so a file that ends with a newline gets one more (empty) line: the
        # embedded text is the file byte for byte, and so is its sha256.
        awk '{ if (length($0) > 0) print "        " $0; else print "" }' "$file"
        if [ -z "$(tail -c 1 "$file")" ]; then echo; fi
        printf '        """####,\n'
    done
    echo '    ]'
    echo '}'
} > "$tmp"
mv "$tmp" "$out"
