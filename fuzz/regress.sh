#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/regress.sh: replays, through each fuzz target built with a plain
# main (fuzz/regress-TARGET), every input a campaign found
# (fuzz/regressions/TARGET/) and a small seed corpus of the samples. A
# crash, sanitizer report or trap (a broken invariant) fails the test.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

top_srcdir=$top_srcdir LIAISON=$LIAISON \
    sh "$top_srcdir/fuzz/seed-corpus.sh" "$tmp/corpus" small || exit 99
for t in text docx recognize emit diff model; do
	prog="$top_builddir/fuzz/regress-$t"
	if [ ! -x "$prog" ]; then
		fail "$prog is not built"
		continue
	fi
	for dir in "$top_srcdir/fuzz/regressions/$t" "$tmp/corpus/$t"; do
		[ -d "$dir" ] || continue
		for f in "$dir"/*; do
			[ -f "$f" ] || continue
			if "$prog" "$f" >"$tmp/out" 2>&1; then
				ok
			else
				fail "$t: $f"
				head -n 20 "$tmp/out" >&2
			fi
		done
	done
done
finish
