#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""scale.py LIAISON TMPDIR [SHAPE[=N]...]: time and memory grow at most
linearly with the repeats of each shape of test/amplify.py.

For each shape, liaison reads the shape's document at 10 repeats (the
base: start-up), at N and at 10 N. What the runs take above the base
must grow by at most FACTOR (25) from N to 10 N, for CPU time (user +
system, the child's own from wait4) and for peak resident memory: 10
is linear, a quadratic scan or copy makes 100. No wall-clock threshold:
only the ratio of two runs on the same machine counts. Each figure is
the least of two runs (one at 10 N), to damp the load of a shared
machine, and a shape over the factor is measured once more. A growth
smaller than FLOOR_S of CPU or FLOOR_KB of memory at N is raised to the
floor, so that a shape cheap enough to hide in the noise passes. The
shapes in PER_BYTE also have a bound on the memory one input byte
costs at 10 N, so that a constant cut once stays cut.

Every run is limited (RLIMIT_AS, RLIMIT_CPU): an amplification fails
fast rather than taking the machine. A run must exit 0 (diff: 0 or 1)
or 1 with a limit error ("raise with --limit"): a shape stopped by a
named limit is bounded.

Without SHAPE arguments the shapes in CHECKED are run at their N.
`scale.py LIAISON TMPDIR --table SHAPE N...` prints CPU seconds and peak
RSS at each N (for BENCHMARKS.md) and checks nothing.
"""
import os
import resource
import shlex
import subprocess
import sys

import amplify

RUSAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                      "bench", "rusage.py")

FACTOR = 25.0
FLOOR_S = 0.03
FLOOR_KB = 8192
AS_LIMIT = 3 << 30     # bytes of address space per run
CPU_LIMIT = 20         # seconds of CPU per run

# The shapes make check runs, with N: linear, the run at 10 N takes a
# tenth to a half of a second of CPU; a quadratic one takes seconds.
CHECKED = {
    "text-num-colon": 20000,
    "text-bookmark": 10000,
    "text-bookmark-closed": 5000,
    "text-notes-reverse": 3000,
    "text-notes-line": 3000,
    "text-tabs": 10000,
    "text-tab-rows": 3000,
    "text-tab-tables": 3000,
    "text-list": 10000,
    "text-list-items": 5000,
    "text-long-line": 20000,
    "text-brackets": 20000,
    "text-toc-titles": 2000,
    "text-toc-unnumbered": 2000,
    "text-toc-agrees": 2000,
    "text-late-first": 2000,
    "text-toc-joined": 2000,
    "text-cover-glued-blanks": 20000,
    "diff-text": 2000,
    "docx-fields-unclosed": 2000,
    "docx-footnotes": 2000,
    "docx-missing-notes": 2000,
    "docx-num": 2000,
    "docx-hyperlinks": 2000,
    "docx-fields-nested": 5000,
    "docx-big-style": 1000,
    "docx-big-bookmark": 1000,
    "docx-big-field-link": 1000,
    "docx-big-lvltext": 1000,
    "docx-big-target": 1000,
}
# Shapes whose model grows as N squared by nature: each of N paragraphs
# repeats a text of 8 N bytes (a list label, a link target) that the
# model keeps in each. The model-bytes limit bounds them; they are run
# under a small one, so that 10 N stops at it with the limit's error.
BOUNDED = {
    "docx-big-lvltext": ["--limit", "model-bytes=32M"],
    "docx-big-target": ["--limit", "model-bytes=32M"],
}
# Peak memory above the base's per byte of input above the base's, at
# 10 N: bytes of memory a byte of such a text costs. A growth ratio
# cannot see a constant come back; this bound can, and memory, unlike
# time, does not go with the machine's load. Set about 1.4 times the
# figure after the constant was cut, under the figure before.
PER_BYTE = {
    "text-tab-tables": 250,     # 367 before the cut, 179 after
}
# Shapes not yet linear, left out of make check until they are: name
# them on the command line to measure them.
NOT_YET = {
}


def limits():
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_once(liaison, kind, files, tmp, extra=()):
    """Runs liaison on files; returns (cpu_s, maxrss_kb, ok, message).

    Through bench/rusage.py, a fresh small process: a child forked from
    this one would start its peak RSS at ours (the kernel carries it over
    exec), which grows with the documents generated."""
    if kind == "diff":
        argv = [liaison, "diff"] + files
        good = (0, 1)
    else:
        argv = [liaison, "convert"] + list(extra) + files
        good = (0,)
    out = os.path.join(tmp, "rusage.out")
    with open(os.devnull, "wb") as null:
        proc = subprocess.run(
            [sys.executable, RUSAGE, out,
             "exec " + " ".join(shlex.quote(a) for a in argv)],
            stdout=null, stderr=subprocess.PIPE, preexec_fn=limits,
            check=False)
    err = proc.stderr.decode("utf-8", "replace").strip()
    code = proc.returncode
    try:
        with open(out, encoding="ascii") as f:
            _, user, system, rss = f.read().split()
        os.unlink(out)
    except (OSError, ValueError):
        user, system, rss = CPU_LIMIT, 0, 0
    line = err.splitlines()[-1] if err else ""
    ok = code in good or (code == 1 and "raise with --limit" in err)
    if code > 128:
        code -= 256     # rusage.py exits with -SIGNAL
    if code < 0:
        line = "killed by signal %d%s %s" % (
            -code, " (over the CPU limit?)" if -code in (9, 24) else "",
            line)
    return float(user) + float(system), int(rss), ok, \
        "exit %d: %s" % (code, line)


def measure(liaison, tmp, name, n, runs=2):
    kind = amplify.SHAPES[name][0]
    files = amplify.generate(name, n, os.path.join(tmp, "%s-%d" % (name, n)))
    size = sum(os.path.getsize(f) for f in files)
    best_cpu, best_rss = None, None
    try:
        for _ in range(runs):
            cpu, rss, ok, msg = run_once(liaison, kind, files, tmp,
                                         BOUNDED.get(name, ()))
            if not ok:
                return size, cpu, rss, msg
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
            best_rss = rss if best_rss is None else min(best_rss, rss)
    finally:
        for f in files:
            os.unlink(f)
    return size, best_cpu, best_rss, None


def growth(liaison, tmp, name, n):
    """Measures shape `name` at 10, n and 10 n; returns (message, None)
    when a run failed, else (figures line, (cpu ratio, memory ratio))."""
    figures = []
    for k, runs in ((10, 2), (n, 2), (10 * n, 1)):
        size, cpu, rss, msg = measure(liaison, tmp, name, k, runs)
        if msg is not None:
            return "%s at N=%d: %s" % (name, k, msg), None
        figures.append((size, cpu, rss))
    (s0, c0, r0), (s1, c1, r1), (s2, c2, r2) = figures
    cpu_ratio = max(c2 - c0, 0) / max(c1 - c0, FLOOR_S)
    rss_ratio = max(r2 - r0, 0) / max(r1 - r0, FLOOR_KB)
    per_byte = max(r2 - r0, 0) * 1024.0 / max(s2 - s0, 1)
    return ("%s: N=%d %d bytes %.3f s %d kB; 10N %d bytes %.3f s %d kB; "
            "growth x%.1f cpu, x%.1f memory, %.0f bytes a byte "
            "(base %.3f s %d kB)"
            % (name, n, s1, c1, r1, s2, c2, r2, cpu_ratio, rss_ratio,
               per_byte, c0, r0), (cpu_ratio, rss_ratio, per_byte))


def check(liaison, tmp, name, n):
    """Returns True when shape `name` grows at most linearly from n to 10
    n. A shape over the factor is measured again (the load of a shared
    machine comes and goes); it fails when it is over both times."""
    for attempt in (1, 2):
        line, ratios = growth(liaison, tmp, name, n)
        if ratios is None:
            print("FAIL: " + line)
            return False
        cpu_ratio, rss_ratio, per_byte = ratios
        if per_byte > PER_BYTE.get(name, per_byte):
            print("FAIL: %s; over %d bytes a byte" % (line, PER_BYTE[name]))
            return False
        if max(cpu_ratio, rss_ratio) <= FACTOR:
            print("ok   " + line)
            return True
        # far over the factor is no passing load: no second measure
        again = attempt == 1 and max(cpu_ratio, rss_ratio) <= 2 * FACTOR
        print("%s %s" % ("again" if again else "FAIL:", line))
        if not again:
            break
    return False


def table(liaison, tmp, name, ns):
    for n in ns:
        size, cpu, rss, msg = measure(liaison, tmp, name, n, runs=1)
        print("%-22s N=%-7d %10d bytes %8.3f s %9.1f MB%s"
              % (name, n, size, cpu, rss / 1024.0,
                 "  " + msg if msg else ""))
        sys.stdout.flush()


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    liaison, tmp = argv[1], argv[2]
    if len(argv) > 3 and argv[3] == "--table":
        table(liaison, tmp, argv[4], [int(a) for a in argv[5:]])
        return 0
    todo = CHECKED
    if len(argv) > 3:
        todo = {}
        for arg in argv[3:]:
            name, _, n = arg.partition("=")
            todo[name] = int(n) if n else CHECKED.get(
                name, NOT_YET.get(name, 1000))
    failed = 0
    for name, n in todo.items():
        if not check(liaison, tmp, name, n):
            failed += 1
        sys.stdout.flush()
    print("%d passed, %d failed" % (len(todo) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
