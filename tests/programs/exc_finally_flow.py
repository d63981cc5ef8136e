# return/break/continue inside try/finally
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally runs")
print(ret_in_try())
def ret_override():
    try:
        return 1
    finally:
        return 2
print(ret_override())
def exc_swallowed():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(exc_swallowed())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def loop_ret():
    for i in range(10):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)
print(loop_ret())
def nested_finally():
    out = []
    try:
        try:
            out.append("a")
            return out
        finally:
            out.append("b")
    finally:
        out.append("c")
print(nested_finally())
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 99
print(finally_value())
n = 0
while True:
    try:
        n += 1
        if n >= 3:
            break
    finally:
        print("while finally", n)
print("n", n)
def raise_through():
    try:
        raise KeyError("k")
    finally:
        print("finally before propagate")
try:
    raise_through()
except KeyError as e:
    print("caught", e)
def except_then_finally():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally after except")
print(except_then_finally())
count = 0
for i in range(4):
    try:
        try:
            if i % 2 == 0:
                continue
            count += 10
        finally:
            count += 1
    finally:
        count += 100
print(count)
