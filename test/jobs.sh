#!/bin/sh
# SPDX-License-Identifier: MIT
# test/jobs.sh: `liaison convert --jobs`: over many inputs, good and
# failing, -j4 gives byte for byte what -j1 gives (stdout, stderr, exit
# status, the files of -o and -d), in input order; --output-dir is
# synced once at the end, not file by file.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

S=$top_srcdir/samples
in=$tmp/in
mkdir -p "$in" || exit 99

# Inputs: every sample several times under names of their own, and
# failing ones between them: a missing file, invalid UTF-8, a directory
# (and a cut ZIP, an empty file: odd, whatever becomes of them).
i=0
for round in 1 2 3; do
	for f in "$S"/*.txt "$S"/docx/*.docx; do
		i=$((i + 1))
		cp "$f" "$in/$(printf '%03d' $i)-$(basename "$f")" || exit 99
	done
done
printf 'ITU\377\376 text\n' > "$in/020-bad-utf8.txt"
head -c 2000 "$(ls "$S"/docx/*.docx | head -1)" > "$in/040-cut.docx"
mkdir "$in/050-dir.txt"
: > "$in/060-empty.txt"
set -- "$in"/*
set -- "$@" "$in/070-missing.txt"

# run NAME ARGS...: runs convert, keeping stdout, stderr and status.
run() {
	name=$1
	shift
	"$LIAISON" convert "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
	echo $? > "$tmp/$name.status"
}

# same A B WHAT: the runs A and B gave the same stdout, stderr, status.
same() {
	for s in out err status; do
		if ! cmp -s "$tmp/$1.$s" "$tmp/$2.$s"; then
			fail "$3: $s of $1 and $2 differ"
			diff "$tmp/$1.$s" "$tmp/$2.$s" | head -5 >&2
			return
		fi
	done
	ok
}

# JSON Lines on stdout.
run j1 -j1 "$@"
run j4 -j4 "$@"
run jd "$@"
run j2q -q --jobs=2 "$@"
same j1 j4 "JSON Lines"
same j1 jd "JSON Lines, default jobs"
[ "$(cat "$tmp/j1.status")" = 1 ] && ok ||
    fail "JSON Lines: status $(cat "$tmp/j1.status"), expected 1"
# one line per input converted, each the input's own conversion, in
# the order of the arguments
good=0
: > "$tmp/each.out"
: > "$tmp/good.list"
for f in "$@"; do
	"$LIAISON" convert -l "$f" >> "$tmp/each.out" 2> /dev/null &&
	    good=$((good + 1)) && echo "$f" >> "$tmp/good.list"
done
[ "$(wc -l < "$tmp/j4.out")" -eq "$good" ] && [ "$good" -gt 20 ] && ok ||
    fail "JSON Lines: $(wc -l < "$tmp/j4.out") lines for $good inputs"
cmp -s "$tmp/each.out" "$tmp/j4.out" && ok ||
    fail "JSON Lines: -j4 is not the inputs' conversions in order"
# the per-file messages; the summary only on a terminal (test/cli.sh)
for re in '020-bad-utf8\.txt' '040-cut\.docx' '050-dir\.txt' \
    '070-missing\.txt'; do
	grep -q -- "$re" "$tmp/j4.err" && ok ||
	    fail "JSON Lines: no message matching $re"
done
grep -q 'converted' "$tmp/j4.err" && fail "a summary line, not on a terminal" || ok
grep -q 'converted' "$tmp/j2q.err" && fail "-q: a summary line" || ok

# -o: all or nothing, as with one job.
echo old > "$tmp/o1.json"
echo old > "$tmp/o4.json"
run o1 -j1 -o "$tmp/o1.json" "$@"
run o4 -j4 -o "$tmp/o4.json" "$@"
sed -i "s#$tmp/o[14]\.json#OUT#" "$tmp/o1.err" "$tmp/o4.err"
same o1 o4 "-o with failures"
[ "$(cat "$tmp/o4.json")" = old ] && ok || fail "-o: a failed run replaced the file"
set --
while IFS= read -r f; do set -- "$@" "$f"; done < "$tmp/good.list"
run g1 -j1 -o "$tmp/g1.json" "$@"
run g4 -j3 -o "$tmp/g4.json" "$@"
same g1 g4 "-o, all converted"
cmp -s "$tmp/g1.json" "$tmp/g4.json" && ok || fail "-o: the files differ"
[ "$(wc -l < "$tmp/g4.json")" -eq $# ] && ok || fail "-o: $(wc -l < "$tmp/g4.json") lines for $# inputs"

# A write error stops the run, with the same message and status.
if [ -w /dev/full ]; then
	"$LIAISON" convert -j1 "$@" > /dev/full 2> "$tmp/full1.err"
	echo $? > "$tmp/full1.status"
	"$LIAISON" convert -j4 "$@" > /dev/full 2> "$tmp/full4.err"
	echo $? > "$tmp/full4.status"
	: > "$tmp/full1.out"
	: > "$tmp/full4.out"
	same full1 full4 "stdout on /dev/full"
	[ "$(cat "$tmp/full4.status")" = 3 ] && ok || fail "/dev/full: status $(cat "$tmp/full4.status")"
fi

# --output-dir, every format: the same files, the same messages.
set -- "$in"/*
for fmt in json xml markdown; do
	mkdir "$tmp/d1-$fmt" "$tmp/d4-$fmt"
	run d1-$fmt -j1 -f $fmt -d "$tmp/d1-$fmt" "$@" "$in/070-missing.txt"
	run d4-$fmt -j4 -f $fmt -d "$tmp/d4-$fmt" "$@" "$in/070-missing.txt"
	sed -i "s#$tmp/d[14]-#DIR-#" "$tmp/d1-$fmt.err" "$tmp/d4-$fmt.err"
	same d1-$fmt d4-$fmt "--output-dir -f $fmt"
	if diff -r "$tmp/d1-$fmt" "$tmp/d4-$fmt" > /dev/null &&
	    [ "$(ls "$tmp/d4-$fmt" | wc -l)" -eq "$good" ] &&
	    [ -z "$(ls -A "$tmp/d4-$fmt" | grep '^\.')" ]; then
		ok
	else
		fail "--output-dir -f $fmt: the directories differ or hold temp files"
	fi
done

# One sync for the whole directory rather than an fsync per file.
if command -v strace > /dev/null 2>&1 && strace -o /dev/null true 2> /dev/null
then
	mkdir "$tmp/ds"
	strace -f -qq -e trace=fsync,fdatasync,syncfs,sync -o "$tmp/strace" \
	    "$top_builddir/liaison" convert -q -j2 -d "$tmp/ds" "$@" \
	    2> /dev/null
	syncs=$(grep -c 'syncfs(' "$tmp/strace")
	fsyncs=$(grep -c 'fsync(\|fdatasync(' "$tmp/strace")
	[ "$syncs" = 1 ] && [ "$fsyncs" -le 1 ] && ok ||
	    fail "--output-dir: $syncs syncfs and $fsyncs fsync for $# files"
else
	echo "SKIP: strace is not installed or cannot trace (the one-sync check)"
fi

# Bad --jobs values are usage errors.
for v in 0 -1 x 2x 257 99999999999; do
	"$LIAISON" convert -j "$v" "$S/ls-jca-idm-tor.txt" > /dev/null \
	    2> "$tmp/bad.err"
	st=$?
	if [ $st = 2 ] && grep -q -- "--jobs $v: the value must be a whole number from 1 to 256" "$tmp/bad.err"; then
		ok
	else
		fail "--jobs $v: status $st: $(head -1 "$tmp/bad.err")"
	fi
done

finish
