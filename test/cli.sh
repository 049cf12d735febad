#!/bin/sh
# SPDX-License-Identifier: MIT
# cli.sh: the `liaison` command's behaviour: the file-pair cases in
# test/cli/ (see test/cli/README), then checks that need several steps:
# JSON Lines, stdin, atomic -o, --output-dir, model round trips, diff
# and validate exit statuses, write errors.

: "${top_srcdir:?}" "${top_builddir:?}"
LIAISON=$top_builddir/liaison
CASES=$top_srcdir/test/cli
PY=${PYTHON3:-/usr/bin/python3}
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-cli.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

failures=0
checks=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
ok() {
	checks=$((checks + 1))
}

# --- file-pair cases ------------------------------------------------

# Runs "$LIAISON" with the arguments listed one per line in $1.
run_args() {
	argsfile=$1
	shift
	set --
	while IFS= read -r a || [ -n "$a" ]; do
		set -- "$@" "$(printf '%s' "$a" | sed "s#@TMP@#$tmp#g")"
	done < "$argsfile"
	"$LIAISON" "$@"
}

# Each line of $1 (a regexp) must match some line of $2.
grep_each() {
	while IFS= read -r re || [ -n "$re" ]; do
		grep -Eq -- "$re" "$2" || return 1
	done < "$1"
}

