using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>What an indirect slot's stub asks the compiler for when it is first reached.</summary>
public enum RequestKind : byte
{
    /// <summary>A successor block (or a deferred point) entered with a known context: select or compile a version.</summary>
    Block,
    /// <summary>A type guard failed at Offset: compile a new version there that speculates on the
    /// type the live value has (or, at the cap, runs the op unspecialized).</summary>
    Chain,
    /// <summary>A specialized op's fast path declined at Offset (int overflow, zero divisor): compile
    /// a version there that runs the op unspecialized.</summary>
    Unspecialized,
    /// <summary>A class-version guard failed at Offset: select or compile the version valid under the new class
    /// version, or chain as a failed type guard does once the code has used its invalidation budget
    /// (<see cref="CodeVersions.PrunesStale"/>).</summary>
    Revalidate,
    /// <summary>One class entry of a method load's polymorphic inline cache continues at Offset (the
    /// call) with that class's method live: compile a new version there, beyond the block's cap by at
    /// most the cache's entries (then the op runs unspecialized).</summary>
    Case,
    /// <summary>A polymorphic inline cache at Offset found a class changed since it was compiled:
    /// compile the op's unspecialized version again (its cache read anew), a few times per op; then
    /// without a cache (a cache is never revalidated: a chain could lead back to a stale copy).</summary>
    Refresh,
}

/// <summary>The compile request behind one indirect slot; <paramref name="Iterators"/> are the native
/// iterator kinds proven where the request is made (<see cref="Lbbv.Jit.Lowering.ProvenIterators"/>).</summary>
public sealed record CompileRequest(RequestKind Kind, CodeVersions Code, int Offset, TypeContext Context, ulong Iterators = 0);
