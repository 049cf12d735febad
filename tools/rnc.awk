# SPDX-License-Identifier: MIT
# rnc.awk: reads RELAX NG compact schemas (the subset schemas/*.rnc use)
# and writes, by -v mode=:
#   h      lib/tree/names.h: enum lsn_name of every element and attribute
#          name of all the files, the enumerated values of attributes
#   c      lib/tree/names.c: the tables and lsn_name_find
#   facts  one fact a line (unsorted; test/schemas-agree.sh sorts them):
#            element NAME
#            attribute ELEMENT NAME req|opt
#            value ELEMENT ATTRIBUTE VALUE
#            child PARENT CHILD 1|?|*|+
#            enum DEFINE VALUE        (a define that is a choice of values)
# A .rng (RELAX NG's XML form, as trang writes it) gives the same facts,
# so that test/schemas-agree.sh can compare the two forms.
# POSIX awk, so that building needs nothing new. Each file is a grammar
# of its own (the two schemas both define "change"). Facts are by name:
# the <question> of the meta data and the Question element are one name.
# Anything outside the subset is an error naming the file and line, not
# a guess.

function fail(msg) {
	printf "rnc.awk: %s\n", msg | "cat 1>&2"
	failed = 1
	exit 1
}

function at(i) {
	return TF[i] ":" TL[i]
}

# --- Tokens: words, strings, punctuation; comments dropped.
function tokenize(line, file, lineno,    c, i, n, q, w) {
	n = length(line)
	i = 1
	while (i <= n) {
		c = substr(line, i, 1)
		if (c == " " || c == "\t" || c == "\r") {
			i++
		} else if (c == "#") {
			return
		} else if (c == "\"" || c == "'") {
			q = c
			w = ""
			i++
			while (i <= n && substr(line, i, 1) != q) {
				w = w substr(line, i, 1)
				i++
			}
			if (i > n)
				fail(file ":" lineno ": string not closed on its line")
			i++
			addtok("s", w, file, lineno)
		} else if (index("{}(),|&?*+=", c) > 0) {
			addtok("p", c, file, lineno)
			i++
		} else if (c ~ /[A-Za-z_\\]/) {
			w = c
			i++
			while (i <= n && substr(line, i, 1) ~ /[A-Za-z0-9_.:-]/) {
				w = w substr(line, i, 1)
				i++
			}
			addtok("w", w, file, lineno)
		} else {
			fail(file ":" lineno ": unexpected character '" c "'")
		}
	}
}

function addtok(kind, v, file, lineno) {
	ntok++
	TK[ntok] = kind
	TV[ntok] = v
	TF[ntok] = file
	TL[ntok] = lineno
	TN[ntok] = nfiles
}

# --- Parser: recursive descent into nodes NT (type), NV (name or
# value), NC (child count), NK[id, j] (children), NFI (file number).
function peek() {
	return (pos <= ntok && TN[pos] == cur) ? TV[pos] : ""
}

function peekkind() {
	return (pos <= ntok && TN[pos] == cur) ? TK[pos] : ""
}

function expect(v) {
	if (peek() != v || peekkind() == "s")
		fail(at(pos <= ntok ? pos : ntok) ": expected '" v "', found '" peek() "'")
	pos++
}

function node(type, v,    id) {
	id = ++nnodes
	NT[id] = type
	NV[id] = v
	NC[id] = 0
	NFI[id] = cur
	return id
}

function add(id, kid) {
	NK[id, ++NC[id]] = kid
}

function unescape(w) {
	return substr(w, 1, 1) == "\\" ? substr(w, 2) : w
}

function parse_pattern(    first, op, id, t) {
	first = parse_particle()
	t = peek()
	if (peekkind() != "p" || (t != "," && t != "|" && t != "&"))
		return first
	op = t
	id = node(op == "," ? "group" : op == "|" ? "choice" : "interleave", "")
	add(id, first)
	while (peekkind() == "p" && peek() == op) {
		pos++
		add(id, parse_particle())
	}
	t = peek()
	if (peekkind() == "p" && (t == "," || t == "|" || t == "&"))
		fail(at(pos) ": mixed '" op "' and '" t "' without parentheses")
	return id
}

