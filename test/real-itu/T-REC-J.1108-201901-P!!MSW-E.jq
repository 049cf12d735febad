# Draft J.fdx-req (J.1108) proposed for AAP consent, TD cover table:
# clauses 1-8, no annex, the Bibliography an unnumbered section.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", null]
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "recommendation"
# T-REC-J.1108-201901-P!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language (it has no History table to name its group).
.kind == "recommendation"
.meta.number == "J.1108"
.meta.edition == "01/2019"
.meta.title == "Transmission specification for Radio over IP transmission systems"
.meta.language == "en"
