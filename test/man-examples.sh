#!/bin/sh
# SPDX-License-Identifier: MIT
# man-examples.sh: every command in the EXAMPLES of liaison(1) runs
# against the bundled samples and exits as the page says.
#
# Each ".Bd -literal" block of EXAMPLES holds commands ("$ ..."). The
# text before a block gives its exit status as "the exit status is N";
# without one, 0. Commands run in order in one scratch directory (so an
# example may use a file an earlier one wrote), with samples/ linked to
# the source tree's, under bash with pipefail. Examples that need jq are
# skipped when jq is not installed.

: "${top_srcdir:?}" "${top_builddir:?}"
PAGE=$top_srcdir/man/liaison.1
command -v bash > /dev/null 2>&1 || { echo "bash not found"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-examples.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/work"
ln -s "$top_srcdir/samples" "$tmp/work/samples"

# One line per command: STATUS<TAB>COMMAND.
awk '
/^\.Sh / { in_ex = ($0 == ".Sh EXAMPLES"); next }
!in_ex { next }
/^\.Bd -literal/ {
	status = 0
	if (match(prose, /exit status is [0-9]+/))
		status = substr(prose, RSTART + 15, RLENGTH - 15)
	in_block = 1
	prose = ""
	next
}
/^\.Ed/ { in_block = 0; next }
in_block && /^\$ / { print status "\t" substr($0, 3); next }
!in_block { prose = prose " " $0 }
' "$PAGE" | sed 's/\\e/\\/g' > "$tmp/commands"

if [ ! -s "$tmp/commands" ]; then
	echo "FAIL: no examples found in $PAGE" >&2
	exit 1
fi

have_jq=yes
command -v jq > /dev/null 2>&1 || have_jq=no
failures=0
ran=0
skipped=0
tab=$(printf '\t')
while IFS="$tab" read -r expect cmd; do
	case $cmd in
	*jq*)
		if [ $have_jq = no ]; then
			skipped=$((skipped + 1))
			continue
		fi
		;;
	esac
	(cd "$tmp/work" && PATH=$top_builddir:$PATH \
	    bash -o pipefail -c "$cmd") > "$tmp/out" 2> "$tmp/err" < /dev/null
	status=$?
	ran=$((ran + 1))
	if [ "$status" != "$expect" ]; then
		echo "FAIL: exit status $status, documented $expect: $cmd" >&2
		sed 's/^/  stderr: /' "$tmp/err" | head -n 5 >&2
		failures=$((failures + 1))
	elif [ "$status" = 0 ] && [ ! -s "$tmp/out" ] &&
	    ! printf '%s' "$cmd" | grep -Eq -- '(-o|-d|-q|mkdir|diff)( |$)'
	then
		# An example that prints nothing shows nothing: likely wrong
		# (except writing files, or diff finding no difference).
		echo "FAIL: no output: $cmd" >&2
		failures=$((failures + 1))
	fi
done < "$tmp/commands"

echo "man-examples.sh: $ran examples run, $failures failed, $skipped skipped (no jq)"
[ $failures = 0 ]
