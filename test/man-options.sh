#!/bin/sh
# SPDX-License-Identifier: MIT
# man-options.sh: `liaison --help` and liaison(1) name the same options.
# For each command, the options in the .It lines of its subsection
# (".Ss convert", ...; the global ones under ".Ss Global options") must
# be the options its --help lists, and the reverse.

: "${top_srcdir:?}" "${top_builddir:?}"
LIAISON=$top_builddir/liaison
PAGE=$top_srcdir/man/liaison.1
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-opts.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# The options of one subsection of the page: "Fl x" -> -x, "Fl -xy" -> --xy.
man_options() {
	awk -v sect="$1" '
	/^\.S[hs] / { in_sect = ($0 == ".Ss " sect) ; next }
	in_sect && /^\.It / {
		for (i = 2; i <= NF; i++)
			if ($(i - 1) == "Fl") print "-" $i
	}' "$PAGE" | sed 's/[^-A-Za-z0-9].*//' | sort -u
}

# The options a --help text lists: on lines that start with blanks and
# a dash, every -x and --xy before the description.
help_options() {
	grep -E '^ +-' | sed -E 's/([^ ])   +.*$/\1/' |
	    grep -oE '(^|[ ,])--?[A-Za-z][-A-Za-z0-9]*' |
	    sed -E 's/^[ ,]//' | sort -u
}

status=0
compare() {
	if ! diff -u "$tmp/man" "$tmp/help" > "$tmp/diff"; then
		echo "FAIL: $1: liaison.1 (-) and --help (+) disagree:" >&2
		grep '^[-+][-]' "$tmp/diff" | grep -v '^[-+][-][-] ' >&2
		status=1
	fi
}

man_options "Global options" > "$tmp/man"
"$LIAISON" --help | help_options > "$tmp/help"
compare "liaison"
for cmd in convert diff validate schema; do
	man_options "$cmd" > "$tmp/man"
	"$LIAISON" $cmd --help | help_options > "$tmp/help"
	if [ ! -s "$tmp/man" ] || [ ! -s "$tmp/help" ]; then
		echo "FAIL: $cmd: no options found (page or help changed shape?)" >&2
		status=1
	fi
	compare "liaison $cmd"
done
exit $status
