#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkhostile.py SHAPE N OUT.docx [SIZE]: writes a small DOCX that costs
the reader or the model far more than its bytes, N repeats of SHAPE.

The shapes of issue 17 ("cheap in the file, dear in the model"), for
the budget tests (test/bad/) and the linearity tests that compare N and
10 N. SIZE (bytes, default 2000000) is the length of the one long string
of the shared-* shapes.

    nested-fields   one paragraph, N HYPERLINK fields begun, never ended
    open-fields     N paragraphs, each beginning a field it never ends
    shared-lvltext  one numbering level whose lvlText is SIZE bytes,
                    N paragraphs numbered with it
    shared-style    one style whose name is SIZE bytes, N paragraphs in it
    shared-link     one relationship whose target is SIZE bytes,
                    N hyperlinks to it
    shared-field    one HYPERLINK field of a SIZE-byte target begun and
                    never ended, N paragraphs after it
    footnotes       N footnotes, referenced in order
    missing-notes   N references to notes that do not exist
    nums            N w:num, N paragraphs numbered with the last
    links           N hyperlinks over N relationships
    styles          N styles, N paragraphs in the last
    bookmarks       N bookmarks and N internal links to them
    big-text        one w:t of N bytes
    big-attr        one attribute (a style id) of N bytes
    big-cdata       one CDATA section of N bytes in a w:t
    rels-main       the main document relationship points at _rels/.rels
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:%s xmlns:w="' + W + '" xmlns:r="' + R + '">')


def rels(items):
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
            % PR + "".join('<Relationship Id="%s" Type="%s/%s" Target="%s"%s/>'
                           % (i, R, t, target, ' TargetMode="External"'
                              if t == "hyperlink" else "")
                           for i, t, target in items) + "</Relationships>")


def para(text, ppr=""):
    return "<w:p>%s<w:r><w:t>%s</w:t></w:r></w:p>" % (ppr, text)


def field(instr, text, end=False):
    s = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:r><w:instrText>%s</w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
         '<w:r><w:t>%s</w:t></w:r>' % (instr, text))
    if end:
        s += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    return s


