#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-structure.py [--front-matter] MODEL.xml DOC.md [CMARK]

Renders DOC.md (written by `liaison convert -f markdown`) with cmark, the
CommonMark reference renderer, and checks that what a reader gets back
is the model (MODEL.xml, written by `liaison convert -f xml`):

  * by default the metadata is a bullet list right after the title
    heading (or first in the file when there is no title), one
    "**Key:** value" item per field, carrying the model's kind, cover
    sheet fields, contacts and input; the file has no thematic break
    (what YAML front matter turns into);
  * with --front-matter (`convert --front-matter`) the YAML front matter
    parses (when PyYAML is present) and carries the model's kind and
    title;
  * the headings, in order, are the title, Abstract, Actions requested,
    Text (the body, when an abstract or actions precede it), each
    section ("NUMBER HEADING") and each annex ("Annex ID – TITLE"), at
    the levels the model gives;
  * every list item with a label comes back with it: numbered items as
    an item of an ordered list with that number, other labels ("a)")
    as the start of a paragraph;
  * footnote definitions are rendered one by one, as GFM does;
  * every word of the model's text comes back, in order (escaping that
    failed would turn "*x*" into emphasis and lose the asterisks).

Exits 0 when all hold, 1 with one line per problem otherwise.
"""
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CM = "{http://commonmark.org/xml/1.0}"


def norm(s):
    return " ".join(s.split())


def inline_text(el):
    """Text of a model inline element: text, links, changes; no anchors."""
    parts = [el.text or ""]
    for c in el:
        if c.tag not in ("anchor", "note-ref"):
            parts.append(inline_text(c))
        parts.append(c.tail or "")
    return "".join(parts)


def expected_headings(root):
    heads = []
    meta = root.find("meta")
    title = meta.find("title") if meta is not None else None
    if title is not None and norm(title.text or ""):
        heads.append((1, norm(title.text)))
    for tag, name in (("abstract", "Abstract"),
                      ("actions-requested", "Actions requested")):
        el = root.find(tag)
        if el is not None and len(el):
            heads.append((2, name))
    body = root.find("body")
    if body is not None and len(body) and heads and heads[-1][0] == 2:
        heads.append((2, "Text"))

    def sections(parent, base):
        for s in parent.findall("section"):
            level = min(int(s.get("level", "1")), 6) + base
            text = " ".join(x for x in (norm(s.get("number") or ""),
                                        norm(inline_text(s.find("heading"))))
                            if x)
            heads.append((min(level, 6), text))
            sections(s, base)

    sections(root, 1)
    for a in root.findall("annex") + root.findall("appendix"):
        aid = a.get("id") or ""
        word = "Annex " if a.tag == "annex" else "Appendix "
        lead = aid if " " in aid else word + aid
        title = norm(inline_text(a.find("title")))
        heads.append((2, lead + (" \u2013 " + title if title else "")))
        sections(a, 2)
    return heads


INLINE = ("link", "ins", "del", "move-from", "move-to", "sup", "sub",
          "anchor", "note-ref")


def model_words(root):
    """Every word a reader must see, in document order."""
    parts = []

    def walk(el):
        if el.tag in ("input", "meta", "entities", "terms-of-reference",
                      "question", "anchor", "note-ref"):
            return
        if el.tag not in INLINE:
            parts.append(" ")
        parts.append(el.text or "")
        # a figure's image (alt text) comes before its caption
        kids = sorted(el, key=lambda c: c.tag != "alt") \
            if el.tag == "figure" else list(el)
        for c in kids:
            walk(c)
            parts.append(c.tail or "")
        if el.tag not in INLINE:
            parts.append(" ")

    for c in root:
        walk(c)
    return strip_note_marks("".join(parts)).split()


def strip_note_marks(s):
    """Footnote references render as "[^N]" where the model has none."""
    return re.sub(r"\[\^[0-9]+\]", "", s)


def labelled_items(root):
    """(label, text) of list items outside tables whose label a reader sees."""
    out = []

    def walk(el, in_table):
        if el.tag == "list" and not in_table:
            for item in el.findall("item"):
                label = (item.get("label") or "").strip()
                if label and re.search(r"[0-9A-Za-z]", label) and \
                        label != "o":
                    out.append((label, norm(strip_note_marks(
                        inline_text(item.find("text"))))))
        for c in el:
            walk(c, in_table or el.tag == "table")

    walk(root, False)
    return out


def cm_text(el):
    """Plain text of a cmark XML element (HTML blocks de-tagged)."""
    tag = el.tag.replace(CM, "")
    if tag in ("text", "code", "code_block"):
        return el.text or ""
    if tag in ("softbreak", "linebreak"):
        return " "
    if tag in ("html_block", "html_inline"):
        raw = re.sub(r"<br\s*/?>", " ", el.text or "")
        raw = re.sub(r'<img alt="([^"]*)">', r" \1 ", raw)  # figures
        raw = re.sub(r"<sup>[0-9]+</sup>", "", raw)  # footnote references
        raw = re.sub(r"</?(p|li|td|tr|ul|ol|table)[^>]*>", " ", raw)
        return html.unescape(re.sub(r"<[^>]*>", "", raw))
    return "".join(cm_text(c) + ("\n" if c.tag.replace(CM, "") in
                                 ("paragraph", "heading", "item")
                                 else "") for c in el)


def split_front_matter(md):
    lines = md.split("\n")
    if not lines or lines[0] != "---":
        return None, md
    for i in range(1, len(lines)):
        if lines[i] == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    return None, md


def split_footnotes(md):
    """The Markdown before the footnote definitions, and each
    definition's content with its label and indentation removed."""
    lines = md.split("\n")
    start = len(lines)
    for i, line in enumerate(lines):
        if re.match(r"\[\^[0-9]+\]:( |$)", line):
            start = i
            break
    notes = []
    for line in lines[start:]:
        m = re.match(r"\[\^[0-9]+\]: ?(.*)$", line)
        if m:
            notes.append([m.group(1)])
        elif line.startswith("    ") or not line.strip():
            notes[-1].append(line[4:])
        else:
            notes[-1].append(line)  # not indented: a lazy line
    return "\n".join(lines[:start]), ["\n".join(n) for n in notes]


