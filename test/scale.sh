#!/bin/sh
# SPDX-License-Identifier: MIT
# test/scale.sh: time and peak memory grow at most linearly with the
# repeats of each structure a document can amplify (issue 17): the
# shapes of test/amplify.py at N and 10 N, compared by test/scale.py.
# Ratios of two runs on the same machine, never a wall-clock threshold.
# LIAISON_SCALE_SHAPES="SHAPE[=N] ..." runs only those.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

prog="$top_builddir/.libs/liaison"
[ -x "$prog" ] || prog=$LIAISON
# a sanitizer build's time and memory are the sanitizers' own, and its
# shadow memory does not run under an address-space limit
if ldd "$prog" 2>/dev/null | grep -q libasan; then
	echo "scale.sh: sanitizer build; skipped"
	exit 77
fi
# no __pycache__ in the source tree (read-only in distcheck)
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE
# shellcheck disable=SC2086
"$PYTHON3" "$top_srcdir/test/scale.py" "$LIAISON" "$tmp" \
    ${LIAISON_SCALE_SHAPES:-}
