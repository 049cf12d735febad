# Rec. ITU-T E.119 (04/2017), English: seven clauses and a
# Bibliography, a TOC of 17 entries.
@docx .meta.title | test("Requirements for safety confirmation and broadcast message service")
[.sections[] | .number] | .[0:7] == ["1", "2", "3", "4", "5", "6", "7"]
[.sections[] | .title] | .[0:2] == ["Scope", "References"]
(.toc | length) == 17
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
.meta.number == "E.119"
.meta.edition == "04/2017"
.meta.language == "en"

# The history table's approval date, in this language's numeric form
# (2017-04-07, 07-04-2017, 07.04.2017 г.), is one calendar date.
any(.entities.dates[]; .iso == "2017-04-07")
all(.entities.dates[]; (.iso | split("/")) as $p | ($p | length) == 1 or $p[0] <= $p[1])

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "E.119"
.meta.edition == "04/2017"
.meta.title == "Requirements for safety confirmation and broadcast message service for disaster relief"
.meta.language == "en"
.meta.group == "SG2"
