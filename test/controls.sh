#!/bin/sh
# SPDX-License-Identifier: MIT
# controls.sh: control characters of a document (ESC, BEL, CR, C1 such
# as U+009B CSI and U+0085, DEL) never reach a text output raw: the
# text diff (plain and coloured), the Markdown and HTML diffs and
# convert's Markdown show them as pictures (U+2400 + c, U+2421, U+FFFD
# for C1), so an inserted line cannot clear itself, move the cursor or
# retitle the terminal. test/controls/NEW.* insert such a line into
# OLD.*; the text outputs must equal the .expected files, and every
# output is checked by check-controls.py (no raw control, the line's
# words shown), and the XML outputs must be well formed (the text reader
# gives the model the pictures). LIAISON_UPDATE=1 rewrites the .expected
# files.

. "$(dirname "$0")/lib.sh"
DIR=$top_srcdir/test/controls
PY=$PYTHON3

# expect NAME: $tmp/NAME must equal $DIR/NAME.expected
expect() {
	if [ -n "${LIAISON_UPDATE:-}" ]; then
		cp "$tmp/$1" "$DIR/$1.expected"
	elif ! cmp -s "$DIR/$1.expected" "$tmp/$1"; then
		fail "$1 differs from $1.expected"
		diff -u "$DIR/$1.expected" "$tmp/$1" >&2
		return
	fi
	ok
}

# shown FILE [--sgr] WORDS...: no raw control in FILE, WORDS in it
shown() {
	f=$1 sgr=
	shift
	if [ "${1:-}" = --sgr ]; then
		sgr=--sgr
		shift
	fi
	if "$PY" "$DIR/check-controls.py" $sgr "$tmp/$f" "$@" >&2; then
		ok
	else
		fail "$f: control characters"
	fi
}

cd "$DIR" || exit 99
for ext in txt xml; do
	case $ext in
	txt) words="Pay to account 1234." ;;
	*) words="Send the money." ;;
	esac
	"$LIAISON" diff old.$ext new.$ext > "$tmp/diff-$ext"
	[ $? -eq 1 ] || fail "diff old.$ext new.$ext: exit status"
	expect "diff-$ext"
	shown "diff-$ext" "$words"
	"$LIAISON" diff --color=always old.$ext new.$ext > "$tmp/color-$ext"
	expect "color-$ext"
	shown "color-$ext" --sgr "$words"
	for f in markdown html; do
		"$LIAISON" diff -f $f old.$ext new.$ext > "$tmp/$f-$ext"
		shown "$f-$ext" "$words"
	done
	"$LIAISON" convert -f markdown new.$ext > "$tmp/convert-$ext"
	expect "convert-$ext"
	shown "convert-$ext" "$words"
	"$LIAISON" convert -f markdown --front-matter new.$ext \
	    > "$tmp/front-$ext"
	shown "front-$ext" "$words"
done
# The text reader gives the model the pictures of C0 controls (XML 1.0
# cannot hold them): the XML outputs are well formed.
if command -v xmllint > /dev/null 2>&1; then
	for cmd in "convert -f xml new.txt" "diff -f xml old.txt new.txt"; do
		# shellcheck disable=SC2086
		"$LIAISON" $cmd > "$tmp/out.xml"
		if xmllint --noout "$tmp/out.xml" &&
		    grep -q 'Pay to account 1234.␛\[2K' "$tmp/out.xml"
		then
			ok
		else
			fail "liaison $cmd: not well-formed XML"
		fi
	done
fi
# The checker itself sees a raw ESC.
printf 'a \033[2K b\n' > "$tmp/raw"
if "$PY" "$DIR/check-controls.py" "$tmp/raw" > /dev/null; then
	fail "check-controls.py misses a raw ESC"
else
	ok
fi
finish
