namespace Lbbv.Backend.Memory;

/// <summary>
/// One address-range reservation holding a data region (read/write, never executable) followed by
/// a code region. The code region is a memfd mapped twice: read+execute at its place in the
/// reservation, and read+write somewhere else. No mapping is writable and executable at once.
/// Code is written through the writable view above the published watermark only; bytes below
/// the watermark are never written again, except by <see cref="PatchPublished"/> in a code space
/// made for <c>--link patch</c>.
/// </summary>
/// <remarks>
/// Why no cache flush or serializing instruction: x86 keeps instruction caches coherent with
/// stores by physical address, so the writable alias is seen by instruction fetch. The one
/// linear-address window (instructions already prefetched) cannot hold new code: new bytes are
/// reached only after the publishing thread returns from .NET through a ret and an indirect jump,
/// and published bytes never change afterwards. Another thread can only find new code through an
/// indirect slot, which is written with release semantics after the code bytes (x86 TSO keeps the
/// order), so it sees complete code.
/// </remarks>
public sealed unsafe class CodeSpace : IDisposable
{
    private readonly nint _reservation;
    private readonly nuint _reservationSize;
    private readonly nint _writableView;
    private readonly int _memfd;
    private readonly List<PublishedRangeHash>? _hashes;
    private long _published;       // bytes of the code region below the watermark
    private long _pendingStart = -1;
    private long _pendingEnd;
    private long _dataUsed;
    private bool _disposed;

    public nint DataStart { get; }
    public long DataSize { get; }
    public nint CodeStart { get; }
    public long CodeSize { get; }

    /// <summary>The first code address that is not yet published.</summary>
    public nint PublishedEnd => CodeStart + (nint)_published;
    public long CodeBytesFree => CodeSize - _published;
    public long DataBytesUsed => _dataUsed;
    /// <summary>Whether published code may be patched (<c>--link patch</c> only).</summary>
    public bool AllowsPatching { get; }

    public CodeSpace(long codeSize, long dataSize, bool trackHashes, bool allowPatching = false)
    {
        AllowsPatching = allowPatching;
        long page = Environment.SystemPageSize;
        codeSize = RoundUp(codeSize, page);
        dataSize = RoundUp(dataSize, page);
        if (codeSize <= 0 || dataSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(codeSize), "code and data sizes must be positive");
        // Code reaches every data cell with a rip-relative disp32, so the whole reservation must span less than 2 GiB.
        if (codeSize + dataSize >= int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(codeSize), "code + data must stay below 2 GiB for rip-relative reach");
        CodeSize = codeSize;
        DataSize = dataSize;
        _hashes = trackHashes ? [] : null;

        _memfd = Libc.MemfdCreate("lbbv-jit-code", Libc.MfdCloexec);
        if (_memfd < 0) throw Libc.Failure("memfd_create");
        if (Libc.Ftruncate(_memfd, codeSize) != 0) throw Libc.Failure("ftruncate");

        _reservationSize = (nuint)(dataSize + codeSize);
        _reservation = Libc.Mmap(0, _reservationSize, Libc.ProtNone, Libc.MapPrivate | Libc.MapAnonymous | Libc.MapNoReserve, -1, 0);
        if (_reservation == Libc.MapFailed) throw Libc.Failure("mmap(reserve)");

        DataStart = Libc.Mmap(_reservation, (nuint)dataSize, Libc.ProtRead | Libc.ProtWrite,
            Libc.MapFixed | Libc.MapPrivate | Libc.MapAnonymous | Libc.MapNoReserve, -1, 0);
        if (DataStart != _reservation) throw Libc.Failure("mmap(data)");

        CodeStart = Libc.Mmap(_reservation + (nint)dataSize, (nuint)codeSize, Libc.ProtRead | Libc.ProtExec,
            Libc.MapFixed | Libc.MapShared, _memfd, 0);
        if (CodeStart != _reservation + (nint)dataSize) throw Libc.Failure("mmap(code, r-x)");

        _writableView = Libc.Mmap(0, (nuint)codeSize, Libc.ProtRead | Libc.ProtWrite, Libc.MapShared, _memfd, 0);
        if (_writableView == Libc.MapFailed) throw Libc.Failure("mmap(code, rw-)");
    }