def expected_meta(root):
    """{key: value} the metadata list must show."""
    want = {"Kind": (root.get("kind") or "").replace("-", " ")}
    meta = root.find("meta")
    if meta is None:
        meta = ET.Element("meta")
    for tag, key in (("source", "Source"), ("purpose", "Purpose"),
                     ("document", "Document"),
                     ("study-period", "Study period"),
                     ("meeting", "Meeting"), ("approval", "Approval"),
                     ("number", "Number"), ("edition", "Edition"),
                     ("group", "Group"), ("language", "Language"),
                     ("reply-to", "Reply to")):
        el = meta.find(tag)
        if el is not None and norm(el.text or ""):
            want[key] = norm(el.text)
    for tag, key, sep in (("question", "Questions", ", "),
                          ("for-action", "For action", "; "),
                          ("for-information", "For information", "; "),
                          ("for-comment", "For comment", "; ")):
        vals = [norm(e.text or "") for e in meta.findall(tag)]
        if any(vals):
            want[key] = sep.join(v for v in vals if v)
    contacts = [", ".join([norm(c.findtext(f) or "") for f in
                           ("name", "organization", "country", "email",
                            "phone") if norm(c.findtext(f) or "")] +
                          ["fax " + norm(c.findtext("fax"))
                           for _ in [0] if norm(c.findtext("fax") or "")])
                for c in meta.findall("contact")]
    if any(contacts):
        want["Contact"] = [c for c in contacts if c]
    inp = root.find("input")
    if inp is not None:
        if inp.get("sha256"):
            want["SHA-256"] = inp.get("sha256")
        if inp.get("file"):
            want["Input"] = inp.get("file") + (
                " (%s)" % inp.get("format") if inp.get("format") else "")
    return want


def check_meta(doc, root, problems):
    """The metadata list: the first block, or the one after the title."""
    blocks = list(doc)
    title = root.find("meta/title")
    if title is not None and norm(title.text or ""):
        blocks = blocks[1:]
    if not blocks or blocks[0].tag != CM + "list":
        problems.append("no metadata list after the title")
        return
    got = {}
    for item in blocks[0].findall(CM + "item"):
        para = item.find(CM + "paragraph")
        strong = para.find(CM + "strong") if para is not None else None
        if strong is None or list(para).index(strong) != 0:
            problems.append("metadata item without a **Key:**")
            continue
        key = norm(cm_text(strong))
        if not key.endswith(":"):
            problems.append("metadata key %r without a colon" % key)
            continue
        key = key[:-1]
        rest = norm(cm_text(para)[len(cm_text(strong)):])
        if key == "Contact":
            got.setdefault(key, []).append(rest)
        else:
            got[key] = rest
    for key, value in expected_meta(root).items():
        if got.get(key) != value:
            problems.append("metadata %s: got %r, expected %r" %
                            (key, got.get(key), value))
    for el in doc.iter(CM + "thematic_break"):
        problems.append("a thematic break (front matter?)")
        break


