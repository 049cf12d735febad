# SG20's LS with the draft ToR of CG-IoTSec in Annex A.
.kind == "liaison-statement"
.abstract[0].text | startswith("This liaison statement contains the ToR")
.sections == []
.body | length == 7
# pandoc writes its own bookmark names.
@text @python-docx [.body[] | .anchors[]] == ["_Hlk187946413"]
.annexes | length == 1
.annexes[0].id == "A"
.annexes[0].kind == "terms-of-reference"
.annexes[0].terms_of_reference.group == "CG-IoTSec"
.annexes[0].terms_of_reference.name == "Correspondence Group on Internet of Things Security"
.annexes[0].terms_of_reference.mailing_lists == ["t25cg-iotsec@lists.itu.int"]
.annexes[0].terms_of_reference.people == []
[.annexes[0].sections[] | [.number, .title, .role]] == [["1", "Scope and objectives", "scope-and-objectives"], ["2", "Work methods", "work-methods"]]
.annexes[0].sections[1].blocks[0].items | length == 7
@text @python-docx .annexes[0].sections[1].blocks[0].items[4].anchors == ["_Hlk188452165"]
# The DOCX keeps the cover sheet the text export lost: its Source,
# ITU-T Study Group 20, is the first mention.
@text .entities.study_groups == ["SG17", "SG20", "WP3/20"]
@docx .entities.study_groups == ["SG20", "SG17", "WP3/20"]
@docx .meta.source == "ITU-T Study Group 20"
@docx .meta.for_action == ["ITU-T Study Group 17"]
@docx .meta.contacts == []
.entities.dates == [{"text": "16 January 2025", "iso": "2025-01-16"}]
