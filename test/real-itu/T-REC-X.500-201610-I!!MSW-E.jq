# X.500 (10/2016): fourteen clauses, Annexes A and B, 41 TOC entries.
(.toc | length) == 41
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
[.annexes[] | .id] == ["A", "B"]
.toc[-1] == {"number": "Annex B", "title": "Amendments and corrigenda", "page": "23"}
# Annex clauses "A.1", "A.3.1" are clause numbers; the notes, wrapped
# over two lines in pandoc's plain text, are the annexes' notes.
[.annexes[0].sections[] | .number] == ["A.1", "A.2", "A.3"]
[.annexes[0].sections[2].sections[] | .number] == ["A.3.1", "A.3.2", "A.3.3", "A.3.4", "A.3.5", "A.3.6", "A.3.7", "A.3.8", "A.3.9", "A.3.10", "A.3.11"]
.annexes[0].note == "(This annex forms an integral part of this Recommendation | International Standard.)"
.annexes[1].note == "(This annex does not form an integral part of this Recommendation | International Standard.)"
@docx .meta.title | test("The Directory: Overview of concepts, models and services")
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
.meta.number == "X.500"
.meta.edition == "10/2016"

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "X.500"
.meta.edition == "10/2016"
.meta.title == "Information technology – Open Systems Interconnection –The Directory: Overview of concepts, models and services"
.meta.language == "en"
.meta.group == "SG17"
