# Draft J.fdx-req (J.1108) proposed for AAP consent, TD cover table:
# clauses 1-8, no annex.
@docx .meta.title | test("Requirement for in-band full-duplex in HFC based network")
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8"]
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
@pending .kind == "recommendation"
