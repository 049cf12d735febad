# SPDX-License-Identifier: MIT
# check.awk: a .map file against the facts of a .rnc (tools/rnc.awk
# -v mode=facts) and the keys of its JSON Schema (paths.jq). For
# test/schemas-agree.sh:
#   awk -f check.awk FACTS PATHS MAP
# An "elem PARENT/CHILD" line also checks that the child's count (once,
# optional, repeated) is its keys'. Prints one line per failed check ("MAP:LINE: ..." or "...: not in
# MAP"), then "checks N"; exits 1 when a check failed.

function bad(msg) {
	print msg
	failures++
}

# Sorted, space-separated: the values of an attribute or a key.
function sorted(s,    a, n, i, j, x, r) {
	n = split(s, a, " ")
	for (i = 2; i <= n; i++) {
		x = a[i]
		for (j = i - 1; j >= 1 && a[j] > x; j--)
			a[j + 1] = a[j]
		a[j + 1] = x
	}
	r = ""
	for (i = 1; i <= n; i++)
		r = r (i > 1 ? " " : "") a[i]
	return r
}

# {a,b}c -> "ac bc" (one brace group).
function expand(s,    i, j, pre, post, n, alt, k, r) {
	i = index(s, "{")
	if (i == 0)
		return s
	j = index(s, "}")
	pre = substr(s, 1, i - 1)
	post = substr(s, j + 1)
	n = split(substr(s, i + 1, j - i - 1), alt, ",")
	r = ""
	for (k = 1; k <= n; k++)
		r = r (k > 1 ? " " : "") pre alt[k] post
	return r
}

# An element once (1), at most once (?) or any number of times (*, +):
# a key required and not null, optional (null, not required, or an
# empty array), an array.
function count(p, occ,    jopt) {
	checks++
	jopt = JNULL[p] == "null" || JREQ[p] == "opt" || JTYPE[p] == "array"
	if (occ == "1" && (JNULL[p] == "null" || JREQ[p] == "opt"))
		bad(where() ": " $2 " is there once in the .rnc, " p " optional in the JSON Schema")
	else if (occ == "?" && !jopt)
		bad(where() ": " $2 " is optional in the .rnc, " p " required in the JSON Schema")
	else if ((occ == "*" || occ == "+") && JTYPE[p] != "array")
		bad(where() ": " $2 " repeats in the .rnc, " p " is no array in the JSON Schema")
	else if (occ == "mixed")
		bad(where() ": " $2 ": another count in another definition")
}

function where() {
	return FILENAME ":" FNR
}

function key(p) {
	checks++
	if (!(p in JTYPE)) {
		bad(where() ": " p ": no such key in the JSON Schema")
		return 0
	}
	SEENKEY[p] = 1
	return 1
}

FNR == 1 {
	part++
}

part == 1 && $1 == "element" {
	ELEM[$2] = 1
}

part == 1 && $1 == "attribute" {
	k = $2 "@" $3
	# Set apart: an assignment to ATTR[k] makes it exist first.
	st = (k in ATTR) && ATTR[k] != $4 ? "req and opt" : $4
	ATTR[k] = st
}

part == 1 && $1 == "child" {
	k = $2 "/" $3
	st = (k in CHILD) && CHILD[k] != $4 ? "mixed" : $4
	CHILD[k] = st
}

part == 1 && $1 == "value" {
	k = $2 "@" $3
	val = $0
	sub(/^value [^ ]* [^ ]* /, "", val)
	VALS[k] = VALS[k] (VALS[k] == "" ? "" : " ") val
}

part == 2 {
	split($0, f, "\t")
	JREQ[f[1]] = f[2]
	JNULL[f[1]] = f[3]
	JTYPE[f[1]] = f[4]
	JVALS[f[1]] = sorted(f[5])
	n = split(f[5], v, " ")
	for (i = 1; i <= n; i++)
		JVAL[f[1] SUBSEP v[i]] = 1
}

part == 3 && ($0 ~ /^#/ || NF == 0) {
	next
}

part == 3 && $1 != "attr" && $1 != "elem" && $1 != "json" {
	bad(where() ": attr, elem or json expected")
	next
}

part == 3 && NF < ($1 == "json" ? 2 : 3) {
	bad(where() ": a name and a key, or -, expected")
	next
}

part == 3 && $1 == "json" {
	for (i = 2; i <= NF; i++) {
		n = split(expand($i), p, " ")
		for (j = 1; j <= n; j++) {
			if (!key(p[j]))
				continue
			m = split(JVALS[p[j]], v, " ")
			for (k = 1; k <= m; k++)
				SEENVAL[p[j] SUBSEP v[k]] = 1
		}
	}
	next
}

