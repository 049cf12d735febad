#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-json.py SCHEMA DIFF.json [EXPECTED.json]

Checks a `liaison-diff/1` JSON document: valid against the JSON Schema,
every change's word operations rebuild its old and new text exactly
(equal + delete = old, equal + insert = new), the stats agree with the
changes, and, when EXPECTED is given, the changes equal the expected
ones (op, where, old, new, words; paths and sources are not compared).
Exit status 0 when all hold, 1 otherwise (with the reasons on stderr).
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    problems = []
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        problems.append("schema: %s" % e.message)
    counts = {"insert": 0, "delete": 0, "replace": 0, "move": 0}
    for i, c in enumerate(doc.get("changes", [])):
        counts[c["op"]] = counts.get(c["op"], 0) + 1
        old = "".join(w["text"] for w in c["words"] if w["op"] != "insert")
        new = "".join(w["text"] for w in c["words"] if w["op"] != "delete")
        if old != (c["old"] or "") or new != (c["new"] or ""):
            problems.append("change %d (%s): words do not rebuild old/new"
                            % (i + 1, c["where"]))
    st = doc.get("stats", {})
    for op, key in (("insert", "inserted"), ("delete", "deleted"),
                    ("replace", "replaced"), ("move", "moved")):
        if st.get(key) != counts[op]:
            problems.append("stats.%s is %s, changes say %d"
                            % (key, st.get(key), counts[op]))
    if len(sys.argv) > 3:
        want = json.load(open(sys.argv[3], encoding="utf-8"))
        keys = ("op", "where", "old", "new", "words")
        got = [{k: c[k] for k in keys} for c in doc["changes"]]
        exp = [{k: c[k] for k in keys} for c in want["changes"]]
        if got != exp:
            problems.append("changes differ from %s" % sys.argv[3])
    for p in problems:
        print("check-json: %s: %s" % (sys.argv[2], p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
