"""The part of pyperf's API that pyperformance benchmarks use, for running them under Lbbv.

Written for Lbbv (not a copy of pyperf); CPython runs it too, so every benchmark has an expected
output: put this folder on PYTHONPATH. What it does differs from pyperf on purpose: everything runs
in this one process (no worker processes, no calibration), the number of runs is small by default,
and the printed summary is deterministic (no times), so that outputs can be compared between
engines. Times go to the file named by LBBV_BENCH_TIMES, one line per measured value.

    Runner(values=None, processes=None, loops=None, warmups=None, metadata=None, **ignored)
    runner.metadata                      a dict
    runner.argparser.add_argument(...)   positional (nargs='?') and --options (type, default,
                                         choices, action='store_true'/'store_false')
    runner.parse_args(args=None)         the benchmark's and pyperf's options (sys.argv[1:])
    runner.bench_func(name, func, *args, inner_loops=None)
    runner.bench_time_func(name, time_func, *args, inner_loops=None)   time_func(loops, *args)
    perf_counter()

Options (command line, then environment, then the Runner's arguments, then the default):
    --loops N     / LBBV_PYPERF_LOOPS     calls of the benchmark per value      (default 1)
    --values N    / LBBV_PYPERF_VALUES    measured values per benchmark         (default 3)
    --warmups N   / LBBV_PYPERF_WARMUPS   unmeasured values before them         (default 1)
    --debug-single-value                  1 loop, 1 value, no warm-up
    -p/--processes N                      accepted; Lbbv runs every value in this process
    -v/--verbose                          print each value's time to stderr

Each benchmark prints one line: `NAME: V values x L loops (W warmups)`, followed for bench_func by
`; returned REPR` (a long repr is shortened and given a checksum). With LBBV_BENCH_TIMES=PATH, every
run (warm-ups first, in order) appends its time per loop in seconds, one float per line, to PATH.
"""

import sys
import time

try:
    import _lbbv

    def _getenv(name):
        return _lbbv.getenv(name)

    def _append_text(path, text):
        _lbbv.append_text(path, text)
except ImportError:  # CPython
    import os

    def _getenv(name):
        return os.environ.get(name)

    def _append_text(path, text):
        with open(path, "a") as f:
            f.write(text)


perf_counter = time.perf_counter

_DEFAULTS = {"loops": 1, "values": 3, "warmups": 1}
_ENVIRONMENT = {"loops": "LBBV_PYPERF_LOOPS", "values": "LBBV_PYPERF_VALUES", "warmups": "LBBV_PYPERF_WARMUPS"}


class Namespace:
    """The parsed options (argparse.Namespace's behaviour)."""

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)


class ArgumentError(Exception):
    pass


class _Option:
    def __init__(self, names, action, type, default, choices, nargs, dest):
        self.names = names
        self.positional = not names[0].startswith("-")
        self.action = action
        self.type = type
        self.choices = choices
        self.nargs = nargs
        if dest is None:
            if self.positional:
                dest = names[0]
            else:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs[0] if longs else names[0]).lstrip("-").replace("-", "_")
        self.dest = dest
        if action == "store_true" and default is None:
            default = False
        elif action == "store_false" and default is None:
            default = True
        self.default = default
        self.takes_value = action not in ("store_true", "store_false")

    def display(self):
        return self.dest if self.positional else "/".join(self.names)

    def convert(self, text):
        value = text
        if self.type is not None:
            try:
                value = self.type(text)
            except (TypeError, ValueError):
                kind = getattr(self.type, "__name__", repr(self.type))
                raise ArgumentError("argument %s: invalid %s value: %r" % (self.display(), kind, text))
        if self.choices is not None and value not in self.choices:
            raise ArgumentError("argument %s: invalid choice: %r (choose from %s)"
                                % (self.display(), value, ", ".join(repr(c) for c in self.choices)))
        return value


