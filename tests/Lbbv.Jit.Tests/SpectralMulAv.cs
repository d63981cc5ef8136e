namespace Lbbv.Jit.Tests;

/// <summary>spectral_norm's mul_av on a 60-element list, three rounds: the program the inner-loop listing
/// tests (SpectralInnerLoopTests, FloatLoopLeafCallTests) compile.</summary>
internal static class SpectralMulAv
{
    public const string Program = """
        def eval_a(i, j):
            return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
        def mul_av(v, out):
            n = len(v)
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_a(i, j) * v[j]
                out[i] = s
        def main():
            v = [1.0] * 60
            out = [0.0] * 60
            for _ in range(3):
                mul_av(v, out)
                v, out = out, v
            print(round(sum(v), 9))
        main()
        """;

    public const string Expected = "8.897058678\n";
}
