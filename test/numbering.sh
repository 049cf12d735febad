#!/bin/sh
# SPDX-License-Identifier: MIT
# test/numbering.sh: list and heading labels and numbers as Word shows
# them, over the fixtures in test/numbering/ (NAME.case, NAME.txt against
# NAME.labels) and, when pandoc's corpus is next to the source tree, the
# corpus files named in test/numbering/corpus/. See test/numbering/check.py.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${PYTHON3:=/usr/bin/python3}"

dump="$top_builddir/test/docx/dump"
cli="$top_builddir/liaison"
for f in "$dump" "$cli"; do
	if [ ! -x "$f" ]; then
		echo "numbering.sh: $f is not built" >&2
		exit 99
	fi
done
corpus="$top_srcdir/../shared/corpus/pandoc-docx"
[ -d "$corpus" ] || { echo "numbering.sh: no corpus at $corpus: fixtures only"; corpus=; }
# shellcheck disable=SC2086
exec "$PYTHON3" "$top_srcdir/test/numbering/check.py" \
    "$top_srcdir/test/numbering" "$cli" "$dump" \
    "$top_srcdir/test/docx/mkdocx.py" $corpus
