print("before")
z = 3j