function parse_particle(    p, id, t) {
	p = parse_primary()
	t = peek()
	if (peekkind() == "p" && (t == "?" || t == "*" || t == "+")) {
		pos++
		id = node(t == "?" ? "opt" : t == "*" ? "star" : "plus", "")
		add(id, p)
		return id
	}
	return p
}

function parse_primary(    t, k, id, name) {
	t = peek()
	k = peekkind()
	if (k == "")
		fail(at(ntok) ": pattern expected at the end of the file")
	if (k == "s") {
		pos++
		return node("value", t)
	}
	if (k == "p") {
		if (t != "(")
			fail(at(pos) ": pattern expected, found '" t "'")
		pos++
		id = parse_pattern()
		expect(")")
		return id
	}
	pos++
	if (t == "element" || t == "attribute") {
		if (peekkind() != "w")
			fail(at(pos) ": " t " name expected (name classes are not read)")
		name = unescape(peek())
		if (name ~ /:/)
			fail(at(pos) ": " t " " name ": namespaces are not read")
		pos++
		id = node(t == "element" ? "elem" : "attr", name)
		expect("{")
		add(id, parse_pattern())
		expect("}")
		return id
	}
	if (t == "list" || t == "mixed") {
		id = node(t, "")
		expect("{")
		add(id, parse_pattern())
		expect("}")
		return id
	}
	if (t == "text" || t == "empty" || t == "notAllowed")
		return node(t, "")
	if (t == "parent" || t == "external" || t == "grammar" || t == "string" || t == "token")
		fail(at(pos - 1) ": '" t "' is not read by tools/rnc.awk")
	if (t ~ /:/) {
		id = node("data", t)
		if (peekkind() == "s")
			fail(at(pos) ": datatype values are not read")
		if (peek() == "{" && peekkind() == "p") {
			pos++
			while (peekkind() == "w") {
				pos++
				expect("=")
				if (peekkind() != "s")
					fail(at(pos) ": parameter value expected")
				pos++
			}
			expect("}")
		}
		return id
	}
	return node("ref", unescape(t))
}

function parse_file(f,    t, name) {
	cur = f
	while (pos <= ntok && TN[pos] == f) {
		t = peek()
		if (peekkind() != "w")
			fail(at(pos) ": declaration or definition expected, found '" t "'")
		if (t == "default" || t == "namespace" || t == "datatypes") {
			pos++
			if (t == "default")
				expect("namespace")
			if (peekkind() == "w")
				pos++
			expect("=")
			if (peekkind() != "s")
				fail(at(pos) ": URI expected")
			pos++
			continue
		}
		if (t == "include" || t == "div" || t == "grammar")
			fail(at(pos) ": '" t "' is not read by tools/rnc.awk")
		name = unescape(t)
		pos++
		if (peek() != "=" || peekkind() != "p")
			fail(at(pos) ": '=' expected after " name " ('|=' and '&=' are not read)")
		pos++
		if ((f, name) in DEF)
			fail(at(pos - 2) ": " name " defined twice")
		DEF[f, name] = parse_pattern()
		DEFORDER[f, ++NDEF[f]] = name
	}
	if (!((f, "start") in DEF))
		fail(FN[f] ": no start")
}

# --- The values an attribute or define may take, SUBSEP-separated in
# schema order, or "\001" when the pattern is not a choice of values.
function values(id,    t, j, r, v) {
	t = NT[id]
	if (t == "value")
		return NV[id]
	if (t == "ref") {
		if (!((NFI[id], NV[id]) in DEF))
			fail(FN[NFI[id]] ": " NV[id] " is not defined")
		return values(DEF[NFI[id], NV[id]])
	}
	if (t != "choice")
		return "\001"
	r = ""
	for (j = 1; j <= NC[id]; j++) {
		v = values(NK[id, j])
		if (v == "\001")
			return v
		r = r (j > 1 ? SUBSEP : "") v
	}
	return r
}

function occ(opt, many) {
	return opt ? (many ? "*" : "?") : (many ? "+" : "1")
}

function fact(s) {
	if (!(s in FACT)) {
		FACT[s] = 1
		FACTS[++NFACTS] = s
	}
}

