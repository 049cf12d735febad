#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""make-samples.py [NAME...]: writes the DOCX samples from their sources.

For each NAME.md here (made from samples/NAME.txt by import-seed.py) it
writes two documents with two real writers:

  NAME.docx         python-docx (python3-docx), laid out like the ITU
                    template: the cover table, headings with typed
                    numbers or auto-numbered (numbering.xml), ordered
                    lists Word numbers itself (one w:num per list, later
                    lists restart with a startOverride, as Word writes
                    "restart numbering"), bullets in Symbol, enumlev1
                    paragraphs with typed labels, footnotes, bookmarks;
  NAME.pandoc.docx  pandoc (markdown-smart -> docx): its own numbering,
                    footnotes and bookmarks, ITU styles as custom styles;
  NAME.libreoffice.docx
                    NAME.docx opened and saved as DOCX by LibreOffice
                    (soffice --headless; Debian libreoffice-writer-nogui),
                    when soffice is installed: LibreOffice writes lists
                    its own way (a numId per item of some lists).

Run from anywhere; writes next to this script. Needs /usr/bin/python3
with python3-docx (Debian package) and pandoc. SOURCE_DATE_EPOCH is set
so pandoc's output does not depend on the day.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml import OxmlElement
from docx.shared import Pt, Cm

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ORDERED, SYMBOL_BULLET, DASH_BULLET, HEADINGS = 90, 91, 92, 93

ABSTRACT_NUMS = """
<w:abstractNum %(ns)s w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum %(ns)s w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum %(ns)s w:abstractNumId="92"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum %(ns)s w:abstractNumId="93"><w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="432" w:hanging="432"/></w:pPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%%1.%%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="576" w:hanging="576"/></w:pPr></w:lvl>
</w:abstractNum>
"""


