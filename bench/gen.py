#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/gen.py: the benchmark's inputs, built from the bundled samples.

    gen.py text SAMPLES OUT.txt BYTES
    gen.py docx SAMPLES OUT.docx BYTES
    gen.py archive SAMPLES OUTDIR COUNT

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
archive: COUNT such DOCX files in OUTDIR (doc-0001.docx, ...), a meeting
archive: their word/document.xml sizes spread evenly on a log scale from
the seed's own 75 845 bytes (one copy, about 74 kB) to 1.5 MB, in an
order fixed by a seeded shuffle, so every run gets the same archive.
"""

import math
import os
import random
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


def docx_seed(samples):
    """The seed's parts and its document.xml cut in head, body, tail."""
    src = os.path.join(samples, "docx", SEED + ".pandoc.docx")
    with zipfile.ZipFile(src) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    doc = dict((i.filename, d) for i, d in parts)["word/document.xml"]
    first_annex = doc.index(b">Annex A<")
    start = doc.rindex(b"<w:p>", 0, first_annex)
    end = doc.rindex(b"<w:sectPr")
    head, body, tail = doc[:start], doc[start:end], doc[end:]
    body = re.sub(rb"<w:bookmark(?:Start|End) [^>]*/>", b"", body)
    return parts, head, body, tail


def docx(samples, out, size, seed=None):
    parts, head, body, tail = seed or docx_seed(samples)
    annex_re = re.compile(rb"(>Annex )([ABC])(?=<)")
    xml = repeat(head, body, annex_re, size - len(tail), b"ABC") + tail
    with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "word/document.xml":
                data = xml
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    os.replace(out + ".tmp", out)


ARCHIVE_MIN = 75845     # the seed's word/document.xml: one copy
ARCHIVE_MAX = 1500000


def archive(samples, outdir, count):
    seed = docx_seed(samples)
    sizes = [int(ARCHIVE_MIN * math.exp(math.log(ARCHIVE_MAX / ARCHIVE_MIN) *
                                        i / max(count - 1, 1)))
             for i in range(count)]
    random.Random(16).shuffle(sizes)
    os.makedirs(outdir, exist_ok=True)
    for i, size in enumerate(sizes):
        docx(samples, os.path.join(outdir, "doc-%04d.docx" % (i + 1)),
             size, seed)


def main(argv):
    if len(argv) != 5 or argv[1] not in ("text", "docx", "archive"):
        sys.stderr.write(__doc__)
        return 2
    kind, samples, out, size = argv[1], argv[2], argv[3], int(argv[4])
    {"text": text, "docx": docx, "archive": archive}[kind](samples, out,
                                                          size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
