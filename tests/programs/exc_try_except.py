# try/except with as, tuples of types, bare except, else, finally
def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}["k"]
    if kind == 3:
        return int("x")
    if kind == 4:
        return undefined_name
    if kind == 5:
        raise RuntimeError("custom", 42)
    return "fine"
for k in range(7):
    try:
        r = risky(k)
    except ZeroDivisionError as e:
        print(k, "zero:", e)
    except (IndexError, KeyError) as e:
        print(k, "lookup:", type(e).__name__, e)
    except ValueError:
        print(k, "value error")
    except:
        print(k, "bare except")
    else:
        print(k, "no error:", r)
    finally:
        print(k, "finally")
try:
    try:
        raise KeyError("inner")
    except IndexError:
        print("wrong handler")
    finally:
        print("inner finally")
except LookupError as e:
    print("outer caught", repr(e))
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
def nested_handler():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            [].pop()
        except IndexError as e2:
            return "handled " + str(e2)
print(nested_handler())
e_outer = "before"
try:
    raise TypeError("t")
except TypeError as e_outer:
    pass
try:
    print(e_outer)
except NameError as ne:
    print("NameError:", ne)
x = 0
for i in range(5):
    try:
        if i % 2:
            raise ValueError(i)
        x += i
    except ValueError as v:
        x += 100 * v.args[0]
print(x)
try:
    raise ArithmeticError("base")
except ZeroDivisionError:
    print("not this")
except ArithmeticError as e:
    print("ArithmeticError:", e)
