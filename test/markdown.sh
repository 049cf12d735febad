#!/bin/sh
# SPDX-License-Identifier: MIT
# markdown.sh: the Markdown emitter.
#
# 1. File pairs in test/markdown/: NAME.xml (a model) or NAME.txt (a
#    document) is converted with `liaison convert -f markdown` and must
#    give NAME.md exactly. REGENERATE=1 rewrites the .md files instead
#    (review the diff before committing). NAME.front.md, when present,
#    is the same with --front-matter.
# 2. The Markdown of every pair, bundled sample, test case and (when it
#    is next to the source tree) corpus file is rendered with cmark, and
#    check-structure.py checks that the metadata list, headings, list
#    labels and text of the model come back; the pairs' and samples'
#    also with --front-matter (skipped when cmark is missing).

: "${top_srcdir:?}" "${top_builddir:?}"
LIAISON=$top_builddir/liaison
DIR=$top_srcdir/test/markdown
PY=${PYTHON3:-/usr/bin/python3}
LC_ALL=C.UTF-8
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-md.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
checks=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

cd "$DIR" || exit 99
for input in *.xml *.txt; do
	[ -f "$input" ] || continue
	name=${input%.*}
	if ! "$LIAISON" convert -f markdown "$input" > "$tmp/$name.md"; then
		fail "$input: convert failed"
		continue
	fi
	if [ -n "$REGENERATE" ]; then
		cp "$tmp/$name.md" "$DIR/$name.md"
	elif ! diff -u "$name.md" "$tmp/$name.md" >&2; then
		fail "$input: Markdown differs from $name.md"
		continue
	fi
	checks=$((checks + 1))
	[ -f "$name.front.md" ] || continue
	if ! "$LIAISON" convert -f markdown --front-matter "$input" \
	    > "$tmp/$name.front.md"; then
		fail "$input: convert --front-matter failed"
	elif [ -n "$REGENERATE" ]; then
		cp "$tmp/$name.front.md" "$DIR/$name.front.md"
	elif ! diff -u "$name.front.md" "$tmp/$name.front.md" >&2; then
		fail "$input: Markdown differs from $name.front.md"
	else
		checks=$((checks + 1))
	fi
done

# check MODES INPUT: convert INPUT in each mode ("" or --front-matter)
# and check what cmark makes of it.
check() {
	modes=$1 input=$2 base=$(basename "$2")
	if ! "$LIAISON" convert -f xml -i "$(case $input in
	    *.xml) echo model ;; *) echo auto ;; esac)" "$input" \
	    > "$tmp/model.xml"; then
		fail "$base: convert failed"
		return
	fi
	for mode in $modes; do
		[ "$mode" = default ] && mode=
		# shellcheck disable=SC2086
		if ! "$LIAISON" convert -f markdown $mode "$input" \
		    > "$tmp/doc.md"; then
			fail "$base: convert $mode failed"
			continue
		fi
		# shellcheck disable=SC2086
		if ! "$PY" "$DIR/check-structure.py" $mode "$tmp/model.xml" \
		    "$tmp/doc.md" >&2; then
			fail "$base ${mode:-(default)}: cmark does not give the model back"
			continue
		fi
		checks=$((checks + 1))
	done
}

if ! command -v cmark > /dev/null 2>&1; then
	echo "markdown.sh: cmark not found: structure checks skipped" >&2
else
	for input in "$DIR"/*.xml "$DIR"/*.txt "$top_srcdir"/samples/*.txt \
	    "$top_srcdir"/samples/docx/*.docx; do
		[ -f "$input" ] && check "default --front-matter" "$input"
	done
	for input in "$top_srcdir"/test/cases/*.txt \
	    "$top_srcdir"/../shared/corpus/pandoc-docx/*.docx; do
		[ -f "$input" ] && check default "$input"
	done
fi

echo "markdown.sh: $checks checks passed, $failures failed"
[ $failures = 0 ] && [ $checks -gt 0 ]
