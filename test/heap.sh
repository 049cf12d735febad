#!/bin/sh
# SPDX-License-Identifier: MIT
# heap.sh: the command's heap policy (cli/heap.c). Huge pages are
# opt-in: with LIAISON_HUGE_PAGES=1, where the kernel offers transparent
# huge pages, memory the command allocates is backed by them; without
# it (the default) or with another value, they are not. Either way,
# memory one input frees stays for the next (malloc does not hand it
# back), and the outputs are the same bytes.
. "$(dirname "$0")/lib.sh"
unset LIAISON_HUGE_PAGES

probe="$top_builddir/test/heap-probe"
thp=/sys/kernel/mm/transparent_hugepage/enabled

# The outputs do not depend on the policy (it only changes where
# memory comes from): every sample, JSON and Markdown.
for f in "$top_srcdir"/samples/*.txt "$top_srcdir"/samples/docx/*.docx; do
	for fmt in json markdown; do
		LIAISON_HUGE_PAGES=1 "$LIAISON" convert --format="$fmt" "$f" \
		    > "$tmp/on" 2>&1
		on=$?
		"$LIAISON" convert --format="$fmt" "$f" > "$tmp/off" 2>&1
		off=$?
		if [ "$on" -ne 0 ] || [ "$off" -ne 0 ] ||
		    ! cmp -s "$tmp/on" "$tmp/off"; then
			fail "$(basename "$f") $fmt: differs with LIAISON_HUGE_PAGES=1" \
			    "(exit $on and $off; $(cmp "$tmp/on" "$tmp/off" 2>&1 | head -1))"
		else
			ok
		fi
	done
done

# Freed memory is kept for the next input, with or without huge pages
# (glibc's malloc; a sanitizer's is left alone).
for v in unset 1; do
	if [ $v = unset ]; then out=$("$probe")
	else out=$(LIAISON_HUGE_PAGES=$v "$probe"); fi
	case $out in
	sanitizer) ;;
	*kept=1*) ok ;;
	*)	fail "LIAISON_HUGE_PAGES $v: a freed 8 MB block is not kept ($out)" ;;
	esac
done

mode=$(sed -n 's/.*\[\([a-z]*\)\].*/\1/p' "$thp" 2>/dev/null)
case $mode in
always|madvise) ;;
*)	echo "transparent huge pages are not offered here ($thp: ${mode:-absent}); policy checks skipped"
	finish ;;
esac

out=$(LIAISON_HUGE_PAGES=1 "$probe" | sed '/^kept=/d') ||
    fail "heap-probe failed"
case $out in
sanitizer)
	echo "sanitizer build: the policy leaves that malloc alone; checks skipped" ;;
fallback)
	echo "the kernel had no huge page free; policy check skipped" ;;
huge_kb=*)
	kb=${out#huge_kb=}
	if [ "$kb" -gt 0 ]; then ok; else
		fail "LIAISON_HUGE_PAGES=1: a 16 MB block is not on huge pages ($out, THP $mode)"; fi
	# Under "always" the kernel gives huge pages to every program.
	if [ "$mode" = madvise ]; then
		for v in unset 0 yes; do
			if [ $v = unset ]; then out=$("$probe")
			else out=$(LIAISON_HUGE_PAGES=$v "$probe"); fi
			out=$(printf '%s\n' "$out" | sed '/^kept=/d')
			if [ "$out" = huge_kb=0 ]; then ok; else
				fail "LIAISON_HUGE_PAGES $v: huge pages all the same ($out)"; fi
		done
	fi ;;
*)	fail "heap-probe printed '$out'" ;;
esac
finish