# Collects names and facts below node id, inside element `el` (""
# at the top). Each element's content is walked once: the schemas are
# recursive through elements (section in section).
function walk(id, el, opt, many,    t, j, vals, n, v, i, d) {
	t = NT[id]
	if (t == "elem") {
		NAME[NV[id]] = 1
		fact("element " NV[id])
		if (el != "")
			fact("child " el " " NV[id] " " occ(opt, many))
		if (!(id in SEEN)) {
			SEEN[id] = 1
			walk(NK[id, 1], NV[id], 0, 0)
		}
	} else if (t == "attr") {
		if (el == "")
			fail(FN[NFI[id]] ": attribute " NV[id] " outside any element")
		NAME[NV[id]] = 1
		fact("attribute " el " " NV[id] " " (opt ? "opt" : "req"))
		vals = values(NK[id, 1])
		if (vals != "\001") {
			n = split(vals, v, SUBSEP)
			d = el "_" NV[id]
			if ((d in ENUMVALS) && ENUMVALS[d] != vals)
				fail(FN[NFI[id]] ": " el "/@" NV[id] " has two sets of values")
			if (!(d in ENUMVALS)) {
				ENUMVALS[d] = vals
				ENUMWHAT[d] = el "/@" NV[id]
				ENUMS[++NENUMS] = d
			}
			for (i = 1; i <= n; i++)
				fact("value " el " " NV[id] " " v[i])
		}
	} else if (t == "ref") {
		if (!((NFI[id], NV[id]) in DEF))
			fail(FN[NFI[id]] ": " NV[id] " is not defined")
		walk(DEF[NFI[id], NV[id]], el, opt, many)
	} else if (t == "opt") {
		walk(NK[id, 1], el, 1, many)
	} else if (t == "star") {
		walk(NK[id, 1], el, 1, 1)
	} else if (t == "plus") {
		walk(NK[id, 1], el, opt, 1)
	} else if (t == "choice") {
		for (j = 1; j <= NC[id]; j++)
			walk(NK[id, j], el, NC[id] > 1 ? 1 : opt, many)
	} else if (t == "group" || t == "interleave" || t == "list" || t == "mixed") {
		for (j = 1; j <= NC[id]; j++)
			walk(NK[id, j], el, opt, many)
	}
}

# Defines that are a choice of values (doc-kind, tor-role): arrays of
# their own, since an attribute may take several (section/@role).
function named_enums(f,    j, name, vals, d, i) {
	for (j = 1; j <= NDEF[f]; j++) {
		name = DEFORDER[f, j]
		vals = values(DEF[f, name])
		if (vals == "\001" || NT[DEF[f, name]] == "value")
			continue
		d = name
		gsub(/-/, "_", d)
		if ((d in ENUMVALS) && ENUMVALS[d] != vals)
			fail(FN[f] ": " name " has other values in another schema")
		if (!(d in ENUMVALS)) {
			ENUMVALS[d] = vals
			ENUMWHAT[d] = "define " name
			ENUMS[++NENUMS] = d
		}
		vals = ENUMVALS[d]
		while ((i = index(vals, SUBSEP)) > 0) {
			fact("enum " name " " substr(vals, 1, i - 1))
			vals = substr(vals, i + 1)
		}
		fact("enum " name " " vals)
	}
}

function cident(s) {
	gsub(/[^A-Za-z0-9]/, "_", s)
	return s
}

function upper(s) {
	return toupper(cident(s))
}

