#!/bin/sh
# SPDX-License-Identifier: MIT
# schema.sh: every output of every input is valid: JSON against
# schemas/liaison.schema.json (python3-jsonschema), XML against
# schemas/liaison.rng (xmllint), and the bundled schemas are the ones
# the CLI prints.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
cd "$top_srcdir" || exit 99
have_jsonschema=0
"$PYTHON3" -c 'import jsonschema' 2> /dev/null && have_jsonschema=1
have_xmllint=0
command -v xmllint > /dev/null && have_xmllint=1
[ $have_jsonschema = 1 ] || [ $have_xmllint = 1 ] || exit 77

for in in samples/*.txt samples/*.docx test/cases/*.txt; do
	[ -f "$in" ] || continue
	if [ $have_jsonschema = 1 ]; then
		"$LIAISON" convert --format json "$in" > "$tmp/out.json" 2> "$tmp/err" ||
			fail "$in: convert failed: $(cat "$tmp/err")"
		if "$PYTHON3" test/check-json-schema.py schemas/liaison.schema.json \
		    "$tmp/out.json" > "$tmp/msg" 2>&1; then
			ok
		else
			fail "$in: JSON schema: $(head -5 "$tmp/msg")"
		fi
	fi
	if [ $have_xmllint = 1 ]; then
		"$LIAISON" convert --format xml "$in" > "$tmp/out.xml" 2> "$tmp/err" ||
			fail "$in: convert failed: $(cat "$tmp/err")"
		if xmllint --noout --relaxng schemas/liaison.rng "$tmp/out.xml" \
		    > "$tmp/msg" 2>&1; then
			ok
		else
			fail "$in: RELAX NG: $(head -5 "$tmp/msg")"
		fi
	fi
done
# The schema compiled into the library is the file in the tree.
for s in liaison.rng liaison.schema.json; do
	if "$LIAISON" schema "$s" > "$tmp/schema" 2> "$tmp/err" &&
	    cmp -s "$tmp/schema" "schemas/$s"; then
		ok
	else
		fail "liaison schema $s differs from schemas/$s $(cat "$tmp/err")"
	fi
done
finish
