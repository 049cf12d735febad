#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""corpus.py CORPUS-DIR FLOOR-FILE DUMP [LIAISON]

Reads every .docx of pandoc's reader tests in CORPUS-DIR and checks:

- each one reads without error: through the stream dump (DUMP), and,
  when the CLI (LIAISON) is given, through `liaison convert --format
  json` as well;
- the share of pandoc's words (NAME.accept.txt; NAME.reject.txt with
  tracked changes rejected) that our output also has, counted as a
  multiset: the stream's text and labels, and the strings of the JSON
  model. A file fails when a share is below its floor in FLOOR-FILE
  (100 for files not listed there).

Prints one line per file and check. Exit status 0 or 1.
"""
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text):
    return collections.Counter(
        WORD.findall(unicodedata.normalize("NFC", text)))


def share(ours, theirs):
    total = sum(theirs.values())
    if total == 0:
        return 100.0, []
    have = sum(min(n, ours[w]) for w, n in theirs.items())
    missing = [w for w, n in theirs.items() if ours[w] < n]
    return 100.0 * have / total, missing


def json_strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("source",):
                json_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            json_strings(v, out)
    return out


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            floors[parts[0]] = float(parts[1])
    return floors


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace").strip())


def main():
    corpus, floor_file, dump = sys.argv[1:4]
    cli = sys.argv[4] if len(sys.argv) > 4 else None
    floors = read_floors(floor_file)
    failed = 0
    checked = 0
    below = 0
    names = sorted(n[:-5] for n in os.listdir(corpus) if n.endswith(".docx"))
    for name in names:
        path = os.path.join(corpus, name + ".docx")
        for mode in ("accept", "reject"):
            ref = os.path.join(corpus, "%s.%s.txt" % (name, mode))
            if mode == "reject" and not os.path.exists(ref):
                continue
            key = name if mode == "accept" else name + ":reject"
            floor = floors.get(key, 100.0)
            outputs = []
            rc, out, err = run([dump, "-x", "-t", mode, path])
            if rc != 0:
                print("FAIL %s: stream: %s" % (key, err))
                failed += 1
                continue
            outputs.append(("stream", out))
            if cli:
                rc, out, err = run([cli, "convert", "--quiet", "--format",
                                    "json", "--track-changes", mode, path])
                if rc != 0:
                    print("FAIL %s: liaison convert: %s" % (key, err))
                    failed += 1
                    continue
                try:
                    model = json.loads(out)
                except ValueError as e:
                    print("FAIL %s: liaison convert: not JSON: %s" % (key, e))
                    failed += 1
                    continue
                outputs.append(("json", "\n".join(json_strings(model, []))))
            if not os.path.exists(ref):
                print("ok   %s: read (pandoc has no text for it)" % key)
                continue
            with open(ref, encoding="utf-8", errors="replace") as f:
                theirs = words(f.read())
            for what, text in outputs:
                checked += 1
                pct, missing = share(words(text), theirs)
                status = "ok  "
                if round(pct, 1) < floor:
                    status = "FAIL"
                    failed += 1
                elif pct < 100.0:
                    below += 1
                print("%s %s: %s %.1f%% of pandoc's words (floor %.1f)%s" % (
                    status, key, what, pct, floor,
                    "; missing: " + " ".join(missing[:10]) if missing else ""))
    print("corpus: %d files, %d shares checked, %d below 100%% (explained "
          "in %s), %d failures" % (len(names), checked, below,
                                   os.path.basename(floor_file), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
