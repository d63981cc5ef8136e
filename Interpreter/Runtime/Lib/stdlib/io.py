"""In-memory text streams (Lbbv's io, written for Lbbv): StringIO with CPython's behaviour.
Files and binary streams are not supported by Lbbv."""

__all__ = ["StringIO", "SEEK_SET", "SEEK_CUR", "SEEK_END", "UnsupportedOperation"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


# CPython's UnsupportedOperation also derives from ValueError (multiple inheritance, which
# Lbbv does not support yet).
class UnsupportedOperation(OSError):
    pass


class StringIO:
    """A text stream over a str: write() appends at the position (overwriting), read() and
    readline() read from it, getvalue() returns everything."""

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._newline = newline
        self._parts = []
        self._text = ""
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    # The text is kept as appended pieces while writes only append (the common case) and joined
    # when anything else needs it.
    def _value(self):
        if self._parts:
            self._text = self._text + "".join(self._parts)
            self._parts = []
        return self._text

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _translate(self, s):
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    @property
    def closed(self):
        return self._closed

    @property
    def newlines(self):
        return None

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def close(self):
        self._closed = True

    def flush(self):
        self._check()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def getvalue(self):
        self._check()
        return self._value()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        if self._pos == self._size:
            self._parts.append(s)
        else:
            text = self._value()
            if self._pos > self._size:
                text = text + "\0" * (self._pos - self._size)
            self._text = text[:self._pos] + s + text[self._pos + len(s):]
        self._pos += len(s)
        if self._pos > self._size:
            self._size = self._pos
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        text = self._value()
        if size is None or size < 0:
            end = len(text)
        else:
            end = min(len(text), self._pos + size)
        start = min(self._pos, len(text))
        self._pos = max(self._pos, end)
        return text[start:end]

    def readline(self, size=-1):
        self._check()
        text = self._value()
        start = min(self._pos, len(text))
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._size:
            self._text = self._value()[:size]
            self._size = size
        return size
