#!/bin/sh
# test/edges.sh: the command on its edges.
# - Limits hold for every kind of input: a file, stdin as "-", stdin
#   as /dev/stdin, a FIFO; for documents, models (-i model) and validate.
# - libxml2 writes nothing of its own (a directory given to validate).

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

finish
