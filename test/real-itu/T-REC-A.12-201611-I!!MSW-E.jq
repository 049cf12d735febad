# Rec. ITU-T A.12 (11/2016): two clauses, no annex, no TOC.
@docx .meta.title | test("Identification and layout of ITU-T Recommendations")
[.sections[] | .number] == ["1", "2"]
[.sections[] | .title] == ["Scope", "Identification and layout of Recommendations"]
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@words
# Pending (h-kinds, h-cover): the kind and the title page's number and
# edition.
.kind == "recommendation"
.meta.number == "A.12"
.meta.edition == "11/2016"
@plain (.meta.title // "") | test("Identification and layout of ITU-T Recommendations")
# T-REC-A.12-201611-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "A.12"
.meta.edition == "11/2016"
.meta.title == "Identification and layout of ITU-T Recommendations"
.meta.language == "en"
.meta.group == "TSAG"
