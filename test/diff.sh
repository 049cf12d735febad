#!/bin/sh
# SPDX-License-Identifier: MIT
# test/diff.sh: the structural diff on file pairs (see test/diff/README.md).
#
# For each test/diff/cases/NAME.expected: NAME.old.* and NAME.new.*
# (model XML, plain text or DOCX), or NAME.tracked.docx (a DOCX with
# tracked changes: rejected against accepted), must give exactly the
# text output in
# NAME.expected (empty: no change, exit 0; else exit 1), JSON valid
# against liaison-diff.schema.json whose word operations rebuild both
# texts (and equal to NAME.expected.json when present), an XML diff valid
# against liaison-diff.rng, Markdown whose GFM rendering strikes out the
# deleted words and makes the inserted ones strong, and HTML.
# Then diff(A, A) must be empty for every case file and every sample.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PY=${PYTHON3:-/usr/bin/python3}
RUN="$top_builddir/test/diff/run-diff"
CASES="$top_srcdir/test/diff/cases"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diff-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0

say_fail() { echo "FAIL: $*"; fail=1; }

side() {  # side NAME old|new: the file of that side
	for ext in xml txt docx; do
		if [ -f "$CASES/$1.$2.$ext" ]; then
			echo "$CASES/$1.$2.$ext"
			return
		fi
	done
}

for exp in "$CASES"/*.expected; do
	name=$(basename "$exp" .expected)
	if [ -f "$CASES/$name.tracked.docx" ]; then
		# One argument: the DOCX against itself, changes rejected
		# and accepted.
		set -- "$CASES/$name.tracked.docx"
	else
		old=$(side "$name" old)
		new=$(side "$name" new)
		if [ -z "$old" ] || [ -z "$new" ]; then
			say_fail "$name: missing $name.old.* or $name.new.*"
			continue
		fi
		set -- "$old" "$new"
	fi
	n=$((n + 1))
	want=1
	[ -s "$exp" ] || want=0
	"$RUN" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt"
	rc=$?
	if [ $rc -ne $want ]; then
		say_fail "$name: exit $rc, expected $want"
		cat "$tmp/err.txt"
	fi
	if ! cmp -s "$exp" "$tmp/out.txt"; then
		say_fail "$name: text output differs"
		diff -u "$exp" "$tmp/out.txt" | head -40
	fi
	"$RUN" -f json "$@" > "$tmp/out.json" 2> "$tmp/err.txt"
	if [ $? -ne $want ]; then
		say_fail "$name: json: unexpected exit status"
		cat "$tmp/err.txt"
	fi
	jexp=
	[ -f "$CASES/$name.expected.json" ] && jexp="$CASES/$name.expected.json"
	"$PY" "$top_srcdir/test/diff/check-json.py" \
	    "$top_srcdir/schemas/liaison-diff.schema.json" "$tmp/out.json" \
	    $jexp || say_fail "$name: json check"
	"$RUN" -f xml "$@" > "$tmp/out.xml" 2> "$tmp/err.txt"
	if [ $? -ne $want ]; then
		say_fail "$name: xml: unexpected exit status"
		cat "$tmp/err.txt"
	elif command -v xmllint > /dev/null 2>&1 &&
	    ! xmllint --noout --relaxng "$top_srcdir/schemas/liaison-diff.rng" \
	    "$tmp/out.xml" 2> "$tmp/err.txt"; then
		say_fail "$name: xml output invalid"
		cat "$tmp/err.txt"
	fi
	for f in markdown html; do
		"$RUN" -f $f "$@" > "$tmp/out.$f" 2> "$tmp/err.txt"
		if [ $? -ne $want ] || [ ! -s "$tmp/out.$f" ]; then
			say_fail "$name: $f output"
			cat "$tmp/err.txt"
		fi
	done
	# Markdown, rendered as GitHub would: the struck-out and strong
	# words are the deleted and inserted ones (pandoc is optional).
	if command -v pandoc > /dev/null 2>&1; then
		pandoc -f gfm -t html "$tmp/out.markdown" > "$tmp/md.html" &&
		    "$PY" "$top_srcdir/test/diff/check-markdown.py" \
		    "$tmp/md.html" "$tmp/out.json" ||
		    say_fail "$name: markdown rendering"
	fi
	# Colour changes the rendering, never the changes.
	"$RUN" -c "$@" > "$tmp/color.txt" 2> "$tmp/err.txt"
	if [ $? -ne $want ]; then
		say_fail "$name: colour output"
	elif [ $want -eq 1 ] && ! grep -q "$(printf '\033')\[3[12]m" "$tmp/color.txt"; then
		say_fail "$name: colour output has no colours"
	elif ! sed "s/$(printf '\033')\[[0-9;]*m//g" "$tmp/color.txt" |
	    cmp -s - "$tmp/out.txt"; then
		# the [- -] and {+ +} markers stay: colour is not the
		# only signal
		say_fail "$name: colour output without its colours is not the text output"
	fi
done

# diff(A, A) is empty: every case file and every sample, whatever is there.
for f in "$CASES"/*.old.* "$CASES"/*.new.* "$CASES"/*.tracked.docx \
    "$top_srcdir"/samples/*.txt \
    "$top_srcdir"/samples/*.docx "$top_srcdir"/samples/*/*.txt \
    "$top_srcdir"/samples/*/*.docx; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$RUN" "$f" "$f" > "$tmp/same.txt" 2> "$tmp/err.txt"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$tmp/same.txt" ]; then
		say_fail "diff(A, A) for $(basename "$f"): exit $rc"
		head -20 "$tmp/same.txt" "$tmp/err.txt"
	fi
done

[ $n -gt 0 ] || { echo "FAIL: no cases found in $CASES"; exit 1; }
[ $fail -eq 0 ] && echo "PASS: $n diff checks"
exit $fail
