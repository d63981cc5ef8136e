// The opcodes of Lbbv. The compiler emits these, the interpreter executes them, the disassembler
// prints them and the JITs specialize (or fall back to the interpreter's implementation of) each
// of them. What each op does to the stack, and what the JITs may assume of it, is its row in the
// one opcode table (OpTable.cs).
//
// An instruction is one int: `op | (arg << 8)` (arg is 0..2^23-1; there is no EXTENDED_ARG).
// A bytecode offset is an instruction index. Jump arguments are ABSOLUTE instruction indices.
// Semantics follow CPython 3.11's op of the same name unless the comment says otherwise.
// Stack pictures are written bottom ... top, before -> after.
namespace Lbbv.Bytecode;

public enum Opcode : byte
{
    Nop,

    // ---- stack
    PopTop,             // [v] -> []
    Copy,               // arg n>=1: [.. v(n-th from top) ..] -> [.. v .. v]   (COPY 1 duplicates TOS)
    Swap,               // arg n>=2: swap TOS with the n-th item from the top

    // ---- constants and variables
    LoadConst,          // arg const index: [] -> [c]
    LoadFast,           // arg local index: [] -> [v]; UnboundLocalError if unbound
    StoreFast,          // arg local index: [v] -> []
    DeleteFast,         // arg local index
    MakeCell,           // arg cell slot (index into localsplus): wrap the slot's current value (maybe unbound) in a new cell
    LoadClosure,        // arg cell/free slot: [] -> [cell object itself]
    LoadDeref,          // arg cell/free slot: [] -> [cell contents]; NameError/UnboundLocalError if empty
    StoreDeref,         // arg cell/free slot: [v] -> []
    DeleteDeref,        // arg cell/free slot
    LoadGlobal,         // arg name index: globals then builtins; NameError if missing
    StoreGlobal,        // arg name index
    DeleteGlobal,       // arg name index
    LoadName,           // arg name index: class-body namespace, then globals, then builtins
    StoreName,          // arg name index: into the class-body namespace
    DeleteName,         // arg name index
    LoadAttr,           // arg name index: [obj] -> [obj.name]
    StoreAttr,          // arg name index: [v, obj] -> []   (obj.name = v)
    DeleteAttr,         // arg name index: [obj] -> []
    LoadMethod,         // arg name index: [obj] -> [func, obj] for a plain method found on the class,
                        //                         else [attr, NULL]
    LoadAssertionError, // [] -> [AssertionError]

    // ---- operators
    BinaryOp,           // arg = (int)BinOpKind, +16 for the in-place form (+=): [a, b] -> [a op b]
    UnaryNegative,      // [v] -> [-v]
    UnaryPositive,      // [v] -> [+v]
    UnaryInvert,        // [v] -> [~v]
    UnaryNot,           // [v] -> [not v]
    CompareOp,          // arg = (int)CmpOpKind, only Eq..GtE: [a, b] -> [a op b]
    IsOp,               // arg 0 `is`, 1 `is not`: [a, b] -> [bool]
    ContainsOp,         // arg 0 `in`, 1 `not in`: [a, b] -> [bool]   (a in b)
    BinarySubscr,       // [obj, key] -> [obj[key]]
    StoreSubscr,        // [v, obj, key] -> []   (obj[key] = v)
    DeleteSubscr,       // [obj, key] -> []
    BuildSlice,         // arg 2 or 3: [lo, hi(, step)] -> [slice]

    // ---- building
    BuildTuple,         // arg n: [v1..vn] -> [tuple]
    BuildList,          // arg n
    BuildSet,           // arg n
    BuildMap,           // arg n pairs: [k1, v1, .. kn, vn] -> [dict]
    BuildString,        // arg n strings: [s1..sn] -> [s1+..+sn]
    ListAppend,         // arg i: [list(at depth i below TOS before pop) .. v] -> [..]   (comprehensions, as CPython)
    SetAdd,             // arg i
    MapAdd,             // arg i: [.. k, v] -> [..]
    ListExtend,         // arg i: [.. iterable] -> [..] list at depth i extended
    SetUpdate,          // arg i
    DictUpdate,         // arg i
    DictMerge,          // arg i (for **kwargs in calls: TypeError on duplicate keys)
    ListToTuple,        // [list] -> [tuple]
    UnpackSequence,     // arg n: [seq] -> [vn .. v1]  (v1 on top, as CPython)
    UnpackEx,           // arg before | (after << 8): [seq] -> [after items.., list, before items..] (as CPython)
    FormatValue,        // arg flags as CPython: (flags & 3) 0 none 1 str 2 repr 3 ascii; flags & 4: spec on TOS
                        //   [v(, spec)] -> [str]

