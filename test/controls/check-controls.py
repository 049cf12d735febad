#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-controls.py [--sgr] FILE TEXT...

FILE (an output of liaison) must hold no control character that is not
text (C0 but tab and newline, DEL, C1), and must show each TEXT (the
words a hidden line tried to hide). With --sgr the colour escapes
(ESC [ ... m) the text diff writes itself are allowed.
"""
import re
import sys

args = sys.argv[1:]
sgr = args[:1] == ["--sgr"]
if sgr:
    args = args[1:]
path, texts = args[0], args[1:]
data = open(path, "rb").read().decode("utf-8")
if sgr:
    data = re.sub("\x1b\\[[0-9;]*m", "", data)
bad = sorted(set(re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f]", data)))
problems = ["control character U+%04X written raw" % ord(c) for c in bad]
problems += ["%r is not shown" % t for t in texts if t not in data]
for p in problems:
    print("%s: %s" % (path, p))
sys.exit(1 if problems else 0)
