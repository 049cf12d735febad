#!/bin/sh
# SPDX-License-Identifier: MIT
# test/docx.sh: golden tests of the DOCX reader.
#
# Each test/docx/cases/NAME.case holds the XML parts of a small package
# (see test/docx/mkdocx.py); each NAME.MODE.expected next to it is what
# test/docx/dump prints of it with tracked changes read in MODE (accept,
# reject or all), core properties included. NAME.args, when present,
# adds options (limits). An error shows as its one-line message and
# "exit=1". To refresh the expected files after a deliberate change:
#   UPDATE=1 top_srcdir=... top_builddir=... sh test/docx.sh
# and review the diff.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${PYTHON3:=/usr/bin/python3}"

dump="$top_builddir/test/docx/dump"
cases="$top_srcdir/test/docx/cases"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/docx-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -x "$dump" ]; then
	echo "docx.sh: $dump is not built" >&2
	exit 99
fi

status=0
count=0
for expected in "$cases"/*.expected; do
	base=$(basename "$expected" .expected)  # NAME.MODE
	name=${base%.*}
	mode=${base##*.}
	if ! "$PYTHON3" "$top_srcdir/test/docx/mkdocx.py" \
	    "$cases/$name.case" "$tmp/$name.docx"; then
		echo "FAIL $base: cannot build $name.docx" >&2
		status=1
		continue
	fi
	args=
	[ -f "$cases/$name.args" ] && args=$(cat "$cases/$name.args")
	# run inside $tmp so errors name the file as NAME.docx
	# shellcheck disable=SC2086
	(cd "$tmp" && "$dump" -c -t "$mode" $args "$name.docx" \
	    >"$base.out" 2>&1 || echo "exit=$?" >>"$base.out")
	count=$((count + 1))
	if [ -n "$UPDATE" ]; then
		cp "$tmp/$base.out" "$expected"
	elif ! diff -u "$expected" "$tmp/$base.out"; then
		echo "FAIL $base" >&2
		status=1
	fi
done
echo "docx.sh: $count cases"
exit $status
