#!/usr/bin/env python3
"""Writes Lbbv/startup.order, the method order the Native AOT compiler lays the binary's code out by
(IlcOrderFile in Lbbv/Lbbv.csproj): every function a few typical runs execute, in the order they first
run, so that the code a run needs sits in a few hundred KB instead of spread over the 5.6 MB of code
(each first touch of a 64 KB stretch of code is a page fault; bench/README.md, "Start-up: the
young generation on huge pages, code laid out for start-up"). Functions the file does not name keep the compiler's order; names it holds that a later
build lacks are skipped, so a stale file costs page faults, never correctness.

    bench/startup/order_file.py PUBLISH_DIR      # a `dotnet publish -c Release -o DIR Lbbv` output

Needs valgrind (its lackey tool prints each superblock a run executes, every time: about 15 minutes) and nm.
"""
import bisect, os, shutil, subprocess, sys, tempfile

RUNS = [("off", "../startup/hello.py"), ("lbbv", "spectral_norm.py"), ("trace", "spectral_norm.py"),
        ("lbbv", "nbody.py"), ("trace", "nbody.py"), ("lbbv", "richards.py"), ("trace", "richards.py")]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    publish = sys.argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    programs = os.path.join(repo, "bench", "programs")
    symbols = sorted(read_symbols(os.path.join(publish, "lbbv.dbg")))
    starts = [s[0] for s in symbols]
    last = symbols[-1][0] + 0x10000
    order, seen = [], set()
    with tempfile.TemporaryDirectory() as scratch:
        binary = os.path.join(scratch, "lbbv")  # alone: valgrind cannot read lbbv.dbg
        shutil.copy(os.path.join(publish, "lbbv"), binary)
        for engine, program in RUNS:
            path = os.path.join(programs, program)
            run = subprocess.Popen(["valgrind", "--tool=lackey", "--trace-superblocks=yes", binary, "run",
                                    "--jit", engine, path], cwd=programs, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
            for line in run.stderr:  # streamed: a run prints hundreds of millions of lines
                if not line.startswith("SB "):
                    continue
                address = int(line[3:], 16)
                i = bisect.bisect_right(starts, address) - 1
                if i < 0 or address > last:  # the loader, libc and the JIT's code
                    continue
                if symbols[i][1] not in seen:
                    seen.add(symbols[i][1])
                    order.append(symbols[i][1])
            run.wait()
    with open(os.path.join(repo, "Lbbv", "startup.order"), "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"Lbbv/startup.order: {len(order)} functions")


def read_symbols(dbg):
    """(address, name) of every function symbol."""
    out = subprocess.run(["nm", dbg], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in ("t", "T"):
            yield int(parts[0], 16), parts[2]


if __name__ == "__main__":
    main()
