# A module next to the program shadows the one Lbbv ships (heapq, pyperf), as in CPython;
# built-in modules (sys, time, gc, itertools) cannot be shadowed.
import heapq
import itertools
import pyperf

print(heapq.origin, pyperf.origin, itertools.__name__, hasattr(itertools, "count"))
