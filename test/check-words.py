#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-words.py INPUT.txt OUTPUT.json [WORD...]

Checks that no word of a plain-text input is lost: every word of the
input occurs in the string values of the JSON model at least as often
as in the input (a word is a run of letters and digits). The
exporters' markers ([bookmark: x], [footnoteRef:N], the "[N:" of a
footnote body) are not words of the document and are removed first.
Structure the model holds as keys rather than text is removed too: the
leading list or heading label of a line (the model keeps it as "label"
or "number", renumbered as a reader sees it) and the cover-sheet labels
("Abstract:", "Actions requested:", "Source:" ...), whose values are
under keys of those names.
The WORDs after the files are known losses of the INPUT's writer, not
of the model: each may be missing once (real-itu.sh: "@words except").
Symbol's Delta is read as U+0394 (Greek), which pandoc writes as
U+2206 (increment): Adobe's table gives both, and only the Greek letter
is a letter, so "ΔT" is one word; the input's U+2206 is read as U+0394.
Prints the missing words and exits 1 when any is missing."""
import collections
import json
import re
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)
PART_WORDS = ("Annex", "Annexe", "Anexo", "Приложение", "الملحق", "附件",
              "Appendix", "Appendice", "Apéndice", "Дополнение", "التذييل",
              "附录")


# The labels of the samples' cover tables.
COVER_WORDS = (r"Question\(s\)|Source|Title|Purpose|For action to|"
               r"For information to|Approval|Deadline|Contact")
GLUED_LABEL = r"(" + COVER_WORDS + r")\s*:"
COVER_LABEL = r"^\s*" + GLUED_LABEL


def words(text):
    # NFKC: a subscript "₂" (pandoc writes Word's subscripts so) is the
    # digit the model keeps; a soft hyphen is no word boundary.
    return WORD.findall(unicodedata.normalize("NFKC", text.replace("\u00ad", "")))


def strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for v in value:
            strings(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            strings(v, out)


def main():
    text = open(sys.argv[1], encoding="utf-8-sig").read()
    text = text.replace("\u2206", "\u0394")
    text = re.sub(r"\[bookmark:[^\]]*\]", " ", text)
    text = re.sub(r"\[footnoteRef:\s*\d+\]", " ", text)
    text = re.sub(r"\[(\d+):", " ", text)
    lines = []
    glued = False
    for line in text.split("\n"):
        orig = line
        line = re.sub(r"^\s*(\d+(\.\d+)*[.)]?|\(?[a-z]\)|[ivx]+\))(?=[\t ])", " ", line)
        # A label opens a line or a cell: "Question(s): | 4/17 |
        # Meeting: | Geneva" is a row of two labels. Cells are apart by
        # a tab, or in pandoc's tables by a run of spaces.
        line = re.sub(r"((^|\t)\s*|(?<=  )(?=\S))(Abstract|Actions? requested|Action\(s\) requested|"
                      + COVER_WORDS + r"|Meeting(, date)?|Subject)\s*:",
                      " ", line, flags=re.I)
        # docx2txt glues a cover's cells together: a label right after
        # the value before it ("17Source:"), capitalized as written, on
        # a line that opens with a label or goes on from such a line
        # (as cover.c's unglue reads them).
        if glued or re.match(COVER_LABEL, orig):
            line, n = re.subn(r"(?<=\S)" + GLUED_LABEL, " ", line)
            glued = n > 0 or (glued and not orig.strip())
        else:
            glued = False
        # Contact field labels, and the "and" that separates the
        # addressees of a cover row (the model keeps them as a list).
        line = re.sub(r"\b(Tel|Tel\.|Phone|Mobile|Fax|E-?mail)\s*:", " ", line, flags=re.I)
        if re.match(r"^\s*(For action to|For information to|For comment to|Question\(s\))\s*:", orig, re.I):
            line = re.sub(r"\band\b", " ", line)
        # A Question(s) row's values are Question numbers: the list
        # words of ITU's languages and the word or "Q." that opens a
        # Question are left out of them (questions.c).
        # (in the row's first value cell only).
        if re.match(r"^\s*Question\(s\)\s*:", orig, re.I):
            cells = line.split("\t")
            i = 1 if len(cells) > 1 and not cells[0].strip() else 0
            cells[i] = re.sub(r"\b(et|y|\u0438|Q(?=\.)|Questions?|Cuestiones|"
                              r"Cuesti\u00f3n|\u0412\u043e\u043f\u0440\u043e\u0441\u044b?)\b",
                              " ", cells[i])
            line = "\t".join(cells)
        lines.append(line)
    text = "\n".join(lines)
    model = json.load(open(sys.argv[2], encoding="utf-8"))
    values = []
    model.pop("source", None)   # the file's name is not the document's text
    strings(model, values)
    have = collections.Counter(w for v in values for w in words(v))
    # Annex and appendix identifiers ("Annex A", "Annexe A", "Apéndice
    # II", "附件A") live in the part's "id"; the word before it, in ITU's
    # six languages, is what makes it a part.
    for part in model.get("annexes", []) + model.get("appendices", []):
        for w in PART_WORDS:
            for form in (w, w.upper()):
                have[form] += 1
                have[form + part.get("id", "")] += 1
    need = collections.Counter(words(text))
    for w in sys.argv[3:]:
        need[w] -= 1
    missing = {w: n - have[w] for w, n in need.items() if have[w] < n}
    if missing:
        print("%s: %d words missing from %s: %s" % (
            sys.argv[1], sum(missing.values()), sys.argv[2],
            ", ".join("%s(%d)" % kv for kv in sorted(missing.items())[:40])))
        return 1
    print("%s: all %d words present" % (sys.argv[1], sum(need.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
