# Implementers' Guide for G.729 (10/2017), sent for approval with the
# TD cover table: clauses 1-6, then the defect report form.
@docx .meta.title | test("Implementers' Guide for G.729")
@docx [.sections[] | .number] | .[0:6] == ["1", "2", "3", "4", "5", "6"]
@docx [.sections[] | .title] | .[0:3] == ["Scope", "Introduction", "Defect resolution procedure"]
# Pending (text.c): pandoc draws the cover table with dashes, and its
# cells' lines are read as paragraphs and clauses.
@pending @plain [.sections[] | .number] | .[0:6] == ["1", "2", "3", "4", "5", "6"]
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
@pending .kind == "implementers-guide"
# Pending (h-cover): the TD cover's purpose label stays out of the title.
@pending @docx .meta.title | startswith("Implementers' Guide")
