#!/bin/sh
# SPDX-License-Identifier: MIT
# test/bench-diff.sh: timings of the structural diff (`make bench-diff`;
# not part of `make check`, and it asserts nothing about time).
#
# Generates two revisions of a document of 10 000 paragraphs from the
# samples (test/diff/gen-bench.py: known edits), and the same at 1 000
# paragraphs, plus a worst case (two unrelated 10 000-paragraph
# documents: nothing matches by hash, every unit goes through the
# bounded similarity search) and 10 000 equal paragraphs with one
# inserted (every paragraph in one hash chain). Each diff is timed over RUNS runs (default
# 7) by test/diff/run-diff -b, documents loaded once; the figures are the
# median wall-clock and CPU times, and the ratios show the scaling.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PY=${PYTHON3:-/usr/bin/python3}
RUN="$top_builddir/test/diff/run-diff"
GEN="$top_srcdir/test/diff/gen-bench.py"
RUNS=${RUNS:-7}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-diff.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

field() {  # field NAME LINE
	echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

bench() {  # bench LABEL OLD NEW
	line=$("$RUN" -b "$RUNS" "$2" "$3") || { echo "bench-diff: $1 failed"; exit 1; }
	printf '%-34s %s\n' "$1" "$line"
	eval "wall_$4=$(field median_ms "$line")"
	eval "cpu_$4=$(field cpu_median_ms "$line")"
}

for n in 1000 10000; do
	mkdir -p "$tmp/$n"
	printf 'edits made (%s paragraphs): ' "$n"
	"$PY" "$GEN" "$top_srcdir/samples" "$tmp/$n" "$n" 1 || exit 1
done
mkdir -p "$tmp/other" "$tmp/equal"
"$PY" "$GEN" "$top_srcdir/samples" "$tmp/other" 10000 2 > /dev/null || exit 1
equal='BEGIN { for (i = 0; i < 10000; i++) { if (i == at)
	print "One paragraph more.\n"; print "The same paragraph, again.\n" } }'
awk -v at=-1 "$equal" > "$tmp/equal/old.txt"
awk -v at=5000 "$equal" > "$tmp/equal/new.txt"

echo "documents: $(wc -c < "$tmp/10000/old.txt") and $(wc -c < "$tmp/10000/new.txt") bytes at 10 000 paragraphs"
echo "diff of the 10 000-paragraph pair, last line of the text output:"
"$RUN" "$tmp/10000/old.txt" "$tmp/10000/new.txt" > "$tmp/out.txt"
tail -1 "$tmp/out.txt"
bench "1 000 paragraphs, known edits" "$tmp/1000/old.txt" "$tmp/1000/new.txt" k1
bench "10 000 paragraphs, known edits" "$tmp/10000/old.txt" "$tmp/10000/new.txt" k10
bench "10 000 paragraphs, same document" "$tmp/10000/old.txt" "$tmp/10000/old.txt" same
bench "10 000 paragraphs, unrelated" "$tmp/10000/old.txt" "$tmp/other/new.txt" worst
bench "10 000 equal paragraphs, one more" "$tmp/equal/old.txt" "$tmp/equal/new.txt" equal
awk -v a="$cpu_k10" -v b="$cpu_k1" -v c="$cpu_worst" -v d="$cpu_same" \
    -v wa="$wall_k10" -v wb="$wall_k1" 'BEGIN {
	printf "ratio 10 000 / 1 000 paragraphs: %.1f (cpu), %.1f (wall); 10 = linear\n", a / b, wa / wb
	printf "ratio unrelated / known edits (10 000): %.1f (cpu)\n", c / a
	printf "ratio known edits / same document (10 000): %.1f (cpu)\n", a / d
}'
