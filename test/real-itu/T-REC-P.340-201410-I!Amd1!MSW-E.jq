# P.340 Amendment 1: TOC numbers written "1)" and "2.1)", and an entry
# titled "Annex B" alone (the amended annex), then the new Annex B.
(.toc | length) == 11
[.toc[0:4][] | .number] == ["1", "2", "2.1", "2.2"]
.toc[3].title == "Annex B"
.toc[4] == {"number": "Annex B", "title": "Objective test methods for multi-talker scenarios", "page": "1"}
# The amendment's new Annex B, clauses "B.1" to "B.6"; a table's rows
# of numbers in pandoc's plain text ("3 0 135 15 180") are no clauses.
[.annexes[] | .id] == ["B"]
[.annexes[0].sections[] | .number] == ["B.1", "B.2", "B.3", "B.4", "B.5", "B.6"]
[.annexes[] | .id] == ["B"]
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@words
.kind == "recommendation"
.meta.number == "P.340 Amd.1"
.meta.edition == "10/2014"
# The amendment's own heading ("Amendment 1", then its title, in the
# AnnexNoTitle style) is a line of its first page, not a section.
[.sections[] | .number] == ["1", "2"]
[.body[] | .text? // empty | select(startswith("Amendment"))] | length == 1

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "P.340 Amd.1"
.meta.edition == "10/2014"
.meta.title == "Transmission characteristics and speech quality parameters of hands-free terminals"
.meta.language == "en"
.meta.group == "SG12"
