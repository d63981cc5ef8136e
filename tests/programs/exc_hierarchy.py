# exception hierarchy with user subclasses
names = [BaseException, Exception, ValueError, TypeError, KeyError, IndexError, ZeroDivisionError,
         AttributeError, NameError, UnboundLocalError, RuntimeError, StopIteration, AssertionError,
         NotImplementedError, OverflowError, RecursionError, LookupError, ArithmeticError]
for cls in names:
    parents = [p.__name__ for p in names if p is not cls and issubclass(cls, p)]
    print(cls.__name__, parents)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(LookupError, Exception))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(Exception, BaseException), issubclass(BaseException, Exception))
class MyError(Exception):
    pass
class MyValueError(MyError):
    pass
class DetailError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class Deeper(DetailError):
    pass
for exc in [MyError("m"), DetailError(404, "not found"), Deeper(500, "server")]:
    try:
        raise exc
    except ValueError as e:
        print("ValueError branch:", type(e).__name__, e, e.code)
    except MyError as e:
        print("MyError branch:", e)
print(isinstance(Deeper(1, "x"), ValueError), isinstance(Deeper(1, "x"), Exception), isinstance(MyError(), ValueError))
def catch_base(f):
    try:
        f()
    except Exception as e:
        return "Exception: " + type(e).__name__
    except BaseException as e:
        return "BaseException: " + type(e).__name__
def raise_si():
    raise StopIteration
def raise_base():
    raise BaseException("raw")
print(catch_base(raise_si), catch_base(raise_base), catch_base(lambda: 1 / 0))
try:
    raise OverflowError("too big")
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    raise AssertionError("boom")
except Exception as e:
    print(repr(e))
