#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check.py DIR LIAISON DUMP MKDOCX [CORPUS]: list and heading numbers as
Word shows them.

Every NAME.labels in DIR holds, one line per numbered paragraph in
document order, what a reader of the document sees and what the model
says:

    LABEL <tab> NUMBER <tab> TEXT

LABEL is the label Word prints (the reader's resolved label; for text
input the list item's label), NUMBER the model's `number` of the list
item or the section the paragraph became, or the id of the annex it
heads ("-" for null, "?" when the paragraph is in no item, section or
annex title), TEXT the paragraph's text (first
50 characters). Lines starting with "#" say why a label is what it is.
The input is NAME.case (a package for mkdocx.py), NAME.txt (text), or,
for DIR/corpus/NAME.labels, CORPUS/NAME.docx (skipped without CORPUS).
The expected files are written from Word's rules (see
lib/reader/docx-numbering.c), never copied from this script's output;
LIAISON_UPDATE=1 prints the actual lines instead of comparing, to help
writing a new one.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

WIDTH = 50


def norm(s):
    return " ".join(s.split())


def model_entries(doc):
    """(kind, label, number, text) for every list item, section and annex,
    in document order."""
    out = []

    def blocks(bs):
        for b in bs:
            if b.get("type") == "list":
                for it in b["items"]:
                    out.append(("item", it.get("label"), it.get("number"),
                                norm(it.get("text", ""))))
                    blocks(it.get("blocks", []))
            elif b.get("type") == "table":
                for row in b["rows"]:
                    for cell in row:
                        blocks(cell)

    def sections(ss):
        for s in ss:
            out.append(("section", None, s.get("number"),
                        norm(s.get("title", ""))))
            blocks(s.get("blocks", []))
            sections(s.get("sections", []))

    blocks(doc.get("abstract", []))
    blocks(doc.get("body", []))
    sections(doc.get("sections", []))
    for key in ("annexes", "appendices"):
        for a in doc.get(key, []) or []:
            out.append(("annex", None, a.get("id"), norm(a.get("title", ""))))
            blocks(a.get("body", []))
            sections(a.get("sections", []))
    return out


def reader_labels(dump, path):
    """(label, text) of every paragraph with an automatic label."""
    res = subprocess.run([dump, path], capture_output=True, text=True,
                         check=True)
    out = []
    for line in res.stdout.splitlines():
        m = re.match(r'PARA(?: .*?)? label="((?:[^"\\]|\\.)*)".* "(.*)"$', line)
        if m:
            text = m.group(2).replace('\\"', '"').replace("\\\\", "\\")
            out.append((m.group(1), norm(text)))
    return out


def fmt_number(n):
    return "-" if n is None else str(n)


def actual(liaison, dump, path, is_docx):
    res = subprocess.run([liaison, "convert", "-q", path],
                         capture_output=True, text=True, check=True)
    entries = model_entries(json.loads(res.stdout))
    lines = []
    if not is_docx:
        for kind, label, number, text in entries:
            if kind == "item":
                lines.append("%s\t%s\t%s" % (label, fmt_number(number),
                                             text[:WIDTH]))
        return lines
    used = [False] * len(entries)
    for label, text in reader_labels(dump, path):
        number, model_label = "?", None
        for k, (kind, mlabel, mnumber, mtext) in enumerate(entries):
            if not used[k] and mtext == text:
                used[k] = True
                number, model_label = fmt_number(mnumber), mlabel
                break
        if model_label is not None and model_label != label:
            label = "%s (model: %s)" % (label, model_label)
        lines.append("%s\t%s\t%s" % (label, number, text[:WIDTH]))
    return lines


def expected(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f
                if l.strip() and not l.startswith("#")]


def main():
    top, liaison, dump, mkdocx = sys.argv[1:5]
    corpus = sys.argv[5] if len(sys.argv) > 5 else None
    update = os.environ.get("LIAISON_UPDATE") == "1"
    passed = failed = 0
    tmp = tempfile.mkdtemp(prefix="numbering.")
    jobs = []
    for name in sorted(os.listdir(top)):
        base, ext = os.path.splitext(name)
        if ext == ".case":
            out = os.path.join(tmp, base + ".docx")
            subprocess.run([sys.executable, mkdocx, os.path.join(top, name),
                            out], check=True)
            jobs.append((base, out, True, os.path.join(top, base + ".labels")))
        elif ext == ".txt":
            jobs.append((base, os.path.join(top, name), False,
                         os.path.join(top, base + ".labels")))
    cdir = os.path.join(top, "corpus")
    if corpus is not None and os.path.isdir(cdir):
        for name in sorted(os.listdir(cdir)):
            base, ext = os.path.splitext(name)
            if ext == ".labels":
                jobs.append(("corpus/" + base,
                             os.path.join(corpus, base + ".docx"), True,
                             os.path.join(cdir, name)))
    for name, path, is_docx, exp_path in jobs:
        got = actual(liaison, dump, path, is_docx)
        if update:
            print("== %s" % name)
            print("\n".join(got))
            continue
        want = expected(exp_path)
        if got == want:
            passed += 1
            continue
        failed += 1
        print("FAIL %s" % name)
        for k in range(max(len(got), len(want))):
            g = got[k] if k < len(got) else "(none)"
            w = want[k] if k < len(want) else "(none)"
            if g != w:
                print("  line %d: want %s\n          got  %s" % (k + 1, w, g))
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
