#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of tests/programs/*.py from CPython.

For every tests/programs/*.py whose name does not start with "_" (those are helper
modules imported by the programs), run `python3 NAME.py` with
  cwd  = tests/programs
  argv = [NAME.py]            (so sys.argv[1:] == [])
  env  = PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, PYTHONDONTWRITEBYTECODE=1
and write tests/programs/expected/NAME.json:
  {"stdout": <exact stdout>, "stderr_last_line": <last non-empty stderr line or "">,
   "exit_code": <int>}

Usage:
  python3 tests/regen_expected.py                 # write every expected file
  python3 tests/regen_expected.py --check         # compare; print mismatches, exit 1 if any
  python3 tests/regen_expected.py foo.py bar      # only these programs
Options: --python PATH (default: python3), --timeout SECONDS (default 120), --jobs N.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(PROGRAMS, "expected")


def program_names():
    return sorted(f for f in os.listdir(PROGRAMS)
                  if f.endswith(".py") and not f.startswith("_"))


def run_program(python, name, timeout):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT", "PYTHONOPTIMIZE"):
        env.pop(var, None)
    try:
        proc = subprocess.run([python, name], cwd=PROGRAMS, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError("%s: timed out after %s s" % (name, timeout))
    stdout = proc.stdout.decode("utf-8")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    lines = [ln for ln in stderr.splitlines() if ln.strip() != ""]
    return {
        "stdout": stdout,
        "stderr_last_line": lines[-1] if lines else "",
        "exit_code": proc.returncode,
    }


def serialize(result):
    return json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def expected_path(name):
    return os.path.join(EXPECTED, name[:-3] + ".json")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="program names (default: all)")
    ap.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on mismatch")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    args = ap.parse_args()

    all_names = program_names()
    if args.programs:
        names = []
        for p in args.programs:
            p = os.path.basename(p)
            if not p.endswith(".py"):
                p += ".py"
            if p not in all_names:
                ap.error("no such program: " + p)
            names.append(p)
    else:
        names = all_names

    os.makedirs(EXPECTED, exist_ok=True)
    results = {}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_program, args.python, n, args.timeout): n for n in names}
        for fut in concurrent.futures.as_completed(futures):
            n = futures[fut]
            try:
                results[n] = fut.result()
            except Exception as e:  # timeout or undecodable output
                failures.append("%s: %s" % (n, e))

    bad = list(failures)
    written = 0
    for n in names:
        if n not in results:
            continue
        text = serialize(results[n])
        path = expected_path(n)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    old = f.read()
            except FileNotFoundError:
                bad.append("%s: missing %s" % (n, os.path.relpath(path, HERE)))
                continue
            if json.loads(old) != results[n]:
                bad.append("%s: output differs from %s" % (n, os.path.relpath(path, HERE)))
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            written += 1

    if not args.programs:
        # expected files whose program no longer exists
        for f in sorted(os.listdir(EXPECTED)):
            if f.endswith(".json") and f[:-5] + ".py" not in all_names:
                msg = "stale expected file %s (no program)" % os.path.join("programs", "expected", f)
                if args.check:
                    bad.append(msg)
                else:
                    print("warning:", msg, file=sys.stderr)

    if args.check:
        for b in bad:
            print(b)
        print("%d programs checked, %d problems" % (len(names), len(bad)))
        return 1 if bad else 0
    for b in bad:
        print("error:", b, file=sys.stderr)
    print("wrote %d expected files to %s" % (written, os.path.relpath(EXPECTED, os.getcwd())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