for args in "$CASES"/*.args; do
	name=$(basename "$args" .args)
	base=$CASES/$name
	stdin=/dev/null
	[ -f "$base.stdin" ] && stdin=$base.stdin
	(cd "$CASES" && run_args "$args" < "$stdin" \
	    > "$tmp/$name.out" 2> "$tmp/$name.err")
	status=$?
	sed -i "s#$tmp#@TMP@#g" "$tmp/$name.out" "$tmp/$name.err"
	expect=$(cat "$base.status")
	if [ "$status" != "$expect" ]; then
		fail "$name: exit status $status, expected $expect"
		sed 's/^/  stderr: /' "$tmp/$name.err" >&2
		continue
	fi
	for stream in stdout stderr; do
		got=$tmp/$name.out
		[ $stream = stderr ] && got=$tmp/$name.err
		if [ -f "$base.$stream" ] &&
		    ! diff -u "$base.$stream" "$got" >&2; then
			fail "$name: $stream differs"
			continue 2
		fi
		if [ -f "$base.$stream-grep" ] &&
		    ! grep_each "$base.$stream-grep" "$got"; then
			fail "$name: $stream does not match $name.$stream-grep"
			sed "s/^/  $stream: /" "$got" >&2
			continue 2
		fi
	done
	ok
done

# --- checks of several steps ----------------------------------------

cd "$CASES" || exit 99
LS=input/ls.txt
REPORT=input/report.txt

# A JSON value per line of $1, or exit 1.
json_lines() {
	"$PY" -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)
    n += 1
print(n)' "$1"
}

# One input: one JSON document (pretty or not) with the model's keys.
if "$LIAISON" convert $LS > "$tmp/one.json" &&
    "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["model"] == "liaison/1", d["model"]
assert d["source"]["file"] == "input/ls.txt", d["source"]
assert d["source"]["format"] == "text"
' "$tmp/one.json"; then ok; else fail "convert: one JSON document"; fi

# Several inputs: JSON Lines, one per input, in argument order.
if "$LIAISON" convert -q $LS $REPORT $LS > "$tmp/many.jsonl" &&
    [ "$(json_lines "$tmp/many.jsonl")" = 3 ] &&
    "$PY" -c '
import json, sys
files = [json.loads(l)["source"]["file"] for l in open(sys.argv[1])]
assert files == ["input/ls.txt", "input/report.txt", "input/ls.txt"], files
' "$tmp/many.jsonl"; then ok; else fail "convert: JSON Lines"; fi

# -l: one line for one input, the same document as without it.
if "$LIAISON" convert -l $LS > "$tmp/one.jsonl" &&
    [ "$(json_lines "$tmp/one.jsonl")" = 1 ] &&
    "$PY" -c '
import json, sys
assert json.load(open(sys.argv[1])) == json.load(open(sys.argv[2]))
' "$tmp/one.json" "$tmp/one.jsonl"; then ok; else fail "convert -l"; fi

# When stderr is not a terminal, neither the progress line nor the
# summary: a script has the exit status and the per-file errors.
"$LIAISON" convert $LS $REPORT > /dev/null 2> "$tmp/summary.err"
if [ ! -s "$tmp/summary.err" ]; then ok
else fail "convert: stderr not empty for two good inputs"; cat "$tmp/summary.err" >&2; fi
"$LIAISON" convert $LS nosuch.txt > /dev/null 2> "$tmp/summary.err"
if [ "$(wc -l < "$tmp/summary.err")" -eq 1 ] &&
    grep -q "^liaison: nosuch.txt: " "$tmp/summary.err"; then ok
else fail "convert: one line for one failed input"; cat "$tmp/summary.err" >&2; fi
"$LIAISON" convert $LS > /dev/null 2> "$tmp/single.err"
if [ ! -s "$tmp/single.err" ]; then ok
else fail "convert: stderr not empty for one good input"; fi

# With stderr a terminal (script(1) gives one), a progress line names
# each input as it is read, and is cleared before the summary; -q
# drops both.
if command -v script > /dev/null 2>&1; then
	script -qec "\"$LIAISON\" convert $LS $REPORT > /dev/null" /dev/null \
	    > "$tmp/tty.err" 2>&1
	if grep -q "\[1/2\] $LS" "$tmp/tty.err" &&
	    grep -q "\[2/2\] $REPORT" "$tmp/tty.err" &&
	    grep -q "2 of 2 files converted, 0 failed" "$tmp/tty.err"; then ok
	else fail "convert: no progress line on a terminal"; fi
	script -qec "\"$LIAISON\" convert -q $LS $REPORT > /dev/null" /dev/null \
	    > "$tmp/tty.err" 2>&1
	if [ ! -s "$tmp/tty.err" ]; then ok
	else fail "convert -q: progress or summary on a terminal"; fi
fi

# Standard input gives the same model as the file, named "-".
for f in json xml markdown; do
	"$LIAISON" convert -f $f $LS > "$tmp/file.$f"
	"$LIAISON" convert -f $f - < $LS > "$tmp/stdin.$f"
	if [ -s "$tmp/stdin.$f" ] && [ "$(sed 's#input/ls\.txt#-#g' \
	    "$tmp/file.$f" | cmp - "$tmp/stdin.$f" && echo same)" = same ]
	then ok; else fail "convert -f $f -: differs from the file's"; fi
done

# -o writes what stdout gets, with the mode a new file gets.
(umask 022 && "$LIAISON" convert -f markdown -o "$tmp/out.md" $LS)
if cmp -s "$tmp/out.md" "$tmp/file.markdown" &&
    [ "$(stat -c %a "$tmp/out.md")" = 644 ]; then ok
else fail "convert -o: content or mode"; fi

# A failed run leaves the previous good output as it was, and no
# temporary file behind.
echo "good output" > "$tmp/keep.json"
"$LIAISON" convert -q -o "$tmp/keep.json" $LS nosuch.txt 2> /dev/null
status=$?
if [ $status = 1 ] && [ "$(cat "$tmp/keep.json")" = "good output" ] &&
    [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ]; then ok
else fail "convert -o: a failed run replaced the output (status $status)"; fi
"$LIAISON" convert -o "$tmp/keep.json" input/bad-utf8.txt 2> /dev/null
if [ $? = 1 ] && [ "$(cat "$tmp/keep.json")" = "good output" ]; then ok
else fail "convert -o: a failed single input replaced the output"; fi

# -o to what is not a regular file writes to it: a FIFO stays a FIFO
# (renaming over it would have replaced /dev/null with a file). A
# symbolic link is followed: the file it names is replaced, the link
# stays.
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" > "$tmp/fifo.out" &
reader=$!
timeout 20 "$LIAISON" convert -f markdown -o "$tmp/fifo" $LS
status=$?
wait $reader
if [ $status = 0 ] && [ -p "$tmp/fifo" ] &&
    cmp -s "$tmp/fifo.out" "$tmp/file.markdown" &&
    [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ]; then ok
else fail "convert -o FIFO: status $status, or the FIFO was replaced"; fi
mkdir "$tmp/linked"
echo "old" > "$tmp/linked/target.md"
ln -s linked/target.md "$tmp/link.md"
"$LIAISON" convert -f markdown -o "$tmp/link.md" $LS
if [ $? = 0 ] && [ -L "$tmp/link.md" ] &&
    cmp -s "$tmp/linked/target.md" "$tmp/file.markdown" &&
    [ -z "$(ls -A "$tmp" "$tmp/linked" | grep '\.tmp\.')" ]; then ok
else fail "convert -o through a symbolic link"; fi
ln -s linked/new.md "$tmp/dangling.md"
"$LIAISON" convert -f markdown -o "$tmp/dangling.md" $LS
if [ $? = 0 ] && [ -L "$tmp/dangling.md" ] &&
    cmp -s "$tmp/linked/new.md" "$tmp/file.markdown"; then ok
else fail "convert -o through a dangling symbolic link"; fi

# An output that cannot be written: status 3, nothing left.
"$LIAISON" convert -o "$tmp/nosuchdir/x.json" $LS 2> "$tmp/nodir.err"
if [ $? = 3 ] && [ ! -e "$tmp/nosuchdir" ] &&
    grep -q "^liaison: $tmp/nosuchdir/x.json: " "$tmp/nodir.err"; then ok
else fail "convert -o into a missing directory"; fi
if [ -w /dev/full ]; then
	"$LIAISON" convert $LS > /dev/full 2> "$tmp/full.err"
	if [ $? = 3 ] && grep -q '^liaison: stdout: ' "$tmp/full.err"; then ok
	else fail "convert: a full stdout is not reported"; fi
fi

# Output is written through as it is made: a write that fails half-way
# (here the file-size limit, SIGXFSZ ignored so write(2) says EFBIG)
# is status 3, the existing -o file is left as it was, no temp file.
echo "good output" > "$tmp/efbig.json"
(trap '' XFSZ; ulimit -f 8 && "$LIAISON" convert -o "$tmp/efbig.json" \
    "$top_srcdir/samples/ls-sg17-questions.txt") 2> "$tmp/efbig.err"
status=$?
if [ $status = 3 ] && [ "$(cat "$tmp/efbig.json")" = "good output" ] &&
    [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ] &&
    grep -q "^liaison: $tmp/efbig.json: .*too large" "$tmp/efbig.err" &&
    [ "$(wc -l < "$tmp/efbig.err")" = 1 ]; then ok
else fail "convert -o: a write failing half-way (status $status)"
	cat "$tmp/efbig.err" >&2; fi
mkdir "$tmp/efbig"
(trap '' XFSZ; ulimit -f 8 && "$LIAISON" convert -q -f xml -d "$tmp/efbig" \
    "$top_srcdir/samples/ls-sg17-questions.txt" $LS) 2> "$tmp/efbig.err"
status=$?
if [ $status = 3 ] && [ "$(ls -A "$tmp/efbig")" = ls.xml ] &&
    grep -q "^liaison: $tmp/efbig/ls-sg17-questions.xml: .*too large" \
    "$tmp/efbig.err" && [ "$(wc -l < "$tmp/efbig.err")" = 1 ]; then ok
else fail "convert -d: a write failing half-way (status $status)"
	ls -A "$tmp/efbig" >&2; cat "$tmp/efbig.err" >&2; fi

# --output-dir: one file per input, named after it; a failed input does
# not stop the others; two inputs with one name are refused.
mkdir "$tmp/outdir"
"$LIAISON" convert -q -f markdown -d "$tmp/outdir" $LS nosuch.txt $REPORT \
    2> /dev/null
status=$?
if [ $status = 1 ] && cmp -s "$tmp/outdir/ls.md" "$tmp/file.markdown" &&
    [ -s "$tmp/outdir/report.md" ] &&
    [ "$(ls "$tmp/outdir" | wc -l)" = 2 ]; then ok
else fail "convert -d: outputs or status ($status)"; ls -a "$tmp/outdir" >&2; fi
mkdir "$tmp/other" && cp $LS "$tmp/other/ls.txt"
"$LIAISON" convert -d "$tmp/outdir" $LS "$tmp/other/ls.txt" 2> "$tmp/dup.err"
if [ $? = 2 ] && grep -q 'would both be written as ls.json$' "$tmp/dup.err"
then ok; else fail "convert -d: same output name not refused"; fi

# XML model round trip: the model validates, and reading it back gives
# the same JSON as the text did.
"$LIAISON" convert -f xml -o "$tmp/ls.xml" $LS
if "$LIAISON" validate "$tmp/ls.xml" > "$tmp/valid.out" &&
    [ "$(cat "$tmp/valid.out")" = "$tmp/ls.xml: valid" ]; then ok
else fail "validate: a model written by convert is not valid"; fi
if "$LIAISON" convert "$tmp/ls.xml" > "$tmp/roundtrip.json" &&
    cmp -s "$tmp/roundtrip.json" "$tmp/one.json"; then ok
else fail "convert: model.xml -> JSON differs from text -> JSON"; fi

# An invalid model: status 1, each violation as FILE:LINE: message.
# Two violations: a model version that does not exist, an unknown element.
sed 's#model="liaison/1"#model="liaison/9"#; s#<abstract>#<bogus/><abstract>#' \
    "$tmp/ls.xml" > "$tmp/bad.xml"
"$LIAISON" validate "$tmp/bad.xml" > "$tmp/bad.out" 2> "$tmp/bad.err"
if [ $? = 1 ] && [ "$(grep -c "^$tmp/bad.xml:[0-9][0-9]*: " "$tmp/bad.err")" = 2 ] &&
    grep -q "^$tmp/bad.xml:2: " "$tmp/bad.err" &&
    [ "$(cat "$tmp/bad.out")" = "$tmp/bad.xml: invalid (2 violations)" ]; then ok
else fail "validate: an invalid model"; cat "$tmp/bad.err" >&2; fi
printf '<document>\n<unclosed>\n' > "$tmp/nwf.xml"
"$LIAISON" validate "$tmp/nwf.xml" > "$tmp/nwf.out" 2> "$tmp/nwf.err"
if [ $? = 1 ] && grep -q "^liaison: $tmp/nwf.xml:[0-9][0-9]*:" "$tmp/nwf.err" &&
    [ "$(cat "$tmp/nwf.out")" = "$tmp/nwf.xml: not well-formed" ]; then ok
else fail "validate: a file that is not well-formed"; fi
"$LIAISON" validate -q "$tmp/ls.xml" "$tmp/bad.xml" > "$tmp/q.out" 2>/dev/null
if [ $? = 1 ] && [ ! -s "$tmp/q.out" ]; then ok
else fail "validate -q: prints verdicts or wrong status"; fi

# diff: 0 for the same content, 1 for different, as diff(1).
"$LIAISON" diff $LS "$tmp/ls.xml" > "$tmp/same.out"
status=$?
if [ $status = 0 ]; then ok
else fail "diff: a document and its own model differ (status $status)"; fi
"$LIAISON" diff -f json $LS $REPORT > "$tmp/diff.json"
status=$?
if [ $status = 1 ] && "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["model"] == "liaison-diff/1"
assert len(d["changes"]) > 0
' "$tmp/diff.json"; then ok
else fail "diff -f json: status $status or bad JSON"; fi
"$LIAISON" diff --color=always $LS $REPORT > "$tmp/color.out"
"$LIAISON" diff --color=never $LS $REPORT > "$tmp/nocolor.out"
"$LIAISON" diff $LS $REPORT > "$tmp/auto.out"
esc=$(printf '\033')
if grep -q "$esc\[" "$tmp/color.out" && ! grep -q "$esc" "$tmp/nocolor.out" &&
    cmp -s "$tmp/nocolor.out" "$tmp/auto.out"; then ok
else fail "diff --color: always/never/auto"; fi
"$LIAISON" diff -o "$tmp/diff.txt" $LS $REPORT
if [ $? = 1 ] && cmp -s "$tmp/diff.txt" "$tmp/nocolor.out"; then ok
else fail "diff -o"; fi

# schema: the model schema is well-formed XML; -o writes the same.
"$LIAISON" schema > "$tmp/schema.rng"
"$LIAISON" schema -o "$tmp/schema2.rng" liaison.rng
if "$PY" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' \
    "$tmp/schema.rng" && cmp -s "$tmp/schema.rng" "$tmp/schema2.rng"
then ok; else fail "schema: liaison.rng"; fi
for name in $("$LIAISON" schema --list); do
	if "$LIAISON" schema "$name" > "$tmp/s" && [ -s "$tmp/s" ]; then ok
	else fail "schema $name"; fi
done

# Word's "Plain Text" in Windows-1252: refused as UTF-8 (exit 1, the
# byte named), read with --encoding=windows-1252 as its UTF-8 twin is;
# diff takes the option for both documents.
cp samples/ls-sg17-questions.txt "$tmp/utf8.txt"
printf '\n1 Notes\n\nCaf\303\251 \342\200\234quoted\342\200\235 \342\200\223 \342\202\254 10\n' >> "$tmp/utf8.txt"
"$PY" -c 'import sys; d = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="cp1252", newline="").write(d)' \
    "$tmp/utf8.txt" "$tmp/w.txt"
if ! "$LIAISON" convert "$tmp/w.txt" > /dev/null 2> "$tmp/err" &&
    grep -q "w.txt:.*invalid UTF-8" "$tmp/err"; then ok
else fail "Windows-1252 text without --encoding: $(cat "$tmp/err")"; fi
"$LIAISON" convert "$tmp/utf8.txt" | jq 'del(.source)' > "$tmp/a.json"
"$LIAISON" convert -e windows-1252 "$tmp/w.txt" | jq 'del(.source)' \
    > "$tmp/b.json"
if [ -s "$tmp/a.json" ] && cmp -s "$tmp/a.json" "$tmp/b.json"; then ok
else fail "--encoding=windows-1252: not the model of the UTF-8 text"; fi
if "$LIAISON" diff --encoding=windows-1252 "$tmp/w.txt" "$tmp/w.txt" \
    > /dev/null; then ok
else fail "diff --encoding=windows-1252 of a file with itself"; fi

# Every command's --help starts with its usage line and exits 0.
for cmd in convert diff validate schema; do
	if "$LIAISON" $cmd --help > "$tmp/help" &&
	    head -n 1 "$tmp/help" | grep -q "^usage: liaison $cmd "; then ok
	else fail "$cmd --help"; fi
done

echo "cli.sh: $checks checks passed, $failures failed"
[ $failures = 0 ]
