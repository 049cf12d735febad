#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""amplify.py: documents that repeat one structure N times.

    amplify.py list                 the shapes, one a line: NAME KIND WHAT
    amplify.py SHAPE N OUT          writes the input(s) of SHAPE with N
                                    repeats; prints the liaison arguments
                                    that read them, one a line

Each shape is cheap in the file and was once dear in the model (issue
17): a marker scanned again from every place it could start, a look-up
by id that walks a list, a name copied into every paragraph that uses
it, a field carried on into every later paragraph. A reader that is
linear overall spends about ten times the time and memory on 10 N
repeats as on N; test/scale.py checks that. Sizes grow linearly with N,
including the "big name" shapes, whose name is as long as N times a
few bytes and is used by N paragraphs (so copying it is quadratic).

Text shapes write OUT.txt, DOCX shapes OUT.docx, the diff shape OUT.a.txt
and OUT.b.txt.
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "docx"))
import mkdocx  # noqa: E402  (NS, ROOTS, rels: the package's boilerplate)

SHAPES = {}


def shape(name, kind, what):
    def register(fn):
        SHAPES[name] = (kind, what, fn)
        return fn
    return register


# Text ------------------------------------------------------------------

@shape("text-num-colon", "text", '"[1:" N times on one line, never closed')
def text_num_colon(n):
    return "Start " + "[1:" * n + "\n"


@shape("text-bookmark", "text", '"[bookmark:" N times on one line, never closed')
def text_bookmark(n):
    return "Start " + "[bookmark:" * n + "\n"


@shape("text-bookmark-closed", "text", "N bookmarks on one line")
def text_bookmark_closed(n):
    return "Start" + "".join("[bookmark: b%d]w " % i for i in range(n)) + "\n"


@shape("text-notes-reverse", "text",
       "N footnote references, then their bodies in reverse order")
def text_notes_reverse(n):
    refs = "".join("Text %d[footnoteRef:%d].\n" % (i, i) for i in range(1, n + 1))
    bodies = "".join("[%d: Body of note %d.]\n" % (i, i) for i in range(n, 0, -1))
    return refs + "\n" + bodies


@shape("text-notes-line", "text",
       "N footnote references and their reversed bodies on one line")
def text_notes_line(n):
    refs = "".join("w[footnoteRef:%d] " % i for i in range(1, n + 1))
    bodies = "".join("[%d: b%d]" % (i, i) for i in range(n, 0, -1))
    return refs + "\n" + bodies + "\n"


@shape("text-tabs", "text", "one line of N tabs")
def text_tabs(n):
    return "a" + "\t" * n + "b\n"


@shape("text-tab-rows", "text", "N table rows of one tab each")
def text_tab_rows(n):
    return "".join("c%d\td%d\n" % (i, i) for i in range(n))


@shape("text-tab-tables", "text",
       "N tables of one row of two cells, a blank line apart")
def text_tab_tables(n):
    return "".join("a%d\tb\n\n" % (i % 100) for i in range(n))


@shape("text-list", "text", 'N lines of "1."')
def text_list(n):
    return "1.\n" * n


@shape("text-list-items", "text", 'N list items "1.<TAB>Item"')
def text_list_items(n):
    return "".join("%d.\tItem %d\n" % (i % 100 + 1, i) for i in range(n))


@shape("text-long-line", "text", "one line of N words")
def text_long_line(n):
    return " ".join("word%d" % (i % 1000) for i in range(n)) + "\n"


@shape("text-toc-titles", "text",
       "a TOC of N entries of one title, then N lines of it")
def text_toc_titles(n):
    return ("Table of Contents\n" +
            "".join("%d\tSame title\t%d\n" % (i + 1, i + 1) for i in range(n)) +
            "\n" + "Same title\nText.\n" * n)


@shape("text-toc-unnumbered", "text",
       "a TOC of one clause and N unnumbered entries of one title, then "
       "the clause and N lines of it")
def text_toc_unnumbered(n):
    return ("Table of Contents\n1\tScope\t1\n" +
            "Same title\t2\n" * n + "\n1\tScope\nText.\n" +
            "Same title\nText.\n" * n)


@shape("text-toc-agrees", "text",
       "a TOC of N clauses, then the N clauses, each with a list item "
       "numbered as a clause and a lower-case subclause title above its "
       "first subclause")
def text_toc_agrees(n):
    def title(i):  # "Clause bcd": no digit a TOC would take for a page
        return "Clause " + "".join(chr(ord("a") + int(d)) for d in str(i))
    return ("Table of Contents\n" +
            "".join("%d\t%s\t1\n" % (i + 1, title(i)) for i in range(n)) +
            "\n" +
            "".join("%d\t%s\n%d.\t\tItem of a list (Note)\n"
                    "%d.1\tthe first subclause\n%d.1.1\tA\nText.\n"
                    % (i + 1, title(i), (i + 1) % n + 1, i + 1, i + 1)
                    for i in range(n)))


