#!/usr/bin/env python3
"""Table of bench/no_slower.sh's runs: instructions of the old and the new build per program and
engine, new / old, and the same ratio with each build's start-up taken off (the instructions of a
short script of that build and engine: bench/startup/float_loop.py, which compiles a loop under both
JITs, or hello.py under the interpreter), so that a start-up that got cheaper does not hide a run
that got slower. A run whose exit status or output differs between the builds is marked.

    python3 bench/no_slower.py OUT/runs.txt [OUT/more_runs.txt ...]
"""
import sys

runs = {}
for path in sys.argv[1:]:
    for line in open(path):
        f = line.split()
        if len(f) == 6:
            runs[(f[0], f[1], f[2])] = (int(f[3]), int(f[4]), f[5])

programs = sorted({p for (p, _, _) in runs if p not in ("hello", "float_loop")})
engines = [e for e in ("lbbv", "trace", "off") if any(k[1] == e for k in runs)]


def startup(engine, build):
    key = ("float_loop" if engine != "off" else "hello", engine, build)
    if key not in runs:
        key = ("hello", engine, build)
    return runs.get(key, (0, 0, ""))[0]


print("| program | engine | old (302e057) | new | new / old | without start-up |")
print("|---|---|---:|---:|---:|---:|")
for engine in engines:
    for p in programs:
        old, new = runs.get((p, engine, "old")), runs.get((p, engine, "new"))
        if not old or not new:
            continue
        if old[1] != 0 or old[2] != new[2] or new[1] != 0:
            note = "old build fails (exit %d)" % old[1] if old[1] != 0 else "outputs differ"
            print("| %s | %s | %s | %.1fM | | %s |" % (p, engine, "-", new[0] / 1e6, note))
            continue
        so, sn = startup(engine, "old"), startup(engine, "new")
        ratio = new[0] / old[0]
        steady = (new[0] - sn) / (old[0] - so) if old[0] > so and new[0] > sn else float("nan")
        mark = " **slower**" if steady > 1.005 else ""
        print("| %s | %s | %.1fM | %.1fM | %.3f | %.3f%s |" % (p, engine, old[0] / 1e6, new[0] / 1e6,
                                                             ratio, steady, mark))
