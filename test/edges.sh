#!/bin/sh
# SPDX-License-Identifier: MIT
# test/edges.sh: the command on its edges.
# - Limits hold for every kind of input: a file, stdin as "-", stdin
#   as /dev/stdin, a FIFO; for documents, models (-i model) and validate.
# - libxml2 writes nothing of its own (a directory given to validate).
# - Help, version and schema lists that cannot be written say so.
# - An input is never overwritten by its own output (-o, -d, links).
# - -o over a file it could not write is refused; one it replaces keeps
#   its owner, group and mode.
# - SIGTERM, SIGHUP, SIGINT and SIGXFSZ leave no temp file behind.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/test/lib.sh"

LS=$top_srcdir/samples/ls-cg-iotsec-tor.txt
"$LIAISON" convert -q -f xml -o "$tmp/model.xml" "$LS" || exit 99
RAISE='(raise with --limit input-bytes=SIZE)'

# expect_err NAME STATUS LINE: the last run ($got, $tmp/err) exited with
# STATUS and printed exactly LINE on stderr.
expect_err() {
	if [ "$got" -ne "$2" ]; then
		fail "$1: exit status $got, expected $2"
		head -n 3 "$tmp/err" >&2
	elif [ "$(cat "$tmp/err")" != "$3" ]; then
		fail "$1: stderr is not: $3"
		head -n 3 "$tmp/err" >&2
	else
		ok
	fi
}

# --- limits on every kind of input --------------------------------------

# Each kind of input, over a 1 KiB input-bytes limit.
for kind in text model; do
	if [ $kind = text ]; then
		src=$LS name=ls-cg-iotsec-tor.txt mode=
	else
		src=$tmp/model.xml name=model.xml mode="-i model"
	fi
	size=$(wc -c < "$src" | tr -d ' ')
	# a regular file: refused by its size before it is read
	# shellcheck disable=SC2086
	"$LIAISON" convert -q -L input-bytes=1k $mode "$src" \
	    > /dev/null 2> "$tmp/err"
	got=$?
	sed -i "s#$(dirname "$src")/##" "$tmp/err"
	expect_err "convert $kind file" 1 "liaison: $name: input is $size bytes, more than the input-bytes limit of 1 KiB $RAISE"
	for path in - /dev/stdin; do
		# shellcheck disable=SC2086
		cat "$src" | "$LIAISON" convert -q -L input-bytes=1k $mode \
		    "$path" > "$tmp/out" 2> "$tmp/err"
		got=$?
		expect_err "convert $kind from a pipe as $path" 1 "liaison: $path: input is larger than the input-bytes limit of 1 KiB $RAISE"
		[ -s "$tmp/out" ] && fail "convert $kind from a pipe: output written"
	done
	rm -f "$tmp/fifo"
	mkfifo "$tmp/fifo" || exit 99
	cat "$src" > "$tmp/fifo" &
	# shellcheck disable=SC2086
	"$LIAISON" convert -q -L input-bytes=1k $mode "$tmp/fifo" \
	    > /dev/null 2> "$tmp/err"
	got=$?
	wait
	sed -i "s#$tmp/##" "$tmp/err"
	expect_err "convert $kind from a FIFO" 1 "liaison: fifo: input is larger than the input-bytes limit of 1 KiB $RAISE"
	# and under the limit, a pipe reads as the file does
	# shellcheck disable=SC2086
	if cat "$src" | "$LIAISON" convert -q $mode - > "$tmp/pipe.json" &&
	    "$LIAISON" convert -q $mode "$src" | sed "s#$src#-#" |
	    cmp -s - "$tmp/pipe.json"; then
		ok
	else
		fail "convert $kind from a pipe differs from the file"
	fi
done

# validate: a pipe, stdin and a FIFO are held to the limit too; no
# verdict on what was not read
for path in - /dev/stdin; do
	"$LIAISON" validate -L input-bytes=1k "$path" < "$tmp/model.xml" \
	    > "$tmp/out" 2> "$tmp/err"
	got=$?
	# (a redirected file is a regular file: its size is known)
	size=$(wc -c < "$tmp/model.xml" | tr -d ' ')
	expect_err "validate $path from a file" 1 "liaison: $path: input is $size bytes, more than the input-bytes limit of 1 KiB $RAISE"
	cat "$tmp/model.xml" | "$LIAISON" validate -L input-bytes=1k "$path" \
	    > "$tmp/out" 2> "$tmp/err"
	got=$?
	expect_err "validate $path from a pipe" 1 "liaison: $path: input is larger than the input-bytes limit of 1 KiB $RAISE"
	if [ -s "$tmp/out" ]; then
		fail "validate $path over the limit: a verdict was printed"
	else
		ok
	fi
done
cat "$tmp/model.xml" | "$LIAISON" validate - > "$tmp/out" 2> "$tmp/err"
got=$?
if [ $got -eq 0 ] && [ "$(cat "$tmp/out")" = "-: valid" ] &&
    [ ! -s "$tmp/err" ]; then
	ok
else
	fail "validate - from a pipe under the limit (status $got)"
fi

# --- libxml2 adds nothing to stderr -----------------------------------------