part == 3 && $1 == "elem" {
	ne = split($2, e, ",")
	occ = ""
	for (i = 1; i <= ne; i++) {
		# PARENT/CHILD: the keys are the child's, and as many.
		if ((k = index(e[i], "/")) > 0) {
			checks++
			if (ne > 1)
				bad(where() ": one PARENT/CHILD a line")
			if (!(e[i] in CHILD))
				bad(where() ": " e[i] ": no such child in the .rnc")
			else
				occ = CHILD[e[i]]
			e[i] = substr(e[i], k + 1)
		}
		checks++
		if (e[i] in ELEM)
			SEENELEM[e[i]] = 1
		else
			bad(where() ": element " e[i] ": not in the .rnc")
	}
	for (i = 3; i <= NF; i++) {
		if ($i == "-")
			continue
		n = split(expand($i), p, " ")
		for (j = 1; j <= n; j++) {
			val = ""
			if ((k = index(p[j], "=")) > 0) {
				val = substr(p[j], k + 1)
				p[j] = substr(p[j], 1, k - 1)
			}
			if (!key(p[j]))
				continue
			if (occ != "" && val == "")
				count(p[j], occ)
			if (val == "")
				continue
			checks++
			if ((p[j] SUBSEP val) in JVAL)
				SEENVAL[p[j] SUBSEP val] = 1
			else
				bad(where() ": " p[j] ": no value \"" val "\" in the JSON Schema (" JVALS[p[j]] ")")
		}
	}
	next
}

part == 3 && $1 == "attr" {
	at = index($2, "@")
	if (at == 0) {
		bad(where() ": ELEMENT@ATTRIBUTE expected")
		next
	}
	a = substr($2, at + 1)
	ne = split(substr($2, 1, at - 1), e, ",")
	for (i = 1; i <= ne; i++) {
		k = e[i] "@" a
		checks++
		if (!(k in ATTR)) {
			bad(where() ": attribute " a " of " e[i] ": not in the .rnc")
			continue
		}
		SEENATTR[k] = 1
		xv = sorted(VALS[k])
		for (fi = 3; fi <= NF; fi++) {
			if ($fi == "-")
				continue
			n = split(expand($fi), p, " ")
			for (j = 1; j <= n; j++) {
				if (!key(p[j]))
					continue
				# Optional in the JSON: null allowed, not required, or
				# an array (empty when the XML has none).
				jopt = JNULL[p[j]] == "null" || JREQ[p[j]] == "opt" || JTYPE[p[j]] == "array"
				checks++
				# Required on one element, optional on another of
				# the same name (date@iso in entities and meta):
				# each key is the one or the other.
				if (ATTR[k] != "req and opt" && (ATTR[k] == "opt") != jopt)
					bad(where() ": " e[i] "/@" a " is " (ATTR[k] == "opt" ? "optional" : ATTR[k] == "req" ? "required" : ATTR[k]) " in the .rnc, " p[j] " " (jopt ? "optional" : "required") " in the JSON Schema")
				checks++
				if (JTYPE[p[j]] == "boolean") {
					if (xv != "false true" && xv != "true" && xv != "false")
						bad(where() ": " p[j] " is a boolean, " e[i] "/@" a "'s values are \"" xv "\"")
				} else if (xv != JVALS[p[j]]) {
					bad(where() ": " e[i] "/@" a "'s values \"" xv "\" are not " p[j] "'s \"" JVALS[p[j]] "\"")
				}
				m = split(JVALS[p[j]], v, " ")
				for (q = 1; q <= m; q++)
					SEENVAL[p[j] SUBSEP v[q]] = 1
			}
		}
	}
	next
}

END {
	map = FILENAME
	for (x in ELEM) {
		checks++
		if (!(x in SEENELEM))
			bad("element " x ": not in " map)
	}
	for (x in ATTR) {
		checks++
		if (!(x in SEENATTR))
			bad("attribute " x ": not in " map)
	}
	for (x in JTYPE) {
		checks++
		if (!(x in SEENKEY))
			bad("JSON key " x ": not in " map)
	}
	for (x in JVAL) {
		checks++
		if (!(x in SEENVAL)) {
			split(x, y, SUBSEP)
			bad("JSON value \"" y[2] "\" of " y[1] ": not in " map)
		}
	}
	print "checks " checks
	exit failures > 0
}
