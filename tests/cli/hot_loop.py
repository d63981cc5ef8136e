def f(n):
    total = 0
    for i in range(n):
        if i % 3:
            total += i
    return total
print(f(5000))
