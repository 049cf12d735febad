#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-markdown.py PAGE.html DIFF.json

PAGE is the Markdown output of a diff rendered to HTML by a GFM renderer
(pandoc -f gfm -t html). Change N is the N-th <li> of the page's list:
its struck-out text (<del>) must be exactly the change's deleted words
and its strong or <ins> text exactly the inserted words, in order
(white space compared collapsed; white-space-only edits have no markup).
Exit status 0 when all hold, 1 otherwise.
"""
import json
import re
import sys
from html.parser import HTMLParser


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = []     # per <li>: {"del": [...], "strong": [...]}
        self.depth = 0      # nesting of <li>
        self.mark = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.depth += 1
            if self.depth == 1:
                self.items.append({"del": [], "strong": []})
        elif tag in ("del", "strong", "ins") and self.items and self.depth:
            self.mark = "strong" if tag == "ins" else tag
            self.text = ""

    def handle_endtag(self, tag):
        if tag == "li":
            self.depth -= 1
        elif (tag == "ins" and self.mark == "strong") or tag == self.mark:
            self.items[-1][self.mark].append(norm(self.text))
            self.mark = None

    def handle_data(self, data):
        if self.mark is not None:
            self.text += data


def main():
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    diff = json.load(open(sys.argv[2], encoding="utf-8"))
    errors = []
    if len(page.items) != len(diff["changes"]):
        errors.append("%d list items for %d changes"
                      % (len(page.items), len(diff["changes"])))
    for i, (c, item) in enumerate(zip(diff["changes"], page.items), 1):
        want_del = [norm(w["text"]) for w in c["words"]
                    if w["op"] == "delete" and norm(w["text"])]
        want_ins = [norm(w["text"]) for w in c["words"]
                    if w["op"] == "insert" and norm(w["text"])]
        if item["del"] != want_del:
            errors.append("change %d: struck out %r, expected %r"
                          % (i, item["del"], want_del))
        if item["strong"] != want_ins:
            errors.append("change %d: strong %r, expected %r"
                          % (i, item["strong"], want_ins))
    for e in errors:
        print("check-markdown: %s: %s" % (sys.argv[1], e), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
