#!/bin/sh
# fuzz/fuzz.sh build|run [SECONDS [TARGET...]]: libFuzzer campaigns.
#
# build: configures fuzz-build/ (under the build tree) with clang,
#   AddressSanitizer, UndefinedBehaviorSanitizer and coverage
#   (-fsanitize=fuzzer-no-link), and links fuzz-build/fuzz/fuzz-TARGET
#   with libFuzzer.
# run: builds, seeds fuzz-corpus/TARGET/ once (fuzz/seed-corpus.sh), then
#   runs each target for SECONDS (default 60) on one core with the OOXML
#   dictionary. New crashes land in fuzz-corpus/findings/; replay one
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
    liaison $progs
[ "$mode" = build ] && exit 0

if [ ! -d "$corpus/text" ]; then
	LIAISON="$build/liaison" top_srcdir="$top_srcdir" \
	    sh "$top_srcdir/fuzz/seed-corpus.sh" "$corpus" all
fi
mkdir -p "$corpus/findings"
status=0
for t in $targets; do
	dict=
	case $t in docx|recognize|emit|diff|model)
		dict=-dict=$top_srcdir/fuzz/ooxml.dict;;
	esac
	echo "fuzz.sh: $t for $seconds s"
	# shellcheck disable=SC2086
	if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	    UBSAN_OPTIONS=print_stacktrace=1 \
	    "$build/fuzz/fuzz-$t" $dict -max_total_time="$seconds" \
	    -max_len=1048576 -timeout=20 -rss_limit_mb=2048 \
	    -jobs="${FUZZ_JOBS:-1}" -workers="${FUZZ_JOBS:-1}" \
	    -artifact_prefix="$corpus/findings/$t-" -print_final_stats=1 \
	    ${FUZZ_ARGS:-} "$corpus/$t" 2>"$corpus/$t.log"; then
		echo "fuzz.sh: $t FOUND SOMETHING: see $corpus/$t.log and $corpus/findings/" >&2
		status=1
	fi
	grep -E '^(stat::|#[0-9]+.*DONE)' "$corpus/$t.log" | tail -n 8 || true
done
exit $status
