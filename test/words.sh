#!/bin/sh
# SPDX-License-Identifier: MIT
# words.sh: no word is lost (test/check-words.py) and no exporter's
# marker ([bookmark: x], [footnoteRef:N], [N: ...]) is left as text:
# every word of a text input is in its model, and every word of a sample's text export is in
# the model of the same sample as DOCX (samples/docx/NAME*.docx), which
# holds at least what the export kept.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99

check() {	# text-input model-input
	if ! "$LIAISON" convert "$2" > "$tmp/out.json" 2> "$tmp/err"; then
		fail "$2: convert failed: $(cat "$tmp/err")"
	elif "$PYTHON3" test/check-words.py "$1" "$tmp/out.json" > "$tmp/msg"; then
		ok
	else
		fail "$2: $(cat "$tmp/msg")"
	fi
	# The exporters' markers are model data, never text.
	if grep -qE '\[(bookmark|footnoteRef):|"text": "\[[0-9]+:' "$tmp/out.json"; then
		fail "$2: a marker survives as text: $(grep -oE '\[(bookmark|footnoteRef):[^]]*\]|\[[0-9]+:.{0,20}' "$tmp/out.json" | head -1)"
	else
		ok
	fi
}

for in in samples/*.txt test/cases/*.txt; do
	[ -f "$in" ] || continue
	check "$in" "$in"
done
for docx in samples/docx/*.docx; do
	[ -f "$docx" ] || continue
	name=$(basename "$docx" .docx)
	name=${name%.pandoc}
	name=${name%.libreoffice}
	[ -f "samples/$name.txt" ] && check "samples/$name.txt" "$docx"
done
finish