class Writer:
    def __init__(self):
        self.doc = docx.Document()
        self.body_width = Cm(16)
        self.numbering = self.doc.part.numbering_part.element
        first_num = self.numbering.find(qn("w:num"))
        for xml in re.findall(r"<w:abstractNum .*?</w:abstractNum>",
                              ABSTRACT_NUMS % {"ns": nsdecls("w")}, re.S):
            el = parse_xml(xml)
            if first_num is not None:
                first_num.addprevious(el)
            else:
                self.numbering.append(el)
        self.next_num = 100
        self.lists_used = set()
        self.bookmark_id = 0
        self.notes = {}
        self.styles()

    def styles(self):
        st = self.doc.styles
        normal = st["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(12)

        def para_style(name, bold=False, size=None, based="Normal"):
            s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = st[based]
            s.font.bold = bold
            if size:
                s.font.size = Pt(size)
            return s

        lev = para_style("enumlev1")
        lev.paragraph_format.left_indent = Cm(1.4)
        lev.paragraph_format.first_line_indent = Cm(-0.6)
        para_style("Headingb", bold=True)
        para_style("AnnexNo", size=14)
        para_style("Annex_title", bold=True, size=14)
        para_style("footnote text", size=10)
        ref = st.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True
        self.note_text_id = st["footnote text"].style_id
        self.note_ref_id = st["footnote reference"].style_id

    def new_num(self, abstract, restart):
        """A new w:num; restart adds Word's startOverride."""
        num_id = self.next_num
        self.next_num += 1
        over = ""
        if restart:
            over = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                    '</w:lvlOverride>')
        self.numbering.append(parse_xml(
            '<w:num %s w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>'
            % (nsdecls("w"), num_id, abstract, over)))
        return num_id

    def number(self, paragraph, num_id, ilvl=0):
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(
            '<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
            % (nsdecls("w"), ilvl, num_id)))

    def bookmark(self, paragraph, name):
        bid = str(self.bookmark_id)
        self.bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bid)
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bid)
        paragraph._p.append(start)
        paragraph._p.append(end)

    def inline(self, paragraph, text, bold=False):
        """Adds Markdown inline text: escapes, **bold**, footnote
        references [^N], bookmarks <span id="name"></span>, tabs (&#9;)."""
        pos = 0
        pattern = re.compile(
            r'\[\^(\d+)\]|<span id="([^"]+)"></span>|\*\*(.*?)\*\*')
        for m in pattern.finditer(text):
            self.text(paragraph, text[pos:m.start()], bold)
            if m.group(1):
                run = paragraph.add_run()
                run._r.append(parse_xml(
                    '<w:rPr %s><w:rStyle w:val="%s"/></w:rPr>'
                    % (nsdecls("w"), self.note_ref_id)))
                ref = OxmlElement("w:footnoteReference")
                ref.set(qn("w:id"), m.group(1))
                run._r.append(ref)
            elif m.group(2):
                self.bookmark(paragraph, m.group(2))
            else:
                self.text(paragraph, m.group(3), True)
            pos = m.end()
        self.text(paragraph, text[pos:], bold)

    @staticmethod
    def text(paragraph, text, bold):
        text = re.sub(r"\\(.)", r"\1", text.replace("&#9;", "\t"))
        if text:
            run = paragraph.add_run(text)  # python-docx makes w:tab of \t
            if bold:
                run.bold = True

    def cover(self, rows):
        table = self.doc.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].width = Cm(4)
            cells[1].width = Cm(12)
            self.inline(cells[0].paragraphs[0], label)
            self.inline(cells[1].paragraphs[0], value)

    def footnotes_part(self):
        if not self.notes:
            return
        parts = ['<w:footnotes %s>' % nsdecls("w", "r"),
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                 '<w:separator/></w:r></w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
                 '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
        for num, text in sorted(self.notes.items(), key=lambda x: int(x[0])):
            text = re.sub(r"\\(.)", r"\1", text)
            text = (text.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;"))
            parts.append(
                '<w:footnote w:id="%s"><w:p><w:pPr><w:pStyle w:val="%s"/>'
                '</w:pPr><w:r><w:rPr><w:rStyle w:val="%s"/></w:rPr>'
                '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> %s'
                '</w:t></w:r></w:p></w:footnote>'
                % (num, self.note_text_id, self.note_ref_id, text))
        parts.append("</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.footnotes+xml",
                    "".join(parts).encode("utf-8"), self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)

    def write(self, md, out):
        blocks = re.split(r"\n\s*\n", md.strip("\n"))
        list_num = None       # numId of the open ordered list
        bullet_abstract = SYMBOL_BULLET
        bullet_num = None
        heading_num = None
        i = 0
        while i < len(blocks):
            block = blocks[i]
            i += 1
            first = block.split("\n", 1)[0]
            if block.startswith("| "):
                rows = []
                for line in block.split("\n")[2:]:
                    cells = [c.strip() for c in line.strip("|").split(" | ")]
                    rows.append((cells[0], cells[1] if len(cells) > 1 else ""))
                self.cover(rows)
                continue
            m = re.match(r"\[\^(\d+)\]: (.*)", block, re.S)
            if m:
                self.notes[m.group(1)] = m.group(2).replace("\n", " ")
                continue
            if block.startswith("<!--"):
                if "symbol bullets" in block:
                    bullet_abstract, bullet_num = SYMBOL_BULLET, None
                elif "dash bullets" in block:
                    bullet_abstract, bullet_num = DASH_BULLET, None
                elif "end of list" in block:
                    list_num = None
                continue
            m = re.match(r"(#+) (.*?)( \{\.autonum\})?$", block)
            if m:
                level = len(m.group(1))
                text = m.group(2)
                p = self.doc.add_paragraph(style="Heading %d" % level)
                if m.group(3):
                    # the number comes from numbering.xml, not the text
                    text = re.sub(r"^\d+(\.\d+)*\.? +", "", text)
                    if heading_num is None:
                        heading_num = self.new_num(HEADINGS, False)
                    self.number(p, heading_num, level - 1)
                self.inline(p, text)
                list_num = None
                continue
            m = re.match(r'::: \{custom-style="([^"]+)"\}\n(.*)\n:::$',
                         block, re.S)
            if m:
                p = self.doc.add_paragraph(style=m.group(1))
                self.inline(p, m.group(2).replace("\n", " "))
                continue
            if first.startswith("1.  "):
                if list_num is None:
                    list_num = self.new_num(ORDERED, ORDERED in self.lists_used)
                    self.lists_used.add(ORDERED)
                p = self.doc.add_paragraph(style="List Number")
                self.number(p, list_num)
                self.inline(p, block[4:].replace("\n", " "))
                continue
            if first.startswith("    "):
                p = self.doc.add_paragraph(style="List Continue")
                self.inline(p, block.strip().replace("\n", " "))
                continue
            if first.startswith("-   "):
                if bullet_num is None:
                    bullet_num = self.new_num(bullet_abstract, False)
                p = self.doc.add_paragraph(style="List Bullet")
                self.number(p, bullet_num)
                self.inline(p, block[4:].replace("\n", " "))
                continue
            list_num = None
            bullet_num = None
            p = self.doc.add_paragraph()
            if block.strip() != "\\":
                self.inline(p, block.replace("\n", " "))
        self.footnotes_part()
        self.doc.core_properties.author = "liaison samples (python-docx)"
        self.doc.save(out)


def main():
    names = sys.argv[1:] or sorted(
        f[:-3] for f in os.listdir(HERE) if f.endswith(".md")
        and f != "README.md")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    for name in names:
        src = os.path.join(HERE, name + ".md")
        with open(src, encoding="utf-8") as f:
            md = f.read()
        Writer().write(md, os.path.join(HERE, name + ".docx"))
        subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "docx",
                        "-o", os.path.join(HERE, name + ".pandoc.docx"), src],
                       check=True, env=env)
        print("wrote %s.docx and %s.pandoc.docx" % (name, name))
        if shutil.which("soffice"):
            libreoffice(name)


def libreoffice(name):
    """NAME.docx through LibreOffice's DOCX export."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--norestore",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                        tmp, os.path.join(HERE, name + ".docx")],
                       check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, HOME=tmp))
        shutil.move(os.path.join(tmp, name + ".docx"),
                    os.path.join(HERE, name + ".libreoffice.docx"))
    print("wrote %s.libreoffice.docx" % name)


if __name__ == "__main__":
    main()
