# io.StringIO: writing, reading, seeking, newlines, as a context manager and with print(file=).
import io

s = io.StringIO("ab\ncd")
print(s.tell(), s.read(1), s.tell(), s.readline(), repr(s.readline()), repr(s.readline()))
s = io.StringIO()
s.write("hello")
s.seek(1)
s.write("EY")
print(s.getvalue(), s.tell())
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
try:
    s.write(1)
except TypeError as e:
    print(e)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print(e)
try:
    io.StringIO(newline="x")
except ValueError as e:
    print(e)
print(repr(io.StringIO("a\r\nb\rc", newline=None).getvalue()), list(io.StringIO("x\ny\n")))
print(repr(io.StringIO("a\nb", newline="\r\n").getvalue()))
s = io.StringIO("abc")
s.seek(0, 2)
print(s.tell())
s.truncate(1)
print(repr(s.getvalue()), s.tell())
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.seek(-1)
except ValueError as e:
    print(e)
out = io.StringIO()
for row in range(3):
    print(" " * row, end="", file=out)
    print(*range(row + 1), sep=",", file=out)
print(out.getvalue(), end="")
with io.StringIO() as buf:
    buf.writelines(["a", "b"])
    print(buf.getvalue(), buf.readable(), buf.seekable())
print(buf.closed, type(buf).__name__, io.StringIO.__module__)
r = io.StringIO("one\ntwo\nthree")
print(r.readlines(), r.read(), io.StringIO("abc").read(2), io.StringIO("l1\nl2").readlines(1))