def build(shape, n, size):
    body, styles, numbering, notes = [], None, None, None
    doc_rels = []
    long = "x" * size
    if shape == "nested-fields":
        body.append("<w:p>%s</w:p>" % "".join(
            field('HYPERLINK "http://e.org/%d"' % i, "t") for i in range(n)))
    elif shape == "open-fields":
        body += ["<w:p>%s</w:p>" % field('HYPERLINK "http://e.org/%d"' % i,
                                         "t") for i in range(n)]
    elif shape == "shared-lvltext":
        numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                     '<w:numFmt w:val="decimal"/><w:lvlText w:val="%s%%1"/>'
                     '</w:lvl></w:abstractNum><w:num w:numId="1">'
                     '<w:abstractNumId w:val="1"/></w:num>' % long)
        body += [para("p", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId '
                      'w:val="1"/></w:numPr></w:pPr>') for _ in range(n)]
    elif shape == "shared-style":
        styles = ('<w:style w:type="paragraph" w:styleId="s"><w:name '
                  'w:val="%s"/></w:style>' % long)
        body += [para("p", '<w:pPr><w:pStyle w:val="s"/></w:pPr>')
                 for _ in range(n)]
    elif shape == "shared-link":
        doc_rels.append(("rL", "hyperlink", "http://e.org/" + long))
        body += ['<w:p><w:hyperlink r:id="rL"><w:r><w:t>p</w:t></w:r>'
                 '</w:hyperlink></w:p>' for _ in range(n)]
    elif shape == "shared-field":
        body.append("<w:p>%s</w:p>" % field('HYPERLINK "http://e.org/%s"'
                                            % long, "t"))
        body += [para("p") for _ in range(n)]
    elif shape == "footnotes":
        body.append("<w:p>%s</w:p>" % "".join(
            '<w:r><w:footnoteReference w:id="%d"/></w:r>' % (i + 1)
            for i in range(n)))
        notes = "".join('<w:footnote w:id="%d"><w:p><w:r><w:t>n%d</w:t>'
                        '</w:r></w:p></w:footnote>' % (i + 1, i + 1)
                        for i in range(n))
    elif shape == "missing-notes":
        body.append("<w:p>%s</w:p>" % "".join(
            '<w:r><w:footnoteReference w:id="%d"/></w:r>' % (i + 10)
            for i in range(n)))
        notes = ('<w:footnote w:id="1"><w:p><w:r><w:t>n</w:t></w:r></w:p>'
                 '</w:footnote>')
    elif shape == "nums":
        numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                     '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
                     '</w:lvl></w:abstractNum>' + "".join(
                         '<w:num w:numId="%d"><w:abstractNumId w:val="1"/>'
                         '</w:num>' % (i + 1) for i in range(n)))
        body += [para("p", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId '
                      'w:val="%d"/></w:numPr></w:pPr>' % (n - i))
                 for i in range(n)]
    elif shape == "links":
        doc_rels += [("rL%d" % i, "hyperlink", "http://e.org/%d" % i)
                     for i in range(n)]
        body += ['<w:p><w:hyperlink r:id="rL%d"><w:r><w:t>p</w:t></w:r>'
                 '</w:hyperlink></w:p>' % (n - 1 - i) for i in range(n)]
    elif shape == "styles":
        styles = "".join('<w:style w:type="paragraph" w:styleId="s%d">'
                         '<w:name w:val="S%d"/></w:style>' % (i, i)
                         for i in range(n))
        body += [para("p", '<w:pPr><w:pStyle w:val="s%d"/></w:pPr>'
                      % (n - 1 - i)) for i in range(n)]
    elif shape == "bookmarks":
        body += ['<w:p><w:bookmarkStart w:id="%d" w:name="b%d"/>'
                 '<w:r><w:t>p</w:t></w:r><w:bookmarkEnd w:id="%d"/>'
                 '<w:hyperlink w:anchor="b%d"><w:r><w:t>l</w:t></w:r>'
                 '</w:hyperlink></w:p>' % (i, i, i, n - 1 - i)
                 for i in range(n)]
    elif shape == "big-text":
        body.append(para("x" * n))
    elif shape == "big-attr":
        styles = ('<w:style w:type="paragraph" w:styleId="s"><w:name '
                  'w:val="S"/></w:style>')
        body.append(para("p", '<w:pPr><w:pStyle w:val="%s"/></w:pPr>'
                         % ("s" * n)))
    elif shape == "big-cdata":
        body.append("<w:p><w:r><w:t><![CDATA[%s]]></w:t></w:r></w:p>"
                    % ("x" * n))
    elif shape == "rels-main":
        body.append(para("p"))
    else:
        sys.exit("mkhostile.py: unknown shape %s" % shape)

    parts = {"word/document.xml": HEAD % "document" + "<w:body>"
             + "".join(body) + "</w:body></w:document>"}
    main = "word/document.xml"
    if styles is not None:
        parts["word/styles.xml"] = HEAD % "styles" + styles + "</w:styles>"
        doc_rels.append(("rS", "styles", "styles.xml"))
    if numbering is not None:
        parts["word/numbering.xml"] = (HEAD % "numbering" + numbering
                                       + "</w:numbering>")
        doc_rels.append(("rN", "numbering", "numbering.xml"))
    if notes is not None:
        parts["word/footnotes.xml"] = (HEAD % "footnotes" + notes
                                       + "</w:footnotes>")
        doc_rels.append(("rF", "footnotes", "footnotes.xml"))
    if shape == "rels-main":
        main = "_rels/.rels"
    parts["_rels/.rels"] = rels([("rD", "officeDocument", main)])
    parts["word/_rels/document.xml.rels"] = rels(doc_rels)
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
        'schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/></Types>')
    return parts


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: mkhostile.py SHAPE N OUT.docx [SIZE]")
    shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    size = int(sys.argv[4]) if len(sys.argv) == 5 else 2000000
    parts = build(shape, n, size)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))


if __name__ == "__main__":
    main()
