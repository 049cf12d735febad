# The approved standalone ToR of JCG-IoTSec (TSAG-R1 Annex E).
.kind == "terms-of-reference"
.meta.title == "Terms of Reference of the new ITU-T Joint Correspondence Group on IoT Security (JCG-IoTSec)"
.terms_of_reference.group == "JCG-IoTSec"
.terms_of_reference.name == "Joint Correspondence Group on IoT Security"
.terms_of_reference.people == [{"name": "Bret Jordan", "role": "Co-Convenor"}, {"name": "Ramy Ahmed Fathy", "role": "Co-Convenor"}]
.terms_of_reference.mailing_lists == ["jcgiotsec@lists.itu.int"]
[.terms_of_reference.sections[] | [.title, .role]] == [["Scope and objectives", "scope-and-objectives"], ["Work methods", "work-methods"]]
.sections[0].blocks[3].type == "list"
.sections[0].blocks[3].items | length == 4
.sections[1].blocks[0].items | length == 10
.body[0].text == "(TSAG-R1 ANNEX E; GENEVA, 2025-05-30)"
.annexes == []
.entities.study_groups == ["SG17", "SG20", "WP2/17", "WP3/20"]
.entities.dates[1] == {"text": "15 – 24 October 2024", "iso": "2024-10-15/2024-10-24"}
