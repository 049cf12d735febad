#!/bin/sh
# SPDX-License-Identifier: MIT
# golden.sh: each input has its expected outputs beside it.
#   samples/NAME.txt       ->  test/golden/NAME.txt.json, NAME.txt.xml
#   test/cases/NAME.txt    ->  test/cases/NAME.json
# Inputs are named relative to the source tree so "source.file" is
# stable. LIAISON_UPDATE=1 rewrites the expected files instead.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99

check() {	# input expected format
	if ! "$LIAISON" convert --format "$3" "$1" > "$tmp/out" 2> "$tmp/err"; then
		fail "$1: convert --format $3 failed: $(cat "$tmp/err")"
		return
	fi
	if [ "${LIAISON_UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$2"
		ok
	elif [ ! -f "$2" ]; then
		fail "$2: no expected output (run with LIAISON_UPDATE=1)"
	elif diff -u "$2" "$tmp/out" > "$tmp/diff"; then
		ok
	else
		fail "$1 ($3) differs from $2:"
		head -40 "$tmp/diff" >&2
	fi
}

for in in samples/*.txt; do
	[ -f "$in" ] || continue
	base=$(basename "$in")
	check "$in" "test/golden/$base.json" json
	check "$in" "test/golden/$base.xml" xml
done
for in in test/cases/*.txt; do
	[ -f "$in" ] || continue
	check "$in" "${in%.txt}.json" json
done
finish
