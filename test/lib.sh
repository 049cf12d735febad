# SPDX-License-Identifier: MIT
# lib.sh: shared setup of the shell tests (sourced).
# Gives: $top_srcdir, $top_builddir, $LIAISON (the CLI), $PYTHON3, $tmp
# (a temporary directory removed on exit), and helpers fail/ok/skip.
set -u
LC_ALL=C.UTF-8
export LC_ALL
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${PYTHON3:=/usr/bin/python3}"
LIAISON="$top_builddir/liaison"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*" >&2; }
# Prints the closing line and exits 0 or 1.
finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
	exit $?
}
