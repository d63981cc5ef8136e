# The CPython side of a fuzz worker: runs one program per request in this one process, so python3
# starts once per worker instead of once per program (a start costs more than most programs).
# Request: a program path on a line of stdin. Reply: one JSON line {Stdout, Stderr, ExitCode}, what
# `python3 PATH` would have printed and returned.
import builtins
import io
import json
import os
import sys
import traceback

PROTOCOL = sys.stdout


def run(path):
    out, err = io.StringIO(), io.StringIO()
    saved = (sys.stdout, sys.stderr, sys.argv, sys.path[0], sys.getrecursionlimit())
    modules = set(sys.modules)
    # A program run alone starts at frame depth 1; here it starts below this loop and run(). The
    # recursion limit is raised by the difference, and the program sees (and sets) the limit as if
    # it ran alone.
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    get_limit, set_limit = sys.getrecursionlimit, sys.setrecursionlimit
    sys.getrecursionlimit = lambda: get_limit() - depth
    sys.setrecursionlimit = lambda limit: set_limit(limit + depth)
    sys.stdout, sys.stderr, sys.argv = out, err, [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    set_limit(saved[4] + depth)
    status = 0
    try:
        with open(path, encoding="utf-8") as f:
            code = compile(f.read(), path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": builtins})
    except SystemExit as e:
        if e.code is None:
            status = 0
        elif isinstance(e.code, int):
            status = e.code
        else:
            print(e.code, file=err)
            status = 1
    except BaseException as e:  # the program's uncaught exception: a traceback, status 1
        traceback.print_exception(e, file=err)
        status = 1
    finally:
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.stdout, sys.stderr, sys.argv, sys.path[0] = saved[:4]
        sys.getrecursionlimit, sys.setrecursionlimit = get_limit, set_limit
        set_limit(saved[4])
        for name in set(sys.modules) - modules:
            del sys.modules[name]
    return {"Stdout": out.getvalue(), "Stderr": err.getvalue(), "ExitCode": status}


for line in sys.stdin:
    path = line.strip()
    if path:
        PROTOCOL.write(json.dumps(run(path)) + "\n")
        PROTOCOL.flush()
