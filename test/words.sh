#!/bin/sh
# words.sh: no word of a text input is lost (test/check-words.py) for
# the samples and the test cases.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99

for in in samples/*.txt test/cases/*.txt; do
	[ -f "$in" ] || continue
	if ! "$LIAISON" convert "$in" > "$tmp/out.json" 2> "$tmp/err"; then
		fail "$in: convert failed: $(cat "$tmp/err")"
	elif "$PYTHON3" test/check-words.py "$in" "$tmp/out.json" > "$tmp/msg"; then
		ok
	else
		fail "$(cat "$tmp/msg")"
	fi
done
finish
