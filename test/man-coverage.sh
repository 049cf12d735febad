#!/bin/sh
# SPDX-License-Identifier: MIT
# man-coverage.sh: the manual covers the interfaces.
#  - liaison(3): every function of lib/liaison.h is in NAME and SYNOPSIS;
#  - liaison(5): every element of schemas/liaison.rnc is documented
#    (".It Aq Ic NAME", "Ao Ic NAME Ac" or ".Aq Ic NAME"), and every JSON
#    key that `liaison convert` writes for the samples and the model
#    cases of test/markdown is named (as "Ic KEY").

: "${top_srcdir:?}" "${top_builddir:?}"
LIAISON=$top_builddir/liaison
PY=${PYTHON3:-/usr/bin/python3}
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-mancov.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# liaison(3)
grep -oE '\bliaison_[a-z_]+\(' "$top_srcdir/lib/liaison.h" | tr -d '(' |
    sort -u > "$tmp/functions"
[ -s "$tmp/functions" ] || { echo "FAIL: no functions in liaison.h" >&2; exit 1; }
sed -n '/^\.Sh NAME/,/^\.Sh LIBRARY/p' "$top_srcdir/man/liaison.3" |
    awk '$1 == ".Nm" { print $2 }' | sort -u > "$tmp/name"
sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$top_srcdir/man/liaison.3" |
    awk '$1 == ".Fn" || $1 == ".Fo" { print $2 }' | sort -u > "$tmp/synopsis"
for part in name synopsis; do
	missing=$(comm -23 "$tmp/functions" "$tmp/$part")
	if [ -n "$missing" ]; then
		echo "FAIL: liaison.3 $part lacks:" $missing >&2
		status=1
	fi
done

# liaison(5): elements
grep -oE 'element \\?[a-z-]+' "$top_srcdir/schemas/liaison.rnc" |
    sed 's/element \\\{0,1\}//' | sort -u > "$tmp/elements"
grep -oE '(Aq|Ao) Ic [a-z-]+' "$top_srcdir/man/liaison.5" |
    awk '{ print $3 }' | sort -u > "$tmp/documented"
missing=$(comm -23 "$tmp/elements" "$tmp/documented")
if [ -n "$missing" ]; then
	echo "FAIL: liaison.5 does not document the elements:" $missing >&2
	status=1
fi

# liaison(5): JSON keys
: > "$tmp/keys"
for input in "$top_srcdir"/samples/* "$top_srcdir"/test/markdown/*.xml; do
	[ -f "$input" ] || continue
	if ! "$LIAISON" convert "$input" > "$tmp/doc.json"; then
		echo "FAIL: convert $input" >&2
		status=1
		continue
	fi
	"$PY" -c '
import json, sys
def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            print(k)
            keys(x)
    elif isinstance(v, list):
        for x in v:
            keys(x)
keys(json.load(open(sys.argv[1])))' "$tmp/doc.json" >> "$tmp/keys"
done
sort -u "$tmp/keys" -o "$tmp/keys"
grep -oE 'Ic [a-z0-9_]+' "$top_srcdir/man/liaison.5" | awk '{ print $2 }' |
    sort -u > "$tmp/named"
missing=$(comm -23 "$tmp/keys" "$tmp/named")
if [ -n "$missing" ]; then
	echo "FAIL: liaison.5 does not name the JSON keys:" $missing >&2
	status=1
fi
if [ $status = 0 ]; then
	echo "man-coverage.sh: $(wc -l < "$tmp/functions") functions," \
	    "$(wc -l < "$tmp/elements") elements and" \
	    "$(wc -l < "$tmp/keys") JSON keys documented"
fi
exit $status
