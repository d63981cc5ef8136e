#!/usr/bin/env python3
"""Whole `lbbv run --jit ENGINE PROGRAM` processes of several builds, alternated run by run (the
order reversed every other round, after three warm-up rounds), for short scripts where start-up is
most of the time. Prints per build the median wall time, the fastest wall time, the median CPU time
(user + system from the child's rusage) and the median number of page faults, each with its ratio
to the first build. On a loaded shared machine the CPU time and the fastest run drift least.

Usage: python3 bench/startup/short_scripts.py RUNS PROGRAM.py ENGINE NAME=LBBV ...
Example (bench/README.md, "Short scripts"):
  python3 bench/startup/short_scripts.py 200 bench/startup/words.py lbbv before=OLD/lbbv after=NEW/lbbv
"""
import os
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    runs, program, engine = int(argv[0]), argv[1], argv[2]
    builds = [b.split("=", 1) for b in argv[3:]]
    wall = {n: [] for n, _ in builds}
    cpu = {n: [] for n, _ in builds}
    faults = {n: [] for n, _ in builds}
    for r in range(runs + 3):
        for name, lbbv in (builds if r % 2 == 0 else builds[::-1]):
            t0 = time.perf_counter()
            proc = subprocess.Popen([lbbv, "run", "--jit", engine, program],
                                    stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - t0
            if status != 0:
                sys.exit(f"{lbbv} run {program}: exit status {status}")
            if r < 3:
                continue
            wall[name].append(elapsed)
            cpu[name].append(usage.ru_utime + usage.ru_stime)
            faults[name].append(usage.ru_minflt + usage.ru_majflt)
    first = builds[0][0]

    def ratio(series, name, pick):
        return pick(series[name]) / pick(series[first])

    for name, _ in builds:
        print(f"{os.path.basename(program)} {engine} {name}: "
              f"wall median {statistics.median(wall[name]) * 1e3:.2f} ms ({ratio(wall, name, statistics.median):.3f}), "
              f"min {min(wall[name]) * 1e3:.2f} ms ({ratio(wall, name, min):.3f}), "
              f"cpu median {statistics.median(cpu[name]) * 1e3:.2f} ms ({ratio(cpu, name, statistics.median):.3f}), "
              f"faults {statistics.median(faults[name]):.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
