# A traced loop's peeled body steps its iterator without testing its kind (the preamble proved it):
# whatever enters the body from elsewhere (the outer loop's trace, a bridge) must prove the same
# kind, or enter through the preamble. The inner loop here sees ranges, lists, tuples, generators
# and strings in turn, within one outer loop and across calls. A loop variable rebound to another
# type in the body must get its int tag back at the next step.


def total(seqs):
    t = 0
    for s in seqs:
        for x in s:
            t += x if type(x) is int else len(x)
    return t


def gen(n):
    for i in range(n):
        yield i * 2


def main():
    ranges = [range(50)] * 20
    lists = [list(range(50))] * 20
    mixed = [range(50), list(range(40)), (1, 2, 3), range(5), "abc", gen(7)] * 10
    print(total(ranges), total(lists), total(mixed))
    print(total(ranges + lists), total(lists + ranges), total([range(3), [4], range(2)] * 30))
    acc = []
    for r in range(6):
        seq = range(r * 10) if r % 2 else [1] * (r * 10)
        s = 0
        for v in seq:
            s += v
        acc.append(s)
    print(acc)
    # The loop variable rebound to another type inside the body: the next step writes its tag again.
    out = []
    for j in range(200):
        if j % 3 == 0:
            j = str(j)
        elif j % 3 == 1:
            j = j * 0.5
        out.append(j)
    print(out[-3:], len(out))


main()
