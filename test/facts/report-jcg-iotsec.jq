# JCG-IoTSec's progress report to TSAG: sections 1-4 with 3.1 and 3.2.
.kind == "report"
.abstract[0].text | startswith("This document contains the progress report")
.actions_requested[0].items[0].text == "TSAG is requested to take note of the activities and updates of JCG-IoTSec."
[.sections[] | .number] == ["1", "2", "3", "4"]
[.sections[] | .title] == ["Introduction", "Meetings Held", "Key Discussions", "Planned Next Steps"]
[.sections[2].sections[] | [.number, .title, .level]] == [["3.1", "Scope and Objectives", 2], ["3.2", "Deliverables and Work Plan", 2]]
.sections[1].blocks[1].items | length == 2
.sections[3].blocks[2].items | length == 4
.entities.questions == ["Q6/17", "Q6/20"]
.entities.dates[0] == {"text": "15 – 24 October 2024", "iso": "2024-10-15/2024-10-24"}
[.entities.dates[].iso] | index("2025-09-17") != null
