# sys.exit with an integer status after output
import sys
print("before exit")
def finish(code):
    try:
        sys.exit(code)
    finally:
        print("finally runs during exit")
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)
finish(3)
print("never printed")
