# bisect and heapq (the heap's list layout is CPython's).
import bisect
import heapq

a = [1, 2, 2, 4, 8]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 0), bisect.bisect_left(a, 9),
      bisect.bisect(a, 2, 3), bisect.bisect_left(a, 2, 0, 1))
bisect.insort(a, 3)
bisect.insort_left(a, 2)
print(a)
recs = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect(recs, 4, key=lambda r: r[0]), bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "d"), key=lambda r: r[0])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])

h = []
for v in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, v)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print(heapq.nlargest(3, [3, 1, 4, 1, 5, 9, 2, 6]), heapq.nsmallest(2, [3, 1, 4], key=lambda x: -x),
      heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([5, 3], [4, 1], reverse=True)),
      list(heapq.merge(["a", "bb"], ["c"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
while tasks:
    print(heapq.heappop(tasks))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
