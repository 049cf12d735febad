#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/gen.py: the benchmark's inputs, built from the bundled samples.

    gen.py text SAMPLES OUT.txt BYTES
    gen.py docx SAMPLES OUT.docx BYTES

Both repeat the 004 seed (the LS on SG17 Question texts: a cover, then
three annexes, each a Question text) until the output reaches BYTES: the
first copy is the whole document, every further copy its three annexes
again, renumbered (Annex 4, 5, 6, ...) so that each is a distinct annex
of one long statement, as a meeting's collection of Questions would be.

text: samples/ls-sg17-questions.txt, BYTES of text.
docx: samples/docx/ls-sg17-questions.pandoc.docx (pandoc's markup, the
same content pandoc is measured on); BYTES is the size of the inflated
word/document.xml, the other parts are copied as they are. Bookmarks are
left out of the copies so that their ids stay unique.
"""

import os
import re
import sys
import zipfile

SEED = "ls-sg17-questions"


def repeat(head, body, annex_re, size, letters):
    """head + renumbered copies of body until size bytes; returns bytes."""
    out = [head]
    total = len(head)
    copy = 0
    while total < size:
        def renumber(m):
            n = copy * len(letters) + letters.index(m.group(2)) + 1
            return m.group(1) + str(n).encode()
        part = annex_re.sub(renumber, body) if copy > 0 else body
        out.append(part)
        total += len(part)
        copy += 1
    return b"".join(out)


def text(samples, out, size):
    with open(os.path.join(samples, SEED + ".txt"), "rb") as f:
        data = f.read()
    # The annexes start at the line holding "Annex A" (after bookmarks).
    start = data.rindex(b"\n", 0, data.index(b"Annex A")) + 1
    head, body = data[:start], data[start:]
    if not body.endswith(b"\n"):
        body += b"\n"
    annex_re = re.compile(rb"^((?:\[bookmark: [^\]]*\])*Annex )([ABC])\b",
                          re.M)
    result = repeat(head, body, annex_re, size, b"ABC")
    with open(out, "wb") as f:
        f.write(result)


def docx(samples, out, size):
    src = os.path.join(samples, "docx", SEED + ".pandoc.docx")
    with zipfile.ZipFile(src) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    doc = dict((i.filename, d) for i, d in parts)["word/document.xml"]
    first_annex = doc.index(b">Annex A<")
    start = doc.rindex(b"<w:p>", 0, first_annex)
    end = doc.rindex(b"<w:sectPr")
    head, body, tail = doc[:start], doc[start:end], doc[end:]
    body = re.sub(rb"<w:bookmark(?:Start|End) [^>]*/>", b"", body)
    annex_re = re.compile(rb"(>Annex )([ABC])(?=<)")
    xml = repeat(head, body, annex_re, size - len(tail), b"ABC") + tail
    with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "word/document.xml":
                data = xml
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    os.replace(out + ".tmp", out)


def main(argv):
    if len(argv) != 5 or argv[1] not in ("text", "docx"):
        sys.stderr.write(__doc__)
        return 2
    kind, samples, out, size = argv[1], argv[2], argv[3], int(argv[4])
    (text if kind == "text" else docx)(samples, out, size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