    // ---- control flow (absolute targets)
    Jump,               // arg target (forward or backward; a backward jump is a loop back-edge)
    PopJumpIfFalse,     // arg target: [v] -> []
    PopJumpIfTrue,      // arg target: [v] -> []
    PopJumpIfNone,      // arg target: [v] -> []
    PopJumpIfNotNone,   // arg target: [v] -> []
    JumpIfFalseOrPop,   // arg target: [v] -> [v] and jump if falsy, else [] and fall through
    JumpIfTrueOrPop,    // arg target
    GetIter,            // [v] -> [iter(v)]
    ForIter,            // arg target: [it] -> [it, next] or, when exhausted, [] and jump to target
    ReturnValue,        // [v] -> return v

    // ---- functions, calls, classes
    MakeFunction,       // arg flags: 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple;
                        //   [defaults?, kwdefaults?, closure?, code] -> [function]
    Call,               // arg n: [callable, a1..an] -> [result]
    CallMethod,         // arg n: [func, self_or_NULL, a1..an] -> [result]  (self prepended when not NULL)
    CallKw,             // arg n: [callable, a1..an, kwnames tuple] -> [result]; the last len(kwnames) args are keywords
    CallEx,             // arg flags: 1 kwargs dict present: [callable, args tuple(, kwargs dict)] -> [result]
    BuildClass,         // arg nbases | nkw << 8:
                        //   [body function, name str, base1..basen(, kw values.., kwnames)] -> [class]
                        //   (the kwnames tuple is there when nkw > 0: `metaclass=` and the keywords of
                        //   __init_subclass__); runs the body in a fresh namespace, then creates the
                        //   class as CPython's __build_class__ does; a returned __class__ cell is set

    // ---- exceptions (CPython 3.11 zero-cost exception table; see CodeObject.ExceptionTable)
    RaiseVarargs,       // arg 0: re-raise the exception being handled; 1: [exc] raise; 2: [exc, cause] raise from
    PushExcInfo,        // [exc] -> [previous handled exception or None, exc]; exc becomes the handled one
    PopExcept,          // [prev] -> []; restores the previously handled exception
    CheckExcMatch,      // [exc, type_or_tuple] -> [exc, bool]
    Reraise,            // arg 0/1: [(lasti,) exc] -> re-raise exc (keeping its traceback)

    // ---- generators
    YieldValue,         // [v] -> suspend, yielding v; on resume: [sent]
    GetYieldFromIter,   // [v] -> [iter(v)] (a generator stays itself)
    Send,               // arg target: [it, v] -> [it, yielded] (falls through to YieldValue)
                        //   or, when it returns r: [r] and jump to target

    // ---- modules
    ImportName,         // arg name index: [] -> [module]
    ImportFrom,         // arg name index: [module] -> [module, module.name]; ImportError if missing
    ImportStar,         // [module] -> [] (copies public names into globals)

    // ---- context managers (CPython 3.11's `with` shape; see Compiler/CodeGen/CodeGenerator.With.cs)
    BeforeWith,         // [mgr] -> [bound mgr.__exit__, mgr.__enter__()]; TypeError when the type lacks either
    WithExceptStart,    // [exit, lasti, prev_exc, exc] -> [exit, lasti, prev_exc, exc, exit(type(exc), exc, tb)]
}

public static class OpcodeInfo
{
    /// <summary>True for ops whose argument is an absolute jump target.</summary>
    public static bool IsJump(Opcode op) => OpTable.Of(op).Has(OpTraits.Jump);

    /// <summary>True for ops after which control never falls through.</summary>
    public static bool IsTerminator(Opcode op) => OpTable.Of(op).Has(OpTraits.Terminator);

    public static int Encode(Opcode op, int arg) => (byte)op | (arg << 8);
    public static Opcode OpOf(int instr) => (Opcode)(byte)instr;
    public static int ArgOf(int instr) => instr >> 8;
}
