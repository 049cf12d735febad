#!/bin/sh
# readme.sh: README.md stays true.
#  - Its first command installs the libraries configure checks for and
#    ends by converting a bundled sample; that conversion works.
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

for lib in libxml2-dev libzip-dev libutf8proc-dev; do
	case "$build" in *" $lib"*) ok ;; *) fail "first command does not install $lib" ;; esac
done
convert=${build##*&& }
case "$convert" in
./liaison\ convert\ *)
	# shellcheck disable=SC2086
	if "$LIAISON" ${convert#./liaison } > "$tmp/out.json" 2> "$tmp/err" &&
	    "$PYTHON3" -m json.tool "$tmp/out.json" > /dev/null; then
		ok
	else
		fail "'$convert' failed: $(cat "$tmp/err")"
	fi ;;
*) fail "first command does not end with a conversion: $convert" ;;
esac
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
