#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mktracked.py OUT.docx: writes the tracked-changes DOCX of the diff
test case cases/tracked.docx (kept in the tree; this is its recipe).

A short Terms of Reference whose revisions are all tracked (w:ins,
w:del, an inserted and a deleted paragraph, a moved paragraph), so that
`liaison diff FILE.docx` (rejected against accepted) must report exactly
those. Deterministic: fixed zip timestamps.
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = 'w:author="Editor" w:date="2026-01-15T10:00:00Z"'


def p(*runs, ppr=""):
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))


def r(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def ins(i, text):
    return '<w:ins w:id="%d" %s>%s</w:ins>' % (i, A, r(text))


def dele(i, text):
    return ('<w:del w:id="%d" %s><w:r><w:delText xml:space="preserve">%s'
            '</w:delText></w:r></w:del>' % (i, A, text))


def move(tag, i, text):
    return '<w:%s w:id="%d" %s>%s</w:%s>' % (tag, i, A, r(text), tag)


def heading(text):
    return p(r(text), ppr='<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>')


body = "".join([
    heading("1 Scope"),
    p(r("The group will discuss a demarcation line on the topic of IoT security.")),
    # Moved from the end of the work methods to the scope.
    p(move("moveTo", 9, "Its results are reported to TSAG."),
      ppr='<w:pPr><w:rPr><w:moveTo w:id="10" %s/></w:rPr></w:pPr>' % A),
    heading("2 Work methods"),
    p(r("Results will be reported "), dele(1, "two weeks"), ins(2, "one month"),
      r(" prior to each meeting.")),
    p(r("Meeting announcements will be distributed at least two weeks in advance.")),
    # A paragraph inserted whole (its mark is inserted too).
    p(ins(3, "The group is open to all members."),
      ppr='<w:pPr><w:rPr><w:ins w:id="4" %s/></w:rPr></w:pPr>' % A),
    # A paragraph deleted whole.
    p(dele(5, "The group will meet every week."),
      ppr='<w:pPr><w:rPr><w:del w:id="6" %s/></w:rPr></w:pPr>' % A),
    p(r("The extension will be decided by "), dele(7, "the study groups"),
      ins(8, "TSAG"), r(".")),
    p(move("moveFrom", 11, "Its results are reported to TSAG."),
      ppr='<w:pPr><w:rPr><w:moveFrom w:id="12" %s/></w:rPr></w:pPr>' % A),
])
document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>'
            % (W, body))
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles xmlns:w="%s"><w:style w:type="paragraph" '
          'w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>' % W)
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("[Content_Types].xml", types), ("_rels/.rels", rels),
                       ("word/document.xml", document),
                       ("word/_rels/document.xml.rels", doc_rels),
                       ("word/styles.xml", styles)):
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 15, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
