#!/bin/sh
# SPDX-License-Identifier: MIT
# test/alloc.sh: makes each allocation in turn fail (test/alloc/
# failmalloc.c, preloaded) while `liaison convert` reads a small text and
# a small DOCX sample, and checks that every run either fails cleanly
# (exit 1 wherever memory ran out, the command's own allocations
# included, and a line saying "out of memory"; libxml2 may print its
# own lines before it) or, when the failed
# allocation had a fallback, writes exactly the normal output; never a
# crash, another status, a sanitizer report or (in a sanitizer build) a
# leak. When a conversion makes more allocations than
# LIAISON_ALLOC_RUNS (default 150; 50 in a sanitizer build), N steps
# over them evenly.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

shim="$top_builddir/test/alloc/.libs/libfailmalloc.so"
prog="$top_builddir/.libs/liaison"
if [ ! -f "$shim" ] || [ ! -x "$prog" ]; then
	# a static build (--disable-shared) has no shim to preload
	echo "alloc.sh: no shared shim or library; skipped"
	exit 77
fi
LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
# In a sanitizer build the shim comes before the ASan runtime; say that
# is meant, and give sanitizer findings a status of their own.
ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=1:exitcode=86:allocator_may_return_null=1:fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$top_srcdir/test/alloc/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
UBSAN_OPTIONS="halt_on_error=1:exitcode=86${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
# a sanitizer build runs each conversion several times slower
if ldd "$prog" 2>/dev/null | grep -q libasan; then
	runs=${LIAISON_ALLOC_RUNS:-50}
else
	runs=${LIAISON_ALLOC_RUNS:-150}
fi
# libzip (1.7) reports an allocation failing inside zip_open as "not a
# zip archive" (ZIP_ER_NOZIP), so the library cannot tell it apart from
# a zip whose central directory it cannot read: that one line ("damaged
# zip archive") is accepted as a clean error.
misreport='damaged zip archive: its central directory cannot be read$'
# libxml2 (2.9.14) itself crashes (NULL dereference in its RELAX NG
# code, or in its regexp parser: xmlRegexpCompile uses the copy of the
# pattern it failed to make) or leaks when an allocation fails while it
# compiles a RELAX NG schema or a pattern facet, builds its XML Schema
# datatype table, or validates; those allocations are never failed (the
# next one outside them is). LIAISON_ALLOC_SPARE= (empty) fails them
# too, to see libxml2's bugs.
FAILMALLOC_SPARE=${LIAISON_ALLOC_SPARE-xmlSchemaGetPredefinedType,xmlRelaxNGParse,xmlRelaxNGValidateDoc,xmlRegexpCompile}
export FAILMALLOC_SPARE

for input in "$top_srcdir/samples/ls-jca-idm-tor.txt" \
    "$top_srcdir/samples/docx/ls-jca-idm-tor.docx"; do
	name=$(basename "$input")
	cp "$input" "$tmp/$name"
	if ! (cd "$tmp" && FAILMALLOC_COUNT="$tmp/count" \
	    LD_PRELOAD="$shim" "$prog" convert -q "$name" >"$tmp/ref" \
	    2>"$tmp/err"); then
		fail "$name: does not convert with the shim loaded"
		cat "$tmp/err" >&2
		continue
	fi
	total=$(cat "$tmp/count")
	if [ "$total" -lt 100 ]; then
		fail "$name: only $total allocations counted: is the shim working?"
		continue
	fi
	step=$(( (total + runs - 1) / runs ))
	# the first allocations are the command's own (its options) and
	# libc's first FILE: each is tried, whatever the step
	for n in 1 2 3; do
		(cd "$tmp" && FAILMALLOC_FAIL=$n LD_PRELOAD="$shim" \
		    "$prog" convert -q "$name" >"$tmp/out" 2>"$tmp/err")
		status=$?
		if [ "$status" -eq 0 ] && cmp -s "$tmp/ref" "$tmp/out"; then
			ok
		elif [ "$status" -eq 1 ] &&
		    [ "$(cat "$tmp/err")" = "liaison: out of memory" ] ||
		    { [ "$status" -eq 1 ] &&
		    grep -q "^liaison: $name: out of memory\$" "$tmp/err"; }; then
			ok
		else
			fail "$name: allocation $n failed: exit $status, expected 1 and one 'out of memory' line"
			head -n 5 "$tmp/err" >&2
		fi
	done
	n=1
	tried=0
	clean=0
	while [ "$n" -le "$total" ]; do
		(cd "$tmp" && FAILMALLOC_FAIL=$n LD_PRELOAD="$shim" \
		    "$prog" convert -q "$name" >"$tmp/out" 2>"$tmp/err")
		status=$?
		tried=$((tried + 1))
		if [ "$status" -eq 0 ]; then
			if cmp -s "$tmp/ref" "$tmp/out"; then
				ok
			else
				fail "$name: allocation $n failed, exit 0 but the output differs"
			fi
		elif [ "$status" -eq 1 ] &&
		    grep -q 'out of memory' "$tmp/err" &&
		    ! grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
			clean=$((clean + 1))
			ok
		elif [ "$status" -eq 1 ] && grep -q "$misreport" "$tmp/err" &&
		    ! grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
			# clean, if mislabelled by libzip (see above)
			clean=$((clean + 1))
			ok
		else
			fail "$name: allocation $n of $total failed: exit $status"
			head -n 12 "$tmp/err" >&2
		fi
		n=$((n + step))
	done
	echo "alloc.sh: $name: $total allocations, $tried failed one at a time (step $step), $clean clean out-of-memory errors"
done
finish
