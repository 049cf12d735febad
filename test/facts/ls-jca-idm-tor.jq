# SG17's LS with the revised ToR of JCA-IdM in Annex 1.
.kind == "liaison-statement"
[.sections[] | .title] == ["Introduction", "JCA-IdM", "JCA-COP"]
.annexes | length == 1
.annexes[0].id == "1"
.annexes[0].title == "Revised terms of reference for Joint Coordination Activity on Identity Management (JCA-IdM)"
.annexes[0].kind == "terms-of-reference"
.annexes[0].terms_of_reference.group == "JCA-IdM"
.annexes[0].terms_of_reference.name == "Joint Coordination Activity on Identity Management"
[.annexes[0].sections[] | .number] == ["1", "2", "3", "4", "5", "6", "7", "8"]
[.annexes[0].sections[] | .role] == ["scope", "objectives", "administrative-support", "meetings", "progress-reports", "leadership", "contacts", "lifetime"]
[.annexes[0].terms_of_reference.people[] | .name] == ["Abbie Barbir", "Hiroshi Takechi", "Keundug Park", "Heung Youl Youm"]
[.annexes[0].terms_of_reference.people[] | .role] | unique == ["Co-chairman"]
.annexes[0].sections[1].blocks[0].items | length == 5
.entities.recommendations == ["A.1", "X.1252"]
.entities.emails == ["tsbidm@itu.int"]
