#!/usr/bin/env python3
"""Whole-process time and peak memory of lbbv builds side by side with CPython.

Runs bench/startup/hello.py (one print) and every bench/programs/*.py as a whole process under
CPython and under each given lbbv build (`BUILD run PROGRAM`, the default engine), interleaved
round-robin for N rounds (round 1 of every program and command, then round 2, ...), so drift of
the machine affects every column alike. Each run's wall time comes from time.perf_counter around
the child, its peak RSS from GNU time (/usr/bin/time, Debian package `time`). Output must equal CPython's.
Prints, per program, the median wall time of each command and its ratio to CPython, the median
peak RSS, and the geometric mean of each ratio over the bench programs (hello apart).

Usage:
  python3 bench/startup/startup.py [--runs N] [--python PATH] [--programs a,b] NAME=LBBV ...
Example (the table in bench/README.md, "Start-up"):
  python3 bench/startup/startup.py --runs 5 old=OLD/lbbv jit=Lbbv/bin/Release/net10.0/lbbv \
      aot=Lbbv/bin/Release/net10.0/linux-x64/publish/lbbv
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(os.path.dirname(HERE), "programs")


def measure(cmd, cwd):
    """(wall seconds, peak RSS in KiB, stdout, exit status) of one run of cmd. GNU time reports
    the peak RSS (the kernel's ru_maxrss of its child); it is a small C program, so, unlike a
    fork of this Python process, its pre-exec memory does not count in the figure."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    with tempfile.NamedTemporaryFile("r") as report:
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-q", "-f", "%M", "-o", report.name] + cmd, cwd=cwd, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        wall = time.perf_counter() - t0
        return wall, int(report.read().split()[-1]), proc.stdout, proc.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--python", default=sys.executable, help="CPython (default: this interpreter's own binary)")
    ap.add_argument("--programs", help="a subset of bench/programs (names without .py)")
    ap.add_argument("builds", nargs="+", metavar="NAME=LBBV")
    args = ap.parse_args()
    builds = [b.split("=", 1) for b in args.builds]
    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py") and not f.startswith("_"))
    if args.programs:
        names = [n for n in names if n in args.programs.split(",")]
    programs = [("hello", HERE)] + [(n, PROGRAMS) for n in names]
    commands = [("cpython", [args.python])] + [(name, [os.path.abspath(path), "run"]) for name, path in builds]

    times = {(p, c): [] for p, _ in programs for c, _ in commands}
    rss = {(p, c): [] for p, _ in programs for c, _ in commands}
    expected = {}
    failed = False
    for r in range(args.runs):
        for program, cwd in programs:
            for cname, cmd in commands:
                wall, peak, out, status = measure(cmd + [program + ".py"], cwd)
                expected.setdefault(program, out)
                if status != 0 or out != expected[program]:
                    print(f"FAIL: {cname} {program}.py: status {status}, output differs: {out != expected[program]}",
                          file=sys.stderr)
                    failed = True
                times[program, cname].append(wall)
                rss[program, cname].append(peak)
        print(f"round {r + 1}/{args.runs} done", file=sys.stderr)

    header = "| program | " + " | ".join(f"{c} ms" + ("" if c == "cpython" else f" | {c}/cpy") for c, _ in commands)
    header += " | " + " | ".join(f"{c} MiB" for c, _ in commands) + " |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    ratios = {c: [] for c, _ in commands}
    for program, _ in programs:
        base = statistics.median(times[program, "cpython"])
        cells = []
        for cname, _ in commands:
            t = statistics.median(times[program, cname])
            cells.append(f"{t * 1000:.1f}")
            if cname != "cpython":
                cells.append(f"{t / base:.2f}")
                if program != "hello":
                    ratios[cname].append(t / base)
        cells += [f"{statistics.median(rss[program, c]) / 1024:.1f}" for c, _ in commands]
        print(f"| {program} | " + " | ".join(cells) + " |")
    geo = [""]  # the cpython column
    for cname, _ in commands[1:]:
        geo += ["", f"**{math.exp(sum(map(math.log, ratios[cname])) / len(ratios[cname])):.2f}**"]
    geo += [""] * len(commands)
    print("| **geometric mean (bench programs)** | " + " | ".join(geo) + " |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
