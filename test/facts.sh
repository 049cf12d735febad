#!/bin/sh
# SPDX-License-Identifier: MIT
# facts.sh: facts about each sample that users rely on, one jq boolean
# expression a line in test/facts/NAME.jq, checked on every form of the
# sample: samples/NAME.txt (the plain-text export), samples/docx/NAME.docx
# (python-docx), samples/docx/NAME.pandoc.docx (pandoc) and
# samples/docx/NAME.libreoffice.docx (LibreOffice).
#
# A fact that holds for some forms only starts with tags: @text, @docx
# (every DOCX form), @python-docx, @pandoc, @libreoffice; a comment above
# it says why the forms differ. Lines starting with '#' are comments.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
command -v jq > /dev/null || { echo "jq is not installed"; exit 77; }
cd "$top_srcdir" || exit 99

applies() {	# tags form
	[ -z "$1" ] && return 0
	for t in $1; do
		case "$t:$2" in
		@text:text|@python-docx:python-docx|@pandoc:pandoc) return 0 ;;
		@libreoffice:libreoffice) return 0 ;;
		@docx:python-docx|@docx:pandoc|@docx:libreoffice) return 0 ;;
		esac
	done
	return 1
}

for facts in test/facts/*.jq; do
	name=$(basename "$facts" .jq)
	for in in "samples/$name.txt" "samples/docx/$name.docx" \
	    "samples/docx/$name.pandoc.docx" \
	    "samples/docx/$name.libreoffice.docx"; do
		[ -f "$in" ] || continue
		case "$in" in
		*.pandoc.docx) form=pandoc ;;
		*.libreoffice.docx) form=libreoffice ;;
		*.docx) form=python-docx ;;
		*) form=text ;;
		esac
		if ! "$LIAISON" convert "$in" > "$tmp/out.json" 2> "$tmp/err"; then
			fail "$in: convert failed: $(cat "$tmp/err")"
			continue
		fi
		while IFS= read -r line; do
			case "$line" in ''|'#'*) continue ;; esac
			tags=
			expr=$line
			while :; do
				case "$expr" in
				@*) tags="$tags ${expr%% *}"; expr=${expr#* } ;;
				*) break ;;
				esac
			done
			applies "$tags" "$form" || continue
			if jq -e "$expr" "$tmp/out.json" > /dev/null 2>&1; then
				ok
			else
				fail "$in: $expr"
			fi
		done < "$facts"
	done
done
finish
