# a comment at the top

x = 1  # trailing comment
   # comment with odd indentation
if x:
    # comment in block

    y = 2
        # deeper comment
    z = 3
if x:
	tabbed = 1
	if y:
		deeper = 2
def f(a,
      b,
          c):
    return (a +
  b +
            c)
l = [
    1,
# comment inside brackets
    2,
]
if x: y = 1; z = 2
class C: x = 1; y = 2
while 0: pass
for a in b: break
s = '''
  indented text inside string
'''
t = 1 \
+ 2
def last():
    return 1
