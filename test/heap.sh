#!/bin/sh
# heap.sh: the command's heap policy (cli/heap.c). Where the kernel
# offers transparent huge pages, memory the command allocates is backed
# by them, LIAISON_HUGE_PAGES=0 turns that off, and either way the
# outputs are the same bytes.
. "$(dirname "$0")/lib.sh"

probe="$top_builddir/test/heap-probe"
thp=/sys/kernel/mm/transparent_hugepage/enabled

# The outputs do not depend on the policy (it only changes where
# memory comes from): every sample, JSON and Markdown.
for f in "$top_srcdir"/samples/*.txt "$top_srcdir"/samples/docx/*.docx; do
	for fmt in json markdown; do
		"$LIAISON" convert --format="$fmt" "$f" > "$tmp/on" 2>&1
		on=$?
		LIAISON_HUGE_PAGES=0 "$LIAISON" convert --format="$fmt" "$f" \
		    > "$tmp/off" 2>&1
		off=$?
		if [ "$on" -ne 0 ] || [ "$off" -ne 0 ] ||
		    ! cmp -s "$tmp/on" "$tmp/off"; then
			fail "$(basename "$f") $fmt: differs with LIAISON_HUGE_PAGES=0" \
			    "(exit $on and $off; $(cmp "$tmp/on" "$tmp/off" 2>&1 | head -1))"
		else
			ok
		fi
	done
done

mode=$(sed -n 's/.*\[\([a-z]*\)\].*/\1/p' "$thp" 2>/dev/null)
case $mode in
always|madvise) ;;
*)	echo "transparent huge pages are not offered here ($thp: ${mode:-absent}); policy checks skipped"
	finish ;;
esac

out=$("$probe") || fail "heap-probe failed"
case $out in
sanitizer)
	echo "sanitizer build: the policy leaves that malloc alone; checks skipped" ;;
fallback)
	echo "the kernel had no huge page free; policy check skipped" ;;
huge_kb=*)
	kb=${out#huge_kb=}
	if [ "$kb" -gt 0 ]; then ok; else
		fail "a 16 MB block is not on huge pages ($out, THP $mode)"; fi
	if [ "$mode" = madvise ]; then
		out=$(LIAISON_HUGE_PAGES=0 "$probe")
		if [ "$out" = huge_kb=0 ]; then ok; else
			fail "LIAISON_HUGE_PAGES=0 still gives huge pages ($out)"; fi
	fi ;;
*)	fail "heap-probe printed '$out'" ;;
esac
finish
