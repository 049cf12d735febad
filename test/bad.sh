#!/bin/sh
# SPDX-License-Identifier: MIT
# test/bad.sh: broken and hostile inputs through `liaison convert` and
# `liaison validate`: each fails with one clear line and its exit status
# (or, for odd but real documents, converts), never a crash or a hang.
#
# Each test/bad/NAME.expect describes one run, a `key: value` a line:
#   input:  the input file, found as test/bad/FILE (committed), made from
#           test/bad/BASE.case by test/docx/mkdocx.py, or written by
#           test/bad/mkbad.py (big, binary or made at test time)
#   run:    convert (default) or validate
#   args:   more arguments, split on blanks (e.g. -i docx)
#   status: the exit status
#   error:  an extended regexp the one line of stderr must match (no
#           error line: stderr must be empty)
#   secret: unread: the XXE canary (a FIFO the inputs name) must never
#           be opened
#   output: keep: run with -o over an existing file, which must be left
#           as it was when the run fails (the command's line saying so
#           is not counted as the error line)
#   slow:   yes: only run with LIAISON_BAD_SLOW=1 (inputs that must be
#           inflated and parsed for tens of seconds before a limit stops
#           them; test/docx.sh covers the same stops with lowered limits)
# Every run is under a watchdog (LIAISON_BAD_TIMEOUT seconds, default
# 600): a hang fails instead of stalling make check. That is a guard,
# not a speed test.
# LIAISON_WRAPPER, when set, is put before the command (e.g. valgrind).

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

bad="$top_srcdir/test/bad"
: "${LIAISON_BAD_TIMEOUT:=600}"
: "${LIAISON_WRAPPER:=}"
slow=
[ "${LIAISON_BAD_SLOW:-0}" = 1 ] && slow=--slow

# a wrapper (valgrind) must run the real binary, not libtool's script
if [ -n "$LIAISON_WRAPPER" ] && [ -x "$top_builddir/.libs/liaison" ]; then
	LIAISON="$top_builddir/.libs/liaison"
	LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
fi
if [ ! -x "$LIAISON" ]; then
	echo "bad.sh: $LIAISON is not built" >&2
	exit 99
fi
"$PYTHON3" "$bad/mkbad.py" "$top_srcdir" "$tmp" $slow || {
	echo "bad.sh: mkbad.py failed" >&2
	exit 99
}
# The XXE canary: a FIFO, so that any open of it shows (a writer waiting
# on it is released) whatever the parser would do with its contents.
rm -f "$tmp/secret.txt"
mkfifo "$tmp/secret.txt" || exit 99
for c in "$bad"/*.case; do
	[ -f "$c" ] || continue
	"$PYTHON3" "$top_srcdir/test/docx/mkdocx.py" "$c" \
	    "$tmp/$(basename "$c" .case).docx" || exit 99
done

# field KEY FILE: the value of `KEY: ...` in FILE, or nothing.
field() {
	sed -n "s/^$1: *//p" "$2" | head -n 1
}

for expect in "$bad"/*.expect; do
	name=$(basename "$expect" .expect)
	input=$(field input "$expect")
	run=$(field run "$expect")
	args=$(field args "$expect")
	status=$(field status "$expect")
	error=$(field error "$expect")
	secret=$(field secret "$expect")
	output=$(field output "$expect")
	if [ "$(field slow "$expect")" = yes ] && [ -z "$slow" ]; then
		continue
	fi
	: "${run:=convert}"
	if [ -f "$bad/$input" ]; then
		cp "$bad/$input" "$tmp/$input"
	elif [ ! -f "$tmp/$input" ]; then
		fail "$name: no input $input"
		continue
	fi
	writer=
	if [ "$secret" = unread ]; then
		(printf 'XXE-CANARY\n' >"$tmp/secret.txt") 2>/dev/null &
		writer=$!
	fi
	outarg=
	if [ "$output" = keep ]; then
		printf 'earlier work\n' >"$tmp/kept.out"
		outarg="-o kept.out"
	fi
	rm -f "$tmp/stdout" "$tmp/stderr"
	# shellcheck disable=SC2086
	(cd "$tmp" && timeout "$LIAISON_BAD_TIMEOUT" $LIAISON_WRAPPER \
	    "$LIAISON" "$run" -q $outarg $args "$input" \
	    >"$tmp/stdout" 2>"$tmp/stderr")
	got=$?
	if [ "$got" -eq 124 ]; then
		fail "$name: no answer within $LIAISON_BAD_TIMEOUT s (a hang?)"
	elif [ "$got" -ne "$status" ]; then
		fail "$name: exit status $got, expected $status"
		head -n 5 "$tmp/stderr" >&2
	elif [ -n "$error" ]; then
		# with -o the command adds why it left the output alone
		if [ "$output" = keep ]; then
			grep -v '^liaison: kept\.out: not written: ' \
			    "$tmp/stderr" >"$tmp/stderr.1"
			mv "$tmp/stderr.1" "$tmp/stderr"
		fi
		lines=$(wc -l <"$tmp/stderr")
		if [ "$lines" -ne 1 ]; then
			fail "$name: $lines lines on stderr, expected one"
			head -n 5 "$tmp/stderr" >&2
		elif ! grep -Eq -- "$error" "$tmp/stderr"; then
			fail "$name: stderr does not match: $error"
			cat "$tmp/stderr" >&2
		elif [ "$run" = convert ] && [ -s "$tmp/stdout" ]; then
			fail "$name: output written for a failed input"
		else
			ok
		fi
	elif [ -s "$tmp/stderr" ]; then
		fail "$name: unexpected stderr"
		head -n 5 "$tmp/stderr" >&2
	else
		ok
	fi
	if [ -n "$writer" ]; then
		if kill -0 "$writer" 2>/dev/null; then
			kill "$writer" 2>/dev/null
			wait "$writer" 2>/dev/null
			ok
		else
			fail "$name: the external entity was opened"
		fi
		# a fresh FIFO, in case something half-read the old one
		rm -f "$tmp/secret.txt" && mkfifo "$tmp/secret.txt"
	fi
	if [ "$output" = keep ]; then
		if [ "$(cat "$tmp/kept.out")" = "earlier work" ]; then
			ok
		else
			fail "$name: the failed run changed its -o file"
		fi
	fi
done
finish
