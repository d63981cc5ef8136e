using System.Runtime.InteropServices;

namespace Lbbv.Cli.Bench;

/// <summary>The CPU time (user + system) of this process's waited-for children, from getrusage(RUSAGE_CHILDREN).
/// The harness runs one child at a time, so the difference across one run is that child's CPU time.</summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>struct rusage (Linux x86-64): two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue User;
        public TimeValue System;
        public long MaxRss, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps;
        public long BlockInputs, BlockOutputs, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, Switches;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>Total CPU seconds of the reaped children so far, or null where getrusage is not available.</summary>
    public static double? Total()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            if (GetResourceUsage(RusageChildren, out var usage) != 0) return null;
            return Seconds(usage.User) + Seconds(usage.System);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    private static double Seconds(TimeValue t) => t.Seconds + t.Microseconds / 1e6;
}
