# Implementers' Guide for G.729 (10/2017), sent for approval with the
# TD cover table: clauses 1-6, then the defect report form.
# pandoc's plain text drops Word's heading numbers: the clauses are the
# lines its TOC (a one-cell grid) names, with the TOC's numbers.
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", null]
[.sections[] | .title] | .[0:3] == ["Scope", "Introduction", "Defect resolution procedure"]
[.sections[5].sections[] | .number] == ["6.1"]
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
[.sections[].number | select(. != null)] | length == (unique | length)
@words
.kind == "implementers-guide"
# G.Imp729 (10/2017): its TOC field sits in a one-cell table under
# "Table of Contents"; its eight entries are the TOC, not table text.
# pandoc's plain text draws that table as a grid, the entries apart by
# blank lines in the cell.
(.toc | length) == 8
.toc[6] == {"number": "6.1", "title": "Problem to be resolved", "page": "2"}
.toc[-1] == {"number": null, "title": "Annex: G.729 Defect Report Form", "page": "4"}
[.. | objects | select(.type? == "table") | .. | strings | select(test("Problem to be resolved"))] == []
# T-REC-G.Imp729-201710-I!!MSW-E: facts of the real ITU document (test/real-itu.sh).

# Its title page (titlepage.c, kinds/): kind, number, edition, title and
# language (it has no History table to name its group).
.kind == "implementers-guide"
.meta.number == "G.Imp729"
.meta.edition == "10/2017"
.meta.title == "Implementers' guide for ITU-T Rec. G.729 (2012)"
.meta.language == "en"

# Its contact table under "Contact information": a row a contact, the
# role (the Question's rapporteur) first, then name, organization and
# country, then Tel and E-mail. pandoc's plain text joins the name
# cell's lines (see test/renderings/losses).
@docx .meta.contacts == [{"name": "Paul Coverdale", "organization": "Huawei Technologies", "country": "China", "email": "coverdale@sympatico.ca", "phone": "+1 613 820 6643", "fax": null}]
@plain [.meta.contacts[] | [.email, .phone]] == [["coverdale@sympatico.ca", "+1 613 820 6643"]]
