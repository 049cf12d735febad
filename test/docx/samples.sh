#!/bin/sh
# SPDX-License-Identifier: MIT
# test/docx/samples.sh: the DOCX samples (samples/docx/) say every word
# of the plain-text exports they were made from (samples/NAME.txt).
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${PYTHON3:=/usr/bin/python3}"
dump="$top_builddir/test/docx/dump"
if [ ! -x "$dump" ]; then
	echo "samples.sh: $dump is not built" >&2
	exit 99
fi
exec "$PYTHON3" "$top_srcdir/test/docx/samples.py" "$top_srcdir/samples" "$dump"
