# raise, raise from, re-raise, exception chaining attributes
class AppError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError("bad input: " + s) from e
try:
    parse("12x")
except AppError as e:
    print("AppError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
def reraise():
    try:
        {}["a"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraise()
except KeyError as e:
    print("re-raised:", repr(e))
def implicit_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    implicit_context()
except ValueError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        raise TypeError("a")
    except TypeError as e:
        raise RuntimeError("b") from None
except RuntimeError as e:
    print(e, e.__cause__)
err = ValueError("prebuilt", 7)
try:
    raise err
except ValueError as e:
    print(e is err, e.args)
try:
    raise IndexError
except IndexError as e:
    print(repr(e), str(e) == "", e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
