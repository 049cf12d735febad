# The history table's approval date, in this language's numeric form
# (2017-04-07, 07-04-2017, 07.04.2017 г.), is one calendar date.
any(.entities.dates[]; .iso == "2017-04-07")
all(.entities.dates[]; (.iso | split("/")) as $p | ($p | length) == 1 or $p[0] <= $p[1])
