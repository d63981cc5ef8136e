# allocation churn: tens of millions of short-lived objects, little kept live.
# Exercises the collector with lists, tuples, instances, strings, dicts,
# self-referencing and mutually-referencing cycles, and big ints.
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.data = [value, value + 1]

class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def churn_lists(n):
    check = 0
    for i in range(n):
        lst = [i, i + 1, i + 2]
        t = (i, lst)
        check = (check + len(lst) + t[0]) % 1000000007
    return check

def churn_instances(n):
    check = 0
    for i in range(n):
        node = Node(i)
        node.next = node  # self cycle
        p = Pair(node, None)
        q = Pair(p, None)
        p.b = q  # two-object cycle
        check = (check + node.next.value + q.a.a.data[1]) % 1000000007
    return check

def churn_strings(n):
    check = 0
    for i in range(n):
        s = "item-" + str(i)
        u = s.upper() + s[-3:]
        parts = u.split("-")
        check = (check + len(u) + len(parts[1])) % 1000000007
    return check

def churn_dicts(n):
    check = 0
    for i in range(n):
        d = {"k": i, "v": [i], "s": "x"}
        d["self"] = d  # cycle through a dict
        check = (check + d["k"] + len(d)) % 1000000007
    return check

def churn_bigints(n):
    check = 0
    base = 2 ** 70
    for i in range(n):
        b = base + i
        c = b * b - base
        check = (check + c % 1000003) % 1000000007
    return check

def keep_small_live(n):
    ring = [None] * 64
    total = 0
    for i in range(n):
        ring[i % 64] = (Node(i), [i] * 4, str(i))
        total += ring[(i * 7) % 64][0].value if ring[(i * 7) % 64] is not None else 0
    return total % 1000000007, len(ring)

def linked_chains(rounds, length):
    check = 0
    for r in range(rounds):
        head = None
        for i in range(length):
            n = Node(i)
            n.next = head
            head = n
        # make the chain a cycle before dropping it
        tail = head
        while tail.next is not None:
            tail = tail.next
        tail.next = head
        check = (check + head.value + tail.value) % 1000000007
    return check

results = [
    churn_lists(3000000),
    churn_instances(1200000),
    churn_strings(1200000),
    churn_dicts(1200000),
    churn_bigints(1500000),
    keep_small_live(1200000),
    linked_chains(600, 1000),
]
print(results)
checksum = 0
for r in results:
    if isinstance(r, tuple):
        r = r[0] * 31 + r[1]
    checksum = (checksum * 131 + r) % 1000000007
print("checksum", checksum)
