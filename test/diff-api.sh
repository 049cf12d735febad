#!/bin/sh
# SPDX-License-Identifier: MIT
# test/diff-api.sh: the diff's public API on its edges (test/diff/api-diff.c)
# on a pair of models from test/diff/cases.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
exec "$top_builddir/test/diff/api-diff" \
    "$top_srcdir/test/diff/cases/paragraphs.old.xml" \
    "$top_srcdir/test/diff/cases/paragraphs.new.xml"
