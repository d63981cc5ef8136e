import pyperf


def work(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        sum(range(1000))
    return pyperf.perf_counter() - t0


def answer(n):
    return [n] * 3


runner = pyperf.Runner()
runner.argparser.add_argument("--size", type=int, default=7)
runner.argparser.add_argument("mode", nargs="?", choices=["a", "b"])
args = runner.parse_args()
runner.metadata["description"] = "a test"
runner.bench_time_func("timed", work)
runner.bench_func("answer", answer, args.size)
print(args.mode, args.size)
