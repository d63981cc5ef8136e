#!/usr/bin/env python3
"""Compare CPython with the Lbbv engines on bench/programs/*.py.

For each benchmark program, CPython (`python3 PROGRAM.py`) and each requested Lbbv engine
(`LBBV run --jit ENGINE PROGRAM.py`) are run N times, interleaved round-robin in this one
invocation (run 1 of every program and engine, then run 2, ...), so that drift of the machine
affects all columns alike. Every engine's stdout must equal CPython's: a mismatch is reported
loudly and the row is marked FAIL. The table shows, per program, the CPython median in seconds
and, per engine, its median and its ratio to CPython (engine time / CPython time; lower is
faster), with the geometric mean of every ratio column over the rows where it is defined.
An engine that exits reporting "not available" is shown as n/a.

Usage:
  python3 bench/compare.py [--lbbv PATH] [--engines off,lbbv,trace] [--runs N]
                           [--programs a,b] [--markdown] [--python python3] [--timeout S]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PROGRAMS = os.path.join(BENCH, "programs")
DEFAULT_LBBV = os.path.join("Lbbv", "bin", "Release", "net10.0", "lbbv")
ENGINES = ("off", "lbbv", "trace")


def list_programs():
    return sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py") and not f.startswith("_"))


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


class Cell:
    """The measurements of one (program, engine) pair."""

    def __init__(self):
        self.times = []
        self.status = "ok"      # ok | n/a | FAIL
        self.reason = ""

    def median(self):
        return statistics.median(self.times) if self.times else None


def run_once(cmd, timeout, env):
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=PROGRAMS, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, "", "timed out after %g s" % timeout
    elapsed = time.perf_counter() - t0
    return elapsed, proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace")


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def loud(msg):
    bar = "!" * 78
    print("\n%s\n!! %s\n%s" % (bar, msg.replace("\n", "\n!! "), bar), file=sys.stderr, flush=True)


def first_difference(a, b):
    al = a.decode("utf-8", errors="replace").splitlines()
    bl = b.decode("utf-8", errors="replace").splitlines()
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<missing>"
        y = bl[i] if i < len(bl) else "<missing>"
        if x != y:
            return "line %d:\n  cpython: %s\n  engine:  %s" % (i + 1, x[:200], y[:200])
    return "(trailing whitespace or newline differs)"


def fmt_s(v):
    return "%.3f" % v if v is not None else "-"


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lbbv", default=None, help="path to the lbbv executable (default: %s under the repo root)" % DEFAULT_LBBV)
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated Lbbv engines (default: off,lbbv,trace)")
    ap.add_argument("--runs", type=int, default=5, help="runs per program and engine (default 5)")
    ap.add_argument("--programs", default=None, help="comma-separated program names (default: all in bench/programs)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--python", default="python3", help="the CPython to compare with (default python3)")
    ap.add_argument("--timeout", type=float, default=600.0, help="timeout of one run in seconds (default 600)")
    args = ap.parse_args()

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    for e in engines:
        if e not in ENGINES:
            ap.error("unknown engine %r (expected some of %s)" % (e, ",".join(ENGINES)))
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    available = list_programs()
    if args.programs:
        programs = []
        for p in args.programs.split(","):
            p = p.strip()
            if p.endswith(".py"):
                p = p[:-3]
            if p not in available:
                ap.error("no such benchmark program: %s (have: %s)" % (p, ", ".join(available)))
            programs.append(p)
    else:
        programs = available
    if not programs:
        ap.error("no benchmark programs found in " + PROGRAMS)

    lbbv = args.lbbv or os.path.join(ROOT, DEFAULT_LBBV)
    lbbv = os.path.abspath(lbbv)
    if engines and not os.path.exists(lbbv):
        print("error: lbbv executable not found at %s\nhint: build it with `dotnet build -c Release Lbbv` "
              "from the repository root, or pass --lbbv PATH" % lbbv, file=sys.stderr)
        return 2

    env = child_env()
    columns = ["cpython"] + engines
    cells = {(p, c): Cell() for p in programs for c in columns}
    reference = {}          # program -> CPython stdout bytes (from the first run)

    def command(program, column):
        if column == "cpython":
            return [args.python, program + ".py"]
        return [lbbv, "run", "--jit", column, program + ".py"]

    total = args.runs * len(programs) * len(columns)
    done = 0
    for run in range(args.runs):
        for p in programs:
            for c in columns:
                done += 1
                cell = cells[(p, c)]
                if cell.status != "ok" or (c != "cpython" and p not in reference):
                    continue
                print("[%d/%d] run %d %-16s %-8s" % (done, total, run + 1, p, c), end="", file=sys.stderr, flush=True)
                elapsed, code, out, err = run_once(command(p, c), args.timeout, env)
                if elapsed is None:
                    cell.status, cell.reason = "FAIL", err
                elif code != 0 and c != "cpython" and "not available" in err:
                    cell.status, cell.reason = "n/a", last_line(err)
                elif code != 0:
                    cell.status = "FAIL"
                    cell.reason = "exit status %d: %s" % (code, last_line(err))
                elif c == "cpython":
                    if p in reference and reference[p] != out:
                        cell.status, cell.reason = "FAIL", "CPython output differs between runs"
                    else:
                        reference[p] = out
                        cell.times.append(elapsed)
                elif out != reference[p]:
                    cell.status = "FAIL"
                    cell.reason = "stdout differs from CPython's; first difference at " + first_difference(reference[p], out)
                else:
                    cell.times.append(elapsed)
                print("  %s" % ("%.3f s" % elapsed if cell.status == "ok" else cell.status), file=sys.stderr, flush=True)
                if cell.status == "FAIL":
                    loud("FAIL: %s under %s: %s" % (p, c, cell.reason))

    # Build the table.
    header = ["program", "cpython s"]
    for e in engines:
        header += [e + " s", e + "/cpy"]
    rows = []
    ratios = {e: [] for e in engines}
    failed = []
    for p in programs:
        base = cells[(p, "cpython")]
        bmed = base.median() if base.status == "ok" else None
        row_fail = base.status == "FAIL"
        row = [p, fmt_s(bmed) if base.status == "ok" else base.status]
        for e in engines:
            cell = cells[(p, e)]
            if cell.status == "n/a":
                row += ["n/a", "n/a"]
            elif cell.status == "FAIL" or base.status != "ok":
                row += ["FAIL", "FAIL"] if cell.status == "FAIL" else ["-", "-"]
                row_fail = row_fail or cell.status == "FAIL"
            else:
                m = cell.median()
                r = m / bmed if bmed else None
                ratios[e].append(r)
                row += [fmt_s(m), "%.2f" % r if r is not None else "-"]
        if row_fail:
            row[0] = p + " FAIL"
            failed.append(p)
        rows.append(row)
    geo = ["geomean", ""]
    for e in engines:
        g = geomean(ratios[e])
        geo += ["", "%.2f" % g if g is not None else "n/a"]
    rows.append(geo)

    print()
    print("CPython: %s; lbbv: %s; %d run(s) each, interleaved; median seconds; ratio = engine / CPython"
          % (args.python, lbbv, args.runs))
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for r in rows:
            cells_md = list(r)
            if cells_md[0] == "geomean":
                cells_md = ["**geomean**"] + [("**%s**" % x if x else "") for x in cells_md[1:]]
            print("| " + " | ".join(cells_md) + " |")
    else:
        widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
        def line(r):
            return "  ".join(str(x).ljust(widths[i]) if i == 0 else str(x).rjust(widths[i]) for i, x in enumerate(r))
        print(line(header))
        print("  ".join("-" * w for w in widths))
        for r in rows[:-1]:
            print(line(r))
        print("  ".join("-" * w for w in widths))
        print(line(rows[-1]))
    if failed:
        loud("%d program(s) FAILED: %s (see messages above)" % (len(failed), ", ".join(failed)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
