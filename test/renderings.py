#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""renderings.py LOSSES DIR NAME...

Compares the facts a user relies on across the renderings of one
document: DIR/RENDERING/NAME.json is liaison's model of rendering
RENDERING of document NAME, DIR/docx/NAME.json the reference (the DOCX
as is). The facts: kind, the meta fields, the Actions requested (the
text of each paragraph or list item), clause numbers and titles
(with their depth), annex and appendix ids and titles, the parts of
a ToR (group, name, section roles and titles, people, mailing lists)
and of a Question (id, title, status, number of study items and tasks,
each task's addresses, relationships, Recommendations).

Every fact of the DOCX that a rendering lacks ("-FACT") and every fact
a rendering has that the DOCX lacks ("+FACT") must be listed in LOSSES,
a table of tab-separated columns:

    RENDERING  DOCUMENT  [+-]FACT  WHY  REASON

RENDERING, DOCUMENT and FACT are shell globs (fnmatch), RENDERING
also a comma-separated list of them ("lo-text,plain"), WHY is
"nature" (the rendering cannot carry it) or "pending" (liaison does not
read it yet: a defect to fix, then the line goes). Prints one line per
document and rendering, "PASS NAME RENDERING" or "FAIL NAME RENDERING:"
and the facts not accounted for, a tab before each; then "UNUSED" for
each line of LOSSES that matched nothing, so that a fixed defect's line
is seen and removed. With --draft first, prints instead a LOSSES line
for each kind of fact not accounted for, its reason "TODO"."""
import fnmatch
import json
import os
import re
import sys
import unicodedata

RENDERINGS = ["lo-docx", "lo-text", "plain", "export-text", "docx2txt", "seed"]


def norm(s):
    """Text as a reader compares it: NFC, soft hyphens gone, spaces of
    any width one space."""
    if s is None:
        return "null"
    s = unicodedata.normalize("NFC", str(s)).replace("\u00ad", "")
    return re.sub(r"[\s\u00a0\u2007\u202f]+", " ", s).strip()


def sections(prefix, secs, out, depth=1):
    for s in secs or []:
        role = " [%s]" % s["role"] if s.get("role") else ""
        out.append("%ssection %d: %s %s%s" % (
            prefix, depth, norm(s.get("number")), norm(s.get("title")), role))
        sections(prefix, s.get("sections"), out, depth + 1)


def tor(prefix, t, out):
    out.append("%stor group: %s" % (prefix, norm(t.get("group"))))
    out.append("%stor name: %s" % (prefix, norm(t.get("name"))))
    for s in t.get("sections", []):
        out.append("%stor part: %s %s" % (prefix, s.get("role"), norm(s.get("title"))))
    for p in t.get("people", []):
        out.append("%stor person: %s (%s)" % (prefix, norm(p.get("name")), norm(p.get("role"))))
    for m in t.get("mailing_lists", []):
        out.append("%stor mailing list: %s" % (prefix, m))


def question(prefix, q, out):
    p = "%squestion %s" % (prefix, q.get("id"))
    out.append("%s title: %s" % (p, norm(q.get("title"))))
    out.append("%s status: %s" % (p, norm(q.get("status"))))
    out.append("%s study items: %d" % (p, len(q.get("study_items", []))))
    out.append("%s tasks: %d" % (p, len(q.get("tasks", []))))
    for i, t in enumerate(q.get("tasks", [])):
        if t.get("addresses"):
            out.append("%s task %d addresses: %s" % (p, i + 1, t["addresses"]))
    for k, v in sorted((q.get("relationships") or {}).items()):
        if v:
            out.append("%s relationships %s: %s" % (p, k, ", ".join(map(norm, v))))
    for k in ("responsible_for", "under_development"):
        if q.get(k):
            out.append("%s %s: %d" % (p, k.replace("_", " "), len(q[k])))


def parts(word, items, out):
    for a in items or []:
        p = "%s %s " % (word, a.get("id"))
        out.append("%s: %s" % (p.strip(), norm(a.get("title"))))
        if a.get("kind"):
            out.append("%skind: %s" % (p, a["kind"]))
        sections(p, a.get("sections"), out)
        if a.get("question"):
            question(p, a["question"], out)
        if a.get("terms_of_reference"):
            tor(p, a["terms_of_reference"], out)


def facts(model):
    out = ["kind: %s" % model.get("kind")]
    for k, v in sorted((model.get("meta") or {}).items()):
        if v in (None, [], ""):
            continue
        if k == "contacts":
            for c in v:
                for ck, cv in sorted(c.items()):
                    if cv:
                        out.append("meta contact %s: %s" % (ck, norm(cv)))
        elif isinstance(v, list):
            out.append("meta %s: %s" % (k, " | ".join(map(norm, v))))
        else:
            out.append("meta %s: %s" % (k, norm(v)))
    for b in model.get("actions_requested") or []:
        # the words of each block: a paragraph, or a list's items
        texts = [b.get("text")] if b.get("type") == "paragraph" else \
            [i.get("text") for i in b.get("items") or []]
        for t in texts:
            out.append("actions requested: %s" % norm(t))
    sections("", model.get("sections"), out)
    parts("annex", model.get("annexes"), out)
    parts("appendix", model.get("appendices"), out)
    if model.get("terms_of_reference"):
        tor("", model["terms_of_reference"], out)
    if model.get("question"):
        question("", model["question"], out)
    return out


def multiset_minus(a, b):
    left = list(b)
    missing = []
    for x in a:
        if x in left:
            left.remove(x)
        else:
            missing.append(x)
    return missing


def read_losses(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if (len(cols) != 5 or cols[2][:1] not in "+-"
                    or cols[3] not in ("nature", "pending") or not cols[4]):
                # Status 2: a bad table is no pass (1 is a failed fact).
                print("%s:%d: want RENDERING, DOCUMENT, [+-]FACT, "
                      "nature|pending, REASON (tabs)" % (path, n),
                      file=sys.stderr)
                sys.exit(2)
            rows.append([n] + cols + [0])
    return rows


def glob(fact):
    """The kind of a fact, as a glob: "-section 3: 1.2 Scope" gives
    "-section *:*"."""
    head = fact.split(":", 1)[0]
    head = re.sub(r"section \d+$", "section *", head)
    head = re.sub(r"(task) \d+ ", r"\1 * ", head)
    return head.replace("[", "[[]") + ":*"


def main():
    args = sys.argv[1:]
    draft = args[:1] == ["--draft"]
    if draft:
        args = args[1:]
    losses = read_losses(args[0])
    top = args[1]
    status = 0
    for name in args[2:]:
        with open(os.path.join(top, "docx", name + ".json"), encoding="utf-8") as f:
            ref = facts(json.load(f))
        for r in RENDERINGS:
            path = os.path.join(top, r, name + ".json")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                got = facts(json.load(f))
            diff = (["-" + x for x in multiset_minus(ref, got)]
                    + ["+" + x for x in multiset_minus(got, ref)])
            bad = []
            for d in diff:
                hit = [row for row in losses
                       if any(fnmatch.fnmatchcase(r, g) for g in row[1].split(","))
                       and fnmatch.fnmatchcase(name, row[2])
                       and fnmatch.fnmatchcase(d, row[3])]
                for row in hit:
                    row[-1] += 1
                if not hit:
                    bad.append(d)
            if bad and draft:
                # One line per kind of fact, the reason to be written.
                for g in sorted(set(glob(d) for d in bad)):
                    print("%s\t%s\t%s\tpending\tTODO" % (r, name, g))
            elif bad:
                status = 1
                print("FAIL %s %s:" % (name, r))
                for d in bad:
                    print("\t" + d)
            else:
                print("PASS %s %s" % (name, r))
    for row in losses:
        if row[-1] == 0 and not draft:
            print("UNUSED %s:%d: %s" % (args[0], row[0], "\t".join(row[1:4])))
    return status


if __name__ == "__main__":
    sys.exit(main())
