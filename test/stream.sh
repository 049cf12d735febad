#!/bin/sh
# SPDX-License-Identifier: MIT
# stream.sh: the paragraph stream the text reader makes of each
# test/stream/NAME.txt is test/stream/NAME.out (see test/dump-stream.c
# for the notation). LIAISON_UPDATE=1 rewrites the expected files.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99

for in in test/stream/*.txt; do
	[ -f "$in" ] || continue
	exp="${in%.txt}.out"
	"$top_builddir/test/dump-stream" "$in" > "$tmp/out" 2>&1
	if [ "${LIAISON_UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$exp"
		ok
	elif diff -u "$exp" "$tmp/out" > "$tmp/diff"; then
		ok
	else
		fail "$in:"
		head -30 "$tmp/diff" >&2
	fi
done
finish
