using System.Runtime.InteropServices;

namespace Lbbv.Backend.Memory;

/// <summary>The few libc calls the code space and the heap pages need (Linux x86-64 only).</summary>
internal static partial class Libc
{
    public const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, ProtExec = 4;
    public const int MapShared = 0x01, MapPrivate = 0x02, MapFixed = 0x10, MapAnonymous = 0x20, MapNoReserve = 0x4000;
    public const uint MfdCloexec = 1;
    public static readonly nint MapFailed = -1;

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MemfdCreate(string name, uint flags);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    /// <summary>fallocate's mode for returning a range's pages: punch a hole, keep the file's size.</summary>
    public const int FallocPunchHoleKeepSize = 0x02 | 0x01;

    [LibraryImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    public static partial int Fallocate(int fd, int mode, long offset, long length);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    public static partial int Mprotect(nint address, nuint length, int protection);

    public const int MadvHugePage = 14, MadvDoDump = 17, MadvCollapse = 25;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    public static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    public static Exception Failure(string call) =>
        new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()} ({Marshal.GetLastPInvokeErrorMessage()})");
}
