# SG20's LS with the draft ToR of CG-IoTSec in Annex A.
.kind == "liaison-statement"
.abstract[0].text | startswith("This liaison statement contains the ToR")
.sections == []
.body | length == 7
[.body[] | .anchors[]] == ["_Hlk187946413"]
.annexes | length == 1
.annexes[0].id == "A"
.annexes[0].kind == "terms-of-reference"
.annexes[0].terms_of_reference.group == "CG-IoTSec"
.annexes[0].terms_of_reference.name == "Correspondence Group on Internet of Things Security"
.annexes[0].terms_of_reference.mailing_lists == ["t25cg-iotsec@lists.itu.int"]
.annexes[0].terms_of_reference.people == []
[.annexes[0].sections[] | [.number, .title, .role]] == [["1", "Scope and objectives", "scope-and-objectives"], ["2", "Work methods", "work-methods"]]
.annexes[0].sections[1].blocks[0].items | length == 7
.annexes[0].sections[1].blocks[0].items[4].anchors == ["_Hlk188452165"]
.entities.study_groups == ["SG17", "SG20", "WP3/20"]
.entities.dates == [{"text": "16 January 2025", "iso": "2025-01-16"}]
