# Rec. ITU-T O.174 Corrigendum 2 (02/2012): one clause of changes.
@docx .meta.title | test("Jitter and wander measuring equipment")
.sections[0].number == "1"
.sections[0].title == "Changes to Recommendation ITU-T O.174"
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
# A subscript run ending in a space ("f" then "0 ") is "f₀ ".
@words
.kind == "recommendation"
.meta.number == "O.174 Cor.2"
.meta.edition == "02/2012"
# "1.1 Clause 8.4.2.1" belongs to clause 1, in the DOCX too, where its
# heading style is level 1.
[.sections[] | .number] == ["1"]
# T-REC-O.174-201202-I!Cor2!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language; the group that approved it from the History table.
.kind == "recommendation"
.meta.number == "O.174 Cor.2"
.meta.edition == "02/2012"
.meta.title == "Jitter and wander measuring equipment for digital systems which are based on synchronous Ethernet technology"
.meta.language == "en"
.meta.group == "SG15"
