# Rec. ITU-T T.832 Erratum 1: a covering note (TSB's, with its own
# header table), then the correction.
.annexes == []
[.. | objects | select(has("level")) | .title | select(test("PAGEREF|_Toc[0-9]|\\t[0-9]+$"))] == []
@words
# Pending (h-kinds): the covering note gives the number and title; its
# "Question(s):" label is no title.
.meta.number == "T.832 Err.1"
@docx .meta.title != "Question(s):"
(.meta.title // "") | test("JPEG XR")
# The covering note's "Subject:" line is its title (in pandoc's plain
# text too, its wrapped lines joined again).
.meta.title == "Erratum (03/2017) to Recommendation ITU-T T.832 (08/2016), Information technology - JPEG XR image coding system - Image coding specification"

# Its covering note's subject (kinds/recommendation.c, read from the
# cover's title): an erratum to a Recommendation, numbered Err.1 (ITU
# numbers errata from 1; the note of an only erratum says no number),
# dated by the erratum.
.kind == "recommendation"
.meta.number == "T.832 Err.1"
.meta.edition == "03/2017"
.meta.language == "en"
