# ITU-T's skeleton for Recommendations: its cover table is empty, with
# placeholders ("<Name>", "<Organization>", "<Country>") and "Tel:",
# "Fax:", "Email:" stacked in one cell by soft line breaks: no Question,
# no contact. (pandoc's plain text lays the table out in columns that
# the text reader does not read as a table yet.)
@docx .meta.questions == [] and .meta.contacts == [] and .meta.meeting == null
