# Rec. ITU-T F.921 (08/2018): twelve clauses, Appendix I, Bibliography.
@docx .meta.title | test("Audio-based indoor and outdoor network navigation system")
[.sections[] | .number] | .[0:12] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
.annexes == []
(.toc | length) == 27
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
.meta.number == "F.921"
.meta.edition == "08/2018"
[.appendices[] | .id] == ["I"]
# Headings "10.4.1" and "10.4.2" open with a left-to-right mark, which
# is no text: they keep their number (under 10.4, whose title says
# "walking surface indicators" too).
[.. | objects | select(has("level")) | select(.title | test("walking surface indicators")) | .number] == ["10.4", "10.4.1", "10.4.2"]
# T-REC-F.921-201808-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "F.921"
.meta.edition == "08/2018"
.meta.title == "Audio-based indoor and outdoor network navigation system for persons with vision impairment"
.meta.language == "en"
.meta.group == "SG16"
