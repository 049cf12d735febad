#!/bin/sh
# facts.sh: facts about each sample that users rely on, one jq boolean
# expression a line in test/facts/NAME.jq (for samples/NAME.txt and
# samples/NAME.docx alike, unless the file is NAME.txt.jq or
# NAME.docx.jq). Lines starting with '#' are comments.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
command -v jq > /dev/null || { echo "jq is not installed"; exit 77; }
cd "$top_srcdir" || exit 99

for facts in test/facts/*.jq; do
	name=$(basename "$facts" .jq)
	case "$name" in
	*.txt|*.docx) inputs="samples/$name" ;;
	*) inputs="samples/$name.txt samples/$name.docx" ;;
	esac
	for in in $inputs; do
		[ -f "$in" ] || continue
		if ! "$LIAISON" convert "$in" > "$tmp/out.json" 2> "$tmp/err"; then
			fail "$in: convert failed: $(cat "$tmp/err")"
			continue
		fi
		while IFS= read -r expr; do
			case "$expr" in ''|'#'*) continue ;; esac
			if jq -e "$expr" "$tmp/out.json" > /dev/null 2>&1; then
				ok
			else
				fail "$in: $expr"
			fi
		done < "$facts"
	done
done
finish
