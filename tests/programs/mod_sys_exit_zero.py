# sys.exit() and sys.exit(0) end with status 0
import sys
print("start")
for i in range(5):
    if i == 3:
        print("exiting at", i)
        sys.exit()
    print(i)
