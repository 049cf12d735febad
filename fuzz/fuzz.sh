#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/fuzz.sh build|run|smoke [SECONDS [TARGET...]]: libFuzzer campaigns.
#
# build: configures fuzz-build/ (under the build tree) with clang,
#   AddressSanitizer, UndefinedBehaviorSanitizer and coverage
#   (-fsanitize=fuzzer-no-link), and links fuzz-build/fuzz/fuzz-TARGET
#   with libFuzzer.
# run: builds, seeds fuzz-corpus/TARGET/ once (fuzz/seed-corpus.sh), then
#   runs each target for SECONDS (default 60) on one core with the OOXML
#   dictionary. smoke: the same, but each target from a fixed seed for a
#   fixed number of executions (at most SECONDS): a repeatable run for
#   CI, where a random find would make one push fail and the next pass;
#   finding bugs is the campaigns' job. New crashes land in fuzz-corpus/findings/; replay one
#   with fuzz-build/fuzz/fuzz-TARGET FILE, and once fixed copy it into
#   fuzz/regressions/TARGET/ (make check replays those).
# Environment: CC (default clang), FUZZ_JOBS (default 1), FUZZ_ARGS (more
# libFuzzer options).
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
mode=${1:-run}
seconds=${2:-60}
[ $# -gt 2 ] && shift 2 && targets=$* || targets="text docx recognize emit diff model"
build=$top_builddir/fuzz-build
corpus=$top_builddir/fuzz-corpus
san="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

if ! command -v "${CC:-clang}" >/dev/null; then
	echo "fuzz.sh: clang is needed (Debian: apt-get install clang libclang-rt-14-dev)" >&2
	exit 1
fi
if [ ! -f "$build/Makefile" ]; then
	mkdir -p "$build"
	(cd "$build" && "$top_srcdir/configure" -q CC="${CC:-clang}" \
	    CFLAGS="-g -O1" --disable-shared)
fi
progs=
for t in $targets; do
	progs="$progs fuzz/fuzz-$t"
done
# shellcheck disable=SC2086
make -s -C "$build" SAN_CFLAGS="$san" FUZZER_LINK=-fsanitize=fuzzer \
    lib/tree/names.h lib/tree/names.c liaison $progs
[ "$mode" = build ] && exit 0

if [ ! -d "$corpus/text" ]; then
	LIAISON="$build/liaison" top_srcdir="$top_srcdir" \
	    sh "$top_srcdir/fuzz/seed-corpus.sh" "$corpus" all
fi
mkdir -p "$corpus/findings"
status=0
# -jobs makes libFuzzer run its workers as child processes logging to
# ./fuzz-N.log; one job runs in this process, its report in $t.log.
jobs=
[ "${FUZZ_JOBS:-1}" -gt 1 ] && jobs="-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS"
for t in $targets; do
	dict=
	case $t in docx|recognize|emit|diff|model)
		dict=-dict=$top_srcdir/fuzz/ooxml.dict;;
	esac
	budget=-max_total_time=$seconds
	if [ "$mode" = smoke ]; then
		# executions per target: about 20 s each on the CI machine
		case $t in
		text|docx) runs=10000;;
		recognize|emit) runs=8000;;
		diff) runs=2000;;
		*) runs=100000;;
		esac
		budget="$budget -seed=1 -runs=$runs"
	fi
	echo "fuzz.sh: $t for $seconds s${runs:+ or $runs runs}"
	# shellcheck disable=SC2086
	if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	    UBSAN_OPTIONS=print_stacktrace=1 \
	    "$build/fuzz/fuzz-$t" $dict $budget \
	    -max_len=1048576 -timeout=20 -rss_limit_mb=2048 \
	    $jobs \
	    -artifact_prefix="$corpus/findings/$t-" -print_final_stats=1 \
	    ${FUZZ_ARGS:-} "$corpus/$t" 2>"$corpus/$t.log"; then
		echo "fuzz.sh: $t FOUND SOMETHING: see $corpus/$t.log and $corpus/findings/" >&2
		status=1
		failed="${failed:-}$t "
	fi
	grep -E '^(stat::|#[0-9]+.*DONE)' "$corpus/$t.log" | tail -n 8 || true
done
# A CI log is all one has of a remote failure, and only its end may be
# shown: the inputs first, then each report, then one line naming them.
for t in ${failed:-}; do
	for f in "$corpus/findings/$t-"*; do
		[ -f "$f" ] || continue
		echo "fuzz.sh: $f, $(wc -c < "$f") bytes, base64 of the first 2 KB:"
		head -c 2048 "$f" | base64
	done
done
for t in ${failed:-}; do
	echo "fuzz.sh: $t:"
	grep -E -A 24 '^==[0-9]+==|runtime error|deadly signal' \
	    "$corpus/$t.log" | grep -v -E '^\s*$' | head -n 24
done
[ $status = 0 ] || echo "fuzz.sh: FOUND SOMETHING in: ${failed:-}"
exit $status
