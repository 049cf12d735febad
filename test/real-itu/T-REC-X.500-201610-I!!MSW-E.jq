# X.500 (10/2016): fourteen clauses, Annexes A and B, 41 TOC entries.
(.toc | length) == 41
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
[.annexes[] | .id] == ["A", "B"]
.toc[-1] == {"number": "Annex B", "title": "Amendments and corrigenda", "page": "23"}
