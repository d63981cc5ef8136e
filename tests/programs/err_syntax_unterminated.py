# syntax error: unterminated string literal
print("fine")
s = "unterminated
print(s)
