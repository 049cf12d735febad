# G.650.1 (03/2018): a TOC over two pages, its "Page" header repeated
# on the second; appendix clauses "IV.2" numbered in the TOC.
(.toc | length) == 40
.toc[0].number == "1" and .toc[0].page == "1"
[.toc[] | select(.number == "IV.2") | .page] == ["68"]
.toc[-1] == {"number": null, "title": "Bibliography", "page": "78"}
# The Bibliography, after the appendices, is the Recommendation's own
# unnumbered section, not a clause of the part before it.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", null]
# Annex A's clauses are numbered "A.1" ... after the annex's id, and its
# note "(This annex forms ...)" is no part of its title.
[.annexes[0].sections[] | .number][0:3] == ["A.1", "A.2", "A.3"]
.annexes[0].title == "Chromatic dispersion fitting" and .annexes[0].note == "(This annex forms an integral part of this Recommendation.)"
@docx .meta.title | test("Definitions and test methods for linear, deterministic attributes of single-mode fibre")
[.annexes[] | .id] == ["A"]
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
.meta.number == "G.650.1"
.meta.edition == "03/2018"
[.appendices[] | .id] == ["I", "II", "III", "IV", "V"]
# Appendices I to V are parts of their own, after Annex A, each with its
# note apart; their clauses are numbered "II.1", "IV.3.2".
[.appendices[] | .id] == ["I", "II", "III", "IV", "V"]
.appendices[1].title == "Test method for measuring longitudinal uniformity of chromatic dispersion based on the backscattering technique"
[.appendices[] | .note | startswith("(This appendix does not form an integral")] == [true, true, true, true, true]
[.appendices[0].sections[] | .number] == ["I.1", "I.2", "I.3"]

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "G.650.1"
.meta.edition == "03/2018"
.meta.title == "Definitions and test methods for linear, deterministic attributes of single-mode fibre and cable"
.meta.language == "en"
.meta.group == "SG15"
