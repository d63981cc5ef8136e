namespace Lbbv.Backend.Memory;

/// <summary>Reads and writes of 8-byte cells in the code space's data region.</summary>
internal static unsafe class DataCells
{
    public static long Read(nint cell) =>
        // SAFETY: callers pass cells allocated from a live CodeSpace data region (8-byte aligned).
        Volatile.Read(ref *(long*)cell);

    /// <summary>A release store: every code byte written before is visible before the new cell value.</summary>
    public static void WriteRelease(nint cell, long value) =>
        // SAFETY: as Read; the data region is mapped read/write and never executable.
        Volatile.Write(ref *(long*)cell, value);
}
