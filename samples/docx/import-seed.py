#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""import-seed.py SEED.txt NAME > NAME.md

Turns one of the plain-text exports (samples/NAME.txt) back into the
structured source its Word original had, as pandoc Markdown, which
make-samples.py then writes as DOCX with two writers. Run once per
sample; the .md files are the committed inputs of the recipe and may be
edited by hand.

What the text export lost and is restored here:
- auto-numbered list items the export printed as "1." every time become
  one ordered list (Word numbers them 1..n again); paragraphs standing
  between items of one list are continuation paragraphs of the item;
- "·" and "-" bullets become bullet lists;
- "–<tab>" and "1)<tab>" items are ITU enumlev1 paragraphs with a typed
  label (custom-style enumlev1);
- "[bookmark: X]" markers become bookmarks, "[footnoteRef:N]" and the
  "[N: text]" bodies become footnotes;
- the cover sheet (" <tab>Abstract:") becomes the LS cover table with the
  ITU template's rows; the values of rows the export dropped are taken
  from the document's own sentences (listed in COVERS below), never
  invented, and rows it gives nothing for stay empty;
- headings: typed "1<tab>Scope" headings as in the ITU template, auto-
  numbered ones (class autonum) where the export shows "1. Introduction",
  Headingb, AnnexNo and Annex_title as in DOCS below.
