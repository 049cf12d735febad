#!/bin/sh
# markdown.sh: the Markdown emitter.
#
# 1. File pairs in test/markdown/: NAME.xml (a model) or NAME.txt (a
#    document) is converted with `liaison convert -f markdown` and must
#    give NAME.md exactly. REGENERATE=1 rewrites the .md files instead
#    (review the diff before committing).
# 2. Every pair's Markdown and every bundled sample's is rendered with
#    cmark, and check-structure.py checks that the headings, list labels
#    and text of the model come back (skipped when cmark is missing).

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
done

if ! command -v cmark > /dev/null 2>&1; then
	echo "markdown.sh: cmark not found: structure checks skipped" >&2
else
	for input in "$DIR"/*.xml "$DIR"/*.txt "$top_srcdir"/samples/*.txt \
	    "$top_srcdir"/samples/docx/*.docx; do
		[ -f "$input" ] || continue
		base=$(basename "$input")
		if ! "$LIAISON" convert -f xml -i "$(case $input in
		    *.xml) echo model ;; *) echo auto ;; esac)" "$input" \
		    > "$tmp/model.xml" ||
		    ! "$LIAISON" convert -f markdown "$input" > "$tmp/doc.md"
		then
			fail "$base: convert failed"
			continue
		fi
		cp "$tmp/doc.md" "$tmp/$base.md"
		if ! "$PY" "$DIR/check-structure.py" "$tmp/model.xml" \
		    "$tmp/$base.md" >&2; then
			fail "$base: cmark does not give the model back"
			continue
		fi
		checks=$((checks + 1))
	done
fi

echo "markdown.sh: $checks checks passed, $failures failed"
[ $failures = 0 ] && [ $checks -gt 0 ]
