#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/afl.sh build|cmd|run [SECONDS [TARGET...]]: AFL++ on the libFuzzer
# targets (fuzz/fuzz-TARGET.c, entry point LLVMFuzzerTestOneInput).
#
# build: configures afl-build/ (under the build tree) with afl-clang-lto
#   when it works here, else afl-clang-fast (LIAISON_AFL_CC overrides;
#   not AFL_CC, which AFL++ reads as the real compiler), with ASan and
#   UBSan (LIAISON_AFL_SAN=none: without, for speed), and links
#   afl-build/fuzz/fuzz-TARGET with -fsanitize=fuzzer, which AFL++'s
#   compiler turns into its libFuzzer driver (libAFLDriver.a:
#   persistent mode, shared-memory input).
# cmd (the default): builds, seeds afl-corpus/seeds/TARGET/ once
#   (fuzz/seed-corpus.sh, bundled samples only: AFL wants small seeds)
#   and prints the afl-fuzz command for each target, with the OOXML
#   dictionary (fuzz/ooxml.dict) for the XML-reading ones.
# run: the same, then runs each target for SECONDS (default 60) without
#   the UI; findings land in afl-corpus/out/TARGET/default/crashes/.
#   Replay one with fuzz-build/fuzz/fuzz-TARGET FILE (make fuzz builds
#   it) and, once fixed, copy it into fuzz/regressions/TARGET/.
#
# Checked on Debian 12 (2 cores) with its afl++ 4.04c-4 and clang 14
# (apt-get install afl++), ASan and UBSan on: afl-clang-lto (picked by
# default) and afl-clang-fast each built all six targets; `run 60 docx`
# (lto) did 125 821 executions, 2 097/s, 281 new paths, stability 100 %;
# `run 60 text` (fast) 561 580, 9 357/s, 483 new paths; no crash, no
# hang. The other four targets were built, not run.
# (libFuzzer's fuzz/fuzz.sh is the other way to run the same targets.)
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
mode=${1:-cmd}
seconds=${2:-60}
[ $# -gt 2 ] && shift 2 && targets=$* || targets="text docx recognize emit diff model"
build=$top_builddir/afl-build
corpus=$top_builddir/afl-corpus

case $mode in build|cmd|run) ;; *)
	echo "usage: fuzz/afl.sh build|cmd|run [SECONDS [TARGET...]]" >&2
	exit 2;;
esac
if ! command -v afl-fuzz >/dev/null 2>&1 ||
    ! command -v afl-clang-fast >/dev/null 2>&1; then
	echo "afl.sh: AFL++ is not installed (no afl-fuzz or afl-clang-fast" \
	    "in PATH). Debian and Ubuntu: apt-get install afl++; elsewhere" \
	    "build it from https://github.com/AFLplusplus/AFLplusplus." >&2
	exit 1
fi

# afl-clang-lto instruments at link time (no hash collisions in the
# coverage map) but needs lld and the LLVM archiver of its LLVM; it is
# used only when it links a program here.
lto_ok() {
	command -v afl-clang-lto >/dev/null 2>&1 || return 1
	ar=$(command -v llvm-ar || ls /usr/bin/llvm-ar-* 2>/dev/null | head -n 1)
	[ -n "$ar" ] || return 1
	d=$(mktemp -d "${TMPDIR:-/tmp}/afl-lto.XXXXXX")
	printf 'int main(void){return 0;}\n' >"$d/t.c"
	if AFL_QUIET=1 afl-clang-lto -o "$d/t" "$d/t.c" >/dev/null 2>&1; then
		rm -rf "$d"
		return 0
	fi
	rm -rf "$d"
	return 1
}

if [ ! -f "$build/Makefile" ]; then
	if [ -n "${LIAISON_AFL_CC:-}" ]; then
		cc=$LIAISON_AFL_CC
	elif lto_ok; then
		cc=afl-clang-lto
	else
		cc=afl-clang-fast
	fi
	extra=
	if [ "$cc" = afl-clang-lto ]; then
		ar=$(command -v llvm-ar || ls /usr/bin/llvm-ar-* | head -n 1)
		ranlib=$(command -v llvm-ranlib ||
		    ls /usr/bin/llvm-ranlib-* | head -n 1)
		extra="AR=$ar RANLIB=$ranlib"
	fi
	echo "afl.sh: configuring $build with $cc"
	mkdir -p "$build"
	# (configure's test programs are instrumented too: AFL_QUIET
	# keeps the compiler's banner out of its checks)
	# shellcheck disable=SC2086
	(cd "$build" && AFL_QUIET=1 "$top_srcdir/configure" -q CC="$cc" \
	    CFLAGS="-g -O1" --disable-shared $extra)
fi
progs=
for t in $targets; do
	progs="$progs fuzz/fuzz-$t"
done
if [ "${LIAISON_AFL_SAN:-asan}" != none ]; then
	AFL_USE_ASAN=1
	AFL_USE_UBSAN=1
	export AFL_USE_ASAN AFL_USE_UBSAN
fi
# shellcheck disable=SC2086
AFL_QUIET=1 make -s -C "$build" FUZZER_LINK=-fsanitize=fuzzer \
    lib/tree/names.h lib/tree/names.c liaison $progs
[ "$mode" = build ] && exit 0

if [ ! -d "$corpus/seeds/text" ]; then
	export top_srcdir
	LIAISON="$build/liaison" \
	    sh "$top_srcdir/fuzz/seed-corpus.sh" "$corpus/seeds" small
fi

# dict TARGET: the -x option for targets that read XML.
dict() {
	case $1 in text) ;; *) printf '%s' "-x $top_srcdir/fuzz/ooxml.dict";;
	esac
}

if [ "$mode" = cmd ]; then
	echo "afl.sh: built; run a target (one afl-fuzz per core; add"
	echo "-M main / -S secondaryN to share a campaign between cores):"
	for t in $targets; do
		echo "  afl-fuzz -i $corpus/seeds/$t -o $corpus/out/$t" \
		    "$(dict "$t") -t 20000 -- $build/fuzz/fuzz-$t"
	done
	echo "Crashes: $corpus/out/TARGET/default/crashes/"
	exit 0
fi

status=0
for t in $targets; do
	echo "afl.sh: $t for $seconds s"
	mkdir -p "$corpus/out"
	# shellcheck disable=SC2046
	AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	    afl-fuzz -V "$seconds" -i "$corpus/seeds/$t" \
	    -o "$corpus/out/$t" $(dict "$t") -t 20000 \
	    -- "$build/fuzz/fuzz-$t" >"$corpus/$t.log" 2>&1 || {
		echo "afl.sh: afl-fuzz failed for $t: see $corpus/$t.log" >&2
		status=1
		continue
	}
	stats=$corpus/out/$t/default/fuzzer_stats
	if [ -f "$stats" ]; then
		grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' \
		    "$stats" | tr -s ' ' | sed 's/^/  /'
		if [ "$(sed -n 's/^saved_crashes *: *//p' "$stats")" != 0 ]; then
			echo "afl.sh: $t FOUND SOMETHING:" \
			    "$corpus/out/$t/default/crashes/" >&2
			status=1
		fi
	fi
done
exit $status
