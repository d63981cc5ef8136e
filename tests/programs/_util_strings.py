# helper module imported by mod_local_import.py (not a test program)
def shout(s):
    return s.upper() + "!"
def _private():
    return "private"
VERSION = (1, 2)
