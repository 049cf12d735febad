# ITU-T's skeleton of a draft Recommendation in a TD (the template):
# the TD cover table with placeholders, clauses 1-6, an Annex A and an
# Appendix I with placeholder titles, no table of contents; its
# Bibliography, after Appendix I, an unnumbered section.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", null]
[.sections[] | .title] | .[0:5] == ["Scope", "References", "Definitions", "Abbreviations and acronyms", "Conventions"]
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
(.toc // []) == []
# The cover label "Meeting, date:" stands mid-row in pandoc's table
# layout, a cell after a run of spaces: a label all the same.
@words
# Pending (h-parts): its "Annex A" and "Appendix I" placeholders are
# parts of their own.
@plain [.annexes[] | .id] == ["A"]
@docx [.annexes[] | .id] == ["A"]
[.appendices[] | .id] == ["I"]
# ITU-T's skeleton for Recommendations: its cover table is empty, with
# placeholders ("<Name>", "<Organization>", "<Country>") and "Tel:",
# "Fax:", "Email:" stacked in one cell by soft line breaks: no Question,
# no contact. (pandoc's plain text lays the table out in columns that
# the text reader does not read as a table yet.)
@docx .meta.questions == [] and .meta.contacts == [] and .meta.meeting == null
# The template skeleton: Annex A and Appendix I headed in the template's
# styles, their placeholder titles and notes apart.
[.annexes[] | {id, title, note}] == [{"id": "A", "title": "<Annex Title>", "note": "(This annex forms an integral part of this Recommendation.)"}]
[.appendices[] | {id, title, note}] == [{"id": "I", "title": "<Appendix Title>", "note": "(This appendix does not form an integral part of this Recommendation.)"}]
