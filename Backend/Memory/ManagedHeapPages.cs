using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lbbv.Backend.Memory;

/// <summary>
/// Backs .NET's young generation with transparent huge pages at start. The collector commits its heap
/// 64 KB at a time, so every 4 KB page the process allocates into takes a page fault of its own: a
/// JIT run of a short program allocates 1-2 MB before its first collection, 300 faults, and a fault
/// costs 10-25 us on the virtual machines this runs on; one 2 MB huge page costs about 150 us
/// (bench/README.md, "Start-up: the young generation on huge pages, code laid out for start-up"). The collector is not told: the blocks lie
/// in the address range it reserved for its heap, and making the part it has not committed yet
/// readable and writable early changes nothing it relies on (fresh pages read as zeros either way,
/// and its own commit of that memory later is the same mprotect).
/// </summary>
public static unsafe class ManagedHeapPages
{
    private const nint HugePage = 2 << 20;
    // .NET's collector hands out its heap in regions of 4 MB, aligned to their size.
    private const nint Region = 4 << 20;

    /// <summary>The 2 MB blocks <see cref="BackYoungGenerationWithHugePages"/> advised (`--stats`).</summary>
    public static int BlocksAdvised { get; private set; }

    /// <summary>Backs the rest of the young generation's first region with huge pages (the pages it
    /// has used already are copied into the first); returns how many 2 MB blocks it advised.</summary>
    public static int BackYoungGenerationWithHugePages() => BlocksAdvised = Advise();

    private static int Advise()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("LBBV_NO_HUGE_HEAP") != null) return 0;
        try
        {
            var probe = new byte[1];
            // SAFETY: only the address is taken (where the young generation allocates now), never read
            // through; the array may move afterwards.
            nint at = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(probe));
            nint start = at & ~(HugePage - 1), end = (at & ~(Region - 1)) + Region;
            if (!WithinAnonymousMappings(start, end)) return 0;
            int blocks = 0;
            for (nint block = start; block < end; block += HugePage, blocks++)
                if (!AdviseBlock(block, collapse: block == start)) break;
            return blocks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    private static bool AdviseBlock(nint block, bool collapse)
    {
        // SAFETY: the block lies in anonymous memory the collector reserved for its heap (checked by
        // the caller); advising it and making it readable and writable does not change what it holds.
        if (Libc.Madvise(block, (nuint)HugePage, Libc.MadvHugePage) != 0) return false;
        if (Libc.Mprotect(block, (nuint)HugePage, Libc.ProtRead | Libc.ProtWrite) != 0) return false;
        // The collector marks what it commits for core dumps and what it only reserved not: one
        // marking for the whole block makes it one mapping, which a huge page needs.
        if (Libc.Madvise(block, (nuint)HugePage, Libc.MadvDoDump) != 0) return false;
        // A block with pages in use already gets its huge page now, with those pages copied into it
        // (the kernel may refuse); an untouched one at its first fault.
        return !collapse || Libc.Madvise(block, (nuint)HugePage, Libc.MadvCollapse) == 0;
    }

    /// <summary>Whether [start, end) is covered by consecutive anonymous mappings (/proc/self/maps: a
    /// line is "from-to perms offset device inode [name]", addresses in hex; anonymous memory has
    /// inode 0 and no name).</summary>
    private static bool WithinAnonymousMappings(nint start, nint end)
    {
        ReadOnlySpan<byte> text = File.ReadAllBytes("/proc/self/maps");
        nint covered = start;
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            int dash = line.IndexOf((byte)'-'), space = line.IndexOf((byte)' ');
            if (dash < 0 || space < dash) continue;
            nint from = Hex(line[..dash]), to = Hex(line[(dash + 1)..space]);
            if (to <= covered || from > covered) continue;
            var fields = line[space..];
            int count = 0;
            ReadOnlySpan<byte> last = default;
            foreach (var field in fields.Split((byte)' '))
                if (fields[field].Length > 0) { count++; last = fields[field]; }
            if (count != 4 || !last.SequenceEqual("0"u8)) return false; // a file or a named region
            covered = to;
            if (covered >= end) return true;
        }
        return false;
    }

    private static nint Hex(ReadOnlySpan<byte> digits)
    {
        ulong value = 0;
        foreach (byte d in digits)
            value = value << 4 | (uint)(d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        return (nint)value;
    }
}
