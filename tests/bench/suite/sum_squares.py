# A tiny benchmark for the `lbbv bench` end-to-end test: an int loop in a function (LBBV compiles it).
def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


print(sum_squares(20000))
