using System.Numerics;

namespace Lbbv.Support;

/// <summary>MT19937 exactly as CPython's _randommodule.c (init_genrand, init_by_array, genrand_uint32).</summary>
public sealed class MersenneTwister
{
    private const int N = 624, M = 397;
    private const uint MatrixA = 0x9908b0dfU, UpperMask = 0x80000000U, LowerMask = 0x7fffffffU;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    /// <summary>init_genrand(s).</summary>
    public void InitGenrand(uint s)
    {
        var mt = _mt;
        mt[0] = s;
        for (int i = 1; i < N; i++)
            mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    /// <summary>init_by_array(key).</summary>
    public void InitByArray(ReadOnlySpan<uint> key)
    {
        var mt = _mt;
        InitGenrand(19650218U);
        int i = 1, j = 0;
        int keyLength = key.Length;
        for (int k = N > keyLength ? N : keyLength; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
            if (j >= keyLength) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint)i;
            i++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
        }
        mt[0] = 0x80000000U;
        _index = N;
    }

    /// <summary>genrand_uint32: the next 32 random bits.</summary>
    public uint NextUInt32()
    {
        var mt = _mt;
        if (_index >= N)
        {
            if (_index == N + 1) InitGenrand(5489U);
            int kk;
            uint y;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            for (; kk < N - 1; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            y = (mt[N - 1] & UpperMask) | (mt[0] & LowerMask);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            _index = 0;
        }
        uint r = mt[_index++];
        r ^= r >> 11;
        r ^= (r << 7) & 0x9d2c5680U;
        r ^= (r << 15) & 0xefc60000U;
        r ^= r >> 18;
        return r;
    }

    /// <summary>The state as random.getstate()[1] (625 values: 624 words then the index).</summary>
    public uint[] GetState()
    {
        var s = new uint[N + 1];
        _mt.CopyTo(s, 0);
        s[N] = (uint)_index;
        return s;
    }

    /// <summary>Restores a state produced by <see cref="GetState"/>.</summary>
    public void SetState(ReadOnlySpan<uint> state)
    {
        state[..N].CopyTo(_mt);
        _index = (int)state[N];
    }
}

/// <summary>CPython 3.11's random.Random over <see cref="MersenneTwister"/>.</summary>
public sealed class PyRandom
{
    private readonly MersenneTwister _mt = new();

    /// <summary>A generator seeded from the time (as random.Random() without a seed).</summary>
    public PyRandom() => SeedFromTime();

    /// <summary>A generator seeded with an int (random.Random(n)).</summary>
    public PyRandom(BigInteger seed) => Seed(seed);

    /// <summary>The underlying MT19937 (for getstate/setstate).</summary>
    public MersenneTwister Generator => _mt;

    /// <summary>seed(n) for an int: init_by_array over the 32-bit words of abs(n), little-endian.</summary>
    public void Seed(BigInteger n)
    {
        n = BigInteger.Abs(n);
        if (n <= uint.MaxValue)
        {
            Span<uint> one = stackalloc uint[1];
            one[0] = (uint)n;
            _mt.InitByArray(one);
            return;
        }
        byte[] bytes = n.ToByteArray(isUnsigned: true, isBigEndian: false);
        var key = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++) key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        int len = key.Length;
        while (len > 1 && key[len - 1] == 0) len--;
        _mt.InitByArray(key.AsSpan(0, len));
    }

    /// <summary>seed(x) for a float (or any hashable): CPython seeds with (size_t)hash(x).</summary>
    public void SeedFromHash(long hash) => Seed(new BigInteger(unchecked((ulong)hash)));