@shape("text-toc-joined", "text",
       "a TOC of N clauses and their first subclauses joined on one "
       "line, then the clauses, each subclause's number dropped")
def text_toc_joined(n):
    def title(i):  # "Clause bcd": no digit a TOC would take for a page
        return "".join(chr(ord("a") + int(d)) for d in str(i))
    return ("Table of Contents\n" +
            "".join("%d\tClause %s\t1 %d.1\tPart %s\t1 " %
                    (i + 1, title(i), i + 1, title(i)) for i in range(n)) +
            "\n\n" +
            "".join("%d Clause %s\nPart %s\nText.\n" %
                    (i + 1, title(i), title(i)) for i in range(n)))


@shape("text-cover-glued-blanks", "text",
       "a cover line of labels glued together, then N blank lines")
def text_cover_glued_blanks(n):
    return "Source:ITU-T Study Group 17Title:LS on blanks\n" + "\n" * n + "Text.\n"


@shape("text-late-first", "text",
       "N clauses, each with a first subclause numbered 5 and N list "
       "items numbered as its siblings would be, none of them one")
def text_late_first(n):
    return "".join("%d Clause\n%d.5 Late first\n%s" % (
        i + 1, i + 1, "1. An item\n" * 9) for i in range(n))


@shape("text-brackets", "text", "N nested opening brackets on one line")
def text_brackets(n):
    return "x" + "[" * n + "y\n"


@shape("diff-text", "diff", "diff of two texts of N lines, every tenth changed")
def diff_text(n):
    a = "".join("Line %d says something about topic %d.\n" % (i, i % 97)
                for i in range(n))
    b = "".join(("Line %d says something else about topic %d.\n" if i % 10 == 3
                 else "Line %d says something about topic %d.\n") % (i, i % 97)
                for i in range(n))
    return a, b


# DOCX ------------------------------------------------------------------

HYPERLINK_RUNS = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:instrText xml:space="preserve"> HYPERLINK '
                  '"http://example.org/%d" </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:t>link %d</w:t></w:r>')


def para(inner):
    return "<w:p>%s</w:p>" % inner


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


@shape("docx-fields-unclosed", "docx",
       "N paragraphs, each with a HYPERLINK field begun and never ended")
def docx_fields_unclosed(n):
    body = "".join(para(HYPERLINK_RUNS % (i, i) + run(" text %d" % i))
                   for i in range(n))
    return {"word/document.xml": body}


@shape("docx-fields-nested", "docx",
       "one paragraph with N HYPERLINK fields begun and never ended")
def docx_fields_nested(n):
    return {"word/document.xml":
            para("".join(HYPERLINK_RUNS % (i, i) for i in range(n)))}


def footnote(i, text):
    return ('<w:footnote w:id="%d"><w:p><w:r><w:t>%s</w:t></w:r></w:p>'
            '</w:footnote>' % (i, text))


def note_ref(i):
    return '<w:r><w:footnoteReference w:id="%d"/></w:r>' % i


@shape("docx-footnotes", "docx",
       "N footnotes, referenced in reverse order")
def docx_footnotes(n):
    notes = "".join(footnote(i, "Note %d." % i) for i in range(1, n + 1))
    body = "".join(para(run("Text %d" % i) + note_ref(i))
                   for i in range(n, 0, -1))
    return {"word/document.xml": body, "word/footnotes.xml": notes}


@shape("docx-missing-notes", "docx", "N references to notes that do not exist")
def docx_missing_notes(n):
    notes = footnote(1, "The only note.")
    body = "".join(para(run("Text %d" % i) + note_ref(i + 2)) for i in range(n))
    return {"word/document.xml": body, "word/footnotes.xml": notes}


ABSTRACT = ('<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0">'
            '<w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%s"/></w:lvl></w:abstractNum>')


def numbered(num_id, text, extra=""):
    return ('<w:p><w:pPr>%s<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/>'
            '</w:numPr></w:pPr>%s</w:p>' % (extra, num_id, run(text)))


@shape("docx-num", "docx", "N w:num instances, used in reverse order")
def docx_num(n):
    numbering = ABSTRACT % (0, "%1.") + "".join(
        '<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>' % i
        for i in range(1, n + 1))
    body = "".join(numbered(i, "Item %d" % i) for i in range(n, 0, -1))
    return {"word/document.xml": body, "word/numbering.xml": numbering}


def doc_rels(extra):
    """document.xml.rels with the usual parts and the (id, type, target,
    external) relationships given."""
    text = mkdocx.rels([(t[5:], k) for t, k in mkdocx.DOC_RELS])
    more = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"%s/>'
                   % (rid, mkdocx.REL, kind, target,
                      ' TargetMode="External"' if ext else "")
                   for rid, kind, target, ext in extra)
    return text.replace("</Relationships>", more + "</Relationships>")


