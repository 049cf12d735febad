# Rec. ITU-T E.840 (06/2018): clauses 1-9, Annexes A and B with their
# notes kept apart, Appendix I.
@docx .meta.title | test("Statistical framework for end-to-end network performance benchmark")
[.sections[] | .number] | .[0:7] == ["1", "2", "3", "4", "5", "6", "7"]
[.annexes[] | .id] == ["A", "B"]
@docx .annexes[0].title == "Statistical significance to be applied in mobile networks benchmarking analysis"
@docx [.annexes[] | .note] | all(test("integral part"))
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@words
.kind == "recommendation"
.meta.number == "E.840"
.meta.edition == "06/2018"
# Clause 8's heading is typed ".8<TAB>Benchmarked services" (a stray
# period): the number that comes next all the same. The Bibliography
# after Appendix I is an unnumbered section.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", null]
[.appendices[] | .id] == ["I"]
# E.840 (06/2018): Annexes A and B, then Appendix I; the titles wrapped
# by pandoc are whole.
[.annexes[] | .id] == ["A", "B"]
[.appendices[] | .id] == ["I"]
.annexes[0].title == "Statistical significance to be applied in mobile networks benchmarking analysis"
.appendices[0].title == "A possible technique for the statistical scoring and ranking of a network"
.appendices[0].note == "(This appendix does not form an integral part of this Recommendation.)"
# T-REC-E.840-201806-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "E.840"
.meta.edition == "06/2018"
.meta.title == "Statistical framework for end-to-end network performance benchmark scoring and ranking"
.meta.language == "en"
.meta.group == "SG12"