class ArgumentParser:
    """A small argparse: the subset pyperformance benchmarks use."""

    def __init__(self, prog=None):
        self.prog = prog
        self._options = []

    def add_argument(self, *names, action=None, type=None, default=None, choices=None, nargs=None,
                     dest=None, help=None, metavar=None):
        if action not in (None, "store", "store_true", "store_false"):
            raise ValueError("pyperf (Lbbv): unsupported argparse action %r" % (action,))
        if nargs not in (None, "?"):
            raise ValueError("pyperf (Lbbv): unsupported nargs %r" % (nargs,))
        option = _Option(list(names), action or "store", type, default, choices, nargs, dest)
        self._options.append(option)
        return option

    def _find(self, name):
        for option in self._options:
            if not option.positional and name in option.names:
                return option
        return None

    def parse_args(self, args=None):
        if args is None:
            args = sys.argv[1:]
        try:
            return self._parse(list(args))
        except ArgumentError as e:
            self.error(str(e))

    def error(self, message):
        prog = self.prog or sys.argv[0].replace("\\", "/").split("/")[-1]
        print("%s: error: %s" % (prog, message), file=sys.stderr)
        sys.exit(2)

    def _parse(self, args):
        values = {}
        for option in self._options:
            values[option.dest] = option.default
        positionals = [o for o in self._options if o.positional]
        extra = []
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg.startswith("-") and len(arg) > 1 and not _is_number(arg):
                name, eq, inline = arg.partition("=")
                option = self._find(name)
                if option is None:
                    extra.append(arg)
                    continue
                if not option.takes_value:
                    if eq:
                        raise ArgumentError("argument %s: ignored explicit argument %r" % (option.display(), inline))
                    values[option.dest] = option.action == "store_true"
                    continue
                if not eq:
                    if i >= len(args):
                        raise ArgumentError("argument %s: expected one argument" % option.display())
                    inline = args[i]
                    i += 1
                values[option.dest] = option.convert(inline)
            elif positionals:
                option = positionals.pop(0)
                values[option.dest] = option.convert(arg)
            else:
                extra.append(arg)
        if extra:
            raise ArgumentError("unrecognized arguments: %s" % " ".join(extra))
        return Namespace(**values)


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def _positive_int(text):
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _checksum(text):
    total = 0
    for ch in text:
        total = (total * 31 + ord(ch)) % 1000000007
    return total


def _describe(value):
    text = repr(value)
    if len(text) <= 120:
        return text
    return "%s... (%d characters, checksum %d)" % (text[:100], len(text), _checksum(text))


class Runner:
    def __init__(self, values=None, processes=None, loops=None, min_time=None, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, warmups=None, **ignored):
        self.metadata = dict(metadata) if metadata else {}
        self._given = {"loops": loops, "values": values, "warmups": warmups}
        self._args = None
        self.argparser = ArgumentParser()
        parser = self.argparser
        parser.add_argument("-p", "--processes", type=_positive_int, default=None)
        parser.add_argument("-n", "--values", type=_positive_int, default=None)
        parser.add_argument("-l", "--loops", type=_positive_int, default=None)
        parser.add_argument("-w", "--warmups", type=_positive_int, default=None)
        parser.add_argument("--debug-single-value", action="store_true")
        parser.add_argument("-v", "--verbose", action="store_true")

    @property
    def args(self):
        """The parsed options (None before parse_args or the first benchmark)."""
        return self._args

    def parse_args(self, args=None):
        if self._args is None:
            self._args = self.argparser.parse_args(args)
            if self._args.debug_single_value:
                self._args.loops = 1
                self._args.values = 1
                self._args.warmups = 0
            for key in ("loops", "values", "warmups"):
                if getattr(self._args, key) is None:
                    setattr(self._args, key, self._setting(key))
            if self._args.loops < 1 or self._args.values < 1:
                self.argparser.error("--loops and --values must be at least 1")
        return self._args

    def _setting(self, key):
        text = _getenv(_ENVIRONMENT[key])
        if text:
            try:
                return _positive_int(text)
            except ValueError:
                self.argparser.error("%s must be a non-negative integer, not %r" % (_ENVIRONMENT[key], text))
        if self._given[key] is not None:
            return self._given[key]
        return _DEFAULTS[key]

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        result = []

        def time_func(loops):
            t0 = perf_counter()
            for _ in range(loops):
                value = func(*args)
            dt = perf_counter() - t0
            result.append(value)
            return dt

        self._run(name, time_func, inner_loops)
        print("%s; returned %s" % (self._summary(name), _describe(result[-1])))

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        self._run(name, lambda loops: time_func(loops, *args), inner_loops)
        print(self._summary(name))

    def _summary(self, name):
        a = self._args
        return "%s: %d value%s x %d loop%s (%d warmup%s)" % (
            name, a.values, "s" if a.values != 1 else "", a.loops, "s" if a.loops != 1 else "",
            a.warmups, "s" if a.warmups != 1 else "")

    def _run(self, name, time_func, inner_loops):
        a = self.parse_args()
        per_loop = a.loops * (inner_loops or 1)
        times_path = _getenv("LBBV_BENCH_TIMES")
        for run in range(a.warmups + a.values):
            seconds = time_func(a.loops) / per_loop
            if times_path:
                _append_text(times_path, "%r\n" % seconds)
            if a.verbose:
                kind = "warmup" if run < a.warmups else "value"
                print("%s %s %d: %.6f s per loop" % (name, kind, run + 1, seconds), file=sys.stderr)
