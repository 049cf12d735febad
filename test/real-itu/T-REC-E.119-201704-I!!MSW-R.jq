# E.119 in Russian: the TOC's page header "Стр." is no entry.
(.toc | length) == 17
.toc[0] == {"number": "1", "title": "Сфера применения", "page": "1"}
[.sections[] | .number] | .[0:7] == ["1", "2", "3", "4", "5", "6", "7"]

# The history table's approval date, in this language's numeric form
# (2017-04-07, 07-04-2017, 07.04.2017 г.), is one calendar date.
any(.entities.dates[]; .iso == "2017-04-07")
all(.entities.dates[]; (.iso | split("/")) as $p | ($p | length) == 1 or $p[0] <= $p[1])
