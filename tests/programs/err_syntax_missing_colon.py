# syntax error: missing colon
print("this line is never run")
def f(x)
    return x
