#!/bin/sh
# SPDX-License-Identifier: MIT
# completion.sh: cli/liaison.bash-completion completes what liaison(1)
# accepts. Each line of test/cli/completion.txt is "WORDS<TAB>EXPECTED":
# the command line being completed (the last word is the one under the
# cursor; "" for an empty one) and the sorted completions. Run in a
# scratch directory holding a.txt b.docx c.xml d.pdf and sub/. Skipped
# (77) without bash or the bash-completion package.

: "${top_srcdir:?}" "${top_builddir:?}"
LC_ALL=C
export LC_ALL
command -v bash > /dev/null 2>&1 || { echo "bash not found"; exit 77; }
BC=
for f in /usr/share/bash-completion/bash_completion \
    /usr/local/share/bash-completion/bash_completion \
    /etc/bash_completion; do
	[ -f "$f" ] && { BC=$f; break; }
done
[ -n "$BC" ] || { echo "bash-completion not installed"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-compl.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/work" "$tmp/work/sub"
touch "$tmp/work/a.txt" "$tmp/work/b.docx" "$tmp/work/c.xml" \
    "$tmp/work/d.pdf"

cd "$tmp/work" && BC=$BC PATH="$top_builddir:$PATH" bash -c '
source "$BC"
source "$1"
status=0
tab=$(printf "\t")
while IFS="$tab" read -r line expect; do
	case $line in "#"*|"") continue ;; esac
	eval "COMP_WORDS=($line)"
	COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_liaison 2>/dev/null
	got=$(printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//")
	if [ "$got" != "$expect" ]; then
		echo "FAIL: $line: got \"$got\", expected \"$expect\"" >&2
		status=1
	fi
done < "$2"
exit $status
' sh "$top_srcdir/cli/liaison.bash-completion" "$top_srcdir/test/cli/completion.txt"
