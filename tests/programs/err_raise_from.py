# uncaught exception raised from another one
class ParseError(Exception):
    pass
def parse_int(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError("cannot parse " + repr(s)) from e
print(parse_int("12"))
print(parse_int("twelve"))
