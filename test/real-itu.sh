#!/bin/sh
# SPDX-License-Identifier: MIT
# real-itu.sh: facts about the real ITU documents of ../shared/real-itu,
# one jq boolean expression a line in test/real-itu/NAME.jq (NAME the
# file's name without .docx), checked on every rendering of the file:
# the DOCX as ITU published it and, where pandoc is installed, pandoc's
# plain-text export of it. The same facts must hold for both: that is
# the evidence that a rule is ITU's convention, not one writer's habit.
#
# A fact that holds for one rendering only starts with a tag, @docx or
# @plain, and a comment above it says why. Lines starting with '#' are
# comments. Without ../shared/real-itu the test is skipped.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
command -v jq > /dev/null || { echo "jq is not installed"; exit 77; }
real="$top_srcdir/../shared/real-itu"
[ -d "$real" ] || { echo "real-itu.sh: no $real; skipped"; exit 77; }
have_pandoc=0
command -v pandoc > /dev/null && have_pandoc=1

for facts in "$top_srcdir"/test/real-itu/*.jq; do
	name=$(basename "$facts" .jq)
	docx="$real/$name.docx"
	if [ ! -f "$docx" ]; then
		fail "$name: no $docx"
		continue
	fi
	forms=docx
	if [ "$have_pandoc" -eq 1 ]; then
		if pandoc -t plain "$docx" -o "$tmp/plain.txt" 2> "$tmp/err"; then
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
		while IFS= read -r line; do
			case "$line" in ''|'#'*) continue ;; esac
			case "$line" in
			"@docx "*) [ "$form" = docx ] || continue; line=${line#@docx } ;;
			"@plain "*) [ "$form" = plain ] || continue; line=${line#@plain } ;;
			esac
			if jq -e "$line" "$tmp/out.json" > /dev/null 2>&1; then
				ok
			else
				fail "$name ($form): $line"
			fi
		done < "$facts"
	done
done
finish
