# The covering note's "Subject:" line is its title (pandoc's plain text
# wraps the line, and the text reader reads the lines apart).
@docx .meta.title == "Erratum (03/2017) to Recommendation ITU-T T.832 (08/2016), Information technology - JPEG XR image coding system - Image coding specification"