def render(cmark, text):
    out = subprocess.run([cmark, "-t", "xml"], input=text.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    return ET.fromstring(out)


def main():
    args = sys.argv[1:]
    front_matter = args[:1] == ["--front-matter"]
    if front_matter:
        args = args[1:]
    model_path, md_path = args[0], args[1]
    cmark = args[2] if len(args) > 2 else "cmark"
    root = ET.parse(model_path).getroot()
    md = open(md_path, encoding="utf-8").read()
    problems = []

    front, body = split_front_matter(md)
    if not front_matter:
        if front is not None:
            problems.append("YAML front matter without --front-matter")
        body = md
    elif front is None:
        problems.append("no YAML front matter")
    else:
        try:
            import yaml
        except ImportError:
            yaml = None
        if yaml is not None:
            meta = yaml.safe_load(front)
            if meta.get("kind") != root.get("kind"):
                problems.append("front matter kind %r, model %r" %
                                (meta.get("kind"), root.get("kind")))
            t = root.find("meta/title")
            if t is not None and meta.get("title") != (t.text or ""):
                problems.append("front matter title %r, model %r" %
                                (meta.get("title"), t.text))

    # Footnote definitions ("[^N]: text", continued by lines indented
    # four spaces) are GFM, which plain CommonMark does not know: render
    # each one's content on its own, as a GFM reader does.
    body, notes = split_footnotes(body)
    doc = render(cmark, body)
    note_docs = [render(cmark, n) for n in notes]
    if not front_matter:
        check_meta(doc, root, problems)

    got = [(int(h.get("level")), norm(strip_note_marks(cm_text(h))))
           for h in doc.iter(CM + "heading")]
    want = [(level, norm(strip_note_marks(text)))
            for level, text in expected_headings(root)]
    # A title of footnote references only: "Annex A – [^1]".
    got = [(level, re.sub(r" \u2013$", "", text)) for level, text in got]
    want = [(level, re.sub(r" \u2013$", "", text)) for level, text in want]
    if got != want:
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else None
            w = want[i] if i < len(want) else None
            if g != w:
                problems.append("heading %d: got %r, expected %r" %
                                (i + 1, g, w))
                break

    numbered = set()
    every = [doc] + note_docs
    for lst in (x for d in every for x in d.iter(CM + "list")):
        if lst.get("type") != "ordered":
            continue
        n = int(lst.get("start", "1"))
        delim = ")" if lst.get("delim") == "paren" else "."
        for item in lst.findall(CM + "item"):
            first = item.find(CM + "paragraph")
            text = norm(strip_note_marks(cm_text(first))) \
                if first is not None else ""
            numbered.add(("%d%s" % (n, delim), text))
            # An item with empty text shows its first block there.
            numbered.add(("%d%s" % (n, delim), ""))
            n += 1
    paragraphs = [norm(strip_note_marks(cm_text(p)))
                  for d in every for p in d.iter(CM + "paragraph")]
    for label, text in labelled_items(root):
        if (label, text) in numbered:
            continue
        lead = norm(label + " " + text)
        if any(p.startswith(lead) for p in paragraphs):
            continue
        problems.append("list item %r %r: label lost" % (label, text[:40]))

    # The model has no code: an indented block is text that lost its
    # place.
    for d in every:
        for el in d.iter(CM + "code_block"):
            if el.get("info") == "math":  # an equation's, on purpose
                continue
            problems.append("a code block: %r" % (el.text or "")[:60])

    rendered = strip_note_marks(" ".join(cm_text(d) for d in every)).split()
    i = 0
    for w in model_words(root):
        while i < len(rendered) and rendered[i] != w:
            i += 1
        if i == len(rendered):
            problems.append("word %r of the model is missing or out of "
                            "order" % w)
            break
        i += 1

    for p in problems:
        print("%s: %s" % (md_path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
