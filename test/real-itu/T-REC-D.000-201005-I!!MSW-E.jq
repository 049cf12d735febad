# D.000 (05/2010): Annex A, definitions numbered "A.1" to "A.32", some
# with clauses of their own ("A.16.1").
[.annexes[] | .id] == ["A"]
.annexes[0].title == "Definitions" and .annexes[0].note == "(This annex forms an integral part of this Recommendation)"
[.annexes[0].sections[] | .number] == [range(1; 33) | "A.\(.)"]
[.annexes[0].sections[] | select(.number == "A.16") | .sections[] | .number] == ["A.16.1", "A.16.2"]
