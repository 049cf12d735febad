# Rec. ITU-T Q.850 (10/2018): clauses 1-9 and a Bibliography; the bit
# positions of its cause tables ("8 7 6 5 4 3 2 1") are no clauses.
@docx .meta.title | test("Usage of cause and location in the Digital Subscriber Signalling System No. 1")
[.sections[] | .number] | .[0:6] == ["1", "2", "3", "4", "5", "6"]
.annexes == []
(.toc | length) == 12
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@words
.kind == "recommendation"
.meta.number == "Q.850"
.meta.edition == "10/2018"
[.sections[].number | select(. != null)] | length == (unique | length)
@docx [.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", null]
# "Bibliography" is a section in text too.
@plain [.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", null]
# Clause 6.2's subclauses in both, the long title of 6.2.5 and 6.2.6
# (ending in a full stop, above its 6.2.6.1) among them.
[.sections[] | select(.number == "6") | .sections[] | select(.number == "6.2") | .sections[].number] == ["6.2.1", "6.2.2", "6.2.3", "6.2.4", "6.2.5", "6.2.6", "6.2.7"]
# T-REC-Q.850-201810-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "Q.850"
.meta.edition == "10/2018"
.meta.title == "Usage of cause and location in the Digital Subscriber Signalling System No. 1 and the Signalling System No. 7 ISDN user part"
.meta.language == "en"
.meta.group == "SG11"
