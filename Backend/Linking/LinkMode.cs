namespace Lbbv.Backend.Linking;

/// <summary>How a jump to code that is not compiled yet is linked once its target exists
/// (docs/LINKING.md).</summary>
public enum LinkMode : byte
{
    /// <summary>Through the indirect slot forever: published bytes never change (the default).</summary>
    Indirect,
    /// <summary>The jump through the slot is rewritten in place into a direct jump or call (YJIT's way),
    /// through the writable view of the code space.</summary>
    Patch,
    /// <summary>Published bytes never change; a unit whose links are hot is emitted again with direct
    /// jumps and calls, and what led into the old copy is re-pointed to the new one.</summary>
    Reemit,
}

public static class LinkModes
{
    public static readonly string[] Names = ["indirect", "patch", "reemit"];

    public static string Name(this LinkMode mode) => Names[(int)mode];

    public static bool TryParse(string name, out LinkMode mode)
    {
        int index = Array.IndexOf(Names, name);
        mode = index < 0 ? LinkMode.Indirect : (LinkMode)index;
        return index >= 0;
    }
}

/// <summary>How control leaves a unit through an indirect slot at one place (a link site).</summary>
public enum LinkSiteKind : byte
{
    /// <summary><c>jmp [rip+slot]</c> (<c>Control.JumpThroughSlot</c>, or <c>Link.PatchableJump</c>).</summary>
    Jump,
    /// <summary>A counted jump: <c>Counter.Increment</c> of the indirect-jump counter, then the jump
    /// (two stencils, or <c>Link.CountedPatchableJump</c>).</summary>
    CountedJump,
    /// <summary><c>Invoke.Call</c>: a call of a callee's entry through its slot.</summary>
    Call,
}

/// <summary>A link site of a unit: its kind, the slot it goes through and the index of its first
/// stencil in the unit.</summary>
public readonly record struct LinkSite(LinkSiteKind Kind, nint Slot, int Stencil)
{
    /// <summary>How many stencils the site spans in the indirect form (a counted jump: two).</summary>
    public int IndirectStencils => Kind == LinkSiteKind.CountedJump ? 2 : 1;
}
