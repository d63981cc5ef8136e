# generator send(), coroutine-like accumulators
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
for v in [10, 20, 30, 45]:
    print(a.send(v))
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
rm = running_max()
rm.send(None)
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
def state_machine():
    state = "idle"
    while True:
        cmd = yield state
        if cmd == "start" and state == "idle":
            state = "running"
        elif cmd == "pause" and state == "running":
            state = "paused"
        elif cmd == "resume" and state == "paused":
            state = "running"
        elif cmd == "stop":
            state = "stopped"
sm = state_machine()
print(next(sm), [sm.send(c) for c in ["pause", "start", "pause", "resume", "stop"]])
def g():
    yield 1
fresh = g()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
def finite():
    x = yield "first"
    print("received", x)
fi = finite()
print(next(fi))
try:
    fi.send("hello")
except StopIteration:
    print("StopIteration after send")
