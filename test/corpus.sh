#!/bin/sh
# SPDX-License-Identifier: MIT
# test/corpus.sh: every .docx of pandoc's reader tests reads without
# error, and keeps at least the share of pandoc's words recorded for it
# in test/docx/corpus-floor.txt (which says why a file is below 100 %).
# Skipped (77) when the corpus is not next to the source tree.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${PYTHON3:=/usr/bin/python3}"

corpus="$top_srcdir/../shared/corpus/pandoc-docx"
if [ ! -d "$corpus" ]; then
	echo "corpus.sh: no corpus at $corpus: skipped"
	exit 77
fi
dump="$top_builddir/test/docx/dump"
if [ ! -x "$dump" ]; then
	echo "corpus.sh: $dump is not built" >&2
	exit 99
fi
cli=
[ -x "$top_builddir/liaison" ] && cli="$top_builddir/liaison"

# shellcheck disable=SC2086
exec "$PYTHON3" "$top_srcdir/test/docx/corpus.py" "$corpus" \
    "$top_srcdir/test/docx/corpus-floor.txt" "$dump" $cli
