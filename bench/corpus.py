#!/usr/bin/env python3
"""Time the pyperformance corpus (../shared/corpus/pyperformance beside the repository) under
CPython and the Lbbv engines, with Lbbv's pyperf module (Interpreter/Runtime/Lib/packages).

First the loops per value are calibrated as pyperf does: one CPython run of one loop measures the
program's fastest benchmark, and the loops are the power of two that makes one value of it last at
least --min-time under CPython (--loops sets them instead). Every program then runs once per engine
(several times with --runs), the engines interleaved (program 1 under each engine, then program 2,
...), all with the same loops. pyperf runs each benchmark --warmups + --values times in the process
and appends every run's time per loop to the file LBBV_BENCH_TIMES names; the table shows, per
benchmark, the loops and the median over the measured values (the warm-ups left out) in
milliseconds per loop, and each Lbbv engine's ratio to CPython (lower is faster), with the
geometric mean of each ratio column. An engine whose stdout differs from CPython's for a program is
marked FAIL there (the reason below the table) and left out of that column's mean.

Usage:
  python3 bench/corpus.py [--lbbv PATH] [--engines off,lbbv] [--programs a,b] [--min-time S]
                          [--loops N] [--values N] [--warmups N] [--runs N] [--python python3]
                          [--timeout S]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
def find_corpus():
    """$LBBV_PYPERFORMANCE_DIR, else shared/corpus/pyperformance beside the repository (or above it)."""
    if os.environ.get("LBBV_PYPERFORMANCE_DIR"):
        return os.environ["LBBV_PYPERFORMANCE_DIR"]
    folder = os.path.dirname(ROOT)
    while True:
        candidate = os.path.join(folder, "shared", "corpus", "pyperformance")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)


CORPUS = find_corpus()
PYPERF = os.path.join(ROOT, "Interpreter", "Runtime", "Lib", "packages")
DEFAULT_LBBV = os.path.join(ROOT, "Lbbv", "bin", "Release", "net10.0", "lbbv")


def run(cmd, cwd, timeout, times_path):
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=PYPERF, LBBV_BENCH_TIMES=times_path)
    for key in ("LBBV_PYPERF_LOOPS", "LBBV_PYPERF_VALUES", "LBBV_PYPERF_WARMUPS"):
        env.pop(key, None)
    open(times_path, "w").close()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    with open(times_path) as f:
        times = [float(line) for line in f if line.strip()]
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), times


def benchmark_names(stdout):
    """The benchmarks a program ran, in order, from pyperf's summary lines (`NAME: V values x ...`)."""
    return [line.split(":", 1)[0] for line in stdout.splitlines() if " value" in line and " loop" in line]


def calibrate(args, script, cwd, times_path):
    """The power of two of loops that makes one value of the program's fastest benchmark last at
    least --min-time under CPython (at most 4096)."""
    code, out, err, times = run([args.python, script, "--loops", "1", "--values", "1", "--warmups", "0"],
                                cwd, args.timeout, times_path)
    fastest = min(times) if code == 0 and times else 0
    loops = 1
    while loops < 4096 and loops * fastest < args.min_time:
        loops *= 2
    return loops


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lbbv", default=DEFAULT_LBBV)
    ap.add_argument("--engines", default="off,lbbv")
    ap.add_argument("--programs", default="")
    ap.add_argument("--loops", type=int, default=0, help="loops per value (default: calibrated)")
    ap.add_argument("--min-time", type=float, default=0.1)
    ap.add_argument("--values", type=int, default=3)
    ap.add_argument("--warmups", type=int, default=1)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args()
    if not os.path.isdir(CORPUS):
        sys.exit("corpus.py: %s not found" % CORPUS)
    programs = sorted(p for p in os.listdir(CORPUS) if os.path.isfile(os.path.join(CORPUS, p, "run_benchmark.py")))
    if args.programs:
        programs = [p for p in args.programs.split(",") if p in programs]
    engines = [e for e in args.engines.split(",") if e]
    columns = ["cpython"] + engines
    per_value = args.warmups + args.values
    loops_of = {}
    samples = {}   # (benchmark, column) -> [seconds per loop]
    failures = {}  # (program, engine) -> why its output is not CPython's
    bench_of = {}  # program -> [benchmark names]
    times_path = tempfile.mktemp(prefix="lbbv-corpus-")
    try:
        for program in programs:
            script = os.path.join(CORPUS, program, "run_benchmark.py")
            cwd = os.path.dirname(script)
            loops = args.loops or calibrate(args, script, cwd, times_path)
            loops_of[program] = loops
            pyperf_args = ["--loops", str(loops), "--values", str(args.values), "--warmups", str(args.warmups)]
            expected = None
            for _ in range(args.runs):
                for column in columns:
                    if column == "cpython":
                        cmd = [args.python, script] + pyperf_args
                    else:
                        cmd = [args.lbbv, "run", "--jit", column, script] + pyperf_args
                    code, out, err, times = run(cmd, cwd, args.timeout, times_path)
                    print("%-16s %-8s exit %d, %d times" % (program, column, code, len(times)), file=sys.stderr)
                    if column == "cpython":
                        expected = (code, out)
                        bench_of[program] = benchmark_names(out)
                    elif (code, out) != expected:
                        last = err.strip().splitlines()[-1] if err.strip() else "different output"
                        failures[(program, column)] = last
                        continue
                    for i, name in enumerate(bench_of.get(program, [])):
                        chunk = times[i * per_value:(i + 1) * per_value][args.warmups:]
                        samples.setdefault((name, column), []).extend(chunk)
    finally:
        if os.path.exists(times_path):
            os.remove(times_path)

    print("| benchmark | loops | CPython (ms/loop) | "
          + " | ".join("%s (ms/loop) | %s / CPython" % (e, e) for e in engines) + " |")
    print("|---|---:|---:|" + "---:|---:|" * len(engines))
    ratios = {e: [] for e in engines}
    for program in programs:
        for name in bench_of.get(program, [program]):
            base = samples.get((name, "cpython"))
            base_ms = "%.2f" % (1000 * statistics.median(base)) if base else "n/a"
            row = ["`%s`" % name, str(loops_of.get(program, "")), base_ms]
            for e in engines:
                s = samples.get((name, e))
                if (program, e) in failures or not s or not base:
                    row += ["FAIL" if (program, e) in failures else "n/a", ""]
                    continue
                ratio = statistics.median(s) / statistics.median(base)
                ratios[e].append(ratio)
                row += ["%.2f" % (1000 * statistics.median(s)), "%.2fx" % ratio]
            print("| " + " | ".join(row) + " |")
    row = ["geometric mean", "", ""]
    for e in engines:
        row += ["", "%.2fx" % math.exp(statistics.mean(math.log(r) for r in ratios[e])) if ratios[e] else "n/a"]
    print("| " + " | ".join(row) + " |")
    for (program, engine), why in sorted(failures.items()):
        print("\n%s under %s: %s" % (program, engine, why))


if __name__ == "__main__":
    main()