    /// <summary>seed(s) for a str, version 2: int.from_bytes(s.encode() + sha512(s.encode()).digest()).</summary>
    public void Seed(string s)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(s);
        byte[] digest = System.Security.Cryptography.SHA512.HashData(utf8);
        var all = new byte[utf8.Length + digest.Length];
        utf8.CopyTo(all, 0);
        digest.CopyTo(all, utf8.Length);
        Seed(new BigInteger(all, isUnsigned: true, isBigEndian: true));
    }

    /// <summary>seed() / seed(None): non-reproducible.</summary>
    public void SeedFromTime()
    {
        Span<uint> key = stackalloc uint[4];
        long t = DateTime.UtcNow.Ticks;
        key[0] = (uint)t; key[1] = (uint)(t >> 32);
        key[2] = (uint)Environment.ProcessId; key[3] = (uint)Environment.TickCount64;
        _mt.InitByArray(key);
    }

    /// <summary>random(): 53-bit float in [0, 1).</summary>
    public double Random()
    {
        uint a = _mt.NextUInt32() >> 5, b = _mt.NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>getrandbits(k); ValueError "number of bits must be non-negative".</summary>
    public BigInteger GetRandBits(long k)
    {
        if (k < 0) throw PyError.Value("number of bits must be non-negative");
        if (k == 0) return BigInteger.Zero;
        if (k <= 32) return _mt.NextUInt32() >> (int)(32 - k);
        if (k <= 64)
        {
            ulong lo = _mt.NextUInt32();
            uint hi = _mt.NextUInt32() >> (int)(64 - k);
            return lo | ((ulong)hi << 32);
        }
        int words = (int)((k - 1) / 32 + 1);
        var bytes = new byte[words * 4];
        for (int i = 0; i < words; i++, k -= 32)
        {
            uint r = _mt.NextUInt32();
            if (k < 32) r >>= (int)(32 - k);
            bytes[4 * i] = (byte)r; bytes[4 * i + 1] = (byte)(r >> 8);
            bytes[4 * i + 2] = (byte)(r >> 16); bytes[4 * i + 3] = (byte)(r >> 24);
        }
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>_randbelow(n) for 0 &lt; n: getrandbits(n.bit_length()) until below n.</summary>
    public long RandBelow(long n)
    {
        int k = PyInt.BitLength(n);
        if (k <= 32)
        {
            uint shift = (uint)(32 - k);
            long r = _mt.NextUInt32() >> (int)shift;
            while (r >= n) r = _mt.NextUInt32() >> (int)shift;
            return r;
        }
        long v = (long)GetRandBits(k);
        while (v >= n) v = (long)GetRandBits(k);
        return v;
    }

    /// <summary>_randbelow(n) for big n &gt; 0.</summary>
    public BigInteger RandBelow(BigInteger n)
    {
        if (n <= long.MaxValue) return RandBelow((long)n);
        long k = PyInt.BitLength(n);
        BigInteger r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return r;
    }

    /// <summary>randrange(stop) with CPython 3.11's checks ("empty range for randrange()").</summary>
    public BigInteger RandRange(BigInteger stop)
    {
        if (stop.Sign > 0) return RandBelow(stop);
        throw PyError.Value("empty range for randrange()");
    }

    /// <summary>randrange(start, stop, step=1) with CPython 3.11's checks and messages.</summary>
    public BigInteger RandRange(BigInteger start, BigInteger stop, BigInteger step)
    {
        BigInteger width = stop - start;
        if (step.IsOne)
        {
            if (width.Sign > 0) return start + RandBelow(width);
            throw PyError.Value($"empty range for randrange() ({start}, {stop}, {width})");
        }
        BigInteger n;
        if (step.Sign > 0) n = PyInt.FloorDiv(width + step - 1, step);
        else if (step.Sign < 0) n = PyInt.FloorDiv(width + step + 1, step);
        else throw PyError.Value("zero step for randrange()");
        if (n.Sign <= 0) throw PyError.Value("empty range for randrange()");
        return start + step * RandBelow(n);
    }

    /// <summary>randrange(start, stop) fast path for longs (step 1).</summary>
    public long RandRange(long start, long stop)
    {
        long width = stop - start;
        if (stop > start && width > 0) return start + RandBelow(width);
        return (long)RandRange(start, (BigInteger)stop, BigInteger.One);
    }

    /// <summary>randint(a, b) = randrange(a, b + 1).</summary>
    public BigInteger RandInt(BigInteger a, BigInteger b) => RandRange(a, b + 1, BigInteger.One);

    /// <summary>The index choice(seq) picks: _randbelow(len); IndexError "Cannot choose from an empty sequence".</summary>
    public long ChoiceIndex(long length)
    {
        if (length == 0) throw new PyError("IndexError", "Cannot choose from an empty sequence");
        return RandBelow(length);
    }

    /// <summary>shuffle(x) in place: for i in reversed(range(1, n)): j = _randbelow(i + 1); swap.</summary>
    public void Shuffle<T>(IList<T> x)
    {
        for (int i = x.Count - 1; i >= 1; i--)
        {
            int j = (int)RandBelow(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>shuffle over a span.</summary>
    public void Shuffle<T>(Span<T> x)
    {
        for (int i = x.Length - 1; i >= 1; i--)
        {
            int j = (int)RandBelow(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>uniform(a, b) = a + (b - a) * random().</summary>
    public double Uniform(double a, double b) => a + (b - a) * Random();
}
