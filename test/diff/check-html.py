#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-html.py PAGE.html DIFF.json [--dom]

Checks the side-by-side HTML page of a diff against the same diff as
JSON. Without --dom, PAGE is the page as written: it must be well formed
(every non-void element closed in order, no external resource). With
--dom, PAGE is the DOM a browser built from it (chromium --dump-dom).
Either way, for change N the row after the header with id "cN" must show
exactly the change's deleted words in <del> on the old side (td.old) and
its inserted words in <ins> on the new side (td.new), and the list of
changes must link to every "#cN". The header names both places: the
old one (old_where, or where for a deletion; a dash for an insertion)
in its first cell, the new one (a dash for a deletion) in its second.
The whole-document view (under id "document") holds every change in
order as an element with id "dN" whose <del> and <ins> words are the
change's, and the text of the new document around them.
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.links = [], [], []
        self.rows = {}        # change number -> {"del": [...], "ins": [...]}
        self.current = None   # change number of the row being read
        self.cell = None      # "old" or "new"
        self.mark = None      # "del" or "ins" being read
        self.text = ""
        self.heads = {}       # change number -> [old place, new place]
        self.head = None      # change number of the header being read
        self.th = None        # text of the header cell being read
        self.doc = []         # change numbers in the document view
        self.docmarks = {}    # change number -> {"del": [...], "ins": [...]}
        self.docn = None      # change of the view element being read
        self.doctext = []     # all text of the document view
        self.in_doc = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("link", "script", "img", "iframe") and (
                a.get("href") or a.get("src")):
            self.errors.append("external resource: <%s>" % tag)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "tr" and a.get("id", "").startswith("c"):
            self.current = int(a["id"][1:])
            self.rows[self.current] = {"del": [], "ins": []}
            self.head = self.current
            self.heads[self.head] = []
        if tag == "th" and self.head is not None:
            self.th = ""
        if a.get("class") == "doc":
            self.in_doc = True
        if self.in_doc and a.get("id", "").startswith("d"):
            self.docn = int(a["id"][1:])
            self.doc.append(self.docn)
            self.docmarks[self.docn] = {"del": [], "ins": []}
        if tag in ("del", "ins") and self.docn is not None:
            self.mark = tag
            self.text = ""
        if tag == "td" and self.current is not None:
            cls = a.get("class", "")
            self.cell = "old" if "old" in cls else "new" if "new" in cls \
                else None
        if tag in ("del", "ins") and self.cell is not None:
            self.mark = tag
            self.text = ""
            want = "old" if tag == "del" else "new"
            if self.cell != want:
                self.errors.append("<%s> on the %s side of change %d"
                                   % (tag, self.cell, self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> does not close <%s>" % (
                tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()
        if tag in ("del", "ins") and self.mark == tag:
            if self.docn is not None:
                self.docmarks[self.docn][tag].append(self.text)
            else:
                self.rows[self.current][tag].append(self.text)
            self.mark = None
        if tag == "td":
            self.cell = None
        if tag == "th" and self.th is not None:
            self.heads[self.head].append(" ".join(self.th.split()))
            self.th = None
        if tag == "tr":
            self.head = None
        if tag == "p" and self.docn is not None:
            self.docn = None
        if tag == "div" and self.in_doc:
            self.in_doc = False

    def handle_data(self, data):
        if self.mark is not None:
            self.text += data
        if self.th is not None:
            self.th += data
        if self.in_doc:
            self.doctext.append(data)


def main():
    dom = "--dom" in sys.argv[3:]
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    page.close()
    diff = json.load(open(sys.argv[2], encoding="utf-8"))
    errors = list(page.errors)
    if page.stack and not dom:
        errors.append("unclosed: %s" % " ".join(page.stack))
    for i, c in enumerate(diff["changes"], 1):
        want_del = [w["text"] for w in c["words"] if w["op"] == "delete"]
        want_ins = [w["text"] for w in c["words"] if w["op"] == "insert"]
        got = page.rows.get(i)
        if got is None:
            errors.append("change %d: no row" % i)
            continue
        if got["del"] != want_del:
            errors.append("change %d: <del> %r, expected %r"
                          % (i, got["del"], want_del))
        if got["ins"] != want_ins:
            errors.append("change %d: <ins> %r, expected %r"
                          % (i, got["ins"], want_ins))
        if "c%d" % i not in page.links:
            errors.append("change %d: no link to #c%d" % (i, i))
        old_place = None if c["old"] is None else \
            c["old_where"] or c["where"]
        new_place = None if c["new"] is None else c["where"]
        head = page.heads.get(i, [])
        if len(head) != 2:
            errors.append("change %d: header of %d cells" % (i, len(head)))
        else:
            for got_place, want, side in ((head[0], old_place, "old"),
                                          (head[1], new_place, "new")):
                want = " ".join(want.split()) if want else "\u2014"
                if not got_place.endswith(want):
                    errors.append("change %d: %s place %r, expected %r"
                                  % (i, side, got_place, want))
        marks = page.docmarks.get(i)
        if marks is None:
            errors.append("change %d: not in the document view" % i)
        elif marks["del"] != want_del or marks["ins"] != want_ins:
            if c["old"] is not None and c["new"] is not None:
                errors.append("change %d in the document: %r, expected %r"
                              % (i, marks, (want_del, want_ins)))
            elif marks["del"] + marks["ins"] != [c["old"] or c["new"]]:
                errors.append("change %d in the document: %r" % (i, marks))
    if page.doc != sorted(page.doc):
        errors.append("document view: changes out of order: %r" % page.doc)
    if len(page.rows) != len(diff["changes"]):
        errors.append("%d rows for %d changes"
                      % (len(page.rows), len(diff["changes"])))
    for e in errors:
        print("check-html: %s: %s" % (sys.argv[1], e), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