function cstr(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

# Insertion sort of S[1..n] in byte order (a few hundred names at most).
function sort(n,    i, j, x) {
	for (i = 2; i <= n; i++) {
		x = S[i]
		for (j = i - 1; j >= 1 && S[j] > x; j--)
			S[j + 1] = S[j]
		S[j + 1] = x
	}
}

function sourcelist(    f, r, b) {
	r = ""
	for (f = 1; f <= nfiles; f++) {
		b = FN[f]
		sub(/.*\//, "", b)
		r = r (f > 1 ? (f == nfiles ? " and " : ", ") : "") "schemas/" b
	}
	return r
}

function write_h(    i, j, n, v, d) {
	print "/* SPDX-License-Identifier: MIT */"
	print "/*"
	print " * names.h: the element and attribute names of the schemas, and the"
	print " * values of their enumerated attributes. Generated by tools/rnc.awk"
	print " * from " sourcelist() ":"
	print " * edit the schemas, not this file."
	print " */"
	print "#ifndef LSN_TREE_NAMES_H"
	print "#define LSN_TREE_NAMES_H"
	print ""
	print "#include <stddef.h>"
	print ""
	print "/* Every element and attribute name, one each, in byte order. */"
	print "enum lsn_name {"
	print "\tLSN_N_UNKNOWN = 0,"
	for (i = 1; i <= NNAMES; i++)
		print "\tLSN_N_" upper(S[i]) ","
	print "\tLSN_NAME_COUNT"
	print "};"
	print ""
	print "/* The name of each enum lsn_name (\"\" for LSN_N_UNKNOWN). */"
	print "extern const char *const lsn_name_str[LSN_NAME_COUNT];"
	print ""
	print "/* The name s[0..len) is, or LSN_N_UNKNOWN. s need not end in NUL;"
	print " * with len 0 it is not read. */"
	print "enum lsn_name\tlsn_name_find(const char *s, size_t len);"
	print ""
	print "/*"
	print " * Enumerated values, NULL-terminated, in the schema's order:"
	print " * lsn_values_ELEMENT_ATTRIBUTE for every attribute whose values are"
	print " * a choice, lsn_values_DEFINE for every define that is one (doc-kind,"
	print " * tor-role). LSN_ARRAY_VALUE indexes the array; LSN_ARRAY_COUNT is"
	print " * its length."
	print " */"
	for (i = 1; i <= NENUMS; i++) {
		d = ENUMS[i]
		n = split(ENUMVALS[d], v, SUBSEP)
		print ""
		print "/* " ENUMWHAT[d] " */"
		print "extern const char *const lsn_values_" cident(d) "[" n + 1 "];"
		print "enum {"
		for (j = 1; j <= n; j++)
			print "\tLSN_" upper(d) "_" upper(v[j]) (j == 1 ? " = 0" : "") ","
		print "\tLSN_" upper(d) "_COUNT"
		print "};"
	}
	print ""
	print "/* Every array above, for walks over all of them. */"
	print "struct lsn_enum {"
	print "\tconst char\t\t *what;    /* \"define doc-kind\", \"document/@kind\" */"
	print "\tconst char *const\t *values;"
	print "\tsize_t\t\t\t  count;"
	print "};"
	print "extern const struct lsn_enum lsn_enums[" NENUMS + 1 "]; /* ends with NULLs */"
	print ""
	print "/* The index of s[0..len) in a NULL-terminated values array, or -1. */"
	print "int\t\tlsn_value_find(const char *const *values, const char *s,"
	print "\t\t    size_t len);"
	print ""
	print "#endif"
}

function write_c(    i, j, n, v, d, len, c, lastlen, lastc, b) {
	print "/* SPDX-License-Identifier: MIT */"
	print "/*"
	print " * names.c: generated by tools/rnc.awk from"
	print " * " sourcelist() ": edit the schemas, not this file."
	print " */"
	print "#include <string.h>"
	print ""
	print "#include \"names.h\""
	print ""
	print "const char *const lsn_name_str[LSN_NAME_COUNT] = {"
	print "\t\"\","
	for (i = 1; i <= NNAMES; i++)
		print "\t" cstr(S[i]) ","
	print "};"
	print ""
	# By length, then first byte: at most a few memcmp per lookup.
	for (i = 1; i <= NNAMES; i++)
		B[i] = sprintf("%04d", length(S[i])) S[i] SUBSEP i
	for (i = 1; i <= NNAMES; i++)
		S[i] = B[i]
	sort(NNAMES)
	print "enum lsn_name"
	print "lsn_name_find(const char *s, size_t len)"
	print "{"
	print "\tswitch (len) {"
	lastlen = -1
	for (i = 1; i <= NNAMES; i++) {
		split(S[i], b, SUBSEP)
		n = substr(b[1], 5)
		len = length(n)
		c = substr(n, 1, 1)
		if (len != lastlen) {
			if (lastlen >= 0)
				print "\t\t}\n\t\tbreak;"
			print "\tcase " len ":"
			print "\t\tswitch (s[0]) {"
			lastlen = len
			lastc = ""
		}
		if (c != lastc) {
			if (lastc != "")
				print "\t\t\tbreak;"
			print "\t\tcase '" c "':"
			lastc = c
		}
		print "\t\t\tif (memcmp(s, " cstr(n) ", " len ") == 0)"
		print "\t\t\t\treturn LSN_N_" upper(n) ";"
	}
	if (lastlen >= 0)
		print "\t\t\tbreak;\n\t\t}\n\t\tbreak;"
	print "\t}"
	print "\treturn LSN_N_UNKNOWN;"
	print "}"
	for (i = 1; i <= NENUMS; i++) {
		d = ENUMS[i]
		n = split(ENUMVALS[d], v, SUBSEP)
		print ""
		print "const char *const lsn_values_" cident(d) "[" n + 1 "] = {"
		for (j = 1; j <= n; j++)
			print "\t" cstr(v[j]) ","
		print "\tNULL"
		print "};"
	}
	print ""
	print "const struct lsn_enum lsn_enums[" NENUMS + 1 "] = {"
	for (i = 1; i <= NENUMS; i++) {
		d = ENUMS[i]
		print "\t{ " cstr(ENUMWHAT[d]) ", lsn_values_" cident(d) ", LSN_" upper(d) "_COUNT },"
	}
	print "\t{ NULL, NULL, 0 }"
	print "};"
	print ""
	print "int"
	print "lsn_value_find(const char *const *values, const char *s, size_t len)"
	print "{"
	print "\tint\ti;"
	print ""
	print "\tfor (i = 0; values[i] != NULL; i++)"
	print "\t\tif (strlen(values[i]) == len && memcmp(values[i], s, len) == 0)"
	print "\t\t\treturn i;"
	print "\treturn -1;"
	print "}"
}

# --- The .rng form (XML), for the facts only: each element of the
# RELAX NG XML syntax becomes the node the .rnc parser would make.
function xml_decode(s) {
	gsub(/&lt;/, "<", s)
	gsub(/&gt;/, ">", s)
	gsub(/&quot;/, "\"", s)
	gsub(/&apos;/, "'", s)
	gsub(/&amp;/, "\\&", s)
	return s
}

function xml_attr(tag, name,    r) {
	if (!match(tag, "[ \t\n]" name "=\"[^\"]*\""))
		return ""
	r = substr(tag, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
	return xml_decode(r)
}

# The children of frame d as one pattern.
function seq(d,    id, j) {
	if (FC[d] == 0)
		return node("empty", "")
	if (FC[d] == 1)
		return FK[d, 1]
	id = node("group", "")
	for (j = 1; j <= FC[d]; j++)
		add(id, FK[d, j])
	return id
}

function xml_open(tag, f,    name, d) {
	name = tag
	sub(/[ \t\n\/].*/, "", name)
	if (name ~ /:/)
		fail(FN[f] ": <" name ">: foreign elements are not read")
	d = ++depth
	FT[d] = name
	FA[d] = xml_attr(tag, "name")
	if (name == "data")
		FA[d] = xml_attr(tag, "type")
	FC[d] = 0
	FX[d] = ""
}

function xml_close(f,    d, t, id, j) {
	d = depth--
	t = FT[d]
	id = 0
	if (t == "grammar" || t == "param") {
		return
	} else if (t == "start" || t == "define") {
		if (t == "start")
			FA[d] = "start"
		if ((f, FA[d]) in DEF)
			fail(FN[f] ": " FA[d] " defined twice")
		DEF[f, FA[d]] = seq(d)
		DEFORDER[f, ++NDEF[f]] = FA[d]
		return
	} else if (t == "element" || t == "attribute") {
		if (FA[d] == "")
			fail(FN[f] ": <" t "> without a name attribute")
		id = node(t == "element" ? "elem" : "attr", FA[d])
		add(id, FC[d] == 0 && t == "attribute" ? node("text", "") : seq(d))
	} else if (t == "optional" || t == "zeroOrMore" || t == "oneOrMore") {
		id = node(t == "optional" ? "opt" : t == "zeroOrMore" ? "star" : "plus", "")
		add(id, seq(d))
	} else if (t == "choice" || t == "group" || t == "interleave") {
		if (FC[d] == 1) {
			id = FK[d, 1]
		} else {
			id = node(t, "")
			for (j = 1; j <= FC[d]; j++)
				add(id, FK[d, j])
		}
	} else if (t == "list" || t == "mixed") {
		id = node(t, "")
		add(id, seq(d))
	} else if (t == "ref") {
		id = node("ref", FA[d])
	} else if (t == "text" || t == "empty" || t == "notAllowed") {
		id = node(t, "")
	} else if (t == "value") {
		id = node("value", xml_decode(FX[d]))
	} else if (t == "data") {
		id = node("data", FA[d])
	} else {
		fail(FN[f] ": <" t "> is not read by tools/rnc.awk")
	}
	if (depth < 1)
		fail(FN[f] ": <" t "> outside the grammar")
	FK[depth, ++FC[depth]] = id
}

function parse_rng(f, s,    i, j, tag) {
	cur = f
	depth = 0
	while ((i = index(s, "<")) > 0) {
		if (depth > 0)
			FX[depth] = FX[depth] substr(s, 1, i - 1)
		s = substr(s, i)
		if (substr(s, 1, 4) == "<!--") {
			j = index(s, "-->")
			if (j == 0)
				fail(FN[f] ": comment not closed")
			s = substr(s, j + 3)
			continue
		}
		j = index(s, ">")
		if (j == 0)
			fail(FN[f] ": tag not closed")
		tag = substr(s, 2, j - 2)
		s = substr(s, j + 1)
		if (substr(tag, 1, 1) == "?")
			continue
		if (substr(tag, 1, 1) == "!")
			fail(FN[f] ": <!" "...> is not read")
		if (substr(tag, 1, 1) == "/") {
			if (depth < 1 || substr(tag, 2) != FT[depth])
				fail(FN[f] ": </" substr(tag, 2) "> does not close <" FT[depth] ">")
			xml_close(f)
			continue
		}
		xml_open(tag, f)
		if (substr(tag, length(tag), 1) == "/")
			xml_close(f)
	}
	if (depth != 0)
		fail(FN[f] ": <" FT[depth] "> not closed")
	if (!((f, "start") in DEF))
		fail(FN[f] ": no start")
}

FNR == 1 {
	FN[++nfiles] = FILENAME
	ISRNG[nfiles] = FILENAME ~ /\.rng$/
}

ISRNG[nfiles] {
	RNG[nfiles] = RNG[nfiles] $0 "\n"
	next
}

{
	tokenize($0, FILENAME, FNR)
}

END {
	if (failed)
		exit 1
	if (mode != "h" && mode != "c" && mode != "facts")
		fail("-v mode=h, c or facts")
	if (nfiles == 0)
		fail("no schema")
	pos = 1
	for (f = 1; f <= nfiles; f++) {
		if (ISRNG[f] && mode != "facts")
			fail(FN[f] ": names.h is made from the .rnc")
		if (ISRNG[f])
			parse_rng(f, RNG[f])
		else
			parse_file(f)
	}
	for (f = 1; f <= nfiles; f++) {
		cur = f
		walk(DEF[f, "start"], "", 0, 0)
		named_enums(f)
	}
	if (mode == "facts") {
		for (i = 1; i <= NFACTS; i++)
			print FACTS[i]
		exit 0
	}
	NNAMES = 0
	for (n in NAME)
		S[++NNAMES] = n
	sort(NNAMES)
	for (i = 1; i <= NNAMES; i++) {
		u = upper(S[i])
		if (u in UP)
			fail("names " UP[u] " and " S[i] " are one C name")
		UP[u] = S[i]
	}
	for (i = 1; i <= NENUMS; i++) {
		u = "values " upper(ENUMS[i])
		if (u in UP)
			fail(ENUMWHAT[UP[u]] " and " ENUMWHAT[ENUMS[i]] " are one C name")
		UP[u] = ENUMS[i]
		n = split(ENUMVALS[ENUMS[i]], v, SUBSEP)
		for (j = 1; j <= n; j++) {
			u = "value " upper(ENUMS[i]) " " upper(v[j])
			if (u in UP)
				fail(ENUMWHAT[ENUMS[i]] ": values " UP[u] " and " v[j] " are one C name")
			UP[u] = v[j]
		}
	}
	if (mode == "h")
		write_h()
	else
		write_c()
}
