#!/bin/sh
# SPDX-License-Identifier: MIT
# man-lint.sh: the manual pages are clean under `mandoc -Tlint
# -Wstyle` (no style notes, warnings, errors or unsupported macros),
# except the notes that depend on the manuals installed here (a
# referenced page not found, an outdated mandoc.db). Skipped (77) when
# mandoc is not installed.

: "${top_srcdir:?}"
command -v mandoc > /dev/null 2>&1 || { echo "mandoc not found"; exit 77; }

status=0
for page in "$top_srcdir"/man/liaison.[135]; do
	out=$(mandoc -Tlint -Wstyle "$page" 2>&1)
	rc=$?
	out=$(printf '%s\n' "$out" | grep -v -e 'STYLE: referenced manual not found' \
	    -e 'mandoc\.db')
	# mandoc exits 1 for style notes alone: the filtered text decides.
	if [ $rc -gt 1 ] || [ -n "$out" ]; then
		echo "FAIL: $page:" >&2
		echo "$out" >&2
		status=1
	fi
done
exit $status
