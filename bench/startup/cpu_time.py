#!/usr/bin/env python3
"""CPU time (user + system, from the child's rusage) of whole `lbbv run --jit ENGINE PROGRAM`
processes of several builds, interleaved round-robin (round 1 of every program and build, then
round 2, ...). On a loaded shared machine CPU time drifts much less than wall time; for Native AOT
builds (about 3 ms of start-up) it is the steady state. Prints per program the median of each build
and its ratio to the first build, and the geometric mean of the ratios. With --steady K, each
measurement is the CPU time of `run --repeat K` minus that of `run --repeat 1`, divided by K - 1: the
steady state of one run in a process, without start-up (for builds on the .NET JIT, whose start-up
and compilation cost hundreds of ms of CPU).

Usage: python3 bench/startup/cpu_time.py [--runs N] [--engine off] [--steady K] PROGRAM.py... -- NAME=LBBV ...
"""
import math
import os
import statistics
import subprocess
import sys


def cpu_seconds(cmd):
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(cmd)}: exit status {status}")
    return usage.ru_utime + usage.ru_stime


def main(argv):
    runs, engine, steady = 5, "off", 0
    while argv and argv[0].startswith("--") and argv[0] != "--":
        opt, value = argv[0], argv[1]
        argv = argv[2:]
        if opt == "--runs": runs = int(value)
        elif opt == "--engine": engine = value
        elif opt == "--steady": steady = int(value)
        else: sys.exit(f"unknown option {opt}")
    split = argv.index("--")
    programs, builds = argv[:split], [b.split("=", 1) for b in argv[split + 1:]]
    times = {(p, n): [] for p in programs for n, _ in builds}
    for _ in range(runs):
        for p in programs:
            for n, lbbv in builds:
                cmd = [lbbv, "run", "--jit", engine]
                if steady < 2:
                    times[p, n].append(cpu_seconds(cmd + [p]))
                    continue
                many = cpu_seconds(cmd + ["--repeat", str(steady), p])
                times[p, n].append((many - cpu_seconds(cmd + [p])) / (steady - 1))
    names = [n for n, _ in builds]
    print(f"| program ({engine}) | " + " | ".join(f"{n} s" for n in names) + " |")
    print("|---" + "|---:" * len(names) + "|")
    ratios = {n: [] for n in names[1:]}
    for p in programs:
        base = statistics.median(times[p, names[0]])
        cells = [f"{base:.3f}"]
        for n in names[1:]:
            t = statistics.median(times[p, n])
            ratios[n].append(t / base)
            cells.append(f"{t:.3f} ({t / base:.2f})")
        print(f"| {os.path.basename(p)[:-3]} | " + " | ".join(cells) + " |")
    geo = [math.exp(sum(map(math.log, ratios[n])) / len(ratios[n])) for n in names[1:]]
    print("| **geometric mean of the ratios** |  | " + " | ".join(f"**{g:.2f}**" for g in geo) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
