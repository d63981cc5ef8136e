x = 0
x = 123
x = 1_000_000
x = 0x_FF
x = 0o777
x = 0b1010_1010
x = 0XAbC
x = 000
x = 123456789012345678901234567890
x = 1.5
x = 1.
x = .5
x = 1e10
x = 1E-5
x = 1_000.5
x = 1.5e+3_0
x = 0.1
x = 3.141592653589793
x = 1e308
x = 1e309
x = 2.2250738585072014e-308
x = 5e-324
x = 0.30000000000000004
x = 123456789012345678901234567890.0
x = 09.5
x = 1if x else 2
s = 'single'
s = "double"
s = '''triple
single'''
s = """triple "double" """
s = 'esc \n \t \\ \' \" \r \0 \x41 \u00e9 \U0001F600 \101 \7 \a \b \f \v'
s = 'unknown \q \d'
s = r'raw \n \d'
s = R"raw"
s = 'adjacent' "concat" '''ination'''
s = 'line \
continuation'
s = """multi
line with \
continuation"""
s = u'unicode'
s = ''
s = ""
s = 'café ünïcödé 日本'
