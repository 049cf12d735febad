# Draft Y.ccpm-reqts (Y.3507) as output of a meeting, TD cover table:
# clauses 1-8, Appendices I and II, Bibliography, a TOC of 26 entries.
@docx .meta.title | test("Functional requirements of physical machine")
[.sections[] | .number] | .[0:8] == ["1", "2", "3", "4", "5", "6", "7", "8"]
.annexes == []
(.toc | length) == 26
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
[.appendices[] | .id] == ["I", "II"]
# Y.3507 (12/2018): eight clauses, Appendices I and II (not sections
# titled "Appendix I ..."), their notes apart, clauses "I.1.1"; the
# Bibliography after them an unnumbered section.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", null]
[.annexes[] | .id] == []
[.appendices[] | .id] == ["I", "II"]
.appendices[0].title == "Comparison between functional requirements and other specifications"
.appendices[1].note == "(This appendix does not form an integral part of this Recommendation.)"
[.appendices[0].sections[] | .number] == ["I.1", "I.2"]
[.appendices[0].sections[0].sections[] | .number] == ["I.1.1", "I.1.2", "I.1.3", "I.1.4"]
# Y.3507-201812: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "Y.3507"
.meta.edition == "12/2018"
.meta.title == "Cloud computing – Functional requirements of physical machine"
.meta.language == "en"
.meta.group == "SG13"
