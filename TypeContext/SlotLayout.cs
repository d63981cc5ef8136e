namespace Lbbv.Types;

/// <summary>
/// Names the slots of a frame the way the frame lays them out in memory: slot <c>i</c> for
/// <c>i &lt; LocalCount</c> is local <c>i</c> (LocalCount is the code's frame slot count:
/// fast locals, then cell and free slots), and operand-stack entry <c>d</c> (0 = bottom of the
/// stack, the first pushed) is slot <c>LocalCount + d</c>. A stack of depth n occupies slots
/// LocalCount .. LocalCount + n - 1, its top is slot LocalCount + n - 1.
/// </summary>
public readonly record struct SlotLayout
{
    public SlotLayout(int localCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localCount);
        LocalCount = localCount;
    }

    public int LocalCount { get; }

    /// <summary>The slot of local <paramref name="local"/>.</summary>
    public int Local(int local)
    {
        if ((uint)local >= (uint)LocalCount) throw new ArgumentOutOfRangeException(nameof(local));
        return local;
    }

    /// <summary>The slot of stack entry <paramref name="depthIndex"/> (0 = bottom).</summary>
    public int Stack(int depthIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depthIndex);
        return LocalCount + depthIndex;
    }

    /// <summary>The slot of the stack entry <paramref name="fromTop"/> below the top of a stack of depth <paramref name="depth"/>.</summary>
    public int FromTop(int depth, int fromTop = 0)
    {
        if ((uint)fromTop >= (uint)depth) throw new ArgumentOutOfRangeException(nameof(fromTop), "below the bottom of the stack");
        return LocalCount + depth - 1 - fromTop;
    }
}
