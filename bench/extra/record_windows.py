# Sensor readings kept as a list of small records (tuples and instances of a tiny class), scanned
# in sliding windows that are list slices, with short-lived lists, tuples and objects made per step:
# the style of a data-munging script. Written to check the cost of short-lived objects (loop
# iterators, slices, small instances) outside the numeric suite.

class Reading:
    def __init__(self, sensor, t, value):
        self.sensor = sensor
        self.t = t
        self.value = value

class Stats:
    def __init__(self, lo, hi, total, n):
        self.lo = lo
        self.hi = hi
        self.total = total
        self.n = n

def make_readings(n, sensors):
    out = []
    v = 17
    for t in range(n):
        v = (v * 1103515245 + 12345) % 2147483648
        out.append(Reading(t % sensors, t, (v >> 8) % 1000 - 500))
    return out

def window_stats(window):
    lo = window[0].value
    hi = lo
    total = 0
    for r in window:
        x = r.value
        if x < lo:
            lo = x
        if x > hi:
            hi = x
        total += x
    return Stats(lo, hi, total, len(window))

def scan(readings, width, step):
    peaks = 0
    spread = 0
    for start in range(0, len(readings) - width, step):
        window = readings[start:start + width]
        s = window_stats(window)
        spread += s.hi - s.lo
        if s.total > 0:
            peaks += 1
    return peaks, spread

def pairs_by_sensor(readings, sensors):
    last = [None] * sensors
    jumps = 0
    for r in readings:
        prev = last[r.sensor]
        if prev is not None:
            delta = (r.value - prev[1], r.t - prev[0])
            if abs(delta[0]) > 400:
                jumps += 1
        last[r.sensor] = (r.t, r.value)
    return jumps

def smooth(values):
    out = []
    for i in range(2, len(values) - 2):
        part = values[i - 2:i + 3]
        acc = 0
        for x in part:
            acc += x
        out.append(acc // 5)
    return out

readings = make_readings(20000, 7)
print(scan(readings, 16, 3))
print(scan(readings, 5, 1))
print(pairs_by_sensor(readings, 7))
values = [r.value for r in readings]
for _ in range(3):
    values = smooth(values)
print(len(values), sum(values), values[:5])
