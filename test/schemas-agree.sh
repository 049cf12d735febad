#!/bin/sh
# SPDX-License-Identifier: MIT
# schemas-agree.sh: liaison.rnc, liaison.rng and liaison.schema.json (and
# the liaison-diff trio) say the same, so that none drifts:
# - the .rnc and the .rng: the same elements, attributes (required or
#   optional), enumerated values, children of each element (with how
#   many) and named enumerations, as tools/rnc.awk reads both forms; the
#   elements and attributes of the .rng also as xmllint lists them; and,
#   where trang is installed, the .rng is trang's output for the .rnc
#   (make schemas-rng);
# - the .rnc and the JSON Schema: test/schemas-map/NAME.map says where
#   each element and attribute is among the JSON keys (liaison(5)); every
#   element, attribute, JSON key and JSON value must be placed; each
#   attribute's key must be optional (null allowed, not required, or an
#   array) exactly when the attribute is, with the same values; and a
#   child element's key must say how many there are (once: required, not
#   null; at most once: optional; repeated: an array).
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"

for tool in xmllint jq; do
	command -v $tool > /dev/null 2>&1 || { echo "no $tool: skipped"; exit 77; }
done
awk=${AWK:-awk}
s=$top_srcdir/schemas
m=$top_srcdir/test/schemas-map

for name in liaison liaison-diff; do
	# The .rnc and the .rng, read alike.
	for form in rnc rng; do
		if ! $awk -v mode=facts -f "$top_srcdir/tools/rnc.awk" \
		    "$s/$name.$form" > "$tmp/$name.$form.facts"; then
			fail "$name.$form: tools/rnc.awk cannot read it"
			continue
		fi
		sort -u "$tmp/$name.$form.facts" -o "$tmp/$name.$form.facts"
	done
	n=$(grep -c '^element ' "$tmp/$name.rnc.facts")
	if [ "$n" -lt 10 ]; then
		fail "$name.rnc: only $n elements read"
	elif diff "$tmp/$name.rnc.facts" "$tmp/$name.rng.facts" \
	    > "$tmp/diff"; then
		ok
	else
		fail "$name.rnc (<) and $name.rng (>) differ:"
		sed -n '/^[<>]/p' "$tmp/diff" >&2
	fi

	# The names of the .rng as xmllint sees them.
	for what in element attribute; do
		xmllint --xpath "//*[local-name()='$what']/@name" "$s/$name.rng" \
		    2> "$tmp/err" | tr ' ' '\n' | sed -n 's/^name="\(.*\)"$/\1/p' |
		    sort -u > "$tmp/xmllint"
		if [ $what = element ]; then
			sed -n 's/^element //p' "$tmp/$name.rnc.facts"
		else
			sed -n 's/^attribute [^ ]* \([^ ]*\) .*/\1/p' \
			    "$tmp/$name.rnc.facts"
		fi | sort -u > "$tmp/rnc"
		if [ -s "$tmp/xmllint" ] && cmp -s "$tmp/rnc" "$tmp/xmllint"; then
			ok
		else
			fail "$name: ${what}s of the .rnc (<) and of the .rng by xmllint (>):"
			diff "$tmp/rnc" "$tmp/xmllint" | sed -n '/^[<>]/p' >&2
			cat "$tmp/err" >&2
		fi
	done

	# The .rng is what trang makes of the .rnc.
	if command -v trang > /dev/null 2>&1; then
		if trang "$s/$name.rnc" "$tmp/$name.rng" 2> "$tmp/err" &&
		    cmp -s "$tmp/$name.rng" "$s/$name.rng"; then
			ok
		else
			fail "$name.rng is not trang's output for $name.rnc (make schemas-rng):"
			cat "$tmp/err" >&2
			diff "$s/$name.rng" "$tmp/$name.rng" | head -20 >&2
		fi
	else
		echo "no trang: $name.rng not compared with trang's output"
	fi

	# The .rnc and the JSON Schema.
	if ! jq -r -f "$m/paths.jq" "$s/$name.schema.json" \
	    > "$tmp/$name.paths" 2> "$tmp/err" || [ ! -s "$tmp/$name.paths" ]; then
		fail "$name.schema.json: its keys cannot be listed"
		cat "$tmp/err" >&2
		continue
	fi
	if $awk -f "$m/check.awk" "$tmp/$name.rnc.facts" "$tmp/$name.paths" \
	    "$m/$name.map" > "$tmp/out"; then
		ok
	else
		fail "$name.rnc and $name.schema.json ($m/$name.map):"
		grep -v '^checks ' "$tmp/out" >&2
	fi
	grep '^checks ' "$tmp/out" | sed "s/^/$name.map: /"
done
finish
