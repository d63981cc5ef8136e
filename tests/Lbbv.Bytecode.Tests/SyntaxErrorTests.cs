using Lbbv.Syntax;
using Assert = Xunit.Assert;

namespace Lbbv.Bytecode.Tests;

/// <summary>Compile-time errors: CPython 3.11's messages and lines.</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("def f():\n  x=1\n  global x\n", "name 'x' is assigned to before global declaration", 3)]
    [InlineData("def f():\n  print(x)\n  global x\n", "name 'x' is used prior to global declaration", 3)]
    [InlineData("def f(x):\n  global x\n", "name 'x' is parameter and global", 2)]
    [InlineData("def f(x):\n  def g():\n    nonlocal x\n    x = 1\n  nonlocal x\n", "name 'x' is parameter and nonlocal", 5)]
    [InlineData("def f():\n  x = 1\n  nonlocal x\n", "name 'x' is assigned to before nonlocal declaration", 3)]
    [InlineData("def f():\n  global x\n  nonlocal x\n", "name 'x' is nonlocal and global", 2)]
    [InlineData("def f():\n  nonlocal x\n  global x\n", "name 'x' is nonlocal and global", 2)]
    [InlineData("nonlocal x\n", "nonlocal declaration not allowed at module level", 1)]
    [InlineData("def f():\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2)]
    [InlineData("x = 1\ndef f():\n  def g():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 4)]
    [InlineData("yield 1\n", "'yield' outside function", 1)]
    [InlineData("class C:\n  yield 1\n", "'yield' outside function", 2)]
    [InlineData("def f():\n  return [(yield x) for x in y]\n", "'yield' inside list comprehension", 2)]
    [InlineData("return 1\n", "'return' outside function", 1)]
    [InlineData("class C:\n  return\n", "'return' outside function", 2)]
    [InlineData("break\n", "'break' outside loop", 1)]
    [InlineData("x = 1\ncontinue\n", "'continue' not properly in loop", 2)]
    [InlineData("while x:\n  def f():\n    break\n", "'break' outside loop", 3)]
    [InlineData("for x in y:\n  class C:\n    continue\n", "'continue' not properly in loop", 3)]
    [InlineData("def f():\n  def g():\n    from m import *\n", "import * only allowed at module level", 3)]
    [InlineData("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", "default 'except:' must be last", 3)]
    [InlineData("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1)]
    public void ReportsCPythonMessage(string source, string message, int line)
    {
        var e = Assert.Throws<PySyntaxError>(() => TestCompiler.Compile(source));
        Assert.Equal(message, e.Message);
        Assert.Equal(line, e.Line);
        Assert.Equal("t.py", e.FileName);
    }

    [Theory]
    [InlineData("[x for x in (y := [1])]\n", "assignment expression cannot be used in a comprehension iterable "
        + "expression", 1)]
    [InlineData("[(x := 1) for x in y]\n", "assignment expression cannot rebind comprehension iteration variable "
        + "'x'", 1)]
    [InlineData("class C:\n  [(z := 1) for x in y]\n", "assignment expression within a comprehension cannot be used "
        + "in a class body", 2)]
    [InlineData("x = 1\nfrom __future__ import annotations\n", "from __future__ imports must occur at the beginning "
        + "of the file", 2)]
    [InlineData("from __future__ import nope\n", "future feature nope is not defined", 1)]
    [InlineData("from __future__ import braces\n", "not a chance", 1)]
    public void WalrusAndFutureErrorsAreCPythons(string source, string message, int line)
    {
        var e = Assert.Throws<PySyntaxError>(() => TestCompiler.Compile(source));
        Assert.Equal((message, line), (e.Message, e.Line));
    }

    [Fact]
    public void WalrusInAComprehensionBindsInTheEnclosingFunction()
    {
        var code = TestCompiler.Find(TestCompiler.Compile("def f(xs):\n  [(last := x) for x in xs]\n  return "
            + "last\n"), "f");
        Assert.Contains("last", code.CellVars);
    }
}
