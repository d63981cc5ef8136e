namespace Lbbv.Types;

/// <summary>
/// The abstract type of one frame slot at a block entry: a point in a tree-shaped lattice that
/// fits in 4 bits. Exactly 16 elements, so every nibble is a valid type and decoding never fails.
/// <code>
/// Unknown ─┬─ Empty
///          └─ Bound ─┬─ None
///                    ├─ Integer ── Int
///                    ├─ Float, Bool
///                    └─ Heap ───┬─ Str, List, Tuple, Dict, Instance, Function, Iterator
/// </code>
/// One exception to "a tree": a big int is a value of both Integer and Heap (its tag is Object), which
/// the tree calls unrelated. Integer is therefore never guarded by its tag range, never reported by a
/// return site and never meets Heap: it is produced only by integer arithmetic on operands known to be
/// Int or Integer (docs/LBBV.md, "Big integers"), and read only by that arithmetic.
/// <code>
/// </code>
/// Values are stable: they are the nibble encoding stored in <see cref="TypeContext"/>.
/// Unknown is 0 so that a zeroed context is the generic one.
/// </summary>
public enum AbstractType : byte
{
    /// <summary>Top: any value, including an unbound (Empty) slot. Carries no information.</summary>
    Unknown = 0,

    /// <summary>Known unbound (tag Empty): a local before its first store or after <c>del</c>.
    /// Lets LoadFast raise UnboundLocalError without a test, and keeps "possibly unbound"
    /// (Unknown) apart from "bound" in joins.</summary>
    Empty = 1,

    /// <summary>Any value except Empty: LoadFast needs no unbound check. What a join of two
    /// different bound types (say Int and Str) leaves.</summary>
    Bound = 2,

    /// <summary>Tag None: <c>x is None</c> folds and None-returning calls need no test.</summary>
    None = 3,

    /// <summary>An int, maybe big: tag Int (an unboxed int64) or a BigInt object. The result of integer
    /// arithmetic on Int/Integer operands that may overflow; what an int that grows big joins to. Its
    /// ops take the int64 path after one tag test, else the big-int helper, with no chain. Not a tag
    /// range (a big int is tag Object), so it has no guard of its own. (Until issue 20 this nibble was
    /// Number, Int|Float|Bool, which no op specialized on.)</summary>
    Integer = 4,

    /// <summary>Tag Int: an unboxed int64 (a BigInt is <see cref="Heap"/> and <see cref="Integer"/>). The hottest
    /// specialization: add/sub/compare with only an overflow check.</summary>
    Int = 5,

    /// <summary>Tag Float: an unboxed double; float arithmetic with no test.</summary>
    Float = 6,

    /// <summary>Tag Bool: branches on a known bool test the payload directly.</summary>
    Bool = 7,

    /// <summary>Tag Object, kind unknown (BigInt, Set, Class, BoundMethod, Range, ...): the
    /// payload is a heap pointer, so a kind test is one load and compare.</summary>
    Heap = 8,

    /// <summary>Object kind Str: concatenation, comparison and len go to string helpers directly.</summary>
    Str = 9,

    /// <summary>Object kind List: len and indexing read count and items inline.</summary>
    List = 10,

    /// <summary>Object kind Tuple: len, indexing and unpacking read inline items.</summary>
    Tuple = 11,

    /// <summary>Object kind Dict: subscripts call the dict helpers with no dispatch.</summary>
    Dict = 12,

    /// <summary>Object kind Instance: attribute access needs only the class (shape) check.</summary>
    Instance = 13,

    /// <summary>Object kind Function (a Python function): calls jump through its entry point.</summary>
    Function = 14,

    /// <summary>Object kind Iterator: a companion iterator (tuple, str, dict, ...). Native range and
    /// list iterators have kinds of their own and map to <see cref="Heap"/>.</summary>
    Iterator = 15,
}
