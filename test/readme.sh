#!/bin/sh
# SPDX-License-Identifier: MIT
# readme.sh: README.md stays true.
#  - Its first command installs the libraries configure checks for and
#    ends by converting a bundled sample, piped to something that keeps
#    it short; that conversion works and what it shows is short.
#  - Its second command (the tests) is the one .ci/run calls, verbatim.
#  - Every "$ ./liaison ..." example prints what the README shows.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99

# The fenced sh blocks of the Quick start, one command each.
awk '/^## Quick start/ { q = 1 } /^## / && !/Quick start/ { q = 0 }
    q && /^```sh$/ { inb = 1; next } inb && /^```$/ { inb = 0; next }
    inb { print }' README.md > "$tmp/cmds"
[ "$(wc -l < "$tmp/cmds")" -eq 2 ] || fail "Quick start should have two one-line commands"
build=$(sed -n 1p "$tmp/cmds")
tests=$(sed -n 2p "$tmp/cmds")

for lib in libxml2-dev libzip-dev libutf8proc-dev nettle-dev; do
	case "$build" in *" $lib"*) ok ;; *) fail "first command does not install $lib" ;; esac
done
last=${build##*&& }
convert=${last%% | *}
case "$convert" in
./liaison\ convert\ *)
	# shellcheck disable=SC2086
	if "$LIAISON" ${convert#./liaison } > "$tmp/out" 2> "$tmp/err" &&
	    [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
		ok
	else
		fail "'$convert' failed: $(cat "$tmp/err")"
	fi ;;
*) fail "first command does not end with a conversion: $convert" ;;
esac
# What the reader sees: a screenful at most, from the conversion.
if [ "$convert" != "$last" ]; then
	(cd "$top_srcdir" && eval "\"\$LIAISON\"${last#./liaison}") > "$tmp/shown" 2>&1
	lines=$(wc -l < "$tmp/shown")
	if [ "$lines" -ge 5 ] && [ "$lines" -le 30 ] &&
	    head -n "$lines" "$tmp/out" | cmp -s - "$tmp/shown"; then ok
	else fail "first command shows $lines lines, not the start of the conversion"; fi
else
	fail "first command prints all of the conversion: pipe it to head or jq"
fi
if grep -qxF "$tests" .ci/run; then
	ok
else
	fail ".ci/run does not run the README's test command: $tests"
fi

# Examples: "$ ./liaison ... | jq ..." followed by the expected output.
awk '/^```sh$/ { inb = 1; next } /^```$/ { if (inb && cmd != "") print "\036"; inb = 0; cmd = ""; next }
    inb && /^\$ / { cmd = substr($0, 3); print "\035" cmd; next }
    inb && cmd != "" { print }' README.md > "$tmp/examples"
n=0
while IFS= read -r line; do
	case "$line" in
	"$(printf '\035')"*)
		n=$((n + 1))
		printf '%s\n' "${line#?}" > "$tmp/cmd.$n"
		: > "$tmp/exp.$n" ;;
	"$(printf '\036')") ;;
	*) printf '%s\n' "$line" >> "$tmp/exp.$n" ;;
	esac
done < "$tmp/examples"
i=1
while [ $i -le $n ]; do
	cmd=$(sed "s|^\./liaison |\"\$LIAISON\" |" "$tmp/cmd.$i")
	if command -v jq > /dev/null; then
		if eval "$cmd" > "$tmp/got" 2>&1 && diff -u "$tmp/exp.$i" "$tmp/got" > "$tmp/diff"; then
			ok
		else
			fail "README example $i: $(cat "$tmp/cmd.$i")"
			cat "$tmp/diff" >&2
		fi
	fi
	i=$((i + 1))
done
[ $n -ge 3 ] || fail "expected README examples, found $n"
finish
