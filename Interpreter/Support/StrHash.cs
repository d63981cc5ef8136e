using System.Runtime.CompilerServices;

namespace Lbbv.Support;

/// <summary>
/// hash(str) as CPython 3.11 computes it with PYTHONHASHSEED=0 (the setting the tests run CPython
/// with): SipHash-1-3 with a zero key over the string's internal representation, one byte per code
/// point when all are below 256, else two (all in the BMP) or four, little-endian; "" hashes to 0
/// and -1 becomes -2. Equal to CPython's, sets of strings iterate in CPython's order.
/// </summary>
public static class StrHash
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Of(string s)
    {
        if (s.Length == 0) return 0;
        ReadOnlySpan<char> span = s;
        ulong h;
        if (span.IndexOfAnyExceptInRange('\0', '\u00FF') < 0) h = Latin1(span);
        else if (!HasSurrogatePair(span)) h = Bmp(span);
        else h = Wide(span);
        return (long)h == -1 ? -2 : (long)h;
    }

    /// <summary>One byte a character: eight characters a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static ulong Latin1(ReadOnlySpan<char> s)
    {
        var sip = new SipHash13();
        int i = 0;
        for (; i + 8 <= s.Length; i += 8)
        {
            ulong m = 0;
            for (int k = 7; k >= 0; k--) m = (m << 8) | s[i + k];
            sip.Compress(m);
        }
        ulong tail = 0;
        for (int k = s.Length - 1; k >= i; k--) tail = (tail << 8) | s[k];
        return sip.Finish(tail, s.Length);
    }

    /// <summary>Two bytes a character (the BMP, lone surrogates included): four a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static ulong Bmp(ReadOnlySpan<char> s)
    {
        var sip = new SipHash13();
        int i = 0;
        for (; i + 4 <= s.Length; i += 4)
            sip.Compress(s[i] | (ulong)s[i + 1] << 16 | (ulong)s[i + 2] << 32 | (ulong)s[i + 3] << 48);
        ulong tail = 0;
        for (int k = s.Length - 1; k >= i; k--) tail = (tail << 16) | s[k];
        return sip.Finish(tail, 2L * s.Length);
    }

    /// <summary>Four bytes a code point: two a block.</summary>
    static ulong Wide(ReadOnlySpan<char> s)
    {
        var points = new List<uint>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            bool pair = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            points.Add(pair ? (uint)char.ConvertToUtf32(s[i], s[++i]) : s[i]);
        }
        var sip = new SipHash13();
        int j = 0;
        for (; j + 2 <= points.Count; j += 2) sip.Compress(points[j] | (ulong)points[j + 1] << 32);
        return sip.Finish(j < points.Count ? points[j] : 0UL, 4L * points.Count);
    }

    static bool HasSurrogatePair(ReadOnlySpan<char> s)
    {
        for (int i = s.IndexOfAnyInRange('\uD800', '\uDBFF'); i >= 0 && i < s.Length - 1; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) return true;
        return false;
    }

    /// <summary>SipHash-1-3 (one compression round, three finalization rounds), key (0, 0), over
    /// 8-byte little-endian blocks and a last partial block.</summary>
    struct SipHash13
    {
        ulong v0, v1, v2, v3;

        public SipHash13()
        {
            v0 = 0x736f6d6570736575UL; v1 = 0x646f72616e646f6dUL;
            v2 = 0x6c7967656e657261UL; v3 = 0x7465646279746573UL;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compress(ulong m)
        {
            v3 ^= m;
            Round();
            v0 ^= m;
        }

        /// <summary>The hash, after the last bytes (fewer than 8, in <paramref name="tail"/>) of
        /// <paramref name="length"/> bytes in all.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Finish(ulong tail, long length)
        {
            Compress(((ulong)length << 56) | tail);
            v2 ^= 0xff;
            Round(); Round(); Round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        void Round()
        {
            v0 += v1; v2 += v3;
            v1 = ulong.RotateLeft(v1, 13) ^ v0;
            v3 = ulong.RotateLeft(v3, 16) ^ v2;
            v0 = ulong.RotateLeft(v0, 32);
            v2 += v1; v0 += v3;
            v1 = ulong.RotateLeft(v1, 17) ^ v2;
            v3 = ulong.RotateLeft(v3, 21) ^ v0;
            v2 = ulong.RotateLeft(v2, 32);
        }
    }
}
