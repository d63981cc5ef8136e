# assert statement
def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x * 2
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
assert True
assert [1], "non-empty is truthy"
try:
    assert [], ["message", "is", "a", "list"]
except AssertionError as e:
    print(e.args[0])
count = 0
for i in range(10):
    try:
        assert i % 3, i
    except AssertionError as e:
        count += 1
print(count)
