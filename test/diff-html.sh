#!/bin/sh
# SPDX-License-Identifier: MIT
# test/diff-html.sh: the HTML page of a diff. For every case with
# changes in test/diff/cases: the page is well formed, self-contained,
# and shows each change's deleted words in <del> on the old side and its
# inserted words in <ins> on the new side (checked against the JSON of
# the same diff), each change's header names its old and new places, and
# the whole-document view holds every change in place. When Debian's
# chromium is installed, the same checks run on the DOM that headless
# chromium builds from the page, and chromium draws one page as a PNG
# (kept as test/diff-html.png in the build tree, to look at) that must be
# a real page: that size, and not blank. Without chromium the test is
# skipped (77) after the static checks passed.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PY=${PYTHON3:-/usr/bin/python3}
RUN="$top_builddir/test/diff/run-diff"
CASES="$top_srcdir/test/diff/cases"
CHECK="$top_srcdir/test/diff/check-html.py"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diff-html.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
pages=

side() {
	for ext in xml txt docx; do
		if [ -f "$CASES/$1.$2.$ext" ]; then
			echo "$CASES/$1.$2.$ext"
			return
		fi
	done
}

for exp in "$CASES"/*.expected; do
	[ -s "$exp" ] || continue
	name=$(basename "$exp" .expected)
	if [ -f "$CASES/$name.tracked.docx" ]; then
		set -- "$CASES/$name.tracked.docx"
	else
		old=$(side "$name" old)
		new=$(side "$name" new)
		[ -n "$old" ] && [ -n "$new" ] || continue
		set -- "$old" "$new"
	fi
	"$RUN" -f html "$@" > "$tmp/$name.html"
	rc1=$?
	"$RUN" -f json "$@" > "$tmp/$name.json"
	rc2=$?
	if [ $rc1 -ne 1 ] || [ $rc2 -ne 1 ]; then
		echo "FAIL: $name: run-diff exit $rc1/$rc2"
		fail=1
		continue
	fi
	if command -v xmllint > /dev/null 2>&1 &&
	    ! xmllint --html --noout "$tmp/$name.html"; then
		echo "FAIL: $name: xmllint --html"
		fail=1
	fi
	"$PY" "$CHECK" "$tmp/$name.html" "$tmp/$name.json" ||
	    { echo "FAIL: $name: page"; fail=1; }
	pages="$pages $name"
done
[ -n "$pages" ] || { echo "FAIL: no case with changes"; exit 1; }
[ $fail -eq 0 ] || exit 1

if [ ! -x "$CHROMIUM" ]; then
	echo "SKIP: $CHROMIUM not installed (static checks passed)"
	exit 77
fi
# A few pages are enough for the browser (each start takes seconds).
for name in ${CHROMIUM_CASES:-tor-annex-vs-standalone paragraphs table}; do
	[ -f "$tmp/$name.html" ] || { echo "FAIL: $name: no page"; fail=1; continue; }
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	"$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$profile" \
	    --dump-dom "file://$tmp/$name.html" > "$tmp/$name.dom" \
	    2> "$tmp/$name.chromium.log"
	if [ ! -s "$tmp/$name.dom" ]; then
		echo "FAIL: $name: chromium produced no DOM"
		tail -5 "$tmp/$name.chromium.log"
		fail=1
		continue
	fi
	"$PY" "$CHECK" "$tmp/$name.dom" "$tmp/$name.json" --dom ||
	    { echo "FAIL: $name: DOM"; fail=1; }
done
# What a reader sees: the first page drawn, 1200 pixels wide.
name=${CHROMIUM_SHOT:-tor-annex-vs-standalone}
profile=$(mktemp -d "$tmp/profile.XXXXXX")
shot="$top_builddir/test/diff-html.png"
rm -f "$shot"
(cd "$tmp" && "$CHROMIUM" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1200,1600 \
    --screenshot="$shot" "file://$tmp/$name.html" \
    > "$tmp/shot.log" 2>&1)
if ! "$PY" - "$shot" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1200, 1600), "size %dx%d" % (w, h)
# A blank page compresses to almost nothing; text does not.
assert len(data) > 20000, "%d bytes: blank?" % len(data)
EOF
then
	echo "FAIL: $name: no screenshot of the page"
	tail -5 "$tmp/shot.log"
	fail=1
fi
[ $fail -eq 0 ] && echo "PASS: HTML pages:$pages (DOM checked in chromium; $shot)"
exit $fail
