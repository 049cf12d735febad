#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""word-share.py OURS.txt THEIRS.txt: the share of THEIRS's words that
OURS also has, as a multiset (each word counts as often as it occurs).
Words are runs of letters and digits, compared case-sensitively after
NFC normalization. Prints the share as a percentage with one decimal
and the words missing from OURS (at most 12), tab-separated."""
import collections
import re
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = unicodedata.normalize("NFC", f.read())
    return collections.Counter(WORD.findall(text))


def main():
    ours, theirs = words(sys.argv[1]), words(sys.argv[2])
    total = sum(theirs.values())
    if total == 0:
        print("100.0\t")
        return
    have = sum(min(n, ours[w]) for w, n in theirs.items())
    missing = [w for w, n in theirs.items() if ours[w] < n][:12]
    print("%.1f\t%s" % (100.0 * have / total, " ".join(missing)))


if __name__ == "__main__":
    main()
