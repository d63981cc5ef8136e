print("local itertools must not be imported")
