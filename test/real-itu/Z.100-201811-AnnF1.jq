# Rec. ITU-T Z.100 Annex F1 (11/2018), an annex published on its own:
# its clauses are numbered F1.1, F1.2, F1.3.
(.toc | length) == 3
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
# Five tables carry the alt title "F" and two "R" (w:tblCaption), which
# pandoc prints as their captions: the tables' alt text.
@words
@docx [.. | objects | select(.type == "table") | .alt | select(. != null)] | sort == ["F", "F", "F", "F", "F", "R", "R"]
.kind == "recommendation"
.meta.edition == "11/2018"
[.sections[] | .number] == ["F1.1", "F1.2", "F1.3"]
# Z.100-201811-AnnF1: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "Z.100 Annex F1"
.meta.edition == "11/2018"
.meta.title == "Specification and Description Language – Overview of SDL-2010"
.meta.language == "en"
# pandoc's plain text squeezes the summary box into a column one
# letter wide: the History table's rows are lost to it
@docx .meta.group == "SG17"
