# ZeroDivisionError in all its forms (caught)
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e)
    except ValueError as e:
        print(label, "ValueError:", e)
attempt("int /", lambda: 1 / 0)
attempt("int //", lambda: 1 // 0)
attempt("int %", lambda: 1 % 0)
attempt("float /", lambda: 1.0 / 0)
attempt("float //", lambda: 1.0 // 0.0)
attempt("float %", lambda: 1.5 % 0.0)
attempt("divmod", lambda: divmod(5, 0))
attempt("divmod f", lambda: divmod(5.0, 0))
attempt("big /", lambda: 10 ** 30 / 0)
attempt("big //", lambda: 10 ** 30 // 0)
attempt("big %", lambda: (10 ** 30) % 0)
attempt("pow", lambda: 0 ** -1)
attempt("pow f", lambda: 0.0 ** -1)
attempt("pow mod", lambda: pow(2, 3, 0))
attempt("ok", lambda: 0 / 5)
x = 0
try:
    x = 5
    x /= 0
except ZeroDivisionError as e:
    print("augmented", e, x)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(ZeroDivisionError, Exception))
