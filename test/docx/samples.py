#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""samples.py SAMPLES-DIR DUMP: each DOCX sample in SAMPLES-DIR/docx
(NAME.docx, NAME.pandoc.docx) must say everything its plain-text
export SAMPLES-DIR/NAME.txt says: every word of the export, counted as
a multiset, is in the text and list labels the reader gives.

The export's markers are not words of the document and are removed
first: [bookmark: X], [footnoteRef:N], the "[N:" that opens a footnote
body, and the "1." the export printed for every auto-numbered item
(the DOCX has the real numbers).

The versions of one document by different writers must also show the
same list labels (auto-numbered, outside headings, bullets aside):
each writer encodes lists its own way (LibreOffice, for one, gives
some lists a numId per item), and a reader sees the same numbers.
Exit status 0 or 1."""
import collections
import os
import re
import subprocess
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text):
    return collections.Counter(
        WORD.findall(unicodedata.normalize("NFC", text)))


def export_words(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    text = re.sub(r"\[bookmark: [^\]]*\]", "", text)
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    text = re.sub(r"\[\d+:\s", "", text)
    text = re.sub(r"(?m)^1\. ", "", text)
    return words(text)


ITEM = re.compile(r'^PARA .*?label="([^"]*)"')


def item_labels(dump, path):
    """The auto-numbered labels of non-heading paragraphs, in order."""
    p = subprocess.run([dump, path], stdout=subprocess.PIPE)
    labels = []
    for line in p.stdout.decode("utf-8").split("\n"):
        m = ITEM.match(line)
        if m and " outline=" not in line and re.search(r"\w", m.group(1)):
            labels.append(m.group(1))
    return labels


def main():
    samples, dump = sys.argv[1], sys.argv[2]
    failed = 0
    count = 0
    for name in sorted(os.listdir(os.path.join(samples, "docx"))):
        if not name.endswith(".docx"):
            continue
        base = name.split(".")[0]
        export = os.path.join(samples, base + ".txt")
        if not os.path.exists(export):
            print("FAIL %s: no %s.txt next to it" % (name, base))
            failed += 1
            continue
        p = subprocess.run([dump, "-x", os.path.join(samples, "docx", name)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            print("FAIL %s: %s" % (name, p.stderr.decode().strip()))
            failed += 1
            continue
        ours = words(p.stdout.decode("utf-8"))
        theirs = export_words(export)
        missing = [w for w, n in theirs.items() if ours[w] < n]
        count += 1
        if missing:
            print("FAIL %s: words of %s.txt missing: %s" % (
                name, base, " ".join(missing[:20])))
            failed += 1
        else:
            print("ok   %s: all %d words of %s.txt" % (
                name, sum(theirs.values()), base))
    versions = {}
    for name in sorted(os.listdir(os.path.join(samples, "docx"))):
        if name.endswith(".docx"):
            versions.setdefault(name.split(".")[0], []).append(name)
    for base, names in sorted(versions.items()):
        seqs = [(n, item_labels(dump, os.path.join(samples, "docx", n)))
                for n in names]
        first_name, first = seqs[0]
        for n, seq in seqs[1:]:
            if seq != first:
                i = next((k for k in range(min(len(seq), len(first)))
                          if seq[k] != first[k]), min(len(seq), len(first)))
                print("FAIL %s: list labels differ from %s at item %d "
                      "(%s against %s)" % (n, first_name, i + 1,
                                           seq[i:i + 3], first[i:i + 3]))
                failed += 1
        print("ok   %s: %d list labels alike in %d versions" % (
            base, len(first), len(seqs)) if all(
                s == first for _, s in seqs) else
              "     %s: list labels checked" % base)
    print("samples: %d DOCX samples, %d failures" % (count, failed))
    return 1 if failed or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
