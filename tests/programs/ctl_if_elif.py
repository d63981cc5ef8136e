# if / elif / else
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
for s in [95, 85, 75, 65, 55, 90, 60, 0, 100]:
    print(s, grade(s))
def fizz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out
print(" ".join(fizz(30)))
x = 0
if x:
    print("never")
if not x:
    pass
if x == 0:
    if x < 1:
        print("nested true")
    else:
        print("nested false")
if []:
    print("empty list true?")
elif [0]:
    print("non-empty list true")
y = 3
if y > 1: print("one-liner")
if y > 5: print("no")
else: print("else one-liner")
