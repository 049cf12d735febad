# Rec. ITU-T A.1 (10/2016): its table of contents is no part of its
# structure: three clauses, one Annex A, twenty TOC entries.
(.toc | length) == 20
.toc[0] == {"number": "1", "title": "Study groups and their relevant groups", "page": "1"}
.toc[6].title == "Correspondence activities" and .toc[6].page == "4"
.toc[7].title == "Preparation of reports of study groups, working parties or joint working parties, Recommendations and new Questions"
.toc[-2] == {"number": "Annex A", "title": "Template to describe a proposed new Recommendation in the work programme", "page": "16"}
.toc[-1] == {"number": "Appendix I", "title": "Rapporteur progress report format", "page": "17"}
[.sections[] | .number] == ["1", "2", "3"]
[.sections[] | .title] == ["Study groups and their relevant groups", "Study group management", "Submission and processing of contributions"]
[.annexes[] | .id] == ["A"]
# A table cell; pandoc's plain text wraps it, "2-6" above "October 1997",
# and the cell's lines are joined again.
[.entities.dates[] | select(.text == "2-6 October 1997") | .iso] == ["1997-10-02/1997-10-06"]
@docx .meta.title | test("Working methods for study groups of the ITU Telecommunication Standardization Sector")
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
# Its footnote references draw custom marks ("notification1"): the
# mark is no word of the text.
@words
.kind == "recommendation"
.meta.number == "A.1"
.meta.edition == "10/2016"
[.appendices[] | .id] == ["I"]
.appendices[0].title == "Rapporteur progress report format"
# Appendix I, the rapporteur progress report format, is an appendix.
[.appendices[] | .id] == ["I"]
.appendices[0].title == "Rapporteur progress report format" and .appendices[0].note == "(This appendix does not form an integral part of this Recommendation.)"

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "A.1"
.meta.edition == "10/2016"
.meta.title == "Working methods for study groups of the ITU Telecommunication Standardization Sector"
.meta.language == "en"
.meta.group == "TSAG"
