#!/bin/sh
# SPDX-License-Identifier: MIT
# real-itu.sh: facts about the real ITU documents of ../shared/real-itu,
# one jq boolean expression a line in test/real-itu/NAME.jq (NAME the
# file's name without .docx), checked on every rendering of the file:
# the DOCX as ITU published it and, where pandoc is installed, pandoc's
# plain-text export of it. The same facts must hold for both: that is
# the evidence that a rule is ITU's convention, not one writer's habit.
#
# Every file of ../shared/real-itu has its facts: NAME.jq, or, for a
# file liaison refuses (the Word 97 .doc), NAME.error holding the text
# its one-line error must contain.
#
# Tags open a line:
#   @docx, @plain   the fact holds for that rendering only (a comment
#                   above says why);
#   @words          not jq: every word of pandoc's plain text of the
#                   DOCX is in liaison's model of the DOCX
#                   (test/check-words.py); "@words except W..." names
#                   words pandoc makes that the DOCX has not (a comment
#                   above says why);
#   @pending        a fact a feature in progress is about to make true:
#                   checked and reported (XFAIL while it fails, XPASS
#                   once it holds), never a failure. Whoever lands the
#                   feature removes the tag (see test/README.md).
# Tags combine: "@pending @docx EXPR", "@pending @words". Lines starting
# with '#' are comments. Without ../shared/real-itu the test is skipped.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
command -v jq > /dev/null || { echo "jq is not installed"; exit 77; }
real="$top_srcdir/../shared/real-itu"
[ -d "$real" ] || { echo "real-itu.sh: no $real; skipped"; exit 77; }
have_pandoc=0
command -v pandoc > /dev/null && have_pandoc=1
xfail=0
xpass=0

# Every file has its facts.
for f in "$real"/*; do
	name=$(basename "$f")
	case $name in *.md) continue ;; esac
	stem=${name%.*}
	if [ -f "$top_srcdir/test/real-itu/$stem.error" ]; then
		want=$(grep -v '^#' "$top_srcdir/test/real-itu/$stem.error")
		if "$LIAISON" convert "$f" > /dev/null 2> "$tmp/err"; then
			fail "$name: converted, expected the error \"$want\""
		elif [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
		    grep -qF "$name" "$tmp/err" && grep -qF "$want" "$tmp/err"; then
			ok
		else
			fail "$name: expected one line naming the file and \"$want\", got: $(cat "$tmp/err")"
		fi
	elif [ ! -f "$top_srcdir/test/real-itu/$stem.jq" ]; then
		fail "$name: no facts (test/real-itu/$stem.jq or .error)"
	fi
done

# check FORM LINE: one fact (tags already taken off) on $tmp/out.json;
# jq facts were evaluated together beforehand (jq_all), one result a
# line in $tmp/results, read in order.
check() {
	case $2 in
	"@words"|"@words except "*)
		[ "$1" = docx ] && [ -s "$tmp/words.txt" ] || return 2
		except=
		case $2 in "@words except "*) except=${2#@words except } ;; esac
		# shellcheck disable=SC2086
		"$PYTHON3" "$top_srcdir/test/check-words.py" "$tmp/words.txt" \
		    "$tmp/out.json" $except > "$tmp/msg" || return 1
		return 0
	esac
	IFS= read -r result <&3
	[ "$result" = true ]
}

# jq_all FORM FACTS: evaluates every jq fact of FACTS that applies to
# FORM in one jq run (a run per fact made this test minutes long), each
# as jq -e would judge it: true when its last output is neither false
# nor null. A fact jq cannot compile makes the run fail: then each is
# run alone, so that the others still count.
jq_all() {
	: > "$tmp/prog"
	while IFS= read -r line; do
		case "$line" in ''|'#'*) continue ;; esac
		line=${line#@pending }
		case "$line" in
		"@docx "*) [ "$1" = docx ] || continue; line=${line#@docx } ;;
		"@plain "*) [ "$1" = plain ] || continue; line=${line#@plain } ;;
		"@words"|"@words except "*) continue ;;
		esac
		printf '%s\n' "$line" >> "$tmp/prog"
	done < "$2"
	{
		printf '('
		sep=
		while IFS= read -r line; do
			printf '%s(try ([%s] | length > 0 and (last | . != false and . != null)) catch false)' "$sep" "$line"
			sep=', '
		done < "$tmp/prog"
		printf ')'
	} > "$tmp/prog.jq"
	if ! jq -f "$tmp/prog.jq" "$tmp/out.json" > "$tmp/results" 2> /dev/null; then
		: > "$tmp/results"
		while IFS= read -r line; do
			if jq -e "$line" "$tmp/out.json" > /dev/null 2>&1; then
				echo true
			else
				echo false
			fi >> "$tmp/results"
		done < "$tmp/prog"
	fi
}

for facts in "$top_srcdir"/test/real-itu/*.jq; do
	name=$(basename "$facts" .jq)
	docx="$real/$name.docx"
	if [ ! -f "$docx" ]; then
		fail "$name: no $docx"
		continue
	fi
	forms=docx
	: > "$tmp/words.txt"
	if [ "$have_pandoc" -eq 1 ]; then
		# pandoc reads the DOCX once; its plain text as a user gets it
		# (72 columns) is a rendering, and without wrapping (no word cut
		# in a table cell at 1000 columns) the reference for @words.
		# pandoc's plain writer capitalizes small capitals (a character
		# style's look: Z.100's domain names); the words' reference
		# keeps their letters as typed, as the model does.
		if pandoc -t json "$docx" -o "$tmp/doc.json" 2> "$tmp/err" &&
		    pandoc -f json -t plain "$tmp/doc.json" -o "$tmp/plain.txt" &&
		    jq -c 'walk(if type == "object" and .t? == "SmallCaps"
		        then {t: "Span", c: [["", [], []], .c]} else . end)' \
		    "$tmp/doc.json" > "$tmp/words.json" &&
		    pandoc -f json -t plain --wrap=none --columns=1000 \
		    "$tmp/words.json" -o "$tmp/words.txt"; then
			forms="docx plain"
		else
			fail "$name: pandoc failed: $(cat "$tmp/err")"
		fi
	fi
	for form in $forms; do
		in=$docx
		[ "$form" = plain ] && in=$tmp/plain.txt
		if ! "$LIAISON" convert "$in" > "$tmp/out.json" 2> "$tmp/err"; then
			fail "$name ($form): convert failed: $(cat "$tmp/err")"
			continue
		fi
		jq_all "$form" "$facts"
		exec 3< "$tmp/results"
		while IFS= read -r line; do
			case "$line" in ''|'#'*) continue ;; esac
			pending=0
			case "$line" in "@pending "*) pending=1; line=${line#@pending } ;; esac
			case "$line" in
			"@docx "*) [ "$form" = docx ] || continue; line=${line#@docx } ;;
			"@plain "*) [ "$form" = plain ] || continue; line=${line#@plain } ;;
			esac
			check "$form" "$line"
			rc=$?
			[ "$rc" -eq 2 ] && continue
			if [ "$pending" -eq 1 ]; then
				if [ "$rc" -eq 0 ]; then
					xpass=$((xpass + 1))
					echo "XPASS: $name ($form): $line (holds: remove @pending)"
				else
					xfail=$((xfail + 1))
				fi
			elif [ "$rc" -eq 0 ]; then
				ok
			elif [ "${line%% *}" = "@words" ]; then
				fail "$name ($form): $(cat "$tmp/msg")"
			else
				fail "$name ($form): $line"
			fi
		done < "$facts"
		exec 3<&-
	done
done
echo "pending facts: $xfail still pending, $xpass now holding"
finish
