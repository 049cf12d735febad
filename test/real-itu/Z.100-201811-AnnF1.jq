# Rec. ITU-T Z.100 Annex F1 (11/2018), an annex published on its own:
# its clauses are numbered F1.1, F1.2, F1.3.
@docx .meta.title | test("SDL-2010 formal definition: General overview")
(.toc | length) == 3
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@pending @words
@pending .kind == "recommendation"
@pending .meta.edition == "11/2018"
@pending [.sections[] | .number] == ["F1.1", "F1.2", "F1.3"]
