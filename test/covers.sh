#!/bin/sh
# SPDX-License-Identifier: MIT
# covers.sh: document covers in every layout ITU and its partners use
# (the LS cover of Rec. ITU-T A.1's Figure 1-1 and of the template, the
# TD header, the skeleton's cover table, letter-style LS, in several
# languages). Each test/covers/NAME.case is a small DOCX as a writer
# makes it (test/docx/mkdocx.py builds it); NAME.lo.txt is LibreOffice's
# text export of it (each cell on a line of its own, the label above its
# value; test/covers/export.sh remakes them). The document's kind, meta
# and abstract, from both renderings, must be NAME.expected.json: the
# same facts whatever the rendering. LIAISON_UPDATE=1 rewrites the
# expected files from the DOCX.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
command -v jq > /dev/null || { echo "jq is not installed"; exit 77; }
dir="$top_srcdir/test/covers"

for src in "$dir"/*.case; do
	name=$(basename "$src" .case)
	expected="$dir/$name.expected.json"
	if ! "$PYTHON3" "$top_srcdir/test/docx/mkdocx.py" "$src" \
	    "$tmp/$name.docx"; then
		fail "$name: cannot build the DOCX"
		continue
	fi
	for in in "$tmp/$name.docx" "$dir/$name.lo.txt"; do
		form=docx
		case "$in" in *.txt) form=libreoffice ;; esac
		if [ ! -f "$in" ]; then
			fail "$name: no $in (run test/covers/export.sh)"
			continue
		fi
		if ! "$LIAISON" convert "$in" > "$tmp/out.json" 2> "$tmp/err"
		then
			fail "$name ($form): convert failed: $(cat "$tmp/err")"
			continue
		fi
		jq '{kind, meta, abstract}' "$tmp/out.json" > "$tmp/got.json" || {
			fail "$name ($form): no JSON"
			continue
		}
		if [ "${LIAISON_UPDATE:-0}" = 1 ] && [ "$form" = docx ]; then
			cp "$tmp/got.json" "$expected"
			ok
		elif [ ! -f "$expected" ]; then
			fail "$expected: missing (run with LIAISON_UPDATE=1)"
		elif diff -u "$expected" "$tmp/got.json" > "$tmp/diff"; then
			ok
		else
			fail "$name ($form) differs from $name.expected.json:"
			head -40 "$tmp/diff" >&2
		fi
	done
done
finish
