# Draft Rec. ITU-T H.782 sent for consent with the TD cover table:
# clauses 1-12 and Annex A (its note apart), a TOC of 29 entries; the
# Bibliography after Annex A an unnumbered section.
@docx .meta.title | test("Digital signage")
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", null]
[.annexes[] | .id] == ["A"]
.annexes[0].title == "Relation among metadata tables"
@docx .annexes[0].note | test("integral part")
(.toc | length) == 29
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
# pandoc drops the arrow of "A→B" (a w:sym in the Symbol font) and
# makes one word "AB" of it.
@words except AB
.kind == "recommendation"
# T-REC-H.782-201811-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "H.782"
.meta.edition == "11/2018"
.meta.title == "Digital signage: Metadata"
.meta.language == "en"
.meta.group == "SG16"
