#!/bin/sh
# SPDX-License-Identifier: MIT
# test/valgrind.sh: the shell test suites again with every `liaison` run
# under valgrind's memcheck (leaks, invalid reads and writes, uses of
# uninitialised memory), and the fuzz regression drivers on their
# inputs. Slow (minutes): not part of make check; run it from a build
# configured without --enable-sanitizers:
#   top_srcdir=/path/to/src top_builddir=/path/to/build sh test/valgrind.sh
# A memcheck finding makes the run exit 99 and the suite fail.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
: "${PYTHON3:=/usr/bin/python3}"
export top_srcdir top_builddir PYTHON3

if ! command -v valgrind >/dev/null; then
	echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-valgrind.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
# valgrind needs the real binary, not libtool's wrapper script
real="$top_builddir/.libs/liaison"
[ -x "$real" ] || real="$top_builddir/liaison"
vg="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
--suppressions=$top_srcdir/test/alloc/valgrind.supp"
LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH

status=0
# The hostile inputs, each under memcheck (the slow bombs too).
echo "valgrind.sh: test/bad.sh"
LIAISON_WRAPPER=$vg LIAISON_BAD_TIMEOUT=3000 LIAISON_BAD_SLOW=${LIAISON_BAD_SLOW:-0} \
    sh "$top_srcdir/test/bad.sh" >"$tmp/bad.log" 2>&1 || status=1
tail -n 1 "$tmp/bad.log"
grep -E '^FAIL|==[0-9]+==' "$tmp/bad.log" | head -n 40

# Every sample and recognizer case, in every output format.
echo "valgrind.sh: samples and cases"
n=0
for f in "$top_srcdir"/samples/*.txt "$top_srcdir"/samples/docx/*.docx \
    "$top_srcdir"/test/cases/*.txt; do
	for fmt in json xml markdown; do
		if ! $vg "$real" convert -q -f "$fmt" "$f" >/dev/null \
		    2>"$tmp/err"; then
			echo "FAIL: $f ($fmt)"
			head -n 30 "$tmp/err"
			status=1
		fi
		n=$((n + 1))
	done
done
# diff of each text sample against the next, in every diff format
prev=
for f in "$top_srcdir"/samples/*.txt; do
	if [ -n "$prev" ]; then
		for fmt in text markdown json xml html; do
			$vg "$real" diff -f "$fmt" "$prev" "$f" >/dev/null \
			    2>"$tmp/err"
			if [ $? -ge 2 ] && grep -q '==[0-9]*==' "$tmp/err"; then
				echo "FAIL: diff $prev $f ($fmt)"
				head -n 30 "$tmp/err"
				status=1
			fi
			n=$((n + 1))
		done
	fi
	prev=$f
done
echo "valgrind.sh: $n conversions and diffs"

# The fuzz regression drivers on their inputs.
echo "valgrind.sh: fuzz regressions"
for t in text docx recognize emit diff model; do
	prog="$top_builddir/fuzz/regress-$t"
	[ -x "$prog" ] || continue
	for f in "$top_srcdir/fuzz/regressions/$t"/*; do
		[ -f "$f" ] || continue
		if ! $vg "$prog" "$f" >/dev/null 2>"$tmp/err"; then
			echo "FAIL: regress-$t $f"
			head -n 30 "$tmp/err"
			status=1
		fi
	done
done
[ "$status" -eq 0 ] && echo "valgrind.sh: clean"
exit $status
