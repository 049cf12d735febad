# D.000 (05/2010): Annex A, definitions numbered "A.1" to "A.32", some
# with clauses of their own ("A.16.1").
[.annexes[] | .id] == ["A"]
.annexes[0].title == "Definitions" and .annexes[0].note == "(This annex forms an integral part of this Recommendation)"
[.annexes[0].sections[] | .number] == [range(1; 33) | "A.\(.)"]
[.annexes[0].sections[] | select(.number == "A.16") | .sections[] | .number] == ["A.16.1", "A.16.2"]
# Rec. ITU-T D.000 (05/2010): three clauses and Annex A (definitions),
# whose note is no title.
@docx .meta.title | test("Terms and definitions for the D-series Recommendations")
[.sections[] | .number] == ["1", "2", "3"]
[.annexes[] | .id] == ["A"]
.annexes[0].title == "Definitions"
@docx .annexes[0].note | test("integral part")
(.toc | length) > 30
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
# A subscript run ending in a space ("L" then "2 ") is "L₂ ".
@words
.kind == "recommendation"
.meta.number == "D.000"
.meta.edition == "05/2010"

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "D.000"
.meta.edition == "05/2010"
.meta.title == "Terms and definitions for the D-series Recommendations"
.meta.language == "en"
.meta.group == "SG3"
