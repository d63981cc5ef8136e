# The collector runs while the tracer records a loop (a big allocation in a called function): the
# values the recording saw (here the function objects of comprehensions, garbage once called) must
# stay alive until the trace is compiled, since the optimization passes read them. Found by the
# fuzzer (seeds 23, 52, 225, 358): the tracer's roots were dropped when a run reset the runtime.


def big():
    return len([None] * 600000)


total = 0
for i in range(40):
    squares = [x * x for x in range(i % 5)]
    total += big() + sum(squares)
    if i % 7 == 0:
        total += 1
print(total)
