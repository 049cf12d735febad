# G.650.1 (03/2018): a TOC over two pages, its "Page" header repeated
# on the second; appendix clauses "IV.2" numbered in the TOC.
(.toc | length) == 40
.toc[0].number == "1" and .toc[0].page == "1"
[.toc[] | select(.number == "IV.2") | .page] == ["68"]
.toc[-1] == {"number": null, "title": "Bibliography", "page": "78"}
[.sections[] | .number] == ["1", "2", "3", "4", "5", "6"]
