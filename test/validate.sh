#!/bin/sh
# SPDX-License-Identifier: MIT
# test/validate.sh: our RELAX NG validator (lib/tree/validate.c) against
# libxml2's. Every model the samples, the test cases and the shared
# corpus and seeds make (liaison convert -f xml), every diff model
# (liaison diff -f xml), and LIAISON_VALIDATE_MUTATIONS (default 40)
# seeded mutations of each are given to both by test/validate/differ:
# any verdict that differs fails, with the XML. Then, under the
# failmalloc shim (test/alloc.sh's), each allocation of a validation
# fails in turn (LIAISON_ALLOC_RUNS of them at most, default 50): the
# result must be the verdict or "out of memory", and a second
# validation in the same process, with memory back, the verdict.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

differ="$top_builddir/test/validate/differ"
if [ ! -x "$differ" ] || [ ! -x "$LIAISON" ]; then
	echo "validate.sh: $differ or $LIAISON is not built" >&2
	exit 99
fi
mkdir "$tmp/m"

# Models from documents: a failed conversion is not this test's concern.
n=0
for f in "$top_srcdir"/samples/*.txt "$top_srcdir"/samples/docx/*.docx \
    "$top_srcdir"/test/cases/*.txt "$top_srcdir"/../shared/seeds/* \
    "$top_srcdir"/../shared/corpus/*/*.docx \
    "$top_srcdir"/../shared/corpus/*/*.txt; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$LIAISON" convert -q -f xml -o "$tmp/m/$n.xml" "$f" 2>/dev/null ||
	    rm -f "$tmp/m/$n.xml"
done
# DOCX with its tracked changes shown (ins, del, move-from, move-to).
for f in "$top_srcdir"/samples/docx/*.docx \
    "$top_srcdir"/../shared/corpus/*/*.docx; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$LIAISON" convert -q -t all -f xml -o "$tmp/m/$n.xml" "$f" \
	    2>/dev/null || rm -f "$tmp/m/$n.xml"
done
# The models kept by the other tests (the golden ones, Markdown's and
# the diff's inputs, ...), as they are.
for f in "$top_srcdir"/test/*/*.xml "$top_srcdir"/test/*/*/*.xml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$tmp/m/$n.xml"
done
# Diff models: the diff test's pairs, and the DOCX samples against
# their tracked changes.
for old in "$top_srcdir"/test/diff/cases/*.old.xml; do
	n=$((n + 1))
	"$LIAISON" diff -f xml -o "$tmp/m/$n.xml" "$old" \
	    "${old%.old.xml}.new.xml" 2>/dev/null
	[ $? -le 1 ] || rm -f "$tmp/m/$n.xml"
done
for f in "$top_srcdir"/samples/docx/*.docx; do
	n=$((n + 1))
	"$LIAISON" diff -f xml -o "$tmp/m/$n.xml" "$f" 2>/dev/null
	[ $? -le 1 ] || rm -f "$tmp/m/$n.xml"
done
models=$(ls "$tmp/m" | wc -l)
diffs=$(grep -l '^<diff' "$tmp"/m/*.xml | wc -l)
if [ "$models" -lt 40 ] || [ "$diffs" -lt 10 ]; then
	fail "only $models models ($diffs diffs) made: is the CLI working?"
fi

if (cd "$tmp/m" && "$differ" -n "${LIAISON_VALIDATE_MUTATIONS:-40}" \
    *.xml) >"$tmp/out" 2>"$tmp/err"; then
	ok
	cat "$tmp/out"
else
	fail "the validators disagree"
	head -c 20000 "$tmp/err" >&2
fi
# a run's cases must be many and of both verdicts
cases=$(sed -n 's/^differ: \([0-9]*\) cases (\([0-9]*\) invalid).*/\1 \2/p' \
    "$tmp/out")
set -- $cases 0 0
if [ "$1" -lt 1000 ] || [ "$2" -lt 300 ] || [ $(($1 - $2)) -lt 300 ]; then
	fail "too few cases, or of one verdict: $cases"
fi

# What the bundled schemas do not use (interleave, mixed, except, ...),
# with a schema of its own; and a construct the validator does not
# implement is refused, not guessed at.
if "$differ" -r "$top_srcdir/test/validate/extra.rng" \
    -n "${LIAISON_VALIDATE_EXTRA:-3000}" \
    "$top_srcdir"/test/validate/extra-*.xml >"$tmp/out" 2>"$tmp/err"; then
	ok
	cat "$tmp/out"
else
	fail "the validators disagree on test/validate/extra.rng"
	head -c 20000 "$tmp/err" >&2