def hyperlink(rid, text):
    return '<w:hyperlink r:id="%s">%s</w:hyperlink>' % (rid, run(text))


@shape("docx-hyperlinks", "docx",
       "N hyperlinks over N relationships, in reverse order")
def docx_hyperlinks(n):
    rels = [("rIdL%d" % i, "hyperlink", "http://example.org/%d" % i, True)
            for i in range(n)]
    body = "".join(para(hyperlink("rIdL%d" % i, "link %d" % i))
                   for i in range(n - 1, -1, -1))
    return {"word/document.xml": body,
            "word/_rels/document.xml.rels": doc_rels(rels),
            "word/styles.xml": "", "word/numbering.xml": "",
            "word/footnotes.xml": "", "word/endnotes.xml": ""}


def big(n):
    """A name 8 N bytes long."""
    return "N" * (8 * n)


@shape("docx-big-lvltext", "docx",
       "an lvlText of 8 N bytes used by N paragraphs")
def docx_big_lvltext(n):
    numbering = (ABSTRACT % (0, big(n) + "%1") +
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = "".join(numbered(1, "Item %d" % i) for i in range(n))
    return {"word/document.xml": body, "word/numbering.xml": numbering}


@shape("docx-big-style", "docx",
       "a style name of 8 N bytes used by N paragraphs")
def docx_big_style(n):
    styles = ('<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="%s"/>'
              '</w:style>' % big(n))
    body = "".join('<w:p><w:pPr><w:pStyle w:val="Big"/></w:pPr>%s</w:p>'
                   % run("Text %d" % i) for i in range(n))
    return {"word/document.xml": body, "word/styles.xml": styles}


@shape("docx-big-bookmark", "docx",
       "a bookmark name of 8 N bytes, the anchor of N hyperlinks")
def docx_big_bookmark(n):
    name = big(n)
    body = ('<w:p><w:bookmarkStart w:id="0" w:name="%s"/>%s'
            '<w:bookmarkEnd w:id="0"/></w:p>' % (name, run("Target")) +
            "".join(para('<w:hyperlink w:anchor="%s">%s</w:hyperlink>'
                         % (name, run("to %d" % i))) for i in range(n)))
    return {"word/document.xml": body}


@shape("docx-big-target", "docx",
       "a hyperlink target of 8 N bytes used by N hyperlinks")
def docx_big_target(n):
    rels = [("rIdBig", "hyperlink", "http://example.org/" + big(n), True)]
    body = "".join(para(hyperlink("rIdBig", "link %d" % i)) for i in range(n))
    return {"word/document.xml": body,
            "word/_rels/document.xml.rels": doc_rels(rels),
            "word/styles.xml": "", "word/numbering.xml": "",
            "word/footnotes.xml": "", "word/endnotes.xml": ""}


@shape("docx-big-field-link", "docx",
       "a HYPERLINK field to a target of 8 N bytes in each of N paragraphs")
def docx_big_field_link(n):
    target = "http://example.org/" + big(n)
    runs = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "%s" '
            '</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '%s<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = "".join(para(runs % (target, run("link %d" % i))) for i in range(n))
    return {"word/document.xml": body}


def write_docx(parts, out):
    data = {}
    for name, text in parts.items():
        root = mkdocx.ROOTS.get(name)
        if root is not None:
            text = root[0] + text + root[1]
        data[name] = text
    data["_rels/.rels"] = mkdocx.rels([("word/document.xml", "officeDocument")])
    if "word/_rels/document.xml.rels" not in data:
        data["word/_rels/document.xml.rels"] = mkdocx.rels(
            [(t[5:], k) for t, k in mkdocx.DOC_RELS if t in data])
    data["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
        'schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/></Types>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in data.items():
            z.writestr(name, text.encode("utf-8"))


def generate(name, n, out):
    """Writes shape `name` with n repeats under the path prefix `out`;
    returns the list of files to give liaison (one, or two for a diff)."""
    kind, _, fn = SHAPES[name]
    made = fn(n)
    if kind == "text":
        files = [out + ".txt"]
        made = (made,)
    elif kind == "diff":
        files = [out + ".a.txt", out + ".b.txt"]
    else:
        write_docx(made, out + ".docx")
        return [out + ".docx"]
    for path, text in zip(files, made):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return files


def main(argv):
    if len(argv) == 2 and argv[1] == "list":
        for name, (kind, what, _) in SHAPES.items():
            print("%s %s %s" % (name, kind, what))
        return 0
    if len(argv) != 4 or argv[1] not in SHAPES:
        sys.stderr.write("usage: amplify.py list | amplify.py SHAPE N OUT\n")
        return 2
    for path in generate(argv[1], int(argv[2]), argv[3]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
