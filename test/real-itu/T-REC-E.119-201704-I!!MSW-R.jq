# E.119 in Russian: the TOC's page header "Стр." is no entry.
(.toc | length) == 17
.toc[0] == {"number": "1", "title": "Сфера применения", "page": "1"}
[.sections[] | .number] | .[0:7] == ["1", "2", "3", "4", "5", "6", "7"]
