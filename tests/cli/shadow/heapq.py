origin = "local heapq"
