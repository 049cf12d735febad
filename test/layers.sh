#!/bin/sh
# SPDX-License-Identifier: MIT
# layers.sh: the code's layers only call down. Reads the #include "..."
# lines of lib/ and cli/ and fails, naming each offending edge, on
#  (a) a cycle between layers, and
#  (b) an include against the layer order, lowest first:
#        public   lib/liaison.h (the public types: every layer may use it)
#        util     lib/util/
#        options  lib/options.[ch] (every layer reads the limits)
#        reader   lib/reader/
#        tree     lib/tree/
#        recognize lib/recognize/
#        emit     lib/emit/
#        diff     lib/diff/
#        api      lib/api.c, lib/doc.h, lib/version.c
#        cli      cli/ (only lib/liaison.h and its own headers)
# A file of lib/ or cli/ in no layer fails too, so that a new directory
# gets its place here.
#  (c) libxml2 at the XML edges only: a <libxml/...> include or a call
#      of a libxml2 function (xmlSomething(...)) outside the DOCX
#      reader's files (lib/reader/docx*), lib/tree/xml.[ch] and
#      lib/tree/validate.c. "config.h" (configure's) is left out.
# LAYERS_ROOT: the tree to read (default the source tree); the test of
# this script seeds a violation in a copy.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
root=${LAYERS_ROOT:-$top_srcdir}

# Reads the includes over the tree given, prints the offending edges and
# exits 1 on any, else prints a summary and exits 0.
check() {
	"$PYTHON3" - "$1" <<'EOF'
import os, re, sys

root = sys.argv[1]
order = ["public", "util", "options", "reader", "tree", "recognize",
         "emit", "diff", "api", "cli"]
rank = {name: i for i, name in enumerate(order)}

def layer(path):
    if path == "lib/liaison.h":
        return "public"
    if path in ("lib/options.c", "lib/options.h"):
        return "options"
    if path in ("lib/api.c", "lib/doc.h", "lib/version.c"):
        return "api"
    parts = path.split("/")
    if parts[0] == "cli":
        return "cli"
    if parts[0] == "lib" and len(parts) > 2 and parts[1] in rank:
        return parts[1]
    return None

inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
libxml_inc = re.compile(r'^\s*#\s*include\s+<libxml/')
libxml_call = re.compile(r'\bxml[A-Z]\w*\s*\(')
comment = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)

def xml_edge(path):
    return (path.startswith("lib/reader/docx") or
            path in ("lib/tree/xml.c", "lib/tree/xml.h",
                     "lib/tree/validate.c"))

files = []
for top in ("lib", "cli"):
    for d, _, names in os.walk(os.path.join(root, top)):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), root))
files.sort()

bad = 0
edges = {}   # (from layer, to layer) -> first "file -> file" seen
for f in files:
    lf = layer(f)
    if lf is None:
        print("layers: %s is in no layer (add it to test/layers.sh)" % f)
        bad += 1
        continue
    with open(os.path.join(root, f), encoding="utf-8",
              errors="replace") as fp:
        text = fp.read()
    if not xml_edge(f):
        # comments blanked, their newlines kept for the line numbers
        code = comment.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                           text)
        for lineno, line in enumerate(code.split("\n"), 1):
            m = libxml_inc.match(line) or libxml_call.search(line)
            if m:
                print("layers: %s:%d: libxml2 outside the XML edges: %s"
                      % (f, lineno, line.strip()))
                bad += 1
    for lineno, line in enumerate(text.split("\n"), 1):
        m = inc.match(line)
        if m is None or m.group(1) == "config.h":
            continue
        name = m.group(1)
        # as the compiler looks: beside the file, then under lib/
        near = os.path.normpath(os.path.join(os.path.dirname(f), name))
        t = near if os.path.exists(os.path.join(root, near)) \
            else os.path.normpath(os.path.join("lib", name))
        lt = layer(t)
        where = "%s:%d: %s -> %s" % (f, lineno, f, t)
        if lt is None:
            print("layers: %s: %s is in no layer" % (where, t))
            bad += 1
            continue
        if lf == "cli" and lt != "cli" and t != "lib/liaison.h":
            print("layers: %s: the CLI uses the public API only"
                  % where)
            bad += 1
        elif rank[lt] > rank[lf]:
            print("layers: %s: %s includes %s, a higher layer"
                  % (where, lf, lt))
            bad += 1
        if lt != lf:
            edges.setdefault((lf, lt), where)

# (a) cycles between layers: depth-first search over the layer graph.
succ = {}
for (a, b) in edges:
    succ.setdefault(a, []).append(b)
state = {}
def visit(n, path):
    global bad
    state[n] = 1
    for m in sorted(succ.get(n, [])):
        if state.get(m) == 1:
            cyc = path[path.index(m):] + [m]
            print("layers: cycle %s" % " -> ".join(cyc))
            for a, b in zip(cyc, cyc[1:]):
                print("layers:   %s" % edges[(a, b)])
            bad += 1
        elif m not in state:
            visit(m, path + [m])
    state[n] = 2
for n in sorted(succ):
    if n not in state:
        visit(n, [n])

if bad:
    sys.exit(1)
print("layers: %d files, %d edges between layers, none upward"
      % (len(files), len(edges)))
EOF
}

# The tree itself.
if check "$root" > "$tmp/out" 2>&1; then
	ok
else
	fail "the include graph goes against the layers:"
	cat "$tmp/out" >&2
fi

# The check can fail: seeded violations in a copy of lib/ and cli/ are
# each named by their edge.
seed() {  # FILE LINE EXPECTED-OUTPUT-PART
	rm -rf "$tmp/seed" && mkdir -p "$tmp/seed" &&
	cp -R "$root/lib" "$root/cli" "$tmp/seed/" || exit 99
	printf '%s\n' "$2" >> "$tmp/seed/$1"
	if check "$tmp/seed" > "$tmp/seed.out" 2>&1; then
		fail "seeded '$2' in $1: not caught"
	elif ! grep -F -q -- "$3" "$tmp/seed.out"; then
		fail "seeded '$2' in $1: expected '$3' in:"
		cat "$tmp/seed.out" >&2
	else
		ok
	fi
}
seed lib/reader/text.c '#include "api.c"' \
    'lib/reader/text.c -> lib/api.c: reader includes api'
seed lib/util/buf.c '#include "emit/emit.h"' \
    'lib/util/buf.c -> lib/emit/emit.h: util includes emit'
seed cli/heap.c '#include "options.h"' \
    'cli/heap.c -> lib/options.h: the CLI uses the public API only'
seed lib/tree/build.c '#include "recognize/lines.h"' \
    'layers: cycle tree -> recognize -> tree'
seed lib/api.c '#include "frob/frob.h"' 'lib/frob/frob.h is in no layer'
seed lib/diff/diff.h '#include <libxml/tree.h>' \
    'libxml2 outside the XML edges: #include <libxml/tree.h>'
seed lib/emit/json.c 'static void f(void *d) { xmlFreeDoc(d); }' \
    'libxml2 outside the XML edges: static void f'
finish
