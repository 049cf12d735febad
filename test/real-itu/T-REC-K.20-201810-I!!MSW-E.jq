# Rec. ITU-T K.20 (10/2018): clauses 1-6, Appendix I, Bibliography.
@docx .meta.title | test("Resistibility of telecommunication equipment installed in a telecommunication centre")
[.sections[] | .number] | .[0:6] == ["1", "2", "3", "4", "5", "6"]
.annexes == []
(.toc | length) == 13
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
.meta.number == "K.20"
.meta.edition == "10/2018"
[.appendices[] | .id] == ["I"]
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", null]
# K.20 (10/2018): Appendix I, its title broken over two lines by a line
# break in the heading, its note apart.
[.appendices[] | .id] == ["I"]
.appendices[0].title == "Floating transverse power induction and earth potential rise test for ports connected to external symmetric pair cables"
.appendices[0].note == "(This appendix does not form an integral part of this Recommendation.)"
[.appendices[0].sections[] | .number][0:3] == ["I.1", "I.2", "I.3"]
# T-REC-K.20-201810-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "K.20"
.meta.edition == "10/2018"
.meta.title == "Resistibility of telecommunication equipment installed in a telecommunication centre to overvoltages and overcurrents"
.meta.language == "en"
.meta.group == "SG5"
