#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkdocx.py CASE OUT.docx: builds a .docx from a readable case file.

A case file holds the package's parts, each after a line "== PART-NAME":

    == word/document.xml
    <w:p><w:r><w:t>Hello</w:t></w:r></w:p>
    == word/numbering.xml
    <w:abstractNum ...>...</w:abstractNum>

Parts that do not start with "<?xml" get the usual root element and
namespace declarations around them (word/document.xml also gets
<w:body>), so cases show only what they test. Package and document
relationships are made for the parts present unless the case gives its
own .rels parts. Special lines:

    == RAW                 the whole file is the text that follows (not a zip)
    == RAW hex             the same, written as hex digits (binary input)
    == PART repeat=N       the part's text repeated N times (big parts)
    == PART verbatim       no wrapping
    == PART nest=N         the part is three lines, OPEN, MIDDLE, CLOSE:
                           written as OPEN*N MIDDLE CLOSE*N (deep nesting)
    == PART claim-size=N   the zip headers claim the part inflates to N
                           bytes (a lying zip bomb)
    == NO-CONTENT-TYPES    leave out [Content_Types].xml
Lines before the first "==" are a comment.
"""
import struct
import sys
import zipfile

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'mc:Ignorable="w14"')

ROOTS = {
    "word/document.xml": ("<w:document %s><w:body>" % NS, "</w:body></w:document>"),
    "word/styles.xml": ("<w:styles %s>" % NS, "</w:styles>"),
    "word/numbering.xml": ("<w:numbering %s>" % NS, "</w:numbering>"),
    "word/footnotes.xml": ("<w:footnotes %s>" % NS, "</w:footnotes>"),
    "word/endnotes.xml": ("<w:endnotes %s>" % NS, "</w:endnotes>"),
    "docProps/core.xml": (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
        'package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        "</cp:coreProperties>"),
}

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOC_RELS = [("word/styles.xml", "styles"), ("word/numbering.xml", "numbering"),
            ("word/footnotes.xml", "footnotes"), ("word/endnotes.xml", "endnotes")]


def rels(items):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<Relationships xmlns="http://schemas.openxmlformats.org/'
           'package/2006/relationships">']
    for i, (target, kind) in enumerate(items, 1):
        out.append('<Relationship Id="rIdAuto%d" Type="%s%s" Target="%s"/>'
                   % (i, REL, kind, target))
    out.append("</Relationships>")
    return "\n".join(out)


def main():
    case, out = sys.argv[1], sys.argv[2]
    parts, order, flags, cur = {}, [], {}, None
    with open(case, encoding="utf-8") as f:
        for line in f:
            if line.startswith("== "):
                words = line[3:].split()
                cur = words[0]
                parts[cur] = ""
                order.append(cur)
                flags[cur] = words[1:]
            elif cur is not None:
                parts[cur] += line
    if "RAW" in parts:
        raw = parts["RAW"].encode("utf-8")
        if "hex" in flags["RAW"]:
            raw = bytes.fromhex("".join(parts["RAW"].split()))
        with open(out, "wb") as f:
            f.write(raw)
        return
    names = [n for n in order if n != "NO-CONTENT-TYPES"]
    data = {}
    for name in names:
        text = parts[name].strip("\n")
        for fl in flags[name]:
            if fl.startswith("repeat="):
                text = text * int(fl[7:])
            if fl.startswith("nest="):
                opening, middle, closing = text.split("\n")
                text = opening * int(fl[5:]) + middle + closing * int(fl[5:])
        if (not text.startswith("<?xml") and "verbatim" not in flags[name]
                and name in ROOTS and not text.lstrip().startswith(
                    ROOTS[name][0].split(" ")[0])):
            text = ROOTS[name][0] + text + ROOTS[name][1]
        data[name] = text
    if "_rels/.rels" not in data:
        items = [("word/document.xml", "officeDocument")]
        if "docProps/core.xml" in data:
            items.append(("docProps/core.xml", "metadata/core-properties"))
        text = rels(items)
        if "docProps/core.xml" in data:
            text = text.replace(REL + "metadata/core-properties",
                                "http://schemas.openxmlformats.org/package/"
                                "2006/relationships/metadata/core-properties")
        data["_rels/.rels"] = text
    if "word/_rels/document.xml.rels" not in data:
        data["word/_rels/document.xml.rels"] = rels(
            [(t[5:], k) for t, k in DOC_RELS if t in data])
    if "NO-CONTENT-TYPES" not in order and "[Content_Types].xml" not in data:
        data["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/></Types>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in data.items():
            z.writestr(name, text.encode("utf-8"))
    for name in names:
        for fl in flags[name]:
            if fl.startswith("claim-size="):
                claim_size(out, name.encode("utf-8"), int(fl[11:]))


def claim_size(path, name, size):
    """Rewrites the uncompressed size of one entry in the local header
    and the central directory."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    for sig, name_len_at, name_at, size_at in (
            (b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack("<H", data[i + name_len_at:i + name_len_at + 2])[0]
            if data[i + name_at:i + name_at + n] == name:
                data[i + size_at:i + size_at + 4] = struct.pack("<I", size)
            i = data.find(sig, i + 4)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
