#!/usr/bin/env python3
"""Side by side, the in-process times of several lbbv builds from folders of `lbbv compare --runs 1`
outputs (bench/startup/steady_state.sh): per program and build, the median over the rounds of the
interpreter's, LBBV's, `--max-versions 1`'s and the tracing JIT's times in ms, each build's ratio to the first build
(below 1 is faster), and the geometric mean of each ratio column.

Usage: python3 bench/startup/steady_state.py OUT/old OUT/new [...]
"""
import glob
import math
import os
import re
import statistics
import sys

ROWS = (("off", r"^off\s+([\d.]+)"), ("lbbv", r"^lbbv \(max 4\)\s+([\d.]+)"), ("max1", r"^lbbv \(max 1\)\s+([\d.]+)"),
        ("trace", r"^trace\s+([\d.]+)"))


def times(folder, program):
    found = {name: [] for name, _ in ROWS}
    for path in sorted(glob.glob(os.path.join(folder, program + ".*.txt"))):
        text = open(path).read()
        if "outputs identical" not in text:
            sys.exit(f"{path}: not a successful lbbv compare output")
        for name, pattern in ROWS:
            found[name].append(float(re.search(pattern, text, re.M).group(1)))
    return {name: statistics.median(v) for name, v in found.items()}


def main(folders):
    names = [os.path.basename(f.rstrip("/")) for f in folders]
    programs = sorted({os.path.basename(f).split(".")[0] for f in glob.glob(os.path.join(folders[0], "*.txt"))})
    header = ["program"]
    for row, _ in ROWS:
        for i, n in enumerate(names):
            header.append(f"{row} {n} ms" if i == 0 else f"{row} {n}")
    print("| " + " | ".join(header) + " |")
    print("|---" + "|---:" * (len(header) - 1) + "|")
    ratios = {(row, n): [] for row, _ in ROWS for n in names[1:]}
    for p in programs:
        t = {n: times(f, p) for n, f in zip(names, folders)}
        cells = [p]
        for row, _ in ROWS:
            base = t[names[0]][row]
            cells.append(f"{base:.0f}")
            for n in names[1:]:
                r = t[n][row] / base
                ratios[row, n].append(r)
                cells.append(f"{t[n][row]:.0f} ({r:.2f})")
        print("| " + " | ".join(cells) + " |")
    cells = ["**geometric mean of the ratios**"]
    for row, _ in ROWS:
        cells.append("")
        for n in names[1:]:
            xs = ratios[row, n]
            cells.append(f"**{math.exp(sum(map(math.log, xs)) / len(xs)):.2f}**")
    print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