"$LIAISON" validate "$tmp" > "$tmp/out" 2> "$tmp/err"
got=$?
sed -i "s#$tmp#TMP#" "$tmp/err"
expect_err "validate a directory" 2 "liaison: TMP: cannot read: Is a directory"

# --- write errors on help, version and lists ---------------------------------

if [ -w /dev/full ]; then
	for args in "--help" "-V" "--version" "help" "convert --help" \
	    "validate --help" "schema --help" "schema -l" "schema" \
	    "diff --help"; do
		# shellcheck disable=SC2086
		"$LIAISON" $args > /dev/full 2> "$tmp/err"
		got=$?
		want=3
		[ "$args" = "diff --help" ] && want=2
		expect_err "$args to a full disk" $want "liaison: stdout: No space left on device"
	done
fi

# --- an input is never its own output ----------------------------------------

cp "$LS" "$tmp/in.txt"
cp "$LS" "$tmp/keep.txt"
ln "$tmp/in.txt" "$tmp/hard.json"
ln -s in.txt "$tmp/soft.json"
mkdir -p "$tmp/d"
cp "$tmp/model.xml" "$tmp/d/m.xml"
# same CMD...: refused with status 2 and one line naming the output;
# the input is left as it was
same() {
	(cd "$tmp" && "$LIAISON" "$@" > /dev/null 2> "$tmp/err" < "${stdin:-/dev/null}")
	got=$?
	if [ $got -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
	    grep -q "is the input .* itself: not overwritten$" "$tmp/err" &&
	    cmp -s "$tmp/in.txt" "$tmp/keep.txt" &&
	    cmp -s "$tmp/d/m.xml" "$tmp/model.xml"; then
		ok
	else
		fail "refused as its own output (status $got): $*"
		cat "$tmp/err" >&2
	fi
}
same convert -o in.txt in.txt
same convert -o ./in.txt in.txt
same convert -o hard.json in.txt
same convert -o soft.json in.txt
same convert -f xml -d d d/m.xml
stdin=$tmp/in.txt same convert -o in.txt -
stdin=
same diff -o in.txt keep.txt in.txt

# --- a file we could not write is not replaced; one we replace keeps its owner and mode

printf 'earlier\n' > "$tmp/ro.json"
chmod 0444 "$tmp/ro.json"
if [ "$(id -u)" -ne 0 ]; then
	"$LIAISON" convert -o "$tmp/ro.json" "$LS" > /dev/null 2> "$tmp/err"
	got=$?
	sed -i "s#$tmp/##" "$tmp/err"
	expect_err "-o over a read-only file" 3 "liaison: ro.json: cannot write: Permission denied"
	[ "$(cat "$tmp/ro.json")" = earlier ] || fail "a read-only file was replaced"
else
	# root may write it, as with open(2): then owner, group and mode stay
	chown 65534:65534 "$tmp/ro.json"
	if "$LIAISON" convert -o "$tmp/ro.json" "$LS" 2> "$tmp/err" &&
	    [ "$(stat -c '%u:%g %a' "$tmp/ro.json")" = "65534:65534 444" ] &&
	    grep -q '"model"' "$tmp/ro.json"; then
		ok
	else
		fail "-o over another user's read-only file: $(stat -c '%u:%g %a' "$tmp/ro.json")"
		cat "$tmp/err" >&2
	fi
fi

# --- temp files go when a signal ends the run ---------------------------------

# leftovers: the temp files in $tmp/s
leftovers() {
	find "$tmp/s" -name '.*.tmp.*' | wc -l | tr -d ' '
}
mkdir -p "$tmp/s"
for sig in TERM HUP INT; do
	rm -f "$tmp/s/fifo" && mkfifo "$tmp/s/fifo" || exit 99
	# -o opens its temp file first, then waits on the FIFO; started with
	# the signal's default action (a background job ignores SIGINT; a
	# suite run under nohup ignores SIGHUP, which liaison leaves so)
	"$PYTHON3" -c 'import os, signal, sys
signal.signal(signal.SIG'"$sig"', signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$LIAISON" convert -o "$tmp/s/out.json" \
	    "$tmp/s/fifo" 2> "$tmp/err" &
	pid=$!
	i=0
	while [ "$(leftovers)" = 0 ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(leftovers)" = 1 ] || fail "SIG$sig: no temp file to remove"
	kill -"$sig" $pid
	wait $pid
	got=$?
	want=$((128 + $(kill -l "$sig")))
	if [ $got -eq $want ] && [ "$(leftovers)" = 0 ] &&
	    [ ! -e "$tmp/s/out.json" ]; then
		ok
	else
		fail "SIG$sig during -o: status $got (want $want), $(leftovers) temp files left"
	fi
done
# SIGXFSZ: the output outgrows the file size limit, with -o and with -d
for out in "-o $tmp/s/out.json" "-d $tmp/s"; do
	# shellcheck disable=SC2086
	(ulimit -f 1 && exec "$LIAISON" convert $out "$LS") 2> /dev/null
	got=$?
	want=$((128 + $(kill -l XFSZ)))
	if [ $got -eq $want ] && [ "$(leftovers)" = 0 ]; then
		ok
	else
		fail "SIGXFSZ with $out: status $got (want $want), $(leftovers) temp files left"
	fi
done

finish
