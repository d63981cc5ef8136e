namespace Lbbv.Support;

/// <summary>
/// hash(str) as CPython 3.11 computes it with PYTHONHASHSEED=0 (the setting the tests run CPython
/// with): SipHash-1-3 with a zero key over the string's internal representation, one byte per code
/// point when all are below 256, else two (all in the BMP) or four, little-endian; "" hashes to 0
/// and -1 becomes -2. Equal to CPython's, sets of strings iterate in CPython's order.
/// </summary>
public static class StrHash
{
    public static long Of(string s)
    {
        if (s.Length == 0) return 0;
        int width = Width(s);
        var sip = new SipHash13();
        if (width == 4)
        {
            for (int i = 0; i < s.Length; i++)
            {
                int cp = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                    ? char.ConvertToUtf32(s[i], s[++i]) : s[i];
                sip.Append((uint)cp, 4);
            }
        }
        else foreach (char c in s) sip.Append(c, width);
        long h = (long)sip.Finish();
        return h == -1 ? -2 : h;
    }

    /// <summary>Bytes per code point of CPython's representation: 1 (Latin-1), 2 (BMP) or 4.</summary>
    static int Width(string s)
    {
        int width = 1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x100) continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) return 4;
            width = 2;
        }
        return width;
    }

    /// <summary>SipHash-1-3 (one compression round, three finalization rounds), key (0, 0), fed
    /// little-endian units of 1, 2 or 4 bytes.</summary>
    struct SipHash13
    {
        ulong v0, v1, v2, v3, word;
        int bytesInWord;
        long length;

        public SipHash13()
        {
            v0 = 0x736f6d6570736575UL; v1 = 0x646f72616e646f6dUL;
            v2 = 0x6c7967656e657261UL; v3 = 0x7465646279746573UL;
        }

        public void Append(uint unit, int bytes)
        {
            for (int k = 0; k < bytes; k++)
            {
                word |= (ulong)((unit >> (8 * k)) & 0xFF) << (8 * bytesInWord);
                length++;
                if (++bytesInWord == 8)
                {
                    Compress(word);
                    word = 0;
                    bytesInWord = 0;
                }
            }
        }

        void Compress(ulong m)
        {
            v3 ^= m;
            Round();
            v0 ^= m;
        }

        public ulong Finish()
        {
            Compress(((ulong)length << 56) | word);
            v2 ^= 0xff;
            Round(); Round(); Round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

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