    /// <summary>
    /// Reserves <paramref name="size"/> bytes of fresh code space after the watermark, aligned to
    /// <paramref name="alignment"/> (the gap is filled with int3). Returns false when the code
    /// space is exhausted; nothing is changed then.
    /// </summary>
    public bool TryReserve(int size, int alignment, out CodeReservation reservation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pendingStart >= 0) throw new InvalidOperationException("a code reservation is already pending");
        if (size <= 0 || alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size));
        long start = RoundUp(_published, alignment);
        if (start + size > CodeSize)
        {
            reservation = default;
            return false;
        }
        // SAFETY: [_published, start + size) lies inside the writable view and above the watermark.
        new Span<byte>((void*)(_writableView + (nint)_published), (int)(start - _published)).Fill(0xCC);
        _pendingStart = start;
        _pendingEnd = start + size;
        reservation = new CodeReservation(CodeStart + (nint)start, _writableView + (nint)start, size);
        return true;
    }

    /// <summary>Advances the watermark over the pending reservation: from now on its bytes never change.</summary>
    public void Publish(in CodeReservation reservation)
    {
        if (_pendingStart < 0 || CodeStart + (nint)_pendingStart != reservation.Start)
            throw new InvalidOperationException("publishing a reservation that is not pending");
        _published = _pendingEnd;
        _pendingStart = -1;
        _hashes?.Add(new PublishedRangeHash(reservation.Start, reservation.Size, Fnv1a(ReadPublished(reservation.Start, reservation.Size))));
    }

    /// <summary>Gives up a pending reservation (an emission that failed before publishing).</summary>
    public void Abandon(in CodeReservation reservation)
    {
        if (_pendingStart >= 0 && CodeStart + (nint)_pendingStart == reservation.Start)
            _pendingStart = -1;
    }

    /// <summary>
    /// Rewrites one aligned 8-byte word of published code with a single store through the writable
    /// view (<c>--link patch</c>; the executable view stays read+execute). The caller serializes the
    /// instruction stream afterwards: the store goes through another linear address than the one
    /// code is fetched from.
    /// </summary>
    public void PatchPublished(nint address, ulong word)
    {
        if (!AllowsPatching) throw new InvalidOperationException("this code space never modifies published code");
        if (address % 8 != 0 || address < CodeStart || address + 8 > PublishedEnd)
            throw new ArgumentOutOfRangeException(nameof(address), "not an aligned word of published code");
        // SAFETY: the word lies below the watermark, inside the writable view of the same memfd; it
        // is 8-byte aligned, so the store is a single atomic write.
        Volatile.Write(ref *(ulong*)(_writableView + (address - CodeStart)), word);
    }

    /// <summary>
    /// Retires published code that can never run again (<c>--link reemit</c>'s dead copies, proven
    /// by <c>CopyCollector</c>): its range is no longer hashed, and the whole pages inside
    /// [<paramref name="start"/>, <paramref name="end"/>) are given back to the system (a hole
    /// punched in the memfd: they read as zeros from now on). The addresses are never published
    /// again, so no instruction fetch can meet new bytes there. Returns the pages released.
    /// </summary>
    public long Retire(nint start, nint end, IReadOnlyList<(nint Start, int Size)> units)
    {
        if (start < CodeStart || end > PublishedEnd || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), "range is not published code");
        if (_hashes is not null)
        {
            var retired = units.Select(u => u.Start).ToHashSet();
            _hashes.RemoveAll(h => retired.Contains(h.Start));
        }
        long page = Environment.SystemPageSize;
        long first = RoundUp(start - CodeStart, page), last = (end - CodeStart) / page * page;
        if (last <= first) return 0;
        long released = 0;
        for (long p = first; p < last; p += page)
            if (_releasedPages.Add(p)) released++;
        if (released > 0 && Libc.Fallocate(_memfd, Libc.FallocPunchHoleKeepSize, first, last - first) != 0)
            throw Libc.Failure("fallocate(punch hole)");
        return released;
    }

    private readonly HashSet<long> _releasedPages = [];

    /// <summary>Reads one aligned word of published code.</summary>
    public ulong ReadWord(nint address) => BitConverter.ToUInt64(ReadPublished(address, 8));

    /// <summary>Allocates zeroed, 8-byte aligned cells in the data region; false when it is full.</summary>
    public bool TryAllocateData(int size, out nint address)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long aligned = RoundUp(size, 8);
        if (_dataUsed + aligned > DataSize)
        {
            address = 0;
            return false;
        }
        address = DataStart + (nint)_dataUsed;
        _dataUsed += aligned;
        return true;
    }

    public bool IsPublishedCode(nint address) => address >= CodeStart && address < PublishedEnd;
    public bool IsData(nint address) => address >= DataStart && address < DataStart + (nint)_dataUsed;

    /// <summary>Reads published bytes through the executable (read-only) view.</summary>
    public ReadOnlySpan<byte> ReadPublished(nint start, int size)
    {
        if (start < CodeStart || start + size > PublishedEnd)
            throw new ArgumentOutOfRangeException(nameof(start), "range is not published code");
        // SAFETY: the range was just checked to lie below the watermark of the mapped executable view.
        return new ReadOnlySpan<byte>((void*)start, size);
    }

    /// <summary>Every published range whose bytes differ from the hash taken when it was published.</summary>
    public IReadOnlyList<PublishedRangeHash> FindModifiedRanges()
    {
        if (_hashes is null) throw new InvalidOperationException("the code space was created without hash tracking");
        return _hashes.Where(h => Fnv1a(ReadPublished(h.Start, h.Size)) != h.Hash).ToList();
    }

    public int PublishedRangeCount => _hashes?.Count ?? 0;

    /// <summary>Bytes of code whose pages were given back (<see cref="Retire"/>).</summary>
    public long ReleasedBytes => _releasedPages.Count * (long)Environment.SystemPageSize;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Libc.Munmap(_writableView, (nuint)CodeSize);
        Libc.Munmap(_reservation, _reservationSize);
        Libc.Close(_memfd);
    }

    private static long RoundUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}

/// <summary>A pending piece of fresh code space: where it will execute and where it is written.</summary>
public readonly struct CodeReservation
{
    internal CodeReservation(nint start, nint writable, int size) { Start = start; Writable = writable; Size = size; }
    public nint Start { get; }
    internal nint Writable { get; }
    public int Size { get; }

    internal unsafe Span<byte> WritableBytes =>
        // SAFETY: the reservation covers Size bytes of the writable view above the watermark.
        new((void*)Writable, Size);
}

public readonly record struct PublishedRangeHash(nint Start, int Size, ulong Hash);