"""
import re
import sys

# Per document: the cover table (label, value; "" when the text does not
# say) and the paragraphs whose style the export lost, by their text.
COVERS = {
    "ls-cg-iotsec-tor": [
        ("Question(s):", ""),
        ("Source:", "ITU-T Study Group 20"),
        ("Title:", "ToR of a proposed Joint Correspondence Group on "
                   "Internet of Things Security (CG-IoTSec)"),
        ("Purpose:", "Action"),
        ("For action to:", "ITU-T Study Group 17"),
        ("For information to:", ""),
        ("Approval:", ""),
        ("Deadline:", ""),
        ("Contact:", ""),
    ],
    "report-jcg-iotsec": [
        ("Source:", "Co-Convenors of JCG-IoTSec"),
        ("Title:", "Progress report of the Joint Correspondence Group on "
                   "IoT Security (JCG-IoTSec)"),
        ("Purpose:", "Information"),
        ("Contact:", ""),
        ("Keywords:", ""),
    ],
    "ls-jca-idm-tor": [
        ("Question(s):", ""),
        ("Source:", "ITU-T Study Group 17"),
        ("Title:", "Revised terms of reference for Joint Coordination "
                   "Activity on Identity Management (JCA-IdM) and status of "
                   "JCA-COP"),
        ("Purpose:", "Action"),
        ("For action to:", "TSAG"),
        ("For information to:", ""),
        ("Approval:", "SG17"),
        ("Deadline:", ""),
        ("Contact:", ""),
    ],
    "ls-sg17-questions": [
        ("Question(s):", "Q3/17, Q7/17, Q10/17, Q16/17"),
        ("Source:", "ITU-T Study Group 17"),
        ("Title:", "Changes of SG17 Question structure"),
        ("Purpose:", "Approval"),
        ("For action to:", "TSAG"),
        ("For information to:", ""),
        ("Approval:", "SG17 meeting (Geneva, 3-11 December 2025)"),
        ("Deadline:", ""),
        ("Contact:", ""),
    ],
}

DOCS = {
    "ls-cg-iotsec-tor": {
        "Annex A": "AnnexNo",
        "Draft Terms of Reference (ToR) of the Correspondence Group on "
        "Internet of Things Security (CG-IoTSec)": "Annex_title",
    },
    "tor-jcg-iotsec": {
        "Terms of Reference of the new ITU-T Joint Correspondence Group on "
        "IoT Security (JCG-IoTSec)": "Annex_title",
        "Scope and objectives": "Headingb",
        "Work methods": "Headingb",
    },
    "report-jcg-iotsec": {
        "1. Introduction": "h1auto",
        "2. Meetings Held": "h1auto",
        "3. Key Discussions": "h1auto",
        "3.1 Scope and Objectives": "h2auto",
        "3.2 Deliverables and Work Plan": "h2auto",
        "4. Planned Next Steps": "h1auto",
        "Actions requested:": "Headingb",
    },
    "ls-jca-idm-tor": {
        "Introduction": "Headingb",
        "JCA-IdM": "Headingb",
        "JCA-COP": "Headingb",
        "Annex 1": "AnnexNo",
        "Revised terms of reference for Joint Coordination Activity on "
        "Identity Management": "Annex_title",
        "(JCA-IdM)": "Annex_title",
    },
    "ls-sg17-questions": {
        "Annexes (3)": "Headingb",
        "Annex A": "AnnexNo",
        "Annex B": "AnnexNo",
        "Annex C": "AnnexNo",
        "Question 10/17 – Management of digital identity, security and "
        "services": "Annex_title",
        "Question 16/17 – AI security": "Annex_title",
        "Question 7/17 – Secure application services": "Annex_title",
        "1. Motivation": "h1",
        "2. Question": "h1",
        "3. Tasks": "h1",
        "4. Relationships": "h1",
    },
}

SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$@^~])")


def escape(text):
    """Markdown-escapes text (pandoc reads it with -smart)."""
    return SPECIAL.sub(r"\\\1", text)


def inline(text, notes):
    """Escapes text, keeping footnote references and bookmarks."""
    out = []
    pos = 0
    for m in re.finditer(r"\[footnoteRef:(\d+)\]|\[bookmark: ([^\]]+)\]",
                         text):
        out.append(escape(text[pos:m.start()]))
        if m.group(1):
            out.append("[^%s]" % m.group(1))
        else:
            out.append('<span id="%s"></span>' % m.group(2))
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def split_notes(line, notes):
    """Moves "[N:  text]" footnote bodies out of a line."""
    def keep(m):
        notes.append((m.group(1), m.group(2).strip()))
        return ""
    return re.sub(r"\[(\d+):\s+(.*?)\]\s*(?=$|\[\d+:)", keep, line)


def main():
    seed, name = sys.argv[1], sys.argv[2]
    with open(seed, encoding="utf-8-sig") as f:
        lines = [l.rstrip("\r\n") for l in f]
    styles = DOCS.get(name, {})
    notes = []
    out = []
    blocks = []   # (kind, text, extra)
    i = 0
    abstract = None
    while i < len(lines):
        line = split_notes(lines[i], notes)
        bare = line.strip().replace("\u00a0", " ").strip()
        if bare == "Abstract:" and abstract is None and i + 1 < len(lines):
            abstract = lines[i + 1].strip()
            i += 2
            continue
        i += 1
        marks = ""
        while True:
            m = re.match(r"\[bookmark: ([^\]]+)\]", line)
            if not m:
                break
            marks += "[bookmark: %s]" % m.group(1)
            line = line[m.end():]
        bare = line.strip().replace("\u00a0", " ").strip()
        if bare == "":
            blocks.append(("blank", "", ""))
        elif bare in styles:
            blocks.append(("style", marks + line.strip(), styles[bare]))
        elif re.match(r"1\. ", line):
            blocks.append(("item", marks + line[3:], ""))
        elif re.match(r"\d+\)\t", line) or re.match(r"[–-]\t", line):
            blocks.append(("enumlev", marks + line, ""))
        elif re.match(r"· ", line):
            blocks.append(("bullet", marks + line[2:], "symbol"))
        elif re.match(r"- ", line):
            blocks.append(("bullet", marks + line[2:], "dash"))
        elif re.match(r"\d+ ?\t\S", line) or re.match(r"\d+\u00a0 ?\t\S", line):
            blocks.append(("style", marks + line, "h1"))
        else:
            blocks.append(("para", marks + line, ""))

    if name in COVERS:
        rows = list(COVERS[name])
        if abstract is not None:
            rows.append(("Abstract:", abstract))
        out.append("| | |")
        out.append("|:--|:--|")
        for label, value in rows:
            out.append("| **%s** | %s |" % (escape(label), escape(value)))
        out.append("")
    elif abstract is not None:
        out.append("**Abstract:** " + escape(abstract))
        out.append("")

    n = len(blocks)
    prev = None
    for k, (kind, text, extra) in enumerate(blocks):
        if kind == "blank":
            prev = kind
            continue
        body = inline(text, notes)
        if kind == "item":
            # one ordered list per run of items; a paragraph between two
            # items continues the item before it
            out.append("1.  " + body.strip())
            out.append("")
        elif kind == "para" and prev in ("item", "cont") and any(
                b[0] == "item" for b in blocks[k + 1:k + 2]):
            out.append("    " + body.strip())
            out.append("")
            kind = "cont"
        elif kind == "bullet":
            if prev != "bullet" or extra != blocks[k - 1][2]:
                out.append("<!-- %s bullets -->" % extra)
                out.append("")
            out.append("-   " + body.strip())
            out.append("")
        elif kind == "enumlev":
            out.append('::: {custom-style="enumlev1"}')
            out.append(body.strip().replace("\t", "&#9;"))
            out.append(":::")
            out.append("")
        elif kind == "style" and extra in ("h1", "h1auto", "h2auto"):
            level = "##" if extra == "h2auto" else "#"
            cls = " {.autonum}" if extra.endswith("auto") else ""
            out.append("%s %s%s" % (level, body.strip().replace(
                "\t", "&#9;"), cls))
            out.append("")
        elif kind == "style":
            out.append('::: {custom-style="%s"}' % extra)
            out.append(body.strip())
            out.append(":::")
            out.append("")
        else:
            if prev in ("item", "cont", "bullet"):
                out.append("<!-- end of list -->")
                out.append("")
            out.append(body.strip() if body.strip() else "\\")
            out.append("")
        prev = kind
    for num, text in notes:
        out.append("[^%s]: %s" % (num, inline(text, [])))
        out.append("")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
