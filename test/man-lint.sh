#!/bin/sh
# man-lint.sh: the manual pages are clean under `mandoc -Tlint
# -Wwarning` (no warnings, errors or unsupported macros). Skipped (77)
# when mandoc is not installed.

: "${top_srcdir:?}"
command -v mandoc > /dev/null 2>&1 || { echo "mandoc not found"; exit 77; }

status=0
for page in "$top_srcdir"/man/liaison.[135]; do
	out=$(mandoc -Tlint -Wwarning "$page" 2>&1)
	if [ $? != 0 ] || [ -n "$out" ]; then
		echo "FAIL: $page:" >&2
		echo "$out" >&2
		status=1
	fi
done
exit $status
