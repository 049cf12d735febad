#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""export-text.py IN.docx [OUT.txt]

Writes a DOCX as plain text the way the exporter behind the seed
documents (../shared/seeds, samples/*.txt) does, so that any DOCX can
be seen through that exporter too (test/renderings.sh). The rules are
read off the seeds; nothing else of that exporter is known:

- one line a paragraph, LF, UTF-8 without BOM, no newline after the
  last paragraph; empty paragraphs stay as empty lines;
- a tab run is a tab; a line break inside a paragraph is a newline;
- bookmarks started in or just before a paragraph open its line as
  "[bookmark: NAME]", in document order;
- a footnote reference is "[footnoteRef:N]", and the footnote's text
  follows its paragraph's text as "[N: TEXT] " (the footnote paragraph
  keeps its leading space, hence "[1:  The ...");
- auto-numbered list items lose their number: the level's label is
  written with every "%n" as 1 ("1.", "1)"), then a space; a bullet is
  its character ("·" for Word's Symbol bullet) and a space; auto-numbered
  headings (styles Heading1..9) keep their numbers as Word counts them
  ("2. Meetings Held", "3.1 Scope"): the seeds show both;
- a table row is one line, its cells joined by tabs (the paragraphs of
  one cell joined by a space);
- deleted text (w:del) and field instructions are left out, field
  results and inserted text kept.
Where the seeds cannot show a rule (tables, line breaks) the choice
above is the plainest one; test/README.md says what this reproduction
gives for the samples next to the seeds themselves."""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's Symbol-font bullets live in the private-use area.
SYMBOL_BULLETS = {"\uf0b7": "\u00b7", "\uf0a7": "\u00a7", "\uf0d8": "\u00d8",
                  "\uf076": "v", "\uf0fc": "\u00fc", "\uf02d": "-"}


def part(z, name):
    try:
        return ET.fromstring(z.read(name))
    except KeyError:
        return None


class Numbering:
    """numId -> ilvl -> (format, text) from word/numbering.xml."""

    def __init__(self, root):
        self.levels = {}
        if root is None:
            return
        abstract = {}
        for a in root.findall(W + "abstractNum"):
            lv = {}
            for l in a.findall(W + "lvl"):
                fmt = l.find(W + "numFmt")
                txt = l.find(W + "lvlText")
                lv[l.get(W + "ilvl")] = (
                    fmt.get(W + "val") if fmt is not None else "decimal",
                    txt.get(W + "val") if txt is not None else "")
            abstract[a.get(W + "abstractNumId")] = lv
        for n in root.findall(W + "num"):
            a = n.find(W + "abstractNumId")
            if a is not None:
                self.levels[n.get(W + "numId")] = abstract.get(a.get(W + "val"), {})

        self.count = {}	# numId -> [count per level], for headings

    def label(self, num_id, ilvl, counted):
        """The label of an item; counted: numbered as Word counts
        (headings), else every "%n" is 1 (list items)."""
        ilvl = ilvl or "0"
        fmt, text = self.levels.get(num_id, {}).get(ilvl, ("none", ""))
        if fmt == "none" or num_id == "0":
            return ""
        if fmt == "bullet":
            return "".join(SYMBOL_BULLETS.get(c, c) for c in text) + " "
        lvl = int(ilvl) if ilvl.isdigit() and int(ilvl) < 9 else 0
        c = self.count.setdefault(num_id, [0] * 9)
        if counted:
            c[lvl] += 1
            for i in range(lvl + 1, 9):
                c[i] = 0
        for i in range(1, 10):
            n = c[i - 1] if counted and c[i - 1] else 1
            text = text.replace("%%%d" % i, str(n))
        return text + " "


class Styles:
    """styleId -> (numId, ilvl) for styles that number their paragraphs."""

    def __init__(self, root):
        self.num = {}
        self.based = {}
        if root is None:
            return
        for s in root.findall(W + "style"):
            sid = s.get(W + "styleId")
            b = s.find(W + "basedOn")
            if b is not None:
                self.based[sid] = b.get(W + "val")
            np = s.find(W + "pPr/" + W + "numPr")
            if np is not None:
                n = np.find(W + "numId")
                l = np.find(W + "ilvl")
                self.num[sid] = (n.get(W + "val") if n is not None else None,
                                 l.get(W + "val") if l is not None else "0")

    def numbering(self, sid):
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                return self.num[sid]
            sid = self.based.get(sid)
        return None


class Exporter:
    def __init__(self, path):
        z = zipfile.ZipFile(path)
        self.doc = part(z, "word/document.xml")
        self.numbering = Numbering(part(z, "word/numbering.xml"))
        self.styles = Styles(part(z, "word/styles.xml"))
        self.footnotes = {}
        fn = part(z, "word/footnotes.xml")
        if fn is not None:
            for f in fn.findall(W + "footnote"):
                if f.get(W + "type") in (None, "normal"):
                    self.footnotes[f.get(W + "id")] = f
        self.pending = []	# bookmarks seen between paragraphs

    def runs(self, el, out, notes, marks):
        """Appends the text of el's runs to out (a list of str); the
        footnote ids referenced go to notes, bookmark names to marks."""
        field = []	# per nested field: True while in its instructions
        for node in el.iter():
            tag = node.tag
            if tag == W + "fldChar":
                t = node.get(W + "fldCharType")
                if t == "begin":
                    field.append(True)
                elif t == "separate" and field:
                    field[-1] = False
                elif t == "end" and field:
                    field.pop()
            elif tag == W + "bookmarkStart":
                marks.append(node.get(W + "name"))
            elif any(field):
                continue
            elif tag == W + "t":
                if not self.deleted(node):
                    out.append(node.text or "")
            elif tag == W + "tab" and self.in_run(node):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("\u2011")
            elif tag == W + "sym":
                c = chr(int(node.get(W + "char"), 16))
                out.append(SYMBOL_BULLETS.get(c, c))
            elif tag == W + "footnoteReference":
                out.append("[footnoteRef:%s]" % node.get(W + "id"))
                notes.append(node.get(W + "id"))

    def in_run(self, node):
        return node in self.run_tabs

    def deleted(self, node):
        return node in self.del_text

    def paragraph(self, p):
        out, notes, marks = [], [], self.pending
        self.pending = []
        self.runs(p, out, notes, marks)
        label, style = "", ""
        ppr = p.find(W + "pPr")
        num = None
        if ppr is not None:
            np = ppr.find(W + "numPr")
            if np is not None:
                n, l = np.find(W + "numId"), np.find(W + "ilvl")
                num = (n.get(W + "val") if n is not None else None,
                       l.get(W + "val") if l is not None else "0")
            st = ppr.find(W + "pStyle")
            style = st.get(W + "val") if st is not None else ""
            if num is None and style:
                num = self.styles.numbering(style)
        if num and num[0]:
            label = self.numbering.label(num[0], num[1],
                                         style.startswith("Heading"))
        text = "".join("[bookmark: %s]" % m for m in marks) + label + "".join(out)
        for n in notes:
            body = []
            f = self.footnotes.get(n)
            if f is not None:
                for fp in f.findall(W + "p"):
                    self.runs(fp, body, [], [])
            text += "[%s: %s] " % (n, "".join(body).replace("[footnoteRef:%s]" % n, ""))
        return text

    def cell(self, tc):
        return " ".join(self.paragraph(p) for p in tc.iter(W + "p"))

    def block(self, el, lines):
        if el.tag == W + "p":
            lines.append(self.paragraph(el))
        elif el.tag == W + "tbl":
            for tr in el.findall(W + "tr"):
                lines.append("\t".join(self.cell(tc) for tc in tr.findall(W + "tc")))
        elif el.tag == W + "bookmarkStart":
            self.pending.append(el.get(W + "name"))
        elif el.tag in (W + "sdt", W + "sdtContent", W + "ins", W + "customXml"):
            for c in el:
                self.block(c, lines)

    def export(self):
        # Tabs that are run content (not tab stops of w:pPr/w:tabs) and
        # the text of deletions, found once.
        self.run_tabs = set()
        for r in self.doc.iter(W + "r"):
            self.run_tabs.update(r.findall(W + "tab"))
        for f in self.footnotes.values():
            for r in f.iter(W + "r"):
                self.run_tabs.update(r.findall(W + "tab"))
        self.del_text = set()
        for d in self.doc.iter(W + "del"):
            self.del_text.update(d.iter(W + "t"))
        lines = []
        body = self.doc.find(W + "body")
        for el in body:
            self.block(el, lines)
        return "\n".join(lines)


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    try:
        text = Exporter(sys.argv[1]).export()
    except (OSError, zipfile.BadZipFile, ET.ParseError, KeyError) as e:
        sys.stderr.write("export-text.py: %s: %s\n" % (sys.argv[1], e))
        return 1
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
