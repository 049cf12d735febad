#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkbad.py SRCDIR OUTDIR [--slow]: writes the generated hostile inputs of
test/bad.sh into OUTDIR.

Inputs that are big (zip bombs, a 20 MB line, 200 000 annexes), binary
or that must name a path known only at test time (the XXE canary) are
made here instead of being committed. Each is named as its case in
test/bad/NAME.expect says (`input:` line). SRCDIR is the source tree
(for samples/docx/). --slow adds the zip bombs whose headers lie or
whose parts are each under the limit: the reader has to inflate and
parse a quarter or half a gigabyte to stop them (tens of seconds).
"""
import os
import struct
import sys
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = 'xmlns:w="%s"' % W
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sofficeDocument" '
            'Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
            'package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>' % REL)
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sstyles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="%snumbering" '
            'Target="numbering.xml"/>'
            '<Relationship Id="rId3" Type="%sfootnotes" '
            'Target="footnotes.xml"/></Relationships>' % (REL, REL, REL))
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
    'schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/></Types>')
ROOT = {
    "word/document.xml": ("w:document", "<w:body>%s</w:body>"),
    "word/styles.xml": ("w:styles", "%s"),
    "word/numbering.xml": ("w:numbering", "%s"),
    "word/footnotes.xml": ("w:footnotes", "%s"),
}
PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PKG_RELS,
    "word/_rels/document.xml.rels": DOC_RELS,
    "word/document.xml": '<w:document %s><w:body><w:p><w:r><w:t>Hello'
                         '</w:t></w:r></w:p></w:body></w:document>' % NS,
    "word/styles.xml": '<w:styles %s/>' % NS,
    "word/numbering.xml": '<w:numbering %s/>' % NS,
    "word/footnotes.xml": '<w:footnotes %s/>' % NS,
    "docProps/core.xml": '<cp:coreProperties xmlns:cp="http://schemas.'
                         'openxmlformats.org/package/2006/metadata/'
                         'core-properties" xmlns:dc="http://purl.org/dc/'
                         'elements/1.1/"><dc:title>T</dc:title>'
                         '</cp:coreProperties>',
}
FOOTNOTE = ('<w:footnote w:id="1"><w:p><w:r><w:t>%s</w:t></w:r></w:p>'
            '</w:footnote>')
CANARY = "XXE-CANARY-must-never-be-read"


def docx(path, parts, override=None, drop=()):
    """A package of PARTS with OVERRIDE's parts replaced and DROP's
    left out."""
    data = dict(parts)
    data.update(override or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in data.items():
            if name in drop:
                continue
            z.writestr(name, text if isinstance(text, bytes)
                       else text.encode("utf-8"))


def doctype_part(name, root, internal):
    """The part NAME with a DOCTYPE of INTERNAL subset before its root."""
    text = PARTS[name]
    decl = '<?xml version="1.0" encoding="UTF-8"?>'
    if text.startswith(decl):
        text = text[len(decl):]
    return '%s<!DOCTYPE %s [%s]>%s' % (decl, root, internal, text)


def with_ref(name, ref):
    """PARTS[name] with the entity reference REF put where text goes."""
    text = PARTS[name]
    if name == "word/document.xml":
        return text.replace("Hello", "Hello " + ref)
    if name == "docProps/core.xml":
        return text.replace("<dc:title>T", "<dc:title>" + ref)
    if name in ROOT:
        tag = ROOT[name][0]
        return text.replace("/>", ">%s</%s>" % (
            "<w:style w:styleId=\"%s\"/>" % ref if name == "word/styles.xml"
            else ref, tag), 1)
    # rels and content types: in an attribute value
    return text.replace('Target="', 'Target="%s' % ref, 1) \
        if "Relationship " in text else text.replace(
            'Extension="xml"', 'Extension="%s"' % ref, 1)


ROOT_NAMES = {
    "word/document.xml": "w:document", "word/styles.xml": "w:styles",
    "word/numbering.xml": "w:numbering", "word/footnotes.xml": "w:footnotes",
    "docProps/core.xml": "cp:coreProperties", "_rels/.rels": "Relationships",
    "word/_rels/document.xml.rels": "Relationships",
    "[Content_Types].xml": "Types",
}
SHORT = {
    "word/document.xml": "document", "word/styles.xml": "styles",
    "word/numbering.xml": "numbering", "word/footnotes.xml": "footnotes",
    "docProps/core.xml": "core", "_rels/.rels": "rels",
    "word/_rels/document.xml.rels": "doc-rels",
    "[Content_Types].xml": "content-types",
}


def hostile_entities(out, secret):
    """XXE and billion laughs in every XML part a DOCX has."""
    laughs = '<!ENTITY l0 "lol">' + "".join(
        '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10)
        for i in range(1, 10))
    for name, short in SHORT.items():
        root = ROOT_NAMES[name]
        xxe = doctype_part(name, root,
                           '<!ENTITY xxe SYSTEM "file://%s">' % secret)
        xxe = xxe.replace(PARTS[name].replace(
            '<?xml version="1.0" encoding="UTF-8"?>', ""),
            with_ref(name, "&xxe;").replace(
                '<?xml version="1.0" encoding="UTF-8"?>', ""))
        extra = {}
        if name == "word/footnotes.xml":
            # notes are read only when the body refers to one
            extra = {"word/document.xml": PARTS["word/document.xml"].replace(
                "</w:t></w:r>", "</w:t></w:r><w:r><w:footnoteReference "
                "w:id=\"1\"/></w:r>")}
            xxe = xxe.replace("&xxe;", FOOTNOTE % "&xxe;")
        docx(os.path.join(out, "xxe-%s.docx" % short), PARTS,
             dict(extra, **{name: xxe}))
        bomb = doctype_part(name, root, laughs)
        bomb = bomb.replace(PARTS[name].replace(
            '<?xml version="1.0" encoding="UTF-8"?>', ""),
            with_ref(name, "&l9;").replace(
                '<?xml version="1.0" encoding="UTF-8"?>', ""))
        if name == "word/footnotes.xml":
            bomb = bomb.replace("&l9;", FOOTNOTE % "&l9;")
        docx(os.path.join(out, "laughs-%s.docx" % short), PARTS,
             dict(extra, **{name: bomb}))
    # A parameter entity pulling an external DTD (the other XXE road).
    dtd = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document ['
           '<!ENTITY %% ext SYSTEM "file://%s"> %%ext;]>%s'
           % (secret, PARTS["word/document.xml"]))
    docx(os.path.join(out, "xxe-parameter.docx"), PARTS,
         {"word/document.xml": dtd})
    # An external DTD subset by SYSTEM identifier.
    ext = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document '
           'SYSTEM "file://%s">%s' % (secret, PARTS["word/document.xml"]))
    docx(os.path.join(out, "xxe-external-dtd.docx"), PARTS,
         {"word/document.xml": ext})


def models(out, srcdir, secret):
    """Hostile XML model files for `liaison validate` and diff."""
    laughs = '<!ENTITY l0 "lol">' + "".join(
        '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10)
        for i in range(1, 10))
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    with open(os.path.join(out, "model-xxe.xml"), "w") as f:
        f.write('%s<!DOCTYPE document [<!ENTITY xxe SYSTEM "file://%s">]>'
                '<document><p>&xxe;</p></document>\n' % (head, secret))
    with open(os.path.join(out, "model-xxe-dtd.xml"), "w") as f:
        f.write('%s<!DOCTYPE document SYSTEM "file://%s">'
                '<document/>\n' % (head, secret))
    with open(os.path.join(out, "model-laughs.xml"), "w") as f:
        f.write('%s<!DOCTYPE document [%s]><document><p>&l9;</p>'
                '</document>\n' % (head, laughs))
    with open(os.path.join(out, "model-deep.xml"), "w") as f:
        f.write(head + "<document>" + "<p>" * 100000 + "</p>" * 100000 +
                "</document>\n")
    with open(os.path.join(out, "model-truncated.xml"), "w") as f:
        f.write(head + '<document kind="liaison-statement"><cover>\n<p>'
                'cut here')


def raw_zip(path, entries):
    """Writes a zip of ENTRIES: (name, method, data, crc, size[,
    claimed size]); deflated data is given compressed. Sizes over 4 GiB
    are not needed here."""
    local, central, off = [], [], 0
    for e in entries:
        name, method, data, crc, size = e[:5]
        claim = e[5] if len(e) > 5 else size
        n = name.encode("utf-8")
        hdr = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, method, 0,
                          0x21, crc, len(data), claim, len(n), 0) + n
        central.append(struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, method, 0, 0x21,
            crc, len(data), claim, len(n), 0, 0, 0, 0, 0, off) + n)
        local.append(hdr + data)
        off += len(hdr) + len(data)
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries),
                      len(entries), len(cd), off, 0)
    with open(path, "wb") as f:
        f.write(b"".join(local) + cd + end)


def stored(name, text):
    data = text.encode("utf-8")
    return (name, 0, data, zlib.crc32(data) & 0xffffffff, len(data))


def bombs(out, slow):
    """Parts inflating past the default per-part (256 MiB) and total
    (512 MiB) limits: a few hundred kilobytes on disk. Only SLOW makes
    the ones the reader must inflate (and parse) up to the limit."""
    small = [stored(n, PARTS[n]) for n in
             ("[Content_Types].xml", "_rels/.rels",
              "word/_rels/document.xml.rels")]
    body = ('<w:document %s><w:body>' % NS).encode()
    unit = b'<w:bookmarkEnd w:id="0"/>'
    mib = 1 << 20
    # The bomb itself: valid XML all along, so only the limit stops it.
    chunk = unit * (mib // len(unit))
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts, crc, done = [z.compress(body)], zlib.crc32(body), len(body)
    while done < 300 * mib:
        parts.append(z.compress(chunk))
        crc = zlib.crc32(chunk, crc)
        done += len(chunk)
    end = b"</w:body></w:document>"
    parts.append(z.compress(end))
    parts.append(z.flush())
    crc = zlib.crc32(end, crc)
    done += len(end)
    data = b"".join(parts)
    honest = ("word/document.xml", 8, data, crc & 0xffffffff, done)
    raw_zip(os.path.join(out, "bomb-entry.docx"), small + [honest])
    if not slow:
        return
    # The same with headers that claim 1 000 bytes: only the running
    # count while inflating can stop it.
    raw_zip(os.path.join(out, "bomb-lying.docx"),
            small + [honest[:5] + (1000,)])
    # Three parts of 200 MiB each: every one under the per-part limit,
    # together over the total one. The styles and numbering parts are
    # read before the document.
    def run(root):
        start = ('<%s %s>' % (root, NS)).encode()
        z = zlib.compressobj(9, zlib.DEFLATED, -15)
        ps, c, n = [z.compress(start)], zlib.crc32(start), len(start)
        while n < 200 * mib:
            ps.append(z.compress(chunk))
            c = zlib.crc32(chunk, c)
            n += len(chunk)
        end = ('</%s>' % root).encode()
        ps.append(z.compress(end))
        ps.append(z.flush())
        return b"".join(ps), zlib.crc32(end, c) & 0xffffffff, n + len(end)
    entries = list(small)
    for name, root in (("word/styles.xml", "w:styles"),
                       ("word/numbering.xml", "w:numbering"),
                       ("word/document.xml", "w:document")):
        d, c, n = run(root)
        entries.append((name, 8, d, c, n))
    raw_zip(os.path.join(out, "bomb-total.docx"), entries)


def many_entries(out):
    entries = [stored(n, PARTS[n]) for n in
               ("[Content_Types].xml", "_rels/.rels", "word/document.xml")]
    entries += [stored("word/media/image%d.png" % i, "") for i in
                range(20000)]
    raw_zip(os.path.join(out, "many-entries.docx"), entries)


def texts(out):
    """Plain-text inputs."""
    with open(os.path.join(out, "bad-utf8.txt"), "wb") as f:
        f.write(b"LIAISON STATEMENT\n\nSource: ITU-T SG17\n"
                b"Title: caf\xe9 au lait\n")
    with open(os.path.join(out, "nul.txt"), "wb") as f:
        f.write(b"LIAISON STATEMENT\n\nTitle: a \x00 in the middle\n")
    with open(os.path.join(out, "overlong-utf8.txt"), "wb") as f:
        # "/" as an overlong two-byte sequence: the classic filter escape
        f.write(b"Title: a\xc0\xafb\n")
    with open(os.path.join(out, "surrogate-utf8.txt"), "wb") as f:
        f.write(b"Title: \xed\xa0\x80\n")
    with open(os.path.join(out, "long-line.txt"), "wb") as f:
        word = b"liaison "
        f.write(b"LIAISON STATEMENT\n\n" + word * (20 * 1048576 // len(word))
                + b"\n")
    with open(os.path.join(out, "annexes.txt"), "w") as f:
        f.write("LIAISON STATEMENT\n\nTitle: Many annexes\n\n"
                "Attached are the annexes.\n\n")
        for i in range(1, 200001):
            f.write("Annex %d\n\nThe text of annex %d.\n\n" % (i, i))
    with open(os.path.join(out, "empty.txt"), "wb") as f:
        pass
    with open(os.path.join(out, "binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 64)
    # old Mac line ends: the bad byte's line is counted at CRs too
    with open(os.path.join(out, "bad-utf8-cr.txt"), "wb") as f:
        f.write(b"LIAISON STATEMENT\r\rSource: ITU-T SG17\r"
                b"Title: caf\xe9 au lait\r")
    text = "LIAISON STATEMENT\r\nTitle: Unicode\r\n"
    for name, data in (
            ("utf16le-nobom.txt", text.encode("utf-16-le")),
            ("utf16be-nobom.txt", text.encode("utf-16-be")),
            ("utf16-odd.txt", "\ufeff".encode("utf-16-le") +
             text.encode("utf-16-le") + b"\n"),
            ("utf16-unpaired.txt", "\ufeffTitle: ".encode("utf-16-le") +
             b"\x00\xd8A\x00"),
            ("utf32.txt", "\ufeff".encode("utf-32-le") +
             text.encode("utf-32-le"))):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def packages(out, srcdir):
    """Broken packages."""
    sample = os.path.join(srcdir, "samples", "docx", "ls-cg-iotsec-tor.docx")
    with open(sample, "rb") as f:
        good = f.read()
    with open(os.path.join(out, "truncated.docx"), "wb") as f:
        f.write(good[:len(good) * 6 // 10])
    # the central directory lost: only the local headers are left
    with open(os.path.join(out, "truncated-end.docx"), "wb") as f:
        f.write(good[:good.rfind(b"PK\x01\x02")])
    with open(os.path.join(out, "pk-garbage.docx"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes((i * 131 + 7) & 0xff
                                      for i in range(4000)))
    with open(os.path.join(out, "not-zip.docx"), "wb") as f:
        f.write(b"This is a text file someone named .docx\n")
    docx(os.path.join(out, "no-document.docx"), PARTS,
         drop=("word/document.xml",))
    with zipfile.ZipFile(os.path.join(out, "empty-zip.docx"), "w"):
        pass
    # every byte of the deflate stream's middle flipped: CRC or inflate
    # error
    z = bytearray(open(os.path.join(out, "truncated.docx"), "rb").read())
    bad = bytearray(good)
    i = bad.find(b"word/document.xml")
    if i > 0:
        for j in range(i + 40, min(i + 240, len(bad))):
            bad[j] ^= 0x55
    with open(os.path.join(out, "corrupt-deflate.docx"), "wb") as f:
        f.write(bytes(bad))
    del z
    # invalid UTF-8 and a NUL inside document.xml
    docx(os.path.join(out, "utf8-in-xml.docx"), PARTS, {
        "word/document.xml": PARTS["word/document.xml"].encode().replace(
            b"Hello", b"\n\nHel\xfflo")})
    docx(os.path.join(out, "nul-in-xml.docx"), PARTS, {
        "word/document.xml": PARTS["word/document.xml"].encode().replace(
            b"Hello", b"Hel\x00lo")})
    # a 20 MB paragraph of text (a real, if odd, document: must read)
    run = "<w:r><w:t>%s</w:t></w:r>" % ("word " * (4 * 1048576 // 5))
    docx(os.path.join(out, "long-paragraph.docx"), PARTS, {
        "word/document.xml": '<w:document %s><w:body><w:p>%s</w:p>'
                             '</w:body></w:document>' % (NS, run * 5)})
    # deep nesting in each parsed part
    for name, short in (("word/document.xml", "document"),
                        ("word/styles.xml", "styles"),
                        ("word/numbering.xml", "numbering")):
        root = ROOT_NAMES[name]
        deep = "<%s %s>%s%s</%s>" % (root, NS, "<w:x>" * 100000,
                                     "</w:x>" * 100000, root)
        docx(os.path.join(out, "deep-%s.docx" % short), PARTS,
             {name: deep})
    # limits that stop a real document, which then reads with the
    # limit raised (--limit): 300 levels of nesting (the default stops
    # at 256) and a 3 MiB main part
    nest = "<w:x>" * 300 + "</w:x>" * 300
    docx(os.path.join(out, "deep-300.docx"), PARTS, {
        "word/document.xml": PARTS["word/document.xml"].replace(
            "<w:body>", "<w:body>" + nest)})
    para = "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % ("word " * 200)
    docx(os.path.join(out, "big-part.docx"), PARTS, {
        "word/document.xml": '<w:document %s><w:body>%s</w:body>'
                             '</w:document>' % (
                                 NS, para * (3 * 1048576 // len(para)))})
    # local entries cut to half, central directory kept: its offsets
    # point past the data (libzip: inconsistent)
    cd0 = good.find(b"PK\x01\x02")
    with open(os.path.join(out, "truncated-mid.docx"), "wb") as f:
        f.write(good[:cd0 // 2] + good[cd0:])
    # the end record's entry count off by one
    j = good.rfind(b"PK\x05\x06")
    bad_end = bytearray(good)
    bad_end[j + 10] ^= 1
    with open(os.path.join(out, "bad-end-record.docx"), "wb") as f:
        f.write(bytes(bad_end))
    # one part under two names that differ in case only
    with zipfile.ZipFile(os.path.join(out, "duplicate-case.docx"),
                         "w") as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        z.writestr("Word/Document.xml", PARTS["word/document.xml"])
    # a duplicated main part: the zip holds two word/document.xml
    with zipfile.ZipFile(os.path.join(out, "duplicate-part.docx"), "w") as z:
        import warnings
        warnings.simplefilter("ignore")
        for name, text in PARTS.items():
            z.writestr(name, text)
        z.writestr("word/document.xml", PARTS["word/document.xml"])


def ole2(names):
    """A minimal OLE2 compound file: the header and one directory sector
    naming `names` (what a reader of the format looks at first)."""
    head = bytearray(512)
    head[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    head[24:34] = b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"
    head[48:52] = (0).to_bytes(4, "little")   # directory at sector 0
    dirs = bytearray()
    for i, n in enumerate(["Root Entry"] + names):
        e = bytearray(128)
        u = n.encode("utf-16-le")
        e[0:len(u)] = u
        e[64:66] = (len(u) + 2).to_bytes(2, "little")
        e[66] = 5 if i == 0 else 2
        dirs += e
    return bytes(head) + bytes(dirs).ljust(512, b"\0")


def others(out):
    """Formats that are not DOCX, each named by its first bytes."""
    files = {
        "word97.doc": ole2(["WordDocument", "1Table"]),
        # Word 97 saved under the new name
        "word97.docx": ole2(["WordDocument", "1Table"]),
        "encrypted.docx": ole2(["EncryptionInfo", "EncryptedPackage"]),
        "excel97.xls": ole2(["Workbook"]),
        "letter.rtf": b"{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}"
                      b"\\f0\\pard LIAISON STATEMENT\\par}\n",
        "report.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                      b"trailer << /Root 1 0 R >>\n%%EOF\n",
        "empty.docx": b"",
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    for name, mime in (("letter.odt", "text"),
                       ("sheet.ods", "spreadsheet")):
        with zipfile.ZipFile(os.path.join(out, name), "w") as z:
            z.writestr(zipfile.ZipInfo("mimetype"),
                       "application/vnd.oasis.opendocument." + mime)
            z.writestr("content.xml", "<office:document-content/>",
                       zipfile.ZIP_DEFLATED)


def budget(out, srcdir):
    """Small packages that cost the model far more than their bytes
    (test/docx/mkhostile.py), named SHAPE-N.docx."""
    sys.path.insert(0, os.path.join(srcdir, "test", "docx"))
    import mkhostile
    for shape, n, size in (("nested-fields", 60000, 0),
                           ("nested-fields", 200, 0),
                           ("open-fields", 3200, 0),
                           ("shared-link", 400, 200000),
                           ("shared-lvltext", 40, 20000),
                           ("bookmarks", 101, 0),
                           ("big-text", 12000000, 0),
                           ("big-attr", 12000000, 0),
                           ("big-cdata", 12000000, 0),
                           ("rels-main", 1, 0)):
        parts = mkhostile.build(shape, n, size)
        with zipfile.ZipFile(os.path.join(out, "%s-%d.docx" % (shape, n)),
                             "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items():
                z.writestr(name, text.encode("utf-8"))


def edges(out):
    """Parts in an encoding DOCX does not allow or not in their own, and
    a size claim of 4 GiB: each has one exact message, and libxml2 adds
    nothing to stderr."""
    doc = PARTS["word/document.xml"]
    decl = '<?xml version="1.0" encoding="UTF-32"?>'
    # libxml2 takes this mark for UTF-16's, then says "Document is empty"
    docx(os.path.join(out, "utf32-le.docx"), PARTS, {
        "word/document.xml": (decl + doc).encode("utf-32")})
    docx(os.path.join(out, "utf32-be.docx"), PARTS, {
        "word/document.xml": doc.encode("utf-32-be")})
    docx(os.path.join(out, "not-shift-jis.docx"), PARTS, {
        "word/document.xml": ('<?xml version="1.0" encoding="Shift_JIS"?>'
                              + doc).encode().replace(b"Hello",
                                                      b"\x81\xff\xff")})
    # 0xFFFFFFFF is zip64's "the size is in my extra field", which is
    # missing: libzip says "No such file"
    small = [stored(n, PARTS[n]) for n in
             ("[Content_Types].xml", "_rels/.rels",
              "word/_rels/document.xml.rels")]
    raw_zip(os.path.join(out, "claim-4gib.docx"),
            small + [stored("word/document.xml", doc)[:5] + (0xffffffff,)])


def main():
    srcdir, out = sys.argv[1], sys.argv[2]
    slow = "--slow" in sys.argv[3:]
    secret = os.path.join(os.path.abspath(out), "secret.txt")
    with open(secret, "w") as f:
        f.write(CANARY + "\n")
    hostile_entities(out, secret)
    models(out, srcdir, secret)
    texts(out)
    packages(out, srcdir)
    others(out)
    many_entries(out)
    edges(out)
    bombs(out, slow)
    budget(out, srcdir)


if __name__ == "__main__":
    main()
