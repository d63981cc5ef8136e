# indentation error: unexpected indent / expected indented block
print("never")
def f():
return 1
