#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen-bench.py SAMPLES_DIR OUT_DIR [PARAGRAPHS] [SEED]

Writes OUT_DIR/old.txt and OUT_DIR/new.txt, two plain-text revisions of
one long document of PARAGRAPHS paragraphs (default 10 000) in numbered
sections of about 50, built from the sentences of the samples (*.txt) so
that words, lengths and punctuation are those of real ITU-T texts. The new
revision has known edits, printed on stdout as counts: paragraphs with a
few words changed (2%), inserted (0.5%), deleted (0.5%), moved to another
section (0.2%), and three sections moved. Deterministic for a seed.
"""
import glob
import os
import random
import re
import sys


def sentences(samples_dir):
    out = []
    for path in sorted(glob.glob(os.path.join(samples_dir, "*.txt"))):
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                # Markers, tabs (table cells) and leading bullets or
                # numbers would make lists and tables of the paragraphs.
                line = re.sub(r"\[[^\]]*\]", "", line).replace("\t", " ")
                line = re.sub(r"^[^A-Za-z]+", "", line).strip()
                for s in re.split(r"(?<=[.;:])\s+", line):
                    if len(s.split()) >= 6:
                        out.append(s)
    if not out:
        sys.exit("gen-bench: no sentences in %s/*.txt" % samples_dir)
    return out


def main():
    samples_dir, out_dir = sys.argv[1], sys.argv[2]
    total = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    pool = sentences(samples_dir)
    words = sorted({w for s in pool for w in s.split()})
    per = 50
    sections = []
    for k in range(0, total, per):
        paras = []
        for i in range(k, min(total, k + per)):
            # Two to four sentences, and a serial so paragraphs differ.
            text = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            paras.append("%s (ref. %d)" % (text, i + 1))
        title = " ".join(rng.choice(words) for _ in range(3)).strip(".,;:")
        sections.append([title, paras])
    old = [[t, list(p)] for t, p in sections]
    counts = {"edited": 0, "inserted": 0, "deleted": 0, "moved": 0}
    new = [[t, list(p)] for t, p in sections]
    for sec in new:
        paras = []
        for p in sec[1]:
            r = rng.random()
            if r < 0.02:
                w = p.split(" ")
                for _ in range(rng.randint(1, 3)):
                    w[rng.randrange(len(w))] = rng.choice(words)
                paras.append(" ".join(w))
                counts["edited"] += 1
            elif r < 0.025:
                counts["deleted"] += 1
            elif r < 0.03:
                paras.append(p)
                paras.append("%s (new)" % " ".join(
                    rng.choice(pool) for _ in range(2)))
                counts["inserted"] += 1
            else:
                paras.append(p)
        sec[1] = paras
    for _ in range(int(total * 0.002)):
        a, b = rng.randrange(len(new)), rng.randrange(len(new))
        if a != b and len(new[a][1]) > 1:
            p = new[a][1].pop(rng.randrange(len(new[a][1])))
            new[b][1].insert(rng.randrange(len(new[b][1]) + 1), p)
            counts["moved"] += 1
    for _ in range(3):
        if len(new) > 2:
            s = new.pop(rng.randrange(len(new)))
            new.insert(rng.randrange(len(new) + 1), s)
    counts["sections moved"] = 3

    def write(path, secs):
        with open(path, "w", encoding="utf-8") as f:
            f.write("Progress report of the benchmark group\n\n")
            for n, (title, paras) in enumerate(secs, 1):
                f.write("%d\t%s\n" % (n, title.capitalize()))
                for p in paras:
                    f.write(p + "\n")
                f.write("\n")

    write(os.path.join(out_dir, "old.txt"), old)
    write(os.path.join(out_dir, "new.txt"), new)
    print(" ".join("%s=%d" % kv for kv in counts.items()))


if __name__ == "__main__":
    main()