fi
if "$differ" -R "$top_srcdir/test/validate/refused.rng" \
    "$top_srcdir/test/validate/extra-1.xml" >"$tmp/out" 2>&1 &&
    grep -q 'a name class other than a name' "$tmp/out"; then
	ok
else
	fail "test/validate/refused.rng is not refused: $(cat "$tmp/out")"
fi

# Threads validating at once get the verdicts of one alone.
sed 's/level="1"/level="0"/' "$tmp/m/1.xml" >"$tmp/bad.xml"
dm=$(grep -l '^<diff' "$tmp"/m/*.xml | head -n 1)
sed 's/ op="[a-z]*"/ op="bogus"/' "$dm" >"$tmp/bad-diff.xml"
if "$differ" -t "$tmp/m/1.xml" "$tmp/bad.xml" "$dm" "$tmp/bad-diff.xml" \
    >"$tmp/out" 2>&1; then
	ok
	cat "$tmp/out"
else
	fail "threads: $(cat "$tmp/out")"
fi

# Out of memory.
shim="$top_builddir/test/alloc/.libs/libfailmalloc.so"
if [ ! -f "$shim" ]; then
	echo "validate.sh: no failmalloc shim; its part skipped"
	finish
fi
# libxml2 (2.9.14) leaks in xmlReadMemory, and crashes (NULL
# dereference) or leaks in xmlRegexpCompile, when one of their
# allocations fails: those are never failed (the next one outside them
# is), as test/alloc.sh does for its own list.
FAILMALLOC_SPARE=${LIAISON_ALLOC_SPARE-xmlReadMemory,xmlRegexpCompile}
export FAILMALLOC_SPARE
ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=1:exitcode=86:allocator_may_return_null=1:fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$top_srcdir/test/alloc/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS LSAN_OPTIONS
# the differ itself, not libtool's wrapper script
prog="$top_builddir/test/validate/.libs/differ"
[ -x "$prog" ] || prog="$differ"
runs=${LIAISON_ALLOC_RUNS:-50}
SETUP_SLACK=8
# a valid model (the samples') and an invalid one, of each schema
for model in "$tmp/m/1.xml" "$tmp/bad.xml" "$dm" "$tmp/bad-diff.xml"; do
	verdict=$("$prog" -o "$model" | head -n 1)
	case $verdict in
	valid|invalid) ;;
	*) fail "$model: $verdict"; continue ;;
	esac
	DIFFER_SETUP_ONLY=1 FAILMALLOC_COUNT="$tmp/setup" LD_PRELOAD="$shim" \
	    "$prog" -o "$model" >/dev/null
	FAILMALLOC_COUNT="$tmp/total" LD_PRELOAD="$shim" "$prog" -o "$model" \
	    >/dev/null
	first=$(($(cat "$tmp/setup") + 1))
	total=$(cat "$tmp/total")
	if [ $((total - first)) -lt 100 ]; then
		fail "$model: only $((total - first)) allocations to fail: is the shim working?"
		continue
	fi
	step=$(( (total - first + runs - 1) / runs ))
	i=$first
	nomem=0
	while [ "$i" -le "$total" ]; do
		FAILMALLOC_FAIL=$i LD_PRELOAD="$shim" "$prog" -o "$model" \
		    >"$tmp/out" 2>"$tmp/err"
		status=$?
		got=$(tr '\n' ' ' <"$tmp/out")
		# libxml2 seeds its dictionary's hash from the clock, so the
		# setup (xmlReadFile) now and then takes an allocation or two
		# more than when counted: a failure there is the setup's
		# (exit 2, nothing printed), not the validator's.
		if [ "$status" -eq 2 ] && [ -z "$got" ] &&
		    [ "$i" -lt $((first + SETUP_SLACK)) ]; then
			i=$((i + 1))
			continue
		fi
		# the failed allocation is in the first validation, or in
		# the second (a message, when invalid), or in neither
		if [ "$status" -eq 0 ] && { [ "$got" = "$verdict $verdict " ] ||
		    [ "$got" = "nomem $verdict " ] ||
		    [ "$got" = "$verdict nomem " ]; }; then
			ok
			[ "$got" = "$verdict $verdict " ] ||
			    nomem=$((nomem + 1))
		else
			fail "$model: allocation $i failed: exit $status, '$got' (expected '$verdict' or 'nomem', then '$verdict')"
			head -n 5 "$tmp/err" >&2
		fi
		i=$((i + step))
	done
	echo "validate.sh: $(basename "$model"): allocations $first to $total failed (step $step), $nomem out of memory"
	[ "$nomem" -gt 0 ] || fail "$model: no failed allocation was noticed"
done
finish
