# uncaught AssertionError with a message
def check(v):
    assert v >= 0, "negative value: " + str(v)
    return v
print(check(3))
print(check(-4))
