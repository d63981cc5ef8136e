#!/usr/bin/env python3
"""Summarizes a folder of `lbbv compare --runs 1` outputs named PROGRAM.ROUND.txt (as written by
bench/lbbv_ab.sh) into the Markdown table of bench/README.md: per program the process with the
median speedup of LBBV (cap 4) over the interpreter, then every process's speedup, then the
geometric means of the speedups and of the share of type tests eliminated."""
import glob
import math
import os
import re
import sys


def parse(path):
    text = open(path).read()
    off = float(re.search(r"^off\s+([\d.]+)", text, re.M).group(1))
    m4 = re.search(r"^lbbv \(max 4\)\s+([\d.]+)\s+\S+\s+(\d+)\s+([\d,]+)\s+(-?[\d.]+)%\s+([\d,]+)\s+([\d,]+)", text, re.M)
    m1 = re.search(r"^lbbv \(max 1\)\s+([\d.]+)\s+\S+\s+(\d+)\s+([\d,]+)", text, re.M)
    if not (m4 and m1) or "outputs identical" not in text:
        sys.exit(f"{path}: not a successful lbbv compare output")
    return off, m4, m1


def geomean(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def main(folder):
    programs = sorted({os.path.basename(f).split(".")[0] for f in glob.glob(os.path.join(folder, "*.txt"))})
    speedups, speedups1, eliminated = [], [], []
    print("| program | off ms | lbbv ms | speedup | `--max-versions 1` ms | speedup | versions (4 / 1) "
          "| type tests (max 4) | (max 1) | eliminated | class checks (max 4) | code bytes | per process |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for p in programs:
        runs = sorted((parse(f) for f in glob.glob(os.path.join(folder, f"{p}.*.txt"))),
                      key=lambda r: r[0] / float(r[1].group(1)))
        off, m4, m1 = runs[len(runs) // 2]
        l4, l1 = float(m4.group(1)), float(m1.group(1))
        speedups.append(off / l4)
        speedups1.append(off / l1)
        eliminated.append(float(m4.group(4)))
        each = "/".join(f"{r[0] / float(r[1].group(1)):.2f}" for r in runs)
        print(f"| {p} | {off:.0f} | {l4:.0f} | {off / l4:.2f}x | {l1:.0f} | {off / l1:.2f}x | {m4.group(2)} / {m1.group(2)} "
              f"| {m4.group(3)} | {m1.group(3)} | {m4.group(4)}% | {m4.group(5)} | {m4.group(6)} | {each} |")
    print(f"| **geometric mean** | | | **{geomean(speedups):.2f}x** | | **{geomean(speedups1):.2f}x** | | | "
          f"| **{geomean(eliminated):.1f}%** (arithmetic mean {sum(eliminated) / len(eliminated):.1f}%) | | | |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
