namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>Strings CPython 3.11 has interned before it compiles a program: the names of the
/// builtins and of the modules every interpreter imports at startup (generated from
/// `dir(builtins)`). An approximation: site packages import more.</summary>
internal static class CPythonInternedNames
{
    public static readonly HashSet<string> AtStartup =
    [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
        "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
        "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
        "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
        "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
        "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
        "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
        "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
        "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
        "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
        "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
        "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
        "ValueError", "Warning", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__",
        "__loader__", "__name__", "__package__", "__spec__", "abc", "abs", "aiter", "all", "anext", "any", "ascii",
        "bin", "bool", "breakpoint", "builtins", "bytearray", "bytes", "callable", "chr", "classmethod", "codecs",
        "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "encodings", "enumerate",
        "errno", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "genericpath", "getattr",
        "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "io", "isinstance", "issubclass", "iter",
        "len", "license", "list", "locals", "map", "marshal", "max", "memoryview", "min", "next", "object", "oct",
        "open", "ord", "os", "posix", "posixpath", "pow", "print", "property", "quit", "range", "repr", "reversed",
        "round", "set", "setattr", "site", "slice", "sorted", "stat", "staticmethod", "str", "sum", "super", "sys",
        "time", "tuple", "type", "vars", "zip"
    ];
}
