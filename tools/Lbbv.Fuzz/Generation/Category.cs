namespace Lbbv.Fuzz.Generation;

/// <summary>What the generator knows of a variable's values. Num variables hold int (small, near
/// 2**31/2**53/2**63/2**64, big), float (including -0.0, inf and nan) or bool, and change between
/// them freely: + - * and comparisons never raise on them. Int is a known int (a loop counter).
/// Any holds a value of any kind, so most operations on it go inside try.</summary>
public enum Cat { Num, Int, Str, List, Tuple, Dict, Obj, Any }

/// <summary>A variable the generated code may read and assign.</summary>
/// <paramref name="Fixed"/>: never assigned by generated statements (a loop variable).
public sealed record Var(string Name, Cat Cat, bool Fixed = false);
