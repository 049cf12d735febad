# SG17's LS to TSAG with three Question texts in Annexes A, B, C.
.kind == "liaison-statement"
[.annexes[].id] == ["A", "B", "C"]
[.annexes[].kind] == ["question", "question", "question"]
.abstract | length == 1
.abstract[0].text | startswith("This liaison statement informs TSAG")
.body | length == 2
# Annex A: Q10/17, 31 study items numbered 1-31, 15 tasks.
.annexes[0].question.id == "10/17"
.annexes[0].question.title == "Management of digital identity, security and services"
.annexes[0].question.status == "(Continuation of Q10/17 after consolidation with Q3/17)"
[.annexes[0].question.study_items[].number] == [range(1; 32)]
.annexes[0].question.study_items[30].text | startswith("What should be interoperable protocols")
[.annexes[0].question.tasks[].number] == [range(1; 16)]
.annexes[0].question.tasks[0].addresses == [1, 2, 7, 8, 9, 10, 11]
.annexes[0].question.tasks[1].addresses == [3, 5]
.annexes[0].question.tasks[9].addresses == [27, 28, 29, 30, 31]
.annexes[0].question.tasks[14].addresses == [18, 19, 21]
.annexes[0].question.relationships.sdgs == ["8", "9"]
.annexes[0].question.relationships.wsis_action_lines == ["C5"]
.annexes[0].question.relationships.recommendations | index("X.509") != null
.annexes[0].question.relationships.study_groups | length == 8
.annexes[0].question.responsible_for[0] == "X.1080.0"
.annexes[0].question.responsible_for | index("E.409 (in conjunction with SG2)") != null
.annexes[0].question.under_development[0] == "X.1250rev"
[.annexes[0].sections[].role] == ["motivation", "study-items", "tasks", "relationships"]
# pandoc writes its own bookmark names.
@text @python-docx [.annexes[0].sections[].anchors[]] == ["_Toc177486865", "_Toc177486867", "_Toc177486868"]
@text @python-docx .annexes[0].anchors == ["_Toc177486864", "_Toc184023946"]
# Annex B: Q16/17, 13 study items (item 9 was glued onto item 8 in the
# export) and 13 tasks, each addressing its "(qN)".
.annexes[1].question.id == "16/17"
.annexes[1].question.status == null
[.annexes[1].question.study_items[].number] == [range(1; 14)]
.annexes[1].question.study_items[7].text | endswith("data sources?")
.annexes[1].question.study_items[8].text | startswith("How can AI/ML technologies be securely applied")
[.annexes[1].question.tasks[].addresses] == [range(1; 14) | [.]]
.annexes[1].question.relationships.sdgs == ["3", "4", "5", "8", "9", "11"]
.annexes[1].question.relationships.standardization_bodies | length == 13
# Annex C: Q7/17, 7 study items, 9 tasks, one of them unnumbered.
.annexes[2].question.id == "7/17"
[.annexes[2].question.study_items[].number] == [range(1; 8)]
[.annexes[2].question.tasks[].number] == [1, 2, 3, 4, 5, 6, null, 7, 8]
.annexes[2].question.tasks[6].text == "Study and develop security of application-oriented software supply chain."
# Footnote 1 in Q10/17's motivation, referenced from its paragraph.
.footnotes | length == 1
.footnotes[0].id == "1"
.footnotes[0].blocks[0].text | startswith("The standardization of the Digital identity itself")
[.annexes[0].sections[0].blocks[] | select(.notes? == ["1"])] | length == 1
# No marker survives as text.
[.. | strings | select(test("\\[bookmark:|\\[footnoteRef:"))] == []
# The DOCX cover sheet lists the Questions first.
@text .entities.questions == ["Q3/17", "Q10/17", "Q16/17", "Q7/17"]
@docx .entities.questions == ["Q3/17", "Q7/17", "Q10/17", "Q16/17"]
@docx .meta.questions == ["3/17", "7/17", "10/17", "16/17"]
.entities.dates[0] == {"text": "3-11 December 2025", "iso": "2025-12-03/2025-12-11"}
.entities.urls[0] == "https://www.itu.int/ITU-T/workprog/wp_search.aspx?sp=18&q=10/17"
.entities.urls[1] == "https://www.itu.int/ITU-T/workprog/wp_search.aspx?sp=xx&q=xx/17"
